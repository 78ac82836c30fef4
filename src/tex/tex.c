/* tex: math layout by the rules of TeXbook appendix G, on the OpenType MATH
 * table of Latin Modern Math (read through hb_ot_math_*).
 *
 * The parser (parse.c) gives a noad tree; here each list is set the way
 * TeX's mlist_to_hlist does it: a first pass turns every atom into a box
 * (Rules 5-19) and a second pass inserts the inter-atom glue of the table on
 * TeXbook p. 170 (Rule 20). Boxes are ranges of one growing item array, so
 * moving a box is adding an offset to its items; the items stay in the order
 * TeX would ship them to the DVI file (what dvisvgm, hence Manim, emits).
 *
 * Where TeX's fonts and OpenType disagree on a parameter we take the OpenType
 * constant (as XeTeX and LuaTeX do); the TeX parameters that are not font
 * constants keep plain TeX's values: \nulldelimiterspace 1.2 pt,
 * \delimiterfactor 901, \delimitershortfall 5 pt.
 */
#include "tex/tex.h"

#include <hb-ot.h>
#include <hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tex/tex_internal.h"

/* ---- types ---------------------------------------------------------------- */

/* TeX's styles, numbered as in tex.web: cramped = odd. */
enum {
    ST_D = 0,
    ST_T = 2,
    ST_S = 4,
    ST_SS = 6
};

/* plain.tex parameters, in TeX em (10 pt). */
#define NULL_DELIMITER_SPACE 0.12f /* \nulldelimiterspace = 1.2pt */
#define DELIMITER_FACTOR 901.0f    /* \delimiterfactor */
#define DELIMITER_SHORTFALL 0.5f   /* \delimitershortfall = 5pt */
#define MAX_ASSEMBLY_PARTS 400     /* bounds a stretchy delimiter's glyph count */

/* Two of TeX's script shifts have no OpenType MATH field: Latin Modern Math's
 * SuperscriptShiftUp is cmsy10's sup2 and its SubscriptShiftDown is sub2.
 * TeX raises display-style superscripts by sup1 (Rule 18c) and lowers a lone
 * subscript by sub1 (Rule 18b); without them x^2 in display and d_k anywhere
 * sit where LuaTeX puts them, not where pdfTeX (Manim) does. cmsy10's values: */
#define TEX_SUP1 0.412892f /* sigma13 */
#define TEX_SUB1 0.15f     /* sigma16 */

/* MATH constants in em at text size. */
typedef struct consts {
    float script_scale, sscript_scale;
    float axis;
    float frac_rule, frac_num_up_d, frac_den_down_d, frac_num_up, frac_den_down;
    float frac_num_gap_d, frac_den_gap_d, frac_num_gap, frac_den_gap;
    float sup_up, sup_up_cramped, sub_down, sup_drop_max, sub_drop_min;
    float sup_bottom_min, sub_top_max, subsup_gap_min, sup_bottom_max_with_sub, space_after_script;
    float rad_gap, rad_gap_d, rad_rule, rad_extra_asc, rad_kern_before, rad_kern_after, rad_degree_raise;
    float upper_gap_min, upper_rise_min, lower_gap_min, lower_drop_min;
    float display_op_min_h, min_connector_overlap;
} consts;

typedef struct tbox {
    float w, h, d;
} tbox;

typedef struct ctx {
    pd_fonts *fonts;
    hb_font_t *hb;
    float unit; /* 1 / units_per_em */
    const tex_tree *t;
    consts k;
    pd_tex_item *items;
    uint32_t n, cap;
    bool oom;
    uint8_t *cls;    /* per node: atom class after Rules 5-6 */
    tbox *boxes;     /* per node: its box after the first pass */
    uint32_t *first; /* per node: its first item */
    hb_buffer_t *buf;
} ctx;

/* ---- items ---------------------------------------------------------------- */

static bool grow(ctx *c)
{
    if (c->n < c->cap)
        return true;
    uint32_t cap = c->cap ? c->cap * 2 : 64;
    pd_tex_item *it = realloc(c->items, cap * sizeof *it);
    if (!it) {
        c->oom = true;
        return false;
    }
    c->items = it;
    c->cap = cap;
    return true;
}

static void push_glyph(ctx *c, uint32_t glyph, float x, float y, float em)
{
    if (!glyph || !grow(c))
        return;
    c->items[c->n++] =
        (pd_tex_item){.kind = PD_TEX_GLYPH, .font = PD_FONT_MATH, .glyph = glyph, .x = x, .y = y, .em = em};
}

static void push_rule(ctx *c, float x0, float y0, float x1, float y1)
{
    if (!grow(c))
        return;
    c->items[c->n++] = (pd_tex_item){
        .kind = PD_TEX_RULE, .font = PD_FONT_MATH, .x = x0, .y = y0, .em = 1, .x0 = x0, .y0 = y0, .x1 = x1, .y1 = y1};
}

static void shift(ctx *c, uint32_t from, uint32_t to, float dx, float dy)
{
    for (uint32_t i = from; i < to; i++) {
        pd_tex_item *it = &c->items[i];
        it->x += dx, it->y += dy;
        it->x0 += dx, it->x1 += dx;
        it->y0 += dy, it->y1 += dy;
    }
}

static void reverse(ctx *c, uint32_t a, uint32_t b)
{
    while (a + 1 < b) {
        pd_tex_item t = c->items[a];
        c->items[a++] = c->items[--b];
        c->items[b] = t;
    }
}

/* Makes the items [m, b) come before [a, m): keeps DVI order when a part
 * must be built after the part that precedes it (a delimiter sized by its
 * contents, a radical sign sized by its radicand). */
static void rotate(ctx *c, uint32_t a, uint32_t m, uint32_t b)
{
    if (a >= m || m >= b)
        return;
    reverse(c, a, m);
    reverse(c, m, b);
    reverse(c, a, b);
}

/* ---- styles and font access -------------------------------------------------- */

static bool cramped(int st) { return st & 1; }
static int cramp(int st) { return st | 1; }
/* TeXbook p. 141: superscripts of D,T are S; of S,SS are SS; crampedness kept. */
static int sup_style(int st) { return (st < ST_S ? ST_S : ST_SS) | (st & 1); }
static int sub_style(int st) { return cramp(sup_style(st)); }
static int num_style(int st) { return (st < ST_T ? ST_T : st < ST_S ? ST_S : ST_SS) | (st & 1); }
static int den_style(int st) { return cramp(num_style(st)); }

static float style_scale(const ctx *c, int st)
{
    return st < ST_S ? 1.0f : st < ST_SS ? c->k.script_scale : c->k.sscript_scale;
}

static float mconst(const ctx *c, hb_ot_math_constant_t which)
{
    return (float)hb_ot_math_get_constant(c->hb, which) * c->unit;
}

static void load_consts(ctx *c)
{
    consts *k = &c->k;
    k->script_scale = (float)hb_ot_math_get_constant(c->hb, HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN) / 100.0f;
    k->sscript_scale =
        (float)hb_ot_math_get_constant(c->hb, HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN) / 100.0f;
    if (k->script_scale <= 0)
        k->script_scale = 0.7f;
    if (k->sscript_scale <= 0)
        k->sscript_scale = 0.5f;
    k->axis = mconst(c, HB_OT_MATH_CONSTANT_AXIS_HEIGHT);
    k->frac_rule = mconst(c, HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS);
    k->frac_num_up_d = mconst(c, HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP);
    k->frac_den_down_d = mconst(c, HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN);
    k->frac_num_up = mconst(c, HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP);
    k->frac_den_down = mconst(c, HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_SHIFT_DOWN);
    k->frac_num_gap_d = mconst(c, HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN);
    k->frac_den_gap_d = mconst(c, HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN);
    k->frac_num_gap = mconst(c, HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN);
    k->frac_den_gap = mconst(c, HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_GAP_MIN);
    k->sup_up = mconst(c, HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP);
    k->sup_up_cramped = mconst(c, HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED);
    k->sub_down = mconst(c, HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN);
    k->sup_drop_max = mconst(c, HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX);
    k->sub_drop_min = mconst(c, HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN);
    k->sup_bottom_min = mconst(c, HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN);
    k->sub_top_max = mconst(c, HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX);
    k->subsup_gap_min = mconst(c, HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN);
    k->sup_bottom_max_with_sub = mconst(c, HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT);
    k->space_after_script = mconst(c, HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT);
    k->rad_gap = mconst(c, HB_OT_MATH_CONSTANT_RADICAL_VERTICAL_GAP);
    k->rad_gap_d = mconst(c, HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP);
    k->rad_rule = mconst(c, HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS);
    k->rad_extra_asc = mconst(c, HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER);
    k->rad_kern_before = mconst(c, HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE);
    k->rad_kern_after = mconst(c, HB_OT_MATH_CONSTANT_RADICAL_KERN_AFTER_DEGREE);
    k->rad_degree_raise =
        (float)hb_ot_math_get_constant(c->hb, HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT) / 100.0f;
    k->upper_gap_min = mconst(c, HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN);
    k->upper_rise_min = mconst(c, HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN);
    k->lower_gap_min = mconst(c, HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN);
    k->lower_drop_min = mconst(c, HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN);
    k->display_op_min_h = mconst(c, HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT);
    k->min_connector_overlap = (float)hb_ot_math_get_min_connector_overlap(c->hb, HB_DIRECTION_BTT) * c->unit;
}

typedef struct gmetrics {
    float adv, h, d, italic;
} gmetrics;

/* Glyph metrics at scale s: advance, ink height/depth (OpenType has no TFM
 * boxes; XeTeX and LuaTeX use the ink extents too) and italic correction. */
static gmetrics glyph_metrics(const ctx *c, uint32_t g, float s)
{
    gmetrics m = {0};
    if (!g)
        return m;
    float u = c->unit * s;
    hb_glyph_extents_t e;
    if (hb_font_get_glyph_extents(c->hb, g, &e)) {
        m.h = (float)e.y_bearing * u;
        m.d = -(float)(e.y_bearing + e.height) * u;
    }
    m.adv = (float)hb_font_get_glyph_h_advance(c->hb, g) * u;
    m.italic = (float)hb_ot_math_get_glyph_italics_correction(c->hb, g) * u;
    return m;
}

/* The glyph for cp in style st: in script styles the font's ssty variant
 * (the optical script forms, the role cmmi7/cmmi5 play in TeX). */
static uint32_t glyph_for(ctx *c, uint32_t cp, int st)
{
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(c->hb, cp, &g))
        return 0;
    if (st < ST_S || !c->buf)
        return g;
    hb_buffer_clear_contents(c->buf);
    hb_buffer_add(c->buf, cp, 0);
    hb_buffer_set_content_type(c->buf, HB_BUFFER_CONTENT_TYPE_UNICODE);
    hb_buffer_set_direction(c->buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(c->buf, HB_SCRIPT_MATH);
    hb_feature_t f = {HB_TAG('s', 's', 't', 'y'), st < ST_SS ? 1u : 2u, 0, (unsigned)-1};
    hb_shape(c->hb, c->buf, &f, 1);
    unsigned n = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(c->buf, &n);
    return n == 1 && info[0].codepoint ? info[0].codepoint : g;
}

/* ---- forward declarations ------------------------------------------------- */

static tbox layout_list(ctx *c, int32_t head, int st, int depth);

/* ---- stretchy delimiters --------------------------------------------------- */

/* TeX's delimiters grow along cmex10's chain: 1.2, 1.8, 2.4, 3.0 em, then
 * extensible. Latin Modern Math lists the same glyphs with extra sizes in
 * between (1.1, 1.45, 2.1 em); taking those would make \left( \right) a
 * size smaller than TeX sets them. Variants off the chain are skipped when the
 * glyph has the chain at all. Sizes are compared at text size (design size). */
static bool is_tex_size(const ctx *c, hb_position_t advance)
{
    static const float chain[] = {1.2f, 1.8f, 2.4f, 3.0f};
    float em = (float)advance * c->unit;
    for (size_t i = 0; i < sizeof chain / sizeof chain[0]; i++)
        if (fabsf(em - chain[i]) < 0.02f)
            return true;
    return false;
}

static bool has_tex_chain(const ctx *c, uint32_t base)
{
    hb_ot_math_glyph_variant_t vars[16];
    unsigned count = 16;
    hb_ot_math_get_glyph_variants(c->hb, base, HB_DIRECTION_BTT, 0, &count, vars);
    int hits = 0;
    for (unsigned i = 1; i < count; i++)
        hits += is_tex_size(c, vars[i].advance);
    return hits >= 2;
}

/* Builds a delimiter for cp of total height+depth at least size (TeX's
 * var_delimiter, TeXbook p. 152): the first size variant that is large
 * enough, else a glyph assembly (Rule 19, OpenType MathGlyphAssembly), else
 * the largest variant. Appends its items with the ink tbox centred on y = 0
 * relative to the returned height/depth; the caller places it. */
static tbox make_delim(ctx *c, uint32_t cp, float size, float s)
{
    tbox b = {0};
    hb_codepoint_t base = 0;
    if (!hb_font_get_nominal_glyph(c->hb, cp, &base) || !base)
        return b;
    uint32_t best = base;
    float best_total = -1;
    bool found = false;
    hb_ot_math_glyph_variant_t vars[16];
    unsigned off = 0;
    bool chain = has_tex_chain(c, base);
    for (;;) {
        unsigned count = 16;
        unsigned total = hb_ot_math_get_glyph_variants(c->hb, base, HB_DIRECTION_BTT, off, &count, vars);
        for (unsigned i = 0; i < count; i++) {
            if (chain && off + i > 0 && !is_tex_size(c, vars[i].advance))
                continue;
            float adv = (float)vars[i].advance * c->unit * s;
            if (adv > best_total) {
                best_total = adv;
                best = vars[i].glyph;
            }
            if (adv >= size) {
                best = vars[i].glyph;
                found = true;
                break;
            }
        }
        off += count;
        if (found || count == 0 || off >= total)
            break;
    }
    if (best_total < 0) {
        gmetrics m = glyph_metrics(c, base, s);
        best_total = m.h + m.d;
        found = best_total >= size;
    }
    hb_ot_math_glyph_part_t parts[16];
    unsigned np = 16;
    hb_position_t italic = 0;
    if (!found)
        hb_ot_math_get_glyph_assembly(c->hb, base, HB_DIRECTION_BTT, 0, &np, parts, &italic);
    else
        np = 0;
    if (np == 0 || np > 16) {
        gmetrics m = glyph_metrics(c, best, s);
        push_glyph(c, best, 0, 0, s);
        b.w = m.adv;
        b.h = m.h;
        b.d = m.d;
        return b;
    }
    /* Glyph assembly: the fewest extender repeats whose stack, with the
     * minimum connector overlap, reaches size; then the overlap is spread
     * evenly so the stack is exactly size where the connectors allow. */
    float u = c->unit * s, omin = c->k.min_connector_overlap * s;
    float fixed_adv = 0, ext_adv = 0;
    unsigned fixed_n = 0, ext_n = 0;
    for (unsigned i = 0; i < np; i++) {
        float adv = (float)parts[i].full_advance * u;
        if (parts[i].flags & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER)
            ext_adv += adv, ext_n++;
        else
            fixed_adv += adv, fixed_n++;
    }
    unsigned reps = 0;
    for (;;) {
        unsigned k = fixed_n + reps * ext_n;
        float reach = fixed_adv + (float)reps * ext_adv - (float)(k ? k - 1 : 0) * omin;
        if (reach >= size || ext_n == 0 || k + ext_n > MAX_ASSEMBLY_PARTS)
            break;
        reps++;
    }
    unsigned k = fixed_n + reps * ext_n;
    float sum = fixed_adv + (float)reps * ext_adv;
    float overlap = k > 1 ? (sum - size) / (float)(k - 1) : 0;
    /* the overlap may not exceed the shortest connector */
    float omax = INFINITY;
    for (unsigned i = 0; i < np; i++) {
        float sc = (float)parts[i].start_connector_length * u, ec = (float)parts[i].end_connector_length * u;
        if (i > 0 || ext_n)
            omax = fminf(omax, sc);
        if (i + 1 < np || ext_n)
            omax = fminf(omax, ec);
    }
    if (omax < omin)
        omax = omin;
    overlap = fminf(fmaxf(overlap, omin), omax);
    if (k <= 1)
        overlap = 0;
    /* stack bottom to top, each part's ink bottom on the running y; the items
     * are then reversed to TeX's top-first vlist order */
    uint32_t first = c->n;
    float y = 0, w = 0;
    bool placed = false;
    for (unsigned i = 0; i < np; i++) {
        bool ext = parts[i].flags & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER;
        unsigned times = ext ? reps : 1;
        for (unsigned r = 0; r < times; r++) {
            gmetrics m = glyph_metrics(c, parts[i].glyph, s);
            if (placed)
                y -= overlap;
            push_glyph(c, parts[i].glyph, 0, y + m.d, s);
            y += (float)parts[i].full_advance * u;
            w = fmaxf(w, m.adv);
            placed = true;
        }
    }
    reverse(c, first, c->n);
    /* centre the stack on y = 0 */
    shift(c, first, c->n, 0, -y / 2);
    b.w = w;
    b.h = y / 2;
    b.d = y / 2;
    return b;
}

/* Places a delimiter for cp, sized for size and centred on the axis (Rule 19);
 * cp 0 is the null delimiter: \nulldelimiterspace of white. */
static tbox place_delim(ctx *c, uint32_t cp, float size, int st)
{
    if (!cp)
        return (tbox){.w = NULL_DELIMITER_SPACE};
    float s = style_scale(c, st), a = c->k.axis * s;
    uint32_t first = c->n;
    tbox b = make_delim(c, cp, size, s);
    float sh = (b.h - b.d) / 2 - a;
    shift(c, first, c->n, 0, -sh);
    b.h -= sh;
    b.d += sh;
    return b;
}

/* ---- atoms ---------------------------------------------------------------- */

/* Rule 15: fractions (generalized fraction with the rule of thickness
 * FractionRuleThickness and null delimiters on both sides). */
static tbox make_frac(ctx *c, const tex_node *n, int st, int depth)
{
    float s = style_scale(c, st);
    bool disp = st < ST_T;
    uint32_t xs = c->n;
    tbox x = layout_list(c, n->list, num_style(st), depth);
    uint32_t xe = c->n;
    uint32_t rule = c->n;
    push_rule(c, 0, 0, 0, 0); /* filled in below; between num and den as in the DVI */
    uint32_t zs = c->n;
    tbox z = layout_list(c, n->list2, den_style(st), depth);
    uint32_t ze = c->n;
    float w = fmaxf(x.w, z.w);
    /* Rule 15b: shifts; Rule 15d: clearance from the rule on the axis */
    float u = (disp ? c->k.frac_num_up_d : c->k.frac_num_up) * s;
    float v = (disp ? c->k.frac_den_down_d : c->k.frac_den_down) * s;
    float phi_n = (disp ? c->k.frac_num_gap_d : c->k.frac_num_gap) * s;
    float phi_d = (disp ? c->k.frac_den_gap_d : c->k.frac_den_gap) * s;
    float th = c->k.frac_rule * s, a = c->k.axis * s;
    float gap_n = (u - x.d) - (a + th / 2);
    if (gap_n < phi_n)
        u += phi_n - gap_n;
    float gap_d = (a - th / 2) - (z.h - v);
    if (gap_d < phi_d)
        v += phi_d - gap_d;
    /* Rule 15e: numerator and denominator centred; null delimiters around */
    float nd = NULL_DELIMITER_SPACE;
    shift(c, xs, xe, nd + (w - x.w) / 2, u);
    shift(c, zs, ze, nd + (w - z.w) / 2, -v);
    if (rule < c->n) {
        pd_tex_item *r = &c->items[rule];
        r->x = r->x0 = nd;
        r->x1 = nd + w;
        r->y = r->y0 = a - th / 2;
        r->y1 = a + th / 2;
    }
    return (tbox){.w = w + 2 * nd, .h = fmaxf(u + x.h, a + th / 2), .d = fmaxf(v + z.d, -(a - th / 2))};
}

/* Rule 11: radicals, with RadicalVerticalGap / RadicalDisplayStyleVerticalGap
 * as TeX's psi, RadicalRuleThickness as theta, the sign's ink top on the
 * rule's top; an index is set in SS style with RadicalKernBeforeDegree,
 * RadicalKernAfterDegree and RadicalDegreeBottomRaisePercent (the OpenType
 * form of plain TeX's \root). */
static tbox make_rad(ctx *c, const tex_node *n, int st, int depth)
{
    float s = style_scale(c, st);
    uint32_t start = c->n;
    tbox x = layout_list(c, n->list, cramp(st), depth);
    uint32_t xe = c->n;
    tbox deg = {0};
    uint32_t ds = c->n;
    if (n->list2 >= 0)
        deg = layout_list(c, n->list2, ST_SS, depth);
    uint32_t de = c->n;
    float th = c->k.rad_rule * s;
    float psi = (st < ST_T ? c->k.rad_gap_d : c->k.rad_gap) * s;
    float need = x.h + x.d + psi + th;
    uint32_t gs = c->n;
    tbox y = make_delim(c, 0x221A, need, s);
    uint32_t ge = c->n;
    /* Rule 11: a larger sign than needed leaves its excess split above and
     * below the radicand */
    float excess = (y.h + y.d) - need;
    if (excess > 0)
        psi += excess / 2;
    float rule_bottom = x.h + psi, rule_top = rule_bottom + th;
    float dy = rule_top - y.h;
    float rx = 0;
    if (n->list2 >= 0) {
        float bottom = dy - y.d, total = y.h + y.d;
        float raise = bottom + c->k.rad_degree_raise * total;
        float kb = c->k.rad_kern_before * s, ka = c->k.rad_kern_after * s;
        rx = kb + deg.w + ka;
        float dx = kb;
        if (rx < 0) {
            dx -= rx;
            rx = 0;
        }
        shift(c, ds, de, dx, raise);
        deg.h += raise;
        deg.d -= raise;
    }
    shift(c, gs, ge, rx, dy);
    push_rule(c, rx + y.w, rule_bottom, rx + y.w + x.w, rule_top);
    shift(c, start, xe, rx + y.w, 0);
    rotate(c, start, xe, c->n); /* DVI order: index, sign, rule, radicand */
    tbox b = {.w = rx + y.w + x.w, .h = rule_top + c->k.rad_extra_asc * s, .d = fmaxf(x.d, y.d - dy)};
    if (n->list2 >= 0) {
        b.h = fmaxf(b.h, deg.h);
        b.d = fmaxf(b.d, deg.d);
    }
    return b;
}

/* Rule 19: \left ... \right, delimiters covering the body symmetrically about
 * the axis: size = max(delta * 901/500, 2 delta - 5pt). */
static tbox make_leftright(ctx *c, const tex_node *n, int st, int depth)
{
    float s = style_scale(c, st), a = c->k.axis * s;
    uint32_t start = c->n;
    tbox body = layout_list(c, n->list, st, depth);
    uint32_t be = c->n;
    float d1 = fmaxf(body.h - a, body.d + a);
    float size = fmaxf(d1 / 500.0f * DELIMITER_FACTOR, 2 * d1 - DELIMITER_SHORTFALL);
    tbox l = place_delim(c, n->cp, size, st);
    rotate(c, start, be, c->n); /* left delimiter first */
    uint32_t body_at = start + (c->n - be);
    shift(c, body_at, c->n, l.w, 0);
    uint32_t rs = c->n;
    tbox r = place_delim(c, n->cp2, size, st);
    shift(c, rs, c->n, l.w + body.w, 0);
    return (tbox){.w = l.w + body.w + r.w, .h = fmaxf(body.h, fmaxf(l.h, r.h)), .d = fmaxf(body.d, fmaxf(l.d, r.d))};
}

/* \text: shaped by HarfBuzz as one run (kerning and ligatures of the font's
 * upright Latin, which is Latin Modern Roman), scaled with the style as
 * amsmath's \text is. Spaces advance but emit no item. */
static tbox make_text(ctx *c, const tex_node *n, int st)
{
    tbox b = {0};
    if (!c->buf || n->text_len == 0)
        return b;
    float s = style_scale(c, st), u = c->unit * s;
    hb_buffer_clear_contents(c->buf);
    hb_buffer_add_utf8(c->buf, c->t->text + n->text_off, (int)n->text_len, 0, (int)n->text_len);
    hb_buffer_guess_segment_properties(c->buf);
    hb_buffer_set_direction(c->buf, HB_DIRECTION_LTR);
    hb_shape(c->hb, c->buf, NULL, 0);
    unsigned count = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(c->buf, &count);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(c->buf, &count);
    float x = 0;
    for (unsigned i = 0; i < count; i++) {
        uint32_t g = info[i].codepoint;
        const pd_outline *o = pd_font_outline(c->fonts, PD_FONT_MATH, g);
        if (o && !o->empty) {
            gmetrics m = glyph_metrics(c, g, s);
            float gy = (float)pos[i].y_offset * u;
            push_glyph(c, g, x + (float)pos[i].x_offset * u, gy, s);
            b.h = fmaxf(b.h, m.h + gy);
            b.d = fmaxf(b.d, m.d - gy);
        }
        x += (float)pos[i].x_advance * u;
    }
    b.w = x;
    return b;
}

/* Rule 13: a large operator character: in display style the first variant at
 * least DisplayOperatorMinHeight tall, centred on the axis. Returns its box
 * (with the italic correction kern, as clean_box gives it) and delta. */
static tbox make_op_char(ctx *c, const tex_node *n, int st, float *delta)
{
    float s = style_scale(c, st);
    uint32_t g = glyph_for(c, n->cp, st);
    if (st < ST_T && g) {
        hb_ot_math_glyph_variant_t vars[16];
        unsigned count = 16;
        hb_ot_math_get_glyph_variants(c->hb, g, HB_DIRECTION_BTT, 0, &count, vars);
        for (unsigned i = 0; i < count; i++) {
            g = vars[i].glyph;
            if ((float)vars[i].advance * c->unit >= c->k.display_op_min_h)
                break;
        }
    }
    gmetrics m = glyph_metrics(c, g, s);
    float sh = (m.h - m.d) / 2 - c->k.axis * s;
    push_glyph(c, g, 0, -sh, s);
    *delta = m.italic;
    return (tbox){.w = m.adv + m.italic, .h = m.h - sh, .d = m.d + sh};
}

/* Lays out a node's superscript x and subscript z (either may be absent)
 * one after the other: their items are [xs, xe) and [xe, ze). */
typedef struct scripts {
    tbox x, z;
    uint32_t xs, xe, ze;
} scripts;

static scripts layout_scripts(ctx *c, const tex_node *n, int st, int depth)
{
    scripts r = {.xs = c->n};
    if (n->sup >= 0)
        r.x = layout_list(c, n->sup, sup_style(st), depth);
    r.xe = c->n;
    if (n->sub >= 0)
        r.z = layout_list(c, n->sub, sub_style(st), depth);
    r.ze = c->n;
    return r;
}

/* Rule 13a: limits above and below, the superscript shifted right and the
 * subscript left by half the italic correction. */
static tbox make_limits(ctx *c, const tex_node *n, tbox y, uint32_t ys, float delta, int st, int depth)
{
    float s = style_scale(c, st);
    uint32_t ye = c->n;
    scripts sc = layout_scripts(c, n, st, depth);
    tbox x = sc.x, z = sc.z;
    uint32_t xs = sc.xs, xe = sc.xe, ze = sc.ze;
    float w = fmaxf(y.w, fmaxf(x.w, z.w));
    shift(c, ys, ye, (w - y.w) / 2, 0);
    tbox b = {.w = w, .h = y.h, .d = y.d};
    if (n->sup >= 0) {
        float up = y.h + fmaxf(c->k.upper_gap_min * s + x.d, c->k.upper_rise_min * s);
        shift(c, xs, xe, (w - x.w) / 2 + delta / 2, up);
        b.h = up + x.h;
    }
    if (n->sub >= 0) {
        float down = y.d + fmaxf(c->k.lower_gap_min * s + z.h, c->k.lower_drop_min * s);
        shift(c, xe, ze, (w - z.w) / 2 - delta / 2, -down);
        b.d = down + z.d;
    }
    rotate(c, ys, ye, xe); /* DVI order: limit above, operator, limit below */
    return b;
}

/* Rule 18: super- and subscripts. nuc is the nucleus box (items from ns),
 * delta the italic correction still owed to the superscript. */
static tbox make_scripts(ctx *c, const tex_node *n, tbox nuc, bool char_nucleus, float delta, int st, int depth)
{
    float s = style_scale(c, st);
    float sp = c->k.space_after_script * s; /* TeX's \scriptspace */
    float u = 0, v = 0;
    /* Rule 18a: a non-character nucleus hangs its scripts from its own
     * height and depth, by the drops of the script size */
    if (!char_nucleus) {
        float ss = style_scale(c, sup_style(st));
        u = nuc.h - c->k.sup_drop_max * ss;
        v = nuc.d + c->k.sub_drop_min * ss;
    }
    scripts sc = layout_scripts(c, n, st, depth);
    tbox x = sc.x, z = sc.z;
    uint32_t xs = sc.xs, xe = sc.xe, ze = sc.ze;
    if (n->sup < 0) {
        /* Rule 18b */
        v = fmaxf(v, fmaxf(TEX_SUB1 * s, z.h - c->k.sub_top_max * s));
    } else {
        /* Rule 18c */
        float p = (cramped(st) ? c->k.sup_up_cramped : st < ST_T ? TEX_SUP1 : c->k.sup_up) * s;
        u = fmaxf(u, fmaxf(p, x.d + c->k.sup_bottom_min * s));
        if (n->sub >= 0) {
            /* Rule 18e: both; keep SubSuperscriptGapMin between them and
             * the superscript's bottom no higher than needed */
            v = fmaxf(v, c->k.sub_down * s);
            float gap = (u - x.d) - (z.h - v);
            if (gap < c->k.subsup_gap_min * s) {
                v += c->k.subsup_gap_min * s - gap;
                float psi = c->k.sup_bottom_max_with_sub * s - (u - x.d);
                if (psi > 0) {
                    u += psi;
                    v -= psi;
                }
            }
        } else {
            delta = 0;
        }
    }
    tbox b = nuc;
    float wx = 0, wz = 0;
    if (n->sup >= 0) {
        shift(c, xs, xe, nuc.w + delta, u);
        wx = delta + x.w + sp;
        b.h = fmaxf(b.h, u + x.h);
        b.d = fmaxf(b.d, x.d - u);
    }
    if (n->sub >= 0) {
        shift(c, xe, ze, nuc.w, -v);
        wz = z.w + sp;
        b.h = fmaxf(b.h, z.h - v);
        b.d = fmaxf(b.d, v + z.d);
    }
    b.w = nuc.w + fmaxf(wx, wz);
    return b;
}

/* One atom of a list, in style st: its nucleus (Rules 11-17), then scripts. */
static tbox layout_atom(ctx *c, int32_t i, int st, int depth)
{
    const tex_node *n = &c->t->nodes[i];
    float s = style_scale(c, st);
    uint32_t start = c->n;
    tbox nuc = {0};
    float delta = 0;
    bool char_nucleus = false;
    bool is_op = n->cls == TEX_OP;
    switch ((tex_kind)n->kind) {
    case TEX_K_EMPTY:
    case TEX_K_SPACE:
        break;
    case TEX_K_CHAR:
        if (is_op) {
            nuc = make_op_char(c, n, st, &delta);
        } else {
            uint32_t g = glyph_for(c, n->cp, st);
            gmetrics m = glyph_metrics(c, g, s);
            push_glyph(c, g, 0, 0, s);
            nuc = (tbox){.w = m.adv, .h = m.h, .d = m.d};
            /* TeX's upright letters come from cmr10, a text font: inside a
             * word they are math_text_chars without italic correction (tex.web
             * §752) and cmr10 has next to none anyway. Latin Modern Math gives
             * its upright Latin small ones, which would widen "softmax". */
            delta = n->cp < 0x0400 ? 0 : m.italic;
            char_nucleus = true;
            /* Rule 17: the italic correction is a kern after the character
             * unless a subscript follows (then it moves the superscript) */
            if (n->sub < 0) {
                nuc.w += delta;
                delta = 0;
            }
        }
        break;
    case TEX_K_LIST:
        nuc = layout_list(c, n->list, st, depth);
        break;
    case TEX_K_FRAC:
        nuc = make_frac(c, n, st, depth);
        break;
    case TEX_K_RAD:
        nuc = make_rad(c, n, st, depth);
        break;
    case TEX_K_LEFTRIGHT:
        nuc = make_leftright(c, n, st, depth);
        break;
    case TEX_K_TEXT:
        nuc = make_text(c, n, st);
        break;
    }
    if (n->sup < 0 && n->sub < 0)
        return nuc;
    if (is_op) {
        bool limits = n->limits == TEX_LIMITS_ON || (n->limits == TEX_LIMITS_DISPLAY && st < ST_T);
        if (limits)
            return make_limits(c, n, nuc, start, delta, st, depth);
        /* Rule 13: with a subscript beside it the operator's italic
         * correction goes to the superscript only */
        if (n->kind == TEX_K_CHAR && n->sub >= 0)
            nuc.w -= delta;
    }
    return make_scripts(c, n, nuc, char_nucleus, delta, st, depth);
}

/* TeX's spacing table (tex.web's math_spacing): 0 none, 1 thin, 2 thin in
 * D/T only, 3 medium in D/T only, 4 thick in D/T only. Rows: left atom. */
static const char spacing_table[8][9] = {
    "02340001", "22*40001", "33**3**3", "44*04004", "00*00000", "02340001", "11*11111", "12341011",
};

static float atom_space(int left, int right, int st, float s)
{
    char code = spacing_table[left][right];
    float mu = s / 18.0f; /* 1 mu = 1/18 quad of the style's size */
    switch (code) {
    case '1':
        return 3 * mu;
    case '2':
        return st < ST_S ? 3 * mu : 0;
    case '3':
        return st < ST_S ? 4 * mu : 0;
    case '4':
        return st < ST_S ? 5 * mu : 0;
    default:
        return 0;
    }
}

/* mlist_to_hlist: Rules 5-6 reclassify binary atoms, each atom becomes a box,
 * then Rule 20 inserts the spacing while the boxes are placed left to right. */
static tbox layout_list(ctx *c, int32_t head, int st, int depth)
{
    tbox b = {0};
    if (head < 0 || depth > TEX_MAX_DEPTH * 4)
        return b;
    const tex_node *nodes = c->t->nodes;
    float s = style_scale(c, st);
    int32_t prev = -1;
    for (int32_t i = head; i >= 0; i = nodes[i].next) {
        c->first[i] = c->n;
        if (nodes[i].kind == TEX_K_SPACE) {
            c->cls[i] = TEX_NONE;
            c->boxes[i] = (tbox){.w = nodes[i].space * (nodes[i].space_mu ? s / 18.0f : 1.0f)};
            continue;
        }
        uint8_t cls = nodes[i].cls;
        /* Rule 5: a Bin after nothing, Bin, Op, Rel, Open or Punct is an Ord */
        if (cls == TEX_BIN && (prev < 0 || c->cls[prev] == TEX_BIN || c->cls[prev] == TEX_OP ||
                               c->cls[prev] == TEX_REL || c->cls[prev] == TEX_OPEN || c->cls[prev] == TEX_PUNCT))
            cls = TEX_ORD;
        /* Rule 6: a Bin before Rel, Close or Punct is an Ord */
        if ((cls == TEX_REL || cls == TEX_CLOSE || cls == TEX_PUNCT) && prev >= 0 && c->cls[prev] == TEX_BIN)
            c->cls[prev] = TEX_ORD;
        c->cls[i] = cls;
        c->boxes[i] = layout_atom(c, i, st, depth + 1);
        prev = i;
    }
    if (prev >= 0 && c->cls[prev] == TEX_BIN)
        c->cls[prev] = TEX_ORD;
    /* Rule 20: place the boxes with inter-atom spacing */
    float x = 0;
    int prev_cls = -1;
    for (int32_t i = head; i >= 0; i = nodes[i].next) {
        tbox bi = c->boxes[i];
        if (c->cls[i] == TEX_NONE) {
            x += bi.w;
            continue;
        }
        if (prev_cls >= 0)
            x += atom_space(prev_cls, c->cls[i], st, s);
        uint32_t end = nodes[i].next >= 0 ? c->first[nodes[i].next] : c->n;
        shift(c, c->first[i], end, x, 0);
        x += bi.w;
        b.h = fmaxf(b.h, bi.h);
        b.d = fmaxf(b.d, bi.d);
        prev_cls = c->cls[i];
    }
    b.w = x;
    return b;
}

/* ---- public API ------------------------------------------------------------ */

static void ink_box(ctx *c, pd_tex_box *out)
{
    bool any = false;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        const pd_tex_item *it = &c->items[i];
        float a0, b0, a1, b1;
        if (it->kind == PD_TEX_RULE) {
            a0 = it->x0, b0 = it->y0, a1 = it->x1, b1 = it->y1;
        } else {
            const pd_outline *o = pd_font_outline(c->fonts, it->font, it->glyph);
            if (!o || o->empty)
                continue;
            a0 = it->x + o->ink_x0 * it->em, a1 = it->x + o->ink_x1 * it->em;
            b0 = it->y + o->ink_y0 * it->em, b1 = it->y + o->ink_y1 * it->em;
        }
        if (!any) {
            x0 = a0, y0 = b0, x1 = a1, y1 = b1;
            any = true;
        } else {
            x0 = fminf(x0, a0), y0 = fminf(y0, b0), x1 = fmaxf(x1, a1), y1 = fmaxf(y1, b1);
        }
    }
    out->ink_x0 = x0, out->ink_y0 = y0, out->ink_x1 = x1, out->ink_y1 = y1;
}

bool pd_tex_typeset(pd_fonts *fonts, const char *src, pd_tex_box *out, pd_err *err)
{
    *out = (pd_tex_box){0};
    if (!fonts)
        return pd_err_set(err, "tex: no fonts (call pd_fonts_load first)");
    tex_tree t;
    if (!tex_parse(&t, src, fonts, err)) {
        tex_tree_free(&t);
        return false;
    }
    ctx c = {.fonts = fonts, .hb = pd_font_hb(fonts, PD_FONT_MATH), .t = &t};
    c.unit = 1.0f / (float)pd_font_units_per_em(fonts, PD_FONT_MATH);
    load_consts(&c);
    size_t nn = t.count ? t.count : 1;
    c.cls = malloc(nn * sizeof *c.cls);
    c.boxes = malloc(nn * sizeof *c.boxes);
    c.first = malloc(nn * sizeof *c.first);
    c.buf = hb_buffer_create();
    bool ok = c.cls && c.boxes && c.first && hb_buffer_allocation_successful(c.buf);
    tbox b = {0};
    if (ok) {
        /* MathTex is align*: display style */
        b = layout_list(&c, t.root, ST_D, 0);
        ok = !c.oom;
    }
    if (ok) {
        out->items = c.items;
        out->item_count = c.n;
        out->width = b.w;
        out->height = b.h;
        out->depth = b.d;
        ink_box(&c, out);
        c.items = NULL;
    } else {
        pd_err_set(err, "tex: out of memory typesetting '%.40s'", src);
    }
    free(c.items);
    free(c.cls);
    free(c.boxes);
    free(c.first);
    hb_buffer_destroy(c.buf);
    tex_tree_free(&t);
    return ok;
}

void pd_tex_box_free(pd_tex_box *box)
{
    if (!box)
        return;
    free(box->items);
    *box = (pd_tex_box){0};
}
