/* py.c: the embedded interpreter. Started once per process (isolated: no
 * user site, PYTHON* variables ignored, no signal handlers taken from
 * podium), finalised at exit; runs runner.py's run() with a watchdog that
 * stops a script running past the time limit. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "py/py_internal.h"

static struct {
    bool started, failed;
    char title[256];
    pd_py_timing timing;
    /* the watchdog */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool done;
    double limit_s;
    atomic_bool armed;
    unsigned long script_thread;
} P = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

/* ---- modules from embedded source ---- */

/* An inittab entry must return a module with a PyModuleDef (single-phase
 * init); the module's body is the embedded Python source, run in its dict. */
static PyObject *module_from_source(PyModuleDef *def, const char *src, const char *filename)
{
    PyObject *m = PyModule_Create(def);
    if (!m)
        return NULL;
    PyObject *d = PyModule_GetDict(m);
    PyObject *fn = PyUnicode_FromString(filename);
    if (!fn || PyDict_SetItemString(d, "__file__", fn) < 0 ||
        PyDict_SetItemString(d, "__builtins__", PyEval_GetBuiltins()) < 0) {
        Py_XDECREF(fn);
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(fn);
    PyObject *code = Py_CompileString(src, filename, Py_file_input);
    PyObject *r = code ? PyEval_EvalCode(code, d, d) : NULL;
    Py_XDECREF(code);
    if (!r) {
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(r);
    return m;
}

static PyModuleDef def_manim = {PyModuleDef_HEAD_INIT, "manim", NULL, -1, NULL, NULL, NULL, NULL, NULL};
static PyModuleDef def_slides = {PyModuleDef_HEAD_INIT, "manim_slides", NULL, -1, NULL, NULL, NULL, NULL, NULL};
static PyModuleDef def_runner = {PyModuleDef_HEAD_INIT, "_podium_runner", NULL, -1, NULL, NULL, NULL, NULL, NULL};

static PyObject *init_podium(void) { return py_binding_init(); }
static PyObject *init_manim(void) { return module_from_source(&def_manim, pd_py_src_manim, "<podium>/manim.py"); }
static PyObject *init_slides(void)
{
    return module_from_source(&def_slides, pd_py_src_manim_slides, "<podium>/manim_slides.py");
}
static PyObject *init_runner(void) { return module_from_source(&def_runner, pd_py_src_runner, "<podium>/runner.py"); }

/* ---- start and stop ---- */

static void finalize_at_exit(void)
{
    if (!P.started)
        return;
    double t0 = pd_clock_now_s();
    Py_FinalizeEx();
    P.started = false;
    if (getenv("PODIUM_PY_TIMING"))
        fprintf(stderr, "podium: python finalize %.1f ms\n", (pd_clock_now_s() - t0) * 1e3);
}

static bool start(pd_err *err)
{
    if (P.started)
        return true;
    if (P.failed)
        return pd_err_set(err, "the embedded Python did not start (see the message above)");
    if (PyImport_AppendInittab("_podium", init_podium) < 0 || PyImport_AppendInittab("manim", init_manim) < 0 ||
        PyImport_AppendInittab("manim_slides", init_slides) < 0 ||
        PyImport_AppendInittab("_podium_runner", init_runner) < 0) {
        P.failed = true;
        return pd_err_set(err, "cannot register podium's Python modules");
    }
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.install_signal_handlers = 0; /* SIGINT and friends stay podium's */
    config.write_bytecode = 0;          /* never write __pycache__ next to a talk */
    config.parse_argv = 0;
    PyStatus st = PyConfig_SetString(&config, &config.program_name, L"podium");
    if (!PyStatus_Exception(st))
        st = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(st)) {
        P.failed = true;
        return pd_err_set(err, "the embedded Python did not start: %s (install python3-dev python3-numpy)",
                          st.err_msg ? st.err_msg : "unknown error");
    }
    P.started = true;
    atexit(finalize_at_exit);
    return true;
}

/* ---- the watchdog ---- */

static void *watchdog(void *arg)
{
    (void)arg;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    double whole = (double)until.tv_sec + until.tv_nsec * 1e-9 + P.limit_s;
    pthread_mutex_lock(&P.mu);
    while (!P.done) {
        until.tv_sec = (time_t)whole;
        until.tv_nsec = (long)((whole - (double)until.tv_sec) * 1e9);
        if (pthread_cond_timedwait(&P.cv, &P.mu, &until) == 0 || P.done)
            continue;
        /* past the limit: raise Timeout in the script's thread, the way one
         * thread stops another (3.11's Py_AddPendingCall from another thread
         * does not wake the eval loop); again every 0.2 s in case the script
         * catches it */
        pthread_mutex_unlock(&P.mu);
        PyGILState_STATE g = PyGILState_Ensure();
        if (atomic_load(&P.armed))
            PyThreadState_SetAsyncExc(P.script_thread, py_binding_timeout_type());
        PyGILState_Release(g);
        pthread_mutex_lock(&P.mu);
        whole += 0.2;
    }
    pthread_mutex_unlock(&P.mu);
    return NULL;
}

static double time_limit_s(void)
{
    const char *v = getenv("PODIUM_PY_TIMEOUT");
    if (v && *v) {
        char *end = NULL;
        double d = strtod(v, &end);
        if (end && *end == 0 && d > 0 && d < 1e6)
            return d;
        fprintf(stderr, "podium: PODIUM_PY_TIMEOUT='%s' is not a number of seconds > 0; using %g\n", v,
                PD_PY_DEFAULT_TIMEOUT_S);
    }
    return PD_PY_DEFAULT_TIMEOUT_S;
}

/* ---- running a file ---- */

bool pd_py_build(pd_scene *s, const char *path, const char *scene_name, pd_err *err)
{
    P.title[0] = 0;
    P.timing = (pd_py_timing){0};
    if (!s || !path)
        return pd_err_set(err, "pd_py_build: no scene or no path given");
    double t0 = pd_clock_now_s();
    bool fresh = !P.started;
    if (!start(err))
        return false;
    double t1 = pd_clock_now_s();
    P.timing.start_s = fresh ? t1 - t0 : 0;

    bool ok = false;
    PyObject *runner = NULL, *res = NULL;
    PyObject *numpy = PyImport_ImportModule("numpy"); /* the manim module's one dependency, timed apart */
    double tn = pd_clock_now_s();
    P.timing.numpy_s = tn - t1;
    Py_XDECREF(numpy);
    PyErr_Clear(); /* without numpy, importing manim below says so */
    PyObject *manim = PyImport_ImportModule("manim");
    double t2 = pd_clock_now_s();
    P.timing.import_s = t2 - tn;
    if (manim)
        runner = PyImport_ImportModule("_podium_runner");
    if (!runner) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyObject *str = value ? PyObject_Str(value) : NULL;
        const char *msg = str ? PyUnicode_AsUTF8(str) : NULL;
        pd_err_set(err, "podium's manim module did not load: %s (is python3-numpy installed?)",
                   msg ? msg : "unknown error");
        PyErr_Clear();
        Py_XDECREF(str);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        Py_XDECREF(manim);
        return false;
    }

    double limit = time_limit_s();
    py_binding_set_scene(s);
    pthread_t th;
    P.done = false;
    P.limit_s = limit;
    P.script_thread = PyThread_get_thread_ident();
    atomic_store(&P.armed, true);
    bool have_thread = pthread_create(&th, NULL, watchdog, NULL) == 0;
    res = PyObject_CallMethod(runner, "run", "szd", path, scene_name, limit);
    atomic_store(&P.armed, false);
    if (have_thread) {
        Py_BEGIN_ALLOW_THREADS; /* the watchdog may be waiting for the GIL */
        pthread_mutex_lock(&P.mu);
        P.done = true;
        pthread_cond_signal(&P.cv);
        pthread_mutex_unlock(&P.mu);
        pthread_join(th, NULL);
        Py_END_ALLOW_THREADS;
        PyThreadState_SetAsyncExc(P.script_thread, NULL); /* one that came too late */
    }
    py_binding_set_scene(NULL);
    P.timing.script_s = pd_clock_now_s() - t2;

    const char *msg = NULL, *title = NULL;
    if (res && PyArg_ParseTuple(res, "ss", &msg, &title)) {
        if (*msg)
            pd_err_set(err, "%s", msg);
        else {
            snprintf(P.title, sizeof P.title, "%s", title);
            ok = true;
        }
    } else if (PyErr_ExceptionMatches(py_binding_timeout_type())) {
        /* the limit struck while the runner was already reporting */
        PyErr_Clear();
        pd_err_set(err, "%s: the scene ran past podium's time limit of %g s (PODIUM_PY_TIMEOUT=SECONDS changes it)",
                   path, limit);
    } else {
        PyErr_Clear();
        pd_err_set(err, "%s: podium's Python runner failed (a bug in podium)", path);
    }
    Py_XDECREF(res);
    Py_DECREF(runner);
    Py_DECREF(manim);
    if (ok && pd_scene_error(s))
        ok = pd_err_set(err, "%s: %s", path, pd_scene_error(s));
    if (getenv("PODIUM_PY_TIMING"))
        fprintf(stderr, "podium: python start %.1f ms, import numpy %.1f ms, import manim %.1f ms, script %.1f ms\n",
                P.timing.start_s * 1e3, P.timing.numpy_s * 1e3, P.timing.import_s * 1e3, P.timing.script_s * 1e3);
    return ok;
}

const char *pd_py_title(void) { return P.title; }

pd_py_timing pd_py_last_timing(void) { return P.timing; }
