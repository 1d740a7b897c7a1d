"""Figures typed in full-width forms (``２８７．７１``, ``９８％``), as older CMS pages and some
Word templates print them.

The readers find figures with patterns over ASCII digits; a full-width figure was taken apart
(``２８７．７１`` read as 87.71 where one pattern matched its digits and another did not). The
full-width digits, and a full-width point or per cent sign beside a digit, become their ASCII
forms before anything else reads the text; nothing else changes (a full-width ``－`` stays a
blank mark, ``（）`` stay as printed), and every character keeps its place.
"""

from __future__ import annotations

import re

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_POINT = re.compile(r"(?<=\d)．(?=\d)")
_PERCENT = re.compile(r"(?<=\d)\s?％")
_ANY = re.compile("[０-９]")


def has_fullwidth_digits(text: str) -> bool:
    return _ANY.search(text) is not None


def halfwidth_figures(text: str) -> str:
    """The text with its full-width figures in ASCII (see the module)."""
    text = text.translate(_DIGITS)
    if "．" in text:
        text = _POINT.sub(".", text)
    if "％" in text:
        text = _PERCENT.sub(lambda m: m.group().replace("％", "%"), text)
    return text
