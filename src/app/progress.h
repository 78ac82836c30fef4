/* progress: what a long headless job shows on a terminal.
 *
 * Owns: the export's progress bar ("[####....] 1200/2660 frames  66.0 fps
 * ETA 0:22") and the bench's phase line, each redrawn in place at most ten
 * times a second, on stderr and only when it is a terminal. Does not own:
 * the work (app/export.h, app/bench.h report through callbacks).
 */
#ifndef PD_APP_PROGRESS_H
#define PD_APP_PROGRESS_H

/* pd_export_desc.progress: the bar after `done` of `total` frames or pages. */
void pd_progress_bar(void *user, long done, long total, double elapsed_s);
/* pd_bench_desc.progress: "podium --bench: PHASE i/n" (n = 0: no count). */
void pd_progress_phase(void *user, const char *phase, int i, int n);
/* Ends the line drawn, if any: the bar stays, a phase line is wiped. */
void pd_progress_end(void);

#endif
