# expect: podium: tests/scenes/errors/rate_func.py:8: podium does not support rate_functions.ease_in_sine yet
from manim import *


class Eased(Scene):
    def construct(self):
        sq = Square()
        self.play(Create(sq), rate_func=rate_functions.ease_in_sine)
