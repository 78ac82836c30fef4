#define _GNU_SOURCE /* mallopt */
#include "core/proc.h"

#include <malloc.h>

void pd_process_init(void)
{
    /* measured (tests/reliability/test_soak.c, --bench): llvmpipe mallocs
     * and frees a dozen or more 68 kB bin blocks a frame. With the mmap
     * threshold at 64 kB each was an mmap and a munmap; at 128 kB they come
     * from the heap, but a trim threshold of 256 kB gave the top of the heap
     * back and took it again every frame. Either way pages were zeroed and
     * faulted in, and each unmap's TLB shootdown stopped llvmpipe's threads
     * on the other cores: a live frame's median 5 ms, a seek's CPU 2.3 ms,
     * the whole-talk export 18 s (8 s of it system time). With these: 1.8 -
     * 2.4 ms, 0.27 ms, 9 - 11 s, and RSS stays flat (+8 kB over the
     * 100,000-frame soak; with glibc's defaults it breathes between 23 and
     * 34 MB of heap and creeps by ~7 MB before settling) */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_ARENA_MAX, 2);
}
