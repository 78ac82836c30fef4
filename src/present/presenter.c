#include "present/presenter.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/keymap.h"
#include "present/overview.h"

/* times closer than this are the same place (stop times come from frame counts) */
#define EPS 1e-6

typedef enum play_kind {
    PLAY_TO_TARGET,
    PLAY_CONTINUOUS,
} play_kind;

struct pd_presenter {
    /* the talk's places (scene/timeline.h), its arrays copied and owned */
    pd_timeline tl;
    int stop_count, section_count; /* tl's counts, as ints for the arithmetic below */
    bool has_tail;                 /* something moves after the last stop's wait: Next can go to the end */

    double t;
    pd_play_mode mode;
    play_kind kind;
    double target;    /* PLAYING to a target: where it holds */
    int reverse_stop; /* REVERSE: the stop it holds at */
    int scrub_dir;    /* -1, 0, +1 while Shift+arrow is held */
    bool dragging;    /* mouse on the timeline bar */

    bool hud, help, blackout, white, fullscreen;
    bool goto_active;
    char goto_digits[8];
    int goto_len;

    double now, timer_start; /* timer_start < 0: not started */
    char toast[192];
    double toast_until;
    char message[192];
    bool has_message;

    const char *title;
    bool started; /* a key or a click came: the start screen is gone */

    /* loops: HELD at loop stop loop_stop (t is its time), showing the
     * looping step at loop_phase seconds in; PLAYING out of a loop, the
     * loop's last loop_tail seconds still show before t moves on */
    int loop_stop;
    double loop_phase, loop_tail, loop_end;

    pd_plan plan;

    bool laser, spotlight, pointer_known;
    double ptr_x, ptr_y;

    bool pen, drawing;
    int pen_color;
    unsigned pen_generation;
    pd_vec strokes; /* pd_pen_stroke */
    pd_vec points;  /* pd_v2 */

    bool frozen;
    double frozen_t;

    double zoom, zoom_cx, zoom_cy; /* zoom 1: off */

    bool overview;
    int overview_sel;
    pd_overview_grid grid;
};

const char *pd_play_mode_name(pd_play_mode m)
{
    switch (m) {
    case PD_MODE_HELD:
        return "held";
    case PD_MODE_PLAYING:
        return "playing";
    case PD_MODE_REVERSE:
        return "reverse";
    case PD_MODE_PAUSED:
    default:
        return "paused";
    }
}

/* place k: 0 is the start, 1..stop_count the stops */
static double stop_t(const pd_presenter *p, int k) { return pd_timeline_stop_t(&p->tl, (uint32_t)k); }
static double stop_hold(const pd_presenter *p, int k) { return k > 0 ? p->tl.stops[k - 1].hold : 0; }

/* Copies tl into p (its arrays owned, times clamped into the talk). */
static bool set_timeline(pd_presenter *p, const pd_timeline *tl, pd_err *err)
{
    if (!tl || !(tl->duration >= 0) || !isfinite(tl->duration) || (tl->stop_count && !tl->stops) ||
        (tl->section_count && !tl->sections) || tl->stop_count > INT32_MAX / 2 || tl->section_count > INT32_MAX / 2)
        return pd_err_set(err, "presenter: bad timeline (duration %g)", tl ? tl->duration : -1.0);
    pd_stop *stops = calloc(tl->stop_count + 1, sizeof *stops);
    pd_section_info *sections = calloc(tl->section_count + 1, sizeof *sections);
    if (!stops || !sections) {
        free(stops);
        free(sections);
        return pd_err_set(err, "out of memory");
    }
    for (uint32_t i = 0; i < tl->stop_count; i++) {
        stops[i] = tl->stops[i];
        stops[i].t = fmin(fmax(stops[i].t, 0), tl->duration);
        stops[i].hold = fmax(stops[i].hold, 0);
    }
    for (uint32_t i = 0; i < tl->section_count; i++)
        sections[i] = tl->sections[i];
    free((void *)p->tl.stops);
    free((void *)p->tl.sections);
    p->tl = *tl;
    p->tl.stops = stops;
    p->tl.sections = sections;
    p->stop_count = (int)tl->stop_count;
    p->section_count = (int)tl->section_count;
    int n = p->stop_count;
    p->has_tail = p->tl.duration > stop_t(p, n) + stop_hold(p, n) + EPS;
    p->grid = pd_overview_grid_make(&p->tl);
    return true;
}

static void hold_at(pd_presenter *p, double t);

pd_presenter *pd_presenter_create(const pd_presenter_desc *desc, pd_err *err)
{
    pd_presenter *p = calloc(1, sizeof *p);
    if (!p) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    if (!desc || !set_timeline(p, &desc->timeline, err)) {
        if (!desc)
            pd_err_set(err, "presenter: no timeline");
        free(p);
        return NULL;
    }
    p->hud = desc->hud;
    p->fullscreen = desc->fullscreen;
    p->title = desc->title;
    p->mode = PD_MODE_HELD;
    p->timer_start = -1;
    p->zoom = 1;
    p->ptr_x = p->ptr_y = 0.5;
    if (desc->plan && !pd_presenter_set_plan(p, desc->plan, err)) {
        pd_presenter_destroy(&p);
        return NULL;
    }
    hold_at(p, 0);
    return p;
}

void pd_presenter_destroy(pd_presenter **pp)
{
    pd_presenter *p = *pp;
    if (!p)
        return;
    free((void *)p->tl.stops);
    free((void *)p->tl.sections);
    pd_vec_free(&p->strokes);
    pd_vec_free(&p->points);
    free(p);
    *pp = NULL;
}

/* ---- places on the timeline ---- */

static int stop_at(const pd_presenter *p, double t) { return (int)pd_timeline_stop_at(&p->tl, t); }

/* where the animation after stop k begins: the wait's still frames end */
static double anim_start(const pd_presenter *p, int k) { return fmin(stop_t(p, k) + stop_hold(p, k), p->tl.duration); }

/* A time inside a wait shows the stop's held frame: count it as the stop. */
static double normalize(const pd_presenter *p, double t)
{
    int k = stop_at(p, t);
    return t <= anim_start(p, k) + EPS ? stop_t(p, k) : t;
}

/* The next place Next holds at after t: a stop, or the end; false if none. */
static bool next_place(const pd_presenter *p, double t, double *out, int *stop)
{
    for (int i = 1; i <= p->stop_count; i++)
        if (stop_t(p, i) > t + EPS) {
            *out = stop_t(p, i);
            *stop = i;
            return true;
        }
    if (p->has_tail && p->tl.duration > t + EPS) {
        *out = p->tl.duration;
        *stop = -1;
        return true;
    }
    return false;
}

/* The last stop strictly before t (the start counts), or -1 at the start. */
static int prev_stop(const pd_presenter *p, double t)
{
    int k = -1;
    for (int i = 0; i <= p->stop_count; i++)
        if (stop_t(p, i) < t - EPS)
            k = i;
    return k;
}

/* 0-based; before the first section counts as the first; -1 without sections */
static int section_at(const pd_presenter *p, double t)
{
    int s = (int)pd_timeline_section_at(&p->tl, t) - 1;
    return s < 0 && p->section_count ? 0 : s;
}

/* The first stop of section s (0-based), or -1 when it has none. */
static int first_stop_of(const pd_presenter *p, int s)
{
    for (int i = 1; i <= p->stop_count; i++)
        if (p->tl.stops[i - 1].section == s)
            return i;
    return -1;
}

static void set_message(pd_presenter *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_message(pd_presenter *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->message, sizeof p->message, fmt, ap);
    va_end(ap);
    p->has_message = true;
    snprintf(p->toast, sizeof p->toast, "%s", p->message);
    p->toast_until = p->now + PD_PRESENT_TOAST_S;
}

static void start_timer(pd_presenter *p)
{
    if (p->timer_start < 0)
        p->timer_start = p->now;
}

/* ---- moves ---- */

/* Stop k loops: marked, and its step (from the previous stop's hold end) has length. */
static bool loops(const pd_presenter *p, int k)
{
    return k >= 1 && k <= p->stop_count && p->tl.stops[k - 1].loop && stop_t(p, k) > anim_start(p, k - 1) + EPS;
}

static void hold_at(pd_presenter *p, double t)
{
    p->t = fmin(fmax(t, 0), p->tl.duration);
    p->mode = PD_MODE_HELD;
    p->scrub_dir = 0;
    p->loop_tail = 0;
    p->loop_phase = 0;
    int k = stop_at(p, p->t);
    /* held at a loop stop: its step plays again from its start, over and over */
    p->loop_stop = fabs(p->t - stop_t(p, k)) <= EPS && loops(p, k) ? k : 0;
}

/* the time shown (pd_presenter_t) */
static double shown_t(const pd_presenter *p)
{
    if (p->mode == PD_MODE_HELD && p->loop_stop)
        return anim_start(p, p->loop_stop - 1) + p->loop_phase;
    if (p->mode == PD_MODE_PLAYING && p->loop_tail > 0)
        return p->loop_end - p->loop_tail;
    return p->t;
}

/* Moves that start from what is shown (pause, frame steps, scrubbing) take
 * the loop's frame as the playhead first. */
static void take_shown(pd_presenter *p)
{
    double t = shown_t(p);
    p->loop_stop = 0;
    p->loop_tail = 0;
    p->t = t;
}

static void pause_at(pd_presenter *p, double t)
{
    p->t = fmin(fmax(t, 0), p->tl.duration);
    p->mode = PD_MODE_PAUSED;
    p->loop_stop = 0;
    p->loop_tail = 0;
}

static bool moving(const pd_presenter *p) { return p->mode == PD_MODE_PLAYING || p->mode == PD_MODE_REVERSE; }

static void do_next(pd_presenter *p)
{
    double target = 0;
    int stop = 0;
    start_timer(p);
    p->scrub_dir = 0;
    if (p->mode == PD_MODE_HELD && p->loop_stop) {
        /* end the loop at its end, then go on to the next place */
        int k = p->loop_stop;
        if (!next_place(p, p->t, &target, &stop)) {
            set_message(p, "end of the talk");
            return;
        }
        double len = stop_t(p, k) - anim_start(p, k - 1);
        p->loop_end = stop_t(p, k);
        p->loop_tail = fmax(len - p->loop_phase, 0);
        p->loop_stop = 0;
        p->t = fmin(anim_start(p, k), target);
        p->target = target;
        p->kind = PLAY_TO_TARGET;
        p->mode = PD_MODE_PLAYING;
        return;
    }
    if (moving(p)) {
        /* a press while something moves completes the step at once */
        if (p->mode == PD_MODE_PLAYING && p->kind == PLAY_TO_TARGET) {
            hold_at(p, p->target);
            return;
        }
        /* nothing left to hold at (inside the last wait, no tail): complete
         * continuous play at the end, and hold only where "held" is true */
        if (next_place(p, p->t, &target, &stop))
            hold_at(p, target);
        else if (p->kind == PLAY_CONTINUOUS && p->mode == PD_MODE_PLAYING)
            hold_at(p, p->tl.duration);
        else
            hold_at(p, normalize(p, p->t));
        return;
    }
    if (!next_place(p, p->t, &target, &stop)) {
        set_message(p, "end of the talk");
        return;
    }
    /* skip the still frames of the wait; start one frame in, so the first
     * frame drawn after the press already moves */
    int k = stop_at(p, p->t);
    double from = p->t;
    if (from < anim_start(p, k))
        from = anim_start(p, k);
    from += 1.0 / PD_PRESENT_FPS;
    if (from >= target - EPS) {
        hold_at(p, target);
        return;
    }
    p->t = from;
    p->target = target;
    p->kind = PLAY_TO_TARGET;
    p->mode = PD_MODE_PLAYING;
    p->loop_tail = 0;
}

static void do_prev(pd_presenter *p)
{
    p->scrub_dir = 0;
    int k = prev_stop(p, normalize(p, p->t));
    hold_at(p, k < 0 ? 0 : stop_t(p, k));
}

static void do_reverse(pd_presenter *p)
{
    p->scrub_dir = 0;
    if (p->mode == PD_MODE_REVERSE) {
        hold_at(p, stop_t(p, p->reverse_stop));
        return;
    }
    double from = normalize(p, p->t);
    int k = prev_stop(p, from);
    if (k < 0) {
        hold_at(p, 0);
        return;
    }
    from -= 1.0 / PD_PRESENT_FPS;
    if (from <= anim_start(p, k) + EPS) {
        hold_at(p, stop_t(p, k));
        return;
    }
    p->t = from;
    p->reverse_stop = k;
    p->mode = PD_MODE_REVERSE;
}

static void do_replay(pd_presenter *p)
{
    p->scrub_dir = 0;
    double tn = normalize(p, p->t);
    int k = stop_at(p, tn);
    double from, target = 0;
    int stop = 0;
    if (fabs(tn - stop_t(p, k)) <= EPS) {
        /* held at stop k: replay the step that led here */
        int j = prev_stop(p, tn);
        if (j < 0)
            return;
        from = anim_start(p, j);
        target = stop_t(p, k);
    } else {
        from = anim_start(p, k);
        if (!next_place(p, from, &target, &stop))
            target = p->tl.duration;
    }
    if (target <= from + EPS) {
        hold_at(p, target);
        return;
    }
    start_timer(p);
    p->t = from;
    p->target = target;
    p->kind = PLAY_TO_TARGET;
    p->mode = PD_MODE_PLAYING;
    p->loop_tail = 0;
}

static void do_play_pause(pd_presenter *p)
{
    p->scrub_dir = 0;
    take_shown(p);
    if (moving(p)) {
        p->mode = PD_MODE_PAUSED;
        return;
    }
    if (p->t >= p->tl.duration - EPS) {
        set_message(p, "end of the talk (Home goes to the start)");
        return;
    }
    start_timer(p);
    p->kind = PLAY_CONTINUOUS;
    p->mode = PD_MODE_PLAYING;
}

static void go_section(pd_presenter *p, int s)
{
    int k = first_stop_of(p, s);
    if (k > 0)
        hold_at(p, stop_t(p, k));
    else
        pause_at(p, p->tl.sections[s].t);
}

static void do_section_step(pd_presenter *p, int dir)
{
    p->scrub_dir = 0;
    if (p->section_count == 0) {
        set_message(p, "the talk has no sections");
        return;
    }
    double tn = normalize(p, p->t);
    int s = section_at(p, tn);
    if (dir > 0) {
        if (s + 1 >= p->section_count) {
            set_message(p, "no section after %d: the talk has %d", s + 1, p->section_count);
            return;
        }
        go_section(p, s + 1);
        return;
    }
    /* back: to the start of this section, or the one before when already there */
    int k = first_stop_of(p, s);
    double here = k > 0 ? stop_t(p, k) : p->tl.sections[s].t;
    if (tn > here + EPS)
        go_section(p, s);
    else if (s > 0)
        go_section(p, s - 1);
    else
        hold_at(p, 0);
}

bool pd_presenter_goto_stop(pd_presenter *p, int n, pd_err *err)
{
    if (n < 0 || n > p->stop_count)
        return pd_err_set(err, "stop %d is out of range: the talk has stops 0..%d", n, p->stop_count);
    hold_at(p, stop_t(p, n));
    return true;
}

bool pd_presenter_goto_section(pd_presenter *p, int n, pd_err *err)
{
    if (p->section_count == 0)
        return pd_err_set(err, "section %d is out of range: the talk has no sections", n);
    if (n < 1 || n > p->section_count)
        return pd_err_set(err, "section %d is out of range: the talk has sections 1..%d", n, p->section_count);
    go_section(p, n - 1);
    return true;
}

void pd_presenter_seek(pd_presenter *p, double t)
{
    if (!isfinite(t))
        return;
    pause_at(p, t);
}

static void frame_step(pd_presenter *p, int dir)
{
    p->scrub_dir = 0;
    take_shown(p);
    double f = floor(p->t * PD_PRESENT_FPS + 0.5) + dir;
    pause_at(p, f / PD_PRESENT_FPS);
}

static void goto_finish(pd_presenter *p)
{
    p->goto_active = false;
    if (p->goto_len == 0)
        return;
    int n = atoi(p->goto_digits);
    pd_err err = {0};
    if (!pd_presenter_goto_stop(p, n, &err))
        set_message(p, "%s", err.msg);
    else
        start_timer(p);
}

/* ---- input ---- */

static unsigned screen_toggle(pd_presenter *p, bool white)
{
    if (white) {
        p->white = !p->white;
        p->blackout = false;
    } else {
        p->blackout = !p->blackout;
        p->white = false;
    }
    return PD_ACT_CHANGED;
}

static int digit_of(int key)
{
    if (key >= PD_KEY_0 && key <= PD_KEY_9)
        return key - PD_KEY_0;
    if (key >= PD_KEY_KP_0 && key <= PD_KEY_KP_9)
        return key - PD_KEY_KP_0;
    return -1;
}

/* ---- live tools ---- */

static void clamp_zoom_centre(pd_presenter *p)
{
    double h = 0.5 / p->zoom;
    p->zoom_cx = fmin(fmax(p->zoom_cx, h), 1 - h);
    p->zoom_cy = fmin(fmax(p->zoom_cy, h), 1 - h);
}

static void set_zoom(pd_presenter *p, double z)
{
    if (p->zoom <= 1) { /* starting: magnify what is under the pointer */
        p->zoom_cx = p->pointer_known ? fmin(fmax(p->ptr_x, 0), 1) : 0.5;
        p->zoom_cy = p->pointer_known ? fmin(fmax(p->ptr_y, 0), 1) : 0.5;
    }
    p->zoom = z <= 1 + 1e-9 ? 1 : fmin(z, PD_ZOOM_MAX);
    clamp_zoom_centre(p);
}

/* a point on the screen (frame fractions) to the talk's frame under the zoom */
static pd_v2 talk_point(const pd_presenter *p, double x, double y)
{
    if (p->zoom <= 1)
        return (pd_v2){(float)x, (float)y};
    return (pd_v2){(float)(p->zoom_cx + (x - 0.5) / p->zoom), (float)(p->zoom_cy + (y - 0.5) / p->zoom)};
}

static pd_pen_stroke *strokes(const pd_presenter *p) { return (pd_pen_stroke *)p->strokes.data; }
static pd_v2 *points(const pd_presenter *p) { return (pd_v2 *)p->points.data; }

static void pen_add(pd_presenter *p, double x, double y)
{
    pd_v2 q = talk_point(p, x, y);
    pd_pen_stroke *s = &strokes(p)[p->strokes.len - 1];
    if (s->count > 0) {
        pd_v2 last = points(p)[s->first + s->count - 1];
        if (hypot(q.x - last.x, q.y - last.y) < PD_PEN_MIN_STEP)
            return;
    }
    *(pd_v2 *)pd_vec_push(&p->points, sizeof(pd_v2)) = q;
    s = &strokes(p)[p->strokes.len - 1];
    s->count++;
}

static void pen_begin(pd_presenter *p, double x, double y)
{
    pd_pen_stroke *s = pd_vec_push(&p->strokes, sizeof *s);
    s->stop = stop_at(p, p->t);
    s->color = p->pen_color;
    s->first = (uint32_t)p->points.len;
    p->drawing = true;
    pen_add(p, x, y);
}

/* distance of q from the line through a and b, in frame widths (y is 9/16 of x) */
static double off_line(pd_v2 q, pd_v2 a, pd_v2 b)
{
    double k = 9.0 / 16.0;
    double ax = a.x, ay = a.y * k, bx = b.x - ax, by = b.y * k - ay, qx = q.x - ax, qy = q.y * k - ay;
    double len = hypot(bx, by);
    if (len < 1e-12)
        return hypot(qx, qy);
    double u = fmin(fmax((qx * bx + qy * by) / (len * len), 0), 1);
    return hypot(qx - u * bx, qy - u * by);
}

/* Ramer-Douglas-Peucker on a finished stroke, in place: the points that keep
 * it within PD_PEN_SIMPLIFY of its path. */
static void pen_simplify(pd_presenter *p, pd_pen_stroke *s)
{
    uint32_t n = s->count;
    if (n < 3)
        return;
    pd_v2 *pt = points(p) + s->first;
    unsigned char *keep = calloc(n, 1);
    uint32_t *stack = malloc(2 * n * sizeof *stack);
    if (!keep || !stack) {
        free(keep);
        free(stack);
        return; /* kept as drawn */
    }
    keep[0] = keep[n - 1] = 1;
    uint32_t top = 0;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top) {
        uint32_t b = stack[--top], a = stack[--top], far = a;
        double worst = PD_PEN_SIMPLIFY;
        for (uint32_t i = a + 1; i < b; i++) {
            double d = off_line(pt[i], pt[a], pt[b]);
            if (d > worst) {
                worst = d;
                far = i;
            }
        }
        if (far != a) {
            keep[far] = 1;
            stack[top++] = a;
            stack[top++] = far;
            stack[top++] = far;
            stack[top++] = b;
        }
    }
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++)
        if (keep[i])
            pt[m++] = pt[i];
    free(keep);
    free(stack);
    /* the stroke is the last one: its dropped points are the array's tail */
    p->points.len -= n - m;
    s->count = m;
}

static void pen_end(pd_presenter *p)
{
    if (!p->drawing)
        return;
    p->drawing = false;
    p->pen_generation++;
    pd_pen_stroke *s = &strokes(p)[p->strokes.len - 1];
    pen_simplify(p, s);
    if (s->count == 1) {
        /* a click draws a dot: a stroke too short to fold */
        pd_v2 q = points(p)[s->first];
        q.x += (float)(PD_PEN_MIN_STEP / 2);
        *(pd_v2 *)pd_vec_push(&p->points, sizeof(pd_v2)) = q;
        strokes(p)[p->strokes.len - 1].count++;
    }
}

/* Removes stroke i and its points. */
static void stroke_remove(pd_presenter *p, size_t i)
{
    pd_pen_stroke *st = strokes(p);
    uint32_t first = st[i].first, n = st[i].count;
    pd_v2 *pt = points(p);
    memmove(pt + first, pt + first + n, (p->points.len - first - n) * sizeof *pt);
    p->points.len -= n;
    for (size_t j = i + 1; j < p->strokes.len; j++)
        st[j].first -= n;
    memmove(st + i, st + i + 1, (p->strokes.len - i - 1) * sizeof *st);
    p->strokes.len--;
    p->pen_generation++;
}

/* Undo (all false) or clear (all true) the current stop's strokes; returns how many went. */
static int pen_remove(pd_presenter *p, bool all)
{
    pen_end(p);
    int k = stop_at(p, p->t), removed = 0;
    for (size_t i = p->strokes.len; i-- > 0;)
        if (strokes(p)[i].stop == k) {
            stroke_remove(p, i);
            removed++;
            if (!all)
                break;
        }
    return removed;
}

static void overview_open(pd_presenter *p)
{
    p->overview = true;
    p->overview_sel = stop_at(p, normalize(p, p->t));
    if (p->overview_sel < 1)
        p->overview_sel = p->stop_count ? 1 : 0;
}

/* A key while the overview is open: true when it was the overview's. */
static bool overview_key(pd_presenter *p, int key)
{
    int d_row = 0, d_col = 0;
    switch (key) {
    case PD_KEY_LEFT:
        d_col = -1;
        break;
    case PD_KEY_RIGHT:
        d_col = 1;
        break;
    case PD_KEY_UP:
        d_row = -1;
        break;
    case PD_KEY_DOWN:
        d_row = 1;
        break;
    case PD_KEY_HOME:
        p->overview_sel = p->stop_count ? 1 : 0;
        return true;
    case PD_KEY_END:
        p->overview_sel = p->stop_count;
        return true;
    case PD_KEY_ENTER:
    case PD_KEY_KP_ENTER:
    case PD_KEY_SPACE:
        p->overview = false;
        if (p->overview_sel >= 1) {
            hold_at(p, stop_t(p, p->overview_sel));
            start_timer(p);
        }
        return true;
    case PD_KEY_ESCAPE:
    case PD_KEY_TAB:
    case 'O':
        p->overview = false;
        return true;
    default:
        return false;
    }
    p->overview_sel = pd_overview_move(&p->grid, &p->tl, p->overview_sel, d_row, d_col);
    return true;
}

/* Esc leaves one thing at a time, the most recent kind first; false when
 * there was nothing to leave. */
static bool escape_one(pd_presenter *p)
{
    if (p->help)
        p->help = false;
    else if (p->zoom > 1)
        p->zoom = 1;
    else if (p->pen) {
        pen_end(p);
        p->pen = false;
    } else if (p->spotlight)
        p->spotlight = false;
    else if (p->laser)
        p->laser = false;
    else if (p->frozen)
        p->frozen = false;
    else if (p->blackout || p->white)
        p->blackout = p->white = false;
    else
        return false;
    return true;
}

/* ---- input ---- */

unsigned pd_presenter_key(pd_presenter *p, int key, int mods)
{
    bool shift = mods & PD_MOD_SHIFT, ctrl = mods & PD_MOD_CTRL;
    if (mods & (PD_MOD_ALT | PD_MOD_SUPER))
        return 0; /* leave window-manager shortcuts alone */
    if (!p->started) {
        /* the first key takes the start screen away; Esc does only that */
        p->started = true;
        if (key == PD_KEY_ESCAPE)
            return PD_ACT_CHANGED;
    }

    if (p->goto_active) {
        int d = digit_of(key);
        if (d >= 0) {
            if (p->goto_len < (int)sizeof p->goto_digits - 1) {
                p->goto_digits[p->goto_len++] = (char)('0' + d);
                p->goto_digits[p->goto_len] = 0;
            }
            return PD_ACT_CHANGED;
        }
        if (key == PD_KEY_ENTER || key == PD_KEY_KP_ENTER) {
            goto_finish(p);
            return PD_ACT_CHANGED;
        }
        if (key == PD_KEY_BACKSPACE) {
            if (p->goto_len > 0)
                p->goto_digits[--p->goto_len] = 0;
            return PD_ACT_CHANGED;
        }
        /* any other key cancels the entry; Esc does only that */
        p->goto_active = false;
        if (key == PD_KEY_ESCAPE)
            return PD_ACT_CHANGED;
    }

    if (p->overview) {
        if (overview_key(p, key))
            return PD_ACT_CHANGED;
        p->overview = false; /* any other key leaves it and does what it does */
    }

    if (p->pen && !ctrl) {
        /* while the pen is on: 1..5 pick its colour, C cycles (docs/keys.md) */
        int d = digit_of(key);
        if (d >= 1 && d <= PD_PEN_COLORS) {
            p->pen_color = d - 1;
            return PD_ACT_CHANGED;
        }
        if (key == 'C') {
            p->pen_color = (p->pen_color + 1) % PD_PEN_COLORS;
            return PD_ACT_CHANGED;
        }
    }

    switch (key) {
    case PD_KEY_RIGHT:
        if (ctrl)
            frame_step(p, +1);
        else if (shift) {
            if (p->scrub_dir != 1) {
                /* move one frame at once, then keep moving while held */
                take_shown(p);
                p->mode = PD_MODE_PAUSED;
                p->scrub_dir = 1;
                pause_at(p, p->t + 1.0 / PD_PRESENT_FPS);
            }
        } else
            do_next(p);
        return PD_ACT_CHANGED;
    case PD_KEY_LEFT:
        if (ctrl)
            frame_step(p, -1);
        else if (shift) {
            if (p->scrub_dir != -1) {
                take_shown(p);
                p->mode = PD_MODE_PAUSED;
                p->scrub_dir = -1;
                pause_at(p, p->t - 1.0 / PD_PRESENT_FPS);
            }
        } else
            do_prev(p);
        return PD_ACT_CHANGED;
    case PD_KEY_SPACE:
        if (shift)
            do_prev(p);
        else
            do_next(p);
        return PD_ACT_CHANGED;
    case PD_KEY_DOWN:
    case PD_KEY_ENTER:
    case PD_KEY_KP_ENTER:
    case 'N':
        do_next(p);
        return PD_ACT_CHANGED;
    case PD_KEY_UP:
    case PD_KEY_BACKSPACE:
    case 'P':
        do_prev(p);
        return PD_ACT_CHANGED;
    case PD_KEY_PAGE_DOWN:
        if (shift)
            do_section_step(p, +1);
        else
            do_next(p);
        return PD_ACT_CHANGED;
    case PD_KEY_PAGE_UP:
        if (shift)
            do_section_step(p, -1);
        else
            do_prev(p);
        return PD_ACT_CHANGED;
    case PD_KEY_RIGHT_BRACKET:
        do_section_step(p, +1);
        return PD_ACT_CHANGED;
    case PD_KEY_LEFT_BRACKET:
        do_section_step(p, -1);
        return PD_ACT_CHANGED;
    case PD_KEY_HOME:
        hold_at(p, 0);
        return PD_ACT_CHANGED;
    case PD_KEY_END:
        /* the last stop; a talk without stops has only its end */
        hold_at(p, p->stop_count ? stop_t(p, p->stop_count) : p->tl.duration);
        return PD_ACT_CHANGED;
    case 'V':
        do_reverse(p);
        return PD_ACT_CHANGED;
    case 'R':
        do_replay(p);
        return PD_ACT_CHANGED;
    case 'K':
        do_play_pause(p);
        return PD_ACT_CHANGED;
    case 'G':
        p->goto_active = true;
        p->goto_len = 0;
        p->goto_digits[0] = 0;
        return PD_ACT_CHANGED;
    case 'B':
    case PD_KEY_PERIOD:
        return screen_toggle(p, false);
    case 'W':
        return screen_toggle(p, true);
    case 'H':
        p->hud = !p->hud;
        return PD_ACT_CHANGED;
    case PD_KEY_SLASH:
        if (!shift)
            return 0;
        p->help = !p->help;
        return PD_ACT_CHANGED;
    case PD_KEY_F1:
        p->help = !p->help;
        return PD_ACT_CHANGED;
    case 'F':
        if (shift) {
            /* freeze: the audience keeps this frame while the speaker moves on */
            p->frozen = !p->frozen;
            p->frozen_t = shown_t(p);
            return PD_ACT_CHANGED;
        }
        p->fullscreen = !p->fullscreen;
        return PD_ACT_FULLSCREEN | PD_ACT_CHANGED;
    case PD_KEY_F11:
        p->fullscreen = !p->fullscreen;
        return PD_ACT_FULLSCREEN | PD_ACT_CHANGED;
    case PD_KEY_F5:
        /* clickers send F5 to start the show */
        if (p->fullscreen)
            return 0;
        p->fullscreen = true;
        return PD_ACT_FULLSCREEN | PD_ACT_CHANGED;
    case PD_KEY_ESCAPE:
        if (escape_one(p))
            return PD_ACT_CHANGED;
        if (p->fullscreen) {
            p->fullscreen = false;
            return PD_ACT_FULLSCREEN | PD_ACT_CHANGED;
        }
        return PD_ACT_QUIT;
    case 'Q':
        return PD_ACT_QUIT;
    case 'S':
        return PD_ACT_PRESENTER_VIEW | PD_ACT_CHANGED;
    case PD_KEY_F12:
        return shift ? PD_ACT_RECORD | PD_ACT_CHANGED : PD_ACT_SCREENSHOT | PD_ACT_CHANGED;
    case 'L':
        if (shift)
            p->spotlight = !p->spotlight;
        else
            p->laser = !p->laser;
        return PD_ACT_CHANGED;
    case 'D':
        if (p->pen)
            pen_end(p);
        p->pen = !p->pen;
        return PD_ACT_CHANGED;
    case 'E':
        return pen_remove(p, true) ? PD_ACT_CHANGED : 0;
    case 'Z':
        if (ctrl)
            return pen_remove(p, false) ? PD_ACT_CHANGED : 0;
        set_zoom(p, p->zoom > 1 ? 1 : PD_ZOOM_START);
        return PD_ACT_CHANGED;
    case 'O':
    case PD_KEY_TAB:
        overview_open(p);
        return PD_ACT_CHANGED;
    default: {
        int d = digit_of(key);
        if (d >= 1) {
            pd_err err = {0};
            if (!pd_presenter_goto_section(p, d, &err))
                set_message(p, "%s", err.msg);
            else
                start_timer(p);
            return PD_ACT_CHANGED;
        }
        return 0;
    }
    }
}

unsigned pd_presenter_key_up(pd_presenter *p, int key, int mods)
{
    (void)mods;
    if ((key == PD_KEY_RIGHT && p->scrub_dir > 0) || (key == PD_KEY_LEFT && p->scrub_dir < 0)) {
        p->scrub_dir = 0;
        return PD_ACT_CHANGED;
    }
    return 0;
}

static bool on_bar(const pd_presenter *p, double x, double y)
{
    return p->hud && x >= PD_HUD_BAR_X0 - 0.01 && x <= PD_HUD_BAR_X1 + 0.01 && fabs(y - PD_HUD_BAR_Y) <= PD_HUD_BAR_HIT;
}

static void seek_bar(pd_presenter *p, double x)
{
    double u = (x - PD_HUD_BAR_X0) / (PD_HUD_BAR_X1 - PD_HUD_BAR_X0);
    u = fmin(fmax(u, 0), 1);
    p->scrub_dir = 0;
    pause_at(p, u * p->tl.duration);
}

static void set_pointer(pd_presenter *p, double x, double y)
{
    if (!isfinite(x) || !isfinite(y))
        return;
    p->ptr_x = x;
    p->ptr_y = y;
    p->pointer_known = true;
}

unsigned pd_presenter_mouse_down(pd_presenter *p, int button, double x, double y)
{
    set_pointer(p, x, y);
    p->started = true;
    if (p->help) {
        p->help = false; /* a click leaves the overlay first */
        return PD_ACT_CHANGED;
    }
    if (p->overview) {
        int n = button == 0 ? pd_overview_hit(&p->grid, &p->tl, x, y) : 0;
        p->overview = false;
        if (n > 0) {
            hold_at(p, stop_t(p, n));
            start_timer(p);
        }
        return PD_ACT_CHANGED;
    }
    if (button == 0 && on_bar(p, x, y)) {
        p->dragging = true;
        seek_bar(p, x);
        return PD_ACT_CHANGED;
    }
    if (button == 0 && p->pen) {
        pen_begin(p, x, y);
        return PD_ACT_CHANGED;
    }
    if (button == 0) {
        do_next(p);
        return PD_ACT_CHANGED;
    }
    if (button == 1) {
        do_prev(p);
        return PD_ACT_CHANGED;
    }
    return 0;
}

unsigned pd_presenter_mouse_move(pd_presenter *p, double x, double y)
{
    set_pointer(p, x, y);
    if (p->dragging) {
        seek_bar(p, x);
        return PD_ACT_CHANGED;
    }
    if (p->drawing) {
        pen_add(p, x, y);
        return PD_ACT_CHANGED;
    }
    if (p->overview) {
        int n = pd_overview_hit(&p->grid, &p->tl, x, y);
        if (n > 0 && n != p->overview_sel) {
            p->overview_sel = n;
            return PD_ACT_CHANGED;
        }
        return 0;
    }
    /* the pointer is drawn: every move is a new picture */
    return p->laser || p->spotlight ? PD_ACT_CHANGED : 0;
}

unsigned pd_presenter_mouse_up(pd_presenter *p, int button, double x, double y)
{
    set_pointer(p, x, y);
    if (button == 0 && p->drawing) {
        pen_add(p, x, y);
        pen_end(p);
        return PD_ACT_CHANGED;
    }
    if (button != 0 || !p->dragging)
        return 0;
    seek_bar(p, x);
    p->dragging = false;
    return PD_ACT_CHANGED;
}

unsigned pd_presenter_zoom_scroll(pd_presenter *p, double dy)
{
    if (dy == 0 || !isfinite(dy))
        return 0;
    set_zoom(p, (p->zoom > 1 ? p->zoom : 1) * pow(PD_ZOOM_STEP, fmin(fmax(dy, -50), 50)));
    return PD_ACT_CHANGED;
}

unsigned pd_presenter_scroll(pd_presenter *p, double dy)
{
    if (dy == 0 || !isfinite(dy))
        return 0;
    if (p->zoom > 1)
        return pd_presenter_zoom_scroll(p, dy);
    p->scrub_dir = 0;
    take_shown(p);
    pause_at(p, p->t - dy * PD_PRESENT_WHEEL_S);
    return PD_ACT_CHANGED;
}

void pd_presenter_tick(pd_presenter *p, double dt)
{
    if (!(dt > 0) || !isfinite(dt))
        return;
    p->now += dt;
    if (p->scrub_dir)
        pause_at(p, p->t + p->scrub_dir * PD_PRESENT_SCRUB_SPEED * dt);
    if (p->mode == PD_MODE_HELD && p->loop_stop) {
        double len = stop_t(p, p->loop_stop) - anim_start(p, p->loop_stop - 1);
        p->loop_phase = fmod(p->loop_phase + dt, len);
    } else if (p->mode == PD_MODE_PLAYING) {
        if (p->loop_tail > 0) {
            /* the loop plays to its end first; the rest of dt goes on */
            double used = fmin(dt, p->loop_tail);
            p->loop_tail -= used;
            dt -= used;
            if (p->loop_tail <= EPS)
                p->loop_tail = 0;
            if (p->loop_tail > 0)
                return;
        }
        double end = p->kind == PLAY_CONTINUOUS ? p->tl.duration : p->target;
        p->t += dt;
        if (p->t >= end - EPS)
            hold_at(p, end);
    } else if (p->mode == PD_MODE_REVERSE) {
        p->t -= dt;
        if (p->t <= anim_start(p, p->reverse_stop) + EPS)
            hold_at(p, stop_t(p, p->reverse_stop));
    }
}

double pd_presenter_time_to_rest(const pd_presenter *p)
{
    if (p->mode == PD_MODE_PLAYING)
        return p->loop_tail + fmax((p->kind == PLAY_CONTINUOUS ? p->tl.duration : p->target) - p->t, 0);
    if (p->mode == PD_MODE_REVERSE)
        return fmax(p->t - anim_start(p, p->reverse_stop), 0);
    return 0;
}

bool pd_presenter_animating(const pd_presenter *p)
{
    return moving(p) || p->scrub_dir != 0 || (p->mode == PD_MODE_HELD && p->loop_stop);
}

/* ---- timing ---- */

const char *pd_pace_name(pd_pace pace)
{
    switch (pace) {
    case PD_PACE_AHEAD:
        return "ahead";
    case PD_PACE_ON_TIME:
        return "on time";
    case PD_PACE_BEHIND:
        return "behind";
    case PD_PACE_NONE:
    default:
        return "none";
    }
}

/* One time: "20m", "90s", "1h30m", "1:30:00", "12:30" (m:s), "20" (minutes). */
static bool parse_one_time(const char *s, size_t n, double *out)
{
    char buf[64];
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    if (strchr(buf, ':')) {
        double parts[3] = {0};
        int k = 0;
        for (char *c = buf; k < 3;) {
            char *end = NULL;
            parts[k++] = strtod(c, &end);
            if (end == c || !isfinite(parts[k - 1]) || parts[k - 1] < 0)
                return false;
            if (*end == 0)
                break;
            if (*end != ':' || k == 3)
                return false;
            c = end + 1;
        }
        if (k < 2)
            return false;
        *out = k == 2 ? parts[0] * 60 + parts[1] : parts[0] * 3600 + parts[1] * 60 + parts[2];
        return *out > 0;
    }
    double total = 0;
    char *c = buf;
    bool any = false;
    while (*c) {
        char *end = NULL;
        double v = strtod(c, &end);
        if (end == c || !isfinite(v) || v < 0)
            return false;
        double unit = 60; /* a bare number is minutes */
        if (*end == 'h')
            unit = 3600, end++;
        else if (*end == 'm')
            unit = 60, end++;
        else if (*end == 's')
            unit = 1, end++;
        else if (*end != 0 || any)
            return false;
        total += v * unit;
        any = true;
        c = end;
    }
    *out = total;
    return total > 0 && isfinite(total);
}

bool pd_plan_parse(const char *text, pd_plan *out, pd_err *err)
{
    pd_plan plan = {0};
    if (!text || !*text)
        return pd_err_set(err, "--duration: no time given (e.g. --duration 20m, or 5m,8m,4m,3m per section)");
    const char *c = text;
    int n = 0;
    double sum = 0;
    for (;;) {
        size_t len = strcspn(c, ",");
        double v = 0;
        if (!parse_one_time(c, len, &v))
            return pd_err_set(err, "--duration: '%.*s' is not a time (e.g. 20m, 90s, 1h30m, 12:30)", (int)len, c);
        if (n >= PD_PLAN_MAX_SECTIONS)
            return pd_err_set(err, "--duration: more than %d section times", PD_PLAN_MAX_SECTIONS);
        plan.section_s[n++] = v;
        sum += v;
        if (c[len] == 0)
            break;
        c += len + 1;
    }
    plan.total_s = sum;
    plan.section_count = n > 1 ? n : 0;
    if (n == 1)
        plan.section_s[0] = 0;
    *out = plan;
    return true;
}

bool pd_presenter_set_plan(pd_presenter *p, const pd_plan *plan, pd_err *err)
{
    if (!plan || !(plan->total_s > 0)) {
        p->plan = (pd_plan){0};
        return true;
    }
    if (!isfinite(plan->total_s) || plan->section_count < 0 || plan->section_count > PD_PLAN_MAX_SECTIONS)
        return pd_err_set(err, "--duration: bad planned time");
    if (plan->section_count && plan->section_count != p->section_count)
        return pd_err_set(err, "--duration gives %d section times; the talk has %d section%s", plan->section_count,
                          p->section_count, p->section_count == 1 ? "" : "s");
    p->plan = *plan;
    if (plan->section_count) {
        double sum = 0;
        for (int i = 0; i < plan->section_count; i++)
            sum += fmax(plan->section_s[i], 0);
        p->plan.total_s = sum;
    }
    return true;
}

/* The planned talk-timer window of stop k (1..count): when the speaker
 * should arrive there and leave. Each stop gets an equal share of its
 * section's time (of the whole talk's without section times), as pdfpc and
 * reveal.js give each slide an equal share. */
static void planned_window(const pd_presenter *p, int k, double *arrive, double *leave)
{
    const pd_plan *pl = &p->plan;
    int sec = pl->section_count ? p->tl.stops[k - 1].section : -1;
    double base = 0, span = pl->total_s;
    if (pl->section_count) {
        sec = sec < 0 ? 0 : sec >= pl->section_count ? pl->section_count - 1 : sec;
        for (int i = 0; i < sec; i++)
            base += pl->section_s[i];
        span = pl->section_s[sec];
    }
    int index = 0, count = 0;
    for (int i = 1; i <= p->stop_count; i++) {
        int si = pl->section_count ? p->tl.stops[i - 1].section : -1;
        if (pl->section_count)
            si = si < 0 ? 0 : si >= pl->section_count ? pl->section_count - 1 : si;
        if (si != sec)
            continue;
        if (i < k)
            index++;
        count++;
    }
    *arrive = base + span * index / count;
    *leave = base + span * (index + 1) / count;
}

/* ---- state ---- */

double pd_presenter_t(const pd_presenter *p) { return shown_t(p); }
double pd_presenter_audience_t(const pd_presenter *p) { return p->frozen ? p->frozen_t : shown_t(p); }
pd_play_mode pd_presenter_mode(const pd_presenter *p) { return p->mode; }
int pd_presenter_stop(const pd_presenter *p) { return stop_at(p, p->t); }
int pd_presenter_stop_count(const pd_presenter *p) { return p->stop_count; }
int pd_presenter_section(const pd_presenter *p) { return section_at(p, p->t); }
double pd_presenter_duration(const pd_presenter *p) { return p->tl.duration; }
int pd_presenter_section_count(const pd_presenter *p) { return p->section_count; }
const pd_timeline *pd_presenter_timeline(const pd_presenter *p) { return &p->tl; }
const pd_overview_grid *pd_presenter_overview_grid(const pd_presenter *p) { return &p->grid; }

const pd_section_info *pd_presenter_section_info(const pd_presenter *p, int i)
{
    return i >= 0 && i < p->section_count ? &p->tl.sections[i] : NULL;
}

double pd_presenter_stop_t(const pd_presenter *p, int n)
{
    if (n < 0)
        return 0;
    return n <= p->stop_count ? stop_t(p, n) : p->tl.duration;
}

double pd_presenter_next_t(const pd_presenter *p)
{
    if (p->mode == PD_MODE_PLAYING && p->kind == PLAY_TO_TARGET)
        return p->target;
    double t = 0;
    int stop = 0;
    return next_place(p, normalize(p, p->t), &t, &stop) ? t : p->t;
}

/* the stop the playhead is at, or heading to when playing to one */
static int current_or_next_stop(const pd_presenter *p)
{
    int k = stop_at(p, p->t);
    if (p->mode == PD_MODE_PLAYING && p->kind == PLAY_TO_TARGET) {
        double t = 0;
        int stop = 0;
        if (next_place(p, p->t, &t, &stop) && stop > 0)
            k = stop;
    }
    return k;
}

const char *pd_presenter_note(const pd_presenter *p)
{
    int k = current_or_next_stop(p);
    return k > 0 ? p->tl.stops[k - 1].note : NULL;
}

const char *pd_presenter_stop_note(const pd_presenter *p, int n)
{
    return n >= 1 && n <= p->stop_count ? p->tl.stops[n - 1].note : NULL;
}

size_t pd_presenter_stop_title(const pd_presenter *p, int n, char *buf, size_t cap)
{
    if (n < 0) {
        if (buf && cap)
            buf[0] = 0;
        return 0;
    }
    return pd_timeline_stop_title(&p->tl, (uint32_t)n, buf, cap);
}

const pd_pen_stroke *pd_presenter_strokes(const pd_presenter *p, int *count, const pd_v2 **pts)
{
    *count = (int)p->strokes.len;
    if (pts)
        *pts = points(p);
    return strokes(p);
}

pd_presenter_view pd_presenter_get_view(const pd_presenter *p)
{
    pd_presenter_view v = {
        .hud = p->hud,
        .help = p->help,
        .blackout = p->blackout,
        .white = p->white,
        .fullscreen = p->fullscreen,
        .scrubbing = p->scrub_dir != 0 || p->dragging,
        .goto_active = p->goto_active,
        .goto_digits = p->goto_digits,
        .toast = p->now < p->toast_until ? p->toast : NULL,
        .elapsed_s = p->timer_start < 0 ? 0 : p->now - p->timer_start,
        .now_s = p->now,
        .start_screen = !p->started && p->mode == PD_MODE_HELD && p->t <= EPS,
        .title = p->title,
        .looping = p->mode == PD_MODE_HELD && p->loop_stop,
        .laser = p->laser,
        .spotlight = p->spotlight,
        .pointer_known = p->pointer_known,
        .pointer_x = p->ptr_x,
        .pointer_y = p->ptr_y,
        .pen = p->pen,
        .drawing = p->drawing,
        .pen_color = p->pen_color,
        .pen_generation = p->pen_generation,
        .frozen = p->frozen,
        .frozen_t = p->frozen_t,
        .zoom = p->zoom,
        .zoom_cx = p->zoom > 1 ? p->zoom_cx : 0.5,
        .zoom_cy = p->zoom > 1 ? p->zoom_cy : 0.5,
        .overview = p->overview,
        .overview_selected = p->overview_sel,
    };
    if (p->plan.total_s > 0) {
        v.planned_s = p->plan.total_s;
        v.remaining_s = p->plan.total_s - v.elapsed_s;
        int k = current_or_next_stop(p);
        if (k < 1)
            k = p->stop_count ? 1 : 0;
        double arrive = 0, leave = p->plan.total_s;
        if (k >= 1)
            planned_window(p, k, &arrive, &leave);
        v.stop_due_s = leave;
        v.pace = v.elapsed_s < arrive - EPS  ? PD_PACE_AHEAD
                 : v.elapsed_s > leave + EPS ? PD_PACE_BEHIND
                                             : PD_PACE_ON_TIME;
    }
    return v;
}

void pd_presenter_toast(pd_presenter *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->toast, sizeof p->toast, fmt, ap);
    va_end(ap);
    p->toast_until = p->now + PD_PRESENT_TOAST_S;
}

const char *pd_presenter_take_message(pd_presenter *p)
{
    if (!p->has_message)
        return NULL;
    p->has_message = false;
    return p->message;
}

bool pd_presenter_set_timeline(pd_presenter *p, const pd_timeline *tl, pd_err *err)
{
    int k = stop_at(p, p->t);
    if (p->plan.section_count && (int)tl->section_count != p->plan.section_count) {
        pd_err_set(err, "the reloaded talk has %u sections; --duration gives %d section times", tl->section_count,
                   p->plan.section_count);
        return false;
    }
    if (!set_timeline(p, tl, err))
        return false;
    hold_at(p, stop_t(p, k < p->stop_count ? k : p->stop_count));
    p->goto_active = false;
    p->overview = false;
    return true;
}
