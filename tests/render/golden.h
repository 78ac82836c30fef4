/* golden: compare a rendered frame with a stored PNG in tests/golden/.
 *
 * Tolerance (stated once, used by every golden test): a pixel differs when
 * any channel differs by more than GOLDEN_CHANNEL_TOL (8 of 255); a frame
 * matches when at most GOLDEN_MAX_BAD_FRACTION (0.05%) of its pixels differ,
 * which absorbs rasteriser rounding at edges between Mesa builds but not a
 * moved, missing or recoloured element. On failure the test writes
 * $PODIUM_DIFF_DIR/NAME.diff.png (differing pixels red over a dimmed
 * frame) and NAME.got.png. PODIUM_UPDATE_GOLDENS=1 rewrites the goldens.
 */
#ifndef PD_TESTS_GOLDEN_H
#define PD_TESTS_GOLDEN_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/png.h"

#define GOLDEN_CHANNEL_TOL 8
#define GOLDEN_MAX_BAD_FRACTION 0.0005

/* Returns true when px (w x h RGBA, row 0 top) matches golden NAME.png. */
static inline bool golden_check(const char *name, const uint8_t *px, int w, int h)
{
    const char *src = getenv("PODIUM_SRCDIR");
    char path[2048];
    snprintf(path, sizeof path, "%s/tests/golden/%s.png", src ? src : ".", name);
    pd_err err = {0};
    const char *upd = getenv("PODIUM_UPDATE_GOLDENS");
    if (upd && *upd == '1') {
        if (!pd_png_write(path, px, w, h, PD_PNG_OVERWRITE, &err)) {
            fprintf(stderr, "golden %s: %s\n", name, err.msg);
            return false;
        }
        fprintf(stderr, "golden %s: updated %s\n", name, path);
        return true;
    }
    int gw = 0, gh = 0;
    uint8_t *g = pd_png_read(path, &gw, &gh, &err);
    if (!g) {
        fprintf(stderr, "golden %s: %s (run with PODIUM_UPDATE_GOLDENS=1 to create it)\n", name, err.msg);
        return false;
    }
    if (gw != w || gh != h) {
        fprintf(stderr, "golden %s: size %dx%d, rendered %dx%d\n", name, gw, gh, w, h);
        free(g);
        return false;
    }
    size_t n = (size_t)w * (size_t)h, bad = 0;
    int worst = 0;
    uint8_t *diff = malloc(n * 4);
    for (size_t i = 0; i < n; i++) {
        int d = 0;
        for (int c = 0; c < 3; c++) {
            int e = abs((int)px[i * 4 + c] - (int)g[i * 4 + c]);
            d = e > d ? e : d;
        }
        worst = d > worst ? d : worst;
        bool is_bad = d > GOLDEN_CHANNEL_TOL;
        bad += is_bad;
        if (diff) {
            uint8_t dim = (uint8_t)(px[i * 4 + 1] / 4);
            diff[i * 4 + 0] = is_bad ? 255 : dim;
            diff[i * 4 + 1] = is_bad ? 0 : dim;
            diff[i * 4 + 2] = is_bad ? 0 : dim;
            diff[i * 4 + 3] = 255;
        }
    }
    bool ok = (double)bad <= GOLDEN_MAX_BAD_FRACTION * (double)n;
    if (!ok) {
        const char *dir = getenv("PODIUM_DIFF_DIR");
        char out[2048];
        snprintf(out, sizeof out, "%s/%s.diff.png", dir ? dir : ".", name);
        if (diff)
            pd_png_write(out, diff, w, h, PD_PNG_OVERWRITE, &err);
        snprintf(out, sizeof out, "%s/%s.got.png", dir ? dir : ".", name);
        pd_png_write(out, px, w, h, PD_PNG_OVERWRITE, &err);
        fprintf(stderr, "golden %s: %zu of %zu pixels differ by more than %d (max %d); diff in %s/%s.diff.png\n", name,
                bad, n, GOLDEN_CHANNEL_TOL, worst, dir ? dir : ".", name);
    }
    free(diff);
    free(g);
    return ok;
}

#endif
