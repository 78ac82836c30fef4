#include "present/testcard.h"

#include <math.h>
#include <stdlib.h>

#include "core/color.h"
#include "text/layout.h"

typedef struct card_text {
    pd_layout_run run;
    pd_v2 at;
    float angle;
    pd_color color;
} card_text;

enum {
    MAX_TEXTS = 16
};

struct pd_testcard {
    card_text texts[MAX_TEXTS];
    int text_count;
};

static bool add_text(pd_testcard *tc, pd_fonts *fonts, const char *str, float size, bool bold, pd_v2 at, float angle,
                     pd_color color, pd_err *err)
{
    card_text *ct = &tc->texts[tc->text_count];
    if (!pd_layout_text(fonts, &(pd_layout_desc){.str = str, .font_size = size, .bold = bold}, &ct->run, err))
        return false;
    ct->at = at;
    ct->angle = angle;
    ct->color = color;
    tc->text_count++;
    return true;
}

pd_testcard *pd_testcard_create(pd_fonts *fonts, pd_err *err)
{
    pd_testcard *tc = calloc(1, sizeof *tc);
    if (!tc) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    bool ok = add_text(tc, fonts, "Grouped-Query Attention (GQA)", 42, false, (pd_v2){0, 3.36f}, 0, PD_BLUE, err) &&
              add_text(tc, fonts, "podium test card: every primitive, text from 7 to 42", 15, false, (pd_v2){0, 2.75f},
                       0, PD_GRAY, err) &&
              add_text(tc, fonts,
                       "Q Projection\n1536 \xe2\x86\x92 24\xc3\x97"
                       "64",
                       10, false, (pd_v2){-4.5f, 1.5f}, 0, PD_YELLOW, err) &&
              add_text(tc, fonts, "Transformer", 11, true, (pd_v2){-1.5f, 1.5f}, 0, PD_PURPLE, err) &&
              add_text(tc, fonts, "\xe2\x9c\x93 argmax", 7, false, (pd_v2){1.5f, 1.5f}, 0, PD_YELLOW, err) &&
              add_text(tc, fonts, "The", 9, false, (pd_v2){4.5f, 1.5f}, (float)(PD_PI / 6), PD_GRAY, err) &&
              add_text(tc, fonts, "size 7", 7, false, (pd_v2){-5.5f, -2.9f}, 0, PD_WHITE, err) &&
              add_text(tc, fonts, "size 12", 12, false, (pd_v2){-3.9f, -2.9f}, 0, PD_WHITE, err) &&
              add_text(tc, fonts, "size 18", 18, false, (pd_v2){-1.9f, -2.9f}, 0, PD_WHITE, err) &&
              add_text(tc, fonts, "size 34", 34, false, (pd_v2){1.0f, -2.9f}, 0, PD_WHITE, err) &&
              add_text(tc, fonts, "Bold 26", 26, true, (pd_v2){4.6f, -2.9f}, 0, PD_ORANGE, err);
    if (!ok) {
        pd_testcard_destroy(&tc);
        return NULL;
    }
    return tc;
}

void pd_testcard_destroy(pd_testcard **tcp)
{
    pd_testcard *tc = *tcp;
    if (!tc)
        return;
    for (int i = 0; i < tc->text_count; i++)
        pd_layout_run_free(&tc->texts[i].run);
    free(tc);
    *tcp = NULL;
}

bool pd_testcard_draw(pd_testcard *tc, pd_gfx *g, double t, pd_err *err)
{
    /* row 1: boxes as in the GQA diagram: fill 0.12, stroke 1.5 */
    pd_gfx_rect(g, &(pd_draw_rect){.center = {-4.5f, 1.5f},
                                   .size = {2.6f, 0.72f},
                                   .fill = pd_color_alpha(PD_YELLOW, 0.12f),
                                   .stroke = PD_YELLOW,
                                   .stroke_width = 1.5f});
    pd_gfx_rect(g, &(pd_draw_rect){.center = {-1.5f, 1.5f},
                                   .size = {1.8f, 0.48f},
                                   .corner_radius = 0.06f,
                                   .fill = pd_color_alpha(PD_DARK_BLUE, 0.25f),
                                   .stroke = PD_PURPLE,
                                   .stroke_width = 1.5f});
    pd_gfx_rect(g,
                &(pd_draw_rect){.center = {1.5f, 1.5f}, .size = {1.2f, 0.4f}, .stroke = PD_YELLOW, .stroke_width = 2});
    /* row 2: heatmap cells with thin strokes, a ramp BLUE->RED */
    for (int i = 0; i < 7; i++) {
        pd_color c = pd_color_lerp(PD_BLUE, PD_RED, (float)i / 6.0f);
        pd_gfx_rect(g, &(pd_draw_rect){.center = {-5.5f + 0.56f * (float)i, 0.2f},
                                       .size = {0.52f, 0.52f},
                                       .fill = pd_color_alpha(c, 0.75f),
                                       .stroke = PD_GRAY,
                                       .stroke_width = 0.5f});
    }
    /* stroke widths 0.3 .. 6 as lines */
    static const float widths[] = {0.3f, 0.5f, 1.0f, 1.5f, 2.0f, 4.0f, 6.0f};
    for (int i = 0; i < 7; i++) {
        float x = -1.2f + 0.3f * (float)i;
        pd_gfx_line(g, (pd_v2){x, -0.1f}, (pd_v2){x, 0.5f}, PD_WHITE, widths[i]);
    }
    /* an orth_line polyline with miter joins, and an arrow (shaft + tip) */
    pd_v2 orth[] = {{1.2f, 0.6f}, {1.2f, 0.0f}, {2.6f, 0.0f}, {2.6f, -0.4f}};
    pd_gfx_polyline(g, &(pd_draw_polyline){.points = orth, .count = 4, .color = PD_GRAY, .stroke_width = 6});
    pd_gfx_line(g, (pd_v2){3.4f, 0.6f}, (pd_v2){3.4f, -0.12f}, PD_GRAY, 2);
    pd_gfx_triangle(g, &(pd_draw_triangle){.p = {{3.28f, -0.12f}, {3.52f, -0.12f}, {3.4f, -0.36f}}, .fill = PD_GRAY});
    /* a closed polyline (a square path) to show the start-corner join */
    pd_v2 sq[] = {{4.3f, 0.5f}, {4.3f, -0.1f}, {5.0f, -0.1f}, {5.0f, 0.5f}};
    pd_gfx_polyline(g,
                    &(pd_draw_polyline){.points = sq, .count = 4, .closed = true, .color = PD_TEAL, .stroke_width = 4});
    /* math rules, the fraction bar and radical overbar of TeX */
    pd_gfx_rect(g, &(pd_draw_rect){.center = {5.9f, 0.3f}, .size = {0.8f, 0.02f}, .fill = PD_WHITE});
    pd_gfx_rect(g, &(pd_draw_rect){.center = {5.9f, 0.0f}, .size = {0.8f, 0.0055f}, .fill = PD_WHITE});
    /* a slow sweep: a bar whose length follows t, so --frame T visibly depends on T */
    float u = (float)fmod(t, 10.0) / 10.0f;
    pd_gfx_rect(g, &(pd_draw_rect){.center = {-6.0f + 6.0f * u, -1.4f},
                                   .size = {12.0f * u, 0.08f},
                                   .fill = pd_color_alpha(PD_GREEN, 0.85f)});
    pd_gfx_rect(g, &(pd_draw_rect){
                       .center = {0, -1.4f}, .size = {12.0f, 0.08f}, .stroke = PD_LIGHT_GRAY, .stroke_width = 0.5f});
    for (int i = 0; i < tc->text_count; i++) {
        card_text *ct = &tc->texts[i];
        if (!pd_gfx_text(g, &ct->run, ct->at, ct->angle, ct->color, err))
            return false;
    }
    return true;
}
