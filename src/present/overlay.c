#include "present/overlay.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/color.h"
#include "present/keymap.h"
#include "present/overview.h"
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
    SLOT_PV_NOTES_LABEL,
    SLOT_PV_REMAIN,
    SLOT_REMAIN,
    SLOT_ELAPSED,
    SLOT_START_TITLE,
    SLOT_START_HINT,
    SLOT_OV_TITLE,
    SLOT_COUNT,
    HELP_MAX = 64,
};

/* what the pen layer shows: valid while all of it holds */
typedef struct layer_key {
    unsigned generation;
    int stop, w, h;
    double zoom, cx, cy;
} layer_key;

struct pd_overlay {
    pd_fonts *fonts;
    slot slots[SLOT_COUNT];
    slot help[HELP_MAX];
    int help_count;
    /* the overview's captions (one per stop) and section titles, made when it first opens */
    slot *captions, *heads;
    int caption_count, head_count;
    pd_vec pen_pts; /* pd_v2: a stroke in scene units, kept between frames */
    /* the finished strokes of the current stop, drawn once (pd_overlay_prepare) */
    pd_gfx_target *pen_layer;
    bool layer_ok;
    layer_key key;
    int layer_min_points;
};

/* The pen's palette (PD_PEN_COLORS, in the presenter's order) */
static const pd_color PEN_COLORS[PD_PEN_COLORS] = {PD_RED, PD_YELLOW, PD_GREEN, PD_BLUE, PD_WHITE};
#define PEN_WIDTH 5.0f
/* the spotlight's clear circle, scene units; the dimming outside it */
#define SPOTLIGHT_R 1.25f
#define SPOTLIGHT_DIM 0.75f
#define LASER_R 0.075f

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

/* Cuts s (UTF-8, in a buffer of cap bytes) to at most max characters, the
 * last an ellipsis when it was longer: titles in a fixed width. */
static void clip_chars(char *s, size_t cap, int max)
{
    int n = 0;
    size_t i = 0, cut = 0;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == max - 1)
                cut = i;
            if (++n > max)
                break;
        }
    if (n > max && cut + 4 <= cap)
        snprintf(s + cut, cap - cut, "\xe2\x80\xa6");
}

/* "12:34 left", or "+01:05 over" past the planned end */
static void fmt_remaining(char *buf, size_t cap, double secs)
{
    char t[32];
    fmt_clock(t, sizeof t, fabs(secs));
    snprintf(buf, cap, secs >= 0 ? "%s left" : "+%s over", t);
}

/* the time left's colour: ahead blue, on time green, behind red */
static pd_color pace_color(pd_pace pace)
{
    return pace == PD_PACE_AHEAD ? PD_BLUE : pace == PD_PACE_BEHIND ? PD_RED : PD_GREEN;
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
    o->layer_min_points = PD_PEN_LAYER_MIN_POINTS;
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
    for (int i = 0; i < o->caption_count; i++)
        if (o->captions[i].valid)
            pd_layout_run_free(&o->captions[i].run);
    for (int i = 0; i < o->head_count; i++)
        if (o->heads[i].valid)
            pd_layout_run_free(&o->heads[i].run);
    free(o->captions);
    free(o->heads);
    pd_vec_free(&o->pen_pts);
    /* the layer's target goes with the gfx it was made on (pd_overlay_release_gpu) */
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
    char title[96], zoom[32] = "";
    int stop = pd_presenter_stop(p);
    bool titled = pd_presenter_stop_title(p, stop, title, sizeof title) > 0;
    clip_chars(title, sizeof title, 44);
    if (v->zoom > 1)
        snprintf(zoom, sizeof zoom, "  %.3gx", v->zoom);
    snprintf(buf, sizeof buf, "stop %d/%d%s%s  %s%s%s", stop, pd_presenter_stop_count(p), titled ? "  " : "",
             titled ? title : "", v->looping ? "looping" : pd_play_mode_name(pd_presenter_mode(p)), zoom,
             v->frozen ? "  frozen" : "");
    if (!text(o, g, SLOT_STOP, buf, 10, false, 0, base, 0, PD_LIGHT_GRAY, err))
        return false;
    /* right to left: clock, time left (coloured by pace), elapsed */
    fmt_clock(a, sizeof a, v->elapsed_s);
    fmt_time_of_day(b, sizeof b, info ? info->clock_s : 0);
    snprintf(buf, sizeof buf, "%s    %s", a, b);
    if (v->pace == PD_PACE_NONE)
        return text(o, g, SLOT_TIMER, buf, 10, false, sx(PD_HUD_BAR_X1), base, 1, PD_WHITE, err);
    if (!text(o, g, SLOT_TIMER, b, 10, false, sx(PD_HUD_BAR_X1), base, 1, PD_WHITE, err))
        return false;
    float x = sx(PD_HUD_BAR_X1) - slot_width(&o->slots[SLOT_TIMER]) - 0.35f;
    fmt_remaining(buf, sizeof buf, v->remaining_s);
    if (!text(o, g, SLOT_REMAIN, buf, 10, true, x, base, 1, pace_color(v->pace), err))
        return false;
    x -= slot_width(&o->slots[SLOT_REMAIN]) + 0.35f;
    return text(o, g, SLOT_ELAPSED, a, 10, false, x, base, 1, PD_WHITE, err);
}

static bool draw_help(pd_overlay *o, pd_gfx *g, pd_err *err)
{
    int rows = (o->help_count - 1) / 2;
    double row_h = fmin(0.036, 0.84 / (rows > 0 ? rows : 1)), top = 0.5 - (rows * row_h + 0.08) / 2;
    panel(g, 0.08, top - 0.03, 0.92, top + 0.08 + rows * row_h + 0.02, PANEL_FILL);
    if (!slot_draw(g, &o->help[0], 0, sy(top + 0.035), 0, PD_YELLOW, err))
        return false;
    for (int r = 0; r < rows; r++) {
        float y = sy(top + 0.085 + r * row_h);
        if (!slot_draw(g, &o->help[1 + 2 * r], sx(0.11), y, -1, PD_BLUE, err) ||
            !slot_draw(g, &o->help[2 + 2 * r], sx(0.43), y, -1, PD_WHITE, err))
            return false;
    }
    return true;
}

/* One stroke; zoom > 1 maps the talk's fractions through the zoom about
 * (cx, cy) as the talk under it was drawn. */
static void draw_stroke(pd_overlay *o, pd_gfx *g, const pd_pen_stroke *st, const pd_v2 *pts, double zoom, double cx,
                        double cy)
{
    if (st->count < 2)
        return;
    if (zoom < 1)
        zoom = 1;
    pd_vec_reserve(&o->pen_pts, sizeof(pd_v2), st->count);
    pd_v2 *q = o->pen_pts.data;
    for (uint32_t k = 0; k < st->count; k++) {
        pd_v2 f = pts[st->first + k];
        q[k] = (pd_v2){sx((f.x - cx) * zoom + 0.5), sy((f.y - cy) * zoom + 0.5)};
    }
    int c = st->color >= 0 && st->color < PD_PEN_COLORS ? st->color : 0;
    pd_gfx_polyline(
        g, &(pd_draw_polyline){
               .points = q, .count = st->count, .color = PEN_COLORS[c], .stroke_width = PEN_WIDTH * (float)zoom});
}

static layer_key key_of(const pd_presenter_view *v, int stop, int w, int h)
{
    return (layer_key){.generation = v->pen_generation,
                       .stop = stop,
                       .w = w,
                       .h = h,
                       .zoom = v->zoom,
                       .cx = v->zoom_cx,
                       .cy = v->zoom_cy};
}

static bool same_key(layer_key a, layer_key b)
{
    return a.generation == b.generation && a.stop == b.stop && a.w == b.w && a.h == b.h && a.zoom == b.zoom &&
           a.cx == b.cx && a.cy == b.cy;
}

/* The current stop's strokes: the finished ones from the layer when it is
 * up to date (use_layer), else one by one; the one being drawn always live. */
static void draw_strokes(pd_overlay *o, pd_gfx *g, const pd_presenter *p, double zoom, double cx, double cy,
                         bool use_layer)
{
    int count = 0, stop = pd_presenter_stop(p);
    const pd_v2 *pts = NULL;
    const pd_pen_stroke *st = pd_presenter_strokes(p, &count, &pts);
    pd_presenter_view v = pd_presenter_get_view(p);
    int live = v.drawing ? count - 1 : count; /* strokes before it are finished */
    pd_viewport vp = pd_gfx_viewport(g);
    bool layered = use_layer && o->layer_ok && same_key(o->key, key_of(&v, stop, vp.w, vp.h));
    if (layered)
        pd_gfx_image(g, o->pen_layer, (pd_v2){0, 0}, (pd_v2){PD_FRAME_W, PD_FRAME_H});
    for (int i = layered ? live : 0; i < count; i++)
        if (st[i].stop == stop)
            draw_stroke(o, g, &st[i], pts, zoom, cx, cy);
}

bool pd_overlay_prepare(pd_overlay *o, pd_gfx *g, const pd_presenter *p, const pd_gfx_pass *pass, pd_err *err)
{
    pd_presenter_view v = pd_presenter_get_view(p);
    int count = 0, stop = pd_presenter_stop(p), finished = 0;
    long points = 0;
    const pd_v2 *pts = NULL;
    const pd_pen_stroke *st = pd_presenter_strokes(p, &count, &pts);
    int live = v.drawing ? count - 1 : count;
    for (int i = 0; i < live; i++)
        if (st[i].stop == stop) {
            finished++;
            points += st[i].count;
        }
    pd_viewport vp = pd_gfx_pass_viewport(pass);
    layer_key key = key_of(&v, stop, vp.w, vp.h);
    if (finished == 0 || points < o->layer_min_points || vp.w <= 0 || vp.h <= 0) {
        o->layer_ok = false; /* nothing to hold: strokes (if any) are drawn live */
        return true;
    }
    if (o->layer_ok && same_key(o->key, key))
        return true;
    o->layer_ok = false;
    if (o->pen_layer && (pd_gfx_target_width(o->pen_layer) != vp.w || pd_gfx_target_height(o->pen_layer) != vp.h))
        pd_gfx_target_destroy(g, &o->pen_layer);
    if (!o->pen_layer && !(o->pen_layer = pd_gfx_target_create(g, vp.w, vp.h, err)))
        return false;
    pd_gfx_begin(g, &(pd_gfx_pass){.target = o->pen_layer, .transparent = true});
    for (int i = 0; i < live; i++)
        if (st[i].stop == stop)
            draw_stroke(o, g, &st[i], pts, v.zoom, v.zoom_cx, v.zoom_cy);
    pd_gfx_end(g);
    o->key = key;
    o->layer_ok = true;
    return true;
}

void pd_overlay_set_pen_layer_min(pd_overlay *o, int points) { o->layer_min_points = points > 0 ? points : 0; }

void pd_overlay_release_gpu(pd_overlay *o, pd_gfx *g)
{
    pd_gfx_target_destroy(g, &o->pen_layer);
    o->layer_ok = false;
}

void pd_overlay_audience_pass(const pd_presenter *p, pd_gfx_pass *pass)
{
    pd_presenter_view v = pd_presenter_get_view(p);
    pass->zoom = v.zoom > 1 ? (float)v.zoom : 0;
    pass->zoom_center = v.zoom > 1 ? (pd_v2){sx(v.zoom_cx), sy(v.zoom_cy)} : (pd_v2){0, 0};
}

void pd_overlay_draw_annotations(pd_overlay *o, pd_gfx *g, const pd_presenter *p)
{
    pd_presenter_view v = pd_presenter_get_view(p);
    draw_strokes(o, g, p, v.zoom, v.zoom_cx, v.zoom_cy, true);
}

/* Everything but a circle around (x, y) dimmed: one circle whose stroke
 * reaches past the frame's corners. Its quad is clipped to the frame, so it
 * shades each pixel once, as four rectangles around a square would, but
 * with one exact anti-aliased edge and no seams where pieces meet. */
static void draw_spotlight(pd_gfx *g, float x, float y)
{
    float reach = hypotf(fabsf(x) + PD_FRAME_W / 2, fabsf(y) + PD_FRAME_H / 2) - SPOTLIGHT_R + 0.1f;
    float w = reach / PD_STROKE_UNIT; /* Manim stroke width: units / 0.01 */
    float d = 2 * SPOTLIGHT_R + reach;
    pd_gfx_rect(g, &(pd_draw_rect){.center = {x, y},
                                   .size = {d, d},
                                   .corner_radius = d / 2,
                                   .stroke = pd_color_alpha(PD_BLACK, SPOTLIGHT_DIM),
                                   .stroke_width = w});
}

static void draw_laser(pd_gfx *g, float x, float y, float scale)
{
    float r = LASER_R * scale;
    pd_gfx_rect(g, &(pd_draw_rect){.center = {x, y},
                                   .size = {4 * r, 4 * r},
                                   .corner_radius = 2 * r,
                                   .fill = pd_color_alpha(PD_RED, 0.25f)});
    pd_gfx_rect(g, &(pd_draw_rect){.center = {x, y},
                                   .size = {2 * r, 2 * r},
                                   .corner_radius = r,
                                   .fill = PD_HEX(0xFF2020),
                                   .stroke = pd_color_alpha(PD_WHITE, 0.8f),
                                   .stroke_width = 1.5f * scale});
}

static bool draw_start_screen(pd_overlay *o, pd_gfx *g, const pd_presenter_view *v, pd_err *err)
{
    const char *title = v->title && *v->title ? v->title : "podium";
    slot *t = &o->slots[SLOT_START_TITLE];
    if (!slot_set(o, t, title, 30, true, err))
        return false;
    double half = fmax(slot_width(t) / PD_FRAME_W / 2 + 0.04, 0.25);
    panel(g, 0.5 - half, 0.36, 0.5 + half, 0.64, PANEL_FILL);
    return slot_draw(g, t, 0, sy(0.48), 0, PD_WHITE, err) &&
           text(o, g, SLOT_START_HINT, "press \xe2\x86\x92 to start, ? for keys", 11, false, 0, sy(0.585), 0,
                PD_LIGHT_GRAY, err);
}

/* grows an array of slots to n (the overview's captions and heads: once per talk size) */
static bool slots_reserve(slot **arr, int *count, int n, pd_err *err)
{
    if (n <= *count)
        return true;
    slot *a = realloc(*arr, (size_t)n * sizeof *a);
    if (!a)
        return pd_err_set(err, "out of memory");
    memset(a + *count, 0, (size_t)(n - *count) * sizeof *a);
    *arr = a;
    *count = n;
    return true;
}

#define OVERVIEW_FILL PD_HEX(0x141414)

/* a cell of the grid in pixels of a w x h frame (origin bottom-left) */
static pd_viewport cell_px(const pd_overview_cell *c, int w, int h)
{
    int x0 = (int)lround(c->x * w), x1 = (int)lround((c->x + c->w) * w);
    int y0 = (int)lround(c->y * h), y1 = (int)lround((c->y + c->h) * h);
    return (pd_viewport){x0, h - y1, x1 - x0, y1 - y0};
}

static bool draw_overview(pd_overlay *o, pd_gfx *g, const pd_presenter *p, const pd_overview_thumbs *thumbs,
                          const pd_presenter_view *v, pd_err *err)
{
    const pd_timeline *tl = pd_presenter_timeline(p);
    const pd_overview_grid *grid = pd_presenter_overview_grid(p);
    int n = grid->stop_count, current = pd_presenter_stop(p);
    bool baked = thumbs && thumbs->sheet && thumbs->count == n;
    if (baked) /* the background and every thumbnail in one copy */
        pd_gfx_blit(g, thumbs->sheet, (pd_viewport){0, 0, thumbs->width, thumbs->height}, (pd_v2){0, 0},
                    (pd_v2){PD_FRAME_W, PD_FRAME_H});
    else
        pd_gfx_rect(g, &(pd_draw_rect){
                           .center = {0, 0}, .size = {PD_FRAME_W + 0.1f, PD_FRAME_H + 0.1f}, .fill = OVERVIEW_FILL});
    char buf[256];
    snprintf(buf, sizeof buf,
             "Overview: %d stops   \xe2\x86\x90\xe2\x86\x92\xe2\x86\x91\xe2\x86\x93 or the "
             "mouse select, Enter goes, Esc returns",
             n);
    if (!text(o, g, SLOT_OV_TITLE, buf, 10, false, sx(grid->left), sy(0.05), -1, PD_LIGHT_GRAY, err) ||
        !slots_reserve(&o->captions, &o->caption_count, n, err) ||
        !slots_reserve(&o->heads, &o->head_count, grid->bands, err))
        return false;
    for (int k = 1; k <= n; k++) {
        pd_overview_cell c = pd_overview_cell_of(grid, tl, k);
        pd_v2 centre = {sx(c.x + c.w / 2), sy(c.y + c.h / 2)},
              size = {(float)(c.w * PD_FRAME_W), (float)(c.h * PD_FRAME_H)};
        bool sel = k == v->overview_selected, cur = k == current;
        pd_gfx_rect(g, &(pd_draw_rect){.center = centre,
                                       .size = size,
                                       .fill = baked ? PD_RGBA(0, 0, 0, 0) : PD_BLACK,
                                       .stroke = sel   ? PD_YELLOW
                                                 : cur ? PD_BLUE
                                                       : PD_DARK_GRAY,
                                       .stroke_width = sel || cur ? 4.0f : 1.0f});
        if (c.band_first) {
            int s = tl->stops[k - 1].section;
            const pd_section_info *si = pd_presenter_section_info(p, s);
            snprintf(buf, sizeof buf, "%d  %s", s + 1, si && si->title ? si->title : "");
            if (!slot_set(o, &o->heads[c.band], buf, 10, true, err) ||
                !slot_draw(g, &o->heads[c.band], sx(c.x), sy(c.head_y), -1, PD_WHITE, err))
                return false;
        }
        char title[96];
        pd_presenter_stop_title(p, k, title, sizeof title);
        snprintf(buf, sizeof buf, "%d  %s", k, title);
        /* cut the caption to its cell: about 0.0042 frame widths a character at size 7 */
        clip_chars(buf, sizeof buf, (int)(c.w / 0.0042));
        if (!slot_set(o, &o->captions[k - 1], buf, 7, sel, err) ||
            !slot_draw(g, &o->captions[k - 1], sx(c.x), sy(c.y + c.h + PD_OVERVIEW_CAPTION_H * 0.7), -1,
                       sel   ? PD_YELLOW
                       : cur ? PD_BLUE
                             : PD_LIGHT_GRAY,
                       err))
            return false;
    }
    return true;
}

bool pd_overview_thumbs_render(pd_gfx *g, const pd_gfx_scene *talk, const pd_presenter *p, int width, int height,
                               pd_overview_thumbs *out, pd_err *err)
{
    *out = (pd_overview_thumbs){0};
    const pd_timeline *tl = pd_presenter_timeline(p);
    const pd_overview_grid *grid = pd_presenter_overview_grid(p);
    pd_gfx_target *sheet = pd_gfx_target_create(g, width, height, err);
    if (!sheet)
        return false;
    *out = (pd_overview_thumbs){.sheet = sheet, .width = width, .height = height, .count = grid->stop_count};
    pd_gfx_begin(g, &(pd_gfx_pass){.target = sheet});
    pd_gfx_rect(
        g, &(pd_draw_rect){.center = {0, 0}, .size = {PD_FRAME_W + 0.1f, PD_FRAME_H + 0.1f}, .fill = OVERVIEW_FILL});
    pd_gfx_end(g);
    for (int k = 1; k <= grid->stop_count; k++) {
        pd_overview_cell c = pd_overview_cell_of(grid, tl, k);
        pd_gfx_begin(g, &(pd_gfx_pass){.target = sheet, .rect = cell_px(&c, width, height)});
        pd_gfx_scene_draw(g, talk, pd_timeline_stop_t(tl, (uint32_t)k));
        pd_gfx_end(g);
    }
    return true;
}

void pd_overview_thumbs_release(pd_gfx *g, pd_overview_thumbs *t)
{
    pd_gfx_target_destroy(g, &t->sheet);
    *t = (pd_overview_thumbs){0};
}

bool pd_overlay_draw(pd_overlay *o, pd_gfx *g, const pd_presenter *p, const pd_overlay_info *info, pd_err *err)
{
    pd_presenter_view v = pd_presenter_get_view(p);
    if (v.blackout || v.white) {
        pd_gfx_rect(g, &(pd_draw_rect){.center = {0, 0},
                                       .size = {PD_FRAME_W + 0.1f, PD_FRAME_H + 0.1f},
                                       .fill = v.white ? PD_WHITE : PD_BLACK});
    } else {
        draw_strokes(o, g, p, v.zoom, v.zoom_cx, v.zoom_cy, true);
        float px = sx(fmin(fmax(v.pointer_x, 0), 1)), py = sy(fmin(fmax(v.pointer_y, 0), 1));
        if (v.spotlight)
            draw_spotlight(g, px, py);
        if (v.laser)
            draw_laser(g, px, py, 1);
        if (v.hud && !draw_hud(o, g, p, info, &v, err))
            return false;
        if (v.pen)
            /* the pen's colour, small in the top-right corner, while it is on */
            pd_gfx_rect(g, &(pd_draw_rect){.center = {sx(0.982), sy(0.032)},
                                           .size = {0.16f, 0.16f},
                                           .corner_radius = 0.08f,
                                           .fill = PEN_COLORS[v.pen_color % PD_PEN_COLORS],
                                           .stroke = PD_WHITE,
                                           .stroke_width = 1});
    }
    if (v.start_screen && !draw_start_screen(o, g, &v, err))
        return false;
    if (v.overview && !draw_overview(o, g, p, info ? info->thumbs : NULL, &v, err))
        return false;
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
    clip_chars(title, sizeof title, 70);
    snprintf(buf, sizeof buf, "stop %d/%d   %s%s%s", stop, pd_presenter_stop_count(p), title,
             v.blackout ? "   [black screen]"
             : v.white  ? "   [white screen]"
                        : "",
             v.frozen ? "   [audience frozen]" : "");
    if (!text(o, g, SLOT_PV_TITLE, buf, 12, true, sx(0.02), sy(0.05), -1, PD_WHITE, err))
        return false;
    snprintf(buf, sizeof buf, "now%s%s", si && si->title ? "   \xc2\xb7   " : "", si && si->title ? si->title : "");
    if (!text(o, g, SLOT_PV_NOW, buf, 10, false, sx(0.02), sy(0.1), -1, PD_GRAY, err))
        return false;
    double next_t = pd_presenter_next_t(p);
    bool has_next = next_t > pd_presenter_t(p) + 1e-6 || pd_presenter_mode(p) == PD_MODE_PLAYING;
    int next_stop = has_next ? (int)pd_timeline_stop_at(pd_presenter_timeline(p), next_t) : 0;
    if (fabs(pd_presenter_stop_t(p, next_stop) - next_t) > 1e-6)
        next_stop = 0; /* the talk's end, after its last stop */
    pd_presenter_stop_title(p, next_stop, title, sizeof title);
    clip_chars(title, sizeof title, 36);
    snprintf(buf, sizeof buf, "%s%s%s", has_next ? "next stop" : "end of the talk", next_stop && title[0] ? ":  " : "",
             next_stop ? title : "");
    if (!text(o, g, SLOT_PV_NEXT, buf, 10, false, sx(0.655), sy(0.1), -1, PD_GRAY, err))
        return false;
    if (!text(o, g, SLOT_PV_NOTES_LABEL, "notes", 10, false, sx(0.655), sy(0.48), -1, PD_GRAY, err))
        return false;
    /* the note of the stop shown now (the speaker reads it while there) */
    const char *note = pd_presenter_stop_note(p, stop);
    wrap(buf, sizeof buf, note && *note ? note : "(no note)", 46);
    if (!text(o, g, SLOT_PV_NOTES, buf, 11, false, sx(0.655), sy(0.52), -1, PD_WHITE, err))
        return false;
    fmt_clock(a, sizeof a, v.elapsed_s);
    if (!text(o, g, SLOT_PV_TIMER, a, 30, true, sx(0.02), sy(0.93), -1, PD_YELLOW, err))
        return false;
    if (v.pace != PD_PACE_NONE) {
        fmt_remaining(buf, sizeof buf, v.remaining_s);
        float x = sx(0.02) + slot_width(&o->slots[SLOT_PV_TIMER]) + 0.5f;
        if (!text(o, g, SLOT_PV_REMAIN, buf, 18, true, x, sy(0.93), -1, pace_color(v.pace), err))
            return false;
    }
    fmt_time_of_day(b, sizeof b, info ? info->clock_s : 0);
    if (!text(o, g, SLOT_PV_CLOCK, b, 30, false, sx(0.62), sy(0.93), 1, PD_WHITE, err))
        return false;
    snprintf(buf, sizeof buf, "%s   t=%.2f s%s", v.looping ? "looping" : pd_play_mode_name(pd_presenter_mode(p)),
             pd_presenter_t(p), info && info->recording ? "   REC" : "");
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
    /* the speaker's marks, unzoomed, where they fall on the talk */
    draw_strokes(o, g, p, 1, 0.5, 0.5, false);
    if (v.laser || v.spotlight) {
        double z = v.zoom > 1 ? v.zoom : 1;
        double fx = v.zoom_cx + (fmin(fmax(v.pointer_x, 0), 1) - 0.5) / z;
        double fy = v.zoom_cy + (fmin(fmax(v.pointer_y, 0), 1) - 0.5) / z;
        draw_laser(g, sx(fx), sy(fy), 1.5f);
    }
    pd_gfx_end(g);
    int nx = vp.x + (int)(0.655 * vp.w), nw = (int)(0.325 * vp.w);
    int nh = nw * 9 / 16, ny = vp.y + vp.h - (int)(0.12 * vp.h) - nh;
    pd_gfx_begin(g, &(pd_gfx_pass){.target = pass->target, .rect = {nx, ny, nw, nh}});
    if (talk && has_next)
        pd_gfx_scene_draw(g, talk, next_t);
    pd_gfx_end(g);
    return true;
}
