"""Automatic paragraph numbering of .docx files, rendered as Word prints it.

Reports often number their headings with Word's list numbering (``一、`` ``（一）`` ``1.``)
rather than typing the numbers; the number then is not in the paragraph's text. This module
reads ``numbering.xml`` and counts, in document order, so that a paragraph numbered
``%1、`` in ``chineseCounting`` reads ``一、部门概况`` as printed. Numbering comes from the
paragraph's own ``w:numPr`` or from its style (following ``basedOn``). Bullets are not text
and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


VAL = _q("val")
_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
_CLOSING = "、.．)）:："


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str
    suffix: str  # tab / space / nothing


@dataclass(slots=True)
class Numbering:
    """Counters of the document's lists; :meth:`prefix` is called for paragraphs in order."""

    levels: dict[str, dict[int, _Level]]  # numId → ilvl → level
    style_num: dict[str, tuple[str, int]]  # paragraph styleId → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def prefix(self, p: Any) -> str:
        """The number Word prints before paragraph ``p`` ('' when it is not numbered)."""
        num = self._num_of(p)
        if num is None:
            return ""
        num_id, ilvl = num
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                lv = levels.get(k)
                value = counters.get(k, lv.start if lv else 1)
                text = text.replace(f"%{k + 1}", format_number(value, lv.fmt if lv else "decimal"))
        if not text:
            return ""
        if level.suffix == "nothing" or text[-1] in _CLOSING:
            return text
        return text + " "

    def _num_of(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(_q("pPr"))
        if ppr is not None:
            num_pr = ppr.find(_q("numPr"))
            if num_pr is not None:
                num_id = _val(num_pr.find(_q("numId")))
                ilvl = _int(_val(num_pr.find(_q("ilvl")))) or 0
                if num_id is not None:
                    return None if num_id == "0" else (num_id, ilvl)
            style = ppr.find(_q("pStyle"))
            if style is not None:
                return self.style_num.get(_val(style) or "")
        return None


def load_numbering(document: Any) -> Numbering | None:
    """The numbering of a python-docx Document, or None when it has no numbering part."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None
    abstract: dict[str, dict[int, _Level]] = {}
    for an in root.findall(_q("abstractNum")):
        abstract[an.get(_q("abstractNumId")) or ""] = _levels(an)
    levels: dict[str, dict[int, _Level]] = {}
    for num in root.findall(_q("num")):
        num_id = num.get(_q("numId")) or ""
        base = dict(abstract.get(_val(num.find(_q("abstractNumId"))) or "", {}))
        for override in num.findall(_q("lvlOverride")):
            ilvl = _int(override.get(_q("ilvl"))) or 0
            lvl = override.find(_q("lvl"))
            if lvl is not None:
                base.update(_levels_from([lvl], ilvl))
            start = _int(_val(override.find(_q("startOverride"))))
            if start is not None and ilvl in base:
                old = base[ilvl]
                base[ilvl] = _Level(start, old.fmt, old.text, old.suffix)
        levels[num_id] = base
    return Numbering(levels, _style_numbering(document))


def _levels(abstract_num: Any) -> dict[int, _Level]:
    return _levels_from(abstract_num.findall(_q("lvl")), None)


def _levels_from(lvls: list[Any], default_ilvl: int | None) -> dict[int, _Level]:
    out = {}
    for lvl in lvls:
        ilvl = _int(lvl.get(_q("ilvl")))
        ilvl = ilvl if ilvl is not None else (default_ilvl or 0)
        start = _int(_val(lvl.find(_q("start"))))
        out[ilvl] = _Level(
            start=start if start is not None else 1,
            fmt=_val(lvl.find(_q("numFmt"))) or "decimal",
            text=_val(lvl.find(_q("lvlText"))) or "",
            suffix=_val(lvl.find(_q("suff"))) or "tab",
        )
    return out


def _style_numbering(document: Any) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry numbering (heading styles often do), following basedOn."""
    own: dict[str, tuple[str | None, int, str | None]] = {}
    for st in document.styles.element.findall(_q("style")):
        sid = st.get(_q("styleId")) or ""
        num_pr = st.find(f"{_q('pPr')}/{_q('numPr')}")
        based = _val(st.find(_q("basedOn")))
        if num_pr is not None:
            own[sid] = (
                _val(num_pr.find(_q("numId"))),
                _int(_val(num_pr.find(_q("ilvl")))) or 0,
                based,
            )
        else:
            own[sid] = (None, 0, based)
    out: dict[str, tuple[str, int]] = {}
    for sid in own:
        current: str | None = sid
        for _ in range(20):
            if current is None or current not in own:
                break
            num_id, ilvl, based = own[current]
            if num_id is not None:
                if num_id != "0":
                    out[sid] = (num_id, ilvl)
                break
            current = based
    return out


def format_number(value: int, fmt: str) -> str:
    """A list counter in Word's number format."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional",
               "japaneseCounting", "chineseLegalSimplified", "taiwaneseCounting"):  # fmt: skip
        return chinese(value, legal=fmt == "chineseLegalSimplified")
    if fmt == "decimalEnclosedCircle" and 1 <= value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)


def chinese(value: int, *, legal: bool = False) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (legal: 壹贰叁…)."""
    if value <= 0 or value >= 10000:
        return str(value)
    digits = "零壹贰叁肆伍陆柒捌玖" if legal else _DIGITS
    units = ("", "拾", "佰", "仟") if legal else ("", "十", "百", "千")
    out = ""
    text = str(value)
    zero = False
    for i, ch in enumerate(text):
        d = int(ch)
        unit = units[len(text) - i - 1]
        if d == 0:
            zero = True
            continue
        if zero and out:
            out += digits[0]
        zero = False
        out += digits[d] + unit
    if not legal and 10 <= value < 20:
        out = out[1:]  # 十一, not 一十一
    return out


def _roman(value: int) -> str:
    out = ""
    for n, letters in _ROMAN:
        while value >= n:
            out += letters
            value -= n
    return out


def _val(el: Any) -> str | None:
    return el.get(VAL) if el is not None else None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
