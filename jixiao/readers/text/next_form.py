"""Several forms in one document (two projects' self-evaluation forms one after the other).

A document is one form. When a second form starts after the first form's indicator table —
its 项目名称 (or 部门（单位）名称) label again, perhaps under its own title, and a second
indicator table header after it — only the first form is read: the lines from the second
form's start are blanked (the line numbers stay) and a reading note says where another form
follows, so the two forms' rows are never mixed.
"""

from __future__ import annotations

import re

from jixiao.readers.text.layout import form_word_count

_CELL_SPLIT = re.compile(r"\t|\||\u3000|\s{2,}")
_NAME_LABEL = re.compile(r"^(?:项目名称|部门[（(]单位[)）]名称|单位名称)\s*[:：]?$")
# a form cut at the top starts with its fund block
_FUND_HEAD = re.compile(r"^(?:项目|部门整体)?资金\s*[（(]万元[)）]$")
_TITLE = re.compile(r"绩效自评表|绩效自评报告|自评表[（(]")
# the indicator table's header: four of its column groups on one line
_HEAD_GROUPS = tuple(
    re.compile(p)
    for p in (
        r"二级|三级|指标名称",
        r"分值|权重|标准分",
        r"得分|评分",
        r"指标值|目标值|计划值|预期目标",
        r"完成值|实际值|完成情况",
    )
)


def _table_head(line: str) -> bool:
    """Four of the five column groups on the line (stops at the second group missing)."""
    missing = 0
    for g in _HEAD_GROUPS:
        if not g.search(line):
            missing += 1
            if missing > 1:
                return False
    return True


def _first_cell(line: str) -> str:
    for cell in _CELL_SPLIT.split(line.strip().strip("|")):
        if cell.strip():
            return cell.strip()
    return ""


def next_form_start(lines: list[str]) -> int | None:
    """The line where a second form starts, or None: a name label after an indicator table's
    header, followed by another such header, naming another project or unit than the first
    form's label (a form whose header block is printed again on each page is one form)."""
    first_name: str | None = None
    table_at: int | None = None
    for i, ln in enumerate(lines):
        # both labels hold 名称 or 资金: other lines are not split into cells (a line of no
        # words is no table header either)
        cell = _first_cell(ln) if ("名称" in ln or "资金" in ln) else None
        if cell == "":
            continue
        if cell and (_NAME_LABEL.match(cell) or (table_at is not None and _FUND_HEAD.match(cell))):
            name = _after_label(lines, i)
            if table_at is None:
                first_name = first_name or name
                continue
            if name and name == first_name:
                table_at = None  # the same form's header block again (a new page)
                continue
            start = _title_above(lines, i, table_at)
            rest = "\n".join(lines[start:])
            if any(_table_head(x) for x in lines[i:]) and form_word_count(rest) >= 4:
                return start
        elif table_at is None and _table_head(ln):
            table_at = i
    return None


def _title_above(lines: list[str], i: int, floor: int) -> int:
    """The second form's title line right above its name label, if it has one."""
    j = i - 1
    while j > floor and not lines[j].strip():
        j -= 1
    if j > floor and _TITLE.search(lines[j]):
        return j
    return i


def cut_next_form(lines: list[str], source: str) -> tuple[int, str] | None:
    """Where a second form starts and the reading note saying so; None for one form."""
    start = next_form_start(lines)
    if start is None:
        return None
    name = _after_label(lines, start)
    what = f"（{name}）" if name else ""
    return (
        start,
        f"{source}:{start + 1}：此处起是另一张自评表{what}，只读取了第一张，两张表的行不合并",
    )


def _after_label(lines: list[str], start: int) -> str:
    for ln in lines[start : start + 3]:
        cells = [c.strip() for c in _CELL_SPLIT.split(ln.strip().strip("|")) if c.strip()]
        if len(cells) >= 2 and _NAME_LABEL.match(cells[0]):
            return cells[1]
    return ""
