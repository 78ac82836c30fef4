/* output: every file or folder podium writes goes through one target.
 *
 * Owns: the checks made before any work (the parent folder exists and is
 * writable, a file is not a folder, the overwrite rule), the temporary name
 * beside the target (".NAME.partial-PID", same folder, so the final rename
 * is atomic), moving the finished output into place, keeping an interrupted
 * one under a clear name ("talk.partial.mp4", never overwriting), and
 * SIGINT/SIGTERM while an output is being written.
 * Does not own: what is written (png.c, frames.c, handout.c).
 *
 * The overwrite rule, for every output: a target that exists is refused
 * unless force (--force / -y); with force the old file is replaced only by
 * the rename of the complete new one, so an interrupted run never loses it.
 * A folder target (--export DIR/, --export-stops DIR) may be created (its
 * parent must exist); it "exists" when it holds names podium writes there
 * (the pattern, e.g. "frame-*.png"); other files in it are left alone. With
 * force, the pattern's files of the old run are replaced or removed.
 *
 * Signals: while a target is open, the first SIGINT or SIGTERM only sets a
 * flag (pd_out_interrupted) so that the writer stops, finishes the file and
 * keeps it with pd_out_keep_partial; a second one kills the registered
 * child (ffmpeg), removes every temporary file and exits at once with
 * 128 + the signal. With no target open, the signals act as by default.
 *
 *   pd_out o;
 *   if (!pd_out_begin(&o, &(pd_out_spec){.path = "talk.pdf", .option = "--handout"}, &err)) ...;
 *   write(pd_out_tmp(&o)); if (pd_out_interrupted()) pd_out_keep_partial(&o, kept, sizeof kept, &err);
 *   else pd_out_commit(&o, &err);
 */
#ifndef PD_CAPTURE_OUTPUT_H
#define PD_CAPTURE_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "core/err.h"

typedef enum pd_out_kind {
    PD_OUT_FILE,
    PD_OUT_DIR,
} pd_out_kind;

typedef struct pd_out_spec {
    const char *path;
    pd_out_kind kind;
    const char *option;  /* for messages: "--export"; NULL: none */
    const char *pattern; /* PD_OUT_DIR: the names podium writes there, e.g. "frame-*.png" */
    bool force;          /* replace an existing target */
} pd_out_spec;

typedef struct pd_out {
    pd_out_kind kind;
    bool force;
    bool into_existing; /* PD_OUT_DIR: the folder existed; the temporary folder is inside it */
    bool open;
    char path[2048]; /* the target, without trailing slashes */
    char tmp[2300];  /* where the output is written until it is complete */
    char pattern[64];
    int slot; /* in the signal handler's table; -1 when none */
} pd_out;

/* Fails with one line naming the path and the fix when the target cannot
 * be written (missing or unwritable parent folder, a folder where a file is
 * wanted or the reverse, an existing target without force). Writes nothing. */
bool pd_out_check(const pd_out_spec *spec, pd_err *err);

/* pd_out_check, then the temporary name (a PD_OUT_DIR's temporary folder is
 * created; a file is created by the writer) and the signal handling. */
bool pd_out_begin(pd_out *o, const pd_out_spec *spec, pd_err *err);

/* Where to write until commit. */
const char *pd_out_tmp(const pd_out *o);

/* A process writing the temporary file (ffmpeg): killed on a second signal
 * before the file is removed. 0 clears it. */
void pd_out_set_child(pd_out *o, pid_t pid);

/* Moves the complete output into place (never over an existing target
 * without force) and ends the target. */
bool pd_out_commit(pd_out *o, pd_err *err);

/* Keeps an unfinished output as NAME.partial.EXT (a file) or NAME.partial
 * (a new folder; inside the target when it existed, as podium.partial),
 * numbered -2, -3 ... rather than overwriting; its path into kept. */
bool pd_out_keep_partial(pd_out *o, char *kept, size_t cap, pd_err *err);

/* Removes the temporary file or folder and ends the target. */
void pd_out_abandon(pd_out *o);

/* The first SIGINT/SIGTERM received while a target was open, else 0. */
int pd_out_interrupted(void);

/* 128 + the signal: the exit status after an interruption (130, 143). */
int pd_out_exit_status(void);

#endif
