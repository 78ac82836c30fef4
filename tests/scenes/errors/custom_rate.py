# expect: podium: tests/scenes/errors/custom_rate.py:8: podium does not support rate_func=<lambda> yet
from manim import *


class Custom(Scene):
    def construct(self):
        sq = Square()
        self.play(Create(sq), rate_func=lambda t: t * t)
