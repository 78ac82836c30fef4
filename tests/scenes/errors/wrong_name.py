# expect: podium: tests/scenes/errors/wrong_name.py: no Scene subclass named 'Third' (the file has: Only)
# args: Third
from manim import *


class Only(Scene):
    def construct(self):
        self.wait(1)
