/* binding.c: the C module `_podium`, a flat binding of scene/scene.h that
 * src/py/manim.py builds Manim's classes on. Mobjects are their handle ids
 * (ints), points are two floats, colours (r, g, b, a) tuples of floats or
 * None for "not given". Every call that records a scene error raises
 * _podium.SceneError at once, so the message carries the script's line. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>

#include "py/py_internal.h"
#include "scene/timeline.h"

static struct {
    pd_scene *scene;
    PyObject *unsupported, *scene_error, *timeout;
} B;

void py_binding_set_scene(pd_scene *s) { B.scene = s; }
PyObject *py_binding_timeout_type(void) { return B.timeout; }
PyObject *py_binding_unsupported_type(void) { return B.unsupported; }

/* ---- helpers ---- */

static pd_scene *scene_or_raise(void)
{
    if (!B.scene)
        PyErr_SetString(B.scene_error, "no scene is being built (podium runs construct() itself)");
    return B.scene;
}

/* Raises SceneError when the scene recorded a misuse; returns true when it did. */
static bool scene_failed(void)
{
    const char *e = B.scene ? pd_scene_error(B.scene) : NULL;
    if (!e)
        return false;
    PyErr_SetString(B.scene_error, e);
    return true;
}

static PyObject *mob_result(pd_mob m)
{
    if (scene_failed())
        return NULL;
    if (m.id == 0) {
        PyErr_SetString(B.scene_error, "the scene could not make this mobject");
        return NULL;
    }
    return PyLong_FromUnsignedLong(m.id);
}

static PyObject *none_result(void)
{
    if (scene_failed())
        return NULL;
    Py_RETURN_NONE;
}

/* None -> {0} (not given); else a sequence of 3 or 4 numbers in [0, 1]. */
static bool parse_color(PyObject *o, pd_color *c)
{
    *c = (pd_color){0};
    if (o == Py_None)
        return true;
    PyObject *seq = PySequence_Fast(o, "a colour is (r, g, b, a)");
    if (!seq)
        return false;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    float v[4] = {0, 0, 0, 1};
    bool ok = n == 3 || n == 4;
    for (Py_ssize_t i = 0; ok && i < n; i++) {
        double d = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
        if (d == -1 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return false;
        }
        ok = isfinite(d);
        v[i] = (float)d;
    }
    Py_DECREF(seq);
    if (!ok) {
        PyErr_SetString(PyExc_ValueError, "a colour is (r, g, b, a) with finite components");
        return false;
    }
    *c = (pd_color){v[0], v[1], v[2], v[3]};
    return true;
}

static PyObject *color_tuple(pd_color c) { return Py_BuildValue("(dddd)", c.r, c.g, c.b, c.a); }

static bool finite_all(const double *v, int n)
{
    for (int i = 0; i < n; i++)
        if (!isfinite(v[i])) {
            PyErr_SetString(PyExc_ValueError, "a coordinate or size is not a finite number");
            return false;
        }
    return true;
}

static pd_v2 v2(double x, double y) { return (pd_v2){(float)x, (float)y}; }

/* ---- mobjects ---- */

static PyObject *b_text(PyObject *self, PyObject *args)
{
    const char *str;
    double fs;
    PyObject *col;
    int bold;
    if (!PyArg_ParseTuple(args, "sdOp", &str, &fs, &col, &bold))
        return NULL;
    pd_color c;
    pd_scene *s = scene_or_raise();
    if (!s || !parse_color(col, &c) || !finite_all(&fs, 1))
        return NULL;
    return mob_result(pd_text(s, &(pd_text_style){.str = str, .font_size = (float)fs, .color = c, .bold = bold}));
}

static PyObject *b_mathtex(PyObject *self, PyObject *args)
{
    const char *tex;
    double fs;
    PyObject *col;
    if (!PyArg_ParseTuple(args, "sdO", &tex, &fs, &col))
        return NULL;
    pd_color c;
    pd_scene *s = scene_or_raise();
    if (!s || !parse_color(col, &c) || !finite_all(&fs, 1))
        return NULL;
    return mob_result(pd_mathtex(s, &(pd_tex_style){.tex = tex, .font_size = (float)fs, .color = c}));
}

/* rect(kind, w, h, r, color, fill_color, stroke_color, fill_opacity, stroke_width, has_stroke_width):
 * kind 0 Rectangle, 1 Square (side w), 2 RoundedRectangle, 3 Circle (diameter w) */
static PyObject *b_rect(PyObject *self, PyObject *args)
{
    int kind, has_sw;
    double v[6];
    PyObject *col, *fcol, *scol;
    if (!PyArg_ParseTuple(args, "idddOOOddp", &kind, &v[0], &v[1], &v[2], &col, &fcol, &scol, &v[3], &v[4], &has_sw))
        return NULL;
    pd_shape_style st = {.width = (float)v[0],
                         .height = (float)v[1],
                         .corner_radius = (float)v[2],
                         .fill_opacity = (float)v[3],
                         .stroke_width = (float)v[4],
                         .has_stroke_width = has_sw};
    pd_scene *s = scene_or_raise();
    if (!s || !finite_all(v, 5) || !parse_color(col, &st.color) || !parse_color(fcol, &st.fill_color) ||
        !parse_color(scol, &st.stroke_color))
        return NULL;
    pd_mob m = kind == 1   ? pd_square(s, st.width, &st)
               : kind == 2 ? pd_rounded_rectangle(s, &st)
               : kind == 3 ? pd_circle(s, st.width / 2, &st)
                           : pd_rectangle(s, &st);
    return mob_result(m);
}

static PyObject *b_line(PyObject *self, PyObject *args)
{
    double v[5];
    PyObject *col;
    if (!PyArg_ParseTuple(args, "ddddOd", &v[0], &v[1], &v[2], &v[3], &col, &v[4]))
        return NULL;
    pd_stroke_style st = {.stroke_width = (float)v[4]};
    pd_scene *s = scene_or_raise();
    if (!s || !finite_all(v, 5) || !parse_color(col, &st.color))
        return NULL;
    return mob_result(pd_line(s, v2(v[0], v[1]), v2(v[2], v[3]), &st));
}

/* polyline(points, color, width): points a sequence of (x, y) pairs */
static PyObject *b_polyline(PyObject *self, PyObject *args)
{
    PyObject *pts, *col;
    double w;
    if (!PyArg_ParseTuple(args, "OOd", &pts, &col, &w))
        return NULL;
    pd_stroke_style st = {.stroke_width = (float)w};
    pd_scene *s = scene_or_raise();
    if (!s || !finite_all(&w, 1) || !parse_color(col, &st.color))
        return NULL;
    PyObject *seq = PySequence_Fast(pts, "points must be a sequence of (x, y)");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (n < 2 || n > 1000000) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "set_points_as_corners needs at least 2 points");
        return NULL;
    }
    pd_v2 *p = PyMem_Malloc((size_t)n * sizeof *p);
    if (!p) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        double x, y;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i), "dd", &x, &y) || !finite_all((double[]){x, y}, 2)) {
            PyMem_Free(p);
            Py_DECREF(seq);
            return NULL;
        }
        p[i] = v2(x, y);
    }
    pd_mob m = pd_polyline(s, p, (uint32_t)n, &st);
    PyMem_Free(p);
    Py_DECREF(seq);
    return mob_result(m);
}

static PyObject *b_arrow(PyObject *self, PyObject *args)
{
    double v[7];
    PyObject *col;
    if (!PyArg_ParseTuple(args, "ddddOddd", &v[0], &v[1], &v[2], &v[3], &col, &v[4], &v[5], &v[6]))
        return NULL;
    pd_arrow_style st = {.stroke_width = (float)v[4], .tip_length = (float)v[5], .buff = (float)v[6]};
    pd_scene *s = scene_or_raise();
    if (!s || !finite_all(v, 7) || !parse_color(col, &st.color))
        return NULL;
    return mob_result(pd_arrow(s, v2(v[0], v[1]), v2(v[2], v[3]), &st));
}

static PyObject *b_surround(PyObject *self, PyObject *args)
{
    unsigned int m;
    PyObject *col;
    double v[3];
    if (!PyArg_ParseTuple(args, "IOddd", &m, &col, &v[0], &v[1], &v[2]))
        return NULL;
    pd_surround_style st = {.buff = (float)v[0], .stroke_width = (float)v[1], .corner_radius = (float)v[2]};
    pd_scene *s = scene_or_raise();
    if (!s || !finite_all(v, 3) || !parse_color(col, &st.color))
        return NULL;
    return mob_result(pd_surrounding_rectangle(s, (pd_mob){m}, &st));
}

static PyObject *b_vgroup(PyObject *self, PyObject *args)
{
    PyObject *ids;
    if (!PyArg_ParseTuple(args, "O", &ids))
        return NULL;
    pd_scene *s = scene_or_raise();
    if (!s)
        return NULL;
    PyObject *seq = PySequence_Fast(ids, "VGroup members");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    pd_mob *m = PyMem_Malloc(((size_t)n + 1) * sizeof *m);
    if (!m) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned long id = PyLong_AsUnsignedLong(PySequence_Fast_GET_ITEM(seq, i));
        if (PyErr_Occurred()) {
            PyMem_Free(m);
            Py_DECREF(seq);
            return NULL;
        }
        m[i] = (pd_mob){(uint32_t)id};
    }
    pd_mob g = pd_vgroup(s, m, (uint32_t)n);
    PyMem_Free(m);
    Py_DECREF(seq);
    return mob_result(g);
}

static PyObject *b_vgroup_add(PyObject *self, PyObject *args)
{
    unsigned int g, m;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "II", &g, &m))
        return NULL;
    pd_vgroup_add(s, (pd_mob){g}, (pd_mob){m});
    return none_result();
}

static PyObject *b_children(PyObject *self, PyObject *args)
{
    unsigned int g;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "I", &g))
        return NULL;
    uint32_t n = pd_len(s, (pd_mob){g});
    PyObject *list = PyList_New(n);
    if (!list)
        return NULL;
    for (uint32_t i = 0; i < n; i++)
        PyList_SET_ITEM(list, i, PyLong_FromUnsignedLong(pd_at(s, (pd_mob){g}, (int)i).id));
    if (scene_failed()) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

static PyObject *b_copy(PyObject *self, PyObject *args)
{
    unsigned int m;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "I", &m))
        return NULL;
    return mob_result(pd_copy(s, (pd_mob){m}));
}

static PyObject *b_slice(PyObject *self, PyObject *args)
{
    unsigned int g;
    int a, b;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "Iii", &g, &a, &b))
        return NULL;
    return mob_result(pd_slice(s, (pd_mob){g}, a, b));
}

/* ---- layout ---- */

static PyObject *b_critical(PyObject *self, PyObject *args)
{
    unsigned int m;
    double dx, dy;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "Idd", &m, &dx, &dy))
        return NULL;
    pd_v2 p = pd_get_critical(s, (pd_mob){m}, v2(dx, dy));
    if (scene_failed())
        return NULL;
    return Py_BuildValue("(dd)", (double)p.x, (double)p.y);
}

static PyObject *b_line_end(PyObject *self, PyObject *args)
{
    unsigned int m;
    int end;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "Ip", &m, &end))
        return NULL;
    pd_v2 p = end ? pd_get_end(s, (pd_mob){m}) : pd_get_start(s, (pd_mob){m});
    if (scene_failed())
        return NULL;
    return Py_BuildValue("(dd)", (double)p.x, (double)p.y);
}

static PyObject *b_size(PyObject *self, PyObject *args)
{
    unsigned int m;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "I", &m))
        return NULL;
    float w = pd_width(s, (pd_mob){m}), h = pd_height(s, (pd_mob){m});
    if (scene_failed())
        return NULL;
    return Py_BuildValue("(dd)", (double)w, (double)h);
}

/* layout(op, m, target, x, y, dx, dy, buff, ax, ay): one entry for the
 * layout calls, which differ only in which arguments they read */
enum {
    OP_SHIFT,
    OP_MOVE_TO,
    OP_MOVE_TO_MOB,
    OP_NEXT_TO,
    OP_NEXT_TO_POINT,
    OP_TO_EDGE,
    OP_ARRANGE,
    OP_ALIGN_TO,
    OP_SCALE,
    OP_ROTATE,
};

static PyObject *b_layout(PyObject *self, PyObject *args)
{
    int op;
    unsigned int m, t;
    double v[7];
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "iIIddddddd", &op, &m, &t, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6]))
        return NULL;
    if (!finite_all(v, 7))
        return NULL;
    pd_mob a = {m}, b = {t};
    pd_v2 p = v2(v[0], v[1]), d = v2(v[2], v[3]), al = v2(v[5], v[6]);
    float buff = (float)v[4];
    switch (op) {
    case OP_SHIFT:
        pd_shift(s, a, p);
        break;
    case OP_MOVE_TO:
        pd_move_to(s, a, p);
        break;
    case OP_MOVE_TO_MOB:
        pd_move_to_mob(s, a, b);
        break;
    case OP_NEXT_TO:
        pd_next_to_aligned(s, a, b, d, buff, al);
        break;
    case OP_NEXT_TO_POINT:
        pd_next_to_point(s, a, p, d, buff);
        break;
    case OP_TO_EDGE:
        pd_to_edge(s, a, d, buff);
        break;
    case OP_ARRANGE:
        pd_arrange(s, a, d, buff, al);
        break;
    case OP_ALIGN_TO:
        pd_align_to(s, a, b, d);
        break;
    case OP_SCALE:
        pd_scale(s, a, buff);
        break;
    case OP_ROTATE:
        pd_rotate(s, a, buff);
        break;
    default:
        PyErr_Format(PyExc_ValueError, "unknown layout op %d", op);
        return NULL;
    }
    return none_result();
}

/* ---- animation ---- */

/* (set_fill, fill_color, fill_opacity, set_fill_opacity, set_stroke, stroke_color, stroke_width,
 *  set_color, color, move, x, y, scale, set_stroke_opacity, stroke_opacity) */
static bool parse_change(PyObject *o, pd_change *c)
{
    *c = (pd_change){0};
    int set_fill, set_fill_opacity, set_stroke, set_color, move, set_stroke_opacity;
    PyObject *fc, *sc, *cc;
    double v[6];
    if (!PyArg_ParseTuple(o, "pOdppOdpOpdddpd;a change", &set_fill, &fc, &v[0], &set_fill_opacity, &set_stroke, &sc,
                          &v[1], &set_color, &cc, &move, &v[2], &v[3], &v[4], &set_stroke_opacity, &v[5]))
        return false;
    if (!finite_all(v, 6) || !parse_color(fc, &c->fill_color) || !parse_color(sc, &c->stroke_color) ||
        !parse_color(cc, &c->color))
        return false;
    c->set_fill = set_fill;
    c->fill_opacity = (float)v[0];
    c->set_fill_opacity = set_fill_opacity;
    c->set_stroke = set_stroke;
    c->stroke_width = (float)v[1];
    c->set_color = set_color;
    c->move = move;
    c->move_to = v2(v[2], v[3]);
    c->scale = (float)v[4];
    c->set_stroke_opacity = set_stroke_opacity;
    c->stroke_opacity = (float)v[5];
    return true;
}

static PyObject *b_apply(PyObject *self, PyObject *args)
{
    unsigned int m;
    PyObject *ch;
    pd_change c;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "IO", &m, &ch) || !parse_change(ch, &c))
        return NULL;
    pd_apply(s, (pd_mob){m}, c);
    return none_result();
}

/* play(anims, run_time, rate): anims a list of
 * (kind, mob, target, shift_x, shift_y, scale, run_time, lag_ratio, rate, change, delay) */
static PyObject *b_play(PyObject *self, PyObject *args)
{
    PyObject *list;
    double run_time;
    int rate;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "Odi", &list, &run_time, &rate))
        return NULL;
    PyObject *seq = PySequence_Fast(list, "play() takes animations");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (n == 0 || n > 100000) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, n ? "too many animations in one play()" : "play() needs an animation");
        return NULL;
    }
    pd_anim *an = PyMem_Calloc((size_t)n, sizeof *an);
    if (!an) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        int kind, r;
        unsigned int m, t;
        double v[6];
        PyObject *ch;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i), "iIIdddddiOd;an animation", &kind, &m, &t, &v[0], &v[1],
                              &v[2], &v[3], &v[4], &r, &ch, &v[5]) ||
            !parse_change(ch, &an[i].change)) {
            PyMem_Free(an);
            Py_DECREF(seq);
            return NULL;
        }
        an[i].kind = (pd_anim_kind)kind;
        an[i].mob = (pd_mob){m};
        an[i].target = (pd_mob){t};
        an[i].shift = v2(v[0], v[1]);
        an[i].scale = (float)v[2];
        an[i].run_time = v[3];
        an[i].lag_ratio = v[4];
        an[i].rate = (pd_rate)r;
        an[i].delay = v[5];
    }
    pd_play(s, an, (uint32_t)n, &(pd_play_opts){.run_time = run_time, .rate = (pd_rate)rate});
    PyMem_Free(an);
    Py_DECREF(seq);
    return none_result();
}

/* run_time_of(kind, mob, run_time): what the animation lasts on its own */
static PyObject *b_run_time_of(PyObject *self, PyObject *args)
{
    int kind;
    unsigned int m;
    double rt;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "iId", &kind, &m, &rt))
        return NULL;
    double d = pd_anim_run_time(s, &(pd_anim){.kind = (pd_anim_kind)kind, .mob = {m}, .run_time = rt});
    if (scene_failed())
        return NULL;
    return PyFloat_FromDouble(d);
}

static PyObject *b_add(PyObject *self, PyObject *args)
{
    unsigned int m;
    int add;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "Ip", &m, &add))
        return NULL;
    (add ? pd_add : pd_remove)(s, (pd_mob){m});
    return none_result();
}

static PyObject *b_wait(PyObject *self, PyObject *args)
{
    double t;
    int stop;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "dp", &t, &stop))
        return NULL;
    (stop ? pd_wait : pd_pause)(s, t);
    return none_result();
}

static PyObject *b_stop_here(PyObject *self, PyObject *args)
{
    int loop;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "p", &loop))
        return NULL;
    bool made = pd_stop_here(s, loop);
    if (scene_failed())
        return NULL;
    return PyBool_FromLong(made);
}

static PyObject *b_section(PyObject *self, PyObject *args)
{
    const char *title;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "s", &title))
        return NULL;
    pd_section(s, title);
    return none_result();
}

static PyObject *b_note(PyObject *self, PyObject *args)
{
    const char *text;
    pd_scene *s = scene_or_raise();
    if (!s || !PyArg_ParseTuple(args, "s", &text))
        return NULL;
    pd_note(s, text);
    return none_result();
}

static PyObject *b_now(PyObject *self, PyObject *args)
{
    pd_scene *s = scene_or_raise();
    if (!s)
        return NULL;
    return PyFloat_FromDouble(pd_scene_timeline(s).duration);
}

/* ---- colours: exactly core/color.h's arithmetic, in float ---- */

static PyObject *b_hex_color(PyObject *self, PyObject *args)
{
    unsigned int h;
    double alpha = 1;
    if (!PyArg_ParseTuple(args, "I|d", &h, &alpha))
        return NULL;
    return color_tuple(pd_color_alpha(PD_HEX(h), (float)alpha));
}

static PyObject *b_color_lerp(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    double u;
    pd_color ca, cb;
    if (!PyArg_ParseTuple(args, "OOd", &a, &b, &u) || !parse_color(a, &ca) || !parse_color(b, &cb))
        return NULL;
    return color_tuple(pd_color_lerp(ca, cb, (float)u));
}

static PyMethodDef methods[] = {
    {"text", b_text, METH_VARARGS, "text(str, font_size, color, bold) -> id"},
    {"mathtex", b_mathtex, METH_VARARGS, "mathtex(tex, font_size, color) -> id"},
    {"rect", b_rect, METH_VARARGS, "rect(kind, w, h, r, color, fill, stroke, fill_opacity, width, has_width) -> id"},
    {"line", b_line, METH_VARARGS, "line(x0, y0, x1, y1, color, width) -> id"},
    {"polyline", b_polyline, METH_VARARGS, "polyline(points, color, width) -> id"},
    {"arrow", b_arrow, METH_VARARGS, "arrow(x0, y0, x1, y1, color, width, tip_length, buff) -> id"},
    {"surround", b_surround, METH_VARARGS, "surround(id, color, buff, width, corner_radius) -> id"},
    {"vgroup", b_vgroup, METH_VARARGS, "vgroup(ids) -> id"},
    {"vgroup_add", b_vgroup_add, METH_VARARGS, "vgroup_add(group, id)"},
    {"children", b_children, METH_VARARGS, "children(group) -> [ids]"},
    {"slice", b_slice, METH_VARARGS, "slice(group, from, to) -> id"},
    {"copy", b_copy, METH_VARARGS, "copy(id) -> id"},
    {"critical", b_critical, METH_VARARGS, "critical(id, dx, dy) -> (x, y)"},
    {"size", b_size, METH_VARARGS, "size(id) -> (width, height)"},
    {"line_end", b_line_end, METH_VARARGS, "line_end(id, end) -> (x, y)"},
    {"layout", b_layout, METH_VARARGS, "layout(op, id, target, x, y, dx, dy, buff, ax, ay)"},
    {"apply", b_apply, METH_VARARGS, "apply(id, change)"},
    {"play", b_play, METH_VARARGS, "play(anims, run_time, rate)"},
    {"add", b_add, METH_VARARGS, "add(id, add_or_remove)"},
    {"run_time_of", b_run_time_of, METH_VARARGS, "run_time_of(kind, id, run_time) -> seconds"},
    {"wait", b_wait, METH_VARARGS, "wait(seconds, is_stop)"},
    {"stop_here", b_stop_here, METH_VARARGS, "stop_here(loop) -> made"},
    {"section", b_section, METH_VARARGS, "section(title)"},
    {"note", b_note, METH_VARARGS, "note(text)"},
    {"now", b_now, METH_NOARGS, "now() -> seconds recorded so far"},
    {"hex_color", b_hex_color, METH_VARARGS, "hex_color(0xRRGGBB, alpha=1) -> (r, g, b, a)"},
    {"color_lerp", b_color_lerp, METH_VARARGS, "color_lerp(c1, c2, a) -> (r, g, b, a)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "_podium",
    "podium's scene API, flat (src/py/binding.c)",
    -1,
    methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyObject *py_binding_init(void)
{
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    if (!B.unsupported) {
        B.unsupported = PyErr_NewException("_podium.Unsupported", NULL, NULL);
        B.scene_error = PyErr_NewException("_podium.SceneError", NULL, NULL);
        /* a BaseException, so a script's `except Exception` cannot swallow it */
        B.timeout = PyErr_NewException("_podium.Timeout", PyExc_BaseException, NULL);
    }
    if (!B.unsupported || !B.scene_error || !B.timeout || PyModule_AddObjectRef(m, "Unsupported", B.unsupported) < 0 ||
        PyModule_AddObjectRef(m, "SceneError", B.scene_error) < 0 ||
        PyModule_AddObjectRef(m, "Timeout", B.timeout) < 0 ||
        PyModule_AddIntConstant(m, "RATE_DEFAULT", PD_RATE_DEFAULT) < 0 ||
        PyModule_AddIntConstant(m, "RATE_LINEAR", PD_RATE_LINEAR) < 0 ||
        PyModule_AddIntConstant(m, "RATE_SMOOTH", PD_RATE_SMOOTH) < 0 ||
        PyModule_AddIntConstant(m, "RATE_DOUBLE_SMOOTH", PD_RATE_DOUBLE_SMOOTH) < 0 ||
        PyModule_AddIntConstant(m, "RATE_THERE_AND_BACK", PD_RATE_THERE_AND_BACK) < 0 ||
        PyModule_AddIntConstant(m, "WRITE", PD_ANIM_WRITE) < 0 ||
        PyModule_AddIntConstant(m, "CREATE", PD_ANIM_CREATE) < 0 ||
        PyModule_AddIntConstant(m, "FADE_IN", PD_ANIM_FADE_IN) < 0 ||
        PyModule_AddIntConstant(m, "FADE_OUT", PD_ANIM_FADE_OUT) < 0 ||
        PyModule_AddIntConstant(m, "TRANSFORM", PD_ANIM_TRANSFORM) < 0 ||
        PyModule_AddIntConstant(m, "ANIMATE", PD_ANIM_ANIMATE) < 0 ||
        PyModule_AddIntConstant(m, "OP_SHIFT", OP_SHIFT) < 0 ||
        PyModule_AddIntConstant(m, "OP_MOVE_TO", OP_MOVE_TO) < 0 ||
        PyModule_AddIntConstant(m, "OP_MOVE_TO_MOB", OP_MOVE_TO_MOB) < 0 ||
        PyModule_AddIntConstant(m, "OP_NEXT_TO", OP_NEXT_TO) < 0 ||
        PyModule_AddIntConstant(m, "OP_NEXT_TO_POINT", OP_NEXT_TO_POINT) < 0 ||
        PyModule_AddIntConstant(m, "OP_TO_EDGE", OP_TO_EDGE) < 0 ||
        PyModule_AddIntConstant(m, "OP_ARRANGE", OP_ARRANGE) < 0 ||
        PyModule_AddIntConstant(m, "OP_ALIGN_TO", OP_ALIGN_TO) < 0 ||
        PyModule_AddIntConstant(m, "OP_SCALE", OP_SCALE) < 0 ||
        PyModule_AddIntConstant(m, "OP_ROTATE", OP_ROTATE) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
