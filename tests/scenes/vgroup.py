"""VGroup: *args, add, len, indexing, slicing, iteration, arrange(aligned_edge)."""
from manim import *


class Groups(Scene):
    def construct(self):
        cells = VGroup(*[Square(side_length=0.6, fill_color=BLUE, fill_opacity=0.5) for _ in range(5)])
        cells.add(Square(side_length=0.9, color=RED))
        cells.arrange(RIGHT, buff=0.2, aligned_edge=DOWN)
        assert len(cells) == 6
        labels = VGroup()
        for i, c in enumerate(cells):
            labels.add(Text(str(i), font_size=20).next_to(c, UP, buff=0.1))
        self.play(FadeIn(cells[:3]), FadeIn(labels[0]))
        self.play(FadeIn(cells[3:]), FadeIn(labels[1:]))
        self.wait(0.5)
        self.play(cells[-1].animate.set_fill(YELLOW, opacity=1), cells[0].animate.shift(DOWN))
        self.wait(0.5)
