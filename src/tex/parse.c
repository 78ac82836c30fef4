/* parse: TeX math source -> a tree of noads (tex_internal.h).
 *
 * A recursive-descent reader of the subset in docs/tex.md. It follows TeX's
 * own reading rules where they change the result: math codes decide each
 * character's atom class (TeXbook ch. 17), a group holding one plain Ord atom
 * is replaced by that atom's nucleus (tex.web §1186), ' is ^\prime and several
 * primes share one superscript (TeXbook p. 130), spaces are ignored in math.
 * Every error names what went wrong and the column (1-based, counted in
 * characters) where it happened.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tex/tex_internal.h"

/* ---- types ---------------------------------------------------------------- */

typedef enum font_mode {
    FM_ITALIC,  /* default math letters (unicode-math's \mathnormal) */
    FM_UPRIGHT, /* \mathrm, \operatorname */
    FM_BOLD,    /* \mathbf */
} font_mode;

typedef struct parser {
    tex_tree *t;
    const char *src;
    size_t pos, len;
    const pd_fonts *fonts;
    pd_err *err;
    int depth;
    font_mode mode;
} parser;

typedef enum cmd_type {
    CMD_SYM,   /* one character atom of class cls */
    CMD_BIGOP, /* large operator character; val = tex_limits */
    CMD_SPACE, /* val in mu (em when cp == 1) */
    CMD_FRAC,
    CMD_SQRT,
    CMD_LEFT,
    CMD_RIGHT,
    CMD_MIDDLE,
    CMD_OPNAME,  /* \operatorname */
    CMD_NAMEDOP, /* \lim, \max, \log ...; val = tex_limits */
    CMD_TEXT,
    CMD_FONT,   /* \mathrm etc.; val = font_mode */
    CMD_CLASS,  /* \mathbin etc.; cls */
    CMD_LIMITS, /* val = tex_limits */
    CMD_DOTS,   /* \ldots / \cdots: cp = the dot */
} cmd_type;

typedef struct cmd {
    const char *name;
    uint8_t type;
    uint8_t cls;
    uint32_t cp;
    float val;
} cmd;

/* ---- the command table ------------------------------------------------------ */

/* Lower-case Greek in math italic (U+1D6FC..), TeX's default shapes: \epsilon
 * and \phi are the "symbol" forms, \varepsilon and \varphi the text forms
 * (unicode-math's mapping). Capitals are upright, as in plain TeX. */
static const cmd cmds[] = {
    {"alpha", CMD_SYM, TEX_ORD, 0x1D6FC, 0},
    {"beta", CMD_SYM, TEX_ORD, 0x1D6FD, 0},
    {"gamma", CMD_SYM, TEX_ORD, 0x1D6FE, 0},
    {"delta", CMD_SYM, TEX_ORD, 0x1D6FF, 0},
    {"varepsilon", CMD_SYM, TEX_ORD, 0x1D700, 0},
    {"zeta", CMD_SYM, TEX_ORD, 0x1D701, 0},
    {"eta", CMD_SYM, TEX_ORD, 0x1D702, 0},
    {"theta", CMD_SYM, TEX_ORD, 0x1D703, 0},
    {"iota", CMD_SYM, TEX_ORD, 0x1D704, 0},
    {"kappa", CMD_SYM, TEX_ORD, 0x1D705, 0},
    {"lambda", CMD_SYM, TEX_ORD, 0x1D706, 0},
    {"mu", CMD_SYM, TEX_ORD, 0x1D707, 0},
    {"nu", CMD_SYM, TEX_ORD, 0x1D708, 0},
    {"xi", CMD_SYM, TEX_ORD, 0x1D709, 0},
    {"omicron", CMD_SYM, TEX_ORD, 0x1D70A, 0},
    {"pi", CMD_SYM, TEX_ORD, 0x1D70B, 0},
    {"rho", CMD_SYM, TEX_ORD, 0x1D70C, 0},
    {"varsigma", CMD_SYM, TEX_ORD, 0x1D70D, 0},
    {"sigma", CMD_SYM, TEX_ORD, 0x1D70E, 0},
    {"tau", CMD_SYM, TEX_ORD, 0x1D70F, 0},
    {"upsilon", CMD_SYM, TEX_ORD, 0x1D710, 0},
    {"varphi", CMD_SYM, TEX_ORD, 0x1D711, 0},
    {"chi", CMD_SYM, TEX_ORD, 0x1D712, 0},
    {"psi", CMD_SYM, TEX_ORD, 0x1D713, 0},
    {"omega", CMD_SYM, TEX_ORD, 0x1D714, 0},
    {"epsilon", CMD_SYM, TEX_ORD, 0x1D716, 0},
    {"vartheta", CMD_SYM, TEX_ORD, 0x1D717, 0},
    {"varkappa", CMD_SYM, TEX_ORD, 0x1D718, 0},
    {"phi", CMD_SYM, TEX_ORD, 0x1D719, 0},
    {"varrho", CMD_SYM, TEX_ORD, 0x1D71A, 0},
    {"varpi", CMD_SYM, TEX_ORD, 0x1D71B, 0},
    {"Gamma", CMD_SYM, TEX_ORD, 0x0393, 0},
    {"Delta", CMD_SYM, TEX_ORD, 0x0394, 0},
    {"Theta", CMD_SYM, TEX_ORD, 0x0398, 0},
    {"Lambda", CMD_SYM, TEX_ORD, 0x039B, 0},
    {"Xi", CMD_SYM, TEX_ORD, 0x039E, 0},
    {"Pi", CMD_SYM, TEX_ORD, 0x03A0, 0},
    {"Sigma", CMD_SYM, TEX_ORD, 0x03A3, 0},
    {"Upsilon", CMD_SYM, TEX_ORD, 0x03A5, 0},
    {"Phi", CMD_SYM, TEX_ORD, 0x03A6, 0},
    {"Psi", CMD_SYM, TEX_ORD, 0x03A8, 0},
    {"Omega", CMD_SYM, TEX_ORD, 0x03A9, 0},
    /* binary operators */
    {"cdot", CMD_SYM, TEX_BIN, 0x22C5, 0},
    {"times", CMD_SYM, TEX_BIN, 0x00D7, 0},
    {"div", CMD_SYM, TEX_BIN, 0x00F7, 0},
    {"pm", CMD_SYM, TEX_BIN, 0x00B1, 0},
    {"mp", CMD_SYM, TEX_BIN, 0x2213, 0},
    {"ast", CMD_SYM, TEX_BIN, 0x2217, 0},
    {"circ", CMD_SYM, TEX_BIN, 0x2218, 0},
    {"bullet", CMD_SYM, TEX_BIN, 0x2219, 0},
    {"oplus", CMD_SYM, TEX_BIN, 0x2295, 0},
    {"otimes", CMD_SYM, TEX_BIN, 0x2297, 0},
    {"odot", CMD_SYM, TEX_BIN, 0x2299, 0},
    {"cup", CMD_SYM, TEX_BIN, 0x222A, 0},
    {"cap", CMD_SYM, TEX_BIN, 0x2229, 0},
    {"setminus", CMD_SYM, TEX_BIN, 0x2216, 0},
    {"wedge", CMD_SYM, TEX_BIN, 0x2227, 0},
    {"vee", CMD_SYM, TEX_BIN, 0x2228, 0},
    /* relations */
    {"le", CMD_SYM, TEX_REL, 0x2264, 0},
    {"leq", CMD_SYM, TEX_REL, 0x2264, 0},
    {"ge", CMD_SYM, TEX_REL, 0x2265, 0},
    {"geq", CMD_SYM, TEX_REL, 0x2265, 0},
    {"ne", CMD_SYM, TEX_REL, 0x2260, 0},
    {"neq", CMD_SYM, TEX_REL, 0x2260, 0},
    {"approx", CMD_SYM, TEX_REL, 0x2248, 0},
    {"equiv", CMD_SYM, TEX_REL, 0x2261, 0},
    {"sim", CMD_SYM, TEX_REL, 0x223C, 0},
    {"simeq", CMD_SYM, TEX_REL, 0x2243, 0},
    {"propto", CMD_SYM, TEX_REL, 0x221D, 0},
    {"in", CMD_SYM, TEX_REL, 0x2208, 0},
    {"notin", CMD_SYM, TEX_REL, 0x2209, 0},
    {"subset", CMD_SYM, TEX_REL, 0x2282, 0},
    {"subseteq", CMD_SYM, TEX_REL, 0x2286, 0},
    {"ll", CMD_SYM, TEX_REL, 0x226A, 0},
    {"gg", CMD_SYM, TEX_REL, 0x226B, 0},
    {"to", CMD_SYM, TEX_REL, 0x2192, 0},
    {"rightarrow", CMD_SYM, TEX_REL, 0x2192, 0},
    {"leftarrow", CMD_SYM, TEX_REL, 0x2190, 0},
    {"gets", CMD_SYM, TEX_REL, 0x2190, 0},
    {"Rightarrow", CMD_SYM, TEX_REL, 0x21D2, 0},
    {"Leftarrow", CMD_SYM, TEX_REL, 0x21D0, 0},
    {"iff", CMD_SYM, TEX_REL, 0x27FA, 0},
    {"mapsto", CMD_SYM, TEX_REL, 0x21A6, 0},
    {"mid", CMD_SYM, TEX_REL, 0x2223, 0},
    /* ordinary symbols */
    {"top", CMD_SYM, TEX_ORD, 0x22A4, 0},
    {"bot", CMD_SYM, TEX_ORD, 0x22A5, 0},
    {"infty", CMD_SYM, TEX_ORD, 0x221E, 0},
    {"partial", CMD_SYM, TEX_ORD, 0x2202, 0},
    {"nabla", CMD_SYM, TEX_ORD, 0x2207, 0},
    {"prime", CMD_SYM, TEX_ORD, 0x2032, 0},
    {"ell", CMD_SYM, TEX_ORD, 0x2113, 0},
    {"forall", CMD_SYM, TEX_ORD, 0x2200, 0},
    {"exists", CMD_SYM, TEX_ORD, 0x2203, 0},
    {"emptyset", CMD_SYM, TEX_ORD, 0x2205, 0},
    {"neg", CMD_SYM, TEX_ORD, 0x00AC, 0},
    {"hbar", CMD_SYM, TEX_ORD, 0x210F, 0},
    {"vert", CMD_SYM, TEX_ORD, 0x007C, 0},
    {"Vert", CMD_SYM, TEX_ORD, 0x2016, 0},
    {"|", CMD_SYM, TEX_ORD, 0x2016, 0},
    {"%", CMD_SYM, TEX_ORD, '%', 0},
    {"&", CMD_SYM, TEX_ORD, '&', 0},
    {"#", CMD_SYM, TEX_ORD, '#', 0},
    {"$", CMD_SYM, TEX_ORD, '$', 0},
    {"_", CMD_SYM, TEX_ORD, '_', 0},
    /* delimiters used as plain atoms */
    {"{", CMD_SYM, TEX_OPEN, '{', 0},
    {"}", CMD_SYM, TEX_CLOSE, '}', 0},
    {"lbrace", CMD_SYM, TEX_OPEN, '{', 0},
    {"rbrace", CMD_SYM, TEX_CLOSE, '}', 0},
    {"langle", CMD_SYM, TEX_OPEN, 0x27E8, 0},
    {"rangle", CMD_SYM, TEX_CLOSE, 0x27E9, 0},
    {"lceil", CMD_SYM, TEX_OPEN, 0x2308, 0},
    {"rceil", CMD_SYM, TEX_CLOSE, 0x2309, 0},
    {"lfloor", CMD_SYM, TEX_OPEN, 0x230A, 0},
    {"rfloor", CMD_SYM, TEX_CLOSE, 0x230B, 0},
    {"lvert", CMD_SYM, TEX_OPEN, 0x007C, 0},
    {"rvert", CMD_SYM, TEX_CLOSE, 0x007C, 0},
    {"lVert", CMD_SYM, TEX_OPEN, 0x2016, 0},
    {"rVert", CMD_SYM, TEX_CLOSE, 0x2016, 0},
    /* large operators: \int keeps its limits beside it (plain TeX's \nolimits) */
    {"sum", CMD_BIGOP, TEX_OP, 0x2211, TEX_LIMITS_DISPLAY},
    {"prod", CMD_BIGOP, TEX_OP, 0x220F, TEX_LIMITS_DISPLAY},
    {"coprod", CMD_BIGOP, TEX_OP, 0x2210, TEX_LIMITS_DISPLAY},
    {"bigcup", CMD_BIGOP, TEX_OP, 0x22C3, TEX_LIMITS_DISPLAY},
    {"bigcap", CMD_BIGOP, TEX_OP, 0x22C2, TEX_LIMITS_DISPLAY},
    {"int", CMD_BIGOP, TEX_OP, 0x222B, TEX_LIMITS_OFF},
    {"oint", CMD_BIGOP, TEX_OP, 0x222E, TEX_LIMITS_OFF},
    {"iint", CMD_BIGOP, TEX_OP, 0x222C, TEX_LIMITS_OFF},
    /* named operators (plain TeX / amsmath): upright names */
    {"lim", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_DISPLAY},
    {"max", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_DISPLAY},
    {"min", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_DISPLAY},
    {"sup", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_DISPLAY},
    {"inf", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_DISPLAY},
    {"det", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_DISPLAY},
    {"log", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_OFF},
    {"ln", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_OFF},
    {"exp", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_OFF},
    {"sin", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_OFF},
    {"cos", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_OFF},
    {"tan", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_OFF},
    {"arg", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_OFF},
    {"dim", CMD_NAMEDOP, TEX_OP, 0, TEX_LIMITS_OFF},
    /* spacing: TeXbook p. 167 (\, \> \; \!) and p. 166 (\quad) */
    {",", CMD_SPACE, TEX_NONE, 0, 3},
    {":", CMD_SPACE, TEX_NONE, 0, 4},
    {">", CMD_SPACE, TEX_NONE, 0, 4},
    {";", CMD_SPACE, TEX_NONE, 0, 5},
    {"!", CMD_SPACE, TEX_NONE, 0, -3},
    {"quad", CMD_SPACE, TEX_NONE, 1, 1},
    {"qquad", CMD_SPACE, TEX_NONE, 1, 2},
    {" ", CMD_SPACE, TEX_NONE, 1, 1.0f / 3.0f},
    {"thinspace", CMD_SPACE, TEX_NONE, 0, 3},
    {"medspace", CMD_SPACE, TEX_NONE, 0, 4},
    {"thickspace", CMD_SPACE, TEX_NONE, 0, 5},
    {"negthinspace", CMD_SPACE, TEX_NONE, 0, -3},
    /* structures */
    {"frac", CMD_FRAC, TEX_ORD, 0, 0},
    {"sqrt", CMD_SQRT, TEX_ORD, 0, 0},
    {"left", CMD_LEFT, TEX_INNER, 0, 0},
    {"right", CMD_RIGHT, TEX_INNER, 0, 0},
    {"middle", CMD_MIDDLE, TEX_INNER, 0, 0},
    {"operatorname", CMD_OPNAME, TEX_OP, 0, 0},
    {"text", CMD_TEXT, TEX_ORD, 0, 0},
    {"textrm", CMD_TEXT, TEX_ORD, 0, 0},
    {"mbox", CMD_TEXT, TEX_ORD, 0, 0},
    {"mathrm", CMD_FONT, TEX_ORD, 0, FM_UPRIGHT},
    {"mathit", CMD_FONT, TEX_ORD, 0, FM_ITALIC},
    {"mathnormal", CMD_FONT, TEX_ORD, 0, FM_ITALIC},
    {"mathbf", CMD_FONT, TEX_ORD, 0, FM_BOLD},
    {"mathord", CMD_CLASS, TEX_ORD, 0, 0},
    {"mathop", CMD_CLASS, TEX_OP, 0, 0},
    {"mathbin", CMD_CLASS, TEX_BIN, 0, 0},
    {"mathrel", CMD_CLASS, TEX_REL, 0, 0},
    {"mathopen", CMD_CLASS, TEX_OPEN, 0, 0},
    {"mathclose", CMD_CLASS, TEX_CLOSE, 0, 0},
    {"mathpunct", CMD_CLASS, TEX_PUNCT, 0, 0},
    {"mathinner", CMD_CLASS, TEX_INNER, 0, 0},
    {"limits", CMD_LIMITS, TEX_OP, 0, TEX_LIMITS_ON},
    {"nolimits", CMD_LIMITS, TEX_OP, 0, TEX_LIMITS_OFF},
    {"displaylimits", CMD_LIMITS, TEX_OP, 0, TEX_LIMITS_DISPLAY},
    {"ldots", CMD_DOTS, TEX_PUNCT, '.', 0},
    {"dots", CMD_DOTS, TEX_PUNCT, '.', 0},
    {"cdots", CMD_DOTS, TEX_PUNCT, 0x22C5, 0},
};

/* ---- errors and low-level reading ----------------------------------------- */

/* Column in characters (UTF-8 lead bytes), 1-based. */
static size_t column_of(const parser *p, size_t at)
{
    size_t col = 1;
    for (size_t i = 0; i < at && i < p->len; i++)
        if (((unsigned char)p->src[i] & 0xC0) != 0x80)
            col++;
    return col;
}

static bool fail(parser *p, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(parser *p, size_t at, const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return pd_err_set(p->err, "tex: %s at column %zu", what, column_of(p, at));
}

static int peek(const parser *p) { return p->pos < p->len ? (unsigned char)p->src[p->pos] : 0; }

/* Math mode ignores spaces; % starts a comment to the end of the line. */
static void skip_space(parser *p)
{
    while (p->pos < p->len) {
        char c = p->src[p->pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            p->pos++;
        else if (c == '%')
            while (p->pos < p->len && p->src[p->pos] != '\n')
                p->pos++;
        else
            break;
    }
}

/* Decodes one UTF-8 character at p->pos; returns false on malformed input. */
static bool read_utf8(parser *p, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)p->src + p->pos;
    size_t left = p->len - p->pos;
    unsigned c = s[0];
    uint32_t v;
    size_t n;
    if (c < 0x80) {
        v = c, n = 1;
    } else if ((c & 0xE0) == 0xC0) {
        v = c & 0x1F, n = 2;
    } else if ((c & 0xF0) == 0xE0) {
        v = c & 0x0F, n = 3;
    } else if ((c & 0xF8) == 0xF0) {
        v = c & 0x07, n = 4;
    } else {
        return false;
    }
    if (n > left)
        return false;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return false;
        v = (v << 6) | (s[i] & 0x3F);
    }
    static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min_for_len[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return false;
    p->pos += n;
    *cp = v;
    return true;
}

static int32_t new_node(parser *p, tex_class cls, tex_kind kind)
{
    tex_tree *t = p->t;
    if (t->count == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 64;
        tex_node *n = realloc(t->nodes, cap * sizeof *n);
        if (!n)
            return -1;
        t->nodes = n;
        t->cap = cap;
    }
    tex_node *n = &t->nodes[t->count];
    *n = (tex_node){
        .cls = (uint8_t)cls, .kind = (uint8_t)kind, .list = -1, .list2 = -1, .sup = -1, .sub = -1, .next = -1};
    return (int32_t)t->count++;
}

static tex_node *N(parser *p, int32_t i) { return &p->t->nodes[i]; }

static bool text_append(parser *p, const char *s, size_t n)
{
    tex_tree *t = p->t;
    if (t->text_len + n > t->text_cap) {
        uint32_t cap = t->text_cap ? t->text_cap : 64;
        while (cap < t->text_len + n)
            cap *= 2;
        char *b = realloc(t->text, cap);
        if (!b)
            return false;
        t->text = b;
        t->text_cap = cap;
    }
    memcpy(t->text + t->text_len, s, n);
    t->text_len += (uint32_t)n;
    return true;
}

static bool check_glyph(parser *p, size_t at, uint32_t cp)
{
    if (!pd_font_has_codepoint(p->fonts, PD_FONT_MATH, cp))
        return fail(p, at, "character U+%04X is not in the math font", (unsigned)cp);
    return true;
}

/* ---- math codes ----------------------------------------------------------- */

/* Letters as unicode-math maps them: math italic U+1D434/U+1D44E with the
 * italic h at U+210E (the Letterlike block already had it). */
static uint32_t letter_cp(font_mode mode, uint32_t c)
{
    bool upper = c >= 'A' && c <= 'Z';
    uint32_t i = upper ? c - 'A' : c - 'a';
    switch (mode) {
    case FM_UPRIGHT:
        return c;
    case FM_BOLD:
        return (upper ? 0x1D400 : 0x1D41A) + i;
    case FM_ITALIC:
    default:
        if (c == 'h')
            return 0x210E;
        return (upper ? 0x1D434 : 0x1D44E) + i;
    }
}

/* TeX's math codes for ASCII (plain.tex \mathcode and the default classes). */
static bool ascii_atom(parser *p, uint32_t c, tex_class *cls, uint32_t *cp)
{
    *cls = TEX_ORD;
    *cp = c;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        *cp = letter_cp(p->mode, c);
        return true;
    }
    if (c >= '0' && c <= '9') {
        if (p->mode == FM_BOLD)
            *cp = 0x1D7CE + (c - '0');
        return true;
    }
    switch (c) {
    case '+':
        *cls = TEX_BIN;
        return true;
    case '-':
        *cls = TEX_BIN;
        *cp = 0x2212;
        return true;
    case '*':
        *cls = TEX_BIN;
        *cp = 0x2217;
        return true;
    case '=':
    case '<':
    case '>':
    case ':':
        *cls = TEX_REL;
        return true;
    case ',':
    case ';':
        *cls = TEX_PUNCT;
        return true;
    case '(':
    case '[':
        *cls = TEX_OPEN;
        return true;
    case ')':
    case ']':
    case '!':
    case '?':
        *cls = TEX_CLOSE;
        return true;
    case '.':
    case '/':
    case '|':
    case '@':
    case '"':
    case '`':
        return true;
    default:
        return false;
    }
}

/* ---- the reader ------------------------------------------------------------- */

static bool parse_list(parser *p, int term, size_t open_at, int32_t *head);
static bool parse_item(parser *p, int32_t *first, int32_t *last);

/* tex.web §1186: a group holding a single Ord atom without scripts gives its
 * nucleus to the enclosing field, so {x} and \mathbin{/} act as characters. */
static void set_nucleus(parser *p, int32_t owner, int32_t head)
{
    tex_node *o = N(p, owner);
    if (head < 0) {
        o->kind = TEX_K_EMPTY;
        return;
    }
    tex_node *h = N(p, head);
    if (h->next < 0 && h->cls == TEX_ORD && h->sup < 0 && h->sub < 0) {
        o->kind = h->kind;
        o->cp = h->cp;
        o->cp2 = h->cp2;
        o->list = h->list;
        o->list2 = h->list2;
        o->text_off = h->text_off;
        o->text_len = h->text_len;
        return;
    }
    o->kind = TEX_K_LIST;
    o->list = head;
}

/* A macro argument: a {group} or a single token (TeXbook p. 204). An empty
 * group yields one EMPTY node, so "present but empty" stays visible. */
static bool parse_arg(parser *p, const char *what, int32_t *head)
{
    skip_space(p);
    size_t at = p->pos;
    int c = peek(p);
    if (c == 0 || c == '}' || c == '^' || c == '_' || c == '&')
        return fail(p, at, "missing argument for %s", what);
    int32_t first = -1, last = -1;
    if (c == '{') {
        p->pos++;
        if (!parse_list(p, '}', at, &first))
            return false;
    } else if (!parse_item(p, &first, &last)) {
        return false;
    }
    if (first < 0) {
        first = new_node(p, TEX_ORD, TEX_K_EMPTY);
        if (first < 0)
            return fail(p, at, "out of memory");
    }
    *head = first;
    return true;
}

static bool read_name(parser *p, char *name, size_t cap, size_t at)
{
    /* p->pos is just after the backslash */
    if (p->pos >= p->len)
        return fail(p, at, "lone \\ at the end of the formula");
    size_t n = 0;
    char c = p->src[p->pos];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        while (p->pos < p->len) {
            c = p->src[p->pos];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                break;
            if (n + 1 < cap)
                name[n++] = c;
            p->pos++;
        }
    } else if ((unsigned char)c < 0x80) {
        name[n++] = c;
        p->pos++;
    } else {
        return fail(p, at, "a command name must be ASCII");
    }
    name[n] = 0;
    return true;
}

static const cmd *find_cmd(const char *name)
{
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (strcmp(cmds[i].name, name) == 0)
            return &cmds[i];
    return NULL;
}

/* A delimiter after \left, \right or \middle (TeXbook p. 146); 0 is `.`. */
static bool read_delim(parser *p, const char *after, uint32_t *cp)
{
    skip_space(p);
    size_t at = p->pos;
    int c = peek(p);
    if (c == 0)
        return fail(p, at, "missing delimiter after %s", after);
    p->pos++;
    switch (c) {
    case '.':
        *cp = 0;
        return true;
    case '(':
    case ')':
    case '[':
    case ']':
    case '|':
    case '/':
        *cp = (uint32_t)c;
        return true;
    case '<':
        *cp = 0x27E8;
        return true;
    case '>':
        *cp = 0x27E9;
        return true;
    case '\\':
        break;
    default:
        return fail(p, at, "'%c' is not a delimiter (use ( ) [ ] \\{ \\} | \\| \\langle \\rangle or .) after %s",
                    c >= 0x20 && c < 0x7F ? c : '?', after);
    }
    char name[40];
    if (!read_name(p, name, sizeof name, at))
        return false;
    static const struct {
        const char *name;
        uint32_t cp;
    } delims[] = {
        {"{", '{'},         {"}", '}'},         {"lbrace", '{'},    {"rbrace", '}'},   {"|", 0x2016},
        {"Vert", 0x2016},   {"lVert", 0x2016},  {"rVert", 0x2016},  {"vert", '|'},     {"lvert", '|'},
        {"rvert", '|'},     {"langle", 0x27E8}, {"rangle", 0x27E9}, {"lceil", 0x2308}, {"rceil", 0x2309},
        {"lfloor", 0x230A}, {"rfloor", 0x230B}, {"lbrack", '['},    {"rbrack", ']'},   {"backslash", '\\'},
    };
    for (size_t i = 0; i < sizeof delims / sizeof delims[0]; i++) {
        if (strcmp(delims[i].name, name) == 0) {
            *cp = delims[i].cp;
            return true;
        }
    }
    return fail(p, at, "\\%s is not a delimiter (use ( ) [ ] \\{ \\} | \\| \\langle \\rangle or .) after %s", name,
                after);
}

/* \text{...}: restricted horizontal mode. Braces group (and vanish), runs of
 * spaces become one space (TeXbook p. 47), a few escapes give characters. */
static bool parse_text(parser *p, int32_t node, size_t at)
{
    skip_space(p);
    tex_node *n = N(p, node);
    n->text_off = p->t->text_len;
    if (peek(p) != '{') {
        /* a single-token argument */
        size_t start = p->pos;
        uint32_t cp;
        if (peek(p) == 0 || peek(p) == '}' || peek(p) == '\\' || !read_utf8(p, &cp))
            return fail(p, at, "missing {argument} for \\text");
        if (!text_append(p, p->src + start, p->pos - start))
            return fail(p, at, "out of memory");
        N(p, node)->text_len = p->t->text_len - N(p, node)->text_off;
        return true;
    }
    p->pos++;
    int nest = 1;
    bool last_space = false;
    for (;;) {
        size_t here = p->pos;
        int c = peek(p);
        if (c == 0)
            return fail(p, at, "missing } for \\text");
        if (c == '{') {
            nest++;
            p->pos++;
            continue;
        }
        if (c == '}') {
            p->pos++;
            if (--nest == 0)
                break;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            p->pos++;
            if (!last_space && !text_append(p, " ", 1))
                return fail(p, here, "out of memory");
            last_space = true;
            continue;
        }
        last_space = false;
        if (c == '$')
            return fail(p, here, "math inside \\text is not supported");
        if (c == '^' || c == '_' || c == '&' || c == '#')
            return fail(p, here, "'%c' is not allowed inside \\text (escape it as \\%c)", c, c);
        if (c == '%') {
            while (p->pos < p->len && p->src[p->pos] != '\n')
                p->pos++;
            continue;
        }
        if (c == '\\') {
            p->pos++;
            char name[40];
            if (!read_name(p, name, sizeof name, here))
                return false;
            if (strlen(name) == 1 && strchr("{}%$&#_ ", name[0])) {
                if (!text_append(p, name, 1))
                    return fail(p, here, "out of memory");
                last_space = name[0] == ' ';
                continue;
            }
            return fail(p, here, "unknown command \\%s inside \\text", name);
        }
        uint32_t cp;
        if (!read_utf8(p, &cp))
            return fail(p, here, "invalid UTF-8");
        if (cp < 0x20)
            return fail(p, here, "control character U+%04X", (unsigned)cp);
        if (!check_glyph(p, here, cp))
            return false;
        if (!text_append(p, p->src + here, p->pos - here))
            return fail(p, here, "out of memory");
    }
    n = N(p, node);
    n->text_len = p->t->text_len - n->text_off;
    return true;
}

/* Upright letters of a named operator (\lim, \log ...) as Ord atoms. */
static int32_t upright_word(parser *p, const char *word)
{
    int32_t head = -1, tail = -1;
    for (const char *s = word; *s; s++) {
        int32_t n = new_node(p, TEX_ORD, TEX_K_CHAR);
        if (n < 0)
            return -2;
        N(p, n)->cp = (uint32_t)(unsigned char)*s;
        if (tail >= 0)
            N(p, tail)->next = n;
        else
            head = n;
        tail = n;
    }
    return head;
}

static bool parse_command(parser *p, int32_t *first, int32_t *last)
{
    size_t at = p->pos;
    p->pos++; /* backslash */
    char name[40];
    if (!read_name(p, name, sizeof name, at))
        return false;
    const cmd *c = find_cmd(name);
    if (!c) {
        if (strcmp(name, "\\") == 0)
            return fail(p, at, "line breaks (\\\\) are not supported in a formula");
        return fail(p, at, "unknown command \\%s", name);
    }
    int32_t n = -1;
    switch ((cmd_type)c->type) {
    case CMD_SYM:
    case CMD_BIGOP:
        if (!check_glyph(p, at, c->cp))
            return false;
        n = new_node(p, (tex_class)c->cls, TEX_K_CHAR);
        if (n < 0)
            break;
        N(p, n)->cp = c->cp;
        N(p, n)->limits = c->type == CMD_BIGOP ? (uint8_t)c->val : TEX_LIMITS_DISPLAY;
        break;
    case CMD_SPACE:
        n = new_node(p, TEX_NONE, TEX_K_SPACE);
        if (n < 0)
            break;
        N(p, n)->space = c->val;
        N(p, n)->space_mu = c->cp == 0;
        break;
    case CMD_FRAC: {
        int32_t num, den;
        if (!parse_arg(p, "\\frac", &num) || !parse_arg(p, "\\frac", &den))
            return false;
        n = new_node(p, TEX_ORD, TEX_K_FRAC);
        if (n < 0)
            break;
        N(p, n)->list = num;
        N(p, n)->list2 = den;
        break;
    }
    case CMD_SQRT: {
        int32_t degree = -1, body;
        skip_space(p);
        if (peek(p) == '[') {
            size_t open = p->pos++;
            if (!parse_list(p, ']', open, &degree))
                return false;
        }
        if (!parse_arg(p, "\\sqrt", &body))
            return false;
        n = new_node(p, TEX_ORD, TEX_K_RAD);
        if (n < 0)
            break;
        N(p, n)->list = body;
        N(p, n)->list2 = degree;
        break;
    }
    case CMD_LEFT: {
        uint32_t l, r;
        int32_t body;
        if (!read_delim(p, "\\left", &l) || !parse_list(p, 'R', at, &body) || !read_delim(p, "\\right", &r))
            return false;
        if ((l && !check_glyph(p, at, l)) || (r && !check_glyph(p, at, r)))
            return false;
        n = new_node(p, TEX_INNER, TEX_K_LEFTRIGHT);
        if (n < 0)
            break;
        N(p, n)->cp = l;
        N(p, n)->cp2 = r;
        N(p, n)->list = body;
        break;
    }
    case CMD_RIGHT:
        return fail(p, at, "\\right without a matching \\left");
    case CMD_MIDDLE:
        return fail(p, at, "\\middle is not supported");
    case CMD_OPNAME: {
        tex_limits lim = TEX_LIMITS_OFF;
        if (peek(p) == '*') {
            p->pos++;
            lim = TEX_LIMITS_DISPLAY;
        }
        font_mode saved = p->mode;
        p->mode = FM_UPRIGHT;
        int32_t body;
        bool ok = parse_arg(p, "\\operatorname", &body);
        p->mode = saved;
        if (!ok)
            return false;
        n = new_node(p, TEX_OP, TEX_K_LIST);
        if (n < 0)
            break;
        N(p, n)->list = body;
        N(p, n)->limits = (uint8_t)lim;
        break;
    }
    case CMD_NAMEDOP: {
        int32_t body = upright_word(p, c->name);
        if (body == -2)
            break;
        n = new_node(p, TEX_OP, TEX_K_LIST);
        if (n < 0)
            break;
        N(p, n)->list = body;
        N(p, n)->limits = (uint8_t)c->val;
        break;
    }
    case CMD_TEXT:
        n = new_node(p, TEX_ORD, TEX_K_TEXT);
        if (n < 0)
            break;
        if (!parse_text(p, n, at))
            return false;
        break;
    case CMD_FONT:
    case CMD_CLASS: {
        font_mode saved = p->mode;
        if (c->type == CMD_FONT)
            p->mode = (font_mode)c->val;
        int32_t body;
        char what[48];
        snprintf(what, sizeof what, "\\%s", c->name);
        bool ok = parse_arg(p, what, &body);
        p->mode = saved;
        if (!ok)
            return false;
        n = new_node(p, (tex_class)c->cls, TEX_K_LIST);
        if (n < 0)
            break;
        set_nucleus(p, n, body);
        N(p, n)->limits = TEX_LIMITS_DISPLAY;
        break;
    }
    case CMD_LIMITS:
        /* handled by parse_list, which knows the previous atom */
        return fail(p, at, "\\%s must follow an operator", c->name);
    case CMD_DOTS: {
        /* plain TeX: \ldots = \mathinner{\ldotp\ldotp\ldotp}, \ldotp a Punct */
        if (!check_glyph(p, at, c->cp))
            return false;
        int32_t head = -1, tail = -1;
        for (int i = 0; i < 3; i++) {
            int32_t d = new_node(p, TEX_PUNCT, TEX_K_CHAR);
            if (d < 0)
                return fail(p, at, "out of memory");
            N(p, d)->cp = c->cp;
            if (tail >= 0)
                N(p, tail)->next = d;
            else
                head = d;
            tail = d;
        }
        n = new_node(p, TEX_INNER, TEX_K_LIST);
        if (n < 0)
            break;
        N(p, n)->list = head;
        break;
    }
    }
    if (n < 0)
        return fail(p, at, "out of memory");
    *first = *last = n;
    return true;
}

/* One atom-producing token (with its arguments). */
static bool parse_item(parser *p, int32_t *first, int32_t *last)
{
    size_t at = p->pos;
    int c = peek(p);
    if (c == '{') {
        p->pos++;
        int32_t head;
        if (!parse_list(p, '}', at, &head))
            return false;
        int32_t n = new_node(p, TEX_ORD, TEX_K_LIST);
        if (n < 0)
            return fail(p, at, "out of memory");
        set_nucleus(p, n, head);
        *first = *last = n;
        return true;
    }
    if (c == '\\')
        return parse_command(p, first, last);
    if (c == '~') {
        p->pos++;
        int32_t n = new_node(p, TEX_NONE, TEX_K_SPACE);
        if (n < 0)
            return fail(p, at, "out of memory");
        N(p, n)->space = 1.0f / 3.0f; /* an interword space of cmr10: 3.33 pt */
        *first = *last = n;
        return true;
    }
    if (c == '$')
        return fail(p, at, "'$' inside a formula (MathTex is already math mode)");
    if (c == '&')
        return fail(p, at, "alignment '&' is not supported");
    if (c == '#')
        return fail(p, at, "'#' is not allowed (escape it as \\#)");
    if (c == ']')
        return fail(p, at, "']' closes nothing here");
    uint32_t cp;
    if (!read_utf8(p, &cp))
        return fail(p, at, "invalid UTF-8");
    tex_class cls = TEX_ORD;
    if (cp < 0x80) {
        uint32_t mapped;
        if (!ascii_atom(p, cp, &cls, &mapped))
            return fail(p, at, "unexpected character %s%c%s", cp >= 0x20 && cp < 0x7F ? "'" : "",
                        cp >= 0x20 && cp < 0x7F ? (char)cp : '?', cp >= 0x20 && cp < 0x7F ? "'" : " (control)");
        cp = mapped;
    }
    if (!check_glyph(p, at, cp))
        return false;
    int32_t n = new_node(p, cls, TEX_K_CHAR);
    if (n < 0)
        return fail(p, at, "out of memory");
    N(p, n)->cp = cp;
    *first = *last = n;
    return true;
}

/* The atom scripts attach to: the last one, or a new empty Ord (TeXbook p. 128:
 * "x^" with nothing before it scripts an empty nucleus). */
static int32_t script_target(parser *p, int32_t *head, int32_t *tail)
{
    if (*tail >= 0 && N(p, *tail)->cls != TEX_NONE)
        return *tail;
    int32_t n = new_node(p, TEX_ORD, TEX_K_EMPTY);
    if (n < 0)
        return -1;
    if (*tail >= 0)
        N(p, *tail)->next = n;
    else
        *head = n;
    *tail = n;
    return n;
}

static void list_append(parser *p, int32_t *head, int32_t node)
{
    if (*head < 0) {
        *head = node;
        return;
    }
    int32_t i = *head;
    while (N(p, i)->next >= 0)
        i = N(p, i)->next;
    N(p, i)->next = node;
}

/* Reads atoms until term: 0 (end of input), '}', ']' or 'R' (\right). */
static bool parse_list(parser *p, int term, size_t open_at, int32_t *head_out)
{
    int32_t head = -1, tail = -1;
    if (++p->depth > TEX_MAX_DEPTH)
        return fail(p, p->pos, "formula nested too deeply (more than %d levels)", TEX_MAX_DEPTH);
    for (;;) {
        skip_space(p);
        size_t at = p->pos;
        int c = peek(p);
        if (c == 0) {
            if (term == '}')
                return fail(p, open_at, "missing } for this {");
            if (term == ']')
                return fail(p, open_at, "missing ] for this [");
            if (term == 'R')
                return fail(p, open_at, "missing \\right for this \\left");
            break;
        }
        if (c == '}') {
            if (term == '}') {
                p->pos++;
                break;
            }
            if (term == 'R')
                return fail(p, at, "extra }, or a forgotten \\right");
            return fail(p, at, "unmatched }");
        }
        if (c == ']' && term == ']') {
            p->pos++;
            break;
        }
        if (c == '^' || c == '_') {
            p->pos++;
            int32_t target = script_target(p, &head, &tail);
            if (target < 0)
                return fail(p, at, "out of memory");
            int32_t script;
            if (!parse_arg(p, c == '^' ? "^" : "_", &script))
                return false;
            tex_node *t = N(p, target);
            if (c == '^') {
                if (t->sup >= 0 && !t->sup_is_prime)
                    return fail(p, at, "double superscript (use braces: x^{ab})");
                if (t->sup >= 0) {
                    list_append(p, &N(p, target)->sup, script);
                    N(p, target)->sup_is_prime = false;
                } else {
                    t->sup = script;
                }
            } else {
                if (t->sub >= 0)
                    return fail(p, at, "double subscript (use braces: x_{ab})");
                t->sub = script;
            }
            continue;
        }
        if (c == '\'') {
            p->pos++;
            if (!check_glyph(p, at, 0x2032))
                return false;
            int32_t target = script_target(p, &head, &tail);
            int32_t prime = target < 0 ? -1 : new_node(p, TEX_ORD, TEX_K_CHAR);
            if (prime < 0)
                return fail(p, at, "out of memory");
            N(p, prime)->cp = 0x2032;
            tex_node *t = N(p, target);
            if (t->sup >= 0 && !t->sup_is_prime)
                return fail(p, at, "double superscript (a prime after a superscript)");
            if (t->sup >= 0) {
                list_append(p, &N(p, target)->sup, prime);
            } else {
                t->sup = prime;
                t->sup_is_prime = true;
            }
            continue;
        }
        if (c == '\\') {
            /* \right ends this list; \limits modifies the previous atom */
            size_t save = p->pos;
            p->pos++;
            char name[40];
            if (!read_name(p, name, sizeof name, at))
                return false;
            if (strcmp(name, "right") == 0) {
                if (term == 'R')
                    break;
                return fail(p, at, "\\right without a matching \\left");
            }
            if (strcmp(name, "limits") == 0 || strcmp(name, "nolimits") == 0 || strcmp(name, "displaylimits") == 0) {
                if (tail < 0 || N(p, tail)->cls != TEX_OP)
                    return fail(p, at, "\\%s must follow an operator", name);
                N(p, tail)->limits = (uint8_t)(name[0] == 'l'   ? TEX_LIMITS_ON
                                               : name[0] == 'n' ? TEX_LIMITS_OFF
                                                                : TEX_LIMITS_DISPLAY);
                continue;
            }
            p->pos = save;
        }
        int32_t first = -1, last = -1;
        if (!parse_item(p, &first, &last))
            return false;
        if (tail >= 0)
            N(p, tail)->next = first;
        else
            head = first;
        tail = last;
    }
    p->depth--;
    *head_out = head;
    return true;
}

bool tex_parse(tex_tree *t, const char *src, const pd_fonts *fonts, pd_err *err)
{
    *t = (tex_tree){.root = -1};
    if (!src)
        return pd_err_set(err, "tex: no formula (NULL string)");
    size_t len = strlen(src);
    if (len > TEX_MAX_SRC)
        return pd_err_set(err, "tex: formula too long (%zu bytes, at most %d)", len, TEX_MAX_SRC);
    parser p = {.t = t, .src = src, .len = len, .fonts = fonts, .err = err, .mode = FM_ITALIC};
    return parse_list(&p, 0, 0, &t->root);
}

void tex_tree_free(tex_tree *t)
{
    free(t->nodes);
    free(t->text);
    *t = (tex_tree){.root = -1};
}
