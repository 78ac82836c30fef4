/* Benchmark: SDF rasterisation cost per glyph, and the start-up cost of the
 * atlas for every glyph of the seed's Text strings (shared/seed/transformer.py).
 * Run: meson test -C build --benchmark text_atlas -v, or the executable. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/file.h"
#include "text/atlas.h"
#include "text/font.h"
#include "text/layout.h"

typedef struct seed_text {
    const char *str;
    float font_size;
    bool bold;
} seed_text;

/* every Text of the seed, with generated strings spelled out */
static const seed_text seed[] = {
    {"Grouped-Query Attention (GQA)", 42, false},
    {"Q Projection\n1536 \u2192 24\u00d764", 10, false},
    {"K Projection\n1536 \u2192 4\u00d764", 10, false},
    {"V Projection\n1536 \u2192 4\u00d764", 10, false},
    {"Repeat KV\n4 heads \u2192 24 heads", 10, false},
    {"Scaled Dot-Product\nAttention Q\u00b7K^T/\u221ad", 10, false},
    {"O Projection\n1536 \u2192 1536", 10, false},
    {"x (hidden states)", 15, false},
    {"x' (hidden states)", 15, false},
    {"RoPE: rotary position encoding\napplied to Q and K", 13, false},
    {"GQA 6:1 \u2014 24 Q-heads \u2192 4 KV-heads\nKV cache reduced by 83%", 13, false},
    {"repeat_kv(): broadcast\n4 heads \u2192 24 heads", 12, false},
    {"Scaled Dot-Product Attention", 34, false},
    {"Q = Query", 18, false},
    {"K = Key", 18, false},
    {"V = Value", 18, false},
    {"\"what am I looking for?\"", 11, false},
    {"\"what do I have?\"", 11, false},
    {"\"what do I contribute?\"", 11, false},
    {"score matrix \u2014 pairwise token similarity", 12, false},
    {"scale \u2014 prevents gradient explosion", 12, false},
    {"normalize \u2014 each row sums to 1 (probability)", 12, false},
    {"weighted sum \u2014 aggregate values by attention", 12, false},
    {"Attention Score Heatmap", 34, false},
    {"\"The cat sat on the mat\" \u2014 causal, per-token attention weights", 14, false},
    {"<s>", 12, false},
    {"The", 12, false},
    {"cat", 12, false},
    {"sat", 12, false},
    {"on", 12, false},
    {"the", 12, false},
    {"mat", 12, false},
    {"Q", 11, true},
    {"K", 11, true},
    {"causal mask + softmax\n(future tokens \u2192 0)", 11, false},
    {"previous token attends to next\n(causal sequence learning)", 11, false},
    {"<s>", 10, true},
    {"The", 10, true},
    {"cat", 10, true},
    {"sat", 10, true},
    {"on", 10, true},
    {"the", 10, true},
    {"mat", 10, true},
    {"Auto-regressive Generation", 34, false},
    {"Embedding", 9, true},
    {"RMS Norm", 9, true},
    {"Transformer", 11, true},
    {"LM Head", 9, true},
    {"KV Cache", 8, false},
    {"K:", 7, false},
    {"V:", 7, false},
    {"The 72%", 7, false},
    {"cat 8%", 7, false},
    {"sat 6%", 7, false},
    {"on 4%", 7, false},
    {"<unk> 10%", 7, false},
    {"cat 65%", 7, false},
    {"sat 12%", 7, false},
    {"was 8%", 7, false},
    {"is 6%", 7, false},
    {"<unk> 9%", 7, false},
    {"sat 58%", 7, false},
    {"slept 15%", 7, false},
    {"ran 8%", 7, false},
    {"jumped 6%", 7, false},
    {"<unk> 13%", 7, false},
    {"on 55%", 7, false},
    {"down 12%", 7, false},
    {"quietly 8%", 7, false},
    {"and 6%", 7, false},
    {"<unk> 19%", 7, false},
    {"the 60%", 7, false},
    {"a 12%", 7, false},
    {"top 8%", 7, false},
    {"floor 5%", 7, false},
    {"<unk> 15%", 7, false},
    {"mat 50%", 7, false},
    {"table 15%", 7, false},
    {"chair 8%", 7, false},
    {"floor 6%", 7, false},
    {"<unk> 21%", 7, false},
    {"Step 0 \u2014 [<s>] \u2192 ?", 9, false},
    {"\u2713 argmax", 7, false},
    {"Step 1 \u2014 [<s> The]", 9, false},
    {"Step 2 \u2014 [<s> The cat]", 9, false},
    {"Step 3 \u2014 [<s> The cat sat]", 9, false},
    {"Step 4 \u2014 [<s> The cat sat on]", 9, false},
    {"Step 5 \u2014 [<s> The cat sat on the]", 9, false},
    {"Step 6 \u2014 [<s> The cat sat on the mat]", 9, false},
};

typedef struct key {
    pd_font_id font;
    uint32_t glyph;
} key;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Builds a fresh atlas holding keys[0..n); returns seconds, or -1 on error. */
static double build(pd_fonts *fonts, const key *keys, int n)
{
    pd_err err = {0};
    double t0 = pd_clock_now_s();
    pd_atlas *atlas = pd_atlas_create(fonts);
    for (int i = 0; i < n; i++)
        if (!pd_atlas_get(atlas, keys[i].font, keys[i].glyph, &err)) {
            fprintf(stderr, "bench: %s\n", err.msg);
            pd_atlas_destroy(&atlas);
            return -1;
        }
    double t = pd_clock_now_s() - t0;
    pd_atlas_destroy(&atlas);
    return t;
}

int main(void)
{
    pd_err err = {0};
    double t0 = pd_clock_now_s();
    pd_fonts *fonts = NULL;
    if (!pd_fonts_load(&fonts, pd_assets_dir(), &err)) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 1;
    }
    double t_fonts = pd_clock_now_s() - t0;

    /* lay out every string, collect the distinct glyphs */
    enum {
        MAX_KEYS = 1024
    };
    static key keys[MAX_KEYS];
    int nkeys = 0, nglyphs = 0;
    t0 = pd_clock_now_s();
    for (size_t s = 0; s < sizeof seed / sizeof seed[0]; s++) {
        pd_layout_run run = {0};
        if (!pd_layout_text(fonts,
                            &(pd_layout_desc){.str = seed[s].str, .font_size = seed[s].font_size, .bold = seed[s].bold},
                            &run, &err)) {
            fprintf(stderr, "bench: %s\n", err.msg);
            return 1;
        }
        nglyphs += (int)run.glyph_count;
        for (uint32_t i = 0; i < run.glyph_count; i++) {
            int k = 0;
            while (k < nkeys && !(keys[k].font == run.glyphs[i].font && keys[k].glyph == run.glyphs[i].glyph))
                k++;
            if (k == nkeys && nkeys < MAX_KEYS)
                keys[nkeys++] = (key){run.glyphs[i].font, run.glyphs[i].glyph};
        }
        pd_layout_run_free(&run);
    }
    double t_layout = pd_clock_now_s() - t0;

    /* the first build is the real start-up case (cold caches; the outlines
     * were already decoded by layout, which needs their ink boxes) */
    double t_cold = build(fonts, keys, nkeys);
    enum {
        REPS = 25
    };
    double warm[REPS];
    for (int r = 0; r < REPS; r++)
        warm[r] = build(fonts, keys, nkeys);
    qsort(warm, REPS, sizeof warm[0], cmp_double);
    if (t_cold < 0 || warm[0] < 0)
        return 1;

    printf("seed: %zu Text strings, %d visible glyphs, %d distinct (font, glyph)\n", sizeof seed / sizeof seed[0],
           nglyphs, nkeys);
    printf("fonts load            %8.2f ms\n", t_fonts * 1e3);
    printf("layout (all strings)  %8.2f ms\n", t_layout * 1e3);
    printf("atlas build, first    %8.2f ms  (%.4f ms/glyph)\n", t_cold * 1e3, t_cold * 1e3 / nkeys);
    printf("atlas build, warm     %8.2f ms  (%.4f ms/glyph, median of %d; best %.2f ms)\n", warm[REPS / 2] * 1e3,
           warm[REPS / 2] * 1e3 / nkeys, REPS, warm[0] * 1e3);
    printf("start-up text total   %8.2f ms  (fonts + layout + first atlas; budget to first frame 200 ms)\n",
           (t_fonts + t_layout + t_cold) * 1e3);

    /* a larger, fixed set: printable ASCII of the regular face, warm */
    static key ascii[95];
    int na = 0;
    for (uint32_t c = 0x21; c < 0x7F; c++) {
        pd_layout_run run = {0};
        char str[2] = {(char)c, 0};
        if (pd_layout_text(fonts, &(pd_layout_desc){.str = str, .font_size = 64}, &run, &err) && run.glyph_count == 1)
            ascii[na++] = (key){run.glyphs[0].font, run.glyphs[0].glyph};
        pd_layout_run_free(&run);
    }
    build(fonts, ascii, na);
    double best = 1e9;
    for (int r = 0; r < REPS; r++) {
        double t = build(fonts, ascii, na);
        best = t < best ? t : best;
    }
    printf("ASCII (%d glyphs) at %.0f px/em, spread %.0f px: %.4f ms/glyph (best of %d)\n", na,
           (double)PD_ATLAS_PX_PER_EM, (double)PD_ATLAS_SPREAD_PX, best * 1e3 / na, REPS);
    pd_fonts_unload(&fonts);
    return 0;
}
