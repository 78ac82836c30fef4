/* libFuzzer target: any bytes as a formula through the parser and layout.
 * Must never crash, leak or trip ASan/UBSan; bad TeX must fail cleanly.
 * Build: CC=clang meson setup build-fuzz -Dfuzz=true && ninja -C build-fuzz tests/tex/fuzz_tex
 * Run:   PODIUM_ASSETS=assets build-fuzz/tests/tex/fuzz_tex -runs=10000000 -max_len=256 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "tex/tex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pd_fonts *fonts;
    if (!fonts) {
        pd_err err = {0};
        if (!pd_fonts_load(&fonts, pd_assets_dir(), &err))
            abort();
    }
    char *src = malloc(size + 1);
    if (!src)
        return 0;
    memcpy(src, data, size);
    src[size] = 0;
    pd_tex_box box = {0};
    pd_err err = {0};
    if (pd_tex_typeset(fonts, src, &box, &err)) {
        /* every number must be finite */
        for (uint32_t i = 0; i < box.item_count; i++)
            if (!(box.items[i].x == box.items[i].x) || !(box.items[i].y == box.items[i].y))
                abort();
        if (!(box.width == box.width) || !(box.ink_y1 == box.ink_y1))
            abort();
    } else if (strncmp(err.msg, "tex: ", 5) != 0) {
        abort();
    }
    pd_tex_box_free(&box);
    free(src);
    return 0;
}
