/* overlay: what the presenter draws over the talk, and the presenter view.
 *
 * Owns: the HUD (section title, stop n/m and its title, mode, talk timer,
 * time left coloured by pace, clock, timeline bar with section ticks), the
 * help overlay (the key map), toasts, the REC indicator, the "go to stop"
 * entry, black and white screens, the start screen, the speaker's tools
 * (pen strokes, laser dot, spotlight), the overview grid and its thumbnail
 * sheet, and the presenter view's layout (current frame, next stop's frame,
 * notes, timer, clock). Text runs are laid out once per distinct string and
 * cached, so a steady frame allocates nothing.
 * Does not own: the state (present/presenter.h), captures: callers draw
 * overlays into what the audience sees, and into captures only when asked
 * (--capture-overlays; the REC mark never); pen strokes go into captures
 * always (pd_overlay_draw_annotations).
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

/* The overview's picture, rendered once: its background with every stop's
 * frame in its cell of the grid (present/overview.h), width x height pixels
 * (the frame's size on screen, so drawing it is one unscaled copy; the
 * marks and captions are drawn live over it). */
typedef struct pd_overview_thumbs {
    pd_gfx_target *sheet;
    int width, height, count;
} pd_overview_thumbs;

/* Renders stops 1..N of talk at their held frames, laid out by p's grid,
 * into out->sheet. Fails (err) when the target cannot be made. Render it
 * again when the frame's size on screen changes; release with
 * pd_overview_thumbs_release. */
bool pd_overview_thumbs_render(pd_gfx *g, const pd_gfx_scene *talk, const pd_presenter *p, int width, int height,
                               pd_overview_thumbs *out, pd_err *err);
void pd_overview_thumbs_release(pd_gfx *g, pd_overview_thumbs *t);

typedef struct pd_overlay_info {
    double clock_s; /* local time of day, seconds since midnight */
    bool recording;
    double recording_s;               /* how long the recording runs */
    const pd_overview_thumbs *thumbs; /* the overview's thumbnails; NULL: placeholders */
} pd_overlay_info;

pd_overlay *pd_overlay_create(pd_fonts *fonts, pd_err *err);
/* Frees what the overlay made on a gfx (the pen's layer): call it with that
 * gfx's context current, before pd_overlay_destroy or the gfx's end. */
void pd_overlay_release_gpu(pd_overlay *o, pd_gfx *g);
void pd_overlay_destroy(pd_overlay **o);

/* Submits the overlays over the frame (between pd_gfx_begin and
 * pd_gfx_end, after the scene): everything below, the pen's strokes
 * included. When the talk was drawn zoomed (pd_presenter_get_view's zoom),
 * the strokes follow the zoom. */
bool pd_overlay_draw(pd_overlay *o, pd_gfx *g, const pd_presenter *p, const pd_overlay_info *info, pd_err *err);
/* Before the frame's pass (pass: the one the frame will use): draws the
 * current stop's finished pen strokes once into a layer that
 * pd_overlay_draw then composites as one image, and again only when a
 * stroke ends, is undone or cleared, or the stop, zoom or size changes.
 * Without it the strokes are drawn one segment at a time, every frame.
 * Fails (err) only when the layer's target cannot be made. */
bool pd_overlay_prepare(pd_overlay *o, pd_gfx *g, const pd_presenter *p, const pd_gfx_pass *pass, pd_err *err);
/* The layer pays for itself from this many points of finished strokes at a
 * stop (compositing it costs a frame-sized textured quad, ~2.5 us of
 * segments each on llvmpipe); fewer are drawn live. */
#define PD_PEN_LAYER_MIN_POINTS 3000
/* Sets that threshold (tests: 0 puts every finished stroke in the layer). */
void pd_overlay_set_pen_layer_min(pd_overlay *o, int points);
/* The audience's frame as the presenter has it: sets pass->zoom and
 * zoom_center from the zoom (Z); draw the talk at pd_presenter_audience_t
 * (Shift+F freezes it) into that pass, then pd_overlay_draw. */
void pd_overlay_audience_pass(const pd_presenter *p, pd_gfx_pass *pass);
/* Only the pen's strokes at the current stop (captures without
 * --capture-overlays still show them). */
void pd_overlay_draw_annotations(pd_overlay *o, pd_gfx *g, const pd_presenter *p);

/* Draws the whole presenter view into the pass (a window's framebuffer or a
 * target): begins and ends its own gfx passes. talk may be NULL (test card). */
bool pd_overlay_draw_presenter_view(pd_overlay *o, pd_gfx *g, const pd_gfx_pass *pass, const pd_gfx_scene *talk,
                                    const pd_presenter *p, const pd_overlay_info *info, pd_err *err);

#endif
