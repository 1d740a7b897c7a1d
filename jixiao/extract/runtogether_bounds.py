"""Does a target/actual pair read from glued figures agree with the row's own score?

``资金下达时限月不晚于12121111`` may be read 不晚于1 / 212 or 不晚于12 / 12 (then 11, 11).
Only the row's score settles it: a full score (得分 = 分值) says the actual met the target's
bound (不晚于 12: the actual is at most 12), so 212 cannot be the actual. A second, weaker
sign: an actual is of the target's order of magnitude (95 → 98, not 95 → 9) — used only to
break a tie between readings the arithmetic leaves equal.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao.measure import after_pattern, before_pattern
from jixiao.model import Operator

# bounds the actual must reach (lower) or stay under (upper) to meet the target
# (jixiao.measure's table: the words and signs of ≥ and >, of ≤ and <)
_LOWER_OPS = (Operator.GE, Operator.GT)
_UPPER_OPS = (Operator.LE, Operator.LT)
_LOWER = re.compile(f"^{before_pattern(printed=True, ops=_LOWER_OPS)}")
_UPPER = re.compile(f"^{before_pattern(printed=True, ops=_UPPER_OPS)}")
_UPPER_AFTER = re.compile(f"{after_pattern(ops=_UPPER_OPS)}$")
_LOWER_AFTER = re.compile(f"{after_pattern(ops=_LOWER_OPS)}$")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def _figure(value: str) -> Decimal | None:
    found = _FIGURE.findall(value)
    if len(found) != 1:
        return None
    try:
        return Decimal(found[0])
    except InvalidOperation:
        return None


@lru_cache(maxsize=4096)
def bound_agreement(target: str, actual: str, weight: str | None, score: str | None) -> float:
    """A score adjustment for reading ``target`` and ``actual`` in one glued row: −1.5 when a
    full score contradicts the target's bound, +0.3 when the two figures are of one order of
    magnitude (ratio within ½–2), 0 otherwise."""
    t, a = _figure(target), _figure(actual)
    if t is None or a is None:
        return 0.0
    adjust = 0.0
    try:
        full = weight is not None and score is not None and Decimal(score) == Decimal(weight)
    except InvalidOperation:
        full = False
    if full and Decimal(weight or 0) > 0:
        t_text = target.strip()
        lower = bool(_LOWER.match(t_text) or _LOWER_AFTER.search(t_text))
        upper = bool(_UPPER.match(t_text) or _UPPER_AFTER.search(t_text))
        if (lower and a < t) or (upper and a > t):
            adjust -= 1.5
    if t > 0 and a > 0 and t / 2 <= a <= t * 2:
        adjust += 0.3
    return adjust


_HAN_UNIT = re.compile(r"[\u4e00-\u9fff]+")


def word_unit_penalty(unit: str | None, target: str, actual: str) -> float:
    """A unit in Chinese characters (件, 个) cut from the end of a name whose target and actual
    are words with no figure (``…群众生活条件12明显提升明显提升12``): a unit measures a figure,
    so such a reading is unlikely (2.0, more than a filled column earns); 0 otherwise."""
    if not unit or not _HAN_UNIT.fullmatch(unit):
        return 0.0
    if _FIGURE.search(target) or _FIGURE.search(actual):
        return 0.0
    return 2.0
