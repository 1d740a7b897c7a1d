"""一级 and 二级 printed in one cell: ``产出指标-数量指标``, ``产出指标（数量指标）``,
``效益指标/社会效益指标``.

Some templates keep one category column and write both levels into it. The cell is the two
levels when its parts are a 一级 word and a 二级 word, in that order; anything else is left as
printed.
"""

from __future__ import annotations

import re

from jixiao.extract import vocab
from jixiao.textnorm import clean, label_key

_JOINED = re.compile(r"^\s*(\S+?)\s*(?:[-－—–/／、·]+\s*(\S+?)|[(（]\s*(\S+?)\s*[)）])\s*$")


def split_levels(text: str) -> tuple[str, str] | None:
    """(一级, 二级) when ``text`` holds both; None otherwise."""
    if len(text) > 24 or not text.strip():
        return None
    m = _JOINED.match(clean(text))
    if m is None:
        return None
    first, second = m.group(1), m.group(2) or m.group(3)
    if not vocab.is_level1(label_key(first)):
        return None
    if not vocab.is_level2(label_key(second)):
        return None
    return first, second


_CATEGORY_FIRST = re.compile(r"^\s*(\S{2,12}?)\s*[:：]\s*(\S.*)$")


def category_before_name(text: str) -> tuple[str, str] | None:
    """(category, name) for a name cell led by its category (``数量指标：改造公厕数量``), the
    category a 一级 or 二级 word; None otherwise."""
    m = _CATEGORY_FIRST.match(clean(text))
    if m is None:
        return None
    key = label_key(m.group(1))
    if not (vocab.is_level1(key) or vocab.is_level2(key)):
        return None
    return m.group(1), m.group(2).strip()
