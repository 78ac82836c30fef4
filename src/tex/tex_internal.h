/* tex_internal: the parsed form of a formula, shared by parse.c and layout.c.
 *
 * The parser turns source into a tree of noads (TeXbook ch. 17): each noad
 * has an atom class (for the spacing table), a nucleus and optional
 * super/subscripts. Lists are chains of node indices through `next`. Nothing
 * here is public; tex.h is the module's interface.
 *
 *   tex_tree t = {0};
 *   if (!tex_parse(&t, src, fonts, &err)) ...;   // t.root is the top list
 *   ... layout ...; tex_tree_free(&t);
 */
#ifndef PD_TEX_TEX_INTERNAL_H
#define PD_TEX_TEX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "text/font.h"

/* Atom classes in the order of TeX's spacing table (TeXbook p. 170). */
typedef enum tex_class {
    TEX_ORD,
    TEX_OP,
    TEX_BIN,
    TEX_REL,
    TEX_OPEN,
    TEX_CLOSE,
    TEX_PUNCT,
    TEX_INNER,
    TEX_NONE, /* spaces: not atoms, invisible to the spacing table */
} tex_class;

typedef enum tex_kind {
    TEX_K_EMPTY,     /* empty nucleus ({} or a script with nothing before it) */
    TEX_K_CHAR,      /* one math character: cp */
    TEX_K_LIST,      /* a sub-formula: list */
    TEX_K_FRAC,      /* \frac: list = numerator, list2 = denominator */
    TEX_K_RAD,       /* \sqrt: list = radicand, list2 = degree (or -1) */
    TEX_K_LEFTRIGHT, /* \left cp ... \right cp2: list = body; cp 0 is `.` */
    TEX_K_TEXT,      /* \text: text[text_off .. +text_len) (UTF-8) */
    TEX_K_SPACE,     /* explicit space: space (mu if space_mu, else em) */
} tex_kind;

typedef enum tex_limits {
    TEX_LIMITS_DISPLAY, /* \displaylimits: limits above/below in display style only */
    TEX_LIMITS_ON,      /* \limits */
    TEX_LIMITS_OFF,     /* \nolimits */
} tex_limits;

typedef struct tex_node {
    uint8_t cls;    /* tex_class */
    uint8_t kind;   /* tex_kind */
    uint8_t limits; /* tex_limits, Op atoms */
    bool space_mu;
    bool sup_is_prime; /* sup was opened by ' and may still take one ^ */
    uint32_t cp, cp2;
    int32_t list, list2;
    int32_t sup, sub; /* script lists; -1: none, else a list head (may be an EMPTY node) */
    int32_t next;
    uint32_t text_off, text_len;
    float space;
} tex_node;

typedef struct tex_tree {
    tex_node *nodes;
    uint32_t count, cap;
    char *text; /* \text contents, unescaped */
    uint32_t text_len, text_cap;
    int32_t root;
} tex_tree;

#define TEX_MAX_DEPTH 48
#define TEX_MAX_SRC 65536

/* Parses src (NUL-terminated) into t. On bad input fills err with
 * "tex: <what> at column N" and returns false (t still must be freed).
 * fonts is used to check that characters exist in the math font. */
bool tex_parse(tex_tree *t, const char *src, const pd_fonts *fonts, pd_err *err);
void tex_tree_free(tex_tree *t);

#endif
