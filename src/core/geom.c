#include "core/geom.h"

#include "core/gpu_layout.h"

#include <math.h>

static pd_v2 norm2(pd_v2 v)
{
    float l = sqrtf(v.x * v.x + v.y * v.y);
    return l > 0 ? (pd_v2){v.x / l, v.y / l} : (pd_v2){0, 0};
}

static bool same(pd_v2 a, pd_v2 b) { return fabsf(a.x - b.x) < 1e-6f && fabsf(a.y - b.y) < 1e-6f; }

/* The clip normal shared by two pieces meeting at a vertex: the line through
 * the vertex and the miter tip, perpendicular to the mean direction. Past
 * Cairo's miter limit (10) the join falls back to butt ends. */
static bool miter_normal(pd_v2 din, pd_v2 dout, pd_v2 *n)
{
    float dot = din.x * dout.x + din.y * dout.y;
    if ((1 + dot) * 0.5f < 0.01f) /* 1/sin(theta/2) > 10 */
        return false;
    *n = norm2((pd_v2){din.x + dout.x, din.y + dout.y});
    return true;
}

uint32_t pd_polyline_segments(const pd_v2 *pts, uint32_t count, bool closed, pd_seg *out)
{
    if (count < 2)
        return 0;
    uint32_t pieces = count - 1;
    if (closed && !same(pts[0], pts[count - 1]))
        pieces = count;
    /* pass 1: the non-degenerate pieces */
    uint32_t n = 0;
    for (uint32_t i = 0; i < pieces; i++) {
        pd_v2 a = pts[i], b = pts[(i + 1) % count];
        if (same(a, b))
            continue;
        out[n++] = (pd_seg){.a = a, .b = b, .piece = i};
    }
    /* pass 2: joins between neighbours (and around, when closed) */
    for (uint32_t i = 0; i < n; i++) {
        pd_seg *s = &out[i];
        pd_v2 d = norm2((pd_v2){s->b.x - s->a.x, s->b.y - s->a.y});
        s->n0 = (pd_v2){-d.x, -d.y};
        s->n1 = d;
        bool has_prev = i > 0 || (closed && n > 2), has_next = i + 1 < n || (closed && n > 2);
        if (has_prev) {
            const pd_seg *p = &out[(i + n - 1) % n];
            pd_v2 dp = norm2((pd_v2){p->b.x - p->a.x, p->b.y - p->a.y}), m;
            if (same(p->b, s->a) && miter_normal(dp, d, &m)) {
                s->n0 = (pd_v2){-m.x, -m.y};
                s->joins |= PD_FLAG_JOIN0;
            }
        }
        if (has_next) {
            const pd_seg *q = &out[(i + 1) % n];
            pd_v2 dn = norm2((pd_v2){q->b.x - q->a.x, q->b.y - q->a.y}), m;
            if (same(s->b, q->a) && miter_normal(d, dn, &m)) {
                s->n1 = m;
                s->joins |= PD_FLAG_JOIN1;
            }
        }
    }
    return n;
}
