#include "capture/pool.h"

#include <stdlib.h>
#include <string.h>

bool pool_init(pool *p, int nbufs, size_t bytes, pd_err *err)
{
    memset(p, 0, sizeof *p);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    if (nbufs > MAX_BUFFERS)
        nbufs = MAX_BUFFERS;
    for (int i = 0; i < nbufs; i++) {
        p->bufs[i] = malloc(bytes);
        if (!p->bufs[i])
            return pd_err_set(err, "out of memory for capture buffers (%d x %zu bytes)", nbufs, bytes);
        p->free_list[p->nfree++] = p->bufs[i];
        p->nbufs++;
    }
    return true;
}

void pool_free(pool *p)
{
    for (int i = 0; i < p->nbufs; i++)
        free(p->bufs[i]);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
}

uint8_t *pool_acquire(pool *p, bool wait)
{
    pthread_mutex_lock(&p->mu);
    while (p->nfree == 0 && wait)
        pthread_cond_wait(&p->cv, &p->mu);
    uint8_t *px = p->nfree ? p->free_list[--p->nfree] : NULL;
    pthread_mutex_unlock(&p->mu);
    return px;
}

void pool_push(pool *p, item it)
{
    pthread_mutex_lock(&p->mu);
    p->queue[(p->qhead + p->qlen) % MAX_BUFFERS] = it;
    p->qlen++;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

/* Worker side: the next item, or false when closing and the queue is empty. */
bool pool_take(pool *p, item *it)
{
    pthread_mutex_lock(&p->mu);
    while (p->qlen == 0 && !p->closing)
        pthread_cond_wait(&p->cv, &p->mu);
    if (p->qlen == 0) {
        pthread_mutex_unlock(&p->mu);
        return false;
    }
    *it = p->queue[p->qhead];
    p->qhead = (p->qhead + 1) % MAX_BUFFERS;
    p->qlen--;
    p->busy++;
    pthread_mutex_unlock(&p->mu);
    return true;
}

void pool_done(pool *p, uint8_t *px)
{
    pthread_mutex_lock(&p->mu);
    p->free_list[p->nfree++] = px;
    p->busy--;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

void pool_flush(pool *p)
{
    pthread_mutex_lock(&p->mu);
    while (p->qlen > 0 || p->busy > 0)
        pthread_cond_wait(&p->cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
}

void pool_join(pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->closing = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
    p->nthreads = 0;
}
