#include "app/watch.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

struct pd_watch {
    int fd;
    char name[256]; /* the file's name in its folder */
    bool pending;   /* written, not yet reported */
    double last;    /* when the last write was seen */
};

pd_watch *pd_watch_create(const char *path, pd_err *err)
{
    /* the folder: editors may replace the file, which a watch on it would lose */
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    char dir[4096];
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    if (!*name || strlen(name) >= 256) {
        pd_err_set(err, "cannot watch '%s': not a file name", path);
        return NULL;
    }
    pd_watch *w = calloc(1, sizeof *w);
    if (!w) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    snprintf(w->name, sizeof w->name, "%s", name);
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0 || inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY) < 0) {
        pd_err_set(err, "cannot watch '%s' for changes: %s", path, strerror(errno));
        pd_watch_destroy(&w);
        return NULL;
    }
    return w;
}

bool pd_watch_changed(pd_watch *w, double now)
{
    if (!w)
        return false;
    _Alignas(struct inotify_event) char buf[4096];
    ssize_t n;
    while ((n = read(w->fd, buf, sizeof buf)) > 0) {
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)(void *)p;
            if (e->len && strcmp(e->name, w->name) == 0) {
                w->pending = true;
                w->last = now;
            }
            p += sizeof *e + e->len;
        }
    }
    if (w->pending && now - w->last >= PD_WATCH_SETTLE_S) {
        w->pending = false;
        return true;
    }
    return false;
}

int pd_watch_fd(const pd_watch *w) { return w ? w->fd : -1; }

void pd_watch_destroy(pd_watch **wp)
{
    pd_watch *w = *wp;
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    free(w);
    *wp = NULL;
}
