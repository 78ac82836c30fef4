/* A C file without podium_talk. */
#include "scene/scene.h"

void talk(pd_scene *s);
void talk(pd_scene *s) { pd_wait(s, 1); }
