/* options: what podium's command line accepts, as a table.
 *
 * Owns: every option's names, its argument (a flag, a string, a number in a
 * range, or a check), the field it sets, the mode it selects, its line of
 * --help and the one-line message for a bad argument; --help itself. Does
 * not own: how options combine and what runs (main.c).
 *
 *   const pd_opt *p = pd_opt_find("--fps");
 *   if (p && pd_opt_take(&o, p, "30") == 0) ...;   // o.fps = 30
 */
#ifndef PD_APP_OPTIONS_H
#define PD_APP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "app/session.h"

#define PODIUM_VERSION "0.1.0"

typedef enum pd_mode {
    PD_MODE_PRESENT,
    PD_MODE_FRAME,
    PD_MODE_BENCH,
    PD_MODE_LIST,
    PD_MODE_KEYS,
    PD_MODE_EXPORT,
    PD_MODE_STOPS,
    PD_MODE_HANDOUT
} pd_mode;

typedef struct pd_options {
    pd_mode mode;
    double frame_t, fps;
    int stop, width, height, monitor, bench_frames;
    const char *out, *assets, *shaders, *talk, *scene_name, *keys, *capture_dir;
    const char *export_path, *stops_dir, *handout;
    pd_place start, from, to;
    bool testcard, fullscreen, presenter, hud, capture_overlays, force;
    pd_plan plan;  /* --duration */
    bool seen[64]; /* by option index: given on the command line (options.c checks the size) */
} pd_options;

enum {
    FLAG,
    FLAG_OFF,
    STR,
    INT,
    NUM,
    CHECK,
    HELP,
    VERSION,
    TALKS
};

/* One option: its names, what its argument is and where it goes, the line of
 * --help, and the message for a bad argument ("NAME 'VALUE' bad") or an
 * empty one ("NAME empty"). */
typedef struct pd_opt {
    const char *name, *alias, *shown, *help;
    int kind;
    size_t at;     /* offsetof the field it sets */
    double lo, hi; /* INT, NUM */
    const char *(*check)(pd_options *, const char *);
    const char *bad;   /* INT, NUM: the message's format, given the name and the value */
    const char *empty; /* the message (after the name) for an empty value; NULL: a bad value */
    pd_mode sets;      /* the mode it selects (PD_MODE_PRESENT: none) */
} pd_opt;

/* The option named arg (or its alias), or NULL. */
const pd_opt *pd_opt_find(const char *arg);
/* Whether the option takes a value (the next argument). */
bool pd_opt_takes_value(const pd_opt *p);
/* Takes the option and its value into o. 0: go on; -1: done (--help,
 * --version, --list-talks printed); 2: a bad value (one line said why). */
int pd_opt_take(pd_options *o, const pd_opt *p, const char *val);
/* Whether the option named `name` was given (pd_opt_index marks it). */
bool pd_opt_seen(const pd_options *o, const char *name);
size_t pd_opt_index(const pd_opt *p);
bool pd_ends_with(const char *s, const char *suffix);
/* --help */
void pd_usage(FILE *f);

#endif
