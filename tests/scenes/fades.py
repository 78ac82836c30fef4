"""FadeIn and FadeOut with shift= and scale=."""
from manim import *


class Fades(Scene):
    def construct(self):
        a = Text("from below", font_size=30).shift(UP * 1.5)
        b = Square(side_length=1.5, color=GREEN, fill_opacity=0.4)
        c = Arrow(LEFT * 2 + DOWN * 2, RIGHT * 2 + DOWN * 2, color=BLUE)
        self.play(FadeIn(a, shift=UP * 0.5))
        self.play(FadeIn(b, scale=0.5), FadeIn(c, scale=1.5))
        self.wait(0.5)
        self.play(FadeOut(a, shift=RIGHT), FadeOut(b, scale=2), FadeOut(c))
        self.wait(0.5)
