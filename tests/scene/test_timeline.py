#!/usr/bin/env python3
"""The GQA talk against Manim's own timeline (tests/data/manim-reference-
timeline.json, measured from Manim v0.19.2 running the seed):

* timing: every play and wait starts on the same 60 fps frame and lasts the
  same number of frames; 5320 frames in all;
* every animation: the same kind, mobject class, member count N, run_time,
  lag ratio and rate function;
* layout: with Pango's 0.05-unit advance grid emulated (the one Manim
  artifact podium does not copy), every box of every play matches Manim's:
  boxes, lines and arrows within 0.01 units, text and math within 0.03 units
  or 3%. Without the grid, the heights of unrotated text still match (widths
  may differ by the grid, which docs/fidelity.md describes).

usage: test_timeline.py DUMP_TIMELINE REFERENCE_JSON
"""
import json
import subprocess
import sys

dump, ref_path = sys.argv[1], sys.argv[2]
ref = json.load(open(ref_path))
failures = []
checks = 0


def check(cond, msg):
    global checks
    checks += 1
    if not cond:
        failures.append(msg)


def run(grid):
    args = [dump, "gqa"] + (["--pango-grid"] if grid else [])
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


TEXTY = ("Text", "MathTex")


def box_ok(kind, got, want):
    """Text and math: 0.03 units or 3% of the extent; everything else 0.01."""
    w = max(abs(want[2] - want[0]), 1e-9)
    h = max(abs(want[1] - want[3]), 1e-9)
    for i, (g, r) in enumerate(zip(got, want)):
        ext = w if i in (0, 2) else h
        tol = max(0.03, 0.03 * ext) if kind in TEXTY or kind == "VGroup" else 0.01
        if abs(g - r) > tol:
            return False
    return True


grid = run(True)
plain = run(False)
check(grid["total_frames"] == ref["total_frames"], f"total frames {grid['total_frames']} != {ref['total_frames']}")
check(len(grid["plays"]) == len(ref["plays"]), f"{len(grid['plays'])} plays, Manim has {len(ref['plays'])}")
box_checks = 0
for gp, pp, rp in zip(grid["plays"], plain["plays"], ref["plays"]):
    i = rp["play"]
    check(gp["start_frame"] == rp["start_frame"], f"play {i}: starts at frame {gp['start_frame']}, Manim {rp['start_frame']}")
    check(gp["frames"] == rp["frames"], f"play {i}: {gp['frames']} frames, Manim {rp['frames']}")
    check(gp["static_wait"] == rp["static_wait"], f"play {i}: wait {gp['static_wait']}, Manim {rp['static_wait']}")
    if rp["static_wait"]:
        continue
    ra = rp["animations"]
    check(len(gp["animations"]) == len(ra), f"play {i}: {len(gp['animations'])} animations, Manim {len(ra)}")
    for k, (ga, pa, a) in enumerate(zip(gp["animations"], pp["animations"], ra)):
        where = f"play {i} anim {k} ({a['anim']} {a.get('mobject')} {a.get('text', a.get('tex', ''))!r})"
        check(ga["anim"] == a["anim"], f"{where}: kind {ga['anim']}")
        check(ga["mobject"] == a["mobject"], f"{where}: mobject {ga['mobject']}")
        check(ga["n_family_with_points"] == a["n_family_with_points"],
              f"{where}: N {ga['n_family_with_points']}, Manim {a['n_family_with_points']}")
        check(abs(ga["run_time"] - a["run_time"]) < 1e-6, f"{where}: run_time {ga['run_time']}, Manim {a['run_time']}")
        check(abs(ga["lag_ratio"] - a["lag_ratio"]) < 1e-4, f"{where}: lag {ga['lag_ratio']}, Manim {a['lag_ratio']}")
        check(ga["rate_func"] == a["rate_func"], f"{where}: rate {ga['rate_func']}, Manim {a['rate_func']}")
        want = a["bbox_ULx_ULy_DRx_DRy"]
        box_checks += 1
        check(box_ok(a["mobject"], ga["bbox_ULx_ULy_DRx_DRy"], want),
              f"{where}: box {ga['bbox_ULx_ULy_DRx_DRy']} (Pango grid), Manim {want}")
        if a["mobject"] == "Text" and not pa["rotated"]:
            got = pa["bbox_ULx_ULy_DRx_DRy"]
            h, hw = got[1] - got[3], want[1] - want[3]
            check(abs(h - hw) <= max(0.03 * hw, 0.003), f"{where}: height {h:.4f} without the grid, Manim {hw:.4f}")

for f in failures[:60]:
    print("FAIL:", f)
if len(failures) > 60:
    print(f"... and {len(failures) - 60} more")
print(f"{box_checks} boxes compared")
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
