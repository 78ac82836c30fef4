/* The talk's zoom and the blit: a frame zoomed 2x about a centre equals the
 * unzoomed frame rendered at twice the size, cropped around that centre
 * (within the golden tolerance: re-rendered, not scaled up); immediate
 * primitives are not zoomed; a blit copies a target's rectangle into the
 * frame in submission order. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "golden.h"
#include "talk_fixture.h"

enum {
    W = 640,
    H = 360
};

/* pixels of a (w x h) and the (w x h) window of b (bw wide) at (ox, oy) differing by more than the golden tolerance */
static size_t window_diff(const uint8_t *a, int w, int h, const uint8_t *b, int bw, int ox, int oy, int *worst)
{
    size_t bad = 0;
    *worst = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            const uint8_t *p = a + ((size_t)y * w + x) * 4, *q = b + ((size_t)(y + oy) * bw + x + ox) * 4;
            int d = 0;
            for (int c = 0; c < 3; c++)
                d = abs(p[c] - q[c]) > d ? abs(p[c] - q[c]) : d;
            *worst = d > *worst ? d : *worst;
            bad += d > GOLDEN_CHANNEL_TOL;
        }
    return bad;
}

static void zoomed(fixture *f, double t, float zoom, pd_v2 c)
{
    pd_gfx_begin(f->gfx, &(pd_gfx_pass){.target = f->target, .zoom = zoom, .zoom_center = c});
    pd_gfx_scene_draw(f->gfx, f->talk, t);
}

int main(void)
{
    fixture f = {0};
    fixture_open(&f, 2 * W, 2 * H);
    pd_scene *s = talk_open(&f, "gqa");
    pd_timeline tl = pd_scene_timeline(s);
    size_t bytes = (size_t)W * H * 4;
    uint8_t *big = malloc(bytes * 4), *zoom = malloc(bytes);

    /* stops 4 (diagram), 7 (the formula), 10 (heatmap): thin lines, text, fills */
    const int stops[] = {4, 7, 10};
    /* centres whose crop falls on whole pixels at 2H/8 = 90 px per unit */
    const pd_v2 centres[] = {{1.0f, 0.5f}, {-2.0f, 1.0f}, {0.0f, -1.0f}};
    for (int i = 0; i < 3; i++) {
        double t = pd_timeline_stop_t(&tl, (uint32_t)stops[i]);
        fixture_resize(&f, 2 * W, 2 * H);
        talk_render(&f, s, t);
        memcpy(big, f.px, bytes * 4);
        fixture_resize(&f, W, H);
        zoomed(&f, t, 2, centres[i]);
        fixture_end(&f);
        memcpy(zoom, f.px, bytes);
        double ppu = 2.0 * H / PD_FRAME_H;
        int ox = (int)lround(W + centres[i].x * ppu) - W / 2, oy = (int)lround(H - centres[i].y * ppu) - H / 2;
        int worst = 0;
        size_t bad = window_diff(zoom, W, H, big, 2 * W, ox, oy, &worst);
        CHECK((double)bad <= GOLDEN_MAX_BAD_FRACTION * W * H,
              "stop %d zoomed 2x about (%g, %g): %zu pixels differ from the 2x frame cropped (max %d)", stops[i],
              centres[i].x, centres[i].y, bad, worst);
        /* not a blurred upscale: the 1x frame scaled up differs */
        if (i == 1) {
            fixture_resize(&f, W, H);
            talk_render(&f, s, t);
            uint8_t *up = malloc(bytes);
            int cx = W / 2 + (int)lround(centres[i].x * H / PD_FRAME_H) - W / 4,
                cy = H / 2 - (int)lround(centres[i].y * H / PD_FRAME_H) - H / 4;
            for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++)
                    memcpy(up + ((size_t)y * W + x) * 4, f.px + ((size_t)(cy + y / 2) * W + cx + x / 2) * 4, 4);
            size_t blur = window_diff(zoom, W, H, up, W, 0, 0, &worst);
            CHECK(blur > bad * 4 + 500, "a 2x pixel upscale differs much more (%zu vs %zu)", blur, bad);
            free(up);
            CHECK(golden_check("zoom_gqa_stop07_2x", zoom, W, H), "golden zoom_gqa_stop07_2x");
        }
    }

    /* 4x in a pass whose immediate primitives are not zoomed */
    fixture_resize(&f, W, H);
    zoomed(&f, pd_timeline_stop_t(&tl, 7), 4, (pd_v2){0, 0});
    pd_gfx_rect(f.gfx, &(pd_draw_rect){.center = {-6, 3.5f}, .size = {0.5f, 0.5f}, .fill = PD_RGBA(1, 0, 0, 1)});
    fixture_end(&f);
    const uint8_t *c = fixture_px(&f, (int)fixture_px_x(&f, -6), (int)fixture_px_y(&f, 3.5));
    CHECK(c[0] > 250 && c[1] < 5 && c[2] < 5, "a primitive in a zoomed pass stays where it is: %d %d %d", c[0], c[1],
          c[2]);

    /* blit: a target's rectangle, scaled into the frame, between primitives */
    pd_err err = {0};
    pd_gfx_target *thumb = pd_gfx_target_create(f.gfx, 160, 90, &err);
    CHECK(thumb != NULL, "thumb: %s", err.msg);
    pd_gfx_begin(f.gfx, &(pd_gfx_pass){.target = thumb});
    pd_gfx_rect(f.gfx, &(pd_draw_rect){.center = {0, 0}, .size = {20, 20}, .fill = PD_RGBA(0, 1, 0, 1)});
    pd_gfx_end(f.gfx);
    fixture_begin(&f);
    pd_gfx_rect(f.gfx, &(pd_draw_rect){.center = {0, 0}, .size = {20, 20}, .fill = PD_RGBA(0, 0, 1, 1)});
    pd_gfx_blit(f.gfx, thumb, (pd_viewport){0, 0, 160, 90}, (pd_v2){-2, 0}, (pd_v2){3.2f, 1.8f});
    pd_gfx_rect(f.gfx, &(pd_draw_rect){.center = {-2, 0}, .size = {0.4f, 0.4f}, .fill = PD_RGBA(1, 0, 0, 1)});
    fixture_end(&f);
    const uint8_t *in = fixture_px(&f, (int)fixture_px_x(&f, -2.9), (int)fixture_px_y(&f, 0.5));
    const uint8_t *out = fixture_px(&f, (int)fixture_px_x(&f, 2), (int)fixture_px_y(&f, 0));
    const uint8_t *top = fixture_px(&f, (int)fixture_px_x(&f, -2), (int)fixture_px_y(&f, 0));
    CHECK(in[1] > 250 && in[2] < 5, "the blit covers its rectangle: %d %d %d", in[0], in[1], in[2]);
    CHECK(out[2] > 250 && out[1] < 5, "outside it the earlier primitives show: %d %d %d", out[0], out[1], out[2]);
    CHECK(top[0] > 250 && top[1] < 5, "later primitives lie over it: %d %d %d", top[0], top[1], top[2]);
    const uint8_t *edge_in = fixture_px(&f, (int)fixture_px_x(&f, -2 + 1.55), (int)fixture_px_y(&f, 0));
    const uint8_t *edge_out = fixture_px(&f, (int)fixture_px_x(&f, -2 + 1.65), (int)fixture_px_y(&f, 0));
    CHECK(edge_in[1] > 250 && edge_out[2] > 250, "its right edge at x = -0.4");
    pd_gfx_target_destroy(f.gfx, &thumb);

    free(big);
    free(zoom);
    pd_scene_destroy(&s);
    fixture_close(&f);
    return check_exit();
}
