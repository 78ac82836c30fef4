"""scale (about_edge, about_point), rotate, scale_to_fit_width, width/height, get_* points."""
from manim import *


class Geometry(Scene):
    def construct(self):
        base = Rectangle(width=2, height=1, color=BLUE).shift(LEFT * 4)
        big = Rectangle(width=2, height=1, color=GREEN).scale(1.5, about_edge=DL)
        small = Rectangle(width=2, height=1, color=RED).shift(RIGHT * 4).scale(0.5, about_point=RIGHT * 4 + UP)
        tilted = Text("tilted", font_size=30).rotate(PI / 6).shift(DOWN * 2.5)
        fit = Text("fits 3 units", font_size=30).scale_to_fit_width(3).to_edge(UP)
        marks = VGroup(*[
            Square(side_length=0.15, fill_color=YELLOW, fill_opacity=1, stroke_width=0).move_to(p)
            for p in (base.get_top(), base.get_bottom(), base.get_left(), base.get_right(),
                      base.get_corner(UR), base.get_critical_point(DL), base.get_center())
        ])
        w = Line(big.get_left() + DOWN * 0.3, big.get_left() + DOWN * 0.3 + RIGHT * big.width, color=GRAY)
        h = Line(small.get_bottom() + RIGHT * 1.5, small.get_bottom() + RIGHT * 1.5 + UP * small.height, color=GRAY)
        self.play(Create(base), Create(big), Create(small), Write(tilted), Write(fit))
        self.play(FadeIn(marks), Create(w), Create(h))
        self.wait(1)
