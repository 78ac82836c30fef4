/* talk_fixture: a talk loaded, finalised and uploaded into a render fixture's session. */
#ifndef PD_TESTS_TALK_FIXTURE_H
#define PD_TESTS_TALK_FIXTURE_H

#include "fixture.h"
#include "scene/gpu_data.h"
#include "scene/introspect.h"
#include "scene/scene.h"
#include "scene/timeline.h"
#include "talks/talks.h"

/* Finalises a scene whose script ran and uploads it as the session's talk
 * (the test keeps the scene; the session, the upload). */
static inline void talk_upload(fixture *f, pd_scene *s, const char *name)
{
    pd_err err = {0};
    if (!pd_scene_finalize(s, f->atlas, &err)) {
        fprintf(stderr, "FAIL: talk %s: %s\n", name, err.msg);
        exit(1);
    }
    pd_gfx_scene_destroy(f->gfx, &f->s.talk);
    if (!(f->s.talk = pd_gfx_scene_create(f->gfx, s, &err))) {
        fprintf(stderr, "FAIL: upload %s: %s\n", name, err.msg);
        exit(1);
    }
    f->talk = f->s.talk;
}

static inline pd_scene *talk_open(fixture *f, const char *name)
{
    pd_scene *s = pd_scene_create(f->fonts);
    pd_talk_find(name)->build(s);
    talk_upload(f, s, name);
    return s;
}

/* The talk at t, as podium renders it (the scene argument names which, for
 * the reader). */
static inline void talk_render(fixture *f, pd_scene *s, double t)
{
    (void)s;
    fixture_render(f, t, NULL);
}

#endif
