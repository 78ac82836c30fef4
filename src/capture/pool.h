/* pool: the buffers and the queue that screenshots and sinks share.
 *
 * Owns: a fixed set of frame buffers, a queue of filled ones (each with a
 * repeat count and an index), and the writer threads that drain it; the
 * render thread acquires a buffer, fills it and pushes it. Internal to
 * capture/ (shots.c, sink.c). Does not own: what the workers write.
 */
#ifndef PD_CAPTURE_POOL_H
#define PD_CAPTURE_POOL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

enum {
    MAX_THREADS = 2,
    MAX_BUFFERS = 16
};

typedef struct item {
    uint8_t *px;
    int repeat;
    long index;
} item;

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    uint8_t *bufs[MAX_BUFFERS];
    uint8_t *free_list[MAX_BUFFERS];
    int nbufs, nfree;
    item queue[MAX_BUFFERS];
    int qhead, qlen;
    int busy; /* items taken by a worker and not finished */
    bool closing;
    pthread_t threads[MAX_THREADS];
    int nthreads;
} pool;

bool pool_init(pool *p, int nbufs, size_t bytes, pd_err *err);
void pool_free(pool *p);
/* A free buffer; with wait, blocks until one is free, else NULL when none. */
uint8_t *pool_acquire(pool *p, bool wait);
void pool_push(pool *p, item it);
/* The next queued item for a worker; false when closing and empty. */
bool pool_take(pool *p, item *it);
/* A worker is done with the item's buffer. */
void pool_done(pool *p, uint8_t *px);
/* Waits until the queue is empty and no worker is busy. */
void pool_flush(pool *p);
/* Closes the queue and joins the workers. */
void pool_join(pool *p);

#endif
