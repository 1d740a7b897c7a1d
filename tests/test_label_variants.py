"""The labels of the official and regional templates (jixiao/extract/vocab_official.py): forms
printed with them are read, and a new synonym is read right in a form where the label it could
be confused with is printed too (分值 vs 得分, 预算数 vs 执行数, 指标值 vs 完成值). Invented forms."""

from __future__ import annotations

from decimal import Decimal

import jixiao
from jixiao.extract import vocab, vocab_official
from jixiao.model import FundLine
from jixiao.textnorm import label_key


def _ind(e: jixiao.Evaluation, name: str):
    return next(i for i in e.indicators if i.name.text == name)


def _fund(e: jixiao.Evaluation, label: str):
    return next(r for r in e.funds if label in r.label.text)


# 权重分 (the weight) and 自评分 (the score) in one fund header, 调整预算数 (the budget) and 实际支出数
# (the spending) next to each other; 绩效目标值 / 实际完成数 / 指标权重 / 自评得分 in the indicators
FORM_A = """\
| 项目支出绩效自评表（2024年度） | | | | | | | |
| 项目名称 | 溧湾县乡村公路养护项目 | | | | | | |
| 主管单位 | 溧湾县交通运输局 | | | | | | |
| 项目承担单位 | 溧湾县公路养护中心 | | | | | | |
| 预算资金情况（万元） | | 年初预算安排 | 调整预算数 | 实际支出数 | 支出率 | 权重分 | 自评分 |
| | 资金总额 | 300 | 320 | 304 | 95.00% | 10 | 9.5 |
| | 中央补助资金 | 150 | 160 | 152 | 95.00% | / | / |
| | 省级资金 | 90 | 96 | 91.2 | 95.00% | / | / |
| | 市县资金 | 60 | 64 | 60.8 | 95.00% | / | / |
| 绩效指标完成情况 | 一级指标 | 二级指标 | 三级指标 | 绩效目标值 | 实际完成数 | 指标权重 | 自评得分 |
| | 产出指标 | 数量指标 | 养护农村公路里程 | ≥120公里 | 126公里 | 30 | 30 |
| | | 时效指标 | 养护完成时间 | ≤11月 | 11月 | 20 | 20 |
| | 效益指标 | 持续影响指标 | 路况长期保持 | 逐步健全 | 逐步健全 | 20 | 18 |
| | 满意度指标 | 受益对象满意度指标 | 沿线群众满意率 | ≥90% | 93% | 20 | 20 |
| 合计 | | | | | | 100 | 97.5 |
"""


def test_regional_fund_and_indicator_headers_are_read() -> None:
    e = jixiao.read_text(FORM_A, "a.txt")
    total = _fund(e, "资金总额")
    assert total.initial_budget.value == Decimal("300")
    assert total.budget.value == Decimal("320")
    assert total.actual.value == Decimal("304")
    assert total.weight.value == Decimal("10")  # 权重分: the weight …
    assert total.score.value == Decimal("9.5")  # … and 自评分 the score, in one header
    road = _ind(e, "养护农村公路里程")
    assert (road.target.text, road.actual.text) == ("≥120公里", "126公里")
    assert (road.weight.value, road.score.value) == (Decimal(30), Decimal(30))
    assert _ind(e, "路况长期保持").score.value == Decimal(18)


def test_regional_categories_and_fields() -> None:
    e = jixiao.read_text(FORM_A, "a.txt")
    assert _ind(e, "路况长期保持").level2.text == "持续影响指标"
    assert _ind(e, "沿线群众满意率").level2.text == "受益对象满意度指标"
    assert e.supervisor is not None and e.supervisor.text == "溧湾县交通运输局"
    assert e.unit is not None and e.unit.text == "溧湾县公路养护中心"


def test_fiscal_levels_are_source_rows_that_add_up() -> None:
    e = jixiao.read_text(FORM_A, "a.txt")
    lines = [r.line for r in e.funds]
    assert lines == [FundLine.TOTAL, FundLine.FISCAL, FundLine.FISCAL, FundLine.FISCAL]
    codes = {f.code for f in jixiao.check(e)}
    assert "JX-A001" not in codes  # 资金总额 = 中央 + 省级 + 市县: no false sum finding


# 计划完成值 is the target (not the 完成值 column), 实现值 the actual; 实际完成指标值 is the actual
# (not the 指标值 column) beside 年度目标值; 分值权重 beside 考核得分, 权数 beside 实得分
FORM_B = """\
项目支出绩效自评表（2023年度）
项目名称\t岷汀区老旧小区改造项目
项目主管单位\t岷汀区住房和城乡建设局
项目执行单位\t岷汀区城市更新服务中心
项目资金执行情况（万元）\t\t年初预算数\t全年预算数\t累计支出\t资金执行率\t分值权重\t考核得分
\t年度资金总额\t500\t500\t450\t90.00%\t10\t9
\t本级财政资金\t500\t500\t450\t90.00%\t/\t/
绩效指标\t一级指标\t二级指标\t三级指标\t计划完成值\t实现值\t分值权重\t考核得分
\t产出指标\t数量指标\t改造小区数量\t≥12个\t12个\t40\t40
\t效益指标\t社会效益指标\t居住条件改善\t明显改善\t明显改善\t30\t30
\t满意度指标\t公众满意度指标\t居民满意率\t≥85%\t88%\t20\t20
总分\t\t\t\t\t\t100\t99
"""

FORM_C = """\
| 项目绩效自评表（2022年度） | | | | | | |
| 项目名称 | 澜坝市河湖巡查项目 | | | | | |
| 主管预算单位 | 澜坝市水务局 | | | | | |
| 项目单位 | 澜坝市河湖管理所 | | | | | |
| 资金执行情况（万元） | | 预算批复数 | 决算支出 | 执行率（%） | 权数 | 实得分 |
| | 资金总额 | 80 | 76 | 95.00 | 10 | 9.5 |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度目标值 | 实际完成指标值 | 权数 | 实得分 |
| | 产出指标 | 数量指标 | 巡查河段长度 | ≥60公里 | 64公里 | 45 | 45 |
| | 满意度指标 | 服务对象满意度指标 | 群众满意率 | ≥90% | 92% | 45 | 45 |
| 合计 | | | | | | 100 | 99.5 |
"""


def test_planned_and_achieved_words_that_look_like_each_other() -> None:
    e = jixiao.read_text(FORM_B, "b.txt")
    count = _ind(e, "改造小区数量")
    assert (count.target.text, count.actual.text) == ("≥12个", "12个")
    assert _ind(e, "居民满意率").level2.text == "公众满意度指标"
    total = _fund(e, "年度资金总额")
    assert (total.actual.value, total.weight.value, total.score.value) == (450, 10, 9)
    assert e.unit is not None and e.unit.text == "岷汀区城市更新服务中心"
    e = jixiao.read_text(FORM_C, "c.txt")
    river = _ind(e, "巡查河段长度")
    assert (river.target.text, river.actual.text) == ("≥60公里", "64公里")
    assert (river.weight.value, river.score.value) == (Decimal(45), Decimal(45))
    total = _fund(e, "资金总额")
    assert (total.budget.value, total.actual.value) == (Decimal(80), Decimal(76))
    assert e.unit is not None and e.unit.text == "澜坝市河湖管理所"
    assert e.supervisor is not None and e.supervisor.text == "澜坝市水务局"


# columns marked with the letters a form's notes compute with, and explanation columns the
# model does not keep: the header stays a header, the values keep their columns
FORM_D = """\
| 项目支出绩效自评表（2025年度） | | | | | | | | | |
| 项目名称 | 沐屿县山洪预警项目 | | | | | | | | |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标解释 | 年度目标值（A） | 实际完成情况（B） | 分值 | 自评得分（C） | 数据来源 |
| | 产出指标 | 数量指标 | 新建预警站点 | 反映站点建设情况 | ≥15个 | 16个 | 50 | 50 | 验收报告 |
| | 满意度指标 | 服务对象满意度指标 | 群众满意率 | 反映群众评价 | ≥90% | 95% | 40 | 40 | 问卷调查 |
"""


def test_lettered_and_explanation_columns() -> None:
    e = jixiao.read_text(FORM_D, "d.txt")
    site = _ind(e, "新建预警站点")
    assert (site.target.text, site.actual.text) == ("≥15个", "16个")
    assert (site.weight.value, site.score.value) == (Decimal(50), Decimal(50))


# a 部门整体 form: the budget kinds as source rows, its unit and staff under regional labels
FORM_E = """\
部门整体支出绩效自评表（2021年度）
预算部门\t漾冈县民政局
人员编制数\t30
年末实有人数\t28
部门资金（万元）\t\t全年预算数\t全年执行数\t执行率\t分值\t得分
\t合计\t1000\t950\t95.00%\t10\t9.5
\t一般公共预算\t800\t760\t95.00%\t/\t/
\t政府性基金预算\t150\t142.5\t95.00%\t/\t/
\t国有资本经营预算\t50\t47.5\t95.00%\t/\t/
"""


def test_department_budget_kinds_and_staff() -> None:
    e = jixiao.read_text(FORM_E, "e.txt")
    assert [r.line for r in e.funds] == [FundLine.TOTAL] + [FundLine.FISCAL] * 3
    assert _fund(e, "政府性基金预算").actual.value == Decimal("142.5")
    assert e.unit is not None and e.unit.text == "漾冈县民政局"
    assert e.staff_authorized.value == 30 and e.staff_actual.value == 28


# -- the catalogue itself ---------------------------------------------------------------


def test_every_catalogue_label_is_read_as_listed() -> None:
    for label, role, _ in vocab_official.COLUMN_LABELS:
        assert vocab.column_role(label_key(label)) == role, label
    for label, field, _ in vocab_official.FIELD_LABELS:
        assert vocab.field_of(label_key(label)) == field, label
    for label, line, _ in vocab_official.FUND_LABELS:
        assert vocab.fund_line(label_key(label)) == line, label
    for label, section, _ in vocab_official.SECTION_LABELS:
        assert vocab.section_of(label_key(label)) == section, label
    for label, level, _ in vocab_official.CATEGORY_LABELS:
        check = vocab.is_level1 if level == "level1" else vocab.is_level2
        assert check(label_key(label)), label


def test_no_label_has_two_meanings_and_every_source_is_named() -> None:
    sources = {"10号", "部门整体", "101号", "四川", "湖南", "安徽", "重庆", "(A)(B)", "地方"}
    for table in (
        vocab_official.COLUMN_LABELS,
        vocab_official.FIELD_LABELS,
        vocab_official.FUND_LABELS,
        vocab_official.SECTION_LABELS,
        vocab_official.CATEGORY_LABELS,
    ):
        seen: dict[str, str] = {}
        for label, meaning, source in table:
            assert source in sources, (label, source)
            assert seen.setdefault(label_key(label), meaning) == meaning, label


def test_the_last_words_of_indicator_names_are_not_labels() -> None:
    # 年度任务按期完成率 wrapped leaves 完成率 alone on a line; 受益群众满意度 is a 三级 name
    for word in ("完成率", "目标完成率", "预算完成率"):
        assert vocab.column_role(word) is None, word
    for word in ("公众满意度", "受益群众满意度"):
        assert not vocab.is_level2(word), word


# -- run-together text (document-sharing sites): the catalogue's labels cut the runs too --------

RUN_TOGETHER = """\
2023年度项目支出绩效自评表
项目名称汀湄县山塘整治项目
主管部门名称汀湄县水务局
实施单位名称汀湄县水利工程管理站
项目资金执行情况（万元）年初预算数全年预算数累计支出资金执行率分值权重考核得分
年度资金总额200200190.0095.00%109.5
本级财政资金200200190.0095.00%//
绩效指标一级指标二级指标三级指标计划完成值实现值分值权重考核得分
产出指标数量指标整治山塘数量≥8座8座4545
满意度指标公众满意度指标周边群众满意率≥90%92%4545
总分10099.5
"""


def test_run_together_text_with_regional_labels_is_read() -> None:
    e = jixiao.read_text(RUN_TOGETHER, "rt.txt")
    total = _fund(e, "年度资金总额")
    assert (total.budget.value, total.actual.value) == (Decimal(200), Decimal("190.00"))
    assert (total.weight.value, total.score.value) == (Decimal(10), Decimal("9.5"))
    pond = _ind(e, "整治山塘数量")
    assert (pond.target.text, pond.actual.text) == ("≥8座", "8座")
    assert (pond.weight.value, pond.score.value) == (Decimal(45), Decimal(45))
    assert e.project is not None and e.project.text == "汀湄县山塘整治项目"
    assert e.unit is not None and e.unit.text == "汀湄县水利工程管理站"


def test_a_fund_header_naming_one_role_twice_does_not_crash() -> None:
    # 分值 权重 printed as two columns (or one the cutter splits in two): the search over the
    # cuts kept one value per role and crashed (KeyError) when a role came back
    from jixiao.extract.runtogether import split_fund_values
    from jixiao.extract.vocab import Role

    roles = (Role.BUDGET, Role.SPENT, Role.RATE, Role.WEIGHT, Role.WEIGHT, Role.SCORE)
    got = split_fund_values("200190.0095.00%10109.5", roles, complete=True)
    assert got is not None and got[:3] == ("200", "190.00", "95.00%")


def test_a_section_label_with_its_money_unit_opens_the_fund_block() -> None:
    # 部门整体资金（万元）: the whole label is the section (the unit's name keeps no 部门), and
    # the fund rows under it are read
    text = """\
部门整体支出绩效自评表（2020年度）
部门（单位）名称沅坪区卫生健康局
部门整体资金（万元）年初预算数全年预算数全年执行数执行率分值得分
资金总额300.00320.00304.0095.00%109.5
基本支出200.00200.00190.0095.00%//
项目支出100.00120.00114.0095.00%//
"""
    e = jixiao.read_text(text, "dept-rt.txt")
    assert e.unit is not None and e.unit.text == "沅坪区卫生健康局"
    total = _fund(e, "资金总额")
    assert (total.budget.value, total.actual.value) == (Decimal("320.00"), Decimal("304.00"))


def test_a_sample_of_the_variant_sets_holds_its_floor(tmp_path) -> None:
    # one form per variant set and layout (bench/label_variants.py): no crash, the grid and
    # stream layouts read every set ≥ 0.95, run-together text (weaker: glued 定性 and text
    # columns) ≥ 0.8 over all sets
    import importlib
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    label_variants = importlib.import_module("label_variants")
    made = label_variants.build(1, 5, tmp_path, label_variants.SET_NAMES)
    per, _, _ = label_variants.evaluate(tmp_path, made)
    assert per["crashes"][0] == 0
    for key, (right, counted) in per.items():
        if key.startswith("cell:") and not key.endswith("/run_together"):
            assert right / counted >= 0.95, key
    right, counted = per["layout:run_together"]
    assert right / counted >= 0.8


def test_run_together_rows_under_a_nature_column() -> None:
    # the 四川 form's 指标性质 column glued to the name: 定性 before a value in words ends the
    # name (it was read as the name's end, 群众就医条件定性); 稳定性 keeps its 定性
    text = """\
部门预算项目支出绩效自评表（2023年度）
项目名称澄湖县乡镇卫生院设备更新
主管部门澄湖县卫生健康局
预算执行情况（10分）年初预算调整后预算数预算执行数预算执行率权重得分
总额120.00120.00114.0095.00%109.5
其中：财政资金120.00120.00114.0095.00%//
绩效指标（90分）一级指标二级指标三级指标指标性质指标值度量单位完成值权重得分未完成原因分析
产出指标数量指标新增设备数量≥20台223030
质量指标系统运行稳定性≥99%993030
效益指标社会效益指标群众就医条件定性明显改善明显改善3027部分工作延后
"""
    e = jixiao.read_text(text, "sc-rt.txt")
    count = _ind(e, "新增设备数量")
    assert count.operator is not None and count.operator.value == "≥"
    assert (count.target.text, count.unit) == ("20", "台")
    assert _ind(e, "系统运行稳定性").weight.value == Decimal(30)
    care = _ind(e, "群众就医条件")
    assert care.operator is not None and care.operator.value == "定性"
    assert (care.target.text, care.actual.text) == ("明显改善", "明显改善")
    assert (care.weight.value, care.score.value) == (Decimal(30), Decimal(27))


def test_run_together_labels_starting_with_project() -> None:
    # 项目主管单位 after a name ending in 项目 (…服务项目项目主管单位…: no name ends in 项目项目);
    # 项目执行单位, whose rest is no label of its own, wherever it stands
    text = """\
项目支出绩效自评表（2020年度）
项目名称漾冈市老年助餐服务项目
项目主管单位漾冈市民政局
项目执行单位漾冈市养老服务中心
项目资金（万元）年初预算数全年预算数全年执行数执行率分值得分
年度资金总额100.00100.0095.0095.00%109.5
"""
    e = jixiao.read_text(text, "rt-project.txt")
    assert e.project is not None and e.project.text == "漾冈市老年助餐服务项目"
    assert e.supervisor is not None and e.supervisor.text == "漾冈市民政局"
    assert e.unit is not None and e.unit.text == "漾冈市养老服务中心"
