/* The test card against its golden, at 1920x1080 and at 1280x720 (text and
 * strokes scale with the output), and at t=0 vs t=5 (time matters). */
#include "../check.h"
#include "fixture.h"
#include "golden.h"
#include "present/testcard.h"

static void render(fixture *f, pd_testcard *tc, double t)
{
    pd_err err = {0};
    fixture_begin(f);
    CHECK(pd_testcard_draw(tc, f->gfx, t, &err), "draw: %s", err.msg);
    fixture_end(f);
}

int main(void)
{
    static const struct {
        int w, h;
        double t;
        const char *name;
    } cases[] = {
        {1920, 1080, 5.0, "testcard_1080p_t5"},
        {1280, 720, 0.0, "testcard_720p_t0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fixture f = {0};
        fixture_open(&f, cases[i].w, cases[i].h);
        pd_err err = {0};
        pd_testcard *tc = pd_testcard_create(f.fonts, &err);
        CHECK(tc != NULL, "testcard: %s", err.msg);
        if (tc) {
            render(&f, tc, cases[i].t);
            CHECK(golden_check(cases[i].name, f.px, f.w, f.h), "golden %s", cases[i].name);
        }
        pd_testcard_destroy(&tc);
        fixture_close(&f);
    }
    return check_exit();
}
