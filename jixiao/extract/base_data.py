"""The fund part of a 部门整体 基础数据表: columns named by year, rows read by their figures.

A 部门整体支出绩效评价基础数据表 prints its money over several years, the columns named only
by year (``2017年决算数 2018年预算数 2018年决算数``), with numbered rows (``1、公务用车购置和
维护经费``), sub-rows under ``其中:`` and, in PDF text, a row's figures continuing on the next
line(s). Its rows are read token by token after that header: a word starts a row, the figures
after it fill the row's columns. The latest year's 预算数 is the budget and its 决算数/执行数 the
spending; earlier years are not read.

A row printing fewer figures than there are columns (a blank cell vanished) is placed by the
form's own arithmetic: the parts under a row add up to it, column by column. The placement that
makes the most sums hold — and strictly more than any other — is kept; when nothing confirms a
placement the row's figures stay empty and a reading note says where and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import combinations

from jixiao.document import Cell, Document, Paragraph, Table
from jixiao.extract.vocab import fund_line
from jixiao.model import FundRow, Location, Num, Text
from jixiao.textnorm import clean, label_key, strip_numbering

Piece = Cell | Paragraph  # a cell or a paragraph: its text and where it was read
_YEAR_COLUMN = re.compile(
    r"((?:19|20)\d{2})\s*年(?:度)?\s*(预算数|预算|决算数|决算|执行数|实际支出|支出数)"
)
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?\.?$|^\d+(?:\.\d+)?\.?$")
_OPEN_DECIMAL = re.compile(r"^\d+\.$")  # 95. whose decimals are on the next line
_NUMBERED = re.compile(r"^\d{1,2}[、.．](?!\d)|^[(（]\d{1,2}[)）]")
_QIZHONG = re.compile(r"^其中[:：]?")
# the table ends where the indicator table (or any non-row text) begins
_END = re.compile(r"指标|评价|得分|分值|标准|说明|[。，,；;]")
_MAX_TOKENS = 400  # a base-data table is short; never walk a whole long document
_MAX_LABEL = 24


@dataclass
class _Row:
    label: str
    cell: Piece
    depth: int
    figures: list[tuple[Decimal, str, Location | None]] = field(default_factory=list)
    placed: tuple[int, ...] | None = None  # the column of each figure


@dataclass(frozen=True, slots=True)
class BaseData:
    funds: tuple[FundRow, ...]
    notes: tuple[str, ...]


def document_cells(document: Document) -> Iterable[Piece]:
    """Every cell and paragraph of the document in reading order."""
    for block in document.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                yield from row
        elif isinstance(block, Paragraph):
            yield block


def _header(document: Document) -> tuple[list[str | None], Iterable[tuple[str, Piece]]] | None:
    """The year columns (``budget``/``actual``/None for an earlier year) and the tokens after
    them; the columns may share one cell (a line) or sit in a cell each (spaced columns)."""
    cells = iter(document_cells(document))
    found: list[tuple[int, str]] = []
    for cell in cells:
        text = cell.text
        matches = (
            list(_YEAR_COLUMN.finditer(text))
            if "年" in text and ("算" in text or "支出" in text)
            else []
        )
        if not matches:
            if len(found) >= 2:
                return _roles(found), _tokens(text, cell, cells)
            found = []
            continue
        found.extend((int(m.group(1)), m.group(2)) for m in matches)
        rest = text[matches[-1].end() :]
        if len(found) >= 2 and rest.strip():
            return _roles(found), _tokens(rest, cell, cells)
    return None


def _roles(columns: list[tuple[int, str]]) -> list[str | None]:
    latest = max(y for y, _ in columns)
    out: list[str | None] = []
    for year, word in columns:
        if year != latest:
            out.append(None)
        elif "预算" in word:
            out.append("budget")
        else:
            out.append("actual")
    return out


def _tokens(rest: str, first: Piece, cells: Iterable[Piece]) -> Iterable[tuple[str, Piece]]:
    """Whitespace tokens from the header's remainder on; a figure broken after its decimal
    point (``95.`` at a line's end, ``10`` on the next) is joined again."""
    held: str | None = None
    count = 0
    for text, cell in _with_first(rest, first, cells):
        for i, tok in enumerate(clean(text).split()):
            count += 1
            if count > _MAX_TOKENS:
                return
            if held is not None:
                if i == 0 and tok[:1].isdigit():
                    tok = held + tok
                else:
                    yield held, cell
                held = None
            if _OPEN_DECIMAL.match(tok):
                held = tok
                continue
            yield tok, cell
        if held is not None and not text.rstrip().endswith(held):
            yield held, cell
            held = None
    if held is not None:
        yield held, first


def _with_first(rest: str, first: Piece, cells: Iterable[Piece]) -> Iterable[tuple[str, Piece]]:
    yield rest, first
    for cell in cells:
        yield cell.text, cell


def _figure(tok: str) -> Decimal | None:
    if not _NUMBER.match(tok):
        return None
    try:
        return Decimal(tok.rstrip(".").replace(",", ""))
    except InvalidOperation:
        return None


def _rows(tokens: Iterable[tuple[str, Piece]], ncols: int) -> list[_Row]:
    rows: list[_Row] = []
    parent_depth = -1  # depth of the last unnumbered row (numbered rows sit under it)
    sub_depth: int | None = None  # depth of the rows after 其中, until a numbered row
    for tok, cell in tokens:
        value = _figure(tok)
        if value is not None:
            if not rows or len(rows[-1].figures) >= ncols:
                break  # more figures than columns: not a row of this table
            rows[-1].figures.append((value, tok.rstrip("."), cell.location))
            continue
        if tok in ("|", "｜"):
            continue
        if _END.search(tok) or len(tok) > _MAX_LABEL or tok.endswith("%"):
            break
        if tok.endswith((":", "：")) and not _QIZHONG.match(tok):
            parent_depth, sub_depth = 0, None  # a section head: 项目支出:
            rows.append(_Row(tok, cell, 0))
            continue
        if _QIZHONG.match(tok):
            prev = rows[-1].depth if rows else 0
            sub_depth = prev + 1
            depth = sub_depth
            tok = _QIZHONG.sub("", tok)
            if not tok:
                continue
        elif _NUMBERED.match(tok):
            sub_depth = None
            depth = parent_depth + 1 if parent_depth >= 0 else 0
        elif sub_depth is not None:
            depth = sub_depth
        else:
            depth = 0
            parent_depth = 0
        rows.append(_Row(tok, cell, depth))
    return rows


def _children(rows: Sequence[_Row], i: int) -> list[int]:
    out = []
    for j in range(i + 1, len(rows)):
        if rows[j].depth <= rows[i].depth:
            break
        if rows[j].depth == rows[i].depth + 1:
            out.append(j)
    return out


def _parent(rows: Sequence[_Row], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if rows[j].depth < rows[i].depth:
            return j
    return None


def _column(row: _Row, col: int) -> Decimal | None:
    if row.placed is None:
        return None
    for (value, _, _), c in zip(row.figures, row.placed, strict=True):
        if c == col:
            return value
    return Decimal(0)


def _sums_holding(rows: Sequence[_Row], parent: int, ncols: int) -> int:
    """Columns where the parent's figure is the sum of its parts' (a blank part counts 0)."""
    kids = _children(rows, parent)
    parent_cols = rows[parent].placed
    if not kids or parent_cols is None or any(rows[k].placed is None for k in kids):
        return 0
    held = 0
    for col in range(ncols):
        total = _column(rows[parent], col)
        if total is None or col not in parent_cols:
            continue
        parts = [_column(rows[k], col) for k in kids]
        if sum(p for p in parts if p is not None) == total:
            held += 1
    return held


def _place(rows: list[_Row], ncols: int) -> list[str]:
    """Full rows fill their columns; a short row takes the placement the sums confirm."""
    notes = []
    short = []
    for i, row in enumerate(rows):
        if not row.figures:
            row.placed = ()  # a heading or an empty row: its parts' sums are not checked
        elif len(row.figures) == ncols:
            row.placed = tuple(range(ncols))
        elif row.figures:
            short.append(i)
            row.placed = tuple(range(ncols - len(row.figures), ncols))  # provisional
    for i in short:
        row = rows[i]
        families = [p for p in (_parent(rows, i), i) if p is not None]
        best: list[tuple[int, tuple[int, ...]]] = []
        for cols in combinations(range(ncols), len(row.figures)):
            row.placed = cols
            best.append((sum(_sums_holding(rows, f, ncols) for f in families), cols))
        best.sort(key=lambda b: -b[0])
        if best[0][0] > 0 and (len(best) == 1 or best[0][0] > best[1][0]):
            row.placed = best[0][1]
        else:
            row.placed = None
            where = row.cell.location
            notes.append(
                f"{_where(where)}基础数据表“{row.label}”只印了 {len(row.figures)} 个数（表头有 {ncols} 列），"
                "各部分之和不能确认它们属于哪几列，未读取"
            )
    return notes


def _where(location: Location | None) -> str:
    return f"{location}：" if location is not None else ""


def read_base_data(document: Document) -> BaseData | None:
    """The fund rows of a 基础数据表 whose money columns are named by year, or None."""
    header = _header(document)
    if header is None:
        return None
    roles, tokens = header
    if "budget" not in roles or "actual" not in roles:
        return None
    ncols = len(roles)
    rows = _rows(tokens, ncols)
    notes = _place(rows, ncols)
    funds = []
    for row in rows:
        if not row.placed:
            continue
        values: dict[str, Num] = {}
        for (value, text, loc), col in zip(row.figures, row.placed, strict=True):
            role = roles[col]
            if role is not None:
                values[role] = Num(value, text, None, loc)
        if not values:
            continue
        label = strip_numbering(row.label).rstrip(":：")
        funds.append(
            FundRow(
                label=Text(label, row.cell.location),
                line=fund_line(label_key(label)),
                depth=row.depth,
                budget=values.get("budget"),
                actual=values.get("actual"),
                location=row.cell.location,
            )
        )
    if len(funds) < 2:
        return None
    return BaseData(tuple(funds), tuple(notes))
