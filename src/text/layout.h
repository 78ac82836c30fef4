/* layout: Manim's Text, as shaped glyphs placed in scene units.
 *
 * Owns: HarfBuzz shaping, font fallback per character, Manim's size and line
 * rules (manim-semantics.md §3): 1 em = font_size/72 units, lines 0.975 em
 * apart (1.3*F/96 units), left-aligned at a common pen x, the block centred on
 * its ink box (the box over glyph outline anchor points). Advances are NOT
 * snapped to Pango's 0.05-unit grid (an artifact podium does not copy).
 * Does not own: SDFs (text/atlas.h), drawing, animation.
 *
 *   pd_layout_run run = {0};
 *   if (!pd_layout_text(fonts, &(pd_layout_desc){ .str = "Q = Query", .font_size = 18 }, &run, &err)) ...;
 *   for (uint32_t i = 0; i < run.glyph_count; i++) ... run.glyphs[i] ...
 *   pd_layout_run_free(&run);
 */
#ifndef PD_TEXT_LAYOUT_H
#define PD_TEXT_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "text/font.h"

typedef struct pd_layout_desc {
    const char *str; /* UTF-8; '\n' separates lines */
    float font_size; /* Manim font_size; 0 means 48 (Manim's DEFAULT_FONT_SIZE) */
    bool bold;       /* weight=BOLD -> DejaVu Serif Bold */
    /* Reproduce Pango's rounding of every advance to 0.05 units (manim-
     * semantics §3.2). Off by default: it is an artifact podium does not
     * copy; tests turn it on to prove every other rule matches Manim. */
    bool pango_grid;
} pd_layout_desc;

/* One visible glyph (spaces and newlines produce none, as in Manim, so
 * glyph_count equals Manim's family-with-points count N). */
typedef struct pd_layout_glyph {
    pd_font_id font;
    uint32_t glyph;                       /* glyph id in that font */
    float x, y;                           /* pen origin on the baseline, scene units, block centred at (0,0) */
    float em;                             /* em size in scene units (font_size/72) */
    float ink_x0, ink_y0, ink_x1, ink_y1; /* this glyph's anchor box, scene units */
    uint32_t line;                        /* 0-based line index */
    uint32_t cluster;                     /* byte offset of its character in str */
} pd_layout_glyph;

typedef struct pd_layout_run {
    pd_layout_glyph *glyphs;
    uint32_t glyph_count;
    uint32_t line_count;
    /* Ink box of the whole block (union of glyph anchor boxes); centred on (0,0). */
    float x0, y0, x1, y1;
} pd_layout_run;

/* Shapes and places str. Fails (err set, *out zeroed) on a NULL fonts, desc
 * or str, invalid UTF-8, or a negative/NaN/infinite font size (0 means 48).
 * An empty string succeeds with no glyphs. *out is overwritten (free a
 * previous run first); free it with pd_layout_run_free. */
bool pd_layout_text(pd_fonts *fonts, const pd_layout_desc *desc, pd_layout_run *out, pd_err *err);
void pd_layout_run_free(pd_layout_run *run);

#endif
