/* font: the shipped fonts, loaded once, with HarfBuzz and FreeType views.
 *
 * Owns: loading assets/fonts/ (DejaVu Serif regular and bold, the fallback
 * DejaVu Math TeX Gyre, Latin Modern Math), per-glyph outlines as cubic
 * Béziers in em units, ink bounds. Does not own: shaping and line layout
 * (text/layout.h), SDF rasterisation (text/atlas.h), GL.
 *
 *   pd_fonts *fonts = NULL;
 *   if (!pd_fonts_load(&fonts, pd_assets_dir(), &err)) ...;
 *   hb_font_t *hb = pd_font_hb(fonts, PD_FONT_MATH);
 *   pd_fonts_unload(&fonts);
 */
#ifndef PD_TEXT_FONT_H
#define PD_TEXT_FONT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/vec.h"

typedef struct hb_font_t hb_font_t;

typedef enum pd_font_id {
    PD_FONT_SERIF,      /* DejaVuSerif.ttf: Manim's default Text font on Debian */
    PD_FONT_SERIF_BOLD, /* DejaVuSerif-Bold.ttf: Text(weight=BOLD) */
    PD_FONT_FALLBACK,   /* DejaVuMathTeXGyre.ttf: characters DejaVu Serif lacks (U+2713) */
    PD_FONT_MATH,       /* latinmodern-math.otf: MathTex, has the OpenType MATH table */
    PD_FONT_COUNT,
} pd_font_id;

typedef struct pd_fonts pd_fonts;

/* Loads every font from dir/fonts/. A missing or corrupt file fails with a
 * one-line message naming the file and the fix. */
bool pd_fonts_load(pd_fonts **out, const char *assets_dir, pd_err *err);
void pd_fonts_unload(pd_fonts **fonts);

/* HarfBuzz font with scale = units_per_em (so positions are in font units);
 * owned by fonts. */
hb_font_t *pd_font_hb(const pd_fonts *fonts, pd_font_id id);
int pd_font_units_per_em(const pd_fonts *fonts, pd_font_id id);

/* One cubic Bézier: p[0] start anchor, p[1], p[2] handles, p[3] end anchor. */
typedef struct pd_cubic {
    pd_v2 p[4];
} pd_cubic;

/* A glyph outline in em units, y up, origin at the pen position on the
 * baseline. Contours in font order; each contour is closed (its last curve
 * ends at its first point; a straight closing piece is added where needed, as
 * Manim's Text does). Quadratic pieces are elevated exactly to cubics, lines
 * become cubics with handles at 1/3 and 2/3. Curve counts therefore match
 * Manim's, which Create/Write pacing depends on. */
typedef struct pd_outline {
    const pd_cubic *curves;      /* all contours back to back */
    const uint32_t *contour_end; /* contour c owns curves [c ? end[c-1] : 0, end[c]) */
    uint32_t curve_count, contour_count;
    /* Box over the anchor points (Manim's critical-point box), em units. */
    float ink_x0, ink_y0, ink_x1, ink_y1;
    bool empty; /* no contours (space) */
} pd_outline;

/* The outline of glyph id in font id, decoded once and cached inside fonts.
 * Returns NULL if the glyph id is out of range. The pointer stays valid until
 * pd_fonts_unload. */
const pd_outline *pd_font_outline(pd_fonts *fonts, pd_font_id id, uint32_t glyph);

/* True if the font maps the codepoint to a glyph (not .notdef). */
bool pd_font_has_codepoint(const pd_fonts *fonts, pd_font_id id, uint32_t codepoint);

#endif
