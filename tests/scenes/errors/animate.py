# expect: podium: tests/scenes/errors/animate.py:9: podium does not support .animate.rotate yet
from manim import *


class Spin(Scene):
    def construct(self):
        sq = Square()
        self.add(sq)
        self.play(sq.animate.rotate(PI / 4))
