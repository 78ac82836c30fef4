#include "core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

unsigned char *pd_file_read(const char *path, size_t *size, pd_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        pd_err_set(err, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    unsigned char *buf = NULL;
    /* a folder opens, but its "size" (LONG_MAX on Linux) is no size to allocate */
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode)) {
        pd_err_set(err, "cannot read '%s': %s", path, S_ISDIR(st.st_mode) ? "it is a folder" : "not a regular file");
        fclose(f);
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0)
        goto fail;
    long len = ftell(f);
    if (len < 0 || fseek(f, 0, SEEK_SET) != 0)
        goto fail;
    buf = malloc((size_t)len + 1);
    if (!buf)
        goto fail;
    if (fread(buf, 1, (size_t)len, f) != (size_t)len)
        goto fail;
    buf[len] = 0;
    fclose(f);
    if (size)
        *size = (size_t)len;
    return buf;
fail:
    pd_err_set(err, "cannot read '%s': %s", path, errno ? strerror(errno) : "short read");
    free(buf);
    fclose(f);
    return NULL;
}

static const char *g_assets_override;

void pd_assets_dir_set(const char *dir) { g_assets_override = dir; }

const char *pd_assets_dir(void)
{
    if (g_assets_override)
        return g_assets_override;
    const char *env = getenv("PODIUM_ASSETS");
    if (env && *env)
        return env;
#ifdef PD_ASSETS_DIR
    struct stat st;
    if (stat(PD_ASSETS_DIR, &st) == 0)
        return PD_ASSETS_DIR;
#endif
    return "assets";
}

char *pd_path_join(char *buf, size_t cap, const char *dir, const char *name)
{
    snprintf(buf, cap, "%s/%s", dir, name);
    return buf;
}

FILE *pd_file_create_new(const char *path, pd_err *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) {
        pd_err_set(err, "cannot create '%s': %s", path, strerror(errno));
        return NULL;
    }
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        pd_err_set(err, "cannot create '%s': %s", path, strerror(errno));
    }
    return f;
}

bool pd_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

const char *pd_path_absolute(char *buf, size_t cap, const char *path)
{
    char cwd[4096];
    if (!path || path[0] == '/' || !getcwd(cwd, sizeof cwd))
        return path;
    while (path[0] == '.' && path[1] == '/') /* "./captures" reads as "captures" */
        path += 2;
    if (strcmp(path, ".") == 0 || !*path) {
        snprintf(buf, cap, "%s", cwd);
        return buf;
    }
    return pd_path_join(buf, cap, cwd, path);
}
