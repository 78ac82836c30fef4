/* Save to reloaded frame (benchmark, issue 12's budget: <= 1 s): a copy of
 * the seed scene (talks/gqa.py) presented headless at stop 12; the file is
 * saved with a change; the watch sees it, the talk runs again, the presenter
 * holds at stop 12 of the new talk, and its frame is rendered. Prints the
 * time from the write to the frame read back, and its parts, as the window
 * would spend them (it polls the watch each frame). Also the same for a C
 * talk (tests/talks/hello.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/present.h"
#include "app/watch.h"
#include "core/clock.h"
#include "core/file.h"

static int measure(const char *src, const char *name, int stop, int runs)
{
    char dir[] = "/tmp/podium-bench-reload-XXXXXX", path[256];
    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t n = 0;
    pd_err err = {0};
    unsigned char *text = pd_file_read(src, &n, &err);
    FILE *f = text ? fopen(path, "w") : NULL;
    if (!f || fwrite(text, 1, n, f) != n || fclose(f) != 0) {
        fprintf(stderr, "bench_reload: %s\n", text ? "cannot write the copy" : err.msg);
        return 1;
    }
    pd_session s = {0};
    uint8_t *px = malloc(1920 * 1080 * 4);
    pd_presenter *p = NULL;
    pd_watch *w = NULL;
    if (!pd_session_load(&s, &(pd_session_desc){.talk = path, .width = 1920, .height = 1080}, &err) ||
        !pd_session_headless(&s, &err) || !(p = pd_presenter_create(&(pd_presenter_desc){.timeline = s.tl}, &err)) ||
        !pd_presenter_goto_stop(p, stop, &err) || !(w = pd_watch_create(path, &err))) {
        fprintf(stderr, "bench_reload: %s\n", err.msg);
        return 1;
    }
    double worst = 0, sum = 0;
    for (int r = 0; r < runs; r++) {
        f = fopen(path, "a");
        fprintf(f, "\n%s save %d\n", name[strlen(name) - 1] == 'y' ? "#" : "//", r);
        double t0 = pd_clock_now_s();
        fclose(f);
        while (!pd_watch_changed(w, pd_clock_now_s()))
            nanosleep(&(struct timespec){.tv_nsec = 1000 * 1000}, NULL); /* the window polls each frame */
        double t_seen = pd_clock_now_s();
        if (!pd_present_reload(&s, p, &err) || !pd_session_render(&s, pd_presenter_t(p), NULL, px, &err)) {
            fprintf(stderr, "bench_reload: %s\n", err.msg);
            return 1;
        }
        double t1 = pd_clock_now_s();
        printf("  %s save %d: %.0f ms to the reloaded frame at stop %d (watch %.0f ms incl. %.0f ms settle, "
               "reload + frame %.0f ms)\n",
               name, r + 1, (t1 - t0) * 1e3, pd_presenter_stop(p), (t_seen - t0) * 1e3, PD_WATCH_SETTLE_S * 1e3,
               (t1 - t_seen) * 1e3);
        worst = (t1 - t0) > worst ? t1 - t0 : worst;
        sum += t1 - t0;
    }
    printf("bench_reload: %s: save to reloaded frame mean %.0f ms, max %.0f ms over %d saves (budget 1000 ms)\n", name,
           sum / runs * 1e3, worst * 1e3, runs);
    pd_watch_destroy(&w);
    pd_presenter_destroy(&p);
    pd_session_unload(&s);
    free(px);
    free(text);
    unlink(path);
    rmdir(dir);
    return 0;
}

int main(void)
{
    const char *srcdir = getenv("PODIUM_SRCDIR");
    char gqa[2048], hello[2048];
    snprintf(gqa, sizeof gqa, "%s/talks/gqa.py", srcdir ? srcdir : ".");
    snprintf(hello, sizeof hello, "%s/tests/talks/hello.c", srcdir ? srcdir : ".");
    return measure(gqa, "gqa.py", 12, 5) || measure(hello, "hello.c", 2, 3);
}
