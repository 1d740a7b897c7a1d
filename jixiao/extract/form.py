"""Rows of cells → the parts of a self-evaluation form.

:class:`FormBuilder` is fed logical rows (lists of cells) in reading order and keeps a
little state: which section it is in (fund / goal / indicator table), the column headers it
saw, the 一级/二级 indicator of merged cells above. Rows that line up with their header
(office files, the seed) are read by column index; rows that do not (merged cells left out,
pipe padding, streams) are read by content: categories, then the name, then the values
aligned onto the header's value columns by type (:func:`jixiao.extract.values.align`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from jixiao.document import Cell
from jixiao.extract import vocab
from jixiao.extract.folded_header import unfold
from jixiao.extract.fund_depth import PrintedDepth
from jixiao.extract.fund_shift import figure_under_label
from jixiao.extract.grades import graded_key, is_full_marks, is_grade
from jixiao.extract.headerless import follow_money_columns, money_columns
from jixiao.extract.joined_levels import category_before_name, split_levels
from jixiao.extract.labelled_pairs import add_goal_part, goal_part
from jixiao.extract.labelled_pairs import fund_row as labelled_fund_row
from jixiao.extract.merged_levels import centre_levels
from jixiao.extract.numbered_parts import mark_numbered_parts, numbering
from jixiao.extract.paired_measures import names_measure, stated_measure
from jixiao.extract.rate_fraction import rate_from_fraction
from jixiao.extract.runtogether import glued_figures, split_cell_in_row
from jixiao.extract.shifted_header import left_of_header
from jixiao.extract.short_rows import (
    fit_fund_padded,
    place_short_row,
    shifted_fund,
    shifted_row,
    vanished_blank,
)
from jixiao.extract.spread_labels import join_spread_label
from jixiao.extract.trace import Placement, active
from jixiao.extract.trailing_levels import label_points, levels_after_rows, trailing_label
from jixiao.extract.values import (
    align,
    fit_fund,
    infer_fund_roles,
    infer_indicator_roles,
    is_amount,
    is_blank,
    is_number,
    looks_like_value,
    norm_value,
    to_num,
)
from jixiao.extract.vocab import Role
from jixiao.extract.wrapped_cells import join_wrapped_name
from jixiao.measure import (
    after_pattern,
    before_pattern,
    parse_measure,
    parse_number,
    parse_operator,
)
from jixiao.model import (
    FundGroup,
    FundLine,
    FundRow,
    Goal,
    Indicator,
    Location,
    Measure,
    Num,
    Operator,
    Signature,
    Text,
)
from jixiao.textnorm import clean, halfwidth, label_key, strip_numbering, strip_points

_POINTS_IN_TITLE = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_GOAL_NUMBER = re.compile(r"目标(\d+)")
_SPACES = re.compile(r"\s+")
# the parts of the project framework judged in words (项目决策, 项目管理), and a value in words
_JUDGED_PARTS = frozenset({"项目决策", "决策", "项目过程", "项目管理"})
_WORDS_ONLY = re.compile(r"[\u4e00-\u9fff][^\d%％≥≤<>=]*")
_PLACEHOLDER_NAME = re.compile(r"指标\d+[:：]?")
_COLON = re.compile(r"[:：]")
_BUDGET_CODE = re.compile(r"^[0-9A-Za-z]{3,}\s*[-－—]\s*")
_NOT_A_UNIT = re.compile(r"(本|我|该)(单位|部门|局|委|中心)|同上|无|/|万?元|亿元|人|个|%")

_LABEL_ROLES = (Role.LEVEL1, Role.LEVEL2, Role.NAME)
# sub-columns under a group label that name no role of their own (合计 | 其中：财政拨款)
_SUB_COLUMN = re.compile(r"^(合计|小计|总计|其中|财政|其他|上年|本年|当年)")
_MONEY_UNIT = re.compile(r"[(（]\s*(万元|元|亿元)\s*[)）]|单位\s*[:：]\s*(万元|元)")


@dataclass
class Header:
    """A column header row: (cell index, role) in order."""

    kind: str  # "fund" | "indicator"
    roles: list[tuple[int, Role]]
    width: int
    aligned: bool = True

    def __post_init__(self) -> None:
        self._index: dict[Role, int] = {}
        for i, r in self.roles:
            self._index.setdefault(r, i)
        self.value_roles: list[Role] = [r for _, r in self.roles if r not in _LABEL_ROLES]

    def index(self, role: Role) -> int | None:
        return self._index.get(role)

    def has(self, role: Role) -> bool:
        return role in self._index


@dataclass
class FormParts:
    """What was read from the rows, before it becomes an Evaluation."""

    fields: dict[str, Text] = field(default_factory=dict)
    extra: list[tuple[str, Text]] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    funds: list[FundRow] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    total_weight: Num | None = None
    total_score: Num | None = None
    money_unit: str | None = None
    texts: list[Text] = field(default_factory=list)  # free text rows (titles …)
    cell_texts: list[Text] = field(default_factory=list)  # short cells of the first rows
    seen: set[str] = field(
        default_factory=set
    )  # fund / goal / indicator / total / level1:产出指标 …
    notes: list[str] = field(default_factory=list)  # readings left empty: where and why


def _text(cell: Cell) -> Text:
    return Text(clean(cell.text), cell.location)


def display_label(text: str) -> str:
    """A label as printed, minus numbering, a (N分) suffix and a trailing colon."""
    out = strip_numbering(clean(text))
    return out.rstrip(":：").strip()


class FormBuilder:
    def __init__(self, source: str, *, cells_keep_indent: bool = False) -> None:
        self.source = source
        self.parts = FormParts()
        self.state: str | None = None
        self.fund_header: Header | None = None
        self.ind_header: Header | None = None
        self.group: FundGroup | None = None
        self.level1: Text | None = None
        self.level2: Text | None = None
        self.goal_index: int | None = None
        self._last_was_header: str | None = None
        self._grid = True
        self._last_fed: str | None = None
        self.fund_points: Num | None = None
        self.fund_points_cell: Cell | None = None
        self._held_labels: list[list[Cell]] = []  # label rows whose values come later
        self._fund_money_columns: tuple[Role, ...] = ()  # of the confirmed headerless fund rows
        self._unit_rank = -1
        self._open_field: tuple[str, Cell] | None = None  # a field label that ended a line
        self._header_rows: dict[str, list[Cell]] = {}  # the last header row of each kind
        self.trace = active()  # None unless `jixiao parse --explain` asked why
        # 一级 (N分) seen after rows, with the count of rows read by then
        self.trailing_level1: list[tuple[Text, Decimal, int]] = []
        self._depths = PrintedDepth(columns=cells_keep_indent)
        self._numbered: dict[Location, str] = {}  # 一、 / 1、 in front of indicator names
        self._last_fund: object = None  # where the last fund row read here was  # the fund rows' levels as printed (其中：, indentation)

    # -- entry ------------------------------------------------------------------------------

    def feed(self, row: Sequence[Cell], grid: bool = True) -> None:
        """One row; ``grid`` False for rows rebuilt from a stream (never read by column index)."""
        self._grid = grid
        if self.trace is not None:
            self.trace.seen(row)
        if len(self.parts.cell_texts) < 60:
            self.parts.cell_texts.extend(
                Text(c.text, c.location) for c in row if c.text and len(c.text) <= 80
            )
        after_rows = bool(self.parts.indicators)
        self._route(row)
        if after_rows:
            self._note_trailing_level1(row)

    def _note_trailing_level1(self, row: Sequence[Cell]) -> None:
        """一级 labels with (N分) after indicator rows: kept for ``levels_after_rows``, with
        the count of rows read by the end of their own row (which may read as a row too)."""
        for c in row:
            if "分" in c.text and vocab.is_level1(label_key(c.text)):
                label = trailing_label(c, self._category(c.text))
                if label is not None:
                    self.trailing_level1.append((*label, len(self.parts.indicators)))

    def finish(self) -> None:
        """The end of the tables: label rows still waiting for their values are read alone;
        categories printed at the middle of their merged cells re-read."""
        self._release_labels()
        if self._numbered:
            self.parts.indicators, marked = mark_numbered_parts(
                self.parts.indicators, self._numbered
            )
            if marked:
                self.parts.notes.append(
                    f"{marked} 个编号分项（1、2、…）的得分之和等于其上的编号指标（一、二、…），读作该指标的分项"
                )
        # 一级 labels after the rows whose points confirm every row's place: the rows' own
        # categories are 二级 (or carried down), not merged cells printed at their centre
        if not self._levels_after_rows(complete=True):
            self._centred_levels()
            self._levels_after_rows()

    def _centred_levels(self) -> None:
        inds, changed = centre_levels(self.parts.indicators, self.ind_header is not None)
        if changed:
            if self.trace is not None:
                self._trace_centred(self.parts.indicators, inds)
            self.parts.indicators = inds
            self.parts.notes.append(
                f"{inds[0].location}：一级/二级指标印在合并单元格的中间行，"
                "其上方的行按居中位置归入该类别"
            )

    def _levels_after_rows(self, complete: bool = False) -> bool:
        """Place the 一级 printed after the rows; ``complete``: only when every row is placed.
        Whether any row was placed."""
        # only labels no row came after (but rows read from the labels' own cells): a 一级
        # printed above its rows is read top-down
        at = {t.location for t, _, _ in self.trailing_level1 if t.location is not None}
        inds = self.parts.indicators
        after = [
            (t, points)
            for t, points, seen in self.trailing_level1
            if all(_made_of(i, at) for i in inds[seen:])
        ]
        inds, placed = levels_after_rows(self.parts.indicators, after)
        if complete and placed < len(inds):
            return False
        if placed:
            inds = [_judged_in_words(i) for i in inds[:placed]] + inds[placed:]
            self.parts.indicators = inds
            if self.trace is not None:
                rule = "指标表：一级指标印在各行之后，按各行分值之和等于其（N分）依次归入"
                for ind in inds[:placed]:
                    if ind.level1 is None or ind.level1.location is None:
                        continue
                    label = Cell(ind.level1.text, ind.level1.location)
                    self.trace.place(
                        f"指标[{ind.name.text}].{_ROLE_NAMES[Role.LEVEL1]}", [label], rule
                    )
            self.parts.notes.append(
                f"{inds[0].location}：一级指标印在各行之后，按分值之和归入 {placed} 行"
                + (
                    f"，其余 {len(inds) - placed} 行的一级无法核对，留空"
                    if placed < len(inds)
                    else ""
                )
            )
        return placed > 0

    def _trace_centred(self, before: list[Indicator], after: list[Indicator]) -> None:
        """``--explain``: the categories re-read as centred merged cells replace the placements
        that carried them down."""
        assert self.trace is not None
        rule = "指标表：合并单元格的类别印在块的中间行，按居中位置归入"
        for old, new in zip(before, after, strict=True):
            for role, attr in ((Role.LEVEL1, "level1"), (Role.LEVEL2, "level2")):
                value = getattr(new, attr)
                if value is getattr(old, attr):
                    continue
                name = f"指标[{new.name.text}].{_ROLE_NAMES[role]}"
                self.trace.placements[:] = [p for p in self.trace.placements if p.field != name]
                where = None if value is None else value.location or new.location
                if value is not None and where is not None:
                    cell = Cell(value.text, where)
                    self.trace.placements.append(Placement(name, (cell,), rule))

    def _release_labels(self) -> None:
        held, self._held_labels = self._held_labels, []
        for labels in held:
            self._route(labels, hold=False)

    def _route(self, row: Sequence[Cell], hold: bool = True) -> None:
        keys = [label_key(c.text) if c.text else "" for c in row]
        live = [i for i, k in enumerate(keys) if k]
        if not live:
            return
        if self._open_field is not None and self._close_open_field(row, keys, live):
            rest = list(row[live[0] + 1 :])
            if rest:
                self._route(rest, hold)
            return
        if self._labelled_pairs(row, live):
            return
        spread = join_spread_label(row, live)
        if spread is not None:  # 合    计 cut into 合 | 计 by spaced text
            row = spread
            keys = [label_key(c.text) if c.text else "" for c in row]
            live = [i for i, k in enumerate(keys) if k]
        if self.state in ("fund", "indicator") and hold:
            order = self._reading_order(row, keys, live)
            if order is None:
                return  # labels held for the values that follow them
            if order is not row:
                row = order
                keys = [label_key(c.text) if c.text else "" for c in row]
                live = [i for i, k in enumerate(keys) if k]
        if self.state == "indicator" and not self._grid and _has_words_then_points(row, live):
            unglued = self._unglue(row, keys, live, words_only=True)  # a stream's row
            if unglued is not None:
                row = unglued
                keys = [label_key(c.text) if c.text else "" for c in row]
                live = [i for i, k in enumerate(keys) if k]
        if self.state in ("fund", "indicator"):
            unglued = self._unglue(row, keys, live)
            if unglued is not None:
                row = unglued
                keys = [label_key(c.text) if c.text else "" for c in row]
                live = [i for i, k in enumerate(keys) if k]
        self._money_unit(row)
        was_header = self._last_was_header
        self._last_was_header = None
        if self._header(row, keys, live, was_header):
            return
        first = keys[live[0]]
        section = vocab.section_of(first) if not self.framework_category(first) else None
        is_goal_header = vocab.goal_header(keys)
        if section == "goal" and self._labels_indicator_block(first):
            section = None  # 年度绩效目标(80分) beside the indicator table: the table's own label
            self._used(row[live[0]])
            live = live[1:]
            if not live:
                return
            first = keys[live[0]]
        if (
            section
            and all(not looks_like_value(row[i].text) for i in live[1:])
            and not (len(live) > 1 and is_goal_header)
        ):
            self._enter(section, first, row[live[0]])
            self._used(row[live[0]])
            rest = [row[i] for i in live[1:]]
            if rest:
                self._route(rest)
            return
        if is_goal_header:
            self._enter("goal", first)
            self._used(*row)
            return
        if self.state in ("goal", "indicator") and vocab.signature_block(first):
            self.state = "signature"  # the form's closing block: no goal or indicator rows
        if self.state != "fund" and self._starts_fund_rows(row, keys, live):
            self._enter("fund", "")
        if self.state != "indicator" and self._starts_indicator_rows(row, keys, live):
            self._enter("indicator", "")
            self.parts.seen.add("indicator_headerless")
        if self.state == "fund" and self._fund_row(row, keys, live):
            return
        if self.state == "indicator" and self._indicator_row(row, keys, live):
            self._last_fed = "indicator"
            return
        self._last_fed = None
        if self.state == "goal" and self._goal_row(row, keys, live):
            return
        if self._key_values(row, keys, live):
            return
        if len(live) == 1:
            self.parts.texts.append(_text(row[live[0]]))

    def _labelled_pairs(self, row: Sequence[Cell], live: list[int]) -> bool:
        """``年初预算数：320.00  全年预算数：300.00 …`` (the total fund row) and
        ``年度总体目标：…`` / ``实际完成情况：…`` (the goal): see labelled_pairs.py."""
        first = row[live[0]].text
        if ("：" not in first and ":" not in first) or len(live) > 12:
            return False  # (each such line opens with a label and its colon; a few pairs at most)
        made = labelled_fund_row([row[i] for i in live], self.parts.money_unit)
        if made is not None:
            fund, where, note = made
            self.parts.seen.add("fund")
            self.parts.funds.append(fund)
            if note:
                self.parts.notes.append(note)
            if self.trace is not None:
                for role, cell in where.items():
                    self.trace.place(f"资金[合计].{_ROLE_NAMES[role]}", [cell], "“栏目：值”")
            return True
        part = goal_part(row[live[0]].text) if len(live) == 1 else None
        if part is None:
            return False
        cell = row[live[0]]
        self.parts.seen.add("goal")
        add_goal_part(self.parts.goals, part[0], Text(part[1], cell.location))
        if self.trace is not None:
            n = len(self.parts.goals)
            what = "预期目标" if part[0] == "planned" else "完成情况"
            self.trace.place(f"年度总体目标{n}.{what}", [cell], "“栏目：值”写在同一格")
        return True

    def _reading_order(
        self, row: Sequence[Cell], keys: list[str], live: list[int]
    ) -> Sequence[Cell] | None:
        """A row in another reading order (PDF text): values before the labels they belong to
        are put after them; a row of labels only is held until the row of values that follows
        (labels, labels, values, values). None: the row is held."""
        first = row[live[0]]
        values_first = looks_like_value(first.text) and not is_blank(first.text)
        if values_first and not vocab.total_label(keys[live[0]]):
            label_at = self._trailing_labels(row, keys)
            if label_at is not None:
                self._release_labels()
                return list(row[label_at:]) + list(row[:label_at])
            if self._held_labels:
                return self._held_labels.pop(0) + list(row)
            return row
        if self._held_labels and self._values_only(row, keys, live):
            return self._held_labels.pop(0) + list(row)
        if (
            self.state == "indicator"
            and len(live) <= 3
            and self.ind_header is not None
            and all(not looks_like_value(row[i].text) for i in live)
            and not vocab.total_label(keys[live[0]])
            and not any(vocab.field_of(keys[i]) or vocab.column_role(keys[i]) for i in live)
            and (
                any(not (vocab.is_level1(keys[i]) or vocab.is_level2(keys[i])) for i in live)
                or len(live) == 3  # 一级, 二级 and a name that is a category word (服务对象满意度)
            )
        ):
            self._held_labels.append(list(row))
            return None
        self._release_labels()
        return row

    def _unglue(
        self, row: Sequence[Cell], keys: list[str], live: list[int], words_only: bool = False
    ) -> list[Cell] | None:
        """A grid row with fewer value cells than the header has value columns, where a cell
        holds several values written together (``1622.1397.18%``, ``1010``, ``355人55``): the
        cell is cut by the columns it must cover, the cut the arithmetic confirms (执行率 =
        执行数 ÷ 预算数, 得分 ≤ 分值). None: nothing to cut."""
        header = self.ind_header if self.state == "indicator" else self.fund_header
        if header is None or (self.state == "indicator" and vocab.total_label(keys[live[0]])):
            return None  # (the fund table's 合计 is a fund row; the indicators' 总分 is not)
        if not any(_may_hold_two(row[i].text) for i in live):
            return None  # no cell holds two figures (or words and the points after them)
        first_value = next(
            (
                i
                for i in live
                if (looks_like_value(row[i].text) and not is_blank(row[i].text))
                or glued_figures(row[i].text)
                or (_GLUED.search(_half(row[i].text)) and _GLUED_START.match(row[i].text.strip()))
            ),
            None,
        )
        if first_value is None:
            return None
        start = first_value
        if self.state == "indicator":
            # the values start after the name (the first cell after the categories): the
            # target and the actual may be words
            name = next(
                (i for i in live if not (vocab.is_level1(keys[i]) or vocab.is_level2(keys[i]))),
                None,
            )
            if name is None or name >= first_value:
                # a name that is a category word (服务对象满意度 under 服务对象满意度指标): the
                # last label before the figures, after the row's category cells
                before = [i for i in live if i < first_value]
                if len(before) < 2:
                    return None
                name = before[-1]
            start = name + 1
        cells = list(row[start:])
        while cells and not cells[-1].text.strip():
            cells.pop()
        # aligned columns: the blank cells right after a cell holding several values are the
        # columns its values ran over (96%35 | | 35: the 分值 ran into the 完成值)
        cells = [c for k, c in enumerate(cells) if c.text.strip() or not _covered_blank(cells, k)]
        roles = tuple(header.value_roles)
        needed = len(roles)
        if (header.aligned and len(row) == header.width) or (
            cells and looks_like_value(cells[-1].text)
        ):
            # cells in their columns, or a row ending in a figure (text split on spaces, where
            # a blank reason vanished): a missing reason at the end is no missing figure
            while needed and roles[needed - 1] in (Role.DEVIATION, Role.REMARK):
                needed -= 1
        if len(cells) >= needed:
            return None
        texts = tuple(halfwidth(c.text.strip()) for c in cells)
        plainly_glued = any(
            _GLUED.search(_half(c.text)) or _WORDS_THEN_POINTS.fullmatch(c.text.strip())
            for c in cells
        )
        if self.state == "indicator" and not plainly_glued and vanished_blank(texts, roles):
            return None  # the cells read whole, one blank gone (4.53 is one 得分, not 4.5 and 3)
        for at, c in enumerate(cells):
            words = _words_then_points(texts, at, roles)
            if words is not None:
                pieces = [Cell(v, c.location) for v in words]
                return [*row[:start], *cells[:at], *pieces, *cells[at + 1 :]]
            if words_only:
                continue
            # (in a stream a value may be missing rather than glued: 23.33 is no 23.3 | 3)
            points = self._grid and roles[at] == Role.WEIGHT and _POINTS_PAIR.fullmatch(texts[at])
            if not (_GLUED.search(_half(c.text)) or points):
                continue
            if (
                not self._grid
                and _SHORT_DOUBLE.fullmatch(texts[at])
                and not (at == len(texts) - 1 and roles[at : at + 2] == (Role.WEIGHT, Role.SCORE))
            ):
                # in a stream, 11 or 55 may be one value where another is missing: a pair only
                # where the cells before it fill the columns before the 分值 and it ends the row
                continue
            split = split_cell_in_row(texts, at, roles)
            if split is None:
                continue
            cut = split[at : at + len(split) - len(texts) + 1]
            pieces = [Cell(v, c.location) for v in cut]
            return [*row[:start], *cells[:at], *pieces, *cells[at + 1 :]]
        return None

    def _values_only(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> bool:
        """A row of an indicator's values without its labels (its target may be words): it
        starts with a filled cell, names no category, fits the header's value columns and ends
        in figures."""
        header = self.ind_header
        if header is None or live[0] != 0 or len(live) < 2 or vocab.total_label(keys[0]):
            return False
        if any(vocab.is_level1(keys[i]) or vocab.is_level2(keys[i]) for i in live):
            return False
        if len(live) > len(header.value_roles):
            return False
        return any(is_number(row[i].text) for i in live[1:])

    def _trailing_labels(self, row: Sequence[Cell], keys: list[str]) -> int | None:
        """Where the labels start in a row that prints its values first: as many cells from the
        end as the header has label columns (an aligned grid), else the run of category, fund
        label and name cells that ends the row."""
        header = self.ind_header if self.state == "indicator" else self.fund_header
        if header is not None and header.aligned and self._grid and len(row) == header.width:
            at_name = header.index(Role.NAME)
            if at_name is not None and keys[at_name] and not looks_like_value(row[at_name].text):
                return None  # the name where the header puts it: a 序号 first, not values first
            firsts = [i for i, r in header.roles if r not in _LABEL_ROLES]
            n_labels = min(firsts) if firsts else 0
            if 0 < n_labels < len(row):
                at = len(row) - n_labels
                if any(keys[i] and not looks_like_value(row[i].text) for i in range(at, len(row))):
                    return at
        j = len(row)
        while j > 0 and (not keys[j - 1] or not looks_like_value(row[j - 1].text)):
            j -= 1
        tail = [k for k in keys[j:] if k]
        if not tail:
            return None
        labelled = any(vocab.is_level1(k) or vocab.is_level2(k) or vocab.fund_line(k) for k in tail)
        # a name alone at the end is a label only where no reason column could hold it
        if labelled or (len(tail) == 1 and not _REASONISH.search(tail[0])):
            return j
        return None

    def _used(self, *cells: Cell | None) -> None:
        if self.trace is not None:
            self.trace.used(cells)

    def _trace_row(self, prefix: str, label: Cell, got: dict[Role, Cell], rule: str) -> None:
        assert self.trace is not None
        self.trace.used([label])
        for role, c in got.items():
            if role not in (Role.REMARK,) and not is_blank(c.text):
                self.trace.place(f"{prefix}.{_ROLE_NAMES[role]}", [c], rule)
            else:
                self.trace.used([c])

    # -- sections and headers ---------------------------------------------------------------

    def _enter(self, section: str, key: str, title: Cell | None = None) -> None:
        again = self.state == section  # the block's label repeated (a header on a new page)
        self.state = section
        self.parts.seen.add(section)
        if section == "fund" and title is not None:
            # 预算执行情况(万元)(20分): the points of the whole block, where no 分值 column says them
            m = _POINTS_IN_TITLE.search(clean(title.text))
            self.fund_points = to_num(m.group(1), title.location) if m else None
            self.fund_points_cell = title
        if section == "indicator":
            m = _GOAL_NUMBER.search(key)
            if m:
                self.goal_index = int(m.group(1))
            if not again or m:
                # rows under a repeated header continue the categories above them
                self.level1 = self.level2 = None
        if section == "fund":
            self.group = None

    def _header(
        self, row: Sequence[Cell], keys: list[str], live: list[int], was_header: str | None
    ) -> bool:
        roles = [(i, vocab.column_role(keys[i])) for i in live]
        found = [(i, r) for i, r in roles if r is not None]
        if was_header is not None and self._lower_header(row, keys, live, found, was_header):
            return True
        if not any(r not in (Role.REMARK, Role.DEVIATION) for _, r in found):
            return False
        if _goal_columns_only(found, keys):
            return False
        others = [i for i, r in roles if r is None]
        if any(looks_like_value(row[i].text) and not is_blank(row[i].text) for i in others):
            return False
        if (
            len(found) < 2
            and not (others and all(vocab.section_of(keys[i]) for i in others))
            and not self._header_goes_on(found, others, was_header)
        ):
            return False
        if len(found) < 0.5 * len(live) and len(found) < 3:
            return False
        kinds = {r for _, r in found}
        if kinds & vocab.INDICATOR_ROLES:
            kind = "indicator"
        elif kinds & vocab.FUND_ROLES:
            kind = "fund"
        elif self.state in ("fund", "indicator"):
            kind = self.state
        else:
            # 项目 | 预算执行情况（万元） | 分值 | 得分: the group label over the columns below
            # names the table
            sections = {vocab.section_of(keys[i]) for i in others} & {"fund", "indicator"}
            if len(sections) != 1:
                return False
            kind = str(sections.pop())
        found = self._drop_group_header(found, keys)
        found = _kind_column_as_level1(found, keys)
        unfolded = unfold(found) if kind == "indicator" else None
        current = self.ind_header if kind == "indicator" else self.fund_header
        new_roles = {r for _, r in found}
        if (
            current is not None
            and self.state == kind
            and (was_header == kind or not (new_roles & {r for _, r in current.roles}))
        ):
            # a header split over two rows, or scrambled around other cells: extend it
            merged = current.roles + [(i + 1000 * (len(current.roles) + 1), r) for i, r in found]
            header = Header(kind, merged, current.width, aligned=False)
        elif unfolded is not None:  # two header rows on one line: read in the rows' order
            header = Header(kind, unfolded, len(row), aligned=False)
        else:
            header = Header(kind, found, len(row))
        if kind == "indicator":
            self.ind_header = header
        else:
            self.fund_header = header
        self._header_rows[kind] = list(row)
        for i in live:
            sec = vocab.section_of(keys[i])
            if sec == "indicator":
                m = _GOAL_NUMBER.search(keys[i])
                if m:
                    self.goal_index = int(m.group(1))
        if self.state != kind:
            # 预算执行情况(万元)(20分) | 预算数 | …: the block's title in the header row
            title = next((row[i] for i in others if vocab.section_of(keys[i]) == kind), None)
            self._enter(kind, "", title)
        self._last_was_header = kind
        self._used(*row)
        self.parts.seen.add(kind + "_header")
        return True

    def _lower_header(
        self,
        row: Sequence[Cell],
        keys: list[str],
        live: list[int],
        found: list[tuple[int, Role]],
        kind: str,
    ) -> bool:
        """The second row of a header printed over two rows: a group label spanning several
        columns above (预算执行情况, 年度指标值, 全年预算数) and the columns' own labels below it
        (年初预算数 | 全年预算数 | …, 指标性质 | 指标值 | 度量单位, 合计 | 其中：财政拨款), the other
        labels merged down. Both rows make one header, column by column: a label below names its
        column; a group label keeps its role on its first column where nothing below names it."""
        current = self.ind_header if kind == "indicator" else self.fund_header
        upper = self._header_rows.get(kind)
        if current is None or upper is None or not current.aligned or not self._grid:
            return False
        named = dict(found)

        def blank_above(i: int) -> bool:
            return i >= len(upper) or upper[i].merged or not upper[i].text.strip()

        def group_above(i: int) -> bool:
            return not blank_above(i) and (upper[i].col_span > 1 or blank_above(i + 1))

        for i in live:
            if i not in named and not _SUB_COLUMN.match(keys[i]):
                return False  # a cell that is neither a column label nor a sub-column
            if not (blank_above(i) or group_above(i)):
                return False  # a label under another label: a header broken inside its row
        if not any(blank_above(i) for i in live):
            return False
        columns = dict(current.roles)
        columns.update(named)
        header = Header(kind, sorted(columns.items()), max(current.width, len(row)))
        if kind == "indicator":
            self.ind_header = header
        else:
            self.fund_header = header
        self._last_was_header = kind
        self._used(*row)
        return True

    def start_headerless(self, section: str) -> None:
        """Rows of ``section`` begin where no header announced them (a stream's category or
        fund label): the columns are told by the values' shapes."""
        self._enter(section, "")
        self.parts.seen.add(section + "_headerless")

    def _starts_fund_rows(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> bool:
        """A fund row where no header announced the table: a fund label (年度资金总额,
        财政拨款 …) and figures whose 执行率 = 执行数 ÷ 预算数."""
        if self.fund_header is not None or len(live) < 4:
            return False
        at = next((i for i in live if vocab.fund_group(keys[i]) is None), None)
        if at is None or vocab.fund_line(keys[at]) is None:
            return False  # a group label (资金来源, 资金结构) may stand before the fund label
        placed, _ = infer_fund_roles([c.text for c in row[at + 1 :]])
        return Role.RATE in placed

    def _starts_indicator_rows(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> bool:
        """An indicator row where no header announced the table (an excerpt that starts in
        the middle of it): an indicator category, a name, and values whose shapes fit a column
        order of the indicator tables with 得分 ≤ 分值."""
        if self.ind_header is not None or len(live) < 4:
            return False
        first = strip_points(keys[live[0]])
        if not (vocab.is_level1(first) or vocab.is_level2(first)):
            return self._bare_indicator_row(row, keys, live)
        pos = 1
        while pos < len(live) and vocab.is_level2(strip_points(keys[live[pos]])):
            if pos > 1 and pos + 1 < len(live) and looks_like_value(row[live[pos + 1]].text):
                break  # a name that is also a 二级 word (服务对象满意度), the values after it
            pos += 1
        if pos >= len(live) or looks_like_value(row[live[pos]].text):
            return False
        # the row's values end where the next row's category or the total begins (a line
        # holding several rows)
        end = next(
            (
                i
                for i in live[pos + 1 :]
                if vocab.is_level1(strip_points(keys[i]))
                or vocab.is_level2(strip_points(keys[i]))
                or vocab.total_label(keys[i])
            ),
            len(row),
        )
        values = [c.text for c in row[live[pos] + 1 : end]]
        placed, confirmed = infer_indicator_roles(values)
        return confirmed or sum(1 for r in placed if r is not None) >= 3

    def _bare_indicator_row(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> bool:
        """An indicator row without its categories (an excerpt that starts below them): a
        name, then a target, an actual, a weight and a score that the shapes place and
        得分 ≤ 分值 confirms."""
        if not self._grid or len(live) < 5 or self.state is not None:
            return False
        name = row[live[0]]
        if (
            looks_like_value(name.text)
            or vocab.field_of(keys[live[0]])
            or vocab.column_role(keys[live[0]])
            or vocab.fund_line(keys[live[0]])
            or vocab.section_of(keys[live[0]])
            or vocab.total_label(keys[live[0]])
        ):
            return False
        values = [c.text for c in row[live[0] + 1 :]]
        # a line holding several rows: this row ends with its 分值 and 得分, two figures
        pair = next(
            (k for k in range(1, len(values)) if is_number(values[k - 1]) and is_number(values[k])),
            None,
        )
        if pair is not None and pair + 1 < len(values):
            values = values[: pair + 1]
        placed, confirmed = infer_indicator_roles(values)
        return confirmed and {Role.TARGET, Role.ACTUAL} <= set(placed)

    def _header_goes_on(
        self, found: list[tuple[int, Role]], others: list[int], was_header: str | None
    ) -> bool:
        """One column label alone on a line right after a header line: the header's row was
        broken inside it (``… | 年度指标值 |`` / ``实际完成值 |`` / ``分值 | 得分 |``)."""
        if len(found) != 1 or others or was_header is None:
            return False
        current = self.ind_header if was_header == "indicator" else self.fund_header
        role = found[0][1]
        return current is not None and role not in {r for _, r in current.roles}

    @staticmethod
    def _drop_group_header(
        found: list[tuple[int, Role]], keys: list[str]
    ) -> list[tuple[int, Role]]:
        """``年度预算数(万元)`` spanning 年初预算/调整后预算数 is the label column's header."""
        budgets = [i for i, r in found if r == Role.BUDGET]
        if len(budgets) >= 2:
            first = budgets[0]
            if "元" in keys[first] or found[0][0] == first:
                return [(i, r) for i, r in found if i != first]
        return found

    def _money_unit(self, row: Sequence[Cell]) -> None:
        if self.parts.money_unit:
            return
        for c in row:
            if "元" in c.text:
                m = _MONEY_UNIT.search(clean(c.text))
                if m and len(c.text) < 40:
                    self.parts.money_unit = m.group(1) or m.group(2)
                    return

    # -- fund rows --------------------------------------------------------------------------

    def _fund_row(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> bool:
        header = self.fund_header
        label_at = None
        for i in live:
            group = vocab.fund_group(keys[i])
            if group is not None:
                self.group = group
                continue
            if looks_like_value(row[i].text):
                break
            label_at = i
            break
        if label_at is None:
            return all(looks_like_value(row[i].text) or vocab.fund_group(keys[i]) for i in live)
        key = keys[label_at]
        label_cell = row[label_at]
        grouped = vocab.group_prefix(key)
        if grouped is not None:
            # 按收入性质分：财政拨款 — the group marker and the row's label in one cell
            self.group, key = grouped
            label_cell = Cell(
                re.split("[:：]", label_cell.text, maxsplit=1)[1], label_cell.location
            )
        if (
            vocab.field_of(key)
            or vocab.section_of(key)
            or vocab.goal_header(keys)
            or vocab.column_role(key)
        ):
            return False
        line = vocab.fund_line(key)
        values = list(row[label_at + 1 :])
        if (line is None or line in _WHOLE_LINES) and not any(
            is_amount(c.text) or "%" in c.text for c in values
        ):
            return False
        got: dict[Role, Cell] = {}
        if header is not None:
            if (
                self._grid
                and header.aligned
                and len(row) == header.width
                and not figure_under_label(row, label_at, header.roles)
            ):
                rule = "资金表：按表头的列位置"
                for i, r in header.roles:
                    if i > label_at and i < len(row):
                        got[r] = row[i]
                cols = [(i, r) for i, r in header.roles if label_at < i < len(row)]
                moved = shifted_fund([row[i].text for i, _ in cols], [r for _, r in cols])
                if moved is not None:
                    rule = "资金表：该行的数左移（少一格），按 执行率 = 执行数 ÷ 预算数 确定各列"
                    got = {
                        cols[j][1]: row[cols[k][0]] for k, j in enumerate(moved) if j is not None
                    }
            else:
                roles = header.value_roles
                texts = [c.text for c in values]
                while texts and is_blank(texts[-1]):
                    texts.pop()
                placed = fit_fund(texts, roles) or fit_fund_padded(texts, roles)
                rule = "资金表：按值的形状对应表头各列，执行率 = 执行数 ÷ 预算数 核对"
                if placed is None:
                    placed = align(texts, roles)
                    rule = "资金表：按值的形状依次对应表头各列（算术未能核对）"
                for v, j in zip(values, placed, strict=False):
                    if j is not None:
                        got.setdefault(roles[j], v)
        else:
            shapes, unread = infer_fund_roles([c.text for c in values])
            rule = "资金表（无表头）：执行率 = 执行数 ÷ 预算数 确定各列"
            if Role.RATE in shapes:
                self._fund_money_columns = money_columns(shapes)
            else:
                follow = follow_money_columns([c.text for c in values], self._fund_money_columns)
                if follow is not None:
                    shapes, unread = follow, []
                    rule = "资金表（无表头）：无执行率可核对，各数按上方各行的金额列依次读取"
            got = {r: c for r, c in zip(shapes, values, strict=True) if r is not None}
            if unread:
                self.parts.notes.append(
                    f"{row[label_at].location}：资金行“{display_label(row[label_at].text)}”没有表头，"
                    f"“{'、'.join(values[i].text.strip() for i in unread)}”属于哪一列无法核对，未读取"
                )
            nums = [c for c in values if not is_blank(c.text)]
            if not got and len(nums) <= 2 and not any("%" in c.text for c in nums):
                # two figures and no rate: 预算数 then 执行数, the order every form prints
                rule = "资金表（无表头）：两个数依次读作预算数、执行数"
                got = dict(zip((Role.BUDGET, Role.SPENT), nums, strict=False))
            elif not got and nums:
                self.parts.notes.append(
                    f"{row[label_at].location}：资金行“{display_label(row[label_at].text)}”没有表头，"
                    "执行率与预算数、执行数对不上，各数属于哪一列无法核对，未读取"
                )
        unit = self.parts.money_unit or "万元"

        def num(role: Role, percent: bool = False, money: bool = False) -> Num | None:
            c = got.get(role)
            if c is None:
                return None
            return to_num(c.text, c.location, unit if money else None, percent)

        reason = got.get(Role.DEVIATION)
        budget, spent, rate = num(Role.BUDGET, money=True), num(Role.SPENT, money=True), None
        if Role.RATE in got:
            rate = num(Role.RATE, percent=True)
            whole = rate_from_fraction(rate, budget, spent)
            if whole is not None:
                rate = whole
                self._note_fraction(rate)
        weight = num(Role.WEIGHT)
        if (
            weight is None
            and self.fund_points is not None
            and line == FundLine.TOTAL
            and (header is None or not header.has(Role.WEIGHT))
            and not any(f.line == FundLine.TOTAL for f in self.parts.funds)
        ):
            weight = self.fund_points
            if self.trace is not None:
                self.trace.place(
                    f"资金[{display_label(label_cell.text)}].{_ROLE_NAMES[Role.WEIGHT]}",
                    [self.fund_points_cell],
                    "取自资金栏标题中的（N分）",
                )
        if self.trace is not None:
            self._trace_row(f"资金[{display_label(label_cell.text)}]", label_cell, got, rule)
        depth = self._depths.depth(label_cell.text, line, self.group)
        before = self.parts.funds[-1] if self.parts.funds else None
        if self._depths.lifted and before is not None and before.location == self._last_fund:
            self.parts.funds[-1] = replace(before, depth=0)
        self._last_fund = label_cell.location
        self.parts.funds.append(
            FundRow(
                label=Text(display_label(label_cell.text), label_cell.location),
                line=line,
                group=self.group,
                depth=depth,
                initial_budget=num(Role.INITIAL, money=True),
                budget=budget,
                actual=spent,
                rate=rate,
                weight=weight,
                score=num(Role.SCORE),
                reason=_text(reason) if reason is not None and not is_blank(reason.text) else None,
                location=label_cell.location,
            )
        )
        return True

    def _joined_levels(self, c: Cell | None) -> bool:
        """A cell holding the 一级 and the 二级 (joined_levels.py): both set; False if not."""
        if c is None or c.merged or not c.text.strip():
            return False
        both = split_levels(c.text)
        if both is None:
            return False
        self._set_level1(Cell(both[0], c.location))
        self.parts.seen.add("level1:" + label_key(both[0]))
        self.level2 = Text(self._category(both[1]), c.location)
        return True

    def _kind_is_level1(self, key: str) -> bool:
        """A 二级 column without a 一级 column (指标类型) holds 一级 categories when its word is
        only a 一级 (产出指标, 效益指标); a word of both (满意度指标, 成本指标) follows the rows
        above: a 一级 under a column already read as the 一级, else a 二级."""
        if not vocab.is_level1(key):
            return False
        both = vocab.is_level2(key) or vocab.is_level2(key + "指标")  # 满意度 = 满意度指标
        return not both or self.level1 is not None

    def _set_level1(self, cell: Cell) -> None:
        """A 一级 cell: a new 一级 starts without a 二级; the same 一级 printed again on every row
        (an unmerged spreadsheet) keeps the 二级 merged over its rows."""
        category = self._category(cell.text)
        if self.level1 is None or self.level1.text != category:
            self.level2 = None
        self.level1 = Text(category, cell.location)

    def _note_fraction(self, rate: Num) -> None:
        note = "执行率印作小数（如 0.987），按 执行数 ÷ 预算数 核对后读作百分数"
        if not any(n.endswith(note) for n in self.parts.notes):
            self.parts.notes.append(f"{rate.location}：{note}" if rate.location else note)

    # -- goals ------------------------------------------------------------------------------

    def _labels_indicator_block(self, key: str) -> bool:
        """年度绩效目标 read after indicator rows: the label printed down the side of
        the indicator table (often with its points, 年度绩效目标(80分)), not the start of a goal
        block — that begins at its own words (年度总体目标, 预期目标 | 实际完成情况)."""
        return (
            self.state == "indicator"
            and bool(self.parts.indicators)
            and _INDICATOR_SIDE_LABEL.match(key) is not None
        )

    def _goal_row(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> bool:
        cells = [
            row[i] for i in live if not vocab.section_of(keys[i]) and not vocab.column_role(keys[i])
        ]  # a column label wrapped in before the indicator header (一级指标) is no goal
        if not cells or any(vocab.field_of(keys[i]) for i in live):
            return False
        texts = [_text(c) for c in cells if not is_blank(c.text)]
        if not texts:
            return True
        planned = texts[0]
        achieved = texts[1] if len(texts) > 1 else None
        if self.trace is not None:
            kept = [c for c in cells if not is_blank(c.text)]
            n = len(self.parts.goals) + 1
            self.trace.place(f"年度总体目标{n}.预期目标", kept[:1], "目标栏：第一格为预期目标")
            self.trace.place(f"年度总体目标{n}.完成情况", kept[1:2], "目标栏：第二格为完成情况")
        self.parts.goals.append(Goal(planned, achieved))
        return True

    # -- indicators -------------------------------------------------------------------------

    def _indicator_row(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> bool:
        header = self.ind_header
        first = keys[live[0]]
        if vocab.field_of(first) or vocab.goal_header(keys):
            return False
        if vocab.total_label(first):
            self._total(row, keys, live)
            return True
        if (
            self._grid
            and header is not None
            and header.aligned
            and len(row) == header.width
            and header.has(Role.NAME)
        ):
            if not left_of_header(keys, header.index(Role.LEVEL1)):
                return self._aligned_indicator(row, header)
            header.aligned = False  # the header's first cell spans the rows: read by content
        if self._grid and len(row) == 1 and self._continues_name(row[0], first):
            return True
        if (
            len(live) == 2
            and header is not None
            and not (header.has(Role.TARGET) or header.has(Role.ACTUAL))
        ):
            stated = stated_measure([row[i] for i in live], {})
            if stated is not None:  # 完成值 | 22座 on the line under its indicator
                self._complete_measure(stated)
                return True
        # content: categories, then the name, then the values
        pos = 0
        row_set_level1 = False
        row_set_level2 = False
        level2_only = False  # a 二级 that is no 一级 word was read on this row
        while pos < len(live):
            i = live[pos]
            key = keys[i]
            nxt = keys[live[pos + 1]] if pos + 1 < len(live) else ""
            # the 一级 column comes before the 二级: after 服务对象满意度指标, 服务对象满意度 is
            # the name (a 一级 with its points, or followed by a 二级, is still a 一级)
            name_after_level2 = (
                level2_only
                and label_points(row[i].text) is None
                and not (vocab.is_level1(nxt) or vocab.is_level2(nxt))
            )
            if not (row_set_level1 or row_set_level2) and self._joined_levels(row[i]):
                self._used(row[i])
                row_set_level1 = row_set_level2 = True
            elif not name_after_level2 and (
                self._is_level1(key, row[i].text, row_set_level1, nxt)
                or (vocab.is_level1(key) and self._in_column(row, i, Role.LEVEL1))
            ):
                self._used(row[i])
                self._set_level1(row[i])
                row_set_level1 = True
                self.parts.seen.add("level1:" + strip_points(key))
            elif vocab.is_level2(key) and not (
                row_set_level2 and nxt and looks_like_value(row[live[pos + 1]].text)
            ):
                self._used(row[i])
                self.level2 = Text(self._category(row[i].text), row[i].location)
                row_set_level2 = True
                level2_only = not vocab.is_level1(key)
            else:
                break
            pos += 1
        if pos >= len(live):
            return True
        name_at = live[pos]
        roles = (
            header.value_roles
            if header is not None
            else [Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE]
        )
        values = list(row[name_at + 1 :])
        got: dict[Role, Cell] = {}
        stated = None
        if header is not None and not (header.has(Role.TARGET) or header.has(Role.ACTUAL)):
            stated = stated_measure(values, {})  # 指标值 | ≥20座 where no column holds targets
            if stated is not None:
                values = [c for c in values if c is not stated[1] and not names_measure(c.text)]
        if header is None:
            got, rule = self._headerless_values(row[name_at], values)
            if sum(1 for c in got.values() if not is_blank(c.text)) < 2:
                return False  # a heading or a sentence after a category word, not a row
            self._finding_in_words(got)
        else:
            name_cell, values = join_wrapped_name(row[name_at], values, list(roles))
            if name_cell is not row[name_at]:
                row = [*row[:name_at], name_cell, *values]
            texts = [c.text for c in values]
            short = place_short_row(texts, roles)
            placed = short[0] if short is not None else align(texts, roles)
            for v, j in zip(values, placed, strict=False):
                if j is not None:
                    got.setdefault(roles[j], v)
            unread = [values[i] for i in short[1]] if short is not None else []
            if len(unread) == 1 and Role.TARGET not in got and Role.ACTUAL not in got:
                # 指标值 or 完成值: a row judged in words takes it as its finding
                judged = {Role.TARGET: unread[0]}
                self._finding_in_words(judged)
                if Role.ACTUAL in judged:
                    got[Role.ACTUAL] = judged[Role.ACTUAL]
                    unread = []
            self._finding_in_words(got)
            rule = "指标表：类别词之后第一格为指标名称，其后的值按形状依次对应表头各列"
            if short is not None:
                rule = "指标表：该行比表头少一格，按形状和 得分 ≤ 分值 确定空缺的列"
                if unread:
                    self._note_short_row(row[name_at], unread)
        if stated is not None:
            got[stated[0]] = stated[1]
        self._add_indicator(row[name_at], got, rule)
        return True

    def _headerless_values(self, name: Cell, values: list[Cell]) -> tuple[dict[Role, Cell], str]:
        """An indicator row read without a header: the column order is told by the cells'
        shapes and confirmed by 得分 ≤ 分值; a figure whose column nothing confirms is left
        unread, with a note."""
        texts = [c.text for c in values]
        placed, confirmed = infer_indicator_roles(texts)
        got = {r: c for r, c in zip(placed, values, strict=True) if r is not None}
        if got:
            rule = (
                "指标表（无表头）：按单元格形状识别列，得分 ≤ 分值 核对"
                if confirmed
                else "指标表（无表头）：按单元格形状识别列（无分值、得分可供核对）"
            )
            return got, rule
        # no column order fits: the target and actual by shape, the points left empty
        nonblank = [c for c in values if not is_blank(c.text)]
        got = dict(zip((Role.TARGET, Role.ACTUAL), nonblank[:2], strict=False))
        left = nonblank[2:]
        if left:
            self.parts.notes.append(
                f"{name.location}：指标“{display_label(name.text)}”没有表头，"
                f"“{'、'.join(c.text.strip() for c in left)}”是分值还是得分无法核对，未读取"
            )
        return got, "指标表（无表头）：前两个值读作指标值、完成值"

    def _note_short_row(self, name: Cell, unread: list[Cell]) -> None:
        self.parts.notes.append(
            f"{name.location}：指标“{display_label(name.text)}”比表头少一格，"
            f"“{'、'.join(c.text.strip() for c in unread)}”属于哪一列无法核对，未读取"
        )

    def _continues_name(self, cell: Cell, key: str) -> bool:
        """A line holding only the rest of the indicator name above (a wrapped cell in text
        split on spaces): join it to that name."""
        if not self.parts.indicators or self._last_fed != "indicator":
            return False
        if (
            not key  # only a numbering (指标2：): a template's empty row, not a name's rest
            or vocab.is_level1(key)
            or vocab.is_level2(key)
            or vocab.is_placeholder(key)
            or looks_like_value(cell.text)
            or len(key) > 12
        ):
            return False
        last = self.parts.indicators[-1]
        name = Text(last.name.text + clean(cell.text).strip(), last.name.location)
        self.parts.indicators[-1] = replace(last, name=name)
        return True

    def _finding_in_words(self, got: dict[Role, Cell]) -> None:  # see _judged_in_words
        """项目决策 / 项目管理 rows are judged in words: their standard column is mostly left
        blank, so one value in words (its blank vanished) is the finding, not the target."""
        target = got.get(Role.TARGET)
        if (
            target is None
            or Role.ACTUAL in got
            or self.level1 is None
            or label_key(self.level1.text) not in _JUDGED_PARTS
            or not _WORDS_ONLY.fullmatch(clean(target.text).strip())
        ):
            return
        got[Role.ACTUAL] = got.pop(Role.TARGET)

    def framework_category(self, key: str) -> bool:
        """资金投入 / 绩效目标 in the indicator table under 项目决策: a 二级 of the project
        framework, not the title of the fund or goal section."""
        if self.state != "indicator" or not vocab.is_level2(key) or self.level1 is None:
            return False
        return vocab.in_framework(strip_points(label_key(self.level1.text)))

    def _in_column(self, row: Sequence[Cell], i: int, role: Role) -> bool:
        """Cell ``i`` of a grid row aligned with the indicator header sits in its ``role``
        column (满意度指标 in the 一级 column is the 一级, though it names a 二级 too)."""
        header = self.ind_header
        return (
            self._grid
            and header is not None
            and header.aligned
            and len(row) == header.width
            and header.index(role) == i
        )

    def _is_level1(self, key: str, printed: str, row_set_level1: bool, nxt: str) -> bool:
        if not vocab.is_level1(key):
            return False
        if not vocab.is_level2(key):
            return True
        # 成本指标 / 满意度指标 are both 一级 and 二级 categories
        if row_set_level1:
            return False
        after = strip_points(nxt)
        if after.endswith("指标") and vocab.is_level2(after) and self.state == "indicator":
            return True  # 满意度指标 | 满意度指标 | 名称: a 一级, then its 二级
        if self.level1 is not None:
            current = strip_points(label_key(self.level1.text))
            if vocab.in_framework(current):
                # 项目产出 → 成本指标(10分) is its 二级; 项目决策 → 项目管理(25分) the next 一级
                return vocab.in_framework(key)
            if key == "项目管理":
                return False  # 过程 → 项目管理: the 二级 of a 部门整体 form
        if nxt and (vocab.is_level2(nxt) or vocab.is_level1(nxt)):
            return True
        if strip_points(clean(printed)) != clean(printed).strip():
            return True
        if self.level1 is None and self.level2 is not None:
            # an excerpt cut below its 一级: 成本指标 after 数量/质量/时效指标 with no 二级 of its
            # own is their sibling under 产出指标
            return not _OUTPUT_LEVEL2.match(label_key(self.level2.text))
        return self.level1 is None

    @staticmethod
    def _category(text: str) -> str:
        return _SPACES.sub("", strip_points(clean(text)))

    def _aligned_indicator(self, row: Sequence[Cell], header: Header) -> bool:
        def cell(role: Role) -> Cell | None:
            i = header.index(role)
            return row[i] if i is not None and i < len(row) else None

        l1, l2, name = cell(Role.LEVEL1), cell(Role.LEVEL2), cell(Role.NAME)
        self._used(l1, l2)
        for both in (l1, l2):
            if self._joined_levels(both):
                l1 = l2 = None  # 产出指标-数量指标: both levels in one cell
                break
        if l1 is not None and l1.text.strip() and not l1.merged:
            self._set_level1(l1)
            self.parts.seen.add("level1:" + label_key(l1.text))
        if l2 is not None and l2.text.strip() and not l2.merged:
            if l1 is None and self._kind_is_level1(label_key(strip_points(clean(l2.text)))):
                # a 指标类型 column holding 产出指标/效益指标 (no 一级 column): the 一级
                self._set_level1(l2)
                self.level2 = None
            else:
                self.level2 = Text(self._category(l2.text), l2.location)
        stated = stated_measure(row, dict(header.roles))
        if name is None or not name.text.strip():
            if stated is not None:
                self._complete_measure(stated)
            return True
        got: dict[Role, Cell] = {}
        for i, r in header.roles:
            # two columns of one role (年初指标值 | 调整指标值): the later one unless it is blank
            if r not in _LABEL_ROLES and i < len(row) and not (r in got and is_blank(row[i].text)):
                got[r] = row[i]
        if stated is not None and is_blank(got[stated[0]].text if stated[0] in got else ""):
            got[stated[0]] = stated[1]  # 指标值 | ≥20座: the value named by the cell before it
        rule = "指标表：按表头的列位置"
        cols = [(i, r) for i, r in header.roles if r not in _LABEL_ROLES and i < len(row)]
        shifted = shifted_row([row[i].text for i, _ in cols], [r for _, r in cols])
        if shifted is not None:
            placed, unread = shifted
            got = {cols[j][1]: row[cols[k][0]] for k, j in enumerate(placed) if j is not None}
            rule = "指标表：该行的值左移一格（少一格），按形状和 得分 ≤ 分值 确定空缺的列"
            if unread:
                self._note_short_row(name, [row[cols[k][0]] for k in unread])
        self._add_indicator(name, got, rule)
        return True

    def _complete_measure(self, stated: tuple[Role, Cell]) -> None:
        """A row without a name whose cell names its value (完成值 | 22座): the target or actual
        of the indicator above, when that one has none yet (paired_measures.py)."""
        role, cell = stated
        if not self.parts.indicators:
            return
        last = self.parts.indicators[-1]
        attr = "target" if role is Role.TARGET else "actual"
        if getattr(last, attr) is not None:
            return
        self._used(cell)
        measure = _measure(cell)
        self.parts.indicators[-1] = (
            replace(last, target=measure) if role is Role.TARGET else replace(last, actual=measure)
        )
        if self.trace is not None:
            self.trace.place(
                f"指标[{last.name.text}].{_ROLE_NAMES[role]}",
                [cell],
                "指标表：下一行印“完成值/指标值”及其值，补入上方的指标",
            )

    def _add_indicator(self, name_cell: Cell, got: dict[Role, Cell], rule: str) -> None:
        led = category_before_name(name_cell.text)
        if led is not None:
            # 数量指标：改造公厕数量 — the category, then the name, in one cell
            category = Cell(led[0], name_cell.location)
            if vocab.is_level2(label_key(led[0])) and not self._kind_is_level1(label_key(led[0])):
                self.level2 = Text(self._category(led[0]), name_cell.location)
            else:
                self._set_level1(category)
            name_cell = Cell(led[1], name_cell.location)
        key = label_key(name_cell.text)
        has_values = any(not is_blank(c.text) for c in got.values())
        if vocab.is_placeholder(key) or (
            not has_values and _PLACEHOLDER_NAME.fullmatch(clean(name_cell.text).strip())
        ):
            return
        if not has_values and _label_not_indicator(key, name_cell.text):
            # a column label repeated inside the table (二级指标), a 一级 with its points printed
            # after the rows: labels, not an indicator without values
            self.parts.notes.append(
                f"{name_cell.location}：“{clean(name_cell.text).strip()}”是表格的栏目或类别标签，"
                "不作为指标读取"
            )
            return
        if _SINGLE_HAN.fullmatch(clean(name_cell.text)) or (
            not has_values and _SPREAD_HAN.fullmatch(clean(name_cell.text))
        ):
            # one character (绩, 率), or single characters spread apart without values (效 指 标):
            # pieces of a label or of a wrapped name the print tore off, never a name — a row's
            # figures after one belong to no indicator that can be told
            self.parts.notes.append(
                f"{name_cell.location}：“{clean(name_cell.text).strip()}”只有一个字，不是指标名称，"
                "这一行的值无法确定属于哪个指标，未读取"
            )
            return
        loc = name_cell.location
        kind = numbering(name_cell.text)
        if kind is not None and loc is not None:
            self._numbered[loc] = kind

        def text(role: Role) -> str | None:
            c = got.get(role)
            return c.text if c is not None and not is_blank(c.text) else None

        def num(role: Role) -> Num | None:
            c = got.get(role)
            return to_num(c.text, c.location) if c is not None else None

        target_cell, actual_cell = got.get(Role.TARGET), got.get(Role.ACTUAL)
        target = _measure(target_cell) if target_cell is not None else None
        actual = _measure(actual_cell) if actual_cell is not None else None
        nature = _nature(text(Role.NATURE))
        unit_cell = got.get(Role.UNIT)
        measure_unit = (
            _text(unit_cell)
            if unit_cell is not None
            and not is_blank(unit_cell.text)
            and norm_value(unit_cell.text) not in _NO_UNIT
            else None
        )
        weight = num(Role.WEIGHT)
        dev = got.get(Role.DEVIATION)
        name = display_label(name_cell.text)
        score_cell = got.get(Role.SCORE)
        score = num(Role.SCORE)
        if score_cell is not None and weight is not None and is_full_marks(score_cell.text):
            score = Num(weight.value, score_cell.text.strip(), weight.unit, score_cell.location)
            self.parts.notes.append(
                f"{score_cell.location}：得分栏印的是“满分”，按本行分值读作 {weight.text or weight.value}"
            )
        if score_cell is not None and is_grade(score_cell.text):
            self.parts.seen.add(graded_key(name))
            self.parts.notes.append(
                f"{score_cell.location}：得分栏印的是等级“{score_cell.text.strip()}”，不是分数，得分留空"
            )
        if self.trace is not None:
            self._trace_row(f"指标[{name}]", name_cell, got, rule)
            for level, value in ((Role.LEVEL1, self.level1), (Role.LEVEL2, self.level2)):
                if value is not None:
                    self.trace.placements.append(
                        Placement(
                            f"指标[{name}].{_ROLE_NAMES[level]}",
                            (Cell(value.text, value.location or loc),),
                            "指标表：沿用上方最近的类别",
                        )
                    )
        self.parts.indicators.append(
            Indicator(
                name=Text(name, loc),
                level1=self.level1,
                level2=self.level2,
                target=target,
                actual=actual,
                nature=nature,
                measure_unit=measure_unit,
                weight=weight,
                score=score,
                deviation=_text(dev) if dev is not None and not is_blank(dev.text) else None,
                sub_item=weight is None and clean(name_cell.text).strip().startswith("其中"),
                goal_index=self.goal_index,
                location=loc,
            )
        )

    def _total(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> None:
        header = self.ind_header
        self.parts.seen.add("total")
        label_at = live[0]
        got: dict[Role, Cell] = {}
        if self._grid and header is not None and header.aligned and len(row) == header.width:
            for i, r in header.roles:
                if r in (Role.WEIGHT, Role.SCORE) and i < len(row) and i != label_at:
                    got[r] = row[i]
        if not any(not is_blank(c.text) for c in got.values()):
            got = {}
            values = [c for c in row[label_at + 1 :]]
            nums = [c for c in values if is_number(c.text)]
            has_w = header is None or header.has(Role.WEIGHT)
            has_s = header is None or header.has(Role.SCORE)
            if len(nums) >= 2 and ((has_w and has_s) or _at_most(nums[1].text, nums[0].text)):
                # 总分 100 99.8: the full marks and the score (得分 ≤ 分值), whatever the header
                got = {Role.WEIGHT: nums[0], Role.SCORE: nums[1]}
            elif len(nums) == 1:
                alone = _score_alone(values, nums[0])
                if header is not None and (told := _from_the_right(values, nums[0], header)):
                    alone = told == Role.SCORE
                got = {Role.WEIGHT if has_w and not alone else Role.SCORE: nums[0]}
        w, s = got.get(Role.WEIGHT), got.get(Role.SCORE)
        if self.trace is not None:
            self._used(row[label_at])
            self.trace.place("总分.分值", [w], "总分行：分值列")
            self.trace.place("总分.得分", [s], "总分行：得分列")
        if w is not None and self.parts.total_weight is None:
            self.parts.total_weight = to_num(w.text, w.location)
        if s is not None and self.parts.total_score is None:
            self.parts.total_score = to_num(s.text, s.location)
        self.state = None

    # -- header fields ----------------------------------------------------------------------

    def _key_values(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> bool:
        used = False
        pos = 0
        while pos < len(live):
            i = live[pos]
            name = vocab.field_of(keys[i])
            if name is None and keys[i].removesuffix("(分)") in _SCORE_FIELDS and pos + 1 < len(live):
                # 自评得分 | 96.5 among the header fields: the form's total score
                figure = row[live[pos + 1]]
                if is_number(figure.text) and self.parts.total_score is None:
                    self.parts.total_score = to_num(figure.text, figure.location)
                    if self.trace is not None:
                        self.trace.used([row[i]])
                        self.trace.place("总分.得分", [figure], f"栏目“{keys[i]}”右边的格")
                    used = True
                    pos += 2
                    continue
            if name is None:
                pairs = field_pairs(row[i].text)
                for field_name, label, text in pairs:
                    if self.trace is not None:
                        self.trace.place(_field_name(field_name), [row[i]], "“栏目：值”写在同一格")
                    self._set_field(field_name, label, Text(text, row[i].location))
                used = used or bool(pairs)
                pos += 1
                continue
            value = None
            if pos + 1 < len(live):
                j = live[pos + 1]
                if not (
                    vocab.field_of(keys[j])
                    or vocab.column_role(keys[j])
                    or vocab.section_of(keys[j])
                ):
                    value = row[j]
                    pos += 1
                    # 某某局    单位：万元: another field after the value, in the same cell
                    more = field_pairs(f"{display_label(row[i].text)}：{value.text}")
                    if more and (len(more) > 1 or more[0][0] == _MONEY):
                        for field_name, label, text in more:
                            if self.trace is not None:
                                self.trace.place(
                                    _field_name(field_name), [value], "一格中的几个“栏目：值”"
                                )
                            self._set_field(field_name, label, Text(text, value.location))
                        self._used(row[i], value)
                        used = True
                        pos += 1
                        continue
            if self.trace is not None:
                self._used(row[i])
                if value is not None:
                    self.trace.place(
                        _field_name(name), [value], f"栏目“{display_label(row[i].text)}”右边的格"
                    )
            if value is None and pos + 1 == len(live) and not name.startswith("signature:"):
                # the label ends the row: its value may open the next line (a row broken
                # between a label and its value)
                self._open_field = (name, row[i])
            self._set_field(name, keys[i], _text(value) if value is not None else None)
            used = True
            pos += 1
        return used

    def _close_open_field(self, row: Sequence[Cell], keys: list[str], live: list[int]) -> int:
        """The value of a field label that ended the line before, when this line starts with
        it; returns how many live cells it took (0 or 1)."""
        name, label = self._open_field or ("", None)
        self._open_field = None
        if label is None or name in self.parts.fields:
            return 0
        first = live[0]
        k = keys[first]
        cell = row[first]
        if (
            vocab.field_of(k)
            or vocab.column_role(k)
            or vocab.section_of(k)
            or vocab.fund_line(k)
            or vocab.is_level1(k)
            or vocab.is_level2(k)
            or (looks_like_value(cell.text) and name not in _NUMERIC_FIELDS)
        ):
            return 0
        if self.trace is not None:
            self.trace.place(
                _field_name(name),
                [cell],
                f"栏目“{display_label(label.text)}”在上一行末尾，值在本行开头",
            )
        self._set_field(name, label.text, _text(cell))
        return 1

    def _set_field(self, name: str, label: str, value: Text | None) -> None:
        if name == _MONEY:
            if value is not None and not self.parts.money_unit:
                self.parts.money_unit = value.text
            return
        if name.startswith("signature:"):
            self.parts.signatures.append(
                Signature(name.split(":", 1)[1], value if value and value.text else None)
            )
            return
        if value is None or not value.text or is_blank(value.text):
            self.parts.seen.add("field:" + name)
            return
        if name.startswith("extra:"):
            self.parts.extra.append((name.split(":", 1)[1], value))
            return
        self.parts.seen.add("field:" + name)
        if name in ("unit", "supervisor"):
            # a budget code in front of the name: 219001-池州市…
            value = Text(_BUDGET_CODE.sub("", value.text), value.location)
            if _NOT_A_UNIT.fullmatch(value.text.strip()):
                return  # “本单位” names no unit; another field may
        if name == "unit":
            # the unit that carries out the work (实施单位) names the evaluated unit better than
            # the one that filled in the form (填报单位, 单位名称)
            rank = _UNIT_RANK.get(label_key(label), 1)
            if name in self.parts.fields and rank <= self._unit_rank:
                return
            self._unit_rank = rank
            self.parts.fields[name] = value
            return
        self.parts.fields.setdefault(name, value)


_ROLE_NAMES = {
    Role.LEVEL1: "一级指标",
    Role.LEVEL2: "二级指标",
    Role.NAME: "三级指标",
    Role.NATURE: "指标性质",
    Role.TARGET: "指标值",
    Role.UNIT: "度量单位",
    Role.ACTUAL: "完成值",
    Role.WEIGHT: "分值",
    Role.SCORE: "得分",
    Role.DEVIATION: "偏差原因",
    Role.INITIAL: "年初预算数",
    Role.BUDGET: "全年预算数",
    Role.SPENT: "全年执行数",
    Role.RATE: "执行率",
    Role.REMARK: "说明",
}

_FIELD_NAMES = {
    "unit": "单位",
    "supervisor": "主管部门",
    "project": "项目名称",
    "money_unit": "金额单位",
    "staff_authorized": "人员编制",
    "staff_actual": "实有人数",
    "duties": "职能职责",
    "conclusion": "评价结论",
    "problems": "存在问题",
    "measures": "改进措施",
    "fill_date": "填报日期",
}


_NO_UNIT = frozenset({"无", "暂无", "空"})  # a 计量单位 cell saying the indicator has none
_MONEY = "money_unit"  # the 单位：万元 of a line of fields: the money unit, never a unit name
_MONEY_VALUE = re.compile(r"(万元|元|亿元)")
_FIELD_GAP = re.compile(r"\s+")


def field_pairs(text: str) -> list[tuple[str, str, str]]:
    """``(field, label, value)`` of each ``栏目：值`` written in one cell or line, where another
    field may follow a value (``填报单位：某某局    单位：万元``, ``项目名称：…主管部门：…``): each
    field takes only its own value. A ``单位：万元`` (金额单位：元 …) is the money unit
    (``money_unit``). Empty when the text does not start with a field label and a colon."""
    printed = clean(text)
    colons = [m.start() for m in _COLON.finditer(printed)]
    if not colons:
        return []
    starts: list[tuple[int, int, str]] = []  # (label start, colon, field)
    first = _label_field(printed[: colons[0]], "")
    if first is None:
        return []
    starts.append((0, colons[0], first))
    for c in colons[1:]:
        prev = starts[-1][1] + 1
        chunk = printed[prev:c]
        at = _next_label(chunk)
        if at is None:
            continue  # a colon inside the value (10:30, 说明：…)
        starts.append((prev + at, c, ""))
    pairs: list[tuple[str, str, str]] = []
    for k, (begin, colon, _) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(printed)
        label = printed[begin:colon].strip()
        value = printed[colon + 1 : end].strip()
        name = _label_field(label, value)
        if name is not None and value:
            pairs.append((name, label, value))
    return pairs


def _label_field(label: str, value: str) -> str | None:
    key = label_key(label)
    if key.endswith("单位") and _MONEY_VALUE.fullmatch(value.strip()):
        return _MONEY
    if key in ("金额单位", "货币单位", "资金单位", "计量单位"):
        return _MONEY
    return vocab.field_of(key)


def _next_label(chunk: str) -> int | None:
    """Where a field label starts at the end of ``chunk`` (the text between two colons): after
    a gap of spaces, or else the longest run of characters before the colon that names a
    field; None: the colon is the value's own."""
    tail = chunk.rstrip()
    parts = _FIELD_GAP.split(tail)
    if len(parts) > 1 and parts[-1]:
        key = label_key(parts[-1])
        if key.endswith("单位") or _label_field(parts[-1], "") is not None:
            return len(tail) - len(parts[-1])
    for size in range(min(len(tail) - 1, 14), 1, -1):
        if vocab.field_of(label_key(tail[-size:])) is not None:
            return len(tail) - size
    return None


def _field_name(name: str) -> str:
    if ":" in name:
        return name.split(":", 1)[1]
    return _FIELD_NAMES.get(name, name)


def _measure(cell: Cell) -> Measure | None:
    """The value as printed, parsed with full-width digits and signs read as half-width
    (``≤３．６４万元`` → ≤ 3.64 万元); None for a blank cell."""
    m = _measure_of(cell.text)
    if m is None:
        return None
    return Measure(m.text, m.operator, m.number, m.unit, m.period, cell.location)


@lru_cache(maxsize=16384)
def _measure_of(text: str) -> Measure | None:
    """:func:`_measure` without its location, parsed once per distinct cell text (both
    readings of a table meet the same cells; a Measure is immutable)."""
    printed = clean(text)
    half = halfwidth(printed)
    m = parse_measure(half)
    return m if m is None or half == printed else replace(m, text=printed.strip())


def _kind_column_as_level1(
    found: list[tuple[int, Role]], keys: list[str]
) -> list[tuple[int, Role]]:
    """指标类别 | 二级指标 | …: a kind column before a 二级 column, with no 一级 column, is the
    一级 (产出指标/效益指标 under 指标类别)."""
    level2 = [i for i, r in found if r is Role.LEVEL2]
    if len(level2) < 2 or any(r is Role.LEVEL1 for _, r in found):
        return found
    first = level2[0]
    if not vocab.is_kind_label(keys[first]):
        return found
    return [(i, Role.LEVEL1 if i == first else r) for i, r in found]


_SINGLE_HAN = re.compile(r"\s*[\u4e00-\u9fff]\s*")
_SPREAD_HAN = re.compile(r"\s*[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff])+\s*")


def _label_not_indicator(key: str, text: str) -> bool:
    if vocab.column_role(key) in (Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL):
        return True
    return label_points(text) is not None and vocab.is_level1(strip_points(key))


def _judged_in_words(ind: Indicator) -> Indicator:
    """``_finding_in_words`` for a row whose 一级 was printed after it: under 项目决策 /
    项目管理 one value in words is the finding, not the target."""
    target = ind.target
    if (
        target is None
        or ind.actual is not None
        or ind.level1 is None
        or label_key(ind.level1.text) not in _JUDGED_PARTS
        or not _WORDS_ONLY.fullmatch(clean(target.text).strip())
    ):
        return ind
    return replace(ind, target=None, actual=target)


# 收入 / 支出 of a 决算 table: also the names of columns (收入合计 | 其中: 财政拨款 …), so read
# as a row only with a figure beside them
_WHOLE_LINES = frozenset({FundLine.INCOME, FundLine.EXPENDITURE})


def _from_the_right(values: Sequence[Cell], number: Cell, header: Header) -> Role | None:
    """The column of the one figure of a 总分 row whose label spans the columns on the left
    (the row shorter than the header), counted from the right: as many cells after the figure
    as the header has columns after 得分 (or after 分值) — with the cell before it blank, so
    that the count is not of a row that lost its trailing cells."""
    w, s = header.index(Role.WEIGHT), header.index(Role.SCORE)
    at = next(k for k, c in enumerate(values) if c is number)
    after = len(values) - 1 - at
    if w is None or s is None or at == 0 or not is_blank(values[at - 1].text):
        return None
    if after == header.width - 1 - s and s == w + 1:
        return Role.SCORE
    return None


def _score_alone(values: Sequence[Cell], number: Cell) -> bool:
    """Whether the one figure of a 总分 row is the score: it has a fraction (99.6; a total
    weight is a whole number), or the cell before it is blank (the 分值 cell left empty) and
    no blank cell follows it (where the 得分 cell would be)."""
    value = parse_number(number.text)
    if value is not None and value != value.to_integral_value():
        return True
    at = next(k for k, c in enumerate(values) if c is number)
    if at + 1 < len(values) and is_blank(values[at + 1].text):
        return False
    return at > 0 and is_blank(values[at - 1].text)


# figures written together in one cell: a figure running into another, or into a dash
_OUTPUT_LEVEL2 = re.compile(r"^(数量|质量|时效|进度)指标$")


def _half(text: str) -> str:
    """The text with full-width figures half-width (２８７．７１ is one figure, not 2 | 87.71):
    digits, points and per cent signs only; other full-width forms (，：（）) stay."""
    return text.translate(_FULL_FIGURES) if _FULL_FORM.search(text) else text


_FULL_FORM = re.compile("[０-９]")
_FULL_FIGURES = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
# an operator before a figure (jixiao.measure's table, as printed)
_OPERATOR = before_pattern(printed=True)
_GLUED = re.compile(
    r"\d\.\d+\.\d|%\s*[-+]?[\d－—-]|\d[－—]|^\d+(?:\.\d+)?[^\d.\s]{1,4}\d+(?:\.\d+)?$"
    r"|^(\d{1,3})\1$|^[－-]{2,3}$"  # 1010; －－: the printed blanks of two columns
    # a target with its operator and unit, and the actual after it (≥54次59次, 不少于4项4项10)
    rf"|^{_OPERATOR}\d+(?:\.\d+)?[^\d.\s]{{1,4}}\d"
    # … or with its unit and a bound after it (18466人及以上20423人1515, 34.49万元以内30.73万元55)
    rf"|^\d+(?:\.\d+)?[^\d.\s]{{0,3}}?{after_pattern()}\d"
)
# what each of the three patterns above needs (a digit, or the % and dashes of _GLUED): a cell
# without any is tried by none of them
_MAY_GLUE = re.compile(r"[\d%－-]")
_SHORT_DOUBLE = re.compile(r"(\d)\1")
_GLUED_START = re.compile(rf"[\d≥≤><=]|{_OPERATOR}")


@lru_cache(maxsize=16384)
def _may_hold_two(text: str) -> bool:
    """Whether a cell may hold two figures, or words and the points after them (what
    ``_unglue`` cuts): asked of every cell of every row, answered once per distinct text."""
    return bool(
        _MAY_GLUE.search(text)
        and (
            _GLUED.search(_half(text))
            or _POINTS_PAIR.fullmatch(text.strip())
            or _WORDS_THEN_POINTS.fullmatch(text.strip())
        )
    )


def _covered_blank(cells: Sequence[Cell], k: int) -> bool:
    """Whether blank cell ``k`` follows (after blanks only) a cell holding glued values."""
    j = k - 1
    while j >= 0 and not cells[j].text.strip():
        j -= 1
    return j >= 0 and bool(_GLUED.search(_half(cells[j].text.strip())))


# a value in words with the 分值 after it in one cell (全年召开4次专题会5 | 5)
_WORDS_THEN_POINTS = re.compile(r"(.*[\u4e00-\u9fff。）)”\"])(\d{1,3}(?:\.\d{1,2})?)")


def _has_words_then_points(row: Sequence[Cell], live: list[int]) -> bool:
    return any(_words_then_points_cell(row[i].text) for i in live)


@lru_cache(maxsize=16384)
def _words_then_points_cell(text: str) -> bool:
    """Words with the points after them in one cell, answered once per distinct text."""
    return _WORDS_THEN_POINTS.fullmatch(text.strip()) is not None


def _words_then_points(
    texts: tuple[str, ...], at: int, roles: tuple[Role, ...]
) -> tuple[str, str] | None:
    """``texts[at]`` cut into its words and the 分值 glued after them, where the cell stands in
    the target or actual column, the 分值 column follows and the 得分 after it confirms the cut
    (得分 ≤ 分值); None otherwise."""
    m = _WORDS_THEN_POINTS.fullmatch(texts[at])
    if (
        m is None
        or at + 2 >= len(roles)
        or at + 1 >= len(texts)
        or roles[at] not in (Role.TARGET, Role.ACTUAL)
        or roles[at + 1] != Role.WEIGHT
        or roles[at + 2] != Role.SCORE
    ):
        return None
    weight, score = parse_number(m.group(2)), parse_number(texts[at + 1])
    if weight is None or score is None or not 0 <= score <= weight <= 100:
        return None
    return m.group(1), m.group(2)


# 分值 and 得分 written together (4038, 105): cut only where the 分值 column stands
_POINTS_PAIR = re.compile(r"\d{3,4}|\d{1,3}\.\d{1,2}\d{1,3}")
_NUMERIC_FIELDS = frozenset({"staff_authorized", "staff_actual", "fill_date"})
_SCORE_FIELDS = frozenset({"自评得分", "自评总分", "总得分", "综合得分", "评价得分", "自评分数"})
_UNIT_RANK = {"实施单位": 2, "项目实施单位": 2, "填报单位": 0, "部门": 0, "单位": 0}
_REASONISH = re.compile(r"[。；;，,]|原因|由于|因为|未完成|措施")


def _at_most(small: str, large: str) -> bool:
    a, b = parse_number(small), parse_number(large)
    return a is not None and b is not None and a <= b


def _nature(text: str | None) -> Operator | None:
    return parse_operator(clean(text)) if text else None


_INDICATOR_SIDE_LABEL = re.compile(r"^年度绩效目标$")  # 绩效目标 alone is also a 二级 (决策)


def _goal_columns_only(found: list[tuple[int, Role]], keys: list[str]) -> bool:
    """年度总体目标 | 预期目标 | 实际完成情况: the goal block's header names a target and an
    achieved column too, but no indicator (name, weight, score) column."""
    return all(r in (Role.TARGET, Role.ACTUAL) for _, r in found) and vocab.goal_header(keys)


def _made_of(ind: Indicator, cells: set) -> bool:
    """Whether an indicator row was read from the given cells (its name or 一级)."""
    return ind.name.location in cells or (ind.level1 is not None and ind.level1.location in cells)
