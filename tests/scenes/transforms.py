"""Transform and ReplacementTransform."""
from manim import *


class Transforms(Scene):
    def construct(self):
        label = Text("Step 0", font_size=36, color=GRAY)
        self.play(Write(label))
        nxt = Text("Step 1: longer", font_size=36, color=YELLOW).move_to(label)
        self.play(Transform(label, nxt))
        self.wait(0.5)
        sq = Square(color=BLUE, fill_opacity=0.5).shift(LEFT * 3)
        rect = Rectangle(width=3, height=1, color=RED, fill_opacity=0.5).shift(RIGHT * 3 + DOWN * 2)
        self.play(Create(sq))
        self.play(ReplacementTransform(sq, rect), run_time=1.5)
        self.wait(0.5)
        self.play(FadeOut(rect), FadeOut(label))
        self.wait(0.2)
