/* gfx: the renderer, and the only place with OpenGL.
 *
 * Owns: the shader program, the instance buffer, the glyph atlas texture,
 * offscreen targets and pixel readback. Everything drawn is an instanced quad
 * shaded by a signed distance (shaders/prim.*), in submission order (later on
 * top, as in Manim), one draw call per run of same-variant instances (shapes,
 * glyphs: a few per frame).
 * Does not own: the GL context (platform/), what to draw (scene/), files.
 *
 *   pd_gfx *g = pd_gfx_create(&(pd_gfx_desc){ .get_proc = eglGetProcAddress, .atlas = atlas }, &err);
 *   pd_gfx_target *t = pd_gfx_target_create(g, 1920, 1080, &err);
 *   pd_gfx_scene *talk = pd_gfx_scene_create(g, scene, &err);   // after pd_scene_finalize
 *   pd_gfx_begin(g, &(pd_gfx_pass){ .target = t });              // or .width/.height: the window
 *   pd_gfx_scene_draw(g, talk, 12.5);
 *   pd_gfx_rect(g, &(pd_draw_rect){ .center = {0, 0}, .size = {2, 1}, .fill = PD_RGBA(1, 0, 0, 1) });
 *   pd_gfx_end(g);
 *   pd_gfx_read_rgba(g, t, pixels);             // or pd_gfx_read_yuv420 for an encoder
 *   pd_gfx_scene_destroy(g, &talk); pd_gfx_target_destroy(g, &t); pd_gfx_destroy(&g);
 *
 * Nothing is bound behind the caller's back: every frame names its target
 * (a pass), readback names the target it reads, a talk is drawn through the
 * handle its upload returned, and the atlas is the gfx's own (given once).
 *
 * Units are Manim scene units: the frame is 128/9 x 8, y up, origin at the
 * centre. Stroke widths are Manim stroke_width values: w draws w*0.01 units
 * wide (1.35*w px at 1080p), scaling with the output size.
 */
#ifndef PD_GFX_GFX_H
#define PD_GFX_GFX_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/gpu_layout.h" /* PD_FRAME_W, PD_FRAME_H, PD_STROKE_UNIT */
#include "core/vec.h"
#include "text/atlas.h"

#define PD_RGBA(r, g, b, a) ((pd_color){(r), (g), (b), (a)})

typedef struct pd_gfx pd_gfx;
typedef void (*pd_gl_proc)(void);
typedef pd_gl_proc (*pd_gl_loader)(const char *name);

typedef struct pd_gfx_desc {
    pd_gl_loader get_proc;  /* required: eglGetProcAddress or glfwGetProcAddress */
    pd_atlas *atlas;        /* required: the glyph atlas text and talks draw from (uploaded when it grew) */
    const char *shader_dir; /* optional: load prim.vert/prim.frag from here instead of the embedded copy */
    pd_color clear;         /* background; 0 means Manim's BLACK (opaque) */
} pd_gfx_desc;

/* Needs a current GL 3.3 core context. Fails with a message naming the shader
 * file for a missing or broken shader. */
pd_gfx *pd_gfx_create(const pd_gfx_desc *desc, pd_err *err);
void pd_gfx_destroy(pd_gfx **g);

/* A rectangle, optionally rounded and rotated: fill, then stroke centred on
 * the edge. Also used for TeX rules (stroke_width 0). */
typedef struct pd_draw_rect {
    pd_v2 center, size;
    float corner_radius;
    float angle; /* radians, counter-clockwise */
    pd_color fill, stroke;
    float stroke_width; /* Manim stroke_width */
} pd_draw_rect;

/* An open or closed polyline: miter joins (limit 10, then bevel-like butt),
 * butt caps, zero-length pieces skipped. closed joins the last point to the
 * first with a proper join. */
typedef struct pd_draw_polyline {
    const pd_v2 *points;
    uint32_t count;
    bool closed;
    pd_color color;
    float stroke_width;
} pd_draw_polyline;

typedef struct pd_draw_triangle {
    pd_v2 p[3];
    pd_color fill;
} pd_draw_triangle;

/* A glyph from the SDF atlas at origin (pen position on the baseline), em
 * units per em, rotated by angle. stroke draws the glyph's outline band
 * (Write's outline look) over the fill. */
typedef struct pd_draw_glyph {
    const pd_atlas_glyph *entry;
    pd_v2 origin;
    float em;
    float angle;
    pd_color fill, stroke;
    float stroke_width;
} pd_draw_glyph;

/* An offscreen render target, RGBA8 (headless rendering, export, captures). */
typedef struct pd_gfx_target pd_gfx_target;
/* Fails (NULL, err naming --size) for a size outside 1..the GL limit. */
pd_gfx_target *pd_gfx_target_create(pd_gfx *g, int width, int height, pd_err *err);
void pd_gfx_target_destroy(pd_gfx *g, pd_gfx_target **t);
int pd_gfx_target_width(const pd_gfx_target *t);
int pd_gfx_target_height(const pd_gfx_target *t);

/* The letterboxed frame inside a pass, in pixels (origin bottom-left). */
typedef struct pd_viewport {
    int x, y, w, h;
} pd_viewport;

/* Where a frame is drawn. */
typedef struct pd_gfx_pass {
    pd_gfx_target *target; /* NULL: the window's framebuffer, of width x height */
    int width, height;     /* the window's framebuffer size (a target has its own) */
    /* w > 0: only this rectangle of it (the presenter view's panels); the
     * frame is letterboxed in it and only the frame is cleared */
    pd_viewport rect;
    /* zoom > 1: the talk (pd_gfx_scene_draw) is magnified zoom times about
     * zoom_center (scene units), rendered again at that resolution (the
     * distance fields keep it sharp). Immediate primitives (overlays) stay
     * in frame coordinates. 0 or 1: no zoom. */
    float zoom;
    pd_v2 zoom_center;
    /* cleared to transparent black instead of the background: a layer that
     * pd_gfx_image composites later (its colours end up premultiplied) */
    bool transparent;
    /* w > 0, a target holding a frame of the same talk: only these pixels
     * (GL's origin, bottom left; inside pd_gfx_pass_viewport) are cleared
     * and drawn, the rest keeps what the target holds (an export's next
     * frame where it differs: see pd_scene_damage). Ignored with rect or
     * zoom. */
    pd_viewport damage;
} pd_gfx_pass;

/* The letterboxed frame a pass would draw into (pd_gfx_viewport once it
 * begins), for sizing a layer before the pass. */
pd_viewport pd_gfx_pass_viewport(const pd_gfx_pass *pass);

/* Starts a frame: the 16:9 frame letterboxed in the pass, the rest cleared. */
void pd_gfx_begin(pd_gfx *g, const pd_gfx_pass *pass);
void pd_gfx_rect(pd_gfx *g, const pd_draw_rect *r);
void pd_gfx_polyline(pd_gfx *g, const pd_draw_polyline *pl);
void pd_gfx_line(pd_gfx *g, pd_v2 a, pd_v2 b, pd_color color, float stroke_width);
void pd_gfx_triangle(pd_gfx *g, const pd_draw_triangle *t);
void pd_gfx_glyph(pd_gfx *g, const pd_draw_glyph *gl);
/* Draws a laid-out Text (text/layout.h) with its block centre at `at`,
 * rotated by angle about that centre, looking glyphs up in the atlas.
 * Returns false (err set) only if a glyph cannot be rasterised. */
struct pd_layout_run;
bool pd_gfx_text(pd_gfx *g, const struct pd_layout_run *run, pd_v2 at, float angle, pd_color fill, pd_err *err);
/* Copies rectangle `from` of target src (pixels, origin bottom-left) into
 * the frame at center/size (scene units), scaled with linear filtering, in
 * submission order: primitives submitted before it lie under it, later ones
 * over it (thumbnails in the overview). src must not be the pass's target. */
void pd_gfx_blit(pd_gfx *g, const pd_gfx_target *src, pd_viewport from, pd_v2 center, pd_v2 size);
/* Draws target src whole (premultiplied, as a transparent pass leaves it)
 * over the frame at center/size (scene units), blended OVER, in submission
 * order: one textured quad, however much was drawn into the layer. */
void pd_gfx_image(pd_gfx *g, const pd_gfx_target *src, pd_v2 center, pd_v2 size);
/* Uploads the atlas if it grew, then draws everything submitted since
 * pd_gfx_begin, over the talk. */
void pd_gfx_end(pd_gfx *g);

/* A talk on the GPU: its instances, tracks and index uploaded once, and its
 * epochs (which instances live when) owned by the handle, so the scene may
 * go after the upload. */
typedef struct pd_gfx_scene pd_gfx_scene;
struct pd_scene;
/* The scene must be finalised (scene/gpu_data.h). Fails (NULL, err) when the
 * GL's buffer textures are too small for the talk, or out of memory. */
pd_gfx_scene *pd_gfx_scene_create(pd_gfx *g, const struct pd_scene *scene, pd_err *err);
void pd_gfx_scene_destroy(pd_gfx *g, pd_gfx_scene **s);
/* Draws the talk at time t, between pd_gfx_begin and pd_gfx_end (under the
 * immediate primitives). */
void pd_gfx_scene_draw(pd_gfx *g, const pd_gfx_scene *s, double t);
/* Draws only these of the talk's instances at t, in this order: a pass's
 * damage without what lies outside it (pd_scene_cull lists them, inside
 * pd_gfx_damage_box; runs' first count into index). */
struct pd_run;
void pd_gfx_scene_draw_some(pd_gfx *g, const pd_gfx_scene *s, double t, const uint32_t *index, uint32_t count,
                            const struct pd_run *runs, uint32_t run_count);
/* While the current pass draws only inside its damage (pd_gfx_pass.damage):
 * true, and that rectangle in scene units (x0, y0, x1, y1, a pixel more
 * each side). */
bool pd_gfx_damage_box(const pd_gfx *g, float box[4]);

/* The frame inside the current pass. */
pd_viewport pd_gfx_viewport(const pd_gfx *g);

/* Reads rows y .. y+n-1 of the target (row 0 at the TOP) as RGBA8 into out
 * (n*width*4 bytes): a frame written out a band at a time. */
void pd_gfx_read_rgba_rows(pd_gfx *g, const pd_gfx_target *t, int y, int n, uint8_t *out);
/* Reads the whole target as RGBA8, width*height*4 bytes, row 0 at the TOP. */
void pd_gfx_read_rgba(pd_gfx *g, const pd_gfx_target *t, uint8_t *out);
/* Reads the whole target converted to planar YUV 4:2:0 on the GPU, the bytes
 * of ffmpeg's yuv420p: Y (width x height, row 0 at the top), then U, then V
 * (width/2 x height/2 each), width*height*3/2 bytes. BT.709, limited range
 * (Y 16..235, U/V 16..240), each chroma sample the average of its 2x2 block
 * (centre siting, as libswscale converts RGB). The target's width and height
 * must be even (asserted). Returns false (err) when the conversion shader
 * cannot be built; it is compiled at the first call (presenting never needs
 * it), always from the embedded shaders/yuv.*. */
bool pd_gfx_read_yuv420(pd_gfx *g, const pd_gfx_target *t, uint8_t *out, pd_err *err);
/* The same bytes (within +-1 of the GPU's pass) converted on the calling
 * thread: the target is read back 32 rows at a time and each band converted
 * while it is in the cache (pd_gfx_rgba_to_yuv420). Only the rectangle r of
 * the picture (top-down: r.y is a row from the top; x, y, w, h even, inside
 * the target; {0, 0, width, height} for all), with its 2x2 blocks of U and V;
 * the rest of out is left as it is (an export's frame that changed only
 * there). On a software renderer (pd_gfx_software) the GPU's pass is itself
 * CPU work, ~10x this. False (err) only when the 32 rows cannot be allocated. */
bool pd_gfx_read_yuv420_cpu(pd_gfx *g, const pd_gfx_target *t, pd_viewport r, uint8_t *out, pd_err *err);
/* The rectangle r (top-down; x, y, w, h even) of a w x h RGBA picture into
 * out, a whole w x h yuv420p frame as pd_gfx_read_yuv420 lays it out: its Y
 * and the U and V of its 2x2 blocks. The picture's pixel (r.x + i, r.y + j)
 * is at rgba + j * stride + 4 * i (a negative stride walks GL's bottom-up
 * rows). Q15 fixed point, two rows a pass, SSE2 where the compiler targets it
 * (x86-64): ~1 ms a 1080p frame. */
void pd_gfx_rgba_to_yuv420(const uint8_t *rgba, ptrdiff_t stride, int w, int h, pd_viewport r, uint8_t *out);
/* True on a software rasteriser (llvmpipe, softpipe): the GPU's work is CPU time. */
bool pd_gfx_software(const pd_gfx *g);

/* Reads in flight, so that rendering, readback and the writer overlap: push
 * converts a target and starts its copy into a pixel buffer (GL pixel pack
 * buffers; on a GPU the copy runs while the next frame renders), pop waits
 * for the oldest and copies it out. Up to depth frames in flight, in order.
 *
 *   pd_gfx_readback *rb = pd_gfx_readback_create(g, 1920, 1080, 3, &err);
 *   for each frame: draw; if (pd_gfx_readback_full(rb)) pd_gfx_readback_pop(g, rb, out, &err);
 *                   pd_gfx_readback_push(g, rb, target, &err);
 *   while (pd_gfx_readback_pending(rb)) pd_gfx_readback_pop(g, rb, out, &err);
 *   pd_gfx_readback_destroy(g, &rb);
 */
#define PD_GFX_READBACK_MAX 4
typedef struct pd_gfx_readback pd_gfx_readback;
/* YUV 4:2:0 reads (pd_gfx_read_yuv420's layout) of width x height (even);
 * depth 1..PD_GFX_READBACK_MAX. Fails (NULL, err) for a bad size or depth. */
pd_gfx_readback *pd_gfx_readback_create(pd_gfx *g, int width, int height, int depth, pd_err *err);
void pd_gfx_readback_destroy(pd_gfx *g, pd_gfx_readback **rb);
/* Bytes of one read: width*height*3/2. */
size_t pd_gfx_readback_bytes(const pd_gfx_readback *rb);
int pd_gfx_readback_pending(const pd_gfx_readback *rb);
bool pd_gfx_readback_full(const pd_gfx_readback *rb);
/* Converts t (of the readback's size; asserted) and starts reading it. Not
 * when full (asserted). False (err) when the shader cannot be built. */
bool pd_gfx_readback_push(pd_gfx *g, pd_gfx_readback *rb, const pd_gfx_target *t, pd_err *err);
/* The oldest read into out (pd_gfx_readback_bytes); not when none is
 * pending (asserted). False (err) when the GL cannot map the buffer; that
 * read is gone either way. */
bool pd_gfx_readback_pop(pd_gfx *g, pd_gfx_readback *rb, uint8_t *out, pd_err *err);

/* Waits for the GPU (for timing). */
void pd_gfx_finish(pd_gfx *g);
/* Starts the GPU on what was drawn, without waiting (a software renderer's
 * threads rasterise it while the caller goes on, e.g. reads another target). */
void pd_gfx_flush(pd_gfx *g);

/* GL renderer string, for logs and --bench. */
const char *pd_gfx_renderer_name(pd_gfx *g);

#endif
