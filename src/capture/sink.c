#define _GNU_SOURCE /* vmsplice, F_SETPIPE_SZ */
#include "capture/frames.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "capture/output.h"
#include "capture/pool.h"
#include "capture/png.h"

extern char **environ;

/* x264's speed/size trade-off, chosen by the table in docs/performance.md:
 * the fastest on two cores, where x264's CPU is the export's wall time
 * (whole talk 21.9 s against veryfast's 28.1 s and a 3.8x smaller file, the
 * same day), every preset visually lossless at crf 18 (SSIM >= 0.9993) */
#define PD_CAP_X264_PRESET "ultrafast"

/* ---- sinks ---- */

typedef enum sink_kind {
    SINK_FFMPEG,
    SINK_PNG,
} sink_kind;

struct pd_cap_sink {
    pool pool;
    sink_kind kind; /* guarded by pool.mu after open (a fall-back changes it) */
    int w, h;
    double fps;
    pd_cap_pixels pixels;
    int crf;
    size_t frame_bytes; /* a buffer */
    bool splice;        /* frames are spliced into ffmpeg's pipe (send_frame) */
    char path[2048], png_dir[2048], fallback_dir[2048];
    bool has_fallback;
    bool fell_back; /* the frames go to fallback_dir now */
    pd_out out;     /* the mp4 or the folder, under a temporary name until complete */
    pid_t pid;
    int fd;
    long frames_in;          /* render thread */
    long frames_to_png_from; /* index of the first frame written as PNG after a fall-back */
    bool failed;             /* guarded by pool.mu */
    char error[1400];        /* guarded by pool.mu */
    char notice[1400];       /* guarded by pool.mu */
    bool notice_new;
    char notice_out[1400]; /* render thread copy */
    pd_cap_hold *holds;    /* the still stretches ffmpeg repeats itself (desc.holds) */
    int hold_count;
    int hold_next; /* writer: the first hold not yet passed */
};

enum {
    MAX_HOLDS = 1024 /* the first ones: a longer setpts expression is still cheap, but needs no more */
};

bool pd_cap_ffmpeg_available(void)
{
    const char *prog = getenv("PODIUM_FFMPEG");
    if (!prog || !*prog)
        prog = "ffmpeg";
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    char *argv[] = {(char *)prog, "-hide_banner", "-version", NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        return false;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static bool write_all(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += k;
        n -= (size_t)k;
    }
    return true;
}

/* How many of the frames [index, index + repeat) go down the pipe: not those
 * ffmpeg repeats itself (a hold's frames between its first and its last). */
static int frames_to_send(pd_cap_sink *s, long index, int repeat)
{
    long end = index + repeat;
    int n = repeat;
    while (s->hold_next < s->hold_count) {
        const pd_cap_hold *h = &s->holds[s->hold_next];
        long a = h->frame + 1, b = h->frame + h->repeat - 1; /* ffmpeg's repeats: [a, b) */
        if (a >= end)
            break;
        long lo = a > index ? a : index, hi = b < end ? b : end;
        if (hi > lo)
            n -= (int)(hi - lo);
        if (b > end)
            break; /* the rest of it is in the next item */
        s->hold_next++;
    }
    return n;
}

/* A frame down ffmpeg's pipe. YUV frames are spliced (vmsplice): the pipe
 * refers to their pages instead of taking a copy, and ffmpeg's read is the
 * only copy (a 1080p frame is 3.1 MB; a held frame repeated costs no copying
 * at all). A spliced buffer must not change until ffmpeg has read it: the
 * writer gives each buffer back one frame late (sink_main), and s->splice is
 * set only for frames larger than the pipe, so that once the next frame is in
 * the pipe whole the one before has been read. */
static bool send_frame(pd_cap_sink *s, const uint8_t *p, size_t n)
{
#if defined(__linux__)
    while (s->splice && n > 0) {
        struct iovec iov = {.iov_base = (void *)p, .iov_len = n};
        ssize_t k = vmsplice(s->fd, &iov, 1, 0);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EPIPE)
                return false;
            s->splice = false; /* not a pipe after all: copy */
            break;
        }
        p += k;
        n -= (size_t)k;
    }
#endif
    return write_all(s->fd, p, n);
}

/* Exports (YUV frames, no fall-back): a larger pipe (1 MB where the system
 * allows: /proc/sys/fs/pipe-max-size) wakes ffmpeg and the writer 16x less
 * often than the default 64 kB, and its capacity decides whether frames can
 * be spliced. Recordings keep the small pipe: when ffmpeg dies, what is in
 * the pipe is lost before the PNG fall-back takes over. */
static void pipe_setup(pd_cap_sink *s)
{
    s->splice = false;
#if defined(__linux__)
    if (s->pixels != PD_CAP_YUV420)
        return;
    int cap = fcntl(s->fd, F_SETPIPE_SZ, 1 << 20);
    if (cap < 0)
        cap = fcntl(s->fd, F_GETPIPE_SZ);
    s->splice = cap > 0 && s->frame_bytes > (size_t)cap && s->pool.nbufs >= 3 && !getenv("PODIUM_NO_SPLICE");
#endif
}

static void frame_path(char *buf, size_t cap, const char *dir, long index)
{
    snprintf(buf, cap, "%s/frame-%06ld.png", dir, index + 1);
}

static bool write_png_frames(pd_cap_sink *s, const char *dir, const item *it, pd_err *err)
{
    char first[2200], path[2200];
    frame_path(first, sizeof first, dir, it->index);
    if (!pd_png_write(first, it->px, s->w, s->h, PD_PNG_NEW_ONLY, err))
        return false;
    for (int r = 1; r < it->repeat; r++) {
        frame_path(path, sizeof path, dir, it->index + r);
        /* a still stretch: the same file under each name, without encoding again */
        if (link(first, path) != 0 && !pd_png_write(path, it->px, s->w, s->h, PD_PNG_NEW_ONLY, err))
            return false;
    }
    return true;
}

static void sink_fail(pd_cap_sink *s, const char *msg)
{
    pthread_mutex_lock(&s->pool.mu);
    if (!s->failed) {
        s->failed = true;
        snprintf(s->error, sizeof s->error, "%s", msg);
        snprintf(s->notice, sizeof s->notice, "%s", msg);
        s->notice_new = true;
    }
    pthread_mutex_unlock(&s->pool.mu);
}

/* ffmpeg is gone: reap it, then go on as a PNG sequence if allowed. */
static bool fall_back(pd_cap_sink *s, long from_index, const char *why)
{
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    char status_text[80] = "";
    if (s->pid > 0) {
        int status = 0;
        while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR) {
        }
        s->pid = 0;
        if (WIFEXITED(status))
            snprintf(status_text, sizeof status_text, ", ffmpeg exited %d", WEXITSTATUS(status));
        else if (WIFSIGNALED(status))
            snprintf(status_text, sizeof status_text, ", ffmpeg was killed by signal %d", WTERMSIG(status));
    }
    char msg[1200], kept[1100] = "";
    pd_err err = {0};
    if (s->has_fallback) {
        /* the frames before the failure stay where ffmpeg put them, under a name that says so */
        pd_err kerr = {0};
        if (!pd_out_keep_partial(&s->out, kept, sizeof kept, &kerr))
            kept[0] = 0;
    }
    if (!s->has_fallback || !pd_cap_ensure_dir(s->fallback_dir, "--capture-dir", &err)) {
        snprintf(msg, sizeof msg, "%.300s%s after %ld frames; %.600s", why, status_text, from_index,
                 s->has_fallback ? err.msg
                                 : "the mp4 is incomplete (check ffmpeg with 'ffmpeg -version', or export PNG frames "
                                   "to a folder: --export DIR/)");
        sink_fail(s, msg);
        return false;
    }
    snprintf(msg, sizeof msg, "%.300s after %ld frames: writing PNG frames to %.400s/ instead%s%.300s%s", why,
             from_index, s->fallback_dir, kept[0] ? " (the first frames: " : "", kept, kept[0] ? ")" : "");
    pthread_mutex_lock(&s->pool.mu);
    s->kind = SINK_PNG;
    s->fell_back = true;
    s->frames_to_png_from = from_index;
    snprintf(s->png_dir, sizeof s->png_dir, "%s", s->fallback_dir);
    snprintf(s->notice, sizeof s->notice, "%s", msg);
    s->notice_new = true;
    pthread_mutex_unlock(&s->pool.mu);
    return true;
}

static void *sink_main(void *arg)
{
    pd_cap_sink *s = arg;
    item it;
    uint8_t *spliced = NULL; /* the last frame spliced: ffmpeg may not have read it yet */
    while (pool_take(&s->pool, &it)) {
        pthread_mutex_lock(&s->pool.mu);
        sink_kind kind = s->kind;
        bool failed = s->failed;
        pthread_mutex_unlock(&s->pool.mu);
        bool splice = s->splice;
        if (!failed && kind == SINK_FFMPEG) {
            bool ok = true;
            int sends = s->pid > 0 ? frames_to_send(s, it.index, it.repeat) : it.repeat;
            for (int r = 0; r < sends && ok; r++)
                ok = send_frame(s, it.px, s->frame_bytes);
            if (!ok) {
                int e = errno;
                char why[200];
                snprintf(why, sizeof why, "%s (%s)",
                         s->pid > 0 ? "ffmpeg stopped taking frames" : "cannot write frames", strerror(e));
                if (fall_back(s, it.index, why))
                    kind = SINK_PNG;
            }
        }
        pthread_mutex_lock(&s->pool.mu);
        failed = s->failed;
        pthread_mutex_unlock(&s->pool.mu);
        if (!failed && kind == SINK_PNG) {
            pd_err err = {0};
            item local = it;
            local.index -= s->frames_to_png_from;
            if (!write_png_frames(s, s->png_dir, &local, &err))
                sink_fail(s, err.msg);
        }
        if (splice) {
            /* this frame is in the pipe whole: the one before it has been read */
            if (spliced)
                pool_done(&s->pool, spliced);
            spliced = it.px;
        } else
            pool_done(&s->pool, it.px);
    }
    if (spliced)
        pool_done(&s->pool, spliced); /* the pipe is closed after the writers are joined, then ffmpeg reaped */
    return NULL;
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

/* ffmpeg's command line for an export or recording: raw frames of the given
 * pixels from input (pipe:0 or a file) to an H.264 mp4 at output, through
 * the filters vf (NULL: none); into argv (64 entries), NULL-terminated. */
static void ffmpeg_args(const char **argv, const char *prog, pd_cap_pixels pixels, const char *size, const char *rate,
                        const char *crf, const char *vf, const char *input, const char *output, bool overwrite)
{
    /* BT.709, limited range, said in the stream so that players show the
     * colours rendered (untagged H.264 is shown as BT.601 by some) */
    static const char *const tags[] = {"-color_range",     "tv",    "-colorspace", "bt709",
                                       "-color_primaries", "bt709", "-color_trc",  "bt709"};
    enum {
        NTAGS = sizeof tags / sizeof tags[0]
    };
    int n = 0;
    const char *head[] = {prog, "-hide_banner", "-loglevel", "error",
                          "-f", "rawvideo",     "-pix_fmt",  pixels == PD_CAP_YUV420 ? "yuv420p" : "rgba"};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        argv[n++] = head[i];
    if (pixels == PD_CAP_YUV420) /* the input is converted already: tagged as such, ffmpeg keeps it */
        for (int i = 0; i < NTAGS; i++)
            argv[n++] = tags[i];
    const char *in[] = {"-s", size, "-framerate", rate, "-i", input, "-an"};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
        argv[n++] = in[i];
    if (vf) {
        argv[n++] = "-vf";
        argv[n++] = vf;
    }
    /* a constant frame rate: frames a hold left out of the pipe (ffmpeg_filters) are repeated */
    const char *codec[] = {"-fps_mode",        "cfr",  "-r", rate,       "-c:v",   "libx264", "-preset",
                           PD_CAP_X264_PRESET, "-crf", crf,  "-pix_fmt", "yuv420p"};
    for (size_t i = 0; i < sizeof codec / sizeof codec[0]; i++)
        argv[n++] = codec[i];
    for (int i = 0; i < NTAGS; i++)
        argv[n++] = tags[i];
    /* -f names the format (the output may be a temporary name); -n: ffmpeg
     * too refuses to overwrite */
    const char *out[] = {"-movflags", "+faststart", "-f", "mp4", overwrite ? "-y" : "-n", output, NULL};
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++)
        argv[n++] = out[i];
    assert(n <= 64);
}

/* The filters of an export or recording, malloc'd (NULL: out of memory).
 * RGBA frames are converted (libswscale's default matrix is BT.601: BT.709 is
 * asked for). Holds: a hold's first and last frames go down the pipe, and
 * frame N of the pipe is shown at N plus the frames left out before it
 * (setpts: each hold shifts the frames after its first, gte(N, K) being 1
 * from the pipe's frame K); ffmpeg's constant frame rate (-fps_mode cfr, see
 * ffmpeg_args) fills the gaps with the frame before them, handing x264 every
 * frame. Sending the last frame too keeps the timestamps whole at the end of
 * an interrupted or finished pipe. (The fps filter would fill them as well,
 * but it holds a frame back, and ffmpeg's allocator then maps and faults in
 * every frame's buffer anew: 3x the encoder's time here.) */
static char *ffmpeg_filters(const pd_cap_sink *s)
{
    size_t cap = 128 + (size_t)s->hold_count * 40, n = 0;
    char *vf = malloc(cap);
    if (!vf)
        return NULL;
    vf[0] = 0;
    if (s->pixels == PD_CAP_RGBA)
        n += (size_t)snprintf(vf + n, cap - n, "scale=out_color_matrix=bt709:out_range=tv");
    if (s->hold_count > 0) {
        n += (size_t)snprintf(vf + n, cap - n, "%ssetpts=N", n ? "," : "");
        long before = 0; /* repeats of the holds before: the pipe's index is the frame's minus these */
        for (int i = 0; i < s->hold_count; i++) {
            const pd_cap_hold *h = &s->holds[i];
            n += (size_t)snprintf(vf + n, cap - n, "+%d*gte(N\\,%ld)", h->repeat - 2, h->frame - before + 1);
            before += h->repeat - 2;
        }
    }
    assert(n < cap);
    return vf;
}

static bool spawn_ffmpeg(pd_cap_sink *s, const char *prog, pd_err *err)
{
    int fds[2];
    if (pipe(fds) != 0)
        return pd_err_set(err, "cannot make a pipe to ffmpeg: %s", strerror(errno));
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    char size[32], rate[32];
    snprintf(size, sizeof size, "%dx%d", s->w, s->h);
    snprintf(rate, sizeof rate, "%.6g", s->fps);
    char crf[16];
    snprintf(crf, sizeof crf, "%d", s->crf);
    char *vf = ffmpeg_filters(s);
    if (!vf) {
        close(fds[0]);
        close(fds[1]);
        return pd_err_set(err, "out of memory for ffmpeg's filters");
    }
    const char *argv[64];
    ffmpeg_args(argv, prog, s->pixels, size, rate, crf, vf[0] ? vf : NULL, "pipe:0", pd_out_tmp(&s->out), false);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    /* its own process group: a Ctrl-C on the terminal reaches podium alone, which
     * then closes the pipe so that ffmpeg finishes the file */
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, &attr, (char *const *)argv, environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    free(vf);
    close(fds[0]);
    if (rc != 0) {
        close(fds[1]);
        return pd_err_set(err, "cannot run '%s': %s", prog, strerror(rc));
    }
    s->pid = pid;
    s->fd = fds[1];
    pd_out_set_child(&s->out, pid);
    return true;
}

bool pd_cap_encode_raw(const char *raw, int width, int height, double fps, const char *mp4, pd_err *err)
{
    const char *prog = getenv("PODIUM_FFMPEG");
    if (!prog || !*prog)
        prog = "ffmpeg";
    char size[32], rate[32];
    snprintf(size, sizeof size, "%dx%d", width, height);
    snprintf(rate, sizeof rate, "%.6g", fps > 0 ? fps : 60);
    const char *argv[64];
    ffmpeg_args(argv, prog, PD_CAP_YUV420, size, rate, "18", NULL, raw, mp4, true);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        return pd_err_set(err, "cannot run '%s': %s", prog, strerror(rc));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        return pd_err_set(err, "ffmpeg failed encoding '%s' into '%s'", raw, mp4);
    return true;
}

/* desc's holds (the first MAX_HOLDS of them, each of three frames or more: a
 * hold's first and last frames are sent) into s. */
static bool holds_copy(pd_cap_sink *s, const pd_cap_sink_desc *desc)
{
    if (!desc->holds || desc->hold_count <= 0)
        return true;
    int n = desc->hold_count < MAX_HOLDS ? desc->hold_count : MAX_HOLDS;
    if (!(s->holds = malloc((size_t)n * sizeof *s->holds)))
        return false;
    long end = 0;
    for (int i = 0; i < n; i++) {
        pd_cap_hold h = desc->holds[i];
        if (h.repeat < 3 || h.frame < end)
            continue; /* nothing to repeat, or not after the last */
        s->holds[s->hold_count++] = h;
        end = h.frame + h.repeat;
    }
    return true;
}

pd_cap_sink *pd_cap_sink_open(const pd_cap_sink_desc *desc, pd_err *err)
{
    if (!desc || !desc->path || !*desc->path || desc->width <= 0 || desc->height <= 0) {
        pd_err_set(err, "capture: no output or bad size");
        return NULL;
    }
    pd_cap_sink *s = calloc(1, sizeof *s);
    if (!s) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    s->w = desc->width;
    s->h = desc->height;
    s->fps = desc->fps > 0 ? desc->fps : 60;
    s->pixels = desc->pixels;
    s->crf = desc->crf >= 1 && desc->crf <= 51 ? desc->crf : 18;
    s->frame_bytes = (size_t)s->w * (size_t)s->h * (s->pixels == PD_CAP_YUV420 ? 3 : 8) / 2;
    bool to_yuv = s->pixels == PD_CAP_YUV420; /* what ffmpeg is given */
    s->fd = -1;
    snprintf(s->path, sizeof s->path, "%s", desc->path);
    if (desc->fallback_dir) {
        s->has_fallback = true;
        snprintf(s->fallback_dir, sizeof s->fallback_dir, "%s", desc->fallback_dir);
    }
    /* a dead ffmpeg must give EPIPE, not kill podium */
    signal(SIGPIPE, SIG_IGN);
    bool mp4 = has_suffix(s->path, ".mp4"), raw = has_suffix(s->path, ".yuv");
    int nthreads = 1;
    bool ok = true;
    if (to_yuv && (!(mp4 || raw) || s->has_fallback || s->w % 2 || s->h % 2)) {
        ok = pd_err_set(err, "capture: YUV frames go to an mp4 or a .yuv file of an even size, without a "
                             "fall-back (PNG frames need RGBA)");
    } else if (raw) {
        /* the frames as they would go down ffmpeg's pipe (the encoder-only
         * ceiling in --bench encodes them with pd_cap_encode_raw) */
        s->kind = SINK_FFMPEG;
        if (!to_yuv)
            ok = pd_err_set(err, "capture: a .yuv file holds YUV 4:2:0 frames");
        else if (!pd_out_begin(&s->out, &(pd_out_spec){.path = s->path, .option = desc->option, .force = desc->force},
                               err))
            ok = false;
        else if ((s->fd = open(pd_out_tmp(&s->out), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) < 0)
            ok = pd_err_set(err, "cannot write '%s': %s", s->path, strerror(errno));
    } else if (mp4) {
        s->kind = SINK_FFMPEG;
        if (s->w % 2 || s->h % 2)
            ok = pd_err_set(err, "an mp4 needs an even size, not %dx%d (e.g. --size 1920x1080)", s->w, s->h);
        else if (!pd_out_begin(&s->out, &(pd_out_spec){.path = s->path, .option = desc->option, .force = desc->force},
                               err))
            ok = false;
        else if (!holds_copy(s, desc))
            ok = pd_err_set(err, "out of memory");
        else {
            const char *prog = desc->ffmpeg ? desc->ffmpeg : getenv("PODIUM_FFMPEG");
            if (!prog || !*prog)
                prog = "ffmpeg";
            pd_err spawn_err = {0};
            if (!spawn_ffmpeg(s, prog, &spawn_err)) {
                if (!s->has_fallback)
                    ok = pd_err_set(err,
                                    "%s; install ffmpeg (apt-get install ffmpeg) or export PNG frames to a "
                                    "folder (--export DIR/)",
                                    spawn_err.msg);
                else if (!pd_cap_ensure_dir(s->fallback_dir, "--capture-dir", err))
                    ok = false;
                else {
                    pd_out_abandon(&s->out); /* nothing was written there */
                    s->kind = SINK_PNG;
                    s->fell_back = true;
                    snprintf(s->png_dir, sizeof s->png_dir, "%s", s->fallback_dir);
                    snprintf(s->notice, sizeof s->notice, "ffmpeg not found: recording PNG frames to %.500s/",
                             s->fallback_dir);
                    s->notice_new = true;
                }
            }
        }
    } else {
        s->kind = SINK_PNG;
        /* frames go to a temporary folder, moved into place when complete */
        if (!pd_out_begin(&s->out,
                          &(pd_out_spec){.path = s->path,
                                         .kind = PD_OUT_DIR,
                                         .option = desc->option,
                                         .pattern = "frame-*.png",
                                         .force = desc->force},
                          err))
            ok = false;
        else
            snprintf(s->png_dir, sizeof s->png_dir, "%s", pd_out_tmp(&s->out));
        nthreads = MAX_THREADS; /* PNG encoding is the slow part: one per core */
    }
    if (ok)
        /* 3 frames in flight keep the encoder busy: a 1080p frame is 8.3 MB of RSS (RGBA) or 3.1 MB
         * (YUV, 4 buffers: a spliced one is held a frame longer) */
        ok = pool_init(&s->pool,
                       desc->buffers > 0            ? desc->buffers
                       : s->pixels == PD_CAP_YUV420 ? 4
                                                    : 3,
                       s->frame_bytes, err);
    if (ok && s->pid > 0)
        pipe_setup(s);
    if (ok && s->kind == SINK_FFMPEG)
        nthreads = 1; /* frames go down the pipe in order */
    for (int i = 0; ok && i < nthreads; i++) {
        if (pthread_create(&s->pool.threads[i], NULL, sink_main, s) != 0)
            ok = pd_err_set(err, "cannot start a capture thread");
        else
            s->pool.nthreads++;
    }
    if (!ok) {
        pool_join(&s->pool);
        if (s->fd >= 0)
            close(s->fd);
        if (s->pid > 0) {
            int status;
            waitpid(s->pid, &status, 0);
        }
        pd_out_abandon(&s->out);
        pool_free(&s->pool);
        free(s->holds);
        free(s);
        return NULL;
    }
    return s;
}

uint8_t *pd_cap_sink_acquire(pd_cap_sink *s) { return pool_acquire(&s->pool, true); }

size_t pd_cap_sink_frame_bytes(const pd_cap_sink *s) { return s->frame_bytes; }

void pd_cap_sink_submit(pd_cap_sink *s, uint8_t *px, int repeat)
{
    if (repeat < 1)
        repeat = 1;
    pool_push(&s->pool, (item){.px = px, .repeat = repeat, .index = s->frames_in});
    s->frames_in += repeat;
}

const char *pd_cap_sink_notice(pd_cap_sink *s)
{
    pthread_mutex_lock(&s->pool.mu);
    bool any = s->notice_new;
    if (any) {
        snprintf(s->notice_out, sizeof s->notice_out, "%s", s->notice);
        s->notice_new = false;
    }
    pthread_mutex_unlock(&s->pool.mu);
    return any ? s->notice_out : NULL;
}

bool pd_cap_sink_failed(const pd_cap_sink *s)
{
    pd_cap_sink *m = (pd_cap_sink *)s;
    pthread_mutex_lock(&m->pool.mu);
    bool f = m->failed;
    pthread_mutex_unlock(&m->pool.mu);
    return f;
}

long pd_cap_sink_frames(const pd_cap_sink *s) { return s->frames_in; }

bool pd_cap_sink_spliced(const pd_cap_sink *s) { return s->splice; }

const char *pd_cap_sink_where(const pd_cap_sink *s)
{
    pd_cap_sink *m = (pd_cap_sink *)s;
    pthread_mutex_lock(&m->pool.mu);
    const char *w = m->fell_back ? m->fallback_dir : m->out.path;
    pthread_mutex_unlock(&m->pool.mu);
    return w;
}

/* Waits for the writers and for ffmpeg; false (err) when frames were lost. */
static bool sink_finish(pd_cap_sink *s, pd_err *err)
{
    pool_join(&s->pool);
    bool ok = !s->failed;
    if (!ok)
        pd_err_set(err, "%s", s->error);
    if (s->fd >= 0) {
        close(s->fd); /* ffmpeg's EOF: it writes the index (moov) and exits */
        s->fd = -1;
    }
    if (s->pid > 0) {
        int status = 0;
        while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR) {
        }
        s->pid = 0;
        pd_out_set_child(&s->out, 0);
        if (ok && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
            ok = false;
            if (WIFEXITED(status))
                pd_err_set(err, "ffmpeg failed (exit %d) writing '%s'", WEXITSTATUS(status), s->path);
            else
                pd_err_set(err, "ffmpeg was killed (signal %d) writing '%s'", WTERMSIG(status), s->path);
        }
    }
    return ok;
}

static void sink_free(pd_cap_sink **sp)
{
    pd_cap_sink *s = *sp;
    pd_out_abandon(&s->out); /* nothing when it was committed or kept */
    pool_free(&s->pool);
    free(s->holds);
    free(s);
    *sp = NULL;
}

bool pd_cap_sink_close(pd_cap_sink **sp, pd_err *err)
{
    pd_cap_sink *s = *sp;
    if (!s)
        return true;
    bool ok = sink_finish(s, err);
    if (ok && s->out.open)
        ok = pd_out_commit(&s->out, err);
    sink_free(sp);
    return ok;
}

bool pd_cap_sink_keep_partial(pd_cap_sink **sp, char *kept, size_t cap, pd_err *err)
{
    pd_cap_sink *s = *sp;
    if (!s)
        return pd_err_set(err, "no capture open");
    pd_err finish_err = {0};
    bool finished = sink_finish(s, &finish_err);
    bool ok;
    if (s->fell_back)
        ok = snprintf(kept, cap, "%s", s->fallback_dir) >= 0;
    else if (!s->out.open)
        ok = pd_err_set(err, "%s", finish_err.msg[0] ? finish_err.msg : "nothing was written");
    else
        ok = pd_out_keep_partial(&s->out, kept, cap, err);
    if (ok && !finished)
        pd_err_set(err, "%s", finish_err.msg); /* kept, but say what went wrong */
    sink_free(sp);
    return ok;
}
