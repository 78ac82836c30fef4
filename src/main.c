/* podium: the command line. Parses options, then presents in a window or
 * renders headless. Every failing input gets one line naming the thing and
 * the fix, and exit code 2; a missing display exits 1. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/png.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/file.h"
#include "gfx/gfx.h"
#include "platform/platform.h"
#include "present/testcard.h"
#include "scene/scene.h"
#include "talks/talks.h"
#include "text/atlas.h"
#include "text/font.h"

#define PODIUM_VERSION "0.1.0"

typedef enum mode {
    MODE_PRESENT,
    MODE_FRAME,
    MODE_BENCH,
    MODE_LIST,
} mode;

typedef struct options {
    mode mode;
    double frame_t;
    const char *out;
    int width, height;
    const char *assets;
    const char *shaders;
    bool fullscreen;
    int monitor;
    int bench_frames;
    const char *talk;
    bool testcard;
    int stop; /* --stop N, -1 when not given */
} options;

static void usage(FILE *f)
{
    fputs("usage: podium [OPTIONS]\n"
          "\n"
          "Presents the talk in a window (arrow keys step, Esc/Q quit). Without a\n"
          "display, render headless with --frame.\n"
          "\n"
          "Talk:\n"
          "  --talk NAME          the talk to present (default " PD_DEFAULT_TALK "; --list-talks names them)\n"
          "  --list               print the talk's sections, stops and duration, then exit\n"
          "  --list-talks         print the talks podium knows, then exit\n"
          "  --testcard           the built-in test card instead of a talk\n"
          "\n"
          "Headless:\n"
          "  --frame T            render the talk at time T seconds ...\n"
          "  --stop N             ... or the frame held at stop N (0 = the start) ...\n"
          "  --out FILE.png       ... into FILE.png (required; overwritten if it exists)\n"
          "  --size WxH           output size in pixels (default 1920x1080)\n"
          "  --bench              print frame-time and start-up figures (headless, 1920x1080)\n"
          "  --bench-frames N     frames to time with --bench (default 300)\n"
          "\n"
          "Window:\n"
          "  --fullscreen         start fullscreen\n"
          "  --monitor N          monitor for fullscreen (0-based, default 0)\n"
          "\n"
          "General:\n"
          "  --assets DIR         folder holding fonts/ (default: the build's assets folder)\n"
          "  --shaders DIR        load prim.vert/prim.frag from DIR instead of the built-in copy\n"
          "  --help               this text\n"
          "  --version            the version\n"
          "\n"
          "Keys (window): Esc or Q quit, F or F11 fullscreen.\n"
          "Exit codes: 0 ok, 1 no display, 2 bad input or failure.\n",
          f);
}

static bool parse_double(const char *s, double *out)
{
    if (!s || !*s)
        return false;
    char *end = NULL;
    double v = strtod(s, &end);
    if (*end != 0 || !isfinite(v))
        return false;
    *out = v;
    return true;
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
    if (!s || !*s)
        return false;
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (*end != 0 || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static bool parse_size(const char *s, int *w, int *h)
{
    if (!s)
        return false;
    const char *x = strchr(s, 'x');
    if (!x || x == s)
        return false;
    char wbuf[16];
    size_t n = (size_t)(x - s);
    if (n >= sizeof wbuf)
        return false;
    memcpy(wbuf, s, n);
    wbuf[n] = 0;
    return parse_int(wbuf, 1, 16384, w) && parse_int(x + 1, 1, 16384, h);
}

/* Returns 0 to go on, or an exit code (help printed, or bad input). */
static int parse_args(int argc, char **argv, options *o)
{
    *o = (options){.mode = MODE_PRESENT, .width = 1920, .height = 1080, .bench_frames = 300,
                   .talk = PD_DEFAULT_TALK, .stop = -1};
    bool have_frame = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED_VALUE()                                                                  \
    do {                                                                              \
        if (!val) {                                                                   \
            fprintf(stderr, "podium: %s needs a value (see podium --help)\n", a);      \
            return 2;                                                                 \
        }                                                                             \
        i++;                                                                          \
    } while (0)
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return -1;
        } else if (strcmp(a, "--version") == 0) {
            printf("podium %s\n", PODIUM_VERSION);
            return -1;
        } else if (strcmp(a, "--frame") == 0) {
            NEED_VALUE();
            if (!parse_double(val, &o->frame_t) || o->frame_t < 0) {
                fprintf(stderr, "podium: --frame '%s' is not a time in seconds >= 0 (e.g. --frame 12.5)\n", val);
                return 2;
            }
            have_frame = true;
            o->mode = MODE_FRAME;
        } else if (strcmp(a, "--stop") == 0) {
            NEED_VALUE();
            if (!parse_int(val, 0, 100000, &o->stop)) {
                fprintf(stderr, "podium: --stop '%s' is not a stop number >= 0 (see --list)\n", val);
                return 2;
            }
            have_frame = true;
            o->mode = MODE_FRAME;
        } else if (strcmp(a, "--talk") == 0) {
            NEED_VALUE();
            if (!pd_talk_find(val)) {
                fprintf(stderr, "podium: unknown talk '%s' (podium --list-talks names them)\n", val);
                return 2;
            }
            o->talk = val;
        } else if (strcmp(a, "--list") == 0) {
            o->mode = MODE_LIST;
        } else if (strcmp(a, "--list-talks") == 0) {
            size_t n = 0;
            const pd_talk *t = pd_talks(&n);
            for (size_t k = 0; k < n; k++)
                printf("%-8s %s\n", t[k].name, t[k].title);
            return -1;
        } else if (strcmp(a, "--testcard") == 0) {
            o->testcard = true;
        } else if (strcmp(a, "--out") == 0) {
            NEED_VALUE();
            if (!*val) {
                fprintf(stderr, "podium: --out needs a file name (e.g. --out frame.png)\n");
                return 2;
            }
            o->out = val;
        } else if (strcmp(a, "--size") == 0) {
            NEED_VALUE();
            if (!parse_size(val, &o->width, &o->height)) {
                fprintf(stderr, "podium: --size '%s' is not WxH with 1..16384 each (e.g. --size 1920x1080)\n", val);
                return 2;
            }
        } else if (strcmp(a, "--assets") == 0) {
            NEED_VALUE();
            o->assets = val;
        } else if (strcmp(a, "--shaders") == 0) {
            NEED_VALUE();
            o->shaders = val;
        } else if (strcmp(a, "--fullscreen") == 0) {
            o->fullscreen = true;
        } else if (strcmp(a, "--monitor") == 0) {
            NEED_VALUE();
            if (!parse_int(val, 0, 63, &o->monitor)) {
                fprintf(stderr, "podium: --monitor '%s' is not a monitor number 0..63\n", val);
                return 2;
            }
        } else if (strcmp(a, "--bench") == 0) {
            o->mode = MODE_BENCH;
        } else if (strcmp(a, "--bench-frames") == 0) {
            NEED_VALUE();
            if (!parse_int(val, 1, 1000000, &o->bench_frames)) {
                fprintf(stderr, "podium: --bench-frames '%s' is not a count 1..1000000\n", val);
                return 2;
            }
        } else {
            fprintf(stderr, "podium: unknown option '%s' (see podium --help)\n", a);
            return 2;
        }
#undef NEED_VALUE
    }
    if (have_frame && !o->out) {
        fprintf(stderr, "podium: --frame/--stop needs --out FILE.png\n");
        return 2;
    }
    if (o->out && !have_frame) {
        fprintf(stderr, "podium: --out needs --frame T or --stop N\n");
        return 2;
    }
    if (o->stop >= 0 && o->frame_t > 0) {
        fprintf(stderr, "podium: --frame and --stop cannot be combined\n");
        return 2;
    }
    if (o->out) {
        size_t n = strlen(o->out);
        if (n < 4 || strcmp(o->out + n - 4, ".png") != 0) {
            fprintf(stderr, "podium: --out '%s' must name a .png file\n", o->out);
            return 2;
        }
    }
    if (o->mode == MODE_BENCH && have_frame) {
        fprintf(stderr, "podium: --bench and --frame cannot be combined\n");
        return 2;
    }
    return 0;
}

/* What every mode needs once a GL context is current. */
typedef struct app {
    pd_fonts *fonts;
    pd_atlas *atlas;
    pd_gfx *gfx;
    pd_testcard *card;
    pd_scene *scene;
} app;

/* Fonts, then the talk's script (it runs once, here) or the test card. */
static bool app_load_content(app *a, const options *o, pd_err *err)
{
    if (!pd_fonts_load(&a->fonts, pd_assets_dir(), err))
        return false;
    a->atlas = pd_atlas_create(a->fonts);
    if (!a->atlas)
        return pd_err_set(err, "out of memory creating the glyph atlas");
    if (o->testcard) {
        a->card = pd_testcard_create(a->fonts, err);
        return a->card != NULL;
    }
    const pd_talk *talk = pd_talk_find(o->talk);
    a->scene = pd_scene_create(a->fonts);
    if (!talk || !a->scene)
        return pd_err_set(err, "cannot load talk '%s'", o->talk);
    talk->build(a->scene);
    if (pd_scene_error(a->scene))
        return pd_err_set(err, "talk '%s': %s", o->talk, pd_scene_error(a->scene));
    return pd_scene_finalize(a->scene, a->atlas, err);
}

static bool app_load_gfx(app *a, const options *o, pd_gl_loader loader, pd_err *err)
{
    a->gfx = pd_gfx_create(&(pd_gfx_desc){.get_proc = loader, .shader_dir = o->shaders}, err);
    if (!a->gfx)
        return false;
    if (a->scene) {
        pd_scene_gpu data = pd_scene_gpu_data(a->scene);
        return pd_gfx_scene_upload(a->gfx, &data, err);
    }
    return true;
}

static void app_unload(app *a)
{
    pd_testcard_destroy(&a->card);
    pd_scene_destroy(&a->scene);
    pd_gfx_destroy(&a->gfx);
    pd_atlas_destroy(&a->atlas);
    pd_fonts_unload(&a->fonts);
}

static bool app_draw(app *a, int fb_w, int fb_h, double t, pd_err *err)
{
    pd_gfx_begin(a->gfx, fb_w, fb_h);
    if (a->scene)
        pd_gfx_scene_draw(a->gfx, a->scene, a->atlas, t);
    else if (!pd_testcard_draw(a->card, a->gfx, a->atlas, t, err))
        return false;
    pd_gfx_end(a->gfx, a->atlas);
    return true;
}

static double app_duration(const app *a) { return a->scene ? pd_scene_duration(a->scene) : 10.0; }

static int run_list(const options *o)
{
    pd_err err = {0};
    app a = {0};
    options lo = *o;
    lo.testcard = false;
    if (!app_load_content(&a, &lo, &err)) {
        fprintf(stderr, "podium: %s\n", err.msg);
        app_unload(&a);
        return 2;
    }
    for (uint32_t i = 0; i < pd_scene_section_count(a.scene); i++) {
        const pd_section_info *sec = pd_scene_section(a.scene, i);
        printf("section %u \"%s\" t=%.3f\n", i + 1, sec->title, sec->t);
    }
    for (uint32_t i = 0; i < pd_scene_stop_count(a.scene); i++) {
        const pd_stop *st = pd_scene_stop(a.scene, i);
        printf("stop %u t=%.3f hold=%.3f section=%d\n", i + 1, st->t, st->hold, st->section + 1);
    }
    printf("duration %.3f\n", pd_scene_duration(a.scene));
    app_unload(&a);
    return 0;
}

static int run_frame(const options *o)
{
    pd_err err = {0};
    app a = {0};
    pd_headless *h = NULL;
    uint8_t *px = NULL;
    int rc = 2;
    if (!app_load_content(&a, o, &err))
        goto fail;
    h = pd_headless_create(&err);
    if (!h)
        goto fail;
    if (!app_load_gfx(&a, o, pd_headless_get_proc, &err) || !pd_gfx_target_create(a.gfx, o->width, o->height, &err))
        goto fail;
    pd_gfx_target_bind(a.gfx, true);
    double t = o->frame_t;
    if (o->stop >= 0) {
        uint32_t n = a.scene ? pd_scene_stop_count(a.scene) : 0;
        if ((uint32_t)o->stop > n) {
            pd_err_set(&err, "--stop %d is out of range: the talk has stops 0..%u (see --list)", o->stop, n);
            goto fail;
        }
        t = o->stop == 0 ? 0 : pd_scene_stop(a.scene, (uint32_t)o->stop - 1)->t;
    }
    if (!app_draw(&a, o->width, o->height, t, &err))
        goto fail;
    px = malloc((size_t)o->width * (size_t)o->height * 4);
    if (!px) {
        pd_err_set(&err, "out of memory for a %dx%d frame", o->width, o->height);
        goto fail;
    }
    pd_gfx_read_rgba(a.gfx, o->width, o->height, px);
    if (!pd_png_write(o->out, px, o->width, o->height, PD_PNG_OVERWRITE, &err))
        goto fail;
    rc = 0;
fail:
    if (rc)
        fprintf(stderr, "podium: %s\n", err.msg);
    free(px);
    app_unload(&a);
    pd_headless_destroy(&h);
    return rc;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static int run_bench(const options *o)
{
    pd_err err = {0};
    app a = {0};
    pd_headless *h = NULL;
    double *times = NULL;
    int rc = 2;
    double t0 = pd_clock_now_s();
    if (!app_load_content(&a, o, &err))
        goto fail;
    double t_content = pd_clock_now_s();
    h = pd_headless_create(&err);
    if (!h || !app_load_gfx(&a, o, pd_headless_get_proc, &err) ||
        !pd_gfx_target_create(a.gfx, o->width, o->height, &err))
        goto fail;
    pd_gfx_target_bind(a.gfx, true);
    if (!app_draw(&a, o->width, o->height, 0, &err))
        goto fail;
    pd_gfx_finish(a.gfx);
    double t_first = pd_clock_now_s();
    int n = o->bench_frames;
    times = malloc((size_t)n * sizeof *times);
    if (!times)
        goto fail;
    double dur = app_duration(&a);
    for (int i = 0; i < n; i++) {
        double s = pd_clock_now_s();
        /* spread the frames over the whole talk */
        if (!app_draw(&a, o->width, o->height, dur * i / n, &err))
            goto fail;
        pd_gfx_finish(a.gfx);
        times[i] = (pd_clock_now_s() - s) * 1e3;
    }
    qsort(times, (size_t)n, sizeof *times, cmp_double);
    double median = times[n / 2], p99 = times[(int)floor(0.99 * (n - 1))], max = times[n - 1];
    printf("podium --bench: %s, %dx%d, %d frames, %s\n", o->testcard ? "test card" : o->talk, o->width, o->height, n,
           pd_gfx_renderer_name(a.gfx));
    printf("  start-up to first frame  %8.1f ms  (fonts+layout %.1f ms)\n", (t_first - t0) * 1e3,
           (t_content - t0) * 1e3);
    printf("  frame time median        %8.2f ms\n", median);
    printf("  frame time p99           %8.2f ms\n", p99);
    printf("  frame time max           %8.2f ms\n", max);
    printf("  instances per frame      %8u\n", pd_gfx_instance_count(a.gfx));
    printf("  atlas glyphs             %8d\n", pd_atlas_glyph_count(a.atlas));
    printf("{\"what\":\"%s\",", o->testcard ? "testcard" : o->talk);
    printf("\"width\":%d,\"height\":%d,\"frames\":%d,\"startup_ms\":%.2f,"
           "\"frame_median_ms\":%.3f,\"frame_p99_ms\":%.3f,\"frame_max_ms\":%.3f}\n",
           o->width, o->height, n, (t_first - t0) * 1e3, median, p99, max);
    rc = 0;
fail:
    if (rc)
        fprintf(stderr, "podium: %s\n", err.msg);
    free(times);
    app_unload(&a);
    pd_headless_destroy(&h);
    return rc;
}

static int run_present(const options *o)
{
    if (!pd_window_display_available()) {
        fprintf(stderr, "podium: no display (DISPLAY/WAYLAND_DISPLAY unset); render headless instead: "
                        "podium --frame T --out FILE.png (see --help)\n");
        return 1;
    }
    pd_err err = {0};
    app a = {0};
    pd_window *w = NULL;
    int rc = 2;
    if (!app_load_content(&a, o, &err))
        goto fail;
    w = pd_window_create(&(pd_window_desc){.title = "podium", .fullscreen = o->fullscreen, .monitor = o->monitor},
                         &err);
    if (!w) {
        rc = 1;
        goto fail;
    }
    if (!app_load_gfx(&a, o, pd_window_get_proc, &err))
        goto fail;
    double start = pd_clock_now_s();
    while (!pd_window_should_close(w)) {
        pd_window_poll(w, 0);
        pd_key_event ev;
        while (pd_window_next_key(w, &ev)) {
            if (ev.key == 256 /* Esc */ || ev.key == 'Q')
                pd_window_close(w);
            else if (ev.key == 'F' || ev.key == 300 /* F11 */)
                pd_window_toggle_fullscreen(w);
        }
        int fw = 0, fh = 0;
        pd_window_framebuffer_size(w, &fw, &fh);
        if (fw > 0 && fh > 0) {
            pd_gfx_target_bind(a.gfx, false);
            double t = pd_clock_now_s() - start;
            if (t > app_duration(&a))
                t = app_duration(&a);
            if (!app_draw(&a, fw, fh, t, &err))
                goto fail;
        }
        pd_window_swap(w);
    }
    rc = 0;
fail:
    if (rc)
        fprintf(stderr, "podium: %s\n", err.msg);
    app_unload(&a);
    pd_window_destroy(&w);
    return rc;
}

int main(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc == -1)
        return 0;
    if (rc)
        return rc;
    if (o.assets)
        pd_assets_dir_set(o.assets);
    switch (o.mode) {
    case MODE_FRAME:
        return run_frame(&o);
    case MODE_BENCH:
        return run_bench(&o);
    case MODE_LIST:
        return run_list(&o);
    case MODE_PRESENT:
    default:
        return run_present(&o);
    }
}
