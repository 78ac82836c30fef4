/* platform: GL contexts. A GLFW window for presenting, headless EGL on Mesa
 * (surfaceless first, then the device platform) for tests, export and --frame.
 *
 * Owns: context creation, the window, its events and swap. Does not own: GL
 * calls (gfx/), keys' meaning (present/).
 *
 *   pd_headless *h = pd_headless_create(&err);       // no X server needed
 *   pd_gfx *g = pd_gfx_create(&(pd_gfx_desc){ .get_proc = pd_headless_get_proc }, &err);
 *   ...
 *   pd_headless_destroy(&h);
 */
#ifndef PD_PLATFORM_PLATFORM_H
#define PD_PLATFORM_PLATFORM_H

#include <stdbool.h>

#include "core/err.h"
#include "gfx/gfx.h"

/* Keeps Mesa's driver modules loaded until exit, so leak checkers can
 * attribute the driver's caches (called by both context makers). */
void pd_platform_pin_driver(void);

/* ---- headless ---- */
typedef struct pd_headless pd_headless;

/* Makes a GL 3.3 core context current with no window. Fails (NULL, err)
 * where EGL has no usable display; tests map that to exit 77. */
pd_headless *pd_headless_create(pd_err *err);
void pd_headless_destroy(pd_headless **h);
pd_gl_proc pd_headless_get_proc(const char *name);

/* ---- window ---- */
typedef struct pd_window pd_window;

typedef struct pd_window_desc {
    const char *title;
    int width, height; /* 0 means 1280x720 */
    bool fullscreen;
    int monitor;           /* 0-based; used with fullscreen */
    bool place_on_monitor; /* windowed: open on `monitor` when it exists (the presenter view) */
    bool no_vsync;         /* swap without waiting (a second window must not halve the frame rate) */
} pd_window_desc;

/* Says whether a display can be opened at all (X11 or Wayland), without
 * opening a window: the caller prints the headless options otherwise. */
bool pd_window_display_available(void);

pd_window *pd_window_create(const pd_window_desc *desc, pd_err *err);
void pd_window_destroy(pd_window **w);
pd_gl_proc pd_window_get_proc(const char *name);
bool pd_window_should_close(const pd_window *w);
void pd_window_framebuffer_size(const pd_window *w, int *fb_w, int *fb_h);
void pd_window_swap(pd_window *w);
/* Waits for events up to timeout_s (0 polls). */
void pd_window_poll(pd_window *w, double timeout_s);
void pd_window_toggle_fullscreen(pd_window *w);

/* Every input event, in order (keys, key releases, mouse, wheel). */
typedef enum pd_event_type {
    PD_EV_KEY_DOWN, /* press or repeat */
    PD_EV_KEY_UP,
    PD_EV_MOUSE_DOWN,
    PD_EV_MOUSE_UP,
    PD_EV_MOUSE_MOVE,
    PD_EV_SCROLL,
} pd_event_type;

typedef struct pd_window_event {
    pd_event_type type;
    int key, mods; /* keys: GLFW codes and modifier bits */
    bool repeat;
    int button;  /* 0 left, 1 right, 2 middle */
    double x, y; /* cursor in framebuffer pixels, origin top-left */
    double dy;   /* wheel: > 0 away from the user (mods: the Ctrl and Shift keys held) */
} pd_window_event;
/* Pops the next queued event; false when none. */
bool pd_window_next_event(pd_window *w, pd_window_event *ev);

/* Makes the window's GL context current (one thread, two windows). */
void pd_window_make_current(pd_window *w);
bool pd_window_is_fullscreen(const pd_window *w);
/* Number of monitors connected (0 when unknown: before the first window). */
int pd_window_monitor_count(void);
/* Moves the window to monitor n (0-based), fullscreen there when it is
 * fullscreen; later fullscreen toggles use it. False (nothing moved) when
 * there is no monitor n. */
bool pd_window_set_monitor(pd_window *w, int monitor);

#endif
