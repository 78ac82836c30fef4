#define _GNU_SOURCE /* renameat2, RENAME_NOREPLACE */
#include "capture/output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the table the signal handler reads ---- */

enum {
    SLOTS = 32
};

typedef struct slot {
    char path[2300];
    volatile sig_atomic_t used;
    volatile sig_atomic_t is_dir;
    volatile pid_t child;
} slot;

static slot g_slots[SLOTS];
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static volatile sig_atomic_t g_open;   /* targets open */
static volatile sig_atomic_t g_signal; /* the first signal while one was open */
static bool g_installed;
static struct sigaction g_old_int, g_old_term;

/* Removes a flat folder's files, then the folder, with async-signal-safe
 * calls only (open, getdents64, unlinkat, rmdir): the handler uses it too. */
static void remove_flat(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        char buf[4096] __attribute__((aligned(8)));
        for (;;) {
            long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
            if (n <= 0)
                break;
            for (long off = 0; off < n;) {
                /* struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name */
                unsigned short reclen;
                memcpy(&reclen, buf + off + 16, sizeof reclen);
                const char *name = buf + off + 19;
                if (!(name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))))
                    unlinkat(fd, name, 0);
                off += reclen;
            }
        }
        close(fd);
    }
    rmdir(dir);
}

static void on_signal(int sig)
{
    if (g_open == 0) {
        /* nothing being written: what the signal would have done anyway */
        sigaction(SIGINT, &g_old_int, NULL);
        sigaction(SIGTERM, &g_old_term, NULL);
        raise(sig);
        return;
    }
    if (g_signal == 0) {
        g_signal = sig; /* the writer stops and finishes the file */
        return;
    }
    /* a second signal: abort at once */
    for (int i = 0; i < SLOTS; i++) {
        pid_t child = g_slots[i].child;
        if (g_slots[i].used && child > 0) {
            kill(child, SIGKILL);
            waitpid(child, NULL, 0); /* it must not recreate the file */
        }
    }
    for (int i = 0; i < SLOTS; i++) {
        if (!g_slots[i].used)
            continue;
        if (g_slots[i].is_dir)
            remove_flat(g_slots[i].path);
        else
            unlink(g_slots[i].path);
    }
    static const char msg[] = "podium: aborted by a second signal; the unfinished output was removed\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(128 + sig);
}

static void install_handlers(void)
{
    /* under g_mu */
    if (g_installed)
        return;
    g_installed = true;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, NULL, &g_old_int);
    sigaction(SIGTERM, NULL, &g_old_term);
    /* a signal ignored from the start (nohup, a background job) stays ignored */
    if (g_old_int.sa_handler != SIG_IGN)
        sigaction(SIGINT, &sa, NULL);
    if (g_old_term.sa_handler != SIG_IGN)
        sigaction(SIGTERM, &sa, NULL);
}

static int slot_take(const char *path, bool is_dir)
{
    pthread_mutex_lock(&g_mu);
    install_handlers();
    int k = -1;
    for (int i = 0; i < SLOTS && k < 0; i++)
        if (!g_slots[i].used)
            k = i;
    if (k >= 0) {
        snprintf(g_slots[k].path, sizeof g_slots[k].path, "%s", path);
        g_slots[k].is_dir = is_dir;
        g_slots[k].child = 0;
        g_slots[k].used = 1;
    }
    g_open++;
    pthread_mutex_unlock(&g_mu);
    return k;
}

static void slot_release(pd_out *o)
{
    if (!o->open)
        return;
    pthread_mutex_lock(&g_mu);
    if (o->slot >= 0) {
        g_slots[o->slot].used = 0;
        g_slots[o->slot].child = 0;
    }
    g_open--;
    pthread_mutex_unlock(&g_mu);
    o->slot = -1;
    o->open = false;
}

int pd_out_interrupted(void) { return g_signal; }

int pd_out_exit_status(void) { return g_signal ? 128 + g_signal : 0; }

/* ---- paths ---- */

static void strip_slashes(char *p)
{
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        p[--n] = 0;
}

/* "a/b/c" -> "a/b"; "c" -> "."; "/c" -> "/" */
static void parent_of(const char *path, char *buf, size_t cap)
{
    const char *s = strrchr(path, '/');
    if (!s)
        snprintf(buf, cap, ".");
    else if (s == path)
        snprintf(buf, cap, "/");
    else
        snprintf(buf, cap, "%.*s", (int)(s - path), path);
}

static const char *base_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Moves from to to unless to exists: 0 or an errno (EEXIST). */
static int move_noreplace(const char *from, const char *to)
{
#ifdef RENAME_NOREPLACE
    if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
#endif
    struct stat st;
    if (lstat(to, &st) == 0)
        return EEXIST;
    if (link(from, to) == 0) /* files: link() refuses an existing name */
        return unlink(from) == 0 ? 0 : errno;
    if (errno == EEXIST)
        return EEXIST;
    return rename(from, to) == 0 ? 0 : errno;
}

/* Creates and removes a file in dir: the only sure test that it can be
 * written (root ignores permissions; /proc and read-only mounts do not). */
static int probe_dir(const char *dir)
{
    static volatile int counter;
    char path[2400];
    snprintf(path, sizeof path, "%s/.podium-probe-%ld-%d", dir, (long)getpid(), counter++);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno;
    close(fd);
    unlink(path);
    return 0;
}

static bool check_parent(const char *path, pd_err *err)
{
    char parent[2100];
    parent_of(path, parent, sizeof parent);
    struct stat st;
    if (stat(parent, &st) != 0) {
        if (errno == ENOENT)
            return pd_err_set(err,
                              "cannot write '%s': the folder '%s' does not exist (create it, or choose another path)",
                              path, parent);
        if (errno == ENOTDIR)
            return pd_err_set(err, "cannot write '%s': '%s' is not a folder (choose another path)", path, parent);
        return pd_err_set(err, "cannot write '%s': %s (choose another path)", path, strerror(errno));
    }
    if (!S_ISDIR(st.st_mode))
        return pd_err_set(err, "cannot write '%s': '%s' is not a folder (choose another path)", path, parent);
    int e = probe_dir(parent);
    if (e)
        return pd_err_set(err, "cannot write '%s': the folder '%s' is not writable: %s (choose another path)", path,
                          parent, strerror(e));
    return true;
}

static bool dir_holds(const char *dir, const char *pattern)
{
    if (!pattern || !*pattern)
        return false;
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool any = false;
    struct dirent *e;
    while (!any && (e = readdir(d)))
        any = fnmatch(pattern, e->d_name, 0) == 0;
    closedir(d);
    return any;
}

bool pd_out_check(const pd_out_spec *spec, pd_err *err)
{
    if (!spec || !spec->path || !*spec->path)
        return pd_err_set(err, "%s needs a name", spec && spec->option ? spec->option : "an output");
    char path[2048];
    if (strlen(spec->path) >= sizeof path)
        return pd_err_set(err, "the path '%.200s...' is too long", spec->path);
    snprintf(path, sizeof path, "%s", spec->path);
    const char *opt = spec->option ? spec->option : "the output";
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (!exists && errno != ENOENT && errno != ENOTDIR)
        return pd_err_set(err, "cannot write '%s': %s (choose another path)", path, strerror(errno));
    if (spec->kind == PD_OUT_FILE) {
        if (exists && S_ISDIR(st.st_mode))
            return pd_err_set(err, "'%s' is a folder; %s needs a file name (choose another path)", path, opt);
        if (exists && !S_ISREG(st.st_mode))
            return pd_err_set(err, "'%s' is not a regular file (choose another path)", path);
        if (exists && !spec->force)
            return pd_err_set(err, "'%s' exists already; pass --force to overwrite it, or choose another name", path);
        return check_parent(path, err);
    }
    strip_slashes(path);
    if (!exists)
        return check_parent(path, err);
    if (!S_ISDIR(st.st_mode))
        return pd_err_set(err, "'%s' is a file, not a folder; %s needs a folder (choose another path)", path, opt);
    int e = probe_dir(path);
    if (e)
        return pd_err_set(err, "cannot write into '%s': %s (choose another folder)", path, strerror(e));
    if (!spec->force && dir_holds(path, spec->pattern))
        return pd_err_set(err, "'%s/' holds %s files already; pass --force to replace them, or choose another folder",
                          path, spec->pattern);
    return true;
}

bool pd_out_begin(pd_out *o, const pd_out_spec *spec, pd_err *err)
{
    memset(o, 0, sizeof *o);
    o->slot = -1;
    if (!pd_out_check(spec, err))
        return false;
    o->kind = spec->kind;
    o->force = spec->force;
    snprintf(o->path, sizeof o->path, "%s", spec->path);
    snprintf(o->pattern, sizeof o->pattern, "%s", spec->pattern ? spec->pattern : "");
    if (o->kind == PD_OUT_DIR)
        strip_slashes(o->path);
    char parent[2100];
    parent_of(o->path, parent, sizeof parent);
    const char *base = base_of(o->path);
    long pid = (long)getpid();
    struct stat st;
    o->into_existing = o->kind == PD_OUT_DIR && stat(o->path, &st) == 0;
    for (int k = 1; k < 1000; k++) {
        char num[16] = "";
        if (k > 1)
            snprintf(num, sizeof num, "-%d", k);
        if (o->into_existing) /* the folder's parent need not be writable */
            snprintf(o->tmp, sizeof o->tmp, "%s/.podium.partial-%ld%s", o->path, pid, num);
        else if (strcmp(parent, ".") == 0 && o->path[0] != '.')
            snprintf(o->tmp, sizeof o->tmp, ".%s.partial-%ld%s", base, pid, num);
        else
            snprintf(o->tmp, sizeof o->tmp, "%s/.%s.partial-%ld%s", strcmp(parent, "/") ? parent : "", base, pid, num);
        if (lstat(o->tmp, &st) != 0)
            break;
    }
    if (o->kind == PD_OUT_DIR && mkdir(o->tmp, 0777) != 0)
        return pd_err_set(err, "cannot write '%s': cannot create '%s': %s (choose another path)", o->path, o->tmp,
                          strerror(errno));
    o->slot = slot_take(o->tmp, o->kind == PD_OUT_DIR);
    o->open = true;
    return true;
}

const char *pd_out_tmp(const pd_out *o) { return o->tmp; }

void pd_out_set_child(pd_out *o, pid_t pid)
{
    if (o->open && o->slot >= 0)
        g_slots[o->slot].child = pid;
}

/* A folder's new files into the existing target, one rename each. */
static bool commit_into(pd_out *o, pd_err *err)
{
    if (o->force && o->pattern[0]) {
        /* the old run's files that the new one does not replace */
        DIR *d = opendir(o->path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (fnmatch(o->pattern, e->d_name, 0) != 0)
                continue;
            char mine[2600];
            snprintf(mine, sizeof mine, "%s/%s", o->tmp, e->d_name);
            struct stat st;
            if (lstat(mine, &st) != 0) {
                char old[2400];
                snprintf(old, sizeof old, "%s/%s", o->path, e->d_name);
                unlink(old);
            }
        }
        if (d)
            closedir(d);
    }
    DIR *d = opendir(o->tmp);
    if (!d)
        return pd_err_set(err, "cannot read '%s': %s", o->tmp, strerror(errno));
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char from[2600], to[2400];
        snprintf(from, sizeof from, "%s/%s", o->tmp, e->d_name);
        snprintf(to, sizeof to, "%s/%s", o->path, e->d_name);
        int rc = o->force ? (rename(from, to) == 0 ? 0 : errno) : move_noreplace(from, to);
        if (rc == EEXIST)
            ok = pd_err_set(err, "'%s' appeared while podium wrote the folder; pass --force to replace it", to);
        else if (rc)
            ok = pd_err_set(err, "cannot move '%s' into '%s': %s", e->d_name, o->path, strerror(rc));
    }
    closedir(d);
    return ok;
}

bool pd_out_commit(pd_out *o, pd_err *err)
{
    if (!o->open)
        return pd_err_set(err, "'%s' is not open", o->path);
    bool ok = true;
    if (o->kind == PD_OUT_FILE) {
        int rc = o->force ? (rename(o->tmp, o->path) == 0 ? 0 : errno) : move_noreplace(o->tmp, o->path);
        if (rc == EEXIST)
            ok = pd_err_set(err,
                            "'%s' appeared while podium wrote it; pass --force to overwrite it, or choose another name",
                            o->path);
        else if (rc)
            ok = pd_err_set(err, "cannot write '%s': %s", o->path, strerror(rc));
        if (!ok)
            unlink(o->tmp);
    } else {
        struct stat st;
        bool exists = stat(o->path, &st) == 0;
        if (exists && !o->into_existing && rmdir(o->path) == 0) /* an empty folder appeared meanwhile */
            exists = false;
        if (!exists) {
            int rc = move_noreplace(o->tmp, o->path);
            if (rc)
                ok = pd_err_set(err, "cannot create '%s': %s", o->path, strerror(rc));
        } else {
            ok = commit_into(o, err);
        }
        remove_flat(o->tmp); /* gone after a rename; what was not moved after a failure */
    }
    slot_release(o);
    return ok;
}

bool pd_out_keep_partial(pd_out *o, char *kept, size_t cap, pd_err *err)
{
    if (!o->open)
        return pd_err_set(err, "'%s' is not open", o->path);
    struct stat st;
    if (lstat(o->tmp, &st) != 0) {
        pd_out_abandon(o);
        return pd_err_set(err, "nothing of '%s' was written", o->path);
    }
    const char *base = base_of(o->path);
    const char *dot = o->kind == PD_OUT_FILE ? strrchr(base, '.') : NULL;
    if (dot == base)
        dot = NULL;
    size_t stem = dot ? (size_t)(dot - o->path) : strlen(o->path);
    int rc = EEXIST;
    char name[2400];
    for (int k = 1; k < 1000 && rc == EEXIST; k++) {
        char num[16] = "";
        if (k > 1)
            snprintf(num, sizeof num, "-%d", k);
        if (o->into_existing)
            snprintf(name, sizeof name, "%s/podium.partial%s", o->path, num);
        else
            snprintf(name, sizeof name, "%.*s.partial%s%s", (int)stem, o->path, num, dot ? dot : "");
        rc = move_noreplace(o->tmp, name);
    }
    if (rc) {
        int e = rc;
        pd_out_abandon(o);
        return pd_err_set(err, "cannot keep the partial output '%s': %s", name, strerror(e));
    }
    snprintf(kept, cap, "%s", name);
    slot_release(o);
    return true;
}

void pd_out_abandon(pd_out *o)
{
    if (!o->open)
        return;
    if (o->kind == PD_OUT_FILE)
        unlink(o->tmp);
    else
        remove_flat(o->tmp);
    slot_release(o);
}
