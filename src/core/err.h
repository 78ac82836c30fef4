/* err: the error value that crosses module boundaries, and the logger.
 *
 * Owns: pd_err (a one-line message buffer) and pd_log. Does not own: exit
 * codes (main.c maps a failing call to exit 2) or stderr policy of talks.
 *
 *   pd_err err = {0};
 *   if (!pd_font_load(&font, path, &err)) { fprintf(stderr, "podium: %s\n", err.msg); return 2; }
 *
 * Bad input is reported through pd_err (a clear message naming the thing and
 * the fix, returned as false/NULL); bugs in our own code are assert()ed.
 */
#ifndef PD_CORE_ERR_H
#define PD_CORE_ERR_H

#include <stdbool.h>

typedef struct pd_err {
    char msg[512];
} pd_err;

/* Formats a message into err (if err is not NULL) and returns false, so a
 * caller can write `return pd_err_set(err, "font '%s' not found", path);`. */
bool pd_err_set(pd_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

typedef enum pd_log_level {
    PD_LOG_DEBUG,
    PD_LOG_INFO,
    PD_LOG_WARN,
    PD_LOG_ERROR,
} pd_log_level;

/* Messages below this level are dropped. Default PD_LOG_WARN; PODIUM_LOG=debug|info. */
void pd_log_set_level(pd_log_level level);
void pd_log(pd_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
