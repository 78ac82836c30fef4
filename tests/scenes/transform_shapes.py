"""Transform of single shapes: afterwards the transformed name is what is on screen."""
from manim import *


class ShapeTransforms(Scene):
    def construct(self):
        sq = Square(color=BLUE, fill_opacity=0.6).shift(LEFT * 3)
        circ = Circle(color=YELLOW, fill_opacity=0.6).shift(RIGHT * 3)
        self.play(Create(sq))
        self.play(Transform(sq, circ))
        self.wait(0.5)
        self.play(sq.animate.shift(DOWN * 2))
        self.play(FadeOut(sq))
        self.wait(0.5)
