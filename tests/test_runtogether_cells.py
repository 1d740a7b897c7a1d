"""Run-together cells and scan damage in tables of separated cells (issue 9, item 3): values of
neighbouring columns written in one cell are cut where the row's arithmetic confirms it, page
marks that cut a label in two are removed and the halves joined, ``O`` standing for 0 is read
as 0. All texts are invented in the shape of the damage."""

from __future__ import annotations

from decimal import Decimal

from reading_helpers import indicator_named as _ind

from jixiao import read_text
from jixiao.readers.text.page_cuts import join_page_cuts
from jixiao.textnorm import repair_ocr

IND_HEAD = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |"
FUND_HEAD = "| 整体资金（万元） | 项  目 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 |"


def _read(rows: list[str]) -> object:
    head = ["| 人员编制 | 20 | 实有人数 | 18 |"]
    if not rows[0].startswith("| 部门"):
        head.insert(0, "| 部门（单位）名称 | 某某区档案馆 |")
    text = "\n".join(["2022年度部门整体支出绩效自评表", "", *head, *rows])
    return read_text(text + "\n", "t.txt")


def test_glued_fund_figures_are_cut_where_the_rate_confirms():
    e = _read(
        [
            "| 部门（单位）名称 | 某某区档案馆 |",
            FUND_HEAD,
            "|  | 资金来源 | 合计 | 300.00 | 240.00 | 80.00% | 10 | 8 |",
            "|  | 资金结构 | 合计 | 300.00 | 240.00 | 80.00% | － | － |",
            "|  |  | （1）基本支出 | 250.00212.5085.00% | － | － |",
            "|  |  | （2）项目支出 | 50.00 | 27.50 | 55.00% | －－ |",
        ]
    )
    basic = next(f for f in e.funds if f.label.text == "基本支出")
    assert (basic.budget.value, basic.actual.value, basic.rate.value) == (
        Decimal("250.00"),
        Decimal("212.50"),
        Decimal("85.00"),
    )
    project = next(f for f in e.funds if f.label.text == "项目支出")
    # －－: the blanks of 分值 and 得分 written together; the figures stay in their columns
    assert (project.budget.value, project.actual.value) == (Decimal("50.00"), Decimal("27.50"))


def test_a_fund_total_row_is_unglued_too():
    e = _read(
        [
            "| 部门（单位）名称 | 某某区档案馆 |",
            FUND_HEAD,
            "|  | 资金来源 | 合计 | 400.00360.0090.00%109 |",
            "|  |  | （1）财政拨款 | 400.00 | 360.00 | 90.00% | － | － |",
        ]
    )
    total = e.funds[0]
    assert (total.budget.value, total.actual.value, total.rate.value) == (
        Decimal("400.00"),
        Decimal("360.00"),
        Decimal("90.00"),
    )


def test_target_and_actual_with_units_glued_are_cut():
    e = _read(
        [
            IND_HEAD,
            "| 产出指标 | 数量指标 | 举办培训班期数 | ≥12期13期 | 6 | 6 |  |",
            "|  |  | 走访企业户数 | 不少于40户41户1010 |  |",
            "| 效益指标 | 社会效益指标 | 到场观众人数 | ≥500人480人 | 8 | 7.5 |  |",
        ]
    )
    first = _ind(e, "举办培训班期数")
    assert (first.target.text, first.actual.text) == ("≥12期", "13期")
    assert (first.weight.value, first.score.value) == (Decimal(6), Decimal(6))
    second = _ind(e, "走访企业户数")
    assert (second.target.text, second.actual.text) == ("不少于40户", "41户")
    assert (second.weight.value, second.score.value) == (Decimal(10), Decimal(10))
    third = _ind(e, "到场观众人数")
    assert third.actual.text == "480人" and third.score.value == Decimal("7.5")


def test_actual_weight_and_score_glued_with_decimals():
    e = _read(
        [
            IND_HEAD,
            "| 产出指标 | 数量指标 | 新增就业岗位 | ≥60个 | 52个2017.33 |  |",
            "|  | 时效指标 | 按期完成率 | 100% | 100% | 10 | 10 |  |",
        ]
    )
    ind = _ind(e, "新增就业岗位")
    assert ind.actual.text == "52个"
    assert (ind.weight.value, ind.score.value) == (Decimal(20), Decimal("17.33"))


def test_blank_cells_after_a_glued_cell_are_the_columns_it_ran_over():
    # aligned columns (a PDF's text): the 分值 ran into the 完成值, its own column is blank
    text = "\n".join(
        [
            "2022年度项目支出绩效自评表",
            "",
            "一级指标      二级指标      三级指标        年度指标值    实际完成值    分值          得分",
            "产出指标      质量指标      资料归档率      ≥95%          97%15                       15",
            "              时效指标      完成及时率      100%          100%          5             5",
        ]
    )
    e = read_text(text + "\n", "t.txt")
    ind = _ind(e, "资料归档率")
    assert ind.actual.text == "97%"
    assert (ind.weight.value, ind.score.value) == (Decimal(15), Decimal(15))


def test_a_name_that_is_a_category_word_still_gets_its_points():
    e = _read(
        [
            IND_HEAD,
            "| 产出指标 | 时效指标 | 按期完成率 | 100% | 100% | 10 | 10 |  |",
            "| 满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥90% | 93% | 1010 |  |",
        ]
    )
    ind = _ind(e, "服务对象满意度")
    assert (ind.weight.value, ind.score.value) == (Decimal(10), Decimal(10))


def test_a_glued_cell_no_cut_reads_whole_stays_uncut():
    # 12.5 is no pair of 分值 and 得分 (1 | 2.5 leaves the 得分 column of the row) : kept as is
    e = _read(
        [
            IND_HEAD,
            "| 产出指标 | 数量指标 | 印发手册册数 | ≥100册 | 120册 | 12.5 | 12.5 |  |",
            "|  | 时效指标 | 按期完成率 | 100% | 100% | 10 | 10 |  |",
        ]
    )
    ind = _ind(e, "印发手册册数")
    assert (ind.weight.value, ind.score.value) == (Decimal("12.5"), Decimal("12.5"))


# -- page marks that cut a cell ------------------------------------------------------------------


def test_page_mark_inside_a_label_joins_its_halves_on_one_line():
    text = "\n".join(
        [
            "2022年度项目支出绩效自评表",
            "",
            "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分",
            "产出指标  数量指标  修缮农村道",
            "- 4 -",
            "路公里数  ≥30公里  32公里  20  20",
            "效益指标  社会效益指标  群众出行便利度  明显提升  明显提升  10  9",
        ]
    )
    e = read_text(text + "\n", "t.txt")
    ind = _ind(e, "修缮农村道路公里数")
    assert (ind.target.text, ind.actual.text) == ("≥30公里", "32公里")
    assert ind.weight.value == Decimal(20)
    assert any("页码" in n for n in e.notes)


def test_page_mark_between_whole_rows_joins_nothing():
    marked = ["数量指标  印发手册册数  ≥100册  120册  10  10", "第 3 页 共 5 页", "质量指标  合格率"]
    lines = [marked[0], "", marked[2]]
    assert join_page_cuts(marked, lines) == (lines, [])
    # a reason ending the row above, a row starting with a category below: two rows
    marked = ["合格率  ≥95%  90%  10  8  受天气影响", "— 7 —", "时效指标  按期完成率"]
    lines = [marked[0], "", marked[2]]
    assert join_page_cuts(marked, lines)[0] == lines
    # a whole category word above the mark is no half of a label
    marked = ["产出指标  数量指标", "- 2 -", "修缮道路公里数  30  32  10  10"]
    lines = [marked[0], "", marked[2]]
    assert join_page_cuts(marked, lines)[0] == lines


def test_cells_run_together_across_a_page_mark():
    marked = ["产出指标数量指标举办讲座场", "第2页", "次≥6场8场55"]
    lines = [marked[0], "", marked[2]]
    got, notes = join_page_cuts(marked, lines)
    assert got == ["产出指标数量指标举办讲座场次≥6场8场55", "", ""]
    assert len(notes) == 1 and "第2页" in notes[0]


# -- OCR: O for 0 --------------------------------------------------------------------------------


def test_o_as_a_cell_of_its_own_is_zero():
    assert repair_ocr("上年结转资金   O   O   0   －")[0] == "上年结转资金   0   0   0   －"
    assert repair_ocr("其他资金\nO\n")[0] == "其他资金\n0\n"
    assert repair_ocr("单位资金OO0－－")[0] == "单位资金000－－"


def test_o_in_words_and_codes_is_left_alone():
    for text in ("O2O服务平台", "A O B 三类", "IOT 设备", "资金O", "血型 O 型"):
        assert repair_ocr(text)[0] == text


def test_ocr_dash_among_run_together_fund_figures_holds_its_column():
    text = "\n".join(
        [
            "2022年度项目支出绩效自评表",
            "项目名称乡村文化活动经费",
            "项目资金（万元）项目年初预算数全年预算数全年执行数分值执行率得分",
            "年度资金总额80.0080.0072.00一90.00%—",
            "其中：本年财政拨款80.0080.0072.00－90.00%－",
        ]
    )
    e = read_text(text + "\n", "t.txt")
    total = e.funds[0]
    assert (total.budget.value, total.actual.value, total.rate.value) == (
        Decimal("80.00"),
        Decimal("72.00"),
        Decimal("90.00"),
    )


def _vertical(cells: list[str]) -> str:
    return "\n\n".join(cells) + "\n"


VERTICAL_HEAD = [
    "2022年度项目支出绩效自评表",
    "项目名称",
    "社区文化活动经费",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
]


def test_a_stream_row_ending_in_a_doubled_figure_reads_it_as_points():
    e = read_text(
        _vertical(
            [
                *VERTICAL_HEAD,
                "产出指标",
                "数量指标",
                "举办展演场次",
                "≥8场",
                "9场",
                "55",
                "质量指标",
                "活动安全事故数",
                "0起",
                "0起",
                "10",
                "10",
            ]
        ),
        "t.txt",
    )
    ind = _ind(e, "举办展演场次")
    assert (ind.weight.value, ind.score.value) == (Decimal(5), Decimal(5))


def test_a_stream_doubled_figure_before_other_values_stays_one_value():
    # 分值 printed before the 指标值: 11 is the weight, the 得分 follows the words
    head = [*VERTICAL_HEAD[:6], "分值", "年度指标值", "实际完成值", "得分"]
    e = read_text(
        _vertical(
            [
                *head,
                "效益指标",
                "社会效益指标",
                "群众文化生活条件",
                "11",
                "明显改善",
                "明显改善",
                "11",
                "满意度指标",
                "服务对象满意度指标",
                "观众满意度",
                "10",
                "≥90%",
                "95%",
                "10",
            ]
        ),
        "t.txt",
    )
    ind = _ind(e, "群众文化生活条件")
    assert (ind.weight.value, ind.score.value) == (Decimal(11), Decimal(11))
