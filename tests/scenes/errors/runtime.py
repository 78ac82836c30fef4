# expect: podium: tests/scenes/errors/runtime.py:6: ZeroDivisionError: division by zero
from manim import *


def ratio(a, b):
    return a / b


class Divide(Scene):
    def construct(self):
        self.wait(ratio(1, 0))
