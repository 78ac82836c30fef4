# expect: podium: tests/scenes/errors/two_scenes.py: 2 Scene subclasses (First, Second): name the one to present, e.g. podium tests/scenes/errors/two_scenes.py First
from manim import *


class First(Scene):
    def construct(self):
        self.wait(1)


class Second(Scene):
    def construct(self):
        self.wait(2)
