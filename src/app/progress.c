#include "app/progress.h"

#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#include "core/clock.h"

static struct {
    bool drawn;
    bool bar; /* the bar stays on its line at the end; a phase line is wiped */
    double last_draw;
} g_line;

/* Whether to draw now: on a terminal, at most every 0.1 s, always the last. */
static bool due(bool last)
{
    if (!isatty(STDERR_FILENO))
        return false;
    double now = pd_clock_now_s();
    if (!last && g_line.drawn && now - g_line.last_draw < 0.1)
        return false;
    g_line.last_draw = now;
    g_line.drawn = true;
    return true;
}

void pd_progress_bar(void *user, long done, long total, double elapsed_s)
{
    (void)user;
    if (!due(done >= total))
        return;
    g_line.bar = true;
    enum {
        WIDTH = 30
    };
    char bar[WIDTH + 1];
    int fill = total > 0 ? (int)((double)done / (double)total * WIDTH) : 0;
    for (int i = 0; i < WIDTH; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[WIDTH] = 0;
    double fps = elapsed_s > 0 ? done / elapsed_s : 0;
    double eta = fps > 0 ? (double)(total - done) / fps : 0;
    int eta_s = (int)(eta + 0.5);
    fprintf(stderr, "\r[%s] %ld/%ld frames  %6.1f fps  ETA %d:%02d ", bar, done, total, fps, eta_s / 60, eta_s % 60);
    fflush(stderr);
}

void pd_progress_phase(void *user, const char *phase, int i, int n)
{
    (void)user;
    if (!due(n <= 0 || i <= 0 || i >= n))
        return;
    g_line.bar = false;
    if (n > 0)
        fprintf(stderr, "\r\033[Kpodium --bench: %s %d/%d", phase, i, n);
    else
        fprintf(stderr, "\r\033[Kpodium --bench: %s", phase);
    fflush(stderr);
}

void pd_progress_end(void)
{
    if (g_line.drawn && isatty(STDERR_FILENO))
        fputs(g_line.bar ? "\n" : "\r\033[K", stderr);
    g_line.drawn = false;
}
