"""Consistency checks (JX-C…): report against table, years, names, copies, template text."""

from __future__ import annotations

from check_forms import (
    FigureKey,
    FundGroup,
    FundLine,
    Kind,
    figure,
    fires,
    form,
    fund,
    goal,
    ind,
    n,
    report,
    section,
    silent,
    t,
)

S = FundGroup.SOURCE
TABLE = [
    fund("合计", FundLine.TOTAL, "198.98", "212.64", group=S),
    fund("财政拨款", FundLine.FISCAL, "174.74", "204.67", group=S, depth=1),
    fund("基本支出", FundLine.BASIC, "131.32", "139.37", group=FundGroup.STRUCTURE, depth=1),
]


def test_report_vs_table() -> None:
    text = report(figures=(figure("基本支出", "139.73", FigureKey.BASIC, row=60),))
    [f] = fires("JX-C001", form(funds=TABLE, report=text))
    assert (f.expected, f.found, str(f.location)) == ("139.37", "139.73", "t.txt:60")


def test_report_vs_table_accepts_any_row_it_may_mean() -> None:
    figures = (
        figure("部门预算", "174.74", FigureKey.BUDGET),  # = 财政拨款 budget
        figure("决算支出", "204.67", FigureKey.FINAL_ACCOUNTS),  # = 财政拨款 actual
        figure("基本支出", "139.37", FigureKey.BASIC),
        figure("实有人数", "4", FigureKey.STAFF_ACTUAL),
        figure("基本支出", "120", FigureKey.BASIC, year=2020),  # last year's: not compared
    )
    silent("JX-C001", form(funds=TABLE, report=report(figures=figures), staff_actual=n(4)))


def test_report_vs_table_staff() -> None:
    text = report(figures=(figure("在职人员", "5", FigureKey.STAFF_ACTUAL),))
    [f] = fires("JX-C001", form(report=text, staff_actual=n(4)))
    assert (f.expected, f.found) == ("4", "5")


def test_other_year_in_actual() -> None:
    e = form(
        indicators=[ind("三公经费控制", "≤5万元", "2020年“三公”经费支出合计0.00万元", 5, 5, row=7)]
    )
    [f] = fires("JX-C002", e)
    assert (f.expected, f.found, str(f.location)) == ("2021年", "2020年", "t.txt:7")


def test_other_year_comparisons_and_ranges_are_fine() -> None:
    e = form(
        indicators=[
            ind("三公经费控制", "≤5万元", "较2020年下降10%", 5, 5),
            ind("规划编制", "完成", "完成《发展规划（2021-2025年）》", 5, 5),
            ind("监测", "100%", "取得2018-2022监测资料", 5, 5),
        ]
    )
    silent("JX-C002", e)


def test_other_year_in_report_statement() -> None:
    text = report(section("三、绩效情况", "各项工作有序推进。2019年共完成重点项目14个。", row=52))
    [f] = fires("JX-C002", form(report=text))
    assert (f.found, str(f.location)) == ("2019年", "t.txt:52")
    later = report(section("三、绩效情况", "2022年共完成重点项目17个。"))
    assert fires("JX-C002", form(report=later))[0].found == "2022年"


def test_other_year_in_report_comparisons_dates_and_plans_are_fine() -> None:
    text = report(
        section(
            "三、绩效情况",
            "三公经费比2020年减少1.2万元。2022年3月10日完成自评。2021年共完成重点项目20个。"
            "2022年将继续开展培训10次。规划（2021-2025年）编制完成。",
        ),
        section("五、下一步改进措施", "2022年计划培训20次。"),
    )
    silent("JX-C002", form(report=text))


def test_year_mismatch_title_and_fill_date() -> None:
    e = form(report=report(title="2020年度岳麓区妇女联合会部门整体支出绩效自评报告"))
    [f] = fires("JX-C003", e)
    assert (f.expected, f.found) == ("2021年", "2020年")
    [f] = fires("JX-C003", form(fill_date=t("2020年3月10日")))
    assert f.severity.value == "error"
    silent(
        "JX-C003",
        form(
            report=report(title="2021年度岳麓区妇女联合会部门整体支出绩效自评报告"),
            fill_date=t("2022年3月10日"),
        ),
    )


def test_unit_names() -> None:
    e = form(
        unit=t("长沙市岳麓区妇女联合会"),
        report=report(title="2021年度岳麓区残疾人联合会部门整体支出绩效自评报告"),
    )
    [f] = fires("JX-C004", e)
    assert f.found == "岳麓区残疾人联合会"


def test_unit_names_abbreviation_is_the_same_unit() -> None:
    e = form(unit=t("长沙市岳麓区妇女联合会"), extra=(("单位名称", t("岳麓区妇联")),))
    silent("JX-C004", e)
    e = form(unit=t("青神县发展和改革局"), extra=(("实施单位", t("青神县发展和改革局（本级）")),))
    silent("JX-C004", e)


def test_goal_copied() -> None:
    same = "落实39户特色种养业奖补政策，增加脱贫户家庭收入"
    [f] = fires("JX-C005", form(goals=[goal(same, same + "。", row=11)]))
    assert str(f.location) == "t.txt:11"
    silent("JX-C005", form(goals=[goal(same, "已落实39户奖补政策，户均增收2916元")]))


def test_cost_vs_execution() -> None:
    funds = [
        fund("年度资金总额", FundLine.TOTAL, "89.974", "89.974", weight="10", score="10"),
    ]
    cost = ind("项目总成本", "≤90万元", "90", 8, 8, level2="成本指标")
    [f] = fires("JX-C006", form(funds=funds, indicators=[cost]))
    assert (f.expected, f.found) == ("89.974", "90")
    right = ind("项目总成本", "≤90万元", "89.974万元", 8, 8, level2="成本指标")
    silent("JX-C006", form(funds=funds, indicators=[right]))


def test_template_text_in_cells_and_report() -> None:
    e = form(
        goals=[
            goal(
                "保障工资及时足额发放", "对照年度目标,说明相关任务目标的完成情况(100字以内)", row=19
            )
        ],
        report=report(
            section(
                "三、部门整体支出绩效情况",
                "总结归纳本部门预算支出的绩效目标完成情况，实现产出和取得效益的情况。从运行成本、管理效率、"
                "履职效能、社会效应、可持续发展能力和服务对象满意度等方面，衡量部门整体及核心业务实施效果。",
                row=30,
            )
        ),
    )
    found = fires("JX-C007", e)
    assert [str(f.location) for f in found] == ["t.txt:19", "t.txt:30"]


def test_template_text_worded_otherwise() -> None:
    e = form(
        report=report(
            section(
                "三、部门整体支出绩效情况",
                "结合部门职责，阐述本单位预算执行进度、资金使用和项目实施情况。",
                row=30,
            )
        )
    )
    [f] = fires("JX-C007", e)
    assert str(f.location) == "t.txt:30"


def test_template_text_silent_on_content_that_starts_like_an_instruction() -> None:
    e = form(
        report=report(
            section("三、部门整体支出绩效情况", "说明：本单位2023年决算支出为120万元。", row=30),
            section("四、存在的问题", "简要说明本单位全年开展活动12场，我们按期完成了任务。"),
        )
    )
    silent("JX-C007", e)


def test_template_text_silent_on_real_content() -> None:
    e = form(
        goals=[goal("围绕区委中心工作，办好民生实事", "全年开展活动238场，覆盖121055人")],
        problems=t("整体支出绩效管理工作缺乏专业指导，工作成效较其他优秀兄弟单位还有一定差距。"),
        measures=t("针对存在的问题，我单位将加强与财政局业务沟通，提升绩效管理水平。"),
    )
    silent("JX-C007", e)


def test_nothing_to_improve() -> None:
    found = fires("JX-C008", form(problems=t("暂无", 40), measures=t("无", 41)))
    assert [f.found for f in found] == ["暂无", "无"]
    text = report(
        section("四、存在的主要问题", "", row=50), section("五、改进措施", "没有问题。", row=52)
    )
    assert len(fires("JX-C008", form(report=text))) == 2


def test_nothing_to_improve_silent_with_content_in_subsections() -> None:
    text = report(
        section("四、存在的主要问题"),
        section("（一）绩效目标不够细化", "部分指标未量化。", level=2),
        section("五、改进措施", "细化量化绩效指标。"),
    )
    silent("JX-C008", form(report=text, problems=t("资金拨付进度偏慢")))


def full_marks() -> list:
    return [ind(f"指标{i}", "≥1个", "1个", 10, 10) for i in range(3)]


def test_full_marks_with_gaps() -> None:
    text = report(
        section("四、存在的主要问题及原因分析", "工作成效较其他优秀兄弟单位还有一定差距。", row=70)
    )
    [f] = fires("JX-C009", form(indicators=full_marks(), report=text))
    assert str(f.location) == "t.txt:70" and "差距" in f.message


def test_full_marks_with_gaps_silent() -> None:
    denial = report(section("四、存在的主要问题", "暂无问题。"))
    silent("JX-C009", form(indicators=full_marks(), report=denial))
    lost = [*full_marks()[:2], ind("指标3", "≥10个", "8个", 10, 8)]
    admits = report(section("四、存在的主要问题", "个别指标未完成，还有差距。"))
    silent("JX-C009", form(indicators=lost, report=admits))


def test_narrative_sum_parts_exceed_total() -> None:
    achieved = (
        "本项目共完成预算资金57.46万元。其中:20万元用于方案编制;18万元用于监理;19.48万元用于测绘。"
    )
    [f] = fires(
        "JX-C010",
        form(goals=[goal("申请预算资金58万元。其中:20万元…;18万元…;20万元…。", achieved, row=12)]),
    )
    assert (f.expected, f.found) == ("57.48", "57.46")


def test_narrative_sum_silent_cases() -> None:
    ok = "一批投资1520.6万元(其中建筑1480万元)，二批930.25万元(其中建筑901.125万元)，三批410.15万元(其中建筑398.2万元)，合计批复总投资2861万元(其中建筑2779.325万元)。"
    silent("JX-C010", form(report=report(section("一、资金情况", ok))))
    income = "收入655.31万元，同比上年度增加102.4万元。其中:财政拨款收入655.31万元,同比上年度增加118.6万元。"
    silent("JX-C010", form(report=report(section("一、资金情况", income))))
    partial = "支出661.05万元。其中:人员经费350.2万元,公用经费61.7万元。"  # a partial list
    silent("JX-C010", form(report=report(section("一、资金情况", partial))))


def test_narrative_sum_total_after_parts() -> None:
    wrong = "一批1520.6万元，二批930.25万元，三批410.15万元，合计2961万元。"
    [f] = fires("JX-C010", form(report=report(section("一、资金情况", wrong))))
    assert (f.expected, f.found) == ("2861.00", "2961")


def test_list_numbering_duplicate() -> None:
    text = (
        "1.完成监督指挥。2.做好平台维护。3.信息收集。4.完成考核考评。4.受理投诉举报。5.业务指导。"
    )
    [f] = fires("JX-C011", form(extra=(("年度主要工作内容", t(text, 33)),)))
    assert (f.expected, f.found, str(f.location)) == ("5.", "4.", "t.txt:33")
    fixed = text.replace("4.受理", "5.受理").replace("5.业务", "6.业务")
    silent("JX-C011", form(extra=(("年度主要工作内容", t(fixed)),)))


def test_list_numbering_decimals_are_not_items() -> None:
    silent("JX-C011", form(extra=(("说明", t("种植1.5亩，2.5亩，3.5亩，4.5亩。")),)))


def test_report_heading_numbering() -> None:
    text = report(
        section("一、概况", "…"),
        section("二、管理", "…"),
        section("二、绩效", "…", row=30),
        section("四、问题", "…"),
    )
    [f] = fires("JX-C011", form(report=text))
    assert str(f.location) == "t.txt:30"
    ok = report(
        section("一、概况", "…"),
        section("（一）基本", "…", level=2),
        section("二、管理", "…"),
        section("（一）支出", "…", level=2),
    )
    silent("JX-C011", form(report=ok))


def executed(rate: str = "95.69%"):  # type: ignore[no-untyped-def]
    return [fund("合计", FundLine.TOTAL, "3269.72", "3128.85", rate, weight="10", score="9.57")]


def test_stated_rate() -> None:
    text = report(section("三、绩效情况", "2021年度预算执行率为96.59%。", row=60))
    [f] = fires("JX-C012", form(funds=executed(), report=text))
    assert (f.expected, f.found, str(f.location)) == ("95.69%", "96.59%", "t.txt:60")
    same = report(section("三、绩效情况", "2021年度预算执行率为95.69%，项目支出执行率为88%。"))
    silent("JX-C012", form(funds=executed(), report=same))
    rounded = report(section("三、绩效情况", "预算执行率达95.7%。"))
    silent("JX-C012", form(funds=executed(), report=rounded))


def test_stated_score_and_grade() -> None:
    e = form(total_score=n("85"), conclusion=t("项目自评得分85分，评价等级为优。", 90))
    [f] = fires("JX-C013", e)
    assert (f.expected, f.found) == ("良", "优")
    e = form(total_score=n("96.2"), conclusion=t("自评得分为98.5分。"))
    assert fires("JX-C013", e)[0].found == "98.5"
    e = form(total_score=n("85"), extra=(("自评等级", t("优")),))
    assert fires("JX-C013", e)[0].found == "优"
    silent(
        "JX-C013", form(total_score=n("96.20"), conclusion=t("自评得分96.2分，评价等级为“优”。"))
    )


def test_stated_actuals() -> None:
    inds = [
        ind("发放宣传资料份数", "≥4000份", "4325份", 10, 10),
        ind("项目验收合格率", "≥95%", "98%", 10, 10),
    ]
    text = report(
        section("三、绩效情况", "全年发放宣传资料份数4352份，项目验收合格率98%。", row=70)
    )
    [f] = fires("JX-C014", form(indicators=inds, report=text))
    assert (f.expected, f.found) == ("4325份", "4352份")
    right = report(section("三、绩效情况", "全年发放宣传资料份数4325份，项目验收合格率为98%。"))
    silent("JX-C014", form(indicators=inds, report=right))


def test_unit_named_in_the_report_body() -> None:
    body = report(
        section(
            "（一）基本情况", "岳麓区残疾人联合会为财政全额拨款的行政单位，现有编制3人。", row=12
        )
    )
    [f] = fires("JX-C004", form(unit=t("长沙市岳麓区妇女联合会"), report=body))
    assert (f.found, str(f.location)) == ("岳麓区残疾人联合会", "t.txt:12")
    same = report(section("（一）基本情况", "岳麓区妇女联合会为财政全额拨款的行政单位。"))
    silent("JX-C004", form(unit=t("长沙市岳麓区妇女联合会"), report=same))


def test_goal_amounts() -> None:
    funds = [
        fund(
            "年度资金总额",
            FundLine.TOTAL,
            "89.974",
            "89.974",
            initial="90",
            weight="10",
            score="10",
        )
    ]
    planned = "本项目共申请预算资金90万元。其中:30万元用于预算编制;30万元用于审计;30万元用于设计。"
    wrong = goal(planned, "本项目共完成预算资金79.97万元。", row=14)
    [f] = fires("JX-C015", form(funds=funds, goals=[wrong]))
    assert (f.expected, f.found, str(f.location)) == ("89.974", "79.97万元", "t.txt:14")
    right = goal(planned, "本项目共完成预算资金89.97万元，完成培训经费支出5万元。")
    silent("JX-C015", form(funds=funds, goals=[right]))


def test_report_without_problems_part() -> None:
    text = report(
        section("一、概况", "…"), section("二、支出", "…"), section("三、绩效", "…", row=40)
    )
    found = fires("JX-C008", form(report=text))
    assert {f.expected for f in found} == {"存在的问题及原因分析", "改进措施和建议"}
    fine = report(
        section("一、概况", "…"),
        section("四、存在问题", "资金拨付偏慢。"),
        section("五、改进措施", "加快拨付。"),
    )
    silent("JX-C008", form(report=fine))
    silent("JX-C008", form(problems=t("资金拨付偏慢")))


def test_stated_rate_of_a_named_part_is_that_parts() -> None:
    funds = [
        fund("合计", FundLine.TOTAL, "198.8", "212.64", "106.87%", group=S, weight="10"),
        fund("其中：其他资金", FundLine.OTHER, "24.24", "7.97", "32.88%", group=S, depth=1),
    ]
    text = report(
        section("一、概况", "其他资金全年预算数24.24万元，全年执行数7.97万元，执行率32.88%。")
    )
    silent("JX-C012", form(funds=funds, report=text))
    wrong = report(section("一、概况", "其他资金执行完毕。全年预算执行率为32.88%。"))
    assert fires("JX-C012", form(funds=funds, report=wrong))[0].found == "32.88%"


def test_stated_score_of_a_part_is_not_the_total() -> None:
    text = "产出指标分值55分，自评得分55分；效益指标分值35分，自评得分35分。"
    silent("JX-C013", form(total_score=n("100"), conclusion=t(text)))
    assert fires("JX-C013", form(total_score=n("100"), conclusion=t("自评得分55分。")))


def test_report_figure_of_a_named_part_row() -> None:
    funds = [*TABLE, fund("其他资金", FundLine.OTHER, "24.24", "7.97", group=S, depth=1)]
    sentence = "其他资金全年预算数24.24万元，全年执行数7.97万元。"
    figures = (
        figure("其他资金全年预算数", "24.24", FigureKey.BUDGET, sentence=sentence),
        figure("全年执行数", "7.97", FigureKey.FINAL_ACCOUNTS, sentence=sentence),
    )
    silent("JX-C001", form(funds=funds, report=report(figures=figures)))
    stray = (
        figure("全年执行数", "7.97", FigureKey.FINAL_ACCOUNTS, sentence="全年执行数7.97万元。"),
    )
    assert fires("JX-C001", form(funds=funds, report=report(figures=stray)))


def test_project_report_title_names_the_project() -> None:
    e = form(
        kind=Kind.PROJECT,
        unit=t("张庄寨镇人民政府"),
        project=t("河西村特色种养补贴到户项目"),
        report=report(title="2023年度河西村特色种养补贴到户项目支出绩效自评报告"),
    )
    silent("JX-C004", e)


def test_placeholder_left() -> None:
    text = report(
        section(
            "四、存在的主要问题",
            "【待填写：结合绩效目标完成情况，分析存在的主要问题及原因】",
            row=80,
        ),
        section("五、改进措施", "加强管理。【待填写：偏差原因】【待填写：偏差原因】", row=84),
    )
    found = fires("JX-C016", form(report=text))
    assert [str(f.location) for f in found] == ["t.txt:80", "t.txt:84"]
    assert "2 处" in found[1].message
    parent = report(
        section("一、概况", "（一）基本情况\n【待填写：单位性质】", row=1),
        section("（一）基本情况", "【待填写：单位性质】", level=2, row=3),
    )
    assert len(fires("JX-C016", form(report=parent))) == 1  # counted once, where it stands
    silent("JX-C016", form(report=report(section("五、改进措施", "加强管理。【注】按季度复核。"))))


def test_full_marks_with_a_placeholder_admits_nothing() -> None:
    text = report(
        section("四、存在的问题", "【待填写：结合绩效目标完成情况，分析存在的主要问题及原因】")
    )
    silent("JX-C009", form(indicators=full_marks(), report=text))
