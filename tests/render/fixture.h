/* fixture: a headless GL context, renderer and offscreen target for render
 * tests. fixture_open() exits 77 (meson: skipped) only when no GL context can
 * be made at all; every other failure is a test failure. */
#ifndef PD_TESTS_FIXTURE_H
#define PD_TESTS_FIXTURE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/file.h"
#include "gfx/gfx.h"
#include "platform/platform.h"
#include "text/atlas.h"
#include "text/font.h"

typedef struct fixture {
    pd_headless *ctx;
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
    f->ctx = pd_headless_create(&err);
    if (!f->ctx) {
        fprintf(stderr, "SKIP: no GL context: %s\n", err.msg);
        exit(77);
    }
    if (!pd_fonts_load(&f->fonts, pd_assets_dir(), &err) || !(f->atlas = pd_atlas_create(f->fonts)) ||
        !(f->gfx = pd_gfx_create(&(pd_gfx_desc){.get_proc = pd_headless_get_proc, .atlas = f->atlas}, &err)) ||
        !(f->target = pd_gfx_target_create(f->gfx, w, h, &err))) {
        fprintf(stderr, "FAIL: %s\n", err.msg);
        exit(1);
    }
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

/* A new target of w x h for the fixture's frames (the old one goes). */
static inline void fixture_resize(fixture *f, int w, int h)
{
    pd_err err = {0};
    pd_gfx_target_destroy(f->gfx, &f->target);
    free(f->px);
    if (!(f->target = pd_gfx_target_create(f->gfx, w, h, &err))) {
        fprintf(stderr, "FAIL: %s\n", err.msg);
        exit(1);
    }
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
    if (f->gfx) {
        pd_gfx_scene_destroy(f->gfx, &f->talk);
        pd_gfx_target_destroy(f->gfx, &f->target);
    }
    pd_gfx_destroy(&f->gfx);
    pd_atlas_destroy(&f->atlas);
    pd_fonts_unload(&f->fonts);
    pd_headless_destroy(&f->ctx);
}

/* scene units -> pixel coordinates (x right, y down), Manim's camera rule */
static inline double fixture_px_x(const fixture *f, double x) { return f->w * 0.5 + x * f->h / 8.0; }
static inline double fixture_px_y(const fixture *f, double y) { return f->h * 0.5 - y * f->h / 8.0; }

#endif
