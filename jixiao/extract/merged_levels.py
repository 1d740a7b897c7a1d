"""一级/二级 cells merged over a block of rows and printed at the block's vertical centre.

A PDF (and the text converted from it) prints a merged cell's text in the middle of the cell, so
the 一级指标 ``产出指标`` of a block of five rows sits on the third row: the two rows above it
belong to it too, and the rows below the next block's label up to that label's centre belong to
the next block. Read top-down, those rows would carry no category (the first block) or the
category of the block above.

``centre_levels`` re-reads the categories of an indicator table when its first row carries no
一级 although a header came before it (a table that starts with its rows, not an excerpt cut
inside them), or when the 二级 printed in the rows contradict the top-down reading and agree with
the centred one (数量指标 belongs to 产出指标, 社会效益指标 to 效益指标): each label's block is
the run of rows around it whose middle it is, chosen among all partitions by the least distance
of every label from its block's centre and the fewest 二级 outside their 一级.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from jixiao.model import Indicator, Text
from jixiao.textnorm import fold

# the 二级 categories of the common 一级 (the national framework of project indicators)
_FAMILY = (
    (("数量", "质量", "时效", "进度", "成本"), "产出"),
    (("经济效益", "社会效益", "生态效益", "环境效益", "可持续"), "效益"),
    (("满意",), "满意"),
)


def family_of(label: Text | None, level: int) -> str | None:
    if label is None:
        return None
    key = fold(label.text)
    if level == 1:
        return next((f for _, f in _FAMILY if key.startswith(f) or f in key[:4]), None)
    return next((f for words, f in _FAMILY if any(w in key for w in words)), None)


def _printed(inds: list[Indicator], attr: str) -> list[Text | None]:
    """Per row, the label read on that row (a new label), or None where it was carried down."""
    out: list[Text | None] = []
    for i, ind in enumerate(inds):
        label = getattr(ind, attr)
        carried = i > 0 and label is getattr(inds[i - 1], attr)
        out.append(None if label is None or carried else label)
    return out


def _off_centre(start: int, end: int, at: int) -> int:
    """How many rows ``at`` is from the middle of ``start``..``end`` (either middle row of a
    block of even height)."""
    lo, hi = start + (end - start) // 2, start + (end - start + 1) // 2
    return 0 if at in (lo, hi) else min(abs(at - lo), abs(at - hi))


def centred_blocks(
    anchors: list[int], start: int, end: int, conflict=lambda a, s, e: 0
) -> tuple[list[tuple[int, int]], int]:
    """The blocks (first row, last row) around ``anchors`` covering ``start``..``end`` that put
    each anchor nearest its block's middle (ties: fewest ``conflict(anchor, first, last)``),
    with their cost."""

    @cache
    def best(j: int, s: int) -> tuple[int, tuple[tuple[int, int], ...]]:
        a = anchors[j]
        if j == len(anchors) - 1:
            return _cost(a, s, end), ((s, end),)
        options = []
        for e in range(a, anchors[j + 1]):
            rest_cost, rest = best(j + 1, e + 1)
            options.append((_cost(a, s, e) + rest_cost, ((s, e), *rest)))
        return min(options)

    def _cost(a: int, s: int, e: int) -> int:
        return 10 * _off_centre(s, e, a) + conflict(a, s, e)

    cost, blocks = best(0, start)
    return list(blocks), cost


def _top_blocks(anchors: list[int], end: int) -> list[tuple[int, int]]:
    return [
        (a, (anchors[j + 1] - 1 if j + 1 < len(anchors) else end)) for j, a in enumerate(anchors)
    ]


def centre_levels(inds: list[Indicator], header_seen: bool) -> tuple[list[Indicator], bool]:
    """The indicators with their 一级/二级 re-read as centred merged cells where that reading
    is the better one (see the module's docstring); whether they were re-read."""
    if len(inds) < 3:
        return inds, False
    out = list(inds)
    changed = False
    for lo, hi in _segments(inds):
        seg = inds[lo:hi]
        got = _centre_segment(seg, header_seen and lo == 0)
        if got is not None:
            out[lo:hi] = got
            changed = True
    return out, changed


def _in_reading_order(seg: list[Indicator]) -> bool:
    """Rows read from text in the order printed (a stream rebuilt from scattered cells may
    place rows elsewhere: their neighbours then tell nothing)."""
    maybe = [i.location for i in seg]
    locs = [loc for loc in maybe if loc is not None]
    if len(locs) != len(maybe):
        return False
    if any(loc.line is None for loc in locs):
        return True  # cells of an office table, read row by row
    at = [(loc.line, loc.column or 0) for loc in locs]
    return all(a <= b for a, b in zip(at, at[1:], strict=False))


def _segments(inds: list[Indicator]) -> list[tuple[int, int]]:
    """Runs of rows of one table (one 年度绩效目标 where the table is split by goal)."""
    cuts = [0] + [i for i in range(1, len(inds)) if inds[i].goal_index != inds[i - 1].goal_index]
    return list(zip(cuts, [*cuts[1:], len(inds)], strict=True))


def _centre_segment(seg: list[Indicator], header_seen: bool) -> list[Indicator] | None:
    p1, p2 = _printed(seg, "level1"), _printed(seg, "level2")
    anchors = [i for i, p in enumerate(p1) if p is not None]
    if not anchors or len(anchors) == len(seg) or not _in_reading_order(seg):
        return None
    fam1 = {a: family_of(p1[a], 1) for a in anchors}
    fam2 = [family_of(p, 2) for p in p2]

    def conflicts(a: int, s: int, e: int) -> int:
        f1 = fam1[a]
        if f1 is None:
            return 0
        return sum(1 for i in range(s, e + 1) if fam2[i] and fam2[i] != f1)

    end = len(seg) - 1
    top = _top_blocks(anchors, end)
    top_conflicts = sum(conflicts(anchors[j], s, e) for j, (s, e) in enumerate(top))
    unlabelled_start = (
        anchors[0] > 0
        and seg[0].level1 is None
        and header_seen
        and all(i.weight is not None or i.score is not None for i in seg[: anchors[0]])
    )
    if not (unlabelled_start or top_conflicts):
        return None  # the top-down reading stands: nothing speaks against it
    centre, cost = centred_blocks(anchors, 0, end, conflicts)
    centre_conflicts = sum(conflicts(anchors[j], s, e) for j, (s, e) in enumerate(centre))
    # every label in the middle of its block; where the table starts without a category, one
    # row off the middle per label is allowed (rows of several lines shift a centred text)
    centred = cost == centre_conflicts or (unlabelled_start and cost < 10 * len(anchors) + 10)
    if not (unlabelled_start or centre_conflicts < top_conflicts) or not centred or centre == top:
        return None
    out = list(seg)
    for j, (s, e) in enumerate(centre):
        level1 = p1[anchors[j]]
        a2 = [i for i in range(s, e + 1) if p2[i] is not None]
        blocks2 = centred_blocks(a2, s, e)[0] if a2 else []
        for i in range(s, e + 1):
            level2 = next(
                (p2[a] for a, (s2, e2) in zip(a2, blocks2, strict=True) if s2 <= i <= e2), None
            )
            out[i] = replace(out[i], level1=level1, level2=level2)
    return out
