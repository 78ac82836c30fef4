/* watch: tells when a talk's file was saved.
 *
 * Owns: an inotify watch on the file's folder (editors save by writing the
 * file, or by writing another and renaming it over the file: both count),
 * and a short settle time so a save in several writes reloads once.
 * Does not own: reloading (app/present.h).
 *
 *   pd_watch *w = pd_watch_create("talk.py", &err);
 *   if (pd_watch_changed(w, pd_clock_now_s())) reload();   // polled each frame, never blocks
 *   pd_watch_destroy(&w);
 */
#ifndef PD_APP_WATCH_H
#define PD_APP_WATCH_H

#include <stdbool.h>

#include "core/err.h"

/* Quiet time after the last write before a change is reported, seconds. */
#define PD_WATCH_SETTLE_S 0.05

typedef struct pd_watch pd_watch;

pd_watch *pd_watch_create(const char *path, pd_err *err);
/* True once per save, PD_WATCH_SETTLE_S after its last write (now: a
 * monotonic clock in seconds). */
bool pd_watch_changed(pd_watch *w, double now);
/* The watch's file descriptor, for poll() (-1 when none). */
int pd_watch_fd(const pd_watch *w);
void pd_watch_destroy(pd_watch **w);

#endif
