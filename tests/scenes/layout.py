"""Layout: next_to (aligned_edge, points), to_edge, to_corner, align_to, move_to a mobject, self.add."""
from manim import *


class Layout(Scene):
    def construct(self):
        anchor = Rectangle(width=3, height=2, color=GRAY)
        ul = Text("UL corner", font_size=20).to_corner(UL)
        dr = Text("DR corner", font_size=20).to_corner(DR, buff=0.2)
        left = Text("left edge", font_size=20).to_edge(LEFT)
        above = Text("above, left-aligned", font_size=18).next_to(anchor, UP, aligned_edge=LEFT)
        right = Text("right", font_size=18, color=GREEN).next_to(anchor, RIGHT, buff=0.1)
        pt = Text("near a point", font_size=16, color=ORANGE).next_to([0, -3, 0], UP, buff=0.05)
        pt2 = Text("aligned to a point", font_size=16, color=PINK).next_to(np.array([3, -2, 0]), DOWN, aligned_edge=RIGHT)
        dot = Square(side_length=0.2, fill_color=RED, fill_opacity=1).move_to(anchor)
        flush = Square(side_length=0.4, color=YELLOW).align_to(anchor, UP).align_to(anchor, RIGHT)
        flush2 = Square(side_length=0.3, color=BLUE).align_to([-1, -1, 0], DL)
        self.add(anchor, dot)
        self.play(FadeIn(ul), FadeIn(dr), FadeIn(left), FadeIn(above), FadeIn(right))
        self.play(FadeIn(pt), FadeIn(pt2), Create(flush), Create(flush2))
        self.wait(1)
