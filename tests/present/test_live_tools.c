/* The speaker's live tools in the presenter's state machine, on a made-up
 * timeline and a simulated clock: loops at a stop, the planned duration and
 * its pace, the pointer (laser, spotlight), pen strokes per stop, freeze,
 * zoom, the overview grid, the start screen, and their --keys tokens.
 * Pure logic: no GL, no window. */
#include <string.h>

#include "../check.h"
#include "present/keymap.h"
#include "present/overview.h"
#include "present/presenter.h"
#include "present/script.h"

#define F (1.0 / PD_PRESENT_FPS)
#define NEAR(a, b) (fabs((double)(a) - (double)(b)) < 1e-6)

/* stops at 2 (hold 1), 5 (hold 0.5, its step 3..5 loops), 8 (hold 2); the talk moves again 10..11 */
static const pd_stop STOPS[] = {
    {.t = 2, .hold = 1, .section = 0, .note = "one\nmore", .title = "First"},
    {.t = 5, .hold = 0.5, .section = 1, .note = "two", .loop = true},
    {.t = 8, .hold = 2, .section = 1, .note = "three"},
};
static const pd_section_info SECTIONS[] = {{.t = 0, .title = "A"}, {.t = 4, .title = "B"}};

static pd_presenter *make_with(const pd_plan *plan)
{
    pd_err err = {0};
    pd_presenter *p = pd_presenter_create(
        &(pd_presenter_desc){
            .timeline = {.stops = STOPS, .stop_count = 3, .sections = SECTIONS, .section_count = 2, .duration = 11},
            .title = "A talk",
            .plan = plan},
        &err);
    CHECK(p != NULL, "create: %s", err.msg);
    return p;
}
static pd_presenter *make(void) { return make_with(NULL); }

static void settle(pd_presenter *p)
{
    for (int i = 0; i < 100 && pd_presenter_time_to_rest(p) > 0; i++)
        pd_presenter_tick(p, pd_presenter_time_to_rest(p));
}

static void test_titles(void)
{
    pd_presenter *p = make();
    char buf[32];
    CHECK(pd_presenter_stop_title(p, 1, buf, sizeof buf) == 5 && strcmp(buf, "First") == 0, "own title '%s'", buf);
    CHECK(pd_presenter_stop_title(p, 2, buf, sizeof buf) == 3 && strcmp(buf, "two") == 0, "note's line '%s'", buf);
    CHECK(pd_presenter_stop_title(p, 0, buf, sizeof buf) == 0 && !buf[0], "stop 0: none");
    CHECK(pd_presenter_stop_title(p, -1, buf, sizeof buf) == 0 && !buf[0], "stop -1: none");
    CHECK(strcmp(pd_presenter_stop_note(p, 1), "one\nmore") == 0 && !pd_presenter_stop_note(p, 4), "notes");
    pd_presenter_destroy(&p);
}

static void test_loop(void)
{
    pd_presenter *p = make();
    pd_presenter_goto_stop(p, 1, NULL);
    CHECK(!pd_presenter_get_view(p).looping && !pd_presenter_animating(p), "stop 1 does not loop");
    /* playing into the loop stop: held there, its step 3..5 repeating */
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    settle(p);
    CHECK(pd_presenter_mode(p) == PD_MODE_HELD && pd_presenter_stop(p) == 2, "held at stop 2");
    CHECK(pd_presenter_get_view(p).looping && pd_presenter_animating(p), "looping");
    CHECK(pd_presenter_time_to_rest(p) == 0, "a loop never comes to rest (settle ends)");
    CHECK_NEAR(pd_presenter_t(p), 3, 1e-9, "the loop restarts at its step's start");
    pd_presenter_tick(p, 0.5);
    CHECK_NEAR(pd_presenter_t(p), 3.5, 1e-9, "loop plays");
    pd_presenter_tick(p, 2.0);
    CHECK_NEAR(pd_presenter_t(p), 3.5, 1e-9, "and wraps seamlessly (period 2 s)");
    CHECK(pd_presenter_stop(p) == 2, "still stop 2 while the frame is inside the step");
    /* next: the loop plays to its end, then the step after stop 2 (from its hold end 5.5) */
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    CHECK(pd_presenter_mode(p) == PD_MODE_PLAYING && !pd_presenter_get_view(p).looping, "leaving the loop");
    CHECK_NEAR(pd_presenter_t(p), 3.5, 1e-9, "no jump on the key press");
    CHECK_NEAR(pd_presenter_time_to_rest(p), 1.5 + (8 - 5.5), 1e-9, "loop's rest, then the step");
    pd_presenter_tick(p, 1.0);
    CHECK_NEAR(pd_presenter_t(p), 4.5, 1e-9, "the loop's last second");
    pd_presenter_tick(p, 1.0);
    CHECK_NEAR(pd_presenter_t(p), 6.0, 1e-9, "then on past the hold (0.5 s of the next step)");
    settle(p);
    CHECK(pd_presenter_mode(p) == PD_MODE_HELD && pd_presenter_stop(p) == 3, "stop 3");
    CHECK_NEAR(pd_presenter_t(p), 8, 1e-9, "held at 8");
    /* going back to a loop stop loops again; a second next completes at once */
    pd_presenter_key(p, PD_KEY_LEFT, 0);
    CHECK(pd_presenter_get_view(p).looping, "previous into the loop stop loops");
    pd_presenter_tick(p, 0.7);
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    CHECK(pd_presenter_mode(p) == PD_MODE_HELD && pd_presenter_stop(p) == 3, "second next completes");
    CHECK_NEAR(pd_presenter_t(p), 8, 1e-9, "at stop 3");
    /* K pauses where the loop shows */
    pd_presenter_goto_stop(p, 2, NULL);
    pd_presenter_tick(p, 1.25);
    pd_presenter_key(p, 'K', 0);
    pd_presenter_key(p, 'K', 0);
    CHECK(pd_presenter_mode(p) == PD_MODE_PAUSED, "paused");
    CHECK_NEAR(pd_presenter_t(p), 4.25, 1e-9, "paused at the loop's frame");
    /* --keys: the runner sees the loop's time */
    pd_presenter_goto_stop(p, 2, NULL);
    pd_err err = {0};
    pd_script *sc = pd_script_parse("wait:0.25 wait:2", &err);
    CHECK(sc != NULL, "parse: %s", err.msg);
    pd_presenter_tick(p, 0.25);
    CHECK_NEAR(pd_presenter_t(p), 3.25, 1e-9, "loop by ticks");
    pd_script_free(&sc);
    pd_presenter_destroy(&p);

    /* a loop flag on a step of no length does not loop */
    static const pd_stop ZERO[] = {{.t = 2, .hold = 1}, {.t = 3, .hold = 1, .loop = true}};
    p = pd_presenter_create(&(pd_presenter_desc){.timeline = {.stops = ZERO, .stop_count = 2, .duration = 5}}, &err);
    pd_presenter_goto_stop(p, 2, NULL);
    CHECK(!pd_presenter_get_view(p).looping, "empty step: no loop");
    pd_presenter_destroy(&p);
}

static void test_plan_parse(void)
{
    pd_plan pl;
    pd_err err = {0};
    struct {
        const char *s;
        double total;
        int sections;
    } ok[] = {{"20m", 1200, 0},  {"20", 1200, 0},  {"90s", 90, 0},           {"1h30m", 5400, 0},   {"1:30:00", 5400, 0},
              {"12:30", 750, 0}, {"2.5m", 150, 0}, {"5m,8m,4m,3m", 1200, 4}, {"1m30s,30s", 120, 2}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        CHECK(pd_plan_parse(ok[i].s, &pl, &err), "'%s': %s", ok[i].s, err.msg);
        CHECK_NEAR(pl.total_s, ok[i].total, 1e-9, ok[i].s);
        CHECK(pl.section_count == ok[i].sections, "'%s': %d sections", ok[i].s, pl.section_count);
    }
    CHECK(pl.section_s[0] == 90 && pl.section_s[1] == 30, "section times");
    const char *bad[] = {"", "0", "-5m", "abc", "5x", "m", "5m,", ",5m", "1:2:3:4", "nan", "5m5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.msg[0] = 0;
        CHECK(!pd_plan_parse(bad[i], &pl, &err) && strstr(err.msg, "--duration"), "'%s' is refused: %s", bad[i],
              err.msg);
    }
}

static void test_pace(void)
{
    pd_err err = {0};
    pd_presenter *p = make();
    CHECK(pd_presenter_get_view(p).pace == PD_PACE_NONE, "no plan: no pace");
    pd_presenter_destroy(&p);

    /* 30 minutes over 3 stops: stop k's share is [10(k-1), 10k] minutes */
    pd_plan pl;
    CHECK(pd_plan_parse("30m", &pl, &err), "%s", err.msg);
    p = make_with(&pl);
    pd_presenter_view v = pd_presenter_get_view(p);
    CHECK(v.pace == PD_PACE_ON_TIME && v.planned_s == 1800 && v.remaining_s == 1800, "before the start: on time");
    pd_presenter_key(p, PD_KEY_RIGHT, 0); /* the timer starts */
    settle(p);
    pd_presenter_tick(p, 5 * 60);
    v = pd_presenter_get_view(p);
    CHECK(v.pace == PD_PACE_ON_TIME, "stop 1 at 5 min: on time (%s)", pd_pace_name(v.pace));
    CHECK_NEAR(v.remaining_s, 1800 - 300 - (2 - F), 1e-6, "remaining: the timer started with the first step");
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    settle(p);
    v = pd_presenter_get_view(p);
    CHECK(v.pace == PD_PACE_AHEAD, "stop 2 at ~5 min (planned from 10): ahead (%s)", pd_pace_name(v.pace));
    pd_presenter_tick(p, 10 * 60);
    v = pd_presenter_get_view(p);
    CHECK(v.pace == PD_PACE_ON_TIME, "stop 2 at 15 min: on time (%s)", pd_pace_name(v.pace));
    CHECK_NEAR(v.stop_due_s, 1200, 1e-9, "stop 2 is due to end at 20 min");
    pd_presenter_tick(p, 6 * 60);
    v = pd_presenter_get_view(p);
    CHECK(v.pace == PD_PACE_BEHIND, "stop 2 at 21 min: behind (%s)", pd_pace_name(v.pace));
    pd_presenter_tick(p, 10 * 60);
    v = pd_presenter_get_view(p);
    CHECK(v.remaining_s < 0 && v.pace == PD_PACE_BEHIND, "over time: %g", v.remaining_s);
    pd_presenter_destroy(&p);

    /* per-section times: section A (stop 1) 2 min, section B (stops 2, 3) 10 min: 5 each */
    CHECK(pd_plan_parse("2m,10m", &pl, &err), "%s", err.msg);
    p = make_with(&pl);
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    settle(p);
    pd_presenter_tick(p, 3 * 60);
    CHECK(pd_presenter_get_view(p).pace == PD_PACE_BEHIND, "stop 1 after its 2 min: behind");
    pd_presenter_key(p, PD_KEY_END, 0);
    v = pd_presenter_get_view(p);
    CHECK(v.pace == PD_PACE_AHEAD && v.stop_due_s == 12 * 60, "stop 3 at 3 min (planned from 7): ahead, due %g",
          v.stop_due_s);
    pd_presenter_destroy(&p);

    /* section times that do not match the talk's sections are refused */
    CHECK(pd_plan_parse("2m,3m,4m", &pl, &err), "%s", err.msg);
    p = pd_presenter_create(
        &(pd_presenter_desc){
            .timeline = {.stops = STOPS, .stop_count = 3, .sections = SECTIONS, .section_count = 2, .duration = 11},
            .plan = &pl},
        &err);
    CHECK(p == NULL && strstr(err.msg, "3 section times"), "3 section times for 2 sections refused: %s", err.msg);
    p = make();
    CHECK(!pd_presenter_set_plan(p, &pl, &err) && strstr(err.msg, "2 sections"), "set_plan says why: %s", err.msg);
    CHECK(pd_presenter_get_view(p).pace == PD_PACE_NONE, "nothing changed");
    pd_presenter_destroy(&p);
}

static void test_pointer(void)
{
    pd_presenter *p = make();
    pd_presenter_view v = pd_presenter_get_view(p);
    CHECK(!v.laser && !v.spotlight && !v.pointer_known, "off at start");
    CHECK(pd_presenter_mouse_move(p, 0.3, 0.4) == 0, "a move without the laser changes nothing shown");
    CHECK(pd_presenter_key(p, 'L', 0) & PD_ACT_CHANGED, "L");
    CHECK(pd_presenter_mouse_move(p, 0.25, 0.75) & PD_ACT_CHANGED, "with the laser a move redraws");
    v = pd_presenter_get_view(p);
    CHECK(v.laser && v.pointer_known && v.pointer_x == 0.25 && v.pointer_y == 0.75, "laser at the pointer");
    pd_presenter_key(p, 'L', PD_MOD_SHIFT);
    v = pd_presenter_get_view(p);
    CHECK(v.laser && v.spotlight, "shift+L: spotlight");
    /* a click is still next with the laser on */
    pd_presenter_mouse_down(p, 0, 0.2, 0.2);
    CHECK(pd_presenter_mode(p) == PD_MODE_PLAYING, "click plays");
    /* Esc leaves spotlight, then laser, then quits */
    CHECK(pd_presenter_key(p, PD_KEY_ESCAPE, 0) == PD_ACT_CHANGED && !pd_presenter_get_view(p).spotlight, "esc 1");
    CHECK(pd_presenter_key(p, PD_KEY_ESCAPE, 0) == PD_ACT_CHANGED && !pd_presenter_get_view(p).laser, "esc 2");
    CHECK(pd_presenter_key(p, PD_KEY_ESCAPE, 0) == PD_ACT_QUIT, "esc 3 quits");
    pd_presenter_destroy(&p);
}

static int strokes_at(const pd_presenter *p, int stop)
{
    int n = 0, count = 0;
    const pd_pen_stroke *s = pd_presenter_strokes(p, &count, NULL);
    for (int i = 0; i < count; i++)
        n += s[i].stop == stop;
    return n;
}

static void test_pen(void)
{
    pd_presenter *p = make();
    pd_presenter_goto_stop(p, 1, NULL);
    pd_presenter_key(p, 'D', 0);
    CHECK(pd_presenter_get_view(p).pen, "D: pen on");
    /* a press draws instead of going on */
    pd_presenter_mouse_down(p, 0, 0.1, 0.1);
    CHECK(pd_presenter_get_view(p).drawing && pd_presenter_mode(p) == PD_MODE_HELD, "drawing, not playing");
    pd_presenter_mouse_move(p, 0.2, 0.1);
    pd_presenter_mouse_move(p, 0.2001, 0.1); /* too close: not kept */
    pd_presenter_mouse_move(p, 0.3, 0.2);
    pd_presenter_mouse_up(p, 0, 0.3, 0.2);
    int count = 0;
    const pd_v2 *pts = NULL;
    const pd_pen_stroke *s = pd_presenter_strokes(p, &count, &pts);
    CHECK(count == 1 && s[0].stop == 1 && s[0].count == 3 && s[0].color == 0, "one stroke of 3 points at stop 1");
    CHECK(count == 1 && NEAR(pts[s[0].first + 2].x, 0.3) && NEAR(pts[s[0].first + 2].y, 0.2), "its last point");
    /* colours: 1..5 while the pen is on, C cycles; sections keys still work with the pen off */
    pd_presenter_key(p, '3', 0);
    CHECK(pd_presenter_get_view(p).pen_color == 2 && pd_presenter_stop(p) == 1, "3 picks green, no section jump");
    pd_presenter_key(p, 'C', 0);
    CHECK(pd_presenter_get_view(p).pen_color == 3, "C cycles");
    pd_presenter_mouse_down(p, 0, 0.5, 0.5); /* a dot */
    pd_presenter_mouse_up(p, 0, 0.5, 0.5);
    s = pd_presenter_strokes(p, &count, &pts);
    CHECK(count == 2 && s[1].count == 2 && s[1].color == 3, "a click makes a dot (2 points)");
    /* script: draw token */
    pd_err err = {0};
    pd_script *sc = pd_script_parse("draw:0.1:0.5:0.4:0.5:0.4:0.8", &err);
    CHECK(sc && pd_script_count(sc) == 1, "draw parses: %s", err.msg);
    if (sc)
        pd_script_apply(p, pd_script_at(sc, 0), NULL, NULL);
    pd_script_free(&sc);
    s = pd_presenter_strokes(p, &count, &pts);
    /* 17 points were moved through; the finished stroke keeps its ends and its corner */
    CHECK(count == 3 && s[2].count == 3 && NEAR(pts[s[2].first].x, 0.1) && NEAR(pts[s[2].first + 1].x, 0.4) &&
              NEAR(pts[s[2].first + 1].y, 0.5) && NEAR(pts[s[2].first + 2].y, 0.8),
          "draw: one stroke, simplified to its corners (%d points)", count == 3 ? (int)s[2].count : -1);
    /* strokes belong to their stop: away and back */
    pd_presenter_key(p, 'D', 0);
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    settle(p);
    CHECK(pd_presenter_stop(p) == 2 && strokes_at(p, 1) == 3 && strokes_at(p, 2) == 0, "stop 2 has none");
    pd_presenter_key(p, 'D', 0);
    pd_presenter_mouse_down(p, 0, 0.6, 0.6);
    pd_presenter_mouse_move(p, 0.7, 0.6);
    pd_presenter_mouse_up(p, 0, 0.7, 0.6);
    CHECK(strokes_at(p, 2) == 1, "a stroke at stop 2");
    /* undo and clear act on the current stop only */
    pd_presenter_key(p, PD_KEY_LEFT, 0);
    CHECK(pd_presenter_stop(p) == 1, "back to stop 1");
    CHECK(pd_presenter_key(p, 'Z', PD_MOD_CTRL) & PD_ACT_CHANGED, "ctrl+z");
    CHECK(strokes_at(p, 1) == 2 && strokes_at(p, 2) == 1, "undo removed stop 1's last stroke");
    CHECK(pd_presenter_get_view(p).zoom == 1, "ctrl+z does not zoom");
    s = pd_presenter_strokes(p, &count, &pts);
    CHECK(count == 3 && s[2].stop == 2 && NEAR(pts[s[2].first].x, 0.6), "stop 2's stroke kept its points");
    pd_presenter_key(p, 'E', 0);
    CHECK(strokes_at(p, 1) == 0 && strokes_at(p, 2) == 1, "E clears stop 1 only");
    CHECK(pd_presenter_key(p, 'E', 0) == 0, "nothing left to clear");
    /* Esc: pen off first */
    pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    CHECK(!pd_presenter_get_view(p).pen, "esc: pen off");
    /* with the pen off, digits jump to sections again and a click plays */
    pd_presenter_key(p, '2', 0);
    CHECK(pd_presenter_section(p) == 1, "2: section 2");
    pd_presenter_destroy(&p);
}

static void test_freeze_zoom(void)
{
    pd_presenter *p = make();
    pd_presenter_goto_stop(p, 2, NULL);
    pd_presenter_tick(p, 0.5);
    pd_presenter_key(p, 'F', PD_MOD_SHIFT);
    CHECK(pd_presenter_get_view(p).frozen && !pd_presenter_get_view(p).fullscreen, "shift+F freezes, no fullscreen");
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    settle(p);
    CHECK_NEAR(pd_presenter_t(p), 8, 1e-9, "the speaker moved on");
    pd_presenter_tick(p, 0.2);
    CHECK_NEAR(pd_presenter_audience_t(p), 3.5, 1e-9, "the audience holds the loop's frame at the freeze");
    pd_presenter_key(p, 'F', PD_MOD_SHIFT);
    CHECK_NEAR(pd_presenter_audience_t(p), pd_presenter_t(p), 1e-9, "thawed");

    /* zoom: Z at the pointer, wheel for more, capped; Z or Esc leaves */
    pd_presenter_mouse_move(p, 0.3, 0.4);
    pd_presenter_key(p, 'Z', 0);
    pd_presenter_view v = pd_presenter_get_view(p);
    CHECK(v.zoom == 2 && v.zoom_cx == 0.3 && v.zoom_cy == 0.4, "Z: 2x at the pointer (%g %g %g)", v.zoom, v.zoom_cx,
          v.zoom_cy);
    double t = pd_presenter_t(p);
    pd_presenter_scroll(p, 1);
    CHECK_NEAR(pd_presenter_get_view(p).zoom, 2.5, 1e-9, "wheel while zoomed zooms");
    CHECK(pd_presenter_t(p) == t, "and does not scrub");
    pd_presenter_scroll(p, 30);
    v = pd_presenter_get_view(p);
    CHECK(v.zoom == PD_ZOOM_MAX, "capped at 8x");
    CHECK_NEAR(v.zoom_cx, 0.3, 1e-9, "centre kept inside: x");
    pd_presenter_mouse_move(p, 0.01, 0.01);
    pd_presenter_zoom_scroll(p, -100);
    CHECK(pd_presenter_get_view(p).zoom == 1, "zoomed out to 1x: off");
    pd_presenter_zoom_scroll(p, 3);
    v = pd_presenter_get_view(p);
    CHECK_NEAR(v.zoom, 1.953125, 1e-9, "ctrl+wheel from 1x");
    CHECK_NEAR(v.zoom_cx, 0.5 / v.zoom, 1e-9, "a centre near the corner is clamped so the view stays in the frame");
    pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    CHECK(pd_presenter_get_view(p).zoom == 1, "esc leaves zoom");
    /* pen strokes drawn while zoomed land where they are on the talk */
    pd_presenter_mouse_move(p, 0.5, 0.5);
    pd_presenter_key(p, 'Z', 0);
    pd_presenter_key(p, 'D', 0);
    pd_presenter_mouse_down(p, 0, 0.5, 0.5);
    pd_presenter_mouse_up(p, 0, 1.0, 0.5);
    int count = 0;
    const pd_v2 *pts = NULL;
    const pd_pen_stroke *s = pd_presenter_strokes(p, &count, &pts);
    CHECK(count == 1 && NEAR(pts[s[0].first + 1].x, 0.75) && NEAR(pts[s[0].first + 1].y, 0.5),
          "the frame's right edge at 2x about the centre is the talk's 0.75");
    /* script tokens */
    pd_err err = {0};
    pd_script *sc = pd_script_parse("z pointer:0.2:0.3 ctrl+wheel:2 click:0.5:0.5", &err);
    CHECK(sc && pd_script_count(sc) == 4, "tokens parse: %s", err.msg);
    pd_script_free(&sc);
    const char *bad[] = {"pointer:0.2",      "pointer:a:b",  "draw:0.1:0.1",
                         "draw:0.1:0.1:0.2", "ctrl+wheel:x", "pointer:0.1:0.2:0.3:0.4",
                         "click:5:5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sc = pd_script_parse(bad[i], &err);
        CHECK(!sc && strstr(err.msg, "--keys"), "'%s' refused: %s", bad[i], err.msg);
        pd_script_free(&sc);
    }
    pd_presenter_destroy(&p);
}

/* 14 stops in 3 sections (4, 3, 7) for the overview's layout */
static void test_overview(void)
{
    pd_stop st[14];
    for (int i = 0; i < 14; i++)
        st[i] = (pd_stop){.t = 1 + i, .hold = 0.5, .section = i < 4 ? 0 : i < 7 ? 1 : 2};
    pd_section_info sec[3] = {{.t = 0, .title = "a"}, {.t = 4.6, .title = "b"}, {.t = 7.6, .title = "c"}};
    pd_timeline tl = {.stops = st, .stop_count = 14, .sections = sec, .section_count = 3, .duration = 16};
    pd_overview_grid g = pd_overview_grid_make(&tl);
    CHECK(g.columns >= 3 && g.bands == 3 && g.thumb_w > 0.12, "layout: %d columns, %d bands, thumbs %.3f", g.columns,
          g.bands, g.thumb_w);
    /* every cell inside the area, none overlapping, sections on their own rows */
    for (int a = 1; a <= 14; a++) {
        pd_overview_cell c = pd_overview_cell_of(&g, &tl, a);
        CHECK(c.x >= PD_OVERVIEW_X0 - 1e-9 && c.x + c.w <= PD_OVERVIEW_X1 + 1e-9 && c.y >= PD_OVERVIEW_Y0 &&
                  c.y + c.h + PD_OVERVIEW_CAPTION_H <= PD_OVERVIEW_Y1 + 1e-9,
              "cell %d inside (%.3f %.3f %.3f %.3f)", a, c.x, c.y, c.w, c.h);
        CHECK(pd_overview_hit(&g, &tl, c.x + c.w / 2, c.y + c.h / 2) == a, "hit test finds %d", a);
        for (int b = 1; b < a; b++) {
            pd_overview_cell d = pd_overview_cell_of(&g, &tl, b);
            CHECK(c.x >= d.x + d.w || d.x >= c.x + c.w || c.y >= d.y + d.h || d.y >= c.y + c.h, "%d and %d overlap", a,
                  b);
            if (st[a - 1].section != st[b - 1].section)
                CHECK(c.row != d.row, "stops %d and %d of different sections share a row", a, b);
        }
    }
    CHECK(pd_overview_cell_of(&g, &tl, 1).band_first && pd_overview_cell_of(&g, &tl, 5).band_first &&
              !pd_overview_cell_of(&g, &tl, 6).band_first,
          "band heads");
    CHECK(pd_overview_hit(&g, &tl, 0.001, 0.001) == 0, "no hit outside");
    /* moving by row keeps the column (or the row's last) */
    CHECK(pd_overview_move(&g, &tl, 2, 1, 0) == 6, "down from stop 2 (col 1): stop 6 (col 1 of section b)");
    CHECK(pd_overview_move(&g, &tl, 4, 1, 0) == 7, "down from col 3: the shorter row's last");
    CHECK(pd_overview_move(&g, &tl, 6, -1, 0) == 2, "up");
    CHECK(pd_overview_move(&g, &tl, 1, -1, 0) == 1, "up from the top stays");
    CHECK(pd_overview_move(&g, &tl, 14, 0, 1) == 14 && pd_overview_move(&g, &tl, 1, 0, -1) == 1, "clamped");

    pd_err err = {0};
    pd_presenter *p = pd_presenter_create(&(pd_presenter_desc){.timeline = tl}, &err);
    pd_presenter_goto_stop(p, 3, NULL);
    pd_presenter_key(p, PD_KEY_TAB, 0);
    pd_presenter_view v = pd_presenter_get_view(p);
    CHECK(v.overview && v.overview_selected == 3, "tab opens at the current stop");
    pd_presenter_key(p, PD_KEY_DOWN, 0);
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    CHECK(pd_presenter_get_view(p).overview_selected == 8, "down, right: 8 (%d)",
          pd_presenter_get_view(p).overview_selected);
    CHECK(pd_presenter_t(p) == 3, "arrows only select");
    pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    CHECK(!pd_presenter_get_view(p).overview && pd_presenter_stop(p) == 3, "esc returns, nothing moved");
    pd_presenter_key(p, 'O', 0);
    pd_presenter_key(p, PD_KEY_END, 0);
    pd_presenter_key(p, PD_KEY_ENTER, 0);
    CHECK(!pd_presenter_get_view(p).overview && pd_presenter_stop(p) == 14, "O, End, Enter: stop 14");
    /* the mouse: a move selects, a click jumps */
    pd_presenter_key(p, 'O', 0);
    pd_overview_cell c = pd_overview_cell_of(&g, &tl, 5);
    pd_presenter_mouse_move(p, c.x + 0.01, c.y + 0.01);
    CHECK(pd_presenter_get_view(p).overview_selected == 5, "hover selects");
    pd_presenter_mouse_down(p, 0, c.x + 0.01, c.y + 0.01);
    CHECK(!pd_presenter_get_view(p).overview && pd_presenter_stop(p) == 5 && pd_presenter_mode(p) == PD_MODE_HELD,
          "click jumps to 5");
    /* another key leaves the overview and does its own thing */
    pd_presenter_key(p, 'O', 0);
    pd_presenter_key(p, 'H', 0);
    CHECK(!pd_presenter_get_view(p).overview && pd_presenter_get_view(p).hud, "H leaves it and shows the HUD");
    pd_presenter_destroy(&p);
}

static void test_start_screen(void)
{
    pd_presenter *p = make();
    pd_presenter_view v = pd_presenter_get_view(p);
    CHECK(v.start_screen && v.title && strcmp(v.title, "A talk") == 0, "title card at stop 0");
    CHECK(pd_presenter_key(p, PD_KEY_ESCAPE, 0) == PD_ACT_CHANGED, "esc on the card does not quit");
    CHECK(!pd_presenter_get_view(p).start_screen && pd_presenter_t(p) == 0, "the card is gone, nothing moved");
    pd_presenter_destroy(&p);
    p = make();
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    CHECK(!pd_presenter_get_view(p).start_screen && pd_presenter_mode(p) == PD_MODE_PLAYING,
          "the first key also does its own thing");
    pd_presenter_destroy(&p);
    p = make();
    pd_presenter_goto_stop(p, 2, NULL);
    CHECK(!pd_presenter_get_view(p).start_screen, "a talk opened at another stop has no card");
    pd_presenter_destroy(&p);
}

int main(void)
{
    test_titles();
    test_loop();
    test_plan_parse();
    test_pace();
    test_pointer();
    test_pen();
    test_freeze_zoom();
    test_overview();
    test_start_screen();
    return check_exit();
}
