#define GLFW_INCLUDE_NONE /* GL headers belong to gfx/ */
#include <GLFW/glfw3.h>
#include <stdlib.h>
#include <string.h>

#include "platform/platform.h"

enum { KEY_QUEUE = 64 };

struct pd_window {
    GLFWwindow *win;
    int windowed_x, windowed_y, windowed_w, windowed_h;
    int monitor;
    pd_key_event keys[KEY_QUEUE];
    int key_head, key_len;
};

/* GLFW reports errors through one process-wide callback: keep the last one. */
static struct {
    char msg[256];
} g_glfw;

static void on_glfw_error(int code, const char *desc)
{
    (void)code;
    strncpy(g_glfw.msg, desc ? desc : "unknown", sizeof g_glfw.msg - 1);
}

bool pd_window_display_available(void)
{
    const char *x = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wl && *wl);
}

static void on_key(GLFWwindow *win, int key, int scancode, int action, int mods)
{
    (void)scancode;
    pd_window *w = glfwGetWindowUserPointer(win);
    if (!w || action == GLFW_RELEASE || w->key_len == KEY_QUEUE)
        return;
    pd_key_event *ev = &w->keys[(w->key_head + w->key_len) % KEY_QUEUE];
    *ev = (pd_key_event){.key = key, .mods = mods, .repeat = action == GLFW_REPEAT};
    w->key_len++;
}

pd_window *pd_window_create(const pd_window_desc *desc, pd_err *err)
{
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        pd_err_set(err, "no display: %s (use --frame T --out FILE.png to render headless)", g_glfw.msg);
        return NULL;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
    int w = desc->width > 0 ? desc->width : 1280, h = desc->height > 0 ? desc->height : 720;
    GLFWmonitor *mon = NULL;
    if (desc->fullscreen) {
        int count = 0;
        GLFWmonitor **mons = glfwGetMonitors(&count);
        if (count > 0) {
            mon = mons[desc->monitor >= 0 && desc->monitor < count ? desc->monitor : 0];
            const GLFWvidmode *mode = glfwGetVideoMode(mon);
            w = mode->width;
            h = mode->height;
        }
    }
    GLFWwindow *win = glfwCreateWindow(w, h, desc->title ? desc->title : "podium", mon, NULL);
    if (!win) {
        pd_err_set(err, "cannot open an OpenGL 3.3 window: %s", g_glfw.msg);
        glfwTerminate();
        return NULL;
    }
    pd_window *pw = calloc(1, sizeof *pw);
    if (!pw) {
        glfwDestroyWindow(win);
        glfwTerminate();
        pd_err_set(err, "out of memory");
        return NULL;
    }
    pw->win = win;
    pw->monitor = desc->monitor;
    pw->windowed_w = desc->width > 0 ? desc->width : 1280;
    pw->windowed_h = desc->height > 0 ? desc->height : 720;
    glfwSetWindowUserPointer(win, pw);
    glfwSetKeyCallback(win, on_key);
    glfwMakeContextCurrent(win);
    glfwSwapInterval(1); /* vsync */
    return pw;
}

void pd_window_destroy(pd_window **wp)
{
    pd_window *w = *wp;
    if (!w)
        return;
    glfwDestroyWindow(w->win);
    glfwTerminate();
    free(w);
    *wp = NULL;
}

pd_gl_proc pd_window_get_proc(const char *name) { return (pd_gl_proc)glfwGetProcAddress(name); }
bool pd_window_should_close(const pd_window *w) { return glfwWindowShouldClose(w->win); }
void pd_window_framebuffer_size(const pd_window *w, int *fb_w, int *fb_h) { glfwGetFramebufferSize(w->win, fb_w, fb_h); }
void pd_window_swap(pd_window *w) { glfwSwapBuffers(w->win); }
void pd_window_close(pd_window *w) { glfwSetWindowShouldClose(w->win, GLFW_TRUE); }

void pd_window_poll(pd_window *w, double timeout_s)
{
    (void)w;
    if (timeout_s > 0)
        glfwWaitEventsTimeout(timeout_s);
    else
        glfwPollEvents();
}

bool pd_window_next_key(pd_window *w, pd_key_event *ev)
{
    if (w->key_len == 0)
        return false;
    *ev = w->keys[w->key_head];
    w->key_head = (w->key_head + 1) % KEY_QUEUE;
    w->key_len--;
    return true;
}

void pd_window_toggle_fullscreen(pd_window *w)
{
    GLFWmonitor *cur = glfwGetWindowMonitor(w->win);
    if (cur) {
        glfwSetWindowMonitor(w->win, NULL, w->windowed_x, w->windowed_y, w->windowed_w, w->windowed_h, GLFW_DONT_CARE);
        return;
    }
    glfwGetWindowPos(w->win, &w->windowed_x, &w->windowed_y);
    glfwGetWindowSize(w->win, &w->windowed_w, &w->windowed_h);
    int count = 0;
    GLFWmonitor **mons = glfwGetMonitors(&count);
    if (count == 0)
        return;
    GLFWmonitor *mon = mons[w->monitor >= 0 && w->monitor < count ? w->monitor : 0];
    const GLFWvidmode *mode = glfwGetVideoMode(mon);
    glfwSetWindowMonitor(w->win, mon, 0, 0, mode->width, mode->height, mode->refreshRate);
}
