"""The official table as a neutral grid of cells: what goes where, merged how, computed how.

One layout serves every writer: the .xlsx writer turns the grid into a worksheet (with
formulas), the .docx writer into a Word table, the text writer into tabbed lines like the
seed. The grid holds the printed values only; a :class:`Formula` is attached where the
printed value equals what the formula computes, so that a form's faults (198.8 printed
where the parts add up to 198.98) survive the round trip untouched.

Layout (department, nine columns; optional 指标性质/度量单位 columns widen it):

    title                     {year}年度部门整体支出绩效自评表
    部门（单位）名称 | value
    部门职责         | value
    人员编制 | n | 实有人数 | n
    整体资金（万元） | 项目 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分
                     | 资金来源 | 合计 / （1）财政拨款 / （2）其他资金 …
                     | 资金结构 | 合计 / （1）基本支出 / 其中：人员支出 …
    年度总体目标 | 年初设定目标 | 全年完成情况
    绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
    总分 | … | 分值 | 得分 |
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from jixiao.model import Evaluation, FundGroup, FundRow, Indicator, Kind, Num, Text


class Role(StrEnum):
    """How a cell is styled by the renderers."""

    TITLE = "title"  # the table's title above the grid
    LABEL = "label"  # a printed label (部门职责, 整体资金, 资金来源 …): centred
    HEADER = "header"  # a column header (全年预算数 …): centred, bold
    TEXT = "text"  # free text: left aligned, wrapped
    NUMBER = "number"  # a number: centred
    CENTER = "center"  # short text: centred


@dataclass(frozen=True, slots=True)
class Formula:
    """A spreadsheet formula over grid cells (0-based row, col)."""

    op: str  # "sum" or "ratio" (refs[0] / refs[1])
    refs: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GridCell:
    row: int
    col: int
    text: str  # as printed (Word, text, PDF)
    role: Role = Role.TEXT
    number: Decimal | None = None  # the value for a spreadsheet (a percentage as a fraction)
    number_format: str | None = None  # Excel number format showing the printed digits
    formula: Formula | None = None
    rowspan: int = 1
    colspan: int = 1
    # a label merged down (一级/二级指标) that a writer which cannot keep a merged region on
    # one page prints again in each row, so that every page names its rows' 一级/二级
    repeat: bool = False


@dataclass(slots=True)
class Grid:
    title: str
    ncols: int
    col_widths: tuple[float, ...]  # in Excel character units
    cells: dict[tuple[int, int], GridCell] = field(default_factory=dict)
    nrows: int = 0
    repeat_rows: tuple[int, int] | None = None  # the indicator header, repeated on each page

    def put(self, cell: GridCell) -> GridCell:
        self.cells[(cell.row, cell.col)] = cell
        self.nrows = max(self.nrows, cell.row + cell.rowspan)
        return cell

    def covered(self) -> dict[tuple[int, int], GridCell]:
        """Cells covered by a merged region started elsewhere → the cell that covers them."""
        out: dict[tuple[int, int], GridCell] = {}
        for cell in self.cells.values():
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    if (r, c) != (cell.row, cell.col):
                        out[(r, c)] = cell
        return out

    def row_cells(self, row: int) -> list[GridCell]:
        return sorted((c for c in self.cells.values() if c.row == row), key=lambda c: c.col)


# -- numbers -----------------------------------------------------------------------------


def decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def number_format(num: Num, percent: bool = False) -> str:
    """The Excel format that shows the number with its printed decimals (and thousands
    separators). Words printed around a number (``3374.3万元``) are not repeated in the
    format: the column header names the unit, and readers expect a bare number there."""
    d = decimals(num.value)
    body = "0." + "0" * d if d else "0"
    if "," in num.text:
        body = "#,##" + body
    return body + "%" if percent else body


def printed(num: Num | None) -> str:
    return str(num) if num is not None else ""


def num_cell(
    row: int, col: int, num: Num | None, *, percent: bool = False, blank: str = ""
) -> GridCell:
    """A number cell: printed text for Word, the exact value and format for Excel."""
    if num is None:
        return GridCell(row, col, blank, Role.NUMBER)
    value = num.value / 100 if percent else num.value
    return GridCell(row, col, printed(num), Role.NUMBER, value, number_format(num, percent))


def _t(text: Text | None) -> str:
    return text.text if text is not None else ""


# -- layout ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndicatorColumns:
    """The columns of the 绩效指标 block, in order, after the block's label column."""

    names: tuple[str, ...]

    @classmethod
    def for_evaluation(cls, e: Evaluation) -> IndicatorColumns:
        names = ["一级指标", "二级指标", "三级指标"]
        if any(i.nature is not None for i in e.indicators):
            names.append("指标性质")
        names.append("年度指标值")
        if any(i.measure_unit is not None and i.measure_unit.text for i in e.indicators):
            names.append("度量单位")
        names += ["实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
        return cls(tuple(names))

    def col(self, name: str) -> int:
        return 1 + self.names.index(name)


FUND_COLUMNS: dict[str, str] = {
    "initial_budget": "年初预算数",
    "budget": "全年预算数",
    "actual": "全年执行数",
    "rate": "执行率",
    "weight": "分值",
    "score": "得分",
    "reason": "偏差原因",
}

GROUP_LABELS: dict[FundGroup | None, str] = {
    FundGroup.SOURCE: "资金\n来源",
    FundGroup.STRUCTURE: "资金\n结构",
}

# the narrowest comfortable width of each money column (“106.87%”, “1,234.56” on one line)
MONEY_WIDTHS: dict[str, float] = {
    "initial_budget": 12,
    "budget": 12,
    "actual": 12,
    "rate": 11,
    "weight": 8,
    "score": 8,
    "reason": 18,
}
FUND_LABEL_WIDTH = 24  # “其中：财政专户管理资金” on one line
GROUP_LABEL_WIDTH = 8  # “资金/来源” in two lines
LABEL_WIDTH = 12.0  # column A: “部门（单位）名称”, “年度总体目标” in two lines

WIDTHS: dict[str, float] = {
    "一级指标": 10,
    "二级指标": 11,
    "三级指标": 26,
    "指标性质": 10,
    "年度指标值": 18,
    "度量单位": 10,
    "实际完成值": 26,
    "分值": 10,
    "得分": 10,
    "偏差原因分析及改进措施": 18,
}


def fund_fields(e: Evaluation) -> tuple[str, ...]:
    """The money columns of the 资金 block, in the order of the official form."""
    has = {name: any(getattr(f, name) is not None for f in e.funds) for name in FUND_COLUMNS}
    if e.kind == Kind.PROJECT:
        order = ["initial_budget", "budget", "actual", "weight", "rate", "score"]
    else:
        order = ["budget", "actual", "rate", "weight", "score"]
        if has["initial_budget"]:
            order.insert(0, "initial_budget")
    if has["reason"]:
        order.append("reason")
    return tuple(order)


def build_grid(e: Evaluation) -> Grid:
    """The department or project table of an evaluation as a grid."""
    return _Builder(e).build()


class _Builder:
    def __init__(self, e: Evaluation) -> None:
        self.e = e
        self.ind = IndicatorColumns.for_evaluation(e)
        self.money = fund_fields(e)
        ncols = max(1 + len(self.ind.names), 3 + len(self.money))
        from jixiao.checks.texts import year_text

        year = year_text(e.year)
        what = "项目支出绩效自评表" if e.kind == Kind.PROJECT else "部门整体支出绩效自评表"
        self.grid = Grid(f"{year}年度{what}" if year else what, ncols, self._widths(ncols))
        self.r = 0

    def _widths(self, ncols: int) -> tuple[float, ...]:
        """Column widths that suit both blocks sharing the columns: the indicator columns'
        own widths, widened where a money column or the fund labels need more."""
        widths = [LABEL_WIDTH] + [WIDTHS[n] for n in self.ind.names]
        widths += [0.0] * (ncols - len(widths))
        if self.e.funds:
            first_money = ncols - len(self.money)
            for k, name in enumerate(self.money):
                widths[first_money + k] = max(widths[first_money + k], MONEY_WIDTHS[name])
            label_col = 1
            if any(f.group is not None for f in self.e.funds):
                widths[1] = max(widths[1], GROUP_LABEL_WIDTH)
                label_col = 2
            short = FUND_LABEL_WIDTH - sum(widths[label_col:first_money])
            if short > 0:
                widths[label_col] += short
        return tuple(widths)

    def tail_span(self, col: int) -> int:
        """The last indicator column spans any columns the money block added after it."""
        last = self.ind.col(self.ind.names[-1])
        return self.grid.ncols - last if col == last else 1

    # small helpers
    def label(self, col: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        self.grid.put(GridCell(self.r, col, text, Role.LABEL, rowspan=rowspan, colspan=colspan))

    def text(self, col: int, text: str, colspan: int = 1, role: Role = Role.TEXT) -> None:
        self.grid.put(GridCell(self.r, col, text, role, colspan=colspan))

    def last(self) -> int:
        return self.grid.ncols - 1

    def build(self) -> Grid:
        e = self.e
        self.grid.put(GridCell(0, 0, self.grid.title, Role.TITLE, colspan=self.grid.ncols))
        self.r = 1
        if e.kind == Kind.PROJECT:
            self.field_row("项目名称", e.project)
            self.pair_row("主管部门", e.supervisor, "实施单位", e.unit)
        else:
            if e.unit is not None:
                self.field_row("部门（单位）名称", e.unit)
            self.field_row("部门职责", e.duties)
            self.pair_row("人员编制", e.staff_authorized, "实有人数", e.staff_actual)
        for label, value in e.extra:
            self.field_row(label, value)
        if e.funds:
            self.funds()
        self.goals()
        self.indicators()
        self.closing()
        return self.grid

    def field_row(self, label: str, value: Text | None) -> None:
        self.label(0, label)
        self.text(1, _t(value), colspan=self.grid.ncols - 1)
        self.r += 1

    def pair_row(self, l1: str, v1: Text | Num | None, l2: str, v2: Text | Num | None) -> None:
        n = self.grid.ncols
        mid = 1 + (n - 1) // 2  # column of the second label
        self.label(0, l1)
        self._value(1, v1, mid - 1)
        self.label(mid, l2)
        self._value(mid + 1, v2, n - mid - 1)
        self.r += 1

    def _value(self, col: int, value: Text | Num | None, colspan: int) -> None:
        if isinstance(value, Num):
            cell = num_cell(self.r, col, value)
            self.grid.put(
                GridCell(
                    cell.row,
                    col,
                    cell.text,
                    Role.CENTER,
                    cell.number,
                    cell.number_format,
                    colspan=colspan,
                )
            )
        else:
            self.text(col, _t(value), colspan=colspan, role=Role.CENTER)

    # -- 整体资金 / 项目资金 ------------------------------------------------------------------

    def funds(self) -> None:
        e, n = self.e, self.grid.ncols
        grouped = any(f.group is not None for f in e.funds)
        first_money = n - len(self.money)
        label_col = 2 if grouped else 1
        top = self.r
        block = "项目资金\n（" if e.kind == Kind.PROJECT else "整体资金\n（"
        self.label(0, f"{block}{e.money_unit}）", rowspan=1 + len(e.funds))
        self.grid.put(GridCell(self.r, 1, "项  目", Role.HEADER, colspan=first_money - 1))
        for k, name in enumerate(self.money):
            self.grid.put(GridCell(self.r, first_money + k, FUND_COLUMNS[name], Role.HEADER))
        self.r += 1
        rows = {i: self.r + i for i in range(len(e.funds))}
        labels = fund_labels(e.funds)
        # the group column: one merged cell per run of rows of the same group
        if grouped:
            i = 0
            while i < len(e.funds):
                j = i
                while j + 1 < len(e.funds) and e.funds[j + 1].group == e.funds[i].group:
                    j += 1
                name = GROUP_LABELS.get(e.funds[i].group, "")
                self.grid.put(GridCell(rows[i], 1, name, Role.LABEL, rowspan=j - i + 1))
                i = j + 1
        for i, f in enumerate(e.funds):
            r = rows[i]
            self.grid.put(
                GridCell(r, label_col, labels[i], Role.TEXT, colspan=first_money - label_col)
            )
            children = fund_children(e.funds, i)
            for k, name in enumerate(self.money):
                col = first_money + k
                if name == "reason":
                    self.grid.put(GridCell(r, col, _t(f.reason), Role.TEXT))
                    continue
                value: Num | None = getattr(f, name)
                dash = "－" if name in ("weight", "score") and i > 0 and value is None else ""
                cell = num_cell(r, col, value, percent=name == "rate", blank=dash)
                formula = None
                if name in ("initial_budget", "budget", "actual") and value is not None:
                    formula = _sum_formula(
                        value,
                        [e.funds[j] for j in children],
                        name,
                        [(rows[j], col) for j in children],
                    )
                elif name == "rate" and value is not None:
                    formula = self._rate_formula(f, r, first_money)
                if formula is not None:
                    cell = GridCell(
                        r, col, cell.text, cell.role, cell.number, cell.number_format, formula
                    )
                self.grid.put(cell)
        self.fund_rows = rows
        self.first_money = first_money
        self.r = top + 1 + len(e.funds)

    def _rate_formula(self, f: FundRow, r: int, first_money: int) -> Formula | None:
        if f.rate is None or f.budget is None or f.actual is None or f.budget.value == 0:
            return None
        computed = f.actual.value / f.budget.value * 100
        quantum = Decimal(1).scaleb(-decimals(f.rate.value))
        try:
            if computed.quantize(quantum, ROUND_HALF_UP) != f.rate.value:
                return None
        except InvalidOperation:
            return None
        actual_col = first_money + self.money.index("actual")
        budget_col = first_money + self.money.index("budget")
        return Formula("ratio", ((r, actual_col), (r, budget_col)))

    # -- 年度总体目标 ---------------------------------------------------------------------

    def goals(self) -> None:
        e, n = self.e, self.grid.ncols
        goals = e.goals or ()
        if not goals and e.kind == Kind.PROJECT and not e.indicators:
            return
        planned, achieved = (
            ("预期目标", "实际完成情况")
            if e.kind == Kind.PROJECT
            else ("年初设定目标", "全年完成情况")
        )
        mid = 1 + (n - 1) // 2
        self.label(0, "年度总体目标", rowspan=1 + max(1, len(goals)))
        self.grid.put(GridCell(self.r, 1, planned, Role.HEADER, colspan=mid - 1))
        self.grid.put(GridCell(self.r, mid, achieved, Role.HEADER, colspan=n - mid))
        self.r += 1
        for g in goals or (None,):
            self.text(1, _t(g.planned) if g else "", colspan=mid - 1)
            self.text(mid, _t(g.achieved) if g else "", colspan=n - mid)
            self.r += 1

    # -- 绩效指标 ---------------------------------------------------------------------------

    def indicators(self) -> None:
        """One block per 年度绩效目标 where the table is split by goal, else one 绩效指标 block:
        the label down column A, a header row, then the rows with 一级/二级 merged down."""
        rows = self.e.indicators
        self.indicator_rows: dict[int, int] = {}
        blocks = list(_runs(rows, lambda i: i.goal_index)) or [(0, 0)]
        for start, end in blocks:
            goal = rows[start].goal_index if rows else None
            label = f"年度绩效目标{goal}" if goal is not None else "绩\n效\n指\n标"
            self.indicator_block(start, end, label)

    def indicator_block(self, start: int, end: int, label: str) -> None:
        ind, rows = self.ind, self.e.indicators
        self.label(0, label, rowspan=1 + end - start)
        header = self.r
        for k, name in enumerate(ind.names):
            self.grid.put(GridCell(header, 1 + k, name, Role.HEADER, colspan=self.tail_span(1 + k)))
        if self.grid.repeat_rows is None:
            self.grid.repeat_rows = (header, header)
        first = header + 1 - start  # grid row of indicator i is first + i
        self.indicator_rows.update({i: first + i for i in range(start, end)})

        def level_label(at: int, column: str, text: str, span: int) -> None:
            """一级/二级 merged down over its run (printed in each row where merges cannot be)."""
            cell = GridCell(
                first + at, ind.col(column), text, Role.CENTER, rowspan=span, repeat=True
            )
            self.grid.put(cell)

        for s1, e1 in _runs(rows[start:end], lambda i: _t(i.level1)):
            top = start + s1
            level_label(top, "一级指标", _t(rows[top].level1), e1 - s1)
            for s2, e2 in _runs(rows[top : start + e1], lambda i: _t(i.level2)):
                at = top + s2
                level_label(at, "二级指标", _t(rows[at].level2), e2 - s2)
        for i in range(start, end):
            self.indicator_row(first + i, rows[i])
        self.r = header + 1 + end - start

    def indicator_row(self, r: int, item: Indicator) -> None:
        ind = self.ind
        cells = [
            GridCell(r, ind.col("三级指标"), item.name.text, Role.TEXT),
            GridCell(r, ind.col("年度指标值"), item.target.text if item.target else "", Role.TEXT),
            GridCell(r, ind.col("实际完成值"), item.actual.text if item.actual else "", Role.TEXT),
            num_cell(r, ind.col("分值"), item.weight),
            num_cell(r, ind.col("得分"), item.score),
            GridCell(
                r,
                ind.col("偏差原因分析及改进措施"),
                _t(item.deviation),
                Role.TEXT,
                colspan=self.tail_span(ind.col("偏差原因分析及改进措施")),
            ),
        ]
        if "指标性质" in ind.names:
            nature = item.nature.value if item.nature else ""
            cells.append(GridCell(r, ind.col("指标性质"), nature, Role.CENTER))
        if "度量单位" in ind.names:
            cells.append(GridCell(r, ind.col("度量单位"), _t(item.measure_unit), Role.CENTER))
        for cell in cells:
            self.grid.put(cell)

    # -- 总分, 评价结论, signatures -------------------------------------------------------

    def closing(self) -> None:
        e, ind = self.e, self.ind
        wcol, scol = ind.col("分值"), ind.col("得分")
        self.label(0, "总分", colspan=wcol)
        for col, total, attr in ((wcol, e.total_weight, "weight"), (scol, e.total_score, "score")):
            cell = num_cell(self.r, col, total)
            formula = self._total_formula(total, attr, col)
            self.grid.put(
                GridCell(
                    self.r, col, cell.text, Role.NUMBER, cell.number, cell.number_format, formula
                )
            )
        if scol + 1 < self.grid.ncols:
            self.text(scol + 1, "", colspan=self.grid.ncols - scol - 1)
        self.r += 1
        for label, value in (
            ("评价结论", e.conclusion),
            ("存在问题", e.problems),
            ("改进措施", e.measures),
        ):
            if value is not None:
                self.field_row(label, value)
        pairs = [(s.role, _t(s.name)) for s in e.signatures]
        if e.fill_date is not None:
            pairs.append(("填报日期", e.fill_date.text))
        per_row = max(1, self.grid.ncols // 2)
        for k in range(0, len(pairs), per_row):
            chunk = pairs[k : k + per_row]
            col = 0
            for j, (role, name) in enumerate(chunk):
                last = j == len(chunk) - 1
                self.label(col, role)
                span = self.grid.ncols - col - 1 if last else 1
                self.text(col + 1, name, colspan=span, role=Role.CENTER)
                col += 2
            self.r += 1

    def _total_formula(self, total: Num | None, attr: str, col: int) -> Formula | None:
        if total is None:
            return None
        scored = [
            (i, ind)
            for i, ind in enumerate(self.e.indicators)
            if not ind.sub_item and getattr(ind, attr) is not None
        ]
        refs = [(self.indicator_rows[i], col) for i, _ in scored]
        parts = [getattr(ind, attr).value for _, ind in scored]
        fund_refs: list[tuple[int, int]] = []
        fund_parts: list[Decimal] = []
        if attr in self.money and self.e.funds:
            fcol = self.first_money + self.money.index(attr)
            for i, f in enumerate(self.e.funds):
                v = getattr(f, attr)
                if v is not None:
                    fund_refs.append((self.fund_rows[i], fcol))
                    fund_parts.append(v.value)
        for cand_refs, cand_parts in ((fund_refs + refs, fund_parts + parts), (refs, parts)):
            if cand_refs and sum(cand_parts, Decimal(0)) == total.value:
                return Formula("sum", tuple(cand_refs))
        return None


def _runs(
    items: tuple[Indicator, ...], key: Callable[[Indicator], object]
) -> Iterable[tuple[int, int]]:
    """Consecutive runs of equal keys: (start, end) with end exclusive."""
    if not items:
        return
    start = 0
    for i in range(1, len(items) + 1):
        if i == len(items) or key(items[i]) != key(items[start]):
            yield start, i
            start = i


def fund_children(funds: tuple[FundRow, ...], i: int) -> list[int]:
    """The rows one level below row ``i`` in its block (its parts)."""
    parent = funds[i]
    out = []
    for j in range(i + 1, len(funds)):
        f = funds[j]
        if f.group != parent.group or f.depth <= parent.depth:
            break
        if f.depth == parent.depth + 1:
            out.append(j)
    return out


# The lines an official table is signed on below the grid (docx, PDF, xlsx)
SIGNATURE_ROLES = ("单位负责人（签字）", "填报人", "联系电话", "填报日期")
_BLANK_LINE = "\u3000" * 6


def signature_line(e: Evaluation) -> str:
    """“单位负责人（签字）：　　　填报人：…　联系电话：…　填报日期：　年　月　日” for the
    roles the table itself does not already print (its own signature rows and 填报日期
    stay in the grid), blank for a pen; then, on a short line of its own, the unit's seal
    (a short last line also tells a PDF reader that the block ends there, and the report's
    title on the next page is not taken as its continuation)."""
    printed = " ".join(s.role for s in e.signatures)
    parts = []
    for role in SIGNATURE_ROLES:
        key = role.removesuffix("（签字）")
        if role == "填报日期":
            if e.fill_date is None:
                parts.append(f"{role}：\u3000\u3000年\u3000\u3000月\u3000\u3000日")
        elif key not in printed and not (key == "联系电话" and "电话" in printed):
            parts.append(f"{role}：{_BLANK_LINE}")
    return "\u3000\u3000".join(parts) + "\n填报单位（盖章）"


def fund_labels(funds: tuple[FundRow, ...]) -> list[str]:
    """Labels as printed on the form: （1）财政拨款, 其中：人员支出, then indented siblings; a
    deeper part is indented under its parent (项目支出, then “　　　其中：委员活动经费”).

    A label that already carries such a prefix (a form started from the blank template
    stores “（1）财政拨款”) is printed with one, not “（1）（1）财政拨款”."""
    from jixiao.checks.texts import plain_label

    labels = []
    number = 0
    prev_depth = 0
    prev_group: object = object()
    for f in funds:
        text = plain_label(f.label.text) if f.depth else f.label.text
        if f.group != prev_group:
            number = 0
            prev_depth = 0
        if f.depth == 0:
            labels.append(text)
        elif f.depth == 1 and f.group is not None:
            number += 1
            labels.append(f"（{number}）{text}")
        else:
            # a part of a part (项目支出 → 委员活动经费) is indented under its parent
            indent = "\u3000" * 3 * max(f.depth - (2 if f.group is not None else 1), 0)
            if f.depth > prev_depth:
                labels.append(f"{indent}其中：{text}")
            else:
                labels.append(f"{indent}\u3000\u3000\u3000{text}")
        prev_depth = f.depth
        prev_group = f.group
    return labels


def _sum_formula(
    value: Num, children: list[FundRow], attr: str, refs: list[tuple[int, int]]
) -> Formula | None:
    if not children:
        return None
    parts = [getattr(c, attr) for c in children]
    if any(p is None for p in parts):
        return None
    if sum((p.value for p in parts), Decimal(0)) != value.value:
        return None
    return Formula("sum", tuple(refs))
