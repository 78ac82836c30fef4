#include "core/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pd_arena_block {
    pd_arena_block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

void *pd_arena_alloc(pd_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    pd_arena_block *b = a->head;
    if (!b || b->used + size > b->cap) {
        size_t cap = size > 65536 ? size : 65536;
        b = malloc(sizeof *b + cap);
        if (!b) {
            fprintf(stderr, "podium: out of memory (%zu bytes)\n", size);
            abort();
        }
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *pd_arena_strdup(pd_arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = pd_arena_alloc(a, n);
    memcpy(p, s, n);
    return p;
}

void pd_arena_free(pd_arena *a)
{
    pd_arena_block *b = a->head;
    while (b) {
        pd_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}
