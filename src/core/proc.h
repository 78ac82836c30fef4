/* proc: process-wide settings a long-running presenter needs.
 *
 * Owns: the allocator policy. llvmpipe (Mesa's software rasteriser) mallocs
 * and frees a frame's bins on its worker threads every frame; with glibc's
 * defaults those blocks fragment per-thread arenas and RSS creeps for tens of
 * thousands of frames. Large blocks are mmap'ed (and returned on free) and
 * arenas are capped instead, so a talk can run for hours at a flat RSS.
 *
 *   int main(void) { pd_process_init(); ... }
 */
#ifndef PD_CORE_PROC_H
#define PD_CORE_PROC_H

/* Call once, first thing in main(), before any thread starts. */
void pd_process_init(void);

#endif
