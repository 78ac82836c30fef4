#include "app/bench.h"

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "app/export.h"
#include "capture/frames.h"
#include "core/clock.h"

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* CPU time of the calling thread: what a seek costs podium itself (llvmpipe's
 * rasteriser threads are counted in the frame times) */
static double thread_cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double percentile(double *v, int n, double q)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[(int)floor(q * (n - 1))];
}

static void progress(const pd_bench_desc *d, const char *phase, int i, int n)
{
    if (d->progress)
        d->progress(d->user, phase, i, n);
}

static void remove_tree(const char *path)
{
    DIR *dir = opendir(path);
    if (!dir) {
        unlink(path);
        return;
    }
    struct dirent *e;
    char p[4600];
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", path, e->d_name);
        unlink(p);
    }
    closedir(dir);
    rmdir(path);
}

static double peak_rss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

/* Exports [0, seconds) of the talk at 1080p30 to path with the real exporter
 * in a session of its own; frames per second, or 0 on failure. */
static double bench_export(const pd_session_desc *sd, const char *path, double seconds)
{
    pd_session_desc d = *sd;
    d.width = 1920;
    d.height = 1080;
    pd_session s = {0};
    pd_err err = {0};
    pd_export_result r = {0};
    double t0 = pd_clock_now_s();
    bool ok = pd_session_load(&s, &d, &err) && pd_session_headless(&s, &err) &&
              pd_export_video(&s, &(pd_export_desc){.path = path, .fps = 30, .from = 0, .to = seconds, .force = true},
                              &r, &err);
    double wall = pd_clock_now_s() - t0;
    pd_session_unload(&s);
    return ok ? lround(seconds * 30) / wall : 0;
}

/* every frame at 60 fps (or d->frames spread over the talk) */
static bool time_frames(const pd_bench_desc *d, pd_session *s, pd_bench_result *r, pd_err *err)
{
    double dur = s->tl.duration;
    int n = d->frames > 0 ? d->frames : (int)s->tl.frames;
    double *ms = malloc((size_t)(n > 0 ? n : 1) * sizeof *ms);
    if (!ms)
        return pd_err_set(err, "out of memory");
    double worst = -1;
    for (int i = 0; i < n; i++) {
        progress(d, "frames", i, n);
        double t = d->frames > 0 ? dur * i / n : i / 60.0;
        double t0 = pd_clock_now_s();
        if (!pd_session_render(s, t, NULL, NULL, err)) {
            free(ms);
            return false;
        }
        pd_gfx_finish(s->gfx);
        ms[i] = (pd_clock_now_s() - t0) * 1e3;
        if (ms[i] > worst) {
            worst = ms[i];
            r->frame_max_t = t;
        }
        r->frames_over_16_7 += ms[i] > 1000.0 / 60.0;
    }
    r->frames = n;
    /* The slowest frames, drawn again 5 times each: the median of those is
     * what the content costs at that moment; a frame that was slow only once
     * was the scheduler (2 cores shared by llvmpipe's threads and ours). */
    enum {
        RETIME = 20
    };
    double slow_t[RETIME];
    int nslow = 0;
    double *copy = malloc((size_t)(n > 0 ? n : 1) * sizeof *copy);
    if (copy) {
        memcpy(copy, ms, (size_t)n * sizeof *copy);
        for (; nslow < RETIME && nslow < n; nslow++) {
            int best = 0;
            for (int i = 1; i < n; i++)
                if (copy[i] > copy[best])
                    best = i;
            slow_t[nslow] = d->frames > 0 ? dur * best / n : best / 60.0;
            copy[best] = -1;
        }
        free(copy);
    }
    for (int k = 0; k < nslow; k++) {
        progress(d, "slowest frames redrawn", k, nslow);
        double redraw[5];
        for (int j = 0; j < 5; j++) {
            double t0 = pd_clock_now_s();
            if (!pd_session_render(s, slow_t[k], NULL, NULL, err)) {
                free(ms);
                return false;
            }
            pd_gfx_finish(s->gfx);
            redraw[j] = (pd_clock_now_s() - t0) * 1e3;
        }
        double med = percentile(redraw, 5, 0.5);
        if (med > r->slowest_moment_ms) {
            r->slowest_moment_ms = med;
            r->slowest_moment_t = slow_t[k];
        }
    }
    r->frame_median_ms = percentile(ms, n, 0.5);
    r->frame_p99_ms = percentile(ms, n, 0.99);
    r->frame_max_ms = ms[n - 1];
    free(ms);
    return true;
}

/* 1000 random seeks: the render thread's CPU to pick the epoch and issue the
 * frame, and the wall time until it is finished */
static void time_seeks(const pd_bench_desc *d, pd_session *s, pd_bench_result *r)
{
    double us[1000];
    srand(12345);
    for (int i = 0; i < 1000; i++) {
        progress(d, "random seeks", i, 1000);
        double t = s->tl.duration * rand() / (double)RAND_MAX;
        double w = pd_clock_now_s(), c = thread_cpu_s();
        pd_gfx_begin(s->gfx, &(pd_gfx_pass){.target = s->target});
        pd_gfx_scene_draw(s->gfx, s->talk, t);
        pd_gfx_end(s->gfx);
        us[i] = (thread_cpu_s() - c) * 1e6;
        pd_gfx_finish(s->gfx);
        r->seek_wall_max_ms = fmax(r->seek_wall_max_ms, (pd_clock_now_s() - w) * 1e3);
    }
    r->seek_median_us = percentile(us, 1000, 0.5);
    r->seek_p99_us = percentile(us, 1000, 0.99);
    r->seek_max_us = us[999];
}

bool pd_bench_run(const pd_bench_desc *d, pd_bench_result *r, pd_err *err)
{
    *r = (pd_bench_result){.width = d->session.width, .height = d->session.height};
    snprintf(r->what, sizeof r->what, "%s", d->session.testcard ? "testcard" : d->session.talk);
    pd_session s = {0};
    double t0 = pd_clock_now_s();
    bool ok = pd_session_load(&s, &d->session, err);
    r->content_ms = (pd_clock_now_s() - t0) * 1e3;
    ok = ok && pd_session_headless(&s, err) && pd_session_render(&s, 0, NULL, NULL, err);
    if (ok) {
        pd_gfx_finish(s.gfx);
        r->startup_ms = (pd_clock_now_s() - t0) * 1e3;
        snprintf(r->renderer, sizeof r->renderer, "%s", pd_gfx_renderer_name(s.gfx));
        r->talk_frames_30 = floor(s.tl.duration * 30 + 0.5);
        ok = time_frames(d, &s, r, err);
    }
    if (ok)
        time_seeks(d, &s, r);
    pd_session_unload(&s);
    if (!ok)
        return false;
    r->rss_frames_mb = peak_rss_mb();

    /* export speed at 1080p30: the first 20 s of the talk (or all of a shorter
     * one), to mp4 and to PNG frames */
    double export_s = r->talk_frames_30 / 30 < 20.0 ? r->talk_frames_30 / 30 : 20.0;
    char tmp[] = "/tmp/podium-bench-XXXXXX";
    if (!d->session.testcard && mkdtemp(tmp)) {
        r->export_measured = true;
        char path[4200];
        snprintf(path, sizeof path, "%s/bench.mp4", tmp);
        progress(d, "export to mp4 (up to 20 s of the talk at 1080p30)", 0, 0);
        if (pd_cap_ffmpeg_available())
            r->export_mp4_fps = bench_export(&d->session, path, export_s);
        r->rss_mp4_mb = peak_rss_mb();
        if (r->export_mp4_fps > 0) {
            /* the ceiling: the same frames as a raw file, then ffmpeg alone */
            char raw[4200];
            snprintf(raw, sizeof raw, "%s/bench.yuv", tmp);
            progress(d, "the same stretch to raw yuv420p, then ffmpeg alone encoding it", 0, 0);
            r->export_raw_fps = bench_export(&d->session, raw, export_s);
            double enc_t0 = pd_clock_now_s();
            pd_err enc_err = {0};
            if (r->export_raw_fps > 0 && pd_cap_encode_raw(raw, 1920, 1080, 30, path, &enc_err))
                r->encode_only_fps = lround(export_s * 30) / (pd_clock_now_s() - enc_t0);
            unlink(raw);
        }
        unlink(path);
        snprintf(path, sizeof path, "%s/frames/", tmp);
        progress(d, "export to PNG frames (up to 20 s of the talk at 1080p30)", 0, 0);
        r->export_png_fps = bench_export(&d->session, path, export_s);
        snprintf(path, sizeof path, "%s/frames", tmp);
        remove_tree(path);
        remove_tree(tmp);
    }
    r->peak_rss_mb = peak_rss_mb();
    return true;
}

void pd_bench_report(const pd_bench_result *r, FILE *f)
{
    double mp4_talk_s = r->export_mp4_fps > 0 ? r->talk_frames_30 / r->export_mp4_fps : 0;
    fprintf(f, "podium --bench: %s, %dx%d, %s\n", r->what, r->width, r->height, r->renderer);
    fprintf(f, "  start-up to first frame   %9.1f ms   (fonts, script, atlas: %.1f ms)\n", r->startup_ms,
            r->content_ms);
    fprintf(f, "  frames drawn              %9d\n", r->frames);
    fprintf(f, "  frame time median         %9.2f ms\n", r->frame_median_ms);
    fprintf(f, "  frame time p99            %9.2f ms\n", r->frame_p99_ms);
    fprintf(f, "  frame time max            %9.2f ms   (t=%.3f)\n", r->frame_max_ms, r->frame_max_t);
    fprintf(f, "  frames over 16.7 ms       %9d\n", r->frames_over_16_7);
    fprintf(f, "  slowest moment, redrawn   %9.2f ms   (t=%.3f: median of 5 redraws of the 20 slowest frames)\n",
            r->slowest_moment_ms, r->slowest_moment_t);
    fprintf(f, "  seek CPU median/p99/max   %9.1f / %.1f / %.1f us   (1000 random seeks; wall max %.1f ms)\n",
            r->seek_median_us, r->seek_p99_us, r->seek_max_us, r->seek_wall_max_ms);
    if (r->export_measured) {
        fprintf(f, "  export 1080p30 to mp4     %9.1f frames/s   (whole talk ~%.1f s; Manim: 161 s)\n",
                r->export_mp4_fps, mp4_talk_s);
        fprintf(f, "  encoder alone (ceiling)   %9.1f frames/s   (whole talk ~%.1f s; export / ceiling: %.2fx)\n",
                r->encode_only_fps, r->encode_only_fps > 0 ? r->talk_frames_30 / r->encode_only_fps : 0,
                r->encode_only_fps > 0 && r->export_mp4_fps > 0 ? r->encode_only_fps / r->export_mp4_fps : 0);
        fprintf(f, "  render + YUV, no encoder  %9.1f frames/s   (the same stretch to a raw yuv420p file)\n",
                r->export_raw_fps);
        fprintf(f, "  export 1080p30 to PNGs    %9.1f frames/s   (whole talk ~%.1f s)\n", r->export_png_fps,
                r->export_png_fps > 0 ? r->talk_frames_30 / r->export_png_fps : 0);
    }
    fprintf(f,
            "  peak RSS                  %9.1f MB   (after frames and seeks %.1f MB, after the mp4 export %.1f MB)\n",
            r->peak_rss_mb, r->rss_frames_mb, r->rss_mp4_mb);
    fprintf(f,
            "{\"what\":\"%s\",\"width\":%d,\"height\":%d,\"renderer\":\"%s\",\"startup_ms\":%.2f,\"frames\":%d,"
            "\"frame_median_ms\":%.3f,\"frame_p99_ms\":%.3f,\"frame_max_ms\":%.3f,\"frames_over_16_7ms\":%d,"
            "\"slowest_moment_ms\":%.3f,\"slowest_moment_t\":%.3f,"
            "\"seek_cpu_median_us\":%.2f,\"seek_cpu_p99_us\":%.2f,\"seek_cpu_max_us\":%.2f,\"export_mp4_fps\":%.2f,"
            "\"export_png_fps\":%.2f,\"encode_only_fps\":%.2f,\"export_raw_fps\":%.2f,"
            "\"export_talk_mp4_s\":%.2f,\"peak_rss_mb\":%.1f}\n",
            r->what, r->width, r->height, r->renderer, r->startup_ms, r->frames, r->frame_median_ms, r->frame_p99_ms,
            r->frame_max_ms, r->frames_over_16_7, r->slowest_moment_ms, r->slowest_moment_t, r->seek_median_us,
            r->seek_p99_us, r->seek_max_us, r->export_mp4_fps, r->export_png_fps, r->encode_only_fps, r->export_raw_fps,
            mp4_talk_s, r->peak_rss_mb);
}
