"""Lines of prose with their locations, and the patterns the report and prose readers share.

A :class:`~jixiao.document.Paragraph` may be one line or a blank-line-separated block of
lines; the report reader works line by line, so every paragraph is split into
:class:`ProseLine` records, each with the location of its own line. Inline pinyin inserted by
mirror sites (项(xiàng)目) is dropped and traditional characters are converted, so that the
patterns below see plain simplified Chinese; everything else stays as printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from jixiao.document import Paragraph
from jixiao.extract.prose_reflow import reflow
from jixiao.model import Location
from jixiao.textnorm import strip_pinyin, to_simplified

# Lines of a web page around the text (navigation, publication data, share buttons).
NOISE = re.compile(
    r"您现在的位置|当前位置|首页\s*[>›»]|发布(?:时间|日期)|(?<![\u4e00-\u9fff])(?:来源|时间|作者)\s*[:：]"
    r"|浏览(?:量|次数)?\s*[:：]|阅读(?:量|次数)?\s*[:：]|字体\s*[:：]|我要投稿|欢迎(?:来到|访问|光临)"
    r"|打印本页|关闭窗口|分享到|上一篇|下一篇|版权(?:所有|声明|说明)|下载本文档|文档简介"
    r"|主办单位\s*[:：]|ICP备|网站标识码"
)
# Lines after which a web page has left the document (its footer).
FOOTER = re.compile(
    r"上一篇|下一篇|版权所有|主办单位\s*[:：]|ICP备|网站标识码|打印本页|关闭窗口|【打印】"
)

# A year as a sentence speaks of it: 2021年 / 2021年度 (not the end of a range 2021-2025年).
YEAR = re.compile(r"(?<![\d\-—–~～])((?:19|20)\d{2})\s*年(度)?")
# The end of a range of years: 2021至2025年, 2021年到2025年.
_RANGE_BEFORE = re.compile(r"(?:19|20)\d{2}\s*年?\s*[至到]\s*$")
_RANGE_AFTER = re.compile(r"\s*[至到\-—–~～]\s*(?:19|20)\d{2}")
# Words just before a year that make it a comparison (比2020年 / 较2020年 / 与2020年相比).
_COMPARISON_BEFORE = ("比", "较", "与", "和", "同比", "相比", "对比")
# A full date (2020年03月15日) is a date of writing or publishing, not the year evaluated.
_MONTH_AFTER = re.compile(r"\s*\d{1,2}\s*月")

# 全角 ASCII digits and the full stop used as a decimal point → ASCII (same length).
_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_WIDE_DIGIT = re.compile("[０-９．]")


# A page flattened into one line: a 一、 / （一） heading after a full stop (or after the
# title's 报告) starts a line of its own. Numbered list items (1. 2.) stay in their line.
_INLINE_HEADING = re.compile(
    r"(?:(?<=[。！？!?])|(?<=报告))\s*(?=第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、)"
    r"|(?:(?<=[。！？!?])|(?<=[\u4e00-\u9fff]))\s*(?=[(（][一二三四五六七八九十]{1,3}[)）][^，,。；;、]{2,30}?[。：:]?)"
)
_MIN_RUN_ON = 60  # only long lines hold several paragraphs


@dataclass(frozen=True, slots=True)
class ProseLine:
    """One non-empty line of prose, stripped, with the location of that line."""

    text: str
    location: Location
    heading_level: int | None = None  # from the file's own styles (docx) where it has them


# The lines of the last paragraphs split: the report and prose readers get the same list.
_last: tuple[Sequence[Paragraph], list[ProseLine], int] | None = None


def prose_lines(paragraphs: Sequence[Paragraph]) -> list[ProseLine]:
    """Every non-empty line of the paragraphs, in order, with its own location."""
    global _last
    last = _last
    if last is not None and last[0] is paragraphs and len(paragraphs) == last[2]:
        return last[1]
    out = _split(paragraphs)
    _last = (paragraphs, out, len(paragraphs))
    return out


def _split(paragraphs: Sequence[Paragraph]) -> list[ProseLine]:
    out: list[ProseLine] = []
    for para in paragraphs:
        loc = para.location
        parts = para.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for offset, raw in enumerate(parts):
            text = clean(raw)
            if not text:
                continue
            line_loc = loc
            if offset and loc.line is not None:
                line_loc = replace(loc, line=loc.line + offset)
            level = para.heading_level if len(parts) == 1 else None
            pieces = _INLINE_HEADING.split(text) if len(text) > _MIN_RUN_ON else [text]
            for piece in pieces:
                if piece.strip():
                    out.append(
                        ProseLine(piece.strip(), line_loc, level if len(pieces) == 1 else None)
                    )
    return reflow(out)


def clean(raw: str) -> str:
    """A line as printed minus inline pinyin, in simplified characters, stripped."""
    text = raw.replace("\xa0", " ").replace("\u3000", " ").strip()
    if not text:
        return ""
    if _WIDE_DIGIT.search(text):
        text = text.translate(_DIGITS)
    return to_simplified(strip_pinyin(text))


def is_noise(text: str) -> bool:
    """Whether a line is part of the web page around the document."""
    return bool(NOISE.search(text))


def spoken_years(text: str, end: int | None = None) -> list[tuple[int, int]]:
    """The years a text speaks of (before ``end``), as (year, position); comparisons and
    ranges (2019年至2021年) excluded."""
    found = []
    for m in YEAR.finditer(text, 0, len(text) if end is None else end):
        before = text[max(0, m.start() - 2) : m.start()]
        if any(before.endswith(w) for w in _COMPARISON_BEFORE):
            continue
        if _RANGE_AFTER.match(text, m.end()):
            continue  # the start of a range: a span, not one year
        if before.endswith(("至", "到")) and _RANGE_BEFORE.search(
            text, max(0, m.start() - 9), m.start()
        ):
            continue
        found.append((int(m.group(1)), m.start()))
    return found


def evaluated_years(text: str) -> list[int]:
    """Years a line speaks of as a period (dates of writing such as 2020年03月15日 excluded)."""
    years = []
    for year, pos in spoken_years(text):
        m = YEAR.match(text, pos)
        if m and not m.group(2) and _MONTH_AFTER.match(text, m.end()):
            continue
        years.append(year)
    return years
