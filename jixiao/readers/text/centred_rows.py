"""Rows whose wrapped cells ``pdftotext -layout`` printed vertically centred.

Word tables are mostly vertically centred, and published as PDF their text keeps that: in a row
whose cells wrap onto several lines, the one-line cells sit on the row's middle line and a
wrapped cell's lines go above and below it::

                        宣传资料印制
    产出指标  数量指标  数量（按村        >=5000份   5200份   10   10
                        居分发）
                        群众对宣传活
              质量指标  动的满意度        >=90%      96%      10   9.5

The spaced reader joins an indented line without figures to the row above it (a cell wrapped
top-aligned); the lines above a row's middle line would go to the wrong row. :func:`top_align`
finds, between two rows of figures (or header rows), which of the lines without figures belong
to the row above and which to the row below, and prints each row again top-aligned — every
cell's lines from the row's first line down, each in its column — keeping the line count, so the
spaced reader sees a row it knows.

Every line belongs to one row (rows are bands of the page), so between two rows only the line
where one ends and the next begins is to be found. What decides it, column by column:

- a cell has text on its row's middle line (centred, top- or bottom-aligned alike): lines in a
  column where the row above prints nothing cannot be its own, and lines in a column where the row
  below prints nothing cannot be that row's;
- a cell's lines are consecutive: a line of the row above follows its other lines without a gap,
  a line of the row below leads without a gap to its middle line;
- a wrapped cell fills each line to its column's width but the last: a line shorter than the
  cell's others is its last, what follows in the column is the next row's.

Only where these leave exactly one place for the cut is a row moved; where they leave none
(lines that fit no row: another shape) or more than one, the lines stay as printed, and a gap
whose cut was not certain is named in a reading note. Rows whose cells already start on their
first line (top-aligned) are left as they are.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.extract.vocab import is_level1, is_level2
from jixiao.measure import before_pattern
from jixiao.readers.text.spans import line_spans as _spans
from jixiao.textnorm import halfwidth, label_key

# a figure: digits first (after an operator), a unit at most after them — or run together with
# the next figures (``326.44314.86``); a dash for an empty cell
# an operator before a figure: any of jixiao.measure's table, as printed (≧, 不低於 too)
_OP = before_pattern(printed=True)
_FIGURE = re.compile(rf"^(?:{_OP})?\s*[-+]?\d|^[-－—/／]+$")
_SENTENCE = re.compile(r"[，；。、：,;]")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_ALIGN = 2  # display columns: a piece lines up with a column starting this close
_SLACK = 1  # display columns: a full line may be this much narrower (a wide character did not fit)

Span = tuple[int, int, str]


def _is_figure(text: str) -> bool:
    t = halfwidth(text)
    return (
        _FIGURE.match(t) is not None
        and _SENTENCE.search(t) is None
        and len(_IDEOGRAPH.findall(t)) <= 3 + t.startswith(("不", "达", "達")) * 3
    )


def _is_row(spans: list[Span]) -> bool:
    """A row's middle line: figures among several cells, or a header's four or more words."""
    if len(spans) < 2:
        return False
    figures = sum(_is_figure(t) for _, _, t in spans)
    return figures >= 1 or len(spans) >= 4


def _column(starts: list[int], at: int) -> int | None:
    for s in starts:
        if abs(s - at) <= _ALIGN:
            return s
    return None


def top_align(lines: list[str]) -> tuple[list[str], list[str]] | None:
    """The lines with each vertically centred (or bottom-aligned) row printed top-aligned, and
    reading notes; None when no row was moved."""
    if "  " not in "".join(lines[:400]):
        return None
    spans = [_spans(ln.expandtabs(4).rstrip()) for ln in lines]
    rows = [i for i, s in enumerate(spans) if _is_row(s)]
    if len(rows) < 2:
        return None
    # above[i]: the lines above row line i that belong to it
    above: dict[int, list[int]] = {}
    below: dict[int, list[int]] = {}
    unsure: list[int] = []
    names: dict[int, int | None] = {}  # row line → the name column of the header above it
    name_at: int | None = None
    for i in rows:
        if not any(_is_figure(t) for _, _, t in spans[i]):
            name_at = next((s for s, _, t in spans[i] if _NAME_HEADER.match(label_key(t))), None)
        names[i] = name_at
    gaps: list[tuple[int, int, list[int], tuple[int, int] | None]] = []
    for a, b in zip(rows, rows[1:], strict=False):
        between = [k for k in range(a + 1, b) if spans[k]]
        bounds = None  # None: read as printed
        if (
            between
            and len(between) == b - a - 1  # no blank line inside (a page mark blanked)
            # no line without the row's name (its labels on another line: PDF reading order,
            # values run into the name) is a row's middle line
            and all(_labelled(spans[k]) and _named(spans[k], names[b]) for k in (a, b))
            and all(_fragment(spans[k]) for k in between)
        ):
            bounds = _cut(spans, a, b, between)
        gaps.append((a, b, between, bounds))
    # only where some line must be the next row's are the rows centred (or bottom-aligned):
    # otherwise every row starts on its first line and is read as printed
    if not any(bounds is not None and bounds[1] < len(between) for _, _, between, bounds in gaps):
        return None
    following = dict(zip(rows, rows[1:], strict=False))
    for a, b, between, bounds in gaps:
        if bounds is None:
            below[a] = between
            continue
        lo, hi = bounds
        n = len(between)
        # the lines the row above has above its middle line, the row below below its own (when
        # the next row follows right under it): a centred row has as many on either side, or
        # one more
        up = len(above.get(a, []))
        down = 0 if following.get(b) == b + 1 else None
        cut = lo if lo == hi else _by_words(spans, a, b, between, lo, hi, up, down)
        if cut is None and bounds == (0, n):
            below[a] = between  # nothing tells: read as printed (a top-aligned row's lines)
            continue
        if cut is None:
            # the lines that may be either row's are read as neither's (a reading note says so)
            unsure += between[lo:hi]
            below[a], above[b] = between[:lo], between[hi:]
            continue
        below[a], above[b] = between[:cut], between[cut:]
    moved = [b for b, lead in above.items() if lead]
    if not moved and not unsure:
        return None
    out = list(lines)
    for k in unsure:
        out[k] = ""
    done = 0
    for b in moved:
        band = [*above[b], b, *below.get(b, [])]
        laid = _top_aligned([spans[k] for k in band])
        if laid is None:
            continue
        for k, text in zip(band, laid, strict=True):
            out[k] = text
        done += 1
    if not done and not unsure:
        return None
    notes = [f"单元格垂直居中打印、换行在行的上下：按列位置把 {done} 行的各格接回"] if done else []
    if unsure:
        where = "、".join(f"{k + 1}（{lines[k].strip()[:20]}）" for k in unsure[:3])
        notes.append(f"第 {where} 行的折行属于上一行还是下一行无法确定，未读")
    return out, notes


# the header word over the names of the rows: an indicator's name, a fund row's label (wrapped
# in the header too: ``三级指`` / ``标``)
_NAME_HEADER = re.compile(r"^(?:三级|指标名|绩效指标名|项目?$)")


def _labelled(spans: list[Span]) -> bool:
    """A row's middle line starts with words (a label, a name), not with figures."""
    return not _is_figure(spans[0][2])


def _named(spans: list[Span], name_at: int | None) -> bool:
    """A row's middle line: words in the header's name column (a header line: any), and no
    figure there."""
    if not any(_is_figure(t) for _, _, t in spans):
        return True  # a header line
    if name_at is None:
        return False
    return any(abs(s - name_at) <= _ALIGN and not _is_figure(t) for s, _, t in spans)


def _fragment(spans: list[Span]) -> bool:
    """A line that can be part of wrapped cells: words only — no figure (a line of figures is a
    row's), no whole category (``质量指标`` starts a row of its own: row breaks, not wraps)."""
    for _, _, t in spans:
        key = label_key(t)
        if _is_figure(t) or key.endswith("指标") and (is_level1(key) or is_level2(key)):
            return False
    return bool(spans)


def _cut(spans: list[list[Span]], a: int, b: int, between: list[int]) -> tuple[int, int] | None:
    """Where the lines ``between`` rows ``a`` and ``b`` may pass from the row above to the row
    below: the fewest and the most of them that can stay with ``a``; None when no place fits."""
    starts_a = [s for s, _, _ in spans[a]]
    starts_b = [s for s, _, _ in spans[b]]
    width_a = {s: e - s for s, e, _ in spans[a]}
    for one, other in ((spans[a], starts_b), (spans[b], starts_a)):
        for s, e, _ in one:
            right = [x for x in other if x > s + _ALIGN]
            if right and e > min(right) - 2:
                return None  # a cell across the other row's columns (cells run together)
    n = len(between)
    lo, hi = 0, n  # the cut: lines between[:cut] stay above
    columns: dict[int, dict[int, int]] = {}  # column (by its start) → {position: width}
    for pos, k in enumerate(between):
        for s, e, _ in spans[k]:
            ca, cb = _column(starts_a, s), _column(starts_b, s)
            if ca is None and cb is None:
                return None  # a piece under no cell of either row: another shape
            right = [x for x in (*starts_a, *starts_b) if x > s + _ALIGN]
            if right and e > min(right) - 2:
                return None  # wider than its column: no line of a wrapped cell
            if cb is None:
                lo = max(lo, pos + 1)  # the row below has nothing in this column
            elif ca is None:
                hi = min(hi, pos)  # the row above has nothing in this column
            key = ca if ca is not None else cb
            columns.setdefault(key if key is not None else s, {})[pos] = e - s
    for key, at in columns.items():
        positions = sorted(at)
        # consecutive lines: the row above's run starts right under it, the row below's ends
        # right above it; a gap in the column parts the two rows' runs
        if positions[0] != 0:
            hi = min(hi, positions[0])  # not right under the row above: the row below's
        if positions[-1] != n - 1:
            lo = max(lo, positions[-1] + 1)  # not right above the row below: the row above's
        for p, q in zip(positions, positions[1:], strict=False):
            if q != p + 1:
                lo, hi = max(lo, p + 1), min(hi, q)
        ca, cb = _column(starts_a, key), _column(starts_b, key)
        if ca is None or cb is None:
            continue
        # a wrapped cell fills every line but its last: a line short of the column's width
        # ends the row above's cell (the row below's lines above its middle one are full)
        full = max(width_a[ca], *at.values())
        for p in range(-1, n):
            w = width_a[ca] if p < 0 else at.get(p)
            if w is None:
                break
            if w < full - _SLACK:
                lo = max(lo, p + 1)
                if p + 1 in at:
                    hi = min(hi, p + 1)
                break
    return (lo, hi) if lo <= hi else None


# a cell's text ends so when it is whole (an indicator's name: …率, …数量, …满意度; a sentence)
_WHOLE_END = re.compile(r"[率数量度性额值况次%％)）。”》」]$")
# a line starting so continues a sentence: it is not a cell's first line
_GOES_ON = re.compile(r"^[，。、；：,.;:)）”》」]")


def _by_words(
    spans: list[list[Span]],
    a: int,
    b: int,
    between: list[int],
    lo: int,
    hi: int,
    up: int = 0,
    down: int | None = None,
) -> int | None:
    """Among the cuts ``lo``…``hi`` the one after which the most of the row above's cells (in
    the columns both rows print) end as whole cells end and none of the row below's starts with
    a sentence's continuation; among equals, the one that leaves both rows centred (as many
    lines above their middle line as below, or one more: ``up`` above the row above's, ``down``
    below the row below's) — when exactly one is best."""
    starts_a = [s for s, _, _ in spans[a]]
    starts_b = [s for s, _, _ in spans[b]]
    texts: dict[int, list[str]] = {}  # shared column → its pieces between the rows, by position
    for pos, k in enumerate(between):
        for s, _, t in spans[k]:
            ca, cb = _column(starts_a, s), _column(starts_b, s)
            if ca is not None and cb is not None:
                texts.setdefault(ca, [""] * len(between))[pos] = t
    first = {s: t for s, _, t in spans[a]}
    n = len(between)
    scores = []
    for cut in range(lo, hi + 1):
        score = 0
        for col, pieces in texts.items():
            above = first[col] + "".join(pieces[:cut])
            below = next((p for p in pieces[cut:] if p), "")
            score += _WHOLE_END.search(above) is not None
            score -= _GOES_ON.match(below) is not None if below else 0
        balance = (abs(cut - up) > 1) + (down is not None and abs(n - cut - down) > 1)
        scores.append((score, -balance))
    best = max(scores)
    return lo + scores.index(best) if scores.count(best) == 1 else None


def _top_aligned(band: list[list[Span]]) -> list[str] | None:
    """The band's lines again with every column's pieces from the first line down."""
    cols: dict[int, list[str]] = {}
    order: list[int] = []
    for spans in band:
        for s, _, t in spans:
            key = _column(order, s)
            if key is None:
                order.append(s)
                key = s
            cols.setdefault(key, []).append(t)
    order.sort()
    out = []
    for i in range(len(band)):
        line = ""
        at = 0
        for s in order:
            if i >= len(cols[s]):
                continue
            if line and s < at + 2:
                return None  # pieces that would run into each other: leave the band
            line += " " * (s - at) + cols[s][i]
            at = s + _width(cols[s][i])
        out.append(line)
    return out


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
