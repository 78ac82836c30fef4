#!/usr/bin/env bash
# The py layer from the command line (podium FILE.py [SCENE]):
# - every scene of tests/scenes/ lists the stops of tests/scenes/NAME.list;
# - talks/gqa.py (the seed) has the C port's stop times;
# - every file of tests/scenes/errors/ fails with exit 2 and exactly the one
#   line its first comment expects ("# expect: ..."; "# args: ..." adds
#   arguments); a file that does not exist, too;
# - every headless option works with a file talk as with a built-in one.
set -u
podium=$(realpath "$1")
cd "$PODIUM_SRCDIR" || exit 1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad() { echo "FAIL: $*" >&2; fail=1; }

n=0
for f in tests/scenes/*.py; do
  n=$((n + 1))
  want=${f%.py}.list
  if ! "$podium" "$f" --list >"$tmp/list" 2>"$tmp/err"; then
    bad "$f --list failed: $(cat "$tmp/err")"
  elif [[ ! -f $want ]]; then
    bad "$want is missing (podium $f --list > $want)"
  elif ! diff -u "$want" "$tmp/list" >&2; then
    bad "$f --list differs from $want"
  fi
done
((n >= 15)) || bad "only $n scenes in tests/scenes (want 15 or more)"

# the seed: the C port's stops (the port adds sections, the seed has none)
"$podium" --list | grep '^stop' | sed 's/ section=.*//' >"$tmp/c"
"$podium" talks/gqa.py --list | grep '^stop' | sed 's/ section=.*//' >"$tmp/py"
[[ $(wc -l <"$tmp/py") -eq 24 ]] || bad "talks/gqa.py: $(wc -l <"$tmp/py") stops, want 24"
diff -u "$tmp/c" "$tmp/py" >&2 || bad "talks/gqa.py's stops differ from the C port's"

# errors: exit 2 and exactly the expected line on stderr
check_error() { # FILE WANT [ARGS...]
  local f=$1 want=$2
  shift 2
  PODIUM_PY_TIMEOUT=1 "$podium" "$f" "$@" --list >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [[ $rc -eq 2 ]] || bad "$f: exit $rc, want 2"
  [[ ! -s $tmp/out ]] || bad "$f: wrote to stdout: $(head -3 "$tmp/out")"
  [[ $(cat "$tmp/err") == "$want" ]] || bad "$f: stderr is
$(cat "$tmp/err")
want
$want"
}
e=0
for f in tests/scenes/errors/*.py; do
  e=$((e + 1))
  want=$(sed -n '1s/^# expect: //p' "$f")
  args=$(sed -n '2s/^# args: //p' "$f")
  [[ -n $want ]] || bad "$f has no '# expect:' first line"
  # shellcheck disable=SC2086
  check_error "$f" "$want" $args
done
((e >= 15)) || bad "only $e error scenes"
check_error tests/scenes/errors/no_such_file.py "podium: tests/scenes/errors/no_such_file.py: no such scene file"
# named, either of two subclasses loads
"$podium" tests/scenes/errors/two_scenes.py Second --list >"$tmp/out" 2>&1 || bad "two_scenes.py Second: $(cat "$tmp/out")"
grep -q '^stop 1 t=0.000 hold=2.000' "$tmp/out" || bad "two_scenes.py Second: not Second's stop: $(cat "$tmp/out")"
# the time limit is the documented variable's
start=$(date +%s.%N)
PODIUM_PY_TIMEOUT=0.5 "$podium" tests/scenes/errors/loop.py --list 2>"$tmp/err" && bad "loop.py ended"
grep -q "time limit of 0.5 s" "$tmp/err" || bad "PODIUM_PY_TIMEOUT=0.5: $(cat "$tmp/err")"
awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { exit !(b - a < 5) }' || bad "the 0.5 s limit took too long"

# headless options with a file talk
scene=tests/scenes/fades.py
"$podium" "$scene" --stop 1 --out "$tmp/stop1.png" --size 320x180 || bad "--stop"
[[ -s $tmp/stop1.png ]] || bad "--stop wrote nothing"
"$podium" "$scene" --frame 0.5 --out "$tmp/f.png" --size 320x180 || bad "--frame"
[[ -s $tmp/f.png ]] || bad "--frame wrote nothing"
"$podium" "$scene" --frame 99 --out "$tmp/late.png" 2>/dev/null && bad "--frame past the end succeeded"
"$podium" "$scene" --export-stops "$tmp/stops/" --size 320x180 || bad "--export-stops"
[[ -s $tmp/stops/stop-01.png && -s $tmp/stops/stop-02.png ]] || bad "--export-stops: $(ls "$tmp/stops" 2>&1)"
"$podium" "$scene" --export "$tmp/frames/" --fps 5 --size 160x90 --from stop:1 --to stop:2 >/dev/null 2>&1 || bad "--export"
[[ -s $tmp/frames/frame-000001.png ]] || bad "--export wrote no frames"
"$podium" tests/scenes/slides.py --keys "right settle right settle" >"$tmp/keys" || bad "--keys"
grep -q 'after settle: t=1.500 stop=1' "$tmp/keys" || bad "--keys: $(cat "$tmp/keys")"
"$podium" "$scene" --bench --bench-frames 5 --size 320x180 >"$tmp/bench" 2>&1 || bad "--bench: $(tail -3 "$tmp/bench")"
if "$podium" --help | grep -q -- '--handout'; then
  if "$podium" "$scene" --handout "$tmp/h.pdf" --size 320x180 >"$tmp/hout" 2>&1; then
    [[ -s $tmp/h.pdf ]] || bad "--handout wrote nothing"
  elif ! grep -qi cairo "$tmp/hout"; then
    bad "--handout: $(cat "$tmp/hout")"
  fi
fi
"$podium" --help | grep -q 'FILE.py' || bad "--help does not mention FILE.py"
exit $fail
