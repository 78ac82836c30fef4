/* xform: 2D affine transforms of scene points, as cglm's 3x3 matrices.
 *
 * Owns: placing and rotating points (a mobject rotated about its centre, a
 * glyph's outline placed at its origin, size and angle). Does not own: the
 * shaders' placement of quads (shaders/place.glsl), which does the same on
 * the GPU for each instance.
 *
 *   pd_xform r = pd_xform_rotate_about(center, PI / 4);
 *   pd_v2 q = pd_xform_apply(&r, p);
 */
#ifndef PD_CORE_XFORM_H
#define PD_CORE_XFORM_H

#include <cglm/affine2d.h>
#include <cglm/mat3.h>

#include "core/vec.h"

typedef struct pd_xform {
    mat3 m; /* column-major, acting on (x, y, 1) */
} pd_xform;

/* p -> origin + scale * R(angle) p: a glyph's outline (in em) at its origin,
 * a rectangle's corner (relative to its centre) where it lies. */
static inline pd_xform pd_xform_place(pd_v2 origin, float scale, float angle)
{
    pd_xform x;
    glm_translate2d_make(x.m, (vec2){origin.x, origin.y});
    glm_rotate2d(x.m, angle);
    glm_scale2d_uni(x.m, scale);
    return x;
}

/* A rotation by angle (radians, counter-clockwise) about c. */
static inline pd_xform pd_xform_rotate_about(pd_v2 c, float angle)
{
    pd_xform x = pd_xform_place(c, 1, angle);
    glm_translate2d(x.m, (vec2){-c.x, -c.y});
    return x;
}

static inline pd_v2 pd_xform_apply(const pd_xform *x, pd_v2 p)
{
    mat3 m;
    glm_mat3_copy((vec3 *)x->m, m);
    vec3 out;
    glm_mat3_mulv(m, (vec3){p.x, p.y, 1}, out);
    return (pd_v2){out[0], out[1]};
}

#endif
