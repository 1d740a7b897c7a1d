"""The drafted report on a half-filled form: it says what is missing instead of inventing it
(no “均获满分” without scores, no template instruction copied, no rate of an empty budget)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from jixiao.measure import parse_measure
from jixiao.model import Evaluation, FundLine, FundRow, Goal, Indicator, Kind, Num, Text
from jixiao.writers.draft import draft_report


def num(value: str) -> Num:
    return Num(Decimal(value), value)


def blank_results_form() -> Evaluation:
    """Budget execution filled in, every 完成值 and 得分 blank, the template's instructions
    still in the 完成情况 and 存在问题 cells, an account with nothing budgeted."""
    funds = (
        FundRow(Text("总额"), FundLine.TOTAL, budget=num("251.89"), actual=num("251.89"),
                rate=num("100.00"), weight=num("10")),
        FundRow(Text("单位资金"), FundLine.OTHER, depth=1, budget=num("0.00"),
                actual=num("0.00"), rate=num("0.00")),
    )  # fmt: skip
    indicators = tuple(
        Indicator(Text(name), Text(level1), target=parse_measure("100%"), weight=num(w))
        for name, level1, w in (("发放覆盖率", "产出指标", "60"), ("足额保障率", "效益指标", "30"))
    )
    return Evaluation(
        kind=Kind.PROJECT,
        unit=Text("某局"),
        project=Text("工资性支出"),
        funds=funds,
        goals=(Goal(Text("保障工资及时足额发放。"), Text("对照年度目标,说明相关任务目标的完成情况(100字以内)")),),
        indicators=indicators,
        total_weight=num("100"),
        problems=Text("结合自评情况,分析存在的问题及原因。(200字以内)"),
    )  # fmt: skip


def test_draft_of_a_form_with_blank_results() -> None:
    report = draft_report(blank_results_form())
    text = "\n".join(s.text for s in report.sections)
    assert "均获满分" not in text
    assert "分值—分" not in text and "产出指标分值60分，表中未填写得分。" in text
    assert "（100字以内）" not in text and "(100字以内)" not in text
    assert "全年完成情况：【待填写：全年完成情况】" in text
    assert "执行率100.00%" in text  # a rate printed without its sign gets one
    assert "(200字以内)" not in text and "【待填写：存在的问题】" in text
    assert "不评等级" in text and "对应等级" not in text
    assert "“单位资金”执行率" not in text  # nothing budgeted, nothing to explain


def test_amounts_read_from_sentences_keep_one_money_unit() -> None:
    """A figure read from prose (“项目支出120.5万元”) carries its unit in the printed text; the
    draft names it once, not “120.5万元万元”."""
    funds = (
        FundRow(Text("项目支出"), FundLine.PROJECT, budget=Num(Decimal("130"), "130万元"),
                actual=Num(Decimal("120.5"), "120.5万元")),
        FundRow(Text("设备购置费"), FundLine.OTHER, depth=1, budget=num("40"), actual=num("38.2")),
    )  # fmt: skip
    form = Evaluation(kind=Kind.DEPARTMENT, unit=Text("某协会"), funds=funds)
    text = "\n".join(s.text for s in draft_report(form).sections)
    assert "万元万元" not in text
    assert "120.5万元" in text and "38.2万元" in text


def _indicator(name: str, level1: str, weight: str, score: str) -> Indicator:
    return Indicator(Text(name), Text(level1), target=parse_measure("≥20个"),
                     actual=parse_measure("18个"), weight=num(weight), score=num(score))  # fmt: skip


def test_one_indicator_below_full_marks_is_named_and_not_all_are_full() -> None:
    form = replace(
        blank_results_form(),
        indicators=(
            _indicator("培训场次", "产出指标", "60", "60"),
            _indicator("监测站点数", "效益指标", "20", "19.6"),
        ),  # fmt: skip
    )
    text = "\n".join(s.text for s in draft_report(form).sections)
    assert "均获满分" not in text
    assert "未得满分的指标1项" in text and "“监测站点数”" in text and "得19.6分" in text
    assert "“培训场次”" not in text


def test_labels_printed_with_their_prefix_are_named_once() -> None:
    """A form stores “其中：人员支出” / “（2）项目支出” as printed: the draft says 人员支出 and
    项目支出, never “其中其中：人员支出” or “（二）（2）项目支出”."""
    funds = (
        FundRow(Text("合计"), FundLine.TOTAL, budget=num("300"), actual=num("290")),
        FundRow(Text("（1）基本支出"), FundLine.BASIC, depth=1, budget=num("200"),
                actual=num("195")),
        FundRow(Text("其中：人员支出"), FundLine.PERSONNEL, depth=2, budget=num("150"),
                actual=num("150")),
        FundRow(Text("（2）项目支出"), FundLine.PROJECT, depth=1, budget=num("100"),
                actual=num("95")),
    )  # fmt: skip
    form = Evaluation(kind=Kind.DEPARTMENT, unit=Text("某中心"), funds=funds)
    text = "\n".join(s.text for s in draft_report(form).sections)
    assert "人员支出全年执行数150万元" in text
    assert "其中其中" not in text and "其中：人员" not in text
    assert "（2）项目支出" not in text and "（1）基本支出" not in text


def test_a_project_named_with_its_year_is_not_given_the_year_twice() -> None:
    from jixiao.writers.draft import report_title

    named = replace(blank_results_form(), year=2022, project=Text("某县2022年度乡村道路硬化项目"))
    assert report_title(named) == "某县2022年度乡村道路硬化项目支出绩效自评报告"
    plain = replace(named, project=Text("乡村道路硬化项目"))
    assert report_title(plain) == "2022年度乡村道路硬化项目支出绩效自评报告"
    other_year = replace(named, project=Text("2021年度结转道路项目"))
    assert report_title(other_year).startswith("2022年度2021年度结转道路")  # another year: kept
