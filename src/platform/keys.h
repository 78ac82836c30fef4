/* keys: podium's key codes and modifier bits.
 *
 * Owns: the numbers. They are GLFW's, so the window passes GLFW's codes
 * through unchanged; platform/window.c checks every one against GLFW at
 * compile time. Does not own: names and bindings (present/keymap.h).
 */
#ifndef PD_PLATFORM_KEYS_H
#define PD_PLATFORM_KEYS_H

/* GLFW's key numbers: printable keys are their ASCII upper-case code. */
enum {
    PD_KEY_SPACE = 32,
    PD_KEY_APOSTROPHE = 39,
    PD_KEY_COMMA = 44,
    PD_KEY_MINUS = 45,
    PD_KEY_PERIOD = 46,
    PD_KEY_SLASH = 47,
    PD_KEY_0 = 48,
    PD_KEY_9 = 57,
    PD_KEY_SEMICOLON = 59,
    PD_KEY_EQUAL = 61,
    PD_KEY_A = 65,
    PD_KEY_Z = 90,
    PD_KEY_LEFT_BRACKET = 91,
    PD_KEY_BACKSLASH = 92,
    PD_KEY_RIGHT_BRACKET = 93,
    PD_KEY_ESCAPE = 256,
    PD_KEY_ENTER = 257,
    PD_KEY_TAB = 258,
    PD_KEY_BACKSPACE = 259,
    PD_KEY_INSERT = 260,
    PD_KEY_DELETE = 261,
    PD_KEY_RIGHT = 262,
    PD_KEY_LEFT = 263,
    PD_KEY_DOWN = 264,
    PD_KEY_UP = 265,
    PD_KEY_PAGE_UP = 266,
    PD_KEY_PAGE_DOWN = 267,
    PD_KEY_HOME = 268,
    PD_KEY_END = 269,
    PD_KEY_F1 = 290,
    PD_KEY_F5 = 294,
    PD_KEY_F11 = 300,
    PD_KEY_F12 = 301,
    PD_KEY_KP_0 = 320,
    PD_KEY_KP_9 = 329,
    PD_KEY_KP_ENTER = 335,
};

/* Modifier bits, as GLFW's. */
enum {
    PD_MOD_SHIFT = 1,
    PD_MOD_CTRL = 2,
    PD_MOD_ALT = 4,
    PD_MOD_SUPER = 8,
};

#endif
