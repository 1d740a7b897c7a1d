"""PDF text with ONE space between cells and no alignment, one table row per line (a PDF
copied without its layout, or a page's table flattened by a text extractor).

Such text has no column positions to go by: every space parts two cells. It is told from
laid-out PDF text (``pdftotext -layout``) by having no run of spaces inside any line; then
every line of short tokens is split on its spaces, label rows and header rows included (the
spaced reader otherwise splits a single-spaced line only when it holds figures, so a header of
words stayed one cell and every row below it was read without its header).
"""

from __future__ import annotations

import re

from jixiao.textnorm import halfwidth

_RUN = re.compile(r"(?: {2,}|\u3000|\t)")
# a date printed with spaces (2021 年 4 月 22 日), not a 计量单位 cell 月 among the cells
_SPACED_DATE = re.compile(r"\d{2,4} 年 ?\d{1,2} 月|\d{1,2} 月 ?\d{1,2} 日")
MIN_LINES = 4  # lines parted by single spaces before the text counts as such


def single_spaced_text(lines: list[str]) -> bool:
    """No line holds a run of spaces (or a tab, a full-width space) between its words, and at
    least ``MIN_LINES`` lines part words by single spaces."""
    parted = 0
    for ln in lines:
        text = ln.strip()
        if not text:
            continue
        if _RUN.search(text):
            return False
        if " " in text:
            parted += 1
    return parted >= MIN_LINES


def cell_row(line: str) -> bool:
    """A line of such text to split on every space: two or more tokens, none longer than a
    cell is (40 characters), not a date printed with spaces (``2021 年 4 月 22 日``), no bar or
    semicolon standing alone (a line that parts its own items otherwise), not a sentence of
    Latin words (notes in English)."""
    text = halfwidth(line.strip())
    tokens = text.split(" ")
    if len(tokens) < 2 or max(len(t) for t in tokens) > 40:
        return False
    if any(t in _PARTS for t in tokens):
        return False
    if 2 * sum(1 for t in tokens if _LATIN_WORD.match(t)) >= len(tokens):
        return False
    return _SPACED_DATE.search(text) is None


_PARTS = frozenset({"|", ";", "；", "｜"})
_LATIN_WORD = re.compile(r"^[(\"']?[A-Za-z][A-Za-z'’-]*[,.;:)\"']?$")
