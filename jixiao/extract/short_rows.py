"""Indicator rows with one value fewer than their header has columns.

A blank cell that vanished (text split on spaces, a cell left out of a pipe row) leaves a row like
``服务事项按时办结率 | 95% | 5 | 5`` under ``年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因``: which
column is empty is not printed. Every order-preserving placement of the values into the columns
that fits the cells' shapes is tried, and those the form's arithmetic confirms (a 分值 and an
得分 with 得分 ≤ 分值 ≤ 100) are kept; when none is confirmed the row is left to the reading by
shapes (``values.align``). A value is read where all kept
placements agree; where they disagree (``95%`` is 指标值 in one, 完成值 in the other) it is left
unread, and the caller says so in a note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations

from jixiao.extract.values import RATE_TOLERANCE, fit_fund, fits_role, is_blank, norm_value
from jixiao.extract.vocab import Role
from jixiao.measure import before_pattern, is_unit, parse_number

# A value led by a comparison is a target (不少于18次, ≥95%): a completion value is a measured
# result. Used only to choose between placements the arithmetic leaves open.
# (达到 and 等于 are left out: an actual may print them — 实际达到98%)
_COMPARISON = re.compile(
    rf"^(?:[≥≤<>＞＜]|{before_pattern(signs=False, printed=True, exclude=('达到', '等于'))})"
)
_MAX_PLACEMENTS = 2000
_SHARE = re.compile(r"^\d{1,3}(?:\.\d+)?\s*[%％]$")  # a weight printed as a share (10%)


def _points(text: str) -> object:
    return parse_number(norm_value(text).rstrip("分%％").strip()) if not is_blank(text) else None


def _confirms(combo: tuple[int, ...], values: Sequence[str], roles: Sequence[Role]) -> bool:
    """Every value fits its column, and a printed 分值 and 得分 hold 得分 ≤ 分值."""
    if not all(fits_role(roles[j], values[i]) for i, j in enumerate(combo)):
        return False
    got = {roles[j]: values[i] for i, j in enumerate(combo)}
    t, a = got.get(Role.TARGET), got.get(Role.ACTUAL)
    if t is not None and a is not None and is_blank(t) and is_blank(a):
        return False
    w, s = got.get(Role.WEIGHT), got.get(Role.SCORE)
    if w and _SHARE.match(norm_value(w)) and any(v and "%" in norm_value(v) for v in (t, a)):
        return False  # 95% beside a target in per cent is that kind of figure, not a weight
    wv, sv = (_points(w) if w else None), (_points(s) if s else None)
    return wv is not None and sv is not None and sv <= wv  # type: ignore[operator]


def place_short_row(
    values: Sequence[str], roles: Sequence[Role]
) -> tuple[list[int | None], list[int]] | None:
    """Each value's column index in ``roles`` (None: not read) and the indexes of the values
    left unread because the placements disagree on them. None when the row is not short (as many
    values as columns, or its values confirmed in the first columns in order — the columns after
    them simply absent), the columns hold no 分值 and 得分 to check, or no placement is confirmed."""
    placed = _place_short_row(tuple(values), tuple(roles))
    return (list(placed[0]), list(placed[1])) if placed is not None else None


@lru_cache(maxsize=4096)
def _place_short_row(
    values: tuple[str, ...], roles: tuple[Role, ...]
) -> tuple[tuple[int | None, ...], tuple[int, ...]] | None:
    """:func:`place_short_row`, once per (values, columns): both readings of a table meet the
    same rows."""
    n = len(values)
    while n and is_blank(values[n - 1]):
        n -= 1
    m = len(roles)
    if n == 0 or n >= m or Role.WEIGHT not in roles or Role.SCORE not in roles:
        return None
    if _confirms(tuple(range(n)), values, roles):
        return None  # the first columns in order hold: the columns after them are simply absent
    confirmed: list[tuple[int, ...]] = []
    for k, combo in enumerate(combinations(range(m), n)):
        if k >= _MAX_PLACEMENTS:
            return None
        if _confirms(combo, values, roles):
            confirmed.append(combo)
    kept = confirmed
    if not kept:
        return None  # nothing confirms a placement: the caller's reading by shapes stands
    # a value led by a comparison stands in the target column, not the actual
    shaped = [
        c
        for c in kept
        if not any(
            roles[j] == Role.ACTUAL and _COMPARISON.match(norm_value(values[i]))
            for i, j in enumerate(c)
        )
    ]
    kept = shaped or kept
    # a value in the 计量单位 column is a unit of measure (%, 个, 公里), not a word (充分)
    united = [
        c
        for c in kept
        if all(
            roles[j] != Role.UNIT or is_blank(values[i]) or is_unit(norm_value(values[i]))
            for i, j in enumerate(c)
        )
    ]
    kept = united or kept
    out: list[int | None] = [None] * len(values)
    unread: list[int] = []
    for i in range(n):
        columns = {c[i] for c in kept}
        if len(columns) == 1:
            out[i] = columns.pop()
        elif not is_blank(values[i]):
            unread.append(i)
    return tuple(out), tuple(unread)


_MEASURE_TAIL = re.compile(r"[\d.]+\s*([^\d.\s]{0,4})$")


def _shape(text: str) -> str:
    """The kind of a target or actual: a bare figure, a figure with its unit, or words."""
    t = norm_value(text)
    if re.fullmatch(r"[-+]?[\d.,]+", t):
        return "figure"
    m = _MEASURE_TAIL.search(t)
    if m and len(t) <= 14:
        return "measure:" + m.group(1)
    return "words"


def shifted_row(
    values: Sequence[str], roles: Sequence[Role]
) -> tuple[list[int | None], list[int]] | None:
    """A row of a grid read by the header's column positions whose cells moved one column to
    the left (a blank cell that vanished before them, the row padded at its end): its 得分
    column is blank, its 完成值 is a bare figure where its 指标值 is a measure or words — the
    分值 moved into the 完成值 column — and read without the padding, the shapes and
    得分 ≤ 分值 confirm a placement. That placement (see ``place_short_row``); None otherwise."""
    at = {r: i for i, r in enumerate(roles)}
    if not {Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE} <= at.keys():
        return None
    if len(values) < len(roles):
        return None
    t, a = values[at[Role.TARGET]], values[at[Role.ACTUAL]]
    w, s = values[at[Role.WEIGHT]], values[at[Role.SCORE]]
    if not is_blank(s) or is_blank(w) or is_blank(t) or is_blank(a):
        return None
    if _shape(a) != "figure" or _shape(t) == "figure":
        return None
    short = place_short_row(values, roles)
    return short if short is not None and _points_placed(short[0], values, roles) else None


def _rate_holds(got: dict[Role, str]) -> bool:
    b, a, r = got.get(Role.BUDGET), got.get(Role.SPENT), got.get(Role.RATE)
    if b is None or a is None or r is None:
        return False
    bv, av = parse_number(norm_value(b)), parse_number(norm_value(a))
    rv = parse_number(norm_value(r).rstrip("%％").strip())
    if bv is None or av is None or rv is None or bv == 0:
        return False
    return abs(av / bv * 100 - rv) < RATE_TOLERANCE


def shifted_fund(values: Sequence[str], roles: Sequence[Role]) -> list[int | None] | None:
    """A fund row of a grid read by the header's column positions whose figures moved left (a
    blank 年初预算数 that vanished, the row padded at its end): by position 执行率 ≠ 执行数 ÷
    预算数, and the figures without the padding fit the columns where it holds
    (``values.fit_fund``). Each value's column index; None when the positions hold or
    nothing fits."""
    got = {r: v for r, v in zip(roles, values, strict=False) if not is_blank(v)}
    if Role.RATE not in got or _rate_holds(got):
        return None
    return fit_fund_padded(values, roles)


def fit_fund_padded(values: Sequence[str], roles: Sequence[Role]) -> list[int | None] | None:
    """``values.fit_fund`` over the figures between the blank cells that pad a row at its start
    (a merged-across column) and its end; each value's column index, or None."""
    figures = list(values)
    lead = 0
    while figures and is_blank(figures[-1]):
        figures.pop()
    while lead < len(figures) and is_blank(figures[lead]):
        lead += 1  # a merged-across column before the figures
    placed = fit_fund(figures[lead:], list(roles))
    if placed is None:
        return None
    return [None] * lead + placed


def vanished_blank(values: Sequence[str], roles: Sequence[Role]) -> bool:
    """A short indicator row whose cells read whole under the columns, one blank gone: a 分值 and
    an 得分 placed and confirmed (得分 ≤ 分值) without cutting any cell apart."""
    short = place_short_row(values, roles)
    return short is not None and _points_placed(short[0], values, roles)


def _points_placed(
    placed: Sequence[int | None], values: Sequence[str], roles: Sequence[Role]
) -> bool:
    """A 分值 and an 得分 both read from printed figures."""
    got = {roles[j] for i, j in enumerate(placed) if j is not None and not is_blank(values[i])}
    return {Role.WEIGHT, Role.SCORE} <= got
