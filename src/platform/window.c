#define GLFW_INCLUDE_NONE /* GL headers belong to gfx/ */
#include <GLFW/glfw3.h>
#include <stdlib.h>
#include <string.h>

#include "platform/keys.h"
#include "platform/platform.h"

/* podium's key codes are GLFW's (platform/keys.h): events pass through unchanged */
_Static_assert(PD_KEY_SPACE == GLFW_KEY_SPACE, "PD_KEY_SPACE is GLFW's");
_Static_assert(PD_KEY_APOSTROPHE == GLFW_KEY_APOSTROPHE, "PD_KEY_APOSTROPHE is GLFW's");
_Static_assert(PD_KEY_COMMA == GLFW_KEY_COMMA, "PD_KEY_COMMA is GLFW's");
_Static_assert(PD_KEY_MINUS == GLFW_KEY_MINUS, "PD_KEY_MINUS is GLFW's");
_Static_assert(PD_KEY_PERIOD == GLFW_KEY_PERIOD, "PD_KEY_PERIOD is GLFW's");
_Static_assert(PD_KEY_SLASH == GLFW_KEY_SLASH, "PD_KEY_SLASH is GLFW's");
_Static_assert(PD_KEY_0 == GLFW_KEY_0, "PD_KEY_0 is GLFW's");
_Static_assert(PD_KEY_9 == GLFW_KEY_9, "PD_KEY_9 is GLFW's");
_Static_assert(PD_KEY_SEMICOLON == GLFW_KEY_SEMICOLON, "PD_KEY_SEMICOLON is GLFW's");
_Static_assert(PD_KEY_EQUAL == GLFW_KEY_EQUAL, "PD_KEY_EQUAL is GLFW's");
_Static_assert(PD_KEY_A == GLFW_KEY_A, "PD_KEY_A is GLFW's");
_Static_assert(PD_KEY_Z == GLFW_KEY_Z, "PD_KEY_Z is GLFW's");
_Static_assert(PD_KEY_LEFT_BRACKET == GLFW_KEY_LEFT_BRACKET, "PD_KEY_LEFT_BRACKET is GLFW's");
_Static_assert(PD_KEY_BACKSLASH == GLFW_KEY_BACKSLASH, "PD_KEY_BACKSLASH is GLFW's");
_Static_assert(PD_KEY_RIGHT_BRACKET == GLFW_KEY_RIGHT_BRACKET, "PD_KEY_RIGHT_BRACKET is GLFW's");
_Static_assert(PD_KEY_ESCAPE == GLFW_KEY_ESCAPE, "PD_KEY_ESCAPE is GLFW's");
_Static_assert(PD_KEY_ENTER == GLFW_KEY_ENTER, "PD_KEY_ENTER is GLFW's");
_Static_assert(PD_KEY_TAB == GLFW_KEY_TAB, "PD_KEY_TAB is GLFW's");
_Static_assert(PD_KEY_BACKSPACE == GLFW_KEY_BACKSPACE, "PD_KEY_BACKSPACE is GLFW's");
_Static_assert(PD_KEY_INSERT == GLFW_KEY_INSERT, "PD_KEY_INSERT is GLFW's");
_Static_assert(PD_KEY_DELETE == GLFW_KEY_DELETE, "PD_KEY_DELETE is GLFW's");
_Static_assert(PD_KEY_RIGHT == GLFW_KEY_RIGHT, "PD_KEY_RIGHT is GLFW's");
_Static_assert(PD_KEY_LEFT == GLFW_KEY_LEFT, "PD_KEY_LEFT is GLFW's");
_Static_assert(PD_KEY_DOWN == GLFW_KEY_DOWN, "PD_KEY_DOWN is GLFW's");
_Static_assert(PD_KEY_UP == GLFW_KEY_UP, "PD_KEY_UP is GLFW's");
_Static_assert(PD_KEY_PAGE_UP == GLFW_KEY_PAGE_UP, "PD_KEY_PAGE_UP is GLFW's");
_Static_assert(PD_KEY_PAGE_DOWN == GLFW_KEY_PAGE_DOWN, "PD_KEY_PAGE_DOWN is GLFW's");
_Static_assert(PD_KEY_HOME == GLFW_KEY_HOME, "PD_KEY_HOME is GLFW's");
_Static_assert(PD_KEY_END == GLFW_KEY_END, "PD_KEY_END is GLFW's");
_Static_assert(PD_KEY_F1 == GLFW_KEY_F1, "PD_KEY_F1 is GLFW's");
_Static_assert(PD_KEY_F5 == GLFW_KEY_F5, "PD_KEY_F5 is GLFW's");
_Static_assert(PD_KEY_F11 == GLFW_KEY_F11, "PD_KEY_F11 is GLFW's");
_Static_assert(PD_KEY_F12 == GLFW_KEY_F12, "PD_KEY_F12 is GLFW's");
_Static_assert(PD_KEY_KP_0 == GLFW_KEY_KP_0, "PD_KEY_KP_0 is GLFW's");
_Static_assert(PD_KEY_KP_9 == GLFW_KEY_KP_9, "PD_KEY_KP_9 is GLFW's");
_Static_assert(PD_KEY_KP_ENTER == GLFW_KEY_KP_ENTER, "PD_KEY_KP_ENTER is GLFW's");
_Static_assert(PD_MOD_SHIFT == GLFW_MOD_SHIFT, "PD_MOD_SHIFT is GLFW's");
_Static_assert(PD_MOD_CTRL == GLFW_MOD_CONTROL, "PD_MOD_CTRL is GLFW's");
_Static_assert(PD_MOD_ALT == GLFW_MOD_ALT, "PD_MOD_ALT is GLFW's");
_Static_assert(PD_MOD_SUPER == GLFW_MOD_SUPER, "PD_MOD_SUPER is GLFW's");

enum {
    KEY_QUEUE = 256
};

struct pd_window {
    GLFWwindow *win;
    int windowed_x, windowed_y, windowed_w, windowed_h;
    int monitor;
    pd_window_event events[KEY_QUEUE];
    int ev_head, ev_len;
    double cursor_x, cursor_y; /* framebuffer pixels */
};

/* GLFW reports errors through one process-wide callback: keep the last one. */
static struct {
    char msg[256];
    int windows; /* glfwInit once for every window, glfwTerminate after the last */
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

static void push_event(pd_window *w, pd_window_event ev)
{
    if (!w || w->ev_len == KEY_QUEUE)
        return;
    /* a burst of moves keeps only the latest position */
    if (ev.type == PD_EV_MOUSE_MOVE && w->ev_len > 0) {
        pd_window_event *last = &w->events[(w->ev_head + w->ev_len - 1) % KEY_QUEUE];
        if (last->type == PD_EV_MOUSE_MOVE) {
            *last = ev;
            return;
        }
    }
    w->events[(w->ev_head + w->ev_len) % KEY_QUEUE] = ev;
    w->ev_len++;
}

static void on_key(GLFWwindow *win, int key, int scancode, int action, int mods)
{
    (void)scancode;
    pd_window *w = glfwGetWindowUserPointer(win);
    push_event(w, (pd_window_event){.type = action == GLFW_RELEASE ? PD_EV_KEY_UP : PD_EV_KEY_DOWN,
                                    .key = key,
                                    .mods = mods,
                                    .repeat = action == GLFW_REPEAT});
}

/* window coordinates to framebuffer pixels (they differ on HiDPI screens) */
static void to_fb(GLFWwindow *win, double *x, double *y)
{
    int ww = 0, wh = 0, fw = 0, fh = 0;
    glfwGetWindowSize(win, &ww, &wh);
    glfwGetFramebufferSize(win, &fw, &fh);
    if (ww > 0 && wh > 0) {
        *x *= (double)fw / ww;
        *y *= (double)fh / wh;
    }
}

static void on_mouse_button(GLFWwindow *win, int button, int action, int mods)
{
    pd_window *w = glfwGetWindowUserPointer(win);
    if (!w)
        return;
    int b = button == GLFW_MOUSE_BUTTON_LEFT ? 0 : button == GLFW_MOUSE_BUTTON_RIGHT ? 1 : 2;
    push_event(w, (pd_window_event){.type = action == GLFW_PRESS ? PD_EV_MOUSE_DOWN : PD_EV_MOUSE_UP,
                                    .button = b,
                                    .mods = mods,
                                    .x = w->cursor_x,
                                    .y = w->cursor_y});
}

static void on_cursor(GLFWwindow *win, double x, double y)
{
    pd_window *w = glfwGetWindowUserPointer(win);
    if (!w)
        return;
    to_fb(win, &x, &y);
    w->cursor_x = x;
    w->cursor_y = y;
    push_event(w, (pd_window_event){.type = PD_EV_MOUSE_MOVE, .x = x, .y = y});
}

static void on_scroll(GLFWwindow *win, double dx, double dy)
{
    (void)dx;
    pd_window *w = glfwGetWindowUserPointer(win);
    /* GLFW gives a wheel no modifiers: Ctrl+wheel (zoom) reads the keys held */
    int mods = 0;
    if (glfwGetKey(win, GLFW_KEY_LEFT_CONTROL) == GLFW_PRESS || glfwGetKey(win, GLFW_KEY_RIGHT_CONTROL) == GLFW_PRESS)
        mods |= GLFW_MOD_CONTROL;
    if (glfwGetKey(win, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS || glfwGetKey(win, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS)
        mods |= GLFW_MOD_SHIFT;
    if (w && dy != 0)
        push_event(w,
                   (pd_window_event){.type = PD_EV_SCROLL, .mods = mods, .dy = dy, .x = w->cursor_x, .y = w->cursor_y});
}

pd_window *pd_window_create(const pd_window_desc *desc, pd_err *err)
{
    glfwSetErrorCallback(on_glfw_error);
    if (g_glfw.windows == 0 && !glfwInit()) {
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
        if (g_glfw.windows == 0)
            glfwTerminate();
        return NULL;
    }
    pd_window *pw = calloc(1, sizeof *pw);
    if (!pw) {
        glfwDestroyWindow(win);
        if (g_glfw.windows == 0)
            glfwTerminate();
        pd_err_set(err, "out of memory");
        return NULL;
    }
    g_glfw.windows++;
    if (!mon && desc->place_on_monitor) {
        int count = 0;
        GLFWmonitor **mons = glfwGetMonitors(&count);
        if (desc->monitor >= 0 && desc->monitor < count) {
            int mx = 0, my = 0, mw = 0, mh = 0;
            glfwGetMonitorWorkarea(mons[desc->monitor], &mx, &my, &mw, &mh);
            glfwSetWindowPos(win, mx + 40, my + 40);
        }
    }
    pw->win = win;
    pw->monitor = desc->monitor;
    pw->windowed_w = desc->width > 0 ? desc->width : 1280;
    pw->windowed_h = desc->height > 0 ? desc->height : 720;
    glfwSetWindowUserPointer(win, pw);
    glfwSetKeyCallback(win, on_key);
    glfwSetMouseButtonCallback(win, on_mouse_button);
    glfwSetCursorPosCallback(win, on_cursor);
    glfwSetScrollCallback(win, on_scroll);
    glfwMakeContextCurrent(win);
    glfwSwapInterval(desc->no_vsync ? 0 : 1);
    return pw;
}

void pd_window_destroy(pd_window **wp)
{
    pd_window *w = *wp;
    if (!w)
        return;
    glfwDestroyWindow(w->win);
    if (--g_glfw.windows == 0) {
        pd_platform_pin_driver(); /* also what was loaded since the window opened */
        glfwTerminate();
    }
    free(w);
    *wp = NULL;
}

pd_gl_proc pd_window_get_proc(const char *name) { return (pd_gl_proc)glfwGetProcAddress(name); }
bool pd_window_should_close(const pd_window *w) { return glfwWindowShouldClose(w->win); }
void pd_window_framebuffer_size(const pd_window *w, int *fb_w, int *fb_h)
{
    glfwGetFramebufferSize(w->win, fb_w, fb_h);
}
void pd_window_swap(pd_window *w) { glfwSwapBuffers(w->win); }

void pd_window_poll(pd_window *w, double timeout_s)
{
    (void)w;
    if (timeout_s > 0)
        glfwWaitEventsTimeout(timeout_s);
    else
        glfwPollEvents();
}

bool pd_window_next_event(pd_window *w, pd_window_event *ev)
{
    if (w->ev_len == 0)
        return false;
    *ev = w->events[w->ev_head];
    w->ev_head = (w->ev_head + 1) % KEY_QUEUE;
    w->ev_len--;
    return true;
}

void pd_window_make_current(pd_window *w) { glfwMakeContextCurrent(w->win); }
bool pd_window_is_fullscreen(const pd_window *w) { return glfwGetWindowMonitor(w->win) != NULL; }

bool pd_window_set_monitor(pd_window *w, int monitor)
{
    int count = 0;
    GLFWmonitor **mons = glfwGetMonitors(&count);
    if (monitor < 0 || monitor >= count)
        return false;
    w->monitor = monitor;
    if (glfwGetWindowMonitor(w->win)) {
        const GLFWvidmode *mode = glfwGetVideoMode(mons[monitor]);
        glfwSetWindowMonitor(w->win, mons[monitor], 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        int mx = 0, my = 0, mw = 0, mh = 0;
        glfwGetMonitorWorkarea(mons[monitor], &mx, &my, &mw, &mh);
        glfwSetWindowPos(w->win, mx + 40, my + 40);
    }
    return true;
}

int pd_window_monitor_count(void)
{
    int count = 0;
    if (g_glfw.windows == 0)
        return 0;
    glfwGetMonitors(&count);
    return count;
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
