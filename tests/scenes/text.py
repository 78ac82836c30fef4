"""Text: sizes, colours, bold, lines; Write and FadeOut."""
from manim import *


class Texts(Scene):
    def construct(self):
        title = Text("podium presents Manim", font_size=40, color=BLUE)
        title.to_edge(UP)
        body = Text("two lines\nof DejaVu Serif", font_size=28)
        bold = Text("weight=BOLD", font_size=32, color=YELLOW, weight=BOLD)
        body.next_to(title, DOWN, buff=0.5)
        bold.next_to(body, DOWN)
        self.play(Write(title))
        self.play(Write(body), Write(bold), run_time=1.5)
        self.wait(0.5)
        self.play(FadeOut(body), FadeOut(bold))
        self.wait()
