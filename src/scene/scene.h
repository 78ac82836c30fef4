/* scene: mobjects, Manim's layout rules, animations and the timeline.
 *
 * A talk is a C function that runs once, at load, like Manim's construct():
 * it creates mobjects, lays them out, and records play()/wait() calls. Each
 * animation becomes keyframe tracks on the leaves it touches (position and
 * scale, fill and stroke colour and opacity, stroke width, draw progress),
 * so the picture at any time t is a pure function of t. pd_scene_finalize()
 * turns the result into flat GPU data (instances, tracks, epochs) that the
 * renderer uploads once and evaluates at a uniform t.
 *
 * This header is the authoring API, what a talk's author reads. Beside it:
 * scene/timeline.h (stops, sections, duration, for the presenter and the
 * exporter), scene/gpu_data.h (finalising into GPU data, for gfx/) and
 * scene/introspect.h (plays as recorded, for tests).
 *
 * Owns: the mobject tree, bounding boxes over anchor points (manim-semantics
 * §6), animation timing and lag (§7), frame counting (§8), stops, sections,
 * speaker notes. Does not own: GL (gfx/), fonts and shaping (text/), TeX (tex/).
 *
 *   pd_mob title = pd_text(s, &(pd_text_style){ .str = "GQA", .font_size = 42, .color = PD_BLUE });
 *   pd_to_edge(s, title, PD_UP, 0.35f);
 *   pd_play(s, PD_ANIMS(pd_write(title)));
 *   pd_wait(s, 1.5);
 *
 * API misuse (an invalid handle, NULL, a negative run_time, an empty VGroup
 * where a box is needed) records the first error with the call's name; the
 * call does nothing, and pd_scene_error() reports it after the script.
 */
#ifndef PD_SCENE_SCENE_H
#define PD_SCENE_SCENE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/color.h"
#include "core/err.h"
#include "core/gpu_layout.h"
#include "core/vec.h"
#include "text/font.h"

typedef struct pd_scene pd_scene;

/* A mobject handle: an index into the scene, 0 is "none". */
typedef struct pd_mob {
    uint32_t id;
} pd_mob;

/* Directions as in Manim's constants (UP = (0,1), UL = UP+LEFT ...). */
#define PD_ORIGIN ((pd_v2){0, 0})
#define PD_UP ((pd_v2){0, 1})
#define PD_DOWN ((pd_v2){0, -1})
#define PD_LEFT ((pd_v2){-1, 0})
#define PD_RIGHT ((pd_v2){1, 0})
#define PD_UL ((pd_v2){-1, 1})
#define PD_UR ((pd_v2){1, 1})
#define PD_DL ((pd_v2){-1, -1})
#define PD_DR ((pd_v2){1, -1})

/* Manim's buffers (manim/constants.py) */
#define PD_SMALL_BUFF 0.1f
#define PD_MED_SMALL_BUFF 0.25f
#define PD_MED_LARGE_BUFF 0.5f
#define PD_LARGE_BUFF 1.0f

pd_scene *pd_scene_create(pd_fonts *fonts);
void pd_scene_destroy(pd_scene **s);
/* The first API misuse recorded while the script ran, or NULL. */
const char *pd_scene_error(const pd_scene *s);
/* Lay Text out on Pango's 0.05-unit advance grid, as Manim renders it
 * (pd_layout_desc.pango_grid). Set before the script runs. */
void pd_scene_set_pango_grid(pd_scene *s, bool on);

/* ---- mobjects ---- */

/* Text (Pango look, manim-semantics §3): DejaVu Serif, 1 em = font_size/72. */
typedef struct pd_text_style {
    const char *str;
    float font_size; /* 0 means 48 */
    pd_color color;  /* 0 means WHITE */
    bool bold;       /* weight=BOLD */
} pd_text_style;
pd_mob pd_text(pd_scene *s, const pd_text_style *style);

/* MathTex (§4): display-style TeX, 1 TeX em = 0.0103777*font_size units. */
typedef struct pd_tex_style {
    const char *tex;
    float font_size; /* 0 means 48 */
    pd_color color;  /* 0 means WHITE */
} pd_tex_style;
pd_mob pd_mathtex(pd_scene *s, const pd_tex_style *style);

/* Rectangle family (§5.1, §5.3). Manim's defaults: colour WHITE, fill
 * opacity 0, stroke width 4. `color` sets fill and stroke colour; fill_color
 * and stroke_color override one side. has_stroke_width tells 0 from "default". */
typedef struct pd_shape_style {
    float width, height;                      /* Rectangle: default 4 x 2; Square: side in width */
    float corner_radius;                      /* RoundedRectangle: default 0.5 */
    pd_color color, fill_color, stroke_color; /* 0 means "not given" */
    float fill_opacity;
    float stroke_width;
    bool has_stroke_width; /* stroke_width given (it may be 0) */
} pd_shape_style;
pd_mob pd_rectangle(pd_scene *s, const pd_shape_style *style);
pd_mob pd_square(pd_scene *s, float side, const pd_shape_style *style);
pd_mob pd_rounded_rectangle(pd_scene *s, const pd_shape_style *style);
/* Circle(radius): Manim's defaults, colour RED, stroke width 4, no fill
 * (radius 0 means 1); its outline is Manim's 8 arcs from the rightmost point,
 * counter-clockwise. Dot is Circle(0.08) filled WHITE without a stroke. */
pd_mob pd_circle(pd_scene *s, float radius, const pd_shape_style *style);

typedef struct pd_stroke_style {
    pd_color color;     /* 0 means WHITE */
    float stroke_width; /* 0 means 4 (Manim's default) */
} pd_stroke_style;
/* Line(start, end): one straight piece. */
pd_mob pd_line(pd_scene *s, pd_v2 start, pd_v2 end, const pd_stroke_style *style);
/* VMobject().set_points_as_corners(points): an open polyline; degenerate
 * pieces are kept (they count for Create's pacing, §7.4). */
pd_mob pd_polyline(pd_scene *s, const pd_v2 *points, uint32_t count, const pd_stroke_style *style);

/* Arrow (§5.3): buff 0.25 only if long enough, tip = min(tip_length, L/4),
 * shaft width min(w, 5L). 0 fields mean Manim's defaults. */
typedef struct pd_arrow_style {
    pd_color color;
    float stroke_width; /* default 6 */
    float tip_length;   /* default 0.35 */
    float buff;         /* default 0.25; negative means 0 */
} pd_arrow_style;
pd_mob pd_arrow(pd_scene *s, pd_v2 start, pd_v2 end, const pd_arrow_style *style);

/* SurroundingRectangle(m, color=YELLOW, buff=0.1), stroke width 4 by default. */
typedef struct pd_surround_style {
    pd_color color;     /* 0 means YELLOW */
    float buff;         /* 0 means 0.1 (SMALL_BUFF); negative means 0 */
    float stroke_width; /* 0 means 4 */
    float corner_radius;
} pd_surround_style;
pd_mob pd_surrounding_rectangle(pd_scene *s, pd_mob m, const pd_surround_style *style);

/* VGroup: a container; its box is the union of its descendants'. */
pd_mob pd_vgroup(pd_scene *s, const pd_mob *members, uint32_t count);
#define PD_VGROUP(s, ...) pd_vgroup((s), (pd_mob[]){__VA_ARGS__}, sizeof((pd_mob[]){__VA_ARGS__}) / sizeof(pd_mob))
void pd_vgroup_add(pd_scene *s, pd_mob group, pd_mob member);
/* m.copy(): a new mobject (a group copies its members) with m's current
 * geometry, place and colours, not on screen. */
pd_mob pd_copy(pd_scene *s, pd_mob m);
uint32_t pd_len(const pd_scene *s, pd_mob group);
/* group[i]; negative i counts from the end, as in Python. */
pd_mob pd_at(pd_scene *s, pd_mob group, int i);
/* group[from:to] as a new VGroup of the same children (Python slice rules). */
pd_mob pd_slice(pd_scene *s, pd_mob group, int from, int to);

/* ---- layout (§6) ---- */
pd_v2 pd_get_center(const pd_scene *s, pd_mob m);
pd_v2 pd_get_top(const pd_scene *s, pd_mob m);
pd_v2 pd_get_bottom(const pd_scene *s, pd_mob m);
pd_v2 pd_get_left(const pd_scene *s, pd_mob m);
pd_v2 pd_get_right(const pd_scene *s, pd_mob m);
/* The critical point in direction d: per axis min (d<0), mid (0), max (d>0). */
pd_v2 pd_get_critical(const pd_scene *s, pd_mob m, pd_v2 d);
/* Line / VMobject polyline: its first and last point; Arrow: the shaft's
 * start and the tip's point (get_start / get_end). Other mobjects: an error. */
pd_v2 pd_get_start(pd_scene *s, pd_mob m);
pd_v2 pd_get_end(pd_scene *s, pd_mob m);
float pd_width(const pd_scene *s, pd_mob m);
float pd_height(const pd_scene *s, pd_mob m);

pd_mob pd_shift(pd_scene *s, pd_mob m, pd_v2 v);
pd_mob pd_move_to(pd_scene *s, pd_mob m, pd_v2 p);
pd_mob pd_move_to_mob(pd_scene *s, pd_mob m, pd_mob target);
pd_mob pd_next_to(pd_scene *s, pd_mob m, pd_mob target, pd_v2 dir, float buff);
pd_mob pd_next_to_point(pd_scene *s, pd_mob m, pd_v2 p, pd_v2 dir, float buff);
pd_mob pd_next_to_aligned(pd_scene *s, pd_mob m, pd_mob target, pd_v2 dir, float buff, pd_v2 aligned_edge);
pd_mob pd_to_edge(pd_scene *s, pd_mob m, pd_v2 edge, float buff);
pd_mob pd_arrange(pd_scene *s, pd_mob group, pd_v2 dir, float buff, pd_v2 aligned_edge);
pd_mob pd_align_to(pd_scene *s, pd_mob m, pd_mob target, pd_v2 dir);
/* About the box centre. */
pd_mob pd_scale(pd_scene *s, pd_mob m, float k);
pd_mob pd_rotate(pd_scene *s, pd_mob m, float angle);

/* ---- animations (§7) ---- */
typedef enum pd_rate {
    PD_RATE_DEFAULT = PD_RATE_ID_DEFAULT, /* the animation's own (smooth, Write: linear) */
    PD_RATE_LINEAR = PD_RATE_ID_LINEAR,
    PD_RATE_SMOOTH = PD_RATE_ID_SMOOTH,
    PD_RATE_DOUBLE_SMOOTH = PD_RATE_ID_DOUBLE_SMOOTH,
    PD_RATE_THERE_AND_BACK = PD_RATE_ID_THERE_AND_BACK, /* ids shared with the shaders: core/gpu_layout.h */
} pd_rate;

typedef enum pd_anim_kind {
    PD_ANIM_NONE,
    PD_ANIM_WRITE,
    PD_ANIM_CREATE,
    PD_ANIM_FADE_IN,
    PD_ANIM_FADE_OUT,
    PD_ANIM_TRANSFORM,
    PD_ANIM_ANIMATE,
} pd_anim_kind;

/* What `.animate` changes; the target is resolved when play() runs, as in
 * Manim. Opacities < 0 keep the current value. */
typedef struct pd_change {
    bool set_fill; /* .set_fill(fill_color, fill_opacity) */
    pd_color fill_color;
    float fill_opacity;
    bool set_fill_opacity; /* .set_fill_opacity(fill_opacity) */
    bool set_stroke;       /* .set_stroke(stroke_color, stroke_width) */
    pd_color stroke_color;
    float stroke_width; /* < 0 keeps the width */
    bool set_color;     /* .set_color(color): fill and stroke colour */
    pd_color color;
    bool move; /* .move_to(move_to) */
    pd_v2 move_to;
    float scale;             /* .scale(k); 0 means none */
    bool set_stroke_opacity; /* .set_stroke(opacity=o), .set_opacity(o) with set_fill_opacity */
    float stroke_opacity;
} pd_change;

typedef struct pd_anim {
    pd_anim_kind kind;
    pd_mob mob;
    pd_mob target;    /* Transform */
    pd_v2 shift;      /* FadeIn/FadeOut */
    float scale;      /* FadeIn/FadeOut; 0 means 1 */
    pd_change change; /* .animate */
    double run_time;  /* 0 means the animation's default */
    double lag_ratio; /* < 0 means the default */
    pd_rate rate;
    double delay; /* seconds after the play starts (AnimationGroup, LaggedStart, Succession) */
} pd_anim;

static inline pd_anim pd_write(pd_mob m) { return (pd_anim){.kind = PD_ANIM_WRITE, .mob = m, .lag_ratio = -1}; }
static inline pd_anim pd_create(pd_mob m) { return (pd_anim){.kind = PD_ANIM_CREATE, .mob = m, .lag_ratio = -1}; }
static inline pd_anim pd_fade_in(pd_mob m) { return (pd_anim){.kind = PD_ANIM_FADE_IN, .mob = m, .lag_ratio = -1}; }
static inline pd_anim pd_fade_out(pd_mob m) { return (pd_anim){.kind = PD_ANIM_FADE_OUT, .mob = m, .lag_ratio = -1}; }
static inline pd_anim pd_fade_in_shift(pd_mob m, pd_v2 shift)
{
    return (pd_anim){.kind = PD_ANIM_FADE_IN, .mob = m, .shift = shift, .lag_ratio = -1};
}
static inline pd_anim pd_fade_in_scale(pd_mob m, float scale)
{
    return (pd_anim){.kind = PD_ANIM_FADE_IN, .mob = m, .scale = scale, .lag_ratio = -1};
}
static inline pd_anim pd_transform(pd_mob m, pd_mob target)
{
    return (pd_anim){.kind = PD_ANIM_TRANSFORM, .mob = m, .target = target, .lag_ratio = -1};
}
static inline pd_anim pd_animate(pd_mob m, pd_change change)
{
    return (pd_anim){.kind = PD_ANIM_ANIMATE, .mob = m, .change = change, .lag_ratio = -1};
}
/* An animation with its own run_time (Write(k_desc, run_time=1)). */
static inline pd_anim pd_with_run_time(pd_anim a, double run_time)
{
    a.run_time = run_time;
    return a;
}

/* play() keyword arguments: applied to every animation (§7.2). */
typedef struct pd_play_opts {
    double run_time; /* 0 means none given */
    pd_rate rate;
} pd_play_opts;

/* The play lasts the longest delay + run_time of its animations. */
void pd_play(pd_scene *s, const pd_anim *anims, uint32_t count, const pd_play_opts *opts);
/* The run time an animation would play for on its own: its run_time, else
 * Manim's default for its kind and members (Write: 1 s under 15, else 2 s). */
double pd_anim_run_time(pd_scene *s, const pd_anim *a);
#define PD_ANIMS(...) (pd_anim[]){__VA_ARGS__}, sizeof((pd_anim[]){__VA_ARGS__}) / sizeof(pd_anim)
/* self.play(a, b, ...) and self.play(a, b, ..., run_time=x) */
#define pd_play_(s, ...) pd_play((s), PD_ANIMS(__VA_ARGS__), NULL)
#define pd_play_rt(s, rt, ...) pd_play((s), PD_ANIMS(__VA_ARGS__), &(pd_play_opts){.run_time = (rt)})

/* self.add(m): shown from now on, without animation. */
void pd_add(pd_scene *s, pd_mob m);
/* self.remove(m) */
void pd_remove(pd_scene *s, pd_mob m);

/* self.wait(d): a stop (the presenter holds here). */
void pd_wait(pd_scene *s, double seconds);
/* self.wait(d) in a manim-slides Slide: time passes, no stop. */
void pd_pause(pd_scene *s, double seconds);
/* manim-slides' self.next_slide(): a stop here, held 0 s, taking the pending
 * note; loop marks the step before it as a loop. Nothing happens (false) when
 * no time passed since the start or since the last stop's hold ended. */
bool pd_stop_here(pd_scene *s, bool loop);
/* m.set_fill(...), m.set_color(...), ... without animation: the change of
 * .animate applied at once (instantly, at the current time). */
void pd_apply(pd_scene *s, pd_mob m, pd_change change);
/* Starts a section here (its title begins to appear now). */
void pd_section(pd_scene *s, const char *title);
/* Attaches a speaker note to the next stop (the next wait). */
void pd_note(pd_scene *s, const char *text);
/* Gives the next stop a short title (HUD, presenter view, overview, --list);
 * without one, a stop is titled by the first line of its note. */
void pd_stop_title(pd_scene *s, const char *title);
/* Marks the step before the next stop as a loop: it repeats while the
 * presenter holds at that stop (manim-slides' loop=True). */
void pd_stop_loop(pd_scene *s);

#endif
