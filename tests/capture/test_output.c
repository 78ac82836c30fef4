/* capture/output: the checks before any work, the temporary name beside the
 * target, commit (never over an existing target without force), keeping a
 * partial output under a new name, abandoning, and SIGINT: the first one
 * only flags, the second removes the temporary output and exits 130. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../check.h"
#include "capture/output.h"
#include "core/file.h"

static char tmp[256];

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static bool holds(const char *path, const char *text)
{
    char buf[256] = "";
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return strcmp(buf, text) == 0;
}

static void test_checks(void)
{
    pd_err err = {0};
    char p[512], q[512];
    snprintf(p, sizeof p, "%s/nosuch/x.png", tmp);
    CHECK(!pd_out_check(&(pd_out_spec){.path = p, .option = "--out"}, &err) && strstr(err.msg, "does not exist") &&
              strstr(err.msg, "/nosuch'"),
          "missing folder: %s", err.msg);
    snprintf(q, sizeof q, "%s/afile", tmp);
    put(q, "a file");
    snprintf(p, sizeof p, "%s/afile/x.png", tmp);
    CHECK(!pd_out_check(&(pd_out_spec){.path = p}, &err) && strstr(err.msg, "is not a folder"), "file as folder: %s",
          err.msg);
    CHECK(!pd_out_check(&(pd_out_spec){.path = q}, &err) && strstr(err.msg, "pass --force"), "exists: %s", err.msg);
    CHECK(pd_out_check(&(pd_out_spec){.path = q, .force = true}, &err), "exists, forced: %s", err.msg);
    CHECK(!pd_out_check(&(pd_out_spec){.path = q, .kind = PD_OUT_DIR}, &err) && strstr(err.msg, "not a folder"),
          "a file as a folder target: %s", err.msg);
    CHECK(!pd_out_check(&(pd_out_spec){.path = tmp, .option = "--out"}, &err) && strstr(err.msg, "is a folder"),
          "a folder as a file target: %s", err.msg);
    CHECK(!pd_out_check(&(pd_out_spec){.path = "/proc/podium-x.png"}, &err) && strstr(err.msg, "not writable"),
          "unwritable: %s", err.msg);
    snprintf(p, sizeof p, "%s/nosuch/deeper/", tmp);
    CHECK(!pd_out_check(&(pd_out_spec){.path = p, .kind = PD_OUT_DIR}, &err) && strstr(err.msg, "does not exist"),
          "a folder's parent must exist: %s", err.msg);
    /* a folder counts as existing when it holds the pattern's files */
    snprintf(p, sizeof p, "%s/d", tmp);
    mkdir(p, 0777);
    snprintf(q, sizeof q, "%s/d/notes.txt", tmp);
    put(q, "mine");
    CHECK(pd_out_check(&(pd_out_spec){.path = p, .kind = PD_OUT_DIR, .pattern = "stop-*.png"}, &err), "other files: %s",
          err.msg);
    snprintf(q, sizeof q, "%s/d/stop-01.png", tmp);
    put(q, "old");
    CHECK(!pd_out_check(&(pd_out_spec){.path = p, .kind = PD_OUT_DIR, .pattern = "stop-*.png"}, &err) &&
              strstr(err.msg, "pass --force"),
          "pattern files: %s", err.msg);
    struct stat st;
    snprintf(p, sizeof p, "%s/nosuch", tmp);
    CHECK(stat(p, &st) != 0, "checks create nothing");
}

static void test_file(void)
{
    pd_err err = {0};
    char p[512], kept[1024];
    pd_out o;
    snprintf(p, sizeof p, "%s/f.txt", tmp);
    CHECK(pd_out_begin(&o, &(pd_out_spec){.path = p}, &err), "%s", err.msg);
    CHECK(strncmp(pd_out_tmp(&o), tmp, strlen(tmp)) == 0 && strstr(pd_out_tmp(&o), "/.f.txt.partial-"),
          "beside the target, hidden: %s", pd_out_tmp(&o));
    put(pd_out_tmp(&o), "new");
    CHECK(!pd_file_exists(p), "nothing under the name before commit");
    put(p, "appeared"); /* someone else's file, made meanwhile */
    CHECK(!pd_out_commit(&o, &err) && strstr(err.msg, "--force"), "commit refuses: %s", err.msg);
    CHECK(holds(p, "appeared") && !pd_file_exists(pd_out_tmp(&o)), "their file kept, ours removed");
    /* force: the old file stays until the new one is complete */
    CHECK(pd_out_begin(&o, &(pd_out_spec){.path = p, .force = true}, &err), "%s", err.msg);
    put(pd_out_tmp(&o), "forced");
    pd_out_abandon(&o);
    CHECK(holds(p, "appeared"), "an abandoned --force keeps the old file");
    CHECK(pd_out_begin(&o, &(pd_out_spec){.path = p, .force = true}, &err), "%s", err.msg);
    put(pd_out_tmp(&o), "forced");
    CHECK(pd_out_commit(&o, &err) && holds(p, "forced"), "forced commit: %s", err.msg);
    /* partial outputs: NAME.partial.EXT, then -2, never overwritten */
    snprintf(p, sizeof p, "%s/talk.mp4", tmp);
    for (int k = 1; k <= 2; k++) {
        CHECK(pd_out_begin(&o, &(pd_out_spec){.path = p}, &err), "%s", err.msg);
        put(pd_out_tmp(&o), k == 1 ? "one" : "two");
        CHECK(pd_out_keep_partial(&o, kept, sizeof kept, &err), "%s", err.msg);
        CHECK(strstr(kept, k == 1 ? "/talk.partial.mp4" : "/talk.partial-2.mp4"), "kept as %s", kept);
    }
    char first[600];
    snprintf(first, sizeof first, "%s/talk.partial.mp4", tmp);
    CHECK(holds(first, "one") && !pd_file_exists(p), "the first partial intact, nothing under the name");
}

static void test_dir(void)
{
    pd_err err = {0};
    char p[512], f[700], kept[1024];
    pd_out o;
    /* a new folder: created by the final rename */
    snprintf(p, sizeof p, "%s/new/", tmp);
    CHECK(pd_out_begin(&o, &(pd_out_spec){.path = p, .kind = PD_OUT_DIR, .pattern = "stop-*.png"}, &err), "%s",
          err.msg);
    snprintf(f, sizeof f, "%s/stop-01.png", pd_out_tmp(&o));
    put(f, "s1");
    snprintf(p, sizeof p, "%s/new", tmp);
    CHECK(!pd_file_exists(p), "no folder before commit");
    CHECK(pd_out_commit(&o, &err), "%s", err.msg);
    snprintf(f, sizeof f, "%s/new/stop-01.png", tmp);
    CHECK(holds(f, "s1"), "moved into place");
    /* an existing folder with --force: the run's files replaced, a stale one removed, others kept */
    snprintf(p, sizeof p, "%s/d", tmp); /* from test_checks: notes.txt, stop-01.png */
    snprintf(f, sizeof f, "%s/d/stop-02.png", tmp);
    put(f, "stale");
    CHECK(pd_out_begin(&o, &(pd_out_spec){.path = p, .kind = PD_OUT_DIR, .pattern = "stop-*.png", .force = true}, &err),
          "%s", err.msg);
    snprintf(f, sizeof f, "%s/stop-01.png", pd_out_tmp(&o));
    put(f, "fresh");
    CHECK(pd_out_commit(&o, &err), "%s", err.msg);
    snprintf(f, sizeof f, "%s/d/stop-01.png", tmp);
    CHECK(holds(f, "fresh"), "replaced");
    snprintf(f, sizeof f, "%s/d/stop-02.png", tmp);
    CHECK(!pd_file_exists(f), "the stale stop removed");
    snprintf(f, sizeof f, "%s/d/notes.txt", tmp);
    CHECK(holds(f, "mine"), "other files kept");
    /* interrupted into an existing folder: kept inside it */
    CHECK(pd_out_begin(&o, &(pd_out_spec){.path = p, .kind = PD_OUT_DIR, .force = true}, &err), "%s", err.msg);
    snprintf(f, sizeof f, "%s/frame-000001.png", pd_out_tmp(&o));
    put(f, "f1");
    CHECK(pd_out_keep_partial(&o, kept, sizeof kept, &err) && strstr(kept, "/d/podium.partial"), "kept as %s: %s", kept,
          err.msg);
    snprintf(f, sizeof f, "%s/d/stop-01.png", tmp);
    CHECK(holds(f, "fresh"), "the folder's files untouched");
}

/* In a child: begin an output, then SIGINT twice. */
static void test_signals(void)
{
    char p[512], t[2400];
    snprintf(p, sizeof p, "%s/sig.mp4", tmp);
    int fds[2];
    if (pipe(fds) != 0)
        return;
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        pd_err err = {0};
        pd_out o;
        if (!pd_out_begin(&o, &(pd_out_spec){.path = p}, &err))
            _exit(3);
        put(pd_out_tmp(&o), "partial");
        if (write(fds[1], pd_out_tmp(&o), strlen(pd_out_tmp(&o)) + 1) < 0)
            _exit(3);
        raise(SIGINT);
        if (pd_out_interrupted() != SIGINT || pd_out_exit_status() != 130)
            _exit(4); /* the first one only flags */
        raise(SIGINT);
        _exit(5); /* not reached: the second one exits 130 */
    }
    close(fds[1]);
    ssize_t n = read(fds[0], t, sizeof t - 1);
    t[n > 0 ? n : 0] = 0;
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 130, "second SIGINT: status %d", status);
    CHECK(t[0] && !pd_file_exists(t) && !pd_file_exists(p), "the temporary file removed: %s", t);
    /* with no output open, SIGINT does what it always did */
    pid = fork();
    if (pid == 0) {
        pd_err err = {0};
        pd_out o;
        if (!pd_out_begin(&o, &(pd_out_spec){.path = p}, &err))
            _exit(3);
        pd_out_abandon(&o);
        raise(SIGINT);
        _exit(6);
    }
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT, "no output open: killed by SIGINT (status %d)", status);
}

int main(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/podium-test-output-XXXXXX");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_checks();
    test_file();
    test_dir();
    test_signals();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp);
    return check_exit();
}
