/* The GPU's YUV 4:2:0 conversion (pd_gfx_read_yuv420, shaders/yuv.frag) and
 * the mp4 export path built on it.
 *
 * 1. Every byte of the shader's yuv420p against a C reference conversion
 *    (BT.709, limited range, 2x2 chroma average) of the same frame read back
 *    as RGBA, within +-1, at a size whose planes start on texel rows and at
 *    one whose V plane starts mid-row; and Manim's palette against the
 *    reference of its hex values.
 * 2. Reads in flight (pd_gfx_readback) return the same bytes, in order.
 * 3. With ffmpeg: frames of the GQA talk at 1080p through the YUV sink (and
 *    the RGBA sink converting on its writer thread, for software renderers) to an
 *    mp4, decoded back to RGB by ffmpeg (which reads the stream's BT.709
 *    tags), against the RGBA frames: mean abs error per channel < 3/255 and
 *    99th percentile <= 12/255 (H.264 at crf 10, a high-quality setting; 4:2:0 chroma on coloured
 *    text edges), and no worse than ffmpeg's own RGBA conversion of the same
 *    frames (mean + 0.25/255, p99 + 1/255).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/frames.h"
#include "../check.h"
#include "core/color.h"
#include "talk_fixture.h"

/* The reference: BT.709 from gamma-encoded RGB in 0..1, limited range. */
static void ref_yuv(double r, double g, double b, double *y, double *u, double *v)
{
    double l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    *y = 16 + 219 * l;
    *u = 128 + 224 * (b - l) / 1.8556;
    *v = 128 + 224 * (r - l) / 1.5748;
}

static const pd_color palette[] = {PD_BLUE,   PD_YELLOW, PD_GREEN, PD_PURPLE,    PD_GRAY,      PD_TEAL,      PD_RED,
                                   PD_ORANGE, PD_WHITE,  PD_BLACK, PD_DARK_BLUE, PD_DARK_GRAY, PD_LIGHT_GRAY};
enum {
    NCOLORS = sizeof palette / sizeof palette[0]
};

/* Bands of the palette across the frame, band_px wide (even). */
static void draw_bands(fixture *f, int band_px)
{
    double ppu = f->h / 8.0;
    fixture_begin(f);
    for (int i = 0; i * band_px < f->w; i++) {
        double x0 = i * band_px, x1 = x0 + band_px;
        double cx = ((x0 + x1) * 0.5 - f->w * 0.5) / ppu;
        pd_gfx_rect(f->gfx, &(pd_draw_rect){.center = {(float)cx, 0},
                                            .size = {(float)(band_px / ppu), 8.5f},
                                            .fill = palette[i % NCOLORS]});
    }
    pd_gfx_end(f->gfx);
}

/* Every byte of yuv against the reference of the RGBA frame in f->px. */
static void check_frame(const fixture *f, const uint8_t *yuv, const char *what)
{
    int w = f->w, h = f->h, cw = w / 2, ch = h / 2;
    int worst = 0, bad = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            const uint8_t *p = fixture_px(f, x, y);
            double ry, ru, rv;
            ref_yuv(p[0] / 255.0, p[1] / 255.0, p[2] / 255.0, &ry, &ru, &rv);
            int d = abs(yuv[(size_t)y * w + x] - (int)lround(ry));
            worst = d > worst ? d : worst;
            bad += d > 1;
        }
    const uint8_t *up = yuv + (size_t)w * h, *vp = up + (size_t)cw * ch;
    for (int y = 0; y < ch; y++)
        for (int x = 0; x < cw; x++) {
            double s[3] = {0, 0, 0};
            for (int k = 0; k < 4; k++) {
                const uint8_t *p = fixture_px(f, 2 * x + (k & 1), 2 * y + (k >> 1));
                for (int c = 0; c < 3; c++)
                    s[c] += p[c] / 255.0 * 0.25;
            }
            double ry, ru, rv;
            ref_yuv(s[0], s[1], s[2], &ry, &ru, &rv);
            int du = abs(up[(size_t)y * cw + x] - (int)lround(ru));
            int dv = abs(vp[(size_t)y * cw + x] - (int)lround(rv));
            int d = du > dv ? du : dv;
            worst = d > worst ? d : worst;
            bad += d > 1;
        }
    CHECK(bad == 0, "%s %dx%d: %d bytes off the reference by more than 1 (worst %d)", what, w, h, bad, worst);
}

static void test_conversion(fixture *f, int w, int h)
{
    fixture_resize(f, w, h);
    draw_bands(f, 16);
    pd_gfx_read_rgba(f->gfx, f->target, f->px);
    size_t bytes = (size_t)w * h / 2 * 3;
    uint8_t *yuv = malloc(bytes + 1);
    yuv[bytes] = 0xA5; /* nothing is written past the frame */
    pd_err err = {0};
    CHECK(pd_gfx_read_yuv420(f->gfx, f->target, yuv, &err), "read_yuv420: %s", err.msg);
    CHECK(yuv[bytes] == 0xA5, "wrote past w*h*3/2 bytes");
    check_frame(f, yuv, "bands");
    /* the CPU's conversion (software renderers): the same bytes within +-1 */
    uint8_t *cpu = malloc(bytes + 1);
    cpu[bytes] = 0x5A;
    CHECK(pd_gfx_read_yuv420_cpu(f->gfx, f->target, (pd_viewport){0, 0, w, h}, cpu, &err), "read_yuv420_cpu: %s",
          err.msg);
    CHECK(cpu[bytes] == 0x5A, "the C conversion wrote past w*h*3/2 bytes");
    check_frame(f, cpu, "bands, C conversion");
    int worst = 0;
    for (size_t i = 0; i < bytes; i++)
        worst = abs(cpu[i] - yuv[i]) > worst ? abs(cpu[i] - yuv[i]) : worst;
    CHECK(worst <= 1, "GPU and C conversions differ by %d", worst);
    /* the whole top-down frame converted at once, and in bands of 2 rows: the same bytes as GL's rows in bands */
    uint8_t *whole = malloc(bytes), *pairs = malloc(bytes);
    pd_gfx_rgba_to_yuv420(f->px, (ptrdiff_t)w * 4, w, h, (pd_viewport){0, 0, w, h}, whole);
    for (int y = 0; y < h; y += 2)
        pd_gfx_rgba_to_yuv420(f->px + (size_t)y * w * 4, (ptrdiff_t)w * 4, w, h, (pd_viewport){0, y, w, 2}, pairs);
    CHECK(memcmp(cpu, whole, bytes) == 0, "%dx%d: converting the whole frame differs from converting bands", w, h);
    CHECK(memcmp(cpu, pairs, bytes) == 0, "%dx%d: converting 2 rows at a time differs", w, h);
    /* rectangles (an export's damage), read back and converted alone: their Y and the U and V of their 2x2
     * blocks are the whole frame's, and nothing outside them is written; widths that end in the scalar tail */
    const pd_viewport rects[] = {{0, 0, 2, 2}, {6, 4, 10, 6}, {w - 18, h - 36, 18, 36}, {2, 34, w - 4, 40}};
    for (size_t r = 0; r < sizeof rects / sizeof rects[0]; r++) {
        pd_viewport v = rects[r];
        if (v.x < 0 || v.y < 0 || v.x + v.w > w || v.y + v.h > h)
            continue;
        memset(pairs, 0x11, bytes);
        CHECK(pd_gfx_read_yuv420_cpu(f->gfx, f->target, v, pairs, &err), "read_yuv420_cpu rect: %s", err.msg);
        int bad = 0, cw = w / 2;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                bool in = x >= v.x && x < v.x + v.w && y >= v.y && y < v.y + v.h;
                size_t i = (size_t)y * w + x;
                bad += in ? pairs[i] != whole[i] : pairs[i] != 0x11;
                if (x % 2 == 0 && y % 2 == 0) {
                    size_t c = (size_t)w * h + (size_t)(y / 2) * cw + x / 2, q = (size_t)cw * (h / 2);
                    bad += in ? pairs[c] != whole[c] || pairs[c + q] != whole[c + q]
                              : pairs[c] != 0x11 || pairs[c + q] != 0x11;
                }
            }
        CHECK(bad == 0, "%dx%d: the rectangle %d,%d %dx%d converted alone differs in %d bytes", w, h, v.x, v.y, v.w,
              v.h, bad);
    }
    free(whole);
    free(pairs);
    free(cpu);

    /* the palette's known colours, at the centre of each band (a 2x2 block inside it) */
    int cw = w / 2, ch = h / 2;
    for (int i = 0; i * 16 + 16 <= w && i < NCOLORS; i++) {
        int x = i * 16 + 8, y = h / 2 & ~1;
        pd_color c = palette[i];
        double ry, ru, rv;
        ref_yuv(c.r, c.g, c.b, &ry, &ru, &rv);
        char what[64];
        snprintf(what, sizeof what, "palette %d (%dx%d) Y", i, w, h);
        CHECK_NEAR(yuv[(size_t)y * w + x], ry, 1.0, what);
        snprintf(what, sizeof what, "palette %d (%dx%d) U", i, w, h);
        CHECK_NEAR(yuv[(size_t)w * h + (size_t)(y / 2) * cw + x / 2], ru, 1.0, what);
        snprintf(what, sizeof what, "palette %d (%dx%d) V", i, w, h);
        CHECK_NEAR(yuv[(size_t)w * h + (size_t)cw * ch + (size_t)(y / 2) * cw + x / 2], rv, 1.0, what);
    }
    free(yuv);
}

/* Reads in flight give what a direct read gives, oldest first. */
static void test_readback(fixture *f)
{
    fixture_resize(f, 160, 90);
    pd_err err = {0};
    pd_gfx_readback *rb = pd_gfx_readback_create(f->gfx, 160, 90, 2, &err);
    CHECK(rb != NULL, "readback: %s", err.msg);
    CHECK(pd_gfx_readback_create(f->gfx, 161, 90, 2, &err) == NULL && strstr(err.msg, "even"), "odd size: %s", err.msg);
    if (!rb)
        return;
    size_t bytes = pd_gfx_readback_bytes(rb);
    CHECK(bytes == 160 * 90 * 3 / 2, "bytes %zu", bytes);
    enum {
        N = 5
    };
    uint8_t *want[N], *got = malloc(bytes);
    int popped = 0;
    for (int i = 0; i < N; i++) {
        draw_bands(f, 2 * (i + 2)); /* a different frame each time */
        want[i] = malloc(bytes);
        pd_gfx_read_yuv420(f->gfx, f->target, want[i], &err);
        if (pd_gfx_readback_full(rb)) {
            CHECK(pd_gfx_readback_pop(f->gfx, rb, got, &err), "pop: %s", err.msg);
            CHECK(memcmp(got, want[popped], bytes) == 0, "read %d in flight differs", popped);
            popped++;
        }
        CHECK(pd_gfx_readback_push(f->gfx, rb, f->target, &err), "push: %s", err.msg);
    }
    while (pd_gfx_readback_pending(rb) > 0) {
        CHECK(pd_gfx_readback_pop(f->gfx, rb, got, &err), "pop: %s", err.msg);
        CHECK(memcmp(got, want[popped], bytes) == 0, "read %d in flight differs", popped);
        popped++;
    }
    CHECK(popped == N, "popped %d of %d", popped, N);
    for (int i = 0; i < N; i++)
        free(want[i]);
    free(got);
    pd_gfx_readback_destroy(f->gfx, &rb);
    CHECK(rb == NULL, "destroy clears the handle");
}

typedef struct error_stats {
    double mean[3]; /* mean abs error per channel, /255 */
    int p99;        /* 99th percentile of the abs error over all channels, /255 */
} error_stats;

/* Who converts the frames to YUV before x264. */
typedef enum conversion {
    BY_GPU_PASS,   /* pd_gfx_read_yuv420 */
    BY_CPU_BANDS,  /* pd_gfx_read_yuv420_cpu */
    BY_FFMPEG_RGBA /* RGBA frames, libswscale */
} conversion;

/* Encodes the frames through a sink (YUV, or RGBA for ffmpeg to convert),
 * decodes the mp4 to RGB with ffmpeg (which converts by the stream's colour
 * tags, as a player does) and measures each frame against its RGBA original. */
static bool round_trip(fixture *f, pd_scene *scene, const double *ts, int nframes, conversion by, uint8_t **rgba,
                       error_stats *stats)
{
    pd_cap_pixels pixels = by == BY_FFMPEG_RGBA ? PD_CAP_RGBA : PD_CAP_YUV420;
    int W = f->w, H = f->h;
    char dir[] = "/tmp/podium-yuv-XXXXXX";
    if (!mkdtemp(dir))
        return false;
    char mp4[200];
    snprintf(mp4, sizeof mp4, "%s/t.mp4", dir);
    pd_err err = {0};
    pd_cap_sink *sink = pd_cap_sink_open(
        &(pd_cap_sink_desc){.path = mp4, .width = W, .height = H, .fps = 30, .pixels = pixels, .crf = 10}, &err);
    CHECK(sink != NULL, "sink: %s", err.msg);
    if (!sink)
        return false;
    size_t want = (size_t)W * H * (pixels == PD_CAP_YUV420 ? 3 : 8) / 2;
    CHECK(pd_cap_sink_frame_bytes(sink) == want, "frame bytes %zu, want %zu", pd_cap_sink_frame_bytes(sink), want);
    for (int i = 0; i < nframes; i++) {
        talk_render(f, scene, ts[i]);
        memcpy(rgba[i], f->px, (size_t)W * H * 4);
        uint8_t *px = pd_cap_sink_acquire(sink);
        if (by == BY_GPU_PASS)
            CHECK(pd_gfx_read_yuv420(f->gfx, f->target, px, &err), "yuv: %s", err.msg);
        else if (by == BY_CPU_BANDS)
            CHECK(pd_gfx_read_yuv420_cpu(f->gfx, f->target, (pd_viewport){0, 0, W, H}, px, &err), "yuv cpu: %s",
                  err.msg);
        else
            memcpy(px, f->px, (size_t)W * H * 4); /* RGBA: converted by ffmpeg */
        pd_cap_sink_submit(sink, px, 1);
    }
    CHECK(pd_cap_sink_close(&sink, &err), "close: %s", err.msg);

    char cmd[600];
    snprintf(cmd, sizeof cmd,
             "ffprobe -v error -show_entries stream=color_range,color_space,color_primaries,color_transfer "
             "-of csv=p=0 '%s'",
             mp4);
    FILE *p = popen(cmd, "r");
    char tags[200] = "";
    if (p) {
        if (!fgets(tags, sizeof tags, p))
            tags[0] = 0;
        pclose(p);
    }
    CHECK(strstr(tags, "tv,bt709,bt709,bt709") != NULL, "the stream's colour tags: '%s'", tags);

    snprintf(cmd, sizeof cmd, "ffmpeg -v error -i '%s' -f rawvideo -pix_fmt rgb24 -", mp4);
    p = popen(cmd, "r");
    CHECK(p != NULL, "ffmpeg decode");
    uint8_t *rgb = malloc((size_t)W * H * 3);
    bool ok = p != NULL;
    for (int i = 0; ok && i < nframes; i++) {
        size_t n = fread(rgb, 1, (size_t)W * H * 3, p);
        CHECK(n == (size_t)W * H * 3, "frame %d decoded: %zu bytes", i, n);
        if (n != (size_t)W * H * 3) {
            ok = false;
            break;
        }
        long hist[256] = {0};
        double sum[3] = {0, 0, 0};
        for (size_t k = 0; k < (size_t)W * H; k++)
            for (int c = 0; c < 3; c++) {
                int d = abs(rgb[k * 3 + c] - rgba[i][k * 4 + c]);
                sum[c] += d;
                hist[d]++;
            }
        long total = (long)W * H * 3, acc = 0;
        int p99 = 0;
        while (p99 < 255 && (acc += hist[p99]) < total * 99 / 100)
            p99++;
        for (int c = 0; c < 3; c++)
            stats[i].mean[c] = sum[c] / ((double)W * H);
        stats[i].p99 = p99;
    }
    if (p)
        pclose(p);
    free(rgb);
    unlink(mp4);
    rmdir(dir);
    return ok;
}

/* GQA frames through the YUV sink, decoded back, against the RGBA frames;
 * beside them ffmpeg's own conversion of the same RGBA frames (the RGBA
 * sink), which the GPU's must match. */
static void test_mp4_round_trip(fixture *f)
{
    if (!pd_cap_ffmpeg_available()) {
        printf("ffmpeg not installed: the mp4 round trip is skipped\n");
        return;
    }
    enum {
        W = 1920,
        H = 1080,
        FRAMES = 4
    };
    /* a title, the RoPE highlight being written (the most coloured text), a diagram, the end */
    static const double ts[FRAMES] = {3.0, 11.2, 24.0, 40.0};
    fixture_resize(f, W, H);
    pd_scene *scene = talk_open(f, "gqa");
    uint8_t *rgba[FRAMES];
    for (int i = 0; i < FRAMES; i++)
        rgba[i] = malloc((size_t)W * H * 4);
    error_stats gpu[FRAMES] = {0}, writer[FRAMES] = {0}, swscale[FRAMES] = {0};
    bool ok = round_trip(f, scene, ts, FRAMES, BY_GPU_PASS, rgba, gpu) &&
              round_trip(f, scene, ts, FRAMES, BY_CPU_BANDS, rgba, writer) &&
              round_trip(f, scene, ts, FRAMES, BY_FFMPEG_RGBA, rgba, swscale);
    for (int i = 0; ok && i < FRAMES * 2; i++) {
        /* the GPU's conversion, then the writer thread's, each against ffmpeg's own */
        const error_stats *g = i < FRAMES ? &gpu[i] : &writer[i - FRAMES], *s = &swscale[i % FRAMES];
        const char *who = i < FRAMES ? "GPU" : "C  ";
        double t = ts[i % FRAMES];
        printf("t=%5.1f  %s yuv420p: mean abs error %.2f %.2f %.2f /255, p99 %d/255;  ffmpeg's conversion: "
               "%.2f %.2f %.2f, p99 %d\n",
               t, who, g->mean[0], g->mean[1], g->mean[2], g->p99, s->mean[0], s->mean[1], s->mean[2], s->p99);
        for (int c = 0; c < 3; c++) {
            CHECK(g->mean[c] < 3.0, "t=%.1f channel %d: mean abs error %.2f/255", t, c, g->mean[c]);
            CHECK(g->mean[c] <= s->mean[c] + 0.25, "t=%.1f channel %d: mean abs error %.2f/255, ffmpeg's own %.2f", t,
                  c, g->mean[c], s->mean[c]);
        }
        /* the 1% of pixels on coloured text edges lose chroma detail to 4:2:0 (ffmpeg's own conversion
         * measures 10 - 11/255 at t=11.2): the bound leaves a step for x264's threading and preset */
        CHECK(g->p99 <= 12, "t=%.1f: 99th percentile error %d/255", t, g->p99);
        CHECK(g->p99 <= s->p99 + 1, "t=%.1f: 99th percentile error %d/255, ffmpeg's own %d", t, g->p99, s->p99);
    }
    for (int i = 0; i < FRAMES; i++)
        free(rgba[i]);
    pd_scene_destroy(&scene);
}

int main(void)
{
    fixture f = {0};
    fixture_open(&f, 192, 108);
    test_conversion(&f, 192, 108); /* the planes start on texel rows */
    test_conversion(&f, 98, 54);   /* U is 49 wide, V starts mid-row */
    test_readback(&f);
    test_mp4_round_trip(&f);
    fixture_close(&f);
    return check_exit();
}
