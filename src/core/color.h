/* color: Manim's named colours and interpolate_color (manim-semantics.md §2).
 *
 * Values are gamma-encoded sRGB in [0,1], never linearised, exactly the hex
 * bytes / 255 as Manim's ManimColor holds them.
 *
 *   pd_color c = pd_color_lerp(PD_BLUE, PD_RED, 0.25f);
 */
#ifndef PD_CORE_COLOR_H
#define PD_CORE_COLOR_H

#include "core/vec.h"

#define PD_HEX(h) ((pd_color){((h) >> 16 & 255) / 255.0f, ((h) >> 8 & 255) / 255.0f, ((h)&255) / 255.0f, 1.0f})

#define PD_BLUE PD_HEX(0x58C4DD)
#define PD_YELLOW PD_HEX(0xFFFF00)
#define PD_GREEN PD_HEX(0x83C167)
#define PD_PURPLE PD_HEX(0x9A72AC)
#define PD_GRAY PD_HEX(0x888888)
#define PD_TEAL PD_HEX(0x5CD0B3)
#define PD_RED PD_HEX(0xFC6255)
#define PD_ORANGE PD_HEX(0xFF862F)
#define PD_WHITE PD_HEX(0xFFFFFF)
#define PD_BLACK PD_HEX(0x000000)
#define PD_DARK_BLUE PD_HEX(0x236B8E)
#define PD_DARK_GRAY PD_HEX(0x444444)
#define PD_LIGHT_GRAY PD_HEX(0xBBBBBB)

/* c1*(1-a) + c2*a on all four components, a not clamped (as Manim). */
static inline pd_color pd_color_lerp(pd_color c1, pd_color c2, float a)
{
    return (pd_color){c1.r + (c2.r - c1.r) * a, c1.g + (c2.g - c1.g) * a, c1.b + (c2.b - c1.b) * a,
                      c1.a + (c2.a - c1.a) * a};
}

static inline pd_color pd_color_alpha(pd_color c, float a)
{
    c.a = a;
    return c;
}

#endif
