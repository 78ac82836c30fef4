/* anim.c: play()/wait() -> keyframes on leaf tracks, with Manim's timing
 * (§7: run_time, lag, rate functions, Write/Create/Fade/Transform/.animate;
 * §8: frame counting). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scene/scene_internal.h"

/* ---- rate functions (manim/utils/rate_functions.py) ---- */

static float sigmoid(float x) { return 1.0f / (1.0f + expf(-x)); }

static float smooth(float t)
{
    /* smooth(t) = (s(10(t-1/2)) - s(-5)) / (1 - 2 s(-5)), inflection 10 */
    t = fminf(fmaxf(t, 0), 1);
    const float s5 = (float)PD_SMOOTH_S5;
    return (sigmoid((float)PD_SMOOTH_INFLECTION * (t - 0.5f)) - s5) / (1.0f - 2.0f * s5);
}

float scene_rate(pd_rate rate, float x)
{
    x = fminf(fmaxf(x, 0), 1); /* unit_interval */
    switch (rate) {
    case PD_RATE_LINEAR:
        return x;
    case PD_RATE_DOUBLE_SMOOTH:
        return x < 0.5f ? 0.5f * smooth(2 * x) : 0.5f * (1 + smooth(2 * x - 1));
    case PD_RATE_THERE_AND_BACK:
        return smooth(x < 0.5f ? 2 * x : 2 * (1 - x));
    case PD_RATE_SMOOTH:
    case PD_RATE_DEFAULT:
    default:
        return smooth(x);
    }
}

/* ---- tracks ---- */

uint32_t scene_new_track(pd_scene *s)
{
    pd_vec_push(&s->tracks, sizeof(track));
    return (uint32_t)(s->tracks.len - 1);
}

void scene_push_key(pd_scene *s, uint32_t tr, double t0, double t1, pd_rate rate, leaf_state st)
{
    track *t = &((track *)s->tracks.data)[tr];
    key *k = pd_vec_push(&t->keys, sizeof *k);
    k->t0 = t0;
    k->t1 = t1 < t0 ? t0 : t1;
    k->rate = rate;
    k->st = st;
}

static float lerpf(float a, float b, float u) { return a + (b - a) * u; }

static leaf_state state_lerp(leaf_state a, leaf_state b, float u)
{
    return (leaf_state){
        .s = lerpf(a.s, b.s, u),
        .ox = lerpf(a.ox, b.ox, u),
        .oy = lerpf(a.oy, b.oy, u),
        .progress = lerpf(a.progress, b.progress, u),
        .fill = pd_color_lerp(a.fill, b.fill, u),
        .stroke = pd_color_lerp(a.stroke, b.stroke, u),
        .width = lerpf(a.width, b.width, u),
    };
}

/* The CPU twin of shaders/scene.vert's eval_track: the last key whose
 * window has started (t0 <= t; key 0 always applies) decides; before its end
 * the state lerps from the key before it. Keys are in start order (see
 * scene_sort_keys). */
leaf_state scene_track_eval(const pd_scene *s, uint32_t tr, double t)
{
    const track *trk = &((const track *)s->tracks.data)[tr];
    const key *k = trk->keys.data;
    size_t n = trk->keys.len;
    if (n == 0)
        return (leaf_state){.s = 1, .progress = 1};
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if ((float)k[mid].t0 <= (float)t)
            lo = mid;
        else
            hi = mid;
    }
    if (lo == 0)
        return k[0].st;
    if (t >= k[lo].t1)
        return k[lo].rate == PD_RATE_THERE_AND_BACK ? k[lo - 1].st : k[lo].st;
    float u = scene_rate(k[lo].rate, (float)((t - k[lo].t0) / (k[lo].t1 - k[lo].t0)));
    return state_lerp(k[lo - 1].st, k[lo].st, u);
}

static int cmp_key(const void *x, const void *y)
{
    const key *a = x, *b = y;
    return (a->t0 > b->t0) - (a->t0 < b->t0);
}

void scene_sort_keys(pd_scene *s)
{
    /* insertion order is time order except where two animations of one play
     * touch the same leaf; a stable sort keeps same-time keys in call order */
    track *ts = s->tracks.data;
    for (size_t i = 0; i < s->tracks.len; i++) {
        key *k = ts[i].keys.data;
        size_t n = ts[i].keys.len;
        bool sorted = true;
        for (size_t j = 1; j < n && sorted; j++)
            sorted = k[j - 1].t0 <= k[j].t0;
        if (sorted)
            continue;
        /* insertion sort: stable, and these lists are short */
        for (size_t j = 1; j < n; j++) {
            key x = k[j];
            size_t m = j;
            while (m > 0 && cmp_key(&k[m - 1], &x) > 0) {
                k[m] = k[m - 1];
                m--;
            }
            k[m] = x;
        }
    }
}

/* ---- lives: when a leaf is drawn ---- */

static uint32_t open_life(pd_scene *s, uint32_t tr, double t, uint32_t order, uint32_t sub, bool outline)
{
    life *l = pd_vec_push(&s->lives, sizeof *l);
    l->birth = t;
    l->death = INFINITY;
    l->order = order;
    l->sub = sub;
    l->track = tr;
    l->outline = outline;
    return (uint32_t)(s->lives.len - 1);
}

void scene_set_state(pd_scene *s, uint32_t leaf, leaf_state st)
{
    mob *m = scene_mob(s, (pd_mob){leaf});
    m->cur = st;
    track *t = &((track *)s->tracks.data)[m->track];
    if (t->keys.len > 0) {
        double now = scene_now(s);
        scene_push_key(s, m->track, now, now, PD_RATE_LINEAR, st);
    }
}

void scene_introduce(pd_scene *s, uint32_t leaf, double t)
{
    mob *m = scene_mob(s, (pd_mob){leaf});
    if (m->alive)
        return;
    scene_push_key(s, m->track, t, t, PD_RATE_LINEAR, m->cur);
    m->life = open_life(s, m->track, t, s->add_counter++, 0, false);
    m->alive = true;
}

void scene_retire(pd_scene *s, uint32_t leaf, double t)
{
    mob *m = scene_mob(s, (pd_mob){leaf});
    if (!m->alive)
        return;
    ((life *)s->lives.data)[m->life].death = t;
    m->alive = false;
}

/* ---- plays ---- */

static uint32_t frames_for_play(double run_time)
{
    /* numpy.arange(0, run_time, 1/60) has ceil(run_time / (1/60)) frames */
    double n = ceil(run_time / (1.0 / PD_FPS));
    return n < 1 ? 1 : (uint32_t)n;
}

static void record_play(pd_scene *s, uint32_t frames, bool is_wait, uint32_t anims)
{
    pd_play_info *p = pd_vec_push(&s->plays, sizeof *p);
    p->start_frame = (uint32_t)s->now_frame;
    p->frames = frames;
    p->is_wait = is_wait;
    p->anim_count = anims;
    s->now_frame += frames;
}

typedef struct window {
    double t0, t1;
} window;

/* Member k of n under lag: sub-alpha = rate(alpha*full - k*lag) (§7.1). */
static window member_window(double start, double rt, double lag, uint32_t k, uint32_t n)
{
    double full = (n > 0 ? (double)(n - 1) : 0) * lag + 1;
    return (window){start + rt * ((double)k * lag) / full, start + rt * ((double)k * lag + 1) / full};
}

static pd_rate pick_rate(pd_rate given, pd_rate def) { return given != PD_RATE_DEFAULT ? given : def; }

static leaf_state faded(leaf_state st)
{
    st.fill.a = 0;
    st.stroke.a = 0;
    return st;
}

/* FadeIn/FadeOut's other end: moved by -shift (in) or +shift (out), then
 * scaled by k about the group's moved centre (§7.5). */
static leaf_state fade_end(leaf_state st, pd_v2 c, pd_v2 shift, float k, float dir)
{
    pd_v2 cc = {c.x + dir * shift.x, c.y + dir * shift.y};
    st = faded(st);
    st.ox = k * (st.ox + dir * shift.x - cc.x) + cc.x;
    st.oy = k * (st.oy + dir * shift.y - cc.y) + cc.y;
    st.s *= k;
    return st;
}

typedef struct arrow_parts {
    bool is_arrow;
    uint32_t shaft, tip;
} arrow_parts;

static arrow_parts arrow_of(pd_scene *s, pd_mob m)
{
    mob *g = scene_mob(s, m);
    arrow_parts a = {0};
    if (g && g->kind == MOB_GROUP && g->group == GROUP_ARROW && g->children.len == 2) {
        a.is_arrow = true;
        a.shaft = ((uint32_t *)g->children.data)[0];
        a.tip = ((uint32_t *)g->children.data)[1];
    }
    return a;
}

/* FadeIn(arrow, scale=k) keeps the tip's size (§5.3): the line start..tip
 * point scales by k about its midpoint, the same tip sits at the new end, and
 * the shaft width is min(w, 5*(k*L - l)). Returns the start states. */
static void arrow_scaled(pd_scene *s, arrow_parts a, float k, pd_v2 shift, float dir, leaf_state *shaft_st,
                         leaf_state *tip_st)
{
    mob *sh = scene_mob(s, (pd_mob){a.shaft}), *tp = scene_mob(s, (pd_mob){a.tip});
    leaf_state ss = sh->cur, ts = tp->cur;
    pd_v2 S = {ss.s * sh->pts[0].x + ss.ox, ss.s * sh->pts[0].y + ss.oy};
    pd_v2 B = {ss.s * sh->pts[1].x + ss.ox, ss.s * sh->pts[1].y + ss.oy};
    pd_v2 E = {ts.s * tp->pts[0].x + ts.ox, ts.s * tp->pts[0].y + ts.oy};
    float L = hypotf(E.x - S.x, E.y - S.y), l = hypotf(E.x - B.x, E.y - B.y);
    pd_v2 C = {(S.x + E.x) / 2 + dir * shift.x, (S.y + E.y) / 2 + dir * shift.y};
    pd_v2 S2 = {C.x + k * (S.x + dir * shift.x - C.x), C.y + k * (S.y + dir * shift.y - C.y)};
    pd_v2 E2 = {C.x + k * (E.x + dir * shift.x - C.x), C.y + k * (E.y + dir * shift.y - C.y)};
    float kl = k * L - l;
    float shaft_len = hypotf(B.x - S.x, B.y - S.y);
    float ks = shaft_len > 0 && kl > 0 ? kl / shaft_len : 0.001f;
    /* shaft: scale ks about S, then move S to S2 */
    leaf_state n = faded(ss);
    n.s = ss.s * ks;
    n.ox = ks * (ss.ox - S.x) + S2.x;
    n.oy = ks * (ss.oy - S.y) + S2.y;
    n.width = fminf(ss.width, fmaxf(5 * kl, 0));
    *shaft_st = n;
    leaf_state t = faded(ts);
    t.ox += E2.x - E.x;
    t.oy += E2.y - E.y;
    *tip_st = t;
}

/* Create/Write outline of a tip: a separate track drives its partial outline
 * (three pieces), drawn only during this play, just above the tip. */
static uint32_t outline_track(pd_scene *s, uint32_t leaf, double play_t0, double play_t1)
{
    uint32_t order = ((life *)s->lives.data)[scene_mob(s, (pd_mob){leaf})->life].order, sub = 1;
    uint32_t tr = scene_new_track(s);
    /* a second outline of the same leaf draws above the first */
    for (size_t i = 0; i < s->lives.len; i++) {
        life *l = &((life *)s->lives.data)[i];
        if (l->order == order && l->sub >= sub)
            sub = l->sub + 1;
    }
    uint32_t li = open_life(s, tr, play_t0, order, sub, true);
    ((life *)s->lives.data)[li].death = play_t1;
    return tr;
}

static double anim_default_run_time(pd_anim_kind kind, uint32_t n)
{
    /* manim: Write lasts 1 s under 15 members, else 2 s */
    if (kind == PD_ANIM_WRITE)
        return n < 15 ? 1.0 : 2.0;
    return 1.0;
}

static double anim_default_lag(pd_anim_kind kind, uint32_t n)
{
    if (kind == PD_ANIM_WRITE)
        return fmin(4.0 / (n > 0 ? n : 1), 0.2);
    if (kind == PD_ANIM_CREATE)
        return 1.0;
    return 0.0;
}

static void anim_write(pd_scene *s, const pd_vec *leaves, double T0, double Tend, double rt, double lag, pd_rate rate,
                       bool create)
{
    uint32_t n = (uint32_t)leaves->len;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t id = ((uint32_t *)leaves->data)[k];
        mob *m = scene_mob(s, (pd_mob){id});
        leaf_state target = m->cur;
        window w = member_window(T0, rt, lag, k, n);
        if (create) {
            /* Create: the path appears by curve count, style unchanged (§7.4) */
            if (m->kind == MOB_GLYPH) {
                /* a glyph's path is its outline: drawn in its colour, then filled */
                leaf_state st0 = target;
                st0.progress = 0;
                st0.fill.a = 0;
                st0.stroke = pd_color_alpha(target.fill, 1);
                st0.width = 2;
                m->cur = st0;
                scene_introduce(s, id, T0);
                scene_push_key(s, m->track, T0, T0, PD_RATE_LINEAR, st0);
                leaf_state drawn = st0;
                drawn.progress = 1;
                scene_push_key(s, m->track, w.t0, w.t1, rate, drawn);
                scene_push_key(s, m->track, w.t1, w.t1, PD_RATE_LINEAR, target);
            } else if (m->kind == MOB_RECT || m->kind == MOB_PATH) {
                leaf_state st0 = target;
                st0.progress = 0;
                m->cur = st0;
                scene_introduce(s, id, T0);
                scene_push_key(s, m->track, T0, T0, PD_RATE_LINEAR, st0);
                scene_push_key(s, m->track, w.t0, w.t1, rate, target);
            } else {
                leaf_state hidden = faded(target);
                m->cur = hidden;
                scene_introduce(s, id, T0);
                scene_push_key(s, m->track, T0, T0, PD_RATE_LINEAR, hidden);
                scene_push_key(s, m->track, w.t1, w.t1, PD_RATE_LINEAR, target);
                uint32_t ot = outline_track(s, id, T0, w.t1);
                leaf_state o = target;
                o.progress = 0;
                o.fill.a = 0;
                o.stroke = pd_color_alpha(target.stroke, 1);
                o.width = target.width > 0 ? target.width : 2;
                scene_push_key(s, ot, T0, T0, PD_RATE_LINEAR, o);
                o.progress = 1;
                scene_push_key(s, ot, w.t0, w.t1, rate, o);
            }
            m->cur = target;
            continue;
        }
        /* Write = DrawBorderThenFill (§7.3): outline (width 2, the leaf's
         * stroke colour, opaque) drawn along the first half of the member's
         * window, then the fill and original stroke lerp in. */
        double mid = (w.t0 + w.t1) * 0.5;
        leaf_state outline = target;
        outline.fill.a = 0;
        outline.stroke = pd_color_alpha(target.stroke, 1);
        outline.width = 2;
        outline.progress = 1;
        if (m->kind == MOB_RECT || m->kind == MOB_PATH || m->kind == MOB_GLYPH) {
            /* the leaf's own path (a glyph's: its outline, through the
             * atlas's progress plane) is the outline */
            leaf_state st0 = outline;
            st0.progress = 0;
            m->cur = st0;
            scene_introduce(s, id, T0);
            scene_push_key(s, m->track, T0, T0, PD_RATE_LINEAR, st0);
            scene_push_key(s, m->track, w.t0, mid, rate, outline);
            scene_push_key(s, m->track, mid, w.t1, rate, target);
        } else {
            leaf_state hidden = target;
            hidden.fill.a = 0;
            hidden.width = 0;
            m->cur = hidden;
            scene_introduce(s, id, T0);
            scene_push_key(s, m->track, T0, T0, PD_RATE_LINEAR, hidden);
            scene_push_key(s, m->track, mid, mid, PD_RATE_LINEAR, outline);
            scene_push_key(s, m->track, mid, w.t1, rate, target);
            uint32_t ot = outline_track(s, id, T0, Tend);
            leaf_state o = outline;
            o.progress = 0;
            scene_push_key(s, ot, T0, T0, PD_RATE_LINEAR, o);
            o.progress = 1;
            scene_push_key(s, ot, w.t0, mid, rate, o);
            o.stroke.a = 0; /* the filled glyph takes over at mid */
            scene_push_key(s, ot, mid, mid, PD_RATE_LINEAR, o);
        }
        m->cur = target;
    }
}

static void anim_fade(pd_scene *s, const pd_anim *a, const pd_vec *leaves, double T0, double Tend, double rt,
                      double lag, pd_rate rate, bool in)
{
    float k = a->scale > 0 ? a->scale : 1;
    pd_v2 c = pd_get_center(s, a->mob);
    arrow_parts ar = arrow_of(s, a->mob);
    leaf_state shaft_st = {0}, tip_st = {0};
    if (ar.is_arrow && k != 1)
        arrow_scaled(s, ar, k, a->shift, in ? -1.0f : 1.0f, &shaft_st, &tip_st);
    uint32_t n = (uint32_t)leaves->len;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t id = ((uint32_t *)leaves->data)[i];
        mob *m = scene_mob(s, (pd_mob){id});
        window w = member_window(T0, rt, lag, i, n);
        leaf_state end = fade_end(m->cur, c, a->shift, k, in ? -1.0f : 1.0f);
        if (ar.is_arrow && k != 1)
            end = id == ar.shaft ? shaft_st : id == ar.tip ? tip_st : end;
        if (in) {
            leaf_state target = m->cur;
            m->cur = end;
            scene_introduce(s, id, T0);
            scene_push_key(s, m->track, T0, T0, PD_RATE_LINEAR, end);
            scene_push_key(s, m->track, w.t0, w.t1, rate, target);
            m->cur = target;
        } else {
            scene_introduce(s, id, T0);
            scene_push_key(s, m->track, w.t0, w.t1, rate, end);
            m->cur = end;
            scene_retire(s, id, Tend);
        }
    }
}

static leaf_state changed(const pd_change *c, leaf_state st, pd_v2 centre)
{
    if (c->set_fill) {
        float a = c->fill_opacity >= 0 ? c->fill_opacity : st.fill.a;
        st.fill = pd_color_alpha(c->fill_color, a);
    }
    if (c->set_fill_opacity && c->fill_opacity >= 0)
        st.fill.a = c->fill_opacity;
    if (c->set_stroke) {
        st.stroke = pd_color_alpha(c->stroke_color, st.stroke.a);
        if (c->stroke_width >= 0)
            st.width = c->stroke_width;
    }
    if (c->set_color) {
        st.fill = pd_color_alpha(c->color, st.fill.a);
        st.stroke = pd_color_alpha(c->color, st.stroke.a);
    }
    if (c->set_stroke_opacity && c->stroke_opacity >= 0)
        st.stroke.a = c->stroke_opacity;
    if (c->scale > 0) {
        st.s *= c->scale;
        st.ox = c->scale * (st.ox - centre.x) + centre.x;
        st.oy = c->scale * (st.oy - centre.y) + centre.y;
    }
    if (c->move) {
        /* after scaling, the box centre stays at centre: move it to move_to */
        st.ox += c->move_to.x - centre.x;
        st.oy += c->move_to.y - centre.y;
    }
    return st;
}

static void anim_animate(pd_scene *s, const pd_anim *a, const pd_vec *leaves, double T0, double rt, double lag,
                         pd_rate rate)
{
    pd_v2 c = pd_get_center(s, a->mob);
    uint32_t n = (uint32_t)leaves->len;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t id = ((uint32_t *)leaves->data)[i];
        mob *m = scene_mob(s, (pd_mob){id});
        window w = member_window(T0, rt, lag, i, n);
        leaf_state target = changed(&a->change, m->cur, c);
        scene_introduce(s, id, T0);
        scene_push_key(s, m->track, w.t0, w.t1, rate, target);
        m->cur = target;
    }
}

/* The state that carries leaf `from`'s current box onto leaf `to`'s box:
 * centre to centre, scaled by the ratio of heights (widths for flat ones). */
static leaf_state carried(const pd_scene *s, uint32_t from, uint32_t to, leaf_state st)
{
    float a0, b0, a1, b1, c0, d0, c1, d1;
    scene_leaf_box(scene_mob(s, (pd_mob){from}), &a0, &b0, &a1, &b1);
    scene_leaf_box(scene_mob(s, (pd_mob){to}), &c0, &d0, &c1, &d1);
    float h0 = b1 - b0, h1 = d1 - d0, w0 = a1 - a0, w1 = c1 - c0;
    float k = h0 > 1e-4f && h1 > 1e-4f ? h1 / h0 : w0 > 1e-4f && w1 > 1e-4f ? w1 / w0 : 1;
    pd_v2 cf = {(a0 + a1) / 2, (b0 + b1) / 2}, ct = {(c0 + c1) / 2, (d0 + d1) / 2};
    st.s *= k;
    st.ox = k * (st.ox - cf.x) + ct.x;
    st.oy = k * (st.oy - cf.y) + ct.y;
    return st;
}

/* Transform(m, target): members paired by index with Manim's split rule
 * (§7.6); each old member moves onto its partner and fades out while the
 * partner moves in from the old member's place and fades in. m then holds
 * the target's members (the target itself is never added). */
static void anim_transform(pd_scene *s, const pd_anim *a, const pd_vec *old, double T0, double Tend, double rt,
                           pd_rate rate)
{
    pd_vec neu = {0};
    scene_leaves(s, a->target, &neu);
    uint32_t c = (uint32_t)old->len, t = (uint32_t)neu.len;
    const uint32_t *ov = old->data, *nv = neu.data;
    if (t == 0 || c == 0) {
        pd_vec_free(&neu);
        return;
    }
    /* the old members' states before this play: each new member comes in
     * from its partner's box as it was, not as the loop has moved it */
    leaf_state *was = malloc(c * sizeof *was);
    if (!was) {
        scene_fail(s, "pd_play(Transform): out of memory");
        pd_vec_free(&neu);
        return;
    }
    for (uint32_t i = 0; i < c; i++)
        was[i] = scene_mob(s, (pd_mob){ov[i]})->cur;
    uint32_t slots = c > t ? c : t;
    for (uint32_t j = 0; j < slots; j++) {
        uint32_t oi = c >= t ? j : (uint32_t)((uint64_t)j * c / t);
        uint32_t ni = t >= c ? j : (uint32_t)((uint64_t)j * t / c);
        uint32_t o = ov[oi], n = nv[ni];
        mob *om = scene_mob(s, (pd_mob){o});
        mob *nm = scene_mob(s, (pd_mob){n});
        /* old member: the first slot it owns moves it */
        bool first_old = c >= t || j == 0 || (uint32_t)((uint64_t)(j - 1) * c / t) != oi;
        if (first_old) {
            leaf_state end = faded(carried(s, o, n, om->cur));
            scene_introduce(s, o, T0);
            scene_push_key(s, om->track, T0, T0 + rt, rate, end);
            om->cur = end;
            scene_retire(s, o, Tend);
        }
        bool first_new = t >= c || j == 0 || (uint32_t)((uint64_t)(j - 1) * t / c) != ni;
        if (first_new && !nm->alive) {
            leaf_state target = nm->cur, now = om->cur;
            om->cur = was[oi];
            leaf_state start = faded(carried(s, n, o, target));
            om->cur = now;
            nm->cur = start;
            scene_introduce(s, n, T0);
            scene_push_key(s, nm->track, T0, T0, PD_RATE_LINEAR, start);
            scene_push_key(s, nm->track, T0, T0 + rt, rate, target);
            nm->cur = target;
        }
    }
    /* m becomes the target: its members are the target's from now on */
    mob *g = scene_mob(s, a->mob);
    if (g->kind == MOB_GROUP) {
        g->children.len = 0;
        mob *tg = scene_mob(s, a->target);
        if (tg->kind == MOB_GROUP) {
            for (size_t i = 0; i < tg->children.len; i++) {
                uint32_t *slot = pd_vec_push(&scene_mob(s, a->mob)->children, sizeof *slot);
                *slot = ((uint32_t *)scene_mob(s, a->target)->children.data)[i];
            }
        } else {
            uint32_t *slot = pd_vec_push(&g->children, sizeof *slot);
            *slot = a->target.id;
        }
    }
    free(was);
    pd_vec_free(&neu);
}

static const char *anim_name(pd_anim_kind k)
{
    static const char *names[] = {"none", "Write", "Create", "FadeIn", "FadeOut", "Transform", ".animate"};
    return k <= PD_ANIM_ANIMATE ? names[k] : "?";
}

void pd_play(pd_scene *s, const pd_anim *anims, uint32_t count, const pd_play_opts *opts)
{
    if (!s)
        return;
    if (!anims || count == 0) {
        scene_fail(s, "pd_play: no animations given");
        return;
    }
    if (opts && (opts->run_time < 0 || !isfinite(opts->run_time))) {
        scene_fail(s, "pd_play: run_time %g is negative", opts->run_time);
        return;
    }
    /* resolve run times first: the play lasts the longest (§7.2), each from
     * its delay (AnimationGroup's timings) */
    if (count > 100000) {
        scene_fail(s, "pd_play: %u animations in one play (at most 100000)", count);
        return;
    }
    double *rts = malloc(count * sizeof *rts);
    if (!rts) {
        scene_fail(s, "pd_play: out of memory for %u animations", count);
        return;
    }
    pd_vec leaves = {0};
    double D = 0;
    for (uint32_t i = 0; i < count; i++) {
        const pd_anim *a = &anims[i];
        if (!scene_valid(s, a->mob, "pd_play") ||
            (a->kind == PD_ANIM_TRANSFORM && !scene_valid(s, a->target, "pd_play(Transform)"))) {
            free(rts);
            pd_vec_free(&leaves);
            return;
        }
        if (a->run_time < 0 || !isfinite(a->run_time) || a->delay < 0 || !isfinite(a->delay)) {
            scene_fail(s, "pd_play(%s): run_time %g or delay %g is negative", anim_name(a->kind), a->run_time,
                       a->delay);
            free(rts);
            pd_vec_free(&leaves);
            return;
        }
        scene_leaves(s, a->mob, &leaves);
        double rt = opts && opts->run_time > 0 ? opts->run_time
                    : a->run_time > 0          ? a->run_time
                                               : anim_default_run_time(a->kind, (uint32_t)leaves.len);
        rts[i] = rt;
        D = fmax(D, a->delay + rt);
    }
    double T0 = scene_now(s);
    uint32_t frames = frames_for_play(D);
    uint32_t *first = pd_vec_push(&s->play_first_anim, sizeof *first);
    *first = (uint32_t)s->anim_infos.len;
    for (uint32_t i = 0; i < count; i++) {
        const pd_anim *a = &anims[i];
        scene_leaves(s, a->mob, &leaves);
        pd_anim_info *info = pd_vec_push(&s->anim_infos, sizeof *info);
        info->kind = a->kind;
        info->mob_type = scene_mob(s, a->mob)->type;
        info->n = (uint32_t)leaves.len;
        info->run_time = rts[i];
        info->lag_ratio = a->lag_ratio >= 0 ? a->lag_ratio : anim_default_lag(a->kind, info->n);
        info->rate = pick_rate(opts && opts->rate != PD_RATE_DEFAULT ? opts->rate : a->rate,
                               a->kind == PD_ANIM_WRITE ? PD_RATE_LINEAR : PD_RATE_SMOOTH);
        scene_box(s, a->mob, &info->x0, &info->y0, &info->x1, &info->y1);
        for (size_t l = 0; l < leaves.len; l++) {
            const mob *lm = scene_mob(s, (pd_mob){((uint32_t *)leaves.data)[l]});
            info->rotated |= (lm->kind == MOB_GLYPH && lm->g.angle != 0) || (lm->kind == MOB_RECT && lm->r.angle != 0);
        }
    }
    double Tend = (double)(s->now_frame + frames) / PD_FPS;
    for (uint32_t i = 0; i < count; i++) {
        const pd_anim *a = &anims[i];
        scene_leaves(s, a->mob, &leaves);
        uint32_t n = (uint32_t)leaves.len;
        double lag = a->lag_ratio >= 0 ? a->lag_ratio : anim_default_lag(a->kind, n);
        pd_rate given = opts && opts->rate != PD_RATE_DEFAULT ? opts->rate : a->rate;
        double T0a = T0 + a->delay;
        switch (a->kind) {
        case PD_ANIM_WRITE:
            anim_write(s, &leaves, T0a, Tend, rts[i], lag, pick_rate(given, PD_RATE_LINEAR), false);
            break;
        case PD_ANIM_CREATE:
            anim_write(s, &leaves, T0a, Tend, rts[i], lag, pick_rate(given, PD_RATE_SMOOTH), true);
            break;
        case PD_ANIM_FADE_IN:
        case PD_ANIM_FADE_OUT:
            anim_fade(s, a, &leaves, T0a, Tend, rts[i], lag, pick_rate(given, PD_RATE_SMOOTH),
                      a->kind == PD_ANIM_FADE_IN);
            break;
        case PD_ANIM_TRANSFORM:
            anim_transform(s, a, &leaves, T0a, Tend, rts[i], pick_rate(given, PD_RATE_SMOOTH));
            break;
        case PD_ANIM_ANIMATE:
            anim_animate(s, a, &leaves, T0a, rts[i], lag, pick_rate(given, PD_RATE_SMOOTH));
            break;
        case PD_ANIM_NONE:
        default:
            scene_fail(s, "pd_play: animation %u has no kind", i);
            break;
        }
    }
    free(rts);
    pd_vec_free(&leaves);
    record_play(s, frames, false, count);
}

double pd_anim_run_time(pd_scene *s, const pd_anim *a)
{
    if (!a || !scene_valid(s, a->mob, "pd_anim_run_time"))
        return 0;
    if (a->run_time > 0)
        return a->run_time;
    pd_vec leaves = {0};
    scene_leaves(s, a->mob, &leaves);
    double rt = anim_default_run_time(a->kind, (uint32_t)leaves.len);
    pd_vec_free(&leaves);
    return rt;
}

void pd_add(pd_scene *s, pd_mob m)
{
    if (!scene_valid(s, m, "pd_add"))
        return;
    pd_vec leaves = {0};
    scene_leaves(s, m, &leaves);
    for (size_t i = 0; i < leaves.len; i++)
        scene_introduce(s, ((uint32_t *)leaves.data)[i], scene_now(s));
    pd_vec_free(&leaves);
}

void pd_remove(pd_scene *s, pd_mob m)
{
    if (!scene_valid(s, m, "pd_remove"))
        return;
    pd_vec leaves = {0};
    scene_leaves(s, m, &leaves);
    for (size_t i = 0; i < leaves.len; i++)
        scene_retire(s, ((uint32_t *)leaves.data)[i], scene_now(s));
    pd_vec_free(&leaves);
}

static pd_stop *push_stop(pd_scene *s, double hold, bool loop)
{
    pd_stop *st = pd_vec_push(&s->stops, sizeof *st);
    st->t = scene_now(s);
    st->hold = hold;
    st->section = s->sections.len ? (int)s->sections.len - 1 : 0;
    st->note = s->pending_note;
    st->title = s->pending_title;
    st->loop = loop || s->pending_loop;
    s->pending_note = NULL;
    s->pending_title = NULL;
    s->pending_loop = false;
    return st;
}

/* A wait of `seconds`; a stop held for it when `stop`. */
static void wait_for(pd_scene *s, double seconds, bool stop, const char *call)
{
    if (!s)
        return;
    if (!(seconds >= 0) || !isfinite(seconds)) {
        scene_fail(s, "%s: %g seconds is not a duration >= 0", call, seconds);
        return;
    }
    /* manim: a static wait adds int(d / (1/60)) frames */
    uint32_t frames = (uint32_t)(seconds / (1.0 / PD_FPS));
    uint32_t *first = pd_vec_push(&s->play_first_anim, sizeof *first);
    *first = (uint32_t)s->anim_infos.len;
    if (stop)
        push_stop(s, frames / PD_FPS, false);
    record_play(s, frames, true, 0);
}

void pd_wait(pd_scene *s, double seconds) { wait_for(s, seconds, true, "pd_wait"); }

void pd_pause(pd_scene *s, double seconds) { wait_for(s, seconds, false, "pd_pause"); }

bool pd_stop_here(pd_scene *s, bool loop)
{
    if (!s)
        return false;
    const pd_stop *last = s->stops.len ? &((const pd_stop *)s->stops.data)[s->stops.len - 1] : NULL;
    double now = scene_now(s);
    if (now == 0 || (last && last->t + last->hold >= now - 1e-9))
        return false; /* nothing played since the start or the last stop */
    push_stop(s, 0, loop);
    return true;
}

void pd_apply(pd_scene *s, pd_mob m, pd_change change)
{
    if (!scene_valid(s, m, "pd_apply"))
        return;
    pd_v2 c = pd_get_center(s, m);
    pd_vec leaves = {0};
    scene_leaves(s, m, &leaves);
    for (size_t i = 0; i < leaves.len; i++) {
        uint32_t id = ((uint32_t *)leaves.data)[i];
        scene_set_state(s, id, changed(&change, scene_mob(s, (pd_mob){id})->cur, c));
    }
    pd_vec_free(&leaves);
}

void pd_section(pd_scene *s, const char *title)
{
    if (!s)
        return;
    if (!title) {
        scene_fail(s, "pd_section: no title given");
        return;
    }
    pd_section_info *sec = pd_vec_push(&s->sections, sizeof *sec);
    sec->t = scene_now(s);
    sec->title = pd_arena_strdup(&s->arena, title);
}

void pd_note(pd_scene *s, const char *text)
{
    if (!s)
        return;
    if (!text) {
        scene_fail(s, "pd_note: no text given");
        return;
    }
    s->pending_note = pd_arena_strdup(&s->arena, text);
}

void pd_stop_title(pd_scene *s, const char *title)
{
    if (!s)
        return;
    if (!title) {
        scene_fail(s, "pd_stop_title: no title given");
        return;
    }
    s->pending_title = pd_arena_strdup(&s->arena, title);
}

void pd_stop_loop(pd_scene *s)
{
    if (s)
        s->pending_loop = true;
}

/* ---- timeline queries ---- */

pd_timeline pd_scene_timeline(const pd_scene *s)
{
    return (pd_timeline){.duration = scene_now(s),
                         .frames = (uint32_t)s->now_frame,
                         .stops = s->stops.data,
                         .stop_count = (uint32_t)s->stops.len,
                         .sections = s->sections.data,
                         .section_count = (uint32_t)s->sections.len};
}

uint32_t pd_scene_play_count(const pd_scene *s) { return (uint32_t)s->plays.len; }

const pd_anim_info *pd_scene_anim_info(const pd_scene *s, uint32_t p, uint32_t a)
{
    if (p >= s->plays.len || p >= s->play_first_anim.len)
        return NULL;
    uint32_t first = ((const uint32_t *)s->play_first_anim.data)[p];
    uint32_t end = p + 1 < s->play_first_anim.len ? ((const uint32_t *)s->play_first_anim.data)[p + 1]
                                                  : (uint32_t)s->anim_infos.len;
    return first + a < end ? &((const pd_anim_info *)s->anim_infos.data)[first + a] : NULL;
}

pd_play_info pd_scene_play(const pd_scene *s, uint32_t i)
{
    return i < s->plays.len ? ((const pd_play_info *)s->plays.data)[i] : (pd_play_info){0};
}
