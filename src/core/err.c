#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool pd_err_set(pd_err *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return false;
}

static struct {
    bool init;
    pd_log_level level;
} g_log;

void pd_log_set_level(pd_log_level level)
{
    g_log.init = true;
    g_log.level = level;
}

static void log_init(void)
{
    if (g_log.init)
        return;
    g_log.init = true;
    g_log.level = PD_LOG_WARN;
    const char *env = getenv("PODIUM_LOG");
    if (env && strcmp(env, "debug") == 0)
        g_log.level = PD_LOG_DEBUG;
    else if (env && strcmp(env, "info") == 0)
        g_log.level = PD_LOG_INFO;
}

void pd_log(pd_log_level level, const char *fmt, ...)
{
    log_init();
    if (level < g_log.level)
        return;
    static const char *names[] = {"debug", "info", "warning", "error"};
    fprintf(stderr, "podium: %s: ", names[level]);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
