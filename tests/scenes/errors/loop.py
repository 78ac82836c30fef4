# expect: podium: tests/scenes/errors/loop.py:8: the scene ran past podium's time limit of 1 s and was stopped here (PODIUM_PY_TIMEOUT=SECONDS changes the limit)
from manim import *


class Forever(Scene):
    def construct(self):
        n = 0
        while True: n += 1
