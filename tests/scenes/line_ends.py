"""get_start / get_end / get_length of Line, Arrow and a polyline, after moving them."""
from manim import *


class LineEnds(Scene):
    def construct(self):
        line = Line(LEFT * 2, RIGHT * 2, color=BLUE).shift(UP * 2).scale(1.5)
        arrow = Arrow(LEFT * 3 + DOWN, RIGHT * 3 + DOWN * 0.5, color=YELLOW)
        path = VMobject(color=GREEN).set_points_as_corners([LEFT * 5 + DOWN * 3, LEFT * 4 + DOWN * 2, LEFT * 2 + DOWN * 3])
        ends = VGroup(*[Dot(p, color=RED) for p in (line.get_start(), line.get_end(), arrow.get_start(),
                                                     arrow.get_end(), path.get_start(), path.get_end())])
        size = Text(f"{line.get_length():.1f} units", font_size=24).next_to(line, UP)
        self.play(Create(line), Create(arrow), Create(path))
        self.play(FadeIn(ends), Write(size))
        self.wait(0.5)
