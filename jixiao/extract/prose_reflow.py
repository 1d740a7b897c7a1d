"""Sentences broken at a fixed width (PDF copies of a report), joined again.

A report copied from a PDF breaks every line at the width of the page, in the middle of
sentences, figures and names (``截至12月31日，实际支出1`` / ``20.5万元，执行率…``). The sentence
readers need whole sentences, so such lines are joined before they read:

- the page's width is the length most lines of 20 characters or more have, at least 3 of
  them to the character, and hardly any line (5 %) is longer: the longest lines share one
  length (a text of natural lines has no such width, so it is left as printed);
- a line of that width that does not end a sentence (。！？；) continues on the next line,
  unless the next line starts a heading or a numbered item (一、 （一） 1. （1） ①).

The joined line keeps the location of its first line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jixiao.extract.prose_lines import ProseLine

_MIN_WIDTH = 20
_SENTENCE_END = ("。", "！", "？", "；", "!", "?", ";")  # (a colon at the width is broken too)
_STARTS_ITEM = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩]|第[一二三四五六七八九十]+部分)"
)


def page_width(lines: list[ProseLine]) -> int | None:
    """The width the lines were broken at, if they were."""
    long = [len(line.text) for line in lines if len(line.text) >= _MIN_WIDTH]
    if len(long) < 3:
        return None
    width, count = Counter(long).most_common(1)[0]
    if count < 3:
        return None
    if sum(1 for n in long if n > width + 1) > 0.05 * len(long):
        return None  # natural lines, longer and shorter
    return width


def reflow(lines: list[ProseLine]) -> list[ProseLine]:
    """The lines with those broken at the page's width joined to the next (see above)."""
    width = page_width(lines)
    if width is None:
        return lines
    out: list[ProseLine] = []
    joining = False
    for line in lines:
        if joining and out and not _STARTS_ITEM.match(line.text):
            out[-1] = replace(out[-1], text=out[-1].text + line.text, heading_level=None)
        else:
            out.append(line)
        joining = len(line.text) >= width - 1 and not line.text.endswith(_SENTENCE_END)
    return out
