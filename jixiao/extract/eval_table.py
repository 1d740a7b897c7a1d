"""The 部门整体支出绩效评价指标表 with criteria columns, read from a stream of PDF text.

The evaluation table that goes with a 基础数据表 prints, per row, the 一级/二级/三级 indicator
each with its points, then two columns of sentences (评价标准 — how points are given — and 指标
说明 — what was found, often ending with the computed rate), then the score::

    一级指标 分值 二级指标 分值 三级指标 分值 评价标准 指标说明 得分
    投入 16 预算配置 16 在职人员控制率 8 以100%为标准…计8分; 本单位…的比率为95.10%. 8

Copied as text the cells run into one stream, the sentences spread over several lines. Read as
alternating label text and figures: short labels each followed by their points (一级, 二级,
三级 — the last one before the sentences is the 三级), the sentences, then the score. The reading
is kept only when the form's arithmetic confirms it: the 三级 points under a 二级 (or 一级) add up
to its points somewhere in the table, and no score exceeds its points (a score that does is left
empty with a reading note). The rate the 指标说明 ends with is the actual value.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain

from jixiao.document import Document
from jixiao.extract.base_data import Piece, document_cells
from jixiao.extract.vocab import is_level1, is_level2
from jixiao.measure import parse_measure
from jixiao.model import Indicator, Location, Num, Text
from jixiao.textnorm import clean, label_key

_HEADER_WORDS = frozenset(
    {
        "一级指标", "二级指标", "三级指标", "得分", "分值", "权重", "标准分", "评价标准", "评分标准",
        "指标说明", "指标解释", "评价要点", "评分细则", "评分依据", "扣分说明", "评价内容",
        "自评得分", "指标分值", "计分标准", "备注", "绩效指标", "扣分原因", "评价指标",
        "名称", "权重(%)",  # 一级 | 权重(%) | 二级 | 权重(%) …: a name and a points column per level
    }
)  # fmt: skip
_CRITERIA_WORDS = frozenset(
    {"评价标准", "评分标准", "指标说明", "指标解释", "评价要点", "评分细则", "计分标准"}
)
_HEADER_BEFORE = 12  # tokens before 一级指标 that may still be the header's (绩效指标 分值 …)
# a label carrying its points: 制度建设(12分), 内控制度(4 分), and 40分) whose bracket was lost
_LABEL_POINTS = re.compile(r"[（(]?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分\s*[)）]")
_POINTS = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_SENTENCE = re.compile(r"[,，;；。:：=%()（）<>≤≥＞＜]|\.\D|\.$")
_FINAL_RATE = re.compile(r"(-?\d+(?:\.\d+)?%)[。.；;]?$")
_MAX_LABEL = 20
_MAX_TOKENS = 3000


@dataclass
class _Row:
    name: str
    weight: tuple[Decimal, str, Location | None]
    level1: str | None
    level2: str | None
    location: Location | None
    text: list[str] = field(default_factory=list)
    score: tuple[Decimal, str, Location | None] | None = None
    heads: list[tuple[str, Decimal]] = field(default_factory=list)  # 一级/二级 and their points


@dataclass(frozen=True, slots=True)
class EvalTable:
    indicators: tuple[Indicator, ...]
    notes: tuple[str, ...]


def _tokens(document: Document) -> Iterator[tuple[str, Piece]] | None:
    """The tokens after the table's header (一级指标 … 三级指标 … 评价标准 … 得分), or None.
    Header words broken by spaces or lines (``一级 指标``, ``一 级指标``, ``自评 / 得分``) are
    joined first; a 评分表 that prints no criteria columns (一级 二级 三级 得分, each label with
    its points) is taken too. Tokens are made only as far as they are looked at."""
    # in the order of the lines: a long line the spaced reader set apart as a table of its own
    # comes back to its place
    cells = _from_first_level(_cells_in_line_order(document))
    if cells is None:
        return None
    stream = _all_tokens(cells)
    tokens: list[tuple[str, Piece]] = []

    def fill(n: int) -> None:
        while len(tokens) < n:
            nxt = next(stream, None)
            if nxt is None:
                return
            tokens.append(nxt)

    start = 0
    while True:
        fill(start + 3)
        if start >= len(tokens):
            return None
        at = _joined(tokens, start, 3).find("一级指标")
        if 0 <= at < len(tokens[start][0]):
            break
        start += 1
    tok, cell = tokens[start]
    tokens[start] = (tok[at:], cell)  # a title glued before it (…得分表一级指标)
    seen: set[str] = set()
    for k in range(max(0, start - _HEADER_BEFORE), start):
        word = _header_word(tokens, k)
        if word is not None:
            seen.add(word[0])
    j = start
    while True:
        fill(j + 3)
        word = _header_word(tokens, j) if j < len(tokens) else None
        if word is None:
            break
        seen.add(word[0])
        j += word[1]
    if "三级指标" not in seen or not (seen & _CRITERIA_WORDS or "得分" in seen or "自评得分" in seen):
        return None
    return chain(tokens[j:], stream)


def _cells_in_line_order(document: Document) -> Iterable[Piece]:
    """Every cell and paragraph; in spaced text in the order of their lines (the spaced reader
    sets a long line apart as a table of its own, after the others)."""
    if document.layout == "spaced":
        return sorted(document_cells(document), key=_line_of)
    return document_cells(document)


def _from_first_level(cells: Iterable[Piece]) -> Iterator[Piece] | None:
    """The cells from a few before the first holding 一级 (the header words before it) on, or
    None when no cell does; the cells are looked at only as far as that one."""
    before: deque[Piece] = deque(maxlen=_HEADER_BEFORE)
    it = iter(cells)
    for c in it:
        if "一级" in c.text or "级指" in c.text:
            return chain(before, (c,), it)
        before.append(c)
    return None


def _line_of(cell: Piece) -> int:
    line = cell.location.line if cell.location is not None else None
    return line if line is not None else 0


def _joined(tokens: list[tuple[str, Piece]], k: int, n: int) -> str:
    return "".join(t for t, _ in tokens[k : k + n])


def _header_word(tokens: list[tuple[str, Piece]], k: int) -> tuple[str, int] | None:
    """The header word starting at token ``k`` and how many tokens it takes (up to three:
    a word broken by spaces or lines), or None."""
    for n in (1, 2, 3):
        word = _joined(tokens, k, n)
        if word in _HEADER_WORDS:
            return word, n
    return None


def _all_tokens(cells: Iterable[Piece]) -> Iterator[tuple[str, Piece]]:
    count = 0
    for cell in cells:
        for tok in clean(_LABEL_POINTS.sub(_tight_points, cell.text)).split():
            count += 1
            if count > _MAX_TOKENS:
                return
            yield tok, cell


def _tight_points(m: re.Match[str]) -> str:
    """``(12 分)`` as ``(12分)``: one token with the label before it."""
    return m.group().replace(" ", "")


def _pairs(tokens: Iterable[tuple[str, Piece]]) -> Iterator[tuple[str, tuple | None, Piece]]:
    """(text, figure, cell of the text's start): the text between two figures and the figure
    that ends it; a last text without a figure ends the stream."""
    words: list[str] = []
    start: Piece | None = None
    for tok, cell in tokens:
        if _POINTS.match(tok):
            if words and start is not None:
                yield " ".join(words), (Decimal(tok), tok, cell.location), start
            words, start = [], None
            continue
        if start is None:
            start = cell
        words.append(tok)
    if words and start is not None:
        yield " ".join(words), None, start


def _is_label(text: str) -> bool:
    return len(text) <= _MAX_LABEL and not _SENTENCE.search(text) and not text[:1].isdigit()


def _point_labels(text: str) -> tuple[list[tuple[str, Decimal]], str]:
    """The labels a text chunk holds each with its points in brackets (``履职保 障(30分)
    制度建设(12分)`` → 履职保障 30, 制度建设 12) and the text after the last of them; none
    (and the whole text) unless every such label is a short label."""
    labels: list[tuple[str, Decimal]] = []
    at = 0
    for m in _LABEL_POINTS.finditer(text):
        label = text[at : m.start()].replace(" ", "")
        if not label or not _is_label(label):
            return [], text
        labels.append((label, Decimal(m.group(1))))
        at = m.end()
    return labels, text[at:].strip()


def _levels(
    heads: list[tuple[str, Decimal]], level1: str | None, level2: str | None
) -> tuple[str | None, str | None]:
    """The 一级/二级 after a row's heads (the labels with points before its name)."""
    if len(heads) >= 2:
        return heads[-2][0], heads[-1][0]
    if len(heads) == 1:
        head = heads[0][0]
        key = label_key(head)
        # a word of both (成本指标, 满意度指标) under a 一级 already read is its 二级
        if is_level1(key) and not (level1 is not None and is_level2(key)):
            return head, None
        return level1, head
    return level1, level2


def _rows(tokens: Iterable[tuple[str, Piece]]) -> list[_Row]:
    rows: list[_Row] = []
    pending: list[tuple[str, tuple[Decimal, str, Location | None], Piece]] = []
    level1: str | None = None
    level2: str | None = None
    for text, figure, cell in _pairs(tokens):
        labelled, rest = _point_labels(text)
        if labelled and figure is not None and (not rest or _is_label(rest)):
            heads = [(label, points[0]) for label, points, _ in pending] + labelled
            pending = []
            if rest:  # 资产管理(20分) 资产登记 8: the levels, a name and its points
                pending = [(label, (p, str(p), cell.location), cell) for label, p in heads]
                pending.append((rest, figure, cell))
                continue
            # 内控制度(4分) 4 in a 得分表: the 三级 with its points, the figure its score
            *heads, (name, points) = heads
            level1, level2 = _levels(heads, level1, level2)
            points_at: tuple[Decimal, str, Location | None] = (points, str(points), cell.location)
            rows.append(_Row(name, points_at, level1, level2, cell.location, [], figure, heads))
            continue
        if _is_label(text) and figure is not None:
            pending.append((text, figure, cell))
            continue
        if not pending:
            if rows and figure is not None and rows[-1].score is not None:
                # a bare figure inside the sentences (计 8 分): the sentence goes on
                rows[-1].text += [rows[-1].score[1], text]
                rows[-1].score = figure
                continue
            break  # sentences without a row: not this table
        *above, (name, weight, at) = pending
        pending = []
        levels = [(label, points[0]) for label, points, _ in above]
        level1, level2 = _levels(levels, level1, level2)
        rows.append(_Row(name, weight, level1, level2, at.location, [text], figure, levels))
    return rows


def _confirmed(rows: list[_Row]) -> bool:
    """Some 二级 (or 一级) whose points are the sum of its 三级 points."""
    for row in rows:
        for label, points in row.heads:
            under = [r.weight[0] for r in rows if label in (r.level1, r.level2)]
            if len(under) >= 2 and sum(under) == points:
                return True
    return False


def read_eval_table(document: Document) -> EvalTable | None:
    """The indicators of a criteria-column evaluation table, or None."""
    tokens = _tokens(document)
    if tokens is None:
        return None
    rows = _rows(tokens)
    if len(rows) < 2 or not _confirmed(rows):
        return None
    notes: list[str] = []
    out = []
    for row in rows:
        weight = Num(row.weight[0], row.weight[1], None, row.weight[2])
        score = Num(row.score[0], row.score[1], None, row.score[2]) if row.score else None
        if score is not None and score.value > weight.value:
            notes.append(
                f"{row.location}：指标“{row.name}”得分 {score.text} 大于分值 {weight.text}，"
                "可能是说明中的数字，得分未读取"
            )
            score = None
        text = " ".join(row.text)
        rate = _FINAL_RATE.search(text)
        out.append(
            Indicator(
                name=Text(row.name, row.location),
                level1=Text(row.level1, row.location) if row.level1 else None,
                level2=Text(row.level2, row.location) if row.level2 else None,
                actual=parse_measure(rate.group(1), row.location) if rate else None,
                weight=weight,
                score=score,
                location=row.location,
            )
        )
    return EvalTable(tuple(out), tuple(notes))
