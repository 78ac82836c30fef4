/* keymap: key codes, their names, and the table of bindings.
 *
 * Owns: podium's key codes (the same numbers as GLFW's, so the window passes
 * them through unchanged; platform/window.c checks that at compile time),
 * names <-> codes for `--keys` scripts, and the binding table that the help
 * overlay, `--help` and docs/keys.md show. Does not own: what a key does
 * (present/presenter.c), reading the keyboard (platform/).
 *
 *   int key, mods;
 *   if (!pd_key_parse("shift+pagedown", &key, &mods)) ...;   // unknown name
 *   printf("%s\n", pd_key_name(key));                         // "pagedown"
 */
#ifndef PD_PRESENT_KEYMAP_H
#define PD_PRESENT_KEYMAP_H

#include <stdbool.h>

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

/* Lower-case name of a key ("right", "pagedown", "f12", "a", "]"), or NULL
 * for a code without a name. */
const char *pd_key_name(int key);

/* Parses "KEY" or "shift+ctrl+KEY" (case-insensitive). Aliases: "?" is
 * shift+slash, "esc", "return", "pgdn"/"pgup", "del", "bs". Returns false for
 * an unknown name or modifier. */
bool pd_key_parse(const char *name, int *key, int *mods);

/* One row of the key map as shown to people. */
typedef struct pd_key_binding {
    const char *keys; /* "→ ↓ Space PageDown N Enter, left click" */
    const char *what; /* "next: play to the next stop; completes a running animation" */
} pd_key_binding;

/* The table, in the help overlay's order. */
const pd_key_binding *pd_key_bindings(int *count);
/* Columns a UTF-8 string takes in a terminal: one per code point (the
 * table's arrows and ellipses are single-width). */
int pd_utf8_columns(const char *s);

#endif
