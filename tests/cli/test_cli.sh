#!/usr/bin/env bash
# Command-line behaviour: --help, headless --frame, and bad input. Each bad
# input must give one clear line on stderr and exit 2 (1 for "no display"),
# never a crash, and must leave existing files untouched.
set -u
PODIUM="$1"
TMP=$(mktemp -d)
trap 'chmod -R u+w "$TMP"; rm -rf "$TMP"' EXIT
pass=0
fail=0

# expect CODE SUBSTRING -- ARGS...: exit code and a stderr substring
expect() {
  local code="$1" needle="$2"
  shift 3
  local err
  err=$("$PODIUM" "$@" 2>&1 >/dev/null)
  local rc=$?
  if [[ $rc -ne $code ]]; then
    echo "FAIL: podium $* exited $rc, want $code (stderr: $err)"
    fail=$((fail + 1))
  elif [[ -n "$needle" && "$err" != *"$needle"* ]]; then
    echo "FAIL: podium $*: stderr lacks '$needle': $err"
    fail=$((fail + 1))
  elif [[ $code -ne 0 && $(printf '%s\n' "$err" | wc -l) -ne 1 ]]; then
    echo "FAIL: podium $*: want one line on stderr, got: $err"
    fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
}

expect 0 "" -- --help
[[ $("$PODIUM" --help) == *"--frame T"* ]] || { echo "FAIL: --help lacks --frame"; fail=$((fail + 1)); }
expect 0 "" -- --version

# headless frames
expect 0 "" -- --frame 1.5 --out "$TMP/a.png"
[[ -s "$TMP/a.png" ]] && pass=$((pass + 1)) || { echo "FAIL: no PNG written"; fail=$((fail + 1)); }
expect 0 "" -- --frame 0 --out "$TMP/small.png" --size 320x180
# one overwrite rule for every output (issue 10): refused, unless --force / -y
sum_a=$(sha256sum <"$TMP/a.png")
expect 2 "pass --force" -- --frame 2 --out "$TMP/a.png"
[[ $(sha256sum <"$TMP/a.png") == "$sum_a" ]] && pass=$((pass + 1)) || { echo "FAIL: a refused --out changed the file"; fail=$((fail + 1)); }
expect 0 "" -- --frame 2 --out "$TMP/a.png" --force
[[ $(sha256sum <"$TMP/a.png") != "$sum_a" ]] && pass=$((pass + 1)) || { echo "FAIL: --force did not replace the file"; fail=$((fail + 1)); }
expect 0 "" -- --frame 1.5 --out "$TMP/a.png" -y
[[ $(sha256sum <"$TMP/a.png") == "$sum_a" ]] && pass=$((pass + 1)) || { echo "FAIL: -y did not replace the file"; fail=$((fail + 1)); }
# PNG signature and size
if [[ $(head -c 8 "$TMP/small.png" | od -An -tx1 | tr -d ' \n') == "89504e470d0a1a0a" ]]; then
  pass=$((pass + 1))
else
  echo "FAIL: small.png is not a PNG"; fail=$((fail + 1))
fi

# bad values
expect 2 "--frame" -- --frame abc --out "$TMP/b.png"
expect 2 "--frame" -- --frame -1 --out "$TMP/b.png"
expect 2 "--frame" -- --frame nan --out "$TMP/b.png"
expect 2 "--frame" -- --frame inf --out "$TMP/b.png"
expect 2 "needs a value" -- --frame
expect 2 "--out" -- --frame 1
expect 2 "--out" -- --out "$TMP/b.png"
expect 2 ".png" -- --frame 1 --out "$TMP/b.jpg"
expect 2 "--size" -- --frame 1 --out "$TMP/b.png" --size 0x100
expect 2 "--size" -- --frame 1 --out "$TMP/b.png" --size 100
expect 2 "--size" -- --frame 1 --out "$TMP/b.png" --size x100
expect 2 "--size" -- --frame 1 --out "$TMP/b.png" --size 100x-5
expect 2 "--size" -- --frame 1 --out "$TMP/b.png" --size 99999x99999
expect 2 "unknown option" -- --frobnicate
expect 2 "--monitor" -- --monitor -3
expect 2 "cannot" -- --frame 1 --out "$TMP/no/such/dir/x.png"
mkdir "$TMP/ro" && chmod 555 "$TMP/ro"
if [[ $(id -u) -ne 0 ]]; then
  expect 2 "cannot" -- --frame 1 --out "$TMP/ro/x.png"
fi
[[ ! -e "$TMP/b.png" ]] && pass=$((pass + 1)) || { echo "FAIL: a failed run wrote b.png"; fail=$((fail + 1)); }

# assets: missing folder, missing font, corrupt font
expect 2 "font" -- --assets "$TMP/nowhere" --frame 1 --out "$TMP/c.png"
mkdir -p "$TMP/assets/fonts"
cp "$PODIUM_ASSETS"/fonts/*.ttf "$PODIUM_ASSETS"/fonts/*.otf "$TMP/assets/fonts/"
rm "$TMP/assets/fonts/DejaVuSerif-Bold.ttf"
expect 2 "DejaVuSerif-Bold.ttf" -- --assets "$TMP/assets" --frame 1 --out "$TMP/c.png"
head -c 1000 "$PODIUM_ASSETS/fonts/DejaVuSerif-Bold.ttf" >"$TMP/assets/fonts/DejaVuSerif-Bold.ttf"
expect 2 "corrupt" -- --assets "$TMP/assets" --frame 1 --out "$TMP/c.png"
[[ ! -e "$TMP/c.png" ]] && pass=$((pass + 1)) || { echo "FAIL: a failed run wrote c.png"; fail=$((fail + 1)); }

# shaders: missing and broken
expect 2 "place.glsl" -- --shaders "$TMP/none" --frame 1 --out "$TMP/d.png"
mkdir "$TMP/sh" && cp "$PODIUM_SRCDIR"/shaders/*.glsl "$PODIUM_SRCDIR"/shaders/*.vert "$PODIUM_SRCDIR"/shaders/*.frag "$TMP/sh/"
echo "this is not GLSL" >"$TMP/sh/prim.frag"
expect 2 "prim.frag" -- --shaders "$TMP/sh" --frame 1 --out "$TMP/d.png"

# an existing file is never touched by a failed run
echo keep >"$TMP/keep.png"
expect 2 "--size" -- --frame 1 --out "$TMP/keep.png" --size 0x0
[[ $(cat "$TMP/keep.png") == keep ]] && pass=$((pass + 1)) || { echo "FAIL: keep.png changed"; fail=$((fail + 1)); }

# captures leave the HUD out unless asked for (--capture-overlays)
"$PODIUM" --talk demo --keys "right settle f12" --capture-dir "$TMP/plain" >/dev/null 2>&1
"$PODIUM" --talk demo --keys "right settle f12" --capture-dir "$TMP/hud" --capture-overlays --hud >/dev/null 2>&1
plain=$(ls "$TMP"/plain/*.png 2>/dev/null | head -1)
hud=$(ls "$TMP"/hud/*.png 2>/dev/null | head -1)
if [[ -n "$plain" && -n "$hud" ]] && ! cmp -s "$plain" "$hud"; then
  pass=$((pass + 1))
else
  echo "FAIL: --capture-overlays made no difference to the screenshot ($plain, $hud)"; fail=$((fail + 1))
fi

# --frame past the end is an error naming the duration (as --stop past the last stop is)
expect 2 "past the end: the talk lasts 88.667 s" -- --frame 100 --out "$TMP/end.png"
expect 2 "past the end" -- --frame 1e9 --out "$TMP/end.png"
expect 0 "" -- --frame 88.667 --out "$TMP/end.png" --size 64x36

# --help: the key table's descriptions start in one column, by display width
# (the key names hold multi-byte characters such as the arrows)
if python3 - "$PODIUM" <<'PY'
import subprocess, sys, re
out = subprocess.run([sys.argv[1], "--help"], capture_output=True).stdout.decode()
rows = out.split("Keys (")[1].split("\n\n")[0].splitlines()[1:]
c = rows[0].index("next:")  # the description column, from the first row
bad = [r for r in rows if r[c - 2:c] != "  " or r[c] == " "]
sys.exit(0 if len(rows) > 10 and not bad else 1)
PY
then
  pass=$((pass + 1))
else
  echo "FAIL: --help's key table is not aligned by display width"; fail=$((fail + 1))
fi

# podium.sh keeps the caller's folder: relative paths mean the caller's, and
# F12 names where the screenshot went by its absolute path
mkdir "$TMP/caller"
if (cd "$TMP/caller" && PODIUM_BUILD="$(dirname "$PODIUM")" PODIUM_NO_INSTALL=1 \
  "$PODIUM_SRCDIR/podium.sh" --stop 3 --out mine.png --size 64x36 >/dev/null 2>&1) &&
  [[ -s "$TMP/caller/mine.png" && ! -e "$PODIUM_SRCDIR/mine.png" ]]; then
  pass=$((pass + 1))
else
  echo "FAIL: podium.sh --out mine.png did not write into the caller's folder"; fail=$((fail + 1))
fi
said=$(cd "$TMP/caller" && "$PODIUM" --talk demo --keys "right settle f12" 2>&1 >/dev/null)
if [[ "$said" == *"saved $TMP/caller/captures/podium-"*".png"* ]]; then
  pass=$((pass + 1))
else
  echo "FAIL: F12 does not name the absolute path: $said"; fail=$((fail + 1))
fi

# --bench shows its progress on a terminal (script(1) gives it one), and
# nothing of it when its output goes to a pipe
tty_out=$(script -qec "'$PODIUM' --bench --bench-frames 20 --testcard" /dev/null 2>&1)
pipe_err=$("$PODIUM" --bench --bench-frames 20 --testcard 2>&1 >/dev/null)
if [[ "$tty_out" == *"podium --bench: frames 0/20"*"random seeks"* && -z "$pipe_err" ]]; then
  pass=$((pass + 1))
else
  echo "FAIL: --bench progress: on a terminal: ${tty_out:0:200}; to a pipe: ${pipe_err:0:200}"; fail=$((fail + 1))
fi

# the handout's frames are drawn at print resolution (300 dpi for the frame
# area: 3208 px across the A4 page's 10.7 inches), not as small bitmaps
if "$PODIUM" --talk demo --handout "$TMP/h.pdf" >/dev/null 2>&1 &&
  [[ $(grep -ac '/Width 3208' "$TMP/h.pdf") -eq $("$PODIUM" --talk demo --list | grep -c '^stop ') ]]; then
  pass=$((pass + 1))
else
  echo "FAIL: the handout's frames are not 3208 px wide: $(grep -ao '/Width [0-9]*' "$TMP/h.pdf" | sort -u)"
  fail=$((fail + 1))
fi

# messages name folders without doubled slashes
said=$("$PODIUM" --talk demo --export-stops "$TMP/st/" --size 64x36 2>&1)
if [[ "$said" == *"stops to $TMP/st/"* && "$said" != *"//"* ]]; then
  pass=$((pass + 1))
else
  echo "FAIL: --export-stops DIR/ says: $said"; fail=$((fail + 1))
fi

# the seed scene lives in the project (the README points to it), unmodified
seed="$PODIUM_SRCDIR/../shared/seed/transformer.py"
if [[ -s "$PODIUM_SRCDIR/talks/gqa.py" ]] && grep -q 'talks/gqa.py' "$PODIUM_SRCDIR/README.md" &&
  { [[ ! -e "$seed" ]] || cmp -s "$seed" "$PODIUM_SRCDIR/talks/gqa.py"; }; then
  pass=$((pass + 1))
else
  echo "FAIL: talks/gqa.py is missing, differs from the seed, or the README does not point to it"; fail=$((fail + 1))
fi

# --out is written from the render target a band of rows at a time: the same
# bytes as a frame written from memory (--export-stops), at a height that is
# not a multiple of the band
"$PODIUM" --talk demo --stop 1 --out "$TMP/band.png" --size 321x181 >/dev/null 2>&1
"$PODIUM" --talk demo --export-stops "$TMP/band-stops" --size 321x181 >/dev/null 2>&1
if [[ -s "$TMP/band.png" ]] && cmp -s "$TMP/band.png" "$TMP/band-stops/stop-01.png"; then
  pass=$((pass + 1))
else
  echo "FAIL: --out from the target differs from the same frame written from memory"; fail=$((fail + 1))
fi

# no display: one line, exit 1
err=$(env -u DISPLAY -u WAYLAND_DISPLAY "$PODIUM" 2>&1 >/dev/null)
rc=$?
if [[ $rc -eq 1 && "$err" == *"--frame"* && $(printf '%s\n' "$err" | wc -l) -eq 1 ]]; then
  pass=$((pass + 1))
else
  echo "FAIL: no display: rc=$rc, stderr: $err"; fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
