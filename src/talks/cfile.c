#include "talks/cfile.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/file.h"

/* The compiler and podium's headers, as the build knew them (src/meson.build
 * passes them); the flags are podium's own C dialect. */
#ifndef PD_CC
#define PD_CC "cc"
#endif
#ifndef PD_SRC_INC
#define PD_SRC_INC "src"
#endif

struct pd_cfile {
    void *so;
    void (*build)(pd_scene *s);
    char title[256];
};

/* The first diagnostic worth a line: an error, else the first line. */
static void first_error(const char *log, char *out, size_t cap)
{
    const char *pick = NULL;
    for (const char *line = log; !pick && line && *line;) {
        const char *nl = strchr(line, '\n');
        const char *e = strstr(line, ": error:");
        if (!e)
            e = strstr(line, ": fatal error:");
        if (e && (!nl || e < nl))
            pick = line;
        line = nl ? nl + 1 : NULL;
    }
    if (!pick)
        pick = log;
    size_t n = strcspn(pick, "\n");
    snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), pick);
}

/* Runs the compiler; its diagnostics go into log (NUL-terminated). */
static int compile(const char *src, const char *out, char *log, size_t cap)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp(PD_CC, PD_CC, "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-Werror=implicit-function-declaration",
               "-shared", "-fPIC", "-O1", "-fdiagnostics-color=never", "-I" PD_SRC_INC, "-o", out, src, "-lm",
               (char *)NULL);
        fprintf(stderr, "cannot run the C compiler '%s': %s\n", PD_CC, strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    size_t len = 0;
    ssize_t r;
    char sink[4096];
    while ((r = read(fds[0], len + 1 < cap ? log + len : sink, len + 1 < cap ? cap - 1 - len : sizeof sink)) > 0 ||
           (r < 0 && errno == EINTR))
        if (r > 0 && len + 1 < cap)
            len += (size_t)r;
    log[len] = 0;
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

pd_cfile *pd_cfile_load(const char *path, pd_err *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        pd_err_set(err, "cannot read talk '%s': %s (check the path)", path, strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        pd_err_set(err, "talk '%s' is not a file (name a .c file)", path);
        return NULL;
    }
    char dir[] = "/tmp/podium-talk-XXXXXX";
    if (!mkdtemp(dir)) {
        pd_err_set(err, "cannot make a folder in /tmp to compile '%s': %s", path, strerror(errno));
        return NULL;
    }
    char so_path[sizeof dir + 16];
    snprintf(so_path, sizeof so_path, "%s/talk.so", dir);
    static char log[16384];
    int rc = compile(path, so_path, log, sizeof log);
    pd_cfile *c = NULL;
    if (rc != 0) {
        char line[600];
        first_error(log, line, sizeof line);
        if (rc == 127)
            pd_err_set(err, "%s (install a C compiler: apt-get install gcc)", line);
        else
            pd_err_set(err, "%s", line[0] ? line : "the C compiler failed without a message");
        goto done;
    }
    void *so = dlopen(so_path, RTLD_NOW | RTLD_LOCAL);
    if (!so) {
        const char *why = dlerror();
        const char *sym = why ? strstr(why, "undefined symbol: ") : NULL;
        if (sym)
            pd_err_set(err, "%s: %s is not part of podium's scene API (see docs/authoring.md)", path, sym + 18);
        else
            pd_err_set(err, "%s: cannot load the compiled talk: %s", path, why ? why : "unknown error");
        goto done;
    }
    void *entry = dlsym(so, "podium_talk");
    if (!entry) {
        dlclose(so);
        pd_err_set(err, "%s: defines no 'void podium_talk(pd_scene *s)' (the talk's entry point)", path);
        goto done;
    }
    c = calloc(1, sizeof *c);
    if (!c) {
        dlclose(so);
        pd_err_set(err, "out of memory");
        goto done;
    }
    c->so = so;
    /* a data pointer to a function pointer: POSIX guarantees dlsym's result converts */
    *(void **)&c->build = entry;
    const char *const *title = dlsym(so, "podium_talk_title");
    const char *base = strrchr(path, '/');
    snprintf(c->title, sizeof c->title, "%s", title && *title ? *title : base ? base + 1 : path);
done:
    unlink(so_path); /* the object stays mapped while loaded */
    rmdir(dir);
    return c;
}

void (*pd_cfile_build(const pd_cfile *c))(pd_scene *s) { return c->build; }

const char *pd_cfile_title(const pd_cfile *c) { return c->title; }

void pd_cfile_unload(pd_cfile **cp)
{
    pd_cfile *c = *cp;
    if (!c)
        return;
    dlclose(c->so);
    free(c);
    *cp = NULL;
}
