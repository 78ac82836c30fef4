/* clock: monotonic time for benchmarks and the presenter's wall clock.
 *
 *   double t0 = pd_clock_now_s(); ...; double ms = (pd_clock_now_s() - t0) * 1e3;
 */
#ifndef PD_CORE_CLOCK_H
#define PD_CORE_CLOCK_H

double pd_clock_now_s(void);
/* CPU time of this process (user+system), seconds. */
double pd_clock_cpu_s(void);

#endif
