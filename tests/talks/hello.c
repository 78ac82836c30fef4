/* A talk written in C and loaded from its file: `podium tests/talks/hello.c`.
 * Compiled at load against podium's headers; no rebuild of podium. */
#include "scene/scene.h"

const char *podium_talk_title = "Hello from a C file";

void podium_talk(pd_scene *s);
void podium_talk(pd_scene *s)
{
    pd_section(s, "Hello");
    pd_mob title = pd_text(s, &(pd_text_style){.str = "Hello, podium", .font_size = 42, .color = PD_BLUE});
    pd_to_edge(s, title, PD_UP, 0.5f);
    pd_play_(s, pd_write(title));
    pd_note(s, "The title, written.");
    pd_wait(s, 1);

    pd_mob box =
        pd_rectangle(s, &(pd_shape_style){.width = 3, .height = 1.2f, .color = PD_YELLOW, .fill_opacity = 0.2f});
    pd_mob eq = pd_mathtex(s, &(pd_tex_style){.tex = "e^{i\\pi} + 1 = 0", .color = PD_YELLOW});
    pd_move_to_mob(s, eq, box);
    pd_play_rt(s, 1.5, pd_create(box), pd_write(eq));
    pd_wait(s, 2);

    pd_section(s, "Goodbye");
    pd_play_(s, pd_fade_out(PD_VGROUP(s, title, box, eq)));
    pd_wait(s, 0.5);
}
