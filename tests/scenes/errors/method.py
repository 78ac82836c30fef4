# expect: podium: tests/scenes/errors/method.py:8: podium does not support Square.add_updater yet
from manim import *


class Updater(Scene):
    def construct(self):
        sq = Square()
        sq.add_updater(lambda m, dt: m.shift(RIGHT * dt))
        self.play(Create(sq))
