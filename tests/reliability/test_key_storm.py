#!/usr/bin/env python3
"""Key storm (issue 7, suite 'reliability'): 10,000 random tokens (a fixed
seed; every binding, modifiers, waits, holds, the mouse and the wheel) as one
`podium --keys` script, against each talk named on the command line. Asserts:
- it completes (exit 0, no sanitizer report) within a generous timeout (a
  hang guard, not a speed test);
- after every token the printed state is consistent: a time inside the talk,
  the stop the talk's --list gives for that time, a known mode, and "held"
  only at t = 0, a stop or the end;
- after the storm and a tail that settles it (settle, right, settle: held
  at a stop, or at the end), the state equals a pure seek there (`--start`),
  and the frame it shows (an f12 screenshot) is byte-identical to
  `podium --frame T` at the reported time (and to `--stop N`).
usage: test_key_storm.py PODIUM [TALK...]"""
import glob
import os
import random
import re
import subprocess
import sys
import tempfile

PODIUM = os.path.abspath(sys.argv[1])
TALKS = sys.argv[2:] or ["demo", "gqa"]
TOKENS = 10000
SIZE = "320x180"
failures = []


def fail(msg):
    print("FAIL: " + msg)
    failures.append(msg)


def podium(*args, timeout=600):
    r = subprocess.run([PODIUM, *args], capture_output=True, text=True, timeout=timeout)
    for stream in (r.stdout, r.stderr):
        if "Sanitizer" in stream or "runtime error" in stream:
            fail("sanitizer report from podium %s: %s" % (" ".join(args)[:200], stream[-2000:]))
    return r


# Every binding of docs/keys.md except the ones that end the script (q,
# ctrl+q, and esc, which quits when nothing is left to leave) and captures
# (f12 and shift+f12 write files; one f12 comes at the end).
KEYS = ("right down space pagedown n enter kpenter left up pageup backspace p v r ] [ home end "
        "1 2 3 4 5 6 7 8 9 0 g kp0 kp1 kp5 kp9 k b . w f f11 f5 h ? f1 s tab a z x "
        "comma minus slash delete insert").split()
MODIFIED = ("shift+space shift+pagedown shift+pageup shift+right shift+left ctrl+right ctrl+left "
            "shift+f1 alt+right ctrl+shift+left alt+v shift+k ctrl+home ctrl+end shift+enter").split()
MODS = ["shift+", "ctrl+", "alt+", "ctrl+shift+", "shift+alt+"]
# modifiers on these could quit or capture
NO_MODS = {"f12"}


def storm(rng):
    out = []
    for _ in range(TOKENS):
        r = rng.random()
        if r < 0.45:
            out.append(rng.choice(KEYS))
        elif r < 0.55:
            out.append(rng.choice(MODIFIED))
        elif r < 0.60:
            out.append(rng.choice(MODS) + rng.choice(KEYS))
        elif r < 0.75:
            out.append("wait:%s" % rng.choice(["0", "0.001", "0.0166667", "0.1", "0.5", "1", "%.3f" % rng.uniform(0, 3)]))
        elif r < 0.79:
            out.append("settle")
        elif r < 0.83:
            out.append("hold:%s:%.3f" % (rng.choice(["shift+right", "shift+left", "right", "k"]), rng.uniform(0, 2)))
        elif r < 0.87:
            out.append(rng.choice(["click", "rclick"]))
        elif r < 0.91:
            out.append("bar:%.4f" % rng.random())
        elif r < 0.95:
            out.append("drag:%.3f:%.3f" % (rng.random(), rng.random()))
        else:
            out.append("wheel:%d" % rng.randint(-12, 12))
    return out


LINE = re.compile(r"^after (\S+): t=(-?[0-9.]+) stop=(-?\d+) mode=(held|playing|reverse|paused)$")


def check_talk(talk, seed, tmp):
    lst = podium("--talk", talk, "--list")
    if lst.returncode != 0:
        fail("%s --list: %s" % (talk, lst.stderr))
        return
    stops = [float(m) for m in re.findall(r"^stop \d+ t=([0-9.]+)", lst.stdout, re.M)]
    dur = float(re.search(r"^duration ([0-9.]+)", lst.stdout, re.M).group(1))
    rng = random.Random(seed)
    toks = storm(rng)
    # the tail: play on to a stop (or the end) and hold there, then capture
    tail = ["settle", "right", "settle"]
    caps = os.path.join(tmp, "caps-" + talk)
    script = " ".join(toks + tail + ["f12"])
    r = podium("--talk", talk, "--size", SIZE, "--capture-dir", caps, "--keys", script)
    if r.returncode != 0:
        fail("%s: the storm exited %d: %s" % (talk, r.returncode, r.stderr[-1000:]))
        return
    lines = r.stdout.splitlines()
    if len(lines) != len(toks) + len(tail) + 1:
        fail("%s: %d state lines for %d tokens" % (talk, len(lines), len(toks) + len(tail) + 1))
        return
    eps = 0.0011  # the times are printed to 3 decimals
    holds = [0.0] + stops + [dur]
    bad = 0
    for i, (tok, line) in enumerate(zip(toks + tail + ["f12"], lines)):
        m = LINE.match(line)
        why = None
        if not m or m.group(1) != tok:
            why = "unreadable"
        else:
            t, stop, mode = float(m.group(2)), int(m.group(3)), m.group(4)
            lo = sum(1 for s in stops if s < t - eps)
            hi = sum(1 for s in stops if s <= t + eps)
            if not (0 <= t <= dur + eps):
                why = "t outside the talk (0..%.3f)" % dur
            elif not lo <= stop <= hi:
                why = "stop %d, but t=%.3f lies after %d..%d stops" % (stop, t, lo, hi)
            elif mode == "held" and not any(abs(t - h) <= eps for h in holds):
                why = "held, but not at the start, a stop or the end"
        if why:
            bad += 1
            if bad <= 5:
                fail("%s token %d (%s): %s: %s" % (talk, i + 1, tok, why, line))
    if bad:
        fail("%s: %d inconsistent states" % (talk, bad))
    final = LINE.match(lines[-1])
    t, stop, mode = final.group(2), int(final.group(3)), final.group(4)
    tf = float(t)
    at_stop = mode == "held" and stop > 0 and abs(tf - stops[stop - 1]) <= eps
    at_end = abs(tf - dur) <= eps
    # the tail leaves it held at a stop, or at the end (held, or paused when
    # the storm scrubbed into the end: Next has nothing left to do there)
    if not (at_stop or at_end):
        fail("%s: after the storm and the tail: %s, not held at a stop or at the end" % (talk, lines[-1]))
        return
    print("%s: %d tokens, final state t=%s stop=%d mode=%s" % (talk, len(toks), t, stop, mode))
    # the state equals a pure seek to the same place
    seek = podium("--talk", talk, "--start", "stop:%d" % stop if at_stop else t, "--keys", "h")
    got = seek.stdout.strip()
    want = "after h: t=%s stop=%d mode=%s" % (t, stop, mode)
    if not at_stop:  # --start SECONDS pauses there: compare the place
        got = got.replace("mode=paused", "mode=" + mode)
    if seek.returncode != 0 or got != want:
        fail("%s: a pure seek gives '%s' (%s), the storm '%s'" % (talk, got, seek.stderr.strip(), want))
    # the frame it shows equals the pure seek's, byte for byte
    shots = sorted(glob.glob(os.path.join(caps, "podium-*.png")))
    if len(shots) != 1:
        fail("%s: want one screenshot, got %d: %s" % (talk, len(shots), r.stderr[-500:]))
        return
    # t is printed rounded to 1 ms; half a step later lies inside the same
    # still (the stop's wait, or past the end), whichever way it rounded
    refs = [("--frame", "%.4f" % (tf + 0.0005))]
    if at_stop:
        refs.append(("--stop", str(stop)))
    for opt, val in refs:
        ref = os.path.join(tmp, "ref-%s-%s.png" % (talk, opt[2:]))
        rr = podium("--talk", talk, "--size", SIZE, opt, val, "--out", ref)
        if rr.returncode != 0:
            fail("%s %s %s: %s" % (talk, opt, val, rr.stderr))
        elif open(ref, "rb").read() != open(shots[0], "rb").read():
            fail("%s: the screenshot after the storm (t=%s) differs from %s %s" % (talk, t, opt, val))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for i, talk in enumerate(TALKS):
            check_talk(talk, 7000 + i, tmp)
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
