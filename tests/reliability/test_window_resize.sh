#!/usr/bin/env bash
# The window survives being shrunk to 1x1 and minimised (issue 7, suite
# 'reliability'), under Xvfb, driven from outside with xdotool: podium keeps
# running and drawing, takes keys afterwards (an F12 screenshot, a step), and
# quits with exit 0 on Q. The headless 1x1 and 0x0 cases are in test_soak.c.
# (Xvfb has no window manager: "minimised" is an iconify request plus an
# unmap, as a WM does; X itself has no 0x0 windows, so the 0x0 framebuffer
# path is test_soak's.)
# Exit 77 (skipped) only when xvfb-run is missing.
# usage: test_window_resize.sh PODIUM
set -u
PODIUM="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if ! command -v xvfb-run >/dev/null; then
  echo "skip: xvfb-run not installed (apt-get install xvfb xauth)"
  exit 77
fi
for tool in xdotool import; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL: $tool is missing (apt-get install xdotool imagemagick; podium.sh installs them)"
    exit 1
  fi
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export PODIUM TMP

# everything under one X server, with a hard time limit
timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
set -u
fail=0
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
alive() { kill -0 "$PID" 2>/dev/null; }
"$PODIUM" --talk demo --capture-dir "$TMP/caps" --size 320x180 >"$TMP/out" 2>"$TMP/err" &
PID=$!
WID=$(timeout 30 xdotool search --sync --onlyvisible --name "^podium demo: every mobject and animation$" | head -1)
if [[ -z "$WID" ]]; then
  echo "FAIL: no podium window appeared: $(cat "$TMP/err")"
  kill "$PID" 2>/dev/null
  exit 1
fi
key() { timeout 10 xdotool windowfocus --sync "$WID" key "$@" >/dev/null 2>&1 || timeout 10 xdotool key "$@"; }
shot() { timeout 30 import -window root "$TMP/$1.png" && [[ -s "$TMP/$1.png" ]] || bad "screenshot $1"; }
sleep 1
key Right
sleep 0.5

# 1x1
timeout 10 xdotool windowsize "$WID" 1 1
sleep 1.5
alive || bad "podium died at 1x1: $(cat "$TMP/err")"
shot one-by-one
key Left
sleep 0.5
alive || bad "podium died on a key at 1x1"

# minimised: an iconify request, and the unmap a window manager does
timeout 10 xdotool windowminimize "$WID" >/dev/null 2>&1
timeout 10 xdotool windowunmap --sync "$WID"
sleep 1.5
alive || bad "podium died minimised: $(cat "$TMP/err")"
shot minimised
timeout 10 xdotool windowmap --sync "$WID"
timeout 10 xdotool windowsize "$WID" 640 360
sleep 1
alive || bad "podium died on restore: $(cat "$TMP/err")"
shot restored

# it still takes keys and renders: F12 writes a screenshot of the talk
key F12
for _ in $(seq 50); do
  compgen -G "$TMP/caps/podium-*.png" >/dev/null && break
  sleep 0.2
done
compgen -G "$TMP/caps/podium-*.png" >/dev/null || bad "no F12 screenshot after the resizes: $(cat "$TMP/err")"

key q
for _ in $(seq 75); do alive || break; sleep 0.2; done
if alive; then
  bad "podium did not quit on Q"
  kill "$PID"
fi
wait "$PID"
rc=$?
[[ $rc -eq 0 ]] || bad "podium exited $rc: $(cat "$TMP/err")"
if grep -q "Sanitizer\|runtime error" "$TMP/err"; then bad "sanitizer report: $(cat "$TMP/err")"; fi

# Ctrl-C while a Shift+F12 recording runs (issue 10): the recording is
# finished (ffmpeg gets its EOF), kept under its name, and podium exits 130
if command -v ffprobe >/dev/null; then
  set -m # a background job keeps SIGINT
  "$PODIUM" --talk demo --capture-dir "$TMP/rec" --size 320x180 --fps 30 >"$TMP/out" 2>"$TMP/err" &
  PID=$!
  set +m
  WID=$(timeout 30 xdotool search --sync --onlyvisible --name "^podium demo: every mobject and animation$" | head -1)
  sleep 1
  key shift+F12
  for _ in $(seq 50); do
    compgen -G "$TMP/rec/.podium-rec-*.partial-*" >/dev/null && break
    sleep 0.2
  done
  compgen -G "$TMP/rec/.podium-rec-*.partial-*" >/dev/null || bad "no recording under a temporary name: $(cat "$TMP/err")"
  sleep 1
  kill -INT -- -"$PID" # as Ctrl-C on a terminal: the whole process group
  for _ in $(seq 50); do alive || break; sleep 0.2; done
  alive && { bad "podium still runs 10 s after SIGINT"; kill -9 "$PID"; }
  wait "$PID"
  rc=$?
  [[ $rc -eq 130 ]] || bad "SIGINT while recording: exit $rc, want 130: $(cat "$TMP/err")"
  rec=("$TMP"/rec/podium-rec-*.mp4)
  n=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "${rec[0]}" 2>/dev/null)
  [[ ${#rec[@]} -eq 1 && "$n" =~ ^[0-9]+$ && $n -gt 0 ]] || bad "the interrupted recording does not decode: ${rec[*]} ($n frames)"
  [[ -z $(find "$TMP/rec" -name ".*partial*") ]] || bad "temporary files left: $(ls -a "$TMP/rec")"
fi
echo "window: 1x1, minimised, restored, F12, Q, Ctrl-C while recording: $fail failures"
exit $((fail > 0))
'
rc=$?
if [[ $rc -eq 124 ]]; then
  echo "FAIL: the window test timed out"
fi
exit $rc
