"""manim-slides: next_slide() stops (notes=, loop=), self.wait() only waits, the end closes the last slide."""
from manim import *
from manim_slides import Slide


class Slides(Slide):
    def construct(self):
        title = Text("A slide deck", font_size=44)
        self.play(Write(title))
        self.wait(0.5)
        self.next_slide(notes="The title, then a box that loops.")
        box = Square(color=YELLOW, fill_opacity=0.3)
        self.play(title.animate.to_edge(UP), Create(box))
        self.next_slide(loop=True)
        self.play(box.animate.shift(RIGHT * 2), rate_func=there_and_back, run_time=1.5)
        self.next_slide()
        self.play(FadeOut(box))
        self.wait(0.25)
