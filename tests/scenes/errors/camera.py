# expect: podium: tests/scenes/errors/camera.py:7: podium does not support self.camera yet
from manim import *


class Zoom(Scene):
    def construct(self):
        self.camera.frame.scale(0.5)
