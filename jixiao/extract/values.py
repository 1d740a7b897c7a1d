"""What a value cell holds, and which column role it can fill.

Used to map the values of a row onto the columns its header names when the row does not
line up with the header (merged cells left out, pipe padding, streams without rows).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from itertools import combinations

from jixiao.extract.vocab import Role
from jixiao.measure import UNITS, before_pattern, normalize_signs, parse_number
from jixiao.model import Location, Num

BLANKS = frozenset(
    {"", "-", "－", "—", "–", "——", "———", "/", "／", "\\", "…", "……", "/ /"}
    # an empty cell of a spreadsheet exported by a program (pandas, a database): nan, None, null
    | {"nan", "NaN", "NAN", "None", "none", "null", "NULL", "N/A", "n/a", "#N/A"}
)

_NUMBER = re.compile(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?$")
_PERCENT = re.compile(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?\s*[%％]$")
_POINTS = re.compile(r"^\d+(?:\.\d+)?\s*分$")
# a weight printed as a share of the 100 points (权重 10%): see fits_role
_WEIGHT_SHARE = re.compile(r"^\d{1,3}(?:\.\d+)?\s*[%％]$")
# (10万: 万元 printed without its 元, as copies of small forms print amounts)
_MONEY = re.compile(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?\s*(万元|元|亿元|万(?!.))$")
_OPERATOR = re.compile(r"^(=|≥|≤|>|<|正向|反向|定性|定量|正向指标|反向指标|定性指标|定量指标)$")
# a figure, after an operator of jixiao.measure's table (or 约, an approximate figure)
_VALUE_HEAD = re.compile(rf"^(?:{before_pattern(printed=True)}|[约約])?\s*[-+]?\d")
_HAS_DIGIT = re.compile(r"\d")
# 一 (the numeral one) where a dash was printed, in scans: empty in a column of figures, kept as
# printed in a column of words (a target may be 一 as written)
_DASH_LIKE = frozenset({"一", "ー", "―"})
_FIGURE_ROLES = frozenset(
    {Role.WEIGHT, Role.SCORE, Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE}
)
# How far a printed 执行率 may stand from 执行数 ÷ 预算数 (in points) and still confirm them.
RATE_TOLERANCE = Decimal("0.6")


@lru_cache(maxsize=16384)
def norm_value(text: str) -> str:
    return normalize_signs(unicodedata.normalize("NFKC", text)).strip()


@lru_cache(maxsize=16384)
def is_blank(text: str) -> bool:
    return norm_value(text) in BLANKS


@lru_cache(maxsize=16384)
def is_number(text: str) -> bool:
    return bool(_NUMBER.match(norm_value(text)))


def is_amount(text: str) -> bool:
    """A number, or an amount printed with its unit (“792.22万元”)."""
    t = norm_value(text)
    return bool(_NUMBER.match(t) or _MONEY.match(t))


@lru_cache(maxsize=16384)
def looks_like_value(text: str) -> bool:
    """A number, percentage, blank mark, operator or short measure (“29.5亩”, “≥50个”)."""
    t = norm_value(text)
    if (
        t in BLANKS
        or _NUMBER.match(t)
        or _PERCENT.match(t)
        or _OPERATOR.match(t)
        or _POINTS.match(t)
    ):
        return True
    if not (_HAS_DIGIT.search(t) and len(t) <= 14 and _VALUE_HEAD.match(t)):
        return False
    # 3.绩效目标合理性, ③受益群众满意度: a numbered name, not a measure
    head = text.lstrip()[:3]
    if "." in head or "．" in head or "\u2460" <= head[:1] <= "\u2473":
        return _NUMBERED_NAME.match(text.strip()) is None
    return True


# a name numbered 1. or ① before its words (two Chinese characters at least follow); 1、 stays
# as it was (a choice of options in a stream: 1、部门预算项目 2、区直专项)
_NUMBERED_NAME = re.compile(r"^(?:\d{1,2}\s*[.．](?!\d)|[①-⑳])\s*[\u4e00-\u9fff]{2}")


@lru_cache(maxsize=16384)
def compat(role: Role, text: str) -> int | None:
    """How well a nonblank value fits a column role: higher is better, None = cannot."""
    t = norm_value(text)
    if t in BLANKS or (t in _DASH_LIKE and role in _FIGURE_ROLES):
        return 0  # 一 in a column of figures is a dash read by OCR: an empty cell
    number = bool(_NUMBER.match(t))
    if role in (Role.WEIGHT, Role.SCORE):
        if number or _POINTS.match(t):
            value = parse_number(t.rstrip("分"))
            return 2 if value is not None and 0 <= value <= 100 else None
        return None
    if role in (Role.INITIAL, Role.BUDGET, Role.SPENT):
        if number:
            return 2
        return 1 if _MONEY.match(t) else None
    if role == Role.RATE:
        if _PERCENT.match(t):
            return 3
        return 1 if number else None
    if role == Role.NATURE:
        return 3 if _OPERATOR.match(t) else None
    if role == Role.UNIT:
        if number or len(t) > 6 or _HAS_DIGIT.search(t):
            return None
        if len(t) > 3 and t not in UNITS:
            return None  # 明显提升, 有效改善: a qualitative target, not a unit of measure
        return 2
    if role == Role.DEVIATION:
        return None if number or _PERCENT.match(t) else 1
    if role == Role.REMARK:
        return 1
    if role in (Role.TARGET, Role.ACTUAL):
        if _PERCENT.match(t) or (_HAS_DIGIT.search(t) and not number):
            return 2
        return 1
    return None


def _fits_at(role: Role, text: str, shares: bool) -> bool:
    """A value read by position: its shape fits the column, or (``shares``: an indicator row,
    no 执行率 column to mistake it for) a weight printed as a share of the points (10%) in the
    column the header names 分值/权重."""
    if compat(role, text) is not None:
        return True
    return shares and role == Role.WEIGHT and _WEIGHT_SHARE.match(norm_value(text)) is not None


def align(values: list[str], roles: list[Role]) -> list[int | None]:
    """Assign each value (in order) to a role index (in order), or None when it fits nowhere.

    Blank values hold their place. When the values fit the roles one by one from the left
    (as many values as roles, or blanks showing the places), that is the answer; otherwise an
    order-preserving best fit by type over the nonblank values (分值/得分 prefer bare numbers).
    """
    return list(_align(tuple(values), tuple(roles)))


@lru_cache(maxsize=8192)
def _align(values: tuple[str, ...], roles: tuple[Role, ...]) -> tuple[int | None, ...]:
    """:func:`align`, once per (values, columns): both readings of a table, and the stream
    asking where each next value goes, meet the same rows."""
    n, m = len(values), len(roles)
    while n > m and is_blank(values[n - 1]):
        n -= 1
    values = values[:n]
    # Blank cells hold their places: read by position. Without blanks, fewer values than
    # columns means some blank vanished (text split on spaces): fit by type instead.
    has_blanks = any(is_blank(v) for v in values)
    positional = n == m or (n < m and has_blanks)
    shares = Role.RATE not in roles and Role.WEIGHT in roles
    if positional and all(_fits_at(roles[i], v, shares) for i, v in enumerate(values)):
        return tuple(range(n))
    idx = [i for i, v in enumerate(values) if not is_blank(v)]
    out: list[int | None] = [None] * n
    if not idx:
        return tuple(out)
    vals = [values[i] for i in idx]
    k = len(vals)
    neg = -(10**9)
    # best[i][j]: best score placing vals[i:] into roles[j:]
    best = [[0.0] * (m + 1) for _ in range(k + 1)]
    choice: list[list[str]] = [[""] * (m + 1) for _ in range(k + 1)]
    for i in range(k - 1, -1, -1):
        best[i][m] = -5.0 * (k - i)
        choice[i][m] = "drop"
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            # the best of take / skip / drop; on a tie the first of them in that order
            score, what = row[j + 1] - 0.05, "skip"
            c = compat(roles[j], vals[i])
            if c is None and shares and roles[j] == Role.WEIGHT and _WEIGHT_SHARE.match(vals[i]):
                c = 1  # 10% in the 权重 column of an indicator row (no 执行率 to mistake it for)
            if c is not None and c + below[j + 1] >= score:
                score, what = c + below[j + 1], "take"
            if below[j] - 5.0 > score:
                score, what = below[j] - 5.0, "drop"
            row[j] = score if score > neg else neg
            choice[i][j] = what
    i = j = 0
    while i < k:
        what = choice[i][j] if j <= m else "drop"
        if what == "take":
            out[idx[i]] = j
            i += 1
            j += 1
        elif what == "skip":
            j += 1
        else:
            i += 1
    return tuple(out)


def to_num(
    text: str, location: Location | None, unit: str | None = None, percent: bool = False
) -> Num | None:
    """A printed number → Num (None when blank or not a number). ``percent``: keep the printed
    percentage (106.87% → 106.87, unit %)."""
    parsed = _num_parts(text, unit, percent)
    return Num(parsed[0], parsed[1], parsed[2], location) if parsed is not None else None


@lru_cache(maxsize=16384)
def _num_parts(
    text: str, unit: str | None, percent: bool
) -> tuple[Decimal, str, str | None] | None:
    """(value, printed, unit) of :func:`to_num`, parsed once per distinct cell text (the rows
    are read again in cell order when their arithmetic fails; a Decimal is immutable)."""
    t = norm_value(text)
    if t in BLANKS:
        return None
    printed = text.strip()
    if _PERCENT.match(t):
        value = parse_number(t.rstrip("%％").strip())
        return (value, printed, "%") if value is not None else None
    m = _MONEY.match(t)
    if m:
        value = parse_number(t[: m.start(1)].strip())
        unit = "万元" if m.group(1) == "万" else m.group(1)
        return (value, printed, unit) if value is not None else None
    if _POINTS.match(t):
        value = parse_number(t.rstrip("分").strip())
        return (value, printed, None) if value is not None else None
    value = parse_number(t)
    if value is None:
        return None
    return (value, printed, "%" if percent else unit)


_MONEY_ROLES = (Role.INITIAL, Role.BUDGET, Role.SPENT)
_RATE_ROLES = frozenset({Role.BUDGET, Role.SPENT, Role.RATE})


def fit_fund(values: list[str], roles: list[Role]) -> list[int | None] | None:
    """Fewer fund figures than columns and no blank marks to show which are missing: the
    order-preserving placement where 执行率 = 执行数 ÷ 预算数 holds (and 得分 ≤ 分值).
    None when no placement is confirmed by that arithmetic."""
    if not values or len(values) >= len(roles) or any(is_blank(v) for v in values):
        return None
    if not _RATE_ROLES.issubset(roles):
        return None  # (no placement can hold a budget, a spending and a rate)
    placed = _fit_fund(tuple(values), tuple(roles))
    return list(placed) if placed is not None else None


@lru_cache(maxsize=4096)
def _fit_fund(values: tuple[str, ...], roles: tuple[Role, ...]) -> tuple[int, ...] | None:
    """:func:`fit_fund`'s search, once per row of figures and columns (both readings of a
    table meet the same fund rows)."""
    best: tuple[float, tuple[int, ...]] | None = None
    for combo in combinations(range(len(roles)), len(values)):
        if not _RATE_ROLES.issubset(roles[j] for j in combo):
            continue  # (checked below too: a placement without all three is no answer)
        if any(compat(roles[j], v) is None for j, v in zip(combo, values, strict=True)):
            continue
        got = {roles[j]: norm_value(v) for j, v in zip(combo, values, strict=True)}
        b, a, r = got.get(Role.BUDGET), got.get(Role.SPENT), got.get(Role.RATE)
        if not (b and a and r):
            continue
        bv, av, rv = parse_number(b), parse_number(a), parse_number(r.rstrip("%％"))
        if bv is None or av is None or rv is None or bv == 0:
            continue
        if not _rate_fits(av / bv, rv, signed=_PERCENT.match(r) is not None, point="." in r):
            continue
        score = 0.0
        w, sc = got.get(Role.WEIGHT), got.get(Role.SCORE)
        if w and sc:
            score += 1 if (parse_number(sc) or 0) <= (parse_number(w) or 0) else -3
        score -= 0.01 * sum(combo)  # else the earliest placement
        if best is None or score > best[0]:
            best = (score, combo)
    return best[1] if best else None


def _rate_fits(quotient: Decimal, rate: Decimal, signed: bool, point: bool) -> bool:
    """执行数 ÷ 预算数 is the printed rate: a percentage (with its sign, or a bare figure the
    arithmetic gives), or a fraction of one printed with its decimal point (0.987)."""
    if abs(quotient * 100 - rate) < RATE_TOLERANCE:
        return True
    return not signed and point and abs(quotient - rate) * 100 < RATE_TOLERANCE


# -- indicator rows without a header ------------------------------------------------------------

# The column orders of the indicator tables that exist, as (role, optional) pairs: 指标值 …
# 分值 得分 (most forms), 分值 first (共性指标 tables), and target tables without an actual
# (绩效目标表: 指标性质 指标值 度量单位 分值).
_T, _A, _W, _S = Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE
_N, _U, _D = Role.NATURE, Role.UNIT, Role.DEVIATION
_ORDERS: tuple[tuple[tuple[Role, bool], ...], ...] = (
    ((_N, True), (_T, False), (_U, True), (_A, False), (_W, False), (_S, False), (_D, True)),
    ((_W, False), (_N, True), (_T, False), (_U, True), (_A, False), (_S, False), (_D, True)),
    ((_N, True), (_T, False), (_U, True), (_W, False), (_S, True)),
    # a 计量单位 column straight after the name, before the values (指标名称 计量单位 …)
    ((_U, False), (_T, False), (_A, False), (_W, False), (_S, False), (_D, True)),
    ((_U, False), (_W, False), (_T, False), (_A, False), (_S, False), (_D, True)),
)


# a value led by a comparison that is never a measured result (≥, 不少于, 大于等于; not 达到 or =,
# which an actual may print: 实际达到98%)
_COMPARED = re.compile(rf"^(?:[≥≤<>＞＜]|{before_pattern(signs=False, strict=True, printed=True)})")


def _expansions(order: tuple[tuple[Role, bool], ...], n: int) -> list[tuple[Role, ...]]:
    """Every sequence of ``order``'s roles of length n (optional roles left out or kept)."""
    out: list[tuple[Role, ...]] = [()]
    for role, optional in order:
        out = [seq + (role,) for seq in out] + (out if optional else [])
    return [seq for seq in out if len(seq) == n]


def fits_role(role: Role, text: str) -> bool:
    t = norm_value(text)
    if t in BLANKS or (t in _DASH_LIKE and role in _FIGURE_ROLES):
        return True  # a blank holds any column's place
    if role in (Role.WEIGHT, Role.SCORE):
        if role == Role.WEIGHT and _WEIGHT_SHARE.match(t):
            # a weight printed as a share of the 100 points (权重 10%): placed in an indicator
            # row under a header naming the column (short_rows), never in a fund row
            value = parse_number(t.rstrip("%％").strip())
            return value is not None and 0 < value <= 100
        return compat(role, t) is not None
    if role == Role.NATURE:
        return bool(_OPERATOR.match(t))
    if role == Role.UNIT:
        return compat(role, t) is not None and not _OPERATOR.match(t) and len(t) <= 4
    if role in (Role.TARGET, Role.ACTUAL):
        return not _OPERATOR.match(t) and len(t) <= 400  # an actual may be a long sentence
    return compat(role, t) is not None


def infer_indicator_roles(values: list[str]) -> tuple[list[Role | None], bool]:
    """The roles of an indicator row's values when no header names the columns: the column
    order that exists (see ``_ORDERS``) whose every cell fits its role by shape and where the
    form's arithmetic holds (得分 ≤ 分值 ≤ 100). Returns the role per value (None: not read)
    and whether the arithmetic confirmed the reading (a weight and a score, score ≤ weight).
    When no order fits, nothing is placed."""
    n = len(values)
    while n and is_blank(values[n - 1]):
        n -= 1
    vals = values[:n]
    best: tuple[float, tuple[Role, ...], list[int], bool] | None = None
    # blanks hold places (pipe, grid); where blanks vanished, read the nonblank values only
    for keep in (list(range(n)), [i for i, v in enumerate(vals) if not is_blank(v)]):
        for rank, order in enumerate(_ORDERS):
            for seq in _expansions(order, len(keep)):
                got = dict(zip(seq, (vals[i] for i in keep), strict=True))
                if not all(fits_role(r, v) for r, v in got.items()):
                    continue
                w, s = got.get(Role.WEIGHT), got.get(Role.SCORE)
                if w and _WEIGHT_SHARE.match(norm_value(w)):
                    continue  # 10% is a weight only under a header that names the column
                wv = parse_number(w.rstrip("分")) if w and not is_blank(w) else None
                sv = parse_number(s.rstrip("分")) if s and not is_blank(s) else None
                if wv is not None and sv is not None and sv > wv:
                    continue
                # a row whose target and actual are both blank has nothing to read
                t, a = got.get(Role.TARGET), got.get(Role.ACTUAL)
                if t is not None and is_blank(t) and a is not None and is_blank(a):
                    continue
                confirmed = wv is not None and sv is not None
                score = (4 if confirmed else 0) - rank - 0.1 * len(seq)
                if a is not None and _COMPARED.match(norm_value(a)):
                    score -= 2  # ≥90 is a target: a completion value is a measured result
                if best is None or score > best[0]:
                    best = (score, seq, keep, confirmed)
        if best is not None:
            break
    out: list[Role | None] = [None] * len(values)
    if best is None:
        return out, False
    _, seq, keep, confirmed = best
    for role, i in zip(seq, keep, strict=True):
        out[i] = role
    return out, confirmed


# -- fund rows without a header -------------------------------------------------------------------


def _figure(text: str) -> Decimal | None:
    t = norm_value(text)
    if _NUMBER.match(t):
        return parse_number(t)
    return None


def _percent(text: str) -> Decimal | None:
    t = norm_value(text)
    return parse_number(t.rstrip("%％").strip()) if _PERCENT.match(t) else None


def infer_fund_roles(values: list[str]) -> tuple[list[Role | None], list[int]]:
    """The roles of a fund row's figures when no header names the columns: the 预算数 and
    执行数 whose quotient is the printed 执行率 (the form's own arithmetic), a figure before
    them the 年初预算数, the small figures around the rate 分值 and 得分 (得分 ≤ 分值). Returns
    the role per value and the indexes of figures left unread because nothing confirms what
    they are; all None when no rate confirms a budget and an actual."""
    out: list[Role | None] = [None] * len(values)
    nums = {i: v for i, t in enumerate(values) if (v := _figure(t)) is not None}
    rates = {i: v for i, t in enumerate(values) if (v := _percent(t)) is not None}
    best: tuple[int, int, int, int] | None = None  # (cost, budget, actual, rate)
    for r, rv in rates.items():
        for i, bv in nums.items():
            for j, av in nums.items():
                if not i < j < r:
                    continue
                if bv == 0:
                    if av != 0 or rv != 0:
                        continue  # 0 ÷ 0 printed 0%: the row of a fund with nothing in it
                elif abs(av / bv * 100 - rv) >= RATE_TOLERANCE:
                    continue
                cost = (j - i) + (r - j)
                if best is None or cost < best[0]:
                    best = (cost, i, j, r)
    if best is None:
        return out, []
    _, b, a, r = best
    out[b], out[a], out[r] = Role.BUDGET, Role.SPENT, Role.RATE
    unread: list[int] = []
    before = [i for i in nums if i < b]
    if len(before) == 1:
        out[before[0]] = Role.INITIAL
    else:
        unread += before
    between = [i for i in nums if a < i < r]
    after = [i for i in nums if i > r]
    points = between + after
    small = all(0 <= nums[i] <= 100 for i in points)
    if len(points) == 2 and small and nums[points[1]] <= nums[points[0]]:
        out[points[0]], out[points[1]] = Role.WEIGHT, Role.SCORE
    elif len(between) == 1 and not after and small:
        out[between[0]] = Role.WEIGHT  # 分值 stands before 执行率, 得分 after it
    else:
        unread += points
    return out, unread
