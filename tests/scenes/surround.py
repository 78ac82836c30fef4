"""SurroundingRectangle: default, buff, colour, stroke width, corner radius."""
from manim import *


class Surround(Scene):
    def construct(self):
        word = Text("attention", font_size=44)
        box = SurroundingRectangle(word)
        outer = SurroundingRectangle(box, color=RED, buff=0.3, stroke_width=2, corner_radius=0.2)
        self.play(Write(word))
        self.play(Create(box), Create(outer))
        self.wait(0.8)
        self.play(FadeOut(outer), FadeOut(box))
        self.wait(0.3)
