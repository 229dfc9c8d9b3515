#!/usr/bin/env bash
# Run a Windows program of the environment under Wine, the way the tests and builds need it.
#
#   bash packaging/windows/wine.sh python -m pytest -q tests/test_atomic.py
#   bash packaging/windows/wine.sh run C:\\path\\program.exe ARGS…   # any Windows program
#   bash packaging/windows/wine.sh prefix                             # make the prefix, print it
#
# `python` is the embeddable CPython that env.sh made (run env.sh first), with this checkout
# importable (DLA_DRAFTER_PROJECT). The Wine prefix is $WINEPREFIX, default
# $DLA_WINDOWS_CACHE/prefix; a new one is initialised, and the two stand-in DLLs go into its
# system32 (where Windows keeps its own icuuc.dll and bcryptprimitives.dll), never next to
# a program.
#
# Wine traps handled here (not Windows behaviour, see packaging/windows/README.md):
# - Python 3.13 does not start under Wine 8 when a standard stream is a regular Unix file or
#   /dev/null (WinError 6): stdin, stdout and stderr are always given as pipes.
# - Wine's first start installs Mono and Gecko from the network: switched off (never needed).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${DLA_WINDOWS_CACHE:-$HOME/.cache/dla-drafter-windows}"
export WINEPREFIX="${WINEPREFIX:-$CACHE/prefix}"
export WINEARCH=win64
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"

for tool in wine wineserver winepath; do
    command -v "$tool" >/dev/null || { echo "wine.sh: $tool is missing (apt install wine wine64)" >&2; exit 2; }
done
[ -x "$CACHE/python/python.exe" ] || [ -f "$CACHE/python/python.exe" ] || {
    echo "wine.sh: no Windows environment in $CACHE; run packaging/windows/env.sh first" >&2
    exit 2
}

ensure_prefix() {
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        mkdir -p "$WINEPREFIX"
        wine wineboot --init </dev/null >/dev/null 2>&1 || true
        wineserver --wait
    fi
    local system32="$WINEPREFIX/drive_c/windows/system32"
    for dll in "$CACHE"/standins/*.dll; do
        cmp -s "$dll" "$system32/$(basename "$dll")" || cp "$dll" "$system32/"
    done
}

# Run a command with every standard stream a pipe; keep its exit code.
piped() {
    local status
    set +e
    true | "$@" 2> >(cat >&2) | cat
    status=${PIPESTATUS[1]}
    set -e
    return "$status"
}

ensure_prefix
DLA_DRAFTER_PROJECT="$(winepath -w "$ROOT")"
export DLA_DRAFTER_PROJECT
# This checkout is importable as an editable install would make it, also for the tests'
# subprocesses that start with an environment of their own (then without the variable).
printf '%s\r\n' "import os, sys; sys.path.insert(0, os.environ.get('DLA_DRAFTER_PROJECT') or r'$DLA_DRAFTER_PROJECT')" \
    > "$CACHE/python/Lib/site-packages/dla_drafter_project.pth"
command="${1:-}"
shift || true
case "$command" in
    prefix) echo "$WINEPREFIX" ;;
    python) piped wine "$CACHE/python/python.exe" "$@" ;;
    run) piped wine "$@" ;;
    *) echo "usage: wine.sh python ARGS… | run PROGRAM ARGS… | prefix" >&2; exit 2 ;;
esac
