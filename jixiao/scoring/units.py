"""Units of measure and periods: converting an actual value into the target's unit.

Only exact conversions: 万元 ↔ 元, 公里 ↔ 米, 吨 ↔ 千克, 每月 ↔ 全年 … Units of different
kinds (人 and 人次, 亩 and 平方米) are not comparable.
"""

from __future__ import annotations

import re
from decimal import Decimal

# unit → (dimension, factor to the dimension's base unit)
_UNITS: dict[str, tuple[str, Decimal]] = {
    "元": ("money", Decimal(1)),
    "千元": ("money", Decimal(1000)),
    "万元": ("money", Decimal(10000)),
    "亿元": ("money", Decimal(100000000)),
    "人": ("people", Decimal(1)),
    "名": ("people", Decimal(1)),
    "万人": ("people", Decimal(10000)),
    "人次": ("visits", Decimal(1)),
    "万人次": ("visits", Decimal(10000)),
    "米": ("length", Decimal(1)),
    "m": ("length", Decimal(1)),
    "公里": ("length", Decimal(1000)),
    "千米": ("length", Decimal(1000)),
    "km": ("length", Decimal(1000)),
    "厘米": ("length", Decimal("0.01")),
    "毫米": ("length", Decimal("0.001")),
    "平方米": ("area", Decimal(1)),
    "公顷": ("area", Decimal(10000)),
    "平方公里": ("area", Decimal(1000000)),
    "千克": ("mass", Decimal(1)),
    "公斤": ("mass", Decimal(1)),
    "kg": ("mass", Decimal(1)),
    "斤": ("mass", Decimal("0.5")),
    "吨": ("mass", Decimal(1000)),
    "分钟": ("minutes", Decimal(1)),
    "小时": ("minutes", Decimal(60)),
    "天": ("days", Decimal(1)),
    "日": ("days", Decimal(1)),
    "月": ("months", Decimal(1)),
    "个月": ("months", Decimal(1)),
    "%": ("percent", Decimal(1)),
    "‰": ("percent", Decimal("0.1")),
}

# period → how many of it make a year
_PER_YEAR: dict[str, Decimal] = {
    "每年": Decimal(1),
    "全年": Decimal(1),
    "年度": Decimal(1),
    "每半年": Decimal(2),
    "每季度": Decimal(4),
    "每季": Decimal(4),
    "季度": Decimal(4),
    "每月": Decimal(12),
}


def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two printed units are the same (a missing unit matches anything)."""
    if not a or not b:
        return True
    return a == b or (a in _UNITS and b in _UNITS and _UNITS[a] == _UNITS[b])


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None when not comparable."""
    if from_unit == to_unit:
        return value
    a, b = _UNITS.get(from_unit), _UNITS.get(to_unit)
    if a is None or b is None or a[0] != b[0]:
        return None
    return value * a[1] / b[1]


def per_year(period: str | None) -> Decimal | None:
    """How many periods make a year (每月 → 12), None for an unknown period."""
    return _PER_YEAR.get(period) if period else None


_NUMBER = r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?"


def number_in_text(text: str, unit: str) -> Decimal | None:
    """The one number printed with ``unit`` inside a sentence, if exactly one
    (“全年召开3次专题会” → 3 for 次); a four-digit number before 年 is a year, not a value."""
    if not unit:
        return None
    pattern = rf"({_NUMBER})\s*{re.escape(unit)}(?![次月/])"
    values = set()
    for m in re.finditer(pattern, text):
        number = m.group(1).replace(",", "")
        if unit == "年" and len(number) == 4:
            continue
        values.add(Decimal(number))
    return values.pop() if len(values) == 1 else None
