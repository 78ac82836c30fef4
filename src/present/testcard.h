/* testcard: a built-in card that shows every primitive and text at several
 * sizes. `--frame` renders it until a talk exists; render tests and the
 * benchmark draw it.
 *
 *   pd_testcard *tc = pd_testcard_create(fonts, &err);
 *   pd_testcard_draw(tc, g, t, &err);   // between pd_gfx_begin and pd_gfx_end
 *   pd_testcard_destroy(&tc);
 */
#ifndef PD_PRESENT_TESTCARD_H
#define PD_PRESENT_TESTCARD_H

#include <stdbool.h>

#include "core/err.h"
#include "gfx/gfx.h"
#include "text/font.h"

typedef struct pd_testcard pd_testcard;

pd_testcard *pd_testcard_create(pd_fonts *fonts, pd_err *err);
void pd_testcard_destroy(pd_testcard **tc);
/* Submits the card at time t seconds (a slow sweep animates one element, so
 * --frame T shows that time matters). */
bool pd_testcard_draw(pd_testcard *tc, pd_gfx *g, double t, pd_err *err);

#endif
