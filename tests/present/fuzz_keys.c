/* libFuzzer target: any bytes as a `--keys` script, parsed and then run on
 * the presenter's state machine (no GL, no window), as `podium --keys` does.
 * Must never crash, leak, hang or trip ASan/UBSan; a bad script must fail
 * cleanly with a "--keys:" message; after every token the playhead must be a
 * finite time inside the talk, at a stop in range, in a known mode, and
 * "held" only at the start, a stop or the end.
 * Build: CC=clang meson setup build-fuzz -Dfuzz=true && ninja -C build-fuzz tests/present/fuzz_keys
 * Run:   build-fuzz/tests/present/fuzz_keys -runs=10000000 -max_len=512 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "present/presenter.h"
#include "present/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the made-up timeline of tests/present/test_presenter.c (11 s, or 10 s:
 * ending with the last wait), and a talk without stops or sections (the
 * test card) */
static const pd_stop STOPS[] = {
    {.t = 2, .hold = 1, .section = 0, .note = "one"},
    {.t = 5, .hold = 0.5, .section = 1, .note = "two"},
    {.t = 8, .hold = 2, .section = 1, .note = "three"},
};
static const pd_section_info SECTIONS[] = {{.t = 0, .title = "A"}, {.t = 4, .title = "B"}};

typedef struct run {
    pd_presenter *p;
    int frames; /* split clock advances into frames, as a recording does */
} run;

static void check_state(const pd_presenter *p)
{
    double t = pd_presenter_t(p), dur = pd_presenter_duration(p);
    if (!isfinite(t) || t < 0 || t > dur + 1e-9)
        abort();
    int stop = pd_presenter_stop(p);
    if (stop < 0 || stop > pd_presenter_stop_count(p))
        abort();
    pd_play_mode m = pd_presenter_mode(p);
    if (m != PD_MODE_HELD && m != PD_MODE_PLAYING && m != PD_MODE_REVERSE && m != PD_MODE_PAUSED)
        abort();
    /* "held" is at the start, a stop or the end, nowhere else */
    if (m == PD_MODE_HELD) {
        bool at_place = false;
        for (int n = 0; n <= pd_presenter_stop_count(p) + 1 && !at_place; n++)
            at_place = fabs(t - pd_presenter_stop_t(p, n)) <= 1e-9;
        if (!at_place)
            abort();
    }
    double rest = pd_presenter_time_to_rest(p);
    if (!isfinite(rest) || rest < 0)
        abort();
    double next = pd_presenter_next_t(p);
    if (!isfinite(next) || next < 0 || next > dur + 1e-9)
        abort();
    int sec = pd_presenter_section(p);
    if (sec < -1 || sec >= pd_presenter_section_count(p))
        abort();
    pd_presenter_view v = pd_presenter_get_view(p);
    if (!isfinite(v.now_s) || !isfinite(v.elapsed_s) || v.elapsed_s < 0)
        abort();
    if (v.goto_digits && strlen(v.goto_digits) > 7)
        abort();
    (void)pd_presenter_note(p);
}

static void tick(void *user, double dt)
{
    run *r = user;
    if (!isfinite(dt) || dt < 0)
        abort();
    /* long advances in one step; short ones frame by frame, both as podium does */
    if (r->frames && dt <= 2) {
        double step = 1.0 / 60;
        while (dt > 1e-12) {
            double d = dt < step ? dt : step;
            pd_presenter_tick(r->p, d);
            check_state(r->p);
            dt -= d;
        }
        return;
    }
    pd_presenter_tick(r->p, dt);
    check_state(r->p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the first byte picks the timeline and how the clock advances */
    unsigned sel = size ? data[0] : 0;
    if (size) {
        data++;
        size--;
    }
    char *src = malloc(size + 1);
    if (!src)
        return 0;
    memcpy(src, data, size);
    src[size] = 0;
    pd_err err = {0};
    pd_script *sc = pd_script_parse(src, &err);
    if (!sc) {
        if (strncmp(err.msg, "--keys: ", 8) != 0 && strcmp(err.msg, "out of memory") != 0)
            abort();
        free(src);
        return 0;
    }
    /* bit 0: no stops; bit 5: the talk ends with the last wait (no tail) */
    bool empty = sel & 1;
    pd_presenter_desc d = {
        .timeline = {.duration = empty || (sel & 32) ? 10 : 11}, .hud = (sel & 2) != 0, .fullscreen = (sel & 4) != 0};
    if (!empty) {
        d.timeline.stops = STOPS;
        d.timeline.stop_count = 3;
        d.timeline.sections = SECTIONS;
        d.timeline.section_count = 2;
    }
    run r = {.frames = (sel & 8) != 0};
    r.p = pd_presenter_create(&d, &err);
    if (!r.p)
        abort();
    if (sel & 16)
        pd_presenter_seek(r.p, (sel >> 6) * 3.1);
    check_state(r.p);
    for (int i = 0; i < pd_script_count(sc); i++) {
        const pd_script_token *tk = pd_script_at(sc, i);
        if (!memchr(tk->text, 0, sizeof tk->text))
            abort();
        unsigned act = pd_script_apply(r.p, tk, tick, &r);
        check_state(r.p);
        (void)pd_presenter_take_message(r.p);
        if (act & PD_ACT_QUIT)
            break;
    }
    pd_presenter_destroy(&r.p);
    pd_script_free(&sc);
    free(src);
    return 0;
}
