#include "app/options.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "present/keymap.h"
#include "present/script.h"
#include "talks/talks.h"

bool pd_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
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

static bool parse_num(const char *s, double lo, double hi, double *out)
{
    char *end = NULL;
    double v = *s ? strtod(s, &end) : 0;
    return *s && *end == 0 && v >= lo && v <= hi && (*out = v, true);
}

/* ---- checks of arguments that are more than a number in a range: NULL
 * when fine, else the message's format (given the option's name and value) */
static const char *check_talk(pd_options *o, const char *v)
{
    o->talk = v;
    return pd_talk_find(v) ? NULL : "%.0sunknown talk '%s' (podium --list-talks names them)";
}
static const char *check_handout(pd_options *o, const char *v)
{
    o->handout = v;
    return pd_ends_with(v, ".pdf") && strlen(v) > 4 ? NULL : "%s '%s' must name a .pdf file (e.g. --handout talk.pdf)";
}
static const char *check_stops(pd_options *o, const char *v)
{
    o->stops_dir = v;
    return !is_non_dir(v) ? NULL : "%s '%s' is a file, not a folder (name a new folder, e.g. --export-stops stops/)";
}
static const char *check_export(pd_options *o, const char *v)
{
    struct stat st;
    o->export_path = v;
    if (!*v || (!pd_ends_with(v, ".mp4") && !pd_ends_with(v, "/") && !(stat(v, &st) == 0 && S_ISDIR(st.st_mode))))
        return "%s '%s' must name a .mp4 file or a folder ending in / (e.g. --export talk.mp4 or --export frames/)";
    return pd_ends_with(v, "/") && is_non_dir(v)
               ? "%s '%s' is a file, not a folder (name a new folder, e.g. --export frames/)"
               : NULL;
}
static const char *check_size(pd_options *o, const char *v)
{
    char *x = NULL, *end = NULL;
    long w = strtol(v, &x, 10), h = x && *x == 'x' && x != v ? strtol(x + 1, &end, 10) : 0;
    o->width = (int)(w >= 1 && w <= 16384 ? w : 0), o->height = (int)(h >= 1 && h <= 16384 ? h : 0);
    bool ok = end && end != x + 1 && *end == 0 && o->width && o->height;
    return ok ? NULL : "%s '%s' is not WxH with 1..16384 each (e.g. --size 1920x1080)";
}
static bool place(pd_place *pl, const char *v, bool section)
{
    double n = 0;
    *pl = (pd_place){.given = true, .text = v};
    if (strncmp(v, "stop:", 5) == 0)
        return (pl->kind = PD_PLACE_STOP, parse_num(v + 5, 0, 1e6, &n) && n == (int)n && (pl->n = (int)n, true));
    if (strncmp(v, "section:", 8) == 0)
        return (pl->kind = PD_PLACE_SECTION,
                section && parse_num(v + 8, 1, 1e6, &n) && n == (int)n && (pl->n = (int)n, true));
    return (pl->kind = PD_PLACE_SECONDS, parse_num(v, 0, 1e300, &pl->seconds));
}
static const char *check_start(pd_options *o, const char *v)
{
    return place(&o->start, v, true) ? NULL : "%s '%s' is not stop:N, section:N or seconds >= 0 (see --list)";
}
static const char *check_from(pd_options *o, const char *v)
{
    return place(&o->from, v, false) ? NULL : "%s '%s' is not seconds >= 0 or stop:N (e.g. --from stop:3)";
}
static const char *check_to(pd_options *o, const char *v)
{
    return place(&o->to, v, false) ? NULL : "%s '%s' is not seconds >= 0 or stop:N (e.g. --to stop:3)";
}

static const char *check_duration(pd_options *o, const char *v)
{
    pd_err e = {0};
    return pd_plan_parse(v, &o->plan, &e) ? NULL
                                          : "%s '%s' is not a time (e.g. --duration 20m, 1h30m, 12:30, or per section "
                                            "5m,8m,4m,3m)";
}

#define AT(f) offsetof(pd_options, f)
static const pd_opt OPTS[] = {
    {.help = "Talk:"},
    {.name = "--talk",
     .shown = "--talk NAME",
     .help = "the talk to present (default " PD_DEFAULT_TALK "; --list-talks names them)",
     .kind = CHECK,
     .check = check_talk},
    {.shown = "FILE.py [SCENE]",
     .help =
         "present a Manim scene file, unmodified: its Scene (or manim-slides\nSlide) subclass SCENE, or the only one "
         "(docs/authoring.md lists the\nsupported subset; PODIUM_PY_TIMEOUT=SECONDS limits the script, default 10)"},
    {.shown = "FILE.c",
     .help = "present a talk written in C (void podium_talk(pd_scene *s)), compiled\nat load; saving FILE.c or FILE.py "
             "while presenting reloads it"},
    {.name = "--list",
     .shown = "--list",
     .help = "print the talk's sections, stops and duration, then exit",
     .kind = FLAG,
     .sets = PD_MODE_LIST},
    {.name = "--list-talks", .shown = "--list-talks", .help = "print the talks podium knows, then exit", .kind = TALKS},
    {.name = "--testcard",
     .shown = "--testcard",
     .help = "the built-in test card instead of a talk",
     .kind = FLAG,
     .at = AT(testcard)},
    {.name = "--start",
     .shown = "--start X",
     .help = "start at X: stop:N, section:N or SECONDS (window and --keys)",
     .kind = CHECK,
     .check = check_start},
    {.help = "Window:"},
    {.name = "--fullscreen", .shown = "--fullscreen", .help = "start fullscreen", .kind = FLAG, .at = AT(fullscreen)},
    {.name = "--monitor",
     .shown = "--monitor N",
     .help = "the audience's monitor (0-based; default 0, or 1 with --presenter\nand two monitors: the presenter view "
             "goes on the other)",
     .kind = INT,
     .at = AT(monitor),
     .hi = 63,
     .bad = "%s '%s' is not a monitor number 0..63"},
    {.name = "--presenter",
     .shown = "--presenter",
     .help = "open the presenter view (a second window; S toggles it)",
     .kind = FLAG,
     .at = AT(presenter)},
    {.name = "--duration",
     .shown = "--duration TIME",
     .help = "the talk's planned length (20m, 1h30m, 12:30) or each section's\n(5m,8m,4m,3m): the HUD and presenter "
             "view show the time left,\ncoloured ahead / on time / behind",
     .kind = CHECK,
     .check = check_duration},
    {.name = "--hud",
     .shown = "--hud",
     .help = "start with the HUD shown (it starts hidden; H toggles it)",
     .kind = FLAG,
     .at = AT(hud)},
    {.name = "--no-hud", .kind = FLAG_OFF, .at = AT(hud)}, /* the default; kept for scripts */
    {.name = "--capture-overlays",
     .shown = "--capture-overlays",
     .help = "F12 and Shift+F12 capture the HUD, help and toasts too (never REC)",
     .kind = FLAG,
     .at = AT(capture_overlays)},
    {.name = "--capture-dir",
     .shown = "--capture-dir DIR",
     .help = "where F12 screenshots and Shift+F12 recordings go (default ./captures)",
     .kind = STR,
     .at = AT(capture_dir),
     .empty = "needs a folder (e.g. --capture-dir captures)"},
    {.help = "Headless:"},
    {.name = "--frame",
     .shown = "--frame T",
     .help = "render the talk at time T seconds ...",
     .kind = NUM,
     .at = AT(frame_t),
     .hi = 1e300,
     .bad = "%s '%s' is not a time in seconds >= 0 (e.g. --frame 12.5)",
     .sets = PD_MODE_FRAME},
    {.name = "--stop",
     .shown = "--stop N",
     .help = "... or the frame held at stop N (0 = the start) ...",
     .kind = INT,
     .at = AT(stop),
     .hi = 100000,
     .bad = "%s '%s' is not a stop number >= 0 (see --list)",
     .sets = PD_MODE_FRAME},
    {.name = "--out",
     .shown = "--out FILE.png",
     .help = "... into FILE.png (required)",
     .kind = STR,
     .at = AT(out),
     .empty = "needs a file name (e.g. --out frame.png)"},
    {.name = "--keys",
     .shown = "--keys \"SCRIPT\"",
     .help = "run the presenter on a simulated clock; after each token print\n'after TOKEN: t=SECONDS stop=N "
             "mode=held|playing|reverse|paused'",
     .kind = STR,
     .at = AT(keys),
     .sets = PD_MODE_KEYS},
    {.name = "--export",
     .shown = "--export FILE.mp4|DIR/",
     .help = "render frame-exactly to an H.264 mp4 (needs ffmpeg) or to\nDIR/frame-000001.png ...; a progress bar "
             "shows on a terminal",
     .kind = CHECK,
     .check = check_export,
     .sets = PD_MODE_EXPORT},
    {.name = "--fps",
     .shown = "--fps N",
     .help = "export and recording frame rate (default 60)",
     .kind = NUM,
     .at = AT(fps),
     .lo = 1,
     .hi = 240,
     .bad = "%s '%s' is not a frame rate 1..240 (e.g. --fps 30)"},
    {.name = "--from",
     .shown = "--from X, --to X",
     .help = "export only this stretch: SECONDS or stop:N (default: all)",
     .kind = CHECK,
     .check = check_from},
    {.name = "--to", .kind = CHECK, .check = check_to},
    {.name = "--export-stops",
     .shown = "--export-stops DIR",
     .help = "write the frame held at every stop: DIR/stop-01.png ...",
     .kind = CHECK,
     .check = check_stops,
     .empty = "needs a folder (e.g. --export-stops stops/)",
     .sets = PD_MODE_STOPS},
    {.name = "--handout",
     .shown = "--handout FILE.pdf",
     .help = "a PDF with one page per stop, its speaker note under the frame",
     .kind = CHECK,
     .check = check_handout,
     .sets = PD_MODE_HANDOUT},
    {.name = "--size",
     .shown = "--size WxH",
     .help = "output size in pixels (default 1920x1080; handout: 300 dpi, 3208x1805)",
     .kind = CHECK,
     .check = check_size},
    {.name = "--force",
     .alias = "-y",
     .shown = "--force, -y",
     .help = "replace an existing output (--out, --export, --export-stops,\n--handout); without it podium refuses. "
             "Outputs are written under a\ntemporary name and renamed when complete; the folder they go in\nmust exist "
             "(a DIR/ itself is created). Ctrl-C or SIGTERM keeps what\nwas done as NAME.partial.EXT and exits 130 or "
             "143; a second one\nstops at once and removes it",
     .kind = FLAG,
     .at = AT(force)},
    {.name = "--bench",
     .shown = "--bench",
     .help = "measure: every frame of the talk, 1000 seeks, start-up, export speed,\npeak memory (headless, "
             "1920x1080); a table and one JSON line",
     .kind = FLAG,
     .sets = PD_MODE_BENCH},
    {.name = "--bench-frames",
     .shown = "--bench-frames N",
     .help = "time N frames spread over the talk instead of every frame",
     .kind = INT,
     .at = AT(bench_frames),
     .lo = 1,
     .hi = 1000000,
     .bad = "%s '%s' is not a count 1..1000000"},
    {.help = "General:"},
    {.name = "--assets",
     .shown = "--assets DIR",
     .help = "folder holding fonts/ (default: the build's assets folder)",
     .kind = STR,
     .at = AT(assets)},
    {.name = "--shaders",
     .shown = "--shaders DIR",
     .help = "load the shaders (place.glsl, prim.vert, scene.vert, prim.frag) from DIR",
     .kind = STR,
     .at = AT(shaders)},
    {.name = "--help", .alias = "-h", .shown = "--help", .help = "this text", .kind = HELP},
    {.name = "--version", .shown = "--version", .help = "the version", .kind = VERSION},
};
#define NOPTS (sizeof OPTS / sizeof OPTS[0])
_Static_assert(NOPTS <= sizeof((pd_options *)0)->seen, "pd_options.seen has a flag for every option");

void pd_usage(FILE *f)
{
    fputs("usage: podium [FILE.py [SCENE] | FILE.c] [OPTIONS]\n\n"
          "Presents the talk in a window: the arrow keys step it, and any moment can\n"
          "be reached at once (keys below). Without a display, render headless with\n"
          "--frame, --keys, --export, --export-stops or --handout.\n",
          f);
    for (size_t i = 0; i < NOPTS; i++) {
        const pd_opt *p = &OPTS[i];
        if (!p->name && !p->shown) {
            fprintf(f, "\n%s\n", p->help);
            continue;
        }
        if (!p->shown)
            continue;
        int w = fprintf(f, "  %s", p->shown);
        for (const char *line = p->help; line; w = 0) {
            const char *nl = strchr(line, '\n');
            fprintf(f, "%*s%.*s\n", w < 22 ? 23 - w : 2, "", nl ? (int)(nl - line) : (int)strlen(line), line);
            line = nl ? nl + 1 : NULL;
        }
    }
    fputs("\nKeys (window and --keys; docs/keys.md):\n", f);
    int n = 0, col = 0; /* the keys column: as wide as the widest, by display width */
    const pd_key_binding *b = pd_key_bindings(&n);
    for (int i = 0; i < n; i++)
        col = pd_utf8_columns(b[i].keys) > col ? pd_utf8_columns(b[i].keys) : col;
    for (int i = 0; i < n; i++)
        fprintf(f, "  %s%*s  %s\n", b[i].keys, col - pd_utf8_columns(b[i].keys), "", b[i].what);
    fputs("\n--keys tokens (spaces or commas between them):\n", f);
    fputs(pd_script_help(), f);
    fputs("\nExit codes: 0 ok, 1 no display, 2 bad input or failure, 130/143 interrupted (SIGINT/SIGTERM).\n", f);
}

const pd_opt *pd_opt_find(const char *a)
{
    for (size_t i = 0; i < NOPTS; i++)
        if (OPTS[i].name && (strcmp(a, OPTS[i].name) == 0 || (OPTS[i].alias && strcmp(a, OPTS[i].alias) == 0)))
            return &OPTS[i];
    return NULL;
}

bool pd_opt_seen(const pd_options *o, const char *name) { return o->seen[pd_opt_find(name) - OPTS]; }

size_t pd_opt_index(const pd_opt *p) { return (size_t)(p - OPTS); }

/* One option and its argument. 0: go on; -1: done (help); 2: bad (said). */
int pd_opt_take(pd_options *o, const pd_opt *p, const char *val)
{
    char *field = (char *)o + p->at;
    double v = 0;
    const char *bad = NULL;
    switch (p->kind) {
    case HELP:
        return pd_usage(stdout), -1;
    case VERSION:
        return printf("podium %s\n", PODIUM_VERSION), -1;
    case TALKS: {
        size_t n = 0;
        const pd_talk *t = pd_talks(&n);
        for (size_t k = 0; k < n; k++)
            printf("%-8s %s\n", t[k].name, t[k].title);
        return -1;
    }
    case FLAG:
    case FLAG_OFF:
        if (p->at)
            *(bool *)(void *)field = p->kind == FLAG;
        return 0;
    }
    if (!*val && p->empty)
        return fprintf(stderr, "podium: %s %s\n", p->name, p->empty), 2;
    if (p->kind == STR)
        *(const char **)(void *)field = val;
    else if (p->kind == CHECK)
        bad = p->check(o, val);
    else if (!parse_num(val, p->lo, p->hi, &v) || (p->kind == INT && v != (int)v))
        bad = p->bad;
    else if (p->kind == INT)
        *(int *)(void *)field = (int)v;
    else
        *(double *)(void *)field = v;
    if (bad)
        return fprintf(stderr, "podium: "), fprintf(stderr, bad, p->name, val), fputc('\n', stderr), 2;
    return 0;
}

bool pd_opt_takes_value(const pd_opt *p) { return p->kind != FLAG && p->kind != FLAG_OFF && p->kind < HELP; }
