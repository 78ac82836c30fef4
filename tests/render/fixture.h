/* fixture: the binary's own session (app/session.h), headless, for render
 * tests: its fonts, atlas, renderer and offscreen target, and the talk a test
 * uploads (talk_fixture.h) drawn through pd_session_render, as podium draws
 * it. fixture_open() exits 77 (meson: skipped) only when no GL context can be
 * made at all; every other failure is a test failure. */
#ifndef PD_TESTS_FIXTURE_H
#define PD_TESTS_FIXTURE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/session.h"
#include "core/file.h"
#include "gfx/gfx.h"

typedef struct fixture {
    pd_session s; /* loaded with the test card: a talk replaces it (talk_fixture.h) */
    /* the session's, for short */
    pd_gfx *gfx;
    pd_fonts *fonts;
    pd_atlas *atlas;
    pd_gfx_target *target;
    pd_gfx_scene *talk; /* the talk uploaded last (talk_fixture.h) */
    int w, h;
    uint8_t *px;
} fixture;

static inline void fixture_open(fixture *f, int w, int h)
{
    pd_err err = {0};
    if (!pd_session_load(&f->s, &(pd_session_desc){.testcard = true, .width = w, .height = h}, &err)) {
        fprintf(stderr, "FAIL: %s\n", err.msg);
        exit(1);
    }
    if (!pd_session_headless(&f->s, &err)) {
        fprintf(stderr, "%s: %s\n", f->s.headless ? "FAIL" : "SKIP: no GL context", err.msg);
        exit(f->s.headless ? 1 : 77);
    }
    f->gfx = f->s.gfx;
    f->fonts = f->s.fonts;
    f->atlas = f->s.atlas;
    f->target = f->s.target;
    f->w = w;
    f->h = h;
    f->px = malloc((size_t)w * (size_t)h * 4);
}

static inline void fixture_begin(fixture *f) { pd_gfx_begin(f->gfx, &(pd_gfx_pass){.target = f->target}); }

static inline void fixture_end(fixture *f)
{
    pd_gfx_end(f->gfx);
    pd_gfx_read_rgba(f->gfx, f->target, f->px);
}

/* The session's frame at t (its talk, or the test card) with overlays (or
 * NULL), read into f->px: what podium renders. */
static inline void fixture_render(fixture *f, double t, const pd_session_overlays *ov)
{
    pd_err err = {0};
    if (!pd_session_render(&f->s, t, ov, f->px, &err)) {
        fprintf(stderr, "FAIL: render at t=%g: %s\n", t, err.msg);
        exit(1);
    }
}

/* A new target of w x h for the fixture's frames (the old one goes). */
static inline void fixture_resize(fixture *f, int w, int h)
{
    pd_err err = {0};
    pd_gfx_target_destroy(f->gfx, &f->s.target);
    free(f->px);
    f->s.desc.width = w;
    f->s.desc.height = h;
    if (!(f->s.target = pd_gfx_target_create(f->gfx, w, h, &err))) {
        fprintf(stderr, "FAIL: %s\n", err.msg);
        exit(1);
    }
    f->target = f->s.target;
    f->w = w;
    f->h = h;
    f->px = malloc((size_t)w * (size_t)h * 4);
}

static inline const uint8_t *fixture_px(const fixture *f, int x, int y)
{
    return f->px + ((size_t)y * (size_t)f->w + (size_t)x) * 4;
}

static inline void fixture_close(fixture *f)
{
    free(f->px);
    pd_session_unload(&f->s);
}

/* scene units -> pixel coordinates (x right, y down), Manim's camera rule */
static inline double fixture_px_x(const fixture *f, double x) { return f->w * 0.5 + x * f->h / 8.0; }
static inline double fixture_px_y(const fixture *f, double y) { return f->h * 0.5 - y * f->h / 8.0; }

#endif
