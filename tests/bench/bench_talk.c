/* bench_talk [TALK] [--stride N] [--size WxH]: the talk's figures, headless.
 * - start-up: fonts, the script, finalize, GL context, upload, first frame;
 * - every frame of the talk at 60 fps (or every Nth): median, p99, max ms,
 *   each frame drawn and finished (glFinish), 1920x1080 by default;
 * - seek: 1000 random seeks, the CPU time of this thread to pick the epoch
 *   and submit the frame (GL work is llvmpipe's threads, measured above),
 *   for the talk and for the demo talk repeated 10 times (cost must stay flat).
 * --at T N draws one moment N times (T < 0: an empty frame), for profiling.
 * Prints a table and one JSON line. A benchmark: it asserts nothing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/file.h"
#include "gfx/gfx.h"
#include "platform/platform.h"
#include "scene/gpu_data.h"
#include "scene/introspect.h"
#include "scene/scene.h"
#include "scene/timeline.h"
#include "talks/talks.h"

static double thread_cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct loaded {
    pd_scene *scene;
    pd_gfx_scene *gpu;
} loaded;

static bool load(loaded *l, pd_fonts *fonts, pd_atlas *atlas, pd_gfx *g, const char *name)
{
    pd_err err = {0};
    l->scene = pd_scene_create(fonts);
    pd_talk_find(name)->build(l->scene);
    if (!pd_scene_finalize(l->scene, atlas, &err)) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return false;
    }
    if (!(l->gpu = pd_gfx_scene_create(g, l->scene, &err))) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return false;
    }
    return true;
}

static void unload(pd_gfx *g, loaded *l)
{
    pd_gfx_scene_destroy(g, &l->gpu);
    pd_scene_destroy(&l->scene);
}

static double seek_us(pd_gfx *g, pd_gfx_target *target, loaded *l, double *max_us)
{
    double dur = pd_scene_timeline(l->scene).duration, total = 0;
    *max_us = 0;
    srand(7);
    for (int i = 0; i < 1000; i++) {
        double t = dur * rand() / (double)RAND_MAX;
        double c0 = thread_cpu_s();
        pd_gfx_begin(g, &(pd_gfx_pass){.target = target});
        pd_gfx_scene_draw(g, l->gpu, t);
        pd_gfx_end(g);
        double us = (thread_cpu_s() - c0) * 1e6;
        total += us;
        *max_us = fmax(*max_us, us);
        if (i % 50 == 0)
            pd_gfx_finish(g); /* keep the GL queue short */
    }
    pd_gfx_finish(g);
    return total / 1000;
}

int main(int argc, char **argv)
{
    const char *name = "gqa";
    int stride = 1, w = 1920, h = 1080, repeat = 0;
    double at = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--stride") == 0 && i + 1 < argc)
            stride = atoi(argv[++i]);
        else if (strcmp(argv[i], "--at") == 0 && i + 2 < argc) {
            at = atof(argv[++i]);
            repeat = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--size") == 0 && i + 1 < argc)
            sscanf(argv[++i], "%dx%d", &w, &h);
        else
            name = argv[i];
    }
    if (!pd_talk_find(name) || stride < 1 || w < 1 || h < 1) {
        fprintf(stderr, "usage: bench_talk [TALK] [--stride N] [--size WxH] [--at T REPEAT]\n");
        return 2;
    }
    pd_err err = {0};
    double t0 = pd_clock_now_s();
    pd_fonts *fonts = NULL;
    if (!pd_fonts_load(&fonts, pd_assets_dir(), &err)) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 1;
    }
    pd_headless *ctx = pd_headless_create(&err);
    if (!ctx) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 77;
    }
    pd_atlas *atlas = pd_atlas_create(fonts);
    pd_gfx *g = atlas ? pd_gfx_create(&(pd_gfx_desc){.get_proc = pd_headless_get_proc, .atlas = atlas}, &err) : NULL;
    pd_gfx_target *target = g ? pd_gfx_target_create(g, w, h, &err) : NULL;
    if (!target) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 1;
    }
    const pd_gfx_pass pass = {.target = target};
    loaded l = {0};
    if (!load(&l, fonts, atlas, g, name))
        return 1;
    pd_gfx_begin(g, &pass);
    pd_gfx_scene_draw(g, l.gpu, 0);
    pd_gfx_end(g);
    pd_gfx_finish(g);
    double startup_ms = (pd_clock_now_s() - t0) * 1e3;
    if (repeat > 0) {
        /* --at T N: one moment drawn N times (for profiling) */
        double s0 = pd_clock_now_s();
        for (int i = 0; i < repeat; i++) {
            pd_gfx_begin(g, &pass);
            if (at >= 0)
                pd_gfx_scene_draw(g, l.gpu, at);
            pd_gfx_end(g);
            pd_gfx_finish(g);
        }
        const pd_epoch *e = pd_scene_epoch_at(l.scene, at);
        printf("t=%.3f: %.3f ms per frame, %u instances in its epoch\n", at, (pd_clock_now_s() - s0) * 1e3 / repeat,
               e ? e->count : 0);
        return 0;
    }

    uint32_t frames = pd_scene_timeline(l.scene).frames;
    uint32_t n = (frames + (uint32_t)stride - 1) / (uint32_t)stride;
    double *ms = malloc(n * sizeof *ms);
    uint32_t k = 0, max_at = 0;
    for (uint32_t f = 0; f < frames; f += (uint32_t)stride) {
        double s = pd_clock_now_s();
        pd_gfx_begin(g, &pass);
        pd_gfx_scene_draw(g, l.gpu, f / 60.0);
        pd_gfx_end(g);
        pd_gfx_finish(g);
        ms[k] = (pd_clock_now_s() - s) * 1e3;
        if (k == 0 || ms[k] > ms[max_at])
            max_at = k;
        k++;
    }
    double worst_t = (double)max_at * stride / 60.0;
    if (getenv("BENCH_SLOWEST")) {
        /* the slowest moments, to find what bounds the frame time */
        for (int r = 0; r < 12; r++) {
            uint32_t best = 0;
            for (uint32_t i = 1; i < k; i++)
                if (ms[i] > ms[best])
                    best = i;
            const pd_epoch *e = pd_scene_epoch_at(l.scene, (double)best * stride / 60.0);
            printf("  slow: t=%7.3f %6.2f ms, %u instances\n", (double)best * stride / 60.0, ms[best],
                   e ? e->count : 0);
            ms[best] = -ms[best];
        }
        for (uint32_t i = 0; i < k; i++)
            ms[i] = fabs(ms[i]);
    }
    qsort(ms, k, sizeof *ms, cmp);
    double median = ms[k / 2], p99 = ms[(size_t)floor(0.99 * (k - 1))], max = ms[k - 1];
    double seek_max = 0, seek = seek_us(g, target, &l, &seek_max);
    unload(g, &l);

    loaded d1 = {0}, d10 = {0};
    double s1 = 0, s10 = 0, m1 = 0, m10 = 0;
    if (load(&d1, fonts, atlas, g, "demo"))
        s1 = seek_us(g, target, &d1, &m1);
    if (load(&d10, fonts, atlas, g, "demo10"))
        s10 = seek_us(g, target, &d10, &m10);
    double d1_len = pd_scene_timeline(d1.scene).duration, d10_len = pd_scene_timeline(d10.scene).duration;

    printf("bench_talk: %s, %dx%d, %s\n", name, w, h, pd_gfx_renderer_name(g));
    printf("  start-up to first frame   %8.1f ms\n", startup_ms);
    printf("  frames drawn              %8u (every %d of %u)\n", k, stride, frames);
    printf("  frame time median         %8.2f ms\n", median);
    printf("  frame time p99            %8.2f ms\n", p99);
    printf("  frame time max            %8.2f ms  (t=%.3f)\n", max, worst_t);
    printf("  seek CPU, mean / max      %8.1f / %.1f us  (1000 random seeks)\n", seek, seek_max);
    printf("  seek CPU, demo  (%5.1f s)  %8.1f / %.1f us\n", d1_len, s1, m1);
    printf("  seek CPU, demo10 (%5.1f s) %8.1f / %.1f us\n", d10_len, s10, m10);
    printf("{\"talk\":\"%s\",\"width\":%d,\"height\":%d,\"startup_ms\":%.2f,\"frames\":%u,\"frame_median_ms\":%.3f,"
           "\"frame_p99_ms\":%.3f,\"frame_max_ms\":%.3f,\"seek_cpu_us\":%.2f,\"seek_cpu_max_us\":%.2f,"
           "\"seek_demo_us\":%.2f,\"seek_demo10_us\":%.2f}\n",
           name, w, h, startup_ms, k, median, p99, max, seek, seek_max, s1, s10);
    unload(g, &d1);
    unload(g, &d10);
    free(ms);
    pd_gfx_target_destroy(g, &target);
    pd_gfx_destroy(&g);
    pd_atlas_destroy(&atlas);
    pd_headless_destroy(&ctx);
    pd_fonts_unload(&fonts);
    return 0;
}
