"""Target and monitoring tables whose rows the text does not give → rows.

Vertical text (one cell per line) and run-together text give the cells in reading order but
not the rows. The self-evaluation's :class:`~jixiao.extract.stream.StreamAssembler` rebuilds
rows from what the cells are (and :func:`~jixiao.extract.runtogether.split_labels` first cuts
run-together text at the labels); here it runs with the column labels of
:mod:`jixiao.lifecycle.vocab` and feeds :class:`RowSink`, which keeps the logical rows for
:func:`jixiao.lifecycle.reader.read_stages`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from jixiao.document import Cell
from jixiao.extract import vocab as extract_vocab
from jixiao.extract.form import Header
from jixiao.extract.runtogether import split_labels
from jixiao.extract.stream import StreamAssembler, join_split_labels
from jixiao.extract.vocab import Role
from jixiao.lifecycle import vocab
from jixiao.textnorm import label_key

# lifecycle column key → the assembler's role (which tells the shape of a value: text
# columns it does not know are remarks, which take any text)
_ROLES: dict[str, Role] = {
    "level1": Role.LEVEL1,
    "level2": Role.LEVEL2,
    "name": Role.NAME,
    "nature": Role.NATURE,
    "target": Role.TARGET,
    "unit": Role.UNIT,
    "weight": Role.WEIGHT,
    "progress": Role.ACTUAL,
    "forecast": Role.TARGET,
    "cause": Role.DEVIATION,
    "budget": Role.BUDGET,
    "executed": Role.SPENT,
    "rate": Role.RATE,
}
_LABELS = {label_key(label): key for label, key in vocab.INDICATOR_COLUMNS}
_FUND_LABELS = {label_key(label): key for label, key in vocab.FUND_COLUMNS}
# the labels run-together text is cut at (the self-evaluation's are cut anyway)
CUT_LABELS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [label for label, _ in vocab.INDICATOR_COLUMNS]
        + [label for label, _ in vocab.FUND_COLUMNS]
        + [f"1-{n}月执行情况" for n in range(1, 13)]
        + [f"1-{n}月执行数" for n in range(1, 13)]
        + [label for label, _ in vocab.HEADER_FIELDS if len(label) >= 4 and label != "绩效目标"]
        + [f"{label}(万元)" for label, key in vocab.HEADER_FIELDS if key == "amount"]
        # cells of their own that end a run of values: 指标方向, 完成目标可能性
        + ["正向指标", "反向指标", "确定能", "有可能", "不可能", "定性"]
    )
)
_MAX_LABEL = 16
_TEXT_THEN_WEIGHT = re.compile(r"^(.*\D)(\d{1,3}(?:\.\d+)?)$")
_DOUBT = frozenset({"有可能", "不可能"})
_RECTIFY_FIRST = re.compile(r"^(是|否)(?=\S)")
_CENTS = re.compile(r"\d+\.\d{2}")
# 是否需要整改 and 整改要求 run on after the reason in words: the last 是/否 (not inside a word:
# 但是, 就是, 否则 …) followed by nothing, or by a requirement that ends like one (…前完成整改)
_RECTIFY_TAIL = re.compile(
    r"(?<![但就还于总可若凡要正即也不])(是|否)(?!则|认|定|决|未|没|不|因|由)"
    r"([^，。,；;：:]{0,38}(?:整改|完成|落实))?$"
)
_FIELD_KEYS = frozenset(label_key(label) for label, _ in vocab.HEADER_FIELDS)
_UNIT_SUFFIX = re.compile(r"\((万元|元|千元|亿元)\)$")
# the last cells of a row before its text columns (指标值设定依据, 偏差原因 …)
_BEFORE_TEXT = frozenset({"有可能", "不可能", "确定能", "正向指标", "反向指标", "正向", "反向"})
# “4.资金使用合规率”: the number would read as a value
_NUMBERED_NAME = re.compile(r"^\d{1,2}[.、．](?=[\u4e00-\u9fff])")


def column_key(key: str) -> str | None:
    """The lifecycle column a header cell names (the whole cell, not its start: a name such as
    “执行情况检查次数” is no label)."""
    if not key or len(key) > _MAX_LABEL:
        return None
    bare = key.split("(")[0] if key.endswith(")") else key
    if (k := _LABELS.get(bare)) is not None:
        return k
    m = vocab.CUTOFF.match(bare)
    if m is not None:
        rest = bare[m.end() :]
        if rest in {"执行情况", "完成情况", "指标执行情况", "实际完成情况"}:
            return "progress"
        if rest in {"执行数", "预算执行数", "实际执行数"}:
            return "executed"
    return _FUND_LABELS.get(bare)


def role_of_key(key: str) -> Role:
    """The assembler's role of a lifecycle column key."""
    return _ROLES.get(key, Role.REMARK)


def column_role(key: str) -> Role | None:
    k = column_key(key)
    return None if k is None else role_of_key(k)


class RowSink:
    """The builder side of the assembler: keeps each logical row and knows which table
    (indicator or fund) its rows belong to, with that table's header."""

    def __init__(self, is_header: Callable[[list[Cell]], dict[int, str] | None]) -> None:
        self.rows: list[list[Cell]] = []
        self.state: str | None = None
        self.ind_header: Header | None = None
        self.fund_header: Header | None = None
        self.trace = None
        self._is_header = is_header

    def feed(self, row: Sequence[Cell], grid: bool = True) -> None:
        cells = list(row)
        self.rows.append(cells)
        keys = [column_key(label_key(c.text)) for c in cells]
        if self._is_header(cells) is not None:
            roles = [(i, _ROLES.get(k, Role.REMARK)) for i, k in enumerate(keys) if k]
            self.ind_header = Header("indicator", roles, len(cells))
            self.state = "indicator"
        elif sum(1 for k in keys if k in {"budget", "executed", "rate", "forecast"}) >= 2:
            # 全年预计执行数 takes a role of its own (a money column the assembler knows)
            roles = [
                (i, Role.INITIAL if k == "forecast" else _ROLES.get(k, Role.SPENT))
                for i, k in enumerate(keys)
                if k
            ]
            self.fund_header = Header("fund", roles, len(cells))
            self.state = "fund"
        elif cells and label_key(cells[0].text).startswith(vocab.BLOCK_END):
            self.state = None

    def start_headerless(self, section: str) -> None:
        self.state = section

    def finish(self) -> None:
        """Nothing to close: the rows are read by the caller."""


def stream_rows(
    cells: list[Cell],
    run_together: bool,
    is_header: Callable[[list[Cell]], dict[int, str] | None],
) -> list[list[Cell]]:
    """Cells in reading order (one per line, or lines of run-together text) → logical rows."""
    sink = RowSink(is_header)
    assembler = StreamAssembler(sink, column_role=column_role)  # type: ignore[arg-type]
    if run_together:
        after = ""
        rectify_column = False  # the header has 是否需要整改
        for piece in split_labels(cells, CUT_LABELS):
            text, loc = piece.cell.text.strip(), piece.cell.location
            figures = _CENTS.findall(text) if sink.state == "fund" else []
            if piece.residual and figures and "".join(figures) == text:
                # money to the cent run together (712.34429.32693.44): one cut only
                for figure in figures:
                    assembler.push(Cell(figure, loc))
            elif piece.residual and after == "确定能" and (m := _RECTIFY_FIRST.match(text)):
                # 确定能 leaves the reason blank: 是/否 there is 是否需要整改 (是9月底前完成整改)
                assembler.push(Cell(m.group(1), loc))
                assembler.push(Cell(text[m.end() :], loc))
            elif piece.residual and after == "定性" and (m := _TEXT_THEN_WEIGHT.match(text)):
                # a qualitative 指标值 in words, then its 权重
                assembler.push(Cell(m.group(1), loc))
                assembler.push(Cell(m.group(2), loc))
            elif piece.residual and after in _DOUBT:
                # the reason (and measure) in words: one cell; then 是/否 and 整改要求 where
                # the table has the column (…加快进度是9月底前完成整改)
                tail = _rectify_tail(text) if rectify_column else None
                if tail is not None and tail.start() > 0:
                    assembler.push(Cell(text[: tail.start()], loc))
                    assembler.keep_held_as_reason()  # not a name that 是/否 continues
                    assembler.push(Cell(tail.group(1), loc))
                    if tail.group(2):
                        assembler.push(Cell(tail.group(2), loc))
                else:
                    assembler.push(piece.cell)
            elif piece.residual:
                assembler.push_run(_unnumbered(piece.cell))
            else:
                assembler.push(piece.cell)
            after = "" if piece.residual else label_key(text)
            rectify_column = rectify_column or _LABELS.get(after) == "rectify"
    else:
        for cell in join_split_labels([_unnumbered(c) for c in cells]):
            assembler.push(cell)
    assembler.close()
    return _join_rows(sink.rows)


def _rectify_tail(text: str) -> re.Match[str] | None:
    """The last 是/否 of a reason from which :data:`_RECTIFY_TAIL` runs to the end (原因是人员
    不足…是9月底前完成整改: the second 是)."""
    for k in range(len(text) - 1, 0, -1):
        if text[k] in "是否" and (m := _RECTIFY_TAIL.match(text, k)) is not None:
            return m
    return None


def unnumbered(text: str) -> str:
    """“4.资金使用合规率” → “资金使用合规率” (the number would read as a value)."""
    return _NUMBERED_NAME.sub("", text.strip())


def _unnumbered(cell: Cell) -> Cell:
    return Cell(unnumbered(cell.text), cell.location)


def _join_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Rows the assembler left apart: a row that ends at its 完成目标可能性 or 指标方向 and
    the text-only row after it (its 偏差原因 and 纠偏措施, 指标值设定依据 …, which the
    assembler cannot tell from the next name); a field label of these tables alone
    (资金总额（万元）, 年度绩效目标) and the one cell after it; categories alone and the
    numbered row after them (指标3：…)."""
    out: list[list[Cell]] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and (
            (
                label_key(prev[-1].text) in _BEFORE_TEXT
                and (
                    not any(_anchor_like(c.text) for c in row)
                    # 是否需要整改 and 整改要求 after the reason: no category, a yes or no
                    or (
                        not any(_category(c.text) for c in row)
                        and any(label_key(c.text) in vocab.RECTIFY_WORDS for c in row)
                    )
                )
            )
            or (len(prev) == 1 and len(row) == 1 and _field_label(prev[0].text))
            or (all(_category(c.text) for c in prev) and not _category(row[0].text))
        ):
            prev.extend(row)
            continue
        out.append(row)
    return out


def _category(text: str) -> bool:
    key = label_key(text)
    return extract_vocab.is_level1(key) or extract_vocab.is_level2(key)


def _field_label(text: str) -> bool:
    key = _UNIT_SUFFIX.sub("", label_key(text))
    return key in _FIELD_KEYS


def _anchor_like(text: str) -> bool:
    from jixiao.extract.values import looks_like_value

    key = label_key(text)
    return (
        looks_like_value(text)
        or _category(text)
        or column_key(key) is not None
        or extract_vocab.total_label(key)
    )


__all__ = ["CUT_LABELS", "RowSink", "column_role", "role_of_key", "stream_rows", "unnumbered"]
