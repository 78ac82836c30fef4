#include "capture/png.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

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
    if (mode == PD_PNG_NEW_ONLY && pd_file_exists(path))
        return pd_err_set(err, "'%s' exists already; podium never overwrites a capture", path);
    /* write beside the target, then rename: a crash never leaves half a file */
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    FILE *f = pd_file_create_new(tmp, err);
    if (!f)
        return pd_err_set(err, "cannot write '%s': %s", path, strerror(errno));
    stbi_write_force_png_filter = 0;
    /* opaque alpha without copying the frame: encode as RGB from RGBA rows */
    size_t n = (size_t)w * (size_t)h;
    uint8_t *rgb = malloc(n * 3);
    if (!rgb) {
        fclose(f);
        unlink(tmp);
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
        unlink(tmp);
        return pd_err_set(err, "cannot write '%s' (disk full or not writable?)", path);
    }
    if (mode == PD_PNG_NEW_ONLY) {
        /* link() fails if the name appeared meanwhile: still never overwrite */
        if (link(tmp, path) != 0) {
            int e = errno;
            unlink(tmp);
            return pd_err_set(err, "cannot create '%s': %s", path, strerror(e));
        }
        unlink(tmp);
    } else if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return pd_err_set(err, "cannot write '%s': %s", path, strerror(e));
    }
    return true;
}

uint8_t *pd_png_read(const char *path, int *w, int *h, pd_err *err)
{
    int comp = 0;
    uint8_t *px = stbi_load(path, w, h, &comp, 4);
    if (!px)
        pd_err_set(err, "cannot read PNG '%s': %s", path, stbi_failure_reason());
    return px;
}
