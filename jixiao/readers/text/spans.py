"""The cells of a line of spaced text with their display columns, worked out once per line.

Three steps of the spaced reader look at the same lines by column position: the values printed
above their labels (:mod:`.baselines`), the rows printed vertically centred (:mod:`.centred_rows`)
and the spaced reader itself (:mod:`.blocks`). Each needs the cells of a line (runs of text parted
by two or more spaces, or by any space for a row of PDF text without layout) and where each
starts and ends on a monospaced page, a Chinese character being two columns wide. A line's
spans depend on its text alone, so they are computed once per line and document (the cache is
cleared with the others before each document) and shared; the lists are never changed by their
users.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

Span = tuple[int, int, str]

_CELL = re.compile(r"\S+(?: \S+)*")
_TOKEN = re.compile(r"\S+")


def _columns(line: str) -> list[int]:
    """``cols[k]``: the display column where character ``k`` starts (``cols[len]`` the end)."""
    if line.isascii():
        return list(range(len(line) + 1))
    eaw = unicodedata.east_asian_width
    return list(accumulate((2 if eaw(ch) in "WF" else 1 for ch in line), initial=0))


@lru_cache(maxsize=4096)
def line_spans(line: str, single: bool = False) -> list[Span]:
    """Cells of ``line`` split on runs of two or more spaces (``single``: on every space), each
    as (first display column, display column after it, text); an ideographic space counts as
    two spaces. The list is shared: callers must not change it."""
    line = line.replace("\u3000", "  ")
    cols = _columns(line)
    cells = _TOKEN if single else _CELL
    return [(cols[m.start()], cols[m.end()], m.group(0)) for m in cells.finditer(line)]
