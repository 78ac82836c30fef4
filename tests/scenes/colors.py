"""Colours: constants, hex strings, ManimColor, interpolate_color; set_color/set_fill/set_stroke without animation."""
from manim import *


class Colors(Scene):
    def construct(self):
        ramp = VGroup(*[
            Square(side_length=0.8, fill_color=interpolate_color(BLUE, RED, i / 7), fill_opacity=1, stroke_width=0)
            for i in range(8)
        ]).arrange(RIGHT, buff=0.1).shift(UP * 2)
        hexes = VGroup(
            Square(side_length=0.8, color="#FF0000", fill_opacity=0.6),
            Square(side_length=0.8, color="#0F0", fill_opacity=0.6),
            Square(side_length=0.8, color=ManimColor("#3366CC"), fill_opacity=0.6),
            Square(side_length=0.8, color=PURE_BLUE, fill_opacity=0.6),
            Square(side_length=0.8, color=GREY_BROWN, fill_opacity=0.6),
        ).arrange(RIGHT, buff=0.3)
        styled = VGroup(Square(side_length=1), Square(side_length=1), Text("set_color", font_size=24))
        styled.arrange(RIGHT, buff=0.5).shift(DOWN * 2)
        styled[0].set_fill(ORANGE, opacity=0.7)
        styled[1].set_stroke(MAROON_B, width=10)
        styled[2].set_color(TEAL_A)
        styled[0].set_fill_opacity(0.4)
        self.play(FadeIn(ramp), FadeIn(hexes))
        self.play(Create(styled))
        self.wait(1)
