#define _GNU_SOURCE /* RTLD_NODELETE, RTLD_NOLOAD */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "platform/platform.h"

/* Keeps the loaded shared objects (Mesa's driver, the GL stack, the X
 * libraries GLFW dlopens) mapped until the process ends. eglTerminate and
 * glfwTerminate would dlclose them at exit, and LeakSanitizer then reports
 * their own caches as leaks "in <unknown module>", which no suppression can
 * name; pinned, their allocations stay attributable (tests/lsan.supp
 * suppresses them by library). Harmless otherwise: they would live as long
 * as the process anyway. */
void pd_platform_pin_driver(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f)
        return;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *path = strchr(line, '/');
        if (!path)
            continue;
        path[strcspn(path, "\n")] = 0;
        /* every shared object loaded by now: the GL/EGL/GLX stack and the
         * X libraries GLFW dlopens (and would dlclose at glfwTerminate) */
        if (strstr(path, ".so"))
            (void)dlopen(path, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE); /* a reference never released */
    }
    fclose(f);
}
