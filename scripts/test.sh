#!/usr/bin/env bash
# Run the whole test suite (sets everything up first). CI calls exactly this.
# The suite runs on SQLite; then the web tests run again on a real PostgreSQL server
# started here (unless arguments select other tests, or JIXIAO_SKIP_POSTGRES=1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/python -m pytest "$@"

# the PostgreSQL pass runs unless the arguments name test paths none of which is under tests/web
paths=0 web=0
for arg in "$@"; do
  [ -e "${arg%%::*}" ] || continue
  paths=1
  case "$arg" in tests/web*|tests|tests/|.|./) web=1 ;; esac
done
wants_web=$(( paths == 0 || web == 1 ))
if [ "$wants_web" = 1 ] && [ -z "${DATABASE_URL:-}" ] && [ "${JIXIAO_SKIP_POSTGRES:-0}" != 1 ]; then
  # shellcheck source=scripts/postgres.sh
  source scripts/postgres.sh
  pg_start
  trap pg_stop EXIT
  echo "== web tests on PostgreSQL ==" >&2
  .venv/bin/python -m pytest tests/web -p no:cacheprovider
fi
