#include "capture/png.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "capture/output.h"
#include "core/file.h"

/* zlib level 1 instead of stb's own deflate: ~8x faster on 1080p frames */
static unsigned char *zlib_compress(unsigned char *data, int len, int *out_len, int quality)
{
    (void)quality;
    uLongf cap = compressBound((uLong)len);
    unsigned char *out = malloc(cap);
    if (!out)
        return NULL;
    if (compress2(out, &cap, data, (uLong)len, 1) != Z_OK) {
        free(out);
        return NULL;
    }
    *out_len = (int)cap;
    return out;
}

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBIW_ZLIB_COMPRESS zlib_compress
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

/* the reader comes from Debian's libstb as built */
#include <stb/stb_image.h>

static void write_cb(void *ctx, void *data, int size)
{
    FILE *f = ctx;
    fwrite(data, 1, (size_t)size, f);
}

bool pd_png_write(const char *path, const uint8_t *rgba, int w, int h, pd_png_mode mode, pd_err *err)
{
    /* written beside the target, then renamed: an interruption never leaves half a file */
    pd_out out;
    if (!pd_out_begin(&out, &(pd_out_spec){.path = path, .force = mode == PD_PNG_OVERWRITE}, err))
        return false;
    FILE *f = pd_file_create_new(pd_out_tmp(&out), err);
    if (!f) {
        pd_err_set(err, "cannot write '%s': %s", path, strerror(errno));
        pd_out_abandon(&out);
        return false;
    }
    stbi_write_force_png_filter = 0;
    /* opaque alpha without copying the frame: encode as RGB from RGBA rows */
    size_t n = (size_t)w * (size_t)h;
    uint8_t *rgb = malloc(n * 3);
    if (!rgb) {
        fclose(f);
        pd_out_abandon(&out);
        return pd_err_set(err, "out of memory writing '%s'", path);
    }
    for (size_t i = 0; i < n; i++) {
        rgb[i * 3 + 0] = rgba[i * 4 + 0];
        rgb[i * 3 + 1] = rgba[i * 4 + 1];
        rgb[i * 3 + 2] = rgba[i * 4 + 2];
    }
    int ok = stbi_write_png_to_func(write_cb, f, w, h, 3, rgb, w * 3);
    free(rgb);
    bool io_ok = !ferror(f);
    if (fclose(f) != 0)
        io_ok = false;
    if (!ok || !io_ok) {
        pd_out_abandon(&out);
        return pd_err_set(err, "cannot write '%s' (disk full or not writable?)", path);
    }
    /* without OVERWRITE the rename refuses a name that appeared meanwhile */
    return pd_out_commit(&out, err);
}

uint8_t *pd_png_read(const char *path, int *w, int *h, pd_err *err)
{
    int comp = 0;
    uint8_t *px = stbi_load(path, w, h, &comp, 4);
    if (!px)
        pd_err_set(err, "cannot read PNG '%s': %s", path, stbi_failure_reason());
    return px;
}
