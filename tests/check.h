/* check: the smallest test harness. CHECK records a failure and goes on, so
 * one run reports every broken expectation; check_exit() is main's return.
 *
 *   CHECK(x == 3, "x is %d", x);
 *   CHECK_NEAR(w_px, 2.025, 0.5, "stroke width");
 *   return check_exit();
 */
#ifndef PD_TESTS_CHECK_H
#define PD_TESTS_CHECK_H

#include <math.h>
#include <stdio.h>

static int check_failures, check_count;

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        check_count++;                                                      \
        if (!(cond)) {                                                      \
            check_failures++;                                               \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
        }                                                                   \
    } while (0)

#define CHECK_NEAR(got, want, tol, what)                                                                      \
    do {                                                                                                      \
        double check_got_ = (got), check_want_ = (want);                                                      \
        CHECK(fabs(check_got_ - check_want_) <= (tol), "%s: got %.4f, want %.4f +- %.4f", (what), check_got_, \
              check_want_, (double)(tol));                                                                    \
    } while (0)

static inline int check_exit(void)
{
    if (check_failures) {
        fprintf(stderr, "%d of %d checks failed\n", check_failures, check_count);
        return 1;
    }
    printf("%d checks passed\n", check_count);
    return 0;
}

/* meson: exit 77 marks a test skipped */
#define CHECK_SKIP 77

#endif
