"""Indicator rows read without a header: the cells' shapes and the form's arithmetic tell the
columns (an excerpt that starts in the middle of the indicator table). Invented rows."""

from decimal import Decimal

import pytest

from jixiao import read_text
from jixiao.extract.values import infer_indicator_roles
from jixiao.extract.vocab import Role

T, A, W, S, N, U, D = (
    Role.TARGET,
    Role.ACTUAL,
    Role.WEIGHT,
    Role.SCORE,
    Role.NATURE,
    Role.UNIT,
    Role.DEVIATION,
)


@pytest.mark.parametrize(
    ("values", "roles", "confirmed"),
    [
        (["≥", "6", "次", "6", "10", "10", ""], [N, T, U, A, W, S, None], True),
        (["5000", "5200", "10", "10"], [T, A, W, S], True),
        (["≥90%", "95%", "10", "9", "人手不足"], [T, A, W, S, D], True),
        # 分值 before the target (共性指标 tables): 6 ≥ 5 only when the first figure is the weight
        (["6", "制度健全", "执行到位", "5"], [W, T, A, S], True),
        # 6 6 10 10: as 分值 6 … 得分 10 the score would pass the weight, so 指标值 6 完成值 6
        (["6", "6", "10", "10"], [T, A, W, S], True),
        # a target table (no actual): sign, target, unit, weight
        (["≤", "8000", "元", "5"], [N, T, U, W], False),
    ],
)
def test_roles_from_shapes_and_arithmetic(values, roles, confirmed):
    assert infer_indicator_roles(values) == (roles, confirmed)


def test_nothing_fits_nothing_is_placed():
    assert infer_indicator_roles(["90%", "100%", "10"]) == ([None, None, None], False)


EXCERPT = "\n".join(
    [
        "| 产出指标 | 数量指标 | 河道巡查次数 | ≥ | 48 | 次 | 52 | 15 | 15 | |",
        "| | | 清理垃圾吨数 | ≥ | 120 | 吨 | 131 | 15 | 15 | |",
        "| | 成本指标 | 保洁经费 | ≤ | 36 | 万元 | 35.2 | 10 | 10 | |",
        "| 效益指标 | 生态效益指标 | 水质达标率 | ≥ | 90 | % | 86 | 20 | 16 | 汛期降雨影响 |",
        "| 满意度指标 | 服务对象满意度指标 | 沿岸群众满意度 | ≥ | 85 | % | 93 | 10 | 10 | |",
        "| 总分 | | | | | | | 70 | 66 | |",
    ]
)


def test_pipe_excerpt_without_header_is_read():
    e = read_text(EXCERPT, "excerpt.txt")
    got = [
        (
            i.level1.text,
            i.name.text,
            i.target.text,
            i.measure_unit.text,
            i.actual.text,
            i.weight.value,
            i.score.value,
        )
        for i in e.indicators
    ]
    assert got == [
        ("产出指标", "河道巡查次数", "48", "次", "52", 15, 15),
        ("产出指标", "清理垃圾吨数", "120", "吨", "131", 15, 15),
        ("产出指标", "保洁经费", "36", "万元", "35.2", 10, 10),
        ("效益指标", "水质达标率", "90", "%", "86", 20, 16),
        ("满意度指标", "沿岸群众满意度", "85", "%", "93", 10, 10),
    ]
    assert e.indicators[3].deviation.text == "汛期降雨影响"
    assert str(e.indicators[0].nature) == "≥"
    assert (e.total_weight.value, e.total_score.value) == (70, 66)


def test_unconfirmed_points_are_left_empty_with_a_note():
    text = "\n".join(
        [
            "| 产出指标 | 数量指标 | 维修路灯数 | ≥50盏 | 56盏 | 20 | 20 |",
            "| | 质量指标 | 维修合格率 | 95% | 100% | 10 |",
            "| | 时效指标 | 完成时间 | 6月底前 | 5月 | 10 | 10 |",
            "| 效益指标 | 社会效益指标 | 夜间出行便利 | 明显改善 | 明显改善 | 30 | 28 |",
            "| 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥90% | 94% | 10 | 10 |",
        ]
    )
    e = read_text(text, "short.txt")
    second = e.indicators[1]
    assert (second.target.text, second.actual.text) == ("95%", "100%")
    assert second.weight is None and second.score is None
    assert any("维修合格率" in n and "10" in n and "未读取" in n for n in e.notes)
    first = e.indicators[0]
    assert (first.weight.value, first.score.value) == (Decimal(20), Decimal(20))


def test_rows_split_by_single_spaces_without_header():
    # PDF text without layout: a row per line, cells split by single spaces
    text = "\n".join(
        [
            "产出指标 数量指标 新增停车泊位 ≥200个 236个 20 20",
            "质量指标 泊位验收合格率 100% 100% 20 20",
            "成本指标 单个泊位成本 ≤0.8万元 0.75万元 10 10",
            "效益指标 社会效益指标 停车难投诉下降 ≥30% 35% 30 27",
            "满意度指标 服务对象满意度指标 车主满意度 ≥90% 91% 10 10",
            "总分 90 87",
        ]
    )
    from jixiao.readers.text.layout import token_row

    assert not token_row("填报日期:2021 年 4 月 22 日")
    e = read_text(text, "tokens.txt")
    assert e.layout == "spaced"
    got = [
        (i.level2.text, i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("数量指标", "新增停车泊位", "≥200个", "236个", 20, 20),
        ("质量指标", "泊位验收合格率", "100%", "100%", 20, 20),
        ("成本指标", "单个泊位成本", "≤0.8万元", "0.75万元", 10, 10),
        ("社会效益指标", "停车难投诉下降", "≥30%", "35%", 30, 27),
        ("服务对象满意度指标", "车主满意度", "≥90%", "91%", 10, 10),
    ]
    assert (e.total_weight.value, e.total_score.value) == (90, 87)


@pytest.mark.parametrize(
    ("values", "roles", "unread"),
    [
        # 年初预算数 全年预算数 全年执行数 分值 执行率 得分: 45 ÷ 50 = 90 %
        (
            ["50", "50", "45", "10", "90%", "9"],
            [Role.INITIAL, Role.BUDGET, Role.SPENT, W, Role.RATE, S],
            [],
        ),
        (
            ["60", "50", "45", "90%", "10", "9"],
            [Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE, W, S],
            [],
        ),
        # one figure after the rate: 分值 or 得分? nothing tells, it stays unread
        (["50", "45", "90.00%", "10"], [Role.BUDGET, Role.SPENT, Role.RATE, None], [3]),
        # no rate confirms any pair: nothing is placed
        (["12", "30", "40%"], [None, None, None], []),
    ],
)
def test_fund_roles_from_the_rate_arithmetic(values, roles, unread):
    from jixiao.extract.values import infer_fund_roles

    assert infer_fund_roles(values) == (roles, unread)


def test_fund_rows_without_header():
    text = "\n".join(
        [
            "| 年度资金总额 | 120 | 118.5 | 96.3 | 10 | 81.27% | 8 |",
            "| 其中：财政拨款 | 100 | 100 | 80 | — | 80.00% | — |",
            "| 其他资金 | 20 | 18.5 | 16.3 | — | 88.11% | — |",
            "| 产出指标 | 数量指标 | 改造户数 | ≥100户 | 120户 | 40 | 40 |",
            "| 效益指标 | 社会效益指标 | 受益人数 | ≥500人 | 650人 | 40 | 38 |",
        ]
    )
    e = read_text(text, "funds.txt")
    got = [(f.initial_budget.value, f.budget.value, f.actual.value, f.rate.value) for f in e.funds]
    assert got == [
        (120, Decimal("118.5"), Decimal("96.3"), Decimal("81.27")),
        (100, 100, 80, 80),
        (20, Decimal("18.5"), Decimal("16.3"), Decimal("88.11")),
    ]
    assert (e.funds[0].weight.value, e.funds[0].score.value) == (10, 8)
    assert len(e.indicators) == 2


def test_vertical_stream_without_header():
    # one cell per line, no column labels: the categories and fund labels start the rows
    cells = [
        "2022年度项目支出绩效自评表", "项目名称", "农村公路养护", "年度资金总额", "60", "58.2", "97.00%",
        "产出指标", "数量指标", "养护里程", "≥120公里", "126公里", "30", "30",
        "质量指标", "路面完好率", "≥85%", "88%", "20", "20",
        "效益指标", "社会效益指标", "群众出行便利程度", "明显改善", "明显改善", "30", "28",
        "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "92%", "20", "20",
        "总分", "100", "98",
    ]  # fmt: skip
    e = read_text("\n\n".join(cells), "v.txt")
    (fund,) = e.funds
    assert (fund.budget.value, fund.actual.value, fund.rate.value) == (60, Decimal("58.2"), 97)
    got = [
        (i.level2.text, i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("数量指标", "养护里程", "≥120公里", "126公里", 30, 30),
        ("质量指标", "路面完好率", "≥85%", "88%", 20, 20),
        ("社会效益指标", "群众出行便利程度", "明显改善", "明显改善", 30, 28),
        ("服务对象满意度指标", "沿线群众满意度", "≥90%", "92%", 20, 20),
    ]
    assert (e.total_weight.value, e.total_score.value) == (100, 98)


def test_a_category_heading_in_a_report_is_no_indicator():
    text = "\n\n".join(
        [
            "2022年度某某项目绩效自评报告",
            "一、绩效目标完成情况",
            "产出指标",
            "全年完成道路养护任务，养护质量稳步提升。",
            "效益指标",
            "群众出行更加便利。",
        ]
    )
    e = read_text(text, "r.txt")
    assert e.indicators == ()


def test_pipe_rows_broken_in_the_wrong_places_are_rebuilt():
    # the same cells in the same order, but the line breaks fall inside rows
    text = "\n".join(
        [
            "2023年度项目支出绩效自评表",
            "| 项目名称 | 社区养老服务 |",
            "| 项目资金（万元） | 全年预算数 | 全年执行数 | 执行率 |",
            "| 分值 | 得分 |",
            "| 年度资金总额 | 80 | 72 | 90.00% | 10 |",
            "| 9 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 |",
            "| 得分 |",
            "| 产出指标 | 数量指标 | 服务老人人次 | ≥3000人次 | 3200人次 | 40 | 40 |",
            "| | 质量指标 | 服务投诉率 |",
            "| ≤2% | 1% | 20 | 18 | 效益指标 | 社会效益指标 | 老人生活质量 | 有所提高 |",
            "| 有所提高 | 30 | 27 |",
            "| 总分 | | | | | 90 | 85 |",
        ]
    )
    e = read_text(text, "broken.txt")
    (fund,) = e.funds
    assert (fund.budget.value, fund.actual.value, fund.rate.value, fund.weight.value, fund.score.value) == (
        80, 72, 90, 10, 9,
    )  # fmt: skip
    got = [
        (i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("服务老人人次", "≥3000人次", "3200人次", 40, 40),
        ("服务投诉率", "≤2%", "1%", 20, 18),
        ("老人生活质量", "有所提高", "有所提高", 30, 27),
    ]
    assert any("重新组成各行" in n for n in e.notes)


def test_rows_in_another_reading_order():
    # values printed before their labels, and two rows' labels printed before both rows' values
    text = "\n".join(
        [
            "2023年度项目支出绩效自评表",
            "| 项目名称 | 老旧小区改造 |",
            "| 项目资金（万元） | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 |",
            "| 300 | 285 | 95.00% | 10 | 9.5 | 年度资金总额 |",
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
            "| 产出指标 | 数量指标 | 改造小区数 | ≥8个 | 8个 | 30 | 30 |",
            "| | | 加装电梯数 |",
            "| | 质量指标 | 竣工验收合格率 |",
            "| ≥10部 | 12部 | 20 | 20 |",
            "| 100% | 100% | 20 | 20 |",
            "| 效益指标 | 社会效益指标 | 居民居住条件 | 明显改善 | 明显改善 | 20 | 18 |",
            "| 总分 | | | | | 90 | 87.5 |",
        ]
    )
    e = read_text(text, "order.txt")
    (fund,) = e.funds
    assert fund.label.text == "年度资金总额"
    assert (fund.budget.value, fund.actual.value, fund.rate.value) == (300, 285, 95)
    got = [
        (i.level2.text, i.name.text, i.target.text, i.actual.text, i.weight.value)
        for i in e.indicators
    ]
    assert got == [
        ("数量指标", "改造小区数", "≥8个", "8个", 30),
        ("数量指标", "加装电梯数", "≥10部", "12部", 20),
        ("质量指标", "竣工验收合格率", "100%", "100%", 20),
        ("社会效益指标", "居民居住条件", "明显改善", "明显改善", 20),
    ]


def test_run_together_without_header():
    # cells written with no separators and no column labels (an excerpt from a shared scan)
    text = (
        "年度资金总额5048.196.20%"
        "产出指标数量指标新建公厕数量≥6座6座3030质量指标验收合格率≥95%100%2020"
        "效益指标社会效益指标群众如厕便利程度明显改善明显改善3027总分8077"
    )
    e = read_text(text, "run.txt")
    assert e.layout == "other"
    (fund,) = e.funds
    assert (fund.budget.value, fund.actual.value, fund.rate.value) == (
        50,
        Decimal("48.1"),
        Decimal("96.20"),
    )
    got = [
        (i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("新建公厕数量", "≥6座", "6座", 30, 30),
        ("验收合格率", "≥95%", "100%", 20, 20),
        ("群众如厕便利程度", "明显改善", "明显改善", 30, 27),
    ]
    assert (e.total_weight.value, e.total_score.value) == (80, 77)


def test_stream_figures_printed_before_their_label():
    # one cell per line; the second fund row's figures come before its label
    cells = [
        "2022年度部门整体支出绩效自评表", "整体资金（万元）", "项目", "全年预算数", "全年执行数", "执行率",
        "合计", "100", "90", "90.00%",
        "60", "57", "95.00%", "财政拨款",
        "其他资金", "40", "33", "82.50%",
    ]  # fmt: skip
    e = read_text("\n\n".join(cells), "v.txt")
    got = [(f.label.text, f.budget.value, f.actual.value, f.rate.value) for f in e.funds]
    assert got == [
        ("合计", 100, 90, 90),
        ("财政拨款", 60, 57, 95),
        ("其他资金", 40, 33, Decimal("82.50")),
    ]


def test_values_written_together_in_one_cell_of_a_grid():
    text = "\n".join(
        [
            "2022年度项目支出绩效自评表",
            "| 项目名称 | 某某学校改造 |",
            "| 项目资金（万元） | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 |",
            "| 年度资金总额 | 86.5 | 84.2797.42% | 10 | 9.7 |",
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |",
            "| 产出指标 | 数量指标 | 改造教室间数 | ≥12间 | 12间 | 3030 | |",
            "| | 质量指标 | 验收合格率 | 100% | 100%2020 | |",
            "| 效益指标 | 社会效益指标 | 学生学习环境 | 明显改善 | 明显改善 | 4038 | |",
        ]
    )
    e = read_text(text, "glued.txt")
    (fund,) = e.funds
    assert (fund.budget.value, fund.actual.value, fund.rate.value) == (
        Decimal("86.5"),
        Decimal("84.27"),
        Decimal("97.42"),
    )
    got = [(i.actual.text, i.weight.value, i.score.value) for i in e.indicators]
    assert got == [("12间", 30, 30), ("100%", 20, 20), ("明显改善", 40, 38)]


def test_excerpt_starting_below_the_categories():
    # the first rows have neither header nor category: name, target, actual, weight, score
    text = "\n".join(
        [
            "| | | 发放宣传手册 | ≥2000册 | 2150册 | 10 | 10 | |",
            "| | | 举办专题讲座 | ≥6场 | 5场 | 10 | 8 | 一场因故延期 |",
            "| | 质量指标 | 讲座满意率 | ≥90% | 95% | 10 | 10 | |",
            "| 效益指标 | 社会效益指标 | 政策知晓率 | ≥80% | 86% | 20 | 20 | |",
            "| 总分 | | | | | | 50 | 48 | |",
        ]
    )
    e = read_text(text, "cut.txt")
    got = [
        (i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("发放宣传手册", "≥2000册", "2150册", 10, 10),
        ("举办专题讲座", "≥6场", "5场", 10, 8),
        ("讲座满意率", "≥90%", "95%", 10, 10),
        ("政策知晓率", "≥80%", "86%", 20, 20),
    ]
    assert e.indicators[1].deviation.text == "一场因故延期"


def test_stream_indicator_values_printed_before_their_labels():
    cells = [
        "2022年度项目支出绩效自评表", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分",
        "产出指标", "数量指标", "新建步道长度", "≥5公里", "5.2公里", "40", "40",
        "≥95%", "97%", "30", "28", "质量指标", "验收合格率",
        "效益指标", "社会效益指标", "居民健身便利", "明显改善", "明显改善", "30", "30",
    ]  # fmt: skip
    e = read_text("\n\n".join(cells), "v.txt")
    got = [
        (i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("新建步道长度", "≥5公里", "5.2公里", 40, 40),
        ("验收合格率", "≥95%", "97%", 30, 28),
        ("居民健身便利", "明显改善", "明显改善", 30, 30),
    ]
