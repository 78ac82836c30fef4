#define _GNU_SOURCE /* mallopt */
#include "core/proc.h"

#include <malloc.h>

void pd_process_init(void)
{
    /* measured (tests/reliability/test_soak.c): heap in use stays flat at
     * ~23 MB over 60,000 frames with these; with the defaults it breathes
     * between 23 and 34 MB and RSS creeps by ~7 MB before settling. The
     * threshold sits above llvmpipe's 68 kB bin blocks, a dozen or more of
     * them malloc'ed and freed a frame: at 64 kB each was an mmap and a
     * munmap, whose TLB shootdown stops llvmpipe's threads on the other
     * cores (whole-talk export: 8 s of system time, 18 -> 10 s wall); the
     * 100,000-frame soak stays flat with either */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
}
