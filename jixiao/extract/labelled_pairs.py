"""``栏目：值`` pairs on one line for the fund figures and the goal (issue 9, ss).

A form retyped as text (or printed so by a website) gives the fund block as one line of
labelled figures, ``年初预算数：320.00    全年预算数：300.00    全年执行数：285.50    执行率：95.17%
分值：10    得分：9.5``, and the goal as ``年度总体目标：…`` / ``实际完成情况：…`` lines. Each
figure is named by its own label, so the line is the total fund row whatever the order; where a
rate is printed it is checked against 执行数 ÷ 预算数, and a note says when it disagrees (the
labels still place the figures; the check of the rate reports the difference).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from jixiao.document import Cell
from jixiao.extract import vocab
from jixiao.extract.values import to_num
from jixiao.extract.vocab import Role
from jixiao.model import FundLine, FundRow, Goal, Num, Text
from jixiao.textnorm import clean, label_key

# label：figure (a blank mark for a figure not given); the labels are checked against the vocabulary
_PAIR = re.compile(
    r"([^\s:：，,;；0-9]{2,14})\s*[:：]\s*"
    r"([-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[-+]?\d+(?:\.\d+)?\s*[%％]?|[—－/／-]{1,2})"
    r"(?:\s*(?:万元|元|分))?(?=\s|$|[，,;；])"
)
_GAP = re.compile(r"[\s，,;；]*")


def _after_gap(text: str, at: int) -> int:
    """Where the spaces and separators from ``at`` end (the pattern matches an empty gap too)."""
    m = _GAP.match(text, at)
    return at if m is None else m.end()


FIGURE_ROLES = frozenset(
    {Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE, Role.WEIGHT, Role.SCORE}
)
_MONEY = (Role.INITIAL, Role.BUDGET, Role.SPENT)
# the goal's labels with a colon: which half of the goal the text is
_GOAL_LABEL = re.compile(
    r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．]?\s*)?"
    r"(年度总体目标|总体目标|年度目标|绩效目标|预期目标|年初设定目标|设定目标|"
    r"实际完成情况|全年完成情况|完成情况|实际完成)\s*\d?\s*[:：]\s*(\S.*)$"
)
_ACHIEVED = re.compile(r"完成")
# cheap first tests: a line of fund figures names a budget or spending, a goal line its goal
_FUND_WORD = re.compile(r"预算|执行|支出|决算")
_GOAL_WORD = re.compile(r"目标|完成")
_LONGEST = 400  # characters: six labelled figures with gaps take far fewer


def fund_pairs(text: str) -> dict[Role, str] | None:
    """The figures of a line made only of ``栏目：值`` pairs naming fund columns (two of
    预算数/执行数/执行率 at least, a budget or spending among them), by role; None otherwise."""
    if ("：" not in text and ":" not in text) or not _FUND_WORD.search(text):
        return None
    got: dict[Role, str] = {}
    at = _after_gap(text, 0)
    while at < len(text):
        m = _PAIR.match(text, at)
        if m is None:
            return None  # words that are no pair: not a line of labelled figures
        role = vocab.column_role(label_key(m.group(1)))
        if role not in FIGURE_ROLES or role in got:
            return None
        got[role] = m.group(2)
        at = _after_gap(text, m.end())
    if not got:
        return None
    fund = [r for r in got if r in (Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE)]
    if len(fund) < 2 or not (Role.BUDGET in got or Role.SPENT in got):
        return None
    return got


def fund_row(
    row: Sequence[Cell], unit: str | None
) -> tuple[FundRow, dict[Role, Cell], str | None] | None:
    """The total fund row a line of labelled figures gives, the cell each figure came from, and
    a note when the printed rate disagrees with 执行数 ÷ 预算数; None when the row is not one."""
    live = [c for c in row if c.text.strip()]
    raw = " ".join(c.text for c in live)
    if not live or len(raw) > _LONGEST or not _FUND_WORD.search(raw):
        return None  # (a line of labelled figures is short and names a budget or spending)
    got = fund_pairs(clean(raw))
    if got is None:
        return None
    where: dict[Role, Cell] = {}
    for role, printed in got.items():
        where[role] = next((c for c in live if printed in c.text), live[0])
    money = unit or "万元"

    def num(role: Role, percent: bool = False, is_money: bool = False) -> Num | None:
        printed = got.get(role)
        if printed is None:
            return None
        return to_num(printed, where[role].location, money if is_money else None, percent)

    budget, actual, rate = num(Role.BUDGET, is_money=True), num(Role.SPENT, is_money=True), None
    rate = num(Role.RATE, percent=True)
    note = None
    if rate is not None and budget and actual and budget.value and rate.value is not None:
        computed = (actual.value / budget.value * 100).quantize(Decimal("0.01"))
        if abs(computed - rate.value) > Decimal("0.06"):
            note = (
                f"{live[0].location}：资金行各数按所标栏目读取，但执行率 {got[Role.RATE]} 与 "
                f"执行数 ÷ 预算数 = {computed}% 不符"
            )
    first = live[0]
    fund = FundRow(
        label=Text("合计", first.location),
        line=FundLine.TOTAL,
        depth=0,
        initial_budget=num(Role.INITIAL, is_money=True),
        budget=budget,
        actual=actual,
        rate=rate,
        weight=num(Role.WEIGHT),
        score=num(Role.SCORE),
        location=first.location,
    )
    return fund, where, note


def goal_part(text: str) -> tuple[str, str] | None:
    """``年度总体目标：…`` → ("planned", …), ``实际完成情况：…`` → ("achieved", …); None for any
    other text (or a goal label with nothing after its colon)."""
    if not _GOAL_WORD.search(text[:24]) or _GOAL_LABEL.match(clean(text[:40])) is None:
        return None  # the goal's label and its colon open the line
    m = _GOAL_LABEL.match(clean(text))
    if m is None:
        return None
    label, value = m.group(1), m.group(2).strip()
    if not value or fund_pairs(value) is not None:
        return None
    return ("achieved" if _ACHIEVED.search(label) else "planned", value)


def add_goal_part(goals: list[Goal], part: str, value: Text) -> None:
    """A planned goal opens a goal; an achieved text completes the last goal still open (or
    stands alone when none is)."""
    if part == "planned":
        goals.append(Goal(value, None))
    elif goals and goals[-1].achieved is None:
        goals[-1] = Goal(goals[-1].planned, value)
    else:
        goals.append(Goal(None, value))


def labelled_line(text: str) -> bool:
    """A cell that is a row of its own: labelled fund figures or one half of the goal."""
    if len(text) <= _LONGEST and _FUND_WORD.search(text) and fund_pairs(clean(text)) is not None:
        return True
    return goal_part(text) is not None
