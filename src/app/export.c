#include "app/export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/frames.h"
#include "capture/handout.h"
#include "capture/output.h"
#include "capture/png.h"
#include "core/clock.h"
#include "core/file.h"
#include "scene/gpu_data.h"

/* The wait (still stretch) that contains t: frames inside one are identical. */
static int still_at(const pd_session *s, double t)
{
    if (!s->scene)
        return -1;
    for (uint32_t i = 0; i < s->tl.stop_count; i++) {
        const pd_stop *st = &s->tl.stops[i];
        if (t >= st->t - 1e-9 && t <= st->t + st->hold + 1e-9)
            return (int)i;
        if (st->t > t)
            break;
    }
    return -1;
}

/* The still stretches of frames [0, total) as the export submits them (a
 * frame in the same wait as the one before repeats it), but for one that
 * ends within the last four frames; malloc'd into *out; their count, or -1
 * when out of memory. */
static int still_holds(const pd_session *s, const pd_export_desc *d, long total, pd_cap_hold **out)
{
    *out = NULL;
    int n = 0, cap = 0, last = -1;
    for (long k = 0; k < total; k++) {
        int still = still_at(s, d->from + (double)k / d->fps);
        if (k > 0 && still >= 0 && still == last) {
            if (n > 0 && (*out)[n - 1].frame + (*out)[n - 1].repeat == k) {
                (*out)[n - 1].repeat++;
            } else {
                if (n == cap) {
                    cap = cap ? 2 * cap : 64;
                    pd_cap_hold *m = realloc(*out, (size_t)cap * sizeof *m);
                    if (!m) {
                        free(*out);
                        *out = NULL;
                        return -1;
                    }
                    *out = m;
                }
                (*out)[n++] = (pd_cap_hold){.frame = k - 1, .repeat = 2};
            }
        }
        last = still;
    }
    /* ffmpeg repeats the last frames of its input by a guess (the median of the last three repeats, ffmpeg 5.1):
     * the frames at the end all go down the pipe */
    while (n > 0 && (*out)[n - 1].frame + (*out)[n - 1].repeat > total - 4)
        n--;
    return n;
}

static void progress(const pd_export_desc *d, long done, long total, double t0)
{
    if (d->progress)
        d->progress(d->user, done, total, pd_clock_now_s() - t0);
}

/* mp4 exports: frames converted to YUV on the GPU and read back through a
 * few pixel buffers in flight, so that the next frame renders while the last
 * ones are read (on a GPU) and the writer thread feeds ffmpeg. Each read in
 * flight carries its repeat count: a still stretch grows the newest. */
typedef struct inflight {
    pd_gfx_readback *rb;
    int repeat[PD_GFX_READBACK_MAX];
    int head, depth;
} inflight;

enum {
    READS_IN_FLIGHT = 2
};

/* The oldest read to the sink (its repeat count is final: only the newest grows). */
static bool inflight_pop(pd_session *s, inflight *f, pd_cap_sink *sink, pd_err *err)
{
    uint8_t *px = pd_cap_sink_acquire(sink);
    bool ok = pd_gfx_readback_pop(s->gfx, f->rb, px, err);
    /* the buffer goes back to the sink either way; after a failure nothing more is fed */
    pd_cap_sink_submit(sink, px, f->repeat[f->head]);
    f->head = (f->head + 1) % f->depth;
    return ok;
}

static int *inflight_newest(inflight *f)
{
    return &f->repeat[(f->head + pd_gfx_readback_pending(f->rb) - 1) % f->depth];
}

/* mp4 exports on a software renderer, where every pixel drawn, read back and
 * converted is CPU time the encoder needs. The GPU's YUV pass would be CPU
 * work in llvmpipe's shaders, so frames are converted here
 * (pd_gfx_read_yuv420_cpu, ~10x cheaper), from one of two targets while the
 * other rasterises (on llvmpipe's threads, where it has them: main.c gives
 * an mp4 export none). And a frame is drawn, read and converted only where it
 * differs from what is there (pd_scene_damage_rects, up to DAMAGE_RECTS
 * rectangles where the changes lie apart): a target is redrawn where its
 * frame (two frames back) and the new one differ, and a sink buffer, which
 * still holds the frame it carried last, is converted again where that frame
 * and the new one differ (in the GQA talk a frame changes in a twentieth of
 * its area on average). PODIUM_EXPORT_FULL=1 draws and converts every frame
 * whole (and sends every frame of a still stretch), for comparison: the same
 * frames. */
typedef struct cpu_reads {
    pd_gfx_target *target[2]; /* [0] the session's, [1] the export's own */
    double held[2];           /* the time of the frame each target holds */
    bool holds[2];
    int next;   /* the target the next frame is drawn into */
    bool drawn; /* the other one holds a frame not yet read */
    /* the sink's buffers come back as they went: each still holds the frame
     * it carried, converted again only where that frame and the new differ */
    struct {
        const uint8_t *px;
        double t;
    } buffers[16];
    int nbuffers;
    bool damage; /* draw and convert only what changed */
} cpu_reads;

/* A frame's damage is drawn and converted as up to this many rectangles.
 * One of its own costs another pass over the talk's draws, ~0.3 ms of CPU
 * on llvmpipe, what drawing and converting ~40,000 pixels cost: two are
 * kept apart only where that leaves more undrawn (docs/performance.md). */
enum {
    DAMAGE_RECTS = 4
};
#define DAMAGE_PASS_PX 40000.0

/* The pixels of target t (GL's origin) where the frames at ta and tb differ,
 * with the anti-aliasing around them, inside its letterboxed frame, as up to
 * DAMAGE_RECTS rectangles; 0 when they are the same. */
static int damage_px(const pd_session *s, pd_gfx_target *t, double ta, double tb, pd_viewport out[DAMAGE_RECTS])
{
    float b[DAMAGE_RECTS][4];
    pd_viewport f = pd_gfx_pass_viewport(&(pd_gfx_pass){.target = t});
    double ppu = (double)f.h / PD_FRAME_H;
    int n = pd_scene_damage_rects(s->scene, ta, tb, b, DAMAGE_RECTS, (float)(DAMAGE_PASS_PX / (ppu * ppu)));
    int m = 0;
    for (int i = 0; i < n; i++) {
        int x0 = f.x + (int)floor((b[i][0] + PD_FRAME_W / 2) * ppu) - 3,
            x1 = f.x + (int)ceil((b[i][2] + PD_FRAME_W / 2) * ppu) + 3;
        int y0 = f.y + (int)floor((b[i][1] + PD_FRAME_H / 2) * ppu) - 3,
            y1 = f.y + (int)ceil((b[i][3] + PD_FRAME_H / 2) * ppu) + 3;
        x0 = x0 < f.x ? f.x : x0, y0 = y0 < f.y ? f.y : y0;
        x1 = x1 > f.x + f.w ? f.x + f.w : x1, y1 = y1 > f.y + f.h ? f.y + f.h : y1;
        if (x1 > x0 && y1 > y0) /* else off the frame */
            out[m++] = (pd_viewport){x0, y0, x1 - x0, y1 - y0};
    }
    return m;
}

static bool cpu_draw(pd_session *s, cpu_reads *c, double t, pd_err *err)
{
    int i = c->next;
    pd_viewport d[DAMAGE_RECTS] = {{0}}; /* {0}: the whole frame */
    int n = !c->damage || !c->holds[i] ? 1 : damage_px(s, c->target[i], c->held[i], t, d);
    for (int k = 0; k < n; k++)
        if (!pd_session_draw_frame(s, &(pd_gfx_pass){.target = c->target[i], .damage = d[k]}, t, NULL, err))
            return false;
    pd_gfx_flush(s->gfx);
    c->held[i] = t;
    c->holds[i] = true;
    return true;
}

/* The frame the other target holds to the sink, converted into one of its
 * buffers where it differs from the frame that buffer held. */
static bool cpu_submit(pd_session *s, cpu_reads *c, pd_cap_sink *sink, int repeat, pd_err *err)
{
    int i = c->next ^ 1, w = s->desc.width, h = s->desc.height;
    double t = c->held[i];
    uint8_t *px = pd_cap_sink_acquire(sink);
    int k = 0;
    while (k < c->nbuffers && c->buffers[k].px != px)
        k++;
    pd_viewport d[DAMAGE_RECTS] = {{0, 0, w, h}};
    int n = !c->damage || k == c->nbuffers ? 1 : damage_px(s, c->target[i], c->buffers[k].t, t, d);
    bool ok = true;
    for (int j = 0; j < n && ok; j++) {
        /* the picture's rectangle, top down, on even rows and columns (2x2 blocks of chroma) */
        int top = (h - (d[j].y + d[j].h)) & ~1, bottom = (h - d[j].y + 1) & ~1;
        int left = d[j].x & ~1, right = (d[j].x + d[j].w + 1) & ~1;
        ok =
            pd_gfx_read_yuv420_cpu(s->gfx, c->target[i], (pd_viewport){left, top, right - left, bottom - top}, px, err);
    }
    if (k == c->nbuffers && k < (int)(sizeof c->buffers / sizeof c->buffers[0]))
        c->nbuffers++;
    if (k < c->nbuffers)
        c->buffers[k].px = ok ? px : NULL, c->buffers[k].t = t;
    pd_cap_sink_submit(sink, px, ok ? repeat : 1);
    return ok;
}

bool pd_export_video(pd_session *s, const pd_export_desc *d, pd_export_result *r, pd_err *err)
{
    *r = (pd_export_result){0};
    if (!(d->to > d->from))
        return pd_err_set(err, "--from %.3f s is not before --to %.3f s: nothing to export", d->from, d->to);
    int w = s->desc.width, h = s->desc.height;
    r->total = lround((d->to - d->from) * d->fps);
    if (r->total < 1)
        r->total = 1;
    size_t n = strlen(d->path);
    bool to_yuv = n >= 4 && (strcmp(d->path + n - 4, ".mp4") == 0 || strcmp(d->path + n - 4, ".yuv") == 0) &&
                  w % 2 == 0 && h % 2 == 0;
    /* on a software renderer the GPU's YUV pass is ~10 ms of CPU a 1080p
     * frame, reading it back in bands and converting them on this thread
     * ~2 ms (docs/performance.md) */
    bool software = pd_gfx_software(s->gfx);
    bool gpu_yuv = to_yuv && !software; /* converted on the GPU, read back in flight */
    /* PODIUM_EXPORT_FULL=1 draws, converts and sends down the pipe every frame whole, for comparison (the same
     * frames) */
    const char *full = getenv("PODIUM_EXPORT_FULL");
    bool whole = full && *full && strcmp(full, "0") != 0;
    pd_cap_hold *holds = NULL;
    int hold_count = whole ? 0 : still_holds(s, d, r->total, &holds);
    if (hold_count < 0)
        return pd_err_set(err, "out of memory for the export's still stretches");
    pd_cap_sink *sink = pd_cap_sink_open(&(pd_cap_sink_desc){.path = d->path,
                                                             .width = w,
                                                             .height = h,
                                                             .fps = d->fps,
                                                             .force = d->force,
                                                             .option = "--export",
                                                             .pixels = to_yuv ? PD_CAP_YUV420 : PD_CAP_RGBA,
                                                             .holds = holds,
                                                             .hold_count = hold_count},
                                         err);
    free(holds); /* the sink keeps its copy */
    if (!sink)
        return false;
    inflight f = {.depth = READS_IN_FLIGHT};
    if (gpu_yuv && !(f.rb = pd_gfx_readback_create(s->gfx, w, h, f.depth, err))) {
        pd_cap_sink_close(&sink, &(pd_err){0});
        return false;
    }
    cpu_reads cpu = {0};
    if (to_yuv && !gpu_yuv) {
        if (!s->target && !(s->target = pd_gfx_target_create(s->gfx, w, h, err))) {
            pd_cap_sink_close(&sink, &(pd_err){0});
            return false;
        }
        cpu.target[0] = s->target;
        cpu.damage = s->scene && !whole;
        if (!(cpu.target[1] = pd_gfx_target_create(s->gfx, w, h, err))) {
            pd_cap_sink_close(&sink, &(pd_err){0});
            return false;
        }
    }
    double t0 = pd_clock_now_s();
    uint8_t *pending = NULL; /* RGBA: the last frame, not yet submitted */
    int pending_repeat = 0, last_still = -1;
    bool ok = true, any = false;
    for (long k = 0; k < r->total && ok; k++) {
        /* frame-exact: frame k shows t = from + k / fps */
        double t = d->from + (double)k / d->fps;
        int still = still_at(s, t);
        if (any && still >= 0 && still == last_still) {
            if (gpu_yuv)
                (*inflight_newest(&f))++;
            else
                pending_repeat++;
        } else if (gpu_yuv) {
            ok = pd_session_render(s, t, NULL, NULL, err) &&
                 (!pd_gfx_readback_full(f.rb) || inflight_pop(s, &f, sink, err)) &&
                 pd_gfx_readback_push(s->gfx, f.rb, s->target, err);
            if (ok)
                *inflight_newest(&f) = 1;
        } else if (to_yuv) {
            /* two targets in turn: this frame rasterises (llvmpipe's threads) while the last one is read
             * back and converted here */
            ok = cpu_draw(s, &cpu, t, err);
            if (ok && cpu.drawn)
                ok = cpu_submit(s, &cpu, sink, pending_repeat, err);
            cpu.next ^= 1;
            cpu.drawn = ok;
            pending_repeat = 1;
        } else {
            if (pending)
                pd_cap_sink_submit(sink, pending, pending_repeat);
            pending = pd_cap_sink_acquire(sink);
            if (!pd_session_render(s, t, NULL, pending, err)) {
                pd_cap_sink_submit(sink, pending, 1);
                pending = NULL;
                ok = false;
            }
            pending_repeat = 1;
        }
        if (ok && !(any && still >= 0 && still == last_still))
            r->rendered++;
        any = true;
        last_still = still;
        if (pd_cap_sink_failed(sink) || pd_out_interrupted())
            break;
        progress(d, k + 1, r->total, t0);
    }
    while (f.rb && pd_gfx_readback_pending(f.rb) > 0)
        ok = inflight_pop(s, &f, sink, err) && ok;
    if (ok && cpu.drawn)
        ok = cpu_submit(s, &cpu, sink, pending_repeat, err);
    if (cpu.target[1])
        pd_gfx_target_destroy(s->gfx, &cpu.target[1]);
    pd_gfx_readback_destroy(s->gfx, &f.rb);
    if (ok && pending)
        pd_cap_sink_submit(sink, pending, pending_repeat);
    if (ok && pd_out_interrupted() && !pd_cap_sink_failed(sink)) {
        r->interrupted = true;
        r->done = pd_cap_sink_frames(sink);
        r->kept_ok = pd_cap_sink_keep_partial(&sink, r->kept, sizeof r->kept, err);
        return false;
    }
    snprintf(r->where, sizeof r->where, "%s", pd_cap_sink_where(sink));
    pd_err close_err = {0};
    if (!pd_cap_sink_close(&sink, &close_err) && ok) {
        *err = close_err;
        ok = false;
    }
    r->done = ok ? r->total : 0;
    r->wall_s = pd_clock_now_s() - t0;
    return ok;
}

bool pd_export_stops(pd_session *s, const pd_export_desc *d, pd_export_result *r, pd_err *err)
{
    *r = (pd_export_result){.total = s->tl.stop_count};
    if (r->total == 0)
        return pd_err_set(err, "talk '%s' has no stops to export", s->desc.talk);
    int w = s->desc.width, h = s->desc.height;
    uint8_t *px = malloc((size_t)w * (size_t)h * 4);
    if (!px)
        return pd_err_set(err, "out of memory for a %dx%d frame", w, h);
    /* a temporary folder, moved into place when complete */
    pd_out out = {.slot = -1};
    bool ok = pd_out_begin(&out,
                           &(pd_out_spec){.path = d->path,
                                          .kind = PD_OUT_DIR,
                                          .option = "--export-stops",
                                          .pattern = "stop-*.png",
                                          .force = d->force},
                           err);
    double t0 = pd_clock_now_s();
    for (long i = 0; ok && i < r->total; i++) {
        if (pd_out_interrupted()) {
            r->interrupted = true;
            r->kept_ok = pd_out_keep_partial(&out, r->kept, sizeof r->kept, err);
            ok = false;
            break;
        }
        char path[2400];
        snprintf(path, sizeof path, "%s/stop-%02ld.png", pd_out_tmp(&out), i + 1);
        ok =
            pd_session_render(s, s->tl.stops[i].t, NULL, px, err) && pd_png_write(path, px, w, h, PD_PNG_NEW_ONLY, err);
        r->done = ok ? i + 1 : i;
        progress(d, r->done, r->total, t0);
    }
    ok = ok && pd_out_commit(&out, err);
    pd_out_abandon(&out);
    free(px);
    size_t n = strlen(d->path);
    snprintf(r->where, sizeof r->where, "%s%s", d->path, n && d->path[n - 1] == '/' ? "" : "/");
    r->wall_s = pd_clock_now_s() - t0;
    return ok;
}

bool pd_export_handout(pd_session *s, const pd_export_desc *d, pd_export_result *r, pd_err *err)
{
    *r = (pd_export_result){.total = s->tl.stop_count};
    if (r->total == 0)
        return pd_err_set(err, "talk '%s' has no stops for a handout", s->desc.talk);
    int w = s->desc.width, h = s->desc.height;
    pd_handout *doc = pd_handout_create(d->path, s->title, d->force, err);
    if (!doc)
        return false;
    uint8_t *px = malloc((size_t)w * (size_t)h * 4);
    bool ok = px != NULL;
    if (!ok)
        pd_err_set(err, "out of memory for a %dx%d frame", w, h);
    double t0 = pd_clock_now_s();
    for (long i = 0; ok && i < r->total; i++) {
        if (pd_out_interrupted()) {
            r->interrupted = true;
            r->kept_ok = i > 0 && pd_handout_keep_partial(&doc, r->kept, sizeof r->kept, err);
            if (i == 0)
                pd_err_set(err, "no page was done");
            ok = false;
            break;
        }
        const pd_stop *st = &s->tl.stops[i];
        const pd_section_info *sec =
            st->section >= 0 && (uint32_t)st->section < s->tl.section_count ? &s->tl.sections[st->section] : NULL;
        char heading[512];
        snprintf(heading, sizeof heading, "Stop %ld of %ld%s%s", i + 1, r->total, sec ? "  \xe2\x80\x94  " : "",
                 sec && sec->title ? sec->title : "");
        ok = pd_session_render(s, st->t, NULL, px, err) && pd_handout_page(doc, px, w, h, heading, st->note, err);
        r->done = ok ? i + 1 : i;
        progress(d, r->done, r->total, t0);
    }
    free(px);
    ok = ok && pd_handout_close(&doc, err);
    pd_handout_abort(&doc);
    snprintf(r->where, sizeof r->where, "%s", d->path);
    r->wall_s = pd_clock_now_s() - t0;
    return ok;
}
