#include "app/present.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/watch.h"
#include "capture/output.h"
#include "core/clock.h"
#include "platform/keys.h"
#include "present/script.h"

static double clock_of_day_s(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return tm.tm_hour * 3600.0 + tm.tm_min * 60.0 + tm.tm_sec;
}

static pd_presenter *presenter_for(const pd_session *s, const pd_present_desc *d, pd_err *err)
{
    return pd_presenter_create(&(pd_presenter_desc){.timeline = s->tl,
                                                    .hud = d->hud,
                                                    .fullscreen = d->fullscreen,
                                                    .title = s->title,
                                                    .plan = d->plan.total_s > 0 ? &d->plan : NULL},
                               err);
}

/* --start: a clear error for a stop or section out of range */
static bool apply_start(pd_presenter *p, const pd_place *start, pd_err *err)
{
    if (!start->given)
        return true;
    pd_err e = {0};
    bool ok = true;
    switch (start->kind) {
    case PD_PLACE_STOP:
        ok = pd_presenter_goto_stop(p, start->n, &e);
        break;
    case PD_PLACE_SECTION:
        ok = pd_presenter_goto_section(p, start->n, &e);
        break;
    case PD_PLACE_SECONDS:
        if (start->seconds > pd_presenter_duration(p) + PD_LIST_ROUNDING_S) {
            pd_err_set(&e, "time %g s is past the end of the talk (%.3f s)", start->seconds, pd_presenter_duration(p));
            ok = false;
        } else {
            pd_presenter_seek(p, start->seconds);
        }
        break;
    }
    if (!ok)
        return pd_err_set(err, "--start %s: %s (see --list)", start->text, e.msg);
    return true;
}

bool pd_present_reload(pd_session *s, pd_presenter *p, pd_err *err)
{
    return pd_session_reload(s, err) && pd_presenter_set_timeline(p, &s->tl, err);
}

static bool is_file_talk(const pd_session_desc *d)
{
    size_t n = d->talk ? strlen(d->talk) : 0;
    return !d->testcard &&
           ((n > 2 && strcmp(d->talk + n - 2, ".c") == 0) || (n > 3 && strcmp(d->talk + n - 3, ".py") == 0));
}

/* ---- --keys ---- */

int pd_present_keys(const pd_present_desc *d, const char *script, FILE *out)
{
    pd_err err = {0};
    pd_session s = {0};
    pd_presenter *p = NULL;
    pd_script *sc = pd_script_parse(script, &err);
    pd_live L = {.session = &s, .desc = d->live};
    int rc = 2;
    if (!sc || !pd_session_load(&s, &d->session, &err))
        goto fail;
    p = presenter_for(&s, d, &err);
    if (!p || !apply_start(p, &d->start, &err))
        goto fail;
    L.presenter = p;
    /* a GL context only when the script captures */
    bool needs_gl = false;
    for (int i = 0; i < pd_script_count(sc); i++) {
        const pd_script_token *tk = pd_script_at(sc, i);
        if ((tk->kind == PD_TOK_KEY || tk->kind == PD_TOK_HOLD) && tk->key == PD_KEY_F12)
            needs_gl = true;
    }
    if (needs_gl) {
        if (!pd_session_headless(&s, &err))
            goto fail;
        /* the pen's strokes are captured always, the HUD and help when asked */
        if (!(L.overlay = pd_overlay_create(s.fonts, &err)))
            goto fail;
    }
    for (int i = 0; i < pd_script_count(sc); i++) {
        const pd_script_token *tk = pd_script_at(sc, i);
        unsigned act = pd_script_apply(p, tk, pd_live_tick, &L);
        pd_live_actions(&L, act);
        const char *msg = pd_presenter_take_message(p);
        if (msg)
            fprintf(stderr, "podium: %s: %s\n", tk->text, msg);
        fprintf(out, "after %s: t=%.3f stop=%d mode=%s\n", tk->text, pd_presenter_t(p), pd_presenter_stop(p),
                pd_play_mode_name(pd_presenter_mode(p)));
        fflush(out);
        pd_live_flush(&L); /* headless: each screenshot is on disk before the next token */
        if ((act & PD_ACT_QUIT) || pd_out_interrupted())
            break;
    }
    pd_live_finish(&L); /* a recording is finished and kept, also after SIGINT/SIGTERM */
    rc = pd_out_interrupted() ? pd_out_exit_status() : L.failures ? 2 : 0;
fail:
    if (rc && err.msg[0])
        fprintf(stderr, "podium: %s\n", err.msg);
    pd_live_finish(&L);
    if (L.overlay && s.gfx)
        pd_overlay_release_gpu(L.overlay, s.gfx); /* the pen's layer, on the session's context */
    pd_overlay_destroy(&L.overlay);
    pd_script_free(&sc);
    pd_presenter_destroy(&p);
    pd_session_unload(&s);
    return rc;
}

/* ---- the window ---- */

/* The presenter view: a second window with its own GL context, so its own
 * renderer and upload of the talk. */
typedef struct pview {
    pd_window *w;
    pd_gfx *gfx;
    pd_gfx_scene *talk;
} pview;

static void pview_close(pview *pv, pd_window *main_w)
{
    if (!pv->w)
        return;
    pd_window_make_current(pv->w);
    if (pv->gfx)
        pd_gfx_scene_destroy(pv->gfx, &pv->talk);
    pd_gfx_destroy(&pv->gfx);
    pd_window_destroy(&pv->w);
    pd_window_make_current(main_w);
}

static bool pview_open(pview *pv, const pd_session *s, int audience_monitor, pd_window *main_w, pd_err *err)
{
    int mons = pd_window_monitor_count();
    int other = audience_monitor == 0 ? 1 : 0;
    pv->w = pd_window_create(&(pd_window_desc){.title = "podium: presenter view",
                                               .width = 1280,
                                               .height = 720,
                                               .monitor = other,
                                               .place_on_monitor = mons > 1,
                                               .no_vsync = true},
                             err);
    if (!pv->w) {
        pd_window_make_current(main_w);
        return false;
    }
    pv->gfx = pd_gfx_create(
        &(pd_gfx_desc){.get_proc = pd_window_get_proc, .atlas = s->atlas, .shader_dir = s->desc.shader_dir}, err);
    bool ok = pv->gfx != NULL;
    if (ok && s->scene)
        ok = (pv->talk = pd_gfx_scene_create(pv->gfx, s->scene, err)) != NULL;
    pd_window_make_current(main_w);
    if (!ok)
        pview_close(pv, main_w);
    return ok;
}

/* A reloaded talk, uploaded again to the presenter view's context. */
static void pview_reupload(pview *pv, const pd_session *s, pd_window *main_w)
{
    pd_err err = {0};
    pd_window_make_current(pv->w);
    pd_gfx_scene_destroy(pv->gfx, &pv->talk);
    if (s->scene && !(pv->talk = pd_gfx_scene_create(pv->gfx, s->scene, &err)))
        fprintf(stderr, "podium: presenter view: %s\n", err.msg);
    pd_window_make_current(main_w);
}

/* framebuffer pixels (origin top-left) to frame fractions */
static void to_frame(pd_viewport vp, int fb_h, double x, double y, double *fx, double *fy)
{
    *fx = vp.w > 0 ? (x - vp.x) / vp.w : 0.5;
    *fy = vp.h > 0 ? (y - (fb_h - vp.y - vp.h)) / vp.h : 0.5;
}

static unsigned handle_event(pd_presenter *p, const pd_window_event *ev, pd_viewport vp, int fb_h, bool is_main)
{
    double fx = 0.5, fy = 0.5;
    if (is_main)
        to_frame(vp, fb_h, ev->x, ev->y, &fx, &fy);
    /* the presenter view's mouse does not point at the audience's frame:
     * its clicks step (next, previous), nothing else */
    if (!is_main && (ev->type == PD_EV_MOUSE_MOVE || ev->type == PD_EV_MOUSE_DOWN || ev->type == PD_EV_MOUSE_UP)) {
        pd_presenter_view v = pd_presenter_get_view(p);
        if (ev->type == PD_EV_MOUSE_MOVE || v.pen || v.overview)
            return 0;
    }
    switch (ev->type) {
    case PD_EV_KEY_DOWN:
        return pd_presenter_key(p, ev->key, ev->mods);
    case PD_EV_KEY_UP:
        return pd_presenter_key_up(p, ev->key, ev->mods);
    case PD_EV_MOUSE_DOWN:
        return pd_presenter_mouse_down(p, ev->button, fx, fy);
    case PD_EV_MOUSE_UP:
        return pd_presenter_mouse_up(p, ev->button, fx, fy);
    case PD_EV_MOUSE_MOVE:
        return pd_presenter_mouse_move(p, fx, fy);
    case PD_EV_SCROLL:
        return (ev->mods & PD_MOD_CTRL) ? pd_presenter_zoom_scroll(p, ev->dy) : pd_presenter_scroll(p, ev->dy);
    }
    return 0;
}

int pd_present_window(const pd_present_desc *d)
{
    if (!pd_window_display_available()) {
        fprintf(stderr, "podium: no display (DISPLAY/WAYLAND_DISPLAY unset); render headless instead: "
                        "podium --frame T --out FILE.png (see --help)\n");
        return 1;
    }
    pd_err err = {0};
    pd_session s = {0};
    pd_window *w = NULL;
    pd_presenter *p = NULL;
    pview pv = {0};
    pd_live L = {.session = &s, .desc = d->live};
    pd_watch *watch = NULL;
    pd_overview_thumbs thumbs = {0};
    bool thumbs_failed = false;
    int rc = 2;
    if (!pd_session_load(&s, &d->session, &err))
        goto fail;
    if (is_file_talk(&d->session) && !(watch = pd_watch_create(d->session.talk, &err))) {
        fprintf(stderr, "podium: %s; saving the file will not reload it\n", err.msg);
        err.msg[0] = 0;
    }
    p = presenter_for(&s, d, &err);
    if (!p || !apply_start(p, &d->start, &err))
        goto fail;
    L.presenter = p;
    if (!(L.overlay = pd_overlay_create(s.fonts, &err)))
        goto fail;
    /* the window is named by the talk's own title */
    w = pd_window_create(&(pd_window_desc){.title = s.title, .fullscreen = d->fullscreen, .monitor = d->monitor}, &err);
    if (!w) {
        rc = 1;
        goto fail;
    }
    /* monitors are known once a window exists: a --monitor that is not
     * there gets a line; with --presenter and two monitors the audience
     * goes on the other one by default (pdfpc's rule), the presenter view
     * on the first */
    int mons = pd_window_monitor_count(), audience = d->monitor;
    if (d->monitor_given && mons > 0 && d->monitor >= mons) {
        fprintf(stderr, "podium: --monitor %d: there %s %d monitor%s (0..%d); using monitor 0\n", d->monitor,
                mons == 1 ? "is" : "are", mons, mons == 1 ? "" : "s", mons - 1);
        audience = 0;
    } else if (!d->monitor_given && d->presenter_view && mons > 1 && pd_window_set_monitor(w, 1)) {
        audience = 1;
    }
    if (!pd_session_gl(&s, pd_window_get_proc, &err))
        goto fail;
    if (d->presenter_view && !pview_open(&pv, &s, audience, w, &err)) {
        fprintf(stderr, "podium: presenter view: %s\n", err.msg);
        err.msg[0] = 0;
    }
    double last = pd_clock_now_s();
    pd_viewport vp = {0};
    int fw = 0, fh = 0;
    bool quit = false;
    while (!quit && !pd_window_should_close(w)) {
        pd_presenter_view v = pd_presenter_get_view(p);
        /* moving, scrubbing or looping: draw every frame */
        bool busy = pd_presenter_animating(p) || v.scrubbing || L.rec || v.toast;
        /* idle: sleep until an event, waking for the clock and timer */
        pd_window_poll(w, busy ? 0 : 0.1);
        unsigned act = 0;
        pd_window_event ev;
        while (pd_window_next_event(w, &ev))
            act |= handle_event(p, &ev, vp, fh, true);
        if (pv.w) {
            while (pd_window_next_event(pv.w, &ev))
                act |= handle_event(p, &ev, vp, fh, false);
            if (pd_window_should_close(pv.w))
                pview_close(&pv, w);
        }
        double now = pd_clock_now_s();
        pd_presenter_tick(p, now - last);
        last = now;
        if (pd_watch_changed(watch, now)) {
            /* saved: the new talk at the same stop, or the old one and the error */
            char msg[700];
            if (pd_present_reload(&s, p, &err)) {
                if (pv.w)
                    pview_reupload(&pv, &s, w);
                pd_overview_thumbs_release(s.gfx, &thumbs); /* the overview renders the new talk */
                snprintf(msg, sizeof msg, "reloaded %s", d->session.talk);
                pd_live_say(&L, true, msg);
            } else {
                pd_live_say(&L, true, err.msg);
                err.msg[0] = 0;
            }
        }
        if ((act & PD_ACT_QUIT) || pd_out_interrupted()) /* a signal while recording: finish it, quit */
            quit = true;
        if ((act & PD_ACT_FULLSCREEN) && pd_window_is_fullscreen(w) != pd_presenter_get_view(p).fullscreen)
            pd_window_toggle_fullscreen(w);
        if (act & PD_ACT_PRESENTER_VIEW) {
            if (pv.w) {
                pview_close(&pv, w);
            } else if (!pview_open(&pv, &s, audience, w, &err)) {
                pd_live_say(&L, false, err.msg);
                err.msg[0] = 0;
            }
        }
        pd_live_actions(&L, act);
        pd_live_record_frames(&L);
        pd_live_poll(&L);
        (void)pd_presenter_take_message(p); /* shown as a toast already */

        pd_session_overlays ov = {.overlay = L.overlay,
                                  .presenter = p,
                                  .info = {.clock_s = clock_of_day_s(),
                                           .recording = L.rec != NULL,
                                           .recording_s = L.rec ? pd_presenter_get_view(p).now_s - L.rec_start : 0}};
        /* the overview's picture: every stop rendered once at the frame's size
         * on screen, in the first idle moment (or when it opens first) and
         * again after a resize or a reload */
        if (thumbs.sheet && (thumbs.width != vp.w || thumbs.height != vp.h))
            pd_overview_thumbs_release(s.gfx, &thumbs);
        if (!thumbs.sheet && !thumbs_failed && s.talk && vp.w > 0 && vp.h > 0 &&
            (!busy || pd_presenter_get_view(p).overview) &&
            !pd_overview_thumbs_render(s.gfx, s.talk, p, vp.w, vp.h, &thumbs, &err)) {
            /* said once; the overview then shows empty frames */
            fprintf(stderr, "podium: overview: %s\n", err.msg);
            err.msg[0] = 0;
            thumbs_failed = true;
            pd_overview_thumbs_release(s.gfx, &thumbs);
        }
        ov.info.thumbs = &thumbs;
        pd_window_framebuffer_size(w, &fw, &fh);
        if (fw > 0 && fh > 0) {
            /* the audience's frame: frozen (Shift+F) or live, zoomed as the presenter has it */
            if (!pd_session_draw_frame(&s, &(pd_gfx_pass){.width = fw, .height = fh}, pd_presenter_audience_t(p), &ov,
                                       &err))
                goto fail;
            vp = pd_gfx_viewport(s.gfx);
        }
        pd_window_swap(w);
        if (pv.w) {
            int pw = 0, ph = 0;
            pd_window_make_current(pv.w);
            pd_window_framebuffer_size(pv.w, &pw, &ph);
            if (pw > 0 && ph > 0 &&
                !pd_overlay_draw_presenter_view(L.overlay, pv.gfx, &(pd_gfx_pass){.width = pw, .height = ph}, pv.talk,
                                                p, &ov.info, &err))
                goto fail;
            pd_window_swap(pv.w);
            pd_window_make_current(w);
        }
    }
    rc = pd_out_interrupted() ? pd_out_exit_status() : L.failures ? 2 : 0;
fail:
    if (rc && err.msg[0])
        fprintf(stderr, "podium: %s\n", err.msg);
    if (w)
        pd_window_make_current(w);
    pd_live_finish(&L);
    pview_close(&pv, w);
    if (s.gfx)
        pd_overview_thumbs_release(s.gfx, &thumbs);
    if (L.overlay && s.gfx)
        pd_overlay_release_gpu(L.overlay, s.gfx); /* the pen's layer, on the session's context */
    pd_overlay_destroy(&L.overlay);
    pd_presenter_destroy(&p);
    pd_session_unload(&s);
    pd_window_destroy(&w);
    pd_watch_destroy(&watch);
    return rc;
}
