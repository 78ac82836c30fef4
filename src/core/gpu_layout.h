/* gpu_layout: the one contract between the CPU and the shaders.
 *
 * Owns: Manim's world constants (frame, stroke unit, frame rate, the 16:9
 * letterbox), the instance kinds and flags, the rate function ids, and the
 * texel layout of the scene's buffer textures. Defined here once: C includes
 * this header (scene/gpu.c writes the data, gfx/gfx.c draws it, scene/anim.c
 * paces it) and gfx.c prepends the same text to every shader, embedded at
 * build time by shaders/embed.py. So it holds only #define lines whose values
 * are literals or expressions valid in both C11 and GLSL 3.30.
 *
 * Scene buffers (RGBA32F texels, u_inst and u_tracks in scene.vert):
 *   instance i at texel PD_TEXELS_PER_INSTANCE*i: a, b, c (geometry, as gfx.c's
 *     immediate kinds), m = (kind + PD_KIND_SPAN*flags, track texel, p_lo, p_hi)
 *   track at texel T: (key count, -, -, -), then PD_TEXELS_PER_KEY texels a key:
 *     (t0, t1, rate id, stroke width), (s, ox, oy, progress), fill rgba, stroke rgba
 */
#ifndef PD_CORE_GPU_LAYOUT_H
#define PD_CORE_GPU_LAYOUT_H

/* ---- Manim's world (manim-semantics section 1) ---- */
#define PD_FRAME_W (128.0f / 9.0f) /* scene units across the frame */
#define PD_FRAME_H 8.0f            /* scene units from bottom to top */
#define PD_STROKE_UNIT 0.01f       /* cairo_line_width_multiple: units per stroke-width unit */
#define PD_FPS 60.0                /* the timeline's frame rate: Manim's frame rule counts these */
#define PD_ASPECT_W 16             /* the frame is letterboxed to 16:9 in any output */
#define PD_ASPECT_H 9

/* ---- instance kinds: the fragment stage's signed-distance shapes ---- */
#define PD_KIND_RECT 0
#define PD_KIND_SEGMENT 1
#define PD_KIND_TRIANGLE 2
#define PD_KIND_GLYPH 3
#define PD_KIND_SPAN 16 /* m.x = kind + PD_KIND_SPAN * flags */

/* ---- instance flags ---- */
#define PD_FLAG_JOIN0 1            /* a segment's start is a join */
#define PD_FLAG_JOIN1 2            /* a segment's end is a join */
#define PD_FLAG_FILL_BY_PROGRESS 4 /* a shape's fill appears with its Create progress */
#define PD_FLAG_PARTIAL 8          /* a stroke piece drawn as far as the progress reaches */
#define PD_FLAG_RECT_STROKE 16     /* a rectangle draws its own stroke once its path is whole */
#define PD_FLAG_WHILE_PARTIAL 32   /* a stroke piece needed only while the path is partly drawn */

/* ---- rate functions (manim/utils/rate_functions.py), by id ---- */
#define PD_RATE_ID_DEFAULT 0 /* the animation's own: smooth (Write: linear) */
#define PD_RATE_ID_LINEAR 1
#define PD_RATE_ID_SMOOTH 2
#define PD_RATE_ID_DOUBLE_SMOOTH 3
#define PD_RATE_ID_THERE_AND_BACK 4
/* smooth(t) = (sigmoid(10 (t - 1/2)) - s5) / (1 - 2 s5), s5 = sigmoid(-5) */
#define PD_SMOOTH_INFLECTION 10.0
#define PD_SMOOTH_S5 0.0066928509242848554

/* ---- texel layout of the scene buffers ---- */
#define PD_TEXELS_PER_INSTANCE 4
#define PD_TRACK_HEADER_TEXELS 1
#define PD_TEXELS_PER_KEY 4

/* ---- the glyph atlas ---- */
#define PD_ATLAS_PX_PER_EM 64.0f /* SDF texels per em */
#define PD_ATLAS_SPREAD_PX 8.0f  /* distance range each side of an outline, and each glyph's margin */

#endif
