/* The speaker's live tools as drawn over the GQA talk, at 1280x720, against
 * goldens (tests/golden/live_*.png, the tolerance of render/golden.h): the
 * overview grid with its thumbnails, the laser, the spotlight, the zoom,
 * pen strokes, the start screen; and the time left's colour for each pace
 * from a simulated clock. Frames are drawn as the window draws the
 * audience's: pd_overlay_audience_pass, the talk at pd_presenter_audience_t,
 * pd_overlay_draw. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../render/golden.h"
#include "../render/talk_fixture.h"
#include "present/keymap.h"
#include "present/overlay.h"
#include "present/overview.h"
#include "present/presenter.h"
#include "present/script.h"

enum {
    W = 1280,
    H = 720
};

typedef struct ctx {
    fixture f;
    pd_scene *s;
    pd_presenter *p;
    pd_overlay *ov;
    pd_overlay_info info;
    bool layer; /* the pen's finished strokes through the layer (pd_overlay_prepare) */
} ctx;

static void frame(ctx *c, bool overlays)
{
    /* as the window draws the audience's frame: the session's draw_frame */
    if (c->layer) {
        fixture_render(&c->f, pd_presenter_audience_t(c->p),
                       &(pd_session_overlays){
                           .overlay = c->ov, .presenter = c->p, .info = c->info, .annotations_only = !overlays});
        return;
    }
    pd_err err = {0};
    pd_gfx_pass pass = {.target = c->f.target};
    pd_overlay_audience_pass(c->p, &pass); /* without the pen's layer: each stroke drawn on its own */
    pd_gfx_begin(c->f.gfx, &pass);
    pd_gfx_scene_draw(c->f.gfx, c->f.talk, pd_presenter_audience_t(c->p));
    if (overlays)
        CHECK(pd_overlay_draw(c->ov, c->f.gfx, c->p, &c->info, &err), "overlay: %s", err.msg);
    else
        pd_overlay_draw_annotations(c->ov, c->f.gfx, c->p);
    fixture_end(&c->f);
}

static void tick(void *user, double dt) { pd_presenter_tick(user, dt); }

static void keys(ctx *c, const char *script)
{
    pd_err err = {0};
    pd_script *sc = pd_script_parse(script, &err);
    CHECK(sc != NULL, "script '%s': %s", script, err.msg);
    for (int i = 0; sc && i < pd_script_count(sc); i++)
        pd_script_apply(c->p, pd_script_at(sc, i), tick, c->p);
    pd_script_free(&sc);
}

static const uint8_t *px(ctx *c, double fx, double fy) { return fixture_px(&c->f, (int)(fx * W), (int)(fy * H)); }

/* pixels in the frame-fraction box whose colour is within 40 of col */
static long count_color(ctx *c, double x0, double y0, double x1, double y1, pd_color col)
{
    long n = 0;
    for (int y = (int)(y0 * H); y < (int)(y1 * H); y++)
        for (int x = (int)(x0 * W); x < (int)(x1 * W); x++) {
            const uint8_t *q = fixture_px(&c->f, x, y);
            n += abs(q[0] - (int)(col.r * 255)) < 40 && abs(q[1] - (int)(col.g * 255)) < 40 &&
                 abs(q[2] - (int)(col.b * 255)) < 40;
        }
    return n;
}

int main(void)
{
    ctx c = {0};
    fixture_open(&c.f, W, H);
    pd_err err = {0};
    c.s = talk_open(&c.f, "gqa");
    pd_timeline tl = pd_scene_timeline(c.s);
    c.p = pd_presenter_create(&(pd_presenter_desc){.timeline = tl, .title = pd_talk_find("gqa")->title}, &err);
    c.ov = pd_overlay_create(c.f.fonts, &err);
    CHECK(c.p && c.ov, "create: %s", err.msg);
    if (!c.p || !c.ov)
        return check_exit();
    c.info.clock_s = 14 * 3600 + 5 * 60;
    c.layer = true;
    pd_overlay_set_pen_layer_min(c.ov, 0); /* the layer for every stroke: its path is tested */
    size_t bytes = (size_t)W * H * 4;
    uint8_t *plain = malloc(bytes);

    /* the start screen: a title card over stop 0 until the first key */
    frame(&c, true);
    CHECK(golden_check("live_start", c.f.px, W, H), "golden live_start");
    CHECK(count_color(&c, 0.3, 0.4, 0.7, 0.5, PD_WHITE) > 500, "the talk's title shows");
    keys(&c, "escape");
    frame(&c, true);
    CHECK(count_color(&c, 0, 0, 1, 1, PD_WHITE) == 0, "esc took the card away: stop 0 is empty");

    /* laser at the pointer */
    pd_presenter_goto_stop(c.p, 4, NULL);
    frame(&c, true);
    memcpy(plain, c.f.px, bytes);
    keys(&c, "l pointer:0.3:0.4");
    frame(&c, true);
    CHECK(golden_check("live_laser", c.f.px, W, H), "golden live_laser");
    const uint8_t *q = px(&c, 0.3, 0.4);
    CHECK(q[0] > 240 && q[1] < 60 && q[2] < 60, "red dot at the pointer: %d %d %d", q[0], q[1], q[2]);
    long changed = 0;
    for (size_t i = 0; i < bytes; i += 4)
        changed += memcmp(c.f.px + i, plain + i, 3) != 0;
    CHECK(changed > 100 && changed < 2500, "the laser is a dot (%ld pixels)", changed);

    /* spotlight: the circle keeps the talk, the rest is dimmed */
    keys(&c, "shift+l pointer:0.62:0.42");
    frame(&c, true);
    CHECK(golden_check("live_spotlight", c.f.px, W, H), "golden live_spotlight");
    /* the rest of the checks without the laser's dot in the circle */
    keys(&c, "l");
    frame(&c, true);
    long same_inside = 0, dim_outside = 0, lit_outside = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            double dx = (x + 0.5 - 0.62 * W) / (H / 8.0), dy = (y + 0.5 - 0.42 * H) / (H / 8.0);
            double d = sqrt(dx * dx + dy * dy);
            const uint8_t *a = c.f.px + ((size_t)y * W + x) * 4, *b = plain + ((size_t)y * W + x) * 4;
            if (d < 1.2)
                same_inside += abs(a[0] - b[0]) <= 2 && abs(a[1] - b[1]) <= 2 && abs(a[2] - b[2]) <= 2;
            else if (d > 1.3) {
                int m = b[0] > b[1] ? (b[0] > b[2] ? b[0] : b[2]) : (b[1] > b[2] ? b[1] : b[2]);
                if (m > 120) {
                    int ma = a[0] > a[1] ? (a[0] > a[2] ? a[0] : a[2]) : (a[1] > a[2] ? a[1] : a[2]);
                    dim_outside += abs(ma - (int)(m * 0.25)) <= 4;
                    lit_outside += ma > m * 0.5;
                }
            }
        }
    CHECK(same_inside > 0.95 * 3.14159 * 1.2 * 1.2 * (H / 8.0) * (H / 8.0), "inside the circle untouched (%ld)",
          same_inside);
    CHECK(dim_outside > 1000 && lit_outside == 0, "outside dimmed to a quarter (%ld), none left bright (%ld)",
          dim_outside, lit_outside);
    keys(&c, "escape");
    CHECK(!pd_presenter_get_view(c.p).spotlight, "esc: spotlight off");

    /* zoom 2x at the pointer, the talk re-rendered (the laser stays the screen's) */
    pd_presenter_goto_stop(c.p, 7, NULL);
    keys(&c, "pointer:0.7:0.35 z l");
    frame(&c, true);
    CHECK(golden_check("live_zoom", c.f.px, W, H), "golden live_zoom");
    CHECK(pd_presenter_get_view(c.p).zoom == 2, "zoomed");
    keys(&c, "ctrl+wheel:6");
    CHECK(pd_presenter_get_view(c.p).zoom > 3.8, "ctrl+wheel: more");
    keys(&c, "escape escape");
    CHECK(pd_presenter_get_view(c.p).zoom == 1 && !pd_presenter_get_view(c.p).laser, "esc, esc: out");

    /* the pen: three strokes at stop 10, in three colours */
    pd_presenter_goto_stop(c.p, 10, NULL);
    frame(&c, true);
    memcpy(plain, c.f.px, bytes);
    keys(&c, "d draw:0.15:0.2:0.3:0.25:0.45:0.2 2 draw:0.6:0.7:0.8:0.75:0.85:0.6:0.7:0.55 c "
             "draw:0.2:0.8:0.2:0.9 pointer:0.05:0.05");
    frame(&c, true);
    CHECK(golden_check("live_pen", c.f.px, W, H), "golden live_pen");
    /* the same strokes drawn one by one (no layer) give the same picture */
    c.layer = false;
    frame(&c, true);
    CHECK(golden_check("live_pen", c.f.px, W, H), "golden live_pen, strokes drawn live");
    c.layer = true;
    /* a stroke being drawn shows at once, over the layer */
    pd_presenter_mouse_down(c.p, 0, 0.5, 0.9);
    pd_presenter_mouse_move(c.p, 0.6, 0.9);
    frame(&c, true);
    CHECK(count_color(&c, 0.49, 0.88, 0.61, 0.92, PD_GREEN) > 50, "the stroke in progress (green) shows");
    CHECK(count_color(&c, 0.14, 0.17, 0.46, 0.27, PD_RED) > 300, "over the finished ones");
    pd_presenter_mouse_up(c.p, 0, 0.6, 0.9);
    keys(&c, "ctrl+z");
    CHECK(count_color(&c, 0.14, 0.17, 0.46, 0.27, PD_RED) > 300, "red stroke");
    CHECK(count_color(&c, 0.59, 0.53, 0.86, 0.77, PD_YELLOW) > 300, "yellow stroke");
    CHECK(count_color(&c, 0.18, 0.78, 0.22, 0.92, PD_GREEN) > 100, "green stroke");
    /* captures without overlays still show the strokes, and nothing else */
    frame(&c, false);
    CHECK(count_color(&c, 0.14, 0.17, 0.46, 0.27, PD_RED) > 300, "annotations alone: strokes");
    CHECK(count_color(&c, 0.97, 0.02, 0.995, 0.05, PD_YELLOW) == 0, "annotations alone: no pen swatch");
    /* strokes belong to stop 10: gone at 11, back at 10 */
    keys(&c, "d right settle");
    frame(&c, true);
    CHECK(count_color(&c, 0.14, 0.17, 0.46, 0.27, PD_RED) < 20, "stop 11: no strokes");
    keys(&c, "left");
    frame(&c, true);
    CHECK(count_color(&c, 0.14, 0.17, 0.46, 0.27, PD_RED) > 300, "back at stop 10: strokes again");
    keys(&c, "ctrl+z e");
    frame(&c, true);
    long diff = 0;
    for (size_t i = 0; i < bytes; i += 4)
        diff += memcmp(c.f.px + i, plain + i, 3) != 0;
    CHECK(diff == 0, "undo and clear: the plain frame again (%ld pixels differ)", diff);

    /* freeze: the audience keeps stop 10 while the speaker goes on */
    keys(&c, "shift+f right settle");
    frame(&c, false);
    diff = 0;
    for (size_t i = 0; i < bytes; i += 4)
        diff += memcmp(c.f.px + i, plain + i, 3) != 0;
    CHECK(diff == 0 && pd_presenter_stop(c.p) == 11, "frozen: the audience still sees stop 10 (%ld)", diff);
    keys(&c, "shift+f");

    /* the overview: thumbnails rendered once, laid out by section */
    pd_overview_thumbs thumbs = {0};
    CHECK(pd_overview_thumbs_render(c.f.gfx, c.f.talk, c.p, W, H, &thumbs, &err), "thumbs: %s", err.msg);
    c.info.thumbs = &thumbs;
    pd_presenter_goto_stop(c.p, 7, NULL);
    keys(&c, "tab down");
    frame(&c, true);
    CHECK(golden_check("live_overview", c.f.px, W, H), "golden live_overview");
    CHECK(pd_presenter_get_view(c.p).overview_selected == 10, "down from 7: 10 (%d)",
          pd_presenter_get_view(c.p).overview_selected);
    /* the selected thumbnail is stop 10's frame: the heatmap's colours inside its cell */
    pd_overview_cell cell = pd_overview_cell_of(pd_presenter_overview_grid(c.p), &tl, 10);
    long reddish = 0, teal = 0;
    for (int y = (int)(cell.y * H); y < (int)((cell.y + cell.h) * H); y++)
        for (int x = (int)(cell.x * W); x < (int)((cell.x + cell.w) * W); x++) {
            const uint8_t *k = fixture_px(&c.f, x, y);
            reddish += k[0] > k[1] + 60 && k[0] > k[2] + 40;
            teal += k[2] > k[0] + 40 && k[1] > k[0] + 30;
        }
    CHECK(reddish > 20 && teal > 100, "stop 10's thumbnail shows its heatmap (%ld red, %ld blue pixels)", reddish,
          teal);
    keys(&c, "enter");
    CHECK(pd_presenter_stop(c.p) == 10 && !pd_presenter_get_view(c.p).overview, "enter: stop 10");
    c.info.thumbs = NULL;
    pd_overview_thumbs_release(c.f.gfx, &thumbs);

    /* the time left, coloured by pace (20 minutes, 24 stops: 50 s a stop) */
    pd_plan plan;
    CHECK(pd_plan_parse("20m", &plan, &err), "%s", err.msg);
    CHECK(pd_presenter_set_plan(c.p, &plan, &err), "%s", err.msg);
    keys(&c, "h home right settle");
    struct {
        double wait;
        pd_pace pace;
        pd_color color;
    } paces[] = {{20, PD_PACE_ON_TIME, PD_GREEN}, {60, PD_PACE_BEHIND, PD_RED}};
    for (int i = 0; i < 2; i++) {
        pd_presenter_tick(c.p, paces[i].wait);
        frame(&c, true);
        CHECK(pd_presenter_get_view(c.p).pace == paces[i].pace, "pace %d: %s", i,
              pd_pace_name(pd_presenter_get_view(c.p).pace));
        CHECK(count_color(&c, 0.6, 0.96, 0.99, 1.0, paces[i].color) > 40, "HUD time left in %s",
              pd_pace_name(paces[i].pace));
    }
    CHECK(golden_check("live_hud_behind", c.f.px, W, H), "golden live_hud_behind");
    /* jump ahead: stop 20 at 1:21 is long before its planned 15:50 */
    pd_presenter_goto_stop(c.p, 20, NULL);
    frame(&c, true);
    CHECK(pd_presenter_get_view(c.p).pace == PD_PACE_AHEAD, "ahead");
    CHECK(count_color(&c, 0.6, 0.96, 0.99, 1.0, PD_BLUE) > 40, "HUD time left in blue when ahead");
    CHECK(count_color(&c, 0.6, 0.96, 0.99, 1.0, PD_RED) == 0, "and not red");

    free(plain);
    pd_overlay_release_gpu(c.ov, c.f.gfx);
    pd_overlay_destroy(&c.ov);
    pd_presenter_destroy(&c.p);
    pd_scene_destroy(&c.s);
    fixture_close(&c.f);
    return check_exit();
}
