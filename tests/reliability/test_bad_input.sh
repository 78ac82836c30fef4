#!/usr/bin/env bash
# Bad input (issue 7, suite 'reliability'): every case must exit 2 with
# exactly one line on stderr that names the thing and the fix, must not
# crash (no exit >= 128, no sanitizer report), and must leave every file
# that existed before byte-identical (a checksum of the whole kept tree,
# names and contents, before and after). Cases already in tests/cli are not
# repeated here; each case below is distinct and counts once.
# usage: test_bad_input.sh PODIUM
set -u
PODIUM="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
pass=0
fail=0
cases=0
declare -A seen=()

# the outputs cases name, existing already: none may change
K="$TMP/keep"
mkdir -p "$K/stops" "$K/caps" "$K/d.png" "$K/frames" "$K/v.mp4" "$K/h.pdf"
printf 'png, kept\n' >"$K/k.png"
printf 'mp4, kept\n' >"$K/k.mp4"
printf 'pdf, kept\n' >"$K/k.pdf"
printf 'a file\n' >"$K/afile"
printf 'stop, kept\n' >"$K/stops/stop-01.png"
printf 'shot, kept\n' >"$K/caps/podium-old.png"
printf 'frame, kept\n' >"$K/frames/frame-000001.png"
snapshot() { (cd "$K" && find . | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum; }

# bad NAME THING FIX -- ARGS...   (runs podium ARGS)
# bad_env NAME THING FIX -- ENV... -- ARGS...   (runs env ENV... podium ARGS)
# THING and FIX are substrings the one line must hold: what is wrong, and
# what to do about it.
run_case() {
  local name="$1" thing="$2" fix="$3"
  shift 3
  cases=$((cases + 1))
  if [[ -n "${seen[$name]:-}" ]]; then
    echo "FAIL: case name '$name' used twice"
    fail=$((fail + 1))
  fi
  seen[$name]=1
  local before after err rc
  before=$(snapshot)
  timeout 120 "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  err=$(cat "$TMP/err")
  after=$(snapshot)
  local why=""
  if [[ $rc -ne 2 ]]; then
    why="exit $rc, want 2"
  elif [[ $(printf '%s\n' "$err" | wc -l) -ne 1 || -z "$err" ]]; then
    why="want exactly one line on stderr"
  elif [[ "$err" != podium:* ]]; then
    why="the line does not start with 'podium:'"
  elif [[ "$err" != *"$thing"* ]]; then
    why="the line does not name '$thing'"
  elif [[ "$err" != *"$fix"* ]]; then
    why="the line does not say the fix ('$fix')"
  elif [[ "$before" != "$after" ]]; then
    why="existing files changed (or new ones appeared)"
  fi
  if grep -q 'Sanitizer\|runtime error' "$TMP/err"; then
    why="sanitizer report"
  fi
  if [[ -n "$why" ]]; then
    echo "FAIL [$name]: $why"
    echo "  command: ${*:0:12}"
    echo "  stderr: $(head -c 600 "$TMP/err")"
    fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
}
bad() {
  local name="$1" thing="$2" fix="$3"
  shift 4 # the "--"
  run_case "$name" "$thing" "$fix" "$PODIUM" "$@"
}
bad_env() {
  local name="$1" thing="$2" fix="$3"
  shift 4
  local envs=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  run_case "$name" "$thing" "$fix" env "${envs[@]}" "$PODIUM" "$@"
}

# ---- values of every option ----
bad frame-empty        "--frame ''"      "e.g. --frame"   -- --frame "" --out "$K/n.png"
bad frame-overflow     "--frame '1e999'" "e.g. --frame"   -- --frame 1e999 --out "$K/n.png"
bad frame-unit         "--frame '1.5s'"  "e.g. --frame"   -- --frame 1.5s --out "$K/n.png"
bad frame-and-stop     "--frame and --stop" "cannot be combined" -- --frame 1 --stop 1 --out "$K/n.png"
bad frame-zero-and-stop "--frame and --stop" "cannot be combined" -- --frame 0 --stop 1 --out "$K/n.png"
bad stop-negative      "--stop '-1'"     "see --list"     -- --stop -1 --out "$K/n.png"
bad stop-fraction      "--stop '1.5'"    "see --list"     -- --stop 1.5 --out "$K/n.png"
bad stop-huge          "--stop '99999999999'" "see --list" -- --stop 99999999999 --out "$K/n.png"
bad stop-past-talk     "--stop 99999"    "see --list"     -- --talk demo --stop 99999 --out "$K/n.png"
bad size-no-height     "--size '1920x'"  "e.g. --size"    -- --frame 1 --size 1920x --out "$K/n.png"
bad size-too-wide      "--size '16385x100'" "1..16384"    -- --frame 1 --size 16385x100 --out "$K/n.png"
bad size-three         "--size '10x10x10'" "e.g. --size"  -- --frame 1 --size 10x10x10 --out "$K/n.png"
bad size-long-number   "--size '123456789012345678901x10'" "e.g. --size" -- --frame 1 --size 123456789012345678901x10 --out "$K/n.png"
bad size-capital-x     "--size '640X360'" "e.g. --size"   -- --frame 1 --size 640X360 --out "$K/n.png"
bad fps-too-high       "--fps '241'"     "1..240"         -- --export "$K/frames/" --fps 241
bad fps-nan            "--fps 'nan'"     "e.g. --fps"     -- --export "$K/frames/" --fps nan
bad fps-negative       "--fps '-30'"     "e.g. --fps"     -- --export "$K/frames/" --fps -30
bad fps-empty          "--fps ''"        "e.g. --fps"     -- --export "$K/frames/" --fps ""
bad from-negative      "--from '-1'"     "e.g. --from"    -- --export "$K/frames/" --from -1
bad to-word            "--to 'abc'"      "e.g. --to"      -- --export "$K/frames/" --to abc
bad from-section       "--from 'section:1'" "stop:N"      -- --export "$K/frames/" --from section:1
bad to-stop-negative   "--to 'stop:-1'"  "stop:N"         -- --export "$K/frames/" --to stop:-1
bad to-past-end        "99999"           "past the end"   -- --talk demo --export "$K/new-frames/" --to 99999
bad to-without-export  "--from/--to"     "--export"       -- --to 5 --frame 1 --out "$K/n.png"
bad start-section-zero "--start 'section:0'" "see --list" -- --start section:0 --keys right
bad start-negative     "--start '-5'"    "see --list"     -- --start -5 --keys right
bad start-empty        "--start ''"      "see --list"     -- --start "" --keys right
bad start-with-frame   "--start"         "the window or --keys" -- --start 1 --frame 1 --out "$K/n.png"
bad monitor-64         "--monitor '64'"  "0..63"          -- --monitor 64
bad monitor-fraction   "--monitor '1.5'" "0..63"          -- --monitor 1.5
bad bench-frames-zero  "--bench-frames '0'" "1..1000000"  -- --bench-frames 0
bad talk-unknown       "unknown talk 'nosuch'" "--list-talks" -- --talk nosuch --list
bad talk-empty         "unknown talk ''" "--list-talks"   -- --talk "" --frame 1 --out "$K/n.png"
bad talk-no-value      "--talk needs a value" "--help"    -- --frame 1 --out "$K/n.png" --talk
bad out-empty          "--out"           "e.g. --out"     -- --frame 1 --out ""
bad out-directory      "d.png' is a folder" "choose another path" -- --frame 1 --out "$K/d.png"
bad out-two-modes      "cannot be combined" "one at a time" -- --frame 1 --out "$K/n.png" --export-stops "$K/stops"
bad export-empty       "--export ''"     "e.g. --export"  -- --export ""
bad export-into-file   "is a file, not a folder" "e.g. --export frames/"         -- --export "$K/afile/"
bad export-mp4-exists  "k.mp4' exists already" "pass --force" -- --talk demo --export "$K/k.mp4" --size 64x36
bad export-frames-exist "frames/' holds frame-*.png files already" "pass --force" -- --talk demo --export "$K/frames/" --size 64x36 --fps 1
bad export-stops-empty "--export-stops"  "e.g. --export-stops" -- --export-stops ""
bad export-stops-file  "is a file, not a folder" "e.g. --export-stops"         -- --talk demo --export-stops "$K/afile"
bad export-stops-exist "stops/' holds stop-*.png files already" "pass --force" -- --talk demo --export-stops "$K/stops" --size 64x36
bad export-stops-card  "test card"       "need a talk"    -- --testcard --export-stops "$K/new-stops"
bad handout-bare-ext   "--handout '.pdf'" "e.g. --handout" -- --handout .pdf
bad handout-exists     "k.pdf' exists already" "pass --force" -- --talk demo --handout "$K/k.pdf" --size 64x36
bad handout-no-dir     "no/dir/h.pdf"    "does not exist (create it" -- --talk demo --handout "$K/no/dir/h.pdf" --size 64x36

# ---- one overwrite rule and checked folders for every output (issue 10) ----
bad out-exists         "k.png' exists already" "pass --force" -- --frame 1 --out "$K/k.png" --size 64x36
bad out-no-folder      "'$K/nosuch' does not exist" "create it" -- --frame 1 --out "$K/nosuch/x.png" --size 64x36
bad out-under-file     "'$K/afile' is not a folder" "choose another path" -- --frame 1 --out "$K/afile/x.png" --size 64x36
bad out-in-proc        "'/proc' is not writable" "choose another path" -- --frame 1 --out /proc/podium-x.png --size 64x36
bad export-mp4-no-folder "'$K/nosuch' does not exist" "create it" -- --talk demo --export "$K/nosuch/t.mp4" --size 64x36
bad export-mp4-in-proc "'/proc' is not writable" "choose another path" -- --talk demo --export /proc/podium-x.mp4 --size 64x36
bad export-mp4-is-folder "v.mp4' is a folder" "choose another path" -- --talk demo --export "$K/v.mp4" --size 64x36 --force
bad export-dir-no-parent "'$K/nosuch' does not exist" "create it" -- --talk demo --export "$K/nosuch/frames/" --size 64x36
bad export-stops-no-parent "'$K/nosuch' does not exist" "create it" -- --talk demo --export-stops "$K/nosuch/stops" --size 64x36
bad export-stops-in-proc "'/proc' is not writable" "choose another path" -- --talk demo --export-stops /proc/podium-stops --size 64x36
bad handout-under-file "'$K/afile' is not a folder" "choose another path" -- --talk demo --handout "$K/afile/h.pdf" --size 64x36
bad handout-is-folder  "h.pdf' is a folder" "choose another path" -- --talk demo --handout "$K/h.pdf" --size 64x36
bad capture-dir-empty  "--capture-dir"   "e.g. --capture-dir" -- --capture-dir "" --keys f12

# ---- an unwritable capture folder (root ignores chmod: use paths no one can create) ----
bad capture-under-file "afile/sub"       "pass another --capture-dir" -- --talk demo --capture-dir "$K/afile/sub" --keys f12 --size 64x36
bad capture-in-proc    "/proc/podium-test" "pass another --capture-dir" -- --talk demo --capture-dir /proc/podium-test --keys f12 --size 64x36
bad record-under-file  "afile/rec"       "pass another --capture-dir" -- --talk demo --capture-dir "$K/afile/rec" --keys "shift+f12 wait:0.1" --size 64x36

# ---- ffmpeg missing or broken (an export to .mp4 fails clearly; a recording falls back, see tests/cli) ----
mkdir -p "$TMP/bin"
printf '#!/bin/sh\nexit 1\n' >"$TMP/bin/ffmpeg-dies"
printf '#!/bin/sh\nkill -9 $$\n' >"$TMP/bin/ffmpeg-killed"
chmod +x "$TMP/bin/ffmpeg-dies" "$TMP/bin/ffmpeg-killed"
bad_env ffmpeg-not-found "ffmpeg"     "apt-get install ffmpeg" -- PODIUM_FFMPEG="$TMP/bin/no-such-ffmpeg" -- --talk demo --export "$K/new.mp4" --size 64x36
bad_env ffmpeg-empty-path "ffmpeg"    "apt-get install ffmpeg" -- PATH="$TMP/empty" -- --talk demo --export "$K/new2.mp4" --size 64x36
bad_env ffmpeg-exits-1 "ffmpeg stopped" "incomplete" -- PODIUM_FFMPEG="$TMP/bin/ffmpeg-dies" -- --talk demo --export "$K/new3.mp4" --size 64x36 --fps 5
bad_env ffmpeg-killed  "ffmpeg stopped" "incomplete" -- PODIUM_FFMPEG="$TMP/bin/ffmpeg-killed" -- --talk demo --export "$K/new4.mp4" --size 64x36 --fps 5

# ---- fonts: copy assets/ and damage the copy ----
fonts_copy() {
  rm -rf "$TMP/assets-$1"
  mkdir -p "$TMP/assets-$1/fonts"
  cp "$PODIUM_ASSETS"/fonts/* "$TMP/assets-$1/fonts/"
  echo "$TMP/assets-$1"
}
A=$(fonts_copy empty)
: >"$A/fonts/DejaVuSerif-Bold.ttf"
bad font-empty         "DejaVuSerif-Bold.ttf" "restore it" -- --assets "$A" --frame 1 --out "$K/n.png"
A=$(fonts_copy garbage)
head -c 300000 /dev/urandom >"$A/fonts/DejaVuSerif-Bold.ttf"
bad font-garbage       "DejaVuSerif-Bold.ttf" "restore it" -- --assets "$A" --frame 1 --out "$K/n.png"
A=$(fonts_copy dirfont)
rm "$A/fonts/DejaVuSerif-Bold.ttf" && mkdir "$A/fonts/DejaVuSerif-Bold.ttf"
bad font-is-folder     "DejaVuSerif-Bold.ttf" "--assets" -- --assets "$A" --frame 1 --out "$K/n.png"
A=$(fonts_copy fontsfile)
rm -rf "$A/fonts" && echo x >"$A/fonts"
bad fonts-is-file      "fonts"           "--assets"       -- --assets "$A" --keys right
for f in "$PODIUM_ASSETS"/fonts/*.otf; do
  A=$(fonts_copy otf)
  head -c 2000 "$f" >"$A/fonts/$(basename "$f")"
  bad otf-truncated    "$(basename "$f")" "restore it"      -- --assets "$A" --list
  break
done

# ---- shaders: copy shaders/ and damage the copy ----
shaders_copy() {
  rm -rf "$TMP/sh-$1"
  mkdir -p "$TMP/sh-$1"
  cp "$PODIUM_SRCDIR"/shaders/* "$TMP/sh-$1/"
  echo "$TMP/sh-$1"
}
S=$(shaders_copy emptyvert)
: >"$S/prim.vert"
bad shader-empty       "prim.vert"       "do not link"      -- --shaders "$S" --frame 1 --out "$K/n.png" --size 64x36
S=$(shaders_copy binary)
# an ELF header first: random bytes that began with a NUL (1 in 256) read as an empty shader, which links
# rather than compiles wrong
{ printf '\177ELF'; head -c 4000 /dev/urandom; } >"$S/prim.frag"
bad shader-binary      "prim.frag"       "restore it"      -- --shaders "$S" --frame 1 --out "$K/n.png" --size 64x36
S=$(shaders_copy novert)
rm "$S/prim.vert"
bad shader-missing-one "prim.vert"       "--shaders"      -- --shaders "$S" --talk demo --keys f12 --capture-dir "$K/caps" --size 64x36
S=$(shaders_copy dirvert)
rm "$S/prim.vert" && mkdir "$S/prim.vert"
bad shader-is-folder   "prim.vert"       "--shaders"      -- --shaders "$S" --frame 1 --out "$K/n.png" --size 64x36
bad shaders-is-file    "afile"           "--shaders"      -- --shaders "$K/afile" --export-stops "$K/new-stops2" --size 64x36

# ---- bad --keys scripts: refused before anything runs (nothing on stdout) ----
keys_bad() {
  local name="$1" thing="$2" fix="$3"
  shift 4
  bad "$name" "$thing" "$fix" -- --talk demo --capture-dir "$K/caps" "$@"
  if [[ -s "$TMP/out" ]]; then
    echo "FAIL [$name]: the script ran before it was refused: $(head -c 200 "$TMP/out")"
    fail=$((fail + 1))
  fi
}
long=$(printf 'x%.0s' $(seq 200))
many=$(printf "right wait:0.01 %.0s" $(seq 7000)) # 112 kB: an argument may hold 128 kB
keys_bad keys-bad-modifier "super+right"  "podium --help" -- --keys "right super+right"
keys_bad keys-modifier-only "shift+"      "podium --help" -- --keys "shift+"
keys_bad keys-double-plus  "ctrl++"       "podium --help" -- --keys "ctrl++right"
keys_bad keys-f13          "f13"          "podium --help" -- --keys "f13"
keys_bad keys-kp10         "kp10"         "podium --help" -- --keys "kp10"
keys_bad keys-lone-colon   "':'"          "podium --help" -- --keys "right : left"
keys_bad keys-wait-empty   "wait:"        "e.g. wait:1.5" -- --keys "wait:"
keys_bad keys-wait-negative "wait:-1"     "e.g. wait:1.5" -- --keys "wait:-1"
keys_bad keys-wait-nan     "wait:nan"     "e.g. wait:1.5" -- --keys "wait:nan"
keys_bad keys-wait-inf     "wait:inf"     "e.g. wait:1.5" -- --keys "wait:inf"
keys_bad keys-wait-huge    "wait:1e999"   "e.g. wait:1.5" -- --keys "wait:1e999"
keys_bad keys-wait-too-long "wait:2e6"    "e.g. wait:1.5" -- --keys "wait:2e6"
keys_bad keys-wait-two     "wait:1:2"     "e.g. wait:1.5" -- --keys "wait:1:2"
keys_bad keys-hold-no-time "hold:shift+right" "e.g. hold:shift+right:1" -- --keys "hold:shift+right"
keys_bad keys-hold-no-key  "hold::1"      "e.g. hold:shift+right:1" -- --keys "hold::1"
keys_bad keys-hold-negative "hold:right:-1" "e.g. hold:shift+right:1" -- --keys "hold:right:-1"
keys_bad keys-bar-over     "bar:1.5"      "e.g. bar:0.5"  -- --keys "bar:1.5"
keys_bad keys-drag-one     "drag:0.1"     "e.g. drag:0.2:0.6" -- --keys "drag:0.1"
keys_bad keys-drag-words   "drag:a:b"     "e.g. drag:0.2:0.6" -- --keys "drag:a:b"
keys_bad keys-wheel-huge   "wheel:1e9"    "e.g. wheel:-3" -- --keys "wheel:1e9"
keys_bad keys-unknown-verb "jump:3"       "podium --help" -- --keys "jump:3"
keys_bad keys-long-token   "is too long: at most 127" "podium --help" -- --keys "right $long"
keys_bad keys-not-utf8     $'\xff\xfe'    "podium --help" -- --keys $'right \xff\xfe'
keys_bad keys-bad-at-end   "token 14001" "podium --help" -- --keys "$many frob"

echo "$pass passed, $fail failed ($cases cases)"
if [[ $cases -lt 40 ]]; then
  echo "FAIL: only $cases cases, want at least 40"
  exit 1
fi
[[ $fail -eq 0 ]]
