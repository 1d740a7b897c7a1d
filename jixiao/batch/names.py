"""Unit names as printed vary from year to year: 岳麓区妇联 / 长沙市岳麓区妇女联合会（本级）.
The normalised form is what two years are matched on."""

from __future__ import annotations

import re
import unicodedata

import zhconv

_NOISE = re.compile(r"[\s\u3000·•・,，.。:：;；、'\"“”‘’（）()【】\[\]<>《》〈〉-]")
_SUFFIXES = ("本级", "机关本级", "单位", "部门")


def normalise_unit(name: str | None) -> str:
    """Simplified characters, no spaces or punctuation, no trailing 本级/单位."""
    if not name:
        return ""
    text = zhconv.convert(unicodedata.normalize("NFKC", name), "zh-hans")
    text = _NOISE.sub("", text)
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text = text[: -len(suffix)]
                changed = True
    return text


def normalise_indicator(name: str) -> str:
    """Indicator names without numbering (指标1：) and punctuation."""
    text = zhconv.convert(unicodedata.normalize("NFKC", name), "zh-hans")
    text = re.sub(r"^\s*(指标\s*\d+|\d+)\s*[:：.、]\s*", "", text)
    return _NOISE.sub("", text)
