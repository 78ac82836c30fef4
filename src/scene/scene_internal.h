/* scene_internal: the data behind pd_scene, shared by scene.c (mobjects and
 * layout), anim.c (play/wait -> keyframes) and gpu.c (finalize). */
#ifndef PD_SCENE_INTERNAL_H
#define PD_SCENE_INTERNAL_H

#include "core/arena.h"
#include "core/gpu_layout.h"
#include "scene/gpu_data.h"
#include "scene/introspect.h"
#include "scene/scene.h"
#include "scene/timeline.h"

typedef enum mob_kind {
    MOB_GROUP, /* VGroup, Text, MathTex, Arrow: children only */
    MOB_GLYPH, /* leaf: one glyph from the SDF atlas */
    MOB_RECT,  /* leaf: rectangle / rounded rectangle / TeX rule: fill + closed stroke path */
    MOB_PATH,  /* leaf: line or polyline: open stroke path */
    MOB_TIP,   /* leaf: filled triangle (arrow tip) */
} mob_kind;

typedef enum group_kind {
    GROUP_VGROUP,
    GROUP_TEXT,
    GROUP_MATHTEX,
    GROUP_ARROW,
} group_kind;

/* The animated state of a leaf. Points are p = s * base + (ox, oy): uniform
 * scale and translation, so lerping states lerps points exactly (Manim's
 * Transform lerps points). Stroke width is Manim's stroke_width. */
typedef struct leaf_state {
    float s, ox, oy;
    float progress; /* fraction of the path drawn (Create/Write), 1 = whole */
    pd_color fill, stroke;
    float width;
} leaf_state;

typedef struct key {
    double t0, t1; /* transition window; t0 == t1 is an instant change */
    pd_rate rate;
    leaf_state st;
} key;

typedef struct track {
    pd_vec keys; /* key, in time order */
} track;

/* One stretch of time in which a leaf (or its Write outline) is drawn. */
typedef struct life {
    double birth, death; /* [birth, death) */
    uint32_t order;      /* draw order: the scene's add counter at birth */
    uint32_t sub;        /* 0 the leaf itself, 1+ its outline copies */
    uint32_t track;      /* the track driving it */
    bool outline;        /* a Write/Create outline of a glyph or tip */
} life;

typedef struct mob {
    mob_kind kind;
    group_kind group;
    pd_vec children; /* uint32_t ids (groups) */
    /* leaf geometry, in scene units before the state transform */
    struct {
        pd_font_id font;
        uint32_t glyph;
        pd_v2 origin;
        float em, angle;
    } g;
    struct {
        pd_v2 center;
        float w, h, r, angle;
    } r;
    pd_v2 *pts; /* path points (arena) / tip triangle */
    uint32_t npts;
    float bx0, by0, bx1, by1; /* base anchor box */
    leaf_state cur;           /* state after everything recorded so far */
    uint32_t track;           /* main track */
    bool alive;
    uint32_t life;    /* index of the open life when alive */
    bool is_text;     /* Text glyph: Write outlines in its (white) stroke colour */
    const char *type; /* Manim's class name, for tests and messages */
} mob;

struct pd_scene {
    pd_fonts *fonts;
    pd_arena arena;
    pd_vec mobs;   /* mob; index 0 unused */
    pd_vec tracks; /* track */
    pd_vec lives;  /* life */
    uint32_t add_counter;
    uint64_t now_frame; /* 60 fps frames recorded so far */
    pd_vec plays;       /* pd_play_info */
    pd_vec stops;       /* pd_stop */
    pd_vec sections;    /* pd_section_info */
    const char *pending_note;
    const char *pending_title;
    bool pending_loop;
    char error[512];
    bool finalized;
    bool pango_grid;
    pd_vec anim_infos;      /* pd_anim_info, all plays in order */
    pd_vec play_first_anim; /* uint32_t per play: index into anim_infos */
    /* GPU data */
    pd_vec gpu_instances;  /* float[16] */
    pd_vec gpu_tracks;     /* float[4] */
    pd_vec gpu_index;      /* uint32_t */
    pd_vec gpu_epochs;     /* pd_epoch */
    pd_vec gpu_runs;       /* pd_run */
    pd_vec gpu_drawn;      /* drawn_life: what each drawing life covers, for pd_scene_damage */
    pd_vec gpu_inst_drawn; /* uint32_t per instance: its drawn_life, for pd_scene_cull */
};

/* A life that draws instances: the box around them before the state's
 * transform (p = s * base + o), for damage (pd_scene_damage). */
typedef struct drawn_life {
    float x0, y0, x1, y1;
    float stroke_reach; /* stroke widths (scene units) a stroke reaches past the box: joins and corners */
    uint32_t track;
    double birth, death;
} drawn_life;

static inline double scene_now(const pd_scene *s) { return (double)s->now_frame / PD_FPS; }

/* Records the first misuse; returns false so callers can `return fail(...)`. */
bool scene_fail(pd_scene *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
mob *scene_mob(const pd_scene *s, pd_mob m); /* NULL for an invalid handle */
bool scene_valid(pd_scene *s, pd_mob m, const char *call);

/* Leaves of m, depth-first, each once (Manim's family members with points). */
void scene_leaves(const pd_scene *s, pd_mob m, pd_vec *out /* uint32_t */);

/* A leaf's anchor box in its current state. */
void scene_leaf_box(const mob *m, float *x0, float *y0, float *x1, float *y1);
/* Box over the anchors of m's leaves in the current state; false if empty. */
bool scene_box(const pd_scene *s, pd_mob m, float *x0, float *y0, float *x1, float *y1);

/* Sets a leaf's state now: if the leaf is already on the timeline, this is an
 * instant change at the current time. */
void scene_set_state(pd_scene *s, uint32_t leaf, leaf_state st);
uint32_t scene_new_track(pd_scene *s);
void scene_push_key(pd_scene *s, uint32_t track, double t0, double t1, pd_rate rate, leaf_state st);
/* Makes a leaf drawn from time t (if it is not), with its current state. */
void scene_introduce(pd_scene *s, uint32_t leaf, double t);
void scene_retire(pd_scene *s, uint32_t leaf, double t);

float scene_rate(pd_rate rate, float x);
leaf_state scene_track_eval(const pd_scene *s, uint32_t track, double t);
/* Puts every track's keys in start order (finalize does it). */
void scene_sort_keys(pd_scene *s);

#endif
