"""Rows of a table copied from a browser (or Excel) as tab-joined lines, broken where a cell
held a line break: ``\\t产出指标（`` / ``24分）\\t数量指标\\t…``.

Each line of such a copy is a row, so a line break inside a cell leaves two lines that are each
short of the row's cells. They are told by their widths: the halves together have exactly the
cells of the row above (the header or the previous row), each half is short of it, and the cut
falls inside a cell — the first half ends with text and the second starts with text (a row of
its own that starts with a merged, empty first cell starts with a tab). The halves are joined
without a separator (a cell's wrapped Chinese text) on the first line; the lines they took are
left blank, so line numbers do not change.
"""

from __future__ import annotations

MAX_PIECES = 4  # a row broken in up to three of its cells


def join_broken_rows(lines: list[str]) -> list[str]:
    """The lines with rows broken inside cells joined again (see the module)."""
    out = list(lines)
    width = 0  # tabs of the row above, the width a broken row adds up to
    i = 0
    while i < len(out):
        tabs = out[i].count("\t")
        if not out[i].strip():
            i += 1
            continue
        if 0 < tabs < width and _ends_in_text(out[i]):
            total, k = tabs, i
            while k + 1 < len(out) and k - i + 1 < MAX_PIECES and total < width:
                nxt = out[k + 1]
                if not nxt.strip() or nxt.startswith("\t") or nxt.startswith(" "):
                    break
                total += nxt.count("\t")
                k += 1
                if total < width and not _ends_in_text(nxt):
                    break
            if k > i and total == width:
                out[i] = "".join(ln.rstrip("\n") for ln in out[i : k + 1])
                for m in range(i + 1, k + 1):
                    out[m] = ""
                i = k + 1
                continue
        if tabs >= 2:
            width = tabs
        i += 1
    return out


def _ends_in_text(line: str) -> bool:
    return not line.endswith("\t") and bool(line.rsplit("\t", 1)[-1].strip())
