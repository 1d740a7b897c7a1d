"""Reports told in sentences: indicators, money and totals (invented sentences of each shape)."""

from __future__ import annotations

from decimal import Decimal

import jixiao
from jixiao.document import Paragraph
from jixiao.extract.prose_lines import ProseLine
from jixiao.extract.prose_money import is_indicator_figure, is_total_words, rate_agrees
from jixiao.extract.prose_reflow import reflow
from jixiao.extract.prose_told import told_indicators, told_total_score
from jixiao.model import FundLine, Location


def lines(text: str) -> list[ProseLine]:
    return [
        ProseLine(t.strip(), Location("r.txt", line=i + 1))
        for i, t in enumerate(text.strip().split("\n"))
        if t.strip()
    ]


def told(text: str) -> list[tuple]:
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
        for i in told_indicators(lines(text))
    ]


# -- indicators -----------------------------------------------------------------------------


def test_category_lead_with_several_clauses():
    text = """
（一）产出指标
数量指标：修缮校舍面积不少于800平方米，实际完成830平方米；采购课桌椅≥200套，实际采购210套。
"""
    assert told(text) == [
        ("产出指标", "数量指标", "修缮校舍面积", "不少于800平方米", "830平方米", None, None),
        ("产出指标", "数量指标", "采购课桌椅", "≥200套", "210套", None, None),
    ]


def test_items_under_a_category_heading_with_points():
    text = """
2.效益指标完成情况
（1）社会效益指标
①适龄儿童入学率：年度目标值≥99%，实际完成值99.6%，分值10分，得分10分。
②家长投诉次数：计划不超过3次，实际达到1次（分值5分，得4分）。
"""
    assert told(text) == [
        ("效益指标", "社会效益指标", "适龄儿童入学率", "≥99%", "99.6%", Decimal(10), Decimal(10)),
        ("效益指标", "社会效益指标", "家长投诉次数", "不超过3次", "1次", Decimal(5), Decimal(4)),
    ]


def test_one_sentence_an_indicator_names_its_category():
    text = "时效指标方面，维修工程完工时间目标值为≤11月，实际完成10月，完成率110%。"
    # 完成率 is no column of the form: passed over; no 一级 is printed, none is guessed
    assert told(text) == [(None, "时效指标", "维修工程完工时间", "≤11月", "10月", None, None)]


def test_fields_with_the_category_in_brackets():
    text = "指标3：救助对象覆盖率（质量指标），指标值：≥95%，实际完成值：97%。"
    assert told(text) == [(None, "质量指标", "救助对象覆盖率", "≥95%", "97%", None, None)]


def test_name_in_quotes():
    text = "满意度指标“参训学员满意度”年度目标≥90%，全年实际完成93.5%。"
    assert told(text) == [(None, "满意度指标", "参训学员满意度", "≥90%", "93.5%", None, None)]


def test_a_verb_between_actual_and_figure_and_a_target_word_inside_the_name():
    text = "质量指标：实际巡查天数/计划巡查天数≥90%，实际巡查达到95%。"
    assert told(text) == [
        (None, "质量指标", "实际巡查天数/计划巡查天数", "≥90%", "95%", None, None)
    ]


def test_qualitative_target_glued_to_its_name_is_parted_only_by_the_repeated_words():
    assert told("社会效益指标：村容村貌逐步改善，实际逐步改善。") == [
        (None, "社会效益指标", "村容村貌", "逐步改善", "逐步改善", None, None)
    ]
    # the achieved words differ: where the name ends is not told, nothing is read
    assert told("社会效益指标：村容村貌逐步改善，实际明显改善。") == []


def test_sentences_without_a_category_or_a_tie_are_no_indicators():
    assert told("全年共开展培训不少于20次，实际开展22次。") == []
    # under a heading, a bare clause (a cell of a table printed one per line) is not read
    assert told("数量指标\n每月 1次\n全年召开12次") == []


def test_scores_above_points_are_dropped_not_guessed():
    got = told("数量指标：发放手册≥500册，实际发放520册，分值5分，得分8分。")
    assert got == [(None, "数量指标", "发放手册", "≥500册", "520册", None, None)]


def test_total_score_told_once_or_not_at_all():
    assert told_total_score(lines("经综合评价，该项目自评得分92.5分，等级为优。")).value == Decimal(
        "92.5"
    )
    assert told_total_score(lines("自评得分90分。\n复核后综合得分为88分。")) is None
    # an indicator's score is not the total
    assert told_total_score(lines("数量指标：发放手册≥500册，自评得分5分。")) is None


# -- money ------------------------------------------------------------------------------------


def read(text: str):
    return jixiao.read_text(text.strip() + "\n", "r.txt")


def funds(text: str) -> list[tuple]:
    return [
        (
            f.label.text,
            f.depth,
            f.budget.value if f.budget else None,
            f.actual.value if f.actual else None,
            f.rate.value if f.rate else None,
        )
        for f in read(text).funds
    ]


_HEAD = """某县文化馆2024年度非遗传承保护项目支出绩效自评报告
一、项目概况
（一）资金投入和使用情况
"""


def test_budget_without_a_fund_name_is_the_total_and_spending_fills_it():
    text = _HEAD + (
        "2024年财政批复项目预算120万元，其中中央补助资金80万元、县级配套资金40万元。\n"
        "截至12月31日，累计支付资金110万元，预算执行率91.67%。\n"
        "其中，中央补助资金支出75万元，县级配套资金支出35万元。\n"
    )
    assert funds(text) == [
        ("年度资金总额", 0, Decimal(120), Decimal(110), Decimal("91.67")),
        ("中央补助资金", 1, Decimal(80), Decimal(75), None),
        ("县级配套资金", 1, Decimal(40), Decimal(35), None),
    ]
    assert read(text).funds[0].line == FundLine.TOTAL


def test_money_put_in_is_the_budget_when_its_spending_follows():
    text = _HEAD + "2024年共投入资金1,500,000元。\n全年共支出1,350,000元。执行率为90%。\n"
    assert funds(text) == [("年度资金总额", 0, Decimal(1500000), Decimal(1350000), Decimal(90))]


def test_a_rate_in_its_own_sentence_must_agree_with_the_figures():
    text = _HEAD + "项目年度预算200万元。\n实际支出150万元。执行率为80%。\n"
    # 150 ÷ 200 = 75%: the separate sentence's rate is not this row's
    assert funds(text) == [("年度资金总额", 0, Decimal(200), Decimal(150), None)]
    assert rate_agrees(Decimal("91.67"), Decimal(110), Decimal(120))
    assert not rate_agrees(Decimal("91.6"), Decimal(110), Decimal(120))


def test_named_fund_and_money_arrived_and_indicator_amounts():
    text = _HEAD + (
        "2024年下达非遗传承保护补助资金预算36万元。\n"
        "到位资金36万元，资金到位率100%。\n"
        "已完成支出30万元。\n"
        "（二）绩效指标\n"
        "经济效益指标：传承人年均补助不低于6000元，实际完成6000元。\n"
    )
    assert funds(text) == [("非遗传承保护补助资金", 0, Decimal(36), Decimal(30), None)]
    assert is_indicator_figure("实际完成") and is_indicator_figure("到位资金")
    assert is_total_words("财政批复项目预算") and not is_total_words("非遗传承保护补助资金")


def test_unit_and_project_from_the_opening_sentence():
    text = (
        "关于2023年度乡村道路养护项目绩效自评情况的报告\n"
        "根据有关要求，某某县交通运输局对2023年度乡村道路养护项目开展了绩效自评，现报告如下。\n"
        "一、项目基本情况\n"
        "项目年度预算50万元，截至年底实际支出50万元，执行率100%。\n"
        "二、绩效目标完成情况\n"
        "数量指标：养护里程≥30公里，实际完成32公里。\n"
        "三、自评结论\n经自评，该项目自评得分96分。\n"
    )
    e = read(text)
    assert e.unit is not None and e.unit.text == "某某县交通运输局"
    assert e.project is not None and e.project.text == "乡村道路养护项目"
    assert e.kind.value == "project"
    assert e.total_score is not None and e.total_score.value == Decimal(96)
    assert [(i.name.text, i.target.text, i.actual.text) for i in e.indicators] == [
        ("养护里程", "≥30公里", "32公里")
    ]


# -- lines broken at a page's width ---------------------------------------------------------


def test_lines_broken_at_the_page_width_are_joined():
    width = 24
    body = (
        "截至12月31日，项目资金已执行126.5万元，预算执行率为92.3%。其中，"
        "中央补助资金执行80万元，县级配套资金执行46.5万元，全部用于道路养护。"
    )
    broken = [body[i : i + width] for i in range(0, len(body), width)]
    text = "二、资金使用情况\n" + "\n".join(broken) + "\n（一）下一步工作"
    got = [line.text for line in reflow(lines(text))]
    assert got == ["二、资金使用情况", body, "（一）下一步工作"]


def test_natural_lines_are_not_joined():
    text = "项目按期完成建设任务，效果良好\n群众满意度较高\n下一步继续加强管理"
    assert [line.text for line in reflow(lines(text))] == text.split("\n")


def test_paragraph_objects_are_read_as_lines():
    # the prose readers see each line of a paragraph with its own location
    p = Paragraph("数量指标：植树数量≥1000株，实际完成1200株。", Location("r.txt", line=3))
    from jixiao.extract.prose_lines import prose_lines

    assert told_indicators(prose_lines([p]))[0].location.line == 3


def test_fields_parted_by_semicolons_are_one_indicator():
    text = "图书借阅册次（数量指标）：年度指标值≥3000册次；实际完成值3150册次；分值10分；得分10分。"
    assert told(text) == [
        (None, "数量指标", "图书借阅册次", "≥3000册次", "3150册次", Decimal(10), Decimal(10))
    ]
    # in a category line, a semicolon still parts two indicators
    two = "数量指标：新增座椅≥40张，实际完成42张；新增书架≥10个，实际完成10个。"
    assert [row[2] for row in told(two)] == ["新增座椅", "新增书架"]


def test_parts_in_brackets_and_a_rate_told_as_progress():
    text = _HEAD + (
        "2024年预算安排90万元（其中：中央资金60万元，县级资金30万元）。\n"
        "截至12月31日，实际支出81万元，预算执行进度90%。\n"
    )
    assert funds(text) == [
        ("年度资金总额", 0, Decimal(90), Decimal(81), Decimal(90)),
        ("中央资金", 1, Decimal(60), None, None),
        ("县级资金", 1, Decimal(30), None, None),
    ]


def test_a_rate_after_each_part_spending_is_that_parts_when_it_agrees():
    text = _HEAD + (
        "2024年项目年度预算100万元，其中中央资金80万元，县级资金20万元。\n"
        "截至12月31日，实际支出90万元，执行率90%。\n"
        "其中，中央资金支出75万元，执行率93.75%；县级资金支出15万元，执行率80%。\n"
    )
    got = {label: rate for label, _, _, _, rate in funds(text)}
    assert got["中央资金"] == Decimal("93.75")
    # 15 ÷ 20 = 75%: a rate the figures do not give is not this part's
    assert got["县级资金"] is None


def test_title_halves_must_be_neighbouring_lines():
    from jixiao.extract.titles import title_candidates
    from jixiao.model import Text

    far = [
        Text("（一）项目绩效目标", Location("r.txt", line=14)),
        Text("某县水务局2024年度供水项目绩效自评报告", Location("r.txt", line=1)),
    ]
    assert [t.text for t in title_candidates(far)] == ["某县水务局2024年度供水项目绩效自评报告"]
    near = [
        Text("某县水务局2024年度供水项目", Location("r.txt", line=1)),
        Text("绩效自评报告", Location("r.txt", line=2)),
    ]
    assert title_candidates(near)[0].text == "某县水务局2024年度供水项目绩效自评报告"


def test_achieved_value_before_the_target_and_a_heading_sharing_its_line():
    text = "（一）产出指标。数量指标：植树数量实际完成1200株，年度目标值≥1000株；苗木成活率≥90%，实际达到93%。"
    assert told(text) == [
        ("产出指标", "数量指标", "植树数量", "≥1000株", "1200株", None, None),
        ("产出指标", "数量指标", "苗木成活率", "≥90%", "93%", None, None),
    ]


def test_a_report_full_of_amounts_in_yi_yuan_is_prose_not_cells_run_together():
    from jixiao.readers.text.layout import detect_layout

    text = (
        "某县2023年农田水利项目支出绩效自评报告\n"
        "一、基本情况\n"
        "2023年年初预算3.27亿元，全年预算数为3.97亿元（其中：中央资金1.89亿元、省级资金1.6亿元、县级资金0.48亿元）。\n"
        "截至2023年12月31日，已完成支出3.89亿元。\n"
        "其中，中央资金执行1.89亿元，执行率100%；省级资金支出1.6亿元，执行率100%；县级资金执行0.4亿元，执行率83.33%。\n"
        "与上年相比，项目资金同比增加0.19亿元。\n"
        "二、绩效指标完成情况\n"
    )
    assert detect_layout(text.split("\n")) == "prose"


def test_what_a_sentence_leaves_unclear_is_said_in_a_reading_note():
    text = _HEAD + (
        "项目年度预算200万元。\n实际支出150万元。执行率为80%。\n"
        "（二）绩效指标\n"
        "社会效益指标：村容村貌逐步改善，实际明显改善。\n"
        "数量指标：发放手册≥500册，实际发放520册，分值5分，得分8分。\n"
    )
    notes = "\n".join(read(text).notes)
    assert "执行率 80% 与 执行数 150万元 ÷ 预算数 200万元（75.00%）不符" in notes
    assert "“村容村貌逐步改善”中指标名称与目标值连写" in notes
    assert "指标“发放手册”的得分 8 大于分值 5" in notes
    assert "r.txt:" in notes  # each with its line


def test_a_text_cut_inside_the_actual_word_tells_no_actual():
    assert told("质量指标：巡查覆盖率≥90%，实际完") == [
        (None, "质量指标", "巡查覆盖率", "≥90%", None, None, None)
    ]


def test_total_score_after_the_framework_is_named():
    # the sentence names the 指标体系 it scored by: no indicator, the score is the total
    told = lines("依照本局整体支出绩效评价指标体系，对全年整体支出开展自评，综合评分为91.5分。")
    assert told_total_score(told).value == Decimal("91.5")
    assert told_total_score(lines("依照评价指标体系，服务对象满意度指标自评得分9分。")) is None
