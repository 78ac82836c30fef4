/* talks: the talks podium knows, by name.
 *
 * Owns: the registry. Each talk is a C function in Manim's vocabulary
 * (scene/scene.h) that runs once at load. Does not own: loading (main.c).
 *
 *   const pd_talk *t = pd_talk_find("gqa");
 *   t->build(scene);
 */
#ifndef PD_TALKS_TALKS_H
#define PD_TALKS_TALKS_H

#include <stddef.h>

#include "scene/scene.h"

typedef struct pd_talk {
    const char *name;
    const char *title;
    void (*build)(pd_scene *s);
} pd_talk;

/* The talk presented when none is named. */
#define PD_DEFAULT_TALK "gqa"

const pd_talk *pd_talk_find(const char *name);
const pd_talk *pd_talks(size_t *count);

void pd_talk_gqa(pd_scene *s);
/* The heatmap's colours: BLUE->RED over the pre-mask scores and over the
 * causal softmax weights (computed, not typed in), row-major; weights may be
 * NULL. For the talk and its test. */
void pd_gqa_heatmap_colors(pd_color pre[49], pd_color post[49], double weights[49]);
void pd_talk_demo(pd_scene *s);
/* The demo talk repeated 10 times: for the seek benchmark (flat cost). */
void pd_talk_demo10(pd_scene *s);

#endif
