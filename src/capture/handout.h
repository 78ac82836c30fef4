/* handout: a PDF with one page per stop, the frame above its speaker note.
 *
 * Owns: the PDF (cairo's PDF surface: a library made for PDF, not a
 * hand-written writer), page layout, word wrapping of notes. The file is
 * written under a temporary name and moved into place when complete
 * (capture/output.h: the overwrite rule). Does not own: rendering frames.
 * Built without cairo, pd_handout_create fails with a message saying so.
 *
 *   pd_handout *h = pd_handout_create("talk.pdf", "GQA", false, &err);
 *   pd_handout_page(h, rgba, 1280, 720, "Stop 3 of 24 - Heads", "note text", &err);
 *   pd_handout_close(&h, &err);
 */
#ifndef PD_CAPTURE_HANDOUT_H
#define PD_CAPTURE_HANDOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

typedef struct pd_handout pd_handout;

/* Fails when path exists (unless force), its folder cannot be written, or
 * podium was built without cairo. */
pd_handout *pd_handout_create(const char *path, const char *title, bool force, pd_err *err);
/* rgba: w*h*4, row 0 at the top. note may be NULL. */
bool pd_handout_page(pd_handout *h, const uint8_t *rgba, int w, int ht, const char *heading, const char *note,
                     pd_err *err);
/* The frame size in pixels that fills the page's frame area at dpi dots per
 * inch (16:9; 300 dpi: 3208x1805), so small labels print sharp. */
void pd_handout_frame_size(int dpi, int *w, int *h);
/* Finishes the file and moves it into place. */
bool pd_handout_close(pd_handout **h, pd_err *err);
/* After an interruption: finishes the pages so far and keeps them as
 * NAME.partial.pdf (never overwriting); its path into kept. */
bool pd_handout_keep_partial(pd_handout **h, char *kept, size_t cap, pd_err *err);
/* Frees everything and removes the unfinished file. */
void pd_handout_abort(pd_handout **h);

#endif
