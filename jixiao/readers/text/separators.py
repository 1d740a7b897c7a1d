"""Text whose cells are parted by commas or semicolons (a form saved as .csv, a spreadsheet
export copied as text).

A text is read so when, with one separator, most of its nonblank lines split (the csv module:
quoted cells may hold the separator, a doubled quote is a quote) into the same number of
cells, three or more, and the text names the form's labels. The rows go on as tab-joined lines
(trailing blank cells dropped, the line count kept: a quoted cell running over several lines
joins its record on the record's first line), so the tabbed reader reads them.
"""

from __future__ import annotations

import csv
from collections import Counter

from jixiao.readers.text.layout import form_word_count

_SEPARATORS = (",", ";")


def separated_lines(lines: list[str]) -> tuple[list[str], str] | None:
    """The lines as tab-joined cells and the separator, or None when the text is not a
    separated export."""
    nonblank = [ln for ln in lines if ln.strip()]
    if len(nonblank) < 5 or sum(ln.count("\t") for ln in nonblank) >= len(nonblank):
        return None
    text = "\n".join(lines)
    for sep in _SEPARATORS:
        if text.count(sep) < 2 * len(nonblank):
            continue
        rows = _records(lines, sep)
        if rows is None:
            continue
        widths = Counter(len(cells) for _, cells in rows if any(c.strip() for c in cells))
        width, count = widths.most_common(1)[0]
        if width < 3 or count < 0.6 * len(nonblank) or count < 5:
            continue
        if form_word_count(text) < 3:
            return None
        out = [""] * len(lines)
        for first, cells in rows:
            while cells and not cells[-1].strip():
                cells.pop()
            out[first] = "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells)
        return out, sep
    return None


def _records(lines: list[str], sep: str) -> list[tuple[int, list[str]]] | None:
    """(first line, cells) of every record; None when a quote is left open."""
    out: list[tuple[int, list[str]]] = []
    reader = csv.reader(
        (ln + "\n" for ln in lines), delimiter=sep, quotechar='"', skipinitialspace=False
    )
    try:
        start = 0
        for cells in reader:
            out.append((start, cells))
            start = reader.line_num
    except csv.Error:
        return None
    return out
