#include "gfx/gfx.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "core/geom.h"
#include "core/xform.h"
#include "glad_gl.h"
#include "scene/gpu_data.h"
#include "text/layout.h"

/* shaders/embed.py writes these into shaders.c at build time */
extern const char pd_shader_place_glsl[];
extern const char pd_shader_prim_vert[];
extern const char pd_shader_scene_vert[];
extern const char pd_shader_prim_frag[];
extern const char pd_shader_yuv_vert[];
extern const char pd_shader_image_vert[];
extern const char pd_shader_image_frag[];
extern const char pd_shader_yuv_frag[];
extern const char pd_shader_gpu_layout_h[]; /* core/gpu_layout.h: the contract, prepended to each stage */

/* One instance: six vec4 attributes (see shaders/prim.vert). */
typedef struct instance {
    float a[4], b[4], c[4];
    float fill[4], stroke[4];
    float param[4];
} instance;

typedef struct program {
    GLuint id;
    GLint u_half_frame, u_px_per_unit, u_view_center, u_view_zoom, u_atlas_size, u_atlas_spread, u_atlas, u_progress;
    GLint u_inst, u_tracks, u_index, u_index_base, u_t, u_units_per_texel_per_em;
} program;

/* fragment variants: shapes (rectangle, segment, triangle) and glyphs */
enum {
    KINDS = 2
};
#define VARIANT(kind) ((kind) == PD_KIND_GLYPH ? 1 : 0)

struct pd_gfx_target {
    GLuint fbo, color_tex; /* a texture, so that the YUV pass can sample it */
    int w, h;
};

/* The YUV pass's output: an R8 image of w x h*3/2 holding yuv420p's bytes
 * (shaders/yuv.frag), made for the size of the last target converted. */
typedef struct yuv_pass {
    GLuint program[2]; /* [0] the Y rows, [1] the chroma rows */
    GLint u_src[2], u_size[2];
    GLuint linear; /* a sampler: the chroma draw averages 2x2 blocks with one bilinear fetch */
    GLuint fbo, tex;
    int w, h; /* the frame's size */
    int pack; /* bytes a texel of tex: 4 (RGBA8) or 1 (R8), shaders/yuv.frag */
} yuv_pass;

/* Reads in flight: pixel pack buffers written by glReadPixels, mapped later. */
struct pd_gfx_readback {
    GLuint pbo[PD_GFX_READBACK_MAX];
    int depth, head, count;
    int w, h;
    size_t bytes;
};

struct pd_gfx_scene {
    GLuint bufs[4], texs[4]; /* instances, tracks, index, and a culled index (pd_gfx_scene_draw_some) */
    pd_epoch *epochs;
    uint32_t epoch_count;
    pd_run *runs;
};

struct pd_gfx {
    program prim[KINDS], scene[KINDS]; /* [0] shapes, [1] glyphs */
    GLuint vao, vbo, atlas_tex, progress_tex, empty_vao;
    pd_atlas *atlas;
    const pd_gfx_scene *warm_scene; /* the latest talk: its programs are warmed too */
    GLuint warm_fbo;                /* the framebuffer the shader variants were warmed for */
    bool warm;
    uint64_t atlas_generation;
    int atlas_w, atlas_h;
    bool atlas_valid;
    pd_vec instances;
    pd_vec segs;    /* pd_seg: a long polyline's pieces, kept between frames */
    size_t vbo_cap; /* instances */
    pd_viewport vp;
    pd_viewport damage; /* w > 0: the current pass draws only there (pd_gfx_pass.damage) */
    GLuint pass_fbo;    /* the current pass's framebuffer (blits draw into it) */
    float zoom;         /* the current pass's talk zoom (1: none) */
    pd_v2 zoom_center;
    pd_color clear;
    yuv_pass yuv;         /* compiled at the first YUV read: presenting never needs it */
    GLuint image_program; /* pd_gfx_image's, compiled at its first use */
    GLint image_u_rect, image_u_src;
    bool transparent; /* the current pass clears to transparent */
    char renderer[128];
    uint8_t *band; /* pd_gfx_read_yuv420_cpu's rows */
    size_t band_bytes;
};

static void yuv_free(yuv_pass *y);

/* ---- shader loading ---- */

static GLuint compile(GLenum type, const char *const *src, int nsrc, const char *name, pd_err *err)
{
    GLuint sh = glCreateShader(type);
    glShaderSource(sh, nsrc, src, NULL);
    glCompileShader(sh);
    GLint ok = 0;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[400];
        glGetShaderInfoLog(sh, sizeof log, NULL, log);
        char *nl = strchr(log, '\n');
        if (nl)
            *nl = 0;
        glDeleteShader(sh);
        pd_err_set(err, "shader '%s' does not compile: %s (restore it from the repo)", name, log);
        return 0;
    }
    return sh;
}

/* The shader sources: embedded, or read from --shaders DIR. */
typedef struct sources {
    const char *text[4]; /* place.glsl, prim.vert, scene.vert, prim.frag */
    char name[4][1024];
    unsigned char *owned[4];
} sources;

static bool load_sources(sources *src, const char *dir, pd_err *err)
{
    static const char *const files[4] = {"place.glsl", "prim.vert", "scene.vert", "prim.frag"};
    const char *embedded[4] = {pd_shader_place_glsl, pd_shader_prim_vert, pd_shader_scene_vert, pd_shader_prim_frag};
    for (int i = 0; i < 4; i++) {
        if (!dir) {
            src->text[i] = embedded[i];
            snprintf(src->name[i], sizeof src->name[i], "%s (embedded)", files[i]);
            continue;
        }
        pd_path_join(src->name[i], sizeof src->name[i], dir, files[i]);
        src->owned[i] = pd_file_read(src->name[i], NULL, NULL);
        if (!src->owned[i])
            return pd_err_set(err, "shader '%s' not found (fix --shaders DIR or leave it out)", src->name[i]);
        src->text[i] = (const char *)src->owned[i];
    }
    return true;
}

/* A program from its vertex and fragment stage texts; 0 with err naming the
 * files (and how to fix them) when a stage does not compile or they do not link. */
static GLuint build_program(const char **vs_text, int nvs, const char *vs_name, const char **fs_text, int nfs,
                            const char *fs_name, const char *fix, pd_err *err)
{
    GLuint vs = compile(GL_VERTEX_SHADER, vs_text, nvs, vs_name, err);
    GLuint fs = vs ? compile(GL_FRAGMENT_SHADER, fs_text, nfs, fs_name, err) : 0;
    if (!vs || !fs) {
        if (vs)
            glDeleteShader(vs);
        return 0;
    }
    GLuint id = glCreateProgram();
    glAttachShader(id, vs);
    glAttachShader(id, fs);
    glLinkProgram(id);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(id, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[400];
        glGetProgramInfoLog(id, sizeof log, NULL, log);
        char *nl = strchr(log, '\n');
        if (nl)
            *nl = 0;
        glDeleteProgram(id);
        pd_err_set(err, "shaders '%s' + '%s' do not link: %s (%s)", vs_name, fs_name, log, fix);
        return 0;
    }
    return id;
}

static bool link_program(program *p, const sources *src, int vert, int kind, pd_err *err)
{
    /* every stage: the version, core/gpu_layout.h, then the files (line
     * numbers in messages count from the first file) */
    const char *vs_text[5] = {"#version 330 core\n", pd_shader_gpu_layout_h, "#line 1\n", src->text[0],
                              src->text[vert]};
    char head[64];
    snprintf(head, sizeof head, "#version 330 core\n#define PD_GLYPH %d\n", kind);
    const char *fs_text[4] = {head, pd_shader_gpu_layout_h, "#line 1\n", src->text[3]};
    p->id = build_program(vs_text, 5, src->name[vert], fs_text, 4, src->name[3], "restore them from the repo", err);
    if (!p->id)
        return false;
    p->u_half_frame = glGetUniformLocation(p->id, "u_half_frame");
    p->u_px_per_unit = glGetUniformLocation(p->id, "u_px_per_unit");
    p->u_view_center = glGetUniformLocation(p->id, "u_view_center");
    p->u_view_zoom = glGetUniformLocation(p->id, "u_view_zoom");
    p->u_atlas_size = glGetUniformLocation(p->id, "u_atlas_size");
    p->u_atlas_spread = glGetUniformLocation(p->id, "u_atlas_spread");
    p->u_atlas = glGetUniformLocation(p->id, "u_atlas");
    p->u_progress = glGetUniformLocation(p->id, "u_progress");
    p->u_inst = glGetUniformLocation(p->id, "u_inst");
    p->u_tracks = glGetUniformLocation(p->id, "u_tracks");
    p->u_index = glGetUniformLocation(p->id, "u_index");
    p->u_index_base = glGetUniformLocation(p->id, "u_index_base");
    p->u_t = glGetUniformLocation(p->id, "u_t");
    p->u_units_per_texel_per_em = glGetUniformLocation(p->id, "u_units_per_texel_per_em");
    return true;
}

static bool build_programs(pd_gfx *g, const pd_gfx_desc *desc, pd_err *err)
{
    sources src = {0};
    bool ok = load_sources(&src, desc->shader_dir, err);
    for (int k = 0; ok && k < KINDS; k++)
        ok = link_program(&g->prim[k], &src, 1, k, err) && link_program(&g->scene[k], &src, 2, k, err);
    for (int i = 0; i < 4; i++)
        free(src.owned[i]);
    return ok;
}

pd_gfx *pd_gfx_create(const pd_gfx_desc *desc, pd_err *err)
{
    if (!desc || !desc->get_proc || !desc->atlas) {
        pd_err_set(err, "pd_gfx_create: no GL loader or atlas given");
        return NULL;
    }
    if (!gladLoadGL((GLADloadfunc)desc->get_proc)) {
        pd_err_set(err, "OpenGL 3.3 core functions could not be loaded");
        return NULL;
    }
    pd_gfx *g = calloc(1, sizeof *g);
    if (!g) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    g->atlas = desc->atlas;
    g->clear = desc->clear;
    if (g->clear.a == 0 && g->clear.r == 0 && g->clear.g == 0 && g->clear.b == 0)
        g->clear = PD_RGBA(0, 0, 0, 1);
    const char *r = (const char *)glGetString(GL_RENDERER);
    const char *v = (const char *)glGetString(GL_VERSION);
    snprintf(g->renderer, sizeof g->renderer, "%s | %s", r ? r : "?", v ? v : "?");
    if (!build_programs(g, desc, err)) {
        pd_gfx_destroy(&g);
        return NULL;
    }

    glGenVertexArrays(1, &g->vao);
    glGenBuffers(1, &g->vbo);
    glBindVertexArray(g->vao);
    glBindBuffer(GL_ARRAY_BUFFER, g->vbo);
    for (GLuint i = 0; i < 6; i++) {
        glEnableVertexAttribArray(i);
        glVertexAttribPointer(i, 4, GL_FLOAT, GL_FALSE, sizeof(instance), (void *)(uintptr_t)(i * 16));
        glVertexAttribDivisor(i, 1);
    }
    glBindVertexArray(0);
    glGenVertexArrays(1, &g->empty_vao); /* the scene reads its instances from buffer textures */

    /* the atlas: distances (filtered) and outline progress (read per texel) */
    static const uint8_t zero = 0;
    GLuint *texs[2] = {&g->atlas_tex, &g->progress_tex};
    for (int i = 0; i < 2; i++) {
        glGenTextures(1, texs[i]);
        glBindTexture(GL_TEXTURE_2D, *texs[i]);
        GLint filter = i == 0 ? GL_LINEAR : GL_NEAREST;
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, 1, 1, 0, GL_RED, GL_UNSIGNED_BYTE, &zero);
    }
    g->atlas_w = g->atlas_h = 1;
    pd_vec_reserve(&g->instances, sizeof(instance), 4096);
    return g;
}

void pd_gfx_destroy(pd_gfx **gp)
{
    pd_gfx *g = *gp;
    if (!g)
        return;
    for (int k = 0; k < KINDS; k++) {
        if (g->prim[k].id)
            glDeleteProgram(g->prim[k].id);
        if (g->scene[k].id)
            glDeleteProgram(g->scene[k].id);
    }
    if (g->empty_vao)
        glDeleteVertexArrays(1, &g->empty_vao);
    if (g->vbo)
        glDeleteBuffers(1, &g->vbo);
    if (g->vao)
        glDeleteVertexArrays(1, &g->vao);
    if (g->atlas_tex)
        glDeleteTextures(1, &g->atlas_tex);
    if (g->progress_tex)
        glDeleteTextures(1, &g->progress_tex);
    yuv_free(&g->yuv);
    for (int i = 0; i < 2; i++)
        if (g->yuv.program[i])
            glDeleteProgram(g->yuv.program[i]);
    if (g->yuv.linear)
        glDeleteSamplers(1, &g->yuv.linear);
    if (g->image_program)
        glDeleteProgram(g->image_program);
    pd_vec_free(&g->instances);
    pd_vec_free(&g->segs);
    free(g->band);
    free(g);
    *gp = NULL;
}

const char *pd_gfx_renderer_name(pd_gfx *g) { return g->renderer; }

bool pd_gfx_software(const pd_gfx *g) { return strstr(g->renderer, "llvmpipe") || strstr(g->renderer, "softpipe"); }

/* ---- frame ---- */

static void use_program(pd_gfx *g, const program *p, float zoom);

/* llvmpipe compiles a fragment shader's machine code at its first draw into
 * a framebuffer kind: 10-30 ms, a visible stall if it happens mid-talk (the
 * first box, the first Write). Draw once with every program before the first
 * clear, into one scissored pixel that the clear then wipes. */
static void warm_up(pd_gfx *g, GLuint fbo, int fb_w, int fb_h)
{
    if (g->warm && g->warm_fbo == fbo)
        return;
    g->warm = true;
    g->warm_fbo = fbo;
    if (fb_w <= 0 || fb_h <= 0)
        return;
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 0, 1, 1);
    g->vp = (pd_viewport){0, 0, fb_w, fb_h};
    static const instance probe[2] = {
        {.a = {0, 0, 100, 100}, .fill = {1, 1, 1, 1}, .param = {PD_KIND_RECT, 0, 0, 0}},
        {.a = {0, 0, 100, 0},
         .b = {0, 0, 100, 100},
         .c = {0, 0, 1, 1},
         .fill = {1, 1, 1, 1},
         .param = {PD_KIND_GLYPH, 0, 1, 0}},
    };
    glBindBuffer(GL_ARRAY_BUFFER, g->vbo);
    if (g->vbo_cap < 2) {
        g->vbo_cap = 4096;
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(g->vbo_cap * sizeof(instance)), NULL, GL_STREAM_DRAW);
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, sizeof probe, probe);
    glBindVertexArray(g->vao);
    for (int v = 0; v < KINDS; v++) {
        use_program(g, &g->prim[v], 1);
        for (GLuint i = 0; i < 6; i++)
            glVertexAttribPointer(i, 4, GL_FLOAT, GL_FALSE, sizeof(instance),
                                  (void *)(uintptr_t)((size_t)v * sizeof(instance) + i * 16));
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 1);
    }
    if (g->warm_scene) {
        for (int i = 0; i < 3; i++) {
            glActiveTexture(GL_TEXTURE1 + i);
            glBindTexture(GL_TEXTURE_BUFFER, g->warm_scene->texs[i]);
        }
        glBindVertexArray(g->empty_vao);
        for (int v = 0; v < KINDS; v++) {
            const program *p = &g->scene[v];
            use_program(g, p, 1);
            glUniform1i(p->u_inst, 1);
            glUniform1i(p->u_tracks, 2);
            glUniform1i(p->u_index, 3);
            glUniform1i(p->u_index_base, 0);
            glUniform1f(p->u_t, 0);
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 1);
        }
        glActiveTexture(GL_TEXTURE0);
    }
    glBindVertexArray(0);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
}

/* the 16:9 frame letterboxed in fb_w x fb_h */
static pd_viewport letterbox(int fb_w, int fb_h)
{
    int w = fb_w, h = (int)lround((double)fb_w * PD_ASPECT_H / PD_ASPECT_W);
    if (h > fb_h) {
        h = fb_h;
        w = (int)lround((double)fb_h * PD_ASPECT_W / PD_ASPECT_H);
    }
    return (pd_viewport){(fb_w - w) / 2, (fb_h - h) / 2, w, h};
}

/* Whether the frame is cleared to black (or, for a layer, transparent
 * black): then one clear covers the bars and the frame. */
static bool frame_black(const pd_gfx *g)
{
    return (g->clear.r == 0 && g->clear.g == 0 && g->clear.b == 0) || g->transparent;
}

/* Clears r, inside the frame, to the frame's background; the scissor stays
 * on r. */
static void clear_in_frame(pd_gfx *g, pd_viewport r)
{
    glEnable(GL_SCISSOR_TEST);
    glScissor(r.x, r.y, r.w, r.h);
    if (frame_black(g))
        glClearColor(0, 0, 0, g->transparent ? 0 : 1);
    else
        glClearColor(g->clear.r, g->clear.g, g->clear.b, g->clear.a);
    glClear(GL_COLOR_BUFFER_BIT);
}

static void begin_window(pd_gfx *g, int fb_w, int fb_h)
{
    g->vp = letterbox(fb_w, fb_h);
    int w = g->vp.w, h = g->vp.h;
    glViewport(0, 0, fb_w, fb_h);
    glDisable(GL_SCISSOR_TEST);
    /* one clear when the bars and the background are both black (a full
     * 1080p clear costs ~0.25 ms on llvmpipe) */
    glClearColor(0, 0, 0, g->transparent ? 0 : 1);
    glClear(GL_COLOR_BUFFER_BIT);
    if (w > 0 && h > 0 && !frame_black(g))
        clear_in_frame(g, g->vp);
    if (w > 0 && h > 0)
        glViewport(g->vp.x, g->vp.y, w, h);
}

/* The presenter view's panels: a frame letterboxed into a rectangle of the
 * framebuffer, clearing only that frame and keeping the rest. */
static void begin_rect(pd_gfx *g, pd_viewport r)
{
    int vw = r.w, vh = (int)lround((double)r.w * PD_ASPECT_H / PD_ASPECT_W);
    if (vh > r.h) {
        vh = r.h;
        vw = (int)lround((double)r.h * PD_ASPECT_W / PD_ASPECT_H);
    }
    g->vp = (pd_viewport){r.x + (r.w - vw) / 2, r.y + (r.h - vh) / 2, vw, vh};
    if (vw <= 0 || vh <= 0)
        return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(g->vp.x, g->vp.y, vw, vh);
    glClearColor(g->clear.r, g->clear.g, g->clear.b, g->clear.a);
    glClear(GL_COLOR_BUFFER_BIT);
    glViewport(g->vp.x, g->vp.y, vw, vh);
}

void pd_gfx_begin(pd_gfx *g, const pd_gfx_pass *pass)
{
    GLuint fbo = pass->target ? pass->target->fbo : 0;
    int fb_w = pass->target ? pass->target->w : pass->width, fb_h = pass->target ? pass->target->h : pass->height;
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    g->instances.len = 0;
    g->pass_fbo = fbo;
    g->zoom = pass->zoom > 1 ? pass->zoom : 1;
    g->zoom_center = pass->zoom > 1 ? pass->zoom_center : (pd_v2){0, 0};
    g->transparent = pass->transparent;
    g->damage = (pd_viewport){0};
    if (pass->rect.w > 0) {
        begin_rect(g, pass->rect);
        return;
    }
    warm_up(g, fbo, fb_w, fb_h);
    pd_viewport d = pass->damage;
    if (d.w > 0 && d.h > 0 && pass->target && g->zoom == 1) {
        /* the rest of the target is the last frame's: clear and draw inside the damage only */
        g->vp = letterbox(fb_w, fb_h);
        glViewport(g->vp.x, g->vp.y, g->vp.w, g->vp.h);
        clear_in_frame(g, d);
        g->damage = d;
        return;
    }
    begin_window(g, fb_w, fb_h);
}

pd_viewport pd_gfx_viewport(const pd_gfx *g) { return g->vp; }

bool pd_gfx_damage_box(const pd_gfx *g, float box[4])
{
    if (g->damage.w <= 0 || g->vp.h <= 0)
        return false;
    /* a pixel more each side, for the rounding to pixels */
    double ppu = (double)g->vp.h / PD_FRAME_H;
    box[0] = (float)((g->damage.x - 1 - g->vp.x) / ppu - PD_FRAME_W / 2);
    box[1] = (float)((g->damage.y - 1 - g->vp.y) / ppu - PD_FRAME_H / 2);
    box[2] = (float)((g->damage.x + g->damage.w + 1 - g->vp.x) / ppu - PD_FRAME_W / 2);
    box[3] = (float)((g->damage.y + g->damage.h + 1 - g->vp.y) / ppu - PD_FRAME_H / 2);
    return true;
}

pd_viewport pd_gfx_pass_viewport(const pd_gfx_pass *pass)
{
    if (pass->rect.w > 0) {
        pd_viewport r = pass->rect, f = letterbox(r.w, r.h);
        return (pd_viewport){r.x + f.x, r.y + f.y, f.w, f.h};
    }
    return pass->target ? letterbox(pass->target->w, pass->target->h) : letterbox(pass->width, pass->height);
}

static instance *push(pd_gfx *g, int kind, float stroke_width)
{
    instance *in = pd_vec_push(&g->instances, sizeof *in);
    in->param[0] = (float)kind;
    in->param[1] = stroke_width > 0 ? stroke_width * PD_STROKE_UNIT : 0;
    return in;
}

static void set_color(float out[4], pd_color c)
{
    out[0] = c.r;
    out[1] = c.g;
    out[2] = c.b;
    out[3] = c.a;
}

void pd_gfx_rect(pd_gfx *g, const pd_draw_rect *r)
{
    if (r->fill.a <= 0 && (r->stroke.a <= 0 || r->stroke_width <= 0))
        return;
    instance *in = push(g, PD_KIND_RECT, r->stroke.a > 0 ? r->stroke_width : 0);
    in->a[0] = r->center.x;
    in->a[1] = r->center.y;
    in->a[2] = fabsf(r->size.x) * 0.5f;
    in->a[3] = fabsf(r->size.y) * 0.5f;
    float rad = fminf(r->corner_radius, fminf(in->a[2], in->a[3]));
    in->b[0] = rad > 0 ? rad : 0;
    in->b[1] = cosf(r->angle);
    in->b[2] = sinf(r->angle);
    set_color(in->fill, r->fill);
    set_color(in->stroke, r->stroke);
}

static void push_segment(pd_gfx *g, pd_v2 a, pd_v2 b, pd_v2 n0, pd_v2 n1, int joins, pd_color c, float w)
{
    instance *in = push(g, PD_KIND_SEGMENT, w);
    in->param[3] = (float)joins;
    in->a[0] = a.x;
    in->a[1] = a.y;
    in->a[2] = b.x;
    in->a[3] = b.y;
    in->b[0] = n0.x;
    in->b[1] = n0.y;
    in->b[2] = n1.x;
    in->b[3] = n1.y;
    set_color(in->stroke, c);
}

void pd_gfx_polyline(pd_gfx *g, const pd_draw_polyline *pl)
{
    if (pl->count < 2 || pl->color.a <= 0 || pl->stroke_width <= 0)
        return;
    /* a scratch array that only grows: long polylines (pen strokes) allocate
     * nothing once it fits them */
    pd_vec_reserve(&g->segs, sizeof(pd_seg), (size_t)pl->count + 1);
    pd_seg *segs = g->segs.data;
    uint32_t n = pd_polyline_segments(pl->points, pl->count, pl->closed, segs);
    for (uint32_t i = 0; i < n; i++)
        push_segment(g, segs[i].a, segs[i].b, segs[i].n0, segs[i].n1, segs[i].joins, pl->color, pl->stroke_width);
}

void pd_gfx_line(pd_gfx *g, pd_v2 a, pd_v2 b, pd_color color, float stroke_width)
{
    pd_v2 pts[2] = {a, b};
    pd_gfx_polyline(g, &(pd_draw_polyline){.points = pts, .count = 2, .color = color, .stroke_width = stroke_width});
}

void pd_gfx_triangle(pd_gfx *g, const pd_draw_triangle *t)
{
    if (t->fill.a <= 0)
        return;
    pd_v2 p0 = t->p[0], p1 = t->p[1], p2 = t->p[2];
    float area = (p1.x - p0.x) * (p2.y - p0.y) - (p2.x - p0.x) * (p1.y - p0.y);
    if (fabsf(area) < 1e-12f)
        return;
    if (area < 0) { /* the shader wants counter-clockwise */
        pd_v2 tmp = p1;
        p1 = p2;
        p2 = tmp;
    }
    instance *in = push(g, PD_KIND_TRIANGLE, 0);
    in->a[0] = p0.x;
    in->a[1] = p0.y;
    in->a[2] = p1.x;
    in->a[3] = p1.y;
    in->b[0] = p2.x;
    in->b[1] = p2.y;
    set_color(in->fill, t->fill);
}

void pd_gfx_glyph(pd_gfx *g, const pd_draw_glyph *gl)
{
    const pd_atlas_glyph *e = gl->entry;
    if (!e || e->empty || (gl->fill.a <= 0 && (gl->stroke.a <= 0 || gl->stroke_width <= 0)))
        return;
    instance *in = push(g, PD_KIND_GLYPH, gl->stroke.a > 0 ? gl->stroke_width : 0);
    in->a[0] = gl->origin.x;
    in->a[1] = gl->origin.y;
    in->a[2] = gl->em * cosf(gl->angle);
    in->a[3] = gl->em * sinf(gl->angle);
    in->b[0] = e->plane_x0;
    in->b[1] = e->plane_y0;
    in->b[2] = e->plane_x1;
    in->b[3] = e->plane_y1;
    in->c[0] = e->x0;
    in->c[1] = e->y0;
    in->c[2] = e->x1;
    in->c[3] = e->y1;
    in->param[2] = gl->em / PD_ATLAS_PX_PER_EM; /* units per texel */
    set_color(in->fill, gl->fill);
    set_color(in->stroke, gl->stroke);
}

bool pd_gfx_text(pd_gfx *g, const pd_layout_run *run, pd_v2 at, float angle, pd_color fill, pd_err *err)
{
    pd_atlas *atlas = g->atlas;
    pd_xform place = pd_xform_place(at, 1, angle);
    for (uint32_t i = 0; i < run->glyph_count; i++) {
        const pd_layout_glyph *tg = &run->glyphs[i];
        const pd_atlas_glyph *e = pd_atlas_get(atlas, tg->font, tg->glyph, err);
        if (!e)
            return false;
        pd_v2 o = pd_xform_apply(&place, (pd_v2){tg->x, tg->y});
        pd_gfx_glyph(g, &(pd_draw_glyph){.entry = e, .origin = o, .em = tg->em, .angle = angle, .fill = fill});
    }
    return true;
}

static void upload_atlas(pd_gfx *g, const pd_atlas *atlas)
{
    pd_atlas_image img = pd_atlas_image_get(atlas);
    if (g->atlas_valid && img.generation == g->atlas_generation)
        return;
    if (!img.pixels || img.width <= 0 || img.height <= 0)
        return;
    glBindTexture(GL_TEXTURE_2D, g->atlas_tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, img.width, img.height, 0, GL_RED, GL_UNSIGNED_BYTE, img.pixels);
    glBindTexture(GL_TEXTURE_2D, g->progress_tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, img.width, img.height, 0, GL_RED, GL_UNSIGNED_BYTE, img.progress);
    g->atlas_w = img.width;
    g->atlas_h = img.height;
    g->atlas_generation = img.generation;
    g->atlas_valid = true;
}

/* zoom: the talk's magnification in this draw (1 for immediate primitives) */
static void use_program(pd_gfx *g, const program *p, float zoom)
{
    glUseProgram(p->id);
    glUniform2f(p->u_half_frame, PD_FRAME_W * 0.5f, PD_FRAME_H * 0.5f);
    /* a zoomed talk is placed about its centre and shaded at the zoomed
     * resolution: widths, edges and glyph distances scale with it */
    glUniform1f(p->u_px_per_unit, (float)g->vp.h / PD_FRAME_H * zoom);
    glUniform2f(p->u_view_center, zoom > 1 ? g->zoom_center.x : 0, zoom > 1 ? g->zoom_center.y : 0);
    glUniform1f(p->u_view_zoom, zoom);
    glUniform2f(p->u_atlas_size, (float)g->atlas_w, (float)g->atlas_h);
    glUniform1f(p->u_atlas_spread, PD_ATLAS_SPREAD_PX);
    glUniform1i(p->u_atlas, 0);
    glUniform1i(p->u_progress, 4);
    glActiveTexture(GL_TEXTURE4);
    glBindTexture(GL_TEXTURE_2D, g->progress_tex);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, g->atlas_tex);
    /* straight sRGB values blended OVER, no gamma step (Cairo ARGB32 as Manim) */
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

static bool upload_tbo(pd_gfx_scene *sc, int i, GLenum format, const void *data, size_t bytes, size_t texels,
                       pd_err *err)
{
    GLint max = 0;
    glGetIntegerv(GL_MAX_TEXTURE_BUFFER_SIZE, &max);
    if (texels > (size_t)max)
        return pd_err_set(err, "the talk needs %zu buffer texels; this GL allows %d", texels, max);
    glBindBuffer(GL_TEXTURE_BUFFER, sc->bufs[i]);
    glBufferData(GL_TEXTURE_BUFFER, (GLsizeiptr)(bytes ? bytes : 16), data, GL_STATIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, sc->texs[i]);
    glTexBuffer(GL_TEXTURE_BUFFER, format, sc->bufs[i]);
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    return true;
}

pd_gfx_scene *pd_gfx_scene_create(pd_gfx *g, const pd_scene *scene, pd_err *err)
{
    pd_scene_gpu d = pd_scene_gpu_data(scene);
    pd_gfx_scene *sc = calloc(1, sizeof *sc);
    if (sc) {
        sc->epochs = malloc((d.epoch_count ? d.epoch_count : 1) * sizeof *sc->epochs);
        sc->runs = malloc((d.run_count ? d.run_count : 1) * sizeof *sc->runs);
    }
    if (!sc || !sc->epochs || !sc->runs) {
        if (sc) {
            free(sc->epochs);
            free(sc->runs);
        }
        free(sc);
        pd_err_set(err, "out of memory uploading the talk");
        return NULL;
    }
    if (d.epoch_count)
        memcpy(sc->epochs, d.epochs, d.epoch_count * sizeof *sc->epochs);
    if (d.run_count)
        memcpy(sc->runs, d.runs, d.run_count * sizeof *sc->runs);
    sc->epoch_count = d.epoch_count;
    glGenBuffers(4, sc->bufs);
    glGenTextures(4, sc->texs);
    bool ok = upload_tbo(sc, 0, GL_RGBA32F, d.instances, (size_t)d.instance_count * PD_TEXELS_PER_INSTANCE * 16,
                         (size_t)d.instance_count * PD_TEXELS_PER_INSTANCE, err) &&
              upload_tbo(sc, 1, GL_RGBA32F, d.tracks, (size_t)d.track_texels * 16, d.track_texels, err) &&
              upload_tbo(sc, 2, GL_R32UI, d.index, (size_t)d.index_count * 4, d.index_count, err) &&
              upload_tbo(sc, 3, GL_R32UI, NULL, 0, 0, err);
    if (!ok) {
        pd_gfx_scene_destroy(g, &sc);
        return NULL;
    }
    g->warm_scene = sc;
    g->warm = false; /* warm the talk's programs too */
    return sc;
}

void pd_gfx_scene_destroy(pd_gfx *g, pd_gfx_scene **sp)
{
    pd_gfx_scene *sc = *sp;
    if (!sc)
        return;
    if (g->warm_scene == sc)
        g->warm_scene = NULL;
    glDeleteBuffers(4, sc->bufs);
    glDeleteTextures(4, sc->texs);
    free(sc->epochs);
    free(sc->runs);
    free(sc);
    *sp = NULL;
}

/* The epoch drawn at t: a binary search, independent of the talk's length
 * (the scene's own rule, scene/gpu.c, on the handle's copy). */
static const pd_epoch *epoch_at(const pd_gfx_scene *sc, double t)
{
    if (sc->epoch_count == 0)
        return NULL;
    uint32_t lo = 0, hi = sc->epoch_count; /* the last epoch with e.t <= t */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (sc->epochs[mid].t <= t)
            lo = mid;
        else
            hi = mid;
    }
    return &sc->epochs[lo];
}

/* The runs at t, their instances listed in the index texture index_tex. */
static void draw_runs(pd_gfx *g, const pd_gfx_scene *sc, double t, GLuint index_tex, const pd_run *runs, uint32_t n)
{
    upload_atlas(g, g->atlas);
    if (n == 0 || g->vp.w <= 0 || g->vp.h <= 0)
        return;
    for (int i = 0; i < 3; i++) {
        glActiveTexture(GL_TEXTURE1 + i);
        glBindTexture(GL_TEXTURE_BUFFER, i == 2 ? index_tex : sc->texs[i]);
    }
    glBindVertexArray(g->empty_vao);
    int bound = -1;
    for (uint32_t r = 0; r < n; r++) {
        const pd_run *run = &runs[r];
        int v = VARIANT((int)run->kind);
        const program *p = &g->scene[v];
        if (v != bound) {
            use_program(g, p, g->zoom);
            glUniform1i(p->u_inst, 1);
            glUniform1i(p->u_tracks, 2);
            glUniform1i(p->u_index, 3);
            glUniform1f(p->u_t, (float)t);
            glUniform1f(p->u_units_per_texel_per_em, 1.0f / PD_ATLAS_PX_PER_EM);
            bound = v;
        }
        glUniform1i(p->u_index_base, (GLint)run->first);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, (GLsizei)run->count);
    }
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
    glDisable(GL_BLEND);
}

void pd_gfx_scene_draw(pd_gfx *g, const pd_gfx_scene *sc, double t)
{
    const pd_epoch *e = sc ? epoch_at(sc, t) : NULL;
    draw_runs(g, sc, t, sc ? sc->texs[2] : 0, e ? sc->runs + e->first_run : NULL, e ? e->run_count : 0);
}

void pd_gfx_scene_draw_some(pd_gfx *g, const pd_gfx_scene *sc, double t, const uint32_t *index, uint32_t count,
                            const pd_run *runs, uint32_t run_count)
{
    if (!sc || count == 0) {
        run_count = 0; /* nothing to draw (the atlas still goes up) */
    } else {
        /* a fresh store each frame: the GL need not wait for the last frame's draws */
        glBindBuffer(GL_TEXTURE_BUFFER, sc->bufs[3]);
        glBufferData(GL_TEXTURE_BUFFER, (GLsizeiptr)count * 4, index, GL_STREAM_DRAW);
        glBindBuffer(GL_TEXTURE_BUFFER, 0);
    }
    draw_runs(g, sc, t, sc ? sc->texs[3] : 0, runs, run_count);
}

/* Draws the primitives submitted so far and empties the batch. */
static void flush(pd_gfx *g)
{
    upload_atlas(g, g->atlas);
    size_t n = g->instances.len;
    g->instances.len = 0;
    if (n == 0 || g->vp.w <= 0 || g->vp.h <= 0)
        return;
    glBindBuffer(GL_ARRAY_BUFFER, g->vbo);
    if (n > g->vbo_cap) {
        g->vbo_cap = n * 2;
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(g->vbo_cap * sizeof(instance)), NULL, GL_STREAM_DRAW);
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)(n * sizeof(instance)), g->instances.data);

    glBindVertexArray(g->vao);
    const instance *in = g->instances.data;
    for (size_t first = 0; first < n;) {
        int v = VARIANT((int)in[first].param[0]);
        size_t end = first + 1;
        while (end < n && VARIANT((int)in[end].param[0]) == v)
            end++;
        use_program(g, &g->prim[v], 1);
        /* GL 3.3 has no base instance: point the attributes at the run */
        for (GLuint i = 0; i < 6; i++)
            glVertexAttribPointer(i, 4, GL_FLOAT, GL_FALSE, sizeof(instance),
                                  (void *)(uintptr_t)(first * sizeof(instance) + i * 16));
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, (GLsizei)(end - first));
        first = end;
    }
    glBindVertexArray(0);
    glDisable(GL_BLEND);
}

void pd_gfx_end(pd_gfx *g) { flush(g); }

void pd_gfx_blit(pd_gfx *g, const pd_gfx_target *src, pd_viewport from, pd_v2 center, pd_v2 size)
{
    if (!src || src->fbo == g->pass_fbo || from.w <= 0 || from.h <= 0 || g->vp.w <= 0 || g->vp.h <= 0)
        return;
    flush(g); /* what was submitted before lies under the copy */
    double ppu = (double)g->vp.h / PD_FRAME_H;
    double cx = g->vp.x + g->vp.w * 0.5 + center.x * ppu, cy = g->vp.y + g->vp.h * 0.5 + center.y * ppu;
    double hw = fabs(size.x) * 0.5 * ppu, hh = fabs(size.y) * 0.5 * ppu;
    GLint x0 = (GLint)lround(cx - hw), y0 = (GLint)lround(cy - hh), x1 = (GLint)lround(cx + hw),
          y1 = (GLint)lround(cy + hh);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, src->fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, g->pass_fbo);
    glBlitFramebuffer(from.x, from.y, from.x + from.w, from.y + from.h, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, g->pass_fbo);
}

/* ---- offscreen ---- */

pd_gfx_target *pd_gfx_target_create(pd_gfx *g, int width, int height, pd_err *err)
{
    GLint max_rb = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_rb);
    if (width <= 0 || height <= 0 || width > max_rb || height > max_rb) {
        pd_err_set(err, "size %dx%d is outside 1..%d (pass a smaller --size)", width, height, max_rb);
        return NULL;
    }
    pd_gfx_target *t = calloc(1, sizeof *t);
    if (!t) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    t->w = width;
    t->h = height;
    glGenFramebuffers(1, &t->fbo);
    glGenTextures(1, &t->color_tex);
    glBindTexture(GL_TEXTURE_2D, t->color_tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t->color_tex, 0);
    bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) {
        pd_gfx_target_destroy(g, &t);
        pd_err_set(err, "offscreen target %dx%d could not be made (try a smaller --size)", width, height);
        return NULL;
    }
    return t;
}

void pd_gfx_target_destroy(pd_gfx *g, pd_gfx_target **tp)
{
    pd_gfx_target *t = *tp;
    if (!t)
        return;
    if (g && g->warm_fbo == t->fbo)
        g->warm = false; /* a later target may get the same name */
    glDeleteFramebuffers(1, &t->fbo);
    glDeleteTextures(1, &t->color_tex);
    free(t);
    *tp = NULL;
}

int pd_gfx_target_width(const pd_gfx_target *t) { return t->w; }
int pd_gfx_target_height(const pd_gfx_target *t) { return t->h; }

void pd_gfx_read_rgba_rows(pd_gfx *g, const pd_gfx_target *t, int y, int n, uint8_t *out)
{
    (void)g;
    int w = t->w;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, t->fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, t->h - y - n, w, n, GL_RGBA, GL_UNSIGNED_BYTE, out); /* GL's rows count from the bottom */
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    size_t stride = (size_t)w * 4;
    uint8_t tmp[4096 * 4];
    for (int r = 0; r < n / 2; r++) {
        uint8_t *a = out + (size_t)r * stride, *b = out + (size_t)(n - 1 - r) * stride;
        for (size_t off = 0; off < stride; off += sizeof tmp) {
            size_t k = stride - off < sizeof tmp ? stride - off : sizeof tmp;
            memcpy(tmp, a + off, k);
            memcpy(a + off, b + off, k);
            memcpy(b + off, tmp, k);
        }
    }
}

void pd_gfx_read_rgba(pd_gfx *g, const pd_gfx_target *t, uint8_t *out)
{
    (void)g;
    int w = t->w, h = t->h;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, t->fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, out);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    /* GL's row 0 is the bottom: flip in place */
    size_t stride = (size_t)w * 4;
    uint8_t tmp[4096 * 4];
    for (int y = 0; y < h / 2; y++) {
        uint8_t *a = out + (size_t)y * stride, *b = out + (size_t)(h - 1 - y) * stride;
        for (size_t off = 0; off < stride; off += sizeof tmp) {
            size_t n = stride - off < sizeof tmp ? stride - off : sizeof tmp;
            memcpy(tmp, a + off, n);
            memcpy(a + off, b + off, n);
            memcpy(b + off, tmp, n);
        }
    }
}

bool pd_gfx_read_yuv420_cpu(pd_gfx *g, const pd_gfx_target *t, pd_viewport r, uint8_t *out, pd_err *err)
{
    enum {
        BAND = 32 /* rows: 240 kB at 1920 wide, in a core's L2 */
    };
    int w = t->w, h = t->h;
    assert(w % 2 == 0 && h % 2 == 0 && r.x % 2 == 0 && r.y % 2 == 0 && r.w % 2 == 0 && r.h % 2 == 0);
    assert(r.x >= 0 && r.y >= 0 && r.w >= 0 && r.h >= 0 && r.x + r.w <= w && r.y + r.h <= h);
    size_t stride = (size_t)w * 4;
    if (g->band_bytes < stride * BAND) {
        free(g->band);
        g->band = malloc(stride * BAND);
        g->band_bytes = g->band ? stride * BAND : 0;
        if (!g->band)
            return pd_err_set(err, "out of memory for the YUV conversion's rows");
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, t->fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    size_t band_stride = (size_t)r.w * 4; /* the rectangle's columns only */
    for (int y0 = r.y; y0 < r.y + r.h; y0 += BAND) {
        int n = r.y + r.h - y0 < BAND ? r.y + r.h - y0 : BAND;
        /* the picture's rows y0 .. y0+n-1 are GL's h-y0-n .. h-y0-1, the last of them first in the band */
        glReadPixels(r.x, h - y0 - n, r.w, n, GL_RGBA, GL_UNSIGNED_BYTE, g->band);
        pd_gfx_rgba_to_yuv420(g->band + (size_t)(n - 1) * band_stride, -(ptrdiff_t)band_stride, w, h,
                              (pd_viewport){r.x, y0, r.w, n}, out);
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    return true;
}

/* ---- images (the pen's layer) ---- */

static bool image_build(pd_gfx *g)
{
    if (g->image_program)
        return true;
    pd_err err = {0};
    const char *vs_text[2] = {"#version 330 core\n", pd_shader_image_vert};
    const char *fs_text[2] = {"#version 330 core\n", pd_shader_image_frag};
    GLuint id =
        build_program(vs_text, 2, "image.vert (embedded)", fs_text, 2, "image.frag (embedded)", "rebuild podium", &err);
    if (!id) { /* an embedded shader that does not build is a bug in this build */
        fprintf(stderr, "podium: %s\n", err.msg);
        return false;
    }
    g->image_program = id;
    g->image_u_rect = glGetUniformLocation(id, "u_rect");
    g->image_u_src = glGetUniformLocation(id, "u_src");
    return true;
}

void pd_gfx_image(pd_gfx *g, const pd_gfx_target *src, pd_v2 center, pd_v2 size)
{
    if (!src || src->fbo == g->pass_fbo || g->vp.w <= 0 || g->vp.h <= 0 || !image_build(g))
        return;
    flush(g); /* what was submitted before lies under the image */
    float hx = PD_FRAME_W * 0.5f, hy = PD_FRAME_H * 0.5f;
    glUseProgram(g->image_program);
    glUniform4f(g->image_u_rect, (center.x - fabsf(size.x) / 2) / hx, (center.y - fabsf(size.y) / 2) / hy,
                (center.x + fabsf(size.x) / 2) / hx, (center.y + fabsf(size.y) / 2) / hy);
    glUniform1i(g->image_u_src, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, src->color_tex);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); /* premultiplied OVER */
    glBindVertexArray(g->empty_vao);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    glDisable(GL_BLEND);
    glBindTexture(GL_TEXTURE_2D, g->atlas_tex);
}

/* ---- YUV 4:2:0 readback ---- */

/* The two programs for the byte packing pack (4 or 1; rebuilt when it changes). */
static bool yuv_build(pd_gfx *g, int pack, pd_err *err)
{
    yuv_pass *y = &g->yuv;
    for (int chroma = 0; chroma < 2; chroma++) {
        if (y->program[chroma] && y->pack == pack)
            continue;
        if (y->program[chroma])
            glDeleteProgram(y->program[chroma]);
        y->program[chroma] = 0;
        char head[96];
        snprintf(head, sizeof head, "#version 330 core\n#define PD_YUV_CHROMA %d\n#define PD_YUV_PACK %d\n", chroma,
                 pack);
        const char *vs_text[3] = {"#version 330 core\n", pd_shader_gpu_layout_h, pd_shader_yuv_vert};
        const char *fs_text[4] = {head, pd_shader_gpu_layout_h, "#line 1\n", pd_shader_yuv_frag};
        GLuint id =
            build_program(vs_text, 3, "yuv.vert (embedded)", fs_text, 4, "yuv.frag (embedded)", "rebuild podium", err);
        if (!id)
            return false;
        y->program[chroma] = id;
        y->u_src[chroma] = glGetUniformLocation(id, "u_src");
        y->u_size[chroma] = glGetUniformLocation(id, "u_size");
    }
    if (!y->linear) {
        glGenSamplers(1, &y->linear);
        glSamplerParameteri(y->linear, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glSamplerParameteri(y->linear, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glSamplerParameteri(y->linear, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glSamplerParameteri(y->linear, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    return true;
}

static void yuv_free(yuv_pass *y)
{
    if (y->fbo)
        glDeleteFramebuffers(1, &y->fbo);
    if (y->tex)
        glDeleteTextures(1, &y->tex);
    y->fbo = y->tex = 0;
    y->w = y->h = 0;
}

/* Converts t into the pass's R8 image and leaves that bound for reading. */
static bool yuv_convert(pd_gfx *g, const pd_gfx_target *t, pd_err *err)
{
    assert(t->w % 2 == 0 && t->h % 2 == 0);
    yuv_pass *y = &g->yuv;
    int pack = t->w % 8 == 0 ? 4 : 1;
    if (!yuv_build(g, pack, err))
        return false;
    y->pack = pack;
    int out_w = t->w / pack, out_h = t->h / 2 * 3;
    if (y->w != t->w || y->h != t->h) {
        yuv_free(y);
        glGenTextures(1, &y->tex);
        glBindTexture(GL_TEXTURE_2D, y->tex);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
        if (pack == 4)
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, out_w, out_h, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
        else
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, out_w, out_h, 0, GL_RED, GL_UNSIGNED_BYTE, NULL);
        glGenFramebuffers(1, &y->fbo);
        glBindFramebuffer(GL_FRAMEBUFFER, y->fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, y->tex, 0);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            yuv_free(y);
            return pd_err_set(err, "the YUV target %dx%d could not be made (try a smaller --size)", out_w, out_h);
        }
        y->w = t->w;
        y->h = t->h;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, y->fbo);
    glViewport(0, 0, out_w, out_h);
    glEnable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, t->color_tex);
    glBindVertexArray(g->empty_vao);
    for (int chroma = 0; chroma < 2; chroma++) {
        /* the Y rows, then the chroma rows: each draw shades only its own */
        glScissor(0, chroma ? t->h : 0, out_w, chroma ? out_h - t->h : t->h);
        glBindSampler(0, chroma ? y->linear : 0);
        glUseProgram(y->program[chroma]);
        glUniform1i(y->u_src[chroma], 0);
        glUniform2i(y->u_size[chroma], t->w, t->h);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }
    glBindSampler(0, 0);
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, g->atlas_tex);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, g->pass_fbo);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, y->fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    return true;
}

bool pd_gfx_read_yuv420(pd_gfx *g, const pd_gfx_target *t, uint8_t *out, pd_err *err)
{
    if (!yuv_convert(g, t, err))
        return false;
    /* the image's rows are yuv420p's bytes in order: no flip */
    glReadPixels(0, 0, t->w / g->yuv.pack, t->h / 2 * 3, g->yuv.pack == 4 ? GL_RGBA : GL_RED, GL_UNSIGNED_BYTE, out);
    glBindFramebuffer(GL_FRAMEBUFFER, g->pass_fbo);
    return true;
}

pd_gfx_readback *pd_gfx_readback_create(pd_gfx *g, int width, int height, int depth, pd_err *err)
{
    (void)g;
    if (width <= 0 || height <= 0 || width % 2 || height % 2) {
        pd_err_set(err, "a YUV 4:2:0 readback needs an even size, not %dx%d", width, height);
        return NULL;
    }
    if (depth < 1 || depth > PD_GFX_READBACK_MAX) {
        pd_err_set(err, "readback depth %d is outside 1..%d", depth, PD_GFX_READBACK_MAX);
        return NULL;
    }
    pd_gfx_readback *rb = calloc(1, sizeof *rb);
    if (!rb) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    rb->w = width;
    rb->h = height;
    rb->depth = depth;
    rb->bytes = (size_t)width * (size_t)height / 2 * 3;
    glGenBuffers(depth, rb->pbo);
    for (int i = 0; i < depth; i++) {
        glBindBuffer(GL_PIXEL_PACK_BUFFER, rb->pbo[i]);
        glBufferData(GL_PIXEL_PACK_BUFFER, (GLsizeiptr)rb->bytes, NULL, GL_STREAM_READ);
    }
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    return rb;
}

void pd_gfx_readback_destroy(pd_gfx *g, pd_gfx_readback **rbp)
{
    (void)g;
    pd_gfx_readback *rb = *rbp;
    if (!rb)
        return;
    glDeleteBuffers(rb->depth, rb->pbo);
    free(rb);
    *rbp = NULL;
}

size_t pd_gfx_readback_bytes(const pd_gfx_readback *rb) { return rb->bytes; }
int pd_gfx_readback_pending(const pd_gfx_readback *rb) { return rb->count; }
bool pd_gfx_readback_full(const pd_gfx_readback *rb) { return rb->count == rb->depth; }

bool pd_gfx_readback_push(pd_gfx *g, pd_gfx_readback *rb, const pd_gfx_target *t, pd_err *err)
{
    assert(rb->count < rb->depth && t->w == rb->w && t->h == rb->h);
    if (!yuv_convert(g, t, err))
        return false;
    int slot = (rb->head + rb->count) % rb->depth;
    glBindBuffer(GL_PIXEL_PACK_BUFFER, rb->pbo[slot]);
    glReadPixels(0, 0, t->w / g->yuv.pack, t->h / 2 * 3, g->yuv.pack == 4 ? GL_RGBA : GL_RED, GL_UNSIGNED_BYTE, NULL);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, g->pass_fbo);
    rb->count++;
    return true;
}

bool pd_gfx_readback_pop(pd_gfx *g, pd_gfx_readback *rb, uint8_t *out, pd_err *err)
{
    (void)g;
    assert(rb->count > 0);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, rb->pbo[rb->head]);
    const void *p = glMapBufferRange(GL_PIXEL_PACK_BUFFER, 0, (GLsizeiptr)rb->bytes, GL_MAP_READ_BIT);
    if (p) {
        memcpy(out, p, rb->bytes);
        glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
    }
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    rb->head = (rb->head + 1) % rb->depth;
    rb->count--;
    return p ? true : pd_err_set(err, "the GL could not map a frame's pixels (out of memory?)");
}

void pd_gfx_finish(pd_gfx *g)
{
    (void)g;
    glFinish();
}

void pd_gfx_flush(pd_gfx *g)
{
    (void)g;
    glFlush();
}
