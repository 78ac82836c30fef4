/* frames: where rendered frames go, off the render thread.
 *
 * Owns: a pool of frame buffers and writer threads; screenshots (one PNG
 * each, under a timestamped name in a capture folder, never overwriting);
 * frame sinks for recordings and exports (an ffmpeg pipe to H.264 mp4, or a
 * numbered PNG sequence), with the fall-back from ffmpeg to PNG when ffmpeg
 * is missing or dies (shots.c, sink.c, over the buffer pool of pool.c). A sink writes
 * under a temporary name (capture/output.h) and moves the mp4 or the folder
 * into place on close; an interrupted one is kept as NAME.partial.mp4 or
 * NAME.partial/ (pd_cap_sink_keep_partial).
 * Does not own: rendering or reading pixels (gfx/), what to capture and the
 * progress shown on a terminal (app/).
 *
 * Threads: every function is called from one thread (the render thread);
 * encoding and writing happen on the capture's own threads. acquire() blocks
 * only when every buffer is queued, so no frame is ever dropped: a slow disk
 * slows the caller down instead.
 *
 *   pd_cap_sink *s = pd_cap_sink_open(&(pd_cap_sink_desc){ .path = "talk.mp4", .width = 1920,
 *                                     .height = 1080, .fps = 30 }, &err);
 *   uint8_t *px = pd_cap_sink_acquire(s); read_pixels(px); pd_cap_sink_submit(s, px, 1);
 *   pd_cap_sink_close(&s, &err);
 */
#ifndef PD_CAPTURE_FRAMES_H
#define PD_CAPTURE_FRAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* ---- folders and names ---- */

/* Creates dir (and its parents) if missing. Fails with a message naming the
 * folder and the fix ("pass another OPTION") when it cannot be created or is
 * not a writable folder. */
bool pd_cap_ensure_dir(const char *dir, const char *option, pd_err *err);
/* "podium-20240131-142501-123" (local time, milliseconds) into buf. */
void pd_cap_timestamp(char *buf, size_t cap, const char *prefix);

/* ---- screenshots ---- */
typedef struct pd_cap_shots pd_cap_shots;

/* dir: created when the first shot is taken. w x h: the frame size. */
pd_cap_shots *pd_cap_shots_create(const char *dir, int w, int h, pd_err *err);
/* Waits for queued shots to be written, then frees everything. */
void pd_cap_shots_destroy(pd_cap_shots **s);
/* A w*h*4 buffer to fill, or NULL when all are busy (a shot is dropped
 * rather than stalling the presenter; the caller says so). */
uint8_t *pd_cap_shots_acquire(pd_cap_shots *s);
/* Queues the buffer: it is written as DIR/podium-TIMESTAMP.png (a suffix -2,
 * -3 ... where that name exists). */
void pd_cap_shots_submit(pd_cap_shots *s, uint8_t *px);
/* The next finished shot: true with a message ("saved captures/x.png" or
 * the error) and ok; false when none finished since the last call. */
bool pd_cap_shots_poll(pd_cap_shots *s, char *msg, size_t cap, bool *ok);
/* Blocks until every queued shot is written. */
void pd_cap_shots_flush(pd_cap_shots *s);

/* ---- frame sinks: recordings and exports ---- */
typedef struct pd_cap_sink pd_cap_sink;

/* What a sink's buffers hold. */
typedef enum pd_cap_pixels {
    PD_CAP_RGBA,   /* w*h*4, row 0 at the top; ffmpeg converts to YUV (BT.709, limited range) */
    PD_CAP_YUV420, /* w*h*3/2, ffmpeg's yuv420p (gfx's pd_gfx_read_yuv420 or _cpu): ffmpeg only encodes, and
                      the frames are spliced into its pipe, not copied. mp4 or .yuv only, without a fall-back
                      (PNG frames need RGBA) */
} pd_cap_pixels;

/* A still stretch known before it is submitted: the buffer submitted as
 * frame `frame` with `repeat` frames (the sink repeats those of 3 or more). */
typedef struct pd_cap_hold {
    long frame;
    int repeat;
} pd_cap_hold;

typedef struct pd_cap_sink_desc {
    const char *path; /* ends in .mp4: ffmpeg; .yuv: the raw PD_CAP_YUV420 frames; else a folder for
                         frame-000001.png ... */
    int width, height;
    double fps; /* 0 means 60 */
    /* When ffmpeg is missing or dies: write the rest as a PNG sequence in
     * this new folder and say so (recordings). NULL: fail instead (exports). */
    const char *fallback_dir;
    const char *ffmpeg; /* the program; NULL means "ffmpeg" on PATH */
    int buffers;        /* 0 means 3 */
    bool force;         /* replace an existing file, or a folder's frames, once complete */
    const char *option; /* for messages: "--export" */
    pd_cap_pixels pixels;
    int crf; /* x264's constant rate factor for an mp4, 1..51, lower is better; 0 means 18 */
    /* An mp4's still stretches, ascending and apart (exports know them
     * ahead): each goes down ffmpeg's pipe as its first and last frames and
     * ffmpeg repeats the first in between (-vf setpts, -fps_mode cfr), so the
     * encoder gets the same frames for a fraction of the pipe's reads.
     * Submitting any other way is a mistake: the frames after would be
     * mistimed. NULL: every frame is sent. */
    const pd_cap_hold *holds;
    int hold_count;
} pd_cap_sink_desc;

/* Fails (NULL, err) when the file exists or the folder holds frames already
 * (unless force), the folder or its parent cannot be written (pd_out_check),
 * or ffmpeg is missing and there is no fallback. */
pd_cap_sink *pd_cap_sink_open(const pd_cap_sink_desc *desc, pd_err *err);
/* A free buffer of pd_cap_sink_frame_bytes (PD_CAP_RGBA: row 0 at the top);
 * blocks while all are queued. */
uint8_t *pd_cap_sink_acquire(pd_cap_sink *s);
/* The bytes of one buffer: w*h*4, or w*h*3/2 for PD_CAP_YUV420. */
size_t pd_cap_sink_frame_bytes(const pd_cap_sink *s);
/* Queues px as the next `repeat` frames (a still stretch costs one read). */
void pd_cap_sink_submit(pd_cap_sink *s, uint8_t *px, int repeat);
/* A one-line notice of a fall-back or failure since the last call (for a
 * toast), or NULL. */
const char *pd_cap_sink_notice(pd_cap_sink *s);
/* True once the sink has failed for good (no fallback): stop feeding it. */
bool pd_cap_sink_failed(const pd_cap_sink *s);
/* Frames accepted so far. */
long pd_cap_sink_frames(const pd_cap_sink *s);
/* True when frames go into ffmpeg's pipe without a copy (Linux, YUV frames
 * larger than the pipe: vmsplice); else they are written. */
bool pd_cap_sink_spliced(const pd_cap_sink *s);
/* Where the frames go: the mp4, the folder, or the fall-back folder (the
 * final names: the temporary ones are moved there on close). */
const char *pd_cap_sink_where(const pd_cap_sink *s);
/* Finishes: waits for the writers and for ffmpeg (closing its input so that
 * it writes a complete mp4), then moves the output into place. Fails with the
 * reason (write error, ffmpeg's exit status) when frames were lost; then the
 * unfinished output is removed. */
bool pd_cap_sink_close(pd_cap_sink **s, pd_err *err);
/* Finishes the same way after an interruption, and keeps what was written
 * as NAME.partial.mp4 or NAME.partial/ (never overwriting): its path into
 * kept. True when it was kept; err may still say what went wrong. */
bool pd_cap_sink_keep_partial(pd_cap_sink **s, char *kept, size_t cap, pd_err *err);

/* Encodes a file of raw YUV 4:2:0 frames (a sink's .yuv output) into mp4
 * (replaced) with exactly the settings of an mp4 sink, and waits: the
 * encoder-only ceiling that --bench measures beside the export. */
bool pd_cap_encode_raw(const char *raw, int width, int height, double fps, const char *mp4, pd_err *err);

/* True when `ffmpeg` (or PODIUM_FFMPEG) can be run. */
bool pd_cap_ffmpeg_available(void);

#endif
