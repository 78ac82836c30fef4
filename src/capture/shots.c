#include "capture/frames.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "capture/pool.h"
#include "capture/png.h"
#include "core/file.h"

/* ---- folders and names ---- */

bool pd_cap_ensure_dir(const char *dir, const char *option, pd_err *err)
{
    if (!dir || !*dir)
        return pd_err_set(err, "no capture folder given");
    char path[4096];
    snprintf(path, sizeof path, "%s", dir);
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        path[--n] = 0;
    for (char *s = path + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = 0;
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            int e = errno;
            return pd_err_set(err, "cannot create folder '%s': %s (pass another %s)", path, strerror(e), option);
        }
        *s = '/';
    }
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        int e = errno;
        return pd_err_set(err, "cannot create folder '%s': %s (pass another %s)", path, strerror(e), option);
    }
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return pd_err_set(err, "'%s' is not a folder (pass another %s)", path, option);
    if (access(path, W_OK | X_OK) != 0)
        return pd_err_set(err, "folder '%s' is not writable (pass another %s)", path, option);
    return true;
}

void pd_cap_timestamp(char *buf, size_t cap, const char *prefix)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    time_t secs = tv.tv_sec;
    localtime_r(&secs, &tm);
    snprintf(buf, cap, "%s-%04d%02d%02d-%02d%02d%02d-%03d", prefix, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(tv.tv_usec / 1000));
}

/* ---- screenshots ---- */

enum {
    SHOT_RESULTS = 8
};

struct pd_cap_shots {
    pool pool;
    char dir[2048];
    int w, h;
    /* finished shots, for toasts; guarded by pool.mu */
    char results[SHOT_RESULTS][600];
    bool results_ok[SHOT_RESULTS];
    int rhead, rlen;
};

static void shot_result(pd_cap_shots *s, bool ok, const char *msg)
{
    pthread_mutex_lock(&s->pool.mu);
    if (s->rlen == SHOT_RESULTS) { /* drop the oldest message, never a shot */
        s->rhead = (s->rhead + 1) % SHOT_RESULTS;
        s->rlen--;
    }
    int i = (s->rhead + s->rlen) % SHOT_RESULTS;
    snprintf(s->results[i], sizeof s->results[i], "%s", msg);
    s->results_ok[i] = ok;
    s->rlen++;
    pthread_mutex_unlock(&s->pool.mu);
}

static void write_shot(pd_cap_shots *s, const uint8_t *px)
{
    pd_err err = {0};
    if (!pd_cap_ensure_dir(s->dir, "--capture-dir", &err)) {
        shot_result(s, false, err.msg);
        return;
    }
    char stamp[128], path[2400];
    pd_cap_timestamp(stamp, sizeof stamp, "podium");
    for (int k = 1; k < 1000; k++) {
        if (k == 1)
            snprintf(path, sizeof path, "%s/%s.png", s->dir, stamp);
        else
            snprintf(path, sizeof path, "%s/%s-%d.png", s->dir, stamp, k);
        if (pd_file_exists(path))
            continue;
        err.msg[0] = 0;
        if (pd_png_write(path, px, s->w, s->h, PD_PNG_NEW_ONLY, &err)) {
            char msg[2500];
            snprintf(msg, sizeof msg, "saved %s", path);
            shot_result(s, true, msg);
            return;
        }
        /* the name appeared meanwhile: try the next suffix; any other error ends it */
        if (!pd_file_exists(path))
            break;
    }
    shot_result(s, false, err.msg[0] ? err.msg : "screenshot not written: no free file name");
}

static void *shots_main(void *arg)
{
    pd_cap_shots *s = arg;
    item it;
    while (pool_take(&s->pool, &it)) {
        write_shot(s, it.px);
        pool_done(&s->pool, it.px);
    }
    return NULL;
}

pd_cap_shots *pd_cap_shots_create(const char *dir, int w, int h, pd_err *err)
{
    if (w <= 0 || h <= 0 || !dir || !*dir) {
        pd_err_set(err, "screenshots: bad size %dx%d or no folder", w, h);
        return NULL;
    }
    pd_cap_shots *s = calloc(1, sizeof *s);
    if (!s) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    snprintf(s->dir, sizeof s->dir, "%s", dir);
    s->w = w;
    s->h = h;
    /* three buffers: a burst of F12 presses is written, a fourth waits */
    if (!pool_init(&s->pool, 3, (size_t)w * (size_t)h * 4, err) ||
        pthread_create(&s->pool.threads[0], NULL, shots_main, s) != 0) {
        pool_free(&s->pool);
        free(s);
        pd_err_set(err, "cannot start the screenshot writer");
        return NULL;
    }
    s->pool.nthreads = 1;
    return s;
}

void pd_cap_shots_destroy(pd_cap_shots **sp)
{
    pd_cap_shots *s = *sp;
    if (!s)
        return;
    pool_join(&s->pool);
    pool_free(&s->pool);
    free(s);
    *sp = NULL;
}

uint8_t *pd_cap_shots_acquire(pd_cap_shots *s) { return pool_acquire(&s->pool, false); }

void pd_cap_shots_submit(pd_cap_shots *s, uint8_t *px) { pool_push(&s->pool, (item){.px = px, .repeat = 1}); }

void pd_cap_shots_flush(pd_cap_shots *s) { pool_flush(&s->pool); }

bool pd_cap_shots_poll(pd_cap_shots *s, char *msg, size_t cap, bool *ok)
{
    pthread_mutex_lock(&s->pool.mu);
    bool any = s->rlen > 0;
    if (any) {
        snprintf(msg, cap, "%s", s->results[s->rhead]);
        *ok = s->results_ok[s->rhead];
        s->rhead = (s->rhead + 1) % SHOT_RESULTS;
        s->rlen--;
    }
    pthread_mutex_unlock(&s->pool.mu);
    return any;
}
