/* gpu_data: the scene as flat GPU data, after the script.
 *
 * Owns: finalising a scene into instances, tracks and epochs (texel layout:
 * core/gpu_layout.h), and finding the epoch drawn at t. Read by gfx/, which
 * owns the upload. Talks never need this header.
 *
 *   if (!pd_scene_finalize(scene, atlas, &err)) ...;
 *   pd_scene_gpu data = pd_scene_gpu_data(scene);
 */
#ifndef PD_SCENE_GPU_DATA_H
#define PD_SCENE_GPU_DATA_H

#include "core/err.h"
#include "scene/scene.h"
#include "text/atlas.h"

/* Four RGBA32F texels per instance, five per track key, one header texel per
 * track; see shaders/scene.vert for the layout. */
typedef struct pd_epoch {
    float t;        /* the epoch covers [t, next epoch's t) */
    uint32_t first; /* into index[] */
    uint32_t count;
    uint32_t first_run; /* into runs[]: its instances as same-kind runs, in draw order */
    uint32_t run_count;
} pd_epoch;

/* Consecutive instances drawn with one fragment variant: kind is 3 for
 * glyphs, 0 for shapes (rectangles, segments, triangles). */
typedef struct pd_run {
    uint32_t kind;
    uint32_t first; /* into index[] */
    uint32_t count;
} pd_run;

typedef struct pd_scene_gpu {
    const float *instances;
    uint32_t instance_count;
    const float *tracks;
    uint32_t track_texels;
    const uint32_t *index;
    uint32_t index_count;
    const pd_epoch *epochs;
    uint32_t epoch_count;
    const pd_run *runs;
    uint32_t run_count;
} pd_scene_gpu;

/* Builds the GPU data (rasterising every glyph into the atlas). Call once,
 * after the script. Fails (err) on a recorded API misuse. */
bool pd_scene_finalize(pd_scene *s, pd_atlas *atlas, pd_err *err);
pd_scene_gpu pd_scene_gpu_data(const pd_scene *s);
/* Where the frames drawn at ta and tb can differ: into box (x0, y0, x1, y1,
 * scene units) the union of every drawing life present at either time whose
 * presence or state changes between them, as drawn at both times (what to
 * erase and what to draw). False when nothing drawn differs: the frames are
 * the same. Conservative (strokes, miters, glyph planes, float times); the
 * caller adds its anti-aliasing pixels. ~3000 lives: tens of microseconds. */
bool pd_scene_damage(const pd_scene *s, double ta, double tb, float box[4]);
/* The same places as at most max rectangles (scene units), fewer where
 * they lie close: two are kept apart only where that leaves more than
 * `join` (square units) undrawn, the cost a rectangle of its own is worth
 * to the caller. They may overlap. Returns their count, 0 when nothing
 * differs. */
int pd_scene_damage_rects(const pd_scene *s, double ta, double tb, float rects[][4], int max, float join);
/* The instances of the epoch drawn at t that can draw inside box (scene
 * units: x0, y0, x1, y1), in draw order, into index (room for the epoch's
 * count), as same-variant runs (first: into index) into runs (room for the
 * epoch's run count, *run_count set). Returns how many. Conservative as
 * pd_scene_damage: a frame drawn from them, scissored to box, is the whole
 * frame's there. */
uint32_t pd_scene_cull(const pd_scene *s, double t, const float box[4], uint32_t *index, pd_run *runs,
                       uint32_t *run_count);
/* The epoch drawn at time t: a binary search, independent of talk length. */
const pd_epoch *pd_scene_epoch_at(const pd_scene *s, double t);

#endif
