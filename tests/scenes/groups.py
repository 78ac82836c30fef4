"""AnimationGroup, LaggedStart, Succession: Manim's timings, nested, with run_time."""
from manim import *


class Groups(Scene):
    def construct(self):
        dots = VGroup(*[Dot(radius=0.2, color=c) for c in (RED, ORANGE, YELLOW, GREEN, BLUE, PURPLE)])
        dots.arrange(RIGHT, buff=0.6).shift(UP * 2)
        self.play(LaggedStart(*[FadeIn(d, shift=DOWN) for d in dots], lag_ratio=0.5))
        bar = Rectangle(width=6, height=0.4, color=TEAL, fill_opacity=0.5)
        word = Text("in turn", font_size=36).shift(DOWN * 2)
        self.play(Succession(Create(bar), Write(word), run_time=2))
        self.wait(0.5)
        self.play(AnimationGroup(dots.animate.shift(DOWN), LaggedStart(FadeOut(bar), FadeOut(word), lag_ratio=1)),
                  Create(Square(side_length=0.5).to_corner(UR)))
        self.wait(0.5)
