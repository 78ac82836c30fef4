# expect: podium: tests/scenes/errors/keyword.py:7: podium does not support Text(slant=...) yet
from manim import *


class Slanted(Scene):
    def construct(self):
        t = Text("hi", slant=ITALIC)
        self.play(Write(t))
