#include "capture/handout.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/output.h"
#include "core/file.h"

/* A4 landscape, in points */
#define PAGE_W 841.89
#define PAGE_H 595.28
#define MARGIN 36.0

#ifdef PD_HAVE_CAIRO
#include <cairo-pdf.h>
#include <cairo.h>

struct pd_handout {
    cairo_surface_t *pdf;
    cairo_t *cr;
    pd_out out; /* cairo writes the temporary file; close moves it into place */
    char path[2048];
    char title[256];
    int pages;
};

pd_handout *pd_handout_create(const char *path, const char *title, bool force, pd_err *err)
{
    if (!path || !*path) {
        pd_err_set(err, "--handout needs a file name (e.g. --handout talk.pdf)");
        return NULL;
    }
    pd_handout *h = calloc(1, sizeof *h);
    if (!h) {
        pd_err_set(err, "out of memory");
        return NULL;
    }
    snprintf(h->path, sizeof h->path, "%s", path);
    snprintf(h->title, sizeof h->title, "%s", title ? title : "");
    /* the folder is checked before cairo tries (it reports late) */
    if (!pd_out_begin(&h->out, &(pd_out_spec){.path = path, .option = "--handout", .force = force}, err)) {
        free(h);
        return NULL;
    }
    h->pdf = cairo_pdf_surface_create(pd_out_tmp(&h->out), PAGE_W, PAGE_H);
    if (cairo_surface_status(h->pdf) != CAIRO_STATUS_SUCCESS) {
        pd_err_set(err, "cannot write '%s': %s", path, cairo_status_to_string(cairo_surface_status(h->pdf)));
        cairo_surface_destroy(h->pdf);
        pd_out_abandon(&h->out);
        free(h);
        return NULL;
    }
    cairo_pdf_surface_set_metadata(h->pdf, CAIRO_PDF_METADATA_TITLE, h->title);
    cairo_pdf_surface_set_metadata(h->pdf, CAIRO_PDF_METADATA_CREATOR, "podium");
    h->cr = cairo_create(h->pdf);
    return h;
}

/* Draws text from (x, y) wrapped at width; returns the y after it. */
static double wrap_text(cairo_t *cr, const char *text, double x, double y, double width, double line_h)
{
    char line[2048] = "", word[512];
    const char *s = text;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        bool newline = false;
        size_t n = 0;
        while (s[n] && s[n] != ' ' && s[n] != '\n')
            n++;
        if (n >= sizeof word)
            n = sizeof word - 1;
        memcpy(word, s, n);
        word[n] = 0;
        s += n;
        if (*s == '\n') {
            newline = true;
            s++;
        }
        char trial[2600];
        snprintf(trial, sizeof trial, "%s%s%s", line, line[0] ? " " : "", word);
        cairo_text_extents_t ext;
        cairo_text_extents(cr, trial, &ext);
        if (ext.x_advance > width && line[0]) {
            cairo_move_to(cr, x, y);
            cairo_show_text(cr, line);
            y += line_h;
            snprintf(line, sizeof line, "%s", word);
        } else {
            snprintf(line, sizeof line, "%.2000s", trial);
        }
        if (newline) {
            cairo_move_to(cr, x, y);
            cairo_show_text(cr, line);
            y += line_h;
            line[0] = 0;
        }
    }
    if (line[0]) {
        cairo_move_to(cr, x, y);
        cairo_show_text(cr, line);
        y += line_h;
    }
    return y;
}

bool pd_handout_page(pd_handout *h, const uint8_t *rgba, int w, int ht, const char *heading, const char *note,
                     pd_err *err)
{
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, ht);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return pd_err_set(err, "out of memory for a handout page");
    }
    cairo_surface_flush(img);
    unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    for (int y = 0; y < ht; y++) {
        uint32_t *row = (uint32_t *)(void *)(data + (size_t)y * (size_t)stride);
        const uint8_t *src = rgba + (size_t)y * (size_t)w * 4;
        for (int x = 0; x < w; x++)
            row[x] = (uint32_t)src[x * 4] << 16 | (uint32_t)src[x * 4 + 1] << 8 | src[x * 4 + 2];
    }
    cairo_surface_mark_dirty(img);

    cairo_t *cr = h->cr;
    double fw = PAGE_W - 2 * MARGIN, fh = fw * ht / w;
    double y = MARGIN;
    cairo_select_font_face(cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 11);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    if (heading && *heading) {
        cairo_move_to(cr, MARGIN, y + 4);
        cairo_show_text(cr, heading);
    }
    y += 14;
    cairo_save(cr);
    cairo_translate(cr, MARGIN, y);
    cairo_scale(cr, fw / w, fh / ht);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.5);
    cairo_rectangle(cr, MARGIN, y, fw, fh);
    cairo_stroke(cr);
    y += fh + 22;
    cairo_select_font_face(cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    cairo_set_source_rgb(cr, 0, 0, 0);
    wrap_text(cr, note && *note ? note : "(no speaker note)", MARGIN, y, fw, 16);
    cairo_show_page(cr);
    cairo_surface_destroy(img);
    h->pages++;
    cairo_status_t st = cairo_status(cr);
    if (st != CAIRO_STATUS_SUCCESS)
        return pd_err_set(err, "cannot write '%s': %s", h->path, cairo_status_to_string(st));
    return true;
}

/* Ends the PDF (cairo writes its trailer): false (err) when it failed. */
static bool finish(pd_handout *h, pd_err *err)
{
    cairo_destroy(h->cr);
    cairo_surface_finish(h->pdf);
    cairo_status_t st = cairo_surface_status(h->pdf);
    cairo_surface_destroy(h->pdf);
    if (st != CAIRO_STATUS_SUCCESS)
        return pd_err_set(err, "cannot write '%s': %s (disk full?)", h->path, cairo_status_to_string(st));
    return true;
}

bool pd_handout_close(pd_handout **hp, pd_err *err)
{
    pd_handout *h = *hp;
    if (!h)
        return true;
    bool ok = finish(h, err);
    if (ok)
        ok = pd_out_commit(&h->out, err);
    else
        pd_out_abandon(&h->out);
    free(h);
    *hp = NULL;
    return ok;
}

bool pd_handout_keep_partial(pd_handout **hp, char *kept, size_t cap, pd_err *err)
{
    pd_handout *h = *hp;
    if (!h)
        return pd_err_set(err, "no handout open");
    bool ok = finish(h, err) && pd_out_keep_partial(&h->out, kept, cap, err);
    pd_out_abandon(&h->out); /* nothing once kept */
    free(h);
    *hp = NULL;
    return ok;
}

void pd_handout_abort(pd_handout **hp)
{
    pd_handout *h = *hp;
    if (!h)
        return;
    cairo_destroy(h->cr);
    cairo_surface_finish(h->pdf);
    cairo_surface_destroy(h->pdf);
    pd_out_abandon(&h->out);
    free(h);
    *hp = NULL;
}

#else /* built without cairo */

pd_handout *pd_handout_create(const char *path, const char *title, bool force, pd_err *err)
{
    (void)path;
    (void)title;
    (void)force;
    pd_err_set(err, "--handout needs cairo, and podium was built without it (apt-get install libcairo2-dev, "
                    "then rebuild)");
    return NULL;
}

bool pd_handout_page(pd_handout *h, const uint8_t *rgba, int w, int ht, const char *heading, const char *note,
                     pd_err *err)
{
    (void)h, (void)rgba, (void)w, (void)ht, (void)heading, (void)note;
    return pd_err_set(err, "built without cairo");
}

bool pd_handout_close(pd_handout **h, pd_err *err)
{
    (void)h;
    return pd_err_set(err, "built without cairo");
}

bool pd_handout_keep_partial(pd_handout **h, char *kept, size_t cap, pd_err *err)
{
    (void)h, (void)kept, (void)cap;
    return pd_err_set(err, "built without cairo");
}

void pd_handout_abort(pd_handout **h) { (void)h; }

#endif

void pd_handout_frame_size(int dpi, int *w, int *h)
{
    double frame_pt = PAGE_W - 2 * MARGIN; /* 72 points an inch */
    *w = (int)ceil(frame_pt / 72.0 * dpi);
    *h = (int)ceil(*w * 9.0 / 16.0);
}
