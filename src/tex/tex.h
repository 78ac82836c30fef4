/* tex: TeX math without LaTeX. A parser for the TeX math subset talks use and
 * TeX's own layout rules (TeXbook appendix G) on the OpenType MATH table of
 * Latin Modern Math (read through HarfBuzz's hb_ot_math_* API).
 *
 * Owns: parsing, math styles D/T/S/SS, atom spacing, fractions, radicals,
 * scripts, stretchy delimiters, limits; the result as positioned glyphs and
 * rules. Does not own: fonts (text/font.h), drawing, Manim's font_size scale
 * (MathTex in the scene multiplies by 0.0103777*F units per em).
 *
 *   pd_tex_box box = {0};
 *   if (!pd_tex_typeset(fonts, "\\frac{QK^\\top}{\\sqrt{d_k}}", &box, &err)) ...;  // err: "tex: unknown command \fracc
 * at column 12" for (uint32_t i = 0; i < box.item_count; i++) ... box.items[i] ... pd_tex_box_free(&box);
 */
#ifndef PD_TEX_TEX_H
#define PD_TEX_TEX_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "text/font.h"

typedef enum pd_tex_item_kind {
    PD_TEX_GLYPH,
    PD_TEX_RULE,
} pd_tex_item_kind;

/* All lengths in TeX em of the formula's base size (1 em = the font's
 * units_per_em at text size); y up; origin on the formula's baseline at its
 * left edge. */
typedef struct pd_tex_item {
    pd_tex_item_kind kind;
    /* glyph: font (PD_FONT_MATH, or another pd_font_id for \text), glyph id,
     * pen origin (x, y) and em size (1 for D/T, script_percent_scale_down/100
     * for S, scriptscript for SS). Same convention as pd_layout_glyph. */
    pd_font_id font;
    uint32_t glyph;
    float x, y, em;
    /* rule: the filled rectangle [x0,x1] x [y0,y1] (fraction bars, radical
     * overbars). */
    float x0, y0, x1, y1;
} pd_tex_item;

typedef struct pd_tex_box {
    pd_tex_item *items; /* in reading order, as dvisvgm emits them: left to right */
    uint32_t item_count;
    float width, height, depth;           /* TeX box metrics: advance width, above and below the baseline */
    float ink_x0, ink_y0, ink_x1, ink_y1; /* box over glyph outline anchors and rules */
} pd_tex_box;

/* Typesets src in display style (Manim wraps MathTex in align*). Fails with
 * err = "tex: <what> at column N" (1-based, in src) for bad input; never crashes. */
bool pd_tex_typeset(pd_fonts *fonts, const char *src, pd_tex_box *out, pd_err *err);
void pd_tex_box_free(pd_tex_box *box);

#endif
