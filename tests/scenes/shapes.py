"""Rectangle, Square, RoundedRectangle: fills, strokes and Create."""
from manim import *


class Shapes(Scene):
    def construct(self):
        r = Rectangle(width=3, height=1.5, color=BLUE, fill_opacity=0.3)
        s = Square(side_length=1.6, fill_color=RED, fill_opacity=0.8, stroke_color=WHITE, stroke_width=2)
        rr = RoundedRectangle(corner_radius=0.3, width=2.5, height=1.5, color=GREEN, stroke_width=8)
        VGroup(r, s, rr).arrange(RIGHT, buff=0.6)
        self.play(Create(r), Create(s), Create(rr))
        self.wait(0.5)
        self.play(FadeOut(s))
        self.wait(0.5)
