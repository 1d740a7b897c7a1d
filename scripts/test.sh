#!/usr/bin/env bash
# Run the whole test suite (sets everything up first). CI calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python -m pytest "$@"
