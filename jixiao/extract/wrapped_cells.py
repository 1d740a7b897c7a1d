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
