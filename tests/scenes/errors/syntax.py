# expect: podium: tests/scenes/errors/syntax.py:6: SyntaxError: expected ':'
from manim import *


class Broken(Scene):
    def construct(self)
        self.wait()
