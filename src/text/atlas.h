/* atlas: signed-distance fields of the glyphs in use, packed in one bitmap.
 *
 * Owns: SDF rasterisation from outlines (our own code, exact distances to the
 * Bézier outline, far faster than FreeType's SDF renderer), shelf packing,
 * growth on demand, an optional on-disk cache. Does not own: the GL texture
 * (gfx uploads pixels when `generation` changes), shaping.
 *
 *   pd_atlas *atlas = pd_atlas_create(fonts);
 *   const pd_atlas_glyph *g = pd_atlas_get(atlas, PD_FONT_SERIF, glyph_id, &err);
 *   // draw a quad over g->plane (em, scaled by the em size) sampling g->uv
 *   pd_atlas_destroy(&atlas);
 *
 * Encoding: one byte per texel, 8 bits, R8. value/255 = 0.5 + d/(2*PD_ATLAS_SPREAD_PX)
 * clamped, d = signed distance in atlas texels, positive INSIDE the glyph.
 * The SDF is rasterised at PD_ATLAS_PX_PER_EM texels per em.
 *
 * A second plane of the same size holds, per texel, the outline progress of
 * the nearest outline point (value/255 in [0, 1]): curve c of a glyph's n
 * curves (all contours in order, Manim's partial-path order) spans
 * [c/n, (c+1)/n], uniform in the curve parameter. Write draws a glyph's
 * outline "as far as u" by showing its stroke band where progress <= u.
 */
#ifndef PD_TEXT_ATLAS_H
#define PD_TEXT_ATLAS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/gpu_layout.h" /* PD_ATLAS_PX_PER_EM, PD_ATLAS_SPREAD_PX */
#include "text/font.h"

typedef struct pd_atlas_glyph {
    /* Quad in em units relative to the glyph origin (y up): includes the
     * spread margin, so the shader sees the distance field fade out. */
    float plane_x0, plane_y0, plane_x1, plane_y1;
    /* Texel rectangle in the atlas (x0,y0 top-left, exclusive x1,y1). The
     * texel row y0 holds the glyph's TOP (plane_y1). */
    uint16_t x0, y0, x1, y1;
    bool empty; /* nothing to draw (space) */
} pd_atlas_glyph;

typedef struct pd_atlas pd_atlas;

pd_atlas *pd_atlas_create(pd_fonts *fonts);
void pd_atlas_destroy(pd_atlas **atlas);

/* Rasterises the glyph if it is new (growing the bitmap if full) and returns
 * its entry. The pointer stays valid until the next pd_atlas_get. Fails
 * (NULL, err set) only for a glyph id the font does not have. */
const pd_atlas_glyph *pd_atlas_get(pd_atlas *atlas, pd_font_id font, uint32_t glyph, pd_err *err);

/* The bitmap: width x height bytes, row 0 at the top. `generation` increases
 * whenever pixels or size change, so the renderer re-uploads only then. */
typedef struct pd_atlas_image {
    const uint8_t *pixels;
    const uint8_t *progress; /* the outline progress plane, same layout */
    int width, height;
    uint64_t generation;
} pd_atlas_image;
pd_atlas_image pd_atlas_image_get(const pd_atlas *atlas);

int pd_atlas_glyph_count(const pd_atlas *atlas);

#endif
