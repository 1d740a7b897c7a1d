"""The shared spans of a spaced line (readers/text/spans.py) against the plain per-character
definition the three spaced steps each had before (invented lines, not copies of a document)."""

from __future__ import annotations

import itertools
import re
import unicodedata

from jixiao.readers.text.spans import line_spans


def _plain(line: str, single: bool = False) -> list[tuple[int, int, str]]:
    line = line.replace("\u3000", "  ")
    cols = [0]
    for ch in line:
        cols.append(cols[-1] + (2 if unicodedata.east_asian_width(ch) in "WF" else 1))
    cells = re.compile(r"\S+") if single else re.compile(r"\S+(?: \S+)*")
    return [(cols[m.start()], cols[m.end()], m.group(0)) for m in cells.finditer(line)]


_PIECES = (
    "产出指标",
    "  ",
    " ",
    "≥95%",
    "\u3000",
    "１２．５",
    "10",
    "ｶﾅ",
    "㎡",
    "Ａ级",
    "\t",
    "😀",
)


def test_line_spans_agree_with_the_plain_definition() -> None:
    for n in range(0, 5):
        for combo in itertools.product(_PIECES, repeat=n):
            line = "".join(combo)
            for single in (False, True):
                assert line_spans(line, single) == _plain(line, single), (line, single)


def test_a_chinese_character_is_two_columns_wide() -> None:
    assert line_spans("数量指标    10  ≥5次") == [
        (0, 8, "数量指标"),
        (12, 14, "10"),
        (16, 20, "≥5次"),
    ]
    assert line_spans("a b  c", single=True) == [(0, 1, "a"), (2, 3, "b"), (5, 6, "c")]
