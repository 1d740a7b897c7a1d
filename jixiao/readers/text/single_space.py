"""Rows of PDF text whose cells are parted by ONE space (issue 9, ss).

pdfplumber's ``extract_text()`` and a PDF viewer's copy give a Word table as one row per line,
its cells parted by a single space, the columns not aligned; a long cell wraps, its rest on
the next line. Spaces do not tell a cell from a space inside one, so a line is cut by what its
words are:

- a row holding figures (分值, 得分, amounts, rates) is cut at every space (:func:`row_line`);
- a line of labels only (``项目资金（万元） 年初预算数 全年预算数 …``, ``年度总体目标 预期目标
  实际完成情况``, the indicator header) is cut at every space;
- a line that starts with a field label is cut before each field label
  (``主管部门 某区某局 实施单位 某区某所`` → four cells: each label, then its value);
- the line after a goal header, naming no label, is cut into the header's two text columns
  only where that is unambiguous: one space, or the spaces that end sentences (。；) giving
  exactly two parts;
- any other line stays one cell (:func:`cells` returns None), and a line without figures
  after a row continues it only where one cell of that row can be the one that wrapped
  (:func:`wrapped_into`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.extract import vocab
from jixiao.measure import before_pattern
from jixiao.textnorm import halfwidth, label_key, strip_points

# an operator before a figure: any of jixiao.measure's table, as printed (≧, 不低於 too)
_OP = before_pattern(printed=True)
_RUN = re.compile(r"\S( {2,}|\u3000|\t)\S")
# a figure cell: an amount (thousands separators too), a rate, points, a measure, a blank mark
_FIGURE = re.compile(
    rf"^(?:{_OP})?[-+]?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?%?$"
    rf"|^(?:{_OP})?[-+]?\d+(?:\.\d+)?\S{{0,4}}$"
)
_BLANK = frozenset({"—", "－", "-", "/", "／", "——", "无"})
_SEPARATORS = frozenset({"|", "｜", "/", "／", ";", "；"})
_WORD = re.compile(r"^[A-Za-z][a-z]+[,.;:]?$")
_SENTENCE_END = re.compile(r"(?<=[。；;！!])\s")


def figure(token: str) -> bool:
    """A value cell: a figure, a measure, a blank mark — or figures run together
    (``331人2019.36``, ``96%35``): a short token that starts with a figure and holds no
    sentence mark."""
    t = halfwidth(token)
    if t in _BLANK or _FIGURE.match(t) is not None:
        return True
    return len(t) <= 16 and _GLUED.match(t) is not None


_GLUED = re.compile(r"^(?:[≥≤<>=＞＜])?[-+]?\d[^，,。；;：:、]*\d%?$")


def row_line(line: str) -> bool:
    """A table row: three or more cells, two of them figures, or a row label (a fund line,
    an indicator category, 总分) followed by a figure; its text cells may be sentences."""
    tokens = line.split()
    if len(tokens) < 2:
        return False
    marks = [figure(t) for t in tokens]
    if len(tokens) >= 3 and sum(marks) >= 2 and (marks[-1] or marks[-2] and marks[-3]):
        # the row ends in its figures (分值 得分), or in them and a reason after them; not a
        # sentence with spaces around its figures (为 174.74 万元，上年 0 万元。), nor a date
        return not any(t in ("年", "月", "日") for t in tokens)
    # a row led by its category or fund line, a figure in it (a target table's rows end in
    # words: 正向指标 行业标准)
    return _row_label(tokens[0]) and (marks[-1] or (len(tokens) >= 4 and sum(marks) >= 1))


@lru_cache(maxsize=4096)
def _row_label(token: str) -> bool:
    key = label_key(token)
    return bool(
        vocab.fund_line(key) or vocab.is_level1(key) or vocab.is_level2(key)
    ) or vocab.total_label(key)


@lru_cache(maxsize=4096)
def label(token: str) -> bool:
    """A column, field, section or goal label, or a category word of the form."""
    key = label_key(token)
    if not key or len(key) > 16:
        return False
    return bool(
        vocab.column_role(key)
        or vocab.field_of(key)
        or vocab.section_of(key)
        or vocab.is_goal_column(key)
        or vocab.fund_group(key)
        or key in ("项目", "项目类别", "资金来源", "资金结构")
    )


@lru_cache(maxsize=4096)
def _field(token: str) -> bool:
    key = label_key(token)
    return bool(key) and vocab.field_of(key) is not None


def cells(line: str, goal_columns: int = 0) -> list[str] | None:
    """The cells of a single-spaced line, or None where its words do not tell them (the line
    is then one cell). ``goal_columns``: the text columns of a goal header just above."""
    tokens = line.split()
    if len(tokens) < 2 or sum(1 for t in tokens if _WORD.match(t)) >= 2:
        return None  # (words of a Latin-script language: a sentence, not cells)
    if row_line(line):
        return tokens
    if any(t in _SEPARATORS for t in tokens):
        return None  # cells parted by marks (| / ;): not a line of single-spaced cells
    labels = [label(t) for t in tokens]
    if sum(labels) >= 2 and all(labels[1:]):
        return tokens  # a header: labels only (the first may be the block's title)
    if all(_row_label(strip_points(t)) for t in tokens):
        return tokens  # 一级 printed after their rows: 产出指标（50分） 效益指标（30分） …
    if labels[0] and _field(tokens[0]):
        return _field_pairs(tokens)
    if goal_columns == 2 and not any(labels):
        return _goal_texts(line)
    if any(labels) or any(figure(t) or _row_label(t) for t in tokens):
        # a row broken across lines, or two rows' pieces on one line: every space parts cells
        # (the rows are then rebuilt from their labels, extract/stream.py)
        return tokens
    return None


def _field_pairs(tokens: list[str]) -> list[str] | None:
    """``label value label value``: each field label a cell, the words up to the next field
    label its value; a figure is a cell of its own, and so are the words just before it
    (``资金总额（万元） 37.19``: a label the form's vocabulary may not hold)."""
    out: list[str] = []
    for k, t in enumerate(tokens):
        before_figure = k + 1 < len(tokens) and figure(tokens[k + 1])
        if not out or _field(t) or figure(t) or _field(out[-1]) or before_figure or figure(out[-1]):
            out.append(t)
        else:
            out[-1] += " " + t
    return out if len(out) >= 2 else None


def _goal_texts(line: str) -> list[str] | None:
    text = line.strip()
    if text.count(" ") == 1:
        return text.split(" ")
    parts = [p for p in _SENTENCE_END.split(text) if p.strip()]
    return [p.strip() for p in parts] if len(parts) == 2 else None


def goal_columns(row: list[str]) -> int:
    """How many goal text columns a header row names (预期目标 | 实际完成情况: 2), 0 when the
    row is no goal header."""
    keys = [label_key(t) for t in row]
    if not vocab.goal_header(keys):
        return 0
    return sum(1 for k in keys if vocab.is_goal_column(k) or vocab.column_role(k))


def wrapped_into(line: str, above: list[str], follow: bool = False) -> int | None:
    """The cell of the row ``above`` (its texts) that a line without figures continues (a
    wrapped cell's rest), or None: the line starts something of its own (a label, a
    category), holds a figure, or more than one cell above could have wrapped; ``follow``:
    values without labels follow (:func:`values_follow`)."""
    text = line.strip()
    if " " in text or len(above) < 2 or figure(text) or label(text) or _row_label(text):
        return None
    if empty_item(text):
        return None  # 指标2： — a template's empty row, a line of its own
    if _labelled(text):
        return None  # 单位：万元 — a field of its own
    if figure(above[0]) or follow:
        # a row printed values first: words after it are the next row's labels — unless they
        # end a sentence, which no label does: the rest of the row's one sentence (its reason)
        said = [k for k, t in enumerate(above) if _sentence(t) and not figure(t)]
        ends = text.endswith(("。", "；", ";"))
        return said[0] if ends and len(said) == 1 and not _ended(above[said[0]]) else None
    if not any(figure(t) for t in above) and not _field(above[0]):
        return None  # under a header or a text line: not a row's rest
    if _field(above[0]) and len(above) == 2:
        return 1  # the value of the one field on the line
    open_cells = [
        k
        for k, t in enumerate(above)
        if not figure(t) and not label(t) and not _row_label(t) and not _field(t)
    ]
    if len(open_cells) > 1:
        # a bracket or quotation mark left open: the cell the rest belongs to
        open_cells = [k for k in open_cells if _unclosed(above[k])] or open_cells
    return open_cells[0] if len(open_cells) == 1 else None


def continuation(line: str, above: list[str], follow: bool = False) -> bool:
    """A line without figures or labels after a row of figures: the rest of one of its
    cells (which one, :func:`wrapped_into` tells where it can)."""
    text = line.strip()
    if " " in text or figure(text) or label(text) or _row_label(text) or not above:
        return False
    if empty_item(text):
        return False
    if _labelled(text):
        return False
    if figure(above[0]) or follow:
        return False  # values first, then labels: the next row's labels may follow
    if len(above) == 2 and not any(figure(t) or label(t) or _field(t) for t in above):
        return True  # a row of two texts (the goal's 预期目标 | 实际完成情况)
    return len(above) >= 3 and sum(1 for t in above if figure(t)) >= 2


# an indicator row the template left empty: only its numbering (指标2： / ……)
_EMPTY_ITEM = re.compile(r"^(?:指标\s*\d+\s*[:：.、]?|…+|\.{3,})$")


def empty_item(text: str) -> bool:
    """A line holding only a template's item numbering (``指标2：``, ``……``): an empty row."""
    return bool(_EMPTY_ITEM.match(text.strip()))


_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"))


def _unclosed(text: str) -> bool:
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


def single_rows(lines: list[str]) -> bool:
    """The text's table is printed with one space between cells: three or more rows of
    single-spaced cells holding figures (or two under a header of labels), and fewer lines
    whose cells are parted by runs of spaces (the columns of ``pdftotext -layout``)."""
    runs = 0
    single: list[str] = []
    for ln in lines:
        text = ln.strip()
        if " " not in text:
            continue
        if _RUN.search(text):
            runs += 1
        else:
            single.append(text)
    if len(single) < 3 or runs >= len(single):
        return False  # (columns of runs of spaces: row_line is not asked)
    rows = headers = 0
    for text in single:
        if row_line(text):
            rows += 1
        elif _header_line(text):
            headers += 1  # a short excerpt: two rows under their header
        if rows >= 2 and rows + headers >= 3 and rows > runs:
            return True
    return False


def _header_line(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 4 and all(label(t) for t in tokens[1:])


def values_follow(lines: list[str], at: int) -> bool:
    """Whether the next line holding figures (within a few lines after ``at``) holds values
    only (and perhaps a reason at its end): the order of a PDF's text boxes that prints rows'
    labels, then their values — the words before it are those rows' labels, not the rest of a
    wrapped cell."""
    for ln in lines[at + 1 : at + 5]:
        tokens = ln.split()
        if not tokens:
            continue
        marks = [figure(t) for t in tokens]
        if not any(marks):
            continue
        words = [t for t, m in zip(tokens, marks, strict=True) if not m]
        if not words:
            return True
        return len(words) == 1 and not marks[-1] and marks[0] and _sentence(words[0])
    return False


def _sentence(text: str) -> bool:
    return len(text) > 12 or any(ch in text for ch in "，。；")


_COLON = re.compile(r"[:：]")


def _labelled(text: str) -> bool:
    """``栏目：值`` — a field or column label before a colon (or any ``…单位：``)."""
    m = _COLON.search(text)
    if m is None:
        return False
    head = text[: m.start()]
    return _field(head) or label(head) or label_key(head).endswith("单位")


def _ended(text: str) -> bool:
    """A sentence already ended (。 or ； last): nothing of it wrapped."""
    return text.endswith(("。", "；", ";"))
