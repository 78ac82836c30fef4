"""podium's `manim_slides`: Slide, a Scene whose stops are its
self.next_slide() calls (and the end); self.wait() only waits. The options
of next_slide(), as in manim-slides, belong to the slide that follows it:
notes= is that slide's speaker note, loop=True makes it loop while the
presenter holds at its end."""
import inspect as _inspect

import _podium as _p
from manim import Scene, _check_kw, _unsupported


class Slide(Scene):
    _podium_waits_stop = False
    _podium_loop = False

    def next_slide(self, *, loop=False, notes="", dedent_notes=True, **kw):
        _check_kw("next_slide", kw, {"auto_next": False, "playback_rate": 1.0, "reversed_playback_rate": 1.0,
                                     "skip_animations": False, "src": None})
        _p.stop_here(bool(self._podium_loop))
        self._podium_loop = bool(loop)
        if notes:
            _p.note(_inspect.cleandoc(notes) if dedent_notes else str(notes))

    def _podium_finish(self):
        # manim-slides ends the last slide where the scene ends
        _p.stop_here(bool(self._podium_loop))


_NAMES = frozenset(("ThreeDSlide", "MovingCameraSlide", "ZoomedSlide", "Wipe", "Zoom"))


def __getattr__(name):
    if name in _NAMES:
        _unsupported(name)
    raise AttributeError(f"module 'manim_slides' has no attribute '{name}'")
