"""Staff (JX-S…) and completeness (JX-M…) checks."""

from __future__ import annotations

from check_forms import (
    FigureKey,
    FundLine,
    figure,
    fires,
    form,
    fund,
    ind,
    n,
    report,
    section,
    silent,
    t,
)

from jixiao.model import Kind


def test_staff_above_posts() -> None:
    [f] = fires("JX-S001", form(staff_authorized=n(3, 6), staff_actual=n(4, 8)))
    assert (f.expected, f.found, str(f.location)) == ("≤3", "4", "t.txt:8") and "133%" in f.message
    silent("JX-S001", form(staff_authorized=n(21), staff_actual=n(21)))


def test_staff_from_report_figures() -> None:
    text = report(
        figures=(
            figure("编制人数", "3", FigureKey.STAFF_AUTHORIZED),
            figure("实有在职人员", "4", FigureKey.STAFF_ACTUAL),
        )
    )
    fires("JX-S001", form(report=text))


def test_blank_results_while_execution_filled() -> None:
    funds = [fund("总额", FundLine.TOTAL, "251.89", "251.89", "100.00%", weight="10")]
    inds = [
        ind("发放覆盖率", "100%", None, 60, None, row=80),
        ind("足额保障率", "100%", None, 30, None, row=90),
    ]
    [f] = fires("JX-M001", form(funds=funds, indicators=inds))
    assert str(f.location) == "t.txt:80" and "2 项指标未填写完成值" in f.message
    silent("JX-M001", form(funds=funds, indicators=[ind("发放覆盖率", "100%", "100%", 60, 60)]))


def test_blank_results_ignores_the_row_cut_by_truncation() -> None:
    inds = [ind("甲", "1个", "1个", 10, 10), ind("公众满", None, None, 10, None)]
    silent("JX-M001", form(indicators=inds, missing=("总分",)))


def test_blank_results_counts_every_row_when_a_total_row_follows() -> None:
    # 满意度指标 absent from the form, but the 合计 row closes the table: not truncated
    inds = [
        ind("发放覆盖率", "100%", None, 60, None, row=80),
        ind("足额保障率", "100%", None, 30, None, row=90),
    ]
    evaluation = form(indicators=inds, total_weight=n(100, 99), missing=("满意度指标",))
    [f] = fires("JX-M001", evaluation)
    assert "共 2 项指标，2 项指标未填写完成值" in f.message


def test_weight_without_score() -> None:
    funds = [fund("合计", FundLine.TOTAL, "198.8", "212.64", weight="10", row=28)]
    found = fires("JX-M002", form(funds=funds, total_weight=n(100, 99)))
    assert [str(f.location) for f in found] == ["t.txt:28", "t.txt:99"]
    scored = [fund("合计", FundLine.TOTAL, "198.8", "212.64", weight="10", score="10")]
    silent("JX-M002", form(funds=scored, total_weight=n(100), total_score=n(100)))


def test_truncated() -> None:
    [f] = fires("JX-M003", form(missing=("满意度指标", "总分")))
    assert "满意度指标、总分" in f.message
    silent("JX-M003", form())


def test_blank_target() -> None:
    [f] = fires("JX-M004", form(indicators=[ind("受益人口数量", None, "90人", 10, 10, row=5)]))
    assert str(f.location) == "t.txt:5"
    silent("JX-M004", form(indicators=[ind("受益人口数量", "90人", "90人", 10, 10)]))
    # a row with nothing typed yet (no name, no target) is counted by JX-M001, not named “”
    silent("JX-M004", form(indicators=[ind("", None, None, 10, None)]))


def test_empty_section() -> None:
    text = report(
        section("三、整体支出绩效情况", "", row=40), section("四、存在问题", "资金拨付偏慢。")
    )
    [f] = fires("JX-M005", form(report=text))
    assert str(f.location) == "t.txt:40"
    with_sub = report(
        section("三、整体支出绩效情况"), section("（一）产出", "完成培训60人。", level=2)
    )
    silent("JX-M005", form(report=with_sub))


def test_empty_section_cut_off_at_the_end_is_truncation() -> None:
    silent("JX-M005", form(report=report(section("一、概况", "…"), section("二、部门(单位"))))


def test_header_missing() -> None:
    [f] = fires("JX-M006", form(kind=Kind.PROJECT, year=None, unit=t("某局")))
    assert "评价年度" in f.message and "项目名称" in f.message
    silent("JX-M006", form(kind=Kind.PROJECT, unit=t("某局"), project=t("道路建设")))
    # the unit already reported as missing by JX-M003 (实施单位 in a project table)
    no_unit = form(kind=Kind.PROJECT, project=t("道路建设"), missing=("实施单位",))
    silent("JX-M006", no_unit)


def test_blank_weight() -> None:
    inds = [
        ind("甲", "1个", "1个", 50, 50),
        ind("乙", "1个", "1个", 40, 40),
        ind("丙", "1个", "1个", None, 10, row=7),
    ]
    [f] = fires("JX-M007", form(indicators=inds))
    assert str(f.location) == "t.txt:7"
    no_column = [
        ind("甲", "1个", "1个", None, 10),
        ind("乙", "1个", "1个", None, 10),
        ind("丙", "1个", "1个", None, 20),
    ]
    silent("JX-M007", form(indicators=no_column))


def test_half_filled_fund_row() -> None:
    funds = [
        fund("年度资金总额", FundLine.TOTAL, None, "89.974", row=3),
        fund("本年财政拨款", FundLine.FISCAL, "90", "89.974", depth=1),
        fund("其他资金", FundLine.OTHER, "10", None, depth=1),
    ]
    found = fires("JX-M008", form(funds=funds))
    assert [f.expected for f in found] == ["全年预算数", "全年执行数"]
    filled = [
        fund("年度资金总额", FundLine.TOTAL, "90", "89.974"),
        fund("其他资金", FundLine.OTHER),
    ]
    silent("JX-M008", form(funds=filled))
    prose = [fund("支出", FundLine.EXPENDITURE, None, "799.12")]  # figures of a prose report
    silent("JX-M008", form(funds=prose))


def test_unsigned() -> None:
    from jixiao.model import Signature

    blank = (Signature("项目负责人"), Signature("财务负责人", t("李宁")))
    [f] = fires("JX-M009", form(signatures=blank))
    assert "项目负责人" in f.message and "财务负责人" not in f.message
    silent("JX-M009", form(signatures=(Signature("项目负责人", t("谢凯")),)))


def test_blank_goal_achieved() -> None:
    from check_forms import goal

    [f] = fires("JX-M010", form(goals=[goal("保障工资及时足额发放", None, row=12)]))
    assert str(f.location) == "t.txt:12" and "保障工资" in f.message
    fires("JX-M010", form(goals=[goal("保障工资及时足额发放", "  ", row=12)]))
    silent("JX-M010", form(goals=[goal("保障工资及时足额发放", "全年按时足额发放工资12个月")]))
    silent("JX-M010", form(goals=[goal(None, None)]))


def test_a_form_with_its_total_row_is_not_truncated() -> None:
    """A Sichuan form has no 满意度指标: with its 总分 row printed, nothing was cut off."""
    silent("JX-M003", form(missing=("满意度指标",), total_weight=n(100)))
    fires("JX-M003", form(missing=("满意度指标",)))
