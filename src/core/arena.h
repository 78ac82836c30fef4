/* arena: bump allocation for data that lives as long as a talk or a frame.
 *
 * Owns: a chain of blocks freed at once. Does not own: growing arrays
 * (use pd_vec in core/vec.h).
 *
 *   pd_arena a = {0};
 *   float *xs = pd_arena_alloc(&a, 100 * sizeof *xs);   // zeroed
 *   pd_arena_free(&a);
 */
#ifndef PD_CORE_ARENA_H
#define PD_CORE_ARENA_H

#include <stddef.h>

typedef struct pd_arena_block pd_arena_block;
typedef struct pd_arena {
    pd_arena_block *head;
    size_t total;
} pd_arena;

/* Returns zeroed memory aligned for any type; aborts only on out-of-memory. */
void *pd_arena_alloc(pd_arena *a, size_t size);
char *pd_arena_strdup(pd_arena *a, const char *s);
void pd_arena_free(pd_arena *a);

#endif
