/* The seed's five formulas, typeset by podium's TeX engine and drawn alone
 * (MathTex at font_size 48, 1280x720), against goldens; and bad TeX, which
 * loads as its source in red. */
#include <string.h>

#include "../check.h"
#include "golden.h"
#include "talk_fixture.h"

static const char *const formulas[] = {
    "\\operatorname{Attention}(Q,K,V)=\\operatorname{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)\\!V",
    "\\text{(1) } S = QK^\\top",
    "\\text{(2) } S \\mathbin{/} \\sqrt{d_k}",
    "\\text{(3) } \\operatorname{softmax}\\!\\left(S \\mathbin{/} \\sqrt{d_k}\\right)",
    "\\text{(4) } \\operatorname{softmax}\\!\\left(S \\mathbin{/} \\sqrt{d_k}\\right) \\cdot V",
};

static void render_formula(fixture *f, const char *tex, pd_color color, const char *golden)
{
    pd_scene *s = pd_scene_create(f->fonts);
    pd_mob m = pd_mathtex(s, &(pd_tex_style){.tex = tex, .font_size = 48, .color = color});
    pd_add(s, m);
    CHECK(!pd_scene_error(s), "%s", pd_scene_error(s) ? pd_scene_error(s) : "");
    talk_upload(f, s, tex);
    talk_render(f, s, 0);
    CHECK(golden_check(golden, f->px, f->w, f->h), "golden %s", golden);
    pd_scene_destroy(&s);
}

int main(void)
{
    fixture f = {0};
    fixture_open(&f, 1280, 720);
    char name[32];
    for (int i = 0; i < 5; i++) {
        snprintf(name, sizeof name, "tex_seed%d", i);
        render_formula(&f, formulas[i], PD_WHITE, name);
    }
    /* bad TeX: the talk still loads; the formula shows its source in red */
    render_formula(&f, "\\frac{a}{b} + \\fracc{x}", PD_WHITE, "tex_bad_source_red");
    int red = 0;
    for (int i = 0; i < f.w * f.h; i++)
        red += f.px[i * 4] > 200 && f.px[i * 4 + 1] < 140;
    CHECK(red > 200, "bad TeX is drawn in red (%d red pixels)", red);
    fixture_close(&f);
    return check_exit();
}
