#!/usr/bin/env bash
# The clerk's PC, checked, on Linux with Wine: build the Windows program and its installer,
# install it for a Thai user, use it, uninstall it (packaging/windows/README.md).
#
#   bash packaging/windows/check.sh            # everything (about 15-25 minutes on 2 cores)
#   bash packaging/windows/check.sh --smoke    # the Windows environment and the Windows tests
#                                              # of the program (a few minutes; what CI runs)
#   bash packaging/windows/check.sh --tests    # the whole test suite under Windows' Python
#
# Steps of the whole check, each timed:
#   1. env.sh: Windows CPython 3.13 + the locked win_amd64 wheels + the Wine stand-in DLLs
#   2. the Windows-specific tests under Windows' Python (tests/test_windows.py and the
#      platform-neutral tests of the same rules)
#   3. the PyInstaller one-folder bundle, built by Windows' Python under Wine
#      (dist/windows/dla-drafter/, with the icon and version resource; size printed)
#   4. the NSIS installer: dist/windows/dla-drafter-setup-VERSION.exe (makensis)
#   5. clerk_check.py: silent install for the user สมชาย ใจดี, render and compare with Linux,
#      save and reopen, register on SQLite, sign and verify, the window offscreen, a
#      double-click, code pages, uninstall keeping the user's files
# Needs Debian's wine, wine64, gcc-mingw-w64-x86-64, nsis, poppler-utils, util-linux, locales and uv
# (.ci/run installs them); downloads go to $DLA_WINDOWS_CACHE (~/.cache/dla-drafter-windows).
set -euo pipefail
cd "$(dirname "$0")/../.."

mode="${1:-all}"
export DLA_WINDOWS_CACHE="${DLA_WINDOWS_CACHE:-$HOME/.cache/dla-drafter-windows}"
# The Windows side never sees the CI flag: PostgreSQL's server cannot run under Wine here, so
# its tests skip there (CI runs them on Linux, where CI=true makes a missing server fail).
unset CI || true
timings=()
step() {  # step NAME COMMAND…: run, time, remember
    local name="$1" started status
    shift
    echo "== $name" >&2
    started=$(date +%s)
    set +e
    "$@"
    status=$?
    set -e
    timings+=("$(printf '%5d s  %s%s' "$(( $(date +%s) - started ))" "$name" \
        "$([ "$status" = 0 ] || echo "  (FAILED, exit $status)")")")
    return "$status"
}
report() {
    echo "== time per step" >&2
    printf '%s\n' "${timings[@]}" >&2
}
trap report EXIT

wine_tests() {
    bash packaging/windows/wine.sh python -m pytest -q -p no:cacheprovider -rs "$@"
}

step "env.sh: Windows CPython, locked wheels, stand-ins" bash packaging/windows/env.sh

# The Windows rules and their platform-neutral tests, with Windows' Python.
WINDOWS_TESTS=(tests/test_windows.py tests/test_atomic.py tests/test_console_encoding.py
               tests/test_filetypes.py tests/typeset/test_font_dirs.py tests/test_paths.py
               tests/register/test_register_misc.py)

case "$mode" in
    --smoke)
        step "Windows tests under Wine" wine_tests "${WINDOWS_TESTS[@]}"
        exit 0 ;;
    --tests)
        shift
        step "the test suite under Wine" wine_tests "${@:-tests}"
        exit 0 ;;
    all) ;;
    *) echo "usage: check.sh [--smoke | --tests [PYTEST ARGS…]]" >&2; exit 2 ;;
esac

step "Windows tests under Wine" wine_tests "${WINDOWS_TESTS[@]}"
export DLA_DRAFTER_DIST=dist/windows DLA_DRAFTER_WORK=build/windows
step "the Windows bundle (PyInstaller under Wine)" \
    bash packaging/windows/wine.sh python packaging/build.py
step "the installer (makensis)" uv run --frozen python packaging/windows/make_installer.py
step "the clerk's PC (install, use, uninstall)" \
    uv run --frozen python packaging/windows/clerk_check.py
