"""Cells printed one after another with a line holding only a bar between two cells.

A web page's table copied cell by cell sometimes keeps the cell borders as lines of their own::

    三级指标
    |
    在编人员
    控制率
    |
    5
    |

Each line between two bar lines is then one cell, and a cell the page wrapped inside its
border (``在编人员`` / ``控制率``) comes out as two or more lines before the next bar: they
are one cell, not two. The bars say so only where they part (nearly) every other line: when
most runs of lines between bars are a single line, the bars part cells, and a run of several
lines is one wrapped cell. Where runs of several lines are common (a bar line after each row
of a form printed one cell per line), nothing is joined.
"""

from __future__ import annotations

__all__ = ["bar_parted_cells"]

_SINGLE_SHARE = 0.5  # runs of one line among all runs, at least (more than half), for bars to part cells
_MOST_LINES = 12  # lines of one wrapped cell, at most (a long 评分标准 cell)


def _is_bar(line: str) -> bool:
    return "|" in line and not line.replace("|", "").strip()


def bar_parted_cells(piped: list[tuple[str, int]]) -> list[tuple[str, int]] | None:
    """The lines with each run of lines between two bar lines joined into one cell (line
    breaks kept, as in a wrapped cell), bar lines kept; None where the bars do not part cells
    or no cell was wrapped. ``piped`` holds the nonblank lines with their 1-based numbers."""
    runs: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    opened = False  # a bar above: lines before the first bar (a title, fields) are no cell
    for ln, n in piped:
        if _is_bar(ln):
            if current and opened:
                runs.append(current)
            current = []
            opened = True
            continue
        if "|" in ln:
            return None  # cells closed by bars on their own lines as well: another print
        current.append((ln, n))
    # the lines after the last bar are not closed by one: left as they are
    if not runs:
        return None
    single = sum(1 for r in runs if len(r) == 1)
    wrapped = [r for r in runs if len(r) > 1]
    if not wrapped or single <= _SINGLE_SHARE * len(runs):
        return None
    if any(len(r) > _MOST_LINES for r in wrapped):
        return None
    joined = {r[0][1]: "\n".join(ln.strip() for ln, _ in r) for r in wrapped}
    dropped = {n for r in wrapped for _, n in r[1:]}
    out: list[tuple[str, int]] = []
    for ln, n in piped:
        if n in dropped:
            continue
        out.append((joined.get(n, ln), n))
    return out
