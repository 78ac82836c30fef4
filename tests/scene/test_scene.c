/* Scene unit tests (no GL): Manim's layout rules on small objects, the
 * Arrow/SurroundingRectangle constructions, frame counting, stops and
 * sections, track evaluation at 25/50/75% of Write and Create, and API
 * misuse reported by name without a crash. */
#include <math.h>
#include <string.h>

#include "../check.h"
#include "core/file.h"
#include "scene/gpu_data.h"
#include "scene/introspect.h"
#include "scene/scene.h"
#include "scene/timeline.h"
#include "scene/scene_internal.h"
#include "talks/talks.h"

static pd_fonts *g_fonts;

static pd_scene *fresh(void) { return pd_scene_create(g_fonts); }

static void box(pd_scene *s, pd_mob m, float *x0, float *y0, float *x1, float *y1) { scene_box(s, m, x0, y0, x1, y1); }

static void test_layout_rules(void)
{
    pd_scene *s = fresh();
    float x0, y0, x1, y1;
    /* a 2x1 rectangle, moved and placed next to another with buff */
    pd_mob a = pd_rectangle(s, &(pd_shape_style){.width = 2, .height = 1});
    pd_mob b = pd_square(s, 0.5f, NULL);
    pd_move_to(s, a, (pd_v2){1, 1});
    box(s, a, &x0, &y0, &x1, &y1);
    CHECK(x0 == 0 && x1 == 2 && y0 == 0.5f && y1 == 1.5f, "move_to box %g %g %g %g", x0, y0, x1, y1);
    pd_next_to(s, b, a, PD_RIGHT, 0.25f);
    box(s, b, &x0, &y0, &x1, &y1);
    CHECK_NEAR(x0, 2.25, 1e-5, "next_to RIGHT: left edge = right edge + buff");
    CHECK_NEAR((y0 + y1) / 2, 1.0, 1e-5, "next_to RIGHT: centres aligned vertically");
    pd_next_to_aligned(s, b, a, PD_DOWN, 0.1f, PD_LEFT);
    box(s, b, &x0, &y0, &x1, &y1);
    CHECK_NEAR(x0, 0.0, 1e-5, "next_to DOWN aligned LEFT: left edges equal");
    CHECK_NEAR(y1, 0.4, 1e-5, "next_to DOWN: top = bottom - buff");
    /* to_edge(UP, 0.35): top at 3.65, x unchanged */
    pd_to_edge(s, a, PD_UP, 0.35f);
    box(s, a, &x0, &y0, &x1, &y1);
    CHECK_NEAR(y1, 3.65, 1e-5, "to_edge UP");
    CHECK_NEAR(x0, 0.0, 1e-5, "to_edge keeps x");
    pd_to_edge(s, a, PD_LEFT, 0.5f);
    box(s, a, &x0, &y0, &x1, &y1);
    CHECK_NEAR(x0, -64.0 / 9.0 + 0.5, 1e-5, "to_edge LEFT");
    /* align_to RIGHT */
    pd_align_to(s, b, a, PD_RIGHT);
    float bx1;
    box(s, b, &x0, &y0, &bx1, &y1);
    box(s, a, &x0, &y0, &x1, &y1);
    CHECK_NEAR(bx1, x1, 1e-5, "align_to RIGHT: right edges equal");
    /* arrange(RIGHT, buff 1.5) then centred at the origin */
    pd_mob c1 = pd_square(s, 1, NULL), c2 = pd_square(s, 2, NULL), c3 = pd_square(s, 1, NULL);
    pd_mob g = PD_VGROUP(s, c1, c2, c3);
    pd_arrange(s, g, PD_RIGHT, 1.5f, PD_ORIGIN);
    box(s, g, &x0, &y0, &x1, &y1);
    CHECK_NEAR(x1 - x0, 1 + 1.5 + 2 + 1.5 + 1, 1e-5, "arrange width");
    CHECK_NEAR(x0 + x1, 0, 1e-5, "arrange centres the group at the origin (x)");
    CHECK_NEAR(y0 + y1, 0, 1e-5, "arrange centres the group at the origin (y)");
    box(s, c2, &x0, &y0, &x1, &y1);
    CHECK_NEAR(x0, -1.0, 1e-5, "arranged middle child");
    /* scale about the centre, shift */
    pd_scale(s, c2, 0.5f);
    box(s, c2, &x0, &y0, &x1, &y1);
    CHECK_NEAR(x1 - x0, 1.0, 1e-5, "scale 0.5 width");
    CHECK_NEAR(x0 + x1, 0.0, 1e-5, "scale keeps the centre");
    pd_shift(s, c2, (pd_v2){1, -1});
    CHECK_NEAR(pd_get_center(s, c2).x, 1.0, 1e-5, "shift x");
    CHECK_NEAR(pd_get_bottom(s, c2).y, -1.5, 1e-5, "get_bottom");
    CHECK_NEAR(pd_get_left(s, c2).x, 0.5, 1e-5, "get_left");
    /* rotate(PI/6) about the centre: the box of the rotated anchors */
    pd_mob r = pd_rectangle(s, &(pd_shape_style){.width = 2, .height = 1});
    pd_rotate(s, r, (float)(PD_PI / 6));
    box(s, r, &x0, &y0, &x1, &y1);
    CHECK_NEAR(x1 - x0, 2 * cos(PD_PI / 6) + sin(PD_PI / 6), 1e-4, "rotated box width");
    CHECK_NEAR(y1 - y0, 2 * sin(PD_PI / 6) + cos(PD_PI / 6), 1e-4, "rotated box height");
    /* Manim's measured rotation of "The" F=9: 0.2664x0.0969 -> 0.2677x0.1697 (3% tolerance) */
    pd_scene_set_pango_grid(s, true); /* the width enters the rotated height: Manim's spacing */
    pd_mob the = pd_text(s, &(pd_text_style){.str = "The", .font_size = 9});
    pd_rotate(s, the, (float)(PD_PI / 6));
    CHECK_NEAR(pd_height(s, the), 0.1697, 0.1697 * 0.03, "rotated 'The' height");
    pd_scene_destroy(&s);
}

static void test_shapes(void)
{
    pd_scene *s = fresh();
    /* Arrow (§5.3): long arrows lose buff 0.25 at both ends, tip = min(tip, L/4) */
    pd_mob a =
        pd_arrow(s, (pd_v2){0, 0}, (pd_v2){0, -3.0224f}, &(pd_arrow_style){.stroke_width = 2, .tip_length = 0.08f});
    CHECK_NEAR(pd_height(s, a), 3.0224 - 0.5, 1e-4, "arrow trimmed by buff at both ends");
    mob *shaft = scene_mob(s, pd_at(s, a, 0)), *tip = scene_mob(s, pd_at(s, a, 1));
    CHECK_NEAR(shaft->cur.width, 2.0, 1e-6, "arrow shaft width");
    CHECK_NEAR(hypotf(tip->pts[1].x - tip->pts[2].x, tip->pts[1].y - tip->pts[2].y), 0.08, 1e-5,
               "tip base = tip length");
    /* short arrow: no buff, tip = L/4, width min(w, 5L) */
    pd_mob b =
        pd_arrow(s, (pd_v2){0, 0}, (pd_v2){0, -0.17f}, &(pd_arrow_style){.stroke_width = 1.2f, .tip_length = 0.07f});
    CHECK_NEAR(pd_height(s, b), 0.17, 1e-5, "short arrow keeps its ends (no buff)");
    tip = scene_mob(s, pd_at(s, b, 1));
    CHECK_NEAR(hypotf(tip->pts[1].x - tip->pts[2].x, tip->pts[1].y - tip->pts[2].y), 0.0425, 1e-5, "tip = L/4");
    shaft = scene_mob(s, pd_at(s, b, 0));
    CHECK_NEAR(shaft->cur.width, 0.85, 1e-5, "shaft width min(w, 5L)");
    /* in_arr iteration 5 of the seed: raw 0.8821 -> L 0.3821, width 5L = 1.9107 */
    pd_mob c =
        pd_arrow(s, (pd_v2){0, 0}, (pd_v2){0.8821f, 0}, &(pd_arrow_style){.stroke_width = 2, .tip_length = 0.08f});
    CHECK_NEAR(scene_mob(s, pd_at(s, c, 0))->cur.width, 1.9105, 1e-3, "shaft width 5L");
    /* SurroundingRectangle: box grown by buff per side */
    pd_mob sq = pd_square(s, 0.52f, NULL);
    pd_move_to(s, sq, (pd_v2){1, 1});
    pd_mob sr = pd_surrounding_rectangle(s, sq, &(pd_surround_style){.buff = 0.04f});
    CHECK_NEAR(pd_width(s, sr), 0.60, 1e-5, "surrounding rectangle width");
    CHECK_NEAR(pd_get_center(s, sr).x, 1.0, 1e-5, "surrounding rectangle centre");
    CHECK(scene_mob(s, sr)->cur.stroke.r == 1 && scene_mob(s, sr)->cur.stroke.g == 1, "default colour YELLOW");
    CHECK_NEAR(scene_mob(s, sr)->cur.width, 4, 0, "default stroke width 4");
    /* Text: Manim's size rule and N */
    pd_mob t = pd_text(s, &(pd_text_style){.str = "x (hidden states)", .font_size = 15});
    CHECK(pd_len(s, t) == 15, "Text N = visible glyphs (%u)", pd_len(s, t));
    CHECK_NEAR(pd_height(s, t), 0.1914, 0.1914 * 0.03, "Text height");
    /* MathTex: the full formula has 35 members as Manim's */
    pd_mob eq =
        pd_mathtex(s, &(pd_tex_style){.tex = "\\operatorname{Attention}(Q,K,V)=\\operatorname{softmax}\\!\\left("
                                             "\\frac{QK^\\top}{\\sqrt{d_k}}\\right)\\!V",
                                      .font_size = 36});
    CHECK(pd_len(s, eq) == 35, "MathTex members %u, Manim 35", pd_len(s, eq));
    CHECK_NEAR(pd_width(s, eq), 6.7030, 6.7030 * 0.03, "MathTex width");
    CHECK_NEAR(pd_height(s, eq), 0.9244, 0.9244 * 0.03, "MathTex height");
    pd_scene_destroy(&s);
}

static void test_timing(void)
{
    pd_scene *s = fresh();
    pd_mob t = pd_text(s, &(pd_text_style){.str = "Write me", .font_size = 20}); /* N = 7 < 15: 1 s */
    pd_mob sq = pd_square(s, 1, NULL);
    pd_section(s, "one");
    pd_play_(s, pd_write(t));
    pd_play_rt(s, 0.015, pd_fade_in_scale(sq, 0.6f));
    pd_play_rt(s, 0.12, pd_create(sq));
    pd_note(s, "hello");
    pd_wait(s, 0.15);
    pd_section(s, "two");
    pd_play_rt(s, 0.08, pd_fade_out(sq));
    pd_wait(s, 1.2);
    /* frames: 60 + 1 + 8 + 9 + 5 + 72 */
    CHECK(pd_scene_timeline(s).frames == 155, "frames %u, want 155", pd_scene_timeline(s).frames);
    CHECK(pd_scene_play(s, 1).frames == 1, "run_time 0.015 is one frame");
    CHECK(pd_scene_play(s, 2).frames == 8, "run_time 0.12 is 8 frames (7.2 up)");
    CHECK(pd_scene_play(s, 3).frames == 9, "wait 0.15 is 9 frames");
    CHECK(pd_scene_play(s, 4).frames == 5, "run_time 0.08 is 5 frames");
    CHECK(pd_scene_timeline(s).stop_count == 2, "two stops");
    const pd_stop *st = &pd_scene_timeline(s).stops[0];
    CHECK_NEAR(st->t, 69.0 / 60, 1e-9, "stop 1 time");
    CHECK_NEAR(st->hold, 0.15, 1e-9, "stop 1 hold");
    CHECK(st->note && strcmp(st->note, "hello") == 0, "note attached to the next stop");
    CHECK(pd_scene_timeline(s).stops[1].section == 1, "stop 2 in section two");
    CHECK_NEAR(pd_scene_timeline(s).sections[1].t, 78.0 / 60, 1e-9, "section two starts where its play begins");
    CHECK_NEAR(pd_scene_timeline(s).duration, 155.0 / 60, 1e-9, "duration");
    pd_scene_destroy(&s);
}

/* Stop titles: pd_stop_title titles the next stop; without one the first
 * line of its note does; pd_stop_loop marks the next stop's step a loop. */
static void test_stop_titles(void)
{
    pd_scene *s = fresh();
    pd_mob sq = pd_square(s, 1, NULL);
    pd_play_(s, pd_create(sq));
    pd_stop_title(s, "The square");
    pd_note(s, "A square appears.\nSecond line.");
    pd_wait(s, 0.5);
    pd_play_(s, pd_fade_out(sq));
    pd_note(s, "  It fades away  \nthen nothing");
    pd_stop_loop(s);
    pd_wait(s, 0.5);
    pd_play_(s, pd_fade_in(sq));
    pd_wait(s, 0.5);
    pd_timeline tl = pd_scene_timeline(s);
    char buf[64];
    CHECK(tl.stop_count == 3, "three stops");
    CHECK(pd_timeline_stop_title(&tl, 1, buf, sizeof buf) == 10 && strcmp(buf, "The square") == 0,
          "stop 1's own title: '%s'", buf);
    CHECK(pd_timeline_stop_title(&tl, 2, buf, sizeof buf) == 13 && strcmp(buf, "It fades away") == 0,
          "stop 2: first line of its note, trimmed: '%s'", buf);
    CHECK(pd_timeline_stop_title(&tl, 3, buf, sizeof buf) == 0 && buf[0] == 0, "stop 3: neither: '%s'", buf);
    CHECK(pd_timeline_stop_title(&tl, 0, buf, sizeof buf) == 0, "stop 0 has no title");
    CHECK(pd_timeline_stop_title(&tl, 9, buf, sizeof buf) == 0, "out of range");
    CHECK(pd_timeline_stop_title(&tl, 1, buf, 5) == 4 && strcmp(buf, "The ") == 0, "cut to the buffer: '%s'", buf);
    CHECK(!tl.stops[0].loop && tl.stops[1].loop && !tl.stops[2].loop, "pd_stop_loop marks only the next stop");
    CHECK(tl.stops[2].title == NULL, "a title is used once");
    pd_scene_destroy(&s);

    /* the GQA talk titles each of its 24 stops, shortly and differently */
    s = fresh();
    pd_talk_gqa(s);
    tl = pd_scene_timeline(s);
    CHECK(tl.stop_count == 24, "GQA has 24 stops (%u)", tl.stop_count);
    for (uint32_t i = 1; i <= tl.stop_count; i++) {
        size_t n = pd_timeline_stop_title(&tl, i, buf, sizeof buf);
        CHECK(tl.stops[i - 1].title && n > 0 && n <= 40, "GQA stop %u has a short title of its own: '%s'", i, buf);
        for (uint32_t j = 1; j < i; j++)
            CHECK(!tl.stops[j - 1].title || !tl.stops[i - 1].title ||
                      strcmp(tl.stops[j - 1].title, tl.stops[i - 1].title) != 0,
                  "GQA stops %u and %u share a title", j, i);
    }
    pd_scene_destroy(&s);
}

/* Write/Create pacing at 25/50/75% of their run (§7.3, §7.4) */
static void test_pacing(void)
{
    pd_scene *s = fresh();
    pd_mob r = pd_rectangle(s, &(pd_shape_style){.width = 2, .height = 1});
    pd_play_(s, pd_create(r)); /* 1 s, smooth, N = 1 */
    mob *m = scene_mob(s, r);
    CHECK_NEAR(scene_track_eval(s, m->track, 0.25).progress, 0.070104, 1e-4, "Create at 25%: smooth(0.25)");
    CHECK_NEAR(scene_track_eval(s, m->track, 0.5).progress, 0.5, 1e-4, "Create at 50%");
    CHECK_NEAR(scene_track_eval(s, m->track, 0.75).progress, 0.929896, 1e-4, "Create at 75%");
    /* Create(VGroup of 4 lines): line k uses smooth(4a - k) */
    pd_mob l[4];
    for (int i = 0; i < 4; i++)
        l[i] = pd_line(s, (pd_v2){(float)i, 0}, (pd_v2){(float)i, 1}, NULL);
    double t0 = pd_scene_timeline(s).duration;
    pd_play_rt(s, 0.3, pd_create(PD_VGROUP(s, l[0], l[1], l[2], l[3])));
    double a = 0.6; /* alpha: line 2 at smooth(0.4) */
    CHECK_NEAR(scene_track_eval(s, scene_mob(s, l[2])->track, t0 + 0.3 * a).progress, scene_rate(PD_RATE_SMOOTH, 0.4f),
               1e-4, "lag 1: line 2");
    CHECK_NEAR(scene_track_eval(s, scene_mob(s, l[3])->track, t0 + 0.3 * a).progress, 0.0, 1e-6,
               "lag 1: line 3 not yet");
    CHECK_NEAR(scene_track_eval(s, scene_mob(s, l[0])->track, t0 + 0.3 * a).progress, 1.0, 1e-6, "lag 1: line 0 done");
    /* Write of 20 glyphs: 2 s, lag 0.2, linear; glyph k window [k*0.2, k*0.2+1] / full(4.8) */
    pd_mob t = pd_text(s, &(pd_text_style){.str = "abcdefghijklmnopqrst", .font_size = 20});
    double w0 = pd_scene_timeline(s).duration;
    pd_play_(s, pd_write(t));
    CHECK(pd_scene_play(s, 2).frames == 120, "Write of 20 glyphs lasts 2 s");
    mob *g0 = scene_mob(s, pd_at(s, t, 0));
    double full = 19 * 0.2 + 1, win = 2.0 / full;
    /* first glyph: fill phase starts at half its window */
    CHECK_NEAR(scene_track_eval(s, g0->track, w0 + win * 0.25).fill.a, 0.0, 1e-6, "Write 25%: no fill yet");
    CHECK_NEAR(scene_track_eval(s, g0->track, w0 + win * 0.75).fill.a, 0.5, 1e-4, "Write 75%: half filled");
    CHECK_NEAR(scene_track_eval(s, g0->track, w0 + win * 0.75).width, 1.0, 1e-4, "Write 75%: outline width 2 -> 0");
    CHECK(scene_track_eval(s, g0->track, w0 + win * 0.75).stroke.r == 1, "Text outlines are white");
    mob *g5 = scene_mob(s, pd_at(s, t, 5));
    CHECK_NEAR(scene_track_eval(s, g5->track, w0 + 2.0 * 5 * 0.2 / full).fill.a, 0.0, 1e-6,
               "glyph 5 starts at its lag");
    CHECK_NEAR(scene_track_eval(s, g5->track, w0 + 2.0).fill.a, 1.0, 1e-6, "everything filled at the end");
    pd_scene_destroy(&s);
}

static void test_fade_transform(void)
{
    pd_scene *s = fresh();
    pd_mob sq = pd_square(s, 1, &(pd_shape_style){.fill_opacity = 1});
    pd_play_(s, pd_fade_in_shift(sq, (pd_v2){0, 0.5f}));
    mob *m = scene_mob(s, sq);
    leaf_state st = scene_track_eval(s, m->track, 0.0);
    CHECK_NEAR(st.oy, -0.5, 1e-6, "FadeIn starts shifted by -shift");
    CHECK_NEAR(st.fill.a, 0, 1e-6, "FadeIn starts transparent");
    st = scene_track_eval(s, m->track, 0.5);
    CHECK_NEAR(st.fill.a, 0.5, 1e-4, "FadeIn half way");
    st = scene_track_eval(s, m->track, 1.0);
    CHECK_NEAR(st.oy, 0, 1e-6, "FadeIn ends in place");
    /* FadeIn(scale=0.6): size 0.6 + 0.4a */
    pd_mob sq2 = pd_square(s, 1, &(pd_shape_style){.fill_opacity = 1});
    pd_move_to(s, sq2, (pd_v2){2, 0});
    double t0 = pd_scene_timeline(s).duration;
    pd_play_(s, pd_fade_in_scale(sq2, 0.6f));
    st = scene_track_eval(s, scene_mob(s, sq2)->track, t0 + 0.5);
    CHECK_NEAR(st.s, 0.8, 1e-4, "FadeIn scale half way: 0.6 + 0.4*0.5");
    CHECK_NEAR(st.ox, 2.0, 1e-4, "scaled about its own centre (base centre 0 maps to ox)");
    /* Transform: Text -> Text keeps the mobject, takes the target's glyphs */
    pd_mob a = pd_text(s, &(pd_text_style){.str = "Step 0", .font_size = 9});
    pd_mob b = pd_text(s, &(pd_text_style){.str = "Step 10", .font_size = 9});
    pd_play_(s, pd_write(a));
    pd_play_(s, pd_transform(a, b));
    CHECK(pd_len(s, a) == 6, "Transform: a now has the target's 6 glyphs (%u)", pd_len(s, a));
    pd_scene_destroy(&s);
}

static void test_misuse(void)
{
    pd_scene *s = fresh();
    pd_mob nothing = {0};
    pd_move_to(s, nothing, PD_ORIGIN);
    CHECK(pd_scene_error(s) && strstr(pd_scene_error(s), "pd_move_to"), "invalid handle named: %s",
          pd_scene_error(s) ? pd_scene_error(s) : "(none)");
    pd_scene_destroy(&s);

    s = fresh();
    pd_mob empty = pd_vgroup(s, NULL, 0), sq = pd_square(s, 1, NULL);
    pd_next_to(s, sq, empty, PD_RIGHT, 0.25f);
    CHECK(pd_scene_error(s) && strstr(pd_scene_error(s), "pd_next_to") && strstr(pd_scene_error(s), "empty VGroup"),
          "empty VGroup in next_to: %s", pd_scene_error(s) ? pd_scene_error(s) : "(none)");
    pd_scene_destroy(&s);

    s = fresh();
    sq = pd_square(s, 1, NULL);
    pd_play(s, PD_ANIMS(pd_with_run_time(pd_fade_in(sq), -1)), NULL);
    CHECK(pd_scene_error(s) && strstr(pd_scene_error(s), "run_time"), "negative run_time: %s",
          pd_scene_error(s) ? pd_scene_error(s) : "(none)");
    CHECK(pd_scene_play_count(s) == 0, "a refused play records nothing");
    pd_scene_destroy(&s);

    s = fresh();
    pd_text(s, NULL);
    pd_play(s, NULL, 0, NULL);
    pd_wait(s, -1);
    pd_section(s, NULL);
    CHECK(pd_scene_error(s) && strstr(pd_scene_error(s), "pd_text"), "NULL text named first: %s",
          pd_scene_error(s) ? pd_scene_error(s) : "(none)");
    pd_err err = {0};
    CHECK(!pd_scene_finalize(s, NULL, &err) && strstr(err.msg, "pd_text"), "finalize refuses: %s", err.msg);
    pd_scene_destroy(&s);
}

/* For Manim scene files (src/py/): pd_pause waits without a stop,
 * pd_stop_here stops with no hold (once per place), pd_apply changes style
 * and place at once. */
static void test_pause_stop_here_apply(void)
{
    pd_scene *s = fresh();
    pd_mob sq = pd_square(s, 1, &(pd_shape_style){.color = PD_BLUE, .fill_opacity = 0.5f});
    CHECK(!pd_stop_here(s, false), "no stop at the start");
    pd_play_(s, pd_create(sq));
    pd_pause(s, 0.5);
    CHECK(pd_scene_timeline(s).stop_count == 0, "a pause is no stop");
    CHECK(pd_scene_timeline(s).frames == 90, "a pause takes its frames (%u)", pd_scene_timeline(s).frames);
    pd_note(s, "slide one");
    CHECK(pd_stop_here(s, false), "a stop after the play");
    CHECK(!pd_stop_here(s, true), "no second stop at the same place");
    pd_play_(s, pd_fade_out(sq));
    CHECK(pd_stop_here(s, true), "a looping stop");
    pd_timeline tl = pd_scene_timeline(s);
    CHECK(tl.stop_count == 2, "two stops (%u)", tl.stop_count);
    CHECK_NEAR(tl.stops[0].t, 1.5, 1e-9, "stop 1 where the pause ends");
    CHECK(tl.stops[0].hold == 0 && tl.stops[1].hold == 0, "stops here hold 0 s");
    CHECK(tl.stops[0].note && strcmp(tl.stops[0].note, "slide one") == 0, "the pending note goes to the stop");
    CHECK(!tl.stops[0].loop && tl.stops[1].loop, "loop marks only its stop");
    CHECK(tl.frames == 150, "stops take no frames (%u)", tl.frames);
    pd_pause(s, -1);
    CHECK(pd_scene_error(s) && strstr(pd_scene_error(s), "pd_pause"), "a negative pause is reported by name");
    pd_scene_destroy(&s);

    /* Circle: Manim's defaults, a box of its anchors (+-r) */
    s = fresh();
    pd_mob c = pd_circle(s, 1.5f, NULL);
    float cx0, cy0, cx1, cy1;
    box(s, c, &cx0, &cy0, &cx1, &cy1);
    CHECK(cx0 == -1.5f && cx1 == 1.5f && cy0 == -1.5f && cy1 == 1.5f, "circle box %g %g %g %g", cx0, cy0, cx1, cy1);
    CHECK(scene_mob(s, c)->cur.stroke.r == PD_RED.r && scene_mob(s, c)->cur.fill.a == 0 &&
              scene_mob(s, c)->cur.width == 4,
          "Circle: RED outline, width 4, no fill");
    CHECK(strcmp(scene_mob(s, c)->type, "Circle") == 0, "type Circle");
    CHECK_NEAR(pd_width(s, pd_circle(s, 0, NULL)), 2, 1e-6, "radius 0 means 1");
    pd_circle(s, NAN, NULL);
    CHECK(pd_scene_error(s) && strstr(pd_scene_error(s), "pd_circle"), "a NaN radius is reported by name");
    pd_scene_destroy(&s);

    /* copy: same place and state, its own leaves, not on screen */
    s = fresh();
    pd_mob t = pd_text(s, &(pd_text_style){.str = "copy me", .font_size = 30, .color = PD_GREEN});
    pd_mob g = PD_VGROUP(s, t, pd_circle(s, 0.5f, NULL));
    pd_shift(s, g, (pd_v2){1, 2});
    pd_play_(s, pd_fade_in(g));
    pd_mob k = pd_copy(s, g);
    float a0, b0, a1, b1, c0, d0, c1, d1;
    box(s, g, &a0, &b0, &a1, &b1);
    box(s, k, &c0, &d0, &c1, &d1);
    CHECK(a0 == c0 && b0 == d0 && a1 == c1 && b1 == d1, "the copy has the original's box");
    CHECK(pd_len(s, k) == 2 && pd_at(s, k, 0).id != t.id, "the copy's members are new");
    CHECK(!scene_mob(s, pd_at(s, pd_at(s, k, 0), 0))->alive, "the copy is not on screen");
    CHECK(scene_mob(s, pd_at(s, pd_at(s, k, 0), 0))->cur.fill.g == PD_GREEN.g, "the copy keeps the colour");
    pd_shift(s, k, (pd_v2){3, 0});
    box(s, g, &c0, &d0, &c1, &d1);
    CHECK(a0 == c0 && a1 == c1, "moving the copy leaves the original");
    CHECK(strcmp(scene_mob(s, pd_at(s, k, 1))->type, "Circle") == 0, "the copy keeps the type");
    CHECK(pd_copy(s, (pd_mob){12345}).id == 0 && strstr(pd_scene_error(s), "pd_copy"), "invalid handle reported");
    pd_scene_destroy(&s);

    /* Transform: the new shape comes in from where the old one was, which
     * itself moves onto the new one (docs/fidelity.md §4) */
    s = fresh();
    pd_mob from = pd_shift(s, pd_square(s, 2, NULL), (pd_v2){-3, 0});
    pd_mob to = pd_shift(s, pd_circle(s, 1, NULL), (pd_v2){3, 0});
    pd_play_(s, pd_create(from));
    pd_play_(s, pd_transform(from, to));
    const mob *tm = scene_mob(s, to), *fm = scene_mob(s, from);
    CHECK_NEAR(scene_track_eval(s, tm->track, 1.0).ox, -3, 1e-5, "the circle starts at the square's place");
    CHECK_NEAR(scene_track_eval(s, tm->track, 1.5).ox, 0, 1e-4, "halfway at the middle");
    CHECK_NEAR(scene_track_eval(s, tm->track, 2.0).ox, 3, 1e-5, "and ends at its own");
    CHECK_NEAR(scene_track_eval(s, fm->track, 2.0).ox, 3, 1e-5, "the square ends on the circle");
    pd_scene_destroy(&s);

    /* delay: an animation starts that long into its play, which lasts the
     * longest delay + run_time (AnimationGroup's timings) */
    s = fresh();
    pd_mob e1 = pd_square(s, 1, NULL), e2 = pd_shift(s, pd_square(s, 1, NULL), (pd_v2){2, 0});
    pd_anim late = pd_fade_in(e2);
    late.delay = 0.5;
    pd_play(s, (pd_anim[]){pd_fade_in(e1), late}, 2, NULL);
    CHECK(pd_scene_timeline(s).frames == 90, "delay 0.5 + 1 s is 90 frames (%u)", pd_scene_timeline(s).frames);
    CHECK_NEAR(scene_track_eval(s, scene_mob(s, e2)->track, 0.5).stroke.a, 0, 1e-6, "not begun at its delay");
    CHECK(scene_track_eval(s, scene_mob(s, e2)->track, 1.0).fill.a == 0 &&
              scene_track_eval(s, scene_mob(s, e2)->track, 1.0).stroke.a > 0.3f,
          "halfway at delay + 0.5");
    CHECK_NEAR(pd_anim_run_time(s, &(pd_anim){.kind = PD_ANIM_WRITE, .mob = pd_text(s, &(pd_text_style){.str = "a"})}),
               1, 0, "Write's default run time");
    late.delay = -1;
    pd_play(s, &late, 1, NULL);
    CHECK(pd_scene_error(s) && strstr(pd_scene_error(s), "delay"), "a negative delay is reported");
    pd_scene_destroy(&s);

    /* get_start / get_end where the line is now */
    s = fresh();
    pd_mob ln = pd_line(s, (pd_v2){-1, 0}, (pd_v2){1, 0}, NULL);
    pd_shift(s, ln, (pd_v2){0, 1});
    pd_scale(s, ln, 2);
    CHECK(pd_get_start(s, ln).x == -2 && pd_get_start(s, ln).y == 1, "line start %g %g", pd_get_start(s, ln).x,
          pd_get_start(s, ln).y);
    CHECK(pd_get_end(s, ln).x == 2 && pd_get_end(s, ln).y == 1, "line end");
    pd_mob ar = pd_arrow(s, (pd_v2){0, 0}, (pd_v2){3, 0}, &(pd_arrow_style){.buff = -1});
    CHECK_NEAR(pd_get_end(s, ar).x, 3, 1e-6, "arrow end is the tip's point");
    CHECK_NEAR(pd_get_start(s, ar).x, 0, 1e-6, "arrow start");
    pd_get_start(s, pd_square(s, 1, NULL));
    CHECK(pd_scene_error(s) && strstr(pd_scene_error(s), "pd_get_start"), "a square has no start");
    pd_scene_destroy(&s);

    /* a scene of waits only (a Manim scene may be just that) finalises */
    s = fresh();
    pd_wait(s, 2);
    pd_atlas *atlas = pd_atlas_create(g_fonts);
    pd_err err = {0};
    CHECK(pd_scene_finalize(s, atlas, &err), "a scene without mobjects finalises: %s", err.msg);
    CHECK(pd_scene_gpu_data(s).instance_count == 0, "and draws nothing");
    pd_atlas_destroy(&atlas);
    pd_scene_destroy(&s);

    s = fresh();
    pd_mob r = pd_rectangle(s, &(pd_shape_style){.width = 2, .height = 1, .color = PD_WHITE});
    pd_apply(s, r, (pd_change){.set_fill = true, .fill_color = PD_RED, .fill_opacity = 0.25f});
    pd_apply(s, r, (pd_change){.set_stroke = true, .stroke_color = PD_GREEN, .stroke_width = 9});
    pd_apply(s, r, (pd_change){.scale = 2, .move = true, .move_to = {1, -1}});
    mob *m = scene_mob(s, r);
    CHECK(m->cur.fill.r == PD_RED.r && m->cur.fill.a == 0.25f, "set_fill applied");
    CHECK(m->cur.stroke.g == PD_GREEN.g && m->cur.width == 9, "set_stroke applied");
    CHECK_NEAR(pd_width(s, r), 4, 1e-6, "scaled");
    CHECK_NEAR(pd_get_center(s, r).x, 1, 1e-6, "moved x");
    CHECK_NEAR(pd_get_center(s, r).y, -1, 1e-6, "moved y");
    pd_play_(s, pd_fade_in(r));
    pd_apply(s, r, (pd_change){.set_color = true, .color = PD_YELLOW});
    pd_wait(s, 1);
    CHECK(scene_track_eval(s, m->track, 0.5).fill.r != PD_YELLOW.r, "before the change: the old colour");
    CHECK(scene_track_eval(s, m->track, 1.0).fill.b == PD_YELLOW.b, "on screen: the change is instant at now");
    pd_apply(s, r, (pd_change){.set_stroke_opacity = true, .stroke_opacity = 0.5f});
    CHECK(m->cur.stroke.a == 0.5f && m->cur.stroke.r == PD_YELLOW.r, "stroke opacity alone (set_opacity)");
    pd_apply(s, (pd_mob){9999}, (pd_change){0});
    CHECK(pd_scene_error(s) && strstr(pd_scene_error(s), "pd_apply"), "an invalid handle is reported by name");
    pd_scene_destroy(&s);
}

/* pd_scene_damage: where two frames can differ. A still square on the left,
 * one sliding on the right, a fade of the left one after a wait; then the
 * slider moves up while a square far from it, at the bottom left, fades. */
static void test_damage(void)
{
    pd_scene *s = fresh();
    pd_mob still = pd_square(s, 1, NULL), moving = pd_square(s, 1, NULL), far = pd_square(s, 1, NULL);
    pd_move_to(s, still, (pd_v2){-4, 0});
    pd_move_to(s, moving, (pd_v2){1, 0});
    pd_move_to(s, far, (pd_v2){-5, -3});
    pd_add(s, still);
    pd_add(s, moving);
    pd_add(s, far);
    pd_play_(s, pd_animate(moving, (pd_change){.move = true, .move_to = {3, 0}}));                   /* 0 .. 1 s */
    pd_wait(s, 1);                                                                                   /* 1 .. 2 s */
    pd_play_(s, pd_fade_out(still));                                                                 /* 2 .. 3 s */
    pd_play_(s, pd_animate(moving, (pd_change){.move = true, .move_to = {3, 2}}), pd_fade_out(far)); /* 3 .. 4 s */
    pd_atlas *atlas = pd_atlas_create(g_fonts);
    pd_err err = {0};
    CHECK(pd_scene_finalize(s, atlas, &err), "finalize: %s", err.msg);
    float b[4];
    CHECK(!pd_scene_damage(s, 1.2, 1.8, b), "two frames of a wait are the same");
    CHECK(pd_scene_damage(s, 0.25, 0.5, b), "a slide differs");
    CHECK(b[0] > -3.4f && b[0] < 1.5f && b[2] > 2.0f && b[2] < 3.5f, "only around the slide: x %g .. %g", b[0], b[2]);
    CHECK(b[1] < -0.5f && b[3] > 0.5f && b[1] > -0.7f && b[3] < 0.7f, "its height: y %g .. %g", b[1], b[3]);
    CHECK(pd_scene_damage(s, 0.9, 1.5, b) && b[2] >= 3.5f, "the slide's end reaches x 3.5 (%g)", b[2]);
    CHECK(pd_scene_damage(s, 1.5, 2.5, b), "a fade differs");
    CHECK(b[0] <= -4.5f && b[2] < -3.0f, "only around the fading square: x %g .. %g", b[0], b[2]);
    CHECK(pd_scene_damage(s, 2.5, 1.5, b) && b[0] <= -4.5f, "either order");
    CHECK(!pd_scene_damage(s, 1.5, 1.5, b), "a frame is the same as itself");
    /* as rectangles: the two places of 3 .. 4 s apart, each tight; one when asked for one */
    float r[4][4];
    CHECK(pd_scene_damage_rects(s, 1.2, 1.8, r, 4, 1) == 0, "rectangles: none in a wait");
    CHECK(pd_scene_damage_rects(s, 0.25, 0.5, r, 4, 1) == 1, "one place, one rectangle");
    int n = pd_scene_damage_rects(s, 3.25, 3.5, r, 4, 1);
    CHECK(n == 2, "two places far apart: two rectangles (%d)", n);
    for (int i = 0; i < n; i++) {
        bool slider = r[i][0] > 2.0f && r[i][2] < 3.7f && r[i][1] > -0.7f && r[i][3] < 2.0f;
        bool fading = r[i][0] > -5.7f && r[i][2] < -4.3f && r[i][1] > -3.7f && r[i][3] < -2.3f;
        CHECK(slider != fading, "rectangle %d is one place's: x %g .. %g, y %g .. %g", i, r[i][0], r[i][2], r[i][1],
              r[i][3]);
    }
    CHECK(pd_scene_damage(s, 3.25, 3.5, b) && pd_scene_damage_rects(s, 3.25, 3.5, r, 1, 1) == 1 && r[0][0] == b[0] &&
              r[0][1] == b[1] && r[0][2] == b[2] && r[0][3] == b[3],
          "at most one: the union, as pd_scene_damage");
    CHECK(pd_scene_damage_rects(s, 3.25, 3.5, r, 4, 100) == 1, "joined where a rectangle of its own is not worth it");
    /* pd_scene_cull: the instances that can draw inside a box, in draw order */
    const pd_epoch *e = pd_scene_epoch_at(s, 3.3);
    CHECK(e && e->count >= 2, "two squares live at 3.3 s");
    uint32_t index[64], runs_n = 0, all_n = 0;
    pd_run runs[64];
    if (e && e->count <= 64 && e->run_count <= 64) {
        const uint32_t *ei = pd_scene_gpu_data(s).index + e->first;
        uint32_t kept = pd_scene_cull(s, 3.3, (float[4]){-8, -5, 8, 5}, index, runs, &all_n);
        CHECK(kept == e->count && memcmp(index, ei, kept * sizeof *index) == 0,
              "the whole frame: the epoch, in its order");
        kept = pd_scene_cull(s, 3.3, (float[4]){-5.6f, -3.6f, -4.4f, -2.4f}, index, runs, &runs_n);
        CHECK(kept > 0 && kept < e->count, "around the fading square: some (%u of %u)", kept, e->count);
        uint32_t sum = 0;
        for (uint32_t i = 0; i < runs_n; i++)
            CHECK(runs[i].first == sum && (sum += runs[i].count) <= kept, "runs cover the list in order");
        CHECK(sum == kept, "runs hold them all (%u of %u)", sum, kept);
        CHECK(pd_scene_cull(s, 3.3, (float[4]){6, 3.5f, 7, 3.9f}, index, runs, &runs_n) == 0 && runs_n == 0,
              "an empty corner: none");
    }
    pd_atlas_destroy(&atlas);
    pd_scene_destroy(&s);
}

static void test_talks_load(void)
{
    size_t n = 0;
    const pd_talk *talks = pd_talks(&n);
    for (size_t i = 0; i < n; i++) {
        pd_scene *s = fresh();
        talks[i].build(s);
        CHECK(!pd_scene_error(s), "talk %s: %s", talks[i].name, pd_scene_error(s));
        pd_scene_destroy(&s);
    }
    pd_scene *s = fresh();
    pd_talk_demo(s);
    CHECK(pd_scene_timeline(s).section_count == 2, "demo has two sections");
    pd_scene_destroy(&s);
}

int main(void)
{
    pd_err err = {0};
    if (!pd_fonts_load(&g_fonts, pd_assets_dir(), &err)) {
        fprintf(stderr, "FAIL: %s\n", err.msg);
        return 1;
    }
    test_layout_rules();
    test_shapes();
    test_timing();
    test_stop_titles();
    test_pacing();
    test_fade_transform();
    test_misuse();
    test_pause_stop_here_apply();
    test_damage();
    test_talks_load();
    pd_fonts_unload(&g_fonts);
    return check_exit();
}
