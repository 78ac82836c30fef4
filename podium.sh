#!/usr/bin/env bash
# podium's two commands (README "Quick start"):
#   ./podium.sh [ARGS...]   install what is missing, build into build/, present the talk
#   ./podium.sh test        the same set-up, then the whole test suite
# Packages come from Debian (apt-get, as root or through sudo). Without
# either, the exact apt-get line is printed and nothing else happens.
set -euo pipefail
# The repository, found from the script; the caller's folder stays the
# current one, so relative paths in ARGS mean what the caller typed.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
build=${PODIUM_BUILD:-$root/build} # the build folder (tests point it at theirs)

PACKAGES=(
  gcc pkg-config python3 meson ninja-build python3-glad
  libglfw3-dev libxrandr-dev libfreetype-dev libharfbuzz-dev libcglm-dev libstb-dev zlib1g-dev
  libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri
  libcairo2-dev ffmpeg xvfb xauth xdotool imagemagick
  python3-dev python3-numpy
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  line="apt-get install -y --no-install-recommends ${missing[*]}"
  if [[ -n "${PODIUM_NO_INSTALL:-}" ]]; then # the tests: never install from inside a test
    echo "podium.sh: missing packages; run:  apt-get update && $line" >&2
    exit 1
  elif [[ $(id -u) -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo)
  else
    echo "podium.sh: missing packages; run as root:  apt-get update && $line" >&2
    exit 1
  fi
  echo "podium.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  # shellcheck disable=SC2086
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ! -f "$build/build.ninja" ]]; then
  meson setup "$build" "$root" --buildtype=debugoptimized >/dev/null
fi
ninja -C "$build" >/dev/null || ninja -C "$build"   # quiet when fine, the errors when not

if [[ "${1:-}" == "test" ]]; then
  shift
  exec meson test -C "$build" --print-errorlogs "$@"
fi
exec "$build/podium" "$@"
