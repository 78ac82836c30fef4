/* Soak and resize (suite 'reliability'):
 * - 100,000 frames of the GQA talk drawn headless at times spread over the
 *   whole talk (every epoch, forwards and backwards), each finished as a
 *   presenter's swap does, with RSS growth <= 1 MB: the lowest of the RSS
 *   samples (one per 100 frames) of the last tenth against the lowest of
 *   the tenth after warm-up (memory, not time, is asserted). A leak
 *   raises the floor; a block alive only for a stretch does not: RSS
 *   toggles by ~1 MB for thousands of frames at a time, with malloc's
 *   mapped bytes (mallinfo2's hblkhd) going 14.3 <-> 15.3 MB and its heap
 *   in use flat, and a median of the samples fell on either side;
 * - after warm-up, frames fault in (almost) no new pages: llvmpipe's bin
 *   blocks are reused from the heap, not mapped, zeroed and unmapped again
 *   every frame (pd_process_init's thresholds; with glibc's or the old ones
 *   a frame took ~105 - 137 minor faults, and the unmaps' TLB shootdowns
 *   made frames 2-3x slower; a count, not a time, is asserted);
 * - render targets of 1x1 and frames begun at 0x0 (a minimised window) draw
 *   nothing and crash nothing. */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../check.h"
#include "core/proc.h"
#include "../render/talk_fixture.h"

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static long minor_faults(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_minflt : 0;
}

static long lowest(const long *v, int n)
{
    long m = v[0];
    for (int i = 1; i < n; i++)
        m = v[i] < m ? v[i] : m;
    return m;
}

int main(int argc, char **argv)
{
    pd_process_init(); /* as podium's main() does */
    /* PODIUM_SOAK_FRAMES shortens it for slow builds (the sanitizer CI job) */
    const char *env = getenv("PODIUM_SOAK_FRAMES");
    long frames = argc > 1 ? atol(argv[1]) : env ? atol(env) : 100000;
    fixture f = {0};
    fixture_open(&f, 64, 36);
    pd_scene *s = talk_open(&f, "gqa");
    double dur = pd_scene_timeline(s).duration;
    enum {
        MAX_SAMPLES = 4096
    };
    static long samples[MAX_SAMPLES];
    int ns = 0;
    long warm = frames / 10, faults_warm = 0; /* page faults after warm-up */
    for (long i = 0; i < frames; i++) {
        if (i == warm)
            faults_warm = minor_faults();
        /* a walk that visits every epoch both ways: forward, then jumps back */
        double t = fmod(i * (1.0 / 60.0) * 7.3, dur);
        if (i % 3 == 1)
            t = dur - t;
        fixture_begin(&f);
        pd_gfx_scene_draw(f.gfx, f.talk, t);
        pd_gfx_end(f.gfx);
        pd_gfx_finish(f.gfx);
        if (i % 100 == 99 && ns < MAX_SAMPLES)
            samples[ns++] = rss_kb();
    }
    double faults = (double)(minor_faults() - faults_warm) / (double)(frames - warm > 0 ? frames - warm : 1);
    pd_gfx_read_rgba(f.gfx, f.target, f.px);
    int tenth = ns / 10 > 1 ? ns / 10 : 1;
    /* the first tenth is warm-up (shader variants, buffers: RSS rises ~450 kB over its first 6,000 frames), as
     * for the faults: the second tenth against the last */
    long base = lowest(samples + tenth, tenth), end = lowest(samples + ns - tenth, tenth);
    printf("soak: %ld frames, RSS lowest %ld kB early, %ld kB late (growth %ld kB)\n", frames, base, end, end - base);
    CHECK(ns >= 2, "too few frames for a soak (%ld)", frames);
#if defined(__SANITIZE_ADDRESS__)
    /* AddressSanitizer holds freed memory in quarantine (256 MB), so RSS says
     * nothing there; LeakSanitizer checks for leaks in that build instead */
    printf("soak: RSS growth not asserted under AddressSanitizer\n");
#else
    CHECK(end - base <= 1024, "RSS grew by %ld kB over %ld frames (limit 1024 kB)", end - base, frames);
#endif
    printf("soak: %.2f minor page faults a frame after warm-up\n", faults);
#if !defined(__SANITIZE_ADDRESS__) /* its allocator is not glibc's */
    CHECK(faults < 5,
          "%.1f page faults a frame after warm-up (limit 5): memory is mapped and unmapped every frame "
          "(check pd_process_init's malloc thresholds)",
          faults);
#endif
    pd_scene_destroy(&s);
    fixture_close(&f);

    /* 1x1 target, and 0x0 framebuffers */
    fixture g = {0};
    fixture_open(&g, 1, 1);
    s = talk_open(&g, "gqa");
    talk_render(&g, s, 20.0);
    CHECK(g.px[3] == 255, "a 1x1 frame renders");
    pd_gfx_begin(g.gfx, &(pd_gfx_pass){.width = 0, .height = 0});
    pd_gfx_scene_draw(g.gfx, g.talk, 20.0);
    pd_gfx_rect(g.gfx, &(pd_draw_rect){.size = {1, 1}, .fill = PD_WHITE});
    pd_gfx_end(g.gfx);
    pd_viewport vp = pd_gfx_viewport(g.gfx);
    CHECK(vp.w == 0 && vp.h == 0, "a 0x0 framebuffer has an empty viewport");
    pd_gfx_begin(g.gfx, &(pd_gfx_pass){.width = 1, .height = 0});
    pd_gfx_scene_draw(g.gfx, g.talk, 20.0);
    pd_gfx_end(g.gfx);
    pd_err err = {0};
    CHECK(!pd_gfx_target_create(g.gfx, 0, 0, &err) && err.msg[0], "a 0x0 target is refused with a message");
    pd_scene_destroy(&s);
    fixture_close(&g);
    return check_exit();
}
