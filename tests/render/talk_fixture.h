/* talk_fixture: a talk loaded, finalised and uploaded into a render fixture. */
#ifndef PD_TESTS_TALK_FIXTURE_H
#define PD_TESTS_TALK_FIXTURE_H

#include "fixture.h"
#include "scene/gpu_data.h"
#include "scene/introspect.h"
#include "scene/scene.h"
#include "scene/timeline.h"
#include "talks/talks.h"

static inline pd_scene *talk_open(fixture *f, const char *name)
{
    pd_err err = {0};
    pd_scene *s = pd_scene_create(f->fonts);
    pd_talk_find(name)->build(s);
    if (!pd_scene_finalize(s, f->atlas, &err)) {
        fprintf(stderr, "FAIL: talk %s: %s\n", name, err.msg);
        exit(1);
    }
    pd_scene_gpu data = pd_scene_gpu_data(s);
    if (!pd_gfx_scene_upload(f->gfx, &data, &err)) {
        fprintf(stderr, "FAIL: upload %s: %s\n", name, err.msg);
        exit(1);
    }
    return s;
}

static inline void talk_render(fixture *f, pd_scene *s, double t)
{
    fixture_begin(f);
    pd_gfx_scene_draw(f->gfx, s, f->atlas, t);
    fixture_end(f);
}

#endif
