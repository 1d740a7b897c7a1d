"""What a form lacks: the parts not found (a truncated page, a half-filled form)."""

from __future__ import annotations

from jixiao.extract.form import FormParts
from jixiao.model import Kind

_LEVEL1_EXPECTED = ("产出指标", "效益指标", "满意度指标")


def missing_parts(
    parts: FormParts, kind: Kind, has_year: bool, has_unit: bool, has_report: bool
) -> list[str]:
    """Names (in Chinese) of the parts of the form that were not found, in form order."""
    is_form = bool(
        parts.funds or parts.indicators or parts.seen & {"fund_header", "indicator_header"}
    )
    out: list[str] = []
    if not has_year:
        out.append("年度")
    if not has_unit:
        out.append("实施单位" if kind == Kind.PROJECT else "单位名称")
    if not is_form:
        return out
    if kind == Kind.PROJECT and "project" not in parts.fields:
        out.append("项目名称")
    if not parts.funds:
        out.append("资金情况")
    if "goal" not in parts.seen and not parts.goals:
        out.append("年度总体目标")
    if not parts.indicators:
        out.append("绩效指标")
    else:
        seen = {s.split(":", 1)[1] for s in parts.seen if s.startswith("level1:")}
        seen |= {i.level1.text for i in parts.indicators if i.level1 is not None}
        # the project framework: 项目产出 / 项目效益, 满意度 a 二级 under 项目效益
        seen |= {i.level2.text for i in parts.indicators if i.level2 is not None}
        for name in _LEVEL1_EXPECTED:
            core = name.removesuffix("指标")
            if not any(name in s or s in name or core in s for s in seen if s):
                out.append(name)
    if "total" not in parts.seen:
        out.append("总分")
    return out


def missing_note(missing: list[str]) -> str | None:
    if not missing:
        return None
    return f"{len(missing)} 个部分缺失：{'、'.join(missing)}"
