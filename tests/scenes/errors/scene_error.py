# expect: podium: tests/scenes/errors/scene_error.py:7: Arrow: start and end are the same point
from manim import *


class Degenerate(Scene):
    def construct(self):
        a = Arrow(ORIGIN, ORIGIN)
        self.play(Create(a))
