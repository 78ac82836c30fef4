"""lag_ratio on play() and on an animation; run_time per animation."""
from manim import *


class Lag(Scene):
    def construct(self):
        row = VGroup(*[Square(side_length=0.7, fill_color=BLUE_D, fill_opacity=0.7) for _ in range(6)]).arrange(RIGHT)
        row2 = VGroup(*[Square(side_length=0.7, color=GOLD) for _ in range(6)]).arrange(RIGHT).shift(DOWN * 1.5)
        words = Text("one two three", font_size=36).shift(UP * 2)
        self.play(FadeIn(row, lag_ratio=0.3), run_time=2)
        self.play(Create(row2), Write(words, run_time=1), lag_ratio=0.5)
        self.wait(0.5)
        self.play(FadeOut(row, shift=DOWN, lag_ratio=0.2, run_time=1.5), FadeOut(row2), FadeOut(words))
        self.wait(0.3)
