#include "text/atlas.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/vec.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- defines ---- */

#define INITIAL_SIZE 1024
/* coordinates are uint16_t; 1024 x 16384 R8 is 16 MiB, far more than a talk needs */
#define MAX_HEIGHT 16384
/* empty texels between glyph rectangles so bilinear sampling at a quad's
 * edge never reads a neighbour's field */
#define PAD 1
/* flattening tolerance in texels: well under the 8-bit step of 16/255 texel */
#define FLATTEN_TOL 0.05f
#define MAX_PIECES 256

/* ---- types ---- */

typedef struct seg {
    float ax, ay, bx, by; /* glyph-local texel coordinates, y down */
    float pa, pb;         /* outline progress at a and at b (Manim's partial-path order) */
} seg;

typedef struct crossing {
    float x;
    int dir;
} crossing;

typedef struct shelf {
    int x, y, h;
} shelf;

typedef struct slot {
    uint64_t key; /* 0 = free; else (font + 1) << 32 | glyph */
    uint32_t index;
} slot;

struct pd_atlas {
    pd_fonts *fonts;
    uint8_t *pixels;
    uint8_t *progress; /* same size as pixels: the outline progress plane */
    int width, height;
    uint64_t generation;
    pd_vec entries; /* pd_atlas_glyph */
    slot *table;
    uint32_t table_cap; /* power of two, kept at most half full */
    pd_vec shelves;     /* shelf */
    int next_y;         /* first free row below the last shelf */
    /* scratch reused for every glyph, so rasterising allocates nothing once warm */
    pd_vec segs;    /* seg */
    pd_vec dist2;   /* float: squared distance per texel */
    pd_vec prog;    /* float: outline progress of the nearest outline point per texel */
    pd_vec crosses; /* crossing */
};

/* ---- hash table ---- */

static uint32_t hash_key(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return (uint32_t)k;
}

static slot *table_find(const pd_atlas *a, uint64_t key)
{
    uint32_t mask = a->table_cap - 1;
    for (uint32_t i = hash_key(key) & mask;; i = (i + 1) & mask) {
        slot *s = &a->table[i];
        if (s->key == key || s->key == 0)
            return s;
    }
}

static void table_insert(pd_atlas *a, uint64_t key, uint32_t index)
{
    if ((uint64_t)(a->entries.len + 1) * 2 > a->table_cap) {
        slot *old = a->table;
        uint32_t old_cap = a->table_cap;
        a->table_cap *= 2;
        a->table = calloc(a->table_cap, sizeof *a->table);
        if (!a->table)
            abort(); /* as pd_vec: out of memory is not recoverable here */
        for (uint32_t i = 0; i < old_cap; i++)
            if (old[i].key)
                *table_find(a, old[i].key) = old[i];
        free(old);
    }
    slot *s = table_find(a, key);
    s->key = key;
    s->index = index;
}

/* ---- lifetime ---- */

pd_atlas *pd_atlas_create(pd_fonts *fonts)
{
    pd_atlas *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->fonts = fonts;
    a->width = a->height = INITIAL_SIZE;
    a->pixels = calloc((size_t)a->width * (size_t)a->height, 1);
    a->progress = calloc((size_t)a->width * (size_t)a->height, 1);
    a->table_cap = 256;
    a->table = calloc(a->table_cap, sizeof *a->table);
    if (!a->pixels || !a->progress || !a->table) {
        pd_atlas_destroy(&a);
        return NULL;
    }
    a->generation = 1;
    return a;
}

void pd_atlas_destroy(pd_atlas **atlas)
{
    pd_atlas *a = *atlas;
    if (!a)
        return;
    free(a->pixels);
    free(a->progress);
    free(a->table);
    pd_vec_free(&a->entries);
    pd_vec_free(&a->shelves);
    pd_vec_free(&a->segs);
    pd_vec_free(&a->dist2);
    pd_vec_free(&a->prog);
    pd_vec_free(&a->crosses);
    free(a);
    *atlas = NULL;
}

/* ---- packing ---- */

static bool grow(pd_atlas *a, int min_height, pd_err *err)
{
    int h = a->height;
    while (h < min_height)
        h *= 2;
    if (h > MAX_HEIGHT)
        return pd_err_set(err, "glyph atlas full (%d rows max; podium does not expect this many glyphs)", MAX_HEIGHT);
    uint8_t *p = realloc(a->pixels, (size_t)a->width * (size_t)h);
    if (!p)
        return pd_err_set(err, "out of memory growing the glyph atlas to %dx%d", a->width, h);
    /* rows are appended below, so every existing texel keeps its position */
    memset(p + (size_t)a->width * (size_t)a->height, 0, (size_t)a->width * (size_t)(h - a->height));
    a->pixels = p;
    p = realloc(a->progress, (size_t)a->width * (size_t)h);
    if (!p)
        return pd_err_set(err, "out of memory growing the glyph atlas to %dx%d", a->width, h);
    memset(p + (size_t)a->width * (size_t)a->height, 0, (size_t)a->width * (size_t)(h - a->height));
    a->progress = p;
    a->height = h;
    a->generation++;
    return true;
}

/* Finds room for a w x h rectangle: the lowest-waste shelf that fits, else a
 * new shelf, else a taller bitmap. */
static bool place(pd_atlas *a, int w, int h, int *ox, int *oy, pd_err *err)
{
    if (w + PAD > a->width)
        return pd_err_set(err, "glyph too wide for the atlas (%d texels, the atlas is %d wide)", w, a->width);
    shelf *best = NULL;
    shelf *sh = a->shelves.data;
    for (size_t i = 0; i < a->shelves.len; i++) {
        shelf *s = &sh[i];
        /* a shelf much taller than the glyph would waste its height */
        if (s->h >= h && s->h <= h + h / 3 + 4 && s->x + w + PAD <= a->width && (!best || s->h < best->h))
            best = s;
    }
    if (!best) {
        if (a->next_y + h + PAD > a->height && !grow(a, a->next_y + h + PAD, err))
            return false;
        best = pd_vec_push(&a->shelves, sizeof *best);
        best->x = 0;
        best->y = a->next_y;
        best->h = h;
        a->next_y += h + PAD;
    }
    *ox = best->x;
    *oy = best->y;
    best->x += w + PAD;
    return true;
}

/* ---- rasterisation ---- */

/* Flattens one cubic (texel coordinates) into straight pieces. Uniform steps
 * in t: a piece spanning dt deviates from the curve by at most
 * dt^2/8 * max|B''| <= dt^2 * 0.75 * max(|P0-2P1+P2|, |P1-2P2+P3|). */
static void flatten(pd_vec *segs, const pd_v2 p[4], float p0, float p1)
{
    float d1x = p[0].x - 2 * p[1].x + p[2].x, d1y = p[0].y - 2 * p[1].y + p[2].y;
    float d2x = p[1].x - 2 * p[2].x + p[3].x, d2y = p[1].y - 2 * p[2].y + p[3].y;
    float m = sqrtf(fmaxf(d1x * d1x + d1y * d1y, d2x * d2x + d2y * d2y));
    int n = (int)ceilf(sqrtf(0.75f * m / FLATTEN_TOL));
    n = n < 1 ? 1 : n > MAX_PIECES ? MAX_PIECES : n;
    float px = p[0].x, py = p[0].y;
    for (int k = 1; k <= n; k++) {
        float x = p[3].x, y = p[3].y; /* last piece ends exactly on the anchor */
        if (k < n) {
            float t = (float)k / (float)n, u = 1 - t;
            float b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;
            x = b0 * p[0].x + b1 * p[1].x + b2 * p[2].x + b3 * p[3].x;
            y = b0 * p[0].y + b1 * p[1].y + b2 * p[2].y + b3 * p[3].y;
        }
        if (x != px || y != py) {
            /* progress is uniform in the curve parameter, as Manim's partial curves */
            seg *s = pd_vec_push(segs, sizeof *s);
            *s = (seg){px, py, x, y, p0 + (p1 - p0) * (float)(k - 1) / (float)n, p0 + (p1 - p0) * (float)k / (float)n};
        }
        px = x;
        py = y;
    }
}

/* The x interval of row cy within distance r of segment s (a capsule, so the
 * slice is one interval: the hull of the slices of its two end discs and of
 * its central strip). Returns false if the row misses it. */
static bool capsule_slice(const seg *s, float dx, float dy, float len, float cy, float r, float *lo, float *hi)
{
    float l = INFINITY, h = -INFINITY;
    float ea = cy - s->ay, eb = cy - s->by;
    if (ea * ea < r * r) {
        float q = sqrtf(r * r - ea * ea);
        l = s->ax - q;
        h = s->ax + q;
    }
    if (eb * eb < r * r) {
        float q = sqrtf(r * r - eb * eb);
        l = s->bx - q < l ? s->bx - q : l;
        h = s->bx + q > h ? s->bx + q : h;
    }
    if (len > 0) {
        /* strip = projection onto the segment within [0, len] and
         * perpendicular distance below r: two intervals along the row */
        float p0 = -INFINITY, p1 = INFINITY, q0 = -INFINITY, q1 = INFINITY;
        float c = ea * dy; /* projection numerator at x = ax */
        if (dx != 0) {
            p0 = s->ax - c / dx;
            p1 = s->ax + (len * len - c) / dx;
            if (p0 > p1) {
                float t = p0;
                p0 = p1;
                p1 = t;
            }
        } else if (c < 0 || c > len * len) {
            p0 = INFINITY;
        }
        if (dy != 0) {
            float xc = s->ax + ea * dx / dy, hw = r * len / fabsf(dy);
            q0 = xc - hw;
            q1 = xc + hw;
        } else if (ea * ea >= r * r) {
            q0 = INFINITY;
        }
        float a = p0 > q0 ? p0 : q0, b = p1 < q1 ? p1 : q1;
        if (a < b) {
            l = a < l ? a : l;
            h = b > h ? b : h;
        }
    }
    *lo = l;
    *hi = h;
    return l < h;
}

/* row[i] = min(row[i], squared distance from (i + x0, py) to the segment
 * from the origin to (dx, dy)) for i in [i0, i1]: the rasteriser's inner
 * loop, four texels at a time where SSE is there (every x86-64). */
static void splat_row(float *row, float *prow, int i0, int i1, float x0, float py, float dx, float dy, float inv,
                      float pa, float pb)
{
    float pyd = py * dy, dp = pb - pa;
    int i = i0;
#ifdef __SSE2__
    const __m128 vdx = _mm_set1_ps(dx), vdy = _mm_set1_ps(dy), vinv = _mm_set1_ps(inv);
    const __m128 vpyd = _mm_set1_ps(pyd), vpy = _mm_set1_ps(py), zero = _mm_setzero_ps(), one = _mm_set1_ps(1);
    const __m128 step = _mm_set1_ps(4), lane = _mm_set_ps(3, 2, 1, 0);
    const __m128 vpa = _mm_set1_ps(pa), vdp = _mm_set1_ps(dp);
    __m128 vpx = _mm_add_ps(_mm_set1_ps((float)i0 + x0), lane);
    for (; i + 3 <= i1; i += 4) {
        __m128 t = _mm_mul_ps(_mm_add_ps(_mm_mul_ps(vpx, vdx), vpyd), vinv);
        t = _mm_min_ps(_mm_max_ps(t, zero), one);
        __m128 ex = _mm_sub_ps(vpx, _mm_mul_ps(t, vdx)), ey = _mm_sub_ps(vpy, _mm_mul_ps(t, vdy));
        __m128 d2 = _mm_add_ps(_mm_mul_ps(ex, ex), _mm_mul_ps(ey, ey));
        __m128 old = _mm_loadu_ps(row + i);
        __m128 closer = _mm_cmplt_ps(d2, old);
        _mm_storeu_ps(row + i, _mm_min_ps(d2, old));
        /* the nearest piece also gives the texel its outline progress */
        __m128 pg = _mm_add_ps(vpa, _mm_mul_ps(t, vdp));
        __m128 oldp = _mm_loadu_ps(prow + i);
        _mm_storeu_ps(prow + i, _mm_or_ps(_mm_and_ps(closer, pg), _mm_andnot_ps(closer, oldp)));
        vpx = _mm_add_ps(vpx, step);
    }
#endif
    for (; i <= i1; i++) {
        float px = (float)i + x0;
        float t = (px * dx + pyd) * inv;
        t = t > 0.0f ? t : 0.0f;
        t = t < 1.0f ? t : 1.0f;
        float ex = px - t * dx, ey = py - t * dy;
        float d2 = ex * ex + ey * ey;
        if (d2 < row[i]) {
            row[i] = d2;
            prow[i] = pa + t * dp;
        }
    }
}

/* Lowers dist2 to the squared distance from each texel centre to segment s,
 * visiting only texels within r of it. */
static void splat(float *dist2, float *prog, int w, int h, const seg *s, float r)
{
    float dx = s->bx - s->ax, dy = s->by - s->ay;
    float len2 = dx * dx + dy * dy, len = sqrtf(len2);
    float inv = len2 > 0 ? 1.0f / len2 : 0.0f;
    float ymin = s->ay < s->by ? s->ay : s->by, ymax = s->ay < s->by ? s->by : s->ay;
    int j0 = (int)ceilf(ymin - r - 0.5f), j1 = (int)floorf(ymax + r - 0.5f);
    j0 = j0 < 0 ? 0 : j0;
    j1 = j1 > h - 1 ? h - 1 : j1;
    for (int j = j0; j <= j1; j++) {
        float cy = (float)j + 0.5f, xlo, xhi;
        if (!capsule_slice(s, dx, dy, len, cy, r, &xlo, &xhi))
            continue;
        /* texel centres i + 0.5 inside (xlo, xhi), one spare texel each side
         * against rounding at the rim (those lie at ~r and clamp anyway) */
        int i0 = (int)floorf(xlo - 0.5f), i1 = (int)ceilf(xhi - 0.5f);
        i0 = i0 < 0 ? 0 : i0;
        i1 = i1 > w - 1 ? w - 1 : i1;
        float *row = dist2 + (size_t)j * (size_t)w, *prow = prog + (size_t)j * (size_t)w;
        float py = cy - s->ay, x0 = 0.5f - s->ax;
        splat_row(row, prow, i0, i1, x0, py, dx, dy, inv, s->pa, s->pb);
    }
}

/* Writes the glyph's field into the atlas at (ox, oy): exact distance to the
 * flattened outline, sign by the non-zero winding rule along each row. */
static void rasterise(pd_atlas *a, const pd_outline *o, int ix0, int iy1, int w, int h, int ox, int oy)
{
    const float s = PD_ATLAS_PX_PER_EM, r = PD_ATLAS_SPREAD_PX;
    a->segs.len = 0;
    for (uint32_t c = 0; c < o->curve_count; c++) {
        pd_v2 p[4];
        for (int k = 0; k < 4; k++)
            p[k] = (pd_v2){o->curves[c].p[k].x * s - (float)ix0, (float)iy1 - o->curves[c].p[k].y * s};
        /* curve c of n covers progress [c/n, (c+1)/n], over all contours in order */
        flatten(&a->segs, p, (float)c / (float)o->curve_count, (float)(c + 1) / (float)o->curve_count);
    }
    const seg *sg = a->segs.data;
    size_t nseg = a->segs.len;

    size_t area = (size_t)w * (size_t)h;
    pd_vec_reserve(&a->dist2, sizeof(float), area);
    pd_vec_reserve(&a->prog, sizeof(float), area);
    float *dist2 = a->dist2.data, *prog = a->prog.data;
    for (size_t i = 0; i < area; i++) {
        dist2[i] = r * r;
        prog[i] = 0;
    }
    for (size_t k = 0; k < nseg; k++)
        splat(dist2, prog, w, h, &sg[k], r);

    pd_vec_reserve(&a->crosses, sizeof(crossing), nseg);
    crossing *cr = a->crosses.data;
    for (int j = 0; j < h; j++) {
        float cy = (float)j + 0.5f;
        /* crossings of the row's centre line; half-open in y so a vertex
         * shared by two segments counts once */
        int nc = 0;
        for (size_t k = 0; k < nseg; k++) {
            const seg *e = &sg[k];
            if ((e->ay <= cy) == (e->by <= cy))
                continue;
            float x = e->ax + (cy - e->ay) * (e->bx - e->ax) / (e->by - e->ay);
            int dir = e->by > e->ay ? 1 : -1;
            int m = nc++;
            while (m > 0 && cr[m - 1].x > x) { /* insertion sort: a row has few crossings */
                cr[m] = cr[m - 1];
                m--;
            }
            cr[m] = (crossing){x, dir};
        }
        const float *drow = dist2 + (size_t)j * (size_t)w, *prow = prog + (size_t)j * (size_t)w;
        uint8_t *out = a->pixels + (size_t)(oy + j) * (size_t)a->width + (size_t)ox;
        uint8_t *pout = a->progress + (size_t)(oy + j) * (size_t)a->width + (size_t)ox;
        for (int i = 0; i < w; i++)
            pout[i] = (uint8_t)(fminf(fmaxf(prow[i], 0.0f), 1.0f) * 255.0f + 0.5f);
        int winding = 0, c = 0;
        for (int i = 0; i < w; i++) {
            float cx = (float)i + 0.5f;
            while (c < nc && cr[c].x < cx)
                winding += cr[c++].dir;
            float d = sqrtf(drow[i]);
            float v = 0.5f + (winding != 0 ? d : -d) * (0.5f / r);
            v = v < 0 ? 0 : v > 1 ? 1 : v;
            out[i] = (uint8_t)(v * 255.0f + 0.5f); /* v >= 0: rounds to nearest */
        }
    }
}

const pd_atlas_glyph *pd_atlas_get(pd_atlas *a, pd_font_id font, uint32_t glyph, pd_err *err)
{
    if (!a || (int)font < 0 || font >= PD_FONT_COUNT) {
        pd_err_set(err, "atlas: %s (pass an atlas from pd_atlas_create and a pd_font_id)",
                   !a ? "no atlas given" : "font id out of range");
        return NULL;
    }
    uint64_t key = ((uint64_t)font + 1) << 32 | glyph;
    slot *found = table_find(a, key);
    if (found->key == key)
        return (pd_atlas_glyph *)a->entries.data + found->index;

    const pd_outline *o = pd_font_outline(a->fonts, font, glyph);
    if (!o) {
        pd_err_set(err, "atlas: glyph id %u is not in font %d (use a glyph id from shaping)", glyph, (int)font);
        return NULL;
    }
    pd_atlas_glyph g = {.empty = true};
    if (!o->empty) {
        /* the field covers the control-point box (it contains the curves)
         * plus the spread, on the em's 64-texel grid */
        float bx0 = INFINITY, by0 = INFINITY, bx1 = -INFINITY, by1 = -INFINITY;
        for (uint32_t c = 0; c < o->curve_count; c++)
            for (int k = 0; k < 4; k++) {
                pd_v2 p = o->curves[c].p[k];
                bx0 = fminf(bx0, p.x);
                by0 = fminf(by0, p.y);
                bx1 = fmaxf(bx1, p.x);
                by1 = fmaxf(by1, p.y);
            }
        const float s = PD_ATLAS_PX_PER_EM, r = PD_ATLAS_SPREAD_PX;
        int ix0 = (int)floorf(bx0 * s - r), ix1 = (int)ceilf(bx1 * s + r);
        int iy0 = (int)floorf(by0 * s - r), iy1 = (int)ceilf(by1 * s + r);
        int w = ix1 - ix0, h = iy1 - iy0, ox = 0, oy = 0;
        if (!place(a, w, h, &ox, &oy, err))
            return NULL;
        rasterise(a, o, ix0, iy1, w, h, ox, oy);
        a->generation++;
        g = (pd_atlas_glyph){
            .plane_x0 = (float)ix0 / s,
            .plane_y0 = (float)iy0 / s,
            .plane_x1 = (float)ix1 / s,
            .plane_y1 = (float)iy1 / s,
            .x0 = (uint16_t)ox,
            .y0 = (uint16_t)oy,
            .x1 = (uint16_t)(ox + w),
            .y1 = (uint16_t)(oy + h),
            .empty = false,
        };
    }
    uint32_t index = (uint32_t)a->entries.len;
    table_insert(a, key, index);
    pd_atlas_glyph *e = pd_vec_push(&a->entries, sizeof *e);
    *e = g;
    return e;
}

pd_atlas_image pd_atlas_image_get(const pd_atlas *a)
{
    return (pd_atlas_image){.pixels = a->pixels,
                            .progress = a->progress,
                            .width = a->width,
                            .height = a->height,
                            .generation = a->generation};
}

int pd_atlas_glyph_count(const pd_atlas *a) { return (int)a->entries.len; }
