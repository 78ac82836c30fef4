/* geom: stroking geometry shared by the immediate renderer and the scene:
 * a polyline as straight pieces with Cairo's miter joins (limit 10) and butt
 * caps, expressed as clip normals the SDF shader understands.
 *
 *   pd_seg segs[n];
 *   uint32_t k = pd_polyline_segments(pts, n, closed, segs);
 */
#ifndef PD_CORE_GEOM_H
#define PD_CORE_GEOM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/vec.h"

typedef struct pd_seg {
    pd_v2 a, b;     /* the piece */
    pd_v2 n0, n1;   /* outward clip normals at a and b (miter line or butt cap) */
    int joins;      /* PD_FLAG_JOIN0: a is a join, PD_FLAG_JOIN1: b is a join (hard split, no AA) */
    uint32_t piece; /* index of the piece in the input (degenerate pieces are skipped) */
} pd_seg;

/* Writes at most `count` segments (one per non-degenerate piece; a closed
 * polyline also gets the piece from the last point back to the first, unless
 * the last point repeats the first) and returns how many. */
uint32_t pd_polyline_segments(const pd_v2 *pts, uint32_t count, bool closed, pd_seg *out);

#endif
