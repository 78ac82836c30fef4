/* introspect: what the scene recorded, play by play, for tests.
 *
 * Owns: read-only views of each play() and wait() as recorded and of each
 * animation as resolved at play() time (Manim's class name, member count,
 * run_time, lag, box), which tests compare with manim-reference-timeline.json.
 * Not for talks or the presenter (scene/scene.h, scene/timeline.h).
 */
#ifndef PD_SCENE_INTROSPECT_H
#define PD_SCENE_INTROSPECT_H

#include "scene/scene.h"

/* One play/wait as recorded: for tests against manim-reference-timeline.json. */
typedef struct pd_play_info {
    uint32_t start_frame, frames;
    bool is_wait;
    uint32_t anim_count;
} pd_play_info;
uint32_t pd_scene_play_count(const pd_scene *s);
pd_play_info pd_scene_play(const pd_scene *s, uint32_t i);

/* One animation of a play as resolved at play() time: Manim's class name of
 * the mobject, its member count N, run_time, lag and box (before begin). */
typedef struct pd_anim_info {
    pd_anim_kind kind;
    const char *mob_type; /* "Text", "MathTex", "VGroup", "Square", "Arrow", ... */
    uint32_t n;
    double run_time, lag_ratio;
    pd_rate rate;
    float x0, y0, x1, y1;
    bool rotated; /* some member was rotated (its box mixes width into height) */
} pd_anim_info;
/* The a-th animation of play p (0-based); NULL when out of range. */
const pd_anim_info *pd_scene_anim_info(const pd_scene *s, uint32_t p, uint32_t a);

#endif
