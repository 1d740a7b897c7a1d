"""A round's results as :mod:`jixiao.lifecycle.linkage` reads them, and their proposals."""

from __future__ import annotations

from typing import Any

from jixiao.lifecycle.linkage import FormResult, LinkageTable, Proposal, propose
from jixiao_web.evaluations.models import Round, Submission, decimal_or_none
from jixiao_web.results.models import HAS_RESULT


def _titles() -> dict[str, str]:
    from jixiao.checks import catalogue

    return {c["code"]: c["title"] for c in catalogue()}


def form_result(s: Submission, titles: dict[str, str]) -> FormResult:
    """The bureau's result of one form: the 复核得分 once there is one, else the computed score."""
    reviewed = s.review_score is not None
    score = s.review_score if reviewed else s.computed_score
    funds = s.content.get("funds") or [{}]
    budget = decimal_or_none((funds[0] or {}).get("budget"))
    return FormResult(
        unit=s.unit.name,
        project=s.project,
        score=score,
        grade=s.final_grade() if reviewed else s.grade,
        reviewed=reviewed,
        budget=budget,
        execution_rate=s.execution_rate,
        findings=tuple(f"{c} {titles.get(c, '')}".strip() for c in s.finding_codes or ()),
    )


def round_proposals(r: Round, table: LinkageTable) -> list[tuple[Submission, Proposal]]:
    """Each form of the round with a result (accepted or published), with its proposal."""
    forms = list(
        Submission.objects.filter(round=r, status__in=HAS_RESULT)
        .select_related("round", "unit")
        .prefetch_related("comments", "rectifications")
        .order_by("unit__name", "project")
    )
    titles = _titles()
    return list(zip(forms, propose([form_result(s, titles) for s in forms], table), strict=True))


def export_rows(pairs: list[tuple[Submission, Proposal]]) -> list[dict[str, Any]]:
    """The proposals as rows of the .xlsx (Chinese headings; money in 万元, as printed)."""
    rows = []
    for _s, p in pairs:
        res = p.result
        rows.append(
            {
                "单位": res.unit,
                "项目": res.project,
                "得分": res.score,
                "得分来源": "复核" if res.reviewed else "自评计算",
                "等级": res.grade,
                "执行率(%)": res.execution_rate,
                "本年预算(万元)": res.budget,
                "挂钩处理": p.action.value if p.action else "",
                "压减比例(%)": p.cut_percent if p.action else None,
                "下年度建议参考数(万元)": p.amount,
                "理由": p.reason,
            }
        )
    return rows
