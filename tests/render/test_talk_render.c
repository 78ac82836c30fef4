/* The talks, rendered headless:
 * - pixels are a pure function of t: drawing t=50, t=10, t=50 gives the same
 *   pixels as drawing each fresh (and likewise for every stop);
 * - goldens of the GQA talk at all 24 stops, at a mid-animation moment of
 *   each part, and at 25/50/75% of a Create and a Write (960x540);
 * - the heatmap's cells show the causal softmax of the seed's scores. */
#include <math.h>
#include <string.h>

#include "../check.h"
#include "gqa_goldens.h"

static uint8_t *snapshot(const fixture *f)
{
    size_t n = (size_t)f->w * (size_t)f->h * 4;
    uint8_t *p = malloc(n);
    memcpy(p, f->px, n);
    return p;
}

static void test_seek_order(fixture *f, pd_scene *s)
{
    static const double ts[] = {50.0, 10.0, 50.0, 86.0, 0.0, 35.9, 10.0, 66.53};
    uint8_t *fresh[8];
    for (int i = 0; i < 8; i++) {
        talk_render(f, s, ts[i]);
        fresh[i] = snapshot(f);
    }
    /* and again in reverse order: every frame identical to its first drawing */
    for (int i = 7; i >= 0; i--) {
        talk_render(f, s, ts[i]);
        CHECK(memcmp(fresh[i], f->px, (size_t)f->w * f->h * 4) == 0, "t=%.2f differs after seeking elsewhere", ts[i]);
    }
    CHECK(memcmp(fresh[0], fresh[1], (size_t)f->w * f->h * 4) != 0, "t=50 and t=10 should differ");
    for (int i = 0; i < 8; i++)
        free(fresh[i]);
}

/* The seed's scores, typed again here so the test does not trust the talk. */
static const double scores[7][7] = {
    {2.8, 1.5, 0.3, 0.1, 0.0, 0.0, 0.0}, {1.2, 3.5, 1.8, 0.5, 0.2, 0.1, 0.0}, {0.4, 2.0, 3.0, 1.5, 0.6, 0.2, 0.1},
    {0.1, 0.6, 2.5, 2.8, 1.2, 0.4, 0.1}, {0.0, 0.2, 0.8, 2.0, 2.5, 1.5, 0.3}, {0.0, 0.1, 0.3, 0.9, 1.8, 2.5, 1.2},
    {0.0, 0.0, 0.1, 0.4, 0.8, 1.5, 3.0},
};

static void test_heatmap_softmax(void)
{
    fixture f = {0};
    fixture_open(&f, 1920, 1080);
    pd_scene *s = talk_open(&f, "gqa");
    talk_render(&f, s, pd_scene_timeline(s).stops[8].t); /* stop 9: after the causal softmax */
    double w[7][7], lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < 7; i++) {
        double sum = 0;
        for (int j = 0; j <= i; j++)
            sum += exp(scores[i][j]);
        for (int j = 0; j < 7; j++) {
            w[i][j] = j <= i ? exp(scores[i][j]) / sum : 0.0;
            lo = fmin(lo, w[i][j]), hi = fmax(hi, w[i][j]);
        }
        double row = 0;
        for (int j = 0; j < 7; j++)
            row += w[i][j];
        CHECK_NEAR(row, 1.0, 1e-12, "softmax row sums to 1");
    }
    static const double blue[3] = {88, 196, 221}, red[3] = {252, 98, 85}, dark_gray[3] = {68, 68, 68};
    int bad = 0;
    for (int i = 0; i < 7; i++) {
        for (int j = 0; j < 7; j++) {
            float x = -1.94f + 0.56f * j + 0.26f, y = 1.4f - 0.56f * i - 0.26f;
            const uint8_t *p = fixture_px(&f, (int)fixture_px_x(&f, x), (int)fixture_px_y(&f, y));
            for (int c = 0; c < 3; c++) {
                double a = (w[i][j] - lo) / (hi - lo);
                /* fill over black: unmasked at 0.75, masked DARK_GRAY at 0.15 */
                double want = j <= i ? 0.75 * (blue[c] + (red[c] - blue[c]) * a) : 0.15 * dark_gray[c];
                if (fabs(p[c] - want) > 1.5) {
                    bad++;
                    fprintf(stderr, "cell (%d,%d) channel %d: %d, softmax wants %.1f\n", i, j, c, p[c], want);
                }
            }
        }
    }
    CHECK(bad == 0, "%d heatmap channels differ from the causal softmax", bad);
    pd_scene_destroy(&s);
    fixture_close(&f);
}

int main(void)
{
    fixture f = {0};
    fixture_open(&f, 960, 540);
    pd_scene *s = talk_open(&f, "gqa");
    CHECK(pd_scene_timeline(s).stop_count == 24, "24 stops (%u)", pd_scene_timeline(s).stop_count);
    test_seek_order(&f, s);
    gqa_goldens_check(&f, s, "the C port");
    pd_scene_destroy(&s);
    fixture_close(&f);
    test_heatmap_softmax();
    return check_exit();
}
