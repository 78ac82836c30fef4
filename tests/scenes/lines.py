"""Line, Arrow and a polyline (VMobject.set_points_as_corners)."""
from manim import *


class Lines(Scene):
    def construct(self):
        a = Line(LEFT * 5 + UP * 2, RIGHT * 5 + UP * 2, color=TEAL, stroke_width=6)
        b = Line(LEFT * 4, RIGHT * 4, buff=0.5)
        arr = Arrow(LEFT * 3 + DOWN, RIGHT * 3 + DOWN, color=YELLOW)
        thin = Arrow(DOWN * 2 + LEFT * 2, DOWN * 3 + RIGHT * 2, buff=0, stroke_width=2, tip_length=0.2, color=RED)
        zig = VMobject(color=PURPLE, stroke_width=3)
        zig.set_points_as_corners([LEFT * 6 + DOWN * 3, LEFT * 5 + DOWN * 2, LEFT * 4 + DOWN * 3, LEFT * 3 + DOWN * 2])
        self.play(Create(a), Create(b))
        self.play(Create(arr), Create(thin), Create(zig), run_time=2)
        self.wait(1)
