/* overview: where the overview grid puts each stop's thumbnail.
 *
 * Owns: the grid's layout, in frame fractions (x right, y down): one band
 * per section (its title above), each band's stops in rows of `columns`
 * thumbnails (16:9), sized as large as the frame allows; moving the
 * selection by row and column; hit testing. Pure arithmetic: the presenter
 * (arrows, clicks) and the overlay (drawing) read the same layout.
 * Does not own: thumbnails (the caller renders them), drawing (overlay.h).
 *
 *   pd_overview_grid grid = pd_overview_grid_make(&timeline);
 *   pd_overview_cell c = pd_overview_cell_of(&grid, &timeline, 7);     // stop 7's thumbnail
 *   int below = pd_overview_move(&grid, &timeline, 7, +1, 0);          // the stop one row down
 */
#ifndef PD_PRESENT_OVERVIEW_H
#define PD_PRESENT_OVERVIEW_H

#include <stdbool.h>

#include "scene/timeline.h"

/* The grid's area, frame fractions: below the overview's own title line. */
#define PD_OVERVIEW_X0 0.03
#define PD_OVERVIEW_X1 0.97
#define PD_OVERVIEW_Y0 0.09
#define PD_OVERVIEW_Y1 0.98
/* a section title's band above its rows; a caption (stop title) under each thumbnail */
#define PD_OVERVIEW_HEAD_H 0.04
#define PD_OVERVIEW_CAPTION_H 0.032
#define PD_OVERVIEW_GAP 0.012

typedef struct pd_overview_grid {
    int columns;    /* thumbnails per row */
    int rows;       /* rows of thumbnails, all sections together */
    int bands;      /* sections that hold stops */
    double thumb_w; /* a thumbnail's width and height, frame fractions */
    double thumb_h; /* (16:9 in pixels: thumb_h == thumb_w * 16/9 * 9/16 == thumb_w) */
    double row_h;   /* thumbnail + caption + gap */
    double left;    /* the grid's left edge: centred in the area */
    int stop_count;
} pd_overview_grid;

typedef struct pd_overview_cell {
    double x, y, w, h; /* the thumbnail, top-left corner and size */
    int row, col;      /* row over the whole grid; column in its row */
    int band;          /* the band (0-based) it is in */
    bool band_first;   /* the first stop of its band: the section title goes above its row */
    double head_y;     /* the band's title baseline, when band_first */
} pd_overview_cell;

/* The layout for a timeline's stops 1..stop_count (the start is not shown). */
pd_overview_grid pd_overview_grid_make(const pd_timeline *tl);
/* Stop n's cell (1..stop_count); a zeroed cell out of range. O(n). */
pd_overview_cell pd_overview_cell_of(const pd_overview_grid *g, const pd_timeline *tl, int n);
/* The stop d_row rows down (negative: up, same column or the row's last) or
 * d_col stops further (negative: back), clamped to 1..stop_count; 0 without stops. */
int pd_overview_move(const pd_overview_grid *g, const pd_timeline *tl, int from, int d_row, int d_col);
/* The stop whose thumbnail holds (x, y), or 0. */
int pd_overview_hit(const pd_overview_grid *g, const pd_timeline *tl, double x, double y);

#endif
