"""The 自评报告: title, sections by heading numbering, figures stated in sentences."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.document import Paragraph
from jixiao.extract.prose import extract_prose
from jixiao.extract.report import extract_report
from jixiao.model import FigureKey, Location

SEED = Path(__file__).parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"


def paras(text: str, source: str = "r.txt") -> list[Paragraph]:
    """One Paragraph per non-empty line, as the text reader gives them."""
    return [
        Paragraph(line, Location(source, line=n))
        for n, line in enumerate(text.split("\n"), 1)
        if line.strip() and not line.startswith("\t")
    ]


def blocks(text: str, source: str = "r.txt") -> list[Paragraph]:
    """One Paragraph per blank-line-separated block (the other way a reader may give them)."""
    out, cur, start = [], [], 0
    for n, line in enumerate(text.split("\n") + [""], 1):
        if line.strip():
            start = start or n
            cur.append(line)
        elif cur:
            out.append(Paragraph("\n".join(cur), Location(source, line=start)))
            cur, start = [], 0
    return out


def figures(text: str) -> dict[str, tuple[FigureKey, Decimal, str | None, int | None]]:
    report = extract_report(paras(text), "r.txt")
    return {f.label: (f.key, f.value.value, f.value.unit, f.year) for f in report.figures}


# -- title -------------------------------------------------------------------------------


def test_title_split_over_two_lines_is_joined():
    text = "2021年度长沙市岳麓区妇女联合会单位部门\n\n整体支出预算绩效自评报告\n\n一、部门（单位）概况\n概况。"
    report = extract_report(paras(text), "r.txt")
    assert report.title is not None
    assert report.title.text == "2021年度长沙市岳麓区妇女联合会单位部门整体支出预算绩效自评报告"
    assert report.title.location == Location("r.txt", line=1)


def test_title_is_the_one_nearest_the_first_heading_not_the_site_header():
    text = (
        "欢迎来到某某网站!\n您现在的位置: 首页 > 通知公告 > 部门整体支出绩效评价报告\n"
        "部门整体支出及项目支出绩效评价报告\n【发布时间:2022-04-15】\n部门整体支出绩效评价报告\n一、基本情况"
    )
    report = extract_report(paras(text), "r.txt")
    assert report.title is not None and report.title.text == "部门整体支出绩效评价报告"
    assert report.title.location.line == 5


def test_no_title_without_a_report_line():
    report = extract_report(paras("一、基本情况\n本单位共有编制3人。"), "r.txt")
    assert report.title is None
    assert [s.heading.text for s in report.sections] == ["一、基本情况"]


# -- sections ----------------------------------------------------------------------------


def test_headings_at_each_level():
    text = "\n".join(
        [
            "一、部门概况",
            "（一）基本情况",
            "1.人员情况",
            "(1)在职人员",
            "正文。",
            "(二)支出情况",
            "二、存在问题",
        ]
    )
    report = extract_report(paras(text), "r.txt")
    assert [(s.level, s.heading.text) for s in report.sections] == [
        (1, "一、部门概况"),
        (2, "（一）基本情况"),
        (3, "1.人员情况"),
        (4, "(1)在职人员"),
        (2, "(二)支出情况"),
        (1, "二、存在问题"),
    ]
    assert report.sections[2].location == Location("r.txt", line=3)


def test_list_items_with_sentences_or_figures_are_not_headings():
    text = "\n".join(
        [
            "一、年度主要工作内容",
            "1.完成全县河道巡查工作。2.做好监测站点的日常维护。",
            "1、收入:512.40万元。同比上年度增加63.10万元。",
            "2.基本支出139.37万元",
        ]
    )
    report = extract_report(paras(text), "r.txt")
    assert [s.heading.text for s in report.sections] == ["一、年度主要工作内容"]
    assert (
        report.sections[0].text.splitlines()[0]
        == "1.完成全县河道巡查工作。2.做好监测站点的日常维护。"
    )


def test_heading_running_on_into_its_text():
    text = "一、基本情况\n(一)部门整体支出概况。2021年部门决算收支完成情况良好。"
    report = extract_report(paras(text), "r.txt")
    sub = report.sections[1]
    assert (sub.level, sub.heading.text, sub.text) == (
        2,
        "(一)部门整体支出概况",
        "2021年部门决算收支完成情况良好。",
    )


def test_section_text_includes_its_subsections_and_stops_at_the_next_of_its_level():
    text = "一、概况\n（一）基本情况\n甲。\n（二）支出\n乙。\n二、问题\n丙。"
    report = extract_report(paras(text), "r.txt")
    first = report.section("概况")
    assert first is not None and first.text == "（一）基本情况\n甲。\n（二）支出\n乙。"
    assert report.section("问题").text == "丙。"
    assert report.section("基本情况").text == "甲。"


def test_template_instruction_text_is_kept_verbatim_in_its_section():
    template = (
        "总结归纳本部门预算支出的绩效目标完成情况，实现产出和取得效益的情况。围绕部门职责、行业发展规划，"
        "以预算资金管理为主线，总结部门资产管理和开展业务情况。"
    )
    text = f"三、部门（单位）整体支出绩效情况\n\n{template}\n\n四、存在的主要问题及原因分析\n缺乏专业指导。"
    report = extract_report(blocks(text), "r.txt")
    section = report.section("整体支出绩效情况")
    assert section is not None and section.text == template
    assert section.location == Location("r.txt", line=1)


def test_essay_site_second_report_of_the_same_title_ends_the_first():
    text = "建设项目绩效自评报告1\n一、资金情况\n批复投资100万元。\n建设项目绩效自评报告2\n一、另一个项目\n批复投资5万元。"
    report = extract_report(paras(text), "r.txt")
    assert [s.heading.text for s in report.sections] == ["一、资金情况"]
    assert [f.value.value for f in report.figures] == [Decimal("100")]


@pytest.mark.skipif(not SEED.exists(), reason="examples/ absent")
def test_seed_report_title_and_five_sections():
    text = SEED.read_text(encoding="utf-8")
    report = extract_report(paras(text, "seed.txt"), "seed.txt")
    assert report.title is not None
    assert report.title.text == "2021年度长沙市岳麓区妇女联合会单位部门整体支出预算绩效自评报告"
    assert [s.heading.text for s in report.sections if s.level == 1] == [
        "一、部门（单位）概况",
        "二、部门（单位）整体支出管理及使用情况",
        "三、部门（单位）整体支出绩效情况",
        "四、存在的主要问题及原因分析",
        "五、下一步改进措施和有关建议",
    ]
    three = report.section("三、")
    assert three is not None and three.text.startswith("总结归纳本部门预算支出的绩效目标完成情况")
    four = report.section("四、")
    assert four is not None and "还有一定差距" in four.text


# -- figures -----------------------------------------------------------------------------


def test_budget_carryover_and_final_accounts_with_their_year():
    text = "2021年区财政批复部门预算为174.74万元，上年结余指标0万元。2021年决算支出为204.67万元，"
    assert figures(text) == {
        "区财政批复部门预算": (FigureKey.BUDGET, Decimal("174.74"), "万元", 2021),
        "上年结余指标": (FigureKey.CARRYOVER, Decimal("0"), "万元", 2021),
        "决算支出": (FigureKey.FINAL_ACCOUNTS, Decimal("204.67"), "万元", 2021),
    }


def test_split_by_economic_class():
    text = (
        "2021年决算总支出204.67万元，工资福利支出127.63万元、商品和服务支出67.29万元、"
        "对个人和家庭的补助5.18万元、资本性支出4.57万元、其他支出0万元。上述决算支出中基本支出139.37万元，项目支出65.3万元。"
    )
    got = {label: key for label, (key, *_rest) in figures(text).items()}
    assert got == {
        "决算总支出": FigureKey.FINAL_ACCOUNTS,
        "工资福利支出": FigureKey.WAGES,
        "商品和服务支出": FigureKey.GOODS_SERVICES,
        "对个人和家庭的补助": FigureKey.SUBSIDIES,
        "资本性支出": FigureKey.CAPITAL,
        "其他支出": FigureKey.OTHER_EXPENDITURE,
        "基本支出": FigureKey.BASIC,
        "项目支出": FigureKey.PROJECT,
    }


def test_income_expenditure_personnel_public_and_changes_left_out():
    text = (
        "1、收入:512.40万元。同比上年度增加63.10万元,增加14.05%。其中:财政拨款收入500.40万元。\n"
        "2、支出:498.60万元。其中:人员经费支出301.25万元,公用经费支出52.3万元,项目支出145.05万元。"
    )
    got = {label: (key, value) for label, (key, value, _u, _y) in figures(text).items()}
    assert got == {
        "收入": (FigureKey.INCOME, Decimal("512.40")),
        "财政拨款收入": (FigureKey.FISCAL_INCOME, Decimal("500.40")),
        "支出": (FigureKey.EXPENDITURE, Decimal("498.60")),
        "人员经费支出": (FigureKey.PERSONNEL, Decimal("301.25")),
        "公用经费支出": (FigureKey.PUBLIC, Decimal("52.3")),
        "项目支出": (FigureKey.PROJECT, Decimal("145.05")),
    }


def test_items_keep_their_printed_label():
    text = "项目支出包括培训经费12.6万元,宣传工作经费2万元,信息化建设经费8.5万元,专题调研"
    assert figures(text) == {
        "培训经费": (FigureKey.ITEM, Decimal("12.6"), "万元", None),
        "宣传工作经费": (FigureKey.ITEM, Decimal("2"), "万元", None),
        "信息化建设经费": (FigureKey.ITEM, Decimal("8.5"), "万元", None),
    }


def test_units_are_kept_as_printed():
    text = "为全区特殊困境妇女群体筹集善款96769.85元，发放慰问金4万元，总投资1.2亿元，资金1,234.50万元。"
    got = {label: (value, unit) for label, (_k, value, unit, _y) in figures(text).items()}
    assert got == {
        "善款": (Decimal("96769.85"), "元"),
        "慰问金": (Decimal("4"), "万元"),
        "总投资": (Decimal("1.2"), "亿元"),
        "资金": (Decimal("1234.50"), "万元"),
    }


def test_staff_counts():
    text = "岳麓区妇女联合会为财政全额拨款的行政单位，现有编制人数3人，目前实有在职人员4人，离退休人员0人，临聘人员2人。"
    got = {key: value for (key, value, _u, _y) in figures(text).values()}
    assert got == {
        FigureKey.STAFF_AUTHORIZED: Decimal("3"),
        FigureKey.STAFF_ACTUAL: Decimal("4"),
        FigureKey.RETIRED: Decimal("0"),
        FigureKey.TEMPORARY: Decimal("2"),
    }


def test_head_counts_that_are_not_staff_are_not_figures():
    assert figures("对全区40名困难儿童进行了慰问，参与人数达83929人次。") == {}


def test_percentage_belongs_to_its_label():
    assert figures("预算执行率为98.5%，同比增长3%。") == {
        "预算执行率": (FigureKey.ITEM, Decimal("98.5"), "%", None)
    }


def test_year_the_sentence_speaks_of():
    text = "2020年“三公”经费支出合计0.00万元。\n2021年支出100万元，比2020年减少10万元，其中项目支出40万元。"
    got = figures(text)
    assert got["“三公”经费支出"] == (FigureKey.THREE_PUBLIC, Decimal("0.00"), "万元", 2020)
    assert got["支出"][3] == 2021
    assert got["项目支出"][3] == 2021  # 比2020年 is a comparison, not the year spoken of
    assert "减少" not in "".join(got)


def test_a_range_of_years_is_not_the_year_spoken_of():
    got = figures("《发展规划（2021-2025年）》编制经费3万元。")
    assert got == {
        "《发展规划（2021-2025年）》编制经费": (FigureKey.ITEM, Decimal("3"), "万元", None)
    }


def test_class_with_a_budget_word_is_an_item_not_the_spending():
    got = figures("基本支出预算131.32万元，基本支出139.37万元。")
    assert got["基本支出预算"][0] == FigureKey.ITEM
    assert got["基本支出"][0] == FigureKey.BASIC


def test_figure_location_is_its_own_line_inside_a_block():
    text = "一、概况\n\n本单位现有编制3人。\n2021年决算支出为204.67万元。\n\n二、问题"
    report = extract_report(blocks(text), "r.txt")
    lines = {f.label: f.location.line for f in report.figures}
    assert lines == {"现有编制": 3, "决算支出": 4}
    assert report.figures[1].sentence == "2021年决算支出为204.67万元"


def test_traditional_characters_and_inline_pinyin():
    text = "2021年決(jué)算支出為204.67萬元。"
    assert figures(text) == {
        "决算支出": (FigureKey.FINAL_ACCOUNTS, Decimal("204.67"), "万元", 2021)
    }


def test_any_traditional_character_is_converted_and_latin_in_brackets_is_kept():
    # 檢, 驗 and 測 are traditional-only; (PPP) is an abbreviation, not inline pinyin
    text = "檢驗檢測(PPP)支出12.5元。"
    assert figures(text) == {"检验检测(PPP)支出": (FigureKey.ITEM, Decimal("12.5"), "元", None)}


def test_execution_and_actual_spending_are_final_accounts_and_expenditure():
    got = figures("年初预算数为100万元，全年执行数118万元，实际支出118万元，事业收入3万元。")
    assert {label: key for label, (key, *_r) in got.items()} == {
        "年初预算数": FigureKey.BUDGET,
        "全年执行数": FigureKey.FINAL_ACCOUNTS,
        "实际支出": FigureKey.EXPENDITURE,
        "事业收入": FigureKey.ITEM,
    }


def test_parts_above_the_numbered_sections_are_level_zero():
    text = "第一部分 部门基本情况\n一、部门职能\n拟订发展规划。\n第二部分 绩效自评情况\n一、预算执行情况"
    report = extract_report(paras(text), "r.txt")
    assert [(s.level, s.heading.text) for s in report.sections] == [
        (0, "第一部分 部门基本情况"),
        (1, "一、部门职能"),
        (0, "第二部分 绩效自评情况"),
        (1, "一、预算执行情况"),
    ]
    assert report.sections[0].text == "一、部门职能\n拟订发展规划。"


def test_year_carries_over_a_semicolon_and_shares_are_not_figures():
    text = "2022年度支出总计1,180.20万元，其中：基本支出980.20万元，占83.05%；项目支出200万元，占16.95%。"
    got = figures(text)
    assert got == {
        "支出": (FigureKey.EXPENDITURE, Decimal("1180.20"), "万元", 2022),
        "基本支出": (FigureKey.BASIC, Decimal("980.20"), "万元", 2022),
        "项目支出": (FigureKey.PROJECT, Decimal("200"), "万元", 2022),
    }


def test_a_bare_total_is_labelled_by_its_total_word():
    got = figures("市财政下达资金300万元，县级配套资金100万元，共计400万元。")
    assert got["共计"] == (FigureKey.ITEM, Decimal("400"), "万元", None)


_ALPHABET = (
    "一二三四五（）()、.，,：:。；1234567890%万元人名年度报告自评支出收入预算其中包括为比“”\n -"
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_any_text_gives_a_report_and_never_raises(text):
    ps = paras(text)
    report = extract_report(ps, "r.txt")
    extract_prose(ps, report, "r.txt")
    for f in report.figures:
        assert f.label and f.location is not None and f.location.line is not None


def test_parts_of_the_staff_are_items_not_the_staff():
    text = "2022年末编制人数45人，其中行政编制30人、事业编制15人；实有人数43人（含借调2人）。"
    got = figures(text)
    assert {label: key for label, (key, *_r) in got.items()} == {
        "编制人数": FigureKey.STAFF_AUTHORIZED,
        "行政编制": FigureKey.ITEM,
        "事业编制": FigureKey.ITEM,
        "实有人数": FigureKey.STAFF_ACTUAL,
    }


def test_headings_from_the_file_styles_and_a_styled_title():
    ps = [
        Paragraph(
            "某局2021年度部门整体支出绩效自评报告", Location("r.docx", cell="段1"), heading_level=1
        ),
        Paragraph("基本情况", Location("r.docx", cell="段2"), heading_level=1),
        Paragraph("本局有编制5人。", Location("r.docx", cell="段3")),
    ]
    report = extract_report(ps, "r.docx")
    assert report.title is not None and report.title.text == "某局2021年度部门整体支出绩效自评报告"
    assert [(s.level, s.heading.text, s.text) for s in report.sections] == [
        (1, "基本情况", "本局有编制5人。")
    ]
    assert report.figures[0].location == Location("r.docx", cell="段3")


def test_numbering_decides_the_level_and_styled_body_text_is_not_a_heading():
    ps = [
        Paragraph("（一）基本情况", Location("r.docx", cell="段1"), heading_level=1),
        Paragraph(
            "本局有编制5人，实有6人。本局负责全县财政工作。", Location("r.docx", cell="段2"), 2
        ),
    ]
    report = extract_report(ps, "r.docx")
    assert [(s.level, s.heading.text) for s in report.sections] == [(2, "（一）基本情况")]


def test_a_title_without_the_word_report():
    text = "2021年度某县档案馆部门整体支出绩效自评情况说明\n一、基本情况\n本馆编制5人。"
    report = extract_report(paras(text), "r.txt")
    assert report.title is not None and report.title.text.endswith("自评情况说明")


def test_page_footer_ends_the_report_and_noise_is_not_section_text():
    text = "一、资金情况\n资金来源：财政拨款100万元。\n【发布时间:2022-04-15】\n上一篇：关于某某的通知\n版权所有：某县人民政府 2022年支出9万元"
    report = extract_report(paras(text), "r.txt")
    assert report.sections[0].text == "资金来源：财政拨款100万元。"
    assert [f.value.value for f in report.figures] == [Decimal("100")]


def test_short_numbered_items_of_a_list_are_text():
    text = "一、主要工作\n全年主要开展了以下工作：\n1.开展宣传活动\n2.组织业务培训\n二、存在问题\n1.预算编制不够精细\n部分项目预算编制不够科学。"
    report = extract_report(blocks(text), "r.txt")
    assert [s.heading.text for s in report.sections] == [
        "一、主要工作",
        "二、存在问题",
        "1.预算编制不够精细",
    ]
    assert report.sections[0].text.endswith("1.开展宣传活动\n2.组织业务培训")


def test_a_staff_word_used_as_a_verb_is_not_staff():
    assert figures("编制规划培训200人，编制人员5人。") == {
        "编制人员": (FigureKey.STAFF_AUTHORIZED, Decimal("5"), "人", None)
    }


def test_carried_to_a_year_is_that_year_and_a_range_is_no_year():
    got = figures("2020年结转至2021年的资金10万元。2019年至2021年累计投入资金30万元。")
    assert got["结转至2021年的资金"] == (FigureKey.CARRYOVER, Decimal("10"), "万元", 2021)
    assert got["资金"][3] is None  # 2019年至2021年 is a span, not one year


def test_a_page_flattened_into_one_line_still_has_its_sections():
    text = (
        "某县文化馆2021年度部门整体支出绩效自评报告一、基本情况（一）部门职能。负责全县群众文化工作。"
        "（二）人员情况。现有编制人数8人。二、存在问题。1.预算编制不细。2.绩效目标不明确。"
    )
    report = extract_report(paras(text), "r.txt")
    assert (
        report.title is not None
        and report.title.text == "某县文化馆2021年度部门整体支出绩效自评报告"
    )
    assert [(s.level, s.heading.text) for s in report.sections] == [
        (1, "一、基本情况"),
        (2, "（一）部门职能"),
        (2, "（二）人员情况"),
        (1, "二、存在问题"),
    ]
    assert report.section("存在问题").text == "1.预算编制不细。2.绩效目标不明确。"
    assert report.figures[0].location == Location("r.txt", line=1)
