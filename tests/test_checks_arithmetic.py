"""Arithmetic checks (JX-A…): each fires on a small form and stays silent on the corrected one."""

from __future__ import annotations

from check_forms import (
    FigureKey,
    FundGroup,
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
)

from jixiao.checks import run_checks

S, T = FundGroup.SOURCE, FundGroup.STRUCTURE


def sources(total_budget: str, rate: str = "106.87%"):
    return [
        fund("合计", FundLine.TOTAL, total_budget, "212.64", rate, group=S, weight="10", row=3),
        fund("财政拨款", FundLine.FISCAL, "174.74", "204.67", "117.13%", group=S, depth=1, row=4),
        fund("其他资金", FundLine.OTHER, "24.24", "7.97", "32.88%", group=S, depth=1, row=5),
    ]


def test_source_total_fires_with_expected_and_found_and_rate_hint() -> None:
    e = form(funds=sources("198.8"))
    [f] = fires("JX-A001", e)
    assert (f.expected, f.found, str(f.location)) == ("198.98", "198.8", "t.txt:3")
    assert "106.87%" in f.message and "198.98" in f.message


def test_source_total_silent_when_parts_add_up() -> None:
    silent("JX-A001", form(funds=sources("198.98")))


def test_source_total_project_table_without_groups() -> None:
    funds = [
        fund("年度资金总额", FundLine.TOTAL, "100", "90", row=1),
        fund("本年财政拨款", FundLine.FISCAL, "80", "70", depth=1, row=2),
        fund("上年结转资金", FundLine.CARRYOVER, "10", "20", depth=1, row=3),
    ]
    [f] = fires(
        "JX-A001", form(funds=funds)
    )  # budgets 80 + 10 = 90 ≠ 100; spending 70 + 20 = 90 agrees
    assert (f.expected, f.found, f.details["column"]) == ("90", "100", "全年预算数")
    fixed = [funds[0], funds[1], fund("上年结转资金", FundLine.CARRYOVER, "20", "20", depth=1)]
    silent("JX-A001", form(funds=fixed))


def test_whole_number_totals_are_compared_exactly() -> None:
    funds = [
        fund("合计", FundLine.TOTAL, "200", "190", row=1),
        fund("财政拨款", FundLine.FISCAL, "180", "170", depth=1, row=2),
        fund("其他资金", FundLine.OTHER, "21", "20", depth=1, row=3),
    ]
    [f] = fires("JX-A001", form(funds=funds))  # 180 + 21 = 201: one 万元 is not rounding
    assert (f.expected, f.found) == ("201", "200")
    cents = [
        fund("合计", FundLine.TOTAL, "198.98", "190", row=1),
        fund("财政拨款", FundLine.FISCAL, "174.75", "170", depth=1, row=2),
        fund("其他资金", FundLine.OTHER, "24.24", "20", depth=1, row=3),
    ]
    silent("JX-A001", form(funds=cents))  # one cent off in two decimals stays rounding


def test_source_total_with_a_single_part_names_the_gap() -> None:
    funds = [
        fund("合计", FundLine.TOTAL, "198.8", "204.67", row=3),
        fund("财政拨款", FundLine.FISCAL, "174.74", "204.67", depth=1, row=4),
    ]
    [f] = fires("JX-A001", form(funds=funds))
    assert (f.expected, f.found) == ("174.74", "198.8")
    assert "唯一分项 财政拨款 174.74 不符，相差 24.06" in f.message and " = " not in f.message


def test_source_total_accepts_coarser_total() -> None:
    # 199 printed for 174.74 + 24.24 = 198.98: rounding, not an error
    silent("JX-A001", form(funds=sources("199", rate="106.86%")))


def structure(total: str, project: str):
    return [
        fund("合计", FundLine.TOTAL, total, "204.67", group=T, row=10),
        fund("基本支出", FundLine.BASIC, "131.32", "139.37", group=T, depth=1, row=11),
        fund("人员支出", FundLine.PERSONNEL, "118.47", "127.63", group=T, depth=2, row=12),
        fund("公用支出", FundLine.PUBLIC, "12.85", "11.74", group=T, depth=2, row=13),
        fund("项目支出", FundLine.PROJECT, project, "65.3", group=T, depth=1, row=14),
    ]


def test_structure_total() -> None:
    [f] = fires("JX-A002", form(funds=structure("174.74", "43.52")))
    assert (f.expected, f.found) == ("174.84", "174.74")
    silent("JX-A002", form(funds=structure("174.74", "43.42")))


def test_basic_total() -> None:
    funds = structure("174.74", "43.42")
    funds[3] = fund("公用支出", FundLine.PUBLIC, "12.58", "11.74", group=T, depth=2, row=13)
    [f] = fires("JX-A003", form(funds=funds))
    assert (f.expected, f.found, str(f.location)) == ("131.05", "131.32", "t.txt:11")
    silent("JX-A003", form(funds=structure("174.74", "43.42")))


def test_execution_rate() -> None:
    funds = [fund("项目支出", FundLine.PROJECT, "43.42", "65.3", "105.39%", row=14)]
    [f] = fires("JX-A004", form(funds=funds))
    assert (f.expected, f.found) == ("150.39%", "105.39%")
    silent("JX-A004", form(funds=[fund("项目支出", FundLine.PROJECT, "43.42", "65.3", "150.39%")]))


def test_execution_rate_accepts_printed_precision_and_truncation() -> None:
    # 65.3 ÷ 43.42 = 150.391…: 150%, 150.4%, 150.39% are all fine
    for printed in ("150%", "150.4%", "150.39%"):
        silent(
            "JX-A004", form(funds=[fund("项目支出", FundLine.PROJECT, "43.42", "65.3", printed)])
        )


def test_execution_rate_left_to_a001_when_total_is_the_typo() -> None:
    # 212.64 ÷ 198.8 = 106.96%, but 106.87% fits 198.98: JX-A001 reports it
    silent("JX-A004", form(funds=sources("198.8")))


def test_score_above_weight() -> None:
    [f] = fires("JX-A005", form(indicators=[ind("培训人数", "≥50人", "60人", 5, 6, row=20)]))
    assert (f.expected, f.found) == ("≤5", "6")
    silent("JX-A005", form(indicators=[ind("培训人数", "≥50人", "60人", 5, 5)]))


def test_score_sum() -> None:
    inds = [ind("甲", "≥1个", "1个", 50, 50), ind("乙", "≥1个", "1个", 40, 38)]
    funds = [fund("合计", FundLine.TOTAL, "10", "10", "100%", weight="10", score="10")]
    [f] = fires(
        "JX-A006", form(funds=funds, indicators=inds, total_weight=n(100), total_score=n(100, 30))
    )
    assert (f.expected, f.found, str(f.location)) == ("98", "100", "t.txt:30")
    silent("JX-A006", form(funds=funds, indicators=inds, total_weight=n(100), total_score=n(98)))


def test_weight_sum_counts_the_funds_row_twice() -> None:
    # indicator weights already add to 100, plus 10 on the funds row, while 总分 says 100
    inds = [ind("甲", "1个", "1个", 60, 60), ind("乙", "1个", "1个", 40, 40)]
    funds = [fund("合计", FundLine.TOTAL, "10", "10", weight="10")]
    [f] = fires(
        "JX-A007", form(funds=funds, indicators=inds, total_weight=n(100, 40), total_score=n(100))
    )
    assert (f.expected, f.found, str(f.location)) == ("100", "110", "t.txt:40")
    assert "90" in f.message


def test_weight_sum_silent_for_10_plus_90() -> None:
    inds = [ind("甲", "1个", "1个", 50, 50), ind("乙", "1个", "1个", 40, 40)]
    funds = [fund("合计", FundLine.TOTAL, "10", "10", weight="10")]
    silent("JX-A007", form(funds=funds, indicators=inds, total_weight=n(100)))


def test_weight_sum_total_not_100() -> None:
    inds = [ind("甲", "1个", "1个", 100, 100)]
    funds = [fund("合计", FundLine.TOTAL, "10", "10", weight="10")]
    found = fires("JX-A007", form(funds=funds, indicators=inds, total_weight=n(110)))
    assert [f.found for f in found] == ["110"]


def test_sub_row_weight() -> None:
    funds = [
        fund(
            "年度资金总额", FundLine.TOTAL, "9.48", "9.48", "100%", weight="10", score="10", row=7
        ),
        fund(
            "本年财政拨款",
            FundLine.FISCAL,
            "9.48",
            "9.48",
            "100%",
            depth=1,
            weight="10",
            score="10",
            row=8,
        ),
    ]
    [f] = fires("JX-A008", form(funds=funds))
    assert str(f.location) == "t.txt:8"
    silent(
        "JX-A008",
        form(funds=[funds[0], fund("本年财政拨款", FundLine.FISCAL, "9.48", "9.48", depth=1)]),
    )


def test_structure_scope_difference_is_information() -> None:
    funds = [*sources("198.98"), *structure("174.74", "43.42")]
    [f] = fires("JX-A009", form(funds=funds))
    assert f.severity.value == "info" and "口径" in f.message


def test_structure_scope_real_difference_is_a_warning() -> None:
    other = structure("180", "48.68")
    found = fires("JX-A009", form(funds=[*sources("198.98"), *other]))
    assert [
        (f.severity.value, f.expected, f.found) for f in found if f.severity.value == "warning"
    ] == [("warning", "198.98", "180")]


def test_structure_scope_silent_when_equal() -> None:
    same = [
        fund("合计", FundLine.TOTAL, "198.98", "212.64", group=T),
        fund("基本支出", FundLine.BASIC, "150", "150", group=T, depth=1),
        fund("项目支出", FundLine.PROJECT, "48.98", "62.64", group=T, depth=1),
    ]
    silent("JX-A009", form(funds=[*sources("198.98"), *same]))


ECONOMIC = (
    ("工资福利支出", "127.63", FigureKey.WAGES),
    ("商品和服务支出", "67.29", FigureKey.GOODS_SERVICES),
    ("对个人和家庭的补助", "5.18", FigureKey.SUBSIDIES),
    ("资本性支出", "4.57", FigureKey.CAPITAL),
)


def economic_report(total: str):
    figures = (figure("决算总支出", total, FigureKey.FINAL_ACCOUNTS, row=50),) + tuple(
        figure(label, value, key, row=50) for label, value, key in ECONOMIC
    )
    return report(section("一、概况", "…"), figures=figures)


def test_economic_split() -> None:
    [f] = fires("JX-A010", form(report=economic_report("205.67")))
    assert (f.expected, f.found) == ("204.67", "205.67")
    silent("JX-A010", form(report=economic_report("204.67")))


def test_economic_split_reported_once() -> None:
    # JX-A011 (基本 + 项目) does not repeat JX-A010's finding on the economic classes
    found = run_checks(form(report=economic_report("205.67")))
    assert [f.code for f in found if f.code.startswith("JX-A01")] == ["JX-A010"]


def test_report_split() -> None:
    def figures(total: str):
        return (
            figure("支出", total, FigureKey.EXPENDITURE),
            figure("人员经费支出", "434.89", FigureKey.PERSONNEL),
            figure("公用经费支出", "77.4", FigureKey.PUBLIC),
            figure("项目支出", "286.83", FigureKey.PROJECT),
        )

    [f] = fires("JX-A011", form(report=report(figures=figures("797.12"))))
    assert (f.expected, f.found) == ("799.12", "797.12")
    silent("JX-A011", form(report=report(figures=figures("799.12"))))


def test_report_split_other_year_is_not_mixed_in() -> None:
    figures = (
        figure("支出", "799.12", FigureKey.EXPENDITURE),
        figure("基本支出", "512.29", FigureKey.BASIC),
        figure("项目支出", "286.83", FigureKey.PROJECT),
        figure("基本支出", "400", FigureKey.BASIC, year=2020),
    )
    silent("JX-A011", form(report=report(figures=figures)))


def test_sub_items_total() -> None:
    def planted(fourth: str):
        return [
            ind("种植面积", "29.5亩", "29.5亩", 20, 20, row=15),
            ind("其中桃树", "1.5亩", "1.5亩", sub_item=True),
            ind("其中苹果树", "5亩", "5亩", sub_item=True),
            ind("其中露天蔬菜", fourth, fourth, sub_item=True),
            ind("其中大棚蔬菜", "3亩", "3亩", sub_item=True),
        ]

    found = fires("JX-A012", form(indicators=planted("21亩")))
    assert [(f.severity.value, f.expected, f.found) for f in found] == [
        ("error", "30.5", "29.5")
    ] * 2
    assert fires("JX-A012", form(indicators=planted("19亩")))[0].severity.value == "warning"
    silent("JX-A012", form(indicators=planted("20亩")))


def test_score_sum_with_a_blank_score() -> None:
    inds = [
        ind("甲", "≥1个", "1个", 50, 50),
        ind("乙", "≥1个", "1个", 40, 38),
        ind("丙", "1个", "1个", 10, None),
    ]
    funds = [fund("合计", FundLine.TOTAL, "10", "10", "100%", weight="10", score="10")]
    # 98 + the blank (at most 10) can make 100: the blank is JX-M001's
    silent("JX-A006", form(funds=funds, indicators=inds, total_score=n(100)))
    # but no blank can make 120
    fires("JX-A006", form(funds=funds, indicators=inds, total_score=n(120)))


def test_negative_values() -> None:
    funds = [fund("其他资金", FundLine.OTHER, "24.24", "-7.97", row=5)]
    [f] = fires("JX-A013", form(funds=funds))
    assert (f.found, str(f.location)) == ("-7.97", "t.txt:5")
    silent("JX-A013", form(funds=[fund("其他资金", FundLine.OTHER, "24.24", "7.97")]))


def test_economic_split_against_the_table_when_no_total_is_stated() -> None:
    figures = tuple(figure(label, value, key) for label, value, key in ECONOMIC)
    table = [
        fund("合计", FundLine.TOTAL, "198.98", "212.64"),
        fund("财政拨款", FundLine.FISCAL, "174.74", "204.67", depth=1),
    ]
    silent("JX-A010", form(funds=table, report=report(figures=figures)))
    off = [
        fund("合计", FundLine.TOTAL, "198.98", "212.64"),
        fund("财政拨款", FundLine.FISCAL, "174.74", "200.67", depth=1),
    ]
    [f] = fires("JX-A010", form(funds=off, report=report(figures=figures)))
    assert f.found == "204.67"
