#include "core/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pd_vec_reserve(pd_vec *v, size_t elem_size, size_t cap)
{
    if (cap <= v->cap)
        return;
    void *p = realloc(v->data, cap * elem_size);
    if (!p) {
        fprintf(stderr, "podium: out of memory\n");
        abort();
    }
    v->data = p;
    v->cap = cap;
}

void *pd_vec_push(pd_vec *v, size_t elem_size)
{
    if (v->len == v->cap)
        pd_vec_reserve(v, elem_size, v->cap ? v->cap * 2 : 16);
    void *p = (unsigned char *)v->data + v->len * elem_size;
    memset(p, 0, elem_size);
    v->len++;
    return p;
}

void pd_vec_free(pd_vec *v)
{
    free(v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}
