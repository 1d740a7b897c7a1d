"""The one extraction layer: a neutral :class:`~jixiao.document.Document` → an Evaluation.

Used by the text readers and the office readers alike. Tables are read row by row
(:mod:`.form`); tables whose rows are unknown (one cell per row) and label/value pairs
among paragraphs go through :mod:`.stream` first; run-together text is cut into cells by
:mod:`.runtogether`. Titles give the year, the unit and the kind (:mod:`.titles`). The
report (``report.extract_report``) and facts stated in sentences (``prose.extract_prose``)
fill what the table lacks: table values always win.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from jixiao.document import Cell, Document, Paragraph, Table
from jixiao.errors import ReadError
from jixiao.extract.form import FormBuilder, FormParts, field_pairs
from jixiao.extract.grades import graded_key
from jixiao.extract.labelled_pairs import labelled_line
from jixiao.extract.late_cells import reattach_late_cells, reattach_late_rows
from jixiao.extract.missing import missing_note, missing_parts
from jixiao.extract.runtogether import split_labels
from jixiao.extract.stream import StreamAssembler, join_split_labels
from jixiao.extract.stream_order import indicator_rows_in_order
from jixiao.extract.titles import (
    detect_kind,
    file_title,
    find_year,
    title_candidates,
    unit_and_project,
    unit_from_title,
)
from jixiao.extract.trace import Trace, active
from jixiao.extract.values import RATE_TOLERANCE
from jixiao.extract.values_first import values_first_rows
from jixiao.measure import parse_number
from jixiao.model import Evaluation, FundRow, Indicator, Kind, Num, Report, Text

if TYPE_CHECKING:
    from jixiao.extract.prose import ProseFacts

_DIGITS_RUN = re.compile(r"\d+")
_FORM_SUBJECT = re.compile(r"绩效|自评|预算执行|决算")
# a text with no outline and no figure of a report is one only where it names an evaluation
# (a news item on a monitoring round talks of 绩效 and 预算执行 too)
_EVALUATION_WORD = re.compile(r"自评|评价")

__all__ = ["extract"]


# layouts whose streams hold tokens (text split on spaces, cut at labels), not whole cells
# with their blanks in place (vertical text drops blank cells: its paragraphs go apart)
_TOKENS = frozenset({"spaced", "other", "vertical"})


def _is_stream(table: Table) -> bool:
    return all(len(row) <= 1 for row in table.rows)


def extract(document: Document) -> Evaluation:
    """Map the labels in the document's cells and paragraphs onto the model."""
    has_grid = any(isinstance(b, Table) and not _is_stream(b) for b in document.blocks)
    trace = active()
    mark = trace.mark() if trace is not None else None
    builder = _read_tables(document, flatten=False)
    notes: list[str] = []
    if has_grid and document.layout in _ROW_LAYOUTS and not _consistent(builder.parts):
        # the rows may be broken in the wrong places (a row's cells continue on the next
        # line): read the cells again in order, rows rebuilt from their labels, and keep the
        # reading the form's own arithmetic confirms better
        second = trace.mark() if trace is not None else None
        alt = _read_tables(document, flatten=True)
        if _confirmation(alt.parts) > _confirmation(builder.parts):
            builder = alt
            notes.append(_REBUILT_ROWS)
            if trace is not None and mark is not None and second is not None:
                trace.drop(mark, second)
        elif trace is not None and second is not None:
            trace.drop(second, None)
    _read_base_data(document, builder.parts)
    _read_eval_table(document, builder.parts)
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    after_table: list[Paragraph] = []
    seen_table = False
    for block in document.blocks:
        if isinstance(block, Table):
            seen_table = True
        elif seen_table:
            after_table.append(block)
    # with a grid, the report is what follows the table — and what precedes it too when that
    # reads like a report (sentences, not just the form's title)
    before = paragraphs[: len(paragraphs) - len(after_table)]
    report_paragraphs = (
        after_table if (has_grid and after_table and not _reads_like_report(before)) else paragraphs
    )
    report = _report(report_paragraphs, document.source)
    prose = _prose(report_paragraphs, report, document.source) if report is not None else None
    return _evaluation(document, builder.parts, paragraphs, report, prose, notes)


# office formats: a cell keeps its leading spaces (the indentation of a fund row's label)
_CELL_LAYOUTS = frozenset({"xlsx", "xls", "docx", "doc", "odt", "ods", "wps", "et"})
# text layouts that print a row per line: their line breaks may fall inside rows
_ROW_LAYOUTS = frozenset({"pipe", "tabbed", "spaced", "lines"})
_REBUILT_ROWS = "表格的换行与行不一致，按单元格顺序由标签重新组成各行（算术核对更一致）"


def _labelled_apart(cells: list[Cell]) -> list[tuple[list[Cell], bool]]:
    """The cells in runs, a line of ``栏目：值`` fund figures or goal text a run of its own
    (True): the run-together cutter would cut it at its labels."""
    out: list[tuple[list[Cell], bool]] = []
    for c in cells:
        if ("：" in c.text or ":" in c.text) and labelled_line(c.text):
            out.append(([c], True))
        elif out and not out[-1][1]:
            out[-1][0].append(c)
        else:
            out.append(([c], False))
    return out


def _read_tables(document: Document, flatten: bool) -> FormBuilder:
    """Feed the document's tables to a form builder: grid rows as they are, streams (and,
    with ``flatten``, grid tables too, their cells in reading order) through the assembler."""
    builder = FormBuilder(document.source, cells_keep_indent=document.layout in _CELL_LAYOUTS)
    has_table = False
    for block in document.blocks:
        if not isinstance(block, Table):
            if not has_table and (
                (len(block.text) <= 80 and field_pairs(block.text))
                or (("：" in block.text or ":" in block.text) and labelled_line(block.text))
            ):
                # 填报单位：某某局    单位：万元 above the table: the form's own field line;
                # 全年预算数：300.00 … and 年度总体目标：… (labelled_pairs.py) too
                builder.feed([Cell(block.text, block.location)])
            continue
        has_table = True
        if _is_stream(block) or flatten:
            whole = document.layout not in _TOKENS or (flatten and not _is_stream(block))
            assembler = StreamAssembler(builder, whole_cells=whole, early_figures=not flatten)
            cells = [c for row in block.rows for c in row]
            if document.layout == "other" and _is_stream(block):
                cells = values_first_rows(cells)
                for part, labelled in _labelled_apart(cells):
                    if labelled:  # 全年预算数：300.00 … on a line of its own: not cut
                        assembler.push(part[0])
                        continue
                    for piece in split_labels(part):
                        if piece.residual:
                            assembler.push_run(piece.cell)
                        else:
                            assembler.push(piece.cell)
            else:
                cells = join_split_labels(cells)
                if document.layout in _TOKENS and _is_stream(block):
                    cells = indicator_rows_in_order(cells)
                    cells, late = reattach_late_cells(cells)
                    if late is not None:
                        builder.parts.notes.append(late)
                for cell in cells:
                    assembler.push(cell)
            assembler.close()
        else:
            rows = [list(r) for r in block.rows]
            if document.layout == "spaced":
                rows, late = reattach_late_rows(rows)
                if late is not None:
                    builder.parts.notes.append(late)
            for row in rows:
                builder.feed(row)
    builder.finish()
    if not has_table:
        paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
        if paragraphs:
            assembler = StreamAssembler(builder)  # blank cells are gone: positions not trusted
            cells = join_split_labels([Cell(p.text, p.location) for p in paragraphs])
            cells, late = reattach_late_cells(indicator_rows_in_order(cells))
            if late is not None:
                builder.parts.notes.append(late)
            for cell in cells:
                assembler.push(cell)
            assembler.close()
            builder.finish()
    return builder


def _read_base_data(document: Document, parts: FormParts) -> None:
    """A 基础数据表 whose money columns are named by year (``2018年预算数 2018年决算数``):
    looked for only when no fund row was read with its rate (a fund table read whole), and kept
    when it reads more rows with both a budget and a spending than the rows read so far."""
    if any(f.rate is not None and f.budget is not None for f in parts.funds):
        return
    from jixiao.extract.base_data import read_base_data

    base = read_base_data(document)
    if base is None:
        return
    if _full_rows(base.funds) <= _full_rows(parts.funds):
        return
    parts.funds[:] = base.funds
    parts.notes.extend(base.notes)
    trace = active()
    if trace is not None:
        _trace_prose_rows(trace, base.funds, (), _BASE_DATA_RULE)


def _read_eval_table(document: Document, parts: FormParts) -> None:
    """A 部门整体支出绩效评价指标表 with criteria columns (评价标准, 指标说明), or a 评分表 whose
    labels carry their points (the cells of such a table read as rows give sentences for names,
    names without points, rows lost): looked for when some indicator read lacks its points or
    score, kept when it gives at least as many indicators with both as the rows did (its levels
    are confirmed by the points adding up)."""
    scored = sum(1 for i in parts.indicators if i.weight is not None and i.score is not None)
    if parts.indicators and scored == len(parts.indicators):
        return  # every row read with its points and score: nothing to gain
    from jixiao.extract.eval_table import read_eval_table

    table = read_eval_table(document)
    if table is None:
        return
    if sum(1 for i in table.indicators if i.score is not None) < scored:
        return
    parts.indicators[:] = table.indicators
    parts.notes.extend(table.notes)
    trace = active()
    if trace is not None:
        _trace_prose_rows(trace, (), table.indicators, _EVAL_TABLE_RULE)


_EVAL_TABLE_RULE = "评价指标表：一级/二级/三级各带分值，其后评价标准与指标说明的句子，最后是得分"


def _figured(f: FundRow) -> bool:
    return any(x is not None for x in (f.initial_budget, f.budget, f.actual, f.rate))


def _full_rows(funds: Sequence[FundRow]) -> int:
    return sum(f.budget is not None and f.actual is not None for f in funds)


_BASE_DATA_RULE = (
    "基础数据表：按年份命名的列（最近一年的预算数、决算数），数少于列时由各部分之和确认所在列"
)


def _consistent(parts: FormParts) -> bool:
    """Every fund row's 执行率 = 执行数 ÷ 预算数 and every indicator with its 分值 and 得分
    (得分 ≤ 分值): nothing to gain from reading the rows another way."""
    for f in parts.funds:
        if f.budget is not None and f.actual is not None and f.rate is not None:
            if not _rate_holds(f):
                return False
        elif any(x is not None for x in (f.budget, f.actual, f.rate)):
            return False
    for i in parts.indicators:
        if i.sub_item or (i.score is None and graded_key(i.name.text) in parts.seen):
            continue  # a grade where the score belongs: nothing to check
        if i.weight is None or i.score is None or i.score.value > i.weight.value:
            return False
    return True


def _rate_holds(f: FundRow) -> bool:
    assert f.budget is not None and f.actual is not None and f.rate is not None
    if f.budget.value == 0:
        return f.actual.value == 0
    return abs(f.actual.value / f.budget.value * 100 - f.rate.value) < RATE_TOLERANCE


def _confirmation(parts: FormParts) -> int:
    """How much of a reading the form's own arithmetic confirms: fund rows whose rate is
    their quotient, indicators whose score is within their weight, weights that add up to the
    total; figures that contradict it count against."""
    score = 0
    for f in parts.funds:
        if f.budget is not None and f.actual is not None and f.rate is not None:
            score += 3 if _rate_holds(f) else -2
        score += sum(1 for x in (f.budget, f.actual, f.rate) if x is not None)
    weights = Decimal(0)
    for i in parts.indicators:
        if i.weight is not None and i.score is not None:
            score += 2 if i.score.value <= i.weight.value else -2
        if i.weight is not None:
            weights += i.weight.value
        score += sum(1 for x in (i.target, i.actual) if x is not None)
    if parts.total_weight is not None and weights == parts.total_weight.value:
        score += 3
    return score


def _reads_like_report(paragraphs: Sequence[Paragraph]) -> bool:
    """Paragraphs holding sentences (at least two ending in 。), not only titles and labels."""
    return sum(p.text.count("。") for p in paragraphs) >= 2


def _report(paragraphs: Sequence[Paragraph], source: str) -> Report | None:
    if not paragraphs:
        return None
    from jixiao.extract.report import extract_report

    try:
        return extract_report(paragraphs, source)
    except ReadError:
        raise
    except Exception:  # noqa: BLE001 - a report we cannot read must not lose the table
        return None


def _prose(paragraphs: Sequence[Paragraph], report: Report, source: str) -> ProseFacts | None:
    from jixiao.extract.prose import extract_prose

    try:
        return extract_prose(paragraphs, report, source)
    except Exception:  # noqa: BLE001 - facts we cannot read from sentences must not lose the table
        return None


def _from_sentences(rows: Sequence[FundRow] | Sequence[Indicator]) -> bool:
    """Rows assembled from a report's sentences as if they were cells: a cell holding a
    sentence (a full stop, or a long clause with commas) is no cell of a form."""
    for row in rows:
        texts = [row.label.text] if isinstance(row, FundRow) else [row.name.text]
        if isinstance(row, Indicator) and row.target is not None:
            texts.append(row.target.text)  # (a worded 完成值 may well be sentences)
        if any("。" in t or (len(t) > 20 and "，" in t) for t in texts):
            return True
    return False


def _staff(value: Text | None) -> Num | None:
    if value is None:
        return None
    m = _DIGITS_RUN.search(value.text)
    if not m:
        return None
    n = parse_number(m.group(0))
    return Num(n, m.group(0), "人", value.location) if n is not None else None


def _evaluation(
    document: Document,
    parts: FormParts,
    paragraphs: list[Paragraph],
    report: Report | None,
    prose: ProseFacts | None,
    reading_notes: list[str],
) -> Evaluation:
    fields = parts.fields
    texts = list(parts.texts) + [Text(p.text, p.location) for p in paragraphs]
    titles = title_candidates(texts) or title_candidates(parts.cell_texts)
    if report is not None and report.title is not None:
        titles.append(report.title)
    named = file_title(document.source)
    if named is not None:
        titles.append(named)
    year = find_year(titles) or find_year(texts) or find_year(title_candidates(parts.cell_texts))
    both = None if "unit" in fields and "project" in fields else unit_and_project(titles)
    unit = fields.get("unit") or (both[0] if both else None) or unit_from_title(titles)
    staff_authorized = _staff(fields.get("staff_authorized"))
    staff_actual = _staff(fields.get("staff_actual"))
    funds = tuple(parts.funds)
    has_groups = any(f.group is not None for f in funds)
    kind = detect_kind(
        titles,
        fields,
        staff_authorized is not None or staff_actual is not None,
        has_groups,
        parts.cell_texts,
    )
    supervisor = fields.get("supervisor")
    project = fields.get("project") or (both[1] if both and kind is Kind.PROJECT else None)
    duties = fields.get("duties")
    indicators = tuple(parts.indicators)
    notes = list(document.notes)
    if prose is not None:
        if not (fields.get("project") or parts.indicators or funds):
            kind = prose.kind or kind
        year = year or prose.year
        unit = unit or prose.unit
        evaluated = prose.evaluated
        if (
            project is not None
            and evaluated is not None
            and evaluated.text == project.text + "项目"
        ):
            project = evaluated  # the title's 某某项目支出 names 某某项目 in full
        project = project or prose.project
        supervisor = supervisor or prose.supervisor
        duties = duties or prose.duties
        staff_authorized = staff_authorized or prose.staff_authorized
        staff_actual = staff_actual or prose.staff_actual
        told = False  # the money is the report's: the table's rows gave no figure
        if prose.funds and not any(_figured(f) for f in funds):
            # (a sentence taken for a fund row, its numbers unread)
            funds, told = prose.funds, bool(funds)
        indicators = indicators or prose.indicators
        if not any(isinstance(b, Table) for b in document.blocks):
            # no table: rows each stated in a sentence that names every column, or rows read
            # from sentences, beat cells assembled from the sentences
            from_sentences = told
            if prose.indicators and (
                prose.stated
                or (_from_sentences(indicators) and len(prose.indicators) >= len(indicators) / 2)
            ):
                indicators, from_sentences = prose.indicators, True
            if prose.funds and _from_sentences(funds):
                funds, from_sentences = prose.funds, True
            if from_sentences and not fields.get("project"):
                kind = prose.kind or kind  # the rows were sentences: the report's kind
    if prose is not None and (funds is prose.funds or indicators is prose.indicators):
        reading_notes = [*reading_notes, *prose.notes]  # what the sentences left unclear
    trace = active()
    if trace is not None:
        _trace_document_fields(
            trace,
            fields,
            prose,
            {"年度": year, "单位": unit, "项目名称": project, "主管部门": supervisor},
        )
        if prose is not None:
            _trace_prose_rows(
                trace,
                funds if funds is prose.funds else (),
                indicators if indicators is prose.indicators else (),
            )
    form_found = bool(funds or indicators or parts.goals or fields)
    if not form_found and not _is_report(report, texts):
        raise ReadError(
            document.source, "不是绩效自评表或自评报告（没有找到自评表的栏目或自评报告的内容）"
        )
    missing = missing_parts(
        parts, kind, year is not None, unit is not None, bool(report and report.sections)
    )
    notes.extend(reading_notes)
    notes.extend(parts.notes)
    note = missing_note(missing)
    if note:
        notes.append(note)
    if parts.indicators and "total" not in parts.seen and builder_ended_in_table(parts):
        notes.append("文档在绩效指标表中结束（没有总分行），可能被截断")
    return Evaluation(
        kind=kind,
        source=document.source,
        layout=document.layout,
        year=year,
        unit=unit,
        supervisor=supervisor,
        project=project,
        duties=duties,
        staff_authorized=staff_authorized,
        staff_actual=staff_actual,
        money_unit=parts.money_unit or "万元",
        funds=funds,
        goals=tuple(parts.goals),
        indicators=indicators,
        total_weight=parts.total_weight,
        total_score=parts.total_score or (prose.total_score if prose is not None else None),
        conclusion=fields.get("conclusion"),
        problems=fields.get("problems"),
        measures=fields.get("measures"),
        signatures=tuple(parts.signatures),
        fill_date=fields.get("fill_date"),
        extra=tuple(parts.extra),
        report=report,
        missing=tuple(missing),
        notes=tuple(notes),
    )


_DOC_FIELD_KEYS = {"单位": "unit", "项目名称": "project", "主管部门": "supervisor"}
_PROSE_KEYS = {"年度": "year", "单位": "unit", "项目名称": "project", "主管部门": "supervisor"}


def _trace_document_fields(
    trace: Trace, fields: dict[str, Text], prose: ProseFacts | None, values: dict[str, object]
) -> None:
    """Where the year, unit, project and supervisor came from when no labelled cell gave them
    (the labelled cells were traced by the form builder)."""
    for name, value in values.items():
        if value is None or fields.get(_DOC_FIELD_KEYS.get(name, "")) is value:
            continue
        location = getattr(value, "location", None)
        printed = getattr(value, "text", None) or str(value)
        from_prose = prose is not None and getattr(prose, _PROSE_KEYS[name], None) is value
        rule = "报告正文中的句子" if from_prose else "标题行（或文件名）中的写法"
        if location is not None:
            trace.place(name, [Cell(printed, location)], rule)


_PROSE_RULE = "报告正文中的句子"


def _trace_prose_rows(
    trace: Trace,
    funds: Sequence[FundRow],
    indicators: Sequence[Indicator],
    rule: str = _PROSE_RULE,
) -> None:
    """Fund rows and indicators read from sentences (or another rule's figures): each figure
    with its line."""
    for f in funds:
        for name, value in (
            ("年初预算数", f.initial_budget),
            ("全年预算数", f.budget),
            ("全年执行数", f.actual),
            ("执行率", f.rate),
        ):
            if value is not None and value.location is not None:
                trace.place(
                    f"资金[{f.label.text}].{name}", [Cell(value.text, value.location)], rule
                )
    for i in indicators:
        for name, m in (
            ("指标值", i.target),
            ("完成值", i.actual),
            ("分值", i.weight),
            ("得分", i.score),
        ):
            if m is not None and m.location is not None:
                trace.place(f"指标[{i.name.text}].{name}", [Cell(m.text, m.location)], rule)


def builder_ended_in_table(parts: FormParts) -> bool:
    """Whether the last thing read was an indicator row (nothing after the table)."""
    return (
        not (parts.fields.keys() & {"conclusion", "problems", "measures"}) and not parts.signatures
    )


def _is_report(report: Report | None, texts: list[Text]) -> bool:
    if report is not None and (report.sections or report.figures):
        return True
    joined = "".join(t.text for t in texts[:200])
    return (
        _FORM_SUBJECT.search(joined) is not None
        and _EVALUATION_WORD.search(joined) is not None
        and len(joined) > 40
    )
