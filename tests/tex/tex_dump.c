/* tex_dump: prints the box and items of each formula given on the command
 * line (a debugging aid: `tex_dump '\frac{a}{b}'`). */
#include <stdio.h>

#include "core/file.h"
#include "tex/tex.h"

int main(int argc, char **argv)
{
    pd_err err = {0};
    pd_fonts *fonts = NULL;
    if (!pd_fonts_load(&fonts, pd_assets_dir(), &err)) {
        fprintf(stderr, "tex_dump: %s\n", err.msg);
        return 2;
    }
    int rc = 0;
    for (int a = 1; a < argc; a++) {
        pd_tex_box box = {0};
        if (!pd_tex_typeset(fonts, argv[a], &box, &err)) {
            printf("%s\n  %s\n", argv[a], err.msg);
            rc = 1;
            continue;
        }
        printf("%s\n  w %.4f h %.4f d %.4f  ink [%.4f %.4f %.4f %.4f] (w %.4f h %.4f)  items %u\n", argv[a], box.width,
               box.height, box.depth, box.ink_x0, box.ink_y0, box.ink_x1, box.ink_y1, box.ink_x1 - box.ink_x0,
               box.ink_y1 - box.ink_y0, box.item_count);
        for (uint32_t i = 0; i < box.item_count; i++) {
            const pd_tex_item *it = &box.items[i];
            if (it->kind == PD_TEX_RULE)
                printf("    rule [%.4f %.4f %.4f %.4f]\n", it->x0, it->y0, it->x1, it->y1);
            else
                printf("    glyph %u at (%.4f, %.4f) em %.2f\n", it->glyph, it->x, it->y, it->em);
        }
        pd_tex_box_free(&box);
    }
    pd_fonts_unload(&fonts);
    return rc;
}
