"""Forms printed by other hands (bench/other_hands_text.py): the shapes it found the readers
missing, each in small invented text, and a sample of the set held to a floor."""

from __future__ import annotations

import importlib
import sys
from decimal import Decimal
from pathlib import Path

from reading_helpers import indicator_named as _ind

from jixiao import read_text
from jixiao.model import Kind

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

other_hands = importlib.import_module("other_hands_text")


def test_tab_copy_whose_first_column_is_merged_is_read_row_by_row() -> None:
    # an Excel/web copy: the merged 绩效指标 column leaves a tab at the start of each row
    text = (
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "\t年度资金总额\t80\t100\t90\t10\t90.00%\t9\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "\t产出指标\t数量指标\t修缮校舍\t≥3所\t3所\t20\t20\n"
        "\t效益指标\t社会效益指标\t就学条件\t明显改善\t明显改善\t30\t27\n"
    )
    e = read_text(text)
    assert e.layout == "tabbed"
    fund = e.funds[0]
    assert (fund.budget.value, fund.actual.value, fund.score.value) == (
        Decimal(100),
        Decimal(90),
        Decimal(9),
    )
    ind = _ind(e, "就学条件")
    assert (ind.target.text, ind.actual.text) == ("明显改善", "明显改善")
    assert (ind.weight.value, ind.score.value) == (Decimal(30), Decimal(27))


def test_character_references_left_from_a_web_page_are_text_again() -> None:
    text = (
        "绩效指标&nbsp;\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "&nbsp;\t产出指标\t数量指标&nbsp;\t培训人次\t&gt;=200人次\t230人次\t20&nbsp;\t20\n"
        "&nbsp;\t&nbsp;\t质量指标\t合格率\t≥95%\t97%\t20\t18\n"
        "&nbsp;\t&nbsp;\t时效指标\t完成时间\t&lt;=11月\t11月\t10\t10\n"
        "&nbsp;\t效益指标\t社会效益指标\t就业帮扶\t有效促进&nbsp;\t有效促进\t20\t20\n"
        "&nbsp;\t满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t94%\t20\t20\n"
    )
    e = read_text(text)
    assert _ind(e, "就业帮扶").target.text == "有效促进"
    assert _ind(e, "培训人次").target.text == ">=200人次"
    ind = _ind(e, "合格率")
    assert ind.level1.text == "产出指标"
    assert (ind.weight.value, ind.score.value) == (Decimal(20), Decimal(18))


def test_one_cell_per_line_with_an_empty_line_after_each_row() -> None:
    cells = [
        ["项目名称", "乡道养护"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因",
        ],
        ["\u3000", "产出指标", "数量指标", "养护里程", "≥12公里", "12公里", "30", "30", "\u3000"],
        ["\u3000", "\u3000", "\u3000", "路面完好率", "≥90%", "88%", "30", "24", "雨季延误"],
        [
            "\u3000",
            "效益指标",
            "社会效益指标",
            "通行条件",
            "有效改善",
            "有效改善",
            "30",
            "30",
            "\u3000",
        ],
        ["合计", "\u3000", "\u3000", "\u3000", "\u3000", "\u3000", "90", "84", "\u3000"],
    ]
    text = "\n\n".join("\n".join(row) for row in cells) + "\n"
    e = read_text(text)
    assert e.layout == "lines"
    ind = _ind(e, "路面完好率")
    assert (ind.level1.text, ind.level2.text) == ("产出指标", "数量指标")
    assert (ind.target.text, ind.actual.text, ind.score.value) == ("≥90%", "88%", Decimal(24))
    assert _ind(e, "通行条件").target.text == "有效改善"
    assert (e.total_weight.value, e.total_score.value) == (Decimal(90), Decimal(84))
    # blank cells not printed: an empty line may be a cell, so the rows are not trusted
    bare = text.replace("\u3000", "")
    assert read_text(bare).layout != "lines"


def test_header_synonyms_and_the_goal_block_that_shares_them() -> None:
    text = (
        "年度总体目标\t预期目标\t实际完成情况\n"
        "\t完成三处堤防加固。\t已完成三处堤防加固。\n"
        "绩效指标\t一级\t二级\t三级\t预期目标\t全年完成情况\t权重\t自评得分\n"
        "\t产出指标\t数量指标\t堤防加固处数\t3处\t3处\t40\t40\n"
        "\t满意度指标\t服务对象满意度指标\t沿岸群众满意度\t90%以上\t93%\t10\t10\n"
    )
    e = read_text(text)
    assert [g.planned.text for g in e.goals] == ["完成三处堤防加固。"]
    ind = _ind(e, "沿岸群众满意度")
    assert (ind.target.text, ind.actual.text) == ("90%以上", "93%")
    assert (ind.weight.value, ind.score.value) == (Decimal(10), Decimal(10))


def test_framework_of_decision_process_output_benefit_in_a_cell_stream() -> None:
    # 项目过程 is a 一级 label; 绩效目标 / 资金投入 are 二级 labels there, not sections;
    # 项目效益 | 项目效益: the second is the 二级
    rows = [
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
        ["项目决策", "绩效目标", "目标明确性", "明确", "明确", "10", "10"],
        ["项目决策", "资金投入", "预算编制科学性", "科学", "科学", "10", "8"],
        ["项目过程", "资金管理", "资金到位率", "100%", "100%", "20", "20"],
        ["项目效益", "项目效益", "受益户满意度", "≥90%", "95%", "30", "30"],
    ]
    text = "\n\n".join("\n\n".join(r) for r in rows) + "\n"  # every cell its own paragraph
    e = read_text(text)
    ind = _ind(e, "预算编制科学性")
    assert (ind.level1.text, ind.level2.text, ind.score.value) == (
        "项目决策",
        "资金投入",
        Decimal(8),
    )
    assert _ind(e, "目标明确性").level2.text == "绩效目标"
    assert _ind(e, "资金到位率").level1.text == "项目过程"
    sat = _ind(e, "受益户满意度")
    assert (sat.level1.text, sat.level2.text) == ("项目效益", "项目效益")


def test_an_excerpt_without_title_whose_fund_block_is_a_projects() -> None:
    text = (
        "项目资金（万元）\t\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
        "\t年度资金总额\t50\t40\t80.00%\t10\t8\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "\t产出指标\t数量指标\t购置设备\t4台\t4台\t40\t40\n"
    )
    e = read_text(text)
    assert e.kind == Kind.PROJECT and e.layout == "tabbed"  # four lines, every one tabbed
    assert [(f.budget.value, f.actual.value) for f in e.funds if f.budget and f.actual] == [
        (Decimal(50), Decimal(40))
    ]
    assert _ind(e, "购置设备").score.value == Decimal(40)


def test_qualitative_target_is_not_read_as_the_unit_column() -> None:
    text = (
        "一级指标  二级指标  三级指标  计量单位  年度指标值  实际完成值  分值  得分\n"
        "产出指标  数量指标  修缮校舍  所  3  3  40  40\n"
        "效益指标  社会效益指标  就学条件  明显改善  明显改善  30  27\n"
    )
    e = read_text(text)
    ind = _ind(e, "就学条件")
    assert (ind.target.text, ind.actual.text) == ("明显改善", "明显改善")
    assert ind.unit in (None, "")


def test_sample_of_other_hands_forms_reads_at_todays_level(tmp_path: Path) -> None:
    # one form per layout and five rounds (seed 11): the grid and line layouts read fully,
    # column-major PDF text (a whole column before the next) all but the labels nothing places
    made = other_hands.build(35, 11, tmp_path)
    total, per, _, _ = other_hands.evaluate(tmp_path, made)
    assert total[0] / total[1] >= 0.97
    right, counted = per[("layout", "column_major")]
    assert right / counted >= 0.9
    for layout in ("tab", "pipe", "ascii", "html", "cell_lines"):
        right, counted = per[("layout", layout)]
        assert right / counted >= 0.97, layout
    right, counted = per[("layout", "spaced")]
    assert right / counted >= 0.9


def test_spaced_row_whose_blank_reason_vanished_keeps_its_two_figures() -> None:
    # 11 and 11 are the weight and the score, not 1|1 written together: the row ends in a
    # figure because the blank 偏差原因 cell vanished when the PDF text was split on spaces
    head = "  一级指标   二级指标   三级指标   年度指标值   实际完成值   分值   得分   偏差原因\n"
    rows = "".join(
        f"产出指标  数量指标  {name}  ≥{n}个  {n}个  11  11\n"
        for name, n in (("甲项", 3), ("乙项", 4), ("丙项", 5), ("丁项", 6))
    )
    e = read_text(head + rows + "产出指标  数量指标  戊项  ≥7个  5个  11  7.9  进度滞后\n")
    assert e.layout == "spaced"
    assert [(i.weight.value, i.score.value) for i in e.indicators] == [
        (Decimal(11), Decimal(11))
    ] * 4 + [(Decimal(11), Decimal("7.9"))]
