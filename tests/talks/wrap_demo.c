/* The built-in demo talk, presented as a C file talk: the same frames. */
#include "talks/talks.h"

void podium_talk(pd_scene *s);
void podium_talk(pd_scene *s) { pd_talk_demo(s); }
