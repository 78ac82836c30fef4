#include "app/session.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/file.h"
#include "py/py.h"
#include "scene/gpu_data.h"
#include "talks/cfile.h"
#include "talks/talks.h"

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Runs the talk's script into scene: a built-in talk, a C talk file (its
 * loaded object into *cfile) or a Manim scene file; the title into title. */
static bool build_talk(const pd_session_desc *d, pd_scene *scene, pd_cfile **cfile, char *title, size_t cap,
                       pd_err *err)
{
    const char *talk = d->talk;
    if (ends_with(talk, ".py")) {
        if (!pd_py_build(scene, talk, d->scene_name, err))
            return false;
        snprintf(title, cap, "%s", pd_py_title());
    } else if (ends_with(talk, ".c")) {
        if (!(*cfile = pd_cfile_load(talk, err)))
            return false;
        pd_cfile_build (*cfile)(scene);
        snprintf(title, cap, "%s", pd_cfile_title(*cfile));
    } else {
        const pd_talk *t = pd_talk_find(talk);
        if (!t)
            return pd_err_set(err, "unknown talk '%s' (podium --list-talks names them)", talk);
        t->build(scene);
        snprintf(title, cap, "%s", t->title);
    }
    if (pd_scene_error(scene))
        return pd_err_set(err, "talk '%s': %s", talk, pd_scene_error(scene));
    return true;
}

bool pd_session_load(pd_session *s, const pd_session_desc *desc, pd_err *err)
{
    *s = (pd_session){.desc = *desc};
    if (!pd_fonts_load(&s->fonts, pd_assets_dir(), err))
        return false;
    s->atlas = pd_atlas_create(s->fonts);
    if (!s->atlas)
        return pd_err_set(err, "out of memory creating the glyph atlas");
    if (desc->testcard) {
        s->tl = (pd_timeline){.duration = 10.0, .frames = 600};
        snprintf(s->title, sizeof s->title, "%s", "podium test card");
        s->card = pd_testcard_create(s->fonts, err);
        return s->card != NULL;
    }
    s->scene = pd_scene_create(s->fonts);
    if (!s->scene)
        return pd_err_set(err, "out of memory loading talk '%s'", desc->talk);
    if (!build_talk(desc, s->scene, &s->cfile, s->title, sizeof s->title, err))
        return false;
    s->tl = pd_scene_timeline(s->scene);
    return pd_scene_finalize(s->scene, s->atlas, err);
}

/* Finalises and uploads scene and, only when both worked, puts it (and the
 * object its C talk came from) in place of the session's talk or test card;
 * else destroys them and leaves the session as it was. */
static bool adopt(pd_session *s, pd_scene *scene, pd_cfile *cfile, pd_err *err)
{
    pd_gfx_scene *talk = NULL;
    if (!pd_scene_finalize(scene, s->atlas, err) || (s->gfx && !(talk = pd_gfx_scene_create(s->gfx, scene, err)))) {
        pd_scene_destroy(&scene);
        pd_cfile_unload(&cfile);
        return false;
    }
    if (s->gfx)
        pd_gfx_scene_destroy(s->gfx, &s->talk);
    pd_scene_destroy(&s->scene);
    pd_cfile_unload(&s->cfile);
    pd_testcard_destroy(&s->card);
    s->scene = scene;
    s->cfile = cfile;
    s->talk = talk;
    s->tl = pd_scene_timeline(scene);
    return true;
}

bool pd_session_reload(pd_session *s, pd_err *err)
{
    if (!s->scene || !s->desc.talk)
        return pd_err_set(err, "the talk was not read from a file: nothing to reload");
    pd_scene *scene = pd_scene_create(s->fonts);
    pd_cfile *cfile = NULL;
    char title[sizeof s->title];
    if (!scene || !build_talk(&s->desc, scene, &cfile, title, sizeof title, err)) {
        pd_scene_destroy(&scene); /* the old talk stays */
        pd_cfile_unload(&cfile);
        return false;
    }
    if (!adopt(s, scene, cfile, err))
        return false;
    snprintf(s->title, sizeof s->title, "%s", title);
    return true;
}

bool pd_session_gl(pd_session *s, pd_gl_loader loader, pd_err *err)
{
    s->gfx =
        pd_gfx_create(&(pd_gfx_desc){.get_proc = loader, .atlas = s->atlas, .shader_dir = s->desc.shader_dir}, err);
    if (!s->gfx)
        return false;
    if (s->scene && !(s->talk = pd_gfx_scene_create(s->gfx, s->scene, err)))
        return false;
    return true;
}

bool pd_session_headless(pd_session *s, pd_err *err)
{
    s->headless = pd_headless_create(err);
    if (!s->headless || !pd_session_gl(s, pd_headless_get_proc, err))
        return false;
    s->target = pd_gfx_target_create(s->gfx, s->desc.width, s->desc.height, err);
    return s->target != NULL;
}

void pd_session_unload(pd_session *s)
{
    pd_testcard_destroy(&s->card);
    pd_scene_destroy(&s->scene);
    pd_cfile_unload(&s->cfile); /* after the scene: its strings may live in the object */
    if (s->gfx) {
        pd_gfx_scene_destroy(s->gfx, &s->talk);
        pd_gfx_target_destroy(s->gfx, &s->target);
    }
    pd_gfx_destroy(&s->gfx);
    pd_headless_destroy(&s->headless);
    pd_atlas_destroy(&s->atlas);
    pd_fonts_unload(&s->fonts);
    pd_vec_free(&s->cull_index);
    pd_vec_free(&s->cull_runs);
}

/* The talk at t, or where the pass draws only its damage (an export's
 * frame, pd_gfx_pass.damage) only its instances that can draw there: on
 * llvmpipe every instance is vertex work and a draw's validation, however
 * little of it is inside. */
static void draw_talk(pd_session *s, double t)
{
    float box[4];
    const pd_epoch *e = s->scene ? pd_scene_epoch_at(s->scene, t) : NULL;
    if (!e || !pd_gfx_damage_box(s->gfx, box)) {
        pd_gfx_scene_draw(s->gfx, s->talk, t);
        return;
    }
    pd_vec_reserve(&s->cull_index, sizeof(uint32_t), e->count);
    pd_vec_reserve(&s->cull_runs, sizeof(pd_run), e->run_count);
    uint32_t runs = 0, n = pd_scene_cull(s->scene, t, box, s->cull_index.data, s->cull_runs.data, &runs);
    pd_gfx_scene_draw_some(s->gfx, s->talk, t, s->cull_index.data, n, s->cull_runs.data, runs);
}

bool pd_session_draw_frame(pd_session *s, const pd_gfx_pass *pass, double t, const pd_session_overlays *ov, pd_err *err)
{
    pd_gfx_pass zoomed = *pass;
    if (ov && ov->presenter)
        pd_overlay_audience_pass(ov->presenter, &zoomed);
    /* the pen's finished strokes into their layer, before the frame's pass */
    if (ov && ov->overlay && ov->presenter && !pd_overlay_prepare(ov->overlay, s->gfx, ov->presenter, &zoomed, err))
        return false;
    pd_gfx_begin(s->gfx, &zoomed);
    if (s->talk)
        draw_talk(s, t);
    else if (s->card && !pd_testcard_draw(s->card, s->gfx, t, err))
        return false;
    if (ov && ov->overlay && ov->annotations_only)
        pd_overlay_draw_annotations(ov->overlay, s->gfx, ov->presenter);
    else if (ov && ov->overlay && !pd_overlay_draw(ov->overlay, s->gfx, ov->presenter, &ov->info, err))
        return false;
    pd_gfx_end(s->gfx);
    return true;
}

bool pd_session_render(pd_session *s, double t, const pd_session_overlays *ov, uint8_t *px, pd_err *err)
{
    if (!s->target && !(s->target = pd_gfx_target_create(s->gfx, s->desc.width, s->desc.height, err)))
        return false;
    if (!pd_session_draw_frame(s, &(pd_gfx_pass){.target = s->target}, t, ov, err))
        return false;
    if (px)
        pd_gfx_read_rgba(s->gfx, s->target, px);
    return true;
}

bool pd_session_place_t(const pd_session *s, const pd_place *pl, double dflt, double *out, pd_err *err)
{
    if (!pl->given) {
        *out = dflt;
        return true;
    }
    double dur = s->tl.duration;
    switch (pl->kind) {
    case PD_PLACE_STOP:
        if ((uint32_t)pl->n > s->tl.stop_count)
            return pd_err_set(err, "%s: stop %d is out of range: the talk has stops 0..%u (see --list)", pl->text,
                              pl->n, s->tl.stop_count);
        *out = pd_timeline_stop_t(&s->tl, (uint32_t)pl->n);
        return true;
    case PD_PLACE_SECTION:
        if (pl->n < 1 || (uint32_t)pl->n > s->tl.section_count)
            return pd_err_set(err, "%s: section %d is out of range: the talk has %u sections (see --list)", pl->text,
                              pl->n, s->tl.section_count);
        *out = pd_timeline_section_t(&s->tl, (uint32_t)pl->n);
        return true;
    case PD_PLACE_SECONDS:
    default:
        if (pl->seconds > dur + PD_LIST_ROUNDING_S)
            return pd_err_set(err, "%s s is past the end of the talk (%.3f s)", pl->text, dur);
        *out = fmin(pl->seconds, dur);
        return true;
    }
}
