"""podium's runner for scene files: loads FILE, finds its Scene subclass,
runs construct() against the scene podium is building, and turns every
failure into one line "FILE:LINE: message" (src/py/py.c calls run())."""
import builtins
import os
import sys

import _podium
import manim

_MODULE = "__podium_scene__"

# scene.h's functions by the Manim call that reaches them (for scene errors)
_MANIM_CALLS = {
    "pd_text": "Text", "pd_mathtex": "MathTex", "pd_rectangle": "Rectangle", "pd_square": "Square",
    "pd_rounded_rectangle": "RoundedRectangle", "pd_line": "Line", "pd_polyline": "set_points_as_corners",
    "pd_arrow": "Arrow", "pd_surrounding_rectangle": "SurroundingRectangle", "pd_vgroup": "VGroup",
    "pd_vgroup_add": "VGroup.add", "pd_copy": "copy", "pd_get_start": "get_start", "pd_get_end": "get_end", "pd_circle": "Circle", "pd_at": "VGroup[i]", "pd_slice": "VGroup[a:b]", "pd_shift": "shift",
    "pd_move_to": "move_to", "pd_move_to_mob": "move_to", "pd_next_to": "next_to", "pd_next_to_point": "next_to",
    "pd_to_edge": "to_edge", "pd_arrange": "arrange", "pd_align_to": "align_to", "pd_scale": "scale",
    "pd_rotate": "rotate", "pd_play": "self.play", "pd_add": "self.add", "pd_remove": "self.remove",
    "pd_wait": "self.wait", "pd_pause": "self.wait", "pd_section": "self.next_section", "pd_note": "notes",
    "pd_apply": "set_color/set_fill/set_stroke",
}


def _line_in(tb, path):
    """The line of the innermost frame of the scene file in a traceback."""
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _one_line(text):
    return " ".join(str(text).split())


def _message(e, path, limit):
    line = _line_in(e.__traceback__, path)
    where = f"{path}:{line}" if line else path
    if isinstance(e, _podium.Unsupported):
        return f"{where}: podium does not support {_one_line(e.args[0] if e.args else '?')} yet"
    if isinstance(e, NameError) and getattr(e, "name", None) in manim._MANIM_NAMES:
        return f"{where}: podium does not support {e.name} yet"
    if isinstance(e, ImportError) and (e.name or "").startswith(("manim.", "manim_slides.")):
        return f"{where}: podium does not support the module {e.name} yet (use from manim import *)"
    if isinstance(e, _podium.Timeout):
        return (f"{where}: the scene ran past podium's time limit of {limit:g} s and was stopped here "
                f"(PODIUM_PY_TIMEOUT=SECONDS changes the limit)")
    if isinstance(e, SystemExit):
        return f"{where}: the scene called exit()"
    if isinstance(e, _podium.SceneError):
        text = _one_line(e)
        call, sep, rest = text.partition(": ")
        if sep and call.startswith("pd_"):  # the scene layer's C names, as the script wrote them
            text = f"{_MANIM_CALLS.get(call.split('(')[0], call[3:])}: {rest}"
        return f"{where}: {text}"
    text = _one_line(e)
    return f"{where}: {type(e).__name__}: {text}" if text else f"{where}: {type(e).__name__}"


def _title(g, cls):
    doc = g.get("__doc__")
    if isinstance(doc, str) and doc.strip():
        return doc.strip().splitlines()[0].strip()
    return cls.__name__


def run(path, scene_name, limit):
    """Returns (error, title): error "" on success."""
    manim._reset()
    try:
        with open(path, "rb") as f:
            src = f.read()
    except FileNotFoundError:
        return f"{path}: no such scene file", ""
    except IsADirectoryError:
        return f"{path}: is a folder, not a scene file", ""
    except OSError as e:
        return f"{path}: cannot read it ({e.strerror})", ""
    try:
        code = compile(src, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        where = f"{path}:{e.lineno}" if e.lineno else path
        return f"{where}: {type(e).__name__}: {_one_line(e.msg)}", ""
    except ValueError as e:
        return f"{path}: not a Python scene file ({_one_line(e)})", ""
    g = {"__name__": _MODULE, "__file__": path, "__builtins__": builtins}
    folder = os.path.dirname(os.path.abspath(path))
    sys.path.insert(0, folder)
    stdout = sys.stdout
    sys.stdout = sys.stderr  # a script's print() must not mix into --list and friends
    try:
        exec(code, g)
        scenes = [v for v in g.values()
                  if isinstance(v, type) and issubclass(v, manim.Scene) and v.__module__ == _MODULE]
        if scene_name:
            found = [c for c in scenes if c.__name__ == scene_name]
            if not found:
                names = ", ".join(c.__name__ for c in scenes) or "none"
                return f"{path}: no Scene subclass named '{scene_name}' (the file has: {names})", ""
            cls = found[0]
        elif not scenes:
            return (f"{path}: no Scene subclass (podium presents a class derived from manim's Scene "
                    f"or manim_slides' Slide)"), ""
        elif len(scenes) > 1:
            names = ", ".join(c.__name__ for c in scenes)
            return (f"{path}: {len(scenes)} Scene subclasses ({names}): name the one to present, "
                    f"e.g. podium {path} {scenes[0].__name__}"), ""
        else:
            cls = scenes[0]
        scene = cls()
        scene.setup()
        scene.construct()
        scene.tear_down()
        scene._podium_finish()
        return "", _title(g, cls)
    except BaseException as e:  # every failure of the script becomes one line
        return _message(e, path, limit), ""
    finally:
        sys.stdout = stdout
        try:
            sys.path.remove(folder)
        except ValueError:
            pass
