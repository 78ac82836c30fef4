/* A C talk with a mistake in it: podium names the line. */
#include "scene/scene.h"

void podium_talk(pd_scene *s);
void podium_talk(pd_scene *s)
{
    pd_mob t = pd_txt(s, "typo");
    pd_wait(s, 1);
}
