"""Indicator rows with one value fewer than their header has columns.

A blank cell that vanished (text split on spaces, a cell left out of a pipe row) leaves a row like
``服务事项按时办结率 | 95% | 5 | 5`` under ``年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因``: which
column is empty is not printed. Every order-preserving placement of the values into the columns
that fits the cells' shapes is tried; the placements the form's arithmetic confirms (a 分值 and an
得分 with 得分 ≤ 分值 ≤ 100) are kept when there are any. A value is read where all kept
placements agree; where they disagree (``95%`` is 指标值 in one, 完成值 in the other) it is left
unread, and the caller says so in a note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from jixiao.extract.values import fits_role, is_blank, norm_value
from jixiao.extract.vocab import Role
from jixiao.measure import parse_number

# A value led by a comparison is a target (不少于18次, ≥95%): a completion value is a measured
# result. Used only to choose between placements the arithmetic leaves open.
_COMPARISON = re.compile(r"^(?:[≥≤<>＞＜]|不(?:少|低|高|多|超过|大|小)于?|(?:大|小|高|低|多|少)于)")
_MAX_PLACEMENTS = 2000


def _points(text: str) -> object:
    return parse_number(norm_value(text).rstrip("分").strip()) if not is_blank(text) else None


def place_short_row(
    values: Sequence[str], roles: Sequence[Role]
) -> tuple[list[int | None], list[int]] | None:
    """Each value's column index in ``roles`` (None: not read) and the indexes of the values
    left unread because the placements disagree on them. None when the row is not short (as many
    values as columns), the columns hold no 分值 and 得分 to check, or nothing fits."""
    n = len(values)
    while n and is_blank(values[n - 1]):
        n -= 1
    m = len(roles)
    if n == 0 or n >= m or Role.WEIGHT not in roles or Role.SCORE not in roles:
        return None
    confirmed: list[tuple[int, ...]] = []
    plain: list[tuple[int, ...]] = []
    for k, combo in enumerate(combinations(range(m), n)):
        if k >= _MAX_PLACEMENTS:
            return None
        if not all(fits_role(roles[j], values[i]) for i, j in enumerate(combo)):
            continue
        got = {roles[j]: values[i] for i, j in enumerate(combo)}
        t, a = got.get(Role.TARGET), got.get(Role.ACTUAL)
        if t is not None and a is not None and is_blank(t) and is_blank(a):
            continue
        w, s = got.get(Role.WEIGHT), got.get(Role.SCORE)
        wv, sv = (_points(w) if w else None), (_points(s) if s else None)
        if wv is not None and sv is not None:
            if sv > wv:  # type: ignore[operator]
                continue
            confirmed.append(combo)
        else:
            plain.append(combo)
    kept = confirmed or plain
    if not kept:
        return None
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
    out: list[int | None] = [None] * len(values)
    unread: list[int] = []
    for i in range(n):
        columns = {c[i] for c in kept}
        if len(columns) == 1:
            out[i] = columns.pop()
        elif not is_blank(values[i]):
            unread.append(i)
    return out, unread
