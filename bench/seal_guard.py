"""Seal guard: does a text share a sealed document's content?

Usage::

    .venv/bin/python bench/seal_guard.py FILE [FILE ...]

For looking at real published pages (the ``search`` tool's pages corpus, say) without
breaking the seal of ``bench/accuracy.py``'s sealed documents: run this on every saved page
before reading it. It prints, per file, only ``ok`` or ``SEALED-OVERLAP`` — never any sealed
text, never which document — and exits 1 when any file overlaps. A file that overlaps must be
deleted at once and not looked at again.

How: texts are compared by 10-character shingles of their Chinese characters and digits
(NFKC, no whitespace); shingles that also occur in the open corpus documents (dev, the open
dev2 documents, the seed) are template wording and do not count. Eight shared shingles or
more beyond those is an overlap. Checked when written: a fifth of each sealed document cut
from its middle is flagged; a form of another region that shares only template words is not.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import SEALED  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_N = 10
_MIN_SHARED = 8


def shingles(text: str) -> set[str]:
    """The text's 10-character shingles of Chinese characters and digits."""
    t = "".join(unicodedata.normalize("NFKC", text).split())
    t = "".join(c for c in t if "\u4e00" <= c <= "\u9fff" or c.isdigit())
    return {t[i : i + _N] for i in range(max(0, len(t) - _N + 1))}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    names = sys.argv[1:] if argv is None else argv
    if not names:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    raw = SHARED / "corpus" / "dev2" / "raw"
    common: set[str] = set()
    for folder in (SHARED / "corpus" / "dev" / "raw", raw, SHARED / "seed"):
        for p in folder.glob("*.txt"):
            if p.stem not in SEALED:
                common |= shingles(_read(p))
    sealed = [shingles(_read(p)) - common for p in raw.glob("*.txt") if p.stem in SEALED]
    rc = 0
    for name in names:
        got = shingles(_read(Path(name)))
        hit = any(len(got & s) >= _MIN_SHARED for s in sealed)
        print(f"{name}: {'SEALED-OVERLAP' if hit else 'ok'}")
        rc |= hit
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
