/* gpu.c: the recorded scene as flat GPU data. Every leaf becomes instanced
 * primitives (glyph, rectangle fill, triangle, stroke segments); every track
 * becomes keyframe texels; epochs list, for each stretch of time between
 * births and deaths, which instances are drawn, in Manim's draw order. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/geom.h"
#include "core/gpu_layout.h"
#include "scene/scene_internal.h"

/* instance kinds, flags and texel layout: core/gpu_layout.h */

typedef struct inst {
    float a[4], b[4], c[4], m[4];
} inst;
_Static_assert(sizeof(inst) == PD_TEXELS_PER_INSTANCE * 4 * sizeof(float), "an instance is gpu_layout.h's texels");

static inst *push_inst(pd_scene *s, int kind, int flags, uint32_t track_texel, float p_lo, float p_hi)
{
    inst *in = pd_vec_push(&s->gpu_instances, sizeof *in);
    in->m[0] = (float)(kind + PD_KIND_SPAN * flags);
    in->m[1] = (float)track_texel;
    in->m[2] = p_lo;
    in->m[3] = p_hi;
    return in;
}

/* A path's pieces -> segments; piece k of n covers progress [k/n, (k+1)/n],
 * sub-pieces (a flattened curve) split that range evenly. */
typedef struct path_piece {
    pd_v2 a, b;
    float p_lo, p_hi;
} path_piece;

static void push_path(pd_scene *s, const pd_v2 *pts, const float *prog, uint32_t n, bool closed, uint32_t tt,
                      int extra_flags)
{
    pd_seg stack[128];
    pd_seg *segs = n + 1 <= 128 ? stack : malloc((n + 1) * sizeof *segs);
    if (!segs)
        return;
    uint32_t k = pd_polyline_segments(pts, n, closed, segs);
    for (uint32_t i = 0; i < k; i++) {
        const pd_seg *sg = &segs[i];
        uint32_t p = sg->piece;
        inst *in = push_inst(s, PD_KIND_SEGMENT, sg->joins | PD_FLAG_PARTIAL | extra_flags, tt, prog[p], prog[p + 1]);
        in->a[0] = sg->a.x, in->a[1] = sg->a.y, in->a[2] = sg->b.x, in->a[3] = sg->b.y;
        in->b[0] = sg->n0.x, in->b[1] = sg->n0.y, in->b[2] = sg->n1.x, in->b[3] = sg->n1.y;
    }
    if (segs != stack)
        free(segs);
}

static pd_v2 cubic_at(const pd_v2 p[4], float t)
{
    float u = 1 - t;
    float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return (pd_v2){a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                   a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y};
}

static bool cubic_is_straight(const pd_v2 p[4])
{
    /* handles on the chord: manim's straight pieces (handles at 1/3, 2/3) */
    float dx = p[3].x - p[0].x, dy = p[3].y - p[0].y, l2 = dx * dx + dy * dy;
    for (int i = 1; i < 3; i++) {
        float cx = p[i].x - p[0].x, cy = p[i].y - p[0].y;
        float cr = dx * cy - dy * cx;
        if (cr * cr > 1e-10f * (l2 > 1e-12f ? l2 : 1e-12f))
            return false;
    }
    return true;
}

/* Flattens closed cubic contours into points + progress marks (by curve
 * count, split evenly in the curve parameter, as Manim's partial paths). */
typedef struct flat {
    pd_vec pts;  /* pd_v2 */
    pd_vec prog; /* float, one per point */
} flat;

static void flat_curves(flat *f, const pd_cubic *curves, uint32_t count, uint32_t first_index, uint32_t total,
                        float px_per_unit, float px_per_piece)
{
    for (uint32_t c = 0; c < count; c++) {
        const pd_v2 *p = curves[c].p;
        int J = 1;
        if (!cubic_is_straight(p)) {
            float len = hypotf(p[1].x - p[0].x, p[1].y - p[0].y) + hypotf(p[2].x - p[1].x, p[2].y - p[1].y) +
                        hypotf(p[3].x - p[2].x, p[3].y - p[2].y);
            J = (int)ceilf(len * px_per_unit / px_per_piece);
            J = J < 1 ? 1 : J > 8 ? 8 : J;
        }
        if (c == 0) {
            pd_v2 *q = pd_vec_push(&f->pts, sizeof *q);
            *q = p[0];
            float *pr = pd_vec_push(&f->prog, sizeof *pr);
            *pr = (float)(first_index + c) / (float)total;
        }
        for (int j = 1; j <= J; j++) {
            pd_v2 *q = pd_vec_push(&f->pts, sizeof *q);
            *q = cubic_at(p, (float)j / (float)J);
            float *pr = pd_vec_push(&f->prog, sizeof *pr);
            *pr = ((float)(first_index + c) + (float)j / (float)J) / (float)total;
        }
    }
}

/* Rectangle path: 4 straight pieces from the upper-right corner counter-
 * clockwise; rounded: 8 curves starting at (right, top - r) (§5.3). */
static void emit_rect_stroke(pd_scene *s, const mob *m, uint32_t tt)
{
    float w = m->r.w / 2, h = m->r.h / 2, r = fminf(m->r.r, fminf(w, h));
    pd_cubic cv[8];
    uint32_t n = 0;
    if (r > 0 && fabsf(w - h) <= 1e-6f * w && r >= w) {
        /* a circle: Manim's Circle is 8 arcs of 45 degrees from angle 0 */
        const float k = 0.2652031f * w; /* r*4/3*tan(pi/16) */
        for (int i = 0; i < 8; i++) {
            float a0 = (float)i * (float)PD_PI / 4, a1 = (float)(i + 1) * (float)PD_PI / 4;
            pd_v2 p0 = {w * cosf(a0), w * sinf(a0)}, p3 = {w * cosf(a1), w * sinf(a1)};
            cv[n++] = (pd_cubic){
                {p0, {p0.x - k * sinf(a0), p0.y + k * cosf(a0)}, {p3.x + k * sinf(a1), p3.y - k * cosf(a1)}, p3}};
        }
    } else if (r <= 0) {
        pd_v2 q[5] = {{w, h}, {-w, h}, {-w, -h}, {w, -h}, {w, h}};
        for (int i = 0; i < 4; i++) {
            pd_v2 a = q[i], b = q[i + 1];
            cv[n++] = (pd_cubic){{a,
                                  {a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3},
                                  {a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3},
                                  b}};
        }
    } else {
        const float k = 0.5522847498f * r; /* r*4/3*tan(pi/8) */
        pd_v2 P[8] = {{w, h - r},   {w - r, h},   {-w + r, h}, {-w, h - r},
                      {-w, -h + r}, {-w + r, -h}, {w - r, -h}, {w, -h + r}};
        /* arcs: UR, UL, DL, DR; lines between */
        pd_v2 Hs[4][2] = {{{w, h - r + k}, {w - r + k, h}},
                          {{-w + r - k, h}, {-w, h - r + k}},
                          {{-w, -h + r - k}, {-w + r - k, -h}},
                          {{w - r + k, -h}, {w, -h + r - k}}};
        for (int i = 0; i < 4; i++) {
            pd_v2 a = P[2 * i], b = P[2 * i + 1];
            cv[n++] = (pd_cubic){{a, Hs[i][0], Hs[i][1], b}};
            pd_v2 la = b, lb = P[(2 * i + 2) % 8];
            cv[n++] = (pd_cubic){{la,
                                  {la.x + (lb.x - la.x) / 3, la.y + (lb.y - la.y) / 3},
                                  {la.x + 2 * (lb.x - la.x) / 3, la.y + 2 * (lb.y - la.y) / 3},
                                  lb}};
        }
    }
    flat f = {0};
    flat_curves(&f, cv, n, 0, n, 135.0f, 3.0f); /* rounded corners stay round: ~3 px pieces */
    float ca = cosf(m->r.angle), sa = sinf(m->r.angle);
    pd_v2 *pts = f.pts.data;
    for (size_t i = 0; i < f.pts.len; i++) {
        pd_v2 p = pts[i];
        pts[i] = (pd_v2){m->r.center.x + ca * p.x - sa * p.y, m->r.center.y + sa * p.x + ca * p.y};
    }
    /* the whole outline is the rectangle's own stroke: these pieces only draw it partly */
    push_path(s, pts, f.prog.data, (uint32_t)f.pts.len, true, tt, PD_FLAG_WHILE_PARTIAL);
    pd_vec_free(&f.pts);
    pd_vec_free(&f.prog);
}

static void emit_open_path(pd_scene *s, const mob *m, uint32_t tt)
{
    float stack[64];
    float *prog = m->npts <= 64 ? stack : malloc(m->npts * sizeof *prog);
    if (!prog)
        return;
    for (uint32_t i = 0; i < m->npts; i++)
        prog[i] = (float)i / (float)(m->npts - 1);
    push_path(s, m->pts, prog, m->npts, false, tt, 0);
    if (prog != stack)
        free(prog);
}

static void emit_tip_outline(pd_scene *s, const mob *m, uint32_t tt)
{
    pd_v2 pts[4] = {m->pts[0], m->pts[1], m->pts[2], m->pts[0]};
    float prog[4] = {0, 1.0f / 3, 2.0f / 3, 1};
    push_path(s, pts, prog, 4, true, tt, 0);
}

typedef struct life_range {
    uint32_t life, first, count;
    uint32_t partial_first; /* instances [partial_first, first + count) draw only while partial */
    uint32_t track;
} life_range;

static void box_add(drawn_life *d, float x, float y)
{
    d->x0 = fminf(d->x0, x), d->y0 = fminf(d->y0, y), d->x1 = fmaxf(d->x1, x), d->y1 = fmaxf(d->y1, y);
}

/* The box around a life's instances [first, end) as the vertex shader
 * places them before the state's transform (shaders/scene.vert). */
static bool push_drawn(pd_scene *s, const life *lf, uint32_t first, uint32_t end)
{
    uint32_t di = (uint32_t)s->gpu_drawn.len;
    drawn_life *d = pd_vec_push(&s->gpu_drawn, sizeof *d);
    pd_vec_reserve(&s->gpu_inst_drawn, sizeof di, end);
    while (s->gpu_inst_drawn.len < end)
        *(uint32_t *)pd_vec_push(&s->gpu_inst_drawn, sizeof di) = UINT32_MAX;
    for (uint32_t i = first; i < end; i++)
        ((uint32_t *)s->gpu_inst_drawn.data)[i] = di;
    *d = (drawn_life){INFINITY, INFINITY, -INFINITY, -INFINITY, 0.5f, lf->track, lf->birth, lf->death};
    const inst *in = s->gpu_instances.data;
    for (uint32_t i = first; i < end; i++) {
        const float *a = in[i].a, *b = in[i].b;
        int kind = (int)(in[i].m[0] + 0.5f) % PD_KIND_SPAN;
        switch (kind) {
        case PD_KIND_GLYPH: /* origin + the plane box in em, rotated and scaled by (a.z, a.w) */
            for (int c = 0; c < 4; c++) {
                float px = c & 1 ? b[2] : b[0], py = c & 2 ? b[3] : b[1];
                box_add(d, a[0] + px * a[2] - py * a[3], a[1] + px * a[3] + py * a[2]);
            }
            break;
        case PD_KIND_RECT: /* centre, half sizes, rotation (b.y, b.z) */
            for (int c = 0; c < 4; c++) {
                float hx = c & 1 ? a[2] : -a[2], hy = c & 2 ? a[3] : -a[3];
                box_add(d, a[0] + hx * b[1] - hy * b[2], a[1] + hx * b[2] + hy * b[1]);
            }
            d->stroke_reach = fmaxf(d->stroke_reach, 1.0f); /* a square corner's miter: half a width times sqrt 2 */
            break;
        case PD_KIND_SEGMENT:
            box_add(d, a[0], a[1]);
            box_add(d, a[2], a[3]);
            d->stroke_reach = fmaxf(d->stroke_reach, 2.0f); /* joins: a miter up to 4 half widths */
            break;
        case PD_KIND_TRIANGLE:
            box_add(d, a[0], a[1]);
            box_add(d, a[2], a[3]);
            box_add(d, b[0], b[1]);
            break;
        default:
            box_add(d, a[0], a[1]);
            break;
        }
    }
    return true;
}

/* Whether the track's progress is below 1 somewhere in [a, b): a rectangle's
 * stroke pieces are listed only in the epochs where they can draw. */
static bool track_partial_in(const pd_scene *s, uint32_t tr, double a, double b)
{
    const track *t = &((const track *)s->tracks.data)[tr];
    const key *k = t->keys.data;
    size_t n = t->keys.len;
    if (n == 0)
        return false;
    double start = k[0].st.progress < 1 ? k[0].t0 : NAN;
    for (size_t i = 1; i < n; i++) {
        if (isnan(start)) {
            if (k[i].st.progress < 1)
                start = k[i].t0;
        } else if (k[i].st.progress >= 1) {
            if (start < b && k[i].t1 > a)
                return true;
            start = NAN;
        }
    }
    return !isnan(start) && start < b;
}

static int cmp_life(const void *x, const void *y)
{
    const life *a = x, *b = y;
    if (a->order != b->order)
        return a->order < b->order ? -1 : 1;
    if (a->sub != b->sub)
        return a->sub < b->sub ? -1 : 1;
    return (a->birth > b->birth) - (a->birth < b->birth);
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static bool track_ever(const pd_scene *s, uint32_t tr, bool fill)
{
    const track *t = &((const track *)s->tracks.data)[tr];
    const key *k = t->keys.data;
    for (size_t i = 0; i < t->keys.len; i++) {
        if (fill && k[i].st.fill.a > 0)
            return true;
        if (!fill && k[i].st.stroke.a > 0 && k[i].st.width > 0)
            return true;
    }
    return false;
}

/* Which leaf owns a track (main tracks only; outline tracks are found by life). */
static uint32_t *track_owner_map(const pd_scene *s)
{
    uint32_t *own = calloc(s->tracks.len ? s->tracks.len : 1, sizeof *own);
    if (!own)
        return NULL;
    const mob *ms = s->mobs.data;
    for (size_t i = 1; i < s->mobs.len; i++)
        if (ms[i].kind != MOB_GROUP)
            own[ms[i].track] = (uint32_t)i;
    return own;
}

bool pd_scene_finalize(pd_scene *s, pd_atlas *atlas, pd_err *err)
{
    if (s->error[0])
        return pd_err_set(err, "talk script: %s", s->error);
    if (s->finalized)
        return true;
    scene_sort_keys(s);
    /* tracks -> texels: a header (key count), then each key's texels as
     * core/gpu_layout.h lays them out */
    _Static_assert(PD_TRACK_HEADER_TEXELS == 1 && PD_TEXELS_PER_KEY == 4, "the writer below follows gpu_layout.h");
    uint32_t *track_texel = malloc((s->tracks.len ? s->tracks.len : 1) * sizeof *track_texel);
    uint32_t *owner = track_owner_map(s);
    if (!track_texel || !owner) {
        free(track_texel);
        free(owner);
        return pd_err_set(err, "out of memory finalising the scene");
    }
    for (size_t i = 0; i < s->tracks.len; i++) {
        const track *t = &((const track *)s->tracks.data)[i];
        track_texel[i] = (uint32_t)s->gpu_tracks.len;
        float *h = pd_vec_push(&s->gpu_tracks, 4 * sizeof(float));
        h[0] = (float)t->keys.len;
        const key *k = t->keys.data;
        for (size_t j = 0; j < t->keys.len; j++) {
            float *x = pd_vec_push(&s->gpu_tracks, 4 * sizeof(float));
            x[0] = (float)k[j].t0, x[1] = (float)k[j].t1, x[2] = (float)k[j].rate, x[3] = k[j].st.width;
            x = pd_vec_push(&s->gpu_tracks, 4 * sizeof(float));
            x[0] = k[j].st.s, x[1] = k[j].st.ox, x[2] = k[j].st.oy, x[3] = k[j].st.progress;
            x = pd_vec_push(&s->gpu_tracks, 4 * sizeof(float));
            x[0] = k[j].st.fill.r, x[1] = k[j].st.fill.g, x[2] = k[j].st.fill.b, x[3] = k[j].st.fill.a;
            x = pd_vec_push(&s->gpu_tracks, 4 * sizeof(float));
            x[0] = k[j].st.stroke.r, x[1] = k[j].st.stroke.g, x[2] = k[j].st.stroke.b, x[3] = k[j].st.stroke.a;
        }
    }

    /* lives in draw order -> instances */
    size_t nl = s->lives.len;
    life *lives = s->lives.data;
    if (nl) /* a talk of waits only has no lives (and qsort no NULL) */
        qsort(lives, nl, sizeof *lives, cmp_life);
    life_range *ranges = calloc(nl ? nl : 1, sizeof *ranges);
    /* outline lives carry the leaf of their main life: same order, sub 0 */
    uint32_t current_leaf = 0, current_order = UINT32_MAX;
    bool ok = ranges != NULL;
    for (size_t i = 0; ok && i < nl; i++) {
        const life *lf = &lives[i];
        if (!lf->outline) {
            current_leaf = owner[lf->track];
            current_order = lf->order;
        } else if (lf->order != current_order) {
            continue; /* an outline with no leaf: cannot happen */
        }
        const mob *m = scene_mob(s, (pd_mob){current_leaf});
        uint32_t tt = track_texel[lf->track];
        uint32_t first = (uint32_t)s->gpu_instances.len;
        uint32_t partial_from = UINT32_MAX;
        if (lf->outline) {
            /* a glyph's outline is drawn from the atlas's progress plane; a
             * tip's as three pieces */
            if (m->kind == MOB_TIP)
                emit_tip_outline(s, m, tt);
        } else {
            switch (m->kind) {
            case MOB_GLYPH: {
                const pd_atlas_glyph *e = pd_atlas_get(atlas, m->g.font, m->g.glyph, err);
                if (!e) {
                    ok = false;
                    break;
                }
                if (e->empty)
                    break;
                inst *in = push_inst(s, PD_KIND_GLYPH, 0, tt, 0, 1);
                in->a[0] = m->g.origin.x, in->a[1] = m->g.origin.y;
                in->a[2] = m->g.em * cosf(m->g.angle), in->a[3] = m->g.em * sinf(m->g.angle);
                in->b[0] = e->plane_x0, in->b[1] = e->plane_y0, in->b[2] = e->plane_x1, in->b[3] = e->plane_y1;
                in->c[0] = e->x0, in->c[1] = e->y0, in->c[2] = e->x1, in->c[3] = e->y1;
                break;
            }
            case MOB_RECT: {
                /* one instance draws fill and stroke (square corners are
                 * Cairo's miter join); the stroke as pieces only while Create
                 * or Write draws the path partly */
                bool fill = track_ever(s, m->track, true), stroke = track_ever(s, m->track, false);
                if (fill || stroke) {
                    inst *in = push_inst(s, PD_KIND_RECT, PD_FLAG_FILL_BY_PROGRESS | (stroke ? PD_FLAG_RECT_STROKE : 0),
                                         tt, 0, 1);
                    in->a[0] = m->r.center.x, in->a[1] = m->r.center.y, in->a[2] = m->r.w / 2, in->a[3] = m->r.h / 2;
                    in->b[0] = fminf(m->r.r, fminf(m->r.w, m->r.h) / 2);
                    in->b[1] = cosf(m->r.angle), in->b[2] = sinf(m->r.angle);
                }
                partial_from = (uint32_t)s->gpu_instances.len;
                if (stroke)
                    emit_rect_stroke(s, m, tt);
                break;
            }
            case MOB_PATH:
                if (track_ever(s, m->track, false))
                    emit_open_path(s, m, tt);
                break;
            case MOB_TIP: {
                inst *in = push_inst(s, PD_KIND_TRIANGLE, 0, tt, 0, 1);
                in->a[0] = m->pts[0].x, in->a[1] = m->pts[0].y, in->a[2] = m->pts[1].x, in->a[3] = m->pts[1].y;
                in->b[0] = m->pts[2].x, in->b[1] = m->pts[2].y;
                break;
            }
            case MOB_GROUP:
                break;
            }
        }
        uint32_t end = (uint32_t)s->gpu_instances.len;
        ranges[i] = (life_range){(uint32_t)i, first, end - first, partial_from < end ? partial_from : end, lf->track};
        if (end > first && !push_drawn(s, lf, first, end)) {
            ok = false;
            break;
        }
    }
    free(track_texel);
    free(owner);
    if (!ok) {
        free(ranges);
        if (!err || !err->msg[0])
            pd_err_set(err, "out of memory finalising the scene");
        return false;
    }

    /* epochs: every birth and death splits time */
    double *times = malloc((2 * nl + 1) * sizeof *times);
    if (!times) {
        free(ranges);
        return pd_err_set(err, "out of memory finalising the scene");
    }
    size_t nt = 0;
    times[nt++] = 0;
    for (size_t i = 0; i < nl; i++) {
        times[nt++] = lives[i].birth;
        if (isfinite(lives[i].death))
            times[nt++] = lives[i].death;
    }
    qsort(times, nt, sizeof *times, cmp_double);
    size_t ne = 0;
    for (size_t i = 0; i < nt; i++)
        if (ne == 0 || times[i] > times[ne - 1])
            times[ne++] = times[i];
    for (size_t e = 0; e < ne; e++) {
        double t = times[e], t_next = e + 1 < ne ? times[e + 1] : INFINITY;
        pd_epoch *ep = pd_vec_push(&s->gpu_epochs, sizeof *ep);
        ep->t = (float)t;
        ep->first = (uint32_t)s->gpu_index.len;
        for (size_t i = 0; i < nl; i++) {
            if (!(lives[i].birth <= t && t < lives[i].death))
                continue;
            const life_range *lr = &ranges[i];
            uint32_t end = lr->first + lr->count;
            if (lr->partial_first < end && !track_partial_in(s, lr->track, t, t_next))
                end = lr->partial_first;
            for (uint32_t k = lr->first; k < end; k++) {
                uint32_t *slot = pd_vec_push(&s->gpu_index, sizeof *slot);
                *slot = k;
            }
        }
        ep = &((pd_epoch *)s->gpu_epochs.data)[e];
        ep->count = (uint32_t)s->gpu_index.len - ep->first;
        /* split into same-kind runs: each kind has its own fragment shader */
        ep->first_run = (uint32_t)s->gpu_runs.len;
        const uint32_t *idx = s->gpu_index.data;
        const inst *insts = s->gpu_instances.data;
        for (uint32_t k = ep->first; k < ep->first + ep->count; k++) {
            /* shapes share one fragment variant, glyphs have theirs */
            uint32_t kind =
                ((uint32_t)insts[idx[k]].m[0] % PD_KIND_SPAN) == PD_KIND_GLYPH ? PD_KIND_GLYPH : PD_KIND_RECT;
            pd_run *last = s->gpu_runs.len > ep->first_run ? &((pd_run *)s->gpu_runs.data)[s->gpu_runs.len - 1] : NULL;
            if (last && last->kind == kind) {
                last->count++;
            } else {
                pd_run *r = pd_vec_push(&s->gpu_runs, sizeof *r);
                *r = (pd_run){kind, k, 1};
            }
        }
        ep = &((pd_epoch *)s->gpu_epochs.data)[e];
        ep->run_count = (uint32_t)s->gpu_runs.len - ep->first_run;
    }
    free(times);
    free(ranges);
    s->finalized = true;
    return true;
}

pd_scene_gpu pd_scene_gpu_data(const pd_scene *s)
{
    return (pd_scene_gpu){
        .instances = s->gpu_instances.data,
        .instance_count = (uint32_t)s->gpu_instances.len,
        .tracks = s->gpu_tracks.data,
        .track_texels = (uint32_t)s->gpu_tracks.len,
        .index = s->gpu_index.data,
        .index_count = (uint32_t)s->gpu_index.len,
        .epochs = s->gpu_epochs.data,
        .epoch_count = (uint32_t)s->gpu_epochs.len,
        .runs = s->gpu_runs.data,
        .run_count = (uint32_t)s->gpu_runs.len,
    };
}

/* GPU times are floats (u_t, epoch starts): a time this close to a key, a
 * birth or a death may fall on either side of it there */
#define DAMAGE_NEAR 1e-3

/* Whether the track's state can differ anywhere in [a, b] (near enough):
 * states change only inside key windows (key 0 holds before key 1). */
static bool track_moves(const pd_scene *s, uint32_t tr, double a, double b)
{
    const track *trk = &((const track *)s->tracks.data)[tr];
    const key *k = trk->keys.data;
    for (size_t j = 1; j < trk->keys.len; j++)
        if (k[j].t0 <= b + DAMAGE_NEAR && k[j].t1 >= a - DAMAGE_NEAR)
            return true;
    return false;
}

static void damage_add(const pd_scene *s, const drawn_life *d, double t, float box[4], bool *any)
{
    leaf_state st = scene_track_eval(s, d->track, t < 0 ? 0 : t);
    float xa = st.s * d->x0 + st.ox, xb = st.s * d->x1 + st.ox;
    float ya = st.s * d->y0 + st.oy, yb = st.s * d->y1 + st.oy;
    /* strokes reach past the geometry; 0.02 units (2.7 px at 1080p) more for rounding */
    float m = st.width * PD_STROKE_UNIT * d->stroke_reach + 0.02f;
    float x0 = fminf(xa, xb) - m, x1 = fmaxf(xa, xb) + m, y0 = fminf(ya, yb) - m, y1 = fmaxf(ya, yb) + m;
    if (!*any) {
        box[0] = x0, box[1] = y0, box[2] = x1, box[3] = y1;
        *any = true;
    } else {
        box[0] = fminf(box[0], x0), box[1] = fminf(box[1], y0), box[2] = fmaxf(box[2], x1), box[3] = fmaxf(box[3], y1);
    }
}

typedef void damage_fn(void *ctx, const float box[4]);

/* Calls fn with the box of each drawing life whose presence or state
 * changes between ta and tb, as drawn at both times; false when none does. */
static bool damage_each(const pd_scene *s, double ta, double tb, damage_fn *fn, void *ctx)
{
    if (ta > tb) {
        double x = ta;
        ta = tb, tb = x;
    }
    bool found = false;
    const drawn_life *d = s->gpu_drawn.data;
    for (size_t i = 0; i < s->gpu_drawn.len; i++) {
        const drawn_life *l = &d[i];
        bool la = l->birth - DAMAGE_NEAR <= ta && ta < l->death + DAMAGE_NEAR;
        bool lb = l->birth - DAMAGE_NEAR <= tb && tb < l->death + DAMAGE_NEAR;
        if (!la && !lb)
            continue;
        bool sure_a = l->birth + DAMAGE_NEAR <= ta && ta < l->death - DAMAGE_NEAR;
        bool sure_b = l->birth + DAMAGE_NEAR <= tb && tb < l->death - DAMAGE_NEAR;
        if (sure_a && sure_b && !track_moves(s, l->track, ta, tb))
            continue; /* drawn the same at both times */
        /* as drawn at each time, and a moment to either side of it (float times) */
        float box[4];
        bool any = false;
        if (la) {
            damage_add(s, l, ta - DAMAGE_NEAR, box, &any);
            damage_add(s, l, ta + DAMAGE_NEAR, box, &any);
        }
        if (lb) {
            damage_add(s, l, tb - DAMAGE_NEAR, box, &any);
            damage_add(s, l, tb + DAMAGE_NEAR, box, &any);
        }
        fn(ctx, box);
        found = true;
    }
    return found;
}

static float box_area(const float b[4]) { return (b[2] - b[0]) * (b[3] - b[1]); }

static void box_unite(float a[4], const float b[4])
{
    a[0] = fminf(a[0], b[0]), a[1] = fminf(a[1], b[1]), a[2] = fmaxf(a[2], b[2]), a[3] = fmaxf(a[3], b[3]);
}

static void unite_into(void *ctx, const float box[4])
{
    float *u = ctx;
    box_unite(u, box);
}

bool pd_scene_damage(const pd_scene *s, double ta, double tb, float box[4])
{
    box[0] = box[1] = INFINITY, box[2] = box[3] = -INFINITY;
    return damage_each(s, ta, tb, unite_into, box);
}

typedef struct rect_set {
    float (*r)[4];
    int n, max;
    float join; /* area a rectangle of its own must save */
} rect_set;

/* Adds a life's box to the rectangles: into the one it grows least, when
 * that costs at most `join` of area more than the two apart (or when there
 * is no room for another); the grown one may then join others in turn. */
static void rects_add(void *ctx, const float box[4])
{
    rect_set *rs = ctx;
    float b[4] = {box[0], box[1], box[2], box[3]};
    for (;;) {
        int best = -1;
        float cost = INFINITY;
        for (int i = 0; i < rs->n; i++) {
            float u[4] = {b[0], b[1], b[2], b[3]};
            box_unite(u, rs->r[i]);
            float c = box_area(u) - box_area(rs->r[i]) - box_area(b);
            if (c < cost)
                cost = c, best = i;
        }
        if (best < 0 || (cost > rs->join && rs->n < rs->max)) {
            memcpy(rs->r[rs->n++], b, sizeof b);
            return;
        }
        box_unite(b, rs->r[best]);
        if (best != --rs->n)
            memcpy(rs->r[best], rs->r[rs->n], sizeof b);
    }
}

int pd_scene_damage_rects(const pd_scene *s, double ta, double tb, float rects[][4], int max, float join)
{
    if (max < 1)
        return 0;
    rect_set rs = {rects, 0, max, join};
    damage_each(s, ta, tb, rects_add, &rs);
    return rs.n;
}

uint32_t pd_scene_cull(const pd_scene *s, double t, const float box[4], uint32_t *index, pd_run *runs,
                       uint32_t *run_count)
{
    *run_count = 0;
    const pd_epoch *e = pd_scene_epoch_at(s, t);
    if (!e)
        return 0;
    const uint32_t *idx = s->gpu_index.data, *owner = s->gpu_inst_drawn.data;
    const pd_run *er = s->gpu_runs.data;
    const drawn_life *d = s->gpu_drawn.data;
    uint32_t n = 0, last = UINT32_MAX;
    bool keep = false;
    for (uint32_t r = e->first_run; r < e->first_run + e->run_count; r++) {
        for (uint32_t k = er[r].first; k < er[r].first + er[r].count; k++) {
            uint32_t o = idx[k] < s->gpu_inst_drawn.len ? owner[idx[k]] : UINT32_MAX;
            if (o != last || o == UINT32_MAX) { /* a life's instances lie together: its box once */
                last = o;
                keep = true;
                if (o != UINT32_MAX) {
                    /* as drawn a moment to either side of t (the shader's float times) */
                    float b[4];
                    bool any = false;
                    damage_add(s, &d[o], t - DAMAGE_NEAR, b, &any);
                    damage_add(s, &d[o], t + DAMAGE_NEAR, b, &any);
                    keep = b[0] <= box[2] && b[2] >= box[0] && b[1] <= box[3] && b[3] >= box[1];
                }
            }
            if (!keep)
                continue;
            index[n] = idx[k];
            if (*run_count && runs[*run_count - 1].kind == er[r].kind)
                runs[*run_count - 1].count++;
            else
                runs[(*run_count)++] = (pd_run){er[r].kind, n, 1};
            n++;
        }
    }
    return n;
}

const pd_epoch *pd_scene_epoch_at(const pd_scene *s, double t)
{
    const pd_epoch *e = s->gpu_epochs.data;
    size_t n = s->gpu_epochs.len;
    if (n == 0 || t < e[0].t)
        return NULL;
    size_t lo = 0, hi = n; /* last epoch with e.t <= t */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if ((double)e[mid].t <= t)
            lo = mid;
        else
            hi = mid;
    }
    return &e[lo];
}
