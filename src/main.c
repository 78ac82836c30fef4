/* podium: the command line. Parses the options (a table: name, argument,
 * check, message), then hands over to the application layer (src/app/): the
 * window, a key script, an export, the bench, or one frame. Every failing
 * input gets one line naming the thing and the fix, and exit code 2; a
 * missing display exits 1. Every output is checked before any work, written
 * under a temporary name and renamed when complete; an existing one is
 * replaced only with --force (capture/output.h). */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/bench.h"
#include "app/options.h"
#include "app/export.h"
#include "app/present.h"
#include "app/progress.h"
#include "capture/handout.h"
#include "capture/output.h"
#include "capture/png.h"
#include "core/file.h"
#include "core/proc.h"
#include "present/keymap.h"
#include "present/script.h"
#include "talks/talks.h"

/* Returns 0 to go on, -1 when done (help printed), or an exit code. */
static int parse_args(int argc, char **argv, pd_options *o)
{
    *o = (pd_options){.width = 1920,
                      .height = 1080,
                      .bench_frames = 300,
                      .talk = PD_DEFAULT_TALK,
                      .stop = -1,
                      .fps = 60,
                      .capture_dir = "captures"};
    bool clash = false; /* two modes asked for */
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const pd_opt *p = pd_opt_find(a);
        if (!p && a[0] != '-' && !file && (pd_ends_with(a, ".py") || pd_ends_with(a, ".c"))) {
            o->talk = file = a; /* a talk's file: a Manim scene or a C talk */
            continue;
        }
        if (!p && a[0] != '-' && file && pd_ends_with(file, ".py") && !o->scene_name) {
            o->scene_name = a; /* FILE.py SCENE */
            continue;
        }
        if (!p)
            return fprintf(stderr, "podium: unknown option '%s' (see podium --help)\n", a), 2;
        bool has_arg = pd_opt_takes_value(p);
        if (has_arg && i + 1 >= argc)
            return fprintf(stderr, "podium: %s needs a value (see podium --help)\n", a), 2;
        int rc = pd_opt_take(o, p, has_arg ? argv[++i] : NULL);
        if (rc)
            return rc;
        o->seen[pd_opt_index(p)] = true;
        if (p->sets) {
            clash |= o->mode && o->mode != p->sets;
            o->mode = p->sets;
        }
    }
    const char *why = NULL;
    bool frame = pd_opt_seen(o, "--frame") || pd_opt_seen(o, "--stop");
    if (clash)
        why = "--keys, --export, --export-stops, --handout, --frame, --bench and --list cannot be combined (one at a "
              "time)";
    else if (pd_opt_seen(o, "--frame") && pd_opt_seen(o, "--stop"))
        why = "--frame and --stop cannot be combined";
    else if (frame && !o->out)
        why = "--frame/--stop needs --out FILE.png";
    else if (o->out && !frame)
        why = "--out needs --frame T or --stop N";
    else if (o->out && (strlen(o->out) < 4 || !pd_ends_with(o->out, ".png")))
        return fprintf(stderr, "podium: --out '%s' must name a .png file\n", o->out), 2;
    else if ((o->from.given || o->to.given) && o->mode != PD_MODE_EXPORT)
        why = "--from/--to go with --export";
    else if (o->start.given && o->mode != PD_MODE_PRESENT && o->mode != PD_MODE_KEYS)
        why = "--start goes with the window or --keys";
    else if (o->testcard && (o->mode == PD_MODE_STOPS || o->mode == PD_MODE_HANDOUT))
        why = "the test card has no stops: --export-stops and --handout need a talk";
    if (why)
        return fprintf(stderr, "podium: %s\n", why), 2;
    if (o->mode == PD_MODE_HANDOUT && !pd_opt_seen(o, "--size"))
        pd_handout_frame_size(300, &o->width, &o->height); /* print resolution */
    return 0;
}

/* ---- the modes ---- */

static pd_session_desc session_desc(const pd_options *o)
{
    return (pd_session_desc){.talk = o->testcard ? NULL : o->talk,
                             .scene_name = o->scene_name,
                             .testcard = o->testcard,
                             .shader_dir = o->shaders,
                             .width = o->width,
                             .height = o->height};
}

static int fail(pd_session *s, pd_err *err)
{
    if (err->msg[0])
        fprintf(stderr, "podium: %s\n", err->msg);
    pd_session_unload(s);
    return 2;
}

static int run_list(const pd_options *o)
{
    pd_err err = {0};
    pd_session s = {0};
    pd_session_desc d = session_desc(o);
    d.testcard = false, d.talk = o->talk;
    if (!pd_session_load(&s, &d, &err))
        return fail(&s, &err);
    for (uint32_t i = 0; i < s.tl.section_count; i++)
        printf("section %u \"%s\" t=%.3f\n", i + 1, s.tl.sections[i].title, s.tl.sections[i].t);
    for (uint32_t i = 0; i < s.tl.stop_count; i++) {
        const pd_stop *st = &s.tl.stops[i];
        char title[160];
        bool titled = pd_timeline_stop_title(&s.tl, i + 1, title, sizeof title) > 0;
        printf("stop %u t=%.3f hold=%.3f section=%d%s%s%s%s\n", i + 1, st->t, st->hold, st->section + 1,
               st->loop ? " loop" : "", titled ? " \"" : "", titled ? title : "", titled ? "\"" : "");
    }
    printf("duration %.3f\n", s.tl.duration);
    pd_session_unload(&s);
    return 0;
}

/* A headless session (the talk and a GL context with a target), or an exit code. */
static int headless(const pd_options *o, pd_session *s, pd_err *err)
{
    /* An mp4 export shares the CPU with its encoder. On llvmpipe, rasterising
     * on the render thread (LP_NUM_THREADS=0) rather than on threads of its
     * own costs ~0.4 s less CPU over the GQA talk, time x264 gets
     * (docs/performance.md). Set before the GL context, which reads it once;
     * a user's own setting wins, and other drivers ignore it. */
    if (o->mode == PD_MODE_EXPORT && pd_ends_with(o->export_path, ".mp4"))
        setenv("LP_NUM_THREADS", "0", 0);
    pd_session_desc d = session_desc(o);
    return pd_session_load(s, &d, err) && pd_session_headless(s, err) ? 0 : 2;
}

/* pd_png_rows over the session's render target */
static const uint8_t *target_rows(void *user, int y, int n, int w, uint8_t *scratch)
{
    (void)w;
    pd_session *s = user;
    pd_gfx_read_rgba_rows(s->gfx, s->target, y, n, scratch);
    return scratch;
}

static int run_frame(const pd_options *o, pd_session *s, pd_err *err)
{
    double t = o->frame_t;
    if (o->stop >= 0) {
        if ((uint32_t)o->stop > s->tl.stop_count)
            return pd_err_set(err, "--stop %d is out of range: the talk has stops 0..%u (see --list)", o->stop,
                              s->tl.stop_count),
                   2;
        t = pd_timeline_stop_t(&s->tl, (uint32_t)o->stop);
    } else if (s->scene && t > s->tl.duration + PD_LIST_ROUNDING_S) { /* the end as --list prints it */
        return pd_err_set(err, "--frame %g is past the end: the talk lasts %.3f s (see --list)", t, s->tl.duration), 2;
    }
    /* the PNG is written from the target a band of rows at a time: no frame-sized copy */
    bool ok = pd_session_render(s, t, NULL, NULL, err) &&
              pd_png_write_rows(o->out, o->width, o->height, target_rows, s,
                                o->force ? PD_PNG_OVERWRITE : PD_PNG_NEW_ONLY, err);
    return ok ? 0 : 2;
}

/* --export, --export-stops, --handout: the job, then one line saying what it did */
static int run_export(const pd_options *o, pd_session *s, pd_err *err)
{
    pd_export_desc d = {.fps = o->fps, .force = o->force, .progress = pd_progress_bar};
    pd_export_result r = {0};
    const char *what = o->mode == PD_MODE_EXPORT ? "frames" : o->mode == PD_MODE_STOPS ? "stops" : "pages";
    bool ok;
    if (o->mode == PD_MODE_EXPORT) {
        d.path = o->export_path;
        if (!pd_session_place_t(s, &o->from, 0, &d.from, err) ||
            !pd_session_place_t(s, &o->to, s->tl.duration, &d.to, err))
            return 2;
        ok = pd_export_video(s, &d, &r, err);
    } else {
        d.path = o->mode == PD_MODE_STOPS ? o->stops_dir : o->handout;
        ok = o->mode == PD_MODE_STOPS ? pd_export_stops(s, &d, &r, err) : pd_export_handout(s, &d, &r, err);
    }
    pd_progress_end();
    if (r.interrupted) { /* SIGINT/SIGTERM: where the partial output is, or why there is none */
        char abs[4096];
        if (r.kept_ok)
            fprintf(stderr, "podium: interrupted after %ld of %ld %s; the partial output is '%s'%s%s\n", r.done,
                    r.total, what, pd_path_absolute(abs, sizeof abs, r.kept), err->msg[0] ? "; " : "", err->msg);
        else
            fprintf(stderr, "podium: interrupted after %ld of %ld %s; nothing kept: %s\n", r.done, r.total, what,
                    err->msg);
        err->msg[0] = 0;
        return pd_out_exit_status();
    }
    if (!ok)
        return 2;
    if (o->mode == PD_MODE_EXPORT)
        printf("exported %ld frames (%.3f s at %g fps, %dx%d, %ld rendered) to %s in %.2f s (%.1f frames/s)\n", r.total,
               d.to - d.from, d.fps, o->width, o->height, r.rendered, r.where, r.wall_s,
               r.total / (r.wall_s > 0 ? r.wall_s : 1));
    else
        printf("wrote %ld %s to %s\n", r.done, what, r.where);
    return 0;
}

/* The headless mode's output checked before any work (capture/output.h). */
static bool check_output(const pd_options *o, pd_err *err)
{
    pd_out_spec sp = {.force = o->force};
    if (o->mode == PD_MODE_FRAME)
        sp.path = o->out, sp.option = "--out";
    else if (o->mode == PD_MODE_EXPORT)
        sp.path = o->export_path, sp.option = "--export", sp.pattern = "frame-*.png",
        sp.kind = pd_ends_with(o->export_path, ".mp4") ? PD_OUT_FILE : PD_OUT_DIR;
    else if (o->mode == PD_MODE_STOPS)
        sp.path = o->stops_dir, sp.option = "--export-stops", sp.pattern = "stop-*.png", sp.kind = PD_OUT_DIR;
    else if (o->mode == PD_MODE_HANDOUT)
        sp.path = o->handout, sp.option = "--handout";
    else
        return true;
    return pd_out_check(&sp, err);
}

int main(int argc, char **argv)
{
    pd_process_init();
    pd_options o;
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (o.assets)
        pd_assets_dir_set(o.assets);
    /* captures are announced by where they went: an absolute path */
    static char capture_dir[4096];
    o.capture_dir = pd_path_absolute(capture_dir, sizeof capture_dir, o.capture_dir);
    pd_err err = {0};
    if (!check_output(&o, &err))
        return fprintf(stderr, "podium: %s\n", err.msg), 2;
    /* a dead ffmpeg gives EPIPE, and a file-size limit gives EFBIG, instead of killing podium */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    pd_present_desc pd = {.session = session_desc(&o),
                          .live = {.capture_dir = o.capture_dir, .fps = o.fps, .capture_overlays = o.capture_overlays},
                          .start = o.start,
                          .hud = o.hud,
                          .fullscreen = o.fullscreen,
                          .monitor = o.monitor,
                          .monitor_given = pd_opt_seen(&o, "--monitor"),
                          .presenter_view = o.presenter,
                          .plan = o.plan};
    switch (o.mode) {
    case PD_MODE_LIST:
        return run_list(&o);
    case PD_MODE_KEYS:
        return pd_present_keys(&pd, o.keys, stdout);
    case PD_MODE_PRESENT:
        return pd_present_window(&pd);
    case PD_MODE_BENCH: {
        pd_bench_result r;
        pd_bench_desc bd = {.session = pd.session,
                            .frames = pd_opt_seen(&o, "--bench-frames") ? o.bench_frames : 0,
                            .progress = pd_progress_phase};
        bool ok = pd_bench_run(&bd, &r, &err);
        pd_progress_end();
        if (!ok)
            return fprintf(stderr, "podium: %s\n", err.msg), 2;
        pd_bench_report(&r, stdout);
        return 0;
    }
    default: {
        pd_session s = {0};
        rc = headless(&o, &s, &err);
        if (!rc)
            rc = o.mode == PD_MODE_FRAME ? run_frame(&o, &s, &err) : run_export(&o, &s, &err);
        if (rc && err.msg[0])
            fprintf(stderr, "podium: %s\n", err.msg);
        pd_session_unload(&s);
        return rc;
    }
    }
}
