/* export: the talk written out, headless and frame-exact.
 *
 * Owns: exporting a stretch of the talk to an H.264 mp4 (through ffmpeg) or
 * a folder of PNG frames, frame k showing t = from + k / fps, with the still
 * frames of a wait rendered once and repeated; the frame held at every stop
 * as PNGs; the handout PDF (one page per stop, its note under the frame).
 * Each takes a session loaded headless and a desc, and returns a result: it
 * prints nothing (progress goes to the desc's callback). Outputs follow
 * capture/output.h: checked first, written under a temporary name, moved into
 * place when complete, replaced only with force; after SIGINT/SIGTERM the
 * work done so far is kept under a NAME.partial name.
 * Does not own: encoding and files (capture/), the command line (main.c).
 *
 *   pd_export_result r;
 *   if (!pd_export_video(&session, &(pd_export_desc){ .path = "talk.mp4", .fps = 30, .to = 88.667 }, &r, &err)) ...;
 */
#ifndef PD_APP_EXPORT_H
#define PD_APP_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/session.h"
#include "core/err.h"

typedef struct pd_export_desc {
    const char *path; /* FILE.mp4, FILE.pdf, or a folder DIR/ */
    double fps;       /* video */
    double from, to;  /* video: seconds; to > from */
    bool force;       /* replace an existing output once the new one is complete */
    /* called after each frame or page (may be NULL) */
    void (*progress)(void *user, long done, long total, double elapsed_s);
    void *user;
} pd_export_desc;

typedef struct pd_export_result {
    long total;    /* frames, stops or pages asked for */
    long done;     /* written */
    long rendered; /* video: drawn (the rest repeat a still frame) */
    double wall_s;
    char where[2100]; /* the file or folder it went to */
    /* SIGINT/SIGTERM stopped it (the function returned false): what was done
     * is kept at `kept` when `kept_ok`; err says why not, or adds a note */
    bool interrupted, kept_ok;
    char kept[2400];
} pd_export_result;

bool pd_export_video(pd_session *s, const pd_export_desc *d, pd_export_result *r, pd_err *err);
/* The frame held at every stop: DIR/stop-01.png ... */
bool pd_export_stops(pd_session *s, const pd_export_desc *d, pd_export_result *r, pd_err *err);
/* A PDF, one page per stop, its note under the frame. */
bool pd_export_handout(pd_session *s, const pd_export_desc *d, pd_export_result *r, pd_err *err);

#endif
