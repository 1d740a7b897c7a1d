"""An indicator name wrapped inside its cell and split into two cells by the text conversion.

A PDF wraps a long name inside its cell (``支持服务贸易、服务外`` / ``包企业数量``); the text copied
from it puts a space between the two lines, so the stream reads two cells and the second half of
the name lands in the 指标值 column, every value after it one column to the right, and the last
one falls off the row. ``join_wrapped_name`` puts the piece back on the name when the row holds
exactly one cell more than its header's value columns, the extra cell is words (no figure), and
the join is confirmed by the row's shape: after it every value fits its column one by one, and
the 指标值 and 实际完成值 agree in kind (both figures or both words) where before they did not.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.document import Cell
from jixiao.extract import vocab
from jixiao.extract.values import compat, is_blank, looks_like_value
from jixiao.extract.vocab import Role
from jixiao.textnorm import label_key

_DIGIT = re.compile(r"[0-9０-９]")
_SENTENCE_END = re.compile(r"[。；;：:]$")


def _fits(values: list[Cell], roles: list[Role]) -> bool:
    return len(values) == len(roles) and all(
        compat(r, v.text) is not None for r, v in zip(roles, values, strict=True)
    )


def _kinds_agree(values: list[Cell], roles: list[Role]) -> bool:
    """Whether the target and actual of the row are both figures or both words."""
    got = {r: v.text for r, v in zip(roles, values, strict=False)}
    target, actual = got.get(Role.TARGET), got.get(Role.ACTUAL)
    if target is None or actual is None:
        return True
    return bool(_DIGIT.search(target)) == bool(_DIGIT.search(actual))


def join_wrapped_name(name: Cell, values: list[Cell], roles: list[Role]) -> tuple[Cell, list[Cell]]:
    """The name and values of an indicator row, with a wrapped name's second line put back."""
    if len(values) != len(roles) + 1 or any(is_blank(v.text) for v in values):
        return name, values
    piece = values[0].text.strip()
    key = label_key(piece)
    if (
        not piece
        or _DIGIT.search(piece)
        or looks_like_value(piece)
        or vocab.is_level1(key)
        or vocab.is_level2(key)
        or _SENTENCE_END.search(name.text.strip())
    ):
        return name, values
    rest = values[1:]
    if not _fits(rest, roles) or not _kinds_agree(rest, roles):
        return name, values
    if _fits(values[: len(roles)], roles) and _kinds_agree(values, roles):
        return name, values  # read as printed, the row is whole already: nothing to join
    return Cell(name.text.rstrip() + " " + piece, name.location), rest


# -- text cells wrapped over lines, their lines read as cells of their own -----------------------

_TEXT_ROLES = (Role.TARGET, Role.ACTUAL)
_MOST_LINES = 12  # lines of the wrapped cells of one row, at most
_WIDTH_SLACK = 2  # display columns: a bracket or a Latin letter is narrower than a Chinese one


def line_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text.strip())


def wraps(widths: list[int]) -> bool:
    """Whether the lines (widths) can be one cell wrapped: every line but the last as wide as
    the cell (within the slack), the last no wider."""
    if len(widths) == 1:
        return True
    full = widths[:-1]
    return max(full) - min(full) <= _WIDTH_SLACK and widths[-1] <= max(full)


def line_cuts(n: int, parts: int):
    """Every way to cut ``n`` items in order into ``parts`` nonempty runs (their end indices)."""
    if parts == 1:
        yield (n,)
        return
    for first in range(1, n - parts + 2):
        for rest in line_cuts(n - first, parts - 1):
            yield (first, *(first + r for r in rest))


def _is_words(cell: Cell) -> bool:
    t = cell.text.strip()
    key = label_key(t)
    return bool(t) and not (
        _DIGIT.search(t) or looks_like_value(t) or vocab.is_level1(key) or vocab.is_level2(key)
    )


def rejoin_wrapped_row(prev: list[Cell], row: list[Cell], roles: list[Role]) -> list[Cell] | None:
    """One indicator row read as two: the 指标值 and 实际完成值 cells wrapped over lines, each line
    a cell of its own, so the row was cut before its figures (``企业国际质量提升 | 获得目的国 |
    (地区)受`` then ``众欢迎 | 受目的国受 | 众欢迎显著 | 10``). The first row is a name and words
    only, the second words then exactly the figures of the header's columns after 指标值/完成值:
    the words after the name are cut into the text columns where each run is one wrapped cell
    (full lines of one width, a shorter last line) — only when exactly one cut does that."""
    n_text = 0
    while n_text < len(roles) and roles[n_text] in _TEXT_ROLES:
        n_text += 1
    n_fig = len(roles) - n_text
    if n_text < 2 or n_fig < 1 or len(prev) < 2 or len(row) <= n_fig:
        return None
    if not all(_is_words(c) for c in prev) or not all(_is_words(c) for c in row[:-n_fig]):
        return None
    figures = row[-n_fig:]
    if not all(
        compat(r, c.text) is not None and _DIGIT.search(c.text)
        for r, c in zip(roles[n_text:], figures, strict=True)
    ):
        return None
    words = prev[1:] + row[:-n_fig]
    if len(words) > _MOST_LINES:
        return None
    widths = [line_width(c.text) for c in words]
    found = [
        ends
        for ends in line_cuts(len(words), n_text)
        if all(wraps(widths[a:b]) for a, b in zip((0, *ends[:-1]), ends, strict=True))
    ]
    if len(found) != 1:
        return None
    cells: list[Cell] = []
    for a, b in zip((0, *found[0][:-1]), found[0], strict=True):
        run = words[a:b]
        cells.append(Cell(" ".join(c.text.strip() for c in run), run[0].location))
    return [prev[0], *cells, *figures]
