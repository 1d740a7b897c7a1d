"""How deep a fund row sits, as the form prints it.

A fund block prints its structure in three ways, and the vocabulary knows a fourth:

- ``其中：`` opens the parts of the row above (``支出`` / ``其中：人员经费支出``): one level deeper;
- the rows after it that are of the same kind (both named by the vocabulary at the same
  level, or both unnamed) are its siblings (``公用经费支出`` after ``其中：人员经费支出``);
- in a cell the indentation is kept (.xlsx, .docx): a row whose words start in the column of
  an earlier row's words is that row's sibling (``　　　公用经费支出`` under
  ``其中：人员经费支出``, ``扫黑除恶工作经费`` under ``　　　其中：委员活动经费``);
- otherwise the vocabulary's level (合计 0; 财政拨款, 基本支出, 项目支出 1; 人员支出 2), with a
  numbered row (``（1）基本支出``) on level 1 and 收入/支出 on level 0.

The vocabulary alone put ``委员活动经费`` (a part of 项目支出, printed ``　　　其中：委员活动经费``)
beside 项目支出, and ``人员经费支出`` under a 基本支出 the form does not have.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from jixiao.extract import vocab
from jixiao.model import FundGroup, FundLine

_QIZHONG = re.compile(r"^其中\s*[:：]?\s*")
_NUMBERED = re.compile(r"^[(（]\s*[0-9一二三四五六七八九十]{1,2}\s*[)）]|^[0-9]{1,2}\s*[、.．]")


@dataclass(frozen=True, slots=True)
class _Printed:
    depth: int
    column: int  # where the row's words start, in half-width columns (其中： counted)
    indented: bool  # printed with leading spaces (the format keeps them)
    line: FundLine | None
    level: int  # the vocabulary's level of the row


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class PrintedDepth:
    """The depth of each fund row of a form, fed in the order the form prints them."""

    def __init__(self, *, columns: bool = False) -> None:
        """``columns``: the format keeps a cell's leading spaces (.xlsx, .docx), so a label
        printed without them starts in the first column."""
        self._columns = columns
        self._rows: list[_Printed] = []  # the rows of the current block
        self._group: FundGroup | None = None
        self._kin: _Printed | None = None  # the 其中 row whose siblings follow
        self.lifted = False  # the last call put the row before it on level 0

    def depth(self, label: str, line: FundLine | None, group: FundGroup | None) -> int:
        """``label``: the row's label cell as printed (leading spaces kept where the format
        keeps them)."""
        self.lifted = False
        level = vocab.fund_depth(line)
        stripped = label.lstrip()
        if len(stripped.strip()) < 2:
            return level  # a stray mark read as a label (一 for a blank): no row's parent
        lead = label[: len(label) - len(stripped)]
        marker = _QIZHONG.match(stripped)
        column = _width(lead.replace("\t", "    ")) + (_width(marker.group(0)) if marker else 0)
        prev = self._rows[-1] if self._rows and self._group == group else None
        if prev is None:
            self._rows.clear()  # a new block
            self._kin = None
        indented = self._columns or bool(lead) or any(r.indented for r in self._rows)
        depth = level
        if line in (FundLine.TOTAL, FundLine.INCOME, FundLine.EXPENDITURE) and not marker:
            self._kin = None
        elif _NUMBERED.match(stripped) and not marker:
            self._kin = None
            depth = 1
        elif marker and prev is not None:
            if len(self._rows) == 1 and prev.line is None and prev.depth > 0:
                # the block's first row, its parts following: nothing above it, so it is the
                # top of the block (the vocabulary, not knowing its name, put it on level 1)
                prev = self._rows[0] = replace(prev, depth=0)
                self.lifted = True
            depth = prev.depth + 1
        elif indented and (same := self._same_column(column)) is not None:
            depth = same.depth
        elif (
            self._kin is not None
            and (not indented or column == self._kin.column)
            and _kin_of(self._kin, line, level)
        ):
            depth = self._kin.depth
        else:
            self._kin = None
        row = _Printed(depth, column, bool(lead), line, level)
        if marker and prev is not None:
            self._kin = row
        self._rows.append(row)
        self._group = group
        return depth

    def _same_column(self, column: int) -> _Printed | None:
        """The nearest row above whose words start in ``column``; none past a row further left."""
        for r in reversed(self._rows):
            if r.column == column:
                return r
            if r.column < column:
                return None
        return None


def _kin_of(kin: _Printed, line: FundLine | None, level: int) -> bool:
    """A row printed after ``kin`` (a ``其中：`` row) without marks of its own is its sibling
    when it is of the same kind: both unnamed, or named at the same level."""
    if (line is None) != (kin.line is None):
        return False
    return level == kin.level
