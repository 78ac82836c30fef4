/* session: what every mode of podium works on, and its one way to draw.
 *
 * Owns: the fonts and glyph atlas, the talk (a built-in talk by name, a C
 * talk file compiled at load, or a Manim scene file) or the test card, its
 * timeline, and once a GL context exists the renderer, the talk on the GPU
 * and (headless) the offscreen target. Draws a frame at any t into any pass,
 * with overlays over it when asked. Does not own: windows, keys, files
 * written (app/export.h, app/live.h, app/present.h).
 *
 *   pd_session s = {0};
 *   if (!pd_session_load(&s, &(pd_session_desc){ .talk = "gqa", .width = 1920, .height = 1080 }, &err) ||
 *       !pd_session_headless(&s, &err) || !pd_session_render(&s, 12.5, pixels, &err)) ...;
 *   pd_session_unload(&s);
 */
#ifndef PD_APP_SESSION_H
#define PD_APP_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/vec.h"
#include "gfx/gfx.h"
#include "platform/platform.h"
#include "present/overlay.h"
#include "present/presenter.h"
#include "present/testcard.h"
#include "scene/scene.h"
#include "scene/timeline.h"
#include "text/atlas.h"
#include "text/font.h"

typedef struct pd_cfile pd_cfile;

typedef struct pd_session_desc {
    /* the talk: a built-in talk's name, or a file: NAME.c (a C talk) or
     * NAME.py (a Manim scene, with scene_name naming its class when the file
     * has several); NULL with testcard */
    const char *talk;
    const char *scene_name;
    bool testcard;          /* the built-in test card instead of a talk */
    const char *shader_dir; /* NULL: the embedded shaders */
    int width, height;      /* headless: the target's size */
} pd_session_desc;

typedef struct pd_session {
    pd_session_desc desc;
    pd_fonts *fonts;
    pd_atlas *atlas;
    pd_scene *scene;   /* the talk, finalised (NULL: the test card) */
    pd_testcard *card; /* the test card (NULL: a talk) */
    pd_cfile *cfile;   /* a C talk's loaded object, kept while its scene lives */
    pd_timeline tl;    /* the talk's places; the test card: 10 s, no stops */
    char title[256];   /* the talk's own title */
    pd_headless *headless;
    pd_gfx *gfx;
    pd_gfx_scene *talk;    /* the talk on the GPU */
    pd_gfx_target *target; /* headless: the frame, desc.width x desc.height */
    /* a pass drawing only its damage: the talk's instances inside it (uint32_t, pd_run) */
    pd_vec cull_index, cull_runs;
} pd_session;

/* Fonts, atlas, and the talk's script (it runs once, here) or the test
 * card; no GL. Fails (err: one line naming the talk and the fix). */
bool pd_session_load(pd_session *s, const pd_session_desc *desc, pd_err *err);
/* The renderer and the talk's upload, for the GL context current now. */
bool pd_session_gl(pd_session *s, pd_gl_loader loader, pd_err *err);
/* A headless EGL context, the renderer and an offscreen target. */
bool pd_session_headless(pd_session *s, pd_err *err);
void pd_session_unload(pd_session *s);
/* Runs the talk's file again (it was saved): a new scene, finalised and,
 * with a renderer, uploaded, replaces the old one. On failure (err: the
 * script's one line) the old talk stays as it was. */
bool pd_session_reload(pd_session *s, pd_err *err);

/* Overlays drawn over the frame: the presenter's HUD, help, toasts, the
 * speaker's tools; the talk is zoomed as the presenter has it (Z). */
typedef struct pd_session_overlays {
    pd_overlay *overlay;
    const pd_presenter *presenter;
    pd_overlay_info info;
    bool annotations_only; /* only the pen's strokes (captures without --capture-overlays) */
} pd_session_overlays;

/* The talk (or the test card) at t into the pass, overlays (NULL: none)
 * over it; with a presenter, the talk is zoomed as it has it. */
bool pd_session_draw_frame(pd_session *s, const pd_gfx_pass *pass, double t, const pd_session_overlays *ov,
                           pd_err *err);
/* Headless: the frame at t (with overlays, or NULL) into the session's
 * target, read back into px (width*height*4, row 0 at the top; NULL: not
 * read). */
bool pd_session_render(pd_session *s, double t, const pd_session_overlays *ov, uint8_t *px, pd_err *err);

/* A place written on the command line: seconds, stop:N or section:N. */
typedef struct pd_place {
    bool given;
    enum {
        PD_PLACE_SECONDS,
        PD_PLACE_STOP,
        PD_PLACE_SECTION
    } kind;
    double seconds;
    int n;
    const char *text; /* as written, for messages */
} pd_place;

/* Times printed by --list and --keys are rounded to 1 ms: a time they
 * printed (the duration rounded up) is still inside the talk. */
#define PD_LIST_ROUNDING_S 5e-4

/* The time of a place; dflt when it was not given. Fails (err naming the
 * place) for a stop out of range or a time past the end. */
bool pd_session_place_t(const pd_session *s, const pd_place *pl, double dflt, double *out, pd_err *err);

#endif
