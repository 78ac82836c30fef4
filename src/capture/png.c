#include "capture/png.h"

#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "capture/output.h"
#include "core/file.h"

/* A PNG written as it is compressed: each row (filter byte 0, then RGB) goes
 * through zlib at level 1 and leaves in IDAT chunks as the output buffer
 * fills, so a frame costs a row and zlib's state (~0.3 MB) instead of an RGB
 * copy, a filtered copy and a compressed copy of the frame (~18 MB at 1080p).
 * Filter 0 and level 1: on the talk's frames (flat background) the smallest
 * files of the five filters, and the fastest (docs/performance.md). */
enum {
    OUT_CAP = 256 * 1024
};

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void write_chunk(FILE *f, const char *type, const uint8_t *data, uint32_t len)
{
    uint8_t head[8];
    put_be32(head, len);
    memcpy(head + 4, type, 4);
    uLong crc = crc32(0L, head + 4, 4);
    if (len)
        crc = crc32(crc, data, len);
    uint8_t tail[4];
    put_be32(tail, (uint32_t)crc);
    fwrite(head, 1, 8, f);
    if (len)
        fwrite(data, 1, len, f);
    fwrite(tail, 1, 4, f);
}

/* Rows of a frame in memory, for pd_png_write. */
static const uint8_t *memory_rows(void *user, int y, int n, int w, uint8_t *scratch)
{
    (void)n, (void)scratch;
    return (const uint8_t *)user + (size_t)y * (size_t)w * 4;
}

enum {
    BAND = 16 /* rows fetched from the source at a time */
};

/* RGBA rows from the source as an RGB PNG into f; false when the source,
 * zlib or memory fails. */
static bool encode_png(FILE *f, pd_png_rows rows, void *user, int w, int h)
{
    static const uint8_t signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
    fwrite(signature, 1, 8, f);
    uint8_t ihdr[13];
    put_be32(ihdr, (uint32_t)w);
    put_be32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;  /* bits per channel */
    ihdr[9] = 2;  /* RGB */
    ihdr[10] = 0; /* deflate */
    ihdr[11] = 0; /* adaptive filtering (every row uses filter 0) */
    ihdr[12] = 0; /* no interlace */
    write_chunk(f, "IHDR", ihdr, sizeof ihdr);

    size_t row_bytes = 1 + (size_t)w * 3;
    uint8_t *row = malloc(row_bytes), *out = malloc(OUT_CAP), *band = malloc((size_t)w * 4 * BAND);
    const uint8_t *rgba = NULL;
    z_stream z = {0};
    bool ok = row && out && band && deflateInit(&z, 1) == Z_OK;
    if (ok) {
        z.next_out = out;
        z.avail_out = OUT_CAP;
    }
    for (int y = 0; ok && y < h; y++) {
        if (y % BAND == 0 && !(rgba = rows(user, y, h - y < BAND ? h - y : BAND, w, band))) {
            ok = false;
            break;
        }
        const uint8_t *src = rgba + (size_t)(y % BAND) * (size_t)w * 4;
        row[0] = 0; /* filter: none */
        /* opaque alpha: RGB from RGBA */
        for (int x = 0; x < w; x++) {
            row[1 + x * 3] = src[x * 4];
            row[2 + x * 3] = src[x * 4 + 1];
            row[3 + x * 3] = src[x * 4 + 2];
        }
        z.next_in = row;
        z.avail_in = (uInt)row_bytes;
        int flush = y == h - 1 ? Z_FINISH : Z_NO_FLUSH;
        for (;;) {
            int rc = deflate(&z, flush);
            if (rc == Z_STREAM_ERROR) {
                ok = false;
                break;
            }
            if (z.avail_out == 0 || (rc == Z_STREAM_END && z.avail_out < OUT_CAP)) {
                write_chunk(f, "IDAT", out, OUT_CAP - z.avail_out);
                z.next_out = out;
                z.avail_out = OUT_CAP;
            }
            if (rc == Z_STREAM_END || (flush == Z_NO_FLUSH && z.avail_in == 0 && z.avail_out > 0))
                break;
        }
    }
    if (row && out && band)
        deflateEnd(&z);
    free(row);
    free(out);
    free(band);
    if (ok)
        write_chunk(f, "IEND", NULL, 0);
    return ok;
}

/* the reader comes from Debian's libstb as built */
#include <stb/stb_image.h>

bool pd_png_write(const char *path, const uint8_t *rgba, int w, int h, pd_png_mode mode, pd_err *err)
{
    return pd_png_write_rows(path, w, h, memory_rows, (void *)(uintptr_t)rgba, mode, err);
}

bool pd_png_write_rows(const char *path, int w, int h, pd_png_rows rows, void *user, pd_png_mode mode, pd_err *err)
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
    bool encoded = encode_png(f, rows, user, w, h);
    bool io_ok = !ferror(f);
    if (fclose(f) != 0)
        io_ok = false;
    if (!encoded) {
        pd_out_abandon(&out);
        return pd_err_set(err, "out of memory writing '%s'", path);
    }
    if (!io_ok) {
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
