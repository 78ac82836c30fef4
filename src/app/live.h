/* live: captures while presenting, in the window or under --keys.
 *
 * Owns: F12 screenshots (rendered offscreen at the capture size, written on
 * a writer thread under a timestamped name) and Shift+F12 recordings (every
 * frame slot of the presenter's clock gets a frame, nothing dropped; ffmpeg,
 * or PNG frames when it is missing), their messages (a toast and a line on
 * stderr), and the overlays in captures only with capture_overlays (never
 * the REC mark). Does not own: the presenter's state (present/presenter.h).
 *
 *   pd_live L = { .session = &s, .presenter = p, .desc = { .capture_dir = dir, .fps = 60 } };
 *   pd_live_actions(&L, act);      // after each event: F12, Shift+F12
 *   pd_live_record_frames(&L);     // after each tick
 *   pd_live_poll(&L);              // messages of finished screenshots
 *   pd_live_finish(&L);
 */
#ifndef PD_APP_LIVE_H
#define PD_APP_LIVE_H

#include <stdbool.h>

#include "app/session.h"
#include "capture/frames.h"

typedef struct pd_live_desc {
    const char *capture_dir; /* absolute: messages name where captures went */
    double fps;              /* recordings */
    bool capture_overlays;   /* the HUD, help and toasts in captures too */
} pd_live_desc;

typedef struct pd_live {
    pd_session *session; /* its desc.width x desc.height is the capture size */
    pd_presenter *presenter;
    pd_overlay *overlay; /* drawn into captures with capture_overlays */
    pd_live_desc desc;
    pd_cap_shots *shots;
    pd_cap_sink *rec;
    double rec_start; /* presenter clock when the recording began */
    long rec_frames;
    int failures; /* captures that could not be written */
} pd_live;

/* Acts on PD_ACT_SCREENSHOT and PD_ACT_RECORD. */
void pd_live_actions(pd_live *L, unsigned act);
/* While recording: the frames due by the presenter's clock. */
void pd_live_record_frames(pd_live *L);
/* Says what finished screenshots did. */
void pd_live_poll(pd_live *L);
/* Waits for screenshots being written and says what they did. */
void pd_live_flush(pd_live *L);
/* Stops a recording, finishes the screenshots. */
void pd_live_finish(pd_live *L);
/* A message as a toast and a line on stderr; !ok counts as a failure. */
void pd_live_say(pd_live *L, bool ok, const char *msg);
/* Advances the presenter's clock by dt; while recording, frame by frame so
 * every frame is rendered (--keys: the simulated clock). */
void pd_live_tick(void *live, double dt);

#endif
