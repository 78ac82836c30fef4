"""copy(): a copy keeps the original's place and colours and moves on its own."""
from manim import *


class Copies(Scene):
    def construct(self):
        label = Text("original", font_size=36, color=ORANGE).shift(UP * 2)
        card = VGroup(RoundedRectangle(corner_radius=0.2, width=3, height=1.2, color=BLUE, fill_opacity=0.3),
                      Text("card", font_size=30))
        self.play(Write(label), FadeIn(card))
        twin = label.copy()
        self.play(twin.animate.shift(DOWN * 4).set_color(TEAL))
        self.wait(0.5)
        cards = VGroup(*[card.copy().shift(RIGHT * 3.5 * i) for i in (-1, 1)])
        self.play(FadeIn(cards, shift=UP * 0.3), Transform(label, label.copy().scale(0.6).to_edge(UP)))
        self.wait(0.5)
