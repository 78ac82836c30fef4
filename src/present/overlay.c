#include "present/overlay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/color.h"
#include "present/keymap.h"
#include "scene/scene.h"
#include "text/layout.h"

/* cached text: laid out again only when its string changes */
typedef struct slot {
    char str[1024];
    float size;
    bool bold;
    bool valid;
    pd_layout_run run;
} slot;

enum {
    SLOT_SECTION,
    SLOT_STOP,
    SLOT_TIMER,
    SLOT_TOAST,
    SLOT_GOTO,
    SLOT_REC,
    SLOT_PV_TITLE,
    SLOT_PV_NEXT,
    SLOT_PV_NOTES,
    SLOT_PV_TIMER,
    SLOT_PV_CLOCK,
    SLOT_PV_STATE,
    SLOT_PV_NOW,
    SLOT_COUNT,
    HELP_MAX = 48,
};

struct pd_overlay {
    pd_fonts *fonts;
    slot slots[SLOT_COUNT];
    slot help[HELP_MAX];
    int help_count;
};

/* frame fractions (x right, y down) to scene units */
static float sx(double fx) { return (float)((fx - 0.5) * PD_FRAME_W); }
static float sy(double fy) { return (float)((0.5 - fy) * PD_FRAME_H); }

static bool slot_set(pd_overlay *o, slot *s, const char *str, float size, bool bold, pd_err *err)
{
    if (s->valid && s->size == size && s->bold == bold && strcmp(s->str, str) == 0)
        return true;
    if (s->valid)
        pd_layout_run_free(&s->run);
    s->valid = false;
    snprintf(s->str, sizeof s->str, "%s", str);
    s->size = size;
    s->bold = bold;
    if (!pd_layout_text(o->fonts, &(pd_layout_desc){.str = s->str, .font_size = size, .bold = bold}, &s->run, err))
        return false;
    s->valid = true;
    return true;
}

static float slot_width(const slot *s) { return s->valid ? s->run.x1 - s->run.x0 : 0; }

/* Draws s with its first baseline at y; align -1 left at x, 0 centred, +1 right. */
static bool slot_draw(pd_gfx *g, const slot *s, float x, float y, int align, pd_color c, pd_err *err)
{
    if (!s->valid || s->run.glyph_count == 0)
        return true;
    float ax = align < 0 ? x - s->run.x0 : align > 0 ? x - s->run.x1 : x;
    float ay = y - s->run.glyphs[0].y;
    return pd_gfx_text(g, &s->run, (pd_v2){ax, ay}, 0, c, err);
}

static bool text(pd_overlay *o, pd_gfx *g, int id, const char *str, float size, bool bold, float x, float y, int align,
                 pd_color c, pd_err *err)
{
    slot *s = &o->slots[id];
    return slot_set(o, s, str, size, bold, err) && slot_draw(g, s, x, y, align, c, err);
}

static void fmt_clock(char *buf, size_t cap, double secs)
{
    long s = secs < 0 ? 0 : (long)secs;
    if (s >= 3600)
        snprintf(buf, cap, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, cap, "%02ld:%02ld", s / 60, s % 60);
}

static void fmt_time_of_day(char *buf, size_t cap, double secs)
{
    long s = secs < 0 ? 0 : (long)secs % 86400;
    snprintf(buf, cap, "%02ld:%02ld", s / 3600, s / 60 % 60);
}

pd_overlay *pd_overlay_create(pd_fonts *fonts, pd_err *err)
{
    pd_overlay *o = calloc(1, sizeof *o);
    if (!o) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    o->fonts = fonts;
    int n = 0;
    const pd_key_binding *b = pd_key_bindings(&n);
    bool ok = slot_set(o, &o->help[o->help_count++], "Keys", 16, true, err);
    for (int i = 0; ok && i < n && o->help_count + 2 <= HELP_MAX; i++) {
        ok = slot_set(o, &o->help[o->help_count++], b[i].keys, 9, true, err) &&
             slot_set(o, &o->help[o->help_count++], b[i].what, 9, false, err);
    }
    if (!ok) {
        pd_overlay_destroy(&o);
        return NULL;
    }
    return o;
}

void pd_overlay_destroy(pd_overlay **op)
{
    pd_overlay *o = *op;
    if (!o)
        return;
    for (int i = 0; i < SLOT_COUNT; i++)
        if (o->slots[i].valid)
            pd_layout_run_free(&o->slots[i].run);
    for (int i = 0; i < o->help_count; i++)
        if (o->help[i].valid)
            pd_layout_run_free(&o->help[i].run);
    free(o);
    *op = NULL;
}

/* Panels (help, go-to, toasts) are opaque: the talk never shows through
 * the text a speaker is reading or typing. */
#define PANEL_FILL PD_HEX(0x202020)

static void panel(pd_gfx *g, double fx0, double fy0, double fx1, double fy1, pd_color fill)
{
    pd_gfx_rect(g, &(pd_draw_rect){.center = {sx((fx0 + fx1) / 2), sy((fy0 + fy1) / 2)},
                                   .size = {(float)((fx1 - fx0) * PD_FRAME_W), (float)((fy1 - fy0) * PD_FRAME_H)},
                                   .corner_radius = 0.06f,
                                   .fill = fill,
                                   .stroke = pd_color_alpha(PD_GRAY, fill.a),
                                   .stroke_width = 1});
}

/* The timeline: track, played part, section ticks, stop ticks, playhead. */
static void timeline(pd_gfx *g, const pd_presenter *p, double x0, double x1, double fy)
{
    double dur = pd_presenter_duration(p);
    double u = dur > 0 ? pd_presenter_t(p) / dur : 0;
    float y = sy(fy);
    pd_gfx_line(g, (pd_v2){sx(x0), y}, (pd_v2){sx(x1), y}, pd_color_alpha(PD_GRAY, 0.8f), 3);
    if (u > 0)
        pd_gfx_line(g, (pd_v2){sx(x0), y}, (pd_v2){sx(x0 + (x1 - x0) * u), y}, PD_BLUE, 4);
    for (int i = 1; i <= pd_presenter_stop_count(p) && dur > 0; i++) {
        double f = x0 + (x1 - x0) * pd_presenter_stop_t(p, i) / dur;
        pd_gfx_line(g, (pd_v2){sx(f), y - 0.035f}, (pd_v2){sx(f), y + 0.035f}, PD_LIGHT_GRAY, 1.5f);
    }
    for (int i = 0; i < pd_presenter_section_count(p) && dur > 0; i++) {
        double f = x0 + (x1 - x0) * pd_presenter_section_info(p, i)->t / dur;
        pd_gfx_line(g, (pd_v2){sx(f), y - 0.09f}, (pd_v2){sx(f), y + 0.09f}, PD_WHITE, 2.5f);
    }
    pd_gfx_rect(g, &(pd_draw_rect){.center = {sx(x0 + (x1 - x0) * u), y},
                                   .size = {0.12f, 0.12f},
                                   .corner_radius = 0.06f,
                                   .fill = PD_WHITE,
                                   .stroke = PD_BLUE,
                                   .stroke_width = 1.5f});
}

static bool draw_hud(pd_overlay *o, pd_gfx *g, const pd_presenter *p, const pd_overlay_info *info,
                     const pd_presenter_view *v, pd_err *err)
{
    pd_gfx_rect(g, &(pd_draw_rect){.center = {0, sy(0.95)},
                                   .size = {PD_FRAME_W + 0.1f, (float)(0.105 * PD_FRAME_H)},
                                   .fill = pd_color_alpha(PD_HEX(0x181818), 0.8f)});
    timeline(g, p, PD_HUD_BAR_X0, PD_HUD_BAR_X1, PD_HUD_BAR_Y);
    char buf[256], a[32], b[32];
    int sec = pd_presenter_section(p);
    const pd_section_info *si = pd_presenter_section_info(p, sec);
    if (si)
        snprintf(buf, sizeof buf, "%d  %s", sec + 1, si->title ? si->title : "");
    else
        snprintf(buf, sizeof buf, "%s", "");
    float base = sy(0.982);
    if (!text(o, g, SLOT_SECTION, buf, 10, false, sx(PD_HUD_BAR_X0), base, -1, PD_WHITE, err))
        return false;
    char title[96];
    int stop = pd_presenter_stop(p);
    bool titled = pd_presenter_stop_title(p, stop, title, sizeof title) > 0;
    snprintf(buf, sizeof buf, "stop %d/%d%s%s  %s", stop, pd_presenter_stop_count(p), titled ? "  " : "",
             titled ? title : "", pd_play_mode_name(pd_presenter_mode(p)));
    if (!text(o, g, SLOT_STOP, buf, 10, false, 0, base, 0, PD_LIGHT_GRAY, err))
        return false;
    fmt_clock(a, sizeof a, v->elapsed_s);
    fmt_time_of_day(b, sizeof b, info ? info->clock_s : 0);
    snprintf(buf, sizeof buf, "%s    %s", a, b);
    return text(o, g, SLOT_TIMER, buf, 10, false, sx(PD_HUD_BAR_X1), base, 1, PD_WHITE, err);
}

static bool draw_help(pd_overlay *o, pd_gfx *g, pd_err *err)
{
    int rows = (o->help_count - 1) / 2;
    double row_h = 0.036, top = 0.5 - (rows * row_h + 0.08) / 2;
    panel(g, 0.12, top - 0.03, 0.88, top + 0.08 + rows * row_h + 0.02, PANEL_FILL);
    if (!slot_draw(g, &o->help[0], 0, sy(top + 0.035), 0, PD_YELLOW, err))
        return false;
    for (int r = 0; r < rows; r++) {
        float y = sy(top + 0.085 + r * row_h);
        if (!slot_draw(g, &o->help[1 + 2 * r], sx(0.15), y, -1, PD_BLUE, err) ||
            !slot_draw(g, &o->help[2 + 2 * r], sx(0.47), y, -1, PD_WHITE, err))
            return false;
    }
    return true;
}

bool pd_overlay_draw(pd_overlay *o, pd_gfx *g, const pd_presenter *p, const pd_overlay_info *info, pd_err *err)
{
    pd_presenter_view v = pd_presenter_get_view(p);
    if (v.blackout || v.white) {
        pd_gfx_rect(g, &(pd_draw_rect){.center = {0, 0},
                                       .size = {PD_FRAME_W + 0.1f, PD_FRAME_H + 0.1f},
                                       .fill = v.white ? PD_WHITE : PD_BLACK});
    } else if (v.hud && !draw_hud(o, g, p, info, &v, err)) {
        return false;
    }
    if (info && info->recording) {
        /* REC: on screen, never in the recording (it is drawn here only) */
        pd_gfx_rect(g,
                    &(pd_draw_rect){
                        .center = {sx(0.03), sy(0.045)}, .size = {0.2f, 0.2f}, .corner_radius = 0.1f, .fill = PD_RED});
        char buf[64], a[32];
        fmt_clock(a, sizeof a, info->recording_s);
        snprintf(buf, sizeof buf, "REC %s", a);
        if (!text(o, g, SLOT_REC, buf, 10, true, sx(0.045), sy(0.055), -1, PD_RED, err))
            return false;
    }
    if (v.goto_active) {
        char buf[64];
        snprintf(buf, sizeof buf, "go to stop: %s_", v.goto_digits);
        panel(g, 0.36, 0.44, 0.64, 0.56, PANEL_FILL);
        if (!text(o, g, SLOT_GOTO, buf, 16, false, 0, sy(0.515), 0, PD_YELLOW, err))
            return false;
    }
    if (v.help && !draw_help(o, g, err))
        return false;
    if (v.toast) {
        slot *s = &o->slots[SLOT_TOAST];
        if (!slot_set(o, s, v.toast, 10, false, err))
            return false;
        double half = slot_width(s) / PD_FRAME_W / 2 + 0.015;
        /* above the HUD, below the talk's titles */
        panel(g, 0.5 - half, 0.815, 0.5 + half, 0.87, PANEL_FILL);
        if (!slot_draw(g, s, 0, sy(0.852), 0, PD_WHITE, err))
            return false;
    }
    return true;
}

/* Copies text into buf with line breaks at about `cols` characters. */
static void wrap(char *buf, size_t cap, const char *text, int cols)
{
    size_t n = 0;
    int col = 0;
    const char *s = text;
    while (*s && n + 2 < cap) {
        const char *w = s;
        while (*w && *w != ' ' && *w != '\n')
            w++;
        int len = (int)(w - s);
        if (col > 0 && col + 1 + len > cols) {
            buf[n++] = '\n';
            col = 0;
        } else if (col > 0) {
            buf[n++] = ' ';
            col++;
        }
        for (int i = 0; i < len && n + 2 < cap; i++)
            buf[n++] = s[i];
        col += len;
        s = w;
        if (*s == '\n') {
            buf[n++] = '\n';
            col = 0;
        }
        while (*s == ' ' || *s == '\n')
            s++;
    }
    buf[n] = 0;
}

bool pd_overlay_draw_presenter_view(pd_overlay *o, pd_gfx *g, const pd_gfx_pass *pass, const pd_gfx_scene *talk,
                                    const pd_presenter *p, const pd_overlay_info *info, pd_err *err)
{
    pd_presenter_view v = pd_presenter_get_view(p);
    char buf[1024], a[32], b[32];
    /* pass 1: the text of the view over a dark page */
    pd_gfx_begin(g, pass);
    pd_viewport vp = pd_gfx_viewport(g);
    pd_gfx_rect(
        g, &(pd_draw_rect){.center = {0, 0}, .size = {PD_FRAME_W + 0.1f, PD_FRAME_H + 0.1f}, .fill = PD_HEX(0x1A1A1A)});
    int sec = pd_presenter_section(p);
    const pd_section_info *si = pd_presenter_section_info(p, sec);
    int stop = pd_presenter_stop(p);
    char title[128];
    pd_presenter_stop_title(p, stop, title, sizeof title);
    snprintf(buf, sizeof buf, "stop %d/%d   %s%s", stop, pd_presenter_stop_count(p), title,
             v.blackout ? "   [black screen]"
             : v.white  ? "   [white screen]"
                        : "");
    if (!text(o, g, SLOT_PV_TITLE, buf, 12, true, sx(0.02), sy(0.05), -1, PD_WHITE, err))
        return false;
    snprintf(buf, sizeof buf, "now%s%s", si && si->title ? "   \xc2\xb7   " : "", si && si->title ? si->title : "");
    if (!text(o, g, SLOT_PV_NOW, buf, 10, false, sx(0.02), sy(0.1), -1, PD_GRAY, err))
        return false;
    double next_t = pd_presenter_next_t(p);
    bool has_next = next_t > pd_presenter_t(p) + 1e-6 || pd_presenter_mode(p) == PD_MODE_PLAYING;
    if (!text(o, g, SLOT_PV_NEXT, has_next ? "next stop" : "end of the talk", 10, false, sx(0.655), sy(0.1), -1,
              PD_GRAY, err))
        return false;
    const char *note = pd_presenter_note(p);
    wrap(buf, sizeof buf, note && *note ? note : "(no note)", 46);
    if (!text(o, g, SLOT_PV_NOTES, buf, 11, false, sx(0.655), sy(0.49), -1, PD_WHITE, err))
        return false;
    fmt_clock(a, sizeof a, v.elapsed_s);
    if (!text(o, g, SLOT_PV_TIMER, a, 30, true, sx(0.02), sy(0.93), -1, PD_YELLOW, err))
        return false;
    fmt_time_of_day(b, sizeof b, info ? info->clock_s : 0);
    if (!text(o, g, SLOT_PV_CLOCK, b, 30, false, sx(0.62), sy(0.93), 1, PD_WHITE, err))
        return false;
    snprintf(buf, sizeof buf, "%s   t=%.2f s%s", pd_play_mode_name(pd_presenter_mode(p)), pd_presenter_t(p),
             info && info->recording ? "   REC" : "");
    if (!text(o, g, SLOT_PV_STATE, buf, 10, false, sx(0.98), sy(0.93), 1,
              info && info->recording ? PD_RED : PD_LIGHT_GRAY, err))
        return false;
    timeline(g, p, 0.02, 0.98, 0.80);
    if (v.toast && !text(o, g, SLOT_TOAST, v.toast, 10, false, sx(0.98), sy(0.05), 1, PD_YELLOW, err))
        return false;
    pd_gfx_end(g);

    /* pass 2 and 3: the frames, as the audience sees them (without overlays) */
    int cx = vp.x + (int)(0.02 * vp.w), cw = (int)(0.61 * vp.w);
    int ch = cw * 9 / 16, cy = vp.y + vp.h - (int)(0.12 * vp.h) - ch;
    pd_gfx_begin(g, &(pd_gfx_pass){.target = pass->target, .rect = {cx, cy, cw, ch}});
    if (talk)
        pd_gfx_scene_draw(g, talk, pd_presenter_t(p));
    pd_gfx_end(g);
    int nx = vp.x + (int)(0.655 * vp.w), nw = (int)(0.325 * vp.w);
    int nh = nw * 9 / 16, ny = vp.y + vp.h - (int)(0.12 * vp.h) - nh;
    pd_gfx_begin(g, &(pd_gfx_pass){.target = pass->target, .rect = {nx, ny, nw, nh}});
    if (talk && has_next)
        pd_gfx_scene_draw(g, talk, next_t);
    pd_gfx_end(g);
    return true;
}
