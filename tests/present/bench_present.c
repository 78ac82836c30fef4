/* bench_present: the live presenter's figures, headless at 1920x1080 with
 * the HUD on (as a window draws it):
 *   - key press to first changed frame, at every stop (target: <= 1 frame);
 *   - frame times while stepping, reversing and scrubbing through the whole
 *     talk at 60 fps (target: none over 16.7 ms on llvmpipe);
 *   - the speaker's tools: opening the overview (the first time with its
 *     thumbnails rendered, then cached; target: under 100 ms), frames with
 *     the pen holding 500 strokes, and stepping through the talk zoomed 4x.
 * Usage: bench_present [TALK] [--tools] (default: gqa when it exists, else
 * demo; --tools: only the speaker's tools). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../render/talk_fixture.h"
#include "core/clock.h"
#include "present/keymap.h"
#include "present/overlay.h"
#include "present/presenter.h"
#include "scene/gpu_data.h"
#include "scene/introspect.h"
#include "scene/scene.h"
#include "scene/timeline.h"
#include "talks/talks.h"

enum {
    W = 1920,
    H = 1080,
    MAX_SAMPLES = 200000
};
#define DT (1.0 / 60)

typedef struct bench {
    fixture f;
    pd_scene *s;
    pd_presenter *p;
    pd_overlay *ov;
    pd_overlay_info info;
    double *ms;
    int n;
} bench;

static double frame(bench *b, bool read)
{
    pd_err err = {0};
    double t0 = pd_clock_now_s();
    /* as the window draws the audience's frame (zoomed, frozen or not): the session's draw_frame */
    pd_session_overlays ov = {.overlay = b->ov, .presenter = b->p, .info = b->info};
    if (!pd_session_render(&b->f.s, pd_presenter_audience_t(b->p), &ov, read ? b->f.px : NULL, &err))
        fprintf(stderr, "bench_present: %s\n", err.msg);
    if (!read)
        pd_gfx_finish(b->f.gfx);
    return (pd_clock_now_s() - t0) * 1e3;
}

static int cmp(const void *x, const void *y)
{
    double a = *(const double *)x, c = *(const double *)y;
    return (a > c) - (a < c);
}

static void report(const char *what, bench *b)
{
    if (b->n == 0)
        return;
    qsort(b->ms, (size_t)b->n, sizeof *b->ms, cmp);
    int over = 0;
    for (int i = 0; i < b->n; i++)
        over += b->ms[i] > 16.7;
    printf("  %-10s %6d frames  median %6.2f ms  p99 %6.2f ms  max %6.2f ms  over 16.7 ms: %d\n", what, b->n,
           b->ms[b->n / 2], b->ms[(int)floor(0.99 * (b->n - 1))], b->ms[b->n - 1], over);
    printf("{\"what\":\"%s\",\"frames\":%d,\"median_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,\"over_16_7\":%d}\n",
           what, b->n, b->ms[b->n / 2], b->ms[(int)floor(0.99 * (b->n - 1))], b->ms[b->n - 1], over);
    b->n = 0;
}

static void sample(bench *b)
{
    if (b->n < MAX_SAMPLES)
        b->ms[b->n++] = frame(b, false);
}

int main(int argc, char **argv)
{
    bool tools_only = argc > 1 && strcmp(argv[argc - 1], "--tools") == 0;
    if (tools_only)
        argc--;
    const char *name = argc > 1 ? argv[1] : (pd_talk_find("gqa") ? "gqa" : "demo");
    const pd_talk *talk = pd_talk_find(name);
    if (!talk) {
        fprintf(stderr, "bench_present: unknown talk '%s'\n", name);
        return 1;
    }
    bench b = {0};
    fixture_open(&b.f, W, H);
    pd_err err = {0};
    b.s = pd_scene_create(b.f.fonts);
    talk->build(b.s);
    talk_upload(&b.f, b.s, name);
    b.p = pd_presenter_create(&(pd_presenter_desc){.timeline = pd_scene_timeline(b.s), .hud = true}, &err);
    b.ov = pd_overlay_create(b.f.fonts, &err);
    b.ms = malloc(MAX_SAMPLES * sizeof *b.ms);
    b.info.clock_s = 12 * 3600;
    printf("bench_present: %s, %dx%d, HUD on, %s\n", name, W, H, pd_gfx_renderer_name(b.f.gfx));
    pd_presenter_key(b.p, PD_KEY_ESCAPE, 0); /* the start screen goes; the talk is measured */

    /* key press -> first changed frame, at every stop */
    size_t bytes = (size_t)W * H * 4;
    uint8_t *prev = malloc(bytes);
    int worst_frames = 0;
    double worst_ms = 0, sum_ms = 0;
    uint32_t ns = pd_scene_timeline(b.s).stop_count;
    if (tools_only)
        goto tools;
    for (uint32_t i = 0; i <= ns; i++) {
        pd_presenter_goto_stop(b.p, (int)i, &err);
        frame(&b, true);
        memcpy(prev, b.f.px, bytes);
        double t0 = pd_clock_now_s();
        pd_presenter_key(b.p, PD_KEY_RIGHT, 0);
        int frames = 0;
        bool changed = false;
        while (!changed && frames < 120) {
            frames++;
            frame(&b, true);
            /* the HUD's text changes with the mode: compare the talk's area only */
            changed = memcmp(prev, b.f.px, (size_t)W * (size_t)(H * 0.85) * 4) != 0;
            pd_presenter_tick(b.p, DT);
            if (pd_presenter_mode(b.p) == PD_MODE_HELD && !changed && frames > 1)
                break; /* the end: nothing after it */
        }
        double ms = (pd_clock_now_s() - t0) * 1e3 / frames;
        if (!changed)
            continue;
        worst_frames = frames > worst_frames ? frames : worst_frames;
        worst_ms = ms > worst_ms ? ms : worst_ms;
        sum_ms += ms;
    }
    printf("  key press to first changed frame: at most %d frame(s), latency mean %.2f ms, max %.2f ms "
           "(event + draw + finish)\n",
           worst_frames, sum_ms / (ns + 1), worst_ms);
    printf("{\"what\":\"key_to_frame\",\"max_frames\":%d,\"max_ms\":%.3f}\n", worst_frames, worst_ms);

    /* stepping: next, then play to the stop at 60 fps, through the talk */
    pd_presenter_goto_stop(b.p, 0, &err);
    for (uint32_t i = 0; i <= ns; i++) {
        pd_presenter_key(b.p, PD_KEY_RIGHT, 0);
        sample(&b);
        for (int k = 0; k < 100000 && pd_presenter_mode(b.p) == PD_MODE_PLAYING; k++) {
            pd_presenter_tick(b.p, DT);
            sample(&b);
        }
    }
    report("stepping", &b);
    /* reversing: V from every stop back to the previous one */
    for (int i = (int)ns; i >= 1; i--) {
        pd_presenter_goto_stop(b.p, i, &err);
        pd_presenter_key(b.p, 'V', 0);
        for (int k = 0; k < 100000 && pd_presenter_mode(b.p) == PD_MODE_REVERSE; k++) {
            pd_presenter_tick(b.p, DT);
            sample(&b);
        }
    }
    report("reversing", &b);
    /* scrubbing: Shift+Right held across the talk, then Shift+Left back */
    pd_presenter_goto_stop(b.p, 0, &err);
    pd_presenter_key(b.p, PD_KEY_RIGHT, PD_MOD_SHIFT);
    while (pd_presenter_t(b.p) < pd_presenter_duration(b.p) - 1e-6 && b.n < MAX_SAMPLES) {
        pd_presenter_tick(b.p, DT);
        sample(&b);
    }
    pd_presenter_key_up(b.p, PD_KEY_RIGHT, 0);
    pd_presenter_key(b.p, PD_KEY_LEFT, PD_MOD_SHIFT);
    while (pd_presenter_t(b.p) > 1e-6 && b.n < MAX_SAMPLES) {
        pd_presenter_tick(b.p, DT);
        sample(&b);
    }
    report("scrubbing", &b);
    pd_presenter_key_up(b.p, PD_KEY_LEFT, 0);

tools:;
    /* the overview: the first open renders every stop's thumbnail once;
     * later opens draw from that sheet */
    pd_overview_thumbs thumbs = {0};
    pd_presenter_goto_stop(b.p, (int)(ns / 2), &err);
    double t0 = pd_clock_now_s();
    if (!pd_overview_thumbs_render(b.f.gfx, b.f.talk, b.p, W, H, &thumbs, &err)) {
        fprintf(stderr, "bench_present: %s\n", err.msg);
        return 1;
    }
    b.info.thumbs = &thumbs;
    pd_presenter_key(b.p, PD_KEY_TAB, 0);
    frame(&b, false);
    double first_ms = (pd_clock_now_s() - t0) * 1e3, cached_ms = 0;
    for (int i = 0; i < 20; i++) {
        pd_presenter_key(b.p, PD_KEY_ESCAPE, 0);
        frame(&b, false);
        t0 = pd_clock_now_s();
        pd_presenter_key(b.p, PD_KEY_TAB, 0);
        frame(&b, false);
        double ms = (pd_clock_now_s() - t0) * 1e3;
        cached_ms = ms > cached_ms ? ms : cached_ms;
    }
    /* moving the selection: a frame per arrow */
    for (int i = 0; i < 60; i++) {
        pd_presenter_key(b.p, i % 20 < 10 ? PD_KEY_RIGHT : PD_KEY_LEFT, 0);
        sample(&b);
    }
    printf("  overview   first open (%u thumbnails rendered) %.1f ms, cached open max %.2f ms\n", ns, first_ms,
           cached_ms);
    printf("{\"what\":\"overview_open\",\"thumbnails\":%u,\"first_ms\":%.3f,\"cached_max_ms\":%.3f}\n", ns, first_ms,
           cached_ms);
    report("overview", &b);
    pd_presenter_key(b.p, PD_KEY_ESCAPE, 0);
    b.info.thumbs = NULL;
    pd_overview_thumbs_release(b.f.gfx, &thumbs);

    /* the pen holding 500 strokes of 40 points each at one stop, redrawn
     * every frame as the mouse moves */
    pd_presenter_goto_stop(b.p, (int)(ns / 2), &err);
    pd_presenter_key(b.p, 'D', 0);
    unsigned seed = 12345;
    for (int k = 0; k < 500; k++) {
        double x = 0.1 + 0.8 * (seed = seed * 1103515245u + 12345u) / 4294967296.0;
        double y = 0.1 + 0.8 * (seed = seed * 1103515245u + 12345u) / 4294967296.0;
        pd_presenter_key(b.p, '1' + k % 5, 0);
        pd_presenter_mouse_down(b.p, 0, x, y);
        for (int i = 1; i < 40; i++)
            pd_presenter_mouse_move(b.p, x + 0.004 * i, y + 0.03 * sin(i * 0.3 + k));
        pd_presenter_mouse_up(b.p, 0, x + 0.16, y);
    }
    int strokes = 0;
    const pd_pen_stroke *st = pd_presenter_strokes(b.p, &strokes, NULL);
    long pen_points = 0;
    for (int i = 0; i < strokes; i++)
        pen_points += st[i].count;
    printf("  (pen: %d strokes, %ld points kept of %d drawn)\n", strokes, pen_points, strokes * 41);
    for (int i = 0; i < 300; i++) {
        pd_presenter_mouse_move(b.p, 0.3 + 0.001 * i, 0.5);
        pd_presenter_tick(b.p, DT);
        sample(&b);
    }
    char what[64];
    snprintf(what, sizeof what, "pen_%d", strokes);
    report(what, &b);
    pd_presenter_key(b.p, 'E', 0);
    pd_presenter_key(b.p, 'D', 0);

    /* zoomed 4x: stepping through the talk, re-rendered at 4x about the centre */
    pd_presenter_goto_stop(b.p, 0, &err);
    pd_presenter_mouse_move(b.p, 0.5, 0.5);
    pd_presenter_key(b.p, 'Z', 0);
    pd_presenter_zoom_scroll(b.p, log(2.0) / log(PD_ZOOM_STEP));
    printf("  (zoom %.2fx)\n", pd_presenter_get_view(b.p).zoom);
    for (uint32_t i = 0; i <= ns; i++) {
        pd_presenter_key(b.p, PD_KEY_RIGHT, 0);
        sample(&b);
        for (int k = 0; k < 100000 && pd_presenter_mode(b.p) == PD_MODE_PLAYING; k++) {
            pd_presenter_tick(b.p, DT);
            sample(&b);
        }
    }
    report("zoom_4x", &b);

    free(prev);
    free(b.ms);
    pd_overlay_release_gpu(b.ov, b.f.gfx);
    pd_overlay_destroy(&b.ov);
    pd_presenter_destroy(&b.p);
    pd_scene_destroy(&b.s);
    fixture_close(&b.f);
    return 0;
}
