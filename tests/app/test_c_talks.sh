#!/usr/bin/env bash
# C talks from their files (`podium FILE.c`): compiled at load against
# podium's headers, no rebuild; every headless option works with them as with
# a built-in talk; mistakes give one line naming the file and line, exit 2.
set -u
PODIUM="$1"
T="$PODIUM_SRCDIR/tests/talks"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# the demo talk as a C file: the same timeline and the same pixels as built in
if diff <("$PODIUM" "$T/wrap_demo.c" --list 2>&1) <("$PODIUM" --talk demo --list 2>&1) >/dev/null; then ok; else
  bad "wrap_demo.c --list differs from --talk demo"; fi
"$PODIUM" "$T/wrap_demo.c" --stop 2 --out "$TMP/file.png" --size 320x180 >/dev/null 2>&1
"$PODIUM" --talk demo --stop 2 --out "$TMP/builtin.png" --size 320x180 >/dev/null 2>&1
if [[ -s "$TMP/file.png" ]] && cmp -s "$TMP/file.png" "$TMP/builtin.png"; then ok; else
  bad "wrap_demo.c stop 2 is not the demo's stop 2"; fi

# a talk of its own: its stops, sections and title
want=$'section 1 "Hello" t=0.000\nsection 2 "Goodbye" t=5.500\nstop 1 t=1.000 hold=1.000 section=1 "The title, written."\nstop 2 t=3.500 hold=2.000 section=1\nstop 3 t=6.500 hold=0.500 section=2\nduration 7.000'
got=$("$PODIUM" "$T/hello.c" --list 2>&1)
if [[ "$got" == "$want" ]]; then ok; else bad "hello.c --list: $got"; fi

# every headless option
"$PODIUM" "$T/hello.c" --frame 2.2 --out "$TMP/f.png" --size 320x180 >/dev/null 2>&1 && [[ -s "$TMP/f.png" ]] && ok ||
  bad "hello.c --frame"
"$PODIUM" "$T/hello.c" --export "$TMP/frames/" --fps 10 --size 64x36 >/dev/null 2>&1 &&
  [[ $(ls "$TMP/frames" | wc -l) -eq 70 ]] && ok || bad "hello.c --export: $(ls "$TMP/frames" 2>&1 | wc -l) frames, want 70"
"$PODIUM" "$T/hello.c" --export-stops "$TMP/stops" --size 64x36 >/dev/null 2>&1 &&
  [[ $(ls "$TMP/stops" | wc -l) -eq 3 ]] && ok || bad "hello.c --export-stops"
"$PODIUM" "$T/hello.c" --handout "$TMP/h.pdf" --size 320x180 >/dev/null 2>&1 && grep -aq 'Hello from a C file' "$TMP/h.pdf" &&
  ok || bad "hello.c --handout (titled by podium_talk_title)"
keys=$("$PODIUM" "$T/hello.c" --keys "right settle right settle" 2>&1)
[[ "$keys" == *"after settle: t=3.500 stop=2 mode=held"* ]] && ok || bad "hello.c --keys: $keys"
"$PODIUM" "$T/hello.c" --bench --bench-frames 10 >"$TMP/bench" 2>&1 && grep -q '"what":".*hello.c"' "$TMP/bench" && ok ||
  bad "hello.c --bench: $(tail -2 "$TMP/bench")"

# mistakes: one line, exit 2
expect() { # CODE NEEDLE ARGS...
  local code="$1" needle="$2"
  shift 2
  local err rc
  err=$("$PODIUM" "$@" 2>&1 >/dev/null)
  rc=$?
  if [[ $rc -eq $code && "$err" == *"$needle"* && $(printf '%s\n' "$err" | wc -l) -eq 1 ]]; then ok; else
    bad "podium $*: exit $rc, stderr: $err (want $code and '$needle')"; fi
}
expect 2 "broken.c:7:16: error:" "$T/broken.c" --list
expect 2 "defines no 'void podium_talk(pd_scene *s)'" "$T/no_entry.c" --list
expect 2 "cannot read talk '$TMP/none.c'" "$TMP/none.c" --list
mkdir "$TMP/dir.c"
expect 2 "is not a file" "$TMP/dir.c" --list
printf '#include "scene/scene.h"\nvoid pd_secret(void);\nvoid podium_talk(pd_scene *s);\nvoid podium_talk(pd_scene *s) { pd_secret(); pd_wait(s, 1); }\n' >"$TMP/undef.c"
expect 2 "pd_secret is not part of podium's scene API" "$TMP/undef.c" --list
printf '#include "scene/scene.h"\nvoid podium_talk(pd_scene *s);\nvoid podium_talk(pd_scene *s) { pd_wait(s, -1); }\n' >"$TMP/misuse.c"
expect 2 "pd_wait: -1 seconds" "$TMP/misuse.c" --list

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
