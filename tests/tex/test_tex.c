/* Unit tests for src/tex: box metrics of a reference set of expressions, each
 * expectation re-derived here from the TeXbook appendix G rule it exercises
 * and Latin Modern Math's constants and glyph metrics (read through
 * HarfBuzz, independently of the code under test); the seed's five MathTex
 * strings against Manim's measured boxes; error messages for bad input. */
#include <hb-ot.h>
#include <hb.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "tex/tex.h"

static int failures, checks;
static pd_fonts *fonts;
static hb_font_t *hb;

#define TOL 1e-3f

static void check(bool ok, const char *what, const char *src)
{
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL: %s   [%s]\n", what, src);
    }
}

static void near(float got, float want, float tol, const char *what, const char *src)
{
    char msg[256];
    snprintf(msg, sizeof msg, "%s: got %.4f, want %.4f", what, got, want);
    check(fabsf(got - want) <= tol, msg, src);
}

/* ---- font facts, read directly ------------------------------------------- */

static float k(hb_ot_math_constant_t c) { return (float)hb_ot_math_get_constant(hb, c) / 1000.0f; }
static uint32_t gid(uint32_t cp)
{
    hb_codepoint_t g = 0;
    hb_font_get_nominal_glyph(hb, cp, &g);
    return g;
}
static float adv(uint32_t g) { return (float)hb_font_get_glyph_h_advance(hb, g) / 1000.0f; }
static float ht(uint32_t g)
{
    hb_glyph_extents_t e;
    hb_font_get_glyph_extents(hb, g, &e);
    return (float)e.y_bearing / 1000.0f;
}
static float dp(uint32_t g)
{
    hb_glyph_extents_t e;
    hb_font_get_glyph_extents(hb, g, &e);
    return -(float)(e.y_bearing + e.height) / 1000.0f;
}
static float ital(uint32_t g) { return (float)hb_ot_math_get_glyph_italics_correction(hb, g) / 1000.0f; }

#define MU (1.0f / 18.0f)
#define IT(c) (0x1D44E + ((c) - 'a')) /* math italic small letter (not h) */
#define SUP1 0.412892f                /* cmsy10 sigma13 */
#define SUB1 0.15f                    /* cmsy10 sigma16 */

static pd_tex_box ts(const char *src)
{
    pd_tex_box b = {0};
    pd_err err = {0};
    if (!pd_tex_typeset(fonts, src, &b, &err)) {
        fprintf(stderr, "FAIL: typeset: %s   [%s]\n", err.msg, src);
        failures++;
    }
    return b;
}

/* ---- the reference set ----------------------------------------------------- */

static void test_chars(void)
{
    const char *s = "x";
    pd_tex_box b = ts(s);
    uint32_t g = gid(IT('x'));
    check(b.item_count == 1 && b.items[0].glyph == g, "x is U+1D465", s);
    /* Rule 17: italic correction appended when no subscript follows */
    near(b.width, adv(g) + ital(g), TOL, "width", s);
    near(b.height, ht(g), TOL, "height", s);
    near(b.depth, dp(g), TOL, "depth", s);
    pd_tex_box_free(&b);

    s = "h";
    b = ts(s);
    check(b.item_count == 1 && b.items[0].glyph == gid(0x210E), "h maps to U+210E", s);
    pd_tex_box_free(&b);

    s = "12";
    b = ts(s);
    near(b.width, adv(gid('1')) + adv(gid('2')), TOL, "digits upright, no space", s);
    pd_tex_box_free(&b);

    s = "\\alpha\\Gamma\\epsilon\\varphi";
    b = ts(s);
    check(b.item_count == 4 && b.items[0].glyph == gid(0x1D6FC) && b.items[1].glyph == gid(0x0393) &&
              b.items[2].glyph == gid(0x1D716) && b.items[3].glyph == gid(0x1D711),
          "Greek: italic lower case, upright capitals, TeX's epsilon/varphi", s);
    pd_tex_box_free(&b);

    s = "\\mathbf{A}\\mathrm{d}\\mathit{x}";
    b = ts(s);
    check(b.item_count == 3 && b.items[0].glyph == gid(0x1D400) && b.items[1].glyph == gid('d') &&
              b.items[2].glyph == gid(IT('x')),
          "\\mathbf, \\mathrm, \\mathit letters", s);
    pd_tex_box_free(&b);
}

/* Rule 20 and the table on TeXbook p. 170 */
static void test_spacing(void)
{
    uint32_t a = gid(IT('a')), bb = gid(IT('b'));
    float wa = adv(a) + ital(a), wb = adv(bb) + ital(bb);
    struct {
        const char *src;
        uint32_t mid;
        float space;
    } cases[] = {
        {"a+b", '+', 2 * 4 * MU},      /* Bin: medium each side */
        {"a=b", '=', 2 * 5 * MU},      /* Rel: thick each side */
        {"a,b", ',', 3 * MU},          /* Punct: thin after */
        {"a\\cdot b", 0x22C5, 8 * MU}, /* \cdot is a Bin */
        {"a\\le b", 0x2264, 10 * MU},  /* \le is a Rel */
        {"a\\to b", 0x2192, 10 * MU},
        {"a\\mathbin{/}b", '/', 8 * MU}, /* \mathbin makes / a Bin */
        {"a\\mathrel{+}b", '+', 10 * MU},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pd_tex_box b = ts(cases[i].src);
        near(b.width, wa + adv(gid(cases[i].mid)) + wb + cases[i].space, TOL, "width", cases[i].src);
        check(b.item_count == 3, "3 items", cases[i].src);
        pd_tex_box_free(&b);
    }
    struct {
        const char *src;
        float space;
    } sp[] = {
        {"a\\,b", 3 * MU}, {"a\\:b", 4 * MU}, {"a\\;b", 5 * MU}, {"a\\!b", -3 * MU},
        {"a\\quad b", 1},  {"a\\qquad b", 2}, {"a b", 0},        {"a~b", 1.0f / 3},
    };
    for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++) {
        pd_tex_box b = ts(sp[i].src);
        near(b.width, wa + wb + sp[i].space, TOL, "explicit space", sp[i].src);
        pd_tex_box_free(&b);
    }
    /* Rule 5: a Bin at the start is an Ord (no space after the minus) */
    const char *s = "-a";
    pd_tex_box b = ts(s);
    near(b.width, adv(gid(0x2212)) + wa, TOL, "unary minus", s);
    pd_tex_box_free(&b);
    /* Rule 6: a Bin before a Rel is an Ord: a + = b -> spaces only around = */
    s = "a+=b";
    b = ts(s);
    near(b.width, wa + adv(gid('+')) + adv(gid('=')) + wb + 10 * MU, TOL, "Bin before Rel", s);
    pd_tex_box_free(&b);
    /* Op then Ord: thin space (\operatorname is an Op) */
    s = "\\operatorname{ab}x";
    b = ts(s);
    uint32_t x = gid(IT('x'));
    near(b.width, adv(gid('a')) + adv(gid('b')) + 3 * MU + adv(x) + ital(x), TOL, "Op-Ord thin space", s);
    check(b.items[0].glyph == gid('a'), "\\operatorname is upright", s);
    pd_tex_box_free(&b);
    /* in script style the parenthesised entries vanish: x^{a+b} has no space */
    s = "x^{a+b}";
    b = ts(s);
    check(b.item_count == 4, "4 items", s);
    float gap = b.items[2].x - b.items[1].x; /* from a to + */
    uint32_t as = b.items[1].glyph;
    near(gap, (adv(as) + ital(as)) * 0.7f, TOL, "no medium space in script style", s);
    pd_tex_box_free(&b);
}

/* Rule 15 */
static void test_fractions(void)
{
    const char *s = "\\frac{a}{b}";
    pd_tex_box b = ts(s);
    uint32_t a = gid(IT('a')), bb = gid(IT('b'));
    float wa = adv(a) + ital(a), wb = adv(bb) + ital(bb);
    float w = fmaxf(wa, wb);
    float axis = k(HB_OT_MATH_CONSTANT_AXIS_HEIGHT), th = k(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS);
    near(b.width, w + 2 * 0.12f, TOL, "width = max + 2 nulldelimiterspace", s);
    check(b.item_count == 3 && b.items[1].kind == PD_TEX_RULE, "order: numerator, rule, denominator", s);
    if (b.item_count == 3) {
        near(b.items[1].y0, axis - th / 2, TOL, "rule centred on the axis (bottom)", s);
        near(b.items[1].y1, axis + th / 2, TOL, "rule centred on the axis (top)", s);
        near(b.items[1].x1 - b.items[1].x0, w, TOL, "rule width", s);
        float u = k(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP);
        float gapmin = k(HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN);
        u = fmaxf(u, axis + th / 2 + gapmin + dp(a));
        near(b.items[0].y, u, TOL, "numerator shift (Rule 15b/15d)", s);
        float v = k(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN);
        float dgap = k(HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN);
        v = fmaxf(v, ht(bb) + dgap - (axis - th / 2));
        near(b.items[2].y, -v, TOL, "denominator shift", s);
        near(b.items[0].x, 0.12f + (w - wa) / 2, TOL, "numerator centred", s);
        near(b.height, u + ht(a), TOL, "height", s);
    }
    pd_tex_box_free(&b);

    /* a fraction inside a fraction is in text style: smaller shifts, full size */
    s = "\\frac{\\frac{a}{b}}{c}";
    b = ts(s);
    check(b.item_count == 5 && b.items[1].kind == PD_TEX_RULE && b.items[3].kind == PD_TEX_RULE,
          "nested order a, rule, b, rule, c", s);
    if (b.item_count == 5) {
        /* the inner fraction is in T style: its rule and shifts at full size,
         * its numerator in S style (70%) */
        uint32_t as = b.items[0].glyph;
        float inner_u = b.items[0].y - b.items[1].y0 + (axis - th / 2); /* a's shift within the inner fraction */
        float u = fmaxf(k(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP),
                        axis + th / 2 + k(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN) + 0.7f * dp(as));
        near(inner_u, u, TOL, "text-style numerator shift", s);
        near(b.items[0].em, 0.7f, TOL, "numerator of T is S", s);
        near(b.items[1].y1 - b.items[1].y0, th, TOL, "T-style rule at full thickness", s);
    }
    pd_tex_box_free(&b);

    /* \frac in script: numerator in SS (50%) */
    s = "x^{\\frac{1}{2}}";
    b = ts(s);
    check(b.item_count == 4 && fabsf(b.items[1].em - 0.5f) < 1e-4f, "numerator of a script fraction is SS", s);
    pd_tex_box_free(&b);
}

/* Rule 18 */
static void test_scripts(void)
{
    uint32_t x = gid(IT('x'));
    const char *s = "x^2";
    pd_tex_box b = ts(s);
    check(b.item_count == 2 && fabsf(b.items[1].em - 0.7f) < 1e-4f, "superscript at 70%", s);
    if (b.item_count == 2) {
        uint32_t two = b.items[1].glyph;
        float u = fmaxf(SUP1, dp(two) * 0.7f + k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN));
        near(b.items[1].y, u, TOL, "display superscript shift sup1 (Rule 18c)", s);
        near(b.items[1].x, adv(x) + ital(x), TOL, "after the italic correction", s);
        near(b.width, adv(x) + ital(x) + adv(two) * 0.7f + k(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT), TOL,
             "width with script space", s);
        near(b.height, u + ht(two) * 0.7f, TOL, "height", s);
    }
    pd_tex_box_free(&b);

    s = "x_i";
    b = ts(s);
    if (b.item_count == 2) {
        uint32_t i = b.items[1].glyph;
        float v = fmaxf(SUB1, ht(i) * 0.7f - k(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX));
        near(b.items[1].y, -v, TOL, "subscript shift sub1 (Rule 18b)", s);
        near(b.items[1].x, adv(x), TOL, "subscript without the italic correction", s);
    } else {
        check(false, "2 items", s);
    }
    pd_tex_box_free(&b);

    s = "x_i^2";
    b = ts(s);
    check(b.item_count == 3, "3 items: x, sup, sub (DVI order)", s);
    if (b.item_count == 3) {
        uint32_t two = b.items[1].glyph, i = b.items[2].glyph;
        near(b.items[1].x, adv(x) + ital(x), TOL, "superscript shifted by delta (Rule 18e)", s);
        near(b.items[2].x, adv(x), TOL, "subscript at the nucleus' edge", s);
        float u = fmaxf(SUP1, dp(two) * 0.7f + k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN));
        float v = k(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN);
        float gap = (u - dp(two) * 0.7f) - (ht(i) * 0.7f - v);
        float gmin = k(HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN);
        if (gap < gmin) {
            v += gmin - gap;
            float psi = k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT) - (u - dp(two) * 0.7f);
            if (psi > 0)
                u += psi, v -= psi;
        }
        near(b.items[1].y, u, TOL, "sup shift", s);
        near(b.items[2].y, -v, TOL, "sub shift", s);
    }
    pd_tex_box_free(&b);

    /* cramped: the denominator's superscript uses SuperscriptShiftUpCramped */
    s = "\\frac{1}{x^2}";
    b = ts(s);
    if (b.item_count == 4) {
        float u = b.items[3].y - b.items[2].y;
        uint32_t two = b.items[3].glyph;
        near(u,
             fmaxf(k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED),
                   dp(two) * 0.7f + k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN)),
             TOL, "cramped superscript", s);
    } else {
        check(false, "4 items", s);
    }
    pd_tex_box_free(&b);

    /* scripts in scripts: SS at 50% */
    s = "x^{y^z}";
    b = ts(s);
    check(b.item_count == 3 && fabsf(b.items[2].em - 0.5f) < 1e-4f, "second-level script at 50%", s);
    pd_tex_box_free(&b);

    /* ' is ^\prime; primes gather in one superscript, ^ may extend it */
    s = "f''^2";
    b = ts(s);
    check(b.item_count == 4 && b.items[1].y > 0 && fabsf(b.items[1].y - b.items[2].y) < 1e-5f && b.items[1].em < 1,
          "f''^2: three raised script items on one baseline", s);
    pd_tex_box_free(&b);

    /* a non-character nucleus hangs its scripts from its height (Rule 18a) */
    s = "{(x)}^2";
    b = ts(s);
    if (b.item_count == 4) {
        uint32_t two = b.items[3].glyph;
        float h = fmaxf(ht(gid('(')), ht(x));
        float u = fmaxf(fmaxf(h - k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX) * 0.7f, SUP1),
                        dp(two) * 0.7f + k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN));
        near(b.items[3].y, u, TOL, "box nucleus superscript", s);
    } else {
        check(false, "4 items", s);
    }
    pd_tex_box_free(&b);
}

/* Rule 11 */
static void test_radicals(void)
{
    const char *s = "\\sqrt{x}";
    pd_tex_box b = ts(s);
    check(b.item_count == 3 && b.items[1].kind == PD_TEX_RULE && b.items[2].glyph == gid(IT('x')),
          "order: sign, rule, radicand", s);
    if (b.item_count == 3) {
        uint32_t x = gid(IT('x')), sign = b.items[0].glyph;
        float th = k(HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS);
        float psi = k(HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP);
        float need = ht(x) + dp(x) + psi + th;
        float total = ht(sign) + dp(sign);
        check(total >= need - 1e-4f, "sign at least as tall as needed", s);
        if (total > need)
            psi += (total - need) / 2;
        near(b.items[1].y0, ht(x) + psi, TOL, "rule bottom = h(x) + psi (with half the excess)", s);
        near(b.items[1].y1 - b.items[1].y0, th, TOL, "rule thickness", s);
        near(b.items[0].y + ht(sign), b.items[1].y1, TOL, "sign's top on the rule's top", s);
        near(b.items[1].x0, adv(sign), TOL, "rule starts at the sign's advance", s);
        near(b.height, b.items[1].y1 + k(HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER), TOL, "extra ascender", s);
        near(b.width, adv(sign) + adv(x) + ital(x), TOL, "width", s);
    }
    pd_tex_box_free(&b);

    s = "\\sqrt[3]{x}";
    b = ts(s);
    check(b.item_count == 4 && fabsf(b.items[0].em - 0.5f) < 1e-4f && b.items[2].kind == PD_TEX_RULE,
          "degree first, in SS style", s);
    if (b.item_count == 4) {
        uint32_t sign = b.items[1].glyph;
        near(b.items[0].x, k(HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE), TOL, "kern before degree", s);
        float bottom = b.items[1].y - dp(sign), total = ht(sign) + dp(sign);
        near(b.items[0].y, bottom + 0.6f * total, TOL, "degree raised 60% of the sign", s);
    }
    pd_tex_box_free(&b);

    /* a tall radicand takes a larger size of the sign */
    s = "\\sqrt{\\frac{a}{b}}";
    b = ts(s);
    check(b.item_count == 5 && b.items[0].glyph != gid(0x221A), "size variant for a fraction", s);
    pd_tex_box_free(&b);
}

/* Rule 19 with plain TeX's \delimiterfactor 901, \delimitershortfall 5pt */
static void test_delimiters(void)
{
    const char *s = "\\left( x \\right)";
    pd_tex_box b = ts(s);
    uint32_t x = gid(IT('x'));
    check(b.item_count == 3 && b.items[0].glyph == gid('(') && b.items[2].glyph == gid(')'),
          "small delimiters stay the base glyph", s);
    near(b.width, adv(gid('(')) + adv(x) + ital(x) + adv(gid(')')), TOL, "width", s);
    /* centred on the axis */
    if (b.item_count == 3) {
        float a = k(HB_OT_MATH_CONSTANT_AXIS_HEIGHT), g = gid('(');
        near(b.items[0].y + (ht(g) - dp(g)) / 2, a, TOL, "centred on the axis", s);
    }
    pd_tex_box_free(&b);

    s = "\\left. x \\right|";
    b = ts(s);
    check(b.item_count == 2, "null delimiter has no item", s);
    near(b.width, 0.12f + adv(x) + ital(x) + adv(gid('|')), TOL, "null delimiter = \\nulldelimiterspace", s);
    pd_tex_box_free(&b);

    /* a display fraction: size = max(901/500 delta, 2 delta - 0.5) picks
     * TeX's 1.8 em or 2.4 em size; the delimiters are Inner atoms */
    s = "\\left(\\frac{a}{b}\\right)";
    b = ts(s);
    if (b.item_count == 5) {
        pd_tex_box f = ts("\\frac{a}{b}");
        float a = k(HB_OT_MATH_CONSTANT_AXIS_HEIGHT);
        float d1 = fmaxf(f.height - a, f.depth + a);
        float size = fmaxf(d1 * 901.0f / 500.0f, 2 * d1 - 0.5f);
        uint32_t g = b.items[0].glyph;
        float total = ht(g) + dp(g);
        check(total >= size - 0.01f, "delimiter covers the required size", s);
        check(total < size + 0.65f, "and is the first TeX size that does", s);
        near(b.width, 2 * adv(g) + f.width, TOL, "width", s);
        pd_tex_box_free(&f);
    } else {
        check(false, "5 items", s);
    }
    pd_tex_box_free(&b);

    /* beyond the largest variant: a glyph assembly (top, extenders, bottom) */
    s = "\\left(\\frac{\\frac{\\frac{a}{b}}{\\frac{c}{d}}}{\\frac{\\frac{e}{f}}{\\frac{g}{x}}}\\right)";
    b = ts(s);
    float top = -1e9f, bot = 1e9f;
    int parts = 0;
    for (uint32_t i = 0; i < b.item_count; i++)
        if (b.items[i].kind == PD_TEX_GLYPH && b.items[i].x < 0.5f)
            parts++;
    top = b.ink_y1, bot = b.ink_y0;
    check(parts >= 3, "assembly of at least 3 parts", s);
    check(top - bot > 3.0f, "taller than the largest variant", s);
    pd_tex_box_free(&b);

    const char *others[] = {"\\left\\{ x \\right\\}", "\\left\\langle x \\right\\rangle", "\\left\\| x \\right\\|",
                            "\\left[ x \\right]", "\\left| \\frac{a}{b} \\right."};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        b = ts(others[i]);
        check(b.item_count >= 2 && b.width > 0, "typesets", others[i]);
        pd_tex_box_free(&b);
    }
}

/* Rule 13 / 13a */
static void test_operators(void)
{
    const char *s = "\\sum_{i=1}^n x_i";
    pd_tex_box b = ts(s);
    check(b.item_count == 7, "7 items", s);
    if (b.item_count == 7) {
        /* DVI order: limit above (n), operator, limit below (i=1) */
        uint32_t op = b.items[1].glyph;
        check(op != gid(0x2211), "display size of the sum", s);
        check(ht(op) + dp(op) >= k(HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT) - 0.01f,
              "at least DisplayOperatorMinHeight", s);
        float a = k(HB_OT_MATH_CONSTANT_AXIS_HEIGHT);
        near(b.items[1].y + (ht(op) - dp(op)) / 2, a, TOL, "operator centred on the axis", s);
        float oph = ht(op) + b.items[1].y;
        uint32_t n = b.items[0].glyph;
        float up = oph + fmaxf(k(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN) + dp(n) * 0.7f,
                               k(HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN));
        near(b.items[0].y, up, TOL, "upper limit", s);
        check(b.items[2].y < b.items[1].y - dp(op), "lower limit below", s);
    }
    pd_tex_box_free(&b);

    /* \int keeps its limits beside it (\nolimits) */
    s = "\\int_0^1 f";
    b = ts(s);
    check(b.item_count == 4 && b.items[1].x > b.items[0].x && b.items[2].x > b.items[0].x, "scripts beside", s);
    pd_tex_box_free(&b);

    /* \limits forces them above and below */
    s = "\\int\\limits_0^1 f";
    b = ts(s);
    check(b.item_count == 4 && b.items[0].y > b.items[1].y, "\\limits: limit above first", s);
    pd_tex_box_free(&b);

    s = "\\lim_{n\\to\\infty} a_n";
    b = ts(s);
    check(b.item_count == 8 && b.items[0].glyph == gid('l'), "\\lim upright with limits below", s);
    pd_tex_box_free(&b);
}

static void test_text_and_dots(void)
{
    const char *s = "\\text{ab c}";
    pd_tex_box b = ts(s);
    check(b.item_count == 3, "spaces have no item", s);
    near(b.width, adv(gid('a')) + adv(gid('b')) + adv(gid(' ')) + adv(gid('c')), TOL, "shaped width", s);
    pd_tex_box_free(&b);

    s = "\\text{(1) }";
    b = ts(s);
    check(b.item_count == 3, "3 items", s);
    near(b.width, adv(gid('(')) + adv(gid('1')) + adv(gid(')')) + adv(gid(' ')), TOL, "keeps the trailing space", s);
    pd_tex_box_free(&b);

    s = "a\\ldots b";
    b = ts(s);
    uint32_t a = gid(IT('a')), bb = gid(IT('b')), dot = gid('.');
    check(b.item_count == 5, "3 dots", s);
    /* \ldots = \mathinner{\ldotp\ldotp\ldotp}: thin spaces between the dots,
     * Ord-Inner and Inner-Ord thin spaces outside */
    near(b.width, adv(a) + ital(a) + 3 * adv(dot) + 2 * 3 * MU + 2 * 3 * MU + adv(bb) + ital(bb), TOL, "width", s);
    pd_tex_box_free(&b);

    s = "a \\le b \\ge c \\ne d \\approx e \\to \\infty \\times \\top";
    b = ts(s);
    check(b.item_count == 13, "13 symbols", s);
    pd_tex_box_free(&b);
}

/* The seed's five MathTex strings against Manim's boxes (scene units,
 * manim-reference-timeline.json). Step rows are VGroup(eq, caption) arranged
 * DOWN with buff 0.06; their captions are wider than the formulas, so only
 * the height is recoverable: row height - 0.06 - caption height (DejaVu Serif
 * at F=12, 0.1637 units for all four captions). */
static void test_seed(void)
{
    struct {
        const char *src;
        float F, w, h;
        uint32_t n;
    } seed[] = {
        {"\\operatorname{Attention}(Q,K,V)=\\operatorname{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)\\!V",
         36, 6.7030f, 0.9244f, 35},
        {"\\text{(1) } S = QK^\\top", 26, 0, 0.5332f - 0.06f - 0.1637f, 8},
        {"\\text{(2) } S \\mathbin{/} \\sqrt{d_k}", 26, 0, 0.5514f - 0.06f - 0.1637f, 9},
        {"\\text{(3) } \\operatorname{softmax}\\!\\left(S \\mathbin{/} \\sqrt{d_k}\\right)", 26, 0,
         0.7087f - 0.06f - 0.1637f, 18},
        {"\\text{(4) } \\operatorname{softmax}\\!\\left(S \\mathbin{/} \\sqrt{d_k}\\right) \\cdot V", 26, 0,
         0.7087f - 0.06f - 0.1637f, 20},
    };
    for (size_t i = 0; i < sizeof seed / sizeof seed[0]; i++) {
        pd_tex_box b = ts(seed[i].src);
        float unit = 0.0103777f * seed[i].F;
        float w = (b.ink_x1 - b.ink_x0) * unit, h = (b.ink_y1 - b.ink_y0) * unit;
        char msg[160];
        snprintf(msg, sizeof msg, "items %u, want %u", b.item_count, seed[i].n);
        check(b.item_count == seed[i].n, msg, seed[i].src);
        if (seed[i].w > 0) {
            snprintf(msg, sizeof msg, "width %.4f within 3%% of Manim's %.4f", w, seed[i].w);
            check(fabsf(w / seed[i].w - 1) <= 0.03f, msg, seed[i].src);
        }
        snprintf(msg, sizeof msg, "height %.4f within 3%% of Manim's %.4f", h, seed[i].h);
        check(fabsf(h / seed[i].h - 1) <= 0.03f, msg, seed[i].src);
        /* reading order: glyph pen positions never go backwards by more than
         * a script's width (sup before sub, num before den) */
        pd_tex_box_free(&b);
    }
}

/* Bad input: a clear message with the column; never a crash. */
static void test_errors(void)
{
    struct {
        const char *src, *msg;
    } cases[] = {
        {"\\frac{a}{b} + \\fracc{a}{b}", "tex: unknown command \\fracc at column 15"},
        {"x^", "tex: missing argument for ^ at column 3"},
        {"x^a^b", "tex: double superscript (use braces: x^{ab}) at column 4"},
        {"x_a_b", "tex: double subscript (use braces: x_{ab}) at column 4"},
        {"a}", "tex: unmatched } at column 2"},
        {"{a", "tex: missing } for this { at column 1"},
        {"\\frac{a}", "tex: missing argument for \\frac at column 9"},
        {"\\left( x", "tex: missing \\right for this \\left at column 1"},
        {"x \\right)", "tex: \\right without a matching \\left at column 3"},
        {"\\left x \\right)", "tex: 'x' is not a delimiter (use ( ) [ ] \\{ \\} | \\| \\langle \\rangle or .) after "
                              "\\left at column 7"},
        {"a & b", "tex: alignment '&' is not supported at column 3"},
        {"\\text{a $b$}", "tex: math inside \\text is not supported at column 9"},
        {"\\sqrt[3{x}", "tex: missing ] for this [ at column 6"},
        {"x\\", "tex: lone \\ at the end of the formula at column 2"},
        {"\\limits", "tex: \\limits must follow an operator at column 1"},
        {"a\xff", "tex: invalid UTF-8 at column 2"},
        {"\xce\xb1 + \xe4\xb8\xad", "tex: character U+4E2D is not in the math font at column 5"},
        {"a \\\\ b", "tex: line breaks (\\\\) are not supported in a formula at column 3"},
        {"\\text{\\foo}", "tex: unknown command \\foo inside \\text at column 7"},
        {"x''^2^3", "tex: double superscript (use braces: x^{ab}) at column 6"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pd_tex_box b = {0};
        pd_err err = {0};
        bool ok = pd_tex_typeset(fonts, cases[i].src, &b, &err);
        char msg[700];
        snprintf(msg, sizeof msg, "error message: got '%s', want '%s'", ok ? "(success)" : err.msg, cases[i].msg);
        check(!ok && strcmp(err.msg, cases[i].msg) == 0, msg, cases[i].src);
        check(b.items == NULL && b.item_count == 0, "no output on error", cases[i].src);
    }
    /* too deep */
    char deep[400];
    memset(deep, '{', 200);
    memset(deep + 200, '}', 199);
    deep[399] = 0;
    pd_tex_box b = {0};
    pd_err err = {0};
    check(!pd_tex_typeset(fonts, deep, &b, &err) && strstr(err.msg, "nested too deeply"), "deep nesting", "{{{...");
    check(!pd_tex_typeset(fonts, NULL, &b, &err) && strstr(err.msg, "NULL"), "NULL source", "NULL");
    /* empty input is an empty box */
    check(pd_tex_typeset(fonts, "", &b, &err) && b.item_count == 0 && b.width == 0, "empty formula", "");
    pd_tex_box_free(&b);
    check(pd_tex_typeset(fonts, "  {}  ", &b, &err) && b.item_count == 0, "empty group", "{}");
    pd_tex_box_free(&b);
}

int main(void)
{
    pd_err err = {0};
    if (!pd_fonts_load(&fonts, pd_assets_dir(), &err)) {
        fprintf(stderr, "test_tex: %s\n", err.msg);
        return 1;
    }
    hb = pd_font_hb(fonts, PD_FONT_MATH);
    if (pd_font_units_per_em(fonts, PD_FONT_MATH) != 1000) {
        fprintf(stderr, "test_tex: expected Latin Modern Math at 1000 units per em\n");
        return 1;
    }
    test_chars();
    test_spacing();
    test_fractions();
    test_scripts();
    test_radicals();
    test_delimiters();
    test_operators();
    test_text_and_dots();
    test_seed();
    test_errors();
    pd_fonts_unload(&fonts);
    printf("test_tex: %d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
