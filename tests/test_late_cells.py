"""The last indicator rows' 完成值 and 得分 printed after the table's end labels (a PDF table
with merged cells copied onto one line, wrapped cells split into their lines): put back on
their rows where the wrapped lines cut one way and a 一级's points confirm the figures.
Invented text of the shape."""

from jixiao import read_text
from jixiao.document import Cell
from jixiao.extract.late_cells import reattach_late_cells

HEAD = (
    "2023 年度农村饮水安全巩固资金项目自评表 单位名称:某县水务局 "
    "项目名称 农村饮水安全巩固资金 主管部门 某县水务局 预算执行 情况(万元) (20 分) "
    "年度财政 资金总额 预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) "
    "80.00 80.00 100% 20 三级指标 年初目标值 (A) 实际完成值 (B) 得分 "
    "新建供水管网(公里) 12 12.5 15 水质检测合格率 95% 97% 15 "
)
OPEN = (
    "社会效益 指标 改善农村群众饮水条 件的作用 群众饮水安 全保障水平 明显提升 "
    "可持续影 响指标 工程长效运行管护机 制建设 是否建立长 效管护机制 "
)
TAIL = (
    "二级指标 数量指标 年度 绩效 目标 (80 分) 产出指标 (30 分) 效益指标 (50 分) 总分 "
    "饮水安全保 障水平显著 提升 已建立长效 管护机制 30 20 100 —3— 偏差大或 目标未完成 原因分析"
)


def test_late_actuals_and_scores_go_back_to_their_rows():
    ev = read_text(HEAD + OPEN + TAIL, "late.txt")
    by_name = {i.name.text: i for i in ev.indicators}
    assert set(by_name) == {
        "新建供水管网(公里)",
        "水质检测合格率",
        "改善农村群众饮水条 件的作用",
        "工程长效运行管护机 制建设",
    }
    first = by_name["改善农村群众饮水条 件的作用"]
    assert first.target.text == "群众饮水安 全保障水平 明显提升"
    assert first.actual.text == "饮水安全保 障水平显著 提升"
    assert first.score.value == 30
    second = by_name["工程长效运行管护机 制建设"]
    assert (second.target.text, second.actual.text) == (
        "是否建立长 效管护机制",
        "已建立长效 管护机制",
    )
    assert second.score.value == 20 and second.level1.text == "效益指标"
    assert ev.total_score.value == 100
    assert any("印在表尾的标签之后" in n for n in ev.notes)
    # the column label and the 一级 with its points are no indicators
    assert not [i for i in ev.indicators if i.name.text in ("二级指标", "效益指标(50分)")]


def test_points_that_do_not_confirm_the_late_figures_leave_the_cells_as_they_are():
    text = HEAD + OPEN + TAIL.replace("效益指标 (50 分)", "效益指标 (45 分)")
    ev = read_text(text, "late.txt")
    assert not any("印在表尾的标签之后" in n for n in ev.notes)


def cells(text: str) -> list[Cell]:
    return [Cell(t, None) for t in text.split()]


def test_lines_that_cut_two_ways_equally_are_not_reattached():
    # every line the same width: the name and target can be cut anywhere, nothing is moved
    stream = cells(
        "三级指标 年初目标值 实际完成值 得分 甲乙丙 10 10 10 社会效益指标 "
        "甲乙丙丁 乙丙丁戊 丙丁戊己 效益指标(8分) 总分 丁戊己庚 8"
    )
    out, note = reattach_late_cells(stream)
    assert note is None and out == stream


ROWS = """2023年度农村饮水安全巩固资金项目支出绩效自评表
项目名称    农村饮水安全巩固资金    主管部门    某县水务局
一级指标    二级指标    三级指标    年度指标值    实际完成值    分值    得分
数量指标    新建供水管网    ≥12公里    12.5公里    40    40
质量指标    水质检测合格率    ≥95%    97%    30    30
满意度指标    受益群众满意度    ≥90%
产出指标（70分）    满意度指标（30分）    93%    30    28
总分    100    98
"""


def test_a_row_per_line_takes_its_late_cells_from_the_line_of_labels():
    ev = read_text(ROWS, "rows.txt")
    ind = {i.name.text: i for i in ev.indicators}["受益群众满意度"]
    assert (ind.target.text, ind.actual.text) == ("≥90%", "93%")
    assert (ind.weight.value, ind.score.value) == (30, 28)
    assert ind.level1.text == "满意度指标"
    assert any("印在表尾的标签之后" in n for n in ev.notes)
