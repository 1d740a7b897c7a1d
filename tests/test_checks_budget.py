"""Budget execution checks (JX-B…)."""

from __future__ import annotations

from check_forms import FundGroup, FundLine, fires, form, fund, ind, n, report, section, silent


def test_execution_above_hundred_one_finding_per_block() -> None:
    funds = [
        fund("合计", FundLine.TOTAL, "198.98", "212.64", "106.87%", group=FundGroup.SOURCE, row=3),
        fund(
            "财政拨款",
            FundLine.FISCAL,
            "174.74",
            "204.67",
            "117.13%",
            group=FundGroup.SOURCE,
            depth=1,
            row=4,
        ),
        fund(
            "其他资金",
            FundLine.OTHER,
            "24.24",
            "7.97",
            "32.88%",
            group=FundGroup.SOURCE,
            depth=1,
            row=5,
        ),
    ]
    [f] = fires("JX-B001", form(funds=funds))
    assert (f.found, str(f.location)) == ("106.87%", "t.txt:3") and "117.13%" in f.message


def test_execution_above_hundred_from_amounts_when_rate_blank() -> None:
    [f] = fires("JX-B001", form(funds=[fund("年度资金总额", FundLine.TOTAL, "10", "12")]))
    assert f.found == "120.00%"
    silent("JX-B001", form(funds=[fund("年度资金总额", FundLine.TOTAL, "10", "10", "100%")]))


def test_execution_low_without_reason() -> None:
    low = fund("年度资金总额", FundLine.TOTAL, "100", "75", "75%", weight="10", score="7.5", row=2)
    [f] = fires("JX-B002", form(funds=[low]))
    assert (f.found, f.expected) == ("75%", "≥90% 或说明原因")


def test_execution_low_with_reason_in_cell_or_text() -> None:
    explained = fund(
        "年度资金总额", FundLine.TOTAL, "100", "75", "75%", reason="部分工程款因验收推迟至次年支付"
    )
    silent("JX-B002", form(funds=[explained]))
    low = fund("年度资金总额", FundLine.TOTAL, "100", "75", "75%")
    text = report(section("四、存在问题", "预算执行率偏低，原因是项目验收推迟，尾款未支付。"))
    silent("JX-B002", form(funds=[low], report=text))
    silent("JX-B002", form(funds=[fund("年度资金总额", FundLine.TOTAL, "100", "95", "95%")]))


def test_execution_low_on_a_part_under_a_total_above_the_threshold() -> None:
    total = fund("合计", FundLine.TOTAL, "198.8", "212.64", "106.87%", weight="10")
    other = fund("其他资金", FundLine.OTHER, "24.24", "7.97", "32.88%", depth=1, row=45)
    [f] = fires("JX-B002", form(funds=[total, other]))
    assert f.found == "32.88%" and "其他资金" in f.message and str(f.location) == "t.txt:45"
    named = report(section("四、存在问题", "其他资金执行率偏低，原因是培训项目延期至次年。"))
    silent("JX-B002", form(funds=[total, other], report=named))
    unnamed = report(section("四、存在问题", "项目支出执行率偏低，原因是工程延期。"))
    fires("JX-B002", form(funds=[total, other], report=unnamed))  # another row's reason
    deeper = fund("其中：培训费", FundLine.OTHER, "10", "1", "10%", depth=2)
    [f] = fires("JX-B002", form(funds=[total, other, deeper]))  # first-level parts only
    assert "培训费" not in f.message


def test_execution_at_the_threshold_needs_no_reason() -> None:
    at = fund("年度资金总额", FundLine.TOTAL, "100", "90", "90%")
    silent("JX-B002", form(funds=[at]))
    below = fund("年度资金总额", FundLine.TOTAL, "100", "89.99", "89.99%")
    fires("JX-B002", form(funds=[below]))


def test_execution_low_template_text_is_no_reason() -> None:
    template = "预算执行率未达到90%的需说明原因(100字以内)"
    fires(
        "JX-B002", form(funds=[fund("总额", FundLine.TOTAL, "100", "75", "75%", reason=template)])
    )


def test_budget_changed_unexplained() -> None:
    row = fund("总额", FundLine.TOTAL, "251.89", "251.89", "100.00%", initial="238.93", row=33)
    [f] = fires("JX-B003", form(funds=[row]))
    assert (f.expected, f.found) == ("238.93 或说明调整原因", "251.89") and "+12.96" in f.message


def test_budget_changed_explained_or_unchanged() -> None:
    row = fund(
        "总额",
        FundLine.TOTAL,
        "251.89",
        "251.89",
        initial="238.93",
        reason="年中追加工资调标资金12.96万元",
    )
    silent("JX-B003", form(funds=[row]))
    silent(
        "JX-B003", form(funds=[fund("总额", FundLine.TOTAL, "251.89", "251.89", initial="251.89")])
    )


def test_zero_total_with_parts() -> None:
    funds = [
        fund(
            "年度资金总额",
            FundLine.TOTAL,
            "0",
            "0",
            "0",
            initial="0",
            weight="10",
            score="0",
            row=1,
        ),
        fund("本年财政拨款", FundLine.FISCAL, "89.974", "89.974", initial="90", depth=1, row=2),
    ]
    [f] = fires("JX-B004", form(funds=funds))
    assert (f.expected, f.found) == ("90 / 89.974 / 89.974", "0 / 0 / 0")
    filled = [fund("年度资金总额", FundLine.TOTAL, "89.974", "89.974", initial="90"), funds[1]]
    silent("JX-B004", form(funds=filled))


def test_execution_score_wrong() -> None:
    # 10 × 85% = 8.5, printed 10
    row = fund("年度资金总额", FundLine.TOTAL, "100", "85", "85%", weight="10", score="10", row=2)
    [f] = fires(
        "JX-B005",
        form(funds=[row], indicators=[ind("甲", "1个", "1个", 90, 90)], total_score=n(100)),
    )
    assert (f.expected, f.found) == ("8.5", "10")
    right = fund("年度资金总额", FundLine.TOTAL, "100", "85", "85%", weight="10", score="8.5")
    silent("JX-B005", form(funds=[right]))
