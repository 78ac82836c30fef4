/* Benchmark: microseconds to typeset each of the seed's MathTex strings once
 * the fonts are loaded (goal: <= 200 us each). Run: meson test -C build
 * --benchmark tex -v, or the executable. */
#include <stdio.h>

#include "core/clock.h"
#include "core/file.h"
#include "tex/tex.h"

static const char *const seed[] = {
    "\\operatorname{Attention}(Q,K,V)=\\operatorname{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)\\!V",
    "\\text{(1) } S = QK^\\top",
    "\\text{(2) } S \\mathbin{/} \\sqrt{d_k}",
    "\\text{(3) } \\operatorname{softmax}\\!\\left(S \\mathbin{/} \\sqrt{d_k}\\right)",
    "\\text{(4) } \\operatorname{softmax}\\!\\left(S \\mathbin{/} \\sqrt{d_k}\\right) \\cdot V",
};

int main(void)
{
    pd_err err = {0};
    pd_fonts *fonts = NULL;
    if (!pd_fonts_load(&fonts, pd_assets_dir(), &err)) {
        fprintf(stderr, "bench_tex: %s\n", err.msg);
        return 1;
    }
    int rc = 0;
    for (size_t i = 0; i < sizeof seed / sizeof seed[0]; i++) {
        pd_tex_box box = {0};
        /* first call: decodes the glyph outlines the ink box needs (cached in fonts) */
        double t0 = pd_clock_now_s();
        if (!pd_tex_typeset(fonts, seed[i], &box, &err)) {
            fprintf(stderr, "bench_tex: %s\n", err.msg);
            return 1;
        }
        double first_us = (pd_clock_now_s() - t0) * 1e6;
        unsigned items = box.item_count;
        pd_tex_box_free(&box);
        const int runs = 2000;
        t0 = pd_clock_now_s();
        for (int r = 0; r < runs; r++) {
            pd_tex_typeset(fonts, seed[i], &box, &err);
            pd_tex_box_free(&box);
        }
        double us = (pd_clock_now_s() - t0) * 1e6 / runs;
        printf("tex formula %zu: %7.1f us per typeset (first call %7.1f us), %u items%s\n", i, us, first_us, items,
               us > 200 ? "  SLOWER THAN 200 us" : "");
        if (us > 200)
            rc = 1;
    }
    pd_fonts_unload(&fonts);
    return rc;
}
