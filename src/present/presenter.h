/* presenter: the live presenter's state machine, pure logic.
 *
 * Owns: the playhead (t and how it moves: held at a stop, playing to the
 * next stop, playing continuously, reversing, paused, scrubbing; a loop
 * step repeating while held at its stop), what every key and mouse event
 * does (docs/keys.md), overlay flags (HUD, help, blackout, white, start
 * screen), the "go to stop" entry, toasts, the talk timer and its pace
 * against a planned duration, and the speaker's live tools: the pointer
 * (laser, spotlight), pen strokes per stop, freeze, zoom and the overview.
 * Does not own: GL, windows, files. It is a function of (state, event, dt):
 * the window, the headless `--keys` runner and the tests drive the same code.
 *
 *   pd_presenter *p = pd_presenter_create(&(pd_presenter_desc){ .timeline = pd_scene_timeline(scene) }, &err);
 *   unsigned act = pd_presenter_key(p, PD_KEY_RIGHT, 0);   // act: PD_ACT_* requests for the caller
 *   pd_presenter_tick(p, 1.0 / 60);                        // advance the clock
 *   draw(pd_presenter_t(p));
 *
 * Stops: stop 0 is the start (t = 0); stop N (1-based, as in --list) is the
 * talk's N-th wait, held at its start. Stepping skips the still frames of a
 * wait, so the first frame after a key press already shows motion.
 */
#ifndef PD_PRESENT_PRESENTER_H
#define PD_PRESENT_PRESENTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/vec.h"
#include "scene/timeline.h"

/* Frame rate of frame stepping (Ctrl+arrows): Manim's 60 fps grid. */
#define PD_PRESENT_FPS 60.0
/* Scrub speed while Shift+arrow is held, talk seconds per second. */
#define PD_PRESENT_SCRUB_SPEED 2.0
/* One wheel notch, talk seconds. */
#define PD_PRESENT_WHEEL_S 0.25
/* How long a toast stays, seconds. */
#define PD_PRESENT_TOAST_S 2.5
/* Zoom: Z magnifies this much; each wheel notch multiplies by the step, up to the maximum. */
#define PD_ZOOM_START 2.0
#define PD_ZOOM_STEP 1.25
#define PD_ZOOM_MAX 8.0
/* Pen colours (the overlay's palette, in this order: red, yellow, green, blue, white). */
#define PD_PEN_COLORS 5
/* A stroke keeps a point only this far (frame fractions) from the last one. */
#define PD_PEN_MIN_STEP 0.0015
/* A finished stroke keeps the points it needs to stay within this of its
 * drawn path (widths of the frame; 0.6 px at 1920): fewer segments to draw. */
#define PD_PEN_SIMPLIFY 0.0003
/* --duration: at most this many per-section times. */
#define PD_PLAN_MAX_SECTIONS 64

/* The timeline bar of the HUD, as fractions of the frame (x right, y down);
 * the HUD draws it here and mouse presses inside the hit box seek. */
#define PD_HUD_BAR_X0 0.03
#define PD_HUD_BAR_X1 0.97
#define PD_HUD_BAR_Y 0.935
#define PD_HUD_BAR_HIT 0.03

typedef enum pd_play_mode {
    PD_MODE_HELD,    /* at a stop (or the end), waiting for the speaker */
    PD_MODE_PLAYING, /* to the next stop, or continuously (K) */
    PD_MODE_REVERSE, /* back to the previous stop */
    PD_MODE_PAUSED,  /* anywhere else: paused, scrubbed, frame-stepped */
} pd_play_mode;

/* "held", "playing", "reverse", "paused" */
const char *pd_play_mode_name(pd_play_mode m);

/* What the caller must do after an event (a bit set). */
enum {
    PD_ACT_QUIT = 1u << 0,
    PD_ACT_FULLSCREEN = 1u << 1, /* toggle */
    PD_ACT_SCREENSHOT = 1u << 2,
    PD_ACT_RECORD = 1u << 3, /* start or stop */
    PD_ACT_PRESENTER_VIEW = 1u << 4,
    PD_ACT_CHANGED = 1u << 5, /* the picture or an overlay changed: redraw */
};

/* A planned duration (--duration): the talk's total, and optionally each
 * section's share (then the total is their sum). */
typedef struct pd_plan {
    double total_s; /* 0: no plan */
    double section_s[PD_PLAN_MAX_SECTIONS];
    int section_count; /* 0: the total alone */
} pd_plan;

/* Parses --duration's value: a time ("20m", "90s", "1h30m", "1:30:00",
 * "12:30" as m:s, a bare number as minutes) or per-section times separated
 * by commas ("5m,8m,4m,3m"). Fails (err) on a bad or zero time. */
bool pd_plan_parse(const char *text, pd_plan *out, pd_err *err);

/* How the speaker keeps to the plan at the current stop. */
typedef enum pd_pace {
    PD_PACE_NONE,    /* no plan */
    PD_PACE_AHEAD,   /* reached this stop before its planned time */
    PD_PACE_ON_TIME, /* inside this stop's planned share */
    PD_PACE_BEHIND,  /* past the end of this stop's planned share */
} pd_pace;
/* "none", "ahead", "on time", "behind" */
const char *pd_pace_name(pd_pace pace);

typedef struct pd_presenter_desc {
    pd_timeline timeline; /* the talk's places: its arrays are copied, titles and notes borrowed */
    bool hud;             /* HUD shown at start */
    bool fullscreen;      /* the window starts fullscreen (Esc leaves it first) */
    const char *title;    /* the talk's title, for the start screen (borrowed); NULL: none */
    const pd_plan *plan;  /* optional planned duration (copied) */
} pd_presenter_desc;

typedef struct pd_presenter pd_presenter;

/* Fails (NULL, err) on a negative or NaN duration, a plan whose section
 * times do not match the talk's sections, or out of memory. */
pd_presenter *pd_presenter_create(const pd_presenter_desc *desc, pd_err *err);
/* The talk changed (reloaded): its new places replace the old, and the
 * playhead holds at the same stop, or the last one when it has fewer. The
 * overlays, timer and toasts stay. Fails (err) as create does; then nothing
 * changed. */
bool pd_presenter_set_timeline(pd_presenter *p, const pd_timeline *tl, pd_err *err);
void pd_presenter_destroy(pd_presenter **p);

/* ---- input ---- */
/* A key press (or repeat) with PD_MOD_* bits. Returns PD_ACT_* bits. */
unsigned pd_presenter_key(pd_presenter *p, int key, int mods);
/* A key release: ends Shift+arrow scrubbing. */
unsigned pd_presenter_key_up(pd_presenter *p, int key, int mods);
/* Mouse in frame fractions (0..1, x right, y down; outside the letterboxed
 * frame is < 0 or > 1). button 0 left, 1 right. */
unsigned pd_presenter_mouse_down(pd_presenter *p, int button, double x, double y);
unsigned pd_presenter_mouse_move(pd_presenter *p, double x, double y);
unsigned pd_presenter_mouse_up(pd_presenter *p, int button, double x, double y);
/* Wheel: dy > 0 is away from the user (back in time), as GLFW reports.
 * While zoomed, the wheel zooms instead (dy > 0: in). */
unsigned pd_presenter_scroll(pd_presenter *p, double dy);
/* Ctrl+wheel: zooms in (dy > 0) or out about the pointer; out to 1x leaves the zoom. */
unsigned pd_presenter_zoom_scroll(pd_presenter *p, double dy);

/* Advances the clock by dt seconds (>= 0): playback, loops, scrubbing, toasts. */
void pd_presenter_tick(pd_presenter *p, double dt);
/* Seconds until the playhead stops moving by itself (0 when it is not
 * moving, or only loops; the time to the end for continuous play). */
double pd_presenter_time_to_rest(const pd_presenter *p);
/* The picture changes by itself (playing, reversing, scrubbing, a loop):
 * the window keeps drawing frames instead of waiting for events. */
bool pd_presenter_animating(const pd_presenter *p);

/* ---- starting place ---- */
/* Holds at stop n (0 = the start). Fails (err) when n is out of range. */
bool pd_presenter_goto_stop(pd_presenter *p, int n, pd_err *err);
/* Holds at the first stop of section n (1-based). Fails when out of range. */
bool pd_presenter_goto_section(pd_presenter *p, int n, pd_err *err);
/* Pauses at time t (clamped to the talk). */
void pd_presenter_seek(pd_presenter *p, double t);
/* Sets (or with total_s 0 clears) the planned duration. Fails (err, nothing
 * changed) when its section times do not match the talk's sections. */
bool pd_presenter_set_plan(pd_presenter *p, const pd_plan *plan, pd_err *err);

/* ---- state ---- */
/* The time shown: the playhead, or the looping step's current frame while
 * held at a loop stop. */
double pd_presenter_t(const pd_presenter *p);
/* The time the audience sees: pd_presenter_t, or the frozen frame's (Shift+F). */
double pd_presenter_audience_t(const pd_presenter *p);
pd_play_mode pd_presenter_mode(const pd_presenter *p);
/* The last stop at or before t (0 before the first). */
int pd_presenter_stop(const pd_presenter *p);
int pd_presenter_stop_count(const pd_presenter *p);
/* 0-based section at t; -1 when the talk has none. */
int pd_presenter_section(const pd_presenter *p);
double pd_presenter_duration(const pd_presenter *p);
/* The time of stop n (0..count), or of the end for n > count. */
double pd_presenter_stop_t(const pd_presenter *p, int n);
/* The time of the next place Next would hold at (the next stop or the end),
 * or t itself when there is none. */
double pd_presenter_next_t(const pd_presenter *p);
/* The speaker note of the stop the playhead is at or heading to, or NULL. */
const char *pd_presenter_note(const pd_presenter *p);
/* Stop n's note (NULL for 0, out of range or none). */
const char *pd_presenter_stop_note(const pd_presenter *p, int n);
/* Stop n's title into buf (scene/timeline.h's rule: its own title, else
 * its note's first line); returns the length, 0 when it has none. */
size_t pd_presenter_stop_title(const pd_presenter *p, int n, char *buf, size_t cap);
const pd_section_info *pd_presenter_section_info(const pd_presenter *p, int i);
int pd_presenter_section_count(const pd_presenter *p);

typedef struct pd_presenter_view {
    bool hud, help, blackout, white, fullscreen, scrubbing;
    bool goto_active;
    const char *goto_digits; /* the digits typed after G */
    const char *toast;       /* NULL when none is showing */
    double elapsed_s;        /* talk timer: from the first step forward; 0 before */
    double now_s;            /* the presenter's clock */
    bool start_screen;       /* at the start, before the first key: the title card */
    const char *title;       /* the talk's title (desc), or NULL */
    bool looping;            /* held at a loop stop, its step repeating */
    /* timing (PD_PACE_NONE and zeros without a plan) */
    pd_pace pace;
    double planned_s, remaining_s; /* remaining_s < 0: over time */
    double stop_due_s;             /* when the current stop's planned share ends, on the talk timer */
    /* pointer, in frame fractions of the screen (x right, y down) */
    bool laser, spotlight, pointer_known;
    double pointer_x, pointer_y;
    /* pen */
    bool pen, drawing;
    int pen_color;           /* 0..PD_PEN_COLORS-1 */
    unsigned pen_generation; /* changes whenever a finished stroke comes or goes */
    /* freeze: the audience sees frozen_t */
    bool frozen;
    double frozen_t;
    /* zoom: 1 when off; the centre of the magnified area, frame fractions of the talk */
    double zoom, zoom_cx, zoom_cy;
    /* overview: open, and the selected stop (1-based) */
    bool overview;
    int overview_selected;
} pd_presenter_view;
pd_presenter_view pd_presenter_get_view(const pd_presenter *p);

/* Pen strokes, in drawing order: each belongs to the stop where it was
 * drawn (shown when the presenter is at that stop); its points are
 * points[first .. first+count), frame fractions of the talk (unzoomed). The
 * pointers stay valid until the next input event. */
typedef struct pd_pen_stroke {
    int stop, color;
    uint32_t first, count;
} pd_pen_stroke;
const pd_pen_stroke *pd_presenter_strokes(const pd_presenter *p, int *count, const pd_v2 **points);

/* The overview's layout for this talk (present/overview.h). */
struct pd_overview_grid;
const struct pd_overview_grid *pd_presenter_overview_grid(const pd_presenter *p);
const pd_timeline *pd_presenter_timeline(const pd_presenter *p);

/* Shows a message for PD_PRESENT_TOAST_S seconds (screenshots, errors). */
void pd_presenter_toast(pd_presenter *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The most recent message from an out-of-range jump or similar, cleared by
 * reading it; --keys prints it. NULL when none. */
const char *pd_presenter_take_message(pd_presenter *p);

#endif
