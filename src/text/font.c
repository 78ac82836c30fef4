#include "text/font.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <hb-ot.h>
#include <hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"

static const char *const font_files[PD_FONT_COUNT] = {
    [PD_FONT_SERIF] = "DejaVuSerif.ttf",
    [PD_FONT_SERIF_BOLD] = "DejaVuSerif-Bold.ttf",
    [PD_FONT_FALLBACK] = "DejaVuMathTeXGyre.ttf",
    [PD_FONT_MATH] = "latinmodern-math.otf",
};

typedef struct cached_outline {
    bool loaded;
    pd_outline outline;
} cached_outline;

typedef struct font {
    unsigned char *data;
    size_t size;
    FT_Face face;
    hb_blob_t *blob;
    hb_face_t *hb_face;
    hb_font_t *hb_font;
    int upem;
    uint32_t glyph_count;
    cached_outline *outlines; /* glyph_count entries, filled on demand */
} font;

struct pd_fonts {
    FT_Library ft;
    font fonts[PD_FONT_COUNT];
};

static bool font_load(pd_fonts *fs, font *f, const char *dir, const char *name, pd_err *err)
{
    /* two buffers: pd_path_join's snprintf must not read the buffer it writes */
    char fonts_dir[1024], path[1024];
    pd_path_join(fonts_dir, sizeof fonts_dir, dir, "fonts");
    pd_path_join(path, sizeof path, fonts_dir, name);
    pd_err read_err = {0};
    f->data = pd_file_read(path, &f->size, &read_err);
    if (!f->data)
        return pd_err_set(err, "font '%s' not found (run from the repo root or pass --assets DIR)", path);
    if (FT_New_Memory_Face(fs->ft, f->data, (FT_Long)f->size, 0, &f->face) != 0)
        return pd_err_set(err, "font '%s' is corrupt (not a font FreeType can read; restore it from the repo)", path);
    if (!FT_IS_SCALABLE(f->face))
        return pd_err_set(err, "font '%s' has no outlines (restore it from the repo)", path);
    f->upem = f->face->units_per_EM;
    f->glyph_count = (uint32_t)f->face->num_glyphs;
    f->blob = hb_blob_create((const char *)f->data, (unsigned)f->size, HB_MEMORY_MODE_READONLY, NULL, NULL);
    f->hb_face = hb_face_create(f->blob, 0);
    f->hb_font = hb_font_create(f->hb_face);
    hb_font_set_scale(f->hb_font, f->upem, f->upem);
    hb_ot_font_set_funcs(f->hb_font);
    f->outlines = calloc(f->glyph_count ? f->glyph_count : 1, sizeof *f->outlines);
    if (!f->outlines)
        return pd_err_set(err, "out of memory loading font '%s'", path);
    return true;
}

bool pd_fonts_load(pd_fonts **out, const char *assets_dir, pd_err *err)
{
    *out = NULL;
    pd_fonts *fs = calloc(1, sizeof *fs);
    if (!fs)
        return pd_err_set(err, "out of memory loading fonts");
    if (FT_Init_FreeType(&fs->ft) != 0) {
        free(fs);
        return pd_err_set(err, "FreeType failed to initialise");
    }
    for (int i = 0; i < PD_FONT_COUNT; i++) {
        if (!font_load(fs, &fs->fonts[i], assets_dir, font_files[i], err)) {
            pd_fonts_unload(&fs);
            return false;
        }
    }
    *out = fs;
    return true;
}

static void outline_free(pd_outline *o)
{
    free((void *)o->curves);
    free((void *)o->contour_end);
}

void pd_fonts_unload(pd_fonts **fonts)
{
    pd_fonts *fs = *fonts;
    if (!fs)
        return;
    for (int i = 0; i < PD_FONT_COUNT; i++) {
        font *f = &fs->fonts[i];
        if (f->outlines) {
            for (uint32_t g = 0; g < f->glyph_count; g++)
                if (f->outlines[g].loaded)
                    outline_free(&f->outlines[g].outline);
            free(f->outlines);
        }
        if (f->hb_font)
            hb_font_destroy(f->hb_font);
        if (f->hb_face)
            hb_face_destroy(f->hb_face);
        if (f->blob)
            hb_blob_destroy(f->blob);
        if (f->face)
            FT_Done_Face(f->face);
        free(f->data);
    }
    FT_Done_FreeType(fs->ft);
    free(fs);
    *fonts = NULL;
}

hb_font_t *pd_font_hb(const pd_fonts *fonts, pd_font_id id) { return fonts->fonts[id].hb_font; }

int pd_font_units_per_em(const pd_fonts *fonts, pd_font_id id) { return fonts->fonts[id].upem; }

bool pd_font_has_codepoint(const pd_fonts *fonts, pd_font_id id, uint32_t codepoint)
{
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(fonts->fonts[id].hb_font, codepoint, &g) && g != 0;
}

/* ---- outline decoding: FreeType's decomposer, every piece made a cubic ---- */

typedef struct decomp {
    pd_vec curves; /* pd_cubic */
    pd_vec ends;   /* uint32_t */
    pd_v2 start, pen;
    bool open;
    float scale; /* font units -> em */
} decomp;

static pd_v2 ftv(const decomp *d, const FT_Vector *v)
{
    return (pd_v2){(float)v->x * d->scale, (float)v->y * d->scale};
}

static void add_cubic(decomp *d, pd_v2 p0, pd_v2 p1, pd_v2 p2, pd_v2 p3)
{
    pd_cubic *c = pd_vec_push(&d->curves, sizeof *c);
    c->p[0] = p0;
    c->p[1] = p1;
    c->p[2] = p2;
    c->p[3] = p3;
}

static void add_line(decomp *d, pd_v2 a, pd_v2 b)
{
    /* manim stores straight pieces as cubics with handles at 1/3 and 2/3 */
    add_cubic(d, a, (pd_v2){a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3},
              (pd_v2){a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3}, b);
}

static void close_contour(decomp *d)
{
    if (!d->open)
        return;
    /* Text.__init__ closes every contour with a straight piece when needed */
    if (fabsf(d->pen.x - d->start.x) > 1e-7f || fabsf(d->pen.y - d->start.y) > 1e-7f)
        add_line(d, d->pen, d->start);
    uint32_t *end = pd_vec_push(&d->ends, sizeof *end);
    *end = (uint32_t)d->curves.len;
    d->open = false;
}

static int dc_move(const FT_Vector *to, void *user)
{
    decomp *d = user;
    close_contour(d);
    d->start = d->pen = ftv(d, to);
    d->open = true;
    return 0;
}

static int dc_line(const FT_Vector *to, void *user)
{
    decomp *d = user;
    pd_v2 p = ftv(d, to);
    add_line(d, d->pen, p);
    d->pen = p;
    return 0;
}

static int dc_conic(const FT_Vector *control, const FT_Vector *to, void *user)
{
    decomp *d = user;
    pd_v2 c = ftv(d, control), p = ftv(d, to), a = d->pen;
    /* exact degree elevation: handles at P0 + 2/3(P1-P0) and P2 + 2/3(P1-P2) */
    add_cubic(d, a, (pd_v2){a.x + 2.0f / 3 * (c.x - a.x), a.y + 2.0f / 3 * (c.y - a.y)},
              (pd_v2){p.x + 2.0f / 3 * (c.x - p.x), p.y + 2.0f / 3 * (c.y - p.y)}, p);
    d->pen = p;
    return 0;
}

static int dc_cubic(const FT_Vector *c1, const FT_Vector *c2, const FT_Vector *to, void *user)
{
    decomp *d = user;
    pd_v2 p = ftv(d, to);
    add_cubic(d, d->pen, ftv(d, c1), ftv(d, c2), p);
    d->pen = p;
    return 0;
}

const pd_outline *pd_font_outline(pd_fonts *fonts, pd_font_id id, uint32_t glyph)
{
    font *f = &fonts->fonts[id];
    if (glyph >= f->glyph_count)
        return NULL;
    cached_outline *co = &f->outlines[glyph];
    if (co->loaded)
        return &co->outline;
    co->loaded = true;
    pd_outline *o = &co->outline;
    o->empty = true;
    if (FT_Load_Glyph(f->face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0 ||
        f->face->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
        return o;
    decomp d = {.scale = 1.0f / (float)f->upem};
    static const FT_Outline_Funcs funcs = {
        .move_to = dc_move, .line_to = dc_line, .conic_to = dc_conic, .cubic_to = dc_cubic};
    FT_Outline_Decompose(&f->face->glyph->outline, &funcs, &d);
    close_contour(&d);
    o->curves = d.curves.data;
    o->contour_end = d.ends.data;
    o->curve_count = (uint32_t)d.curves.len;
    o->contour_count = (uint32_t)d.ends.len;
    o->empty = o->curve_count == 0;
    if (!o->empty) {
        const pd_cubic *c = o->curves;
        o->ink_x0 = o->ink_x1 = c[0].p[0].x;
        o->ink_y0 = o->ink_y1 = c[0].p[0].y;
        for (uint32_t i = 0; i < o->curve_count; i++) {
            for (int k = 0; k < 4; k += 3) {
                pd_v2 p = c[i].p[k];
                o->ink_x0 = fminf(o->ink_x0, p.x);
                o->ink_x1 = fmaxf(o->ink_x1, p.x);
                o->ink_y0 = fminf(o->ink_y0, p.y);
                o->ink_y1 = fmaxf(o->ink_y1, p.y);
            }
        }
    }
    return o;
}
