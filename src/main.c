/* podium: the command line. Parses options, then presents in a window,
 * runs a key script headless, exports, or renders headless. Every failing
 * input gets one line naming the thing and the fix, and exit code 2; a
 * missing display exits 1. Every output is written under a temporary name
 * and renamed when complete; an existing one is replaced only with --force
 * (capture/output.h). */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

#include "capture/frames.h"
#include "capture/handout.h"
#include "capture/output.h"
#include "capture/png.h"
#include "core/clock.h"
#include "core/proc.h"
#include "core/err.h"
#include "core/file.h"
#include "gfx/gfx.h"
#include "platform/platform.h"
#include "present/keymap.h"
#include "present/overlay.h"
#include "present/presenter.h"
#include "present/script.h"
#include "present/testcard.h"
#include "scene/gpu_data.h"
#include "scene/scene.h"
#include "scene/timeline.h"
#include "py/py.h"
#include "talks/talks.h"
#include "text/atlas.h"
#include "text/font.h"

#define PODIUM_VERSION "0.1.0"

typedef enum mode {
    MODE_PRESENT,
    MODE_FRAME,
    MODE_BENCH,
    MODE_LIST,
    MODE_KEYS,
    MODE_EXPORT,
    MODE_EXPORT_STOPS,
    MODE_HANDOUT,
} mode;

/* A place on the timeline as written on the command line: seconds, stop:N
 * or section:N; resolved once the talk is loaded. */
typedef struct place {
    bool given;
    enum {
        PLACE_SECONDS,
        PLACE_STOP,
        PLACE_SECTION
    } kind;
    double seconds;
    int n;
    const char *text;
} place;

typedef struct options {
    mode mode;
    double frame_t;
    const char *out;
    int width, height;
    bool size_given;
    const char *assets;
    const char *shaders;
    bool fullscreen;
    int monitor;
    int bench_frames;
    bool bench_frames_given;
    const char *talk;
    const char *py_file, *py_scene; /* FILE.py [SCENE]: a Manim scene file */
    bool testcard;
    int stop; /* --stop N, -1 when not given */
    const char *keys;
    place start, from, to;
    const char *export_path, *export_stops_dir, *handout;
    bool force; /* --force/-y: replace an existing output once the new one is complete */
    double fps;
    bool fps_given;
    const char *capture_dir;
    bool presenter;
    bool hud; /* the audience sees the talk alone unless --hud */
    bool capture_overlays;
} options;

static void usage(FILE *f)
{
    fputs("usage: podium [FILE.py [SCENE]] [OPTIONS]\n"
          "\n"
          "Presents the talk in a window: the arrow keys step it, and any moment can\n"
          "be reached at once (keys below). Without a display, render headless with\n"
          "--frame, --keys, --export, --export-stops or --handout.\n"
          "\n"
          "Talk:\n"
          "  --talk NAME          the talk to present (default " PD_DEFAULT_TALK "; --list-talks names them)\n"
          "  FILE.py [SCENE]      present a Manim scene file, unmodified: its Scene (or manim-slides\n"
          "                       Slide) subclass SCENE, or the only one (docs/authoring.md lists the\n"
          "                       supported subset; PODIUM_PY_TIMEOUT=SECONDS limits the script, default 10)\n"
          "  --list               print the talk's sections, stops and duration, then exit\n"
          "  --list-talks         print the talks podium knows, then exit\n"
          "  --testcard           the built-in test card instead of a talk\n"
          "  --start X            start at X: stop:N, section:N or SECONDS (window and --keys)\n"
          "\n"
          "Window:\n"
          "  --fullscreen         start fullscreen\n"
          "  --monitor N          monitor for fullscreen (0-based, default 0)\n"
          "  --presenter          open the presenter view (a second window; S toggles it)\n"
          "  --hud                start with the HUD shown (it starts hidden; H toggles it)\n"
          "  --capture-overlays   F12 and Shift+F12 capture the HUD, help and toasts too (never REC)\n"
          "  --capture-dir DIR    where F12 screenshots and Shift+F12 recordings go (default ./captures)\n"
          "\n"
          "Headless:\n"
          "  --frame T            render the talk at time T seconds ...\n"
          "  --stop N             ... or the frame held at stop N (0 = the start) ...\n"
          "  --out FILE.png       ... into FILE.png (required)\n"
          "  --keys \"SCRIPT\"      run the presenter on a simulated clock; after each token print\n"
          "                       'after TOKEN: t=SECONDS stop=N mode=held|playing|reverse|paused'\n"
          "  --export FILE.mp4|DIR/  render frame-exactly to an H.264 mp4 (needs ffmpeg) or to\n"
          "                       DIR/frame-000001.png ...; a progress bar shows on a terminal\n"
          "  --fps N              export and recording frame rate (default 60)\n"
          "  --from X, --to X     export only this stretch: SECONDS or stop:N (default: all)\n"
          "  --export-stops DIR   write the frame held at every stop: DIR/stop-01.png ...\n"
          "  --handout FILE.pdf   a PDF with one page per stop, its speaker note under the frame\n"
          "  --size WxH           output size in pixels (default 1920x1080; handout: 300 dpi, 3208x1805)\n"
          "  --force, -y          replace an existing output (--out, --export, --export-stops,\n"
          "                       --handout); without it podium refuses. Outputs are written under a\n"
          "                       temporary name and renamed when complete; the folder they go in\n"
          "                       must exist (a DIR/ itself is created). Ctrl-C or SIGTERM keeps what\n"
          "                       was done as NAME.partial.EXT and exits 130 or 143; a second one\n"
          "                       stops at once and removes it\n"
          "  --bench              measure: every frame of the talk, 1000 seeks, start-up, export speed,\n"
          "                       peak memory (headless, 1920x1080); a table and one JSON line\n"
          "  --bench-frames N     time N frames spread over the talk instead of every frame\n"
          "\n"
          "General:\n"
          "  --assets DIR         folder holding fonts/ (default: the build's assets folder)\n"
          "  --shaders DIR        load the shaders (place.glsl, prim.vert, scene.vert, prim.frag) from DIR\n"
          "  --help               this text\n"
          "  --version            the version\n"
          "\n"
          "Keys (window and --keys; docs/keys.md):\n",
          f);
    int n = 0;
    const pd_key_binding *b = pd_key_bindings(&n);
    int col = 0; /* the keys column: as wide as the widest, by display width */
    for (int i = 0; i < n; i++)
        col = pd_utf8_columns(b[i].keys) > col ? pd_utf8_columns(b[i].keys) : col;
    for (int i = 0; i < n; i++)
        fprintf(f, "  %s%*s  %s\n", b[i].keys, col - pd_utf8_columns(b[i].keys), "", b[i].what);
    fputs("\n"
          "--keys tokens (spaces or commas between them):\n"
          "  KEY                  a key: right left up down space enter backspace pageup pagedown home\n"
          "                       end escape tab f1..f12 a..z 0..9 kp0..kp9 ] [ . / ? comma ...,\n"
          "                       with shift+ ctrl+ alt+ (e.g. shift+pagedown, ctrl+left, shift+f12)\n"
          "  wait:SECONDS         advance the clock\n"
          "  settle               advance until the playhead holds\n"
          "  hold:KEY:SECONDS     hold a key down (hold:shift+right:1.5 scrubs)\n"
          "  click  rclick        left / right click in the frame\n"
          "  bar:F  drag:F1:F2    click / drag the HUD timeline at fractions 0..1\n"
          "  wheel:N              N wheel notches (positive: forward)\n"
          "\n"
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

/* seconds, stop:N, or (allow_section) section:N */
static bool parse_place(const char *s, bool allow_section, place *out)
{
    *out = (place){.given = true, .text = s};
    if (strncmp(s, "stop:", 5) == 0) {
        out->kind = PLACE_STOP;
        return parse_int(s + 5, 0, 1000000, &out->n);
    }
    if (strncmp(s, "section:", 8) == 0) {
        out->kind = PLACE_SECTION;
        return allow_section && parse_int(s + 8, 1, 1000000, &out->n);
    }
    out->kind = PLACE_SECONDS;
    return parse_double(s, &out->seconds) && out->seconds >= 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* An existing path that is not a folder ("a/file/" counts as "a/file"). */
static bool is_non_dir(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (size_t n = strlen(buf); n > 1 && buf[n - 1] == '/'; n--)
        buf[n - 1] = 0;
    struct stat st;
    return stat(buf, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* Returns 0 to go on, or an exit code (help printed, or bad input). */
static int parse_args(int argc, char **argv, options *o)
{
    *o = (options){.mode = MODE_PRESENT,
                   .width = 1920,
                   .height = 1080,
                   .bench_frames = 300,
                   .talk = PD_DEFAULT_TALK,
                   .stop = -1,
                   .fps = 60,
                   .capture_dir = "captures"};
    bool have_frame = false, frame_given = false;
    int headless_modes = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED_VALUE()                                                              \
    do {                                                                          \
        if (!val) {                                                               \
            fprintf(stderr, "podium: %s needs a value (see podium --help)\n", a); \
            return 2;                                                             \
        }                                                                         \
        i++;                                                                      \
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
            frame_given = true;
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
            o->size_given = true;
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
            o->bench_frames_given = true;
        } else if (strcmp(a, "--keys") == 0) {
            NEED_VALUE();
            o->keys = val;
            o->mode = MODE_KEYS;
            headless_modes++;
        } else if (strcmp(a, "--start") == 0) {
            NEED_VALUE();
            if (!parse_place(val, true, &o->start)) {
                fprintf(stderr, "podium: --start '%s' is not stop:N, section:N or seconds >= 0 (see --list)\n", val);
                return 2;
            }
        } else if (strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0) {
            NEED_VALUE();
            if (!parse_place(val, false, a[2] == 'f' ? &o->from : &o->to)) {
                fprintf(stderr, "podium: %s '%s' is not seconds >= 0 or stop:N (e.g. %s stop:3)\n", a, val, a);
                return 2;
            }
        } else if (strcmp(a, "--export") == 0) {
            NEED_VALUE();
            if (!*val || (!ends_with(val, ".mp4") && !ends_with(val, "/") && !is_dir(val))) {
                fprintf(stderr,
                        "podium: --export '%s' must name a .mp4 file or a folder ending in / "
                        "(e.g. --export talk.mp4 or --export frames/)\n",
                        val);
                return 2;
            }
            if (ends_with(val, "/") && is_non_dir(val)) {
                fprintf(stderr,
                        "podium: --export '%s' is a file, not a folder (name a new folder, e.g. "
                        "--export frames/)\n",
                        val);
                return 2;
            }
            o->export_path = val;
            o->mode = MODE_EXPORT;
            headless_modes++;
        } else if (strcmp(a, "--export-stops") == 0) {
            NEED_VALUE();
            if (!*val) {
                fprintf(stderr, "podium: --export-stops needs a folder (e.g. --export-stops stops/)\n");
                return 2;
            }
            if (is_non_dir(val)) {
                fprintf(stderr,
                        "podium: --export-stops '%s' is a file, not a folder (name a new folder, e.g. "
                        "--export-stops stops/)\n",
                        val);
                return 2;
            }
            o->export_stops_dir = val;
            o->mode = MODE_EXPORT_STOPS;
            headless_modes++;
        } else if (strcmp(a, "--handout") == 0) {
            NEED_VALUE();
            if (!ends_with(val, ".pdf") || strlen(val) < 5) {
                fprintf(stderr, "podium: --handout '%s' must name a .pdf file (e.g. --handout talk.pdf)\n", val);
                return 2;
            }
            o->handout = val;
            o->mode = MODE_HANDOUT;
            headless_modes++;
        } else if (strcmp(a, "--fps") == 0) {
            NEED_VALUE();
            if (!parse_double(val, &o->fps) || o->fps < 1 || o->fps > 240) {
                fprintf(stderr, "podium: --fps '%s' is not a frame rate 1..240 (e.g. --fps 30)\n", val);
                return 2;
            }
            o->fps_given = true;
        } else if (strcmp(a, "--capture-dir") == 0) {
            NEED_VALUE();
            if (!*val) {
                fprintf(stderr, "podium: --capture-dir needs a folder (e.g. --capture-dir captures)\n");
                return 2;
            }
            o->capture_dir = val;
        } else if (strcmp(a, "--force") == 0 || strcmp(a, "-y") == 0) {
            o->force = true;
        } else if (strcmp(a, "--presenter") == 0) {
            o->presenter = true;
        } else if (strcmp(a, "--capture-overlays") == 0) {
            o->capture_overlays = true;
        } else if (strcmp(a, "--hud") == 0) {
            o->hud = true;
        } else if (strcmp(a, "--no-hud") == 0) {
            o->hud = false; /* the default; kept for scripts */
        } else if (a[0] != '-' && !o->py_file && ends_with(a, ".py")) {
            o->py_file = o->talk = a;
        } else if (a[0] != '-' && o->py_file && !o->py_scene) {
            o->py_scene = a;
        } else {
            fprintf(stderr, "podium: unknown option '%s' (see podium --help)\n", a);
            return 2;
        }
#undef NEED_VALUE
    }
    if (headless_modes > 1 || (headless_modes && (have_frame || o->mode == MODE_BENCH || o->mode == MODE_LIST))) {
        fprintf(stderr, "podium: --keys, --export, --export-stops, --handout, --frame, --bench and --list "
                        "cannot be combined (one at a time)\n");
        return 2;
    }
    if (have_frame && !o->out) {
        fprintf(stderr, "podium: --frame/--stop needs --out FILE.png\n");
        return 2;
    }
    if (o->out && !have_frame) {
        fprintf(stderr, "podium: --out needs --frame T or --stop N\n");
        return 2;
    }
    if (o->stop >= 0 && frame_given) {
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
    if ((o->from.given || o->to.given) && o->mode != MODE_EXPORT) {
        fprintf(stderr, "podium: --from/--to go with --export\n");
        return 2;
    }
    if (o->start.given && o->mode != MODE_PRESENT && o->mode != MODE_KEYS) {
        fprintf(stderr, "podium: --start goes with the window or --keys\n");
        return 2;
    }
    if (o->testcard && (o->mode == MODE_EXPORT_STOPS || o->mode == MODE_HANDOUT)) {
        fprintf(stderr, "podium: the test card has no stops: --export-stops and --handout need a talk\n");
        return 2;
    }
    if (o->mode == MODE_HANDOUT && !o->size_given)
        pd_handout_frame_size(300, &o->width, &o->height); /* print resolution */
    return 0;
}

/* What every mode needs once a GL context is current. */
typedef struct app {
    pd_fonts *fonts;
    pd_atlas *atlas;
    pd_gfx *gfx;
    pd_testcard *card;
    pd_scene *scene;
    pd_timeline tl;        /* the talk's places; the test card: 10 s, no stops */
    pd_gfx_scene *talk;    /* the talk on the GPU (NULL: the test card) */
    pd_gfx_target *target; /* headless modes: the offscreen frame */
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
        a->tl = (pd_timeline){.duration = 10.0, .frames = 600};
        a->card = pd_testcard_create(a->fonts, err);
        return a->card != NULL;
    }
    a->scene = pd_scene_create(a->fonts);
    if (o->py_file) /* a Manim scene file: its script runs here, in the embedded Python */
        return a->scene && pd_py_build(a->scene, o->py_file, o->py_scene, err) &&
               (a->tl = pd_scene_timeline(a->scene), pd_scene_finalize(a->scene, a->atlas, err));
    const pd_talk *talk = pd_talk_find(o->talk);
    if (!talk || !a->scene)
        return pd_err_set(err, "cannot load talk '%s'", o->talk);
    talk->build(a->scene);
    if (pd_scene_error(a->scene))
        return pd_err_set(err, "talk '%s': %s", o->talk, pd_scene_error(a->scene));
    a->tl = pd_scene_timeline(a->scene);
    return pd_scene_finalize(a->scene, a->atlas, err);
}

static bool app_load_gfx(app *a, const options *o, pd_gl_loader loader, pd_err *err)
{
    a->gfx = pd_gfx_create(&(pd_gfx_desc){.get_proc = loader, .atlas = a->atlas, .shader_dir = o->shaders}, err);
    if (!a->gfx)
        return false;
    if (a->scene)
        a->talk = pd_gfx_scene_create(a->gfx, a->scene, err);
    return !a->scene || a->talk;
}

/* A headless GL context with the app's renderer and an offscreen target of
 * the options' size, bound: what every headless mode draws into. */
static bool headless_open(app *a, pd_headless **h, const options *o, pd_err *err)
{
    *h = pd_headless_create(err);
    if (!*h || !app_load_gfx(a, o, pd_headless_get_proc, err))
        return false;
    a->target = pd_gfx_target_create(a->gfx, o->width, o->height, err);
    return a->target != NULL;
}

static void app_unload(app *a);

/* The end of every headless mode: the message of a failure, then teardown. */
static int headless_close(app *a, pd_headless **h, int rc, const pd_err *err)
{
    if (rc && err->msg[0])
        fprintf(stderr, "podium: %s\n", err->msg);
    app_unload(a);
    pd_headless_destroy(h);
    return rc;
}

static void app_unload(app *a)
{
    pd_testcard_destroy(&a->card);
    pd_scene_destroy(&a->scene);
    if (a->gfx) {
        pd_gfx_scene_destroy(a->gfx, &a->talk);
        pd_gfx_target_destroy(a->gfx, &a->target);
    }
    pd_gfx_destroy(&a->gfx);
    pd_atlas_destroy(&a->atlas);
    pd_fonts_unload(&a->fonts);
}

/* The talk (or the test card) at t, into the pass; overlays (NULL: none)
 * over it. */
static bool app_draw(app *a, const pd_gfx_pass *pass, double t, pd_overlay *ov, const pd_presenter *p,
                     const pd_overlay_info *info, pd_err *err)
{
    pd_gfx_begin(a->gfx, pass);
    if (a->talk)
        pd_gfx_scene_draw(a->gfx, a->talk, t);
    else if (a->card && !pd_testcard_draw(a->card, a->gfx, t, err))
        return false;
    if (ov && !pd_overlay_draw(ov, a->gfx, p, info, err))
        return false;
    pd_gfx_end(a->gfx);
    return true;
}

/* Headless: the frame at t into the app's target, read back into px (NULL:
 * not read). */
static bool app_render(app *a, double t, uint8_t *px, pd_err *err)
{
    if (!app_draw(a, &(pd_gfx_pass){.target = a->target}, t, NULL, NULL, NULL, err))
        return false;
    if (px)
        pd_gfx_read_rgba(a->gfx, a->target, px);
    return true;
}

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
    for (uint32_t i = 0; i < a.tl.section_count; i++) {
        const pd_section_info *sec = &a.tl.sections[i];
        printf("section %u \"%s\" t=%.3f\n", i + 1, sec->title, sec->t);
    }
    for (uint32_t i = 0; i < a.tl.stop_count; i++) {
        const pd_stop *st = &a.tl.stops[i];
        printf("stop %u t=%.3f hold=%.3f section=%d%s\n", i + 1, st->t, st->hold, st->section + 1,
               st->loop ? " loop" : "");
    }
    printf("duration %.3f\n", a.tl.duration);
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
    if (!headless_open(&a, &h, o, &err))
        goto fail;
    double t = o->frame_t;
    if (o->stop >= 0) {
        uint32_t n = a.tl.stop_count;
        if ((uint32_t)o->stop > n) {
            pd_err_set(&err, "--stop %d is out of range: the talk has stops 0..%u (see --list)", o->stop, n);
            goto fail;
        }
        t = pd_timeline_stop_t(&a.tl, (uint32_t)o->stop);
    } else if (a.scene && t > a.tl.duration + 0.0005) { /* the end as --list prints it */
        pd_err_set(&err, "--frame %g is past the end: the talk lasts %.3f s (see --list)", t, a.tl.duration);
        goto fail;
    }
    px = malloc((size_t)o->width * (size_t)o->height * 4);
    if (!px) {
        pd_err_set(&err, "out of memory for a %dx%d frame", o->width, o->height);
        goto fail;
    }
    if (!app_render(&a, t, px, &err))
        goto fail;
    if (!pd_png_write(o->out, px, o->width, o->height, o->force ? PD_PNG_OVERWRITE : PD_PNG_NEW_ONLY, &err))
        goto fail;
    rc = 0;
fail:
    free(px);
    return headless_close(&a, &h, rc, &err);
}

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

static int run_export(const options *o);

/* Exports [0, seconds) of the talk at 1080p30 to `path` with the real
 * exporter, quietly; returns frames per second, or 0 on failure. */
static double bench_export(const options *o, const char *path, double seconds)
{
    options eo = *o;
    eo.mode = MODE_EXPORT;
    eo.export_path = path;
    eo.fps = 30;
    eo.from = (place){0};
    eo.to = (place){.given = true, .kind = PLACE_SECONDS, .seconds = seconds, .text = "bench"};
    int saved_out = dup(1), saved_err = dup(2), null_fd = open("/dev/null", O_WRONLY);
    fflush(stdout);
    fflush(stderr);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
    double t0 = pd_clock_now_s();
    int rc = run_export(&eo);
    double wall = pd_clock_now_s() - t0;
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    close(null_fd);
    return rc == 0 ? lround(seconds * 30) / wall : 0;
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        unlink(path);
        return;
    }
    struct dirent *e;
    char p[4600];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", path, e->d_name);
        unlink(p);
    }
    closedir(d);
    rmdir(path);
}

/* --bench: every frame of the talk, 1000 random seeks, start-up, export
 * speed and peak memory, as a table and one JSON line (docs/performance.md). */
/* The bench's progress, on a terminal only: one line redrawn in place. */
static void bench_progress(const char *phase, int i, int n)
{
    static double last;
    if (!isatty(STDERR_FILENO))
        return;
    double now = pd_clock_now_s();
    if (i > 0 && i < n && now - last < 0.1)
        return;
    last = now;
    if (n > 0)
        fprintf(stderr, "\r\033[Kpodium --bench: %s %d/%d", phase, i, n);
    else
        fprintf(stderr, "\r\033[Kpodium --bench: %s", phase);
    fflush(stderr);
}

static int run_bench(const options *o)
{
    pd_err err = {0};
    app a = {0};
    pd_headless *h = NULL;
    double *ms = NULL, *seek_us = NULL;
    int rc = 2;
    double t0 = pd_clock_now_s();
    if (!app_load_content(&a, o, &err))
        goto fail;
    double t_content = pd_clock_now_s();
    if (!headless_open(&a, &h, o, &err))
        goto fail;
    if (!app_render(&a, 0, NULL, &err))
        goto fail;
    pd_gfx_finish(a.gfx);
    double t_first = pd_clock_now_s();

    /* every frame at 60 fps (or --bench-frames spread over the talk) */
    double dur = a.tl.duration;
    int n = (int)a.tl.frames;
    if (o->bench_frames_given)
        n = o->bench_frames;
    ms = malloc((size_t)n * sizeof *ms);
    seek_us = malloc(1000 * sizeof *seek_us);
    if (!ms || !seek_us) {
        pd_err_set(&err, "out of memory");
        goto fail;
    }
    double worst_t = 0, worst = -1;
    for (int i = 0; i < n; i++) {
        bench_progress("frames", i, n);
        double t = o->bench_frames_given ? dur * i / n : i / 60.0;
        double s = pd_clock_now_s();
        if (!app_render(&a, t, NULL, &err))
            goto fail;
        pd_gfx_finish(a.gfx);
        ms[i] = (pd_clock_now_s() - s) * 1e3;
        if (ms[i] > worst) {
            worst = ms[i];
            worst_t = t;
        }
    }
    int over = 0;
    for (int i = 0; i < n; i++)
        over += ms[i] > 1000.0 / 60.0;
    /* The slowest frames, drawn again 5 times each: the median of those is
     * what the content costs at that moment; a frame that was slow only once
     * was the scheduler (2 cores shared by llvmpipe's threads and ours). */
    enum {
        RETIME = 20
    };
    double slow_t[RETIME];
    int nslow = 0;
    {
        double *copy = malloc((size_t)n * sizeof *copy);
        if (copy) {
            memcpy(copy, ms, (size_t)n * sizeof *copy);
            for (; nslow < RETIME && nslow < n; nslow++) {
                int best = 0;
                for (int i = 1; i < n; i++)
                    if (copy[i] > copy[best])
                        best = i;
                slow_t[nslow] = o->bench_frames_given ? dur * best / n : best / 60.0;
                copy[best] = -1;
            }
            free(copy);
        }
    }
    double worst_repro = 0, worst_repro_t = 0;
    for (int k = 0; k < nslow; k++) {
        bench_progress("slowest frames redrawn", k, nslow);
        double r[5];
        for (int j = 0; j < 5; j++) {
            double s0 = pd_clock_now_s();
            if (!app_render(&a, slow_t[k], NULL, &err))
                goto fail;
            pd_gfx_finish(a.gfx);
            r[j] = (pd_clock_now_s() - s0) * 1e3;
        }
        double med = percentile(r, 5, 0.5);
        if (med > worst_repro) {
            worst_repro = med;
            worst_repro_t = slow_t[k];
        }
    }
    double median = percentile(ms, n, 0.5), p99 = percentile(ms, n, 0.99), max = ms[n - 1];

    /* 1000 random seeks: the render thread's CPU to pick the epoch and issue
     * the frame, and the wall time until it is finished */
    srand(12345);
    double seek_wall_max = 0;
    for (int i = 0; i < 1000; i++) {
        bench_progress("random seeks", i, 1000);
        double t = dur * rand() / (double)RAND_MAX;
        double w = pd_clock_now_s(), c = thread_cpu_s();
        pd_gfx_begin(a.gfx, &(pd_gfx_pass){.target = a.target});
        pd_gfx_scene_draw(a.gfx, a.talk, t);
        pd_gfx_end(a.gfx);
        seek_us[i] = (thread_cpu_s() - c) * 1e6;
        pd_gfx_finish(a.gfx);
        seek_wall_max = fmax(seek_wall_max, (pd_clock_now_s() - w) * 1e3);
    }
    double seek_med = percentile(seek_us, 1000, 0.5), seek_p99 = percentile(seek_us, 1000, 0.99),
           seek_max = seek_us[999];
    const char *renderer = pd_gfx_renderer_name(a.gfx);
    char renderer_copy[160];
    snprintf(renderer_copy, sizeof renderer_copy, "%s", renderer);
    app_unload(&a);
    pd_headless_destroy(&h);

    /* export speed at 1080p30: the first 20 s of the talk, to mp4 and to PNG frames */
    double mp4_fps = 0, png_fps = 0, export_s = a.scene || !o->testcard ? 20.0 : 0;
    char tmp[] = "/tmp/podium-bench-XXXXXX";
    if (!o->testcard && mkdtemp(tmp)) {
        char path[4200];
        options eo = *o;
        eo.width = 1920;
        eo.height = 1080;
        snprintf(path, sizeof path, "%s/bench.mp4", tmp);
        bench_progress("export to mp4 (20 s of the talk at 1080p30)", 0, 0);
        if (pd_cap_ffmpeg_available())
            mp4_fps = bench_export(&eo, path, export_s);
        unlink(path);
        snprintf(path, sizeof path, "%s/frames/", tmp);
        bench_progress("export to PNG frames (20 s of the talk at 1080p30)", 0, 0);
        png_fps = bench_export(&eo, path, export_s);
        snprintf(path, sizeof path, "%s/frames", tmp);
        remove_tree(path);
        rmdir(tmp);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double peak_mb = (double)ru.ru_maxrss / 1024.0;
    double talk_frames_30 = floor(dur * 30 + 0.5);
    if (isatty(STDERR_FILENO))
        fputs("\r\033[K", stderr); /* the progress line goes before the table */

    printf("podium --bench: %s, %dx%d, %s\n", o->testcard ? "test card" : o->talk, o->width, o->height, renderer_copy);
    printf("  start-up to first frame   %9.1f ms   (fonts, script, atlas: %.1f ms)\n", (t_first - t0) * 1e3,
           (t_content - t0) * 1e3);
    printf("  frames drawn              %9d\n", n);
    printf("  frame time median         %9.2f ms\n", median);
    printf("  frame time p99            %9.2f ms\n", p99);
    printf("  frame time max            %9.2f ms   (t=%.3f)\n", max, worst_t);
    printf("  frames over 16.7 ms       %9d\n", over);
    printf("  slowest moment, redrawn   %9.2f ms   (t=%.3f: median of 5 redraws of the 20 slowest frames)\n",
           worst_repro, worst_repro_t);
    printf("  seek CPU median/p99/max   %9.1f / %.1f / %.1f us   (1000 random seeks; wall max %.1f ms)\n", seek_med,
           seek_p99, seek_max, seek_wall_max);
    if (!o->testcard) {
        printf("  export 1080p30 to mp4     %9.1f frames/s   (whole talk ~%.1f s; Manim: 161 s)\n", mp4_fps,
               mp4_fps > 0 ? talk_frames_30 / mp4_fps : 0);
        printf("  export 1080p30 to PNGs    %9.1f frames/s   (whole talk ~%.1f s)\n", png_fps,
               png_fps > 0 ? talk_frames_30 / png_fps : 0);
    }
    printf("  peak RSS                  %9.1f MB\n", peak_mb);
    printf("{\"what\":\"%s\",\"width\":%d,\"height\":%d,\"renderer\":\"%s\",\"startup_ms\":%.2f,\"frames\":%d,"
           "\"frame_median_ms\":%.3f,\"frame_p99_ms\":%.3f,\"frame_max_ms\":%.3f,\"frames_over_16_7ms\":%d,"
           "\"slowest_moment_ms\":%.3f,\"slowest_moment_t\":%.3f,"
           "\"seek_cpu_median_us\":%.2f,\"seek_cpu_p99_us\":%.2f,\"seek_cpu_max_us\":%.2f,\"export_mp4_fps\":%.2f,"
           "\"export_png_fps\":%.2f,"
           "\"export_talk_mp4_s\":%.2f,\"peak_rss_mb\":%.1f}\n",
           o->testcard ? "testcard" : o->talk, o->width, o->height, renderer_copy, (t_first - t0) * 1e3, n, median, p99,
           max, over, worst_repro, worst_repro_t, seek_med, seek_p99, seek_max, mp4_fps, png_fps,
           mp4_fps > 0 ? talk_frames_30 / mp4_fps : 0, peak_mb);
    rc = 0;
fail:
    free(ms);
    free(seek_us);
    return headless_close(&a, &h, rc, &err);
}

/* ---- the presenter: shared by the window and --keys ---- */

static pd_presenter *presenter_for(const app *a, const options *o, pd_err *err)
{
    return pd_presenter_create(&(pd_presenter_desc){.timeline = a->tl, .hud = o->hud, .fullscreen = o->fullscreen},
                               err);
}

/* --list and --keys print times to 1 ms: a time they printed (the duration
 * rounded up) must still be inside the talk */
#define LIST_ROUNDING_S 5e-4

/* --start: a clear error for a stop or section out of range */
static bool apply_start(pd_presenter *p, const options *o, pd_err *err)
{
    if (!o->start.given)
        return true;
    pd_err e = {0};
    bool ok = true;
    switch (o->start.kind) {
    case PLACE_STOP:
        ok = pd_presenter_goto_stop(p, o->start.n, &e);
        break;
    case PLACE_SECTION:
        ok = pd_presenter_goto_section(p, o->start.n, &e);
        break;
    case PLACE_SECONDS:
        if (o->start.seconds > pd_presenter_duration(p) + LIST_ROUNDING_S) {
            pd_err_set(&e, "time %g s is past the end of the talk (%.3f s)", o->start.seconds,
                       pd_presenter_duration(p));
            ok = false;
        } else {
            pd_presenter_seek(p, o->start.seconds);
        }
        break;
    }
    if (!ok)
        return pd_err_set(err, "--start %s: %s (see --list)", o->start.text, e.msg);
    return true;
}

static double clock_of_day_s(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return tm.tm_hour * 3600.0 + tm.tm_min * 60.0 + tm.tm_sec;
}

/* Captures while presenting (window or --keys): screenshots and recordings
 * are rendered offscreen at the capture size, without any overlay. */
typedef struct live {
    app *a;
    const options *o;
    pd_presenter *p;
    pd_cap_shots *shots;
    pd_cap_sink *rec;
    double rec_start; /* presenter clock when the recording began */
    long rec_frames;
    bool headless;
    int failures; /* captures that could not be written */
    uint8_t *bench_px;
    pd_overlay *ov; /* with --capture-overlays: drawn into captures too */
} live;

static bool live_render(live *L, double t, uint8_t *px, pd_err *err)
{
    const options *o = L->o;
    if (!L->a->target && !(L->a->target = pd_gfx_target_create(L->a->gfx, o->width, o->height, err)))
        return false;
    /* asked for: the HUD, help and toasts as on screen (never the REC mark) */
    bool overlays = o->capture_overlays && L->ov;
    pd_overlay_info info = {.clock_s = clock_of_day_s()};
    if (!app_draw(L->a, &(pd_gfx_pass){.target = L->a->target}, t, overlays ? L->ov : NULL, L->p, &info, err))
        return false;
    pd_gfx_read_rgba(L->a->gfx, L->a->target, px);
    return true;
}

static void live_say(live *L, bool ok, const char *msg)
{
    if (!ok)
        L->failures++;
    pd_presenter_toast(L->p, "%s", msg);
    fprintf(stderr, "podium: %s\n", msg);
}

static void live_screenshot(live *L)
{
    pd_err err = {0};
    if (!L->shots) {
        /* fail early and clearly when the folder cannot be used */
        if (!pd_cap_ensure_dir(L->o->capture_dir, "--capture-dir", &err)) {
            live_say(L, false, err.msg);
            return;
        }
        L->shots = pd_cap_shots_create(L->o->capture_dir, L->o->width, L->o->height, &err);
        if (!L->shots) {
            live_say(L, false, err.msg);
            return;
        }
    }
    uint8_t *px = pd_cap_shots_acquire(L->shots);
    if (!px) {
        live_say(L, false, "screenshot skipped: the previous ones are still being written");
        return;
    }
    if (!live_render(L, pd_presenter_t(L->p), px, &err)) {
        live_say(L, false, err.msg);
        return;
    }
    pd_cap_shots_submit(L->shots, px);
}

static void live_record_frames(live *L);

static void live_record_stop(live *L)
{
    pd_err err = {0};
    char where[2048];
    snprintf(where, sizeof where, "%s", pd_cap_sink_where(L->rec));
    long frames = pd_cap_sink_frames(L->rec);
    const char *notice = pd_cap_sink_notice(L->rec);
    if (notice)
        live_say(L, true, notice);
    if (!pd_cap_sink_close(&L->rec, &err)) {
        live_say(L, false, err.msg);
        return;
    }
    char msg[2300];
    snprintf(msg, sizeof msg, "recorded %ld frames to %s", frames, where);
    live_say(L, true, msg);
}

static void live_record_toggle(live *L)
{
    if (L->rec) {
        live_record_stop(L);
        return;
    }
    pd_err err = {0};
    if (!pd_cap_ensure_dir(L->o->capture_dir, "--capture-dir", &err)) {
        live_say(L, false, err.msg);
        return;
    }
    char stamp[128], path[2300], fallback[2300];
    pd_cap_timestamp(stamp, sizeof stamp, "podium-rec");
    snprintf(path, sizeof path, "%s/%s.mp4", L->o->capture_dir, stamp);
    snprintf(fallback, sizeof fallback, "%s/%s", L->o->capture_dir, stamp);
    L->rec = pd_cap_sink_open(&(pd_cap_sink_desc){.path = path,
                                                  .width = L->o->width,
                                                  .height = L->o->height,
                                                  .fps = L->o->fps,
                                                  .fallback_dir = fallback,
                                                  .option = "--capture-dir"},
                              &err);
    if (!L->rec) {
        live_say(L, false, err.msg);
        return;
    }
    L->rec_start = pd_presenter_get_view(L->p).now_s;
    L->rec_frames = 0;
    const char *notice = pd_cap_sink_notice(L->rec);
    char msg[2600];
    snprintf(msg, sizeof msg, "recording to %s", pd_cap_sink_where(L->rec));
    live_say(L, true, notice ? notice : msg);
    live_record_frames(L); /* the first frame is the one on screen now */
}

/* Every frame slot of the recording gets a frame: when presenting ran late,
 * the current frame fills the missed slots (nothing is dropped). */
static void live_record_frames(live *L)
{
    if (!L->rec)
        return;
    double now = pd_presenter_get_view(L->p).now_s;
    long due = (long)floor((now - L->rec_start) * L->o->fps + 1e-6) + 1 - L->rec_frames;
    if (due <= 0)
        return;
    uint8_t *px = pd_cap_sink_acquire(L->rec);
    pd_err err = {0};
    if (!live_render(L, pd_presenter_t(L->p), px, &err)) {
        live_say(L, false, err.msg);
        pd_cap_sink_submit(L->rec, px, (int)due); /* keeps the count; the sink still owns the buffer */
    } else {
        pd_cap_sink_submit(L->rec, px, (int)due);
    }
    L->rec_frames += due;
    const char *notice = pd_cap_sink_notice(L->rec);
    if (notice)
        live_say(L, !pd_cap_sink_failed(L->rec), notice);
    if (pd_cap_sink_failed(L->rec))
        live_record_stop(L);
}

static void live_poll(live *L)
{
    if (!L->shots)
        return;
    char msg[700];
    bool ok = false;
    while (pd_cap_shots_poll(L->shots, msg, sizeof msg, &ok))
        live_say(L, ok, msg);
}

static void live_actions(live *L, unsigned act)
{
    if (act & PD_ACT_SCREENSHOT)
        live_screenshot(L);
    if (act & PD_ACT_RECORD)
        live_record_toggle(L);
}

static void live_finish(live *L)
{
    if (L->rec)
        live_record_stop(L);
    if (L->shots) {
        pd_cap_shots_flush(L->shots);
        live_poll(L);
        pd_cap_shots_destroy(&L->shots);
    }
}

/* ---- --keys: the presenter headless, on a simulated clock ---- */

static void keys_tick(void *user, double dt)
{
    live *L = user;
    if (!L->rec) {
        pd_presenter_tick(L->p, dt);
        return;
    }
    /* while recording, advance frame by frame so every frame is rendered */
    double step = 1.0 / L->o->fps;
    while (dt > 1e-12 && !pd_out_interrupted()) { /* SIGINT/SIGTERM: the recording ends here */
        double d = dt < step ? dt : step;
        pd_presenter_tick(L->p, d);
        dt -= d;
        live_record_frames(L);
        if (!L->rec)
            step = dt; /* the recording stopped (failed): finish in one step */
    }
}

static int run_keys(const options *o)
{
    pd_err err = {0};
    app a = {0};
    pd_headless *h = NULL;
    pd_presenter *p = NULL;
    pd_script *sc = pd_script_parse(o->keys, &err);
    live L = {.a = &a, .o = o, .headless = true};
    int rc = 2;
    if (!sc)
        goto fail;
    if (!app_load_content(&a, o, &err))
        goto fail;
    p = presenter_for(&a, o, &err);
    if (!p || !apply_start(p, o, &err))
        goto fail;
    L.p = p;
    /* a GL context only when the script captures */
    bool needs_gl = false;
    for (int i = 0; i < pd_script_count(sc); i++) {
        const pd_script_token *tk = pd_script_at(sc, i);
        if ((tk->kind == PD_TOK_KEY || tk->kind == PD_TOK_HOLD) && tk->key == PD_KEY_F12)
            needs_gl = true;
    }
    if (needs_gl) {
        h = pd_headless_create(&err);
        if (!h || !app_load_gfx(&a, o, pd_headless_get_proc, &err))
            goto fail;
        if (o->capture_overlays && !(L.ov = pd_overlay_create(a.fonts, &err)))
            goto fail;
    }
    for (int i = 0; i < pd_script_count(sc); i++) {
        const pd_script_token *tk = pd_script_at(sc, i);
        unsigned act = pd_script_apply(p, tk, keys_tick, &L);
        live_actions(&L, act);
        const char *msg = pd_presenter_take_message(p);
        if (msg)
            fprintf(stderr, "podium: %s: %s\n", tk->text, msg);
        printf("after %s: t=%.3f stop=%d mode=%s\n", tk->text, pd_presenter_t(p), pd_presenter_stop(p),
               pd_play_mode_name(pd_presenter_mode(p)));
        fflush(stdout);
        if (L.shots) {
            /* headless: each screenshot is on disk before the next token */
            pd_cap_shots_flush(L.shots);
            live_poll(&L);
        }
        if ((act & PD_ACT_QUIT) || pd_out_interrupted())
            break;
    }
    live_finish(&L); /* a recording is finished and kept, also after SIGINT/SIGTERM */
    rc = pd_out_interrupted() ? pd_out_exit_status() : L.failures ? 2 : 0;
fail:
    if (rc && err.msg[0])
        fprintf(stderr, "podium: %s\n", err.msg);
    live_finish(&L);
    pd_overlay_destroy(&L.ov);
    pd_script_free(&sc);
    pd_presenter_destroy(&p);
    app_unload(&a);
    pd_headless_destroy(&h);
    return rc;
}

/* ---- offline export ---- */

static bool resolve_place(const app *a, const place *pl, double dflt, double *out, pd_err *err)
{
    if (!pl->given) {
        *out = dflt;
        return true;
    }
    double dur = a->tl.duration;
    if (pl->kind == PLACE_STOP) {
        uint32_t n = a->tl.stop_count;
        if ((uint32_t)pl->n > n)
            return pd_err_set(err, "%s: stop %d is out of range: the talk has stops 0..%u (see --list)", pl->text,
                              pl->n, n);
        *out = pd_timeline_stop_t(&a->tl, (uint32_t)pl->n);
        return true;
    }
    if (pl->seconds > dur + LIST_ROUNDING_S)
        return pd_err_set(err, "%s s is past the end of the talk (%.3f s)", pl->text, dur);
    *out = fmin(pl->seconds, dur);
    return true;
}

/* The wait (still stretch) that contains t: frames inside one are identical. */
static int still_at(const app *a, double t)
{
    if (!a->scene)
        return -1;
    for (uint32_t i = 0; i < a->tl.stop_count; i++) {
        const pd_stop *st = &a->tl.stops[i];
        if (t >= st->t - 1e-9 && t <= st->t + st->hold + 1e-9)
            return (int)i;
        if (st->t > t)
            break;
    }
    return -1;
}

/* After SIGINT/SIGTERM: one line saying where the partial output is (or why
 * there is none); returns the exit status, 128 + the signal. */
static int report_partial(long done, long total, const char *what, bool kept_ok, const char *kept, pd_err *err)
{
    char abs[4096];
    if (kept_ok)
        fprintf(stderr, "podium: interrupted after %ld of %ld %s; the partial output is '%s'%s%s\n", done, total, what,
                pd_path_absolute(abs, sizeof abs, kept), err->msg[0] ? "; " : "", err->msg);
    else
        fprintf(stderr, "podium: interrupted after %ld of %ld %s; nothing kept: %s\n", done, total, what, err->msg);
    err->msg[0] = 0;
    return pd_out_exit_status();
}

static int run_export(const options *o)
{
    pd_err err = {0};
    app a = {0};
    pd_headless *h = NULL;
    pd_cap_sink *sink = NULL;
    int rc = 2;
    double from = 0, to = 0;
    char kept[2400];
    if (!app_load_content(&a, o, &err))
        goto fail;
    if (!resolve_place(&a, &o->from, 0, &from, &err) || !resolve_place(&a, &o->to, a.tl.duration, &to, &err))
        goto fail;
    if (to <= from) {
        pd_err_set(&err, "--from %.3f s is not before --to %.3f s: nothing to export", from, to);
        goto fail;
    }
    double fps = o->fps;
    long total = lround((to - from) * fps);
    if (total < 1)
        total = 1;
    if (!headless_open(&a, &h, o, &err))
        goto fail;
    sink = pd_cap_sink_open(&(pd_cap_sink_desc){.path = o->export_path,
                                                .width = o->width,
                                                .height = o->height,
                                                .fps = fps,
                                                .force = o->force,
                                                .option = "--export"},
                            &err);
    if (!sink)
        goto fail;
    double t0 = pd_clock_now_s();
    uint8_t *pending = NULL;
    int pending_repeat = 0, pending_still = -1;
    long rendered = 0;
    for (long k = 0; k < total; k++) {
        /* frame-exact: frame k shows t = from + k / fps */
        double t = from + (double)k / fps;
        int still = still_at(&a, t);
        if (pending && still >= 0 && still == pending_still) {
            pending_repeat++;
        } else {
            if (pending)
                pd_cap_sink_submit(sink, pending, pending_repeat);
            pending = pd_cap_sink_acquire(sink);
            if (!app_render(&a, t, pending, &err)) {
                pd_cap_sink_submit(sink, pending, 1);
                goto fail;
            }
            pending_repeat = 1;
            pending_still = still;
            rendered++;
        }
        if (pd_cap_sink_failed(sink) || pd_out_interrupted())
            break;
        pd_cap_progress(k + 1, total, pd_clock_now_s() - t0);
    }
    if (pending)
        pd_cap_sink_submit(sink, pending, pending_repeat);
    pd_cap_progress_end();
    if (pd_out_interrupted() && !pd_cap_sink_failed(sink)) {
        long done = pd_cap_sink_frames(sink);
        bool kept_ok = pd_cap_sink_keep_partial(&sink, kept, sizeof kept, &err);
        rc = report_partial(done, total, "frames", kept_ok, kept, &err);
        goto fail;
    }
    char where[2100];
    snprintf(where, sizeof where, "%s", pd_cap_sink_where(sink));
    if (!pd_cap_sink_close(&sink, &err))
        goto fail;
    double wall = pd_clock_now_s() - t0;
    printf("exported %ld frames (%.3f s at %g fps, %dx%d, %ld rendered) to %s in %.2f s (%.1f frames/s)\n", total,
           to - from, fps, o->width, o->height, rendered, where, wall, total / (wall > 0 ? wall : 1));
    rc = 0;
fail:
    pd_cap_progress_end();
    if (sink) {
        pd_err e2 = {0};
        pd_cap_sink_close(&sink, &e2);
    }
    return headless_close(&a, &h, rc, &err);
}

static int run_export_stops(const options *o)
{
    pd_err err = {0};
    app a = {0};
    pd_headless *h = NULL;
    uint8_t *px = NULL;
    int rc = 2;
    char path[2300], kept[2400];
    pd_out out = {.slot = -1};
    if (!app_load_content(&a, o, &err))
        goto fail;
    uint32_t n = a.tl.stop_count;
    if (n == 0) {
        pd_err_set(&err, "talk '%s' has no stops to export", o->talk);
        goto fail;
    }
    if (!headless_open(&a, &h, o, &err))
        goto fail;
    /* a temporary folder only once the frames can be rendered, moved into place when complete */
    if (!pd_out_begin(&out,
                      &(pd_out_spec){.path = o->export_stops_dir,
                                     .kind = PD_OUT_DIR,
                                     .option = "--export-stops",
                                     .pattern = "stop-*.png",
                                     .force = o->force},
                      &err))
        goto fail;
    px = malloc((size_t)o->width * (size_t)o->height * 4);
    if (!px) {
        pd_err_set(&err, "out of memory for a %dx%d frame", o->width, o->height);
        goto fail;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (pd_out_interrupted()) {
            bool kept_ok = pd_out_keep_partial(&out, kept, sizeof kept, &err);
            rc = report_partial(i, n, "stops", kept_ok, kept, &err);
            goto fail;
        }
        if (!app_render(&a, a.tl.stops[i].t, px, &err))
            goto fail;
        snprintf(path, sizeof path, "%s/stop-%02u.png", pd_out_tmp(&out), i + 1);
        if (!pd_png_write(path, px, o->width, o->height, PD_PNG_NEW_ONLY, &err))
            goto fail;
    }
    if (!pd_out_commit(&out, &err))
        goto fail;
    size_t dl = strlen(o->export_stops_dir);
    printf("wrote %u stops to %s%s\n", n, o->export_stops_dir, dl && o->export_stops_dir[dl - 1] == '/' ? "" : "/");
    rc = 0;
fail:
    pd_out_abandon(&out);
    free(px);
    return headless_close(&a, &h, rc, &err);
}

static int run_handout(const options *o)
{
    pd_err err = {0};
    app a = {0};
    pd_headless *h = NULL;
    pd_handout *doc = NULL;
    uint8_t *px = NULL;
    int rc = 2;
    char kept[2400];
    if (!app_load_content(&a, o, &err))
        goto fail;
    uint32_t n = a.tl.stop_count;
    if (n == 0) {
        pd_err_set(&err, "talk '%s' has no stops for a handout", o->talk);
        goto fail;
    }
    const pd_talk *talk = pd_talk_find(o->talk);
    doc = pd_handout_create(o->handout, o->py_file ? pd_py_title() : talk ? talk->title : o->talk, o->force, &err);
    if (!doc)
        goto fail;
    if (!headless_open(&a, &h, o, &err))
        goto fail;
    px = malloc((size_t)o->width * (size_t)o->height * 4);
    if (!px) {
        pd_err_set(&err, "out of memory for a %dx%d frame", o->width, o->height);
        goto fail;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (pd_out_interrupted()) {
            bool kept_ok = i > 0 && pd_handout_keep_partial(&doc, kept, sizeof kept, &err);
            if (i == 0)
                pd_err_set(&err, "no page was done");
            rc = report_partial(i, n, "pages", kept_ok, kept, &err);
            goto fail;
        }
        const pd_stop *st = &a.tl.stops[i];
        if (!app_render(&a, st->t, px, &err))
            goto fail;
        const pd_section_info *sec = st->section >= 0 ? &a.tl.sections[st->section] : NULL;
        char heading[512];
        snprintf(heading, sizeof heading, "Stop %u of %u%s%s", i + 1, n, sec ? "  \xe2\x80\x94  " : "",
                 sec && sec->title ? sec->title : "");
        if (!pd_handout_page(doc, px, o->width, o->height, heading, st->note, &err))
            goto fail;
    }
    if (!pd_handout_close(&doc, &err))
        goto fail;
    printf("wrote %u pages to %s\n", n, o->handout);
    rc = 0;
fail:
    pd_handout_abort(&doc);
    free(px);
    return headless_close(&a, &h, rc, &err);
}

/* ---- the window ---- */

typedef struct pview {
    pd_window *w;
    pd_gfx *gfx;        /* its own GL context, */
    pd_gfx_scene *talk; /* so its own upload of the talk */
} pview;

static void pview_close(pview *pv, pd_window *main_w)
{
    if (!pv->w)
        return;
    pd_window_make_current(pv->w);
    if (pv->gfx)
        pd_gfx_scene_destroy(pv->gfx, &pv->talk);
    pd_gfx_destroy(&pv->gfx);
    pd_window_destroy(&pv->w);
    pd_window_make_current(main_w);
}

static bool pview_open(pview *pv, app *a, const options *o, pd_window *main_w, pd_err *err)
{
    int mons = pd_window_monitor_count();
    int other = o->monitor == 0 ? 1 : 0;
    pv->w = pd_window_create(&(pd_window_desc){.title = "podium: presenter view",
                                               .width = 1280,
                                               .height = 720,
                                               .monitor = other,
                                               .place_on_monitor = mons > 1,
                                               .no_vsync = true},
                             err);
    if (!pv->w) {
        pd_window_make_current(main_w);
        return false;
    }
    pv->gfx =
        pd_gfx_create(&(pd_gfx_desc){.get_proc = pd_window_get_proc, .atlas = a->atlas, .shader_dir = o->shaders}, err);
    bool ok = pv->gfx != NULL;
    if (ok && a->scene)
        ok = (pv->talk = pd_gfx_scene_create(pv->gfx, a->scene, err)) != NULL;
    pd_window_make_current(main_w);
    if (!ok)
        pview_close(pv, main_w);
    return ok;
}

/* framebuffer pixels (origin top-left) to frame fractions */
static void to_frame(pd_viewport vp, int fb_h, double x, double y, double *fx, double *fy)
{
    *fx = vp.w > 0 ? (x - vp.x) / vp.w : 0.5;
    *fy = vp.h > 0 ? (y - (fb_h - vp.y - vp.h)) / vp.h : 0.5;
}

static unsigned handle_event(pd_presenter *p, const pd_window_event *ev, pd_viewport vp, int fb_h, bool is_main)
{
    double fx = 0.5, fy = 0.5;
    if (is_main)
        to_frame(vp, fb_h, ev->x, ev->y, &fx, &fy);
    switch (ev->type) {
    case PD_EV_KEY_DOWN:
        return pd_presenter_key(p, ev->key, ev->mods);
    case PD_EV_KEY_UP:
        return pd_presenter_key_up(p, ev->key, ev->mods);
    case PD_EV_MOUSE_DOWN:
        return pd_presenter_mouse_down(p, ev->button, fx, fy);
    case PD_EV_MOUSE_UP:
        return pd_presenter_mouse_up(p, ev->button, fx, fy);
    case PD_EV_MOUSE_MOVE:
        return pd_presenter_mouse_move(p, fx, fy);
    case PD_EV_SCROLL:
        return pd_presenter_scroll(p, ev->dy);
    }
    return 0;
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
    pd_presenter *p = NULL;
    pd_overlay *ov = NULL;
    pview pv = {0};
    live L = {.a = &a, .o = o};
    int rc = 2;
    if (!app_load_content(&a, o, &err))
        goto fail;
    p = presenter_for(&a, o, &err);
    if (!p || !apply_start(p, o, &err))
        goto fail;
    L.p = p;
    ov = pd_overlay_create(a.fonts, &err);
    L.ov = ov;
    if (!ov)
        goto fail;
    w = pd_window_create(&(pd_window_desc){.title = "podium", .fullscreen = o->fullscreen, .monitor = o->monitor},
                         &err);
    if (!w) {
        rc = 1;
        goto fail;
    }
    if (!app_load_gfx(&a, o, pd_window_get_proc, &err))
        goto fail;
    if (o->presenter && !pview_open(&pv, &a, o, w, &err)) {
        fprintf(stderr, "podium: presenter view: %s\n", err.msg);
        err.msg[0] = 0;
    }
    double last = pd_clock_now_s();
    pd_viewport vp = {0};
    int fw = 0, fh = 0;
    bool quit = false;
    while (!quit && !pd_window_should_close(w)) {
        pd_play_mode m = pd_presenter_mode(p);
        pd_presenter_view v = pd_presenter_get_view(p);
        bool busy = m == PD_MODE_PLAYING || m == PD_MODE_REVERSE || v.scrubbing || L.rec || v.toast;
        /* idle: sleep until an event, waking for the clock and timer */
        pd_window_poll(w, busy ? 0 : 0.1);
        unsigned act = 0;
        pd_window_event ev;
        while (pd_window_next_event(w, &ev))
            act |= handle_event(p, &ev, vp, fh, true);
        if (pv.w) {
            while (pd_window_next_event(pv.w, &ev))
                act |= handle_event(p, &ev, vp, fh, false);
            if (pd_window_should_close(pv.w))
                pview_close(&pv, w);
        }
        double now = pd_clock_now_s();
        pd_presenter_tick(p, now - last);
        last = now;
        if ((act & PD_ACT_QUIT) || pd_out_interrupted()) /* a signal while recording: finish it, quit */
            quit = true;
        if (act & PD_ACT_FULLSCREEN) {
            if (pd_window_is_fullscreen(w) != pd_presenter_get_view(p).fullscreen)
                pd_window_toggle_fullscreen(w);
        }
        if (act & PD_ACT_PRESENTER_VIEW) {
            if (pv.w)
                pview_close(&pv, w);
            else if (!pview_open(&pv, &a, o, w, &err)) {
                live_say(&L, false, err.msg);
                err.msg[0] = 0;
            }
        }
        live_actions(&L, act);
        live_record_frames(&L);
        live_poll(&L);
        const char *msg = pd_presenter_take_message(p);
        (void)msg; /* shown as a toast already */

        pd_overlay_info info = {.clock_s = clock_of_day_s(),
                                .recording = L.rec != NULL,
                                .recording_s = L.rec ? pd_presenter_get_view(p).now_s - L.rec_start : 0};
        pd_window_framebuffer_size(w, &fw, &fh);
        if (fw > 0 && fh > 0) {
            if (!app_draw(&a, &(pd_gfx_pass){.width = fw, .height = fh}, pd_presenter_t(p), ov, p, &info, &err))
                goto fail;
            vp = pd_gfx_viewport(a.gfx);
        }
        pd_window_swap(w);
        if (pv.w) {
            int pw = 0, ph = 0;
            pd_window_make_current(pv.w);
            pd_window_framebuffer_size(pv.w, &pw, &ph);
            if (pw > 0 && ph > 0) {
                if (!pd_overlay_draw_presenter_view(ov, pv.gfx, &(pd_gfx_pass){.width = pw, .height = ph}, pv.talk, p,
                                                    &info, &err))
                    goto fail;
            }
            pd_window_swap(pv.w);
            pd_window_make_current(w);
        }
    }
    rc = pd_out_interrupted() ? pd_out_exit_status() : L.failures ? 2 : 0;
fail:
    if (rc && err.msg[0])
        fprintf(stderr, "podium: %s\n", err.msg);
    if (w)
        pd_window_make_current(w);
    live_finish(&L);
    pview_close(&pv, w);
    pd_overlay_destroy(&ov);
    pd_presenter_destroy(&p);
    app_unload(&a);
    pd_window_destroy(&w);
    return rc;
}

/* The headless mode's output checked before any work (capture/output.h). */
static bool check_output(const options *o, pd_err *err)
{
    pd_out_spec sp = {.force = o->force};
    if (o->mode == MODE_FRAME)
        sp.path = o->out, sp.option = "--out";
    else if (o->mode == MODE_EXPORT)
        sp.path = o->export_path, sp.option = "--export", sp.pattern = "frame-*.png",
        sp.kind = ends_with(o->export_path, ".mp4") ? PD_OUT_FILE : PD_OUT_DIR;
    else if (o->mode == MODE_EXPORT_STOPS)
        sp.path = o->export_stops_dir, sp.option = "--export-stops", sp.pattern = "stop-*.png", sp.kind = PD_OUT_DIR;
    else if (o->mode == MODE_HANDOUT)
        sp.path = o->handout, sp.option = "--handout";
    else
        return true;
    return pd_out_check(&sp, err);
}

int main(int argc, char **argv)
{
    pd_process_init();
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc == -1)
        return 0;
    if (rc)
        return rc;
    if (o.assets)
        pd_assets_dir_set(o.assets);
    /* captures are announced by where they went: an absolute path */
    static char capture_dir[4096];
    o.capture_dir = pd_path_absolute(capture_dir, sizeof capture_dir, o.capture_dir);
    pd_err out_err = {0};
    if (!check_output(&o, &out_err)) {
        fprintf(stderr, "podium: %s\n", out_err.msg);
        return 2;
    }
    /* a dead ffmpeg gives EPIPE, and a file-size limit gives EFBIG, instead of killing podium */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    switch (o.mode) {
    case MODE_FRAME:
        return run_frame(&o);
    case MODE_BENCH:
        return run_bench(&o);
    case MODE_LIST:
        return run_list(&o);
    case MODE_KEYS:
        return run_keys(&o);
    case MODE_EXPORT:
        return run_export(&o);
    case MODE_EXPORT_STOPS:
        return run_export_stops(&o);
    case MODE_HANDOUT:
        return run_handout(&o);
    case MODE_PRESENT:
    default:
        return run_present(&o);
    }
}
