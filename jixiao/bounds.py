"""The one rule for every number and text that enters the system: its range and precision.

A form typed in the browser, a reviewer's score, a ``jixiao/1`` JSON file, an office document
read by the CLI or imported into the web application: each number is held to the bound of its
field here, once, before anything computes with it. Out of bounds is a message in Chinese
naming the field, never a hang (``int(Decimal("1e999999"))`` takes minutes), an overflow in
scoring, or a value a database column cannot hold.

The checks look only at a Decimal's sign, digit count and exponent, so they take microseconds
whatever the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any

from jixiao.model import Evaluation, Location, Num, Text


@dataclass(frozen=True)
class Bound:
    """Allowed values of one kind of number: ``low ≤ value ≤ high`` with at most ``places``
    digits after the decimal point."""

    low: Decimal
    high: Decimal
    places: int

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is out of bounds, in Chinese (None: it is fine)."""
        if value is None or isinstance(value, bool):
            return None if value is None else "不是数字"
        if isinstance(value, int):
            if value.bit_length() > 64:  # no need to convert a huge integer to reject it
                return self._range()
            value = Decimal(value)
        if not isinstance(value, Decimal):
            return "不是数字"
        if not value.is_finite():
            return "不是有限的数字"
        # magnitude first, from the exponent alone (1e999999 is never compared digit by digit)
        if value and (value.adjusted() > 15 or not self.low <= value <= self.high):
            return self._range()
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        if -exponent <= self.places:
            return None  # (normalising only raises the exponent: no more places than printed)
        exponent = value.normalize().as_tuple().exponent  # 2021.0 is a whole number
        assert isinstance(exponent, int)
        if -exponent > self.places:
            if self.places == 0:
                return "应为整数"
            return f"小数位数过多（最多 {self.places} 位）"
        return None

    def _range(self) -> str:
        return f"超出范围（应在 {self.low} 到 {self.high} 之间）"


def _d(text: str) -> Decimal:
    return Decimal(text)


YEAR = Bound(_d("1949"), _d("2100"), 0)
STAFF = Bound(_d("0"), _d("10000000"), 0)
MONEY = Bound(_d("-9999999999999"), _d("9999999999999"), 6)  # in the unit printed
RATE = Bound(_d("-1000000"), _d("1000000"), 6)
POINTS = Bound(_d("0"), _d("1000"), 4)  # 分值 and 得分 of a row or of the total
# the number inside a target or actual (“≥12次”): beyond this it is read as text, not a number
MEASURE = Bound(_d("-999999999999999"), _d("999999999999999"), 8)
DEPTH = Bound(_d("0"), _d("9"), 0)
INDEX = Bound(_d("0"), _d("9999"), 0)

FUND_NUMBERS = {
    "initial_budget": MONEY,
    "budget": MONEY,
    "actual": MONEY,
    "rate": RATE,
    "weight": POINTS,
    "score": POINTS,
    "depth": DEPTH,
}
INDICATOR_NUMBERS = {"weight": POINTS, "score": POINTS, "goal_index": INDEX}

# text: the longest a single field may be (a whole report section is far shorter), and the
# control characters no field keeps (a NUL cannot even be stored by PostgreSQL)
MAX_TEXT = 100_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Text as kept: control characters other than tab and newline removed."""
    return _CONTROL.sub("", text)


def clean_texts(value: Any) -> Any:
    """A copy of a ``jixiao/1`` value with :func:`clean_text` applied to every string."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {k: clean_texts(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_texts(v) for v in value]
    return value


def text_problem(text: str) -> str | None:
    if len(text) > MAX_TEXT:
        return f"文字过长（{len(text)} 字，上限 {MAX_TEXT} 字）"
    return None


@dataclass(frozen=True)
class Violation:
    """A value out of bounds: where (``("funds", 0, "budget")``), its place in words, why."""

    path: tuple[str | int, ...]
    place: str
    message: str

    @property
    def key(self) -> str:
        """``funds-0-budget`` (the web form's input name), ``year``, ``total-score``."""
        return "-".join(str(p) for p in self.path)

    def __str__(self) -> str:
        return f"{self.place}：{self.message}"


class OutOfBounds(ValueError):
    """Raised by :func:`require` (and so by ``serialize.from_dict``): the violations found."""

    def __init__(self, found: list[Violation]) -> None:
        self.violations = found
        more = f"等 {len(found)} 处" if len(found) > 3 else ""
        super().__init__("数值超出范围：" + "；".join(map(str, found[:3])) + more)


def require(d: dict[str, Any]) -> None:
    """Raise :class:`OutOfBounds` when anything in ``d`` is out of bounds."""
    if found := violations(d):
        raise OutOfBounds(found)


def violations(d: dict[str, Any]) -> list[Violation]:
    """Every number (and overlong text) of a ``jixiao/1`` dict that is out of bounds."""
    return list(_walk(d))


def _walk(d: dict[str, Any]) -> Iterator[Violation]:
    def check(
        bound: Bound, value: Any, path: tuple[str | int, ...], place: str
    ) -> Iterator[Violation]:
        if (message := bound.problem(value)) is not None:
            yield Violation(path, place, message)

    yield from check(YEAR, d.get("year"), ("year",), "年度")
    staff = d.get("staff") or {}
    if isinstance(staff, dict):
        yield from check(STAFF, staff.get("authorized"), ("staff", "authorized"), "人员编制")
        yield from check(STAFF, staff.get("actual"), ("staff", "actual"), "实有人数")
    total = d.get("total") or {}
    if isinstance(total, dict):
        yield from check(POINTS, total.get("weight"), ("total", "weight"), "总分·分值")
        yield from check(POINTS, total.get("score"), ("total", "score"), "总分·得分")
    for key, numbers, words in (
        ("funds", FUND_NUMBERS, "资金表第{n}行"),
        ("indicators", INDICATOR_NUMBERS, "指标表第{n}行"),
    ):
        for i, row in enumerate(_rows(d.get(key))):
            for col, bound in numbers.items():
                yield from check(bound, row.get(col), (key, i, col), words.format(n=i + 1))
    for i, section in enumerate(_rows(d.get("report"))):
        yield from check(DEPTH, section.get("level"), ("report", i, "level"), f"报告第{i + 1}节")
    for path, text in _texts(d, ()):
        if (message := text_problem(text)) is not None:
            yield Violation(path, "/".join(str(p) for p in path), message)


def _rows(value: Any) -> list[dict[str, Any]]:
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _texts(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, (*path, str(k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _texts(v, (*path, i))


def may_violate(evaluation: Evaluation) -> bool:
    """Whether :func:`violations` could find anything in ``to_dict(evaluation)``, decided on
    the model itself (no dict is built: the readers ask this of every document they read).

    The numbers are held to the same bounds as in :func:`_walk`; every text of the model is
    measured (more than the dict holds, and a location counts its file name and cell
    together), so a False here is certain and a True only sends the caller to the full check.
    """
    e = evaluation
    for bound, num in (
        (YEAR, e.year),
        (STAFF, e.staff_authorized),
        (STAFF, e.staff_actual),
        (POINTS, e.total_weight),
        (POINTS, e.total_score),
    ):
        if num is not None and bound.problem(num.value) is not None:
            return True
    for row in e.funds:
        if row.depth and DEPTH.problem(row.depth) is not None:
            return True
        for col, bound in _FUND_NUMS:
            num = getattr(row, col)
            if num is not None and bound.problem(num.value) is not None:
                return True
    for ind in e.indicators:
        for num in (ind.weight, ind.score):
            if num is not None and POINTS.problem(num.value) is not None:
                return True
        if ind.goal_index is not None and INDEX.problem(ind.goal_index) is not None:
            return True
    if e.report is not None and any(DEPTH.problem(s.level) is not None for s in e.report.sections):
        return True
    return _long(e)


_FUND_NUMS = tuple((k, v) for k, v in FUND_NUMBERS.items() if k != "depth")
_LOCATION_ROOM = 64  # what ``str(location)`` adds to its file name and cell
_PARTS: dict[type, Callable[[Any], tuple[Any, ...]] | None] = {}


_LEAVES = frozenset({type(None), Decimal, int, float, bool})  # no text inside


def _long(value: Any) -> bool:
    """Any text below ``value`` (a model record, a tuple, a str) longer than MAX_TEXT.

    The commonest records (Num, Text and the Location each holds) are measured where they are
    met, field by field, instead of each field going round the stack (the test's ``_long_plain`` is
    the walk by definition; a field of another type than these fields hold still goes round)."""
    limit = MAX_TEXT
    room = MAX_TEXT - _LOCATION_ROOM  # a location's file name and cell together
    stack = [value]
    pop, push = stack.pop, stack.append
    while stack:
        item = pop()
        kind = type(item)
        if kind is Num:
            if type(item.value) not in _LEAVES:
                push(item.value)
            text, unit, loc = item.text, item.unit, item.location
            if type(text) is str:
                if len(text) > limit:
                    return True
            else:
                push(text)
            if type(unit) is str:
                if len(unit) > limit:
                    return True
            elif unit is not None:
                push(unit)
            if type(loc) is Location:
                if len(loc.source) + len(loc.cell or "") > room:
                    return True
            elif loc is not None:
                push(loc)
        elif kind is Text:  # (text and location)
            if len(item.text) > limit:
                return True
            loc = item.location
            if type(loc) is Location:
                if len(loc.source) + len(loc.cell or "") > room:
                    return True
            elif loc is not None:
                push(loc)
        elif kind in _LEAVES:
            continue  # (what the walk below does with them too: nothing)
        elif kind is tuple:
            stack.extend(item)
        elif isinstance(item, str):
            if len(item) > limit:
                return True
        elif kind is Location:
            if len(item.source) + len(item.cell or "") > room:
                return True
        else:
            if kind not in _PARTS:
                _PARTS[kind] = _parts_of(item)
            if (parts := _PARTS[kind]) is not None:
                stack.extend(parts(item))
    return False


def _parts_of(value: Any) -> Callable[[Any], tuple[Any, ...]] | None:
    """The fields of a model record as one tuple (None: a number, not a record)."""
    if not is_dataclass(value):
        return None
    names = [f.name for f in fields(value)]
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda v: (get(v),)
