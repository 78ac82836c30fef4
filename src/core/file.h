/* file: whole-file reads and safe writes.
 *
 * Owns: reading a file into memory, finding the assets folder, writing a new
 * file without clobbering (pd_file_create_new). Does not own: formats.
 *
 *   size_t n; unsigned char *data = pd_file_read("assets/fonts/DejaVuSerif.ttf", &n, &err);
 *   ...; free(data);
 */
#ifndef PD_CORE_FILE_H
#define PD_CORE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

/* Reads the whole file; returns a malloc'ed buffer (NUL-terminated, the NUL not
 * counted in *size) or NULL with err set. The caller frees it. */
unsigned char *pd_file_read(const char *path, size_t *size, pd_err *err);

/* The folder holding podium's assets (fonts/): $PODIUM_ASSETS if set, else
 * the build-time PD_ASSETS_DIR, else "assets". Never NULL. */
const char *pd_assets_dir(void);
void pd_assets_dir_set(const char *dir);

/* Joins dir and name into buf (always NUL-terminated); returns buf. */
char *pd_path_join(char *buf, size_t cap, const char *dir, const char *name);

/* Opens path for writing only if it does not exist yet (O_EXCL). Returns NULL
 * with err set otherwise. Used for captures that must never overwrite. */
FILE *pd_file_create_new(const char *path, pd_err *err);

bool pd_file_exists(const char *path);

/* path made absolute against the current folder (not resolved: it need not
 * exist yet), into buf; returns buf, or path itself when it is absolute or
 * the current folder is unknown. For messages that name where a file went. */
const char *pd_path_absolute(char *buf, size_t cap, const char *path);

#endif
