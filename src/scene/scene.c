/* scene.c: mobjects, their boxes and Manim's layout rules (§5, §6). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xform.h"
#include "scene/scene_internal.h"
#include "tex/tex.h"
#include "text/layout.h"

#define FRAME_X_RADIUS (64.0f / 9.0f)
#define FRAME_Y_RADIUS 4.0f

bool scene_fail(pd_scene *s, const char *fmt, ...)
{
    if (!s->error[0]) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(s->error, sizeof s->error, fmt, ap);
        va_end(ap);
    }
    return false;
}

pd_scene *pd_scene_create(pd_fonts *fonts)
{
    pd_scene *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->fonts = fonts;
    pd_vec_push(&s->mobs, sizeof(mob)); /* id 0 = none */
    return s;
}

void pd_scene_destroy(pd_scene **sp)
{
    pd_scene *s = *sp;
    if (!s)
        return;
    mob *ms = s->mobs.data;
    for (size_t i = 0; i < s->mobs.len; i++)
        pd_vec_free(&ms[i].children);
    track *ts = s->tracks.data;
    for (size_t i = 0; i < s->tracks.len; i++)
        pd_vec_free(&ts[i].keys);
    pd_vec_free(&s->mobs);
    pd_vec_free(&s->tracks);
    pd_vec_free(&s->lives);
    pd_vec_free(&s->plays);
    pd_vec_free(&s->stops);
    pd_vec_free(&s->sections);
    pd_vec_free(&s->gpu_instances);
    pd_vec_free(&s->gpu_tracks);
    pd_vec_free(&s->gpu_index);
    pd_vec_free(&s->gpu_epochs);
    pd_vec_free(&s->gpu_runs);
    pd_vec_free(&s->gpu_drawn);
    pd_vec_free(&s->gpu_inst_drawn);
    pd_vec_free(&s->anim_infos);
    pd_vec_free(&s->play_first_anim);
    pd_arena_free(&s->arena);
    free(s);
    *sp = NULL;
}

const char *pd_scene_error(const pd_scene *s) { return s && s->error[0] ? s->error : NULL; }

void pd_scene_set_pango_grid(pd_scene *s, bool on) { s->pango_grid = on; }

mob *scene_mob(const pd_scene *s, pd_mob m)
{
    if (m.id == 0 || m.id >= s->mobs.len)
        return NULL;
    return &((mob *)s->mobs.data)[m.id];
}

bool scene_valid(pd_scene *s, pd_mob m, const char *call)
{
    if (!s)
        return false;
    if (!scene_mob(s, m))
        return scene_fail(s, "%s: invalid mobject handle %u (made by a failed call, or never made)", call, m.id);
    return true;
}

static pd_mob new_mob(pd_scene *s, mob_kind kind)
{
    mob *m = pd_vec_push(&s->mobs, sizeof *m);
    m->kind = kind;
    m->type = kind == MOB_GROUP   ? "VGroup"
              : kind == MOB_GLYPH ? "VMobjectFromSVGPath"
              : kind == MOB_RECT  ? "Rectangle"
                                  : "VMobject";
    m->cur.s = 1;
    m->cur.progress = 1;
    if (kind != MOB_GROUP)
        m->track = scene_new_track(s);
    return (pd_mob){(uint32_t)(s->mobs.len - 1)};
}

static void group_add(pd_scene *s, pd_mob g, pd_mob child)
{
    uint32_t *slot = pd_vec_push(&scene_mob(s, g)->children, sizeof *slot);
    *slot = child.id;
}

static void leaves_rec(const pd_scene *s, uint32_t id, pd_vec *out, int depth)
{
    const mob *m = &((const mob *)s->mobs.data)[id];
    if (depth > 64)
        return;
    if (m->kind != MOB_GROUP) {
        const uint32_t *have = out->data;
        for (size_t i = 0; i < out->len; i++)
            if (have[i] == id)
                return;
        uint32_t *slot = pd_vec_push(out, sizeof *slot);
        *slot = id;
        return;
    }
    /* children may move while we push: copy ids first */
    for (size_t i = 0; i < m->children.len; i++) {
        uint32_t c = ((const uint32_t *)((const mob *)s->mobs.data)[id].children.data)[i];
        leaves_rec(s, c, out, depth + 1);
    }
}

void scene_leaves(const pd_scene *s, pd_mob m, pd_vec *out)
{
    out->len = 0;
    if (scene_mob(s, m))
        leaves_rec(s, m.id, out, 0);
}

void scene_leaf_box(const mob *m, float *x0, float *y0, float *x1, float *y1)
{
    *x0 = m->cur.s * m->bx0 + m->cur.ox;
    *x1 = m->cur.s * m->bx1 + m->cur.ox;
    *y0 = m->cur.s * m->by0 + m->cur.oy;
    *y1 = m->cur.s * m->by1 + m->cur.oy;
}

bool scene_box(const pd_scene *s, pd_mob m, float *x0, float *y0, float *x1, float *y1)
{
    pd_vec leaves = {0};
    scene_leaves(s, m, &leaves);
    bool any = false;
    for (size_t i = 0; i < leaves.len; i++) {
        const mob *l = scene_mob(s, (pd_mob){((uint32_t *)leaves.data)[i]});
        float a, b, c, d;
        scene_leaf_box(l, &a, &b, &c, &d);
        if (!any) {
            *x0 = a, *y0 = b, *x1 = c, *y1 = d;
            any = true;
        } else {
            *x0 = fminf(*x0, a), *y0 = fminf(*y0, b), *x1 = fmaxf(*x1, c), *y1 = fmaxf(*y1, d);
        }
    }
    pd_vec_free(&leaves);
    if (!any)
        *x0 = *y0 = *x1 = *y1 = 0;
    return any;
}

/* ---- constructors ---- */

static pd_color or_default(pd_color c, pd_color def)
{
    return (c.r == 0 && c.g == 0 && c.b == 0 && c.a == 0) ? def : c;
}

static bool color_given(pd_color c) { return !(c.r == 0 && c.g == 0 && c.b == 0 && c.a == 0); }

pd_mob pd_text(pd_scene *s, const pd_text_style *style)
{
    if (!s)
        return (pd_mob){0};
    if (!style || !style->str) {
        scene_fail(s, "pd_text: no string given");
        return (pd_mob){0};
    }
    pd_layout_run run = {0};
    pd_err err = {0};
    pd_layout_desc desc = {
        .str = style->str, .font_size = style->font_size, .bold = style->bold, .pango_grid = s->pango_grid};
    if (!pd_layout_text(s->fonts, &desc, &run, &err)) {
        scene_fail(s, "pd_text(\"%.40s\"): %s", style->str, err.msg);
        return (pd_mob){0};
    }
    pd_color color = or_default(style->color, PD_WHITE);
    pd_mob g = new_mob(s, MOB_GROUP);
    scene_mob(s, g)->group = GROUP_TEXT;
    scene_mob(s, g)->type = "Text";
    for (uint32_t i = 0; i < run.glyph_count; i++) {
        const pd_layout_glyph *tg = &run.glyphs[i];
        pd_mob l = new_mob(s, MOB_GLYPH);
        mob *m = scene_mob(s, l);
        m->g.font = tg->font;
        m->g.glyph = tg->glyph;
        m->g.origin = (pd_v2){tg->x, tg->y};
        m->g.em = tg->em;
        m->bx0 = tg->ink_x0, m->by0 = tg->ink_y0, m->bx1 = tg->ink_x1, m->by1 = tg->ink_y1;
        /* manim: Text fill = colour; stroke WHITE at width 0 (Write outlines in it) */
        m->cur.fill = color;
        m->cur.stroke = PD_WHITE;
        m->cur.width = 0;
        m->is_text = true;
        group_add(s, g, l);
    }
    pd_layout_run_free(&run);
    return g;
}

static pd_mob glyph_leaf(pd_scene *s, pd_font_id font, uint32_t glyph, pd_v2 origin, float em, pd_color color)
{
    pd_mob l = new_mob(s, MOB_GLYPH);
    mob *m = scene_mob(s, l);
    m->g.font = font;
    m->g.glyph = glyph;
    m->g.origin = origin;
    m->g.em = em;
    const pd_outline *o = pd_font_outline(s->fonts, font, glyph);
    if (o && !o->empty) {
        m->bx0 = origin.x + o->ink_x0 * em, m->bx1 = origin.x + o->ink_x1 * em;
        m->by0 = origin.y + o->ink_y0 * em, m->by1 = origin.y + o->ink_y1 * em;
    } else {
        m->bx0 = m->bx1 = origin.x;
        m->by0 = m->by1 = origin.y;
    }
    m->cur.fill = color;
    m->cur.stroke = color;
    return l;
}

static pd_mob rect_leaf(pd_scene *s, pd_v2 center, float w, float h, float r)
{
    pd_mob l = new_mob(s, MOB_RECT);
    mob *m = scene_mob(s, l);
    m->r.center = center;
    m->r.w = w;
    m->r.h = h;
    m->r.r = r;
    m->bx0 = center.x - w / 2, m->bx1 = center.x + w / 2;
    m->by0 = center.y - h / 2, m->by1 = center.y + h / 2;
    return l;
}

/* manim: SCALE_FACTOR_PER_FONT_POINT = 1/960; one TeX em is 9.96264 bp */
#define TEX_EM_PER_FONT_SIZE (9.96264f / 960.0f)

pd_mob pd_mathtex(pd_scene *s, const pd_tex_style *style)
{
    if (!s)
        return (pd_mob){0};
    if (!style || !style->tex) {
        scene_fail(s, "pd_mathtex: no TeX given");
        return (pd_mob){0};
    }
    float fs = style->font_size > 0 ? style->font_size : 48;
    float unit = TEX_EM_PER_FONT_SIZE * fs;
    pd_color color = or_default(style->color, PD_WHITE);
    pd_mob g = new_mob(s, MOB_GROUP);
    scene_mob(s, g)->group = GROUP_MATHTEX;
    scene_mob(s, g)->type = "MathTex";
    pd_tex_box box = {0};
    pd_err err = {0};
    if (!pd_tex_typeset(s->fonts, style->tex, &box, &err)) {
        /* bad TeX: the formula's source in red, and the message; the talk still loads */
        pd_log(PD_LOG_ERROR, "%s in \"%s\"", err.msg, style->tex);
        pd_layout_run run = {0};
        if (pd_layout_text(s->fonts, &(pd_layout_desc){.str = style->tex, .font_size = fs}, &run, NULL)) {
            for (uint32_t i = 0; i < run.glyph_count; i++) {
                const pd_layout_glyph *tg = &run.glyphs[i];
                pd_mob l = glyph_leaf(s, tg->font, tg->glyph, (pd_v2){tg->x, tg->y}, tg->em, PD_RED);
                group_add(s, g, l);
            }
            pd_layout_run_free(&run);
        }
        return g;
    }
    float cx = (box.ink_x0 + box.ink_x1) * 0.5f * unit, cy = (box.ink_y0 + box.ink_y1) * 0.5f * unit;
    for (uint32_t i = 0; i < box.item_count; i++) {
        const pd_tex_item *it = &box.items[i];
        pd_mob l;
        if (it->kind == PD_TEX_GLYPH) {
            l = glyph_leaf(s, it->font, it->glyph, (pd_v2){it->x * unit - cx, it->y * unit - cy}, it->em * unit, color);
        } else {
            float x0 = it->x0 * unit - cx, x1 = it->x1 * unit - cx, y0 = it->y0 * unit - cy, y1 = it->y1 * unit - cy;
            l = rect_leaf(s, (pd_v2){(x0 + x1) / 2, (y0 + y1) / 2}, x1 - x0, y1 - y0, 0);
            mob *m = scene_mob(s, l);
            m->cur.fill = color;
            m->cur.stroke = color;
        }
        group_add(s, g, l);
    }
    pd_tex_box_free(&box);
    return g;
}

static void shape_style(mob *m, const pd_shape_style *st, pd_color def_color)
{
    pd_color color = or_default(st->color, def_color);
    pd_color fill = color_given(st->fill_color) ? st->fill_color : color;
    pd_color stroke = color_given(st->stroke_color) ? st->stroke_color : color;
    fill.a = st->fill_opacity;
    stroke.a = 1;
    m->cur.fill = fill;
    m->cur.stroke = stroke;
    m->cur.width = st->has_stroke_width || st->stroke_width > 0 ? st->stroke_width : 4;
}

static pd_mob make_rect_colored(pd_scene *s, const char *call, float w, float h, float r, const pd_shape_style *st,
                                pd_color def_color)
{
    if (!s)
        return (pd_mob){0};
    static const pd_shape_style none = {0};
    if (!st)
        st = &none;
    if (!(w >= 0) || !(h >= 0) || !(r >= 0) || !isfinite(w) || !isfinite(h)) {
        scene_fail(s, "%s: size %gx%g radius %g is not valid (use sizes >= 0)", call, w, h, r);
        return (pd_mob){0};
    }
    if (st->stroke_width < 0) {
        scene_fail(s, "%s: stroke_width %g is negative", call, st->stroke_width);
        return (pd_mob){0};
    }
    pd_mob l = rect_leaf(s, (pd_v2){0, 0}, w, h, r);
    shape_style(scene_mob(s, l), st, def_color);
    return l;
}

static pd_mob make_rect(pd_scene *s, const char *call, float w, float h, float r, const pd_shape_style *st)
{
    return make_rect_colored(s, call, w, h, r, st, PD_WHITE);
}

static pd_mob typed(pd_scene *s, pd_mob m, const char *type)
{
    if (scene_mob(s, m))
        scene_mob(s, m)->type = type;
    return m;
}

pd_mob pd_rectangle(pd_scene *s, const pd_shape_style *st)
{
    float w = st && st->width > 0 ? st->width : 4, h = st && st->height > 0 ? st->height : 2;
    return typed(s, make_rect(s, "pd_rectangle", w, h, 0, st), "Rectangle");
}

pd_mob pd_square(pd_scene *s, float side, const pd_shape_style *st)
{
    return typed(s, make_rect(s, "pd_square", side > 0 ? side : 2, side > 0 ? side : 2, 0, st), "Square");
}

pd_mob pd_circle(pd_scene *s, float radius, const pd_shape_style *st)
{
    float r = radius == 0 ? 1 : radius; /* NaN and negative radii fail in make_rect_colored */
    return typed(s, make_rect_colored(s, "pd_circle", 2 * r, 2 * r, r, st, PD_RED), "Circle");
}

pd_mob pd_rounded_rectangle(pd_scene *s, const pd_shape_style *st)
{
    float w = st && st->width > 0 ? st->width : 4, h = st && st->height > 0 ? st->height : 2;
    float r = st && st->corner_radius > 0 ? st->corner_radius : 0.5f;
    return typed(s, make_rect(s, "pd_rounded_rectangle", w, h, r, st), "RoundedRectangle");
}

static pd_mob path_leaf(pd_scene *s, const pd_v2 *pts, uint32_t n, pd_color color, float width)
{
    pd_mob l = new_mob(s, MOB_PATH);
    mob *m = scene_mob(s, l);
    m->pts = pd_arena_alloc(&s->arena, n * sizeof *m->pts);
    memcpy(m->pts, pts, n * sizeof *pts);
    m->npts = n;
    m->bx0 = m->bx1 = pts[0].x;
    m->by0 = m->by1 = pts[0].y;
    for (uint32_t i = 1; i < n; i++) {
        m->bx0 = fminf(m->bx0, pts[i].x), m->bx1 = fmaxf(m->bx1, pts[i].x);
        m->by0 = fminf(m->by0, pts[i].y), m->by1 = fmaxf(m->by1, pts[i].y);
    }
    m->cur.fill = pd_color_alpha(color, 0);
    m->cur.stroke = color;
    m->cur.width = width;
    return l;
}

pd_mob pd_polyline(pd_scene *s, const pd_v2 *pts, uint32_t n, const pd_stroke_style *st)
{
    if (!s)
        return (pd_mob){0};
    if (!pts || n < 2) {
        scene_fail(s, "pd_polyline: needs at least 2 points (got %u)", pts ? n : 0);
        return (pd_mob){0};
    }
    pd_color c = or_default(st ? st->color : (pd_color){0}, PD_WHITE);
    float w = st && st->stroke_width > 0 ? st->stroke_width : 4;
    if (st && st->stroke_width < 0) {
        scene_fail(s, "pd_polyline: stroke_width %g is negative", st->stroke_width);
        return (pd_mob){0};
    }
    return path_leaf(s, pts, n, c, w);
}

pd_mob pd_line(pd_scene *s, pd_v2 a, pd_v2 b, const pd_stroke_style *st)
{
    pd_v2 pts[2] = {a, b};
    return typed(s, pd_polyline(s, pts, 2, st), "Line");
}

pd_mob pd_arrow(pd_scene *s, pd_v2 start, pd_v2 end, const pd_arrow_style *st)
{
    if (!s)
        return (pd_mob){0};
    static const pd_arrow_style none = {0};
    if (!st)
        st = &none;
    pd_color c = or_default(st->color, PD_WHITE);
    float w = st->stroke_width > 0 ? st->stroke_width : 6;
    float tip_len = st->tip_length > 0 ? st->tip_length : 0.35f;
    float buff = st->buff > 0 ? st->buff : st->buff < 0 ? 0 : 0.25f;
    float dx = end.x - start.x, dy = end.y - start.y, len = sqrtf(dx * dx + dy * dy);
    if (!(len > 0)) {
        scene_fail(s, "pd_arrow: start and end are the same point");
        return (pd_mob){0};
    }
    pd_v2 dir = {dx / len, dy / len};
    /* manim: buff trims both ends only if the arrow is at least 2*buff long */
    if (len >= 2 * buff) {
        start = pd_v2_add(start, pd_v2_scale(dir, buff));
        end = pd_v2_sub(end, pd_v2_scale(dir, buff));
        len -= 2 * buff;
    }
    float l = fminf(tip_len, 0.25f * len); /* max_tip_length_to_length_ratio */
    pd_v2 base = pd_v2_sub(end, pd_v2_scale(dir, l));
    pd_v2 nrm = {-dir.y, dir.x};
    pd_v2 shaft[2] = {start, base};
    pd_mob g = new_mob(s, MOB_GROUP);
    scene_mob(s, g)->group = GROUP_ARROW;
    scene_mob(s, g)->type = "Arrow";
    /* max_stroke_width_to_length_ratio = 5 */
    pd_mob sh = path_leaf(s, shaft, 2, c, fminf(w, 5 * len));
    pd_v2 tri[3] = {end, pd_v2_add(base, pd_v2_scale(nrm, l / 2)), pd_v2_sub(base, pd_v2_scale(nrm, l / 2))};
    pd_mob tip = path_leaf(s, tri, 3, c, 0);
    mob *tm = scene_mob(s, tip);
    tm->kind = MOB_TIP;
    tm->cur.fill = c;
    tm->cur.stroke = c;
    tm->cur.width = 0;
    group_add(s, g, sh);
    group_add(s, g, tip);
    return g;
}

pd_mob pd_surrounding_rectangle(pd_scene *s, pd_mob target, const pd_surround_style *st)
{
    if (!scene_valid(s, target, "pd_surrounding_rectangle"))
        return (pd_mob){0};
    static const pd_surround_style none = {0};
    if (!st)
        st = &none;
    float x0, y0, x1, y1;
    if (!scene_box(s, target, &x0, &y0, &x1, &y1)) {
        scene_fail(s, "pd_surrounding_rectangle: the mobject has nothing to surround (an empty VGroup)");
        return (pd_mob){0};
    }
    float buff = st->buff > 0 ? st->buff : st->buff < 0 ? 0 : PD_SMALL_BUFF;
    pd_mob l =
        rect_leaf(s, (pd_v2){(x0 + x1) / 2, (y0 + y1) / 2}, x1 - x0 + 2 * buff, y1 - y0 + 2 * buff, st->corner_radius);
    mob *m = scene_mob(s, l);
    pd_color c = or_default(st->color, PD_YELLOW);
    m->cur.fill = pd_color_alpha(c, 0);
    m->cur.stroke = c;
    m->cur.width = st->stroke_width > 0 ? st->stroke_width : 4;
    m->type = "SurroundingRectangle";
    return l;
}

pd_mob pd_vgroup(pd_scene *s, const pd_mob *members, uint32_t count)
{
    if (!s)
        return (pd_mob){0};
    for (uint32_t i = 0; i < count; i++)
        if (!scene_valid(s, members[i], "pd_vgroup"))
            return (pd_mob){0};
    pd_mob g = new_mob(s, MOB_GROUP);
    for (uint32_t i = 0; i < count; i++)
        group_add(s, g, members[i]);
    return g;
}

void pd_vgroup_add(pd_scene *s, pd_mob group, pd_mob member)
{
    if (!scene_valid(s, group, "pd_vgroup_add") || !scene_valid(s, member, "pd_vgroup_add"))
        return;
    if (scene_mob(s, group)->kind != MOB_GROUP) {
        scene_fail(s, "pd_vgroup_add: the target is not a group");
        return;
    }
    group_add(s, group, member);
}

/* A leaf or group copied with its current geometry and state, depth-first;
 * 0 past a sane depth (a cycle). */
static uint32_t copy_rec(pd_scene *s, uint32_t id, int depth)
{
    if (depth > 64)
        return 0;
    const mob src = *scene_mob(s, (pd_mob){id}); /* by value: new_mob may move the array */
    pd_mob c = new_mob(s, src.kind);
    mob *m = scene_mob(s, c);
    m->group = src.group;
    m->g = src.g;
    m->r = src.r;
    m->bx0 = src.bx0, m->by0 = src.by0, m->bx1 = src.bx1, m->by1 = src.by1;
    m->cur = src.cur;
    m->is_text = src.is_text;
    m->type = src.type;
    if (src.npts) {
        m->pts = pd_arena_alloc(&s->arena, src.npts * sizeof *m->pts);
        memcpy(m->pts, src.pts, src.npts * sizeof *m->pts);
        m->npts = src.npts;
    }
    for (size_t i = 0; i < src.children.len; i++) {
        uint32_t child = copy_rec(s, ((const uint32_t *)src.children.data)[i], depth + 1);
        if (!child)
            return 0;
        group_add(s, c, (pd_mob){child});
    }
    return c.id;
}

pd_mob pd_copy(pd_scene *s, pd_mob m)
{
    if (!scene_valid(s, m, "pd_copy"))
        return (pd_mob){0};
    uint32_t c = copy_rec(s, m.id, 0);
    if (!c)
        scene_fail(s, "pd_copy: the mobject nests deeper than 64 levels");
    return (pd_mob){c};
}

uint32_t pd_len(const pd_scene *s, pd_mob group)
{
    const mob *m = scene_mob(s, group);
    return m ? (uint32_t)m->children.len : 0;
}

pd_mob pd_at(pd_scene *s, pd_mob group, int i)
{
    if (!scene_valid(s, group, "pd_at"))
        return (pd_mob){0};
    mob *m = scene_mob(s, group);
    int n = (int)m->children.len;
    int j = i < 0 ? n + i : i;
    if (j < 0 || j >= n) {
        scene_fail(s, "pd_at: index %d out of range for a group of %d", i, n);
        return (pd_mob){0};
    }
    return (pd_mob){((uint32_t *)m->children.data)[j]};
}

pd_mob pd_slice(pd_scene *s, pd_mob group, int from, int to)
{
    if (!scene_valid(s, group, "pd_slice"))
        return (pd_mob){0};
    int n = (int)scene_mob(s, group)->children.len;
    int a = from < 0 ? n + from : from, b = to < 0 ? n + to : to;
    a = a < 0 ? 0 : a > n ? n : a;
    b = b < 0 ? 0 : b > n ? n : b;
    pd_mob g = new_mob(s, MOB_GROUP);
    for (int i = a; i < b; i++)
        group_add(s, g, (pd_mob){((uint32_t *)scene_mob(s, group)->children.data)[i]});
    return g;
}

/* ---- layout ---- */

static float crit(float lo, float hi, float d) { return d < 0 ? lo : d > 0 ? hi : (lo + hi) * 0.5f; }

pd_v2 pd_get_critical(const pd_scene *s, pd_mob m, pd_v2 d)
{
    float x0, y0, x1, y1;
    scene_box(s, m, &x0, &y0, &x1, &y1);
    return (pd_v2){crit(x0, x1, d.x), crit(y0, y1, d.y)};
}

pd_v2 pd_get_center(const pd_scene *s, pd_mob m) { return pd_get_critical(s, m, PD_ORIGIN); }
pd_v2 pd_get_top(const pd_scene *s, pd_mob m) { return pd_get_critical(s, m, PD_UP); }
pd_v2 pd_get_bottom(const pd_scene *s, pd_mob m) { return pd_get_critical(s, m, PD_DOWN); }
pd_v2 pd_get_left(const pd_scene *s, pd_mob m) { return pd_get_critical(s, m, PD_LEFT); }
pd_v2 pd_get_right(const pd_scene *s, pd_mob m) { return pd_get_critical(s, m, PD_RIGHT); }

/* A path leaf's point i (negative: from the end) where it is now. */
static pd_v2 path_point(const mob *l, int i)
{
    pd_v2 p = l->pts[i < 0 ? (int)l->npts + i : i];
    return (pd_v2){l->cur.s * p.x + l->cur.ox, l->cur.s * p.y + l->cur.oy};
}

/* Line and polyline: the first / last point; Arrow: the shaft's start / the
 * tip's point (Manim's get_start / get_end). */
static bool line_end(pd_scene *s, pd_mob m, bool end, pd_v2 *out, const char *call)
{
    if (!scene_valid(s, m, call))
        return false;
    const mob *g = scene_mob(s, m);
    if (g->kind == MOB_GROUP && g->group == GROUP_ARROW && g->children.len == 2) {
        const mob *l = scene_mob(s, (pd_mob){((const uint32_t *)g->children.data)[end ? 1 : 0]});
        *out = path_point(l, 0);
        return true;
    }
    if (g->kind == MOB_PATH && g->npts > 0) {
        *out = path_point(g, end ? -1 : 0);
        return true;
    }
    return scene_fail(s, "%s: the mobject is not a line or an arrow", call);
}

pd_v2 pd_get_start(pd_scene *s, pd_mob m)
{
    pd_v2 p = {0, 0};
    line_end(s, m, false, &p, "pd_get_start");
    return p;
}

pd_v2 pd_get_end(pd_scene *s, pd_mob m)
{
    pd_v2 p = {0, 0};
    line_end(s, m, true, &p, "pd_get_end");
    return p;
}

float pd_width(const pd_scene *s, pd_mob m)
{
    float x0, y0, x1, y1;
    scene_box(s, m, &x0, &y0, &x1, &y1);
    return x1 - x0;
}

float pd_height(const pd_scene *s, pd_mob m)
{
    float x0, y0, x1, y1;
    scene_box(s, m, &x0, &y0, &x1, &y1);
    return y1 - y0;
}

/* p -> k*(p - c) + c + v on every leaf of m */
static void transform_leaves(pd_scene *s, pd_mob m, float k, pd_v2 c, pd_v2 v)
{
    pd_vec leaves = {0};
    scene_leaves(s, m, &leaves);
    for (size_t i = 0; i < leaves.len; i++) {
        uint32_t id = ((uint32_t *)leaves.data)[i];
        leaf_state st = scene_mob(s, (pd_mob){id})->cur;
        st.s *= k;
        st.ox = k * (st.ox - c.x) + c.x + v.x;
        st.oy = k * (st.oy - c.y) + c.y + v.y;
        scene_set_state(s, id, st);
    }
    pd_vec_free(&leaves);
}

static bool need_box(pd_scene *s, pd_mob m, const char *call)
{
    if (!scene_valid(s, m, call))
        return false;
    float x0, y0, x1, y1;
    if (!scene_box(s, m, &x0, &y0, &x1, &y1))
        return scene_fail(s, "%s: the mobject is an empty VGroup (it has no box to place)", call);
    return true;
}

pd_mob pd_shift(pd_scene *s, pd_mob m, pd_v2 v)
{
    if (scene_valid(s, m, "pd_shift"))
        transform_leaves(s, m, 1, PD_ORIGIN, v);
    return m;
}

pd_mob pd_move_to(pd_scene *s, pd_mob m, pd_v2 p)
{
    if (!need_box(s, m, "pd_move_to"))
        return m;
    transform_leaves(s, m, 1, PD_ORIGIN, pd_v2_sub(p, pd_get_center(s, m)));
    return m;
}

pd_mob pd_move_to_mob(pd_scene *s, pd_mob m, pd_mob target)
{
    if (!need_box(s, target, "pd_move_to_mob"))
        return m;
    return pd_move_to(s, m, pd_get_center(s, target));
}

static pd_mob next_to(pd_scene *s, pd_mob m, pd_v2 target_pt, pd_v2 dir, float buff, pd_v2 aligned)
{
    pd_v2 own = pd_get_critical(s, m, pd_v2_sub(aligned, dir));
    pd_v2 v = pd_v2_add(pd_v2_sub(target_pt, own), pd_v2_scale(dir, buff));
    transform_leaves(s, m, 1, PD_ORIGIN, v);
    return m;
}

pd_mob pd_next_to_aligned(pd_scene *s, pd_mob m, pd_mob target, pd_v2 dir, float buff, pd_v2 aligned_edge)
{
    if (!need_box(s, m, "pd_next_to") || !need_box(s, target, "pd_next_to"))
        return m;
    return next_to(s, m, pd_get_critical(s, target, pd_v2_add(aligned_edge, dir)), dir, buff, aligned_edge);
}

pd_mob pd_next_to(pd_scene *s, pd_mob m, pd_mob target, pd_v2 dir, float buff)
{
    return pd_next_to_aligned(s, m, target, dir, buff, PD_ORIGIN);
}

pd_mob pd_next_to_point(pd_scene *s, pd_mob m, pd_v2 p, pd_v2 dir, float buff)
{
    if (!need_box(s, m, "pd_next_to_point"))
        return m;
    return next_to(s, m, p, dir, buff, PD_ORIGIN);
}

static float sgn(float v) { return (float)((v > 0) - (v < 0)); }

pd_mob pd_to_edge(pd_scene *s, pd_mob m, pd_v2 edge, float buff)
{
    if (!need_box(s, m, "pd_to_edge"))
        return m;
    pd_v2 target = {sgn(edge.x) * FRAME_X_RADIUS, sgn(edge.y) * FRAME_Y_RADIUS};
    pd_v2 own = pd_get_critical(s, m, edge);
    pd_v2 v = {(target.x - own.x - buff * edge.x) * fabsf(sgn(edge.x)),
               (target.y - own.y - buff * edge.y) * fabsf(sgn(edge.y))};
    transform_leaves(s, m, 1, PD_ORIGIN, v);
    return m;
}

pd_mob pd_arrange(pd_scene *s, pd_mob group, pd_v2 dir, float buff, pd_v2 aligned_edge)
{
    if (!need_box(s, group, "pd_arrange"))
        return group;
    mob *g = scene_mob(s, group);
    uint32_t n = (uint32_t)g->children.len;
    for (uint32_t i = 1; i < n; i++) {
        uint32_t *ch = scene_mob(s, group)->children.data;
        pd_mob prev = {ch[i - 1]}, cur = {ch[i]};
        float a, b, c, d;
        if (!scene_box(s, cur, &a, &b, &c, &d) || !scene_box(s, prev, &a, &b, &c, &d))
            continue;
        pd_next_to_aligned(s, cur, prev, dir, buff, aligned_edge);
    }
    return pd_move_to(s, group, PD_ORIGIN);
}

pd_mob pd_align_to(pd_scene *s, pd_mob m, pd_mob target, pd_v2 dir)
{
    if (!need_box(s, m, "pd_align_to") || !need_box(s, target, "pd_align_to"))
        return m;
    pd_v2 want = pd_get_critical(s, target, dir), own = pd_get_critical(s, m, dir);
    pd_v2 v = {dir.x != 0 ? want.x - own.x : 0, dir.y != 0 ? want.y - own.y : 0};
    transform_leaves(s, m, 1, PD_ORIGIN, v);
    return m;
}

pd_mob pd_scale(pd_scene *s, pd_mob m, float k)
{
    if (!need_box(s, m, "pd_scale"))
        return m;
    if (!(k > 0) || !isfinite(k)) {
        scene_fail(s, "pd_scale: factor %g must be > 0", k);
        return m;
    }
    transform_leaves(s, m, k, pd_get_center(s, m), PD_ORIGIN);
    return m;
}

static void box_add(mob *m, pd_v2 p, bool first)
{
    if (first) {
        m->bx0 = m->bx1 = p.x;
        m->by0 = m->by1 = p.y;
        return;
    }
    m->bx0 = fminf(m->bx0, p.x), m->bx1 = fmaxf(m->bx1, p.x);
    m->by0 = fminf(m->by0, p.y), m->by1 = fmaxf(m->by1, p.y);
}

/* Rotation is baked into the geometry (Manim rotates the points); the box
 * becomes the box of the rotated anchors. */
pd_mob pd_rotate(pd_scene *s, pd_mob m, float angle)
{
    if (!need_box(s, m, "pd_rotate"))
        return m;
    pd_xform r = pd_xform_rotate_about(pd_get_center(s, m), angle);
    pd_vec leaves = {0};
    scene_leaves(s, m, &leaves);
    for (size_t i = 0; i < leaves.len; i++) {
        mob *l = scene_mob(s, (pd_mob){((uint32_t *)leaves.data)[i]});
        if (((track *)s->tracks.data)[l->track].keys.len > 0) {
            scene_fail(s, "pd_rotate: rotating a mobject that is already on screen is not supported");
            break;
        }
        float k = l->cur.s;
        pd_v2 o = {l->cur.ox, l->cur.oy};
        l->cur.s = 1, l->cur.ox = 0, l->cur.oy = 0;
        switch (l->kind) {
        case MOB_GLYPH: {
            l->g.origin = pd_xform_apply(&r, pd_v2_add(pd_v2_scale(l->g.origin, k), o));
            l->g.em *= k;
            l->g.angle += angle;
            const pd_outline *ol = pd_font_outline(s->fonts, l->g.font, l->g.glyph);
            pd_xform place = pd_xform_place(l->g.origin, l->g.em, l->g.angle);
            bool first = true;
            for (uint32_t j = 0; ol && j < ol->curve_count; j++) {
                for (int e = 0; e < 4; e += 3) {
                    box_add(l, pd_xform_apply(&place, ol->curves[j].p[e]), first);
                    first = false;
                }
            }
            break;
        }
        case MOB_RECT: {
            l->r.center = pd_xform_apply(&r, pd_v2_add(pd_v2_scale(l->r.center, k), o));
            l->r.w *= k, l->r.h *= k, l->r.r *= k;
            l->r.angle += angle;
            pd_xform place = pd_xform_place(l->r.center, 1, l->r.angle);
            for (int j = 0; j < 4; j++) {
                pd_v2 corner = {(j & 1 ? 0.5f : -0.5f) * l->r.w, (j & 2 ? 0.5f : -0.5f) * l->r.h};
                box_add(l, pd_xform_apply(&place, corner), j == 0);
            }
            break;
        }
        case MOB_PATH:
        case MOB_TIP:
            for (uint32_t j = 0; j < l->npts; j++) {
                l->pts[j] = pd_xform_apply(&r, pd_v2_add(pd_v2_scale(l->pts[j], k), o));
                box_add(l, l->pts[j], j == 0);
            }
            break;
        case MOB_GROUP:
            break;
        }
    }
    pd_vec_free(&leaves);
    return m;
}
