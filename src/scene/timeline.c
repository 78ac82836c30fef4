#include "scene/timeline.h"

#include <stddef.h>
#include <string.h>

/* times closer than this are the same place (stop times come from frame counts) */
#define EPS 1e-6

double pd_timeline_stop_t(const pd_timeline *tl, uint32_t n)
{
    if (n == 0)
        return 0;
    return n <= tl->stop_count ? tl->stops[n - 1].t : tl->duration;
}

const pd_stop *pd_timeline_stop(const pd_timeline *tl, uint32_t n)
{
    return n >= 1 && n <= tl->stop_count ? &tl->stops[n - 1] : NULL;
}

size_t pd_timeline_stop_title(const pd_timeline *tl, uint32_t n, char *buf, size_t cap)
{
    if (!buf || cap == 0)
        return 0;
    buf[0] = 0;
    const pd_stop *st = pd_timeline_stop(tl, n);
    const char *src = st ? (st->title && *st->title ? st->title : st->note) : NULL;
    if (!src)
        return 0;
    while (*src == ' ' || *src == '\n')
        src++;
    size_t len = strcspn(src, "\n");
    while (len > 0 && src[len - 1] == ' ')
        len--;
    if (len >= cap) {
        len = cap - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--; /* never split a UTF-8 sequence */
    }
    memcpy(buf, src, len);
    buf[len] = 0;
    return len;
}

double pd_timeline_section_t(const pd_timeline *tl, uint32_t n)
{
    return n >= 1 && n <= tl->section_count ? tl->sections[n - 1].t : 0;
}

/* How many of the count places, in time order, start at or before t: a
 * binary search over their times, `stride` bytes apart from `first`. */
static uint32_t count_started(const double *first, size_t stride, uint32_t count, double t)
{
    uint32_t lo = 0, hi = count; /* the answer is in [lo, hi] */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo + 1) / 2;
        if (*(const double *)(const void *)((const char *)first + (size_t)(mid - 1) * stride) <= t + EPS)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

uint32_t pd_timeline_stop_at(const pd_timeline *tl, double t)
{
    return count_started(tl->stop_count ? &tl->stops[0].t : NULL, sizeof *tl->stops, tl->stop_count, t);
}

uint32_t pd_timeline_section_at(const pd_timeline *tl, double t)
{
    return count_started(tl->section_count ? &tl->sections[0].t : NULL, sizeof *tl->sections, tl->section_count, t);
}
