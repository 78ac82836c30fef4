/* png: RGBA8 frames to PNG files, fast and safely.
 *
 * Owns: PNG encoding (our own writer over zlib at level 1, filter 0,
 * streamed row by row: ~25 ms a 1080p frame and ~0.3 MB of memory), reading
 * (stb_image from Debian's libstb-dev), atomic writes through
 * capture/output.h (a temporary file renamed into place).
 * Does not own: reading pixels (gfx/), threads (the capture queue).
 *
 *   if (!pd_png_write("x.png", rgba, 1920, 1080, PD_PNG_NEW_ONLY, &err)) ...;
 */
#ifndef PD_CAPTURE_PNG_H
#define PD_CAPTURE_PNG_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

typedef enum pd_png_mode {
    PD_PNG_NEW_ONLY,  /* fail if the file exists (captures, --out without --force) */
    PD_PNG_OVERWRITE, /* replace it once the new one is complete (--out --force) */
} pd_png_mode;

/* rgba: w*h*4 bytes, row 0 at the top. The alpha channel is written opaque
 * (the talk's background is opaque). */
bool pd_png_write(const char *path, const uint8_t *rgba, int w, int h, pd_png_mode mode, pd_err *err);

/* A frame's rows from wherever they are: rows y .. y+n-1 (row 0 at the top,
 * w*4 bytes each), in scratch (room for n rows) or in memory of its own;
 * NULL when they cannot be had. */
typedef const uint8_t *(*pd_png_rows)(void *user, int y, int n, int w, uint8_t *scratch);
/* As pd_png_write, with the rows fetched a band at a time (no whole frame in
 * memory: --frame reads them from the render target). */
bool pd_png_write_rows(const char *path, int w, int h, pd_png_rows rows, void *user, pd_png_mode mode, pd_err *err);

/* Decodes a PNG as RGBA8 (for golden tests). Returns malloc'ed pixels. */
uint8_t *pd_png_read(const char *path, int *w, int *h, pd_err *err);

#endif
