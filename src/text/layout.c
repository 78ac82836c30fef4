#include "text/layout.h"

#include <hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/vec.h"

/* manim: DEFAULT_FONT_SIZE */
#define DEFAULT_FONT_SIZE 48.0f
/* manim: line step 1.3F/4.8 pt at 96 dpi = 1.3F/96 units = 0.975 em (em = F/72) */
#define LINE_PITCH_EM 0.975

/* Decodes one UTF-8 sequence at s[*i] (strictly: no overlongs, surrogates or
 * values past U+10FFFF). Returns false on a malformed sequence. */
static bool utf8_next(const unsigned char *s, size_t len, size_t *i, uint32_t *cp)
{
    unsigned char c = s[*i];
    uint32_t v;
    size_t n;
    if (c < 0x80) {
        *cp = c;
        *i += 1;
        return true;
    } else if (c >= 0xC2 && c <= 0xDF) {
        v = c & 0x1Fu;
        n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        v = c & 0x0Fu;
        n = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
        v = c & 0x07u;
        n = 3;
    } else {
        return false;
    }
    if (*i + n >= len)
        return false;
    for (size_t k = 1; k <= n; k++) {
        unsigned char cc = s[*i + k];
        if ((cc & 0xC0) != 0x80)
            return false;
        v = (v << 6) | (cc & 0x3Fu);
    }
    if ((n == 2 && v < 0x800) || (n == 3 && (v < 0x10000 || v > 0x10FFFF)) || (v >= 0xD800 && v <= 0xDFFF))
        return false;
    *cp = v;
    *i += n + 1;
    return true;
}

/* Pango's per-character fallback, reduced to the fonts podium ships: the
 * Text font when it has the character, else DejaVu Math TeX Gyre (which is
 * what fontconfig picked for U+2713 on the reference machine). */
static pd_font_id font_for(const pd_fonts *fonts, pd_font_id primary, uint32_t cp)
{
    if (cp == ' ' || pd_font_has_codepoint(fonts, primary, cp) || !pd_font_has_codepoint(fonts, PD_FONT_FALLBACK, cp))
        return primary;
    return PD_FONT_FALLBACK;
}

/* Shapes bytes [rs, re) of the line [ls, le) with one font and appends the
 * visible glyphs; returns the pen advance in em. */
static double shape_run(pd_fonts *fonts, hb_buffer_t *buf, pd_font_id font, const char *str, size_t ls, size_t le,
                        size_t rs, size_t re, double pen_em, uint32_t line, double grid_em, pd_vec *out)
{
    hb_font_t *hb = pd_font_hb(fonts, font);
    double upem = (double)pd_font_units_per_em(fonts, font);
    hb_buffer_clear_contents(buf);
    /* the whole line is context, so shaping at run edges sees its neighbours */
    hb_buffer_add_utf8(buf, str + ls, (int)(le - ls), (unsigned)(rs - ls), (int)(re - rs));
    hb_buffer_guess_segment_properties(buf);
    hb_shape(hb, buf, NULL, 0); /* default features: kern, liga on */
    unsigned n = 0;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
    for (unsigned i = 0; i < n; i++) {
        const pd_outline *o = pd_font_outline(fonts, font, info[i].codepoint);
        if (o && !o->empty) {
            pd_layout_glyph *g = pd_vec_push(out, sizeof *g);
            g->font = font;
            g->glyph = info[i].codepoint;
            /* em units for now; scaled and centred by the caller */
            g->x = (float)(pen_em + pos[i].x_offset / upem);
            g->y = (float)(pos[i].y_offset / upem - line * LINE_PITCH_EM);
            g->ink_x0 = o->ink_x0;
            g->ink_y0 = o->ink_y0;
            g->ink_x1 = o->ink_x1;
            g->ink_y1 = o->ink_y1;
            g->line = line;
            g->cluster = (uint32_t)(ls + info[i].cluster);
        }
        double adv = pos[i].x_advance / upem;
        /* Pango's rounding, when asked for: each advance to a whole grid step, half up */
        pen_em += grid_em > 0 ? floor(adv / grid_em + 0.5) * grid_em : adv;
    }
    return pen_em;
}

bool pd_layout_text(pd_fonts *fonts, const pd_layout_desc *desc, pd_layout_run *out, pd_err *err)
{
    if (!out)
        return pd_err_set(err, "text layout: no output run given (pass a pd_layout_run to fill)");
    memset(out, 0, sizeof *out);
    if (!fonts || !desc || !desc->str)
        return pd_err_set(err, "text layout: no %s given (pass a loaded pd_fonts and a desc with .str set)",
                          !fonts  ? "fonts"
                          : !desc ? "desc"
                                  : "string");
    float fs = desc->font_size;
    if (!(fs >= 0.0f) || isinf(fs))
        return pd_err_set(err, "text layout: font_size %g for \"%.40s\" is invalid (use a positive size, or 0 for 48)",
                          (double)fs, desc->str);
    if (fs == 0.0f)
        fs = DEFAULT_FONT_SIZE;
    const char *str = desc->str;
    const unsigned char *us = (const unsigned char *)str;
    size_t len = strlen(str);
    uint32_t lines = 1;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t at = i;
        if (!utf8_next(us, len, &i, &cp))
            return pd_err_set(err, "text layout: invalid UTF-8 at byte %zu of \"%.40s\" (pass UTF-8 text)", at, str);
        lines += cp == '\n';
    }

    pd_font_id primary = desc->bold ? PD_FONT_SERIF_BOLD : PD_FONT_SERIF;
    /* manim: one SVG unit (0.05 scene units) is 3.6/F em */
    double grid_em = desc->pango_grid ? 3.6 / fs : 0.0;
    pd_vec glyphs = {0};
    hb_buffer_t *buf = hb_buffer_create();
    size_t ls = 0;
    for (uint32_t line = 0; line < lines; line++) {
        size_t le = ls;
        while (le < len && str[le] != '\n')
            le++;
        /* manim: every line is its own Pango layout, pen x back at START_X */
        double pen = 0.0;
        size_t rs = ls;
        pd_font_id run_font = primary;
        for (size_t i = ls; i < le;) {
            uint32_t cp;
            size_t at = i;
            utf8_next(us, len, &i, &cp); /* validated above */
            pd_font_id f = font_for(fonts, primary, cp);
            if (at == rs) {
                run_font = f;
            } else if (f != run_font) {
                pen = shape_run(fonts, buf, run_font, str, ls, le, rs, at, pen, line, grid_em, &glyphs);
                rs = at;
                run_font = f;
            }
        }
        if (rs < le)
            shape_run(fonts, buf, run_font, str, ls, le, rs, le, pen, line, grid_em, &glyphs);
        ls = le + 1;
    }
    hb_buffer_destroy(buf);

    float em = fs / 72.0f; /* manim: 1 em = F/72 units */
    pd_layout_glyph *g = glyphs.data;
    uint32_t n = (uint32_t)glyphs.len;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (uint32_t i = 0; i < n; i++) {
        g[i].em = em;
        g[i].x *= em;
        g[i].y *= em;
        g[i].ink_x0 = g[i].x + g[i].ink_x0 * em;
        g[i].ink_x1 = g[i].x + g[i].ink_x1 * em;
        g[i].ink_y0 = g[i].y + g[i].ink_y0 * em;
        g[i].ink_y1 = g[i].y + g[i].ink_y1 * em;
        x0 = i ? fminf(x0, g[i].ink_x0) : g[i].ink_x0;
        y0 = i ? fminf(y0, g[i].ink_y0) : g[i].ink_y0;
        x1 = i ? fmaxf(x1, g[i].ink_x1) : g[i].ink_x1;
        y1 = i ? fmaxf(y1, g[i].ink_y1) : g[i].ink_y1;
    }
    /* manim: SVGMobject centres the block on its anchor-point box */
    float cx = 0.5f * (x0 + x1), cy = 0.5f * (y0 + y1);
    for (uint32_t i = 0; i < n; i++) {
        g[i].x -= cx;
        g[i].ink_x0 -= cx;
        g[i].ink_x1 -= cx;
        g[i].y -= cy;
        g[i].ink_y0 -= cy;
        g[i].ink_y1 -= cy;
    }
    out->glyphs = g;
    out->glyph_count = n;
    out->line_count = lines;
    out->x0 = x0 - cx;
    out->x1 = x1 - cx;
    out->y0 = y0 - cy;
    out->y1 = y1 - cy;
    return true;
}

void pd_layout_run_free(pd_layout_run *run)
{
    if (!run)
        return;
    free(run->glyphs);
    memset(run, 0, sizeof *run);
}
