/* Capture without GL: PNG sequences (still stretches as links), screenshots
 * with unique names, the never-overwrite rule, ffmpeg missing or dying
 * (fall back to PNG and say so; SIGPIPE must not kill us), handouts. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"
#include "capture/frames.h"
#include "capture/handout.h"
#include "core/file.h"

enum {
    W = 64,
    H = 36
};

static char tmp[256];

static int count_files(const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t k = strlen(e->d_name), s = strlen(suffix);
        n += k > s && strcmp(e->d_name + k - s, suffix) == 0;
    }
    closedir(d);
    return n;
}

static void fill(uint8_t *px, int v)
{
    for (int i = 0; i < W * H * 4; i++)
        px[i] = (uint8_t)(v + i);
}

static void test_png_sequence(void)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/seq", tmp);
    pd_err err = {0};
    pd_cap_sink *s = pd_cap_sink_open(&(pd_cap_sink_desc){.path = dir, .width = W, .height = H, .fps = 30}, &err);
    CHECK(s != NULL, "open: %s", err.msg);
    if (!s)
        return;
    for (int i = 0; i < 3; i++) {
        uint8_t *px = pd_cap_sink_acquire(s);
        fill(px, i);
        pd_cap_sink_submit(s, px, i == 1 ? 3 : 1);
    }
    CHECK(pd_cap_sink_frames(s) == 5, "frames %ld", pd_cap_sink_frames(s));
    CHECK(pd_cap_sink_close(&s, &err), "close: %s", err.msg);
    CHECK(count_files(dir, ".png") == 5, "%d files", count_files(dir, ".png"));
    char a[600], b[600];
    snprintf(a, sizeof a, "%s/frame-000002.png", dir);
    snprintf(b, sizeof b, "%s/frame-000004.png", dir);
    struct stat sa, sb;
    CHECK(stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_ino == sb.st_ino, "a still stretch is one file, linked");
    /* the folder holds frames now: refused without force */
    s = pd_cap_sink_open(&(pd_cap_sink_desc){.path = dir, .width = W, .height = H}, &err);
    CHECK(s == NULL && strstr(err.msg, "pass --force"), "second export refused: %s", err.msg);
    pd_cap_sink_close(&s, &err);
    /* with force: two frames replace five (the old run's extra frames go) */
    s = pd_cap_sink_open(&(pd_cap_sink_desc){.path = dir, .width = W, .height = H, .force = true}, &err);
    CHECK(s != NULL, "forced open: %s", err.msg);
    for (int i = 0; s && i < 2; i++) {
        uint8_t *px = pd_cap_sink_acquire(s);
        fill(px, 9);
        pd_cap_sink_submit(s, px, 1);
    }
    CHECK(pd_cap_sink_close(&s, &err), "forced close: %s", err.msg);
    CHECK(count_files(dir, ".png") == 2, "forced: %d files, want 2", count_files(dir, ".png"));
}

static void test_shots(void)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/shots/deeper", tmp);
    pd_err err = {0};
    pd_cap_shots *s = pd_cap_shots_create(dir, W, H, &err);
    CHECK(s != NULL, "shots: %s", err.msg);
    for (int i = 0; i < 3; i++) {
        uint8_t *px = pd_cap_shots_acquire(s);
        CHECK(px != NULL, "buffer %d", i);
        fill(px, i);
        pd_cap_shots_submit(s, px);
        pd_cap_shots_flush(s); /* the same millisecond: names get -2, -3 */
    }
    char msg[700];
    bool ok = false;
    int oks = 0;
    while (pd_cap_shots_poll(s, msg, sizeof msg, &ok))
        oks += ok && strstr(msg, "saved ") != NULL;
    CHECK(oks == 3, "3 saved messages, got %d", oks);
    CHECK(count_files(dir, ".png") == 3, "3 distinct files, got %d", count_files(dir, ".png"));
    pd_cap_shots_destroy(&s);

    /* a file where the folder should be */
    char file[512];
    snprintf(file, sizeof file, "%s/plainfile", tmp);
    FILE *f = fopen(file, "w");
    fputs("x", f);
    fclose(f);
    CHECK(!pd_cap_ensure_dir(file, "--capture-dir", &err) && strstr(err.msg, "plainfile") &&
              strstr(err.msg, "pass another --capture-dir"),
          "not a folder: %s", err.msg);
    s = pd_cap_shots_create(file, W, H, &err);
    uint8_t *px = pd_cap_shots_acquire(s);
    fill(px, 1);
    pd_cap_shots_submit(s, px);
    pd_cap_shots_flush(s);
    CHECK(pd_cap_shots_poll(s, msg, sizeof msg, &ok) && !ok, "error reported: %s", msg);
    pd_cap_shots_destroy(&s);
}

static void test_ffmpeg_fallback(void)
{
    pd_err err = {0};
    char mp4[512], fb[512];
    /* missing, no fallback (an export): refused before anything is written */
    snprintf(mp4, sizeof mp4, "%s/none.mp4", tmp);
    pd_cap_sink *s = pd_cap_sink_open(
        &(pd_cap_sink_desc){.path = mp4, .width = W, .height = H, .ffmpeg = "/nonexistent/ffmpeg"}, &err);
    CHECK(s == NULL && strstr(err.msg, "ffmpeg"), "missing ffmpeg: %s", err.msg);
    CHECK(!pd_file_exists(mp4), "no file left");
    /* missing, with fallback (a recording): PNG frames, and a notice */
    snprintf(fb, sizeof fb, "%s/rec-missing", tmp);
    s = pd_cap_sink_open(
        &(pd_cap_sink_desc){.path = mp4, .width = W, .height = H, .ffmpeg = "/nonexistent/ffmpeg", .fallback_dir = fb},
        &err);
    CHECK(s != NULL, "fallback open: %s", err.msg);
    if (s) {
        const char *n = pd_cap_sink_notice(s);
        CHECK(n && strstr(n, "ffmpeg not found") && strstr(n, "PNG"), "notice: %s", n ? n : "(none)");
        for (int i = 0; i < 4; i++) {
            uint8_t *px = pd_cap_sink_acquire(s);
            fill(px, i);
            pd_cap_sink_submit(s, px, 1);
        }
        CHECK(pd_cap_sink_close(&s, &err), "close: %s", err.msg);
        CHECK(count_files(fb, ".png") == 4, "4 fallback frames, got %d", count_files(fb, ".png"));
    }
    /* an ffmpeg that dies after a little input: the rest goes to PNG */
    char fake[512];
    snprintf(fake, sizeof fake, "%s/fake-ffmpeg", tmp);
    FILE *f = fopen(fake, "w");
    fputs("#!/bin/sh\nhead -c 20000 >/dev/null\nexit 3\n", f);
    fclose(f);
    chmod(fake, 0755);
    snprintf(mp4, sizeof mp4, "%s/dies.mp4", tmp);
    snprintf(fb, sizeof fb, "%s/rec-dies", tmp);
    s = pd_cap_sink_open(
        &(pd_cap_sink_desc){.path = mp4, .width = W, .height = H, .ffmpeg = fake, .fallback_dir = fb, .buffers = 2},
        &err);
    CHECK(s != NULL, "open with fake ffmpeg: %s", err.msg);
    if (s) {
        const char *notice = NULL;
        for (int i = 0; i < 40; i++) {
            uint8_t *px = pd_cap_sink_acquire(s);
            fill(px, i);
            pd_cap_sink_submit(s, px, 1);
            const char *n = pd_cap_sink_notice(s);
            if (n && !notice)
                notice = strdup(n);
        }
        CHECK(pd_cap_sink_close(&s, &err), "close after fallback: %s", err.msg);
        if (!notice)
            notice = strdup("");
        CHECK(strstr(notice, "ffmpeg stopped") && strstr(notice, "PNG"), "notice: %s", notice);
        int n = count_files(fb, ".png");
        CHECK(n > 0 && n < 40, "the rest as PNG: %d frames", n);
        free((void *)notice);
    }
    /* an existing file is never overwritten */
    snprintf(mp4, sizeof mp4, "%s/keep.mp4", tmp);
    f = fopen(mp4, "w");
    fputs("keep", f);
    fclose(f);
    s = pd_cap_sink_open(&(pd_cap_sink_desc){.path = mp4, .width = W, .height = H}, &err);
    CHECK(s == NULL && strstr(err.msg, "exists already") && strstr(err.msg, "--force"), "existing mp4: %s", err.msg);
    s = pd_cap_sink_open(&(pd_cap_sink_desc){.path = "odd.mp4", .width = 63, .height = 36}, &err);
    CHECK(s == NULL && strstr(err.msg, "even"), "odd size: %s", err.msg);
    /* the real one, when installed */
    if (pd_cap_ffmpeg_available()) {
        snprintf(mp4, sizeof mp4, "%s/real.mp4", tmp);
        s = pd_cap_sink_open(&(pd_cap_sink_desc){.path = mp4, .width = W, .height = H, .fps = 30}, &err);
        CHECK(s != NULL, "real ffmpeg: %s", err.msg);
        for (int i = 0; s && i < 10; i++) {
            uint8_t *px = pd_cap_sink_acquire(s);
            fill(px, i * 7);
            pd_cap_sink_submit(s, px, 1);
        }
        CHECK(pd_cap_sink_close(&s, &err), "real close: %s", err.msg);
        struct stat st;
        CHECK(stat(mp4, &st) == 0 && st.st_size > 100, "mp4 written");
    } else {
        printf("ffmpeg not installed: real mp4 check skipped\n");
    }
}

/* YUV 4:2:0 frames: a raw .yuv sink (repeats written out), the wrong
 * outputs refused, and the raw file encoded with the export's settings. */
static void test_yuv_sink(void)
{
    pd_err err = {0};
    char raw[512], mp4[512], dir[512];
    snprintf(raw, sizeof raw, "%s/frames.yuv", tmp);
    snprintf(dir, sizeof dir, "%s/yuv-png/", tmp);
    pd_cap_sink *s =
        pd_cap_sink_open(&(pd_cap_sink_desc){.path = dir, .width = W, .height = H, .pixels = PD_CAP_YUV420}, &err);
    CHECK(s == NULL && strstr(err.msg, "RGBA"), "YUV to PNG frames: %s", err.msg);
    s = pd_cap_sink_open(&(pd_cap_sink_desc){.path = raw, .width = W, .height = H}, &err);
    CHECK(s == NULL && strstr(err.msg, "YUV"), "RGBA to a .yuv file: %s", err.msg);
    s = pd_cap_sink_open(&(pd_cap_sink_desc){.path = raw, .width = W, .height = H, .fps = 30, .pixels = PD_CAP_YUV420},
                         &err);
    CHECK(s != NULL, "raw sink: %s", err.msg);
    if (!s)
        return;
    size_t bytes = pd_cap_sink_frame_bytes(s);
    CHECK(bytes == (size_t)W * H * 3 / 2, "frame bytes %zu", bytes);
    for (int i = 0; i < 3; i++) {
        uint8_t *px = pd_cap_sink_acquire(s);
        memset(px, 16 + 60 * i, (size_t)W * H);                 /* Y */
        memset(px + (size_t)W * H, 128, bytes - (size_t)W * H); /* grey */
        pd_cap_sink_submit(s, px, i + 1);                       /* 1 + 2 + 3 frames */
    }
    CHECK(pd_cap_sink_frames(s) == 6, "6 frames accepted, got %ld", pd_cap_sink_frames(s));
    CHECK(!pd_file_exists(raw), "nothing at the name before close");
    CHECK(pd_cap_sink_close(&s, &err), "close: %s", err.msg);
    size_t n = 0;
    unsigned char *data = pd_file_read(raw, &n, &err);
    CHECK(data && n == 6 * bytes, "6 frames in the file: %zu bytes", n);
    CHECK(data && data[5 * bytes] == 16 + 120 && data[3 * bytes] == 16 + 120 && data[2 * bytes] == 16 + 60,
          "repeats written in order");
    free(data);
    if (pd_cap_ffmpeg_available()) {
        snprintf(mp4, sizeof mp4, "%s/raw.mp4", tmp);
        CHECK(pd_cap_encode_raw(raw, W, H, 30, mp4, &err), "encode raw: %s", err.msg);
        struct stat st;
        CHECK(stat(mp4, &st) == 0 && st.st_size > 100, "mp4 from the raw file written");
    }
}

/* YUV frames larger than the pipe are spliced into it, not copied: each
 * buffer must come back to the caller only once ffmpeg has read it. A slow
 * reader (a stand-in for ffmpeg saving what it reads) and a caller that
 * refills every buffer it gets at once: the bytes read must be exactly the
 * frames sent, in order, repeats included. */
static void test_yuv_splice(void)
{
    enum {
        SW = 1280,
        SH = 720, /* 1.4 MB a frame: more than the 1 MB pipe */
        FRAMES = 12
    };
    char fake[512], out[512];
    snprintf(fake, sizeof fake, "%s/slow-ffmpeg", tmp);
    FILE *f = fopen(fake, "w");
    fputs("#!/usr/bin/env python3\n"
          "import sys, time\n"
          "with open(sys.argv[-1], 'wb') as f:\n"
          "    while True:\n"
          "        b = sys.stdin.buffer.read(65536)\n"
          "        if not b: break\n"
          "        f.write(b)\n"
          "        time.sleep(0.0005)\n",
          f);
    fclose(f);
    chmod(fake, 0755);
    snprintf(out, sizeof out, "%s/spliced.mp4", tmp);
    pd_err err = {0};
    pd_cap_sink *s = pd_cap_sink_open(
        &(pd_cap_sink_desc){.path = out, .width = SW, .height = SH, .ffmpeg = fake, .pixels = PD_CAP_YUV420}, &err);
    CHECK(s != NULL, "open: %s", err.msg);
    if (!s)
        return;
    CHECK(pd_cap_sink_spliced(s), "1280x720 YUV frames are spliced into the pipe");
    size_t bytes = pd_cap_sink_frame_bytes(s);
    for (int i = 0; i < FRAMES; i++) {
        uint8_t *px = pd_cap_sink_acquire(s);
        for (size_t k = 0; k < bytes; k++)
            px[k] = (uint8_t)(k * 7 + (size_t)i * 31 + k / 4096);
        pd_cap_sink_submit(s, px, i == 3 ? 3 : 1);
    }
    CHECK(pd_cap_sink_close(&s, &err), "close: %s", err.msg);
    size_t n = 0;
    unsigned char *data = pd_file_read(out, &n, &err);
    CHECK(data && n == (FRAMES + 2) * bytes, "%d frames read: %zu bytes", FRAMES + 2, n);
    int wrong = -1;
    for (int j = 0, i = 0; data && n == (FRAMES + 2) * bytes && j < FRAMES + 2; j++) {
        const unsigned char *fr = data + (size_t)j * bytes;
        for (size_t k = 0; k < bytes && wrong < 0; k++)
            if (fr[k] != (uint8_t)(k * 7 + (size_t)i * 31 + k / 4096))
                wrong = j;
        i += !(i == 3 && (j == 3 || j == 4)); /* frame 3 three times */
    }
    CHECK(wrong < 0, "frame %d read by ffmpeg is not the frame sent (a buffer reused while in the pipe)", wrong);
    free(data);
}

static void test_handout(void)
{
    pd_err err = {0};
    char pdf[512];
    snprintf(pdf, sizeof pdf, "%s/h.pdf", tmp);
    pd_handout *h = pd_handout_create(pdf, "test", false, &err);
#ifdef PD_HAVE_CAIRO_TEST
    CHECK(h != NULL, "%s", err.msg);
#endif
    if (!h) {
        CHECK(strstr(err.msg, "cairo") != NULL, "without cairo it says so: %s", err.msg);
        return;
    }
    uint8_t px[W * H * 4];
    fill(px, 3);
    CHECK(pd_handout_page(h, px, W, H, "Stop 1 of 2",
                          "a note that is long enough to wrap across more than one "
                          "line of the page, so the wrapping code runs at least once "
                          "and then a few more words",
                          &err),
          "%s", err.msg);
    CHECK(pd_handout_page(h, px, W, H, "Stop 2 of 2", NULL, &err), "%s", err.msg);
    CHECK(!pd_file_exists(pdf), "nothing at the name before close");
    CHECK(pd_handout_close(&h, &err), "close: %s", err.msg);
    size_t n = 0;
    unsigned char *data = pd_file_read(pdf, &n, &err);
    int pages = 0;
    for (size_t i = 0; data && i + 11 < n; i++)
        pages += memcmp(data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's';
    CHECK(pages == 2, "2 pages, got %d", pages);
    free(data);
    h = pd_handout_create(pdf, "again", false, &err);
    CHECK(h == NULL && strstr(err.msg, "exists already") && strstr(err.msg, "--force"), "existing pdf: %s", err.msg);
}

int main(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/podium-test-frames-XXXXXX");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_png_sequence();
    test_shots();
    test_ffmpeg_fallback();
    test_yuv_sink();
    test_yuv_splice();
    test_handout();
    int rc = check_exit();
    if (rc == 0) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
        if (system(cmd) != 0)
            fprintf(stderr, "note: could not remove %s\n", tmp);
    }
    return rc;
}
