/* overlay: what the presenter draws over the talk, and the presenter view.
 *
 * Owns: the HUD (section title, stop n/m, mode, talk timer, clock, timeline
 * bar with section ticks), the help overlay (the key map), toasts, the REC
 * indicator, the "go to stop" entry, black and white screens, and the
 * presenter view's layout (current frame, next stop's frame, notes, timer,
 * clock). Text runs are laid out once per distinct string and cached, so a
 * steady frame allocates nothing.
 * Does not own: the state (present/presenter.h), captures: callers draw
 * overlays into what the audience sees, and into captures only when asked
 * (--capture-overlays; the REC mark never).
 *
 *   pd_overlay *ov = pd_overlay_create(fonts, &err);
 *   pd_gfx_begin(g, &pass); pd_gfx_scene_draw(g, talk, t);
 *   pd_overlay_draw(ov, g, p, &(pd_overlay_info){ .clock_s = secs_since_midnight }, &err);
 *   pd_gfx_end(g);
 */
#ifndef PD_PRESENT_OVERLAY_H
#define PD_PRESENT_OVERLAY_H

#include <stdbool.h>

#include "core/err.h"
#include "gfx/gfx.h"
#include "present/presenter.h"
#include "text/font.h"

typedef struct pd_overlay pd_overlay;

typedef struct pd_overlay_info {
    double clock_s; /* local time of day, seconds since midnight */
    bool recording;
    double recording_s; /* how long the recording runs */
} pd_overlay_info;

pd_overlay *pd_overlay_create(pd_fonts *fonts, pd_err *err);
void pd_overlay_destroy(pd_overlay **o);

/* Submits the overlays over the frame (between pd_gfx_begin and
 * pd_gfx_end, after the scene). */
bool pd_overlay_draw(pd_overlay *o, pd_gfx *g, const pd_presenter *p, const pd_overlay_info *info, pd_err *err);

/* Draws the whole presenter view into the pass (a window's framebuffer or a
 * target): begins and ends its own gfx passes. talk may be NULL (test card). */
bool pd_overlay_draw_presenter_view(pd_overlay *o, pd_gfx *g, const pd_gfx_pass *pass, const pd_gfx_scene *talk,
                                    const pd_presenter *p, const pd_overlay_info *info, pd_err *err);

#endif
