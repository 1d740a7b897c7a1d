#!/usr/bin/env bash
# Set up everything jixiao needs on a fresh Debian machine: system packages (as root,
# via apt-get), a virtual environment in .venv and the package with all extras.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libreoffice-writer-nogui libreoffice-calc-nogui   # .doc/.wps/.xls conversion, PDF output
  fonts-noto-cjk                                    # Chinese glyphs in PDF and charts
  poppler-utils                                     # pdftoppm: render PDFs for inspection
  postgresql                                        # production database, tested in CI
  chromium                                          # end-to-end browser tests
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "bootstrap: apt-get install ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: please install (as root): ${missing[*]}" >&2
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.jixiao-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[web,dev]"
  touch "$stamp"
fi
