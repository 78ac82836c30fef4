/* vec: a growable array of any element type, and the scene's 2-D geometry.
 *
 * Owns: pd_vec (type-erased growth) and the small pd_v2/pd_color value types
 * used across layers. Does not own: matrices (cglm where needed).
 *
 *   pd_vec v = {0};
 *   int *slot = pd_vec_push(&v, sizeof(int)); *slot = 3;
 *   pd_vec_free(&v);
 */
#ifndef PD_CORE_VEC_H
#define PD_CORE_VEC_H

#include <stddef.h>

typedef struct pd_vec {
    void *data;
    size_t len, cap; /* in elements */
} pd_vec;

/* Appends one zeroed element of elem_size bytes and returns it. The pointer is
 * valid until the next push (the array may move). */
void *pd_vec_push(pd_vec *v, size_t elem_size);
void pd_vec_reserve(pd_vec *v, size_t elem_size, size_t cap);
void pd_vec_free(pd_vec *v);

#define PD_PI 3.14159265358979323846

typedef struct pd_v2 {
    float x, y;
} pd_v2;

static inline pd_v2 pd_v2_add(pd_v2 a, pd_v2 b) { return (pd_v2){a.x + b.x, a.y + b.y}; }
static inline pd_v2 pd_v2_sub(pd_v2 a, pd_v2 b) { return (pd_v2){a.x - b.x, a.y - b.y}; }
static inline pd_v2 pd_v2_scale(pd_v2 a, float k) { return (pd_v2){a.x * k, a.y * k}; }

/* Straight (not premultiplied) gamma-encoded sRGB, as Manim's ManimColor. */
typedef struct pd_color {
    float r, g, b, a;
} pd_color;

#endif
