# expect: podium: tests/scenes/errors/from_import.py:2: podium does not support NumberPlane yet
from manim import NumberPlane


class Plane(Scene):
    def construct(self):
        self.add(NumberPlane())
