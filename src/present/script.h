/* script: scripted input for rehearsal and tests (`podium --keys "SCRIPT"`).
 *
 * Owns: parsing a script into tokens and applying a token to a presenter on
 * a simulated clock. Does not own: rendering, screenshots, printing (the
 * caller acts on the returned PD_ACT_* bits and prints the state).
 *
 * Tokens, separated by spaces or commas:
 *   KEY               a key press and release: right, space, pagedown, g, 7, ], ., f12, ...
 *                     with modifiers: shift+right, ctrl+left, shift+f12, ctrl+q; "?" is shift+slash
 *   wait:SECONDS      advance the clock
 *   settle            advance until the playhead stops by itself
 *   hold:KEY:SECONDS  press KEY, advance SECONDS, release (Shift+arrow scrubbing)
 *   click, rclick     left / right click in the middle of the frame
 *   click:FX:FY       left click at frame fractions (FX, FY), x right, y down
 *   bar:F             click the HUD's timeline bar at fraction F (0..1)
 *   drag:F1:F2        drag along the timeline bar from F1 to F2
 *   wheel:N           N wheel notches (positive: forward in time; while zoomed: zoom in)
 *   ctrl+wheel:N      N Ctrl+wheel notches: zoom in (positive) or out
 *   pointer:FX:FY     move the mouse to frame fractions (FX, FY): the laser, spotlight and zoom centre
 *   draw:FX1:FY1:FX2:FY2...  press at the first point, move through the others, release at the
 *                     last (with the pen on, D: a stroke; 2..PD_SCRIPT_MAX_POINTS points)
 *
 *   pd_script *sc = pd_script_parse("right settle v wait:0.5", &err);
 *   for (int i = 0; i < pd_script_count(sc); i++) { unsigned act = pd_script_apply(p, pd_script_at(sc, i), tick, user);
 * ... } pd_script_free(&sc);
 */
#ifndef PD_PRESENT_SCRIPT_H
#define PD_PRESENT_SCRIPT_H

#include "core/err.h"
#include "present/presenter.h"

typedef enum pd_token_kind {
    PD_TOK_KEY,
    PD_TOK_WAIT,
    PD_TOK_SETTLE,
    PD_TOK_HOLD,
    PD_TOK_CLICK,
    PD_TOK_RCLICK,
    PD_TOK_BAR,
    PD_TOK_DRAG,
    PD_TOK_WHEEL,
    PD_TOK_ZOOM_WHEEL,
    PD_TOK_POINTER,
    PD_TOK_CLICK_AT,
    PD_TOK_DRAW,
} pd_token_kind;

/* points of one draw: token */
#define PD_SCRIPT_MAX_POINTS 16

typedef struct pd_script_token {
    pd_token_kind kind;
    char text[64]; /* as written, for the "after TOKEN:" line */
    int key, mods;
    double a, b;
    float points[2 * PD_SCRIPT_MAX_POINTS]; /* draw: x, y pairs */
    int point_count;
} pd_script_token;

typedef struct pd_script pd_script;

/* Fails (NULL, err naming the token and its position) on an unknown key
 * name or a bad number. An empty script is valid. */
pd_script *pd_script_parse(const char *text, pd_err *err);
void pd_script_free(pd_script **s);
int pd_script_count(const pd_script *s);
const pd_script_token *pd_script_at(const pd_script *s, int i);

/* Clock advances go through tick(user, dt), which must call
 * pd_presenter_tick (a renderer can split dt into frames). Returns the
 * PD_ACT_* bits of the token's events. */
typedef void (*pd_script_tick_fn)(void *user, double dt);
unsigned pd_script_apply(pd_presenter *p, const pd_script_token *tok, pd_script_tick_fn tick, void *user);

/* The tokens, as --help lists them (lines indented by two spaces). */
const char *pd_script_help(void);

#endif
