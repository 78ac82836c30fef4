#include "talks/talks.h"

#include <string.h>

static const pd_talk g_talks[] = {
    {"gqa", "Grouped-Query Attention", pd_talk_gqa},
    {"demo", "podium demo: every mobject and animation", pd_talk_demo},
    {"demo10", "the demo talk, ten times over (benchmarks)", pd_talk_demo10},
};

const pd_talk *pd_talks(size_t *count)
{
    *count = sizeof g_talks / sizeof g_talks[0];
    return g_talks;
}

const pd_talk *pd_talk_find(const char *name)
{
    for (size_t i = 0; i < sizeof g_talks / sizeof g_talks[0]; i++)
        if (strcmp(g_talks[i].name, name) == 0)
            return &g_talks[i];
    return NULL;
}
