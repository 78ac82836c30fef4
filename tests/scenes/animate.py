""".animate: set_fill (colour, opacity), set_fill_opacity, set_stroke, set_color, move_to, shift, scale, chains."""
from manim import *


class Animate(Scene):
    def construct(self):
        a = Square(side_length=1.2, color=WHITE, fill_opacity=0.2).shift(LEFT * 4)
        b = Rectangle(width=2, height=1, color=BLUE, fill_opacity=0.5)
        c = Text("colour me", font_size=30).shift(DOWN * 2)
        self.play(FadeIn(a), FadeIn(b), FadeIn(c))
        self.play(a.animate.set_fill(RED, opacity=0.8).move_to(UP * 2 + LEFT * 2))
        self.play(b.animate.set_stroke(YELLOW, 8).scale(1.5), c.animate.set_color(GREEN))
        self.wait(0.5)
        self.play(a.animate.shift(RIGHT * 3, DOWN * 0.5).scale(0.5), b.animate.set_fill_opacity(0.1))
        self.play(c.animate(run_time=2, rate_func=linear).move_to(b))
        self.wait(0.5)
