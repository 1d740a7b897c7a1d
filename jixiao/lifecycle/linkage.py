"""Results applied to the next budget (结果应用): the bureau's budget-linkage table as data,
the next-year budget proposals it produces, and the deadlines of 整改 (rectification) tasks.

A linkage table maps each 评价等级 to an action (e.g. 达州: 优 priority, 良 as needed, 中 cut
by a percentage, 差 suspended). The percentage is the bureau's decision of the year, not a
constant, so the table is data, validated by :func:`parse_table`; :func:`propose` applies it
to the results of a round, one proposal per form, each with the reason a reader can check.

    table = parse_table({"rules": [...], "feedback_days": 20, "answer_days": 30})
    propose([FormResult(unit="某局", grade="中", score=Decimal("72"), ...)], table)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

GRADES = ("优", "良", "中", "差")
HUNDRED = Decimal(100)
MAX_DAYS = 365


class LinkageError(ValueError):
    """A linkage table that cannot be used: the message (Chinese) says which entry and why."""


class Action(StrEnum):
    PRIORITY = "优先保障"
    AS_NEEDED = "按需安排"
    CUT = "压减"
    SUSPEND = "暂停安排"


@dataclass(frozen=True)
class LinkageRule:
    grade: str  # 优/良/中/差
    action: Action
    cut_percent: Decimal  # share of this year's budget taken off next year's (0 … 100)
    wording: str  # what the proposal says, e.g. "下年度预算优先保障"


@dataclass(frozen=True)
class LinkageTable:
    rules: tuple[LinkageRule, ...]
    feedback_days: int = 20  # the unit feeds back its 整改 plan within … days of the task
    answer_days: int = 30  # … and answers with the result within … days

    def rule(self, grade: str) -> LinkageRule | None:
        return next((r for r in self.rules if r.grade == grade), None)


DEFAULT_TABLE = LinkageTable(
    rules=(
        LinkageRule("优", Action.PRIORITY, Decimal(0), "下年度预算优先保障"),
        LinkageRule("良", Action.AS_NEEDED, Decimal(0), "下年度预算按需安排"),
        LinkageRule("中", Action.CUT, Decimal(10), "下年度预算按比例压减"),
        LinkageRule("差", Action.SUSPEND, HUNDRED, "下年度预算暂停安排，整改到位后再议"),
    )
)


def _percent(grade: str, value: Any) -> Decimal:
    try:
        p = Decimal(str(value).strip().rstrip("%") or "0")
    except InvalidOperation:
        raise LinkageError(f"“{grade}”的压减比例“{value}”不是数字。") from None
    if not p.is_finite() or not 0 <= p <= HUNDRED:
        raise LinkageError(f"“{grade}”的压减比例应在 0 到 100 之间，现为 {value}。")
    return p


def _days(name: str, value: Any) -> int:
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_DAYS:
        raise LinkageError(f"{name}应为 1 到 {MAX_DAYS} 天，现为“{value}”。")
    return int(text)


def parse_table(data: Mapping[str, Any]) -> LinkageTable:
    """A linkage table from plain data (a form, JSON), checked: each grade once, a known
    action, a cut of more than 0 and less than 100 % for 压减, none for 优先保障/按需安排
    (暂停安排 is 100 %), a wording, and deadlines of 1–365 days with the answer not before
    the feedback."""
    rules: dict[str, LinkageRule] = {}
    for raw in data.get("rules") or ():
        grade = str(raw.get("grade", "")).strip()
        if grade not in GRADES:
            raise LinkageError(f"没有“{grade}”这个等级（应为 优、良、中、差）。")
        if grade in rules:
            raise LinkageError(f"等级“{grade}”出现了两次。")
        try:
            action = Action(str(raw.get("action", "")).strip())
        except ValueError:
            names = "、".join(a.value for a in Action)
            raise LinkageError(f"“{grade}”的处理方式应为 {names} 之一。") from None
        cut = _percent(grade, raw.get("cut_percent", 0))
        if action is Action.CUT and not 0 < cut < HUNDRED:
            raise LinkageError(f"“{grade}”选了压减，压减比例应大于 0 且小于 100。")
        if action in (Action.PRIORITY, Action.AS_NEEDED) and cut:
            raise LinkageError(f"“{grade}”选了{action.value}，不应再填压减比例。")
        if action is Action.SUSPEND:
            cut = HUNDRED
        wording = " ".join(str(raw.get("wording", "")).split())
        if not wording:
            raise LinkageError(f"请写明“{grade}”的挂钩说明（如“下年度预算优先保障”）。")
        if len(wording) > 200:
            raise LinkageError(f"“{grade}”的挂钩说明超过 200 字。")
        rules[grade] = LinkageRule(grade, action, cut, wording)
    missing = [g for g in GRADES if g not in rules]
    if missing:
        raise LinkageError(f"挂钩表缺少等级：{'、'.join(missing)}。")
    feedback = _days("反馈期限", data.get("feedback_days", DEFAULT_TABLE.feedback_days))
    answer = _days("整改期限", data.get("answer_days", DEFAULT_TABLE.answer_days))
    if answer < feedback:
        raise LinkageError(f"整改期限（{answer} 天）不应短于反馈期限（{feedback} 天）。")
    return LinkageTable(tuple(rules[g] for g in GRADES), feedback, answer)


def table_to_data(table: LinkageTable) -> dict[str, Any]:
    """The plain data :func:`parse_table` reads back (percentages as text: exact)."""
    return {
        "rules": [
            {
                "grade": r.grade,
                "action": r.action.value,
                "cut_percent": str(r.cut_percent),
                "wording": r.wording,
            }
            for r in table.rules
        ],
        "feedback_days": table.feedback_days,
        "answer_days": table.answer_days,
    }


@dataclass(frozen=True)
class FormResult:
    """The bureau's result of one form: the final score and grade (the 复核 score once the
    bureau re-scored), this year's budget (万元) and execution rate, the findings left."""

    unit: str
    project: str = ""
    score: Decimal | None = None
    grade: str = ""
    reviewed: bool = False  # the score is the bureau's 复核得分
    budget: Decimal | None = None
    execution_rate: Decimal | None = None
    findings: tuple[str, ...] = ()  # "JX-A001 合计不等于分项之和" …


@dataclass(frozen=True)
class Proposal:
    result: FormResult
    action: Action | None  # None: no grade yet, nothing to propose
    cut_percent: Decimal
    amount: Decimal | None  # this year's budget less the cut (万元): a starting point
    reason: str


def propose(results: Iterable[FormResult], table: LinkageTable) -> list[Proposal]:
    """One proposal per form, by its grade, with the reason: the score and where it comes
    from, the grade, the execution rate, the rule applied and the findings that remain."""
    out = []
    for res in results:
        rule = table.rule(res.grade)
        parts = []
        if res.score is not None:
            parts.append(f"{'复核' if res.reviewed else '自评计算'}得分 {res.score} 分")
        parts.append(f"等级 {res.grade}" if res.grade else "尚未评定等级")
        if res.execution_rate is not None:
            parts.append(f"预算执行率 {res.execution_rate}%")
        if rule is None:
            out.append(
                Proposal(res, None, Decimal(0), None, "；".join([*parts, "暂不提出挂钩建议"]))
            )
            continue
        cut = f"（压减 {rule.cut_percent}%）" if rule.action is Action.CUT else ""
        parts.append(f"按挂钩表：{rule.grade} → {rule.action.value}{cut}，{rule.wording}")
        if res.findings:
            shown = "、".join(res.findings[:5]) + ("等" if len(res.findings) > 5 else "")
            parts.append(f"存在问题：{shown}")
        amount = None if res.budget is None else res.budget * (HUNDRED - rule.cut_percent) / HUNDRED
        out.append(Proposal(res, rule.action, rule.cut_percent, amount, "；".join(parts)))
    return out


def due_dates(issued: date, table: LinkageTable) -> tuple[date, date]:
    """The unit's feedback and answer deadlines of a 整改 task issued on ``issued``."""
    return issued + timedelta(days=table.feedback_days), issued + timedelta(days=table.answer_days)


def lateness(
    today: date, feedback_due: date, answer_due: date, fed_back: bool, answered: bool
) -> str:
    """Why an open task is overdue ("" when it is not): the answer counts as feedback."""
    if not answered and today > answer_due:
        return f"整改结果逾期 {(today - answer_due).days} 天"
    if not fed_back and not answered and today > feedback_due:
        return f"反馈逾期 {(today - feedback_due).days} 天"
    return ""
