"""Facts stated in prose: unit, year, kind, project, staff, duties and funds."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.document import Paragraph
from jixiao.extract.prose import ProseFacts, extract_prose
from jixiao.extract.report import extract_report
from jixiao.model import FundLine, Kind, Location

DEV = Path(__file__).parents[1].parent / "shared" / "corpus" / "dev"


def paras(text: str, source: str = "p.txt") -> list[Paragraph]:
    return [
        Paragraph(line, Location(source, line=n))
        for n, line in enumerate(text.split("\n"), 1)
        if line.strip()
    ]


def facts(text: str) -> ProseFacts:
    ps = paras(text)
    return extract_prose(ps, extract_report(ps, "p.txt"), "p.txt")


def funds(text: str) -> list[tuple[str, FundLine | None, int, Decimal | None, Decimal | None]]:
    return [
        (
            r.label.text,
            r.line,
            r.depth,
            r.budget.value if r.budget else None,
            r.actual.value if r.actual else None,
        )
        for r in facts(text).funds
    ]


# -- unit --------------------------------------------------------------------------------


def test_unit_year_and_kind_from_the_report_title():
    text = (
        "2021年度长沙市岳麓区妇女联合会单位部门\n整体支出预算绩效自评报告\n"
        "一、部门（单位）概况\n岳麓区妇女联合会为财政全额拨款的行政单位。"
    )
    got = facts(text)
    assert got.unit is not None and got.unit.text == "长沙市岳麓区妇女联合会"
    assert got.unit.location == Location("p.txt", line=1)
    assert got.year is not None and got.year.value == 2021
    assert got.kind == Kind.DEPARTMENT


def test_unit_from_a_labelled_field_wins_over_the_title():
    text = "岳阳市2018年度部门整体支出\n绩效评价自评报告\n部门(单位)名称:  岳阳市城市管理监督指挥中心      \n预 算 编 码:   906017"
    got = facts(text)
    assert got.unit is not None and got.unit.text == "岳阳市城市管理监督指挥中心"
    assert got.year is not None and got.year.value == 2018


def test_unit_field_followed_by_another_field_on_the_same_line():
    got = facts("单位名称:黄冈市水土保持与农田水利科研所 填报日期:2021年3月10日")
    assert got.unit is not None and got.unit.text == "黄冈市水土保持与农田水利科研所"


def test_money_unit_is_not_a_unit_name():
    assert facts("单位：万元\n部门整体支出绩效自评报告").unit is None


def test_unit_from_a_sentence_about_the_unit():
    got = facts("县妇女联合会为财政全额拨款的行政单位，现有编制人数3人。")
    assert got.unit is not None and got.unit.text == "县妇女联合会"


def test_region_or_pronoun_is_not_a_unit():
    assert facts("岳阳市2018年度部门整体支出绩效评价自评报告\n一、概况").unit is None
    assert facts("我局承担某县2021年度道路建设项目实施任务。").unit is None
    assert facts("建设项目绩效自评报告1\n一、资金情况").unit is None


def test_site_name_is_the_unit_only_when_the_text_uses_its_short_form():
    header = "欢迎来到南县政协网站!\n部门整体支出绩效评价报告\n一、基本情况\n"
    assert facts(header + "县政协坚持团结和民主两大主题。").unit.text == "南县政协"
    assert facts(header + "本单位坚持团结和民主两大主题。").unit is None


# -- year, kind, project -----------------------------------------------------------------


def test_year_most_sentences_speak_of_without_a_title_year():
    text = (
        "部门整体支出绩效评价报告\n报告日期:2022年04月15日\n2021年部门决算收支完成情况。\n"
        "2021年支出100万元，比2020年减少10万元。\n2020年结转5万元。"
    )
    got = facts(text)
    assert got.year is not None and got.year.value == 2021
    assert got.year.location == Location("p.txt", line=3)


def test_project_from_the_sentence_that_names_it():
    text = (
        "供水项目绩效自评报告\n一、资金批复情况\n"
        "我局承担某县2021年度农村供水保障工程项目实施任务,该项目分两期实施。"
    )
    got = facts(text)
    assert got.kind == Kind.PROJECT
    assert got.project is not None
    assert got.project.text == "某县2021年度农村供水保障工程项目"
    assert got.year is not None and got.year.value == 2021


def test_project_and_supervisor_fields():
    got = facts("项目名称：农村道路建设\n主管部门：某县交通运输局\n实施单位：某县公路管理站")
    assert (got.project.text, got.supervisor.text, got.unit.text) == (
        "农村道路建设",
        "某县交通运输局",
        "某县公路管理站",
    )
    assert got.kind == Kind.PROJECT


# -- staff, duties -----------------------------------------------------------------------


def test_staff_from_sentences():
    got = facts("现有编制人数3人，目前实有在职人员4人，离退休人员0人，临聘人员2人。")
    assert (got.staff_authorized.value, got.staff_actual.value) == (3, 4)
    assert got.staff_actual.location == Location("p.txt", line=1)


def test_staff_and_duties_from_label_lines_of_a_vertical_page():
    text = "人员编制\n15\n实有人数\n14\n职能职责概述\n负责全县河道水质监测、巡查和应急处置工作。"
    got = facts(text)
    assert (got.staff_authorized.value, got.staff_actual.value) == (15, 14)
    assert got.staff_actual.location == Location("p.txt", line=4)
    assert got.duties is not None and got.duties.text.startswith("负责全县河道水质监测")


# -- funds -------------------------------------------------------------------------------


def test_funds_spent_and_received_are_actuals_with_their_lines():
    text = (
        "1、收入:512.40万元。同比上年度增加63.10万元,增加14.05%。其中:财政拨款收入500.40万元。\n"
        "2、支出:498.60万元。其中:人员经费支出301.25万元,公用经费支出52.3万元,项目支出145.05万元。"
    )
    d = Decimal
    assert funds(text) == [
        ("收入", FundLine.INCOME, 0, None, d("512.40")),
        ("财政拨款收入", FundLine.FISCAL, 1, None, d("500.40")),
        ("支出", FundLine.EXPENDITURE, 0, None, d("498.60")),
        ("人员经费支出", FundLine.PERSONNEL, 1, None, d("301.25")),
        ("公用经费支出", FundLine.PUBLIC, 1, None, d("52.3")),
        ("项目支出", FundLine.PROJECT, 1, None, d("145.05")),
    ]


def test_funds_approved_are_budgets_and_parts_take_their_subject():
    text = (
        "一期项目市级批复总投资1250.6万元(其中设备购置980万元),"
        "合计批复总投资2100.4万元(其中设备购置1655.25万元)。"
    )
    d = Decimal
    assert funds(text) == [
        ("一期项目市级批复总投资", None, 0, d("1250.6"), None),
        ("一期项目设备购置", None, 1, d("980"), None),
        ("合计批复总投资", None, 0, d("2100.4"), None),
        ("合计设备购置", None, 1, d("1655.25"), None),
    ]


def test_amounts_of_another_year_are_not_funds_of_the_year_evaluated():
    text = "2021年度某县文化馆部门整体支出绩效自评报告\n2020年“三公”经费支出合计3万元。2021年决算支出为204.67万元。"
    assert [label for label, *_ in funds(text)] == ["决算支出"]


def test_budget_and_carryover_columns():
    text = "2021年区财政批复部门预算为174.74万元，上年结余指标0万元。"
    assert funds(text) == [
        ("区财政批复部门预算", FundLine.TOTAL, 0, Decimal("174.74"), None),
        ("上年结余指标", FundLine.CARRYOVER, 0, None, Decimal("0")),
    ]


# -- the development corpus --------------------------------------------------------------


def _dev(doc: str) -> tuple[ProseFacts, dict]:
    raw = (DEV / "raw" / f"{doc}.txt").read_text(encoding="utf-8")
    truth = json.loads((DEV / "truth" / f"{doc}.json").read_text(encoding="utf-8"))
    ps = paras(raw, f"{doc}.txt")
    return extract_prose(ps, extract_report(ps, f"{doc}.txt"), f"{doc}.txt"), truth


def _plain(label: str) -> str:
    return label.replace("(", "").replace(")", "")


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev absent")
@pytest.mark.parametrize("doc", ["006", "020"])
def test_dev_prose_funds_match_truth(doc):
    got, truth = _dev(doc)
    rows = {_plain(r.label.text): r for r in got.funds}
    for want in truth["funds"]:
        row = rows.get(_plain(want["line"]))
        assert row is not None, want["line"]
        for column in ("budget", "actual"):
            value = getattr(row, column)
            assert (value.value if value else None) == (
                Decimal(str(want[column])) if column in want else None
            ), (want["line"], column)
    assert got.year is not None and got.year.value == truth["year"]


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev absent")
def test_dev_prose_unit_year_staff():
    got, truth = _dev("003")
    assert got.unit is not None and got.unit.text == truth["department"]
    assert got.year is not None and got.year.value == truth["year"]
    assert (got.staff_authorized.value, got.staff_actual.value) == (
        truth["staff_authorized"],
        truth["staff_actual"],
    )
    got, truth = _dev("006")
    assert got.unit is not None and got.unit.text == truth["department"]
    got, truth = _dev("020")
    assert got.project is not None and got.project.text == truth["project"]


def test_staff_prefers_the_whole_count_to_a_part():
    got = facts("在职人员12人（其中行政编制8人），核定编制15名。")
    assert (got.staff_authorized.value, got.staff_actual.value) == (15, 12)


def test_project_named_by_the_title_and_unit_by_who_implements_it():
    text = (
        "关于2020年度农村公路养护专项资金项目支出绩效自评的报告\n一、项目基本情况\n"
        "（一）项目概况。农村公路养护专项资金项目由县交通运输局组织实施，2020年市财政下达资金300万元。"
    )
    got = facts(text)
    assert got.kind == Kind.PROJECT
    assert got.project is not None and got.project.text == "农村公路养护专项资金项目"
    assert got.unit is not None and got.unit.text == "县交通运输局"
    assert got.year is not None and got.year.value == 2020


def test_duties_after_a_label_in_a_sentence():
    got = facts("一、部门职能\n主要职责是：拟订全县财政发展规划，管理财政收支。")
    assert got.duties is not None and got.duties.text == "拟订全县财政发展规划，管理财政收支。"


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("某县财政局关于2021年度部门整体支出绩效自评的报告", "某县财政局"),
        ("2021年度某县人民医院整体支出绩效自评报告", "某县人民医院"),
        ("某县教育局部门整体支出绩效自评报告", "某县教育局"),
        ("中共某县委组织部2021年部门整体支出绩效评价报告", "中共某县委组织部"),
    ],
)
def test_unit_from_titles_of_several_shapes(title, unit):
    got = facts(f"{title}\n一、基本情况")
    assert got.unit is not None and got.unit.text == unit


def test_prose_of_a_report_read_earlier_is_read_again_the_same():
    first = paras("2021年度甲县财政局部门整体支出绩效自评报告\n2021年决算支出为204.67万元。")
    second = paras("2021年度乙县财政局部门整体支出绩效自评报告\n2021年决算支出为99万元。")
    report = extract_report(first, "p.txt")
    extract_report(second, "p.txt")  # another document read in between
    got = extract_prose(first, report, "p.txt")
    assert [(r.label.text, r.actual.value) for r in got.funds] == [("决算支出", Decimal("204.67"))]
    assert got.unit is not None and got.unit.text == "甲县财政局"


def test_initial_budget_column_and_demonstratives_left_out_of_labels():
    text = "该项目年初预算数为2250万元，全年预算数为2300万元，全年执行数为2280.5万元。"
    rows = facts(text).funds
    # one row of the form: its 年初预算数, 全年预算数 and 执行数 (the project's total)
    assert [(r.label.text, r.line) for r in rows] == [("年度资金总额", FundLine.TOTAL)]
    assert rows[0].initial_budget is not None and rows[0].initial_budget.value == Decimal("2250")
    assert rows[0].budget is not None and rows[0].budget.value == Decimal("2300")
    assert rows[0].actual is not None and rows[0].actual.value == Decimal("2280.5")


def test_unit_field_with_a_seal_note():
    got = facts("填报单位（盖章）：某县水利局          填报日期：2022年3月1日")
    assert got.unit is not None and got.unit.text == "某县水利局"


def test_duties_from_a_section_headed_as_such():
    got = facts(
        "一、部门基本情况\n（一）部门主要职责\n负责全县档案的收集、整理和保管。\n（二）人员情况\n编制5人。"
    )
    assert got.duties is not None and got.duties.text == "负责全县档案的收集、整理和保管。"
    assert got.duties.location == Location("p.txt", line=2)


def test_fund_lines_of_items_by_their_words():
    text = "年度资金总额120万元，其中财政资金100万元，其他资金20万元，工作经费5万元。"
    assert [(r.label.text, r.line) for r in facts(text).funds] == [
        ("年度资金总额", FundLine.TOTAL),
        ("财政资金", FundLine.FISCAL),
        ("其他资金", FundLine.OTHER),
        ("工作经费", None),
    ]


def test_indicators_stated_in_sentences():
    from jixiao import read_text

    text = "\n\n".join(
        [
            "某某县2023年度农村饮水安全补助资金绩效自评报告",
            "一、项目基本情况",
            "2023年共安排农村饮水安全补助资金500万元，用于改善农村供水条件。",
            "二、绩效目标完成情况分析",
            "（1）产出指标。",
            "数量指标：新建供水点≥12处，实际建成13处；改造管网长度≥40公里，实际改造42.5公里。",
            "质量指标：水质检测合格率≥95%，实际达到98%。",
            "（2）满意度指标。",
            "服务对象满意度指标：受益群众满意度≥90%，实际调查满意度为93%。",
            "三、存在的问题",
            "部分供水点维护人员不足。今后将加强培训。",
        ]
    )
    e = read_text(text, "report.txt")
    got = [
        (
            i.level1.text,
            i.level2.text,
            i.name.text,
            i.target.text,
            i.actual.text if i.actual else None,
        )
        for i in e.indicators
    ]
    assert got == [
        ("产出指标", "数量指标", "新建供水点", "≥12处", "13处"),
        ("产出指标", "数量指标", "改造管网长度", "≥40公里", "42.5公里"),
        ("产出指标", "质量指标", "水质检测合格率", "≥95%", "98%"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%"),
    ]
    assert all(i.weight is None and i.score is None for i in e.indicators)


def test_a_sentence_with_a_figure_is_not_an_indicator():
    from jixiao.extract.prose_indicators import prose_indicators
    from jixiao.extract.prose_lines import ProseLine
    from jixiao.model import Location

    lines = [
        ProseLine("全年完成培训12次，参训人数达到300人。", Location("t", line=1)),
        ProseLine("数量指标完成情况良好，各项任务均已完成。", Location("t", line=2)),
    ]
    assert prose_indicators(lines) == ()


def test_fund_rows_told_one_to_a_sentence():
    from jixiao import read_text

    text = "\n\n".join(
        [
            "2023年度某某县水利局部门整体支出绩效自评报告",
            "一、部门基本情况",
            "某某县水利局主要负责全县水利工程建设与管理。",
            "二、预算执行情况",
            "本年度全年预算1200.5万元，实际支出1150.2万元，执行率为95.81%。"
            "其中基本支出预算数800万元，支出780万元，执行率97.5%；"
            "项目支出年初预算数350万元，调整后预算400.5万元，执行数370.2万元，预算执行率92.43%。",
            "三、存在的问题",
            "部分项目进度偏慢。",
        ]
    )
    e = read_text(text, "report.txt")
    got = [
        (
            f.label.text,
            f.initial_budget and f.initial_budget.value,
            f.budget.value,
            f.actual.value,
            f.rate.value,
        )
        for f in e.funds
    ]
    assert got[1:] == [
        ("基本支出", None, 800, 780, Decimal("97.5")),
        ("项目支出", 350, Decimal("400.5"), Decimal("370.2"), Decimal("92.43")),
    ]
    assert (got[0][2], got[0][3], got[0][4]) == (
        Decimal("1200.5"),
        Decimal("1150.2"),
        Decimal("95.81"),
    )


def test_a_part_named_after_an_earlier_row_goes_under_it():
    # 项目支出 is a part of 支出; 项目支出包括… lists the parts of 项目支出 one level further in
    text = (
        "2、支出：100万元。其中：人员经费支出60万元，项目支出40万元。\n"
        "本单位项目支出包括培训经费25万元，设备购置经费15万元。"
    )
    assert [(label, depth) for label, _, depth, _, _ in funds(text)] == [
        ("支出", 0),
        ("人员经费支出", 1),
        ("项目支出", 1),
        ("培训经费", 2),
        ("设备购置经费", 2),
    ]


def test_parts_of_a_budget_are_budgets_and_transfer_payments_a_noun():
    text = (
        "2022年共投入职业培训补助经费预算500万元。其中，中央转移支付资金300万元，"
        "省级配套资金200万元。\n实际执行480万元，其中省级配套资金执行190万元。"
    )
    got = {label: (budget, actual) for label, _, _, budget, actual in funds(text)}
    assert got["中央转移支付资金"] == (Decimal(300), None)
    # its own word says spent, its name says whose: the spending of the 省级配套资金 part
    assert got["省级配套资金"] == (Decimal(200), Decimal(190))
    assert "省级配套资金执行" not in got


def test_spending_named_only_by_the_act_is_the_budget_rows_spending():
    text = (
        "2022年共投入职业培训补助经费预算500万元。\n"
        "项目资金执行情况。实际执行480万元，项目执行率96%。"
    )
    [row] = facts(text).funds
    assert row.label.text == "职业培训补助经费"  # 预算 names the column, not the row
    assert row.budget is not None and row.budget.value == Decimal(500)
    assert row.actual is not None and row.actual.value == Decimal(480)
    assert row.rate is not None and row.rate.value == Decimal(96)


# -- a grant sentence, the kind from the section headings, spending parts (invented text) ----

GRANT_REPORT = """一、项目基本情况
某某旅游公路全长12公里，总投资4800万元，县级承担部分由县财政安排。
二、项目绩效自评工作开展情况
部门整体支出和项目支出绩效自评工作是绩效管理的重要部分，我局成立了领导小组。
三、项目绩效实现情况
根据县财政局关于2022年部门预算的批复，县财政下达县文化旅游局某某古镇游客中心建设经费180万元。
县文化旅游局2022年5月拨付施工单位100万元，8月拨付80万元。"""


def test_a_grant_sentence_names_the_unit_the_project_and_its_budget():
    f = facts(GRANT_REPORT)
    assert f.kind == Kind.PROJECT  # the headings say 项目…, although a sentence says 部门整体支出
    assert f.unit.text == "县文化旅游局"
    assert f.project.text == "某某古镇游客中心建设经费"
    row = next(r for r in f.funds if r.budget is not None and r.budget.value == 180)
    assert row.label.text == "某某古镇游客中心建设经费"


def test_a_department_report_is_told_by_its_headings():
    f = facts(
        "一、部门(单位)基本情况\n本单位内设3个科室。\n二、项目支出情况\n全年项目支出120万元。"
    )
    assert f.kind == Kind.DEPARTMENT


def test_a_grant_to_a_named_hall_keeps_the_hall_in_the_item():
    # 馆/院/站 may begin the item's own name: only administrative endings name the grantee
    f = facts("一、项目基本情况\n县财政下达县图书馆改造工程经费60万元。")
    assert f.unit is None or f.unit.text != "县图书馆"


SPENT_PARTS = """2022年共安排某某补助经费预算5000万元。其中,中央转移支付资金3600万元,省级配套资金1400万元。
项目资金执行情况。实际执行4520.5万元,项目执行率90.41%。其中中央补助经费执行3300.5万元,省级财政配套资金执行1220万元。"""


def test_spending_parts_under_other_words_pair_with_the_budget_parts_when_they_add_up():
    rows = {r.label.text: r for r in facts(SPENT_PARTS).funds}
    assert rows["中央转移支付资金"].actual.value == Decimal("3300.5")
    assert rows["省级配套资金"].actual.value == Decimal("1220")
    assert len([r for r in rows.values() if r.depth == 1]) == 2


def test_spending_parts_that_do_not_add_up_stay_apart():
    text = SPENT_PARTS.replace("省级财政配套资金执行1220万元", "省级财政配套资金执行1200万元")
    rows = {r.label.text: r for r in facts(text).funds}
    assert rows["中央转移支付资金"].actual is None
    assert len([r for r in rows.values() if r.depth == 1]) == 4


def test_a_report_with_many_amounts_of_money_is_prose_not_run_together_cells():
    # sentences naming 万元 after every figure (预算数72.60万元) are not cells written together
    from jixiao import read_text

    text = (
        "2022年度某某档案整理经费项目支出绩效自评报告\n一、项目基本情况\n"
        "某某档案整理经费由某某县档案馆负责实施。\n二、预算执行情况\n"
        "年度资金总额年初预算数72.60万元，全年预算数72.60万元，全年执行数70.32万元，预算执行率96.86%。"
        "其中本年财政拨款年初预算数64.77万元，全年预算64.77万元，执行62.68万元，执行率96.77%。"
        "上年结转资金年初预算数7.83万元，预算7.83万元，实际支出7.64万元，执行率为97.57%。\n"
    )
    e = read_text(text, "r.txt")
    assert e.layout == "prose"
    rows = {f.label.text: f for f in e.funds}
    assert rows["年度资金总额"].actual.value == Decimal("70.32")
    assert rows["上年结转资金"].rate.value == Decimal("97.57")


def test_the_project_of_a_title_loses_the_xiangmu_of_xiangmu_zhichu_when_the_text_does():
    f = facts(
        "2022年度某某档案整理经费项目支出绩效自评报告\n一、项目基本情况\n某某档案整理经费由某某县档案馆负责实施。"
    )
    assert f.project.text == "某某档案整理经费"
    f = facts(
        "2022年度某某档案整理经费项目支出绩效自评报告\n一、项目基本情况\n某某档案整理经费项目由某某县档案馆负责实施。"
    )
    assert f.project.text == "某某档案整理经费项目"
