# expect: podium: tests/scenes/errors/no_scene.py: no Scene subclass (podium presents a class derived from manim's Scene or manim_slides' Slide)
from manim import *

square = Square()
