#!/usr/bin/env bash
# An export on a software renderer draws and converts each frame only where
# it differs from the frame its target and its sink buffer held
# (pd_scene_damage), and sends a still stretch down ffmpeg's pipe once, for
# ffmpeg to repeat (pd_cap_hold). It must give the very frames of drawing,
# converting and sending every frame whole (PODIUM_EXPORT_FULL=1), as many and
# at the same times: the decoded frames' checksums and timestamps are
# compared, for the GQA talk (whole, a stretch that starts mid-animation, and
# a size not 16:9, where the frame is letterboxed) and for scenes with
# slides, fades, transforms, lag and strokes.
set -u
PODIUM="$1"
SCENES="$(cd "$(dirname "$0")/../scenes" && pwd)"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
command -v ffmpeg >/dev/null || { echo "FAIL: the test needs ffmpeg"; exit 1; }

# same LABEL ARGS...: (at SIZE) the export with damage and without decode to the same frames
same() {
  local label="$1"
  shift
  if ! "$PODIUM" "$@" --export "$TMP/d.mp4" --size "${SIZE:-480x270}" --fps "${FPS:-30}" --force >/dev/null 2>"$TMP/err"; then
    echo "FAIL: $label: $(head -1 "$TMP/err")"; fail=$((fail + 1)); return
  fi
  PODIUM_EXPORT_FULL=1 "$PODIUM" "$@" --export "$TMP/f.mp4" --size "${SIZE:-480x270}" --fps "${FPS:-30}" --force >/dev/null 2>&1
  ffmpeg -v error -y -i "$TMP/d.mp4" -f framemd5 "$TMP/d.md5"
  ffmpeg -v error -y -i "$TMP/f.mp4" -f framemd5 "$TMP/f.md5"
  local n
  n=$(grep -vc '^#' "$TMP/f.md5")
  if [[ $n -gt 0 ]] && cmp -s "$TMP/d.md5" "$TMP/f.md5"; then
    pass=$((pass + 1))
  else
    echo "FAIL: $label: the frames differ from the whole frames ($n frames; first difference: $(diff "$TMP/d.md5" "$TMP/f.md5" | sed -n 2p))"
    fail=$((fail + 1))
  fi
}

same "gqa" --talk gqa
same "gqa from 10.3 s" --talk gqa --from 10.3 --to 30
# a rate that is not whole, and the talk's end (its last wait is sent whole: ffmpeg guesses a last frame's repeats)
FPS=29.97 same "gqa at 29.97 fps, from 60 s to the end" --talk gqa --from 60
SIZE=400x400 same "gqa letterboxed, 400x400" --talk gqa --from 8 --to 30
SIZE=400x400 same "animate.py letterboxed, 400x400" "$SCENES/animate.py"
SIZE=400x400 same "fades.py letterboxed, 400x400" "$SCENES/fades.py"
same "demo" --talk demo
for s in animate fades lag transforms transforms_geom line_ends opacity rates; do
  same "$s.py" "$SCENES/$s.py"
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
