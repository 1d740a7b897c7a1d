"""Text helpers of the PDF reader: joining wrapped lines, character sizes, runs of text."""

from __future__ import annotations

import re
from typing import Any

_TEXT_TABLE_GAP = 2.0  # a gap wider than this many character widths separates two cells

# Spaces: the PDF's own space characters are kept; a gap inserts one only when wider than half
# a character (the narrower CJK–Latin spacing word processors add is not a space).
TEXT_OPTIONS: dict[str, Any] = {"keep_blank_chars": True, "x_tolerance_ratio": 0.5}
_LATIN = re.compile(r"[A-Za-z]")


def join_lines(text: str) -> str:
    """Lines wrapped in a cell or paragraph joined: a space only between two Latin letters."""
    out = ""
    for line in text.split("\n"):
        if not line.strip():
            continue
        line = line.lstrip() if out.endswith(" ") else line
        if out and _LATIN.match(out[-1]) and _LATIN.match(line[0]):
            out += " "
        out += line
    return out.strip()


def char_size(line: dict[str, Any]) -> float:
    chars = line.get("chars") or []
    sizes = [c.get("size", 0) for c in chars if c.get("size")]
    return sum(sizes) / len(sizes) if sizes else max(1.0, line["bottom"] - line["top"])


def segments(line: dict[str, Any]) -> list[tuple[float, str]]:
    """Runs of text in a line separated by gaps wider than _TEXT_TABLE_GAP characters."""
    chars = [c for c in line.get("chars") or [] if c.get("text")]
    if not chars:
        return [(line["x0"], line["text"])]
    size = char_size(line)
    segs: list[tuple[float, str]] = []
    start, text, prev_x1 = chars[0]["x0"], "", None
    for ch in chars:
        if prev_x1 is not None and ch["x0"] - prev_x1 > _TEXT_TABLE_GAP * size:
            if text.strip():
                segs.append((start, text.strip()))
            start, text = ch["x0"], ""
        text += ch["text"]
        prev_x1 = ch["x1"]
    if text.strip():
        segs.append((start, text.strip()))
    return segs
