/* gqa_goldens: the GQA talk's goldens, checked for whichever source built it
 * (the C port in talk render, talks/gqa.py in py render): the frame held at
 * each of the 24 stops and eleven moments in the middle of animations. */
#ifndef PD_TESTS_GQA_GOLDENS_H
#define PD_TESTS_GQA_GOLDENS_H

#include <stdio.h>

#include "../check.h"
#include "golden.h"
#include "talk_fixture.h"

/* what: the source, for the messages ("talks/gqa.py") */
static inline void gqa_goldens_check(fixture *f, pd_scene *s, const char *what)
{
    char name[64];
    pd_timeline tl = pd_scene_timeline(s);
    for (uint32_t i = 0; i < tl.stop_count; i++) {
        talk_render(f, s, tl.stops[i].t);
        snprintf(name, sizeof name, "gqa_stop%02u", i + 1);
        CHECK(golden_check(name, f->px, f->w, f->h), "%s: golden %s", what, name);
    }
    static const struct {
        double t;
        const char *name;
    } mids[] = {
        {0.5, "gqa_title_write25"},     {1.0, "gqa_title_write50"},        {1.5, "gqa_title_write75"},
        {9.50, "gqa_rope_create25"},    {9.75, "gqa_rope_create50"},       {10.0, "gqa_rope_create75_write37"},
        {6.0, "gqa_mid_part1_lines"},   {26.0, "gqa_mid_part2_formula"},   {45.6, "gqa_mid_part3_softmax"},
        {63.3, "gqa_mid_part4_flight"}, {64.9, "gqa_mid_part4_transform"},
    };
    for (size_t i = 0; i < sizeof mids / sizeof mids[0]; i++) {
        talk_render(f, s, mids[i].t);
        CHECK(golden_check(mids[i].name, f->px, f->w, f->h), "%s: golden %s", what, mids[i].name);
    }
}

#endif
