/* Overlays render where they should and nowhere else: the HUD in its band at
 * the bottom, the help overlay in the middle, REC top-left, black and white
 * screens over everything; adding overlay glyphs to the atlas leaves the
 * talk's pixels unchanged; the presenter view shows the frame. Frames are
 * written to $PODIUM_DIFF_DIR/overlay_*.png for a look. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../render/talk_fixture.h"
#include "capture/png.h"
#include "present/keymap.h"
#include "present/overlay.h"
#include "present/presenter.h"
#include "scene/gpu_data.h"
#include "scene/introspect.h"
#include "scene/scene.h"
#include "scene/timeline.h"
#include "talks/talks.h"

enum {
    W = 1280,
    H = 720
};

static void save(const char *name, const uint8_t *px, int w, int h)
{
    const char *dir = getenv("PODIUM_DIFF_DIR");
    char path[2048];
    snprintf(path, sizeof path, "%s/overlay_%s.png", dir ? dir : ".", name);
    pd_err err = {0};
    if (!pd_png_write(path, px, w, h, PD_PNG_OVERWRITE, &err))
        fprintf(stderr, "note: %s\n", err.msg);
}

/* pixels differing in rows [y0, y1) */
static long diff_rows(const uint8_t *a, const uint8_t *b, int y0, int y1)
{
    long n = 0;
    for (int y = y0; y < y1; y++)
        for (int x = 0; x < W; x++) {
            const uint8_t *p = a + ((size_t)y * W + x) * 4, *q = b + ((size_t)y * W + x) * 4;
            n += abs(p[0] - q[0]) > 8 || abs(p[1] - q[1]) > 8 || abs(p[2] - q[2]) > 8;
        }
    return n;
}

/* the frame as podium draws it: the session's draw_frame, with overlays or without */
static void draw(fixture *f, pd_scene *s, pd_overlay *ov, pd_presenter *p, const pd_overlay_info *info, bool overlays)
{
    (void)s;
    fixture_render(f, pd_presenter_t(p),
                   overlays ? &(pd_session_overlays){.overlay = ov, .presenter = p, .info = *info} : NULL);
}

int main(void)
{
    fixture f = {0};
    fixture_open(&f, W, H);
    pd_err err = {0};
    pd_scene *s = pd_scene_create(f.fonts);
    pd_talk_demo(s);
    talk_upload(&f, s, "demo");

    pd_presenter *p = pd_presenter_create(&(pd_presenter_desc){.timeline = pd_scene_timeline(s), .hud = false}, &err);
    pd_overlay *ov = pd_overlay_create(f.fonts, &err);
    CHECK(p && ov, "create: %s", err.msg);
    if (!p || !ov)
        return check_exit();
    pd_presenter_goto_stop(p, 1, &err);
    pd_overlay_info info = {.clock_s = 14 * 3600 + 5 * 60};

    size_t bytes = (size_t)W * H * 4;
    const uint8_t *c;
    uint8_t *plain = malloc(bytes), *got = malloc(bytes);
    draw(&f, s, ov, p, &info, false);
    memcpy(plain, f.px, bytes);
    save("plain", plain, W, H);

    /* HUD off: the overlays draw nothing */
    draw(&f, s, ov, p, &info, true);
    CHECK(diff_rows(f.px, plain, 0, H) == 0, "no HUD: %ld pixels differ", diff_rows(f.px, plain, 0, H));

    /* HUD on: only its band at the bottom changes */
    pd_presenter_key(p, 'H', 0);
    draw(&f, s, ov, p, &info, true);
    memcpy(got, f.px, bytes);
    save("hud", got, W, H);
    int band = (int)(H * 0.89);
    CHECK(diff_rows(got, plain, band, H) > W * 2, "HUD band: %ld pixels changed", diff_rows(got, plain, band, H));
    CHECK(diff_rows(got, plain, 0, band - 2) == 0, "above the HUD: %ld pixels changed",
          diff_rows(got, plain, 0, band - 2));

    /* the overlay's glyphs went into the atlas after the scene's: the talk is unchanged */
    pd_presenter_key(p, 'H', 0);
    draw(&f, s, ov, p, &info, false);
    CHECK(diff_rows(f.px, plain, 0, H) == 0, "talk after overlay glyphs: %ld pixels differ",
          diff_rows(f.px, plain, 0, H));

    /* help overlay in the middle */
    pd_presenter_key(p, PD_KEY_F1, 0);
    draw(&f, s, ov, p, &info, true);
    save("help", f.px, W, H);
    CHECK(diff_rows(f.px, plain, H / 4, 3 * H / 4) > W * H / 4, "help: %ld pixels changed",
          diff_rows(f.px, plain, H / 4, 3 * H / 4));
    pd_presenter_key(p, PD_KEY_F1, 0);

    /* REC indicator, top-left only */
    info.recording = true;
    info.recording_s = 75;
    draw(&f, s, ov, p, &info, true);
    save("rec", f.px, W, H);
    CHECK(diff_rows(f.px, plain, 0, H / 10) > 100, "REC: %ld", diff_rows(f.px, plain, 0, H / 10));
    CHECK(diff_rows(f.px, plain, H / 10, H) == 0, "REC elsewhere: %ld", diff_rows(f.px, plain, H / 10, H));
    info.recording = false;

    /* go-to entry and a toast */
    pd_presenter_key(p, 'G', 0);
    pd_presenter_key(p, '2', 0);
    pd_presenter_toast(p, "saved captures/podium-x.png");
    draw(&f, s, ov, p, &info, true);
    save("goto_toast", f.px, W, H);
    CHECK(diff_rows(f.px, plain, (int)(H * 0.42), (int)(H * 0.58)) > 1000, "goto entry shows");
    CHECK(diff_rows(f.px, plain, (int)(H * 0.8), (int)(H * 0.88)) > 500, "toast shows");
    pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    pd_presenter_tick(p, 10);

    /* the go-to box and the help panel are opaque: over a white screen their
     * backing keeps exactly its own colour (nothing shows through) */
    pd_presenter_key(p, 'W', 0);
    pd_presenter_key(p, 'G', 0);
    pd_presenter_key(p, '2', 0);
    draw(&f, s, ov, p, &info, true);
    save("goto_over_white", f.px, W, H);
    c = fixture_px(&f, (int)(0.38 * W), (int)(0.455 * H));
    CHECK(abs(c[0] - 0x20) <= 1 && abs(c[1] - 0x20) <= 1 && abs(c[2] - 0x20) <= 1,
          "go-to box is opaque: %d %d %d over white", c[0], c[1], c[2]);
    pd_presenter_key(p, PD_KEY_ESCAPE, 0);
    pd_presenter_key(p, PD_KEY_F1, 0);
    draw(&f, s, ov, p, &info, true);
    c = fixture_px(&f, (int)(0.125 * W), H / 2);
    CHECK(abs(c[0] - 0x20) <= 1 && abs(c[1] - 0x20) <= 1 && abs(c[2] - 0x20) <= 1,
          "help panel is opaque: %d %d %d over white", c[0], c[1], c[2]);
    pd_presenter_key(p, PD_KEY_F1, 0);
    pd_presenter_key(p, 'W', 0);

    /* black and white screens cover the frame */
    pd_presenter_key(p, 'B', 0);
    draw(&f, s, ov, p, &info, true);
    c = fixture_px(&f, W / 2, H / 2);
    const uint8_t *e = fixture_px(&f, 5, 5);
    CHECK(c[0] == 0 && c[1] == 0 && c[2] == 0 && e[0] == 0, "black screen");
    pd_presenter_key(p, 'W', 0);
    draw(&f, s, ov, p, &info, true);
    c = fixture_px(&f, W / 2, H / 2);
    CHECK(c[0] == 255 && c[1] == 255 && c[2] == 255, "white screen %d %d %d", c[0], c[1], c[2]);
    pd_presenter_key(p, 'W', 0);

    /* presenter view: the current frame in the left panel, the next on the right */
    enum {
        PW = 1920,
        PH = 1080
    };
    pd_gfx_target *big = pd_gfx_target_create(f.gfx, PW, PH, &err);
    CHECK(big != NULL, "target: %s", err.msg);
    pd_presenter_key(p, PD_KEY_HOME, 0);
    pd_presenter_key(p, PD_KEY_RIGHT, 0);
    pd_presenter_tick(p, 2.0);
    CHECK(pd_overlay_draw_presenter_view(ov, f.gfx, &(pd_gfx_pass){.target = big}, f.talk, p, &info, &err), "view: %s",
          err.msg);
    uint8_t *pv = malloc((size_t)PW * PH * 4);
    pd_gfx_read_rgba(f.gfx, big, pv);
    pd_gfx_target_destroy(f.gfx, &big);
    save("presenter_view", pv, PW, PH);
    /* the next stop's panel (right, top) shows stop 1: its title text is bright */
    long bright = 0;
    for (int y = (int)(0.12 * PH); y < (int)(0.44 * PH); y++)
        for (int x = (int)(0.66 * PW); x < (int)(0.97 * PW); x++)
            bright += pv[((size_t)y * PW + x) * 4 + 2] > 150;
    CHECK(bright > 200, "next-stop panel has content (%ld bright pixels)", bright);
    long notes = 0;
    for (int y = (int)(0.46 * PH); y < (int)(0.7 * PH); y++)
        for (int x = (int)(0.66 * PW); x < (int)(0.97 * PW); x++)
            notes += pv[((size_t)y * PW + x) * 4] > 150;
    CHECK(notes > 200, "notes are drawn (%ld bright pixels)", notes);
    free(pv);

    free(plain);
    free(got);
    pd_overlay_destroy(&ov);
    pd_presenter_destroy(&p);
    pd_scene_destroy(&s);
    fixture_close(&f);
    return check_exit();
}
