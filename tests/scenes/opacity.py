"""set_opacity and set_stroke(opacity=), at once and with .animate."""
from manim import *


class Opacity(Scene):
    def construct(self):
        boxes = VGroup(*[Square(side_length=1.2, color=c, fill_opacity=1, stroke_width=8) for c in (RED, GREEN, BLUE)])
        boxes.arrange(RIGHT, buff=0.8)
        boxes[0].set_opacity(0.3)
        boxes[1].set_stroke(WHITE, opacity=0.4)
        word = Text("fading", font_size=40).next_to(boxes, DOWN)
        self.play(FadeIn(boxes), Write(word))
        self.wait(0.5)
        self.play(boxes[2].animate.set_opacity(0.2), word.animate.set_opacity(0.5), boxes[0].animate.set_stroke(opacity=1))
        self.wait(0.5)
