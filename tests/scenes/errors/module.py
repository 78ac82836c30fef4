# expect: podium: tests/scenes/errors/module.py:2: podium does not support the module manim.utils yet (use from manim import *)
from manim.utils.rate_functions import ease_in_sine


class A(Scene):
    pass
