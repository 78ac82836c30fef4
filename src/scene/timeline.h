/* timeline: a talk's stops, sections and duration, as one value.
 *
 * Owns: the places of a talk (stop 0 is the start; stop N, 1-based as in
 * --list, is the talk's N-th wait, held at its start frame; section N is
 * the N-th pd_section), and the questions every reader asks of them: when
 * is stop N, which stop or section holds at t. The presenter, the exporter,
 * --list, --stop and the HUD all read this one value. Does not own: playing
 * (present/presenter.h), the scene that recorded it.
 *
 *   pd_timeline tl = pd_scene_timeline(scene);
 *   double t = pd_timeline_stop_t(&tl, 3);          // stop 3's held frame
 *   uint32_t n = pd_timeline_stop_at(&tl, 41.5);     // the stop last reached at 41.5 s
 */
#ifndef PD_SCENE_TIMELINE_H
#define PD_SCENE_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pd_scene pd_scene;

typedef struct pd_stop {
    double t;    /* the wait's start: the held frame */
    double hold; /* the wait's length */
    int section; /* 0-based; -1 before the first section */
    const char *note;
    const char *title; /* pd_stop_title's, or NULL (pd_timeline_stop_title falls back to the note) */
    bool loop;         /* the step before this stop loops while the presenter holds here (manim-slides loop=True) */
} pd_stop;

typedef struct pd_section_info {
    double t;
    const char *title;
} pd_section_info;

/* Borrowed from the scene: valid while it lives and records nothing more. */
typedef struct pd_timeline {
    double duration;      /* seconds */
    uint32_t frames;      /* at PD_FPS, by Manim's frame rule */
    const pd_stop *stops; /* stops[0] is stop 1 */
    uint32_t stop_count;
    const pd_section_info *sections; /* sections[0] is section 1 */
    uint32_t section_count;
} pd_timeline;

/* The scene's timeline after its script ran. */
pd_timeline pd_scene_timeline(const pd_scene *s);

/* Stop n's held frame: 0 for n = 0 (the start), the n-th wait's start for
 * n in 1..stop_count; the end past the last stop. */
double pd_timeline_stop_t(const pd_timeline *tl, uint32_t n);
/* Stop n (1-based), or NULL for 0 and out of range. */
const pd_stop *pd_timeline_stop(const pd_timeline *tl, uint32_t n);
/* Section n's start (1-based); 0 out of range. */
double pd_timeline_section_t(const pd_timeline *tl, uint32_t n);
/* Stop n's short title into buf (cap bytes, cut at a character boundary):
 * its pd_stop_title, or else the first line of its note. Returns the
 * title's length; 0 (buf "") for stop 0, out of range, or neither. */
size_t pd_timeline_stop_title(const pd_timeline *tl, uint32_t n, char *buf, size_t cap);
/* The last stop whose held frame is at or before t: 0..stop_count. */
uint32_t pd_timeline_stop_at(const pd_timeline *tl, double t);
/* The section holding t: 1..section_count, or 0 before the first (or none). */
uint32_t pd_timeline_section_at(const pd_timeline *tl, double t);

#endif
