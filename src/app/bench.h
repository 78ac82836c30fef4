/* bench: podium --bench, the figures docs/performance.md reports.
 *
 * Owns: measuring a talk headless at the session's size: start-up to the
 * first frame, every frame of the talk (or N spread over it), the slowest
 * moments redrawn, 1000 random seeks (CPU of the render thread, wall time),
 * export speed at 1080p30 to mp4 and to PNG frames, and peak RSS; and the
 * report (a table and one JSON line). Measuring prints nothing: progress goes
 * to the desc's callback. Does not own: the talk (app/session.h).
 *
 *   pd_bench_result r;
 *   if (pd_bench_run(&(pd_bench_desc){ .session = sd }, &r, &err)) pd_bench_report(&r, stdout);
 */
#ifndef PD_APP_BENCH_H
#define PD_APP_BENCH_H

#include <stdbool.h>
#include <stdio.h>

#include "app/session.h"
#include "core/err.h"

typedef struct pd_bench_desc {
    pd_session_desc session;
    int frames; /* > 0: this many frames spread over the talk instead of every frame */
    /* called as the phases go (i of n; n = 0: a phase without a count); may be NULL */
    void (*progress)(void *user, const char *phase, int i, int n);
    void *user;
} pd_bench_desc;

typedef struct pd_bench_result {
    char what[64], renderer[160];
    int width, height;
    double startup_ms, content_ms;
    int frames, frames_over_16_7;
    double frame_median_ms, frame_p99_ms, frame_max_ms, frame_max_t;
    double slowest_moment_ms, slowest_moment_t; /* median of 5 redraws of the 20 slowest frames */
    double seek_median_us, seek_p99_us, seek_max_us, seek_wall_max_ms;
    bool export_measured;                  /* a talk (the test card has no export figures) */
    double export_mp4_fps, export_png_fps; /* 0: not measured (no ffmpeg) or failed */
    /* the same stretch rendered and converted to raw yuv420p (no encoder),
     * and ffmpeg encoding that file with the export's settings: the
     * encoder-only ceiling the mp4 export is measured against */
    double export_raw_fps, encode_only_fps;
    double rss_frames_mb, rss_mp4_mb; /* peak RSS after the frame and seek timing, after the mp4 export */
    double talk_frames_30;            /* the whole talk's frames at 30 fps */
    double peak_rss_mb;
} pd_bench_result;

bool pd_bench_run(const pd_bench_desc *d, pd_bench_result *r, pd_err *err);
void pd_bench_report(const pd_bench_result *r, FILE *f);

#endif
