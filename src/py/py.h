/* py: Manim scene files presented unmodified, through an embedded CPython.
 *
 * Owns: the interpreter (Debian's libpython3.11, started once per process in
 * an isolated configuration and finalised at exit), the modules a scene file
 * imports (`manim`, `manim_slides`: classes over scene/scene.h, written in
 * Python in src/py/manim.py over the C module `_podium` in binding.c), running
 * the file's Scene subclass against a pd_scene, the time limit, and turning
 * every failure into one line "FILE:LINE: message". Does not own: the scene
 * layer's semantics (scene/), the command line (main.c).
 *
 *   pd_err err = {0};
 *   if (!pd_py_build(scene, "talks/gqa.py", NULL, &err))
 *       fprintf(stderr, "podium: %s\n", err.msg);   // "x.py:42: podium does not support ValueTracker yet"
 */
#ifndef PD_PY_PY_H
#define PD_PY_PY_H

#include <stdbool.h>

#include "core/err.h"
#include "scene/scene.h"

/* The script's time limit in seconds when PODIUM_PY_TIMEOUT is not set. */
#define PD_PY_DEFAULT_TIMEOUT_S 10.0

/* Runs the Scene (or manim-slides Slide) subclass of the file at `path`
 * against s: `scene_name`, or the only subclass the file defines when NULL.
 * In a Scene each self.wait() is a stop; in a Slide self.next_slide() is.
 * Fails (false, err: one line naming the file and the line) on a missing or
 * unreadable file, a syntax error, an exception in the script, a Manim
 * feature podium does not support, no or several Scene subclasses, and a
 * script that runs past the time limit (PODIUM_PY_TIMEOUT seconds, default
 * PD_PY_DEFAULT_TIMEOUT_S). Not thread-safe: call from the main thread. */
bool pd_py_build(pd_scene *s, const char *path, const char *scene_name, pd_err *err);

/* The title of the last talk pd_py_build ran: the first line of the file's
 * docstring, else the Scene class name; "" before any. */
const char *pd_py_title(void);

/* Where the last pd_py_build spent its time, in seconds (the start-up
 * budget; PODIUM_PY_TIMING=1 prints it, and the finalisation at exit):
 * starting the interpreter (0 after the first call), importing numpy and
 * podium's manim module (0 once imported), running the script. */
typedef struct pd_py_timing {
    double start_s, numpy_s, import_s, script_s;
} pd_py_timing;
pd_py_timing pd_py_last_timing(void);

#endif
