/* present: the talk presented, in a window or on a simulated clock.
 *
 * Owns: the window loop (events to the presenter, the wall clock, drawing
 * the talk and its overlays, the presenter view in a second window with its
 * own GL context) and the --keys runner (the same presenter driven by a key
 * script on a simulated clock, printing the playhead after each token), with
 * captures through app/live.h in both; a talk read from a file (.py, .c)
 * reloads in the window when the file is saved (app/watch.h). Does not own: what keys do
 * (present/presenter.h), the command line (main.c).
 *
 *   return pd_present_window(&(pd_present_desc){ .session = sd, .live = ld });
 */
#ifndef PD_APP_PRESENT_H
#define PD_APP_PRESENT_H

#include <stdbool.h>
#include <stdio.h>

#include "app/live.h"
#include "app/session.h"

typedef struct pd_present_desc {
    pd_session_desc session; /* its width x height is the capture size */
    pd_live_desc live;
    pd_place start; /* --start */
    bool hud;       /* the HUD shown from the start */
    bool fullscreen;
    int monitor;
    bool monitor_given;  /* --monitor was given (else --presenter picks the other monitor) */
    bool presenter_view; /* open the presenter view at start */
    pd_plan plan;        /* --duration (total_s 0: none) */
} pd_present_desc;

/* Presents in a window until the speaker quits. Returns the exit code: 0,
 * 1 without a display (one line says so), 2 on a failure (one line). */
int pd_present_window(const pd_present_desc *d);

/* The talk's file was saved: runs it again (app/session.h) and gives the
 * presenter its new places, holding at the same stop or the nearest that
 * still exists. On a script error (err: its one line) the old talk stays. */
bool pd_present_reload(pd_session *s, pd_presenter *p, pd_err *err);

/* Runs the key script on a simulated clock, writing
 * 'after TOKEN: t=SECONDS stop=N mode=MODE' to out after each token. A GL
 * context is made only when the script captures. Returns the exit code. */
int pd_present_keys(const pd_present_desc *d, const char *script, FILE *out);

#endif
