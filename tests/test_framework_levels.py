"""The project framework's three levels (一级 项目决策 / 项目管理 / 项目产出 / 项目效益, their 二级,
the indicators) in run-together text, as document-sharing sites print OCR'd scans of it.
All text here is invented, of the shape such documents have."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.document import Cell
from jixiao.extract.runtogether import split_labels
from jixiao.model import Location

HEAD = (
    "部门项目支出绩效自评表(2022年)项目名称社区养老服务经费主管部门某某区民政局"
    "实施单位某某区养老服务中心项目资金(万元)年度资金总额年初预算数全年预算数全年执行数执行率"
    "50.050.049.098%一级指标二级指标三级指标分值指标值全年实际值得分"
)
TABLE = (
    "项目决策(10分)项目目标目标明确性3一目标清晰具体3项目立项立项规范性3一程序规范3"
    "决策依据充分性4一依据充分4项目管理(20分)投入管理预算执行率10一98%9"
    "财务管理财务管理规范性5一制度健全5项目实施制度执行有效性5-执行到位5"
    "项目产出(40分)数量指标(20分)服务老人数量20500人520人20"
    "时效指标(10分)服务完成时间102022年12月完成2022年12月完成10"
    "成本指标(10分)人均服务成本10300元280元10"
    "项目效益(30分)社会效益指标服务覆盖率1590%95%15"
)


def _rows(e):
    return [
        (
            i.level1.text if i.level1 else None,
            i.level2.text if i.level2 else None,
            i.name.text,
            i.target.text if i.target else None,
            i.actual.text if i.actual else None,
            i.weight.value if i.weight else None,
            i.score.value if i.score else None,
        )
        for i in e.indicators
    ]


def test_three_levels_in_run_together_text():
    e = read_text(HEAD + TABLE, "framework.txt")
    assert e.layout == "other"
    assert _rows(e) == [
        ("项目决策", "项目目标", "目标明确性", "一", "目标清晰具体", 3, 3),
        ("项目决策", "项目立项", "立项规范性", "一", "程序规范", 3, 3),
        ("项目决策", "项目立项", "决策依据充分性", "一", "依据充分", 4, 4),
        ("项目管理", "投入管理", "预算执行率", "一", "98%", 10, 9),
        ("项目管理", "财务管理", "财务管理规范性", "一", "制度健全", 5, 5),
        ("项目管理", "项目实施", "制度执行有效性", None, "执行到位", 5, 5),
        ("项目产出", "数量指标", "服务老人数量", "500人", "520人", 20, 20),
        ("项目产出", "时效指标", "服务完成时间", "2022年12月完成", "2022年12月完成", 10, 10),
        # under 项目产出, 成本指标(10分) is a 二级, not the next 一级
        ("项目产出", "成本指标", "人均服务成本", "300元", "280元", 10, 10),
        ("项目效益", "社会效益指标", "服务覆盖率", "90%", "95%", 15, 15),
    ]


def test_fund_label_printed_before_its_header():
    e = read_text(HEAD, "funds.txt")
    (fund,) = e.funds
    assert (fund.initial_budget.value, fund.budget.value, fund.actual.value) == (
        Decimal("50.0"),
        Decimal("50.0"),
        Decimal("49.0"),
    )
    assert fund.rate.value == Decimal("98")


def test_framework_words_are_no_labels_outside_the_framework():
    # “项目实施” after a figure, in a table of the 产出/效益 framework: part of the name
    pieces = split_labels(
        [Cell("产出指标数量指标完成率100%项目实施方案数量≥3个3个2020", Location("t.txt", 1))]
    )
    texts = [p.cell.text for p in pieces]
    assert "项目实施" not in texts


def test_framework_words_after_a_score_are_the_second_level():
    text = "项目决策(10分)项目目标目标明确性4一明确4项目立项立项规范性6一规范6"
    texts = [p.cell.text for p in split_labels([Cell(text, Location("t.txt", 1))])]
    assert texts[:3] == ["项目决策(10分)", "项目目标", "目标明确性4一明确4"]
    assert "项目立项" in texts


def test_judged_rows_in_words_after_a_name_ending_in_xing():
    # name | finding in words | 分值 | 得分, one row per line, no separator: the finding starts
    # after the name's 性, and a lone value in words is the finding (its standard left blank)
    text = (
        "一级指标二级指标三级指标指标值实际完成值分值得分\n"
        "项目决策资金投入预算编制科学性预算经过论证44\n"
        "项目立项立项依据充分性依据充分66\n"
    )
    e = read_text(HEAD.split("一级指标")[0] + text, "judged.txt")
    assert _rows(e) == [
        ("项目决策", "资金投入", "预算编制科学性", None, "预算经过论证", 4, 4),
        ("项目决策", "项目立项", "立项依据充分性", None, "依据充分", 6, 6),
    ]


def test_one_cell_per_line_framework_categories_are_no_sections():
    # 资金投入 and 绩效目标 name the fund and goal sections elsewhere; under 项目决策 they are 二级
    cells = [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "项目决策",
        "资金投入",
        "预算编制科学性",
        "—",
        "经过论证",
        "4",
        "4",
        "绩效目标",
        "绩效目标合理性",
        "—",
        "目标合理",
        "6",
        "5",
        "项目产出",
        "成本指标",
        "人均服务成本",
        "≤300元",
        "280元",
        "10",
        "10",
    ]
    e = read_text("\n\n".join(cells), "v.txt")
    assert [(r[0], r[1], r[2], r[5], r[6]) for r in _rows(e)] == [
        ("项目决策", "资金投入", "预算编制科学性", 4, 4),
        ("项目决策", "绩效目标", "绩效目标合理性", 6, 5),
        ("项目产出", "成本指标", "人均服务成本", 10, 10),
    ]
    assert not e.funds and not e.goals


def test_the_generator_writes_the_framework_with_three_levels():
    import importlib
    import random
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    forms = importlib.import_module("forms")
    for seed in range(6):
        spec = forms.project_framework(random.Random(seed), 2022)
        e = forms.build(spec)
        level1 = [i.level1.text for i in e.indicators]
        assert level1[0] == "项目决策" and level1[-1] == "项目效益"
        assert {"项目决策", "项目管理", "项目产出", "项目效益"} == set(level1)
        assert all(i.level2 is not None for i in e.indicators)
        assert sum(i.weight.value for i in e.indicators) == 100  # the fund row has no points
        assert e.funds[0].weight is None
        assert e.total_score.value == sum(i.score.value for i in e.indicators)


def test_units_glued_to_the_figure_stay_with_it():
    from jixiao.extract.runtogether import split_indicator_rows
    from jixiao.extract.vocab import Role

    roles = (Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE)
    got = split_indicator_rows("惠及农户数量≥3万户3.2万户1010办理时限≤5个工作日4个工作日55", roles)
    assert got == (
        ("惠及农户数量", "≥3万户", "3.2万户", "10", "10"),
        ("办理时限", "≤5个工作日", "4个工作日", "5", "5"),
    )


def test_points_glued_to_a_value_in_words_are_cut_off_when_the_score_confirms():
    # one cell per line; the actual in words and the 分值 run together, the 得分 follows
    cells = [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "实际完成值",
        "分值",
        "得分",
        "产出指标",
        "数量指标",
        "召开专题会次数",
        "全年4次",
        "全年召开4次专题会5",
        "5",
        "质量指标",
        "会议记录完整性",
        "完整",
        "记录完整规范8",
        "9",
    ]
    e = read_text("\n\n".join(cells), "v.txt")
    first, second = e.indicators
    assert (first.actual.text, first.weight.value, first.score.value) == ("全年召开4次专题会", 5, 5)
    # 得分 9 > 分值 8 would be no reading: the cell stays whole
    assert second.actual.text == "记录完整规范8"


def test_one_cell_per_line_name_cut_by_a_page_mark_is_joined():
    cells = [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "实际完成值",
        "分值",
        "得分",
        "产出指标",
        "数量指标",
        "开展社区巡查\n- 3 -\n服务次数",
        "≥12次",
        "14次",
        "10",
        "10",
    ]
    e = read_text("\n\n".join(cells), "v.txt")
    (ind,) = e.indicators
    assert (ind.name.text, ind.target.text, ind.weight.value) == (
        "开展社区巡查服务次数",
        "≥12次",
        10,
    )


def test_total_score_among_the_run_together_header_fields():
    text = HEAD.replace("养老服务中心项目资金", "养老服务中心自评得分93评价等级优项目资金")
    e = read_text(text, "header.txt")
    assert e.unit.text == "某某区养老服务中心"
    assert e.total_score.value == 93


def test_a_first_level_printed_at_the_centre_of_its_block_in_one_cell_per_line():
    """A PDF prints a merged 一级 cell at its block's vertical centre: in text of one cell per
    line the table's first 二级 (资金投入) comes before its 一级 and is still no fund section."""
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    rows = [
        ["", "资金投入", "预算编制规范性", "", "编制经过论证", "3", "3"],
        ["项目决策", "绩效目标", "目标明确性", "明确", "目标清晰", "7", "7"],
        ["", "数量指标", "培训人次", "≥500人次", "520人次", "20", "20"],
        ["项目产出", "质量指标", "合格率", "≥95%", "96%", "20", "20"],
    ]
    text = "2022年度项目支出绩效自评表\n\n" + "\n\n".join(
        "\n".join(cell for cell in row) for row in [header, *rows]
    )
    e = read_text(text, "centred.txt")
    names = {i.name.text: i for i in e.indicators}
    assert "预算编制规范性" in names
    first = names["预算编制规范性"]
    assert first.level2 is not None and first.level2.text == "资金投入"


def test_a_figure_whose_leading_digits_a_scan_misread_as_a_letter_keeps_its_row():
    # an OCR'd scan read 2.6万元 as Z.6万元: the row keeps its name, points and actual
    from jixiao.extract.runtogether import split_indicator_rows
    from jixiao.extract.vocab import Role

    roles = (Role.WEIGHT, Role.TARGET, Role.ACTUAL, Role.SCORE)
    got = split_indicator_rows("印刷所需成本58万元8万元5设备租赁成本4Z.6万元2.6万元4", roles)
    assert got == (
        ("印刷所需成本", "5", "8万元", "8万元", "5"),
        ("设备租赁成本", "4", "Z.6万元", "2.6万元", "4"),
    )
    # a code of letters and digits without a unit is no figure: the row is not cut there
    assert split_indicator_rows("设备编号核对4AB3完成完成4", roles) != (
        ("设备编号核对", "4", "B3", "完成", "4"),
    )
