/* dump_timeline TALK [--pango-grid]: runs a talk's script (no GL) and prints
 * every play as recorded, as JSON, in the shape of
 * manim-reference-timeline.json, for tests/scene/test_timeline.py. */
#include <stdio.h>
#include <string.h>

#include "core/file.h"
#include "scene/gpu_data.h"
#include "scene/introspect.h"
#include "scene/scene.h"
#include "scene/timeline.h"
#include "talks/talks.h"

static const char *anim_name(pd_anim_kind k)
{
    switch (k) {
    case PD_ANIM_WRITE:
        return "Write";
    case PD_ANIM_CREATE:
        return "Create";
    case PD_ANIM_FADE_IN:
        return "FadeIn";
    case PD_ANIM_FADE_OUT:
        return "FadeOut";
    case PD_ANIM_TRANSFORM:
        return "Transform";
    case PD_ANIM_ANIMATE:
        return "_MethodAnimation";
    case PD_ANIM_NONE:
    default:
        return "?";
    }
}

static const char *rate_name(pd_rate r)
{
    return r == PD_RATE_LINEAR           ? "linear"
           : r == PD_RATE_DOUBLE_SMOOTH  ? "double_smooth"
           : r == PD_RATE_THERE_AND_BACK ? "there_and_back"
                                         : "smooth";
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: dump_timeline TALK [--pango-grid]\n");
        return 2;
    }
    const pd_talk *talk = pd_talk_find(argv[1]);
    if (!talk) {
        fprintf(stderr, "dump_timeline: unknown talk '%s'\n", argv[1]);
        return 2;
    }
    pd_err err = {0};
    pd_fonts *fonts = NULL;
    if (!pd_fonts_load(&fonts, pd_assets_dir(), &err)) {
        fprintf(stderr, "dump_timeline: %s\n", err.msg);
        return 2;
    }
    pd_scene *s = pd_scene_create(fonts);
    pd_scene_set_pango_grid(s, argc > 2 && strcmp(argv[2], "--pango-grid") == 0);
    talk->build(s);
    if (pd_scene_error(s)) {
        fprintf(stderr, "dump_timeline: %s\n", pd_scene_error(s));
        return 1;
    }
    printf("{\"total_frames\":%u,\"total_seconds\":%.5f,\"plays\":[\n", pd_scene_timeline(s).frames,
           pd_scene_timeline(s).duration);
    for (uint32_t p = 0; p < pd_scene_play_count(s); p++) {
        pd_play_info pi = pd_scene_play(s, p);
        printf("%s{\"play\":%u,\"start_frame\":%u,\"frames\":%u,\"static_wait\":%s,\"animations\":[", p ? ",\n" : "", p,
               pi.start_frame, pi.frames, pi.is_wait ? "true" : "false");
        const pd_anim_info *a;
        for (uint32_t i = 0; (a = pd_scene_anim_info(s, p, i)) != NULL; i++) {
            printf("%s{\"anim\":\"%s\",\"mobject\":\"%s\",\"n_family_with_points\":%u,\"run_time\":%.6f,"
                   "\"lag_ratio\":%.6f,\"rate_func\":\"%s\",\"rotated\":%s,\"bbox_ULx_ULy_DRx_DRy\":[%.5f,%.5f,%.5f,%."
                   "5f]}",
                   i ? "," : "", anim_name(a->kind), a->mob_type, a->n, a->run_time, a->lag_ratio, rate_name(a->rate),
                   a->rotated ? "true" : "false", a->x0, a->y1, a->x1, a->y0);
        }
        printf("]}");
    }
    printf("\n]}\n");
    pd_scene_destroy(&s);
    pd_fonts_unload(&fonts);
    return 0;
}
