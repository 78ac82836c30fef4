/* Per-primitive pixel assertions at 1920x1080 (135 px per unit): fill colour,
 * stroke width, the anti-aliased edge ramp, joins, blending, letterboxing,
 * scaling with the output size, and the text ink box against the layout. */
#include <math.h>
#include <string.h>

#include "../check.h"
#include "core/color.h"
#include "fixture.h"
#include "text/layout.h"

/* Sum of red coverage along row y between x0 and x1: the drawn width in px. */
static double row_coverage(const fixture *f, int y, int x0, int x1)
{
    double s = 0;
    for (int x = x0; x <= x1; x++)
        s += fixture_px(f, x, y)[0] / 255.0;
    return s;
}

static double col_coverage(const fixture *f, int x, int y0, int y1)
{
    double s = 0;
    for (int y = y0; y <= y1; y++)
        s += fixture_px(f, x, y)[0] / 255.0;
    return s;
}

static void test_fill_colour(fixture *f)
{
    fixture_begin(f);
    pd_gfx_rect(f->gfx, &(pd_draw_rect){.center = {0, 0}, .size = {2, 1}, .fill = PD_RED});
    pd_gfx_rect(f->gfx, &(pd_draw_rect){.center = {-4, 2},
                                        .size = {2.6f, 0.72f},
                                        .fill = pd_color_alpha(PD_YELLOW, 0.12f),
                                        .stroke = PD_YELLOW,
                                        .stroke_width = 1.5f});
    fixture_end(f);
    const uint8_t *c = fixture_px(f, 960, 540);
    CHECK(c[0] == 252 && c[1] == 98 && c[2] == 85, "RED centre is %d,%d,%d", c[0], c[1], c[2]);
    /* YELLOW at 0.12 over black: 255*0.12 = 30.6 */
    c = fixture_px(f, (int)fixture_px_x(f, -4), (int)fixture_px_y(f, 2));
    CHECK(abs(c[0] - 31) <= 1 && abs(c[1] - 31) <= 1 && c[2] == 0, "YELLOW 0.12 centre is %d,%d,%d", c[0], c[1], c[2]);
    /* outside stays the background */
    c = fixture_px(f, 10, 10);
    CHECK(c[0] == 0 && c[1] == 0 && c[2] == 0, "background is %d,%d,%d", c[0], c[1], c[2]);
}

static void test_stroke_widths(fixture *f)
{
    static const float widths[] = {0.5f, 1.0f, 1.5f, 2.0f, 4.0f, 6.0f};
    for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
        float w = widths[i];
        fixture_begin(f);
        /* rectangle outline: left edge at x = -2 (pixel 690) */
        pd_gfx_rect(f->gfx,
                    &(pd_draw_rect){.center = {0, 0}, .size = {4, 2}, .stroke = PD_HEX(0xFF0000), .stroke_width = w});
        /* a vertical line at x = 3.0037 (off the pixel grid) */
        pd_gfx_line(f->gfx, (pd_v2){3.0037f, -1}, (pd_v2){3.0037f, 1}, PD_HEX(0xFF0000), w);
        fixture_end(f);
        double want = 1.35 * w;
        char what[64];
        snprintf(what, sizeof what, "rect stroke width %.1f (px)", w);
        CHECK_NEAR(row_coverage(f, 540, 670, 710), want, 0.5, what);
        snprintf(what, sizeof what, "line stroke width %.1f (px)", w);
        int lx = (int)fixture_px_x(f, 3.0037);
        CHECK_NEAR(row_coverage(f, 540, lx - 20, lx + 20), want, 0.5, what);
        /* top edge measured vertically too */
        snprintf(what, sizeof what, "rect top stroke width %.1f (px)", w);
        CHECK_NEAR(col_coverage(f, 960, 385, 425), want, 0.5, what);
    }
}

static void test_edge_ramp(fixture *f)
{
    fixture_begin(f);
    /* left edge at x = -1.0037 units: a fractional pixel position */
    pd_gfx_rect(f->gfx, &(pd_draw_rect){.center = {0, 0}, .size = {2.0074f, 2}, .fill = PD_HEX(0xFF0000)});
    fixture_end(f);
    int partial = 0, first_full = -1, last_empty = -1;
    for (int x = 800; x < 840; x++) {
        int v = fixture_px(f, x, 540)[0];
        if (v > 0 && v < 255)
            partial++;
        if (v == 0)
            last_empty = x;
        if (v == 255 && first_full < 0)
            first_full = x;
    }
    CHECK(partial >= 1 && partial <= 2, "anti-aliased ramp has %d partial pixels (want 1..2)", partial);
    CHECK(first_full - last_empty <= 2, "ramp from empty (%d) to full (%d) wider than 2 px", last_empty, first_full);
    /* the coverage-weighted edge position matches the geometry */
    double edge = fixture_px_x(f, -1.0037);
    double cov = row_coverage(f, 540, 800, 840);
    CHECK_NEAR(840 + 1 - cov, edge, 0.25, "edge position (px)");
}

static void test_miter_join(fixture *f)
{
    fixture_begin(f);
    /* an L: right, then down. Width 10 = 13.5 px: the outer corner is square */
    pd_v2 pts[] = {{-1, 0}, {0, 0}, {0, -1}};
    pd_gfx_polyline(f->gfx,
                    &(pd_draw_polyline){.points = pts, .count = 3, .color = PD_HEX(0xFF0000), .stroke_width = 10});
    fixture_end(f);
    /* corner at pixel (960, 540); outer corner of the miter at (966.75, 533.25) */
    CHECK(fixture_px(f, 965, 534)[0] == 255, "miter corner pixel is %d (round or bevel join?)",
          fixture_px(f, 965, 534)[0]);
    CHECK(fixture_px(f, 969, 530)[0] == 0, "outside the miter is %d", fixture_px(f, 969, 530)[0]);
    /* butt caps: nothing beyond the end point */
    CHECK(fixture_px(f, 960, 540 + 135 + 2)[0] == 0, "butt cap overshoots");
    CHECK(fixture_px(f, 960, 540 + 135 - 2)[0] == 255, "line end missing");
    /* the join is drawn once: no double-blended seam with a translucent colour */
    fixture_begin(f);
    pd_gfx_polyline(
        f->gfx, &(pd_draw_polyline){.points = pts, .count = 3, .color = PD_RGBA(1, 0, 0, 0.5f), .stroke_width = 10});
    fixture_end(f);
    int seam = fixture_px(f, 962, 538)[0];
    CHECK(abs(seam - 128) <= 2, "join pixel %d: overlap drawn twice", seam);
}

static void test_triangle(fixture *f)
{
    fixture_begin(f);
    pd_gfx_triangle(f->gfx, &(pd_draw_triangle){.p = {{-0.5f, 0}, {0.5f, 0}, {0, 1}}, .fill = PD_HEX(0x00FF00)});
    fixture_end(f);
    CHECK(fixture_px(f, 960, 500)[1] == 255, "triangle interior");
    CHECK(fixture_px(f, 960 - 60, 470)[1] == 0, "outside the slanted edge");
    /* base along y = 0: the row just above is fully covered in the middle */
    CHECK(fixture_px(f, 960, 539)[1] == 255 && fixture_px(f, 960, 541)[1] == 0, "base edge");
}

static void test_blending(fixture *f)
{
    fixture_begin(f);
    pd_gfx_rect(f->gfx, &(pd_draw_rect){.center = {0, 0}, .size = {2, 2}, .fill = PD_HEX(0xFF0000)});
    pd_gfx_rect(f->gfx, &(pd_draw_rect){.center = {0, 0}, .size = {1, 1}, .fill = PD_RGBA(1, 1, 1, 0.5f)});
    fixture_end(f);
    /* straight sRGB OVER, no gamma: 0.5*255 + 0.5*0 = 127.5 */
    const uint8_t *c = fixture_px(f, 960, 540);
    CHECK(c[0] == 255 && abs(c[1] - 128) <= 1 && abs(c[2] - 128) <= 1, "50%% white over red is %d,%d,%d", c[0], c[1],
          c[2]);
    /* later on top: a fill drawn after a stroke covers it */
    fixture_begin(f);
    pd_gfx_line(f->gfx, (pd_v2){-1, 0}, (pd_v2){1, 0}, PD_HEX(0xFF0000), 10);
    pd_gfx_rect(f->gfx, &(pd_draw_rect){.center = {0, 0}, .size = {0.5f, 0.5f}, .fill = PD_HEX(0x0000FF)});
    fixture_end(f);
    c = fixture_px(f, 960, 540);
    CHECK(c[2] == 255 && c[0] == 0, "submission order: later primitive on top (got %d,%d,%d)", c[0], c[1], c[2]);
}

static void test_rounded(fixture *f)
{
    fixture_begin(f);
    pd_gfx_rect(f->gfx,
                &(pd_draw_rect){.center = {0, 0}, .size = {2, 2}, .corner_radius = 0.5f, .fill = PD_HEX(0xFF0000)});
    fixture_end(f);
    /* the square corner is cut: (0.95, 0.95) lies outside the radius-0.5 arc */
    int cx = (int)fixture_px_x(f, 0.95), cy = (int)fixture_px_y(f, 0.95);
    CHECK(fixture_px(f, cx, cy)[0] == 0, "rounded corner is filled");
    cx = (int)fixture_px_x(f, 0.6);
    cy = (int)fixture_px_y(f, 0.6);
    CHECK(fixture_px(f, cx, cy)[0] == 255, "inside the arc is empty");
}

static void test_letterbox_and_scale(void)
{
    fixture f = {0};
    fixture_open(&f, 1000, 1000);
    fixture_begin(&f);
    pd_gfx_rect(f.gfx, &(pd_draw_rect){.center = {0, 0}, .size = {PD_FRAME_W, PD_FRAME_H}, .fill = PD_HEX(0xFFFFFF)});
    fixture_end(&f);
    pd_viewport vp = pd_gfx_viewport(f.gfx);
    CHECK(vp.w == 1000 && vp.h == 563 && vp.y == 218, "letterbox viewport %d,%d %dx%d", vp.x, vp.y, vp.w, vp.h);
    CHECK(fixture_px(&f, 500, 100)[0] == 0, "bar above the frame is drawn on");
    CHECK(fixture_px(&f, 500, 500)[0] == 255, "frame is not drawn");
    fixture_close(&f);

    /* 4K: a stroke of width 2 is 2*1.35*2 = 5.4 px */
    fixture_open(&f, 3840, 2160);
    fixture_begin(&f);
    pd_gfx_line(f.gfx, (pd_v2){0.0037f, -1}, (pd_v2){0.0037f, 1}, PD_HEX(0xFF0000), 2);
    fixture_end(&f);
    CHECK_NEAR(row_coverage(&f, 1080, 1900, 1960), 5.4, 0.5, "stroke width 2 at 4K (px)");
    fixture_close(&f);
}

static void test_text_ink_box(fixture *f)
{
    static const float sizes[] = {12, 34, 96};
    for (size_t i = 0; i < 3; i++) {
        pd_layout_run run = {0};
        pd_err err = {0};
        CHECK(pd_layout_text(f->fonts, &(pd_layout_desc){.str = "Hxgjy QK", .font_size = sizes[i]}, &run, &err),
              "layout: %s", err.msg);
        fixture_begin(f);
        CHECK(pd_gfx_text(f->gfx, &run, (pd_v2){0, 0}, 0, PD_HEX(0xFFFFFF), &err), "draw: %s", err.msg);
        fixture_end(f);
        /* the box of pixels at least half covered */
        int x0 = f->w, y0 = f->h, x1 = -1, y1 = -1;
        for (int y = 0; y < f->h; y++)
            for (int x = 0; x < f->w; x++)
                if (fixture_px(f, x, y)[0] >= 128) {
                    x0 = x < x0 ? x : x0;
                    x1 = x > x1 ? x : x1;
                    y0 = y < y0 ? y : y0;
                    y1 = y > y1 ? y : y1;
                }
        char what[80];
        snprintf(what, sizeof what, "F=%.0f ink left (px)", sizes[i]);
        CHECK_NEAR(x0, fixture_px_x(f, run.x0), 1.0, what);
        snprintf(what, sizeof what, "F=%.0f ink right (px)", sizes[i]);
        CHECK_NEAR(x1 + 1, fixture_px_x(f, run.x1), 1.0, what);
        snprintf(what, sizeof what, "F=%.0f ink top (px)", sizes[i]);
        CHECK_NEAR(y0, fixture_px_y(f, run.y1), 1.0, what);
        snprintf(what, sizeof what, "F=%.0f ink bottom (px)", sizes[i]);
        CHECK_NEAR(y1 + 1, fixture_px_y(f, run.y0), 1.0, what);
        pd_layout_run_free(&run);
    }
}

int main(void)
{
    fixture f = {0};
    fixture_open(&f, 1920, 1080);
    test_fill_colour(&f);
    test_stroke_widths(&f);
    test_edge_ramp(&f);
    test_miter_join(&f);
    test_triangle(&f);
    test_blending(&f);
    test_rounded(&f);
    test_text_ink_box(&f);
    fixture_close(&f);
    test_letterbox_and_scale();
    return check_exit();
}
