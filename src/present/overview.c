#include "present/overview.h"

#include <math.h>
#include <stddef.h>

/* stops of one band share a section; a new section starts a new band */
static int section_of(const pd_timeline *tl, int n) { return tl->stops[n - 1].section; }

/* rows and bands for `columns` columns */
static void count_rows(const pd_timeline *tl, int columns, int *rows, int *bands)
{
    *rows = *bands = 0;
    int in_band = 0;
    for (int n = 1; n <= (int)tl->stop_count; n++) {
        if (n == 1 || section_of(tl, n) != section_of(tl, n - 1)) {
            ++*bands;
            in_band = 0;
        }
        if (in_band % columns == 0)
            ++*rows;
        in_band++;
    }
}

pd_overview_grid pd_overview_grid_make(const pd_timeline *tl)
{
    pd_overview_grid best = {.columns = 1, .stop_count = (int)tl->stop_count};
    if (tl->stop_count == 0 || !tl->stops)
        return (pd_overview_grid){.columns = 1};
    double area_w = PD_OVERVIEW_X1 - PD_OVERVIEW_X0, area_h = PD_OVERVIEW_Y1 - PD_OVERVIEW_Y0;
    /* the largest thumbnails that fit, over every column count */
    for (int c = 1; c <= 12; c++) {
        int rows = 0, bands = 0;
        count_rows(tl, c, &rows, &bands);
        double w_fit = (area_w - (c - 1) * PD_OVERVIEW_GAP) / c;
        /* 16:9 thumbnails in a 16:9 frame: height fraction == width fraction */
        double h_fit = (area_h - bands * PD_OVERVIEW_HEAD_H) / rows - PD_OVERVIEW_CAPTION_H - PD_OVERVIEW_GAP;
        double w = fmin(w_fit, h_fit);
        if (w > best.thumb_w + 1e-9) {
            best.columns = c;
            best.rows = rows;
            best.bands = bands;
            best.thumb_w = best.thumb_h = w;
        }
    }
    best.row_h = best.thumb_h + PD_OVERVIEW_CAPTION_H + PD_OVERVIEW_GAP;
    best.left = PD_OVERVIEW_X0 + (area_w - best.columns * best.thumb_w - (best.columns - 1) * PD_OVERVIEW_GAP) / 2;
    return best;
}

pd_overview_cell pd_overview_cell_of(const pd_overview_grid *g, const pd_timeline *tl, int n)
{
    pd_overview_cell c = {0};
    if (n < 1 || n > g->stop_count || n > (int)tl->stop_count)
        return c;
    int row = -1, band = -1, in_band = 0;
    double y = PD_OVERVIEW_Y0; /* the top of the current row */
    for (int i = 1; i <= n; i++) {
        bool first = i == 1 || section_of(tl, i) != section_of(tl, i - 1);
        if (first) {
            band++;
            in_band = 0;
        }
        if (in_band % g->columns == 0) {
            if (row >= 0)
                y += g->row_h;
            if (first)
                y += PD_OVERVIEW_HEAD_H;
            row++;
        }
        if (i == n) {
            c.band_first = first;
            c.head_y = y - PD_OVERVIEW_HEAD_H * 0.3;
            c.col = in_band % g->columns;
        }
        in_band++;
    }
    c.row = row;
    c.band = band;
    c.w = g->thumb_w;
    c.h = g->thumb_h;
    c.x = g->left + c.col * (g->thumb_w + PD_OVERVIEW_GAP);
    c.y = y;
    return c;
}

int pd_overview_move(const pd_overview_grid *g, const pd_timeline *tl, int from, int d_row, int d_col)
{
    int count = g->stop_count < (int)tl->stop_count ? g->stop_count : (int)tl->stop_count;
    if (count == 0)
        return 0;
    from = from < 1 ? 1 : from > count ? count : from;
    if (d_row == 0) {
        int to = from + d_col;
        return to < 1 ? 1 : to > count ? count : to;
    }
    pd_overview_cell here = pd_overview_cell_of(g, tl, from);
    int want = here.row + d_row, best = from;
    /* the stop in row `want` nearest to this column (a shorter row: its last) */
    for (int n = 1; n <= count; n++) {
        pd_overview_cell c = pd_overview_cell_of(g, tl, n);
        if (c.row == want && c.col <= here.col)
            best = n;
        else if (c.row == want && best == from)
            best = n;
    }
    return best;
}

int pd_overview_hit(const pd_overview_grid *g, const pd_timeline *tl, double x, double y)
{
    int count = g->stop_count < (int)tl->stop_count ? g->stop_count : (int)tl->stop_count;
    for (int n = 1; n <= count; n++) {
        pd_overview_cell c = pd_overview_cell_of(g, tl, n);
        if (x >= c.x && x <= c.x + c.w && y >= c.y && y <= c.y + c.h + PD_OVERVIEW_CAPTION_H)
            return n;
    }
    return 0;
}
