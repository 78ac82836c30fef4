# expect: podium: tests/scenes/errors/slide_in_scene.py:8: podium does not support self.next_slide yet
from manim import *


class NotASlide(Scene):
    def construct(self):
        self.wait(1)
        self.next_slide()
