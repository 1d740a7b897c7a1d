"""Page furniture that cut a cell in two: the halves joined again.

A table copied from a PDF or a document-sharing site carries the page's furniture where a page
broke: a line of its own holding only a page number (``- 2 -``, ``— 12 —``, ``第 2 页 共 5 页``,
``2/5``). Where the break fell inside a label, the label's first half ends the line above and
its second half starts the line below (``产出指标  数量指标  开展安`` / ``第2页`` /
``全生产活动次数  ≥54次 …``). The page mark's line is blanked by the reader; this module joins
the halves — only where both sides say a cell was cut:

- the line above ends in Chinese words that are no label of their own (not ``数量指标``), and
  no figure stands right before them (``… 10 8.39 受疫情影响`` ends in a reason, which may be
  whole);
- the line below starts with Chinese words that begin no label, category, fund row or total
  (``质量指标 …`` starts a row of its own).

Anything else stays as it was (two lines). Each join is told in a reading note. Text of one
cell per line has its own, simpler rule (:func:`join_cell_lines`).
"""

from __future__ import annotations

import re

from jixiao.extract import vocab
from jixiao.textnorm import PAGE_MARK_LINE, label_key

_HAN_END = re.compile(r"[\u4e00-\u9fff]$")
_HAN_START = re.compile(r"^[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_GAP = re.compile(r"[ \t\u3000]+")


def _is_label(key: str, rows: bool = True) -> bool:
    """A category, total, column or section word; with ``rows``, also a fund row or field
    label (which the vocabulary knows by how they start: ``公用经费…``)."""
    if (
        vocab.is_level1(key)
        or vocab.is_level2(key)
        or vocab.total_label(key)
        or vocab.column_role(key)
        or vocab.section_of(key)
    ):
        return True
    return rows and bool(vocab.fund_line(key) or vocab.field_of(key))


def _starts_with_label(text: str) -> bool:
    """Whether the text (its first token) begins with a label: the whole token, or a label
    run together with what follows it (``质量指标资金使用合规率``)."""
    token = _GAP.split(text.strip(), maxsplit=1)[0]
    key = label_key(token)
    return any(_is_label(key[:n]) for n in range(2, min(len(key), 10) + 1))


def _cut_above(line: str) -> bool:
    """The line ends in the first half of a label: Chinese words, not a label themselves,
    after a label or at the start of a line without figures."""
    text = line.rstrip()
    if not _HAN_END.search(text):
        return False
    tokens = _GAP.split(text.strip())
    last = tokens[-1]
    if _is_label(label_key(last), rows=False):
        return False
    if len(tokens) == 1:
        return not _DIGIT.search(last)
    return not _DIGIT.search(tokens[-2])


def join_page_cuts(marked: list[str], lines: list[str]) -> tuple[list[str], list[str]]:
    """``lines`` (``marked`` with its page marks blanked) with each cell cut by a page mark
    joined again, on the first half's line (the second half's line is left blank, so the line
    numbers stay); and a reading note per join."""
    out = list(lines)
    notes: list[str] = []
    home = list(range(len(lines)))  # where a line's text went (a joined half: its first half)
    for i in range(1, len(marked) - 1):
        if lines[i] or not marked[i].strip():
            continue  # not a page mark the reader blanked
        at = home[i - 1]
        above, below = out[at], out[i + 1]
        if not (above.strip() and below.strip()):
            continue
        if not _cut_above(above) or not _HAN_START.match(below.strip()):
            continue
        if _starts_with_label(below):
            continue
        out[at] = above.rstrip() + below.strip()
        out[i + 1] = ""
        home[i + 1] = at
        notes.append(
            f"第 {i + 1} 行的页码（{marked[i].strip()}）把一个单元格分在两页，"
            f"第 {at + 1} 行与第 {i + 2} 行已接上"
        )
    return out, notes


def join_cell_lines(marked: list[str], lines: list[str]) -> list[str]:
    """One cell per line, blank lines between cells (``vertical``): a page mark with text right
    above and right below it sits inside a cell (a name cut by the page break) — no label check
    is needed, unlike :func:`join_page_cuts` for rows of cells; the two halves are one cell
    again (on the first half's line; the line numbers stay)."""
    out = list(lines)
    for i in range(1, len(marked) - 1):
        if (
            not lines[i]
            and marked[i].strip()
            and out[i - 1].strip()
            and lines[i + 1].strip()
            and not PAGE_MARK_LINE.match(marked[i + 1])
        ):
            out[i - 1] = out[i - 1].rstrip() + lines[i + 1].strip()
            out[i + 1] = ""
    return out
