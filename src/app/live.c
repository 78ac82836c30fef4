#include "app/live.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "capture/output.h"

static double clock_of_day_s(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return tm.tm_hour * 3600.0 + tm.tm_min * 60.0 + tm.tm_sec;
}

static bool render(pd_live *L, uint8_t *px, pd_err *err)
{
    /* what the audience sees (zoomed, frozen, with the pen's strokes); the
     * HUD, help and toasts only when asked for (never the REC mark) */
    pd_session_overlays ov = {.overlay = L->overlay,
                              .presenter = L->presenter,
                              .info = {.clock_s = clock_of_day_s()},
                              .annotations_only = !L->desc.capture_overlays};
    return pd_session_render(L->session, pd_presenter_audience_t(L->presenter), &ov, px, err);
}

void pd_live_say(pd_live *L, bool ok, const char *msg)
{
    if (!ok)
        L->failures++;
    pd_presenter_toast(L->presenter, "%s", msg);
    fprintf(stderr, "podium: %s\n", msg);
}

static void screenshot(pd_live *L)
{
    pd_err err = {0};
    int w = L->session->desc.width, h = L->session->desc.height;
    if (!L->shots) {
        /* fail early and clearly when the folder cannot be used */
        if (!pd_cap_ensure_dir(L->desc.capture_dir, "--capture-dir", &err) ||
            !(L->shots = pd_cap_shots_create(L->desc.capture_dir, w, h, &err))) {
            pd_live_say(L, false, err.msg);
            return;
        }
    }
    uint8_t *px = pd_cap_shots_acquire(L->shots);
    if (!px) {
        pd_live_say(L, false, "screenshot skipped: the previous ones are still being written");
        return;
    }
    if (!render(L, px, &err)) {
        pd_live_say(L, false, err.msg);
        return;
    }
    pd_cap_shots_submit(L->shots, px);
}

static void record_stop(pd_live *L)
{
    pd_err err = {0};
    char where[2048];
    snprintf(where, sizeof where, "%s", pd_cap_sink_where(L->rec));
    long frames = pd_cap_sink_frames(L->rec);
    const char *notice = pd_cap_sink_notice(L->rec);
    if (notice)
        pd_live_say(L, true, notice);
    if (!pd_cap_sink_close(&L->rec, &err)) {
        pd_live_say(L, false, err.msg);
        return;
    }
    char msg[2300];
    snprintf(msg, sizeof msg, "recorded %ld frames to %s", frames, where);
    pd_live_say(L, true, msg);
}

static void record_toggle(pd_live *L)
{
    if (L->rec) {
        record_stop(L);
        return;
    }
    pd_err err = {0};
    if (!pd_cap_ensure_dir(L->desc.capture_dir, "--capture-dir", &err)) {
        pd_live_say(L, false, err.msg);
        return;
    }
    char stamp[128], path[2300], fallback[2300];
    pd_cap_timestamp(stamp, sizeof stamp, "podium-rec");
    snprintf(path, sizeof path, "%s/%s.mp4", L->desc.capture_dir, stamp);
    snprintf(fallback, sizeof fallback, "%s/%s", L->desc.capture_dir, stamp);
    L->rec = pd_cap_sink_open(&(pd_cap_sink_desc){.path = path,
                                                  .width = L->session->desc.width,
                                                  .height = L->session->desc.height,
                                                  .fps = L->desc.fps,
                                                  .fallback_dir = fallback,
                                                  .option = "--capture-dir"},
                              &err);
    if (!L->rec) {
        pd_live_say(L, false, err.msg);
        return;
    }
    L->rec_start = pd_presenter_get_view(L->presenter).now_s;
    L->rec_frames = 0;
    const char *notice = pd_cap_sink_notice(L->rec);
    char msg[2600];
    snprintf(msg, sizeof msg, "recording to %s", pd_cap_sink_where(L->rec));
    pd_live_say(L, true, notice ? notice : msg);
    pd_live_record_frames(L); /* the first frame is the one on screen now */
}

void pd_live_actions(pd_live *L, unsigned act)
{
    if (act & PD_ACT_SCREENSHOT)
        screenshot(L);
    if (act & PD_ACT_RECORD)
        record_toggle(L);
}

/* Every frame slot of the recording gets a frame: when presenting ran late,
 * the current frame fills the missed slots (nothing is dropped). */
void pd_live_record_frames(pd_live *L)
{
    if (!L->rec)
        return;
    double now = pd_presenter_get_view(L->presenter).now_s;
    long due = (long)floor((now - L->rec_start) * L->desc.fps + 1e-6) + 1 - L->rec_frames;
    if (due <= 0)
        return;
    uint8_t *px = pd_cap_sink_acquire(L->rec);
    pd_err err = {0};
    if (!render(L, px, &err))
        pd_live_say(L, false, err.msg);
    pd_cap_sink_submit(L->rec, px, (int)due); /* keeps the count; the sink owns the buffer */
    L->rec_frames += due;
    const char *notice = pd_cap_sink_notice(L->rec);
    if (notice)
        pd_live_say(L, !pd_cap_sink_failed(L->rec), notice);
    if (pd_cap_sink_failed(L->rec))
        record_stop(L);
}

void pd_live_poll(pd_live *L)
{
    if (!L->shots)
        return;
    char msg[700];
    bool ok = false;
    while (pd_cap_shots_poll(L->shots, msg, sizeof msg, &ok))
        pd_live_say(L, ok, msg);
}

void pd_live_flush(pd_live *L)
{
    if (!L->shots)
        return;
    pd_cap_shots_flush(L->shots);
    pd_live_poll(L);
}

void pd_live_finish(pd_live *L)
{
    if (L->rec)
        record_stop(L);
    if (L->shots) {
        pd_live_flush(L);
        pd_cap_shots_destroy(&L->shots);
    }
}

void pd_live_tick(void *live, double dt)
{
    pd_live *L = live;
    if (!L->rec) {
        pd_presenter_tick(L->presenter, dt);
        return;
    }
    /* while recording, advance frame by frame so every frame is rendered */
    double step = 1.0 / L->desc.fps;
    while (dt > 1e-12 && !pd_out_interrupted()) { /* SIGINT/SIGTERM: the recording ends here */
        double d = dt < step ? dt : step;
        pd_presenter_tick(L->presenter, d);
        dt -= d;
        pd_live_record_frames(L);
        if (!L->rec)
            step = dt; /* the recording stopped (failed): finish in one step */
    }
}
