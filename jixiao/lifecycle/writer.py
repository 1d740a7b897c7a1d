"""Write target and monitoring tables in their official layouts: .txt (tabbed, as Word exports a
form), .xlsx, .docx, .pdf (the .docx through LibreOffice), .json (jixiao/1).

The layout is a :class:`jixiao.writers.grid.Grid`, as for the self-evaluation, so that every
format renders the same cells:

    {year}年度项目支出绩效目标表
    项目名称 | … | 主管部门 | …
    实施单位 | … | 资金总额（万元） | …
    年度绩效目标 | …
    一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向 | 指标值设定依据 | 指标解释

    {year}年度项目支出绩效运行监控表（1-N月）
    项目名称 | … | 主管部门 | …
    项目资金（万元） | 年初预算数 | 1-N月执行数 | 执行率 | 全年预计执行数
    一级指标 | 二级指标 | 三级指标 | 年度指标值 | 1-N月执行情况 | 全年预计完成情况 | 完成目标可能性 |
        偏差原因 | 纠偏措施 | 是否需要整改 | 整改要求 | 整改结果
"""

from __future__ import annotations

from pathlib import Path

from jixiao.lifecycle.model import MonitoringTable, Stage, TableKind, TargetTable
from jixiao.model import FundLine, Num, Text
from jixiao.writers.grid import Grid, GridCell, Role, num_cell

FORMATS = {
    ".txt": "制表符分隔的文本（同 Word 导出的表）",
    ".xlsx": "Excel 表",
    ".xls": "Excel 97-2003 表（经 LibreOffice 由 Excel 表转换）",
    ".docx": "Word 表",
    ".json": "JSON（jixiao/1）",
    ".pdf": "PDF（经 LibreOffice 由 Word 表转换）",
}

_TARGET_COLUMNS = (
    ("一级指标", 10),
    ("二级指标", 12),
    ("三级指标", 24),
    ("指标性质", 6),
    ("指标值", 10),
    ("度量单位", 6),
    ("权重", 6),
    ("指标方向", 6),
    ("指标值设定依据", 10),
    ("指标解释", 24),
)


def _monitor_columns(n: int) -> tuple[tuple[str, float], ...]:
    return (
        ("一级指标", 10),
        ("二级指标", 12),
        ("三级指标", 22),
        ("年度指标值", 10),
        (f"1-{n}月执行情况", 12),
        ("全年预计完成情况", 12),
        ("完成目标可能性", 8),
        ("偏差原因", 16),
        ("纠偏措施", 16),
        ("是否需要整改", 6),
        ("整改要求", 14),
        ("整改结果", 14),
    )


def _t(x: Text | Num | str | None) -> str:
    if x is None:
        return ""
    return x if isinstance(x, str) else str(x)


class _Rows:
    """Rows of label/value pairs and table rows, filling a Grid of ``ncols`` columns."""

    def __init__(self, title: str, widths: tuple[float, ...]) -> None:
        self.grid = Grid(title, len(widths), widths)
        self.grid.put(GridCell(0, 0, title, Role.TITLE, colspan=len(widths)))
        self.row = 1

    def pairs(self, *pairs: tuple[str, str]) -> None:
        """label | value [| label | value] across the full width."""
        n = self.grid.ncols
        span = n // len(pairs)
        for k, (label, value) in enumerate(pairs):
            start = k * span
            width = n - start if k == len(pairs) - 1 else span
            self.grid.put(GridCell(self.row, start, label, Role.LABEL))
            self.grid.put(GridCell(self.row, start + 1, value, Role.TEXT, colspan=width - 1))
        self.row += 1

    def cells(self, cells: list[GridCell | str], role: Role = Role.CENTER) -> None:
        for col, c in enumerate(cells):
            if isinstance(c, GridCell):
                self.grid.put(GridCell(self.row, col, c.text, c.role, c.number, c.number_format))
            else:
                self.grid.put(GridCell(self.row, col, c, role))
        self.row += 1


def target_grid(t: TargetTable) -> Grid:
    year = _t(t.year)
    what = (
        "部门整体支出绩效目标表" if t.kind == TableKind.DEPARTMENT_TARGET else "项目支出绩效目标表"
    )
    rows = _Rows(f"{year}年度{what}", tuple(w for _, w in _TARGET_COLUMNS))
    if t.kind == TableKind.DEPARTMENT_TARGET:
        rows.pairs(("部门（单位）名称", _t(t.unit)), ("主管部门", _t(t.supervisor)))
        rows.pairs((f"资金总额（{t.money_unit}）", _t(t.amount)))
        if t.duties is not None:
            rows.pairs(("部门职能概述", _t(t.duties)))
    else:
        rows.pairs(("项目名称", _t(t.project)), ("主管部门", _t(t.supervisor)))
        rows.pairs(("实施单位", _t(t.unit)), (f"资金总额（{t.money_unit}）", _t(t.amount)))
    if t.long_term_goal is not None:
        rows.pairs(("实施期绩效目标", _t(t.long_term_goal)))
    rows.pairs(("年度绩效目标", _t(t.goal)))
    if t.revision is not None:
        rows.pairs(("修订说明", _t(t.revision)))
    rows.cells([name for name, _ in _TARGET_COLUMNS], Role.HEADER)
    for i in t.indicators:
        target = i.target.text if i.target else ""
        rows.cells(
            [
                _t(i.level1),
                _t(i.level2),
                _t(i.name),
                i.nature.value if i.nature else "",
                target,
                _t(i.measure_unit),
                num_cell(0, 0, i.weight),
                f"{i.direction.value}指标" if i.direction else "",
                _t(i.standard),
                _t(i.explanation),
            ]
        )
    if t.review is not None:
        rows.pairs(("审核意见", _t(t.review)))
    return rows.grid


def monitoring_grid(m: MonitoringTable) -> Grid:
    n = m.cutoff_month or 6
    columns = _monitor_columns(n)
    rows = _Rows(f"{_t(m.year)}年度项目支出绩效运行监控表（1-{n}月）", tuple(w for _, w in columns))
    rows.pairs(("项目名称", _t(m.project)), ("主管部门", _t(m.supervisor)))
    rows.pairs(("实施单位", _t(m.unit)))
    rows.cells(
        [f"项目资金（{m.money_unit}）", "年初预算数", f"1-{n}月执行数", "执行率", "全年预计执行数"],
        Role.HEADER,
    )
    for f in m.funds:
        label = f.label.text if f.line in (None, FundLine.TOTAL) else "其中：" + f.label.text
        rows.cells(
            [
                label,
                num_cell(0, 0, f.budget),
                num_cell(0, 0, f.executed),
                num_cell(0, 0, f.rate),
                num_cell(0, 0, f.forecast),
            ]
        )
    rows.cells([name for name, _ in columns], Role.HEADER)
    for i in m.indicators:
        rectify = "" if i.rectify is None else ("是" if i.rectify else "否")
        rows.cells(
            [
                _t(i.level1),
                _t(i.level2),
                _t(i.name),
                i.target.text if i.target else "",
                i.progress.text if i.progress else "",
                i.forecast.text if i.forecast else "",
                i.likelihood.value if i.likelihood else "",
                _t(i.cause),
                _t(i.remedy),
                rectify,
                _t(i.rectify_requirement),
                _t(i.rectify_result),
            ]
        )
    if m.cause is not None:
        rows.pairs(("偏差或不能完成目标原因分析", _t(m.cause)))
    if m.remedy is not None:
        rows.pairs(("相关建议或举措", _t(m.remedy)))
    return rows.grid


def stage_grid(stage: Stage) -> Grid:
    return monitoring_grid(stage) if isinstance(stage, MonitoringTable) else target_grid(stage)


def stage_text(stage: Stage) -> str:
    from jixiao.writers.text import table_text

    return table_text(stage_grid(stage))


def write_stage(stage: Stage, path: str | Path) -> Path:
    """Write a target or monitoring table in the format its extension names."""
    from jixiao.writers import WriteError

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise WriteError(f"{path}：不支持的输出格式（可用：{'、'.join(FORMATS)}）")
    try:
        if suffix == ".txt":
            path.write_text(stage_text(stage), encoding="utf-8")
        elif suffix == ".json":
            from jixiao.lifecycle.serialize import dumps_stage

            path.write_text(dumps_stage(stage), encoding="utf-8")
        elif suffix == ".xlsx":
            _write_xlsx(stage_grid(stage), path)
        elif suffix == ".xls":
            import shutil
            import tempfile

            from jixiao.writers.soffice import convert

            with tempfile.TemporaryDirectory(prefix="jixiao-xls-") as tmp:
                xlsx = Path(tmp) / "table.xlsx"
                _write_xlsx(stage_grid(stage), xlsx)
                shutil.move(convert(xlsx, "xls", Path(tmp) / "out"), path)
        elif suffix == ".pdf":
            import tempfile

            from jixiao.writers.pdf import docx_to_pdf

            with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as tmp:
                docx = Path(tmp) / "table.docx"
                _write_docx(stage_grid(stage), docx)
                docx_to_pdf(docx, path)
        else:
            _write_docx(stage_grid(stage), path)
    except OSError as exc:
        raise WriteError(f"{path}：无法写入（{exc.strerror or exc}）") from exc
    return path


def write_stages(stages: tuple[Stage, ...], path: Path) -> list[Path]:
    """One table to ``path``; several (a file of many projects) to ``path`` numbered _1, _2 …"""
    if len(stages) == 1:
        return [write_stage(stages[0], path)]
    return [
        write_stage(s, path.with_name(f"{path.stem}_{n}{path.suffix}"))
        for n, s in enumerate(stages, 1)
    ]


def _write_xlsx(grid: Grid, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = next((n for n in ("运行监控表", "绩效目标表") if n[-3:] in grid.title), "Sheet1")
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in grid.cells.values():
        target = ws.cell(row=cell.row + 1, column=cell.col + 1)
        target.value = cell.number if cell.number is not None else (cell.text or None)
        if cell.text.startswith("="):
            target.data_type = "s"
        if cell.number_format:
            target.number_format = cell.number_format
        target.alignment = Alignment(
            wrap_text=True,
            vertical="center",
            horizontal="left" if cell.role == Role.TEXT else "center",
        )
        target.font = Font(
            name="黑体" if cell.role == Role.TITLE else "宋体",
            size=16 if cell.role == Role.TITLE else 10,
            bold=cell.role in (Role.HEADER, Role.LABEL),
        )
        if cell.role != Role.TITLE:
            target.border = border
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(
                start_row=cell.row + 1,
                start_column=cell.col + 1,
                end_row=cell.row + cell.rowspan,
                end_column=cell.col + cell.colspan,
            )
    for col, width in enumerate(grid.col_widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    wb.save(str(path))


def _write_docx(grid: Grid, path: Path) -> None:
    from docx import Document as new_document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    from jixiao.writers.docx import add_table

    doc = new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(15)
    add_table(doc, grid)
    doc.save(str(path))
