#include "present/script.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/keymap.h"

struct pd_script {
    pd_script_token *tokens;
    int count;
};

static bool parse_num(const char *s, double lo, double hi, double *out)
{
    if (!s || !*s)
        return false;
    char *end = NULL;
    double v = strtod(s, &end);
    if (*end != 0 || !isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool parse_token(const char *w, int pos, pd_script_token *t, pd_err *err)
{
    snprintf(t->text, sizeof t->text, "%.63s", w);
    char buf[128];
    snprintf(buf, sizeof buf, "%s", w);
    char *colon = strchr(buf, ':');
    if (colon && colon != buf) {
        *colon = 0;
        const char *head = buf, *arg = colon + 1;
        if (strcmp(head, "wait") == 0) {
            t->kind = PD_TOK_WAIT;
            if (!parse_num(arg, 0, 1e6, &t->a))
                return pd_err_set(err, "--keys: '%s' (token %d): wait needs seconds >= 0, e.g. wait:1.5", w, pos);
            return true;
        }
        if (strcmp(head, "bar") == 0) {
            t->kind = PD_TOK_BAR;
            if (!parse_num(arg, 0, 1, &t->a))
                return pd_err_set(err, "--keys: '%s' (token %d): bar needs a fraction 0..1, e.g. bar:0.5", w, pos);
            return true;
        }
        if (strcmp(head, "ctrl+wheel") == 0) {
            t->kind = PD_TOK_ZOOM_WHEEL;
            if (!parse_num(arg, -1000, 1000, &t->a))
                return pd_err_set(
                    err, "--keys: '%s' (token %d): ctrl+wheel needs a count of notches, e.g. ctrl+wheel:2", w, pos);
            return true;
        }
        if (strcmp(head, "pointer") == 0 || strcmp(head, "click") == 0 || strcmp(head, "draw") == 0) {
            bool draw = head[0] == 'd';
            t->kind = draw ? PD_TOK_DRAW : head[0] == 'p' ? PD_TOK_POINTER : PD_TOK_CLICK_AT;
            int n = 0;
            for (char *c = (char *)arg;;) {
                char *next = strchr(c, ':');
                if (next)
                    *next = 0;
                double v = 0;
                if (n >= 2 * PD_SCRIPT_MAX_POINTS || !parse_num(c, -1, 2, &v))
                    return pd_err_set(err,
                                      "--keys: '%s' (token %d): %s needs frame fractions FX:FY%s (x right, y down; "
                                      "e.g. %s)",
                                      w, pos, head, draw ? " for 2 to 16 points" : "",
                                      draw             ? "draw:0.2:0.5:0.4:0.5"
                                      : head[0] == 'p' ? "pointer:0.3:0.6"
                                                       : "click:0.3:0.6");
                t->points[n++] = (float)v;
                if (!next)
                    break;
                c = next + 1;
            }
            if (n % 2 != 0 || (draw ? n < 4 : n != 2))
                return pd_err_set(err, "--keys: '%s' (token %d): %s needs %s (x right, y down, e.g. %s)", w, pos, head,
                                  draw ? "2 to 16 points FX:FY" : "one point FX:FY",
                                  draw ? "draw:0.2:0.5:0.4:0.5" : "pointer:0.3:0.6");
            t->point_count = n / 2;
            t->a = t->points[0];
            t->b = t->points[1];
            return true;
        }
        if (strcmp(head, "wheel") == 0) {
            t->kind = PD_TOK_WHEEL;
            if (!parse_num(arg, -1000, 1000, &t->a))
                return pd_err_set(err, "--keys: '%s' (token %d): wheel needs a count of notches, e.g. wheel:-3", w,
                                  pos);
            return true;
        }
        char *colon2 = strrchr(arg, ':');
        if (strcmp(head, "drag") == 0) {
            t->kind = PD_TOK_DRAG;
            if (!colon2)
                return pd_err_set(err, "--keys: '%s' (token %d): drag needs two fractions, e.g. drag:0.2:0.6", w, pos);
            *colon2 = 0;
            if (!parse_num(arg, 0, 1, &t->a) || !parse_num(colon2 + 1, 0, 1, &t->b))
                return pd_err_set(err, "--keys: '%s' (token %d): drag needs two fractions 0..1, e.g. drag:0.2:0.6", w,
                                  pos);
            return true;
        }
        if (strcmp(head, "hold") == 0) {
            t->kind = PD_TOK_HOLD;
            if (!colon2 || colon2 == arg)
                return pd_err_set(err, "--keys: '%s' (token %d): hold needs a key and seconds, e.g. hold:shift+right:1",
                                  w, pos);
            *colon2 = 0;
            if (!parse_num(colon2 + 1, 0, 1e6, &t->a))
                return pd_err_set(err, "--keys: '%s' (token %d): hold needs seconds >= 0, e.g. hold:shift+right:1", w,
                                  pos);
            if (!pd_key_parse(arg, &t->key, &t->mods))
                return pd_err_set(err, "--keys: unknown key '%s' in '%s' (token %d; podium --help lists key names)",
                                  arg, w, pos);
            return true;
        }
        return pd_err_set(err, "--keys: unknown token '%s' (token %d; podium --help lists key names)", w, pos);
    }
    if (strcmp(w, "settle") == 0) {
        t->kind = PD_TOK_SETTLE;
        return true;
    }
    if (strcmp(w, "click") == 0) {
        t->kind = PD_TOK_CLICK;
        return true;
    }
    if (strcmp(w, "rclick") == 0) {
        t->kind = PD_TOK_RCLICK;
        return true;
    }
    t->kind = PD_TOK_KEY;
    if (!pd_key_parse(w, &t->key, &t->mods))
        return pd_err_set(err, "--keys: unknown key '%s' (token %d; podium --help lists key names)", w, pos);
    return true;
}

pd_script *pd_script_parse(const char *text, pd_err *err)
{
    pd_script *s = calloc(1, sizeof *s);
    size_t n = text ? strlen(text) : 0;
    /* at most one token per two characters */
    if (s)
        s->tokens = calloc(n / 2 + 1, sizeof *s->tokens);
    if (!s || !s->tokens) {
        pd_script_free(&s);
        pd_err_set(err, "out of memory");
        return NULL;
    }
    const char *c = text ? text : "";
    while (*c) {
        while (*c == ' ' || *c == ',' || *c == '\t' || *c == '\n')
            c++;
        if (!*c)
            break;
        size_t k = 0;
        /* a lone "," is a separator, but "," can't be a key token then: use "comma" */
        while (c[k] && c[k] != ' ' && c[k] != ',' && c[k] != '\t' && c[k] != '\n')
            k++;
        char word[128];
        if (k >= sizeof word) {
            pd_err_set(err,
                       "--keys: token %d ('%.20s...') is too long: at most %d characters (podium --help lists "
                       "the tokens)",
                       s->count + 1, c, (int)sizeof word - 1);
            pd_script_free(&s);
            return NULL;
        }
        memcpy(word, c, k);
        word[k] = 0;
        c += k;
        if (!parse_token(word, s->count + 1, &s->tokens[s->count], err)) {
            pd_script_free(&s);
            return NULL;
        }
        s->count++;
    }
    return s;
}

void pd_script_free(pd_script **sp)
{
    pd_script *s = *sp;
    if (!s)
        return;
    free(s->tokens);
    free(s);
    *sp = NULL;
}

int pd_script_count(const pd_script *s) { return s->count; }
const pd_script_token *pd_script_at(const pd_script *s, int i) { return &s->tokens[i]; }

static double bar_x(double f) { return PD_HUD_BAR_X0 + f * (PD_HUD_BAR_X1 - PD_HUD_BAR_X0); }

unsigned pd_script_apply(pd_presenter *p, const pd_script_token *tok, pd_script_tick_fn tick, void *user)
{
    unsigned act = 0;
    switch (tok->kind) {
    case PD_TOK_KEY:
        act = pd_presenter_key(p, tok->key, tok->mods);
        act |= pd_presenter_key_up(p, tok->key, tok->mods);
        break;
    case PD_TOK_WAIT:
        if (tok->a > 0)
            tick(user, tok->a);
        break;
    case PD_TOK_SETTLE: {
        /* continuous play ends at the end of the talk, so this terminates */
        for (int guard = 0; guard < 100000; guard++) {
            double rest = pd_presenter_time_to_rest(p);
            if (rest <= 0 || (pd_presenter_mode(p) != PD_MODE_PLAYING && pd_presenter_mode(p) != PD_MODE_REVERSE))
                break;
            tick(user, rest);
        }
        break;
    }
    case PD_TOK_HOLD:
        act = pd_presenter_key(p, tok->key, tok->mods);
        if (tok->a > 0)
            tick(user, tok->a);
        act |= pd_presenter_key_up(p, tok->key, tok->mods);
        break;
    case PD_TOK_CLICK:
        act = pd_presenter_mouse_down(p, 0, 0.5, 0.5);
        act |= pd_presenter_mouse_up(p, 0, 0.5, 0.5);
        break;
    case PD_TOK_RCLICK:
        act = pd_presenter_mouse_down(p, 1, 0.5, 0.5);
        act |= pd_presenter_mouse_up(p, 1, 0.5, 0.5);
        break;
    case PD_TOK_BAR:
        act = pd_presenter_mouse_down(p, 0, bar_x(tok->a), PD_HUD_BAR_Y);
        act |= pd_presenter_mouse_up(p, 0, bar_x(tok->a), PD_HUD_BAR_Y);
        break;
    case PD_TOK_DRAG:
        act = pd_presenter_mouse_down(p, 0, bar_x(tok->a), PD_HUD_BAR_Y);
        for (int i = 1; i <= 10; i++)
            act |= pd_presenter_mouse_move(p, bar_x(tok->a + (tok->b - tok->a) * i / 10.0), PD_HUD_BAR_Y);
        act |= pd_presenter_mouse_up(p, 0, bar_x(tok->b), PD_HUD_BAR_Y);
        break;
    case PD_TOK_WHEEL:
        act = pd_presenter_scroll(p, -tok->a);
        break;
    case PD_TOK_ZOOM_WHEEL:
        act = pd_presenter_zoom_scroll(p, tok->a);
        break;
    case PD_TOK_POINTER:
        act = pd_presenter_mouse_move(p, tok->a, tok->b);
        break;
    case PD_TOK_CLICK_AT:
        act = pd_presenter_mouse_down(p, 0, tok->a, tok->b);
        act |= pd_presenter_mouse_up(p, 0, tok->a, tok->b);
        break;
    case PD_TOK_DRAW: {
        const float *q = tok->points;
        int n = tok->point_count;
        act = pd_presenter_mouse_down(p, 0, q[0], q[1]);
        /* the mouse reports every few pixels: move along each piece in short steps */
        for (int i = 1; i < n; i++)
            for (int k = 1; k <= 8; k++) {
                double u = k / 8.0;
                act |= pd_presenter_mouse_move(p, q[2 * i - 2] + (q[2 * i] - q[2 * i - 2]) * u,
                                               q[2 * i - 1] + (q[2 * i + 1] - q[2 * i - 1]) * u);
            }
        act |= pd_presenter_mouse_up(p, 0, q[2 * n - 2], q[2 * n - 1]);
        break;
    }
    }
    return act;
}

const char *pd_script_help(void)
{
    return "  KEY                  a key: right left up down space enter backspace pageup pagedown home\n"
           "                       end escape tab f1..f12 a..z 0..9 kp0..kp9 ] [ . / ? comma ...,\n"
           "                       with shift+ ctrl+ alt+ (e.g. shift+pagedown, ctrl+left, shift+f12)\n"
           "  wait:SECONDS         advance the clock\n"
           "  settle               advance until the playhead holds\n"
           "  hold:KEY:SECONDS     hold a key down (hold:shift+right:1.5 scrubs)\n"
           "  click  rclick        left / right click in the frame\n"
           "  bar:F  drag:F1:F2    click / drag the HUD timeline at fractions 0..1\n"
           "  wheel:N              N wheel notches (positive: forward; while zoomed: zoom in)\n"
           "  ctrl+wheel:N         N Ctrl+wheel notches: zoom in (positive) or out\n"
           "  pointer:FX:FY        move the mouse to frame fractions FX, FY (x right, y down):\n"
           "                       the laser, the spotlight and the zoom's centre follow it\n"
           "  click:FX:FY          left click there (the overview's thumbnails, or next)\n"
           "  draw:FX1:FY1:FX2:FY2...  with the pen on (d): a stroke through 2 to 16 points\n";
}
