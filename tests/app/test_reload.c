/* Hot reload (suite 'unit'): a talk read from a file is saved while it is
 * presented; the watch sees the save, the talk is run again and the
 * presenter holds at the same stop, or the last one when the new talk has
 * fewer; a script error keeps the old talk and names the line. The same
 * functions the window calls (app/present.h, app/watch.h), on real files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../check.h"
#include "app/present.h"
#include "app/watch.h"
#include "core/clock.h"

static char dir[] = "/tmp/podium-reload-XXXXXX";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL, "cannot write %s", path);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Polls the watch as the window does, for up to 3 s. */
static bool saw_save(pd_watch *w)
{
    for (int i = 0; i < 300; i++) {
        if (pd_watch_changed(w, pd_clock_now_s()))
            return true;
        nanosleep(&(struct timespec){.tv_nsec = 10 * 1000 * 1000}, NULL);
    }
    return false;
}

/* n stops, each after a short Write */
static void c_talk(char *buf, size_t cap, int n)
{
    int k = snprintf(buf, cap,
                     "#include \"scene/scene.h\"\n"
                     "void podium_talk(pd_scene *s);\n"
                     "void podium_talk(pd_scene *s)\n{\n");
    for (int i = 0; i < n; i++)
        k += snprintf(buf + k, cap - (size_t)k,
                      "    pd_play_(s, pd_fade_in(pd_text(s, &(pd_text_style){.str = \"step %d\"})));\n"
                      "    pd_wait(s, 1);\n",
                      i + 1);
    snprintf(buf + k, cap - (size_t)k, "}\n");
}

static void py_talk(char *buf, size_t cap, int n)
{
    int k = snprintf(buf, cap,
                     "from manim import *\n\n"
                     "class Steps(Scene):\n"
                     "    def construct(self):\n");
    for (int i = 0; i < n; i++)
        k += snprintf(buf + k, cap - (size_t)k,
                      "        self.play(FadeIn(Text(\"step %d\").shift(DOWN * %d * 0.5)))\n"
                      "        self.wait(1)\n",
                      i + 1, i);
}

static void reload_case(const char *name, void (*make)(char *, size_t, int), const char *broken, const char *want)
{
    char path[256], text[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    make(text, sizeof text, 3);
    write_file(path, text);
    pd_err err = {0};
    pd_session s = {0};
    CHECK(pd_session_load(&s, &(pd_session_desc){.talk = path, .width = 64, .height = 36}, &err), "%s: load: %s", name,
          err.msg);
    pd_presenter *p = pd_presenter_create(&(pd_presenter_desc){.timeline = s.tl}, &err);
    pd_watch *w = pd_watch_create(path, &err);
    CHECK(p && w, "%s: %s", name, err.msg);
    if (!p || !w || !s.scene)
        goto done;
    CHECK(pd_presenter_goto_stop(p, 2, &err), "%s: goto: %s", name, err.msg);
    CHECK(!pd_watch_changed(w, pd_clock_now_s()), "%s: no save yet", name);

    /* saved with a fourth step: the same stop, four of them */
    make(text, sizeof text, 4);
    write_file(path, text);
    CHECK(saw_save(w), "%s: the save is seen", name);
    CHECK(pd_present_reload(&s, p, &err), "%s: reload: %s", name, err.msg);
    CHECK(pd_presenter_stop(p) == 2 && pd_presenter_stop_count(p) == 4,
          "%s: stop %d of %d after the reload, want 2 of 4", name, pd_presenter_stop(p), pd_presenter_stop_count(p));

    /* saved with one step: the last stop that still exists */
    pd_presenter_goto_stop(p, 4, &err);
    make(text, sizeof text, 1);
    write_file(path, text);
    CHECK(saw_save(w), "%s: the second save is seen", name);
    CHECK(pd_present_reload(&s, p, &err), "%s: reload: %s", name, err.msg);
    CHECK(pd_presenter_stop(p) == 1 && pd_presenter_stop_count(p) == 1, "%s: stop %d of %d, want 1 of 1", name,
          pd_presenter_stop(p), pd_presenter_stop_count(p));

    /* saved broken: the old talk stays, the error names the line */
    write_file(path, broken);
    CHECK(saw_save(w), "%s: the broken save is seen", name);
    err.msg[0] = 0;
    CHECK(!pd_present_reload(&s, p, &err), "%s: a broken file does not reload", name);
    CHECK(strstr(err.msg, want) != NULL, "%s: the error '%s' names '%s'", name, err.msg, want);
    CHECK(pd_presenter_stop_count(p) == 1 && s.tl.stop_count == 1 && s.scene, "%s: the old talk stays", name);
done:
    pd_watch_destroy(&w);
    pd_presenter_destroy(&p);
    pd_session_unload(&s);
    unlink(path);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    reload_case("talk.c", c_talk, "#include \"scene/scene.h\"\nvoid podium_talk(pd_scene *s) { pd_wait(s, 1) }\n",
                "talk.c:2:");
    reload_case("steps.py", py_talk,
                "from manim import *\n\nclass Steps(Scene):\n    def construct(self):\n        self.wait(1\n",
                "steps.py:5");
    rmdir(dir);
    return check_exit();
}
