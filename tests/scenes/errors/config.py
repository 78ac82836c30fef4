# expect: podium: tests/scenes/errors/config.py:3: podium does not support config.background_color = ManimColor('#FFFFFF') yet
from manim import *
config.background_color = WHITE


class White(Scene):
    def construct(self):
        self.wait()
