#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <stdlib.h>
#include <string.h>

#include "platform/platform.h"

struct pd_headless {
    EGLDisplay dpy;
    EGLContext ctx;
};

static EGLDisplay open_display(const char **platform)
{
    PFNEGLGETPLATFORMDISPLAYEXTPROC get_platform_display =
        (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
    if (!get_platform_display)
        return EGL_NO_DISPLAY;
    const char *exts = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    /* surfaceless first: Mesa's llvmpipe with no X server and no device node */
    if (exts && strstr(exts, "EGL_MESA_platform_surfaceless")) {
        EGLDisplay d = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
        if (d != EGL_NO_DISPLAY && eglInitialize(d, NULL, NULL)) {
            *platform = "surfaceless";
            return d;
        }
    }
    /* then a device (a real GPU without a display) */
    PFNEGLQUERYDEVICESEXTPROC query_devices = (PFNEGLQUERYDEVICESEXTPROC)eglGetProcAddress("eglQueryDevicesEXT");
    if (exts && strstr(exts, "EGL_EXT_platform_device") && query_devices) {
        EGLDeviceEXT devices[8];
        EGLint n = 0;
        if (query_devices(8, devices, &n)) {
            for (EGLint i = 0; i < n; i++) {
                EGLDisplay d = get_platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], NULL);
                if (d != EGL_NO_DISPLAY && eglInitialize(d, NULL, NULL)) {
                    *platform = "device";
                    return d;
                }
            }
        }
    }
    return EGL_NO_DISPLAY;
}

pd_headless *pd_headless_create(pd_err *err)
{
    const char *platform = NULL;
    EGLDisplay dpy = open_display(&platform);
    if (dpy == EGL_NO_DISPLAY) {
        pd_err_set(err, "no headless EGL display (install libegl-mesa0 and libgl1-mesa-dri)");
        return NULL;
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
        eglTerminate(dpy);
        pd_err_set(err, "EGL cannot bind desktop OpenGL");
        return NULL;
    }
    static const EGLint cfg_attrs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, 0, EGL_NONE};
    EGLConfig cfg = NULL;
    EGLint ncfg = 0;
    bool have_cfg = eglChooseConfig(dpy, cfg_attrs, &cfg, 1, &ncfg) && ncfg > 0;
    static const EGLint ctx_attrs[] = {
        EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext ctx = eglCreateContext(dpy, have_cfg ? cfg : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, ctx_attrs);
    if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
        if (ctx != EGL_NO_CONTEXT)
            eglDestroyContext(dpy, ctx);
        eglTerminate(dpy);
        pd_err_set(err, "no OpenGL 3.3 core context on the %s EGL platform", platform);
        return NULL;
    }
    pd_headless *h = calloc(1, sizeof *h);
    if (!h) {
        eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(dpy, ctx);
        eglTerminate(dpy);
        pd_err_set(err, "out of memory");
        return NULL;
    }
    h->dpy = dpy;
    h->ctx = ctx;
    pd_platform_pin_driver();
    return h;
}

void pd_headless_destroy(pd_headless **hp)
{
    pd_headless *h = *hp;
    if (!h)
        return;
    eglMakeCurrent(h->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(h->dpy, h->ctx);
    eglTerminate(h->dpy);
    eglReleaseThread();
    free(h);
    *hp = NULL;
}

pd_gl_proc pd_headless_get_proc(const char *name) { return (pd_gl_proc)eglGetProcAddress(name); }
