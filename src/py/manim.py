"""podium's `manim`: the part of Manim Community's API that podium presents,
as thin classes over podium's scene layer (the C module _podium, a flat
binding of src/scene/scene.h). Embedded in podium at build time and imported
by a scene file's `from manim import *`; docs/authoring.md lists what is
supported. Whatever is not stops the script with _podium.Unsupported, which
podium reports as one line: `scene.py:42: podium does not support X yet`.
"""
import math as _math

import numpy as np

import _podium as _p

# ---------------------------------------------------------------- constants

ORIGIN = np.array((0.0, 0.0, 0.0))
UP = np.array((0.0, 1.0, 0.0))
DOWN = np.array((0.0, -1.0, 0.0))
RIGHT = np.array((1.0, 0.0, 0.0))
LEFT = np.array((-1.0, 0.0, 0.0))
IN = np.array((0.0, 0.0, -1.0))
OUT = np.array((0.0, 0.0, 1.0))
UL = UP + LEFT
UR = UP + RIGHT
DL = DOWN + LEFT
DR = DOWN + RIGHT
X_AXIS = np.array((1.0, 0.0, 0.0))
Y_AXIS = np.array((0.0, 1.0, 0.0))
Z_AXIS = np.array((0.0, 0.0, 1.0))

PI = np.pi
TAU = 2 * PI
DEGREES = TAU / 360

SMALL_BUFF = 0.1
MED_SMALL_BUFF = 0.25
MED_LARGE_BUFF = 0.5
LARGE_BUFF = 1
DEFAULT_MOBJECT_TO_EDGE_BUFFER = MED_LARGE_BUFF
DEFAULT_MOBJECT_TO_MOBJECT_BUFFER = MED_SMALL_BUFF
DEFAULT_FONT_SIZE = 48
DEFAULT_STROKE_WIDTH = 4
DEFAULT_ARROW_TIP_LENGTH = 0.35
DEFAULT_WAIT_TIME = 1.0

NORMAL = "NORMAL"
BOLD = "BOLD"
ITALIC = "ITALIC"
OBLIQUE = "OBLIQUE"

# ---------------------------------------------------------------- errors


def _unsupported(what):
    raise _p.Unsupported(what)


def _check_kw(call, kw, defaults=None):
    """Keywords podium ignores only at Manim's default value; others are unsupported."""
    for k, v in kw.items():
        if defaults is not None and k in defaults:
            d = defaults[k]
            try:
                same = bool(np.all(v == d)) if isinstance(v, np.ndarray) else v == d
            except Exception:
                same = False
            if same:
                continue
        _unsupported(f"{call}({k}=...)")


# ---------------------------------------------------------------- colours


class ManimColor:
    """A colour as Manim's ManimColor holds it: r, g, b, a in [0, 1], sRGB."""

    __slots__ = ("_rgba",)

    def __init__(self, value, alpha=1.0):
        if isinstance(value, ManimColor):
            self._rgba = value._rgba
        elif isinstance(value, str):
            self._rgba = _parse_hex(value, alpha)
        else:
            try:
                comps = [float(c) for c in value]
            except TypeError:
                raise TypeError(f"a colour is a hex string like '#FF0000' or a ManimColor, not {value!r}") from None
            if len(comps) not in (3, 4) or not all(0 <= c <= 1 for c in comps):
                raise ValueError(f"a colour is 3 or 4 components in [0, 1], not {value!r}")
            self._rgba = tuple(comps) + ((alpha,) if len(comps) == 3 else ())

    def to_hex(self, with_alpha=False):
        r, g, b, a = (int(round(c * 255)) for c in self._rgba)
        return f"#{r:02X}{g:02X}{b:02X}" + (f"{a:02X}" if with_alpha else "")

    def to_rgb(self):
        return np.array(self._rgba[:3])

    def to_rgba(self):
        return np.array(self._rgba)

    def interpolate(self, other, alpha):
        return interpolate_color(self, other, alpha)

    def __str__(self):
        return self.to_hex()

    def __repr__(self):
        return f"ManimColor('{self.to_hex()}')"

    def __eq__(self, other):
        try:
            return self._rgba == _rgba(other)
        except (TypeError, ValueError):
            return NotImplemented

    def __hash__(self):
        return hash(self._rgba)


def _parse_hex(s, alpha):
    h = s[1:] if s.startswith("#") else s
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    try:
        if len(h) == 6:
            return _p.hex_color(int(h, 16), alpha)
        if len(h) == 8:
            return _p.hex_color(int(h[:6], 16), int(h[6:], 16) / 255)
    except ValueError:
        pass
    raise ValueError(f"colour {s!r} is not a hex colour like '#FF0000'")


def _rgba(c):
    """A colour argument as the binding's (r, g, b, a) tuple; None stays None."""
    if c is None:
        return None
    if isinstance(c, ManimColor):
        return c._rgba
    return ManimColor(c)._rgba


def interpolate_color(color1, color2, alpha):
    """color1*(1-alpha) + color2*alpha, in float, exactly as podium's C talks do."""
    return ManimColor(_p.color_lerp(_rgba(color1), _rgba(color2), float(alpha)))


# manim/utils/color/manim_colors.py
_PALETTE = {
    "WHITE": 0xFFFFFF, "GRAY_A": 0xDDDDDD, "GRAY_B": 0xBBBBBB, "GRAY_C": 0x888888, "GRAY_D": 0x444444,
    "GRAY_E": 0x222222, "BLACK": 0x000000, "BLUE_A": 0xC7E9F1, "BLUE_B": 0x9CDCEB, "BLUE_C": 0x58C4DD,
    "BLUE_D": 0x29ABCA, "BLUE_E": 0x236B8E, "PURE_BLUE": 0x0000FF, "TEAL_A": 0xACEAD7, "TEAL_B": 0x76DDC0,
    "TEAL_C": 0x5CD0B3, "TEAL_D": 0x55C1A7, "TEAL_E": 0x49A88F, "GREEN_A": 0xC9E2AE, "GREEN_B": 0xA6CF8C,
    "GREEN_C": 0x83C167, "GREEN_D": 0x77B05D, "GREEN_E": 0x699C52, "PURE_GREEN": 0x00FF00,
    "YELLOW_A": 0xFFF1B6, "YELLOW_B": 0xFFEA94, "YELLOW_C": 0xFFFF00, "YELLOW_D": 0xF4D345,
    "YELLOW_E": 0xE8C11C, "GOLD_A": 0xF7C797, "GOLD_B": 0xF9B775, "GOLD_C": 0xF0AC5F, "GOLD_D": 0xE1A158,
    "GOLD_E": 0xC78D46, "RED_A": 0xF7A1A3, "RED_B": 0xFF8080, "RED_C": 0xFC6255, "RED_D": 0xE65A4C,
    "RED_E": 0xCF5044, "PURE_RED": 0xFF0000, "MAROON_A": 0xECABC1, "MAROON_B": 0xEC92AB,
    "MAROON_C": 0xC55F73, "MAROON_D": 0xA24D61, "MAROON_E": 0x94424F, "PURPLE_A": 0xCAA3E8,
    "PURPLE_B": 0xB189C6, "PURPLE_C": 0x9A72AC, "PURPLE_D": 0x715582, "PURPLE_E": 0x644172,
    "PINK": 0xD147BD, "LIGHT_PINK": 0xDC75CD, "ORANGE": 0xFF862F, "LIGHT_BROWN": 0xCD853F,
    "DARK_BROWN": 0x8B4513, "GRAY_BROWN": 0x736357, "LOGO_WHITE": 0xECE7E2, "LOGO_GREEN": 0x87C2A5,
    "LOGO_BLUE": 0x525893, "LOGO_RED": 0xE07A5F, "LOGO_BLACK": 0x343434,
}
for _name, _hex in _PALETTE.items():
    globals()[_name] = ManimColor(_p.hex_color(_hex))
for _alias, _of in (("BLUE", "BLUE_C"), ("TEAL", "TEAL_C"), ("GREEN", "GREEN_C"), ("YELLOW", "YELLOW_C"),
                    ("GOLD", "GOLD_C"), ("RED", "RED_C"), ("MAROON", "MAROON_C"), ("PURPLE", "PURPLE_C"),
                    ("GRAY", "GRAY_C"), ("LIGHTER_GRAY", "GRAY_A"), ("LIGHT_GRAY", "GRAY_B"),
                    ("DARK_GRAY", "GRAY_D"), ("DARKER_GRAY", "GRAY_E"), ("DARK_BLUE", "BLUE_E"),
                    ("GRAY_BROWN", "GRAY_BROWN")):
    globals()[_alias] = globals()[_of]
for _name in list(globals()):
    if "GRAY" in _name and isinstance(globals()[_name], ManimColor):
        globals()[_name.replace("GRAY", "GREY")] = globals()[_name]
del _name, _hex, _alias, _of

# ---------------------------------------------------------------- rate functions


def _smooth(t, inflection=10.0):
    t = min(max(t, 0.0), 1.0)
    err = 1 / (1 + _math.exp(inflection / 2))
    return min(max((1 / (1 + _math.exp(-inflection * (t - 0.5))) - err) / (1 - 2 * err), 0.0), 1.0)


class _Rate:
    """A rate function podium's GPU timeline evaluates itself (by id)."""

    def __init__(self, name, rid, fn):
        self.__name__ = name
        self._id = rid
        self._fn = fn

    def __call__(self, t, *args, **kw):
        if args or kw:
            _unsupported(f"{self.__name__} with arguments")
        return self._fn(t)

    def __repr__(self):
        return f"<rate function {self.__name__}>"


linear = _Rate("linear", _p.RATE_LINEAR, lambda t: t)
smooth = _Rate("smooth", _p.RATE_SMOOTH, _smooth)
double_smooth = _Rate("double_smooth", _p.RATE_DOUBLE_SMOOTH,
                      lambda t: 0.5 * _smooth(2 * t) if t < 0.5 else 0.5 * (1 + _smooth(2 * t - 1)))
there_and_back = _Rate("there_and_back", _p.RATE_THERE_AND_BACK,
                       lambda t: _smooth(2 * t if t < 0.5 else 2 * (1 - t)))


class _RateFunctions:
    """manim.rate_functions: the four podium evaluates."""

    linear = linear
    smooth = smooth
    double_smooth = double_smooth
    there_and_back = there_and_back

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        _unsupported(f"rate_functions.{name}")


rate_functions = _RateFunctions()


def _rate_id(rf):
    if rf is None:
        return _p.RATE_DEFAULT
    if isinstance(rf, _Rate):
        return rf._id
    _unsupported(f"rate_func={getattr(rf, '__name__', type(rf).__name__)}")


# ---------------------------------------------------------------- points


def _xy(p, what="a point"):
    """A point or vector (numpy array, list or tuple of 2 or 3 numbers) as (x, y)."""
    if isinstance(p, Mobject):
        raise TypeError(f"{what} must be coordinates here, not a {type(p).__name__}")
    try:
        n = len(p)
        x, y = float(p[0]), float(p[1])
        z = float(p[2]) if n > 2 else 0.0
    except (TypeError, IndexError, ValueError):
        raise TypeError(f"{what} must be [x, y, z] coordinates, not {p!r}") from None
    if n not in (2, 3):
        raise TypeError(f"{what} must be [x, y, z] coordinates, not {n} numbers")
    if z != 0:
        _unsupported(f"3D points ({what} with z = {z:g})")
    return x, y


def _pt(x, y):
    return np.array((x, y, 0.0))


def _is_zero(v):
    x, y = _xy(v)
    return x == 0 and y == 0


# ---------------------------------------------------------------- mobjects

_registry = {}  # handle id -> the Python object made for it (this run)


def _reset():
    """A fresh run: forget the previous scene's mobjects."""
    _registry.clear()


def _wrap(mid):
    m = _registry.get(mid)
    if m is None:
        m = VMobject._of(mid)
    return m


_OPS = (_p.OP_SHIFT, _p.OP_MOVE_TO, _p.OP_MOVE_TO_MOB, _p.OP_NEXT_TO, _p.OP_NEXT_TO_POINT, _p.OP_TO_EDGE,
        _p.OP_ARRANGE, _p.OP_ALIGN_TO, _p.OP_SCALE, _p.OP_ROTATE)

_NO_CHANGE = (False, None, -1.0, False, False, None, -1.0, False, None, False, 0.0, 0.0, 0.0, False, -1.0)


def _opacity(o, what):
    o = float(o)
    if not 0 <= o <= 1:
        raise ValueError(f"{what} must be in [0, 1], not {o:g}")
    return o


def _change(fill=None, fill_opacity=None, stroke=None, stroke_width=None, color=None, move=None, scale=0.0,
            stroke_opacity=None):
    """The binding's change tuple (scene.h's pd_change)."""
    if fill_opacity is not None:
        fill_opacity = _opacity(fill_opacity, "fill opacity")
    if stroke_opacity is not None:
        stroke_opacity = _opacity(stroke_opacity, "stroke opacity")
    return (fill is not None, _rgba(fill), -1.0 if fill_opacity is None else fill_opacity,
            fill is None and fill_opacity is not None, stroke is not None, _rgba(stroke),
            -1.0 if stroke_width is None else float(stroke_width), color is not None, _rgba(color),
            move is not None, move[0] if move else 0.0, move[1] if move else 0.0, float(scale),
            stroke_opacity is not None, -1.0 if stroke_opacity is None else stroke_opacity)


class Mobject:
    """What every podium mobject can do: layout, style, .animate."""

    _id = None

    def __init__(self, *args, **kw):
        _unsupported(f"{type(self).__name__}()")

    def _bind(self, mid):
        self._id = mid
        _registry[mid] = self
        return self

    @property
    def _mid(self):
        if self._id is None:
            raise _p.SceneError(f"this {type(self).__name__} has no points yet (call set_points_as_corners first)")
        return self._id

    def _layout(self, op, target=0, x=0.0, y=0.0, dx=0.0, dy=0.0, buff=0.0, ax=0.0, ay=0.0):
        _p.layout(op, self._mid, target, x, y, dx, dy, buff, ax, ay)
        return self

    # -- where it is
    def get_critical_point(self, direction):
        x, y = _p.critical(self._mid, *_xy(direction, "the direction"))
        return _pt(x, y)

    def get_center(self):
        return self.get_critical_point(ORIGIN)

    def get_top(self):
        return self.get_critical_point(UP)

    def get_bottom(self):
        return self.get_critical_point(DOWN)

    def get_left(self):
        return self.get_critical_point(LEFT)

    def get_right(self):
        return self.get_critical_point(RIGHT)

    def get_corner(self, direction):
        return self.get_critical_point(direction)

    def get_edge_center(self, direction):
        return self.get_critical_point(direction)

    def get_x(self):
        return float(self.get_center()[0])

    def get_y(self):
        return float(self.get_center()[1])

    def get_z(self):
        return 0.0

    @property
    def width(self):
        return _p.size(self._mid)[0]

    @width.setter
    def width(self, value):
        self.scale_to_fit_width(value)

    @property
    def height(self):
        return _p.size(self._mid)[1]

    @height.setter
    def height(self, value):
        self.scale_to_fit_height(value)

    def get_width(self):
        return self.width

    def get_height(self):
        return self.height

    # -- layout
    def shift(self, *vectors):
        x = y = 0.0
        for v in vectors:
            vx, vy = _xy(v, "shift's vector")
            x, y = x + vx, y + vy
        return self._layout(_p.OP_SHIFT, x=x, y=y)

    def move_to(self, point_or_mobject, aligned_edge=ORIGIN, **kw):
        _check_kw("move_to", kw, {"coor_mask": np.array((1, 1, 1))})
        if not _is_zero(aligned_edge):
            _unsupported("move_to(aligned_edge=...)")
        if isinstance(point_or_mobject, Mobject):
            return self._layout(_p.OP_MOVE_TO_MOB, target=point_or_mobject._mid)
        x, y = _xy(point_or_mobject, "move_to's point")
        return self._layout(_p.OP_MOVE_TO, x=x, y=y)

    def next_to(self, mobject_or_point, direction=RIGHT, buff=DEFAULT_MOBJECT_TO_MOBJECT_BUFFER,
                aligned_edge=ORIGIN, **kw):
        _check_kw("next_to", kw, {"submobject_to_align": None, "index_of_submobject_to_align": None,
                                  "coor_mask": np.array((1, 1, 1))})
        dx, dy = _xy(direction, "next_to's direction")
        ax, ay = _xy(aligned_edge, "aligned_edge")
        if isinstance(mobject_or_point, Mobject):
            return self._layout(_p.OP_NEXT_TO, target=mobject_or_point._mid, dx=dx, dy=dy, buff=float(buff),
                                ax=ax, ay=ay)
        x, y = _xy(mobject_or_point, "next_to's point")
        if ax == 0 and ay == 0:
            return self._layout(_p.OP_NEXT_TO_POINT, x=x, y=y, dx=dx, dy=dy, buff=float(buff))
        ox, oy = _xy(self.get_critical_point(_pt(ax - dx, ay - dy)))
        return self.shift(_pt(x - ox + dx * buff, y - oy + dy * buff))

    def to_edge(self, edge=LEFT, buff=DEFAULT_MOBJECT_TO_EDGE_BUFFER):
        dx, dy = _xy(edge, "the edge")
        return self._layout(_p.OP_TO_EDGE, dx=dx, dy=dy, buff=float(buff))

    def to_corner(self, corner=DL, buff=DEFAULT_MOBJECT_TO_EDGE_BUFFER):
        return self.to_edge(corner, buff)

    def align_to(self, mobject_or_point, direction=ORIGIN, **kw):
        _check_kw("align_to", kw)
        dx, dy = _xy(direction, "align_to's direction")
        if isinstance(mobject_or_point, Mobject):
            return self._layout(_p.OP_ALIGN_TO, target=mobject_or_point._mid, dx=dx, dy=dy)
        px, py = _xy(mobject_or_point, "align_to's point")
        ox, oy = _xy(self.get_critical_point(direction))
        return self.shift(_pt(px - ox if dx else 0.0, py - oy if dy else 0.0))

    def scale(self, scale_factor, about_point=None, about_edge=None, **kw):
        _check_kw("scale", kw)
        k = float(scale_factor)
        if not k > 0:
            _unsupported(f"scale({k:g}) (a factor <= 0: podium scales by factors > 0)")
        if about_edge is not None and about_point is None:
            about_point = self.get_critical_point(about_edge)
        if about_point is not None:
            px, py = _xy(about_point, "about_point")
            cx, cy = _xy(self.get_center())
            self._layout(_p.OP_SCALE, buff=k)
            return self.shift(_pt((1 - k) * (px - cx), (1 - k) * (py - cy)))
        return self._layout(_p.OP_SCALE, buff=k)

    def scale_to_fit_width(self, width):
        return self.scale(float(width) / self.width)

    def scale_to_fit_height(self, height):
        return self.scale(float(height) / self.height)

    def rotate(self, angle, axis=OUT, about_point=None, **kw):
        _check_kw("rotate", kw)
        if not (np.allclose(axis, OUT)):
            _unsupported("rotate(axis=...) (3D rotation)")
        if about_point is not None:
            _unsupported("rotate(about_point=...)")
        return self._layout(_p.OP_ROTATE, buff=float(angle))

    def arrange(self, direction=RIGHT, buff=DEFAULT_MOBJECT_TO_MOBJECT_BUFFER, center=True, aligned_edge=ORIGIN,
                **kw):
        _check_kw("arrange", kw)
        if not center:
            _unsupported("arrange(center=False)")
        dx, dy = _xy(direction, "arrange's direction")
        ax, ay = _xy(aligned_edge, "aligned_edge")
        return self._layout(_p.OP_ARRANGE, dx=dx, dy=dy, buff=float(buff), ax=ax, ay=ay)

    # -- style (now, without animation)
    def set_color(self, color=None, family=True):
        if not family:
            _unsupported("set_color(family=False)")
        if color is not None:
            _p.apply(self._mid, _change(color=color))
        return self

    def set_fill(self, color=None, opacity=None, family=True):
        if not family:
            _unsupported("set_fill(family=False)")
        if color is not None or opacity is not None:
            _p.apply(self._mid, _change(fill=color, fill_opacity=opacity))
        return self

    def set_fill_opacity(self, opacity, family=True):
        return self.set_fill(None, opacity, family)

    def set_stroke(self, color=None, width=None, opacity=None, background=False, family=True):
        if background or not family:
            _unsupported("set_stroke(background=..., family=...)")
        if color is None and width is not None:
            _unsupported("set_stroke(width=...) without a color")
        if color is not None or opacity is not None:
            _p.apply(self._mid, _change(stroke=color, stroke_width=width, stroke_opacity=opacity))
        return self

    def set_opacity(self, opacity, family=True):
        if not family:
            _unsupported("set_opacity(family=False)")
        _p.apply(self._mid, _change(fill_opacity=opacity, stroke_opacity=opacity))
        return self

    def copy(self):
        c = type(self).__new__(type(self))
        c._style = getattr(self, "_style", (None, None))
        if self._id is not None:
            c._bind(_p.copy(self._id))
        return c

    @property
    def animate(self):
        return _AnimationBuilder(self)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        _unsupported(f"{type(self).__name__}.{name}")


def _style_kw(call, kw, extra=None):
    """Manim's VMobject style keywords, split from the rest (checked)."""
    style = {k: kw.pop(k) for k in ("color", "fill_color", "fill_opacity", "stroke_color", "stroke_width")
             if k in kw}
    _check_kw(call, kw, dict({"stroke_opacity": 1.0, "z_index": 0, "name": None}, **(extra or {})))
    return style


class VMobject(Mobject):
    """VMobject(color=..., stroke_width=...).set_points_as_corners(points): an open polyline."""

    def __init__(self, color=None, stroke_width=None, **kw):
        _check_kw("VMobject", kw, {"fill_opacity": 0.0, "stroke_opacity": 1.0})
        self._style = (color, stroke_width)

    @classmethod
    def _of(cls, mid):
        m = cls.__new__(cls)
        m._style = (None, None)
        return m._bind(mid)

    def get_start(self):
        return _pt(*_p.line_end(self._mid, False))

    def get_end(self):
        return _pt(*_p.line_end(self._mid, True))

    def set_points_as_corners(self, points):
        if self._id is not None:
            _unsupported("set_points_as_corners on a VMobject that already has points")
        pts = [_xy(p, "a corner") for p in points]
        color, width = self._style
        if width is not None and float(width) <= 0:
            _unsupported(f"VMobject(stroke_width={width})")
        self._bind(_p.polyline(pts, _rgba(color), 0.0 if width is None else float(width)))
        return self


class VGroup(VMobject):
    """VGroup(*mobjects): indexing, slicing, len, iteration, add."""

    def __init__(self, *vmobjects, **kw):
        _check_kw("VGroup", kw)
        members = []
        for m in vmobjects:
            if isinstance(m, Mobject):
                members.append(m)
            elif isinstance(m, (list, tuple)) or hasattr(m, "__next__"):
                members.extend(m)
            else:
                raise TypeError(f"VGroup holds mobjects, not {type(m).__name__}")
        for m in members:
            if not isinstance(m, Mobject):
                raise TypeError(f"VGroup holds mobjects, not {type(m).__name__}")
        self._style = (None, None)
        self._bind(_p.vgroup([m._mid for m in members]))

    def add(self, *mobjects):
        for m in mobjects:
            if not isinstance(m, Mobject):
                raise TypeError(f"VGroup.add takes mobjects, not {type(m).__name__}")
            _p.vgroup_add(self._mid, m._mid)
        return self

    @property
    def submobjects(self):
        return [_wrap(i) for i in _p.children(self._mid)]

    def __len__(self):
        return len(_p.children(self._mid))

    def __iter__(self):
        return iter(self.submobjects)

    def __getitem__(self, key):
        ids = _p.children(self._mid)
        if isinstance(key, slice):
            if key.step not in (None, 1):
                _unsupported("VGroup slices with a step")
            start, stop, _ = key.indices(len(ids))
            g = VGroup.__new__(VGroup)
            g._style = (None, None)
            return g._bind(_p.slice(self._mid, start, max(start, stop)))
        return _wrap(ids[key])


Group = VGroup


class Text(VMobject):
    """Text(text, font_size=48, color=WHITE, weight=NORMAL|BOLD): DejaVu Serif, laid out as Pango does."""

    def __init__(self, text, font_size=DEFAULT_FONT_SIZE, color=None, weight=NORMAL, **kw):
        _check_kw("Text", kw, {"font": "", "slant": NORMAL, "line_spacing": -1, "t2c": None, "t2w": None,
                               "t2s": None, "t2f": None, "t2g": None, "gradient": None, "disable_ligatures": False,
                               "stroke_width": 0, "fill_opacity": 1.0, "stroke_opacity": 1.0, "tab_width": 4})
        if weight not in (NORMAL, BOLD):
            _unsupported(f"Text(weight={weight!r})")
        self._style = (None, None)
        self._bind(_p.text(str(text), float(font_size), _rgba(color), weight == BOLD))


class MathTex(VMobject):
    """MathTex(*tex_strings, font_size=48, color=WHITE): podium's own TeX math engine."""

    def __init__(self, *tex_strings, font_size=DEFAULT_FONT_SIZE, color=None, **kw):
        _check_kw(type(self).__name__, kw, {"arg_separator": " ", "substrings_to_isolate": None,
                                           "tex_to_color_map": None, "tex_environment": "align*",
                                           "stroke_width": 0, "fill_opacity": 1.0})
        if not tex_strings:
            raise TypeError(f"{type(self).__name__} needs a TeX string")
        self._style = (None, None)
        self._bind(_p.mathtex(" ".join(str(t) for t in tex_strings), float(font_size), _rgba(color)))


class Tex(MathTex):
    """Tex(r"$...$"): podium typesets math only; text outside $...$ is not supported."""

    def __init__(self, *tex_strings, **kw):
        src = " ".join(str(t) for t in tex_strings).strip()
        inner = None
        for a, b in (("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")):
            if len(src) > len(a) + len(b) and src.startswith(a) and src.endswith(b):
                inner = src[len(a):-len(b)]
                break
        if inner is None or "$" in inner:
            _unsupported("Tex with text outside $...$ (podium typesets math; use MathTex, or Text for text)")
        kw.pop("tex_environment", None)
        super().__init__(inner, **kw)


def _shape(call, kind, w, h, r, kw, defaults=None):
    style = _style_kw(call, kw, dict({"grid_xstep": None, "grid_ystep": None, "mark_paths_closed": True,
                                      "close_new_points": True}, **(defaults or {})))
    sw = style.get("stroke_width")
    return _p.rect(kind, float(w), float(h), float(r), _rgba(style.get("color")), _rgba(style.get("fill_color")),
                   _rgba(style.get("stroke_color")), float(style.get("fill_opacity", 0.0)),
                   0.0 if sw is None else float(sw), sw is not None)


class Rectangle(VMobject):
    def __init__(self, color=None, height=2.0, width=4.0, **kw):
        if color is not None:
            kw["color"] = color
        self._style = (None, None)
        self._bind(_shape("Rectangle", 0, width, height, 0, kw))


class Square(Rectangle):
    def __init__(self, side_length=2.0, **kw):
        self._style = (None, None)
        self._bind(_shape("Square", 1, side_length, side_length, 0, kw))


class RoundedRectangle(Rectangle):
    def __init__(self, corner_radius=0.5, **kw):
        w, h = kw.pop("width", 4.0), kw.pop("height", 2.0)
        self._style = (None, None)
        self._bind(_shape("RoundedRectangle", 2, w, h, corner_radius, kw))


class Circle(VMobject):
    """Circle(radius=1, color=RED): 8 arcs from the rightmost point, as Manim's."""

    def __init__(self, radius=None, color=None, **kw):
        if color is not None:
            kw["color"] = color
        r = 1.0 if radius is None else float(radius)
        if not r > 0:
            _unsupported(f"Circle(radius={radius})")
        self._style = (None, None)
        self._bind(_shape(type(self).__name__, 3, 2 * r, 2 * r, r, kw, {"num_components": 9, "arc_center": ORIGIN}))


class Dot(Circle):
    """Dot(point=ORIGIN, radius=0.08, color=WHITE): a filled circle without a stroke."""

    def __init__(self, point=ORIGIN, radius=0.08, stroke_width=0, fill_opacity=1.0, color=WHITE, **kw):
        super().__init__(radius=radius, color=color, stroke_width=stroke_width, fill_opacity=fill_opacity, **kw)
        if not _is_zero(point):
            self.move_to(point)


class Line(VMobject):
    """Line(start=LEFT, end=RIGHT, buff=0, color=WHITE, stroke_width=4)."""

    def __init__(self, start=LEFT, end=RIGHT, buff=0, path_arc=None, **kw):
        if path_arc:
            _unsupported("Line(path_arc=...)")
        if isinstance(start, Mobject) or isinstance(end, Mobject):
            _unsupported("Line between mobjects (give points, e.g. a.get_right())")
        style = _style_kw("Line", kw)
        (x0, y0), (x1, y1) = _xy(start, "the start"), _xy(end, "the end")
        if buff:
            d = _math.hypot(x1 - x0, y1 - y0)
            if d > 0:
                ux, uy = (x1 - x0) / d * buff, (y1 - y0) / d * buff
                x0, y0, x1, y1 = x0 + ux, y0 + uy, x1 - ux, y1 - uy
        sw = style.get("stroke_width")
        if sw is not None and float(sw) <= 0:
            _unsupported(f"Line(stroke_width={sw})")
        self._style = (None, None)
        self._bind(_p.line(x0, y0, x1, y1, _rgba(style.get("color", style.get("stroke_color"))),
                           0.0 if sw is None else float(sw)))


    def get_length(self):
        (x0, y0), (x1, y1) = _xy(self.get_start()), _xy(self.get_end())
        return _math.hypot(x1 - x0, y1 - y0)


class Arrow(Line):
    """Arrow(start, end, buff=0.25, stroke_width=6, tip_length=0.35, color=WHITE)."""

    def __init__(self, start=LEFT, end=RIGHT, buff=MED_SMALL_BUFF, stroke_width=6, tip_length=None, **kw):
        style = _style_kw("Arrow", kw, {"max_tip_length_to_length_ratio": 0.25,
                                        "max_stroke_width_to_length_ratio": 5, "tip_shape": None})
        (x0, y0), (x1, y1) = _xy(start, "the start"), _xy(end, "the end")
        if float(stroke_width) <= 0:
            _unsupported(f"Arrow(stroke_width={stroke_width})")
        tl = DEFAULT_ARROW_TIP_LENGTH if tip_length is None else float(tip_length)
        if tl <= 0:
            _unsupported(f"Arrow(tip_length={tip_length})")
        b = float(buff)
        self._style = (None, None)
        self._bind(_p.arrow(x0, y0, x1, y1, _rgba(style.get("color", style.get("stroke_color"))),
                            float(stroke_width), tl, b if b > 0 else -1.0))


class SurroundingRectangle(VMobject):
    """SurroundingRectangle(mobject, color=YELLOW, buff=SMALL_BUFF, corner_radius=0, stroke_width=4)."""

    def __init__(self, mobject, color=None, buff=SMALL_BUFF, corner_radius=0.0, **kw):
        if not isinstance(mobject, Mobject):
            raise TypeError(f"SurroundingRectangle surrounds a mobject, not {type(mobject).__name__}")
        style = _style_kw("SurroundingRectangle", kw)
        if "fill_opacity" in style or "fill_color" in style:
            _unsupported("SurroundingRectangle with a fill")
        sw = style.get("stroke_width")
        if sw is not None and float(sw) <= 0:
            _unsupported(f"SurroundingRectangle(stroke_width={sw})")
        b = float(buff)
        self._style = (None, None)
        self._bind(_p.surround(mobject._mid, _rgba(color if color is not None else style.get("stroke_color")),
                               b if b > 0 else -1.0, 0.0 if sw is None else float(sw), float(corner_radius)))


# ---------------------------------------------------------------- animations


class Animation:
    """An animation of one mobject; run_time, rate_func and lag_ratio as in Manim."""

    _kind = None

    def __init__(self, mobject, run_time=None, rate_func=None, lag_ratio=None, **kw):
        if type(self) is Animation:
            _unsupported("Animation()")
        _check_kw(type(self).__name__, kw, {"introducer": None, "remover": None, "suspend_mobject_updating": True,
                                            "name": None})
        if not isinstance(mobject, Mobject):
            raise TypeError(f"{type(self).__name__} animates a mobject, not {type(mobject).__name__}")
        self.mobject = mobject
        self.run_time = run_time
        self.rate_func = rate_func
        self.lag_ratio = lag_ratio
        self._target = None
        self._shift = (0.0, 0.0)
        self._scale = 0.0

    def _tuple(self, lag_ratio=None):
        lag = self.lag_ratio if self.lag_ratio is not None else lag_ratio
        rt = 0.0 if self.run_time is None else float(self.run_time)
        if self.run_time is not None and not rt > 0:
            raise ValueError(f"{type(self).__name__}: run_time must be > 0, not {self.run_time}")
        return (self._kind, self.mobject._mid, self._target._mid if self._target is not None else 0,
                self._shift[0], self._shift[1], self._scale, rt, -1.0 if lag is None else float(lag),
                _rate_id(self.rate_func), _NO_CHANGE, 0.0)


class Write(Animation):
    _kind = _p.WRITE

    def __init__(self, vmobject, **kw):
        super().__init__(vmobject, **kw)


class Create(Animation):
    _kind = _p.CREATE

    def __init__(self, mobject, **kw):
        super().__init__(mobject, **kw)


class _Fade(Animation):
    def __init__(self, *mobjects, shift=None, scale=1, target_position=None, **kw):
        if target_position is not None:
            _unsupported(f"{type(self).__name__}(target_position=...)")
        if len(mobjects) != 1:
            _unsupported(f"{type(self).__name__} of {len(mobjects)} mobjects (group them in a VGroup)")
        super().__init__(mobjects[0], **kw)
        if shift is not None:
            self._shift = _xy(shift, "shift")
        k = float(scale)
        if not k > 0:
            _unsupported(f"{type(self).__name__}(scale={scale})")
        self._scale = k


class FadeIn(_Fade):
    _kind = _p.FADE_IN


class FadeOut(_Fade):
    _kind = _p.FADE_OUT


class Transform(Animation):
    _kind = _p.TRANSFORM

    def __init__(self, mobject, target_mobject=None, path_arc=0, **kw):
        if path_arc:
            _unsupported("Transform(path_arc=...)")
        kw.pop("replace_mobject_with_target_in_scene", None)
        super().__init__(mobject, **kw)
        if not isinstance(target_mobject, Mobject):
            raise TypeError(f"{type(self).__name__} needs a target mobject, not {type(target_mobject).__name__}")
        self._target = target_mobject


class ReplacementTransform(Transform):
    pass


def _timed(t):
    """An animation tuple with its run time resolved (Write's depends on its members)."""
    return t if t[6] > 0 else t[:6] + (_p.run_time_of(t[0], t[1], 0.0),) + t[7:]


class AnimationGroup:
    """AnimationGroup(*animations, lag_ratio=0, run_time=None): Manim's timing
    (each starts when the one before is lag_ratio done); LaggedStart and
    Succession are its lag_ratio 0.05 and 1."""

    _default_lag = 0.0

    def __init__(self, *animations, lag_ratio=None, run_time=None, rate_func=None, **kw):
        _check_kw(type(self).__name__, kw, {"group": None})
        if rate_func not in (None, linear):
            _unsupported(f"{type(self).__name__}(rate_func=...)")
        anims = []
        for a in animations:
            if isinstance(a, (list, tuple)):
                anims.extend(a)
            else:
                anims.append(a)
        for a in anims:
            if not isinstance(a, (Animation, _AnimationBuilder, AnimationGroup)):
                raise TypeError(f"{type(self).__name__} takes animations, not {type(a).__name__}")
        if not anims:
            raise ValueError(f"{type(self).__name__} needs at least one animation")
        self.animations = anims
        self.lag_ratio = self._default_lag if lag_ratio is None else float(lag_ratio)
        self.run_time = run_time
        if run_time is not None and not float(run_time) > 0:
            raise ValueError(f"{type(self).__name__}: run_time must be > 0, not {run_time}")

    def _tuples(self, lag_ratio=None):
        """The members' tuples, each with its delay (Manim's build_animations_with_timings)."""
        out, t = [], 0.0
        for a in self.animations:
            subs = a._tuples() if isinstance(a, AnimationGroup) else [_timed(a._tuple(lag_ratio))]
            length = max(x[10] + x[6] for x in subs)
            out.extend(x[:10] + (t + x[10],) for x in subs)
            t = t + self.lag_ratio * length
        if self.run_time is not None:
            k = float(self.run_time) / max(x[10] + x[6] for x in out)
            out = [x[:6] + (x[6] * k,) + x[7:10] + (x[10] * k,) for x in out]
        return out


def _members(a):
    return [x for m in a.animations for x in _members(m)] if isinstance(a, AnimationGroup) else [a]


class LaggedStart(AnimationGroup):
    _default_lag = 0.05


class Succession(AnimationGroup):
    _default_lag = 1.0


class _AnimationBuilder:
    """m.animate.set_fill(RED, 0.5).move_to(x): the changes podium's .animate plays."""

    def __init__(self, mobject):
        self._mob = mobject
        self._fill = self._fill_opacity = self._stroke = self._stroke_width = self._color = None
        self._stroke_opacity = None
        self._center = None
        self._scale = 0.0
        self._kw = {}

    def __call__(self, run_time=None, rate_func=None, lag_ratio=None, **kw):
        _check_kw("animate", kw)
        self._kw = {"run_time": run_time, "rate_func": rate_func, "lag_ratio": lag_ratio}
        return self

    def set_fill(self, color=None, opacity=None, family=True):
        if not family:
            _unsupported(".animate.set_fill(family=False)")
        if color is not None:
            self._fill = color
        if opacity is not None:
            self._fill_opacity = opacity
        return self

    def set_fill_opacity(self, opacity, family=True):
        return self.set_fill(None, opacity, family)

    def set_stroke(self, color=None, width=None, opacity=None, background=False, family=True):
        if background or not family:
            _unsupported(".animate.set_stroke(background=..., family=...)")
        if color is None and width is not None:
            _unsupported(".animate.set_stroke(width=...) without a color")
        if color is not None:
            self._stroke, self._stroke_width = color, width
        if opacity is not None:
            self._stroke_opacity = opacity
        return self

    def set_opacity(self, opacity, family=True):
        if not family:
            _unsupported(".animate.set_opacity(family=False)")
        self._fill_opacity = self._stroke_opacity = opacity
        return self

    def set_color(self, color, family=True):
        if not family:
            _unsupported(".animate.set_color(family=False)")
        self._color = color
        return self

    def _here(self):
        if self._center is None:
            self._center = _xy(self._mob.get_center())
        return self._center

    def move_to(self, point_or_mobject, aligned_edge=ORIGIN):
        if not _is_zero(aligned_edge):
            _unsupported(".animate.move_to(aligned_edge=...)")
        p = point_or_mobject.get_center() if isinstance(point_or_mobject, Mobject) else point_or_mobject
        self._center = _xy(p, "move_to's point")
        return self

    def shift(self, *vectors):
        x, y = self._here()
        for v in vectors:
            vx, vy = _xy(v, "shift's vector")
            x, y = x + vx, y + vy
        self._center = (x, y)
        return self

    def _crit(self, direction):
        """A critical point of the target: scaled about the start's centre, then moved."""
        c0 = _xy(self._mob.get_center())
        x, y = self._here()
        k = self._scale or 1.0
        px, py = _xy(self._mob.get_critical_point(direction))
        return x + k * (px - c0[0]), y + k * (py - c0[1])

    def _move_by(self, vx, vy):
        x, y = self._here()
        self._center = (x + vx, y + vy)
        return self

    def next_to(self, mobject_or_point, direction=RIGHT, buff=DEFAULT_MOBJECT_TO_MOBJECT_BUFFER,
                aligned_edge=ORIGIN):
        dx, dy = _xy(direction, "next_to's direction")
        ax, ay = _xy(aligned_edge, "aligned_edge")
        if isinstance(mobject_or_point, Mobject):
            tx, ty = _xy(mobject_or_point.get_critical_point(_pt(ax + dx, ay + dy)))
        else:
            tx, ty = _xy(mobject_or_point, "next_to's point")
        ox, oy = self._crit(_pt(ax - dx, ay - dy))
        return self._move_by(tx - ox + dx * buff, ty - oy + dy * buff)

    def to_edge(self, edge=LEFT, buff=DEFAULT_MOBJECT_TO_EDGE_BUFFER):
        ex, ey = _xy(edge, "the edge")
        sx, sy = float(np.sign(ex)), float(np.sign(ey))
        ox, oy = self._crit(_pt(ex, ey))
        return self._move_by((sx * config.frame_x_radius - ox - buff * ex) * abs(sx),
                             (sy * config.frame_y_radius - oy - buff * ey) * abs(sy))

    def to_corner(self, corner=DL, buff=DEFAULT_MOBJECT_TO_EDGE_BUFFER):
        return self.to_edge(corner, buff)

    def align_to(self, mobject_or_point, direction=ORIGIN):
        dx, dy = _xy(direction, "align_to's direction")
        if isinstance(mobject_or_point, Mobject):
            wx, wy = _xy(mobject_or_point.get_critical_point(direction))
        else:
            wx, wy = _xy(mobject_or_point, "align_to's point")
        ox, oy = self._crit(direction)
        return self._move_by(wx - ox if dx else 0.0, wy - oy if dy else 0.0)

    def scale(self, scale_factor, **kw):
        _check_kw(".animate.scale", kw)
        k = float(scale_factor)
        if not k > 0:
            _unsupported(f".animate.scale({k:g})")
        self._scale = (self._scale or 1.0) * k
        return self

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        _unsupported(f".animate.{name}")

    def _tuple(self, lag_ratio=None):
        if self._fill is None and self._fill_opacity is None and self._stroke is None and self._color is None \
                and self._center is None and not self._scale and self._stroke_opacity is None:
            _unsupported(".animate with no change podium can play")
        a = Animation.__new__(Animation)
        a.mobject, a._target, a._shift, a._scale = self._mob, None, (0.0, 0.0), 0.0
        a.run_time, a.rate_func, a.lag_ratio = (self._kw.get(k) for k in ("run_time", "rate_func", "lag_ratio"))
        a._kind = _p.ANIMATE
        t = a._tuple(lag_ratio)
        return t[:9] + (_change(fill=self._fill, fill_opacity=self._fill_opacity, stroke=self._stroke,
                                stroke_width=self._stroke_width, color=self._color, move=self._center,
                                scale=self._scale, stroke_opacity=self._stroke_opacity), 0.0)


# ---------------------------------------------------------------- scenes


class _Config:
    """manim.config, read-only: podium renders Manim's default 16:9 frame at 60 fps."""

    def __init__(self):
        d = object.__setattr__
        d(self, "frame_width", 8.0 * 16 / 9)
        d(self, "frame_height", 8.0)
        d(self, "frame_x_radius", 8.0 * 16 / 9 / 2)
        d(self, "frame_y_radius", 4.0)
        d(self, "pixel_width", 1920)
        d(self, "pixel_height", 1080)
        d(self, "frame_rate", 60)
        d(self, "background_color", BLACK)

    def __getitem__(self, key):
        return getattr(self, key)

    def __setitem__(self, key, value):
        setattr(self, key, value)

    def __setattr__(self, key, value):
        if getattr(self, key, None) != value:
            _unsupported(f"config.{key} = {value!r}")

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        _unsupported(f"config.{name}")


config = _Config()


def _play_args(call, args, kw):
    _check_kw(call, kw)
    return args


class Scene:
    """Scene: construct() runs once, at load; each self.wait() is a stop."""

    _podium_waits_stop = True

    def __init__(self, *args, **kw):
        pass

    def setup(self):
        pass

    def construct(self):
        pass

    def tear_down(self):
        pass

    def _podium_finish(self):
        pass

    @property
    def time(self):
        return _p.now()

    def play(self, *animations, run_time=None, rate_func=None, lag_ratio=None, **kw):
        _check_kw("self.play", kw, {"subcaption": None, "subcaption_duration": None, "subcaption_offset": 0})
        if not animations:
            raise ValueError("self.play() needs at least one animation")
        tuples = []
        groups = any(isinstance(a, AnimationGroup) for a in animations)
        for a in animations:
            if isinstance(a, AnimationGroup):
                if rate_func is not None:
                    _unsupported("self.play(rate_func=...) of an AnimationGroup")
                if lag_ratio is not None:  # play's keywords are the group's own, as in Manim
                    a.lag_ratio = float(lag_ratio)
                if run_time is not None:
                    a = AnimationGroup(a, run_time=run_time)
                tuples.extend(a._tuples())
            elif isinstance(a, (Animation, _AnimationBuilder)):
                t = a._tuple(lag_ratio)
                tuples.append(t[:6] + (float(run_time),) + t[7:] if groups and run_time is not None else t)
            elif isinstance(a, Mobject) or callable(a):
                _unsupported("self.play() of a method or mobject (use m.animate...)")
            else:
                raise TypeError(f"self.play() takes animations, not {type(a).__name__}")
        rt = 0.0 if run_time is None else float(run_time)
        if run_time is not None and not rt > 0:
            raise ValueError(f"self.play(): run_time must be > 0, not {run_time}")
        _p.play(tuples, 0.0 if groups else rt, _rate_id(rate_func))
        for a in [x for g in animations for x in _members(g)]:
            # Transform(m, target): m is the target's members from now on; for a
            # group the scene rewires its members, a single shape takes the
            # target's handle (FadeOut(m) must fade what is on screen)
            if type(a) is Transform and not _p.children(a.mobject._mid):
                a.mobject._id = a._target._mid

    def wait(self, duration=DEFAULT_WAIT_TIME, stop_condition=None, frozen_frame=None):
        if stop_condition is not None:
            _unsupported("self.wait(stop_condition=...)")
        _p.wait(float(duration), self._podium_waits_stop)

    def pause(self, duration=DEFAULT_WAIT_TIME):
        self.wait(duration)

    def add(self, *mobjects):
        for m in mobjects:
            if not isinstance(m, Mobject):
                raise TypeError(f"self.add() takes mobjects, not {type(m).__name__}")
            _p.add(m._mid, True)
        return self

    def remove(self, *mobjects):
        for m in mobjects:
            if not isinstance(m, Mobject):
                raise TypeError(f"self.remove() takes mobjects, not {type(m).__name__}")
            _p.add(m._mid, False)
        return self

    def next_section(self, name="unnamed", section_type=None, skip_animations=False):
        if skip_animations:
            _unsupported("next_section(skip_animations=True)")
        _p.section(str(name))

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        _unsupported(f"self.{name}")


# Manim's public names podium does not have: using one stops the script with
# "podium does not support NAME yet" instead of a NameError.
_MANIM_NAMES = frozenset("""
AddTextLetterByLetter AddTextWordByWord Angle AnimatedBoundary Annulus AnnularSector
ApplyComplexFunction ApplyFunction ApplyMatrix ApplyMethod ApplyPointwiseFunction ApplyWave Arc ArcBetweenPoints
ArcBrace ArcPolygon Arrow3D ArrowVectorField Axes BackgroundRectangle BarChart Brace BraceBetweenPoints BraceLabel
BraceText Broadcast BulletedList ChangeSpeed ChangingDecimal Circumscribe ClockwiseTransform Code
ComplexPlane ComplexValueTracker Cone CounterclockwiseTransform Cross Cube CubicBezier CurvedArrow
CurvedDoubleArrow CyclicReplace Cylinder DashedLine DashedVMobject DecimalMatrix DecimalNumber Dot3D
DoubleArrow DrawBorderThenFill Elbow Ellipse FadeToColor FadeTransform FadeTransformPieces Flash FocusOn
FullScreenRectangle FunctionGraph GrowArrow GrowFromCenter GrowFromEdge GrowFromPoint Homotopy ImageMobject
ImplicitFunction Indicate Integer IntegerMatrix LabeledArrow LabeledDot LabeledLine LaggedStartMap
Line3D LinearTransformationScene MarkupText MathTable Matrix MaintainPositionRelativeTo ManimBanner
MobjectMatrix MoveAlongPath MoveToTarget MovingCameraScene NumberLine NumberPlane Paragraph ParametricFunction
Polygon Polygram PolarPlane Prism Rectangle3D RegularPolygon RegularPolygram Restore RightAngle Rotate Rotating
SVGMobject ScaleInPlace ScreenRectangle Sector ShowIncreasingSubsets ShowPassingFlash ShowSubmobjectsOneByOne
ShrinkToCenter SingleStringMathTex Sphere SpinInFromNothing SpiralIn Square3D Star StreamLines
Surface Swap Table TangentLine TexTemplate ThreeDAxes ThreeDScene Title Torus TracedPath TransformFromCopy
TransformMatchingShapes TransformMatchingTex Triangle Underline Uncreate Unwrite UpdateFromAlphaFunc
UpdateFromFunc VDict ValueTracker Variable Vector VectorScene Wait Wiggle ZoomedScene always always_redraw
always_rotate always_shift average_color color_gradient color_to_rgb color_to_rgba exponential_decay f_always
hex_to_rgb index_labels invert_color lingering not_quite_there random_bright_color random_color rgb_to_color
rgb_to_hex running_start rush_from rush_into slow_into smootherstep smoothererstep smoothstep squish_rate_func
tempconfig there_and_back_with_pause wiggle ease_in_sine ease_out_sine ease_in_out_sine ease_in_quad
ease_out_quad ease_in_out_quad ease_in_cubic ease_out_cubic ease_in_out_cubic ease_in_quart ease_out_quart
ease_in_out_quart ease_in_quint ease_out_quint ease_in_out_quint ease_in_expo ease_out_expo ease_in_out_expo
ease_in_circ ease_out_circ ease_in_out_circ ease_in_back ease_out_back ease_in_out_back ease_in_elastic
ease_out_elastic ease_in_out_elastic ease_in_bounce ease_out_bounce ease_in_out_bounce
""".split())


def __getattr__(name):
    if name in _MANIM_NAMES:
        _unsupported(name)
    raise AttributeError(f"module 'manim' has no attribute '{name}'")
