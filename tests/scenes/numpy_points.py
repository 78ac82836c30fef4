"""Positions as numpy arrays: np.array([x, y, 0]), 2*LEFT + UP, UP * 2.6, lists, config.frame_width."""
import numpy as np
from manim import *


class Points(Scene):
    def construct(self):
        half = config.frame_width / 2
        frame = Rectangle(width=2 * half - 0.2, height=config.frame_height - 0.2, color=GRAY, stroke_width=2)
        a = Text("UP * 2.6", font_size=24).move_to(UP * 2.6)
        b = Text("2*LEFT + UP", font_size=24).move_to(2 * LEFT + UP)
        c = Text("np.array", font_size=24).move_to(np.array([3.0, -1.0, 0.0]))
        d = Text("list", font_size=24).move_to([-3, -2, 0])
        e = Text("UR + ORIGIN", font_size=24).move_to(UR + ORIGIN)
        line = Line(a.get_bottom(), c.get_top() + np.array([0, 0.1, 0]), color=BLUE)
        self.add(frame)
        self.play(*[FadeIn(m) for m in (a, b, c, d, e)], Create(line))
        self.wait(1)
