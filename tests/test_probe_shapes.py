"""Shapes of real forms found by probing with invented forms (bench/probes.py, part pb).

Each test embeds a small invented form of one shape; each failed before its mechanism."""

from __future__ import annotations

import pytest

import jixiao

KIND_COLUMN = """\
2024年度项目支出绩效自评表
项目名称：乡村道路养护补助
| 指标类型 | 指标名称 | 指标值 | 实际完成值 | 分值 | 得分 |
| {a} | 养护里程 | ≥120公里 | 126公里 | 40 | 40 |
| {b} | 路面完好率 | ≥85% | 88% | 30 | 30 |
| {c} | 沿线群众满意度 | ≥90% | 91% | 30 | 30 |
"""


def _levels(text: str) -> list[tuple[str | None, str | None]]:
    e = jixiao.read_text(text, "类型.txt")
    return [
        (i.level1.text if i.level1 else None, i.level2.text if i.level2 else None)
        for i in e.indicators
    ]


def test_a_kind_column_of_quantity_quality_words_is_the_level2() -> None:
    text = KIND_COLUMN.format(a="数量", b="质量", c="满意度")
    assert _levels(text) == [(None, "数量"), (None, "质量"), (None, "满意度")]


def test_a_kind_column_holding_level1_categories_is_the_level1() -> None:
    text = KIND_COLUMN.format(a="产出指标", b="产出指标", c="满意度指标")
    assert _levels(text) == [("产出指标", None), ("产出指标", None), ("满意度指标", None)]


PAIRED_PIPE = """\
2024年度项目支出绩效自评表
项目名称：村级文化广场建设
| 一级指标 | 二级指标 | 三级指标 | | 指标内容 | 分值 | 得分 |
| 产出指标 | 数量指标 | 新建文化广场 | 目标值 | ≥8个 | 30 | 30 |
| | | | 实际值 | 9个 | | |
| 效益指标 | 社会效益指标 | 村民文体活动 | 目标值 | 明显增加 | 40 | 36 |
| | | | 实际值 | 有所增加 | | |
"""

PAIRED_SPACED = """\
2024年度项目支出绩效自评表
项目名称：村级文化广场建设
一级指标   二级指标       三级指标                  指标内容    分值   得分
产出指标   数量指标       新建文化广场   目标值     ≥8个        30     30
                                         实际值     9个
效益指标   社会效益指标   村民文体活动   目标值     明显增加    40     36
                                         实际值     有所增加
"""


def _measures(text: str) -> list[tuple[str, str | None, str | None]]:
    e = jixiao.read_text(text, "两行.txt")
    return [
        (i.name.text, i.target.text if i.target else None, i.actual.text if i.actual else None)
        for i in e.indicators
    ]


def test_target_and_actual_on_two_rows_of_a_pipe_table() -> None:
    assert _measures(PAIRED_PIPE) == [
        ("新建文化广场", "≥8个", "9个"),
        ("村民文体活动", "明显增加", "有所增加"),
    ]


def test_target_and_actual_on_two_lines_of_spaced_text() -> None:
    assert _measures(PAIRED_SPACED) == [
        ("新建文化广场", "≥8个", "9个"),
        ("村民文体活动", "明显增加", "有所增加"),
    ]


GROUPED_FUNDS = """\
2024年度部门整体支出绩效自评表
部门（单位）名称：某某区水利局
| 预算执行情况（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |
| 年度资金总额 | 820 | 860 | 843 | 98.02% |
| 按收入性质分：财政拨款 | 800 | 840 | 825 | 98.21% |
| 按支出性质分：基本支出 | 500 | 520 | 520 | 100% |
| 项目支出 | 320 | 340 | 323 | 95% |
"""


def test_a_group_marker_and_a_fund_label_in_one_cell() -> None:
    e = jixiao.read_text(GROUPED_FUNDS, "来源.txt")
    got = [(f.label.text, f.line and f.line.value, f.group and f.group.value) for f in e.funds]
    assert got[1:3] == [("财政拨款", "fiscal", "source"), ("基本支出", "basic", "structure")]


FULL_MARKS = """\
2024年度项目支出绩效自评表
项目名称：农村饮水安全巩固提升
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 新建供水管网 | ≥35公里 | 37公里 | 25 | 满分 |
| 效益指标 | 社会效益指标 | 受益人口 | ≥1.2万人 | 1.1万人 | 25 | 22 |
"""


def test_a_score_printed_as_full_marks_is_the_row_weight() -> None:
    e = jixiao.read_text(FULL_MARKS, "满分.txt")
    assert [(i.weight.value, i.score.value) for i in e.indicators] == [(25, 25), (25, 22)]
    assert any("满分" in n for n in e.notes)


STAFF_ROWS = """\
2024年度部门整体支出绩效自评表
| 部门名称 | 某某县林业局 | | | |
| 人员编制数 | 38 | | 实有人员数 | 35 |
| 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |
| 年度资金总额 | 610 | 650 | 637 | 98% |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |
| 产出指标 | 数量指标 | 森林抚育面积 | ≥2000亩 | 2150亩 |
"""


def test_staff_labels_with_a_trailing_shu() -> None:
    e = jixiao.read_text(STAFF_ROWS, "编制.txt")
    assert (e.staff_authorized.value, e.staff_actual.value) == (38, 35)


TASKS = """\
2024年度部门整体支出绩效自评表
部门（单位）名称：某某县卫生健康局
| 年度主要任务 | 任务名称 | 主要内容 | 预算数 | 执行数 |
| | 基本公共卫生服务 | 为常住居民建立健康档案、慢病随访 | 260 | 251 |
| | 医疗机构能力提升 | 乡镇卫生院设备更新 | 140 | 133 |
| 预算执行情况（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |
| 年度资金总额 | 900 | 960 | 930 | 96.88% |
"""


def test_tasks_of_a_department_are_named_by_the_task_not_its_contents() -> None:
    e = jixiao.read_text(TASKS, "任务.txt")
    got = [(f.label.text, f.budget.value, f.actual.value) for f in e.funds]
    assert got[:2] == [("基本公共卫生服务", 260, 251), ("医疗机构能力提升", 140, 133)]


SYNONYM_FORM = """\
2024年度项目支出绩效自评表
项目名称：城乡环卫一体化运营
| {l1} | 二级指标 | 三级指标 | {target} | {actual} | {weight} | {score} |
| 产出指标 | 数量指标 | 清扫保洁面积 | ≥300万平方米 | 312万平方米 | 40 | 40 |
| 效益指标 | 生态效益指标 | 垃圾无害化处理率 | 100% | 99% | 30 | 28 |
"""


@pytest.mark.parametrize(
    ("target", "actual", "weight", "score"),
    [
        ("预期值", "实际达到值", "标准分值", "自评分"),
        ("计划目标", "实际完成数", "满分值", "考核得分"),
        ("年度指标值", "完成数", "权重分", "评价得分"),
        ("指标值", "实际值", "指标权重", "得分"),
    ],
)
def test_column_synonyms_found_by_probing(
    target: str, actual: str, weight: str, score: str
) -> None:
    text = SYNONYM_FORM.format(
        l1="一级指标", target=target, actual=actual, weight=weight, score=score
    )
    e = jixiao.read_text(text, "同义.txt")
    got = [(i.target.text, i.actual.text, i.weight.value, i.score.value) for i in e.indicators]
    assert got == [("≥300万平方米", "312万平方米", 40, 40), ("100%", "99%", 30, 28)]


def test_a_kind_column_before_a_level2_column_is_the_level1() -> None:
    text = SYNONYM_FORM.format(
        l1="指标类别", target="指标值", actual="实际值", weight="分值", score="得分"
    )
    assert _levels(text) == [("产出指标", "数量指标"), ("效益指标", "生态效益指标")]


SPREAD = """\
2024年度项目支出绩效自评表
项目名称：老旧小区雨污分流改造
一级指标   二级指标   三级指标         年度指标值   实际完成值   分   值   得   分
产出指标   数量指标   改造小区数量     ≥12个        12个         50           50
效益指标   生态效益   污水直排点消除   全部消除     全部消除     50           45
总    分                                                          100          95
"""


def test_labels_spread_over_their_cells_in_spaced_text() -> None:
    e = jixiao.read_text(SPREAD, "分散.txt")
    got = [(i.name.text, i.weight.value, i.score.value) for i in e.indicators]
    assert got == [("改造小区数量", 50, 50), ("污水直排点消除", 50, 45)]
    assert (e.total_weight.value, e.total_score.value) == (100, 95)


def _xlsx(tmp_path, rows: list[list[str]]):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append([v if v != "" else None for v in row])
    path = tmp_path / "序号.xlsx"
    wb.save(path)
    return path


def test_a_numbered_row_of_words_in_a_spreadsheet_is_not_printed_values_first(tmp_path) -> None:
    rows = [
        ["2024年度项目支出绩效自评表", "", "", "", "", "", "", ""],
        ["项目名称", "街道综合文化站免费开放", "", "", "", "", "", ""],
        ["序号", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["1", "产出指标", "数量指标", "开展文化活动", "≥24场", "26场", "40", "40"],
        ["2", "效益指标", "社会效益指标", "居民文化生活", "明显丰富", "明显丰富", "30", "30"],
        ["3", "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "95%", "30", "30"],
    ]
    e = jixiao.read(_xlsx(tmp_path, rows))
    assert [i.name.text for i in e.indicators] == ["开展文化活动", "居民文化生活", "居民满意度"]


JOINED = """\
2024年度项目支出绩效自评表
项目名称：街道综合文化站免费开放
| 指标类别 | 指标名称 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标-数量指标 | 开展文化活动 | ≥24场 | 26场 | 40 | 40 |
| 效益指标（社会效益指标） | 居民文化生活 | 明显丰富 | 明显丰富 | 30 | 30 |
| 满意度指标/服务对象满意度指标 | 居民满意度 | ≥90% | 95% | 30 | 30 |
"""


def test_level1_and_level2_in_one_cell() -> None:
    assert _levels(JOINED) == [
        ("产出指标", "数量指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]


TWO_LEVELS = """\
2024年度项目支出绩效自评表
项目名称：街道综合文化站免费开放
| 一级指标 | 二级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 开展文化活动 | ≥24场 | 26场 | 40 | 40 |
| 效益指标 | 居民文化生活 | 明显丰富 | 明显丰富 | 30 | 30 |
| 满意度指标 | 居民满意度 | ≥90% | 95% | 30 | 30 |
"""


def test_a_word_of_both_levels_in_the_level1_column_is_the_level1() -> None:
    e = jixiao.read_text(TWO_LEVELS, "两级.txt")
    assert [i.level1.text for i in e.indicators] == ["产出指标", "效益指标", "满意度指标"]


# a Word table copied as text: a cell a line after a tab, a blank line after each row; the
# form's title and fields are paragraphs after an unrelated table (a 目录)
WORD_COPY = (
    "\t目录\n\t\n\n"
    "\t一、项目支出绩效自评表\n\t1\n\n"
    "2024年度项目支出绩效自评表\n"
    "项目名称：街道综合文化站免费开放\n"
    "实施单位：某某街道办事处\n"
    "\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\n"
    "\t产出指标\n\t数量指标\n\t开展文化活动\n\t≥24场\n\t26场\n\t40\n\t40\n\n"
)


def test_fields_after_an_unrelated_table_in_a_word_copy_are_paragraphs() -> None:
    e = jixiao.read_text(WORD_COPY, "目录.txt")
    assert e.project is not None and e.project.text == "街道综合文化站免费开放"
    assert e.unit is not None and e.unit.text == "某某街道办事处"


# one cell per line (a web page flattened), the blank reason cells printed with a mark
STREAM_MARKS = """\
2024年度项目支出绩效自评表

项目名称

城市内涝点整治

一级指标

二级指标

三级指标

年度指标值

实际完成值

分值

得分

偏差原因分析及改进措施

产出指标

数量指标

整治内涝点

≥15处

16处

30

30

{mark}

改造排水管网

≥8公里

9公里

30

30

{mark}

新建调蓄池

≥2座

2座

10

10

{mark}

效益指标

社会效益指标

汛期积水投诉下降

≥30%

34%

30

30

{mark}
"""


@pytest.mark.parametrize("mark", ["/", "——", "nan", "None"])
def test_blank_reasons_printed_with_a_mark_in_a_stream(mark: str) -> None:
    e = jixiao.read_text(STREAM_MARKS.format(mark=mark), "标记.txt")
    got = [(i.name.text, i.target.text, i.score.value) for i in e.indicators]
    assert got == [
        ("整治内涝点", "≥15处", 30),
        ("改造排水管网", "≥8公里", 30),
        ("新建调蓄池", "≥2座", 10),
        ("汛期积水投诉下降", "≥30%", 30),
    ]


# cells run together (a document-sharing site), the blank reason printed after the score
RUN_MARKS = """\
2024年度项目支出绩效自评表
项目名称城市内涝点整治
一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施
产出指标数量指标整治内涝点≥15处16处3030{mark}
质量指标整治工程验收合格率100%100%3030{mark}
效益指标社会效益指标汛期积水投诉下降≥30%34%4040{mark}
"""


@pytest.mark.parametrize("mark", ["-", "无", "nan"])
def test_blank_reasons_printed_with_a_mark_in_run_together_text(mark: str) -> None:
    e = jixiao.read_text(RUN_MARKS.format(mark=mark), "连写.txt")
    got = [(i.name.text, i.weight.value, i.score.value) for i in e.indicators]
    assert got == [
        ("整治内涝点", 30, 30),
        ("整治工程验收合格率", 30, 30),
        ("汛期积水投诉下降", 40, 40),
    ]


def test_column_labels_spread_over_their_cells_in_column_major_text() -> None:
    # PDF text of a table printed a column at a time, its short labels spread (分    值)
    columns = (
        ("一级指标", ["产出指标", "产出指标", "效益指标"]),
        ("二级指标", ["数量指标", "时效指标", "社会效益指标"]),
        ("三级指标", ["新建候车亭", "完工时间", "群众出行条件"]),
        ("年度指标值", ["≥12座", "≤9月", "明显改善"]),
        ("实际完成值", ["12座", "9月", "明显改善"]),
        ("分    值", ["30", "30", "30", "90"]),
        ("得    分", ["30", "28", "30", "88"]),
    )
    lines = ["2024年度项目支出绩效自评表", "项目名称   公交候车亭建设", "绩效指标", "合计"]
    for head, cells in columns:
        lines += [head, *cells]
    e = jixiao.read_text("\n".join(lines) + "\n", "逐列.txt")
    got = [(i.name.text, i.weight.value, i.score.value) for i in e.indicators]
    assert got == [("新建候车亭", 30, 30), ("完工时间", 30, 28), ("群众出行条件", 30, 30)]


CATEGORY_LED = """\
2024年度项目支出绩效自评表
项目名称：公交候车亭建设
| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 数量指标：新建候车亭 | ≥12座 | 12座 | 40 | 40 |
| 时效指标：完工时间 | 2024年9月底前 | 2024年9月 | 30 | 30 |
| 社会效益指标：群众候车条件 | 明显改善 | 明显改善 | 30 | 30 |
"""


def test_a_name_led_by_its_category_in_one_cell() -> None:
    e = jixiao.read_text(CATEGORY_LED, "类别名称.txt")
    got = [(i.level2.text if i.level2 else None, i.name.text) for i in e.indicators]
    assert got == [
        ("数量指标", "新建候车亭"),
        ("时效指标", "完工时间"),
        ("社会效益指标", "群众候车条件"),
    ]


PAGED_PIPE = """\
2024年度项目支出绩效自评表
项目名称：公交候车亭建设
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 新建候车亭 | ≥12座 | 12座 | 40 | 40 |
| 产出指标 | 时效指标 | 完工时间 | 2024年9月底前 | 2024年9月 | 30 | 30 |
| 第 1 页 共 2 页 |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 效益指标 | 社会效益指标 | 群众候车条件 | 明显改善 | 明显改善 | 30 | 30 |
"""


def test_a_page_mark_in_a_pipe_row_is_page_furniture() -> None:
    e = jixiao.read_text(PAGED_PIPE, "分页.txt")
    assert [i.name.text for i in e.indicators] == ["新建候车亭", "完工时间", "群众候车条件"]
