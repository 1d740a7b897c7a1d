"""Text normalisation used by the extraction layer (and by the accuracy bench).

Three levels:

- :func:`clean` — for values shown to users: inline pinyin removed (``農(nóng)`` → ``农``),
  traditional characters converted to simplified, line breaks of wrapped cells joined.
  Chinese punctuation is kept.
- :func:`fold` — for comparisons: ``clean`` plus NFKC (full-width → half-width) and all
  whitespace removed (``产 出 指 标`` → ``产出指标``).
- :func:`label_key` — for matching labels against synonyms: ``fold`` plus numbering
  (``指标1：``, ``(1)``, ``1.``, ``其中：``), a ``(50分)`` suffix, a trailing colon and
  ``(盖章)`` removed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from zhconv import zhconv as _zhconv_impl

from jixiao.alternation import Alternation

_LINE_BREAKS = re.compile(r"[\r\n]+")

_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_TONED = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（](?=[a-zü{_TONE}]*[{_TONE}])[a-zü{_TONE}]{{1,7}}[)）]"
)
_PINYIN_PLAIN = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]{1,6}[)）]")


# Numbering in front of a label: 指标1： (1) （一） 1. 1、 一、 ① 其中：
_NUMBERING = re.compile(
    r"^(?:"
    r"指标\s*\d+\s*[:：.、]"
    # the template's slot label run into the name typed after it (指标1工程完工率, 指标1项目…;
    # not a count: 指标1个, 指标2项)
    r"|指标\d{1,2}(?=[\u4e00-\u9fff])(?![个项次条件人家所户天月年][^\u4e00-\u9fff]|[个项次条件人家所户天月年]$)"
    r"|[(（]\s*(?:\d+|[一二三四五六七八九十]+)\s*[)）]\s*[、.]?"
    r"|\d+(?:\.\d+)*\s*[、.．](?!\d)"
    r"|[一二三四五六七八九十]+\s*[、.]"
    r"|[①-⑳]"
    r"|其中\s*[:：]"
    r")\s*"
)
_POINTS_SUFFIX = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")
_SEAL = re.compile(r"[(（]\s*(?:盖章|公章|签章|签字|签名)\s*[)）]")


def _tradonly() -> frozenset[str]:
    _zhconv_impl.getdict("zh-hans")
    chars = _zhconv_impl.zhcdicts.get("TRADONLY") if _zhconv_impl.zhcdicts else None
    return frozenset(chars or ())


_TRAD_CHARS = _tradonly()
# the same test as a character class, searched without making a string of each character: the
# characters of the Basic Multilingual Plane (a class of those stays a bitmap; characters
# beyond it would be tried one by one, so a text holding any is tested by the set)
_TRAD_BMP = re.compile(
    "[" + "".join(sorted(re.escape(c) for c in _TRAD_CHARS if ord(c) <= 0xFFFF)) + "]"
    if any(ord(c) <= 0xFFFF for c in _TRAD_CHARS)
    else "(?!)"
)
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def has_traditional(text: str) -> bool:
    """Whether the text holds characters that exist only in traditional Chinese."""
    if _BEYOND_BMP.search(text) is not None:
        return not _TRAD_CHARS.isdisjoint(text)
    return _TRAD_BMP.search(text) is not None


def strip_pinyin(text: str) -> str:
    """Remove the inline pinyin mirror sites insert after characters: 項(xiàng)目 → 項目."""
    if "(" not in text and "（" not in text:
        return text
    out, n = _PINYIN_TONED.subn("", text)
    if n >= 2:
        # Pages that annotate with tone marks also annotate neutral-tone syllables (的(de)).
        out = _PINYIN_PLAIN.sub("", out)
    return out


_ZH_TABLE: dict[str, str] = _zhconv_impl.getdict("zh-hans")
_ZH_PREFIXES: frozenset[str] = _zhconv_impl.pfsdict["zh-hans"]
# zhconv's own zh-hans table split in two: the one-character conversions (a translate table)
# and the first two characters of the longer entries (where its phrase search must run)
_ZH_SINGLE = {ord(k): v for k, v in _ZH_TABLE.items() if len(k) == 1}
_ZH_PAIRS = frozenset(p for p in _ZH_PREFIXES if len(p) == 2)
_ZH_PHRASE_START = re.compile("[" + "".join(sorted({re.escape(p[0]) for p in _ZH_PAIRS})) + "]")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (only when the text has traditional characters).

    The same result as ``zhconv.convert(text, "zh-hans")``, which reads the text from left to
    right taking at each place the longest entry of its table: a character that begins no
    entry longer than itself is converted on its own (by a translate table, all at once), and
    zhconv's phrase search runs only from the characters that begin a longer entry."""
    if not has_traditional(text):
        return text
    out: list[str] = []
    pos = look = 0  # converted up to pos; no longer entry begins in text[pos:look]
    while (m := _ZH_PHRASE_START.search(text, look)) is not None:
        at = m.start()
        if text[at : at + 2] not in _ZH_PAIRS:
            look = at + 1  # no longer entry begins here: converted on its own
            continue
        out.append(text[pos:at].translate(_ZH_SINGLE))
        word, pos = _longest_entry(text, at)
        out.append(word)
        look = pos
    out.append(text[pos:].translate(_ZH_SINGLE))
    return "".join(out)


def _longest_entry(text: str, pos: int) -> tuple[str, int]:
    """zhconv's step at ``pos``: the conversion of the longest entry there (or the character
    itself) and where the text goes on."""
    table, prefixes = _ZH_TABLE, _ZH_PREFIXES
    word, end = text[pos], pos + 1
    i = pos
    frag = text[pos]
    while i < len(text) and frag in prefixes:
        if frag in table:
            word, end = table[frag], i + 1
        i += 1
        frag = text[pos : i + 1]
    return word, end


def join_wrapped(text: str) -> str:
    """Join the lines of a wrapped cell: ``年度\\n\\n指标值`` → ``年度指标值``.

    Lines are joined without a separator between CJK characters and with one space
    between latin letters or digits.
    """
    if "\n" not in text and "\r" not in text:
        return text.strip()
    parts = [p.strip() for p in _LINE_BREAKS.split(text) if p.strip()]
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        if (
            out
            and part
            and out[-1].isascii()
            and out[-1].isalnum()
            and part[0].isascii()
            and part[0].isalnum()
        ):
            out += " " + part
        else:
            out += part
    return out


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """A value as users should see it: pinyin removed, simplified, wrapped lines joined."""
    return to_simplified(strip_pinyin(join_wrapped(text)))


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """``clean`` plus NFKC and no whitespace at all: the form to compare texts in."""
    out = unicodedata.normalize("NFKC", clean(text))
    return "".join(out.split())


_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def halfwidth(text: str) -> str:
    """Full-width ASCII forms (digits, letters, ``．％（）``) and the ideographic space as
    half-width; nothing else changes (unlike NFKC, ``㎡`` and ``①`` stay)."""
    return text.translate(_HALF) if _FULL_WIDTH.search(text) else text


_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")  # the keys of _HALF


def strip_numbering(text: str) -> str:
    """Remove a leading numbering (指标1： (1) 1. 一、 其中：), repeatedly."""
    out = text.strip()
    while (m := _NUMBERING.match(out)) and m.end():
        out = out[m.end() :].strip()
    return out


def strip_points(text: str) -> str:
    """Remove a trailing ``(50分)``."""
    return _POINTS_SUFFIX.sub("", text).strip()


@lru_cache(maxsize=16384)
def label_key(text: str) -> str:
    """The key a label is matched by: folded, no numbering, no (N分), no colon, no (盖章)."""
    out = fold(text)  # NFKC: brackets are half-width here
    if "(" in out:
        out = _SEAL.sub("", out)
    out = strip_numbering(out)
    if out.endswith(")"):
        out = strip_points(out)
    return out.rstrip(":：")


# OCR misreadings in the words of the form (scans shared on document sites): each pair is a
# misread form word and the word; only whole form words are repaired, never free text.
_OCR_WORDS = (
    ("项Fl", "项目"),
    ("项FI", "项目"),
    ("项F1", "项目"),
    ("顼目", "项目"),
    ("万兀", "万元"),
    ("预匏", "预算"),
    ("预箅", "预算"),
)
_OCR_WORD = re.compile("|".join(re.escape(w) for w, _ in _OCR_WORDS))
_OCR_FIX = dict(_OCR_WORDS)
# IO / l0 / 1O for 10 and the like: letters among digits, or IO standing alone between words
_OCR_TEN = re.compile(r"(?<![A-Za-z])[Il]O(?![A-Za-z])")
# (a digit after a Latin letter is part of a code such as O2O: its neighbours stay letters)
# (a digit after a Latin letter is part of a code such as O2O: its neighbours stay letters;
# a misread digit may be followed by another one, 12OO)
_OCR_DIGIT = re.compile(
    r"(?<=\d)(?<![A-Za-z]\d)[Oo](?![A-HJ-NP-Za-km-np-z])|(?<=\d\.)[Oo]"
    r"|(?<=\d)(?<![A-Za-z]\d)[lI](?![A-HJ-NP-Za-km-np-z])|(?<![A-Za-z])[lI](?=\d)"
    r"|(?<![A-Za-z\d])[OolI](?=\.\d)"  # O.00, l.06
    r"|(?<=[\u4e00-\u9fff])[Oo](?=[Oo]*\d)"  # 结转资金OO0: a figure run onto its label
    # a cell of its own before a figure, a dash or the line's end: O for 0 (资金  O  O  0)
    r"|(?<!\S)O(?=[ \t\u3000]+[\dOo－—/-]|[ \t\u3000]*(?:\n|$))"
)
_DIGIT_FIX = {"O": "0", "o": "0", "l": "1", "I": "1"}
_OCR_CHARS = "IlOo顼兀匏箅"  # a text without any of them has nothing to repair
# (searched only where a misreading can start: the whole-text search of the joined pattern tried
# every alternative, lookbehinds first, at every character)
_OCR_ANY = Alternation([p.pattern for p in (_OCR_WORD, _OCR_TEN, _OCR_DIGIT)])


def repair_ocr(text: str) -> tuple[str, list[str]]:
    """Repair OCR misreadings of form words (项Fl → 项目, 万兀 → 万元) and of figures (IO → 10,
    1O → 10); returns the text and what was repaired (``项Fl→项目``), for a reading note."""
    done: list[str] = []
    if not any(c in text for c in _OCR_CHARS) or not _OCR_ANY.search(text):
        return text, done

    def word(m: re.Match[str]) -> str:
        done.append(f"{m.group(0)}→{_OCR_FIX[m.group(0)]}")
        return _OCR_FIX[m.group(0)]

    def ten(m: re.Match[str]) -> str:
        done.append(f"{m.group(0)}→10")
        return "10"

    def digit(m: re.Match[str]) -> str:
        done.append(f"{m.group(0)}→{_DIGIT_FIX[m.group(0)]}")
        return _DIGIT_FIX[m.group(0)]

    text = _OCR_WORD.sub(word, text)
    text = _OCR_TEN.sub(ten, text)
    for _ in range(4):  # 12OO: each repaired digit makes the next letter a digit's neighbour
        fixed = _OCR_DIGIT.sub(digit, text)
        if fixed == text:
            break
        text = fixed
    return text, done


def ocr_note(repaired: list[str], where: str | None = None) -> str:
    """The reading note for :func:`repair_ocr`'s repairs: how many, of which kinds, and (in
    an office file) the first place."""
    kinds = sorted(set(repaired))
    shown = "、".join(kinds[:6]) + ("等" if len(kinds) > 6 else "")
    place = f"，第一处在 {where}" if where else ""
    return f"按识别错误的常见写法纠正了 {len(repaired)} 处（{shown}）{place}"


# a line holding only page furniture (第 2 页 / 共 3 页, - 2 -, 2/5; in a pipe table's cell too):
# between a table's rows in text, or inside a cell where a page break cut it
PAGE_MARK_LINE = re.compile(
    r"^\s*[|｜]?\s*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|[-－—]\s*\d+\s*[-－—]|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)\s*(?:[|｜]\s*)*$",
    re.IGNORECASE,
)


def drop_page_marks(text: str) -> str:
    """A cell's lines without the page marks a page break left inside it (``名称前半\n第 2 页\n
    后半``): the name joins again."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    kept = [ln for ln in lines if not PAGE_MARK_LINE.match(ln)]
    return "\n".join(kept) if len(kept) < len(lines) else text
