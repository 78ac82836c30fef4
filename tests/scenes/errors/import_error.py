# expect: podium: tests/scenes/errors/import_error.py:2: ModuleNotFoundError: No module named 'podium_no_such_module'
import podium_no_such_module
from manim import *


class A(Scene):
    pass
