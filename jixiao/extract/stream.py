"""Streams of cells without rows → logical rows for :class:`~jixiao.extract.form.FormBuilder`.

Vertical text, a table flattened onto one line and run-together text give the cells in
reading order but not the rows. The assembler rebuilds rows from what the cells are: a
header label starts or extends a header row; a field label takes the next cell as its
value; a fund label, an indicator category, a numbered name (``指标6：``) or a total label
starts a row; values join the row until the header's columns are filled; other text is a
name, or a target/actual/reason where the next column expects text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jixiao.document import Cell
from jixiao.extract import vocab
from jixiao.extract.figure_spaces import leading_figures
from jixiao.extract.form import FormBuilder
from jixiao.extract.fund_rate_check import rate_confirmed
from jixiao.extract.labelled_pairs import labelled_line
from jixiao.extract.runtogether import glued_figures, split_fund_values, split_indicator_rows
from jixiao.extract.values import (
    align,
    compat,
    infer_fund_roles,
    is_blank,
    looks_like_value,
    norm_value,
)
from jixiao.extract.vocab import Role
from jixiao.extract.wrapped_cells import rejoin_wrapped_row
from jixiao.measure import UNITS, parse_number
from jixiao.textnorm import clean, label_key, strip_points

# the total score printed among the header fields, before the tables
_TOTAL_FIELDS = frozenset({"自评得分", "自评总分"})
_TRAILING_FIGURE = re.compile(r"[\d.]+$")
_MEASURE_MARK = re.compile(r"[%≥≤<>]|[^\d.]$")
_LEADING_LABEL = re.compile(r"^([^\d]*[^\d\s:：(（])[:：]?")
_NO_WORD = re.compile(r"[^\w]*")
_LEADING_FIGURE = re.compile(r"[\d.]+")
# a fund row's figures and then its label (PDF order): 461.07448.5497.28%－－其中：人员支出
_FIGURES_THEN_LABEL = re.compile(r"^([\d.%\-－—/／]+)([^\d.%\-－—/／][^\d]*)$")
_COLON = re.compile(r"[:：]")
_ENDS_IN_DIGIT = re.compile(r"\d$")

_NUMBERED = re.compile(r"^(指标\s*\d+\s*[:：.、]|其中|[(（]\d+[)）]|\d+[.、](?!\d))")
_UNIT_WORDS = frozenset(UNITS)
_ONE_ROW = re.compile(r"^(指标\s*\d+\s*[:：.、]|[(（]\d+[)）])")  # a numbered item is one row
_HEADER_WORDS = (
    "年度指标值",
    "实际完成值",
    "全年实际值",
    "全年预算数",
    "全年执行数",
    "年初预算数",
    "调整后预算数",
    "预算执行数",
    "预算执行率",
    "指标性质",
    "度量单位",
    "偏差原因分析及改进措施",
    "未完成原因分析",
)
_ANNOTATION_END = re.compile(r"[(（][A-Za-z/÷×*+-]{1,5}[)）]$")
_FORMULA = re.compile(r"[÷×*/=+]")
# the columns an indicator row is read by where no header names them (the builder tells the
# real order from the values' shapes; this only says where a row ends)
_HEADERLESS_ROLES = (Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE, Role.DEVIATION)
_TITLE_WORDS = re.compile(r"表|报告|绩效|评价|情况")
_CHECKBOX = re.compile(r"[□■☐☑☒√✓✔]+")
_BOX_CHARS = frozenset("□■☐☑☒√✓✔")
_BRACKETED = re.compile(r"[(（][^()（）]{1,16}[)）]")
# a figure misread by OCR as letters (O for 0, l or I for 1)
_OCR_LETTERS = re.compile(r"[OoIl]{1,2}")
# a short cell of words (a piece of a wrapped label): no figure, at most 16 characters
_LABEL_PIECE = re.compile(r"\s*[^\d\s][^\d]{0,15}$")


# the second line of a wrapped fund label (年度财政 / 资金总额); a whole label such as
# 年度资金总额 starts a row of its own
_FUND_TAILS = frozenset({"资金总额", "总额", "财政拨款", "拨款"})
_ANNOTATION = re.compile(r"^[(（][A-Za-z][A-Za-z/÷×*+-]{0,4}[)）]$")


def _names_a_label(key: str) -> bool:
    return bool(
        vocab.column_role(key)
        or vocab.is_level1(key)
        or vocab.is_level2(key)
        or vocab.section_of(key)
        or vocab.field_of(key)
        or vocab.fund_line(key)
    )


def _joins(a: str, b: str, b_text: str) -> bool:
    """Whether label keys ``a`` and ``b`` are the two lines of one wrapped label: two pieces
    that name a label only together (``可持续影`` + ``响指标``, ``年度财政`` + ``资金总额``), a
    header word and its first part (``年初`` + ``预算数``, ``实际`` + ``完成值``), a category and
    ``指标`` (``经济效益`` + ``指标``), or a column label and its mark (``预算数`` + ``(A)``)."""
    if _ANNOTATION.match(b_text.strip()):
        return vocab.column_role(a) is not None
    joined = a + b
    if b == "指标":
        return bool(
            vocab.is_level1(joined) or vocab.is_level2(joined) or vocab.column_role(joined)
        )  # 经济效益 + 指标, 一级 + 指标
    if not _names_a_label(joined) or vocab.column_role(a):
        return False
    if not _names_a_label(b) and (not _names_a_label(a) or vocab.section_of(joined)):
        return True  # 可持续影 + 响指标, 预算执行 + 情况(万元)
    if not _names_a_label(a) and 2 <= len(a) <= 4 and b in _FUND_TAILS:
        return vocab.fund_line(joined) == vocab.fund_line(b)  # 年度财政 + 资金总额
    return any(joined in w for w in _HEADER_WORDS) and any(a in w for w in _HEADER_WORDS)


# the fund column orders that exist, to cut a run of figures where no header names them
_FUND_ORDERS = (
    (Role.BUDGET, Role.SPENT, Role.RATE),
    (Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE),
    (Role.BUDGET, Role.SPENT, Role.WEIGHT, Role.RATE, Role.SCORE),
    (Role.INITIAL, Role.BUDGET, Role.SPENT, Role.WEIGHT, Role.RATE, Role.SCORE),
    (Role.BUDGET, Role.SPENT, Role.RATE, Role.WEIGHT, Role.SCORE),
    (Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE, Role.WEIGHT, Role.SCORE),
)


def _split_headerless_fund(text: str) -> tuple[str, ...] | None:
    """A run of fund figures (``3030.0029.5098.33%``) where no header names the columns: cut by
    the column orders that exist, the first cut whose 执行率 = 执行数 ÷ 预算数 and that leaves
    no figure unread."""
    for roles in _FUND_ORDERS:
        values = split_fund_values(text, roles, complete=True)
        if values is None or len([v for v in values if v]) != len(roles):
            continue
        placed, unread = infer_fund_roles(list(values))
        if Role.RATE in placed and not unread:
            return values
    return None


_MAX_FUND_RUN_CHARS = 60  # one row's figures run together: longer is no row of a form


def _two_fund_rows(
    text: str, roles: tuple[Role, ...]
) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """A run of two rows' figures (``824.80799.9396.98%－－74.1569.9494.32%－－``): the first
    cut after which both halves fill every column; (None, ()) when there is none."""
    if len(text) > 2 * _MAX_FUND_RUN_CHARS:
        return None, ()
    by_points = roles[-1] in (Role.WEIGHT, Role.SCORE)
    for k in range(2, len(text) - 1):
        if not (
            (text[k - 1] in "%－-—/／" or (by_points and text[k - 1].isdigit()))
            and (text[k].isdigit() or text[k] in "－-—/／")
        ):
            continue  # a row ends with its rate, its points or a printed blank
        first = split_fund_values(text[:k], roles, complete=True)
        if first is None or len(first) != len(roles):
            continue
        second = split_fund_values(text[k:], roles, complete=True)
        if second is not None and len(second) == len(roles):
            if text[k - 1].isdigit() and not (
                rate_confirmed(first, roles) and rate_confirmed(second, roles)
            ):
                continue  # a cut between two digits only where both rows' rates confirm it
            return first, second
    return None, ()


def _open_bracket(text: str) -> bool:
    if "(" not in text and "（" not in text:
        return False
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _join_brackets(cells: list[Cell]) -> list[Cell]:
    """A bracket cut by a space as one cell: ``(20`` + ``分)``, ``(20`` + ``分*执行率)``."""
    out: list[Cell] = []
    i, n = 0, len(cells)
    while i < n:
        c = cells[i]
        if i + 1 < n and len(c.text) <= 16 and _open_bracket(c.text):
            d = cells[i + 1]
            t = d.text.strip()
            if len(t) <= 16 and not _open_bracket(t) and t.endswith((")", "）")):
                out.append(Cell(c.text.strip() + t, c.location))
                i += 2
                continue
        out.append(c)
        i += 1
    return out


def _joins_three(cells: list[Cell]) -> bool:
    """A label wrapped onto three cells (``年度`` + ``总体`` + ``目标``): three short pieces
    that name a section or a column only all together."""
    if not all(_LABEL_PIECE.match(c.text) for c in cells):
        return False
    a, b, c = (label_key(x.text) for x in cells)
    if not (a and b and c) or max(len(a), len(b), len(c)) > 4:
        return False
    joined = a + b + c
    if not (vocab.section_of(joined) or vocab.column_role(joined) or vocab.is_goal_column(joined)):
        return False
    return not any(_names_a_label(k) for k in (a, b, a + b))  # 总体目标 alone is a label


def join_split_labels(cells: list[Cell]) -> list[Cell]:
    """A label wrapped onto two cells (``年初`` + ``预算数``, ``经济效益`` + ``指标``, ``实际`` +
    ``完成值``) as one cell: two short cells are joined when together they are a column label
    or an indicator category; a section's or category's points (``(20分)``) join it. The
    joined cell keeps the first's place."""
    cells = _join_brackets(cells)
    # wrapped label pieces are short words without figures: only those are keyed (each
    # cell is matched once here, not again for every join it could take part in)
    piece = [_LABEL_PIECE.match(c.text) is not None for c in cells]
    out: list[Cell] = []
    i = 0
    n = len(cells)
    while i < n:
        c = cells[i]
        if not piece[i]:
            out.append(c)
            i += 1
            continue
        if i + 2 < n and piece[i + 1] and piece[i + 2] and _joins_three(cells[i : i + 3]):
            text = "".join(x.text.strip() for x in cells[i : i + 3])
            out.append(Cell(text, c.location))
            i += 3
            continue
        if i + 1 < n:
            d = cells[i + 1]
            if piece[i + 1]:
                a, b = label_key(c.text), label_key(d.text)
                if a and b and len(a) <= 8 and len(b) <= 8 and _joins(a, b, d.text):
                    out.append(Cell(c.text.strip() + d.text.strip(), c.location))
                    i += 2
                    continue
        out.append(c)
        i += 1
    return _join_points(out)


def _join_points(cells: list[Cell]) -> list[Cell]:
    """A section's or a category's points in the next cell: ``预算执行情况`` + ``(20分)``."""
    out: list[Cell] = []
    for c in cells:
        if (
            out
            and _POINTS_CELL.fullmatch(c.text.strip())
            and len(out[-1].text) <= 24
            and _takes_points(label_key(out[-1].text))
        ):
            out[-1] = Cell(out[-1].text.strip() + c.text.strip(), out[-1].location)
            continue
        out.append(c)
    return out


_POINTS_CELL = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")


def _takes_points(key: str) -> bool:
    return bool(vocab.section_of(key) or vocab.is_level1(key) or vocab.is_level2(key))


_SENTENCE = re.compile(r"[。；;，,]|由于|因为|原因|措施|未完成|下一步|说明")
_REASON = re.compile(r"由于|因为|原因|未完成|未达|未能|受.{0,12}影响|措施|下一步|拟|将加强|偏差")


_CLAUSE_END = re.compile(r"[,，;；。]")


def _repeated_tail(text: str) -> int | None:
    """Where a run of goal text repeats its own last clauses (``改进,夯实基础,夯实基础,``):
    the 全年完成情况 copied from the 年初目标 after it. None when no clause repeats."""
    body = text.rstrip(",，;；。 ")
    for m in _CLAUSE_END.finditer(body):
        head, rest = body[: m.start()], body[m.end() :]
        if len(rest) >= 6 and head.endswith(rest):
            return m.end()
    return None


def _sentence(text: str) -> bool:
    """A reason in words: it ends a sentence (。) or says why (由于, 原因, 将加强 …)."""
    t = clean(text).strip()
    return len(t) >= 8 and (t.endswith("。") or bool(_REASON.search(t)))


def _one_numbered_row(text: str, roles: tuple[Role, ...]) -> tuple[tuple[str, ...], ...] | None:
    """A numbered item (``指标3：…``) is one row: when its text values cannot be told apart,
    keep the text as the name and read the points at its end (分值, 得分)."""
    points = tuple(r for r in roles if r in (Role.WEIGHT, Role.SCORE))
    m = _TRAILING_FIGURE.search(text)
    if not points or not m or not points_at_end(roles):
        return None
    values = split_fund_values(m.group(0), points, complete=True)
    if values is None:
        return None
    row = [""] * len(roles)
    for r, v in zip(points, values, strict=False):
        row[roles.index(r)] = v
    while row and not row[-1]:
        row.pop()
    return ((text[: m.start()], *row),)


def _measured(row: tuple[str, ...]) -> bool:
    """Whether a parsed row's values look like measures (a unit, %, an operator)."""
    return any(_MEASURE_MARK.search(v) for v in row[1:] if v and not v.isdigit())


def points_at_end(roles: tuple[Role, ...]) -> bool:
    """Whether 分值/得分 are the last value columns (but for a reason column)."""
    tail = [r for r in roles if r != Role.DEVIATION]
    return bool(tail) and tail[-1] in (Role.WEIGHT, Role.SCORE)


class StreamAssembler:
    def __init__(
        self,
        builder: FormBuilder,
        whole_cells: bool = False,
        early_figures: bool = True,
        column_role: Callable[[str], Role | None] | None = None,
    ) -> None:
        """``whole_cells``: every item is a whole cell of the source (one cell per line), not a
        token of text split on spaces or cut at labels, so positions can be trusted.
        ``early_figures``: figures beyond a full fund row belong to the next label (a stream in
        another reading order); off for a grid read again as a stream.
        ``column_role``: the column labels of another table's header (the lifecycle's target
        and monitoring tables, whose builder has the same ``feed``/``state``/headers); the
        self-evaluation's by default."""
        self.b = builder
        self.column_role = column_role or vocab.column_role
        self.row: list[Cell] = []
        self.kind: str | None = None  # header / kv / fund / ind / total / goal
        self.pending: list[Cell] | None = None  # last indicator row, held back one row
        self.forced_name: int | None = None  # a category word that is the name (社会效益)
        self.blanks_seen = whole_cells  # blank cells kept in place: positions can be trusted
        self.held: Cell | None = None  # text at the reason column, decided by the next cell
        # a fund row's label read before the fund header, its figures after it (PDF text in
        # another reading order): the figures that follow the header with no label are its
        self.orphan_fund: Cell | None = None
        # figures that came after a full fund row: the next label's, printed before it
        self.early_figures: list[Cell] = []
        self.early_values: list[Cell] = []  # the same for indicator rows
        self.reorder = early_figures

    # -- rows -------------------------------------------------------------------------------

    def _feed(self, row: list[Cell]) -> None:
        self.b.feed(row, grid=False)

    def flush(self) -> None:
        row, kind = self.row, self.kind
        self.row, self.kind, self.forced_name = [], None, None
        if not row:
            return
        if kind == "ind":
            self._flush_indicator(row)
            return
        if kind == "fund" and len(row) == 1 and self.b.fund_header is None:
            # a fund label before the fund header: its figures may come after the header
            self._drop_orphan()
            self.orphan_fund = row[0]
            return
        self._release()
        self._feed(row)

    def _headerless_section(self, key: str, text: str, state: str | None) -> str | None:
        """Where no header announced the tables (an excerpt, a header dropped): an indicator
        category starts the indicator rows, a fund label the fund rows; the builder tells the
        columns from the values' shapes and the form's arithmetic."""
        if state == "indicator" or (
            self.b.ind_header is not None and self.b.fund_header is not None
        ):
            return state
        if looks_like_value(text):
            return state
        bare = strip_points(key)
        if (
            self.b.ind_header is None
            and state != "indicator"
            and (vocab.is_level1(bare) or vocab.is_level2(bare))
        ):
            self.flush()
            self._release()
            self.b.start_headerless("indicator")
            return "indicator"
        if (
            state is None
            and self.b.fund_header is None
            and len(key) <= 12
            and not _TITLE_WORDS.search(key)
            and (
                (vocab.fund_line(key) is not None and not vocab.total_label(key))
                or vocab.fund_group(key) is not None  # 资金来源 before its 合计
            )
        ):
            self.flush()
            self._release()
            self.b.start_headerless("fund")
            return "fund"
        return state

    def _drop_orphan(self) -> None:
        """A fund label held for figures that never came is fed alone (a row without figures)."""
        if self.orphan_fund is not None:
            orphan, self.orphan_fund = self.orphan_fund, None
            if self.b.state in (None, "fund"):
                self._feed([orphan])

    def _release(self) -> None:
        if self.pending is not None:
            row, self.pending = self.pending, None
            self._feed(row)

    def _flush_indicator(self, row: list[Cell]) -> None:
        """Hold one indicator row back: when a row has no values and the next has twice as
        many as the columns, the values belong to both in order (a name wrapped before them).
        A row of header pieces only (``年度 | 实际``, the halves of 年度指标值 / 实际完成值
        wrapped before the header) is no indicator: its cells stay unread."""
        words = [label_key(c.text) for c in row if c.text.strip()]
        if len(words) >= 2 and all(self._header_fragment(w) for w in words):
            return
        ncols = self._ncols()
        prev = self.pending
        if prev is not None:
            prev_values = self._value_count(prev)
            values = self._value_count(row)
            if prev_values == 0 and ncols and values > ncols and self._has_name(prev):
                split_at = len(row) - ncols  # the last ncols values stay with this row
                take = row[len(row) - values : split_at]
                prev = prev + take
                row = row[: len(row) - values] + row[split_at:]
            elif self.b.ind_header is not None:
                whole = rejoin_wrapped_row(prev, row, list(self.b.ind_header.value_roles))
                if whole is not None:  # one row whose wrapped cells were read as two rows
                    self.pending = whole
                    return
            self._feed(prev)
        self.pending = row

    @staticmethod
    def _value_count(row: list[Cell]) -> int:
        """Values (not blanks) at the end of a row."""
        cells = list(row)
        while cells and is_blank(cells[-1].text):
            cells.pop()
        n = 0
        for c in reversed(cells):
            if looks_like_value(c.text):
                n += 1
            else:
                break
        return n

    @staticmethod
    def _has_name(row: list[Cell]) -> bool:
        for c in row:
            k = label_key(c.text) if c.text.strip() else ""
            if (
                k
                and not (vocab.is_level1(k) or vocab.is_level2(k))
                and not looks_like_value(c.text)
            ):
                return True
        return False

    def _ncols(self) -> int:
        h = self.b.ind_header
        return len(h.value_roles) if h is not None else 4

    def _next_role(self) -> Role | None:
        """The column the next value of the current row would fill (by position)."""
        if self.kind == "ind":
            h = self.b.ind_header
            roles = h.value_roles if h is not None else list(_HEADERLESS_ROLES)
            start = self._name_index()
        elif self.kind == "fund":
            h = self.b.fund_header
            roles = h.value_roles if h is not None else []
            start = 0
        else:
            return None
        if start is None:
            return None
        values = [c.text for c in self.row[start + 1 :]]
        k = len(values)
        if any(i >= len(roles) or compat(roles[i], v) is None for i, v in enumerate(values)):
            # the values do not sit one per column (a 分值 left out): place them by type
            placed = [j for j in align(values, roles) if j is not None]
            k = max(placed) + 1 if placed else k
        return roles[k] if 0 <= k < len(roles) else None

    def _name_index(self) -> int | None:
        if self.forced_name is not None:
            return self.forced_name
        for i, c in enumerate(self.row):
            k = label_key(c.text)
            if not (vocab.is_level1(k) or vocab.is_level2(k)):
                return i
        return None

    def _category_as_name(self) -> bool:
        """Values after categories only: the last of two 二级-like words is the name
        (效果 | 履职效益 | 社会效益 | 10 …)."""
        if len(self.row) < 2:
            return False
        last, before = (label_key(c.text) for c in self.row[-2:][::-1])
        if vocab.is_level2(last) and (vocab.is_level2(before) or vocab.is_level1(before)):
            if vocab.is_level1(before) and len(self.row) == 2:
                return False  # 产出指标 | 数量指标 | value: no name at all
            self.forced_name = len(self.row) - 1
            return True
        return False

    def _start(self, cell: Cell, kind: str) -> None:
        self.flush()
        self.row, self.kind = [cell], kind

    # -- cells ------------------------------------------------------------------------------

    def push(self, cell: Cell) -> None:
        if self.b.trace is not None:
            self.b.trace.seen([cell])
        text = cell.text
        key = label_key(text) if text.strip() else ""
        if self.held is not None:
            self._resolve_held(cell, key)
        state = self.b.state
        if self.kind == "kv" and len(self.row) == 1 and (not key or not self._is_label(key)):
            self.row.append(cell)
            self.flush()
            return
        if not key:
            self.blanks_seen = True
            if self.kind in ("fund", "ind", "total"):
                self.row.append(cell)
            return
        if self._split_field(cell):
            return
        if ("：" in text or ":" in text) and labelled_line(text):
            self.flush()  # 全年预算数：300.00 … / 年度总体目标：… — a row of its own
            self._feed([cell])
            return
        if text[:1] in _BOX_CHARS and _CHECKBOX.fullmatch(text.strip()):
            return  # a tick box of the form's options (项目类型 □), no cell of the tables
        if self.kind == "header" and text[:1] in "(（" and _BRACKETED.fullmatch(text.strip()):
            return  # the rest of the header cell before it: 得分 + (20分*执行率)
        role = self.column_role(key)
        if (
            role in vocab.FUND_ROLES
            and state == "indicator"
            and self.kind != "header"
            and (role == Role.RATE or len(_ANNOTATION_END.sub("", key)) > 6 or _FORMULA.search(key))
        ):
            # an indicator named 预算执行率, a remark 执行数÷预算数: not a fund column (a bare
            # 预算数(A) in the indicator part is the fund header read in another order)
            role = None
        # (a numbered cell is a name, not a column label: asked only of a label)
        header_label = (role is not None or vocab.is_goal_column(key)) and not _NUMBERED.match(
            clean(text).strip()
        )
        if self.kind == "header" and not header_label:
            if self._header_fragment(key):
                return
            self.flush()
            state = self.b.state
        if vocab.field_of(key) or (
            key in _TOTAL_FIELDS and state is None and self.b.ind_header is None
        ):
            self._start(cell, "kv")  # 自评得分 93 among the header fields: the total score
            return
        if (
            vocab.section_of(key)
            and not looks_like_value(text)
            and not self._framework_category(key)
            and not self._category_not_section(key, state)
        ):
            self.flush()
            self._release()
            self._feed([cell])
            return
        if header_label:
            if self.kind == "header":
                self.row.append(cell)
            else:
                self._start(cell, "header")
            return
        state = self._headerless_section(key, text, state)
        if state == "fund":
            self._fund_cell(cell, key)
        elif state == "indicator":
            self._indicator_cell(cell, key)
        elif state == "goal":
            if self.kind != "goal" and is_blank(text):
                return  # a placeholder (—) before the goal: the goal's two cells stay one row
            if self.kind == "goal" and len(self.row) < 2:
                self.row.append(cell)
                if len(self.row) == 2:
                    self.flush()
            else:
                self._start(cell, "goal")
        else:
            self.flush()
            self._release()
            self._feed([cell])

    def push_run(self, cell: Cell) -> None:
        """A residual of run-together text (between labels): cut it by the current columns."""
        if self.held is not None:
            self._resolve_held(cell, label_key(cell.text))
        if self.kind == "kv" and len(self.row) == 1:
            lead = _LEADING_FIGURE.match(cell.text)
            if (
                lead
                and label_key(self.row[0].text) in _TOTAL_FIELDS
                and lead.end() < len(cell.text)
            ):
                # 自评得分98财政审核评分…: the score, then the next field's words
                self.push(Cell(lead.group(0), cell.location))
                self.push_run(Cell(cell.text[lead.end() :], cell.location))
                return
            self.push(cell)
            return
        if self.kind == "header":
            if self.column_role(label_key(cell.text)) is not None:
                self.row.append(cell)  # a column label the run's words did not know (考值参分)
                return
            self.flush()
        text = cell.text
        loc = cell.location
        state = self.b.state
        if not label_key(text):
            return  # only numbering (“(1)”), which belongs to the label after it
        if state == "fund" and (self.b.fund_header is not None or self.kind == "fund"):
            m = _LEADING_LABEL.match(text)
            if m and not _NO_WORD.fullmatch(m.group(1)):
                early, self.early_figures = self.early_figures, []
                self._start(Cell(m.group(1), loc), "fund")
                self.row.extend(early)  # the figures printed before this label
                text = text[m.end() :]
            if not text:
                return
            tail = _FIGURES_THEN_LABEL.match(text)
            if tail and self.kind == "fund" and label_key(tail.group(2)):
                self.push_run(Cell(tail.group(1), loc))
                self.push(Cell(tail.group(2), loc))  # the label takes the figures before it
                return
            later: tuple[str, ...] = ()
            if self.b.fund_header is not None:
                roles = tuple(self.b.fund_header.value_roles)
                values = split_fund_values(text, roles)
                if values is None and self.kind == "fund":
                    values, later = _two_fund_rows(text, roles)
            else:
                values = _split_headerless_fund(text)
            if values is not None and self.kind != "fund" and self.orphan_fund is not None:
                # 年度资金总额 年初预算数 … 执行率 50.050.049.098%: the label came before the header
                self._start(self.orphan_fund, "fund")
                self.orphan_fund = None
            if values is None or self.kind != "fund":
                self.push(Cell(text, loc))
                return
            if self._fund_row_full():
                # figures after a complete row: the next row's, printed before its label
                self.early_figures.extend(Cell(v, loc) for v in values)
            else:
                self.row.extend(Cell(v, loc) for v in values)
            # two rows' figures run together (labels printed after their figures): the second
            # row's wait for the label that follows
            self.early_figures.extend(Cell(v, loc) for v in later)
            return
        if state == "goal" and self.kind != "goal":
            cut = _repeated_tail(text)
            if cut is not None:
                # the achievement copies the plan's last clauses: it starts where they repeat
                self.push(Cell(text[:cut], loc))
                self.push(Cell(text[cut:], loc))
                return
            stop = text.find("。")
            if 0 < stop < len(text.rstrip()) - 1:
                # 预期目标 and 实际完成情况 run together: the first sentence is the plan
                self.push(Cell(text[: stop + 1], loc))
                self.push(Cell(text[stop + 1 :], loc))
                return
        if state == "indicator":
            header = self.b.ind_header
            value_roles = (
                tuple(header.value_roles) if header is not None else _HEADERLESS_ROLES[:-1]
            )
            if self.kind == "total":
                roles = (
                    tuple(r for r in (Role.WEIGHT, Role.SCORE) if header.has(r))
                    if header is not None
                    else (Role.WEIGHT, Role.SCORE)
                ) or (Role.SCORE,)
                lead = _LEADING_FIGURE.match(text)
                values = (
                    split_fund_values(lead.group(0), roles, total=True, complete=True)
                    if lead
                    else None
                )
                end = lead.end() if lead else 0
                if spaced := leading_figures(text, len(roles)):
                    values, end = spaced  # 100 97: figures parted by spaces, one per column
                if lead and values is not None:
                    self.row.extend(Cell(v, loc) for v in values if v)
                    rest = text[end:].strip()
                    if rest:
                        self.flush()
                        self.push(Cell(rest, loc))
                    return
                self.push(cell)
                return
            rows = split_indicator_rows(text, value_roles)
            if _ONE_ROW.match(text) and (rows is None or len(rows) != 1 or not _measured(rows[0])):
                rows = _one_numbered_row(text, value_roles) or rows
            if rows is None:
                self.push(cell)
                return
            for parsed in rows:
                name, row_values = parsed[0], parsed[1:]
                stop = name.rfind("。", 0, len(name) - 1)
                if (
                    stop >= 0
                    and self.kind == "ind"
                    and self._name_index() is not None
                    and self._next_role() is not None
                    and self._reason_after_vanished_blank(name[: stop + 1])
                ):
                    # a name holds no full stop: the sentence before it is the reason above
                    self.row.append(Cell(name[: stop + 1], loc))
                    name = name[stop + 1 :]
                if (
                    not row_values
                    and self.kind == "ind"
                    and self._name_index() is not None
                    and self._next_role() is not None
                    and self._reason_after_vanished_blank(name)
                ):
                    self.row.append(Cell(name, loc))  # the reason of the row, not a name
                    continue
                if self.kind == "ind" and self._name_index() is None:
                    self.row.append(Cell(name, loc))
                else:
                    self._start(Cell(name, loc), "ind")
                self.row.extend(Cell(v, loc) for v in row_values)
            return
        self.push(cell)

    def _framework_category(self, key: str) -> bool:
        """资金投入 / 绩效目标 in the indicator table under 项目决策 (printed in this row or
        above): a 二级 of the project framework, not the fund or goal section's title."""
        if self.b.state != "indicator" or not vocab.is_level2(key):
            return False
        level1 = getattr(self.b, "level1", None)  # the lifecycle's row sink keeps none
        above = level1.text if level1 is not None else ""
        if self.kind == "ind":
            for c in reversed(self.row):
                if vocab.is_level1(strip_points(label_key(c.text))):
                    above = c.text
                    break
        return vocab.in_framework(strip_points(label_key(above)))

    def close(self) -> None:
        self._resolve_held(None, "")
        self.flush()
        self._release()
        self._drop_orphan()

    def _is_label(self, key: str) -> bool:
        return bool(vocab.field_of(key) or self.column_role(key) or vocab.section_of(key))

    def _split_field(self, cell: Cell) -> bool:
        """``单位名称：XX`` in one cell."""
        parts = _COLON.split(cell.text, maxsplit=1)
        if len(parts) != 2:
            text = cell.text.strip()
            if " " not in text and "\u3000" not in text:
                return False
            if vocab.field_of(label_key(text)):
                return False
            parts = text.split(None, 1)  # 项目名称 某某工程: label, a space, value
        if len(parts) != 2 or not parts[1].strip():
            return False
        if not vocab.field_of(label_key(parts[0])):
            return False
        self.flush()
        self._release()
        self._feed([Cell(parts[0], cell.location), Cell(parts[1].strip(), cell.location)])
        return True

    def _category_not_section(self, key: str, state: str | None) -> bool:
        """绩效目标 / 资金投入 inside the indicator table (under a header with a 二级 column, or
        right after a 一级 cell): the 二级 categories of the 决策/过程/产出/效益 framework, not
        the goal block or the fund table starting again."""
        if state != "indicator" or not vocab.is_level2(key):
            return False
        header = self.b.ind_header
        if header is not None and any(r == Role.LEVEL2 for _, r in header.roles):
            return True
        last = self.row[-1].text if self.kind == "ind" and self.row else ""
        return vocab.is_level1(strip_points(label_key(last)))

    @staticmethod
    def _header_fragment(key: str) -> bool:
        """``年度`` / ``实际`` / ``数``: pieces of a wrapped header cell."""
        if len(key) > 4 or vocab.fund_line(key) or vocab.is_level1(key) or vocab.is_level2(key):
            return False
        return any(key in label for label in _HEADER_WORDS)

    # -- fund section -----------------------------------------------------------------------

    def _fund_cell(self, cell: Cell, key: str) -> None:
        if vocab.fund_group(key) is not None:
            self.flush()
            self._feed([cell])
            return
        if looks_like_value(cell.text) or (self.kind == "fund" and glued_figures(cell.text)):
            # (figures run together: one cell here, cut by the row's columns when it is read)
            if self.kind != "fund" and self.orphan_fund is not None and self.b.fund_header:
                self._start(self.orphan_fund, "fund")
                self.orphan_fund = None
            if self.kind == "fund" and self._fund_row_full():
                # figures beyond the columns: the next row's, printed before its label
                self.early_figures.append(cell)
            elif self.kind == "fund":
                self.row.append(cell)
            return
        if (
            self.kind == "fund"
            and self._next_role() == Role.DEVIATION
            and _SENTENCE.search(cell.text)
        ):
            self.row.append(cell)
            return
        if (
            self.kind == "fund"
            and len(self.row) == 1
            and len(key) <= 2
            and not vocab.fund_line(key)
        ):
            if _OCR_LETTERS.fullmatch(cell.text.strip()):
                self.row.append(cell)  # a figure misread (O for 0): no piece of the label
                return
            self.row[0] = Cell(self.row[0].text + cell.text, self.row[0].location)
            return
        self.orphan_fund = None
        early, self.early_figures = self.early_figures, []
        self._start(cell, "fund")
        self.row.extend(early)

    def _indicator_row_full(self, name_at: int) -> bool:
        """Whether the current indicator row already holds its target, actual, weight and
        score (得分 ≤ 分值 closing it) — and the row before it is not waiting for values (two
        rows' labels before both rows' values are split by the row-holding rule instead)."""
        if not self.reorder or self.early_values:
            return bool(self.reorder and self.early_values)
        if self.pending is not None and self._value_count(self.pending) == 0:
            return False
        values = [c.text for c in self.row[name_at + 1 :]]
        if len(values) < 4 or self._next_role() not in (Role.DEVIATION, Role.REMARK, None):
            return False  # columns of the header still to fill
        w, s = parse_number(norm_value(values[-2])), parse_number(norm_value(values[-1]))
        return w is not None and s is not None and 0 <= s <= w <= 100

    def _fund_row_full(self) -> bool:
        """Whether the current fund row holds a figure for every column of the header."""
        h = self.b.fund_header
        if not self.reorder or h is None or self.early_figures:
            return bool(self.early_figures)
        return len(self.row) - 1 >= len(h.value_roles)

    # -- indicator section ------------------------------------------------------------------

    def _indicator_cell(self, cell: Cell, key: str) -> None:
        text = cell.text
        if vocab.total_label(key):
            self._start(cell, "total")
            return
        if vocab.is_level1(key) or vocab.is_level2(key):
            if self.kind == "ind" and self._name_index() is None:
                self.row.append(cell)
            else:
                self._start(cell, "ind")
            return
        if self.kind == "total":
            if looks_like_value(text):
                self.row.append(cell)
                return
            self.flush()
        name_at = self._name_index() if self.kind == "ind" else None
        if looks_like_value(text) or clean(text).strip() in _UNIT_WORDS:
            if self.kind == "ind" and name_at is None and self._category_as_name():
                name_at = self.forced_name
            if self.kind != "ind" or name_at is None:
                return
            if is_blank(text) and self._next_role() in (Role.DEVIATION, Role.REMARK):
                self.row.append(cell)  # the reason column's blank (/, ——, nan), not a figure
                return
            if self._indicator_row_full(name_at) and looks_like_value(text):
                # figures beyond a complete row: the next row's, printed before its labels
                self.early_values.append(cell)
                return
            last = self.row[-1]
            if (
                clean(text).strip() in _UNIT_WORDS
                and self._next_role() != Role.UNIT
                and len(self.row) - 1 > name_at
                and _ENDS_IN_DIGIT.search(last.text.strip())
            ):
                self.row[-1] = Cell(last.text.strip() + clean(text).strip(), last.location)
                return
            self.row.append(cell)
            return
        if _NUMBERED.match(clean(text).strip()):
            self._start(cell, "ind")
            return
        if self.kind != "ind":
            self._start(cell, "ind")
            return
        if name_at is None:
            self.row.append(cell)
            early, self.early_values = self.early_values, []
            self.row.extend(early)  # the figures printed before this row's labels
            return
        values = len(self.row) - name_at - 1
        if values == 0 and len(key) == 1 and not looks_like_value(text):
            name = self.row[name_at]
            self.row[name_at] = Cell(name.text + " " + text, name.location)
            return
        role = self._next_role()
        if role in (Role.TARGET, Role.ACTUAL) and compat(role, text) is not None:
            self.row.append(cell)
            return
        if role in (Role.NATURE, Role.UNIT, Role.REMARK) and compat(role, text) is not None:
            self.row.append(cell)
            return
        if role in (Role.NATURE, Role.UNIT) and self._fits_after(role, text):
            # the 指标性质/度量单位 cell was blank and vanished: hold its place
            self.row.append(Cell("", cell.location))
            self.row.append(cell)
            return
        if role == Role.DEVIATION and not is_blank(text):
            if _REASON.search(text) or (self.blanks_seen and _sentence(text)):
                # a reason in words, or a sentence where blank cells keep their places (a name
                # there is the next row's when the merged cells before it left no blank: held)
                self.row.append(cell)
            else:
                self.held = cell  # a reason or the next name: the cell after it tells
            return
        if values and role is not None and self._reason_after_vanished_blank(text):
            self.row.append(cell)
            return
        self._start(cell, "ind")

    def _fits_after(self, role: Role, text: str) -> bool:
        """Whether the text fits the target/actual column right after ``role``."""
        h = self.b.ind_header
        roles = list(h.value_roles) if h is not None else []
        if role not in roles or roles.index(role) + 1 >= len(roles):
            return False
        after = roles[roles.index(role) + 1]
        return after in (Role.TARGET, Role.ACTUAL) and compat(after, text) is not None

    def _reason_after_vanished_blank(self, text: str) -> bool:
        """A reason in words (a sentence ending in 。, or words of a reason) where the header
        has a reason column and the row still has columns to fill: the reason of the row, not
        the next name — it arrives early when a blank cell vanished from the stream, and
        without values of its own when cells ran together."""
        h = self.b.ind_header
        if h is None or Role.DEVIATION not in h.value_roles:
            return False
        return _sentence(text)

    def keep_held_as_reason(self) -> None:
        """The text held at the reason column is the row's reason: the caller knows that
        more cells of the row follow it (是否需要整改 after a monitoring table's reason)."""
        self._resolve_held(None, "")

    def _resolve_held(self, nxt: Cell | None, key: str) -> None:
        """A text held at the reason column: the next name when a target or value follows it,
        else the reason of the row (a category, a total, a label or the end follows)."""
        held, self.held = self.held, None
        if held is None:
            return
        starts_row = nxt is not None and (
            looks_like_value(nxt.text)
            or (
                bool(key)
                and not _sentence(held.text)  # a name followed by a text target ends no sentence
                and not (
                    vocab.is_level1(key)
                    or vocab.is_level2(key)
                    or vocab.total_label(key)
                    or self._is_label(key)
                    or _NUMBERED.match(clean(nxt.text).strip())
                )
            )
        )
        if starts_row:
            self._start(held, "ind")
        else:
            self.row.append(held)
