"""Draft the 自评报告 from the table: the seed's five sections, figures filled in from the data.

The result is a :class:`~jixiao.model.Report` (title and sections), so every writer renders
it the same way (.docx, text, PDF). Sentences state what the table says — budget, execution,
basic and project spending, execution rate, score and grade, the indicators that missed and
why — and mark with 【待填写：…】 what only the unit can write (a placeholder is itself a
finding, JX-C016, until the unit replaces it). Where the evaluation already has a report,
:func:`report_for` keeps it as it is.

Every sentence is written so that the checks read it as meant: a part's figure names its
part in the same clause (“财政拨款全年执行数…”), a part's score says 得分 not 自评得分, and
nothing is stated that the table does not hold. The report is the unit's own: the checks'
findings are not copied into it (they are for the reviewer, ``jixiao check``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from jixiao.checks.texts import is_template_instruction, plain_label, year_text
from jixiao.model import (
    Evaluation,
    FundGroup,
    FundLine,
    FundRow,
    Grade,
    Indicator,
    Kind,
    Num,
    Report,
    Section,
    Text,
)
from jixiao.scoring import score_evaluation
from jixiao.scoring.sheet import fmt

if TYPE_CHECKING:
    from jixiao.scoring.sheet import ScoreSheet

TODO = "【待填写：{}】"
_ALL_MEASURES = ("initial", "budget", "actual", "rate")


def report_title(e: Evaluation) -> str:
    year = f"{year_text(e.year)}年度" if e.year is not None else ""
    if e.kind == Kind.PROJECT:
        name = e.project.text.strip() if e.project else ""
        # a name that names the year itself (“临城县2021年度…资金”) is not given it twice
        if e.year is not None and f"{year_text(e.year)}年" in name:
            year = ""
        # “…到户项目” + “项目支出…” would say 项目 twice
        return f"{year}{name.removesuffix('项目')}项目支出绩效自评报告"
    unit = e.unit.text if e.unit else ""
    return f"{year}{unit}部门整体支出绩效自评报告"


def report_for(e: Evaluation, score_sheet: ScoreSheet | None = None) -> Report:
    """The evaluation's own report where it has sections, else one drafted from the table."""
    if e.report is not None and e.report.sections:
        if e.report.title is not None:
            return e.report
        return Report(Text(report_title(e)), e.report.sections, e.report.figures)
    return draft_report(e, score_sheet)


def draft_report(e: Evaluation, score_sheet: ScoreSheet | None = None) -> Report:
    """A report drafted from the table, ready for the unit to edit."""
    if score_sheet is None:
        score_sheet = score_evaluation(e)
    d = _Drafter(e, score_sheet)
    sections = d.project_sections() if e.kind == Kind.PROJECT else d.department_sections()
    return Report(Text(report_title(e)), tuple(sections))


def section_body(sections: Sequence[Section], i: int) -> str:
    """The text a section prints under its own heading.

    Readers give a section the whole text up to the next heading of its level, sub-headings
    and all, and list the subsections after it; printing both would repeat them. So the
    body stops where the first subsection's heading appears in it.
    """
    section = sections[i]
    for child in sections[i + 1 :]:
        if child.level <= section.level:
            break
        position = section.text.find(child.heading.text)
        if position >= 0:
            return section.text[:position].rstrip("\n")
    return section.text


def rule_name(title: str) -> str:
    """The profile's title as official prose names it (without the “（默认）” of the CLI)."""
    return title.replace("（默认）", "").strip() or "评分规则"


_PRINTED_MONEY_UNIT = re.compile(r"(?:亿元|万元|千元|元)\s*$")


def money(n: Num | None, unit: str) -> str:
    """The amount as printed, followed by the form's money unit unless the printed text (a
    sentence's “286.83万元”) already carries one."""
    if n is None:
        return "—"
    shown = str(n).strip()
    return shown if _PRINTED_MONEY_UNIT.search(shown) else f"{shown}{unit}"


def rate_of(row: FundRow) -> str | None:
    """The printed 执行率, else 执行数 ÷ 预算数 to two decimals."""
    if row.rate is not None:
        shown = str(row.rate)
        return shown if shown.endswith(("%", "％")) else f"{shown}%"
    if row.budget is not None and row.actual is not None and row.budget.value:
        value = (row.actual.value / row.budget.value * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return f"{value}%"
    return None


def rate_value(row: FundRow) -> Decimal | None:
    if row.rate is not None:
        return row.rate.value
    if row.budget is not None and row.actual is not None and row.budget.value:
        return row.actual.value / row.budget.value * 100
    return None


def grade_for(total: Decimal) -> Grade:
    """Default cut-offs (财预〔2020〕10号): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60."""
    if total >= 90:
        return Grade.EXCELLENT
    if total >= 80:
        return Grade.GOOD
    if total >= 60:
        return Grade.FAIR
    return Grade.POOR


def row_name(row: FundRow) -> str:
    """资金来源合计 / 资金结构合计 for the totals of a department table, else the label."""
    if row.group is not None and row.depth == 0:
        return {FundGroup.SOURCE: "资金来源", FundGroup.STRUCTURE: "资金结构"}[
            row.group
        ] + row.label.text
    return row.label.text


def _filled(text: str, what: str) -> str:
    """The form's text, or a placeholder where the form still holds the template's
    instruction (“结合自评情况，分析存在的问题及原因。(200字以内)”)."""
    return TODO.format(what) if is_template_instruction(text) else text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？；.;!?】" else text + "。"


def _has_money(row: FundRow) -> bool:
    """Whether a row holds any amount other than 0 (an empty account says nothing)."""
    amounts = (row.initial_budget, row.budget, row.actual)
    return any(n is not None and n.value != 0 for n in amounts)


class _Drafter:
    def __init__(self, e: Evaluation, sheet: Any) -> None:
        self.e = e
        self.sheet = sheet
        self.u = e.money_unit
        self.year = f"{year_text(e.year)}年度" if e.year is not None else "本年度"

    # -- building blocks ---------------------------------------------------------------

    def fund_sentence(
        self, row: FundRow, name: str | None = None, what: tuple[str, ...] = _ALL_MEASURES
    ) -> str:
        """“财政拨款全年预算数…万元，全年执行数…万元，执行率…%”: one row's own figures,
        its name leading the clause so that no figure reads as another row's."""
        name = name or plain_label(row.label.text)
        parts = []
        if "initial" in what and row.initial_budget is not None:
            parts.append(f"年初预算数{money(row.initial_budget, self.u)}")
        if "budget" in what and row.budget is not None:
            parts.append(f"全年预算数{money(row.budget, self.u)}")
        if "actual" in what and row.actual is not None:
            parts.append(f"全年执行数{money(row.actual, self.u)}")
        rate = rate_of(row) if "rate" in what else None
        if rate is not None:
            parts.append(f"执行率{rate}")
        return f"{name}" + "，".join(parts) if parts else ""

    def label_of(self, line: FundLine, default: str) -> str:
        """What the table calls the row of ``line`` (项目支出 / 专项支出), else ``default``."""
        row = self.e.fund(line)
        return (plain_label(row.label.text) if row is not None else "") or default

    def parts_of(self, row: FundRow) -> list[FundRow]:
        from jixiao.writers.grid import fund_children

        index = self.e.funds.index(row)
        return [self.e.funds[j] for j in fund_children(self.e.funds, index)]

    def parts_sentences(
        self, row: FundRow, lead: str, what: tuple[str, ...] = _ALL_MEASURES
    ) -> str:
        """One sentence per part of ``row``, each naming its part (no “其中” list whose
        amounts would read as parts of one sum)."""
        parts = [p for p in self.parts_of(row) if _has_money(p)]
        sentences = [t for p in parts if (t := self.fund_sentence(p, what=what))]
        if not sentences:
            return ""
        return lead + "。".join(sentences) + "。"

    def scale(self) -> str:
        e = self.e
        total = e.fund(FundLine.TOTAL, FundGroup.SOURCE) or e.fund(FundLine.TOTAL)
        lines = []
        if total is not None:
            what = "项目资金" if e.kind == Kind.PROJECT else "部门整体资金"
            lines.append(_sentence(f"{self.year}{self.fund_sentence(total, what)}"))
            if parts := self.parts_sentences(total, "分资金来源看，"):
                lines.append(parts)
        basic, project = e.fund(FundLine.BASIC), e.fund(FundLine.PROJECT)
        spent = [
            f"{plain_label(r.label.text)}全年执行数{money(r.actual, self.u)}"
            for r in (basic, project)
            if r is not None and r.actual is not None
        ]
        if spent:
            lines.append(_sentence("分支出结构看，" + "，".join(spent)))
        if not lines:
            lines.append(TODO.format("整体支出规模、使用方向和主要内容、涉及范围"))
        return "\n".join(lines)

    def spending(self, line: FundLine, name: str, purpose: str) -> str:
        row = self.e.fund(line)
        if row is None:
            return TODO.format(f"{name}的预算及执行情况")
        text = _sentence(self.fund_sentence(row))
        parts = [
            f"{plain_label(p.label.text)}全年执行数{money(p.actual, self.u)}"
            for p in self.parts_of(row)
            if p.actual is not None
        ]
        if parts:
            text += _sentence("按经济分类，" + "，".join(parts))
        return text + purpose

    def performance(self) -> str:
        e = self.e
        lines = []
        for g in e.goals:
            if g.planned is not None and g.planned.text:
                lines.append(_sentence(f"年初设定目标：{_filled(g.planned.text, '年初设定目标')}"))
            if g.achieved is not None and g.achieved.text:
                lines.append(_sentence(f"全年完成情况：{_filled(g.achieved.text, '全年完成情况')}"))
        scored = e.scored_indicators
        if scored:
            groups: dict[str, list[Indicator]] = {}
            for i in scored:
                groups.setdefault(i.level1.text if i.level1 else "其他指标", []).append(i)
            counts = "、".join(f"{name}{len(items)}项" for name, items in groups.items())
            lines.append(f"本年度共设置三级绩效指标{len(scored)}项，其中{counts}。")
            for name, items in groups.items():
                w = _sum(i.weight for i in items)
                s = _sum(i.score for i in items)
                if s is None:
                    if w is not None:
                        lines.append(f"{name}分值{fmt(w)}分，表中未填写得分。")
                elif w is None:
                    lines.append(f"{name}得分{fmt(s)}分。")
                else:
                    lines.append(f"{name}分值{fmt(w)}分，得分{fmt(s)}分。")
        lines.append(self.total_sentence())
        missed = self.missed()
        if missed:
            lines.append(f"未得满分的指标{len(missed)}项：")
            for i in missed:
                reason = (
                    i.deviation.text
                    if i.deviation is not None and i.deviation.text
                    else TODO.format("偏差原因")
                )
                # the actual first: “指标名…为 X” is read as the indicator's actual value
                lines.append(
                    f"“{i.name.text}”实际完成值为{i.actual or '—'}，年度指标值为{i.target or '—'}，"
                    f"分值{i.weight}分，得{i.score}分。原因：{_sentence(reason)}"
                )
        elif scored and all(
            i.score is not None and i.weight is not None and i.score.value >= i.weight.value
            for i in scored
        ):
            lines.append("各项绩效指标均获满分。")
        return "\n".join(lines)

    def total_sentence(self) -> str:
        e, sheet = self.e, self.sheet
        parts = []
        if e.total_score is not None:
            full = f"（满分{e.total_weight}分）" if e.total_weight is not None else ""
            grade = getattr(sheet, "printed_grade", None) or grade_for(e.total_score.value)
            parts.append(f"自评总分{e.total_score}分{full}，评价等级为“{grade}”。")
        computed = getattr(sheet, "computed_total", None)
        title = rule_name(getattr(sheet, "profile_title", "") or "")
        reason = getattr(sheet, "grade_reason", "")
        if reason and getattr(sheet, "lines", None):
            parts.append(f"按评分方案“{title}”计算：{reason}，不评等级。")
        elif computed is not None:
            grade = getattr(sheet, "computed_grade", None)
            text = f"按评分方案“{title}”计算得分{fmt(computed)}分"
            if grade is not None:
                text += f"，对应等级“{grade}”"
            diff = getattr(sheet, "total_difference", None)
            if diff:
                side = "高" if diff > 0 else "低"
                text += f"，自评得分比计算得分{side}{fmt(abs(diff))}分"
            parts.append(text + "。")
        return "".join(parts) or TODO.format("自评得分及评价等级")

    def missed(self) -> list[Indicator]:
        return [
            i
            for i in self.e.scored_indicators
            if i.weight is not None and i.score is not None and i.score.value < i.weight.value
        ]

    def problems(self) -> str:
        """The form's own 存在问题 text and what the table shows (rates far from 100 %,
        indicators missed): facts, in the unit's voice — not the reviewer's findings."""
        e = self.e
        lines = []
        if e.problems is not None and e.problems.text:
            lines.append(_sentence(_filled(e.problems.text, "存在的问题")))
        from jixiao.scoring import execution_row

        main = execution_row(e)
        for row in e.funds:
            rate = rate_value(row)
            if rate is None or row.depth > 1 or (row.line == FundLine.TOTAL and row is not main):
                continue
            if row.budget is not None and row.budget.value == 0:
                continue  # no money budgeted: a rate of 0% says nothing
            name = row_name(row)
            if rate > 100:
                lines.append(f"{name}全年执行数超过全年预算数，执行率{rate_of(row)}。")
            elif rate < 90:
                lines.append(f"{name}执行率{rate_of(row)}，低于90%，部分资金当年未执行。")
        missed = self.missed()
        if missed:
            names = "、".join(f"“{i.name.text}”" for i in missed)
            lines.append(f"{names}未达到年度指标值，原因见第三部分。")
        if not lines:
            lines.append(TODO.format("结合绩效目标完成情况，分析存在的主要问题及原因"))
        return "\n".join(lines)

    def improvements(self) -> str:
        e = self.e
        if e.measures is not None and e.measures.text:
            return _sentence(_filled(e.measures.text, "改进措施"))
        return TODO.format("针对上述问题提出下一步改进措施和有关建议")

    # -- the five sections ----------------------------------------------------------------

    def department_sections(self) -> list[Section]:
        e = self.e
        basics = []
        if e.duties is not None and e.duties.text:
            who = e.unit.text if e.unit else "本部门"
            basics.append(_sentence(f"{who}主要职责：{e.duties.text}"))
        if e.staff_authorized is not None or e.staff_actual is not None:
            staff = f"人员编制{e.staff_authorized or '—'}人，实有人数{e.staff_actual or '—'}人。"
            if (
                e.staff_authorized is not None
                and e.staff_actual is not None
                and e.staff_actual.value > e.staff_authorized.value
            ):
                staff += "实有人数超过人员编制。"
            basics.append(staff)
        return [
            Section(Text("一、部门（单位）概况"), "", 1),
            Section(
                Text("（一）部门（单位）基本情况"),
                "\n".join(basics) or TODO.format("单位性质、职责、人员情况"),
                2,
            ),
            Section(
                Text("（二）部门（单位）整体支出规模、使用方向和主要内容、涉及范围等"),
                self.scale(),
                2,
            ),
            Section(Text("二、部门（单位）整体支出管理及使用情况"), "", 1),
            Section(
                Text(f"（一）{self.label_of(FundLine.BASIC, '基本支出')}"),
                self.spending(
                    FundLine.BASIC,
                    "基本支出",
                    "基本支出系为保障单位机构正常运转、完成日常工作任务而发生的各项支出。",
                ),
                2,
            ),
            Section(
                Text(f"（二）{self.label_of(FundLine.PROJECT, '项目支出')}"),
                self.spending(
                    FundLine.PROJECT,
                    "项目支出",
                    "项目支出系为完成特定行政工作任务或事业发展目标而发生的支出。",
                ),
                2,
            ),
            Section(Text("三、部门（单位）整体支出绩效情况"), self.performance(), 1),
            Section(Text("四、存在的主要问题及原因分析"), self.problems(), 1),
            Section(Text("五、下一步改进措施和有关建议"), self.improvements(), 1),
        ]

    def project_sections(self) -> list[Section]:
        e = self.e
        facts = [
            f"{label}：{value.text}"
            for label, value in (
                ("项目名称", e.project),
                ("主管部门", e.supervisor),
                ("实施单位", e.unit),
            )
            if value is not None and value.text
        ]
        total = e.fund(FundLine.TOTAL) or (e.funds[0] if e.funds else None)
        budget_text = spent_text = ""
        if total is not None:  # the budget in 一（二）, its execution in 二: said once each
            budgeted = ("initial", "budget")
            budget_text = _sentence(self.fund_sentence(total, "项目资金", budgeted))
            budget_text += self.parts_sentences(total, "分资金来源看，", budgeted)
            spent_text = _sentence(self.fund_sentence(total, "项目资金", ("actual", "rate")))
            spent_text += self.parts_sentences(total, "分资金来源看，", ("actual", "rate"))
        budget_text, spent_text = budget_text.strip("。"), spent_text.strip("。")
        return [
            Section(Text("一、项目基本情况"), "", 1),
            Section(
                Text("（一）项目概况"),
                "；".join(facts) + "。" if facts else TODO.format("项目概况"),
                2,
            ),
            Section(
                Text("（二）项目资金情况"),
                _sentence(budget_text) if budget_text else TODO.format("项目资金安排情况"),
                2,
            ),
            Section(
                Text("二、项目资金使用及管理情况"),
                _sentence(spent_text) if spent_text else TODO.format("资金使用及管理情况"),
                1,
            ),
            Section(Text("三、项目绩效目标完成情况"), self.performance(), 1),
            Section(Text("四、存在的主要问题及原因分析"), self.problems(), 1),
            Section(Text("五、下一步改进措施和有关建议"), self.improvements(), 1),
        ]


def _sum(values: Any) -> Decimal | None:
    nums = [v.value for v in values if v is not None]
    return sum(nums, Decimal(0)) if nums else None
