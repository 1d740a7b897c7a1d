"""Indicator checks (JX-I…)."""

from __future__ import annotations

import pytest
from check_forms import fires, form, ind, report, run_one, section, silent


@pytest.mark.parametrize(
    "target",
    [
        "围绕“帮扶”用气力",
        "紧盯动真情“关爱”",
        "基层组织建设创出新业绩",
        "在统筹规划中彰显担当",
        "弘扬优良文化、传播正能量",
    ],
)
def test_unmeasurable_target_fires(target: str) -> None:
    [f] = fires("JX-I001", form(indicators=[ind("开展帮扶", target, "帮扶28人", 5, 5, row=9)]))
    assert (f.found, str(f.location)) == (target, "t.txt:9")


@pytest.mark.parametrize(
    "target",
    [
        "≥50个",
        "每月 1次",
        "12月底前完成",
        "验收合格",
        "无重大安全事故",
        "达成预期指标",
        "效果明显",
        "符合相关规定",
        "每月一次",
        "是",
    ],
)
def test_measurable_target_silent(target: str) -> None:
    silent("JX-I001", form(indicators=[ind("任务", target, "完成", 5, 5)]))


def test_textual_actual() -> None:
    [f] = fires("JX-I002", form(indicators=[ind("合格率", "≥95%", "已完成", 10, 10, row=4)]))
    assert f.found == "已完成"
    silent("JX-I002", form(indicators=[ind("合格率", "≥95%", "96%", 10, 10)]))
    silent(
        "JX-I002",
        form(indicators=[ind("召开会议", "全年 4次", "全年召开4次意识形态专题研究会", 5, 5)]),
    )


def test_copied_actual_with_sign() -> None:
    [f] = fires("JX-I003", form(indicators=[ind("安装水标尺", "≥266米", "≥266米", 10, 10)]))
    assert "照抄" in f.message
    silent("JX-I003", form(indicators=[ind("安装水标尺", "≥266米", "270米", 10, 10)]))


def test_missed_but_full_marks() -> None:
    [f] = fires("JX-I004", form(indicators=[ind("验收合格率", "≥95%", "90%", 10, 10, row=6)]))
    assert (f.expected, f.found) == ("<10", "10")
    silent("JX-I004", form(indicators=[ind("验收合格率", "≥95%", "90%", 10, 9.47)]))
    silent("JX-I004", form(indicators=[ind("验收合格率", "≥95%", "96%", 10, 10)]))


def test_missed_full_marks_qualitative_words() -> None:
    fires("JX-I004", form(indicators=[ind("规范管理", "达成预期指标", "部分达成预期指标", 10, 10)]))
    silent("JX-I004", form(indicators=[ind("规范管理", "达成预期指标", "达成预期指标", 10, 10)]))


def test_actual_in_a_sentence_is_read_as_scoring_reads_it() -> None:
    # the actual is a sentence; its one number in the target's unit decides, as in scoring
    missed = ind("专题研究会", "全年 4次", "全年召开3次意识形态专题研究会", 5, 5)
    [f] = fires("JX-I004", form(indicators=[missed]))
    assert "未达到目标却得满分 5" in f.message
    silent("JX-I006", form(indicators=[missed]))  # the clear case is JX-I004's
    met_lost = ind("专题研究会", "全年 4次", "全年召开4次意识形态专题研究会", 5, 4)
    fires("JX-I005", form(indicators=[met_lost]))
    two_numbers = ind("专题研究会", "全年 4次", "召开3次，另有2次线上会议", 5, 5)
    silent("JX-I004", form(indicators=[two_numbers]))  # which number is meant is unclear


def test_per_month_target_against_annual_actual() -> None:
    silent("JX-I004", form(indicators=[ind("主题党日", "每月 1次", "全年召开12次", 10, 10)]))
    fires("JX-I004", form(indicators=[ind("主题党日", "每月 1次", "全年召开10次", 10, 10)]))


def test_met_but_points_lost() -> None:
    [f] = fires("JX-I005", form(indicators=[ind("整编资料审核", "98%", "98%", 20, 19.6)]))
    assert (f.expected, f.found) == ("20", "19.6") and "误把完成值" in f.message
    silent("JX-I005", form(indicators=[ind("整编资料审核", "98%", "98%", 20, 20)]))


def test_score_off_rule_proportional() -> None:
    [f] = fires("JX-I006", form(indicators=[ind("高血压规范管理数", "3807人", "3224人", 2, 1.9)]))
    assert (f.expected, f.found) == ("1.69", "1.9")
    silent("JX-I006", form(indicators=[ind("高血压规范管理数", "3807人", "3224人", 2, 1.69)]))
    silent(
        "JX-I006", form(indicators=[ind("高血压规范管理数", "3807人", "3224人", 2, 1.7)])
    )  # 1.69 at one decimal


def test_score_off_rule_leaves_clear_cases_to_i004_i005() -> None:
    silent("JX-I006", form(indicators=[ind("整编资料审核", "98%", "98%", 20, 19.6)]))


def test_over_achieved() -> None:
    [f] = fires("JX-I007", form(indicators=[ind("宣传活动", "12次", "96次", 1, 1)]))
    assert "800%" in f.message and f.expected == "低于 15.6次，或说明原因"
    explained = ind("宣传活动", "12次", "96次", 1, 1, deviation="全年新增社区宣传点，场次增加")
    silent("JX-I007", form(indicators=[explained]))
    fires("JX-I007", form(indicators=[ind("宣传活动", "12次", "96次", 1, 1, deviation="无")]))
    silent("JX-I007", form(indicators=[ind("宣传活动", "12次", "14次", 1, 1)]))
    # the threshold itself (130 %) already counts; just below does not
    fires("JX-I007", form(indicators=[ind("宣传活动", "≥100次", "130次", 1, 1)]))
    silent("JX-I007", form(indicators=[ind("宣传活动", "≥100次", "129次", 1, 1)]))
    silent(
        "JX-I007", form(indicators=[ind("投诉件数", "≤12件", "96件", 1, 0)])
    )  # reverse: not over-achieved


def test_missing_categories() -> None:
    only_output = [ind("培训人数", "≥50人", "60人", 50, 50, level2="数量指标")]
    found = fires("JX-I008", form(indicators=only_output))
    messages = " ".join(f.message for f in found)
    assert "效益指标" in messages and "满意度指标" in messages and "质量指标" in messages


def test_categories_complete_is_silent() -> None:
    full = [
        ind("培训人数", "≥50人", "60人", 20, 20, level2="数量指标"),
        ind("合格率", "≥95%", "96%", 15, 15, level2="质量指标"),
        ind("完成时间", "12月底前", "12月完成", 15, 15, level2="进度指标"),
        ind("就业率", "≥60%", "70%", 30, 30, level1="效益指标", level2="社会效益指标"),
        ind("满意度", "≥90%", "95%", 10, 10, level1="满意度指标", level2="服务对象满意度指标"),
    ]
    silent("JX-I008", form(indicators=full))


def test_input_as_output() -> None:
    [f] = fires("JX-I009", form(indicators=[ind("资金拨付率", "100%", "100%", 10, 10)]))
    assert f.found == "资金拨付率"
    fires("JX-I009", form(indicators=[ind("投入资金", "50万元", "50万元", 10, 10)]))
    silent(
        "JX-I009",
        form(indicators=[ind("项目总成本", "≤90万元", "89.97万元", 10, 10, level2="成本指标")]),
    )
    silent("JX-I009", form(indicators=[ind("培训人数", "≥50人", "60人", 10, 10)]))


def sat(actual: str = "100%"):
    return ind(
        "群众满意度",
        "≥95%",
        actual,
        10,
        10,
        level1="满意度指标",
        level2="服务对象满意度指标",
        row=12,
    )


def test_satisfaction_without_survey() -> None:
    [f] = fires("JX-I010", form(indicators=[sat()]))
    assert (f.found, str(f.location)) == ("100%", "t.txt:12")


def test_satisfaction_with_survey_described() -> None:
    text = report(section("三、绩效情况", "发放满意度调查问卷200份，收回195份，满意率98%。"))
    silent("JX-I010", form(indicators=[sat("98%")], report=text))


def test_rate_above_hundred() -> None:
    [f] = fires("JX-I011", form(indicators=[ind("验收合格率", "100%", "105%", 10, 10)]))
    assert (f.expected, f.found) == ("≤100%", "105%")
    silent("JX-I011", form(indicators=[ind("收入增长率", "≥10%", "120%", 10, 10)]))
    silent("JX-I011", form(indicators=[ind("验收合格率", "100%", "100%", 10, 10)]))


def test_rate_counted_in_heads() -> None:
    [f] = fires("JX-I012", form(indicators=[ind("家庭医生签约率", "24694人", "22584人", 2, 1.7)]))
    assert f.found == "人"
    silent("JX-I012", form(indicators=[ind("家庭医生签约率", "≥90%", "91.5%", 2, 2)]))
    silent("JX-I012", form(indicators=[ind("签约人数", "24694人", "22584人", 2, 1.83)]))


def test_missing_deviation() -> None:
    [f] = fires(
        "JX-I013", form(indicators=[ind("老年人体检数", "5662人", "4044人", 2, 1.4, row=15)])
    )
    assert str(f.location) == "t.txt:15"
    explained = ind(
        "老年人体检数", "5662人", "4044人", 2, 1.43, deviation="部分老人外出务工，下年加强预约"
    )
    silent("JX-I013", form(indicators=[explained]))
    silent("JX-I013", form(indicators=[ind("老年人体检数", "5662人", "5700人", 2, 2)]))


def test_missing_deviation_blank_words_count_as_missing() -> None:
    fires(
        "JX-I013",
        form(indicators=[ind("老年人体检数", "5662人", "4044人", 2, 1.4, deviation="无")]),
    )


def test_level1_weights_against_profile() -> None:
    inds = [
        ind("甲", "1个", "1个", 70, 70),
        ind("乙", "1%", "1%", 20, 20, level1="效益指标", level2="社会效益指标"),
    ]
    found = fires("JX-I014", form(indicators=inds))
    assert {(f.expected, f.found) for f in found} == {("50", "70"), ("30", "20")}
    ok = [
        ind("甲", "1个", "1个", 50, 50),
        ind("乙", "1%", "1%", 30, 30, level1="效益指标", level2="社会效益指标"),
    ]
    silent("JX-I014", form(indicators=ok))


def test_unit_mismatch() -> None:
    [f] = fires("JX-I015", form(indicators=[ind("培训", "≥50人", "60人次", 5, 5)]))
    assert (f.expected, f.found) == ("人", "人次")
    silent("JX-I015", form(indicators=[ind("道路", "≥2公里", "2100米", 5, 5)]))  # convertible
    silent("JX-I015", form(indicators=[ind("培训", "≥50人", "60人", 5, 5)]))


def test_mixed_units_summed() -> None:
    def livestock(pigs: str):
        return [
            ind("家畜家禽养殖数量", "192只", "192只", 10, 10),
            ind("其中羊养殖数量", "180只", "180只", sub_item=True),
            ind("其中猪养殖数量", pigs, pigs, sub_item=True, row=24),
        ]

    [f] = fires("JX-I016", form(indicators=livestock("12头")))
    assert (f.found, str(f.location)) == ("12头", "t.txt:24")
    silent("JX-I016", form(indicators=livestock("12只")))


def test_met_but_points_lost_weight_not_printed() -> None:
    # the form prints no 分值 column: 19.6 = 20 × 98% reveals the weight 20
    [f] = fires("JX-I005", form(indicators=[ind("整编资料审核", "98%", "98%", None, 19.6)]))
    assert (f.expected, f.found) == ("20", "19.6")
    assert "表中未列分值" in f.message and "误把完成值当作得分比例" in f.message
    silent("JX-I005", form(indicators=[ind("整编资料审核", "98%", "98%", None, 20)]))


def test_rate_above_hundred_on_time_completion_is_bounded() -> None:
    fires("JX-I011", form(indicators=[ind("年度任务按期完成率", "100%", "115%", 5, 5)]))
    silent("JX-I011", form(indicators=[ind("年度任务完成率", "100%", "115%", 5, 5)]))


def test_percentage_against_a_bare_fraction() -> None:
    # an Excel percent cell read without its format: 1 for 100%
    silent("JX-I007", form(indicators=[ind("资金使用合规率", "1", "100%", 5, 5)]))
    silent("JX-I004", form(indicators=[ind("资金使用合规率", "1", "100%", 5, 5)]))


def test_duplicate_indicator() -> None:
    twice = [
        ind("培训人数", "≥50人", "60人", 10, 10),
        ind("培训人数", "≥50人", "60人", 10, 10, row=8),
    ]
    [f] = fires("JX-I017", form(indicators=twice))
    assert str(f.location) == "t.txt:8"
    other = [
        ind("培训人数", "≥50人", "60人", 10, 10),
        ind("培训人数", "≥50人", "60人", 10, 10, level2="质量指标"),
    ]
    silent("JX-I017", form(indicators=other))


def test_score_off_rule_qualitative_band() -> None:
    # 部分达成: 60 %–80 % of the weight, printed 9 of 10
    [f] = fires(
        "JX-I006", form(indicators=[ind("制度建设", "达成预期指标", "部分达成预期指标", 10, 9)])
    )
    assert f.found == "9" and f.expected == "≥6 且 <8"  # the upper bound is not included
    silent("JX-I006", form(indicators=[ind("制度建设", "达成预期指标", "部分达成预期指标", 10, 7)]))


def test_level1_weights_funds_weight_against_profile() -> None:
    from check_forms import FundLine, fund

    funds = [fund("年度资金总额", FundLine.TOTAL, "10", "10", weight="10")]
    inds = [
        ind("甲", "1个", "1个", 50, 50),
        ind("乙", "1%", "1%", 30, 30, level1="效益指标", level2="社会效益指标"),
    ]
    found = fires("JX-I014", form(funds=funds, indicators=inds), profile="city-20-80")
    assert ("20", "10") in {(f.expected, f.found) for f in found}


def test_cost_as_level2_counts_for_a_101_cost_category() -> None:
    inds = [ind("项目总成本", "≤90万元", "89万元", 10, 10, level2="成本指标")]
    found = run_one("JX-I008", form(indicators=inds), "cz2021-101")
    assert not [f for f in found if "缺少一级指标“成本指标”" in f.message]


def test_satisfaction_survey_in_template_text_does_not_count() -> None:
    text = report(section("三、绩效情况", "说明满意度调查的方式、样本和结果等情况（200字以内）。"))
    fires("JX-I010", form(indicators=[sat("98%")], report=text))


@pytest.mark.parametrize(
    "target",
    ["良好", "长期", "资金使用规范", "数据准确、资料完整", "信息按规定公开", "持续发挥效益"],
)
def test_common_qualitative_targets_are_measurable(target: str) -> None:
    silent("JX-I001", form(indicators=[ind("任务", target, "达成", 5, 5)]))


@pytest.mark.parametrize(
    "target", ["高标准、严要求完成任务", "全力推进，确保实效", "扎实推进各项工作"]
)
def test_more_slogans(target: str) -> None:
    fires("JX-I001", form(indicators=[ind("任务", target, "达成", 5, 5)]))


def test_actual_copies_target() -> None:
    target = "为扩大垃圾分类宣传力度，了解垃圾分类知识认知度"
    copied = ind(
        "开展亲子教育主题活动", target, target + "，组织各街道开展垃圾分类活动。", 5, 5, row=20
    )
    [f] = fires("JX-I018", form(indicators=[copied]))
    assert str(f.location) == "t.txt:20" and "照抄" in f.message
    fires("JX-I018", form(indicators=[ind("开展活动", target, target, 5, 5)]))
    result = ind("开展亲子教育主题活动", target, "开展垃圾分类活动12场，覆盖居民3000人", 5, 5)
    silent("JX-I018", form(indicators=[result]))
    # a number equal to its target is a result, and a short target repeated is no copy
    silent("JX-I018", form(indicators=[ind("满意度", "≥95%", "≥95%", 10, 10)]))
    silent("JX-I018", form(indicators=[ind("资料完整", "资料完整", "资料完整齐全", 5, 5)]))


def test_missing_deviation_grouped_from_three_indicators() -> None:
    rows = [ind(f"指标{k}", "≥10个", "8个", 5, 4, row=30 + k) for k in range(4)]
    [f] = fires("JX-I013", form(indicators=rows))
    assert str(f.location) == "t.txt:30" and f.found == "4 项空白"
    assert all(f"“指标{k}”" in f.message for k in range(4))
    two = fires("JX-I013", form(indicators=rows[:2]))
    assert [str(f.location) for f in two] == ["t.txt:30", "t.txt:31"]  # one by one below three
