/* SDF atlas: sign, exact distances, iso-line position against the outline,
 * growth that keeps texels, empty glyphs, bad glyph ids. */
#include <hb.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "text/atlas.h"
#include "text/font.h"

#include "../check.h"

static const float S = PD_ATLAS_PX_PER_EM, R = PD_ATLAS_SPREAD_PX;

static uint32_t glyph_of(pd_fonts *fonts, pd_font_id f, uint32_t cp)
{
    hb_codepoint_t g = 0;
    hb_font_get_nominal_glyph(pd_font_hb(fonts, f), cp, &g);
    return g;
}

static uint8_t texel(const pd_atlas *atlas, const pd_atlas_glyph *g, int i, int j)
{
    pd_atlas_image im = pd_atlas_image_get(atlas);
    return im.pixels[(size_t)(g->y0 + j) * (size_t)im.width + (size_t)(g->x0 + i)];
}

/* Glyph-local texel column/row whose centre is nearest to an em position. */
static int col_of(const pd_atlas_glyph *g, float x_em) { return (int)floorf((x_em - g->plane_x0) * S); }
static int row_of(const pd_atlas_glyph *g, float y_em) { return (int)floorf((g->plane_y1 - y_em) * S); }
static float col_centre_em(const pd_atlas_glyph *g, float i) { return g->plane_x0 + (i + 0.5f) / S; }
static float row_centre_em(const pd_atlas_glyph *g, int j) { return g->plane_y1 - ((float)j + 0.5f) / S; }

/* x (em) where the exact cubic outline crosses height y, found by bisection
 * on each curve, and |sin| of the angle between the curve and the row there
 * (a horizontal offset e is a distance e*|sin| from the curve); returns how
 * many, sorted by x. */
static int outline_crossings(const pd_outline *o, float y, float *xs, float *sin_a, int cap)
{
    int n = 0;
    for (uint32_t c = 0; c < o->curve_count; c++) {
        const pd_v2 *p = o->curves[c].p;
        enum {
            STEPS = 64
        };
        double prev_t = 0, prev_y = p[0].y - y;
        for (int k = 1; k <= STEPS; k++) {
            double t = (double)k / STEPS, u = 1 - t;
            double cy = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y - y;
            if ((prev_y < 0) != (cy < 0) && n < cap) {
                double lo = prev_t, hi = t, flo = prev_y;
                for (int it = 0; it < 60; it++) {
                    double m = 0.5 * (lo + hi), v = 1 - m;
                    double my =
                        v * v * v * p[0].y + 3 * v * v * m * p[1].y + 3 * v * m * m * p[2].y + m * m * m * p[3].y - y;
                    if ((flo < 0) == (my < 0)) {
                        lo = m;
                        flo = my;
                    } else {
                        hi = m;
                    }
                }
                double m = 0.5 * (lo + hi), v = 1 - m;
                float x =
                    (float)(v * v * v * p[0].x + 3 * v * v * m * p[1].x + 3 * v * m * m * p[2].x + m * m * m * p[3].x);
                double dx = 3 * (v * v * (p[1].x - p[0].x) + 2 * v * m * (p[2].x - p[1].x) + m * m * (p[3].x - p[2].x));
                double dy = 3 * (v * v * (p[1].y - p[0].y) + 2 * v * m * (p[2].y - p[1].y) + m * m * (p[3].y - p[2].y));
                float sa = (float)(fabs(dy) / sqrt(dx * dx + dy * dy));
                int at = n++;
                while (at > 0 && xs[at - 1] > x) {
                    xs[at] = xs[at - 1];
                    sin_a[at] = sin_a[at - 1];
                    at--;
                }
                xs[at] = x;
                sin_a[at] = sa;
            }
            prev_t = t;
            prev_y = cy;
        }
    }
    return n;
}

/* x (em) where the SDF row j crosses the 0.5 level, linear between texels. */
static int sdf_crossings(const pd_atlas *atlas, const pd_atlas_glyph *g, int j, float *xs, int cap)
{
    int n = 0, w = g->x1 - g->x0;
    for (int i = 0; i + 1 < w && n < cap; i++) {
        float a = texel(atlas, g, i, j), b = texel(atlas, g, i + 1, j);
        if ((a < 127.5f) != (b < 127.5f))
            xs[n++] = col_centre_em(g, (float)i + (127.5f - a) / (b - a));
    }
    return n;
}

/* Checks every 0.5-level crossing of the rows through the glyph against the
 * true outline: the iso-line must sit on the curve within 0.1 texel. */
static void check_iso_line(pd_fonts *fonts, pd_atlas *atlas, pd_font_id f, uint32_t cp, float y_frac)
{
    pd_err err = {0};
    uint32_t gid = glyph_of(fonts, f, cp);
    const pd_outline *o = pd_font_outline(fonts, f, gid);
    const pd_atlas_glyph *g = pd_atlas_get(atlas, f, gid, &err);
    CHECK(g && o && !g->empty, "U+%04X: %s", cp, err.msg);
    if (!g || !o)
        return;
    int j = row_of(g, o->ink_y0 + y_frac * (o->ink_y1 - o->ink_y0));
    float y = row_centre_em(g, j);
    float want[16], sin_a[16], got[16];
    int nw = outline_crossings(o, y, want, sin_a, 16), ng = sdf_crossings(atlas, g, j, got, 16);
    CHECK(nw == ng && nw > 0, "U+%04X row %d: outline crosses %d times, SDF %d times", cp, j, nw, ng);
    float worst = 0, worst_row = 0;
    for (int k = 0; k < nw && k < ng; k++) {
        worst_row = fmaxf(worst_row, fabsf(got[k] - want[k]) * S);
        worst = fmaxf(worst, fabsf(got[k] - want[k]) * S * sin_a[k]);
    }
    CHECK(worst <= 0.1f, "U+%04X row %d: iso-line %.3f texel off the outline", cp, j, (double)worst);
    printf("U+%04X at %.0f%% height: %d crossings, iso-line off the outline by <= %.4f texel (%.4f along the row)\n",
           cp, (double)(y_frac * 100), nw, (double)worst, (double)worst_row);
}

/* "I": inside at the centre, 0 far outside, the stem's edges exactly on the
 * outline, and the field across the stem equal to the exact distance. */
static void test_stem(pd_fonts *fonts, pd_atlas *atlas)
{
    pd_err err = {0};
    uint32_t gid = glyph_of(fonts, PD_FONT_SERIF, 'I');
    const pd_outline *o = pd_font_outline(fonts, PD_FONT_SERIF, gid);
    const pd_atlas_glyph *g = pd_atlas_get(atlas, PD_FONT_SERIF, gid, &err);
    CHECK(g && !g->empty, "'I' not rasterised: %s", err.msg);
    if (!g)
        return;
    CHECK(g->plane_x0 <= o->ink_x0 - R / S && g->plane_x1 >= o->ink_x1 + R / S && g->plane_y0 <= o->ink_y0 - R / S &&
              g->plane_y1 >= o->ink_y1 + R / S,
          "'I' quad does not include the spread margin");
    CHECK((g->x1 - g->x0) == (int)lrintf((g->plane_x1 - g->plane_x0) * S) &&
              (g->y1 - g->y0) == (int)lrintf((g->plane_y1 - g->plane_y0) * S),
          "'I' texel rect does not match its plane at %g texels/em", (double)S);

    float cx = 0.5f * (o->ink_x0 + o->ink_x1), cy = 0.5f * (o->ink_y0 + o->ink_y1);
    int ci = col_of(g, cx), cj = row_of(g, cy);
    CHECK(texel(atlas, g, ci, cj) > 150, "'I' centre is not inside: %d", texel(atlas, g, ci, cj));
    CHECK(texel(atlas, g, 0, 0) == 0 && texel(atlas, g, g->x1 - g->x0 - 1, g->y1 - g->y0 - 1) == 0,
          "'I' corners are not far outside: %d %d", texel(atlas, g, 0, 0),
          texel(atlas, g, g->x1 - g->x0 - 1, g->y1 - g->y0 - 1));

    /* the stem: the vertical straight pieces crossing mid-height */
    float xl = INFINITY, xr = -INFINITY;
    for (uint32_t c = 0; c < o->curve_count; c++) {
        const pd_v2 *p = o->curves[c].p;
        if (p[0].x == p[3].x && p[1].x == p[0].x && p[2].x == p[0].x && fminf(p[0].y, p[3].y) < cy &&
            fmaxf(p[0].y, p[3].y) > cy) {
            xl = fminf(xl, p[0].x);
            xr = fmaxf(xr, p[0].x);
        }
    }
    CHECK(xl < xr, "'I' has no vertical stem edges at mid-height");
    float got[8];
    int n = sdf_crossings(atlas, g, cj, got, 8);
    CHECK(n == 2, "'I' mid row crosses 0.5 %d times", n);
    if (n == 2) {
        float el = fabsf(got[0] - xl) * S, er = fabsf(got[1] - xr) * S;
        printf("'I' stem: left edge %.4f texel off, right edge %.4f texel off (limit 0.1)\n", (double)el, (double)er);
        CHECK(el <= 0.1f && er <= 0.1f, "'I' stem edges off by %.3f / %.3f texel", (double)el, (double)er);
    }
    /* exact Euclidean distance across the row: within one 8-bit step */
    int bad = 0;
    for (int i = 0; i < g->x1 - g->x0; i++) {
        float x = col_centre_em(g, (float)i);
        float d = (x > xl && x < xr) ? fminf(x - xl, xr - x) : -fminf(fabsf(x - xl), fabsf(x - xr));
        d *= S;
        float want = fminf(fmaxf(0.5f + d / (2 * R), 0), 1) * 255;
        if (fabsf(texel(atlas, g, i, cj) - want) > 0.51f) {
            if (!bad++)
                printf("  texel %d: %d, exact distance %.3f wants %.2f\n", i, texel(atlas, g, i, cj), (double)d,
                       (double)want);
        }
    }
    CHECK(bad == 0, "'I' mid row: %d texels differ from the exact distance by more than half a step", bad);
}

/* Squared distance (em^2) from (x, y) to the exact cubic outline: dense
 * samples joined by chords, then the nearest chord refined by ternary search. */
static double exact_dist2(const pd_outline *o, double x, double y)
{
    double best = INFINITY;
    for (uint32_t c = 0; c < o->curve_count; c++) {
        const pd_v2 *p = o->curves[c].p;
        enum {
            N = 96
        };
        double bt = 0, bd = INFINITY;
        for (int k = 0; k <= N; k++) {
            double t = (double)k / N, u = 1 - t;
            double px = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
            double py = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;
            double d = (px - x) * (px - x) + (py - y) * (py - y);
            if (d < bd) {
                bd = d;
                bt = t;
            }
        }
        double lo = fmax(0, bt - 1.0 / N), hi = fmin(1, bt + 1.0 / N);
        for (int it = 0; it < 60; it++) {
            double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3, d[2];
            for (int q = 0; q < 2; q++) {
                double t = q ? m2 : m1, u = 1 - t;
                double px = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
                double py = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;
                d[q] = (px - x) * (px - x) + (py - y) * (py - y);
            }
            if (d[0] < d[1])
                hi = m2;
            else
                lo = m1;
        }
        double t = 0.5 * (lo + hi), u = 1 - t;
        double px = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
        double py = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;
        bd = fmin(bd, (px - x) * (px - x) + (py - y) * (py - y));
        best = fmin(best, bd);
    }
    return best;
}

/* Every texel within the spread holds the exact distance to the true curves:
 * flattening (<= 0.05 texel) plus half an 8-bit step (0.031 texel). */
static void check_field(pd_fonts *fonts, pd_atlas *atlas, pd_font_id f, uint32_t cp)
{
    pd_err err = {0};
    uint32_t gid = glyph_of(fonts, f, cp);
    const pd_outline *o = pd_font_outline(fonts, f, gid);
    const pd_atlas_glyph *g = pd_atlas_get(atlas, f, gid, &err);
    if (!g || !o)
        return;
    float worst = 0;
    int checked = 0;
    for (int j = 0; j < g->y1 - g->y0; j++)
        for (int i = 0; i < g->x1 - g->x0; i++) {
            int v = texel(atlas, g, i, j);
            if (v == 0 || v == 255)
                continue; /* clamped: only says |d| >= spread */
            float d = fabsf(((float)v / 255.0f - 0.5f) * 2 * R);
            float want = (float)sqrt(exact_dist2(o, col_centre_em(g, (float)i), row_centre_em(g, j))) * S;
            worst = fmaxf(worst, fabsf(d - want));
            checked++;
        }
    printf("U+%04X field: %d texels, worst |distance error| %.4f texel\n", cp, checked, (double)worst);
    CHECK(worst <= 0.1f, "U+%04X: a texel's distance is %.3f texel off the exact outline distance", cp, (double)worst);
}

typedef struct rect {
    int x0, y0, x1, y1;
} rect;

static void test_growth(pd_fonts *fonts, pd_atlas *atlas)
{
    pd_err err = {0};
    uint32_t gid_i = glyph_of(fonts, PD_FONT_SERIF, 'I');
    const pd_atlas_glyph *gi = pd_atlas_get(atlas, PD_FONT_SERIF, gid_i, &err);
    if (!gi)
        return;
    pd_atlas_glyph first = *gi;
    int w = first.x1 - first.x0, h = first.y1 - first.y0;
    uint8_t *saved = malloc((size_t)(w * h));
    for (int j = 0; j < h; j++)
        for (int i = 0; i < w; i++)
            saved[j * w + i] = texel(atlas, &first, i, j);

    pd_atlas_image before = pd_atlas_image_get(atlas);
    enum {
        MAX_RECTS = 4096
    };
    rect *rects = malloc(MAX_RECTS * sizeof *rects);
    int nrect = 0;
    bool grew = false, gen_ok = true;
    uint64_t gen = before.generation;
    /* rasterise bold glyphs until the 1024-row bitmap is full and doubles */
    uint32_t total = 0;
    for (uint32_t gid = 1; gid < 4000 && !grew; gid++) {
        const pd_outline *o = pd_font_outline(fonts, PD_FONT_SERIF_BOLD, gid);
        if (!o)
            break;
        int count = pd_atlas_glyph_count(atlas);
        const pd_atlas_glyph *g = pd_atlas_get(atlas, PD_FONT_SERIF_BOLD, gid, &err);
        CHECK(g != NULL, "glyph %u: %s", gid, err.msg);
        if (!g)
            break;
        total++;
        pd_atlas_image im = pd_atlas_image_get(atlas);
        if (!g->empty && pd_atlas_glyph_count(atlas) > count) {
            gen_ok &= im.generation > gen;
            if (nrect < MAX_RECTS)
                rects[nrect++] = (rect){g->x0, g->y0, g->x1, g->y1};
            CHECK(g->x1 <= im.width && g->y1 <= im.height, "glyph %u outside the bitmap", gid);
        }
        gen = im.generation;
        grew = im.height > before.height;
    }
    pd_atlas_image after = pd_atlas_image_get(atlas);
    printf("growth: %u glyphs filled %dx%d, now %dx%d, generation %llu -> %llu\n", total, before.width, before.height,
           after.width, after.height, (unsigned long long)before.generation, (unsigned long long)after.generation);
    CHECK(grew && after.height == 2 * before.height && after.width == before.width,
          "atlas did not double its height (%dx%d -> %dx%d)", before.width, before.height, after.width, after.height);
    CHECK(gen_ok && after.generation > before.generation, "generation did not increase on every new glyph");

    const pd_atlas_glyph *again = pd_atlas_get(atlas, PD_FONT_SERIF, gid_i, &err);
    CHECK(again && again->x0 == first.x0 && again->y0 == first.y0 && again->x1 == first.x1 && again->y1 == first.y1,
          "'I' moved after growth");
    int changed = 0;
    for (int j = 0; j < h; j++)
        for (int i = 0; i < w; i++)
            changed += saved[j * w + i] != texel(atlas, &first, i, j);
    CHECK(changed == 0, "%d texels of 'I' changed after growth", changed);
    uint64_t g_now = pd_atlas_image_get(atlas).generation;
    CHECK(pd_atlas_image_get(atlas).generation == g_now, "lookup of a cached glyph changed the generation");

    int overlaps = 0;
    for (int a = 0; a < nrect; a++)
        for (int b = a + 1; b < nrect; b++)
            overlaps += rects[a].x0 < rects[b].x1 && rects[b].x0 < rects[a].x1 && rects[a].y0 < rects[b].y1 &&
                        rects[b].y0 < rects[a].y1;
    CHECK(overlaps == 0, "%d overlapping glyph rectangles", overlaps);
    free(rects);
    free(saved);
}

static void test_empty_and_errors(pd_fonts *fonts, pd_atlas *atlas)
{
    pd_err err = {0};
    int count = pd_atlas_glyph_count(atlas);
    uint64_t gen = pd_atlas_image_get(atlas).generation;
    const pd_atlas_glyph *sp = pd_atlas_get(atlas, PD_FONT_SERIF, glyph_of(fonts, PD_FONT_SERIF, ' '), &err);
    CHECK(sp && sp->empty && sp->x0 == sp->x1, "space is not an empty entry");
    CHECK(pd_atlas_glyph_count(atlas) == count + 1, "space not counted");
    CHECK(pd_atlas_image_get(atlas).generation == gen, "an empty glyph changed the generation");
    err.msg[0] = 0;
    CHECK(pd_atlas_get(atlas, PD_FONT_SERIF, 10000000u, &err) == NULL && err.msg[0], "bad glyph id accepted");
    printf("bad glyph message example: %s\n", err.msg);
    CHECK(pd_atlas_get(atlas, PD_FONT_COUNT, 1, &err) == NULL, "bad font id accepted");
    CHECK(pd_atlas_glyph_count(atlas) == count + 1, "failed gets added entries");
}

int main(void)
{
    pd_fonts *fonts = NULL;
    pd_err err = {0};
    if (!pd_fonts_load(&fonts, pd_assets_dir(), &err)) {
        printf("FAIL: %s\n", err.msg);
        return 1;
    }
    pd_atlas *atlas = pd_atlas_create(fonts);
    CHECK(atlas != NULL, "atlas not created");
    pd_atlas_image im = pd_atlas_image_get(atlas);
    CHECK(im.width >= 1024 && im.height >= 1024 && pd_atlas_glyph_count(atlas) == 0, "fresh atlas %dx%d", im.width,
          im.height);

    test_stem(fonts, atlas);
    check_iso_line(fonts, atlas, PD_FONT_SERIF, 'H', 0.5f);
    check_iso_line(fonts, atlas, PD_FONT_SERIF, 'O', 0.5f);
    check_iso_line(fonts, atlas, PD_FONT_SERIF, 'o', 0.3f);
    check_iso_line(fonts, atlas, PD_FONT_SERIF, 'S', 0.5f);
    check_iso_line(fonts, atlas, PD_FONT_SERIF_BOLD, 'Q', 0.6f);
    check_iso_line(fonts, atlas, PD_FONT_FALLBACK, 0x2713, 0.5f);
    check_iso_line(fonts, atlas, PD_FONT_MATH, 0x221A, 0.5f);
    check_field(fonts, atlas, PD_FONT_SERIF, 'S');
    check_field(fonts, atlas, PD_FONT_SERIF, 'g');
    check_field(fonts, atlas, PD_FONT_FALLBACK, 0x2713);
    test_empty_and_errors(fonts, atlas);
    test_growth(fonts, atlas);

    pd_atlas_destroy(&atlas);
    CHECK(atlas == NULL, "destroy did not clear the pointer");
    pd_fonts_unload(&fonts);
    return check_exit();
}
