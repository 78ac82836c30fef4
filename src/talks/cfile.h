/* cfile: a talk written in C, loaded from its source file at run time.
 *
 * Owns: compiling FILE.c into a shared object with the system compiler and
 * the flags podium was built with (c11, podium's headers), loading it, and
 * finding its entry point:
 *
 *   #include "scene/scene.h"
 *   const char *podium_talk_title = "My talk";   // optional
 *   void podium_talk(pd_scene *s) { ... }         // required: the talk, as a built-in one
 *
 * The object resolves pd_* against the podium binary (linked with every
 * scene symbol exported), so no rebuild of podium is needed. Does not own:
 * running the talk (its caller), watching the file (app/).
 *
 *   pd_cfile *c = pd_cfile_load("talk.c", &err);
 *   pd_cfile_build(c)(scene);
 *   pd_cfile_unload(&c);     // after the scene built with it is gone
 */
#ifndef PD_TALKS_CFILE_H
#define PD_TALKS_CFILE_H

#include "core/err.h"
#include "scene/scene.h"

typedef struct pd_cfile pd_cfile;

/* Compiles and loads path. Fails with one line: a missing file, the first
 * compiler error (file:line:col: message), or a missing podium_talk. */
pd_cfile *pd_cfile_load(const char *path, pd_err *err);
void (*pd_cfile_build(const pd_cfile *c))(pd_scene *s);
/* podium_talk_title if the file defines it, else the file's name. */
const char *pd_cfile_title(const pd_cfile *c);
void pd_cfile_unload(pd_cfile **c);

#endif
