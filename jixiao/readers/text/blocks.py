"""Turn lines of text into Tables and Paragraphs, one function per layout."""

from __future__ import annotations

import re
import unicodedata

from jixiao.document import Block, Cell, Paragraph, Table
from jixiao.extract.paired_measures import second_measure_line
from jixiao.extract.vocab import column_role, field_of, is_level1, is_level2
from jixiao.measure import before_pattern
from jixiao.model import Location
from jixiao.readers.text import single_space
from jixiao.readers.text.bar_parted import bar_parted_cells
from jixiao.readers.text.broken_rows import join_broken_rows
from jixiao.readers.text.figure_tails import join_figure_tails
from jixiao.readers.text.layout import table_on_one_line, token_row
from jixiao.readers.text.single_spaced import cell_row, single_spaced_text
from jixiao.readers.text.spans import line_spans as _spans
from jixiao.textnorm import halfwidth, label_key

_SPACE_RUN = re.compile(r"(?: {2,}|\u3000+|\t+)")


# a line longer than this holds many cells (a table printed on one line): its cells are
# located by line and character column (文件.txt:1:345)
LONG_LINE = 200


def _loc(source: str, line: int, column: int | None = None) -> Location:
    return Location(source, line=line, column=column)


def _column(line: str, start: int) -> int | None:
    """The 1-based column of a cell that starts at ``start`` in a long line; None in a short
    one (its line number finds it)."""
    return start + 1 if len(line) > LONG_LINE else None


def _split_at(line: str, sep: str) -> list[tuple[str, int | None]]:
    """``line`` split on ``sep``: each part stripped, with its column in a long line."""
    out: list[tuple[str, int | None]] = []
    long = len(line) > LONG_LINE  # as in _column, decided once per line
    at = 0
    step = len(sep)
    for part in line.split(sep):
        text = part.strip()
        if long:
            out.append((text, at + len(part) - len(part.lstrip()) + 1))
        else:
            out.append((text, None))
        at += len(part) + step
    return out


def paragraphs(lines: list[str], source: str, first: int = 0) -> list[Block]:
    """Each nonblank line a paragraph (line numbers 1-based from ``first``)."""
    return [
        Paragraph(ln.strip(), _loc(source, first + i + 1))
        for i, ln in enumerate(lines)
        if ln.strip()
    ]


def stream_table(cells: list[tuple[str, int, int | None]], source: str) -> Table:
    """A table with one cell per row: the reader cannot know the rows (say so in the layout).
    Each cell: (text, line, column in a long line or None)."""
    return Table(
        tuple((Cell(text, _loc(source, line, column)),) for text, line, column in cells),
        _loc(source, cells[0][1] if cells else 1),
    )


# -- tabbed -------------------------------------------------------------------------------


def tabbed(lines: list[str], source: str) -> list[Block]:
    """Word's table copied as text: each cell starts with a tab; a line without a tab continues
    the cell above (a wrapped cell: ``年度\\n\\n指标值``); a blank line after a cell ends the row;
    text after two blank lines, or before the first cell, is a paragraph."""
    # an Excel (or web page) copy whose first column is a merged cell starts many rows with a
    # tab too, but its lines hold a whole row; Word's lines hold one cell each
    multi = sum(1 for ln in lines if ln.count("\t") >= 2)
    single = sum(1 for ln in lines if ln.startswith("\t") and ln.count("\t") == 1)
    excel_style = multi > single
    if excel_style:
        lines = join_broken_rows(lines)  # a cell's line break broke its row in two lines
    blocks: list[Block] = []
    rows: list[tuple[Cell, ...]] = []
    row: list[list] = []  # [text, line, column]
    blanks = 0
    last_was_cell_line = False

    def flush_row() -> None:
        nonlocal row
        if row:
            here: dict[tuple[int, int | None], Location] = {}  # one place per line and column
            rows.append(
                tuple(
                    Cell(
                        t, here.get((ln, col)) or here.setdefault((ln, col), _loc(source, ln, col))
                    )
                    for t, ln, col in row
                )
            )
        row = []

    def flush_table() -> None:
        nonlocal rows
        flush_row()
        if rows:
            if max(len(r) for r in rows) > 24:
                # no blank lines between rows: the rows are unknown, read it as a stream
                blocks.append(Table(tuple((c,) for r in rows for c in r), rows[0][0].location))
            else:
                blocks.append(Table(tuple(rows), rows[0][0].location))
        rows = []

    for i, raw in enumerate(lines):
        n = i + 1
        line = raw.rstrip("\r\n")
        if not line.strip() and "\t" not in line:
            blanks += 1
            continue
        if excel_style and "\t" in line:
            flush_row()
            row = [[c, n, col] for c, col in _split_at(line, "\t")]
            flush_row()
            blanks = 0
            continue
        if line.startswith("\t"):
            if blanks and last_was_cell_line:
                flush_row()
            for piece, col in _split_at(line, "\t")[1:]:
                row.append([piece, n, col])
            last_was_cell_line = True
        elif row and blanks <= 1 and not (blanks and _opens_form_part(line)):
            # continuation of the cell above (blank lines inside a cell are kept as one break)
            row[-1][0] = (row[-1][0] + "\n" + line.strip()).strip("\n")
            last_was_cell_line = False
        else:
            flush_table()
            blocks.append(Paragraph(line.strip(), _loc(source, n)))
            last_was_cell_line = False
        blanks = 0
    flush_table()
    return blocks


_FORM_TITLE = re.compile(r"(?:19|20)\d{2}\s*年.{0,40}(?:自评表|评价表|自评报告)\s*$")


def _opens_form_part(line: str) -> bool:
    """A line after a row's blank line that opens a part of its own — a form title
    (``2023年度…自评表``) or a header field (``项目名称：…``) — is a paragraph between tables,
    not the rest of the cell above."""
    text = line.strip()
    if _FORM_TITLE.search(text):
        return True
    label, colon, _ = text.partition("：") if "：" in text else text.partition(":")
    return bool(colon) and field_of(label_key(label)) is not None


# -- pipe ---------------------------------------------------------------------------------


def pipe(lines: list[str], source: str) -> list[Block]:
    """Cells separated by ``|``. When (nearly) every line holds one cell, the page was
    flattened one cell per line: the rows are unknown and the table is a stream."""
    piped = [(ln, i + 1) for i, ln in enumerate(lines) if ln.strip()]
    one_cell = sum(1 for ln, _ in piped if len([c for c in ln.split("|") if c.strip()]) <= 1)
    if one_cell >= 0.85 * len(piped):
        # cells on lines of their own with bars on the lines between: a bar line separates
        # two cells, it is not an empty cell
        bare = sum(1 for ln, _ in piped if not ln.replace("|", "").strip())
        texts = sum(1 for ln, _ in piped if "|" not in ln)
        separators = bare >= 0.3 * len(piped) and texts >= 0.3 * len(piped)
        if separators:
            piped = bar_parted_cells(piped) or piped  # a cell wrapped between two bars
        cells: list[tuple[str, int, int | None]] = []
        for ln, n in piped:
            if "|" not in ln:
                cells.append((ln.strip(), n, _column(ln, len(ln) - len(ln.lstrip()))))
                continue
            if separators and not ln.replace("|", "").strip():
                continue
            parts = _split_at(ln, "|")
            # "text |" is one cell; "|" alone is an empty cell
            for part, col in parts[:-1] if ln.rstrip().endswith("|") else parts:
                cells.append((part, n, col))
        return [stream_table(cells, source)]
    blocks: list[Block] = []
    rows: list[tuple[Cell, ...]] = []
    piped = _join_open_rows(piped)
    for ln, n in piped:
        if "|" not in ln:
            if rows:
                blocks.append(Table(tuple(join_figure_tails(rows)), rows[0][0].location))
                rows = []
            blocks.append(Paragraph(ln.strip(), _loc(source, n)))
            continue
        parts = _split_at(ln, "|")
        if parts and not parts[0][0] and ln.lstrip().startswith("|"):
            parts = parts[1:]
        if len(parts) > 1 and not parts[-1][0] and ln.rstrip().endswith("|"):
            parts = parts[:-1]  # "| a | b |": the closing bar ends the last cell
        line_loc = _loc(source, n)  # the cells of a short line share their place
        rows.append(
            tuple(Cell(p, line_loc if col is None else _loc(source, n, col)) for p, col in parts)
        )
    if rows:
        blocks.append(Table(tuple(join_figure_tails(rows)), rows[0][0].location))
    return blocks


def _join_open_rows(piped: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Where rows end with a bar, a row that does not goes on in the next line: its last cell
    was cut (by a page marker, a line break inside the cell) — ``…完成意识形态专`` / ``题研究会…``."""
    with_bar = [ln for ln, _ in piped if "|" in ln]
    closed = sum(1 for ln in with_bar if ln.rstrip().endswith("|"))
    if not with_bar or closed < 0.8 * len(with_bar):
        return piped
    out: list[tuple[str, int]] = []
    for ln, n in piped:
        prev = out[-1][0] if out else ""
        if (
            out
            and "|" in prev
            and "|" in ln
            and not ln.lstrip().startswith("|")
            and not prev.rstrip().endswith("|")
            and _FILLED_CELL_END.search(prev)
        ):
            out[-1] = (prev.rstrip() + ln.strip(), out[-1][1])
            continue
        out.append((ln, n))
    return out


_FILLED_CELL_END = re.compile(r"\|[^|]*\S$")


# -- spaced -------------------------------------------------------------------------------


def spaced(lines: list[str], source: str, notes: list[str] | None = None) -> list[Block]:
    """Cells separated by spaces. Lines with runs of two or more spaces are rows split on those
    runs; an indented line without figures under a row continues that row's cells (a cell
    wrapped over lines, as ``pdftotext -layout`` prints it), matched by column position; a line
    of figures only under a row still short of the header's cells ends that row. Long
    lines with single spaces (a whole table on one line) become a stream of tokens. Rows whose
    cells are parted by one space are cut by their words (:mod:`.single_space`); ``notes``
    gets a note for each wrapped line left unread."""
    blocks: list[Block] = []
    stream: list[tuple[str, int, int | None]] = []
    rows: list[list[list]] = []  # row → [text, line, start, end, end of its last line]
    header_width = 0  # cells of the widest header row so far (four or more cells, no figures)
    # the rows that took a line of figures, with their width before it
    joined: list[tuple[list[list], int]] = []
    overlong = False  # a row with more cells than its header: line breaks inside rows
    # rows whose cells are parted by one space (PDF text without layout): cut by their words
    single = single_space.single_rows(lines)
    goal_columns = 0  # the text columns of a goal header on the line before
    last_single = False  # the last row came from a single-spaced line
    single_doc = single_spaced_text(lines)  # one space between cells, no alignment
    for i, ln in enumerate(lines):
        n = i + 1
        raw = _spaced_date(ln.expandtabs(4).rstrip())
        text = raw.strip()
        if not text:
            continue
        if not _SPACE_RUN.search(text) and (
            (len(text) > LONG_LINE and not single) or table_on_one_line(text)
        ):
            stream.extend((m.group(0), n, m.start() + 1) for m in _TOKEN.finditer(raw))
            continue
        if single and not _SPACE_RUN.search(text):
            got = single_space.cells(text, goal_columns)
            if got is None and rows and rows[-1][0][1] == n - 1 and last_single:
                above = [c[0] for c in rows[-1]]
                follow = single_space.values_follow(lines, i)
                k = single_space.wrapped_into(text, above, follow)
                if k is not None:
                    rows[-1][k][0] += text  # the rest of a wrapped cell
                    continue
                if single_space.continuation(text, above, follow):
                    # the rest of one of several text cells: which one nothing tells
                    if notes is not None:
                        notes.append(
                            f"{source}:{n}：“{text}”是上一行某个单元格换行后的部分，"
                            "上一行有几个文字格，属于哪一格无法确定，未读取"
                        )
                    continue
            spans = _spans_of(raw, got) if got else [(0, _width(text), text)]
            rows.append([[piece, n, start, end, end] for start, end, piece in spans])
            goal_columns = single_space.goal_columns(got) if got else 0
            last_single = True
            continue
        last_single = False
        spans = _spans(raw, single=token_row(raw) or (single_doc and cell_row(raw)))
        if rows and _continues(spans, rows[-1]):
            for start, end, piece in spans:
                cell = max(rows[-1], key=lambda c: _overlap(c[2], c[3], start, end))
                cell[0] = cell[0] + "\n" + piece
                cell[4] = end
            continue
        if rows and _figures_continue(spans, rows[-1], header_width):
            joined.append((rows[-1], len(rows[-1])))
            rows[-1] += [[piece, n, start, end, end] for start, end, piece in spans]
            continue
        rows.append([[piece, n, start, end, end] for start, end, piece in spans])
        if len(spans) >= 4 and not any(_VALUE.match(halfwidth(t)) for _, _, t in spans):
            header_width = max(header_width, len(spans))  # a row of text is no narrower header
        elif header_width and len(spans) > header_width:
            overlong = True
    if joined and overlong:
        rows = _unjoin(rows, joined)
    if not single and not single_doc and not _fullwidth_parted(lines):
        rows = _blank_cells_by_column(rows)
    multi = [k for k, r in enumerate(rows) if len(r) > 1]
    after: list[Block] = []
    if multi:
        # single-cell lines before the first row of cells (the title) and after the last one
        # (the report that follows the table) are paragraphs, not rows
        first, last = multi[0], multi[-1]
        blocks += [Paragraph(r[0][0], _loc(source, r[0][1])) for r in rows[:first]]
        after = [Paragraph(r[0][0], _loc(source, r[0][1])) for r in rows[last + 1 :]]
        table = rows[first : last + 1]
        table_rows = tuple(tuple(Cell(c[0], _loc(source, c[1])) for c in r) for r in table)
        blocks.append(Table(table_rows, table_rows[0][0].location))
    elif rows:
        # no row of cells: lines before the end of a one-line table belong to its stream, the
        # lines after it (the report) are paragraphs
        stream_end: int | None = max((line for _, line, _ in stream), default=None)
        head = [r for r in rows if stream_end is None or r[0][1] < stream_end]
        after = [Paragraph(r[0][0], _loc(source, r[0][1])) for r in rows[len(head) :]]
        stream = [(r[0][0], r[0][1], None) for r in head] + stream
    if stream:
        blocks.append(stream_table(stream, source))
    return blocks + after


def _fullwidth_parted(lines: list[str]) -> bool:
    """Cells parted by one full-width space each (U+3000), not by runs of spaces: the columns
    are not aligned, so a cell's position tells nothing of its column."""
    parted = sum(1 for ln in lines if "\u3000" in ln.strip() and "  " not in ln.strip())
    spaced = sum(1 for ln in lines if "  " in ln.strip())
    return parted >= 5 and spaced == 0


def _blank_cells_by_column(rows: list[list[list]]) -> list[list[list]]:
    """Blank cells back in place where the columns are aligned (``pdftotext -layout``).

    Under a header (a row of four or more cells without figures), a row with figures and
    fewer cells, whose cells each start where a header column starts, whose leading text cells
    sit in adjacent columns and whose values follow them in order, gets an empty cell for
    every column it leaves out. Rows that do not line up so (cells joined by any run of
    spaces; a header cell spanning two columns, whose text cells then skip a column) stay as
    they are."""
    header: list[int] | None = None
    out = []
    for row in rows:
        values = [_VALUE.match(halfwidth(c[0])) is not None for c in row]
        if len(row) >= 4 and not any(values):
            header = [c[2] for c in row]
        elif header is not None and any(values) and 2 <= len(row) < len(header):
            row = _gridded(row, values, header) or row
        out.append(row)
    return out


def _gridded(row: list[list], values: list[bool], header: list[int]) -> list[list] | None:
    found = [_column_at(header, c[2]) for c in row]
    cols = [k for k in found if k is not None]
    if len(cols) < len(found) or any(a >= b for a, b in zip(cols, cols[1:], strict=False)):
        return None
    first = values.index(True)
    if first == 0 and cols[0] == 0 and not values[-1]:
        return None  # figures first and the label after them: another reading order
    lead = cols[:first]
    if any(b != a + 1 for a, b in zip(lead, lead[1:], strict=False)):
        return None  # the text cells skip a column: the header's columns are not the row's
    full: list[list] = [["", row[0][1], at, at, at] for at in header]
    for k, c in zip(cols, row, strict=True):
        full[k] = c
    return full


# a blank mark, or a figure after an operator of jixiao.measure's table (as printed)
_VALUE = re.compile(rf"^(?:[-－—/／]$|(?:{before_pattern(printed=True)})?\s*[-+]?\d)")


def _column_at(starts: list[int], at: int) -> int | None:
    """The header column a cell starting at display column ``at`` lines up with (its left
    edge within one wide character of the column's)."""
    for k, s in enumerate(starts):
        if abs(at - s) <= 2:
            return k
    return None


# a date or a year printed with spaces by a PDF converter (2020 年市级…, 2021 年 4 月 22 日)
_SPACED_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2}) ?年(?: ?(\d{1,2}) ?月(?: ?(\d{1,2}) ?日)?)?")


def _spaced_date(line: str) -> str:
    if "年" not in line:
        return line
    return _SPACED_DATE.sub(_joined_date, line)


def _joined_date(m: re.Match[str]) -> str:
    year, month, day = m.groups()
    return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")


_TOKEN = re.compile(r"\S+")
_FIGURE = re.compile(r"^[-+]?\d+(?:\.\d+)?\s*[%％]?$")


def _spans_of(line: str, cells: list[str]) -> list[tuple[int, int, str]]:
    """The display columns of ``cells``, found in order in ``line`` (:func:`_spans`)."""
    out: list[tuple[int, int, str]] = []
    at = 0
    for c in cells:
        start = line.find(c, at)
        at = start + len(c)
        left = _width(line[:start])
        out.append((left, left + _width(c), c))
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> float:
    inter = min(a1, b1) - max(a0, b0)
    return inter if inter > 0 else -min(abs(a0 - b0), abs(a1 - b1)) / 100


def _continues(spans: list[tuple[int, int, str]], above: list[list]) -> bool:
    """An indented line without figures, each cell under one of the above row's cells, with
    fewer cells than a row that holds figures — or, under a row of text only, each cell
    starting where a cell above starts whose text filled its column: the rest of wrapped
    cells, not a row of its own."""
    if not spans or len(above) < 2 or len(spans) > len(above):
        return False
    margin = spans[0][0] == 0
    if margin and not _wrapped_header(spans, above):
        return False
    if any(_FIGURE.match(halfwidth(t)) for _, _, t in spans):
        return False
    if not all(max(_overlap(c[2], c[3], s, e) for c in above) > 0 for s, e, _ in spans):
        return False
    if margin:
        # a header wrapped in its columns: its cells need not fill them (the widest body
        # cell sets a column's width)
        return not any(
            label_key(t).endswith("指标") and is_level1(label_key(t)) for _, _, t in spans
        )
    if _starts_labels_row(spans, above) or second_measure_line(spans[0][2], [c[0] for c in above]):
        return False
    if any(_FIGURE.match(halfwidth(c[0])) or "%" in halfwidth(c[0]) for c in above):
        return len(spans) < len(above)
    # a row of text only (年初设定目标 | 全年完成情况): the line continues it when each piece
    # starts where a cell above starts and that cell's last line filled its column
    starts = {c[2]: k for k, c in enumerate(above)}
    for s, _, _ in spans:
        k = starts.get(s)
        if k is None:
            return False
        if k + 1 < len(above) and above[k + 1][2] - above[k][4] > _FULL_GAP:
            return False
    return True


def _wrapped_header(spans: list[tuple[int, int, str]], above: list[list]) -> bool:
    """A line at the margin continues the row above only when that row is the indicator
    table's header (four or more cells, no figure, the header's words) wrapped in its columns:
    fewer pieces than above, none a field label of its own, every piece starting where a
    header cell starts (``年度指`` / ``标值``, a merged ``绩效`` / ``指标`` in the first column)."""
    if len(above) < 4 or len(spans) >= len(above):
        return False
    if any(_FIGURE.match(halfwidth(c[0])) or len(c[0]) > 8 for c in above):
        return False  # a header's cells are short words, wrapped ones shorter still
    if len(_HEADER_PARTS.findall("".join(c[0] for c in above))) < 2:
        return False
    if any(len(t) >= 3 and field_of(label_key(t)) for _, _, t in spans):
        return False
    starts = {c[2]: c[0] for c in above}
    if not all(s in starts for s, _, _ in spans):
        return False
    # two whole column words one above the other are two rows (a header broken between rows)
    return not any(
        column_role(label_key(t)) and column_role(label_key(starts[s])) for s, _, t in spans
    )


# words of the indicator table's header that survive a wrap in their first half
_HEADER_PARTS = re.compile(r"一级|二级|三级|分值|权重|标准分|得分|评分|指标值|目标|完成|实际")


def _unjoin(rows: list[list[list]], joined: list[tuple[list[list], int]]) -> list[list[list]]:
    """The lines of figures as rows of their own again: where rows carry more cells than their
    header the line breaks fall inside rows, and the cells are better read again in order."""
    cut = {id(row): width for row, width in joined}
    out: list[list[list]] = []
    for row in rows:
        width = cut.get(id(row))
        if width is None:
            out.append(row)
        else:
            out += [row[:width], row[width:]]
    return out


def _figures_continue(spans: list[tuple[int, int, str]], above: list[list], width: int) -> bool:
    """A line of figures only (``12  9.84``, ``10  10``) under a labelled row that, with them,
    still has no more cells than the header above: PDF text printing the row's last figures on
    the next line. Without a header nothing says the row is short, so the line stays a row."""
    if not width or not spans or len(above) < 2 or len(above) + len(spans) > width:
        return False
    if _VALUE.match(halfwidth(above[0][0])):
        return False  # the row above has no label of its own
    if len(above) < 4 and not any(_VALUE.match(halfwidth(c[0])) for c in above):
        return False  # a short row of text (年初设定目标 | 全年完成情况): not a row of figures
    if not all(_BARE_FIGURE.match(halfwidth(t)) for _, _, t in spans):
        return False
    # a piece starting where a figure above starts is that figure wrapped (aligned columns)
    figure_starts = {c[2] for c in above if _VALUE.match(halfwidth(c[0]))}
    return not any(start in figure_starts for start, _, _ in spans)


# a figure alone (a wrapped text cell may start with digits: 2021年度低收入…, 518人。)
_BARE_FIGURE = re.compile(
    r"^(?:[≥≤<>=]?\s*[-+]?\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,3})?|[-－—/／])$"
)


def _starts_labels_row(spans: list[tuple[int, int, str]], above: list[list]) -> bool:
    """A line of labels of a row of its own, not the rest of wrapped cells: it holds a whole
    category named with 指标 (``质量指标``; such a category wraps as ``…满意度`` / ``指标``, and
    ``数量`` may be the rest of ``覆盖社区（村）``), or a piece that cannot be the rest of the
    cell above it (the row's labels printed apart from its values, PDF reading order)."""
    for _, _, t in spans:
        key = label_key(t)
        if key.endswith("指标") and (is_level1(key) or is_level2(key)):
            return True
    for s, e, t in spans:
        cell = max(above, key=lambda c: _overlap(c[2], c[3], s, e))
        if len(t) > 2 and _FIGURE.match(halfwidth(cell[0])):
            return True  # words under a figure: a figure does not wrap into words (a unit might)
        widths = [_width(ln) for ln in cell[0].split("\n")]
        # a wrapped cell fills each line to its column's width before the next one: a cell
        # whose last line stopped short had ended, a line wider than the column is no part of it
        if widths[-1] < max(widths) - 2 or e - s > max(widths) + 2:
            return True
    return False


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_FULL_GAP = 3  # a filled cell: the two-space separator, and a column a wide character did not fit


# -- vertical / other ---------------------------------------------------------------------


_PAGE_NUMBER = re.compile(r"^(\d{1,3})、")


def one_per_line(lines: list[str], source: str) -> list[Block]:
    """One cell per nonblank line (vertical layout; run-together lines): a stream table.

    Document-sharing sites start each page with its number (``1、``, ``2、`` …); when the
    lines that start with a number count 1, 2, 3 …, those numbers are page furniture."""
    cells = [
        (ln.strip(), i + 1, _column(ln, len(ln) - len(ln.lstrip())))
        for i, ln in enumerate(lines)
        if ln.strip()
    ]
    numbered = [(k, m) for k, (text, _, _) in enumerate(cells) if (m := _PAGE_NUMBER.match(text))]
    if len(numbered) >= 2 and [int(m.group(1)) for _, m in numbered] == list(
        range(1, len(numbered) + 1)
    ):
        for k, m in numbered:
            text, line, column = cells[k]
            cells[k] = (text[m.end() :], line, column + m.end() if column is not None else None)
    return [stream_table(cells, source)] if cells else []
