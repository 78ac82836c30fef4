/* keymap: key codes, their names, and the table of bindings.
 *
 * Owns: names <-> key codes (platform/keys.h) for `--keys` scripts, and the binding table that the help
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

#include "platform/keys.h"

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
