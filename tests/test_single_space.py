"""PDF text with ONE space between cells (pdfplumber's extract_text, a viewer's copy of a Word
table): rows cut by their words (jixiao/readers/text/single_space.py). Invented forms."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.readers.text import parse_text, single_space

FORM = """2024年度项目支出绩效自评表
项目名称 乡村道路养护补助
主管部门 某县交通运输局 实施单位 某县公路养护中心
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 2,400.00 2,000.00 1,900.00 10 95.00% 9.5
其中：当年财政拨款 2,400.00 2,000.00 1,900.00 — 95.00% —
其他资金 0 0 0 — — —
年度总体目标 预期目标 实际完成情况
完成农村公路日常养护80公里。 完成农村公路日常养护82公里。
绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 养护道路里程 ≥80公里 82公里 30 30
质量指标 养护路段优良路率 ≥85% 86% 20 20
效益指标 社会效益指标 群众出行条件改善 明显改善 明显改善 20 18 个别路段雨季积水
满意度指标 服务对象满意度指标 沿线群众满意度 ≥90% 93% 20 20
总分 100 97.5
"""


def test_fields_funds_goal_and_header_read_from_single_spaced_lines():
    e = read_text(FORM, "form.txt")
    assert e.project.text == "乡村道路养护补助"
    assert e.supervisor.text == "某县交通运输局"
    assert e.unit.text == "某县公路养护中心"
    lines = [f.line.value for f in e.funds]
    assert lines[:2] == ["total", "fiscal"]
    fiscal = e.funds[1]
    assert fiscal.budget.value == Decimal("2000.00") and fiscal.actual.value == Decimal("1900.00")
    assert len(e.goals) == 1
    assert e.goals[0].planned.text.startswith("完成农村公路日常养护80")
    assert e.goals[0].achieved.text.startswith("完成农村公路日常养护82")
    assert [i.name.text for i in e.indicators][:2] == ["养护道路里程", "养护路段优良路率"]
    assert e.total_score.value == Decimal("97.5")
    assert "年度总体目标" not in e.missing


def test_cells_of_a_line_by_its_words():
    assert single_space.cells("主管部门 某县某局 实施单位 某县某所") == [
        "主管部门",
        "某县某局",
        "实施单位",
        "某县某所",
    ]
    assert single_space.cells("年度总体目标 预期目标 实际完成情况") == [
        "年度总体目标",
        "预期目标",
        "实际完成情况",
    ]
    # a goal row: two texts after a goal header, parted where a sentence ends
    two = single_space.cells("建成站点5个，覆盖 3个乡镇。 建成站点5个。", goal_columns=2)
    assert two == ["建成站点5个，覆盖 3个乡镇。", "建成站点5个。"]
    # three sentences: which space parts the two columns is not told
    assert single_space.cells("甲。 乙。 丙。", goal_columns=2) is None
    # a sentence with figures set apart by spaces is no row
    assert not single_space.row_line("全年预算为 174.74 万元，上年结余 0 万元。")
    assert single_space.row_line("年度资金总额 1,250.00 1,180.00 1,121.00 10 95.00% 9.5")


def test_a_wrapped_cell_joins_its_row_only_where_one_cell_can_take_it():
    text = FORM.replace(
        "产出指标 数量指标 养护道路里程 ≥80公里 82公里 30 30",
        "产出指标 数量指标 养护道路里程（含村 ≥80公里 82公里 30 30\n道）",
    ).replace(
        "效益指标 社会效益指标 群众出行条件改善 明显改善 明显改善 20 18 个别路段雨季积水",
        "效益指标 社会效益指标 群众出行条件改善 明显改善 明显改善 20 18 个别路段雨季\n积水",
    )
    e = read_text(text, "form.txt")
    # an open bracket tells the cell the rest belongs to
    assert e.indicators[0].name.text == "养护道路里程（含村道）"
    # four text cells and nothing to tell which one wrapped: left unread, with a note
    assert any("积水" in n and "无法确定" in n for n in e.notes)
    assert e.indicators[2].name.text == "群众出行条件改善"


def test_layout_told_before_a_long_report():
    report = "\n".join(f"{k}、第{k}部分的说明文字，内容较长。" for k in "一二三四五六七八九十")
    doc = parse_text(FORM + "\n" + report * 3, "form.txt")
    assert doc.layout == "spaced"


def test_level1_with_points_printed_after_rows_is_cut():
    line = "产出指标（50分） 效益指标（30分） 满意度指标（10分）"
    assert single_space.cells(line) == line.split()


def test_a_sentence_rest_after_a_row_printed_values_first_is_its_reason():
    above = [
        "≥90%",
        "80%",
        "20",
        "16",
        "受天气影响工期延后，下年度将",
        "产出指标",
        "数量指标",
        "硬化率",
    ]
    assert single_space.wrapped_into("加快推进。", above) == 4
    # words that end no sentence after such a row are the next row's labels
    assert single_space.wrapped_into("道路养护里程", above) is None


def test_two_rows_under_a_header_tell_the_layout():
    text = """项目名称 乡村道路养护补助
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 500.00 400.00 380.00 10 95.00% 9.5
其中：财政拨款 500.00 400.00 380.00 — 95.00% —
"""
    e = read_text(text, "excerpt.txt")
    assert [f.budget.value for f in e.funds] == [Decimal("400.00"), Decimal("400.00")]
    assert e.project.text == "乡村道路养护补助"
