/* The demo talk: every mobject and animation kind, in two sections. A second
 * talk beside the GQA talk, and a test fixture (tests/scene). */
#include "talks/talks.h"

static void demo_once(pd_scene *s, int round)
{
    pd_section(s, round == 0 ? "Shapes and text" : "Shapes and text (again)");
    pd_mob title = pd_text(s, &(pd_text_style){.str = "podium demo", .font_size = 42, .color = PD_BLUE});
    pd_to_edge(s, title, PD_UP, 0.35f);
    pd_play_(s, pd_write(title));

    pd_mob box = pd_rectangle(
        s, &(pd_shape_style){
               .width = 2.6f, .height = 0.72f, .color = PD_YELLOW, .fill_opacity = 0.12f, .stroke_width = 1.5f});
    pd_mob lbl = pd_text(s, &(pd_text_style){.str = "Q Projection\n1536 \xe2\x86\x92 24\xc3\x97"
                                                    "64",
                                             .font_size = 10,
                                             .color = PD_YELLOW});
    pd_mob card = PD_VGROUP(s, box, lbl);
    pd_move_to(s, card, (pd_v2){-3.5f, 1.6f});
    pd_play_rt(s, 0.2, pd_fade_in_shift(card, (pd_v2){0, 0.1f}));

    pd_mob rr = pd_rounded_rectangle(s, &(pd_shape_style){.width = 1.8f,
                                                          .height = 0.48f,
                                                          .corner_radius = 0.06f,
                                                          .fill_color = PD_DARK_BLUE,
                                                          .fill_opacity = 0.25f,
                                                          .stroke_color = PD_PURPLE,
                                                          .stroke_width = 1.5f});
    pd_mob rr_lbl =
        pd_text(s, &(pd_text_style){.str = "Transformer", .font_size = 11, .color = PD_PURPLE, .bold = true});
    pd_move_to_mob(s, rr_lbl, rr);
    pd_mob block = PD_VGROUP(s, rr, rr_lbl);
    pd_next_to(s, block, card, PD_RIGHT, 0.8f);
    pd_play_(s, pd_fade_in(block));

    pd_mob line = pd_line(s, pd_get_bottom(s, card), (pd_v2){-3.5f, 0.2f},
                          &(pd_stroke_style){.color = PD_GRAY, .stroke_width = 1.5f});
    pd_v2 corners[] = {pd_get_bottom(s, block), {pd_get_bottom(s, block).x, 0.6f}, {1.5f, 0.6f}, {1.5f, 0.2f}};
    pd_mob orth = pd_polyline(s, corners, 4, &(pd_stroke_style){.color = PD_GRAY, .stroke_width = 1.5f});
    pd_play_rt(s, 0.3, pd_create(line), pd_create(orth));

    pd_mob arrow = pd_arrow(s, (pd_v2){3.0f, 1.9f}, (pd_v2){3.0f, 0.4f},
                            &(pd_arrow_style){.color = PD_YELLOW, .stroke_width = 2, .tip_length = 0.08f});
    pd_play_rt(s, 0.25, pd_fade_in_scale(arrow, 0.5f));

    pd_mob hl = pd_surrounding_rectangle(s, card, &(pd_surround_style){.color = PD_TEAL, .buff = 0.12f});
    pd_mob note = pd_text(
        s, &(pd_text_style){.str = "a SurroundingRectangle\nwith two lines", .font_size = 13, .color = PD_TEAL});
    pd_next_to(s, note, hl, PD_UP, 0.25f);
    pd_note(s, "Every shape kind is on screen: boxes, rounded blocks, lines, a polyline and an arrow.");
    pd_play_(s, pd_create(hl), pd_write(note));
    pd_wait(s, 1.0);

    pd_section(s, round == 0 ? "Math and motion" : "Math and motion (again)");
    pd_mob eq =
        pd_mathtex(s, &(pd_tex_style){.tex = "\\operatorname{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V",
                                      .font_size = 36});
    pd_move_to(s, eq, (pd_v2){0, -1.2f});
    pd_play_(s, pd_fade_out(hl), pd_fade_out(note), pd_write(eq));

    pd_mob cells[4];
    for (int i = 0; i < 4; i++) {
        cells[i] = pd_square(s, 0.52f,
                             &(pd_shape_style){.fill_color = pd_color_lerp(PD_BLUE, PD_RED, i / 3.0f),
                                               .fill_opacity = 0.75f,
                                               .stroke_color = PD_GRAY,
                                               .stroke_width = 0.5f,
                                               .has_stroke_width = true});
        pd_move_to(s, cells[i], (pd_v2){-1.5f + 0.56f * i, -2.6f});
        pd_play_rt(s, 0.015, pd_fade_in_scale(cells[i], 0.6f));
    }
    pd_play_(s, pd_animate(cells[0], (pd_change){.set_fill = true, .fill_color = PD_DARK_GRAY, .fill_opacity = 0.15f}),
             pd_animate(cells[3], (pd_change){.set_color = true, .color = PD_GREEN}),
             pd_animate(arrow, (pd_change){.move = true, .move_to = {4.5f, -2.0f}, .scale = 0.8f}));
    pd_mob step = pd_text(
        s, &(pd_text_style){.str = "Step 0 \xe2\x80\x94 [<s>] \xe2\x86\x92 ?", .font_size = 9, .color = PD_GRAY});
    pd_move_to(s, step, (pd_v2){1.8f, -2.6f});
    pd_play_(s, pd_write(step));
    pd_mob step1 =
        pd_text(s, &(pd_text_style){.str = "Step 1 \xe2\x80\x94 [<s> The]", .font_size = 9, .color = PD_GRAY});
    pd_move_to_mob(s, step1, step);
    pd_note(s, "Transform pairs glyphs by index, as Manim does.");
    pd_play_(s, pd_transform(step, step1));
    pd_wait(s, 0.5);
    pd_play_(s, pd_fade_out(title), pd_fade_out(card), pd_fade_out(block), pd_fade_out(line), pd_fade_out(orth),
             pd_fade_out(arrow), pd_fade_out(eq), pd_fade_out(PD_VGROUP(s, cells[0], cells[1], cells[2], cells[3])),
             pd_fade_out(step));
}

void pd_talk_demo(pd_scene *s) { demo_once(s, 0); }

void pd_talk_demo10(pd_scene *s)
{
    for (int i = 0; i < 10; i++)
        demo_once(s, i);
}
