/* The py layer, rendered headless:
 * - talks/gqa.py (the seed scene, unmodified) through the embedded Python has
 *   the C port's stop times and matches the C port's goldens at all 24 stops
 *   and at its mid-animation moments (960x540, the tolerance of golden.h);
 * - every scene of tests/scenes/ matches its goldens (640x360) at each stop,
 *   halfway through each step and at the end: tests/golden/scene_NAME_*.png. */
#include <dirent.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "../render/gqa_goldens.h"
#include "py/py.h"

static pd_scene *py_open(fixture *f, const char *path)
{
    pd_err err = {0};
    pd_scene *s = pd_scene_create(f->fonts);
    if (!pd_py_build(s, path, NULL, &err)) {
        fprintf(stderr, "FAIL: %s\n", err.msg);
        exit(1);
    }
    talk_upload(f, s, path);
    return s;
}

static void test_seed(fixture *f)
{
    pd_scene *s = py_open(f, "talks/gqa.py");
    CHECK(strcmp(pd_py_title(), "AstrAI promo: Transformer GQA attention animation.") == 0, "title '%s'",
          pd_py_title());
    /* the C port, for its timeline */
    pd_scene *c = pd_scene_create(f->fonts);
    pd_talk_find("gqa")->build(c);
    pd_timeline tp = pd_scene_timeline(s), tc = pd_scene_timeline(c);
    CHECK(tp.stop_count == 24 && tc.stop_count == 24, "24 stops (%u, C port %u)", tp.stop_count, tc.stop_count);
    CHECK(tp.frames == tc.frames, "frames %u, C port %u", tp.frames, tc.frames);
    for (uint32_t i = 0; i < tp.stop_count && i < tc.stop_count; i++)
        CHECK(tp.stops[i].t == tc.stops[i].t && tp.stops[i].hold == tc.stops[i].hold,
              "stop %u at %.3f for %.3f, C port %.3f for %.3f", i + 1, tp.stops[i].t, tp.stops[i].hold, tc.stops[i].t,
              tc.stops[i].hold);
    CHECK(pd_scene_play_count(s) == pd_scene_play_count(c), "%u plays and waits, C port %u", pd_scene_play_count(s),
          pd_scene_play_count(c));
    pd_scene_destroy(&c);

    gqa_goldens_check(f, s, "talks/gqa.py");
    pd_scene_destroy(&s);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void test_scene(fixture *f, const char *file)
{
    char path[512], stem[256], name[320];
    snprintf(path, sizeof path, "tests/scenes/%s", file);
    snprintf(stem, sizeof stem, "%.*s", (int)(strlen(file) - 3), file);
    pd_scene *s = py_open(f, path);
    pd_timeline tl = pd_scene_timeline(s);
    CHECK(tl.stop_count >= 1, "%s has stops", path);
    double prev_end = 0;
    for (uint32_t k = 1; k <= tl.stop_count; k++) {
        double t = tl.stops[k - 1].t;
        if (t - prev_end > 1.5 / 60) { /* halfway through the step's animations */
            talk_render(f, s, (prev_end + t) / 2);
            snprintf(name, sizeof name, "scene_%s_mid%u", stem, k);
            CHECK(golden_check(name, f->px, f->w, f->h), "%s: golden %s", path, name);
        }
        talk_render(f, s, t);
        snprintf(name, sizeof name, "scene_%s_stop%u", stem, k);
        CHECK(golden_check(name, f->px, f->w, f->h), "%s: golden %s", path, name);
        prev_end = t + tl.stops[k - 1].hold;
    }
    if (tl.duration - prev_end > 1.5 / 60) {
        talk_render(f, s, (prev_end + tl.duration) / 2);
        snprintf(name, sizeof name, "scene_%s_tail", stem);
        CHECK(golden_check(name, f->px, f->w, f->h), "%s: golden %s", path, name);
    }
    pd_scene_destroy(&s);
}

int main(void)
{
    const char *src = getenv("PODIUM_SRCDIR");
    if (!src || chdir(src) != 0) {
        fprintf(stderr, "FAIL: PODIUM_SRCDIR names the source tree\n");
        return 1;
    }
    fixture f = {0};
    fixture_open(&f, 960, 540);
    test_seed(&f);

    fixture_resize(&f, 640, 360);
    DIR *d = opendir("tests/scenes");
    CHECK(d != NULL, "tests/scenes exists");
    char *files[256];
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL && n < 256;) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".py") == 0)
            files[n++] = strdup(e->d_name);
    }
    if (d)
        closedir(d);
    qsort(files, (size_t)n, sizeof files[0], cmp_str);
    CHECK(n >= 15, "at least 15 scenes in tests/scenes (%d)", n);
    for (int i = 0; i < n; i++) {
        test_scene(&f, files[i]);
        free(files[i]);
    }
    fixture_close(&f);
    return check_exit();
}
