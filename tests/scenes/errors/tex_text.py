# expect: podium: tests/scenes/errors/tex_text.py:7: podium does not support Tex with text outside $...$ (podium typesets math; use MathTex, or Text for text) yet
from manim import *


class Words(Scene):
    def construct(self):
        t = Tex(r"Hello $x$")
        self.play(Write(t))
