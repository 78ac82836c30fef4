"""MathTex and math-only Tex."""
from manim import *


class Formulas(Scene):
    def construct(self):
        eq = MathTex(r"e^{i\pi} + 1 = 0", font_size=60)
        frac = MathTex(r"\frac{a}{b}", r"=", r"\sqrt{x^2 + y^2}", color=GREEN)
        tex = Tex(r"$\sum_{k=1}^{n} k = \frac{n(n+1)}{2}$", font_size=36, color=ORANGE)
        VGroup(eq, frac, tex).arrange(DOWN, buff=0.6)
        self.play(Write(eq))
        self.wait(0.5)
        self.play(Write(frac), Write(tex))
        self.wait(1)
