"""Run-together rows printed values first (``≥95%98%55质量指标合格率``, ``000－－上年结转资金``).

A PDF or a sharing site may write a row's label cells after its figures (a merged 一级/二级
cell and the name come out last). In run-together text with one row per line the reader
takes a name, then its values — so the figures of such a line would go to the name of the
line above. :func:`values_first_rows` turns such a line round (labels first) when it reads as
one whole row: the figures are a complete fund row under a fund row's word, or a complete
indicator row (分值 and 得分 with 得分 ≤ 分值, target and actual in one unit) and either
nothing above waits for figures (the line above is the header or a row turned round) or the next line does not go on with figures (when both hold, the labels' own figures
may be there: a row broken after the figures of the row above). Any other line stays as it is (a page wrapped at any width is not
turned round: its lines are long and seldom read as one whole row). Two rows printed labels,
labels, values, values are put back in order the same way (:func:`_pairs_apart`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.document import Cell
from jixiao.extract import vocab
from jixiao.extract.runtogether import _ROW_WORD as _FUND_ROW_WORD
from jixiao.extract.runtogether import _dec, split_indicator_rows
from jixiao.extract.vocab import Role
from jixiao.measure import after_pattern, before_pattern
from jixiao.textnorm import label_key

# the labels at the end of the line: no figure, no sign of a value in them
_TAIL = re.compile(r"[^\d%.\-－—/≥≤<>=＜＞]+$")
# a value starts with a figure, a sign, a blank mark or a comparison word of jixiao.measure's
# table (the words are read after the labels, never inside one: no restriction needed)
_OPERATOR = before_pattern(printed=True)
_VALUE_START = re.compile(rf"[\d≥≤<>=＜＞\-－—/]|{_OPERATOR}")
_FIGURES_ONLY = re.compile(r"[\d.%\-－—/\s]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(rf"^(?:{_OPERATOR})?[\d.]+")
_BOUND = re.compile(f"{after_pattern()}$")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[。；;]\s*$")
_CATEGORY_WORDS = frozenset({*vocab.LEVEL1, *vocab.LEVEL2, *vocab.FRAMEWORK_LEVEL2})
_ENDS_IN_CATEGORY = re.compile(
    "(?:"
    + "|".join(re.escape(w) for w in sorted(_CATEGORY_WORDS, key=len) if w.endswith("指标"))
    + ")$"
)
_HEADER_WORDS = re.compile(r"指标值|完成值|分值|得分|预算数|执行数|执行率|一级指标|三级指标")
_MAX_LINE = 120  # longer lines are a wrapped page, not one row
_PLACEHOLDER = "某项指标"  # stands for the name while the figures are tried as one row
_ROLE_ORDERS = (
    (Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE),  # 指标值 完成值 分值 得分
    (Role.WEIGHT, Role.TARGET, Role.ACTUAL, Role.SCORE),  # 分值 指标值 完成值 得分
)


def values_first_rows(cells: list[Cell]) -> list[Cell]:
    """The lines with a values-first row turned round (the others as they are)."""
    cells = _pairs_apart(cells)
    out = cells
    # the line above may want this line's first figures: a name ending it, or a row short of
    # its last figures; not so the header or a row turned round (whole by then)
    awaiting = True
    for k, cell in enumerate(cells):
        text = cell.text.strip()
        following = k + 1 < len(cells) and _VALUE_START.match(cells[k + 1].text.strip())
        turned = _turned(cell.text)
        if turned is not None and (not awaiting or not following):
            # nothing above waits for these figures (the header, a row turned round), or the
            # labels' own figures do not follow on the next line
            if out is cells:
                out = list(cells)
            out[k] = replace(cell, text=turned)
            awaiting = False
        else:
            awaiting = not _header_line(text)
    return out


def _header_line(text: str) -> bool:
    """Column labels only (three or more, ending the line, or a last column label after them):
    no row's name at the end waits for figures."""
    found = list(_HEADER_WORDS.finditer(text))
    if len(found) < 3:
        return False
    tail = label_key(text[found[-1].end() :])
    return not tail or vocab.column_role(tail) is not None


def _pairs_apart(cells: list[Cell]) -> list[Cell]:
    """Two rows printed labels, labels, values, values (``产出指标数量指标培训场次`` /
    ``覆盖人数`` / ``≥10场12场55`` / ``≥300人320人1010``) put back as labels, values, labels,
    values when both label lines hold no figure and both value lines read as one whole row."""
    out = cells
    k = 0
    while k + 3 < len(cells):
        a, b, c, d = (x.text.strip() for x in cells[k : k + 4])
        if _labels_only(a) and _labels_only(b) and _values_only(c) and _values_only(d):
            if out is cells:
                out = list(cells)
            out[k + 1], out[k + 2] = cells[k + 2], cells[k + 1]
            k += 4
        else:
            k += 1
    return out


def _labels_only(line: str) -> bool:
    return (
        0 < len(line) <= _MAX_LINE
        and not _DIGIT.search(line)
        and len(_HAN.findall(line)) >= 2
        and _names_a_row(line)
    )


def _values_only(line: str) -> bool:
    """A whole indicator row's figures, perhaps with its 偏差原因 sentence after them."""
    if len(line) > _MAX_LINE or not _VALUE_START.match(line):
        return False
    tail = _TAIL.search(line)
    if tail and not _SENTENCE_END.search(tail.group(0)):
        return False
    return _one_indicator_row(line[: tail.start()] if tail else line)


def _turned(line: str) -> str | None:
    text = line.strip()
    if len(text) > _MAX_LINE or not text or not _VALUE_START.match(text):
        return None
    tail = _TAIL.search(text)
    if not tail or tail.start() == 0 or len(_HAN.findall(tail.group(0))) < 2:
        return None
    head, labels = text[: tail.start()], tail.group(0).strip()
    if not (head[-1].isdigit() or head[-1] in "%－-—/"):
        return None
    if _FUND_ROW_WORD.fullmatch(labels):
        return labels + head if _FIGURES_ONLY.fullmatch(head) else None
    # the row's 偏差原因 sentence may come between its figures and its labels
    reason, _, labels = labels.rpartition("。") if "。" in labels else ("", "", labels)
    if len(_HAN.findall(labels)) >= 2 and _names_a_row(labels) and _one_indicator_row(head):
        return labels + head + (reason + "。" if reason else "")
    return None


def _names_a_row(labels: str) -> bool:
    """The labels end with a name, not with a category word (…时效指标 at a line's end starts
    the next row, whose name and figures follow on the next line)."""
    key = label_key(labels)
    return key not in _CATEGORY_WORDS and not _ENDS_IN_CATEGORY.search(key)


def _one_indicator_row(head: str) -> bool:
    """The figures read as one whole indicator row: both points, 得分 ≤ 分值."""
    for roles in _ROLE_ORDERS:
        rows = split_indicator_rows(_PLACEHOLDER + head, roles)
        if not rows or len(rows) != 1 or len(rows[0]) != 5 or rows[0][0] != _PLACEHOLDER:
            continue
        values = dict(zip(roles, rows[0][1:], strict=True))
        target, actual = values[Role.TARGET], values[Role.ACTUAL]
        unit = _BOUND.sub("", _NUMBER.sub("", target))  # 34.49万元以内 / 30.73万元: 万元
        if not unit or unit != _NUMBER.sub("", actual) or not _DIGIT.search(actual):
            continue  # a target and an actual in one unit (≥95% 98%), not bare digits cut up
        weight, score = _dec(values[Role.WEIGHT]), _dec(values[Role.SCORE])
        if weight is not None and score is not None and 0 < weight <= 100 and score <= weight:
            return True
    return False
