#!/usr/bin/env bash
# The live presenter from the command line, headless: --keys scripts that
# cover every binding, screenshots equal --frame and leave the HUD out,
# exports (frame count = duration x fps, an mp4 ffprobe can decode), stops,
# the handout's pages, --start, and bad input: one clear line, exit 2, no
# crash, no file overwritten. Written against --talk demo, valid for any talk.
set -u
PODIUM="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
TALK="${2:-demo}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# the talk's timeline, from --list
LIST=$("$PODIUM" --talk "$TALK" --list) || { echo "FAIL: --list"; exit 1; }
NSTOPS=$(grep -c '^stop ' <<<"$LIST")
NSECS=$(grep -c '^section ' <<<"$LIST")
DUR=$(awk '/^duration/{print $2}' <<<"$LIST")
stop_t() { awk -v n="$1" '$1=="stop" && $2==n {sub("t=","",$3); print $3}' <<<"$LIST"; }
[[ $NSTOPS -ge 2 && $NSECS -ge 2 ]] || { echo "FAIL: the test needs a talk with 2+ stops and sections"; exit 1; }
T1=$(stop_t 1)
T2=$(stop_t 2)
TL=$(stop_t "$NSTOPS")

# keys SCRIPT: runs --keys, fills OUT (stdout) and ERR (stderr), RC
keys() {
  OUT=$("$PODIUM" --talk "$TALK" --capture-dir "$TMP/caps" --keys "$@" 2>"$TMP/err")
  RC=$?
  ERR=$(cat "$TMP/err")
}
# line N of OUT must read "after TOKEN: t=T stop=S mode=M" (T compared to 3 decimals)
expect_line() {
  local n="$1" want="$2" got
  got=$(sed -n "${n}p" <<<"$OUT")
  if [[ "$got" == "$want" ]]; then ok; else bad "line $n: got '$got', want '$want'"; fi
}
f3() { printf '%.3f' "$1"; }
F=0.017 # one frame at 60 fps, as printed

# next plays and holds; a second press completes; previous shows the end state
keys "right settle right right left left"
[[ $RC -eq 0 ]] && ok || bad "keys rc=$RC: $ERR"
expect_line 1 "after right: t=$F stop=0 mode=playing"
expect_line 2 "after settle: t=$(f3 "$T1") stop=1 mode=held"
line3=$(sed -n 3p <<<"$OUT")
[[ "$line3" == "after right: t="*" stop=1 mode=playing" ]] && ok || bad "line 3: $line3"
expect_line 4 "after right: t=$(f3 "$T2") stop=2 mode=held"
expect_line 5 "after left: t=$(f3 "$T1") stop=1 mode=held"
expect_line 6 "after left: t=0.000 stop=0 mode=held"

# every next key and every previous key
for k in space pagedown n enter down kpenter click; do
  keys "$k"
  expect_line 1 "after $k: t=$F stop=0 mode=playing"
done
for k in left up pageup backspace p shift+space rclick; do
  keys "end right settle $k"
  expect_line 4 "after $k: t=$(f3 "$TL") stop=$NSTOPS mode=held"
done

# reverse ends at the previous stop; R replays the step into the held stop
keys "2 v wait:0.1 settle r settle"
expect_line 2 "after v: t=$(f3 "$(awk -v t="$T2" 'BEGIN{print t-1/60}')") stop=1 mode=reverse"
expect_line 4 "after settle: t=$(f3 "$T1") stop=1 mode=held"
line5=$(sed -n 5p <<<"$OUT")
[[ "$line5" == "after r: t="*" mode=playing" ]] && ok || bad "r: $line5"
expect_line 6 "after settle: t=$(f3 "$T1") stop=1 mode=held"
keys "end v v"
expect_line 3 "after v: t=$(f3 "$(stop_t $((NSTOPS - 1)))") stop=$((NSTOPS - 1)) mode=held"

# sections, Home/End, digits, goto
FIRST2=$(awk '$1=="stop" && $5=="section=2" {sub("t=","",$3); print $2, $3; exit}' <<<"$LIST")
read -r S2 S2T <<<"$FIRST2"
keys "] home end 2 [ shift+pagedown shift+pageup 1 g 2 enter"
expect_line 1 "after ]: t=$(f3 "$S2T") stop=$S2 mode=held"
expect_line 2 "after home: t=0.000 stop=0 mode=held"
expect_line 3 "after end: t=$(f3 "$TL") stop=$NSTOPS mode=held"
expect_line 4 "after 2: t=$(f3 "$S2T") stop=$S2 mode=held"
line5=$(sed -n 5p <<<"$OUT")
[[ "$line5" == "after [: t="*" mode=held" ]] && ok || bad "[: $line5"
expect_line 6 "after shift+pagedown: t=$(f3 "$S2T") stop=$S2 mode=held"
expect_line 11 "after enter: t=$(f3 "$T2") stop=2 mode=held"

# play/pause, scrubbing, frame steps, mouse on the HUD's timeline (h shows the HUD), wheel
keys "k wait:1 k hold:shift+right:1 shift+left ctrl+right ctrl+left ctrl+left h bar:0 drag:0:0.5 wheel:-4"
expect_line 2 "after wait:1: t=1.000 stop=0 mode=playing"
expect_line 3 "after k: t=1.000 stop=0 mode=paused"
expect_line 4 "after hold:shift+right:1: t=$(f3 "$(awk 'BEGIN{print 1+1/60+2}')") stop=0 mode=paused"
expect_line 7 "after ctrl+left: t=$(f3 "$(awk 'BEGIN{print 3}')") stop=0 mode=paused"
expect_line 10 "after bar:0: t=0.000 stop=0 mode=paused"
expect_line 11 "after drag:0:0.5: t=$(f3 "$(awk -v d="$DUR" 'BEGIN{print d/2}')") stop=$(awk -v d="$DUR" -v a="$T1" -v b="$T2" 'BEGIN{h=d/2; print (h>=b)?2:(h>=a)?1:0}') mode=paused"
expect_line 12 "after wheel:-4: t=$(f3 "$(awk -v d="$DUR" 'BEGIN{print d/2-1}')") stop=$(awk -v d="$DUR" -v a="$T1" -v b="$T2" 'BEGIN{h=d/2-1; print (h>=b)?2:(h>=a)?1:0}') mode=paused"

# screen, overlay and window keys change no playhead and never fail headless
keys "b . w esc h h ? f1 f f11 f5 esc s g esc escape"
[[ $RC -eq 0 && $(wc -l <<<"$OUT") -eq 16 ]] && ok || bad "screen keys: rc=$RC lines=$(wc -l <<<"$OUT")"
[[ $(grep -c "t=0.000 stop=0 mode=held" <<<"$OUT") -eq 16 ]] && ok || bad "screen keys moved the playhead: $OUT"
# q and ctrl+q end the script
keys "right q right"
[[ $(wc -l <<<"$OUT") -eq 2 ]] && ok || bad "q did not stop the script: $OUT"
keys "ctrl+q right"
[[ $(wc -l <<<"$OUT") -eq 1 ]] && ok || bad "ctrl+q did not stop the script"

# --start
OUT=$("$PODIUM" --talk "$TALK" --start stop:2 --keys "left")
[[ "$OUT" == "after left: t=$(f3 "$T1") stop=1 mode=held" ]] && ok || bad "--start stop:2: $OUT"
OUT=$("$PODIUM" --talk "$TALK" --start section:2 --keys "home")
[[ "$OUT" == "after home: t=0.000 stop=0 mode=held" ]] && ok || bad "--start section:2: $OUT"
OUT=$("$PODIUM" --talk "$TALK" --start 2.5 --keys "ctrl+right")
[[ "$OUT" == "after ctrl+right: t=2.517 stop=0 mode=paused" ]] && ok || bad "--start 2.5: $OUT"

# out of range at run time: a message, the playhead stays
keys "g 9 9 9 enter 9"
[[ $RC -eq 0 && "$ERR" == *"stop 999 is out of range"* ]] && ok || bad "goto 999: rc=$RC $ERR"
expect_line 5 "after enter: t=0.000 stop=0 mode=held"
[[ "$ERR" == *"section 9 is out of range"* ]] && ok || bad "section 9: $ERR"

# screenshot: equals --frame at the same t, without the HUD (on by default)
rm -rf "$TMP/caps"
OUT=$("$PODIUM" --talk "$TALK" --capture-dir "$TMP/caps" --start "$T1" --keys "f12 f12" 2>"$TMP/err")
shots=("$TMP"/caps/podium-*.png)
[[ ${#shots[@]} -eq 2 && -s "${shots[0]}" && -s "${shots[1]}" ]] && ok || bad "two screenshots, got ${#shots[@]}: $(cat "$TMP/err")"
[[ "${shots[0]}" != "${shots[1]}" ]] && ok || bad "screenshot names collide"
"$PODIUM" --talk "$TALK" --frame "$T1" --out "$TMP/ref.png" || bad "--frame"
if cmp -s "${shots[0]}" "$TMP/ref.png"; then ok; else
  if command -v compare >/dev/null && [[ $(compare -metric AE "${shots[0]}" "$TMP/ref.png" null: 2>&1) == 0 ]]; then ok; else
    bad "screenshot differs from --frame $T1"
  fi
fi
# HUD hidden or shown: the same capture
"$PODIUM" --talk "$TALK" --capture-dir "$TMP/caps2" --start "$T1" --no-hud --keys "f12" >/dev/null 2>&1
cmp -s "${shots[0]}" "$TMP"/caps2/podium-*.png && ok || bad "captures depend on the HUD"
# the speaker's tools: a pen stroke is in the screenshot (the HUD, the laser
# and the pen's swatch are not); cleared (e), the screenshot is --frame's again
rm -rf "$TMP/caps3"
OUT=$("$PODIUM" --talk "$TALK" --capture-dir "$TMP/caps3" --start stop:1 \
  --keys "h l pointer:0.5:0.5 d draw:0.2:0.3:0.7:0.6 f12 e f12" 2>"$TMP/err")
shots=("$TMP"/caps3/podium-*.png)
[[ ${#shots[@]} -eq 2 ]] && ok || bad "pen: two screenshots, got ${#shots[@]}: $(cat "$TMP/err")"
cmp -s "${shots[0]}" "$TMP/ref.png" && bad "pen: the stroke is not in the screenshot" || ok
cmp -s "${shots[1]}" "$TMP/ref.png" && ok || bad "pen: cleared, the screenshot differs from --frame $T1"
[[ "$OUT" == *"after draw:0.2:0.3:0.7:0.6: t=$(f3 "$T1") stop=1 mode=held"* ]] && ok ||
  bad "pen: drawing moved the talk: $OUT"
# --duration plans the talk (a time, or one per section); a bad one is refused
"$PODIUM" --talk "$TALK" --duration 20m --keys "right settle" >/dev/null 2>&1 && ok || bad "--duration 20m"
SECS=$(printf '1m,%.0s' $(seq "$NSECS"))
"$PODIUM" --talk "$TALK" --duration "${SECS%,}" --keys "right" >/dev/null 2>&1 && ok ||
  bad "--duration with $NSECS section times"

# recording in --keys: frames at --fps over the simulated clock
rm -rf "$TMP/caps"
OUT=$("$PODIUM" --talk "$TALK" --capture-dir "$TMP/caps" --size 320x180 --fps 30 --keys "shift+f12 right wait:1 shift+f12" 2>"$TMP/err")
if command -v ffprobe >/dev/null; then
  mp4=("$TMP"/caps/podium-rec-*.mp4)
  n=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "${mp4[0]}" 2>/dev/null)
  [[ "$n" == 31 ]] && ok || bad "recording: $n frames, want 31 ($(cat "$TMP/err"))"
fi
# ffmpeg missing: the recording falls back to PNG and says so
mkdir -p "$TMP/bin"
for tool in bash sh head cat; do ln -sf "$(command -v $tool)" "$TMP/bin/$tool"; done
rm -rf "$TMP/caps"
OUT=$(PATH="$TMP/bin" "$PODIUM" --talk "$TALK" --capture-dir "$TMP/caps" --size 320x180 --fps 10 --keys "shift+f12 wait:1 shift+f12" 2>"$TMP/err")
[[ $? -eq 0 && $(cat "$TMP/err") == *"ffmpeg not found"*"PNG"* ]] && ok || bad "no ffmpeg: $(cat "$TMP/err")"
[[ $(find "$TMP/caps" -name 'frame-*.png' | wc -l) -eq 11 ]] && ok || bad "no ffmpeg: $(find "$TMP/caps" -name 'frame-*.png' | wc -l) PNG frames, want 11"
# ffmpeg dying mid-recording: the rest as PNG, said, no crash (SIGPIPE)
printf '#!/bin/sh\nhead -c 1000000 >/dev/null\nexit 1\n' >"$TMP/bin/ffmpeg"
chmod +x "$TMP/bin/ffmpeg"
rm -rf "$TMP/caps"
OUT=$(PATH="$TMP/bin" "$PODIUM" --talk "$TALK" --capture-dir "$TMP/caps" --size 320x180 --fps 30 --keys "shift+f12 right wait:2 shift+f12" 2>"$TMP/err")
rc=$?
[[ $rc -eq 0 && $(cat "$TMP/err") == *"ffmpeg stopped"*"PNG"* ]] && ok || bad "ffmpeg dies: rc=$rc $(cat "$TMP/err")"
n=$(find "$TMP/caps" -name 'frame-*.png' | wc -l)
[[ $n -gt 0 && $n -lt 61 ]] && ok || bad "ffmpeg dies: $n PNG frames"

# export: frame count = duration x fps; the mp4 decodes
want=$(awk -v d="$DUR" 'BEGIN{printf "%d", d*10 + 0.5}')
"$PODIUM" --talk "$TALK" --export "$TMP/frames/" --fps 10 --size 320x180 >/dev/null || bad "export frames"
[[ $(ls "$TMP/frames" | wc -l) -eq $want ]] && ok || bad "export: $(ls "$TMP/frames" | wc -l) frames, want $want"
# frame k shows t = k / fps, as --frame does
"$PODIUM" --talk "$TALK" --frame 2.5 --size 320x180 --out "$TMP/f25.png"
cmp -s "$TMP/frames/frame-000026.png" "$TMP/f25.png" && ok || bad "export frame 26 != --frame 2.5"
"$PODIUM" --talk "$TALK" --export "$TMP/part/" --fps 10 --size 320x180 --from stop:1 --to stop:2 >/dev/null
want=$(awk -v a="$T1" -v b="$T2" 'BEGIN{printf "%d", (b-a)*10 + 0.5}')
[[ $(ls "$TMP/part" | wc -l) -eq $want ]] && ok || bad "--from/--to: $(ls "$TMP/part" | wc -l) frames, want $want"
if command -v ffprobe >/dev/null; then
  "$PODIUM" --talk "$TALK" --export "$TMP/talk.mp4" --fps 10 --size 320x180 >/dev/null || bad "export mp4"
  n=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$TMP/talk.mp4")
  want=$(awk -v d="$DUR" 'BEGIN{printf "%d", d*10 + 0.5}')
  [[ "$n" == "$want" ]] && ok || bad "mp4: $n frames, want $want"
  # refused without --force, the file unchanged
  sz=$(stat -c %s "$TMP/talk.mp4")
  err=$("$PODIUM" --talk "$TALK" --export "$TMP/talk.mp4" --fps 10 --size 320x180 2>&1 >/dev/null)
  [[ $? -eq 2 && "$err" == *"exists already; pass --force"* && $(stat -c %s "$TMP/talk.mp4") == "$sz" ]] && ok || bad "mp4 overwrite: $err"
  # --force replaces it (here with a shorter export)
  "$PODIUM" --talk "$TALK" --export "$TMP/talk.mp4" --fps 10 --size 320x180 --to stop:1 --force >/dev/null || bad "export --force"
  n=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$TMP/talk.mp4")
  want=$(awk -v a="$T1" 'BEGIN{printf "%d", a*10 + 0.5}')
  [[ "$n" == "$want" ]] && ok || bad "mp4 --force: $n frames, want $want"
  # ffmpeg missing for an export: a clear error, nothing written
  err=$(PATH="$TMP/nobin" "$PODIUM" --talk "$TALK" --export "$TMP/x.mp4" --size 320x180 2>&1 >/dev/null)
  [[ $? -eq 2 && "$err" == *"ffmpeg"* && ! -e "$TMP/x.mp4" ]] && ok || bad "export without ffmpeg: $err"
fi

# stops and handout
"$PODIUM" --talk "$TALK" --export-stops "$TMP/stops" --size 320x180 >/dev/null || bad "export-stops"
[[ $(ls "$TMP"/stops/stop-*.png | wc -l) -eq $NSTOPS ]] && ok || bad "export-stops count"
"$PODIUM" --talk "$TALK" --stop 1 --size 320x180 --out "$TMP/s1.png"
cmp -s "$TMP/stops/stop-01.png" "$TMP/s1.png" && ok || bad "stop-01.png != --stop 1"
sum=$(cat "$TMP"/stops/* | sha256sum)
err=$("$PODIUM" --talk "$TALK" --export-stops "$TMP/stops" 2>&1 >/dev/null)
[[ $? -eq 2 && "$err" == *"pass --force"* && $(cat "$TMP"/stops/* | sha256sum) == "$sum" ]] && ok || bad "export-stops again: $err"
# --force: the stops are replaced (another size), a stale stop file of an older run goes, other files stay
cp "$TMP/stops/stop-01.png" "$TMP/stops/stop-99.png"
echo mine >"$TMP/stops/notes.txt"
"$PODIUM" --talk "$TALK" --export-stops "$TMP/stops" --size 160x90 --force >/dev/null || bad "export-stops --force"
[[ $(ls "$TMP"/stops/stop-*.png | wc -l) -eq $NSTOPS && ! -e "$TMP/stops/stop-99.png" && -f "$TMP/stops/notes.txt" ]] && ok || bad "export-stops --force: $(ls "$TMP/stops")"
[[ $(cat "$TMP"/stops/stop-*.png | sha256sum) != "$sum" ]] && ok || bad "export-stops --force changed nothing"
if "$PODIUM" --talk "$TALK" --handout "$TMP/h.pdf" --size 320x180 >/dev/null 2>"$TMP/err"; then
  pages=$(grep -a -c '/Type /Page$\|/Type /Page\b[^s]' "$TMP/h.pdf")
  pages=$(grep -a -o '/Type /Page[^s]' "$TMP/h.pdf" | wc -l)
  [[ $pages -eq $NSTOPS ]] && ok || bad "handout: $pages pages, want $NSTOPS"
  sum=$(sha256sum <"$TMP/h.pdf")
  err=$("$PODIUM" --talk "$TALK" --handout "$TMP/h.pdf" 2>&1 >/dev/null)
  [[ $? -eq 2 && "$err" == *"pass --force"* && $(sha256sum <"$TMP/h.pdf") == "$sum" ]] && ok || bad "handout again: $err"
  "$PODIUM" --talk "$TALK" --handout "$TMP/h.pdf" --size 160x90 -y >/dev/null || bad "handout -y"
  [[ $(sha256sum <"$TMP/h.pdf") != "$sum" && $(grep -a -o '/Type /Page[^s]' "$TMP/h.pdf" | wc -l) -eq $NSTOPS ]] && ok || bad "handout -y did not replace it"
elif grep -q cairo "$TMP/err"; then
  echo "note: built without cairo: $(cat "$TMP/err")"
  ok
else
  bad "handout: $(cat "$TMP/err")"
fi

# ---- interrupted outputs (issue 10): SIGINT/SIGTERM finish the file and keep it
# as NAME.partial.EXT, nothing under the final name, a second signal aborts ----
set -m # job control: background jobs keep SIGINT (a script's would ignore it)
# start_bg ARGS...: podium in the background, stderr in $TMP/bgerr, pid in BG
start_bg() {
  "$PODIUM" "$@" >/dev/null 2>"$TMP/bgerr" &
  BG=$!
}
# wait_for GLOB: until a path matching it exists (10 s at most)
wait_for() {
  local i f
  for ((i = 0; i < 200; i++)); do
    for f in $1; do [[ -e "$f" ]] && return 0; done
    sleep 0.05
  done
  return 1
}
# stop_bg SIGNAL: sends it, waits; RC and ERR. SIGINT goes to the process
# group, as Ctrl-C on a terminal does (ffmpeg included, when it shares it)
stop_bg() {
  if [[ $1 == INT ]]; then kill -INT -- -"$BG"; else kill -"$1" "$BG"; fi
  wait "$BG"
  RC=$?
  ERR=$(cat "$TMP/bgerr")
}
no_temp() { [[ -z $(find "$1" -maxdepth 1 -name '.*.partial-*') ]]; }
frames_of() { ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$1" 2>/dev/null; }

I="$TMP/int"
mkdir -p "$I"
if command -v ffprobe >/dev/null; then
  EXP=(--talk "$TALK" --export "$I/talk.mp4" --fps 60 --size 1280x720)
  all=$(awk -v d="$DUR" 'BEGIN{printf "%d", d*60 + 0.5}')
  for sig in INT TERM; do
    start_bg "${EXP[@]}"
    wait_for "$I/.talk.mp4.partial-*" && ok || bad "$sig: no temporary file beside the target"
    sleep 1
    [[ ! -e "$I/talk.mp4" ]] && ok || bad "$sig: the final name exists while exporting"
    stop_bg "$sig"
    want=$([[ $sig == INT ]] && echo 130 || echo 143)
    [[ $RC -eq $want ]] && ok || bad "$sig: exit $RC, want $want ($ERR)"
    [[ ! -e "$I/talk.mp4" ]] && ok || bad "$sig: a file under the final name"
    # the second interruption never overwrites the first one's partial file
    kept="$I/talk.partial.mp4"
    [[ $sig == TERM ]] && kept="$I/talk.partial-2.mp4"
    [[ "$ERR" == *"interrupted after"*"'$kept'"* && $(wc -l <<<"$ERR") -eq 1 ]] && ok || bad "$sig: message: $ERR"
    n=$(frames_of "$kept")
    [[ "$n" =~ ^[0-9]+$ && $n -gt 0 && $n -lt $all ]] && ok || bad "$sig: the partial mp4 does not decode ($n frames)"
    no_temp "$I" && ok || bad "$sig: temporary files left: $(ls -a "$I")"
  done
  # the same command runs again and completes
  "$PODIUM" "${EXP[@]}" >/dev/null 2>"$TMP/err" && ok || bad "rerun after interruptions: $(cat "$TMP/err")"
  [[ $(frames_of "$I/talk.mp4") == "$all" ]] && ok || bad "rerun: $(frames_of "$I/talk.mp4") frames, want $all"
  # an interrupted --force keeps the old file intact (the partial beside it)
  sum=$(sha256sum <"$I/talk.mp4")
  start_bg "${EXP[@]}" --force
  wait_for "$I/.talk.mp4.partial-*" || bad "--force: no temporary file"
  sleep 1
  stop_bg INT
  [[ $RC -eq 130 && $(sha256sum <"$I/talk.mp4") == "$sum" ]] && ok || bad "interrupted --force: rc=$RC, the old file changed"
  [[ -n $(frames_of "$I/talk.partial-3.mp4") ]] && ok || bad "interrupted --force: no partial file: $(ls "$I")"
  # a second SIGINT aborts at once, even while ffmpeg is finishing (here: an ffmpeg that takes 30 s)
  printf '#!/bin/sh\nfor a; do out="$a"; done\ncat >"$out"\nexec sleep 30\n' >"$TMP/slow-ffmpeg"
  chmod +x "$TMP/slow-ffmpeg"
  mkdir -p "$I/abort"
  PODIUM_FFMPEG="$TMP/slow-ffmpeg" start_bg --talk "$TALK" --export "$I/abort/a.mp4" --fps 10 --size 64x36
  wait_for "$I/abort/.a.mp4.partial-*" || bad "abort: no temporary file"
  kill -INT -- -"$BG"
  sleep 0.3
  t0=$(date +%s%N)
  stop_bg INT
  ms=$((($(date +%s%N) - t0) / 1000000))
  [[ $RC -eq 130 && $ms -lt 3000 ]] && ok || bad "second SIGINT: rc=$RC after $ms ms ($ERR)"
  [[ -z $(ls -A "$I/abort") ]] && ok || bad "second SIGINT left files: $(ls -A "$I/abort")"
  # a Shift+F12 recording interrupted in --keys: finished, decodable, under its name
  start_bg --talk "$TALK" --capture-dir "$I/caps" --size 640x360 --fps 30 --keys "shift+f12 right wait:60 shift+f12"
  wait_for "$I/caps/.podium-rec-*.partial-*" || bad "recording: no temporary file"
  sleep 1
  stop_bg INT
  rec=("$I"/caps/podium-rec-*.mp4)
  [[ $RC -eq 130 && ${#rec[@]} -eq 1 && -n $(frames_of "${rec[0]}") ]] && ok || bad "interrupted recording: rc=$RC, ${rec[*]} ($ERR)"
  no_temp "$I/caps" && ok || bad "recording: temporary files left"
fi
# a PNG folder: frames go to a temporary folder, kept as NAME.partial/
start_bg --talk "$TALK" --export "$I/frames/" --fps 60 --size 1280x720
wait_for "$I/.frames.partial-*/frame-000002.png" || bad "frames: no temporary folder"
stop_bg INT
n=$(ls "$I/frames.partial" 2>/dev/null | wc -l)
[[ $RC -eq 130 && ! -e "$I/frames" && $n -gt 0 && "$ERR" == *"'$I/frames.partial'"* ]] && ok || bad "interrupted frames: rc=$RC, $n frames ($ERR)"
no_temp "$I" && ok || bad "frames: temporary folder left: $(ls -a "$I")"
"$PODIUM" --talk "$TALK" --export "$I/frames/" --fps 10 --size 64x36 >/dev/null && [[ -f "$I/frames/frame-000001.png" ]] && ok || bad "frames: rerun"
# stops and handout: interrupted early or late, never a file under the final name
for kind in stops handout; do
  if [[ $kind == stops ]]; then
    target="$I/st"; partial="$I/st.partial"; start_bg --talk "$TALK" --export-stops "$target" --size 3840x2160
  else
    target="$I/h.pdf"; partial="$I/h.partial.pdf"; start_bg --talk "$TALK" --handout "$target"
  fi
  wait_for "$I/.$(basename "$target").partial-*" || bad "$kind: no temporary output"
  stop_bg INT
  if [[ $RC -eq 0 ]]; then
    [[ -e "$target" ]] && ok || bad "$kind: exit 0 without the output"
  else
    [[ $RC -eq 130 && ! -e "$target" && "$ERR" == *"interrupted after"* ]] && ok || bad "$kind: rc=$RC ($ERR)"
    [[ ! -e "$partial" || "$ERR" == *"'$partial'"* ]] && ok || bad "$kind: the message does not name $partial: $ERR"
  fi
  no_temp "$I" && ok || bad "$kind: temporary output left: $(ls -a "$I")"
done
set +m

# every output kind: a missing folder, or a file in the way, is one line, exit 2, nothing written
for args in "--frame 1 --out $I/nosuch/x.png" "--export $I/nosuch/t.mp4" "--export $I/nosuch/f/" \
  "--export-stops $I/nosuch/st" "--handout $I/nosuch/h.pdf"; do
  # shellcheck disable=SC2086
  err=$("$PODIUM" --talk "$TALK" --size 64x36 $args 2>&1 >/dev/null)
  rc=$?
  [[ $rc -eq 2 && "$err" == *"'$I/nosuch' does not exist"* && $(wc -l <<<"$err") -eq 1 && ! -e "$I/nosuch" ]] && ok || bad "$args: rc=$rc $err"
done

# bad input: one line, exit 2
expect2() {
  local needle="$1"
  shift
  local err
  err=$("$PODIUM" "$@" 2>&1 >/dev/null)
  local rc=$?
  if [[ $rc -ne 2 ]]; then bad "podium $* exited $rc (stderr: $err)"
  elif [[ "$err" != *"$needle"* ]]; then bad "podium $*: stderr lacks '$needle': $err"
  elif [[ $(printf '%s\n' "$err" | wc -l) -ne 1 ]]; then bad "podium $*: not one line: $err"
  else ok; fi
}
expect2 "unknown key 'frob'" --talk "$TALK" --keys "right frob"
expect2 "unknown key" --talk "$TALK" --keys "hold:nokey:1"
expect2 "wait" --talk "$TALK" --keys "wait:x"
expect2 "out of range" --talk "$TALK" --start stop:999 --keys right
expect2 "out of range" --talk "$TALK" --start section:99 --keys right
expect2 "past the end" --talk "$TALK" --start 99999 --keys right
expect2 "--start" --talk "$TALK" --start stop:x --keys right
expect2 "out of range" --talk "$TALK" --export "$TMP/o/" --from stop:999
expect2 "not before" --talk "$TALK" --export "$TMP/o2/" --from stop:2 --to stop:1
expect2 "--export" --talk "$TALK" --export "$TMP/x.avi"
expect2 "--fps" --talk "$TALK" --export "$TMP/o3/" --fps 0
expect2 ".pdf" --talk "$TALK" --handout "$TMP/x.txt"
expect2 "cannot be combined" --talk "$TALK" --keys right --export "$TMP/o4/"
expect2 "--from" --talk "$TALK" --from 1 --keys right
expect2 "even" --talk "$TALK" --export "$TMP/odd.mp4" --size 321x180
expect2 "--duration" --talk "$TALK" --duration soon --keys right
expect2 "section times" --talk "$TALK" --duration "$(printf '1m,%.0s' $(seq $((NSECS + 1))))1m" --keys right
expect2 "--keys" --talk "$TALK" --keys "pointer:0.5"
expect2 "--keys" --talk "$TALK" --keys "draw:0.1:0.1"
# an unwritable capture folder (a file in its place): said, exit 2, no crash
echo keep >"$TMP/afile"
err=$("$PODIUM" --talk "$TALK" --capture-dir "$TMP/afile" --keys "f12" 2>&1 >/dev/null)
[[ $? -eq 2 && "$err" == *"afile"* ]] && ok || bad "capture dir is a file: $err"
[[ $(cat "$TMP/afile") == keep ]] && ok || bad "afile changed"
# a full disk (a file-size limit): said, exit 2, no crash, no partial file
rm -rf "$TMP/full"
err=$( (ulimit -f 8; "$PODIUM" --talk "$TALK" --capture-dir "$TMP/full" --keys "f12") 2>&1 >/dev/null)
rc=$?
[[ $rc -eq 2 && "$err" == *"cannot write"* ]] && ok || bad "full disk: rc=$rc $err"
[[ $(find "$TMP/full" -type f | wc -l) -eq 0 ]] && ok || bad "full disk left files: $(ls "$TMP/full")"

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
