"""Rows with one value fewer than their header has columns (a blank cell that vanished), fund rows
no rate confirms, and excerpts cut at the start (issue 9, items 1 and 5). Invented rows."""

from decimal import Decimal

import pytest

from jixiao import read_text
from jixiao.extract.short_rows import place_short_row, shifted_fund, shifted_row
from jixiao.extract.vocab import Role
from jixiao.readers.text.layout import detect_layout

T, A, W, S, D = Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE, Role.DEVIATION
INI, B, X, R = Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE
COLUMNS = [T, A, W, S, D]


@pytest.mark.parametrize(
    ("values", "placed", "unread"),
    [
        # 指标值 or 完成值? both readings keep 分值 6 ≥ 得分 6: the figures are read, the 88% not
        (["88%", "6", "6"], [None, 2, 3], [0]),
        # led by a comparison it is the target
        (["不低于12场", "8", "7.5"], [0, 2, 3], []),
        # a reason after the points (no blank left at the end)
        (["3.2万元", "4", "3.75", "物价上涨"], [None, 2, 3, 4], [0]),
    ],
)
def test_the_column_left_empty_is_where_the_arithmetic_holds(values, placed, unread):
    assert place_short_row(values, COLUMNS) == (placed, unread)


@pytest.mark.parametrize(
    "values",
    [
        ["≥90%", "95%", "10"],  # one figure: 分值 or 得分, nothing confirms
        ["≥90%", "95%", "10", "9", "进度滞后"],  # not short
        ["明显改善", "7", "9"],  # 得分 9 > 分值 7 in every reading
    ],
)
def test_nothing_confirmed_leaves_the_row_to_the_reading_by_shapes(values):
    assert place_short_row(values, COLUMNS) is None


def test_a_padded_grid_row_whose_cells_moved_left():
    # by position: 指标值 36间, 完成值 8 (the 分值), 分值 8, 得分 blank
    assert shifted_row(["36间", "8", "8", "", ""], COLUMNS) == ([None, 2, 3, None, None], [0])
    # a row whose 得分 is simply blank keeps its positions: 完成值 has the target's shape
    assert shifted_row(["36间", "35间", "8", "", ""], COLUMNS) is None


def test_a_padded_fund_row_is_placed_by_the_rate():
    roles = [INI, B, X, W, R, S]
    # 年初预算数 blank and gone: 全年预算数 72.5, 执行数 70.2, 分值 10, 执行率 96.83%, 得分 9.68
    values = ["72.5", "70.2", "10", "96.83%", "9.68", ""]
    assert shifted_fund(values, roles) == [1, 2, 3, 4, 5]
    # in their places the rate holds: nothing to move
    assert shifted_fund(["80", "72.5", "70.2", "10", "96.83%", "9.68"], roles) is None


def test_a_short_row_under_a_header_reads_what_is_certain():
    text = "\n".join(
        [
            "2023年度项目支出绩效自评表",
            "| 项目名称 | 乡村道路亮化 |",
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |",
            "| 产出指标 | 数量指标 | 安装路灯数 | ≥300盏 | 312盏 | 30 | 30 | |",
            "| | 质量指标 | 路灯亮灯率 | 97% | 20 | 19.4 | 个别线路老化 |",
            "| 效益指标 | 社会效益指标 | 夜间出行安全 | 明显改善 | 明显改善 | 30 | 30 | |",
            "| 总分 | | | | | 80 | 79.4 | |",
        ]
    )
    e = read_text(text, "short.txt")
    lamp = e.indicators[1]
    assert lamp.target is None and lamp.actual is None
    assert (lamp.weight.value, lamp.score.value) == (20, Decimal("19.4"))
    assert lamp.deviation.text == "个别线路老化"
    assert any("路灯亮灯率" in n and "97%" in n and "未读取" in n for n in e.notes)
    assert [i.score.value for i in e.indicators] == [30, Decimal("19.4"), 30]


def test_a_score_with_two_decimals_is_not_cut_as_two_figures():
    # 4.53 is one 得分 under 分值 5, the 指标值 gone: not 分值 4.5 and 得分 3
    text = "\n".join(
        [
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |",
            "| 产出指标 | 数量指标 | 巡查河段数 | 42段 | 5 | 4.53 | 两段未巡 |",
            "| | 质量指标 | 问题整改率 | ≥90% | 95% | 5 | 5 | |",
        ]
    )
    first = read_text(text, "t.txt").indicators[0]
    assert (first.weight.value, first.score.value) == (5, Decimal("4.53"))


def test_a_judged_row_one_value_short_takes_it_as_its_finding():
    text = "\n".join(
        [
            "一级指标   二级指标   三级指标   指标值   实际完成值   分值   得分   偏差原因",
            "项目决策   项目立项   立项依据充分性   依据充分，程序规范   4   4",
            "项目产出   数量指标   维修校舍面积   ≥1200平方米   1260平方米   20   20",
            "项目效益   社会效益指标   学生安全保障   明显改善   明显改善   20   18",
        ]
    )
    first = read_text(text, "t.txt").indicators[0]
    assert first.target is None and first.actual.text == "依据充分，程序规范"


def test_headerless_fund_rows_under_their_group_labels():
    # a department form's 资金来源 / 资金结构 rows without their column labels; a row of zeros
    # has no rate to confirm it and takes the money columns of the rows above
    text = "\n".join(
        [
            "| 部门（单位）名称 | 某某街道办事处 |",
            "| | 资金来源 | 合计 | 260.00 | 247.00 | 95.00% | 10 | 9.5 |",
            "| | | （1）财政拨款 | 200.00 | 190.00 | 95.00% | － | － |",
            "| | | （2）上年结转 | 0 | 0 | | － | － |",
            "| | 资金结构 | 合计 | 260.00 | 247.00 | 95.00% | － | － |",
            "| | | （1）基本支出 | 180.00 | 171.00 | 95.00% | － | － |",
            "| 产出指标 | 数量指标 | 走访居民户数 | ≥800户 | 860户 | 40 | 40 |",
            "| 效益指标 | 社会效益指标 | 矛盾纠纷化解率 | ≥90% | 93% | 40 | 40 |",
        ]
    )
    e = read_text(text, "dept.txt")
    got = [(f.label.text, f.budget.value, f.actual.value, f.rate and f.rate.value) for f in e.funds]
    assert got[0] == ("合计", 260, 247, 95)
    assert got[2] == ("上年结转", 0, 0, None)
    assert (e.funds[0].weight.value, e.funds[0].score.value) == (10, Decimal("9.5"))
    assert [f.group for f in e.funds][:3] == [e.funds[0].group] * 3 != [None] * 3
    assert len(e.funds) == 5


REPORT = [
    "2023年度某某镇农村人居环境整治项目绩效自评报告",
    "一、项目基本情况",
    "本项目围绕农村人居环境整治开展工作，年初制定了实施方案，按季度督查推进。",
    "二、绩效目标完成情况",
    "全年完成改厕任务，村容村貌明显改善，群众满意度较高，各项指标基本完成。",
    "三、存在的问题",
    "部分村组管护机制还不健全，长效保洁经费保障不足。",
]


def test_a_short_pipe_excerpt_before_a_report_is_read():
    rows = [
        "| | 效益指标 | 社会效益指标 | 卫生厕所普及率 | ≥85% | 88% | 20 | 20 | |",
        "| | 满意度指标 | 服务对象满意度指标 | 村民满意度 | ≥90% | 94% | 10 | 10 | |",
        "| 总分 | 30 | 30 | |",
    ]
    assert detect_layout([*rows, "", *REPORT]) == "pipe"
    e = read_text("\n".join([*rows, "", *REPORT]), "cut.txt")
    assert [(i.name.text, i.score.value) for i in e.indicators] == [
        ("卫生厕所普及率", 20),
        ("村民满意度", 10),
    ]


def test_a_short_spaced_excerpt_before_a_report_is_read():
    rows = [
        "        满意度指标      服务对象满意度  村民满意度      ≥90%        94%        10        10",
        "                        指标",
        "总分    100             97.5",
    ]
    assert detect_layout([*rows, "", *REPORT]) == "spaced"
    e = read_text("\n".join([*rows, "", *REPORT]), "cut.txt")
    (ind,) = e.indicators
    assert (ind.level1.text, ind.level2.text, ind.name.text) == (
        "满意度指标",
        "服务对象满意度指标",
        "村民满意度",
    )
    assert (e.total_weight.value, e.total_score.value) == (100, Decimal("97.5"))


def test_a_short_run_together_excerpt_before_a_report_is_read():
    rows = [
        "时效指标按期完工率≥95%98%1010",
        "效益指标社会效益指标卫生厕所普及率≥85%88%2020",
    ]
    assert detect_layout([*rows, "", *REPORT]) == "other"
    e = read_text("\n".join([*rows, "", *REPORT]), "cut.txt")
    assert [(i.name.text, i.weight.value) for i in e.indicators] == [
        ("按期完工率", 10),
        ("卫生厕所普及率", 20),
    ]


def test_cost_after_the_output_categories_of_a_cut_excerpt_is_their_sibling():
    text = "\n".join(
        [
            "质量指标 改厕验收合格率 ≥95% 97% 10 10 时效指标 改厕完成时间 12月底前 11月底 10 10 "
            "成本指标 户均改厕成本 ≤3500元 3380元 10 10 效益指标 社会效益指标 卫生厕所普及率 "
            "≥85% 88% 20 20",
            "",
            *REPORT,
        ]
    )
    e = read_text(text, "cut.txt")
    cost = next(i for i in e.indicators if i.name.text == "户均改厕成本")
    assert cost.level2.text == "成本指标" and cost.level1 is None
    assert [i.name.text for i in e.indicators][0] == "改厕验收合格率"
