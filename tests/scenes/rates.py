"""Rate functions: linear, smooth, double_smooth, there_and_back, rate_functions.*, run_time."""
from manim import *


class Rates(Scene):
    def construct(self):
        dots = VGroup(*[Square(side_length=0.4, fill_color=c, fill_opacity=1) for c in (RED, GREEN, BLUE, YELLOW, TEAL)])
        dots.arrange(DOWN, buff=0.4).to_edge(LEFT)
        self.add(dots)
        self.play(
            dots[0].animate.shift(RIGHT * 8),
            dots[1].animate(rate_func=linear).shift(RIGHT * 8),
            dots[2].animate(rate_func=double_smooth).shift(RIGHT * 8),
            dots[3].animate(rate_func=there_and_back).shift(RIGHT * 8),
            dots[4].animate(rate_func=rate_functions.smooth).shift(RIGHT * 8),
            run_time=2,
        )
        self.wait(0.5)
        self.play(dots.animate.shift(LEFT * 2), rate_func=rate_functions.linear, run_time=1)
        self.play(FadeOut(dots, rate_func=rate_functions.there_and_back))
        self.wait(0.5)
