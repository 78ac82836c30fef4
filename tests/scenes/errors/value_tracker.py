# expect: podium: tests/scenes/errors/value_tracker.py:7: podium does not support ValueTracker yet
from manim import *


class Tracker(Scene):
    def construct(self):
        t = ValueTracker(0)
        self.wait()
