"""Small evaluations for the writer tests: a department table shaped like the seed's, and a
project table with the regional 指标性质/度量单位 columns. Built in code, not read, so the
writer tests run whether or not the readers are installed."""

from __future__ import annotations

from decimal import Decimal

from jixiao.measure import parse_measure
from jixiao.model import (
    Evaluation,
    FundLine,
    FundRow,
    Goal,
    Indicator,
    Kind,
    Num,
    Operator,
    Report,
    Section,
    Signature,
    Text,
)
from jixiao.serialize import from_dict


def _fund(label, line, group, depth, budget, actual, rate, weight=None):  # type: ignore[no-untyped-def]
    return {"label": label, "line": line, "group": group, "depth": depth, "budget": Decimal(budget),
            "actual": Decimal(actual), "rate": Decimal(rate), "weight": weight}  # fmt: skip


def department() -> Evaluation:
    """The seed's fund block (with its faults: 198.8 ≠ 174.74 + 24.24; 106.87% ≠ 212.64 ÷ 198.8),
    four indicators of which one missed, 总分 100 / 95."""
    return from_dict(
        {
            "format": "jixiao/1",
            "kind": "department",
            "year": 2021,
            "unit": "长沙市岳麓区妇女联合会",
            "staff": {"authorized": 3, "actual": 4},
            "duties": "贯彻执行党和政府关于妇女工作的方针、政策和法规。",
            "funds": [
                _fund("合计", "total", "source", 0, "198.8", "212.64", "106.87", 10),
                _fund("财政拨款", "fiscal", "source", 1, "174.74", "204.67", "117.13"),
                _fund("其他资金", "other", "source", 1, "24.24", "7.97", "32.88"),
                _fund("合计", "total", "structure", 0, "174.74", "204.67", "117.13"),
                _fund("基本支出", "basic", "structure", 1, "131.32", "139.37", "106.13"),
                _fund("人员支出", "personnel", "structure", 2, "118.47", "127.63", "107.73"),
                _fund("公用支出", "public", "structure", 2, "12.85", "11.74", "91.36"),
                _fund("项目支出", "project", "structure", 1, "43.42", "65.3", "150.39"),
            ],
            "goals": [
                {"planned": "办好困难妇女群众民生实事。", "achieved": "各项工作任务圆满完成。"}
            ],
            "indicators": [
                {
                    "level1": "产出指标",
                    "level2": "数量指标",
                    "name": "落实主题党日活动",
                    "target": "每月 1次",
                    "actual": "全年召开12次",
                    "weight": 40,
                    "score": 40,
                },
                {
                    "level1": "产出指标",
                    "level2": "数量指标",
                    "name": "意识形态专题研究会",
                    "target": "全年 4次",
                    "actual": "全年召开3次",
                    "weight": 30,
                    "score": 25,
                    "deviation": "受疫情影响少开1次",
                },
                {
                    "level1": "产出指标",
                    "level2": "质量指标",
                    "name": "基层组织建设",
                    "target": "创出新业绩",
                    "actual": "新建54个妇联组织",
                    "weight": 20,
                    "score": 20,
                },
                {
                    "level1": "满意度指标",
                    "level2": "服务对象满意度指标",
                    "name": "全区妇女满意度",
                    "target": "≥95%",
                    "actual": "满意度100%",
                    "weight": 10,
                    "score": 10,
                },
            ],  # fmt: skip
            "total": {"weight": 100, "score": 95},
        }
    )


def with_report(e: Evaluation) -> Evaluation:
    """The same evaluation with a report of its own (two sections)."""
    from dataclasses import replace

    report = Report(
        Text("2021年度长沙市岳麓区妇女联合会部门整体支出绩效自评报告"),
        (
            Section(Text("一、部门（单位）概况"), "", 1),
            Section(
                Text("（一）部门（单位）基本情况"), "岳麓区妇女联合会为财政全额拨款的行政单位。", 2
            ),
        ),
    )
    return replace(e, report=report)


def _n(text: str, unit: str | None = None) -> Num:
    return Num(Decimal(text.rstrip("%")), text, "%" if text.endswith("%") else unit)


def project() -> Evaluation:
    """A 项目支出绩效自评表 with 指标性质 and 度量单位 columns, 评价结论 and signatures."""
    fund = FundRow
    return Evaluation(
        kind=Kind.PROJECT,
        year=_n("2022"),
        project=Text("妇女儿童之家建设项目"),
        supervisor=Text("长沙市岳麓区妇女联合会"),
        unit=Text("长沙市岳麓区妇女联合会"),
        funds=(
            fund(
                Text("年度资金总额"),
                FundLine.TOTAL,
                None,
                0,
                _n("50", "万元"),
                _n("60.00", "万元"),
                _n("57.123456", "万元"),
                _n("95.21%"),
                _n("10"),
                _n("9.52"),
            ),
            fund(
                Text("财政拨款"),
                FundLine.FISCAL,
                None,
                1,
                _n("50", "万元"),
                _n("55.00", "万元"),
                _n("52.123456", "万元"),
            ),
            fund(
                Text("上年结转资金"),
                FundLine.CARRYOVER,
                None,
                1,
                None,
                _n("5.00", "万元"),
                _n("5", "万元"),
            ),
        ),  # fmt: skip
        goals=(Goal(Text("建成示范“妇女儿童之家”10家。"), Text("建成12家。")),),
        indicators=(
            Indicator(
                Text("示范“妇女儿童之家”数量"),
                Text("产出指标"),
                Text("数量指标"),
                parse_measure("10"),
                parse_measure("12"),
                Operator.GE,
                Text("家"),
                _n("40"),
                _n("40"),
            ),
            Indicator(
                Text("项目完成时间"),
                Text("产出指标"),
                Text("时效指标"),
                parse_measure("12"),
                parse_measure("12"),
                Operator.LE,
                Text("月"),
                _n("20"),
                _n("20"),
            ),
            Indicator(
                Text("服务对象满意度"),
                Text("满意度指标"),
                Text("服务对象满意度指标"),
                parse_measure("90"),
                parse_measure("85"),
                Operator.GE,
                Text("%"),
                _n("30"),
                _n("28.33"),
                Text("宣传不足"),
            ),
        ),  # fmt: skip
        total_weight=_n("100"),
        total_score=_n("97.85"),
        conclusion=Text("优"),
        problems=Text("宣传不足。"),
        measures=Text("加强宣传。"),
        signatures=(Signature("项目负责人", Text("张三")), Signature("财务负责人", Text("李四"))),
        fill_date=Text("2023年3月1日"),
    )


def split_by_goal() -> Evaluation:
    """A project table whose indicators are split into 年度绩效目标1 and 年度绩效目标2."""
    from dataclasses import replace

    base = project()
    first, second, third = base.indicators
    return replace(
        base,
        indicators=(
            replace(first, goal_index=1),
            replace(second, goal_index=1),
            replace(third, goal_index=2),
        ),
    )
