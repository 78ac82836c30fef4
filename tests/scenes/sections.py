"""Sections, self.add and self.remove; every self.wait() of a Scene is a stop."""
from manim import *


class Sections(Scene):
    def construct(self):
        self.next_section("Opening")
        t = Text("Section one", font_size=40)
        self.add(t)
        self.wait(1)
        self.next_section("Middle")
        self.remove(t)
        u = Text("Section two", font_size=40, color=BLUE)
        self.play(FadeIn(u))
        self.wait(0.5)
        self.wait(0.25)
        self.next_section("End")
        self.play(u.animate.to_edge(DOWN))
        self.wait()
