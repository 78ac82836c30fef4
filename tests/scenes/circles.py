"""Circle and Dot: Manim's defaults (RED outline; WHITE dot), Create from the rightmost point."""
from manim import *


class Circles(Scene):
    def construct(self):
        c = Circle()
        big = Circle(radius=1.5, color=BLUE, fill_opacity=0.3).shift(RIGHT * 3.5)
        dots = VGroup(*[Dot(RIGHT * x + DOWN * 2.5) for x in range(-3, 4)])
        marker = Dot(c.get_right(), color=YELLOW, radius=0.12)
        self.play(Create(c), Create(big), run_time=2)
        self.play(FadeIn(dots, lag_ratio=0.2), FadeIn(marker))
        self.wait(0.5)
        self.play(c.animate.set_fill(GREEN, 0.5).shift(LEFT * 3.5))
        self.wait(0.5)
