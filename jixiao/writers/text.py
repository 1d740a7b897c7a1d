"""Write the table (and the report) as tabbed text, the way Word exports a form (like the seed).

Each table row is a group of lines, one per cell, each starting with a tab; rows are
separated by a blank line. A cell merged across columns is written once; a cell covered by
a cell above (a vertical merge) is written empty, so columns stay aligned. The report
follows: its title, then each heading and its paragraphs.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.model import Evaluation, Report
from jixiao.writers.draft import section_body
from jixiao.writers.grid import Grid, Role, build_grid


def _one_line(text: str, role: Role) -> str:
    joiner = "" if role == Role.LABEL else " "
    return joiner.join(part.strip() for part in text.split("\n") if part.strip())


def table_text(grid: Grid) -> str:
    covered = grid.covered()
    lines = [grid.title, ""]
    for row in range(1, grid.nrows):
        cells = []
        for col in range(grid.ncols):
            cell = grid.cells.get((row, col))
            if cell is not None:
                cells.append("\t" + _one_line(cell.text, cell.role))
            elif (
                (row, col) in covered
                and covered[(row, col)].row < row
                and covered[(row, col)].col == col
            ):
                cells.append("\t")  # under a vertical merge: an empty cell keeps the columns
        lines.extend(cells)
        lines.append("")
    return "\n".join(lines)


def report_text(report: Report) -> str:
    lines = []
    if report.title is not None:
        lines += [report.title.text, ""]
    for i, section in enumerate(report.sections):
        lines += [section.heading.text, ""]
        text = section_body(report.sections, i)
        body = [line.strip() for line in text.split("\n") if line.strip()]
        if body:
            lines += body + [""]
    return "\n".join(lines)


def evaluation_text(e: Evaluation) -> str:
    text = table_text(build_grid(e))
    if e.report is not None and (e.report.sections or e.report.title is not None):
        from jixiao.writers.draft import report_for

        text += "\n\n" + report_text(report_for(e))
    return text


def write_text(e: Evaluation, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(evaluation_text(e) + "\n", encoding="utf-8")
    return path
