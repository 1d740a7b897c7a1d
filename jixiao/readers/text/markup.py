"""Markup left in text copied from web pages: what HTML-to-Markdown converters and CMS editors
write around a table's cells.

- ``**bold**`` (and ``__bold__``) around a cell or a title: the words without the marks;
- ``<br>``, ``<br/>``, ``<br />`` for a line break inside a cell: the two halves joined (a cell's
  text wrapped by its author; in Chinese the halves join without a space);
- ``\\|`` for a bar inside a cell of a pipe table: a full-width ``｜``, so that the bar is no
  separator but still shows;
- ``# title`` headings: the title without the hashes.

Line numbers never change (every line stays a line), so locations point at the printed text.
"""

from __future__ import annotations

import re

_BR = re.compile(r"<br\s*/?\s*>", re.IGNORECASE)
# bold around a whole run of text that holds no bar (never across cells)
_BOLD = re.compile(r"\*\*([^*|\n]+?)\*\*|(?<![\w])__([^_|\n]+?)__(?![\w])")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?=\S)")
_TRIGGER = re.compile(r"\*\*|__|<[bB][rR]|\\\||#")


def has_markup(text: str) -> bool:
    """A cheap test (one scan): could the text hold any of the marks this module removes?"""
    return _TRIGGER.search(text) is not None


def strip_markup(text: str) -> str:
    """The text without Markdown/HTML line-level markup, line for line."""
    if "<" in text:
        text = _BR.sub("", text)
    if "\\|" in text:
        text = text.replace("\\|", "｜")
    if "**" in text or "__" in text:
        text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    if "#" in text:
        text = "\n".join(_HEADING.sub("", ln) for ln in text.split("\n"))
    return text
