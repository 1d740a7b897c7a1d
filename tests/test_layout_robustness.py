"""Fixes found by bench/layout_robustness.py: each on a small embedded input."""

from decimal import Decimal

import pytest

from jixiao import read_text
from jixiao.readers.text import parse_text

# -- spaced: one row per line, cells split by runs of spaces --------------------------------

SPACED_WITH_REPORT = (
    "2022年度项目支出绩效自评表\n\n"
    "项目名称   档案数字化建设经费\n"
    "主管部门    某某县档案馆    实施单位    某某县档案馆\n"
    "项目资金（万元）  项  目  年初预算数  全年预算数  全年执行数  分值  执行率  得分\n"
    "年度资金总额    100    100    95    10    95.00%    9.5\n"
    "绩效指标   一级指标   二级指标   三级指标   年度指标值   实际完成值   分值   得分\n"
    "产出指标  数量指标  数字化档案数量  ≥1000卷  1200卷  40  40\n"
    "效益指标  社会效益指标  查档利用人次  ≥500人次  600人次  40  40\n"
    "满意度指标  服务对象满意度指标  服务对象满意度  不少于90%  98%  10  10\n"
    "总分     100     99.5\n\n"
    "一、项目概况\n"
    "项目资金主要用于档案数字化扫描。\n"
    "二、绩效目标完成情况\n"
    "全年完成扫描1200卷。\n"
)


def test_spaced_report_after_the_table_is_read_as_paragraphs():
    doc = parse_text(SPACED_WITH_REPORT, "s.txt")
    assert doc.layout == "spaced"
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table"] + ["Paragraph"] * 4
    e = read_text(SPACED_WITH_REPORT, "s.txt")
    assert [s.heading.text for s in e.report.sections] == ["一、项目概况", "二、绩效目标完成情况"]


def test_spaced_one_line_table_keeps_the_report_after_it():
    cells = "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 " * 6
    text = "2022年度项目支出绩效自评表\n" + cells + "\n一、项目概况\n项目资金用于扫描。\n"
    doc = parse_text(text, "s.txt")
    assert [type(b).__name__ for b in doc.blocks] == ["Table", "Paragraph", "Paragraph"]
    assert doc.blocks[0].rows[0][0].text == "2022年度项目支出绩效自评表"


def test_spaced_rows_with_long_sentence_cells_are_still_spaced():
    long_cell = "为全区困难妇女争取专项救助金并筹集善款用于帮扶，" * 4
    rows = [
        "部门（单位）名称      某某县妇女联合会",
        "人员编制    3    实有人数    4",
        "整体资金（万元）  项  目  全年预算数  全年执行数  执行率  分值  得分",
        "资金来源  合计  198.8  212.64  106.87%  10  10",
        "绩效指标  一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分",
        f"产出指标  数量指标  开展帮扶  帮扶困难妇女  {long_cell}  5  5",
        f"效益指标  社会效益指标  开展志愿服务  聚焦健康  {long_cell}  5  5",
    ]
    assert parse_text("\n".join(rows), "s.txt").layout == "spaced"


def test_spaced_satisfaction_row_keeps_its_name_apart_from_the_category():
    e = read_text(SPACED_WITH_REPORT, "s.txt")
    sat = e.indicators[-1]
    assert (sat.level2.text, sat.name.text) == ("服务对象满意度指标", "服务对象满意度")
    assert (sat.target.text, sat.actual.text) == ("不少于90%", "98%")


# -- 总分 with one figure --------------------------------------------------------------------

PIPE_HEAD = (
    "2022年度项目支出绩效自评表\n"
    "| 项目名称 | 某项目 |\n"
    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
    "| 产出指标 | 数量指标 | 培训人次 | ≥200人次 | 230人次 | 90 | 89.6 |\n"
    "| 产出指标 | 数量指标 | 开展检查 | ≥2次 | 2次 | 10 | 10 |\n"
)


@pytest.mark.parametrize(
    ("row", "weight", "score"),
    [
        ("| 总分 | | 99.6 |", None, "99.6"),  # the 分值 cell blank: the figure is the score
        ("| 总分 | 99.6 |", None, "99.6"),  # a fraction: not a total weight
        ("| 总分 | | 100 | |", "100", None),  # the 得分 cell blank after it: the weight
        ("| 总分 | 100 |", "100", None),
        ("| 总分 | 100 | 99.6 |", "100", "99.6"),
    ],
)
def test_total_row_with_one_figure(row, weight, score):
    e = read_text(PIPE_HEAD + row + "\n", "t.txt")
    assert (e.total_weight and str(e.total_weight.value)) == weight
    assert (e.total_score and str(e.total_score.value)) == score


def test_tabbed_total_with_blank_weight_cell_reads_the_score():
    text = (
        "2022年度项目支出绩效自评表\n\n\t项目名称\n\t某项目\n\n"
        "\t绩效指标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\n"
        "\t\n\t产出指标\n\t数量指标\n\t培训人次\n\t≥200人次\n\t230人次\n\t100\n\t99.6\n\n"
        "\t总分\n\t\n\t99.6\n\n"
    )
    e = read_text(text, "t.txt")
    assert (e.total_weight, e.total_score.value) == (None, Decimal("99.6"))


def test_pipe_closing_bar_is_not_a_cell():
    doc = parse_text("| a | b |\n| c | |\n| d | e |\n| f | g |\n| h | i |\n", "p.txt")
    assert [[c.text for c in r] for r in doc.blocks[0].rows][:2] == [["a", "b"], ["c", ""]]


# -- full-width digits and signs --------------------------------------------------------------


def test_full_width_fund_numbering_and_measures():
    text = (
        "２０２２年度项目支出绩效自评表\n"
        "| 项目名称 | 某项目 |\n"
        "| 项目资金（万元） | 项目 | 全年预算数 | 全年执行数 | 执行率 |\n"
        "| | 年度资金总额 | １００ | ９５ | ９５．００％ |\n"
        "| | （１）财政拨款 | １００ | ９５ | ９５．００％ |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "| 产出指标 | 成本指标 | 单次活动平均成本 | ≤３．６４万元 | ３．３６万元 | １５ | １５ |\n"
    )
    e = read_text(text, "t.txt")
    assert [f.label.text for f in e.funds] == ["年度资金总额", "财政拨款"]
    ind = e.indicators[0]
    assert (ind.target.number, ind.target.unit, ind.target.text) == (
        Decimal("3.64"),
        "万元",
        "≤３．６４万元",
    )


# -- a report before the table ------------------------------------------------------------------


def test_report_before_the_table_is_read():
    text = (
        "2022年度某某县档案馆部门整体支出绩效自评报告\n\n"
        "一、部门概况\n\n某某县档案馆为财政全额拨款单位。现有编制12人。\n\n"
        "二、绩效目标完成情况\n\n全年完成各项工作。\n\n"
        "2022年度部门整体支出绩效自评表\n\n"
        "\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\n"
        "\t产出指标\n\t数量指标\n\t培训人次\n\t≥200人次\n\t230人次\n\t90\n\t90\n\n"
        "\t总分\n\t100\n\t100\n\n"
    )
    e = read_text(text, "t.txt")
    assert [s.heading.text for s in e.report.sections] == ["一、部门概况", "二、绩效目标完成情况"]
    assert e.unit.text == "某某县档案馆"
    assert e.indicators[0].name.text == "培训人次"


def test_measure_units_are_public():
    from jixiao import measure

    assert "万元" in measure.UNITS and measure.UNITS == measure._UNITS


def test_html_table_opened_inside_a_cell_and_left_open():
    from jixiao.errors import ReadError

    with pytest.raises(ReadError):
        read_text("<table><td><table></td>", "t.htm")


# -- spaced columns with wrapped cells (pdftotext -layout) ---------------------------------------

SPACED_GOALS = (
    "年度总体目标    年初设定目标    全年完成情况\n"
    "                围绕区委中心工  在区委的坚强领导下，全区妇女工作以党建带妇建为引领，根据疫\n"
    "                作、服务大局，  情防控形势的发展变化，突出重点。\n"
    "                办好民生实事。\n"
    "绩效指标        一级指标        二级指标        三级指标        年度指标值      实际完成值      分值\n"
    "                产出指标        数量指标        开展培训次数    ≥12次           15次            10\n"
)


def test_spaced_text_row_wrapped_over_lines_is_one_row():
    table = parse_text(SPACED_GOALS, "s.txt").blocks[0]
    goal = [c.text for c in table.rows[1]]
    assert goal == [
        "围绕区委中心工\n作、服务大局，\n办好民生实事。",
        "在区委的坚强领导下，全区妇女工作以党建带妇建为引领，根据疫\n情防控形势的发展变化，突出重点。",
    ]


def test_spaced_continuation_needs_the_cell_above_to_fill_its_column():
    text = (
        "年度总体目标    年初设定目标    全年完成情况\n"
        "                目标一          完成一\n"
        "                目标二          完成二\n"
        "绩效指标        一级指标        二级指标        三级指标        分值\n"
        "                产出指标        数量指标        开展培训次数    10\n"
    )
    rows = [[c.text for c in r] for r in parse_text(text, "s.txt").blocks[0].rows]
    assert rows[1:3] == [["目标一", "完成一"], ["目标二", "完成二"]]


def test_spaced_layout_with_full_width_figures_and_a_long_report():
    report = "\n".join(
        "本单位全年认真落实各项工作任务，预算执行情况良好，取得了较好的效果。" for _ in range(30)
    )
    text = SPACED_GOALS.translate(str.maketrans("0123456789", "０１２３４５６７８９")) + report
    assert parse_text(text, "s.txt").layout == "spaced"


@pytest.mark.parametrize("target", ["不少于90%", "不少於90%", "不低于95%", "达到100%", "≥90%"])
def test_operator_words_start_a_value(target):
    from jixiao.extract.values import looks_like_value

    assert looks_like_value(target)
    assert not looks_like_value("服务对象满意度")


# -- streams (one cell per line): a blank cell vanishes --------------------------------------------


def test_vertical_reason_after_a_vanished_blank_stays_with_its_row():
    cells = [
        "2022年度项目支出绩效自评表",
        "项目名称",
        "某项目",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
        "产出指标",
        "质量指标",
        "项目验收合格率",
        "82%",  # the target cell was blank
        "10",
        "8.37",
        "前期调研不足，目标设定偏高，下年度将科学合理设置指标。",
        "时效指标",
        "服务事项按时办结率",
        "≥95%",
        "95%",
        "5",
        "5",
    ]
    e = read_text("\n\n".join(cells) + "\n", "v.txt")
    assert e.layout == "vertical"
    assert [i.name.text for i in e.indicators] == ["项目验收合格率", "服务事项按时办结率"]
    assert e.indicators[0].deviation.text.startswith("前期调研不足")
    assert (e.indicators[1].weight.value, e.indicators[1].score.value) == (5, 5)


# -- run-together ("other"): one row per line, cells written together -----------------------------

RUN_TOGETHER = (
    "2020年度项目支出绩效自评表\n"
    "项目名称残疾人康复服务经费\n"
    "主管部门某某县档案馆实施单位某某县档案馆\n"
    "项目资金（万元）项目年初预算数全年预算数全年执行数分值执行率得分\n"
    "年度资金总额386.78386.78373.811096.65%9.66\n"
    "年度总体目标预期目标实际完成情况\n"
    "落实年度工作计划，规范财务管理。年度目标基本实现。\n"
    "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施\n"
    "产出指标数量指标开展业务督导活动次数不少于18次21次2020\n"
    "质量指标项目验收合格率不低于98%82%108.37前期调研不足，目标设定偏高，下年度将科学合理设置指标。\n"
    "时效指标服务事项按时办结率≥95%95%55\n"
    "总分10096.46\n"
)


def test_run_together_rows_one_per_line_are_detected():
    assert parse_text(RUN_TOGETHER, "o.txt").layout == "other"
    full = RUN_TOGETHER.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))
    assert parse_text(full, "o.txt").layout == "other"


def test_run_together_reason_after_the_values_is_the_rows_reason():
    e = read_text(RUN_TOGETHER, "o.txt")
    assert [i.name.text for i in e.indicators] == [
        "开展业务督导活动次数",
        "项目验收合格率",
        "服务事项按时办结率",
    ]
    assert e.indicators[1].deviation.text.startswith("前期调研不足")
    assert (e.indicators[1].weight.value, e.indicators[1].score.value) == (10, Decimal("8.37"))
    assert (e.total_weight.value, e.total_score.value) == (100, Decimal("96.46"))


def test_run_together_table_followed_by_a_report_in_sentences():
    report = (
        "2020年度某某县档案馆项目支出绩效自评报告\n"
        "一、项目概况\n"
        "项目资金主要用于档案数字化扫描，全年完成扫描1200卷。\n"
        "二、存在的问题\n"
        "绩效管理专业人员不足，自评工作深度有待加强。\n"
    )
    doc = parse_text(RUN_TOGETHER + report, "o.txt")
    assert doc.layout == "other"
    assert [type(b).__name__ for b in doc.blocks] == ["Table"] + ["Paragraph"] * 5
    e = read_text(RUN_TOGETHER + report, "o.txt")
    assert e.total_score.value == Decimal("96.46")
    assert [s.heading.text for s in e.report.sections] == ["一、项目概况", "二、存在的问题"]


def test_run_together_reason_and_next_name_on_one_line_are_split_at_the_full_stop():
    text = RUN_TOGETHER.replace(
        "不低于98%82%108.37前期调研不足，目标设定偏高，下年度将科学合理设置指标。\n时效指标",
        "不低于98%82%108.37前期调研不足，目标设定偏高，下年度将科学合理设置指标。时效指标",
    )
    e = read_text(text, "o.txt")
    assert e.indicators[1].deviation.text.endswith("设置指标。")
    assert e.indicators[2].name.text == "服务事项按时办结率"


def test_vertical_header_repeated_mid_table_keeps_the_category_above():
    header = [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
    ]
    cells = (
        ["2022年度项目支出绩效自评表", "项目名称", "某项目"]
        + header
        + ["产出指标", "数量指标", "培训人次", "≥200人次", "230人次", "50", "50"]
        + header  # a new page repeats the header; the merged 一级/二级 cells are blank
        + ["开展检查次数", "≥12次", "12次", "50", "50"]
    )
    e = read_text("\n\n".join(cells) + "\n", "v.txt")
    assert [(i.level1.text, i.level2.text, i.name.text) for i in e.indicators] == [
        ("产出指标", "数量指标", "培训人次"),
        ("产出指标", "数量指标", "开展检查次数"),
    ]


def test_run_together_fund_figures_prefer_the_rate_that_matches_to_its_digits():
    from jixiao.extract.runtogether import split_fund_values
    from jixiao.extract.vocab import Role

    roles = (Role.INITIAL, Role.BUDGET, Role.SPENT, Role.WEIGHT, Role.RATE, Role.SCORE)
    # 4 | 64.1746 | 4.174 | … also gives a rate near 6.38 %; 447.38 ÷ 464.17 is 96.38 % exactly
    got = split_fund_values("464.17464.17447.381096.38%9.64", roles)
    assert got == ("464.17", "464.17", "447.38", "10", "96.38%", "9.64")


def test_run_together_fund_figures_without_a_rate_keep_the_budget_printed_twice():
    from jixiao.extract.runtogether import split_fund_values
    from jixiao.extract.vocab import Role

    # no rate to confirm the cut: 602.5 | 7602.5 | 7578.37 reads too, but the budget printed
    # twice and one number of decimals in the row confirm 602.57 | 602.57 | 578.37
    text = "812.46812.46790.15"
    assert split_fund_values(text, (Role.INITIAL, Role.BUDGET, Role.SPENT)) == (
        "812.46",
        "812.46",
        "790.15",
    )
    six = (Role.INITIAL, Role.BUDGET, Role.SPENT, Role.WEIGHT, Role.RATE, Role.SCORE)
    assert split_fund_values(text, six) == ("812.46", "812.46", "790.15")
    with_rate = split_fund_values("812.46812.46790.151097.25%9.7", six)
    assert with_rate == ("812.46", "812.46", "790.15", "10", "97.25%", "9.7")


def test_run_together_indicator_label_inside_a_goal_sentence_is_not_a_cut():
    text = RUN_TOGETHER.replace(
        "落实年度工作计划，规范财务管理。年度目标基本实现。",
        "落实年度工作计划，规范财务管理。全年资金使用规范，主要绩效指标基本完成。",
    )
    e = read_text(text, "o.txt")
    assert "主要绩效指标基本完成" in e.goals[0].achieved.text.replace(",", "，")
    assert e.indicators[0].name.text == "开展业务督导活动次数"


def test_run_together_goal_and_its_achievement_split_at_the_first_sentence():
    e = read_text(RUN_TOGETHER, "o.txt")
    assert (e.goals[0].planned.text, e.goals[0].achieved.text) == (
        "落实年度工作计划,规范财务管理。",
        "年度目标基本实现。",
    )


def test_vertical_reason_followed_by_the_next_name_stays_a_reason():
    header = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"]
    cells = (
        ["2022年度项目支出绩效自评表", "项目名称", "某项目", "绩效指标"]
        + header
        + ["偏差原因分析及改进措施"]
        + ["产出指标", "数量指标", "培训人次", "20", "≥200人次", "180人次", "18"]
        + ["前期调研不足，目标设定偏高，下年度将科学合理设置指标。"]
        + ["发放宣传资料份数", "20", "≥7274份", "7429份", "20"]
    )
    e = read_text("\n\n".join(cells) + "\n", "v.txt")
    assert [i.name.text for i in e.indicators] == ["培训人次", "发放宣传资料份数"]
    assert e.indicators[0].deviation.text.startswith("前期调研不足")
    assert e.indicators[1].target.text == "≥7274份"


def test_short_run_together_fund_table_is_detected_by_touching_figures():
    text = "\n".join(RUN_TOGETHER.split("\n")[:6])
    assert parse_text(text, "o.txt").layout == "other"
    prose = "2021.01.05，本单位召开会议。会议要求加强项目管理，全年预算执行率达到96%。" * 3
    assert parse_text(prose, "p.txt").layout == "prose"


def test_vertical_blank_unit_cell_that_vanished_keeps_the_actual_in_place():
    header = ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位"]
    header += ["实际完成值", "分值", "得分"]
    cells = (
        ["2022年度项目支出绩效自评表", "项目名称", "某项目", "绩效指标"]
        + header
        + ["产出指标", "数量指标", "培训人次", "≥", "200", "人次", "230", "50", "50"]
        # a qualitative row: 度量单位 blank, gone from the stream
        + ["开展帮扶活动", "定性", "围绕帮扶用气力", "为困难妇女争取专项救助金", "50", "50"]
    )
    e = read_text("\n\n".join(cells) + "\n", "v.txt")
    assert [i.name.text for i in e.indicators] == ["培训人次", "开展帮扶活动"]
    second = e.indicators[1]
    assert (second.target.text, second.actual.text) == (
        "围绕帮扶用气力",
        "为困难妇女争取专项救助金",
    )
    assert (second.weight.value, second.score.value) == (50, 50)


def test_spaced_columns_put_a_blank_target_back_in_its_column():
    text = (
        "绩效指标        一级指标        二级指标        三级指标        年度指标值      实际完成值      分值            得分\n"
        "                产出指标        数量指标        开展督导次数    ≥18次           21次            20              20\n"
        "                                质量指标        验收合格率                      82%             10              8.37\n"
    )
    from jixiao.readers.text.blocks import spaced

    rows = [[c.text for c in r] for r in spaced(text.split("\n"), "s.txt")[0].rows]
    assert rows[2] == ["", "", "质量指标", "验收合格率", "", "82%", "10", "8.37"]
    e = read_text("2022年度项目支出绩效自评表\n项目名称    某项目\n" + text, "s.txt")
    assert (e.indicators[1].target, e.indicators[1].actual.text) == (None, "82%")


def test_spaced_header_cell_over_two_columns_leaves_the_row_as_printed():
    text = (
        "整体资金（万元  项  目          全年预算数      全年执行数      执行率          分值\n"
        "                资金来源        合计            198.8           212.64          106.87%\n"
    )
    from jixiao.readers.text.blocks import spaced

    rows = [[c.text for c in r] for r in spaced(text.split("\n"), "s.txt")[0].rows]
    assert rows[1] == ["资金来源", "合计", "198.8", "212.64", "106.87%"]


# -- the bench itself: the seed and one department and one project form in every layout -----------


def test_every_layout_reads_back_the_written_forms():
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "layout_robustness.py"
    spec = importlib.util.spec_from_file_location("bench_layout_robustness", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_layout_robustness", bench)
    spec.loader.exec_module(bench)
    score, _ = bench.run(1, 1, office=False)
    floor = {"tabbed": 0.99, "pipe": 0.99, "other": 0.6}  # run-together: text values glued
    for layout in bench.RENDER:
        right = sum(r for (lay, _), (r, _c) in score.items() if lay == layout)
        counted = sum(c for (lay, _), (_r, c) in score.items() if lay == layout)
        assert right / counted >= floor.get(layout, 0.97), layout


def test_run_together_achievement_copied_from_the_plans_last_clauses():
    # no 。 to cut at: the achievement starts where the plan's last clauses repeat
    text = RUN_TOGETHER.replace(
        "落实年度工作计划，规范财务管理。年度目标基本实现。",
        "完善档案库房设施,提升档案数字化水平,保障档案安全,提升档案数字化水平,保障档案安全,",
    )
    e = read_text(text, "o.txt")
    assert (e.goals[0].planned.text, e.goals[0].achieved.text) == (
        "完善档案库房设施,提升档案数字化水平,保障档案安全,",
        "提升档案数字化水平,保障档案安全,",
    )
    assert e.indicators[0].name.text == "开展业务督导活动次数"


def test_repeated_tail_needs_a_repeat():
    from jixiao.extract.stream import _repeated_tail

    assert _repeated_tail("完善档案库房设施,提升档案数字化水平,保障档案安全。") is None
    assert _repeated_tail("做好宣传工作,做好宣传工作") == len("做好宣传工作,")


def test_run_together_fund_rows_printed_figures_first():
    # PDF order: some rows print their figures before their label, so two rows' figures run
    # together (…96.98%－－74.15…) and a label closes each line
    text = (
        "2021年度部门整体支出绩效自评表\n部门（单位）名称某某县档案馆\n"
        "整体资金（万元）项目全年预算数全年执行数执行率分值得分\n"
        "资金来源合计512.40498.3097.25%109.73\n"
        "（1）财政拨款470.10458.6097.55%－－\n"
        "42.3039.7093.85%－－（2）其他资金\n"
        "512.40498.3097.25%－－资金结构合计\n"
        "（1）基本支出380.20375.1098.66%－－\n"
        "301.50298.2098.91%－－其中：人员支出\n"
    )
    e = read_text(text, "f.txt")
    got = [(r.label.text, r.budget.value if r.budget else None) for r in e.funds]
    assert got[5:] == [("人员支出", Decimal("301.50"))]
    assert got[:5] == [
        ("合计", Decimal("512.40")),
        ("财政拨款", Decimal("470.10")),
        ("其他资金", Decimal("42.30")),
        ("合计", Decimal("512.40")),
        ("基本支出", Decimal("380.20")),
    ]
