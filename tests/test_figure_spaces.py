"""Words run together, figures between single spaces (PDF text copied from document-sharing
and mirror sites): jixiao/extract/figure_spaces.py. Invented forms."""

from __future__ import annotations

from decimal import Decimal

from reading_helpers import indicator_named, printed_values

from jixiao import read_text
from jixiao.extract.figure_spaces import fence, leading_figures, spaced_figures
from jixiao.readers.text import parse_text
from jixiao.textnorm import label_key

FORM = """2023年度项目支出绩效自评表
项目名称乡镇图书室更新补助主管部门某县文化旅游局实施单位某县图书馆
项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分
年度资金总额 48.00 46.50 44.20 10 95.05% 9.51
其中：当年财政拨款 48.00 46.50 44.20 － 95.05% －
一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施
产出指标数量指标更新图书册数≥3000册3150册 25 25
图书室覆盖村数不少于18个16个 20 17.78 两个村图书室搬迁未完成
时效指标图书上架时间≤10月9月 15 15
效益指标社会效益指标借阅人次≥2000人次2240人次 20 20
满意度指标服务对象满意度指标读者满意度≥90% 94% 10 10
总分 100 96.29
"""

# an excerpt cut at the start of its table (no header), one weight per row, as copies print it
EXCERPT = (
    "产出指标数量指标巡查次数≥24次 22.5 整改闭环率=100% 22.5 时效指标报送及时率≥95% 22.5 "
    "效益指标社会效益指标隐患减少比例≥10% 22.5 合计100 评价结论按期完成。存在问题无改进措施无"
)


def test_the_layout_is_run_together_not_single_spaced():
    assert parse_text(FORM, "f.txt").layout == "other"
    assert parse_text(EXCERPT, "e.txt").layout == "other"


def test_rows_cut_at_the_printed_spaces():
    e = read_text(FORM, "f.txt")
    assert printed_values(indicator_named(e, "更新图书册数")) == (
        "≥3000册",
        "3150册",
        Decimal("25"),
        Decimal("25"),
    )
    # 17.78 stays one figure (not 17.7 | 8), the reason after it is no indicator
    villages = indicator_named(e, "图书室覆盖村数")
    assert printed_values(villages) == ("不少于18个", "16个", Decimal("20"), Decimal("17.78"))
    assert printed_values(indicator_named(e, "读者满意度")) == (
        "≥90%",
        "94%",
        Decimal("10"),
        Decimal("10"),
    )
    assert len(e.indicators) == 5
    assert e.total_weight.value == Decimal("100") and e.total_score.value == Decimal("96.29")


def test_fund_figures_between_spaces():
    e = read_text(FORM, "f.txt")
    total = e.funds[0]
    assert (total.initial_budget.value, total.budget.value, total.actual.value) == (
        Decimal("48.00"),
        Decimal("46.50"),
        Decimal("44.20"),
    )
    assert total.rate.value == Decimal("95.05") and total.score.value == Decimal("9.51")


def test_an_excerpt_without_header_keeps_each_spaced_figure_whole():
    e = read_text(EXCERPT, "e.txt")
    names = [i.name.text for i in e.indicators]
    assert names == ["巡查次数", "整改闭环率", "报送及时率", "隐患减少比例"]
    for ind in e.indicators:
        assert ind.weight is not None and ind.weight.value == Decimal("22.5")  # not 2 | 2.5
    assert indicator_named(e, "巡查次数").target.text == "≥24次"


def test_a_single_spaced_table_is_not_taken_for_it():
    single = (
        "产出指标 数量指标 巡查次数 ≥24次 26次 20 20 时效指标 报送及时率 ≥95% 97% 10 10 "
        "效益指标 社会效益指标 隐患减少比例 ≥10% 12% 20 20"
    )
    assert not spaced_figures(single)
    assert not spaced_figures("产出指标数量指标巡查次数≥24次26次2020时效指标报送及时率")


TOLD_WITH_SPACED_UNITS = """关于2023年度乡村道路养护项目绩效自评情况的报告
一、项目概况
某县交通运输局按要求开展了乡村道路养护项目绩效自评。
二、项目资金使用情况
项目全年预算资金3208400 元，到位资金3208400 元，资金到位率为100 %。
全年实际支出3150000 元，预算执行率为98.18 %。
三、绩效指标完成情况
（一）各项指标完成情况
养护里程（数量指标）：年度指标值120 公里，完成值126 公里。
道路完好率（质量指标）：目标值不低于90 %，完成值93 %。
群众满意度（满意度指标）：目标值不低于85 %，完成值91 %。
"""


def test_a_report_printing_a_space_before_units_is_prose():
    """Spaces before a unit or a percent sign (3208400 元, 100 %) are inside one figure: a
    report that prints its amounts so, with a few 指标 glued to words, is told in sentences."""
    assert not spaced_figures(TOLD_WITH_SPACED_UNITS)
    assert parse_text(TOLD_WITH_SPACED_UNITS, "told.txt").layout == "prose"
    e = read_text(TOLD_WITH_SPACED_UNITS, "told.txt")
    assert e.project is not None and "乡村道路养护" in e.project.text


def test_fence_marks_spaces_and_bare_figures():
    f = fence("名称≥5次 12.5 10")
    assert f is not None and f.text == "名称≥5次12.510"
    assert f.bounds == frozenset({5, 9})
    assert f.cuts_figure(7) and not f.cuts_figure(9)
    assert leading_figures("100 96.29 评价结论", 2) == (("100", "96.29"), 9)
    assert leading_figures("100", 2) is None


def test_a_template_slot_label_run_into_the_name_is_numbering():
    assert label_key("指标1工程验收合格率") == "工程验收合格率"
    assert label_key("指标2项目完成及时率") == "项目完成及时率"
    assert label_key("指标2") == "指标2"  # an empty slot stays a placeholder
    assert label_key("指标3项") == "指标3项"



def test_a_column_label_inside_a_names_brackets_stays_in_the_name():
    text = (
        "2022年度项目支出绩效自评表\n"
        "一级指标二级指标三级指标年度指标值实际完成值分值得分\n"
        "产出指标成本指标经费节约率(计算方法为:节约额/预算数)≥3%4%2020"
        "时效指标任务完成时间≤11月11月2020总分4040\n"
    )
    e = read_text(text, "b.txt")
    saving = indicator_named(e, "经费节约率(计算方法为:节约额/预算数)")
    assert printed_values(saving) == ("≥3%", "4%", Decimal("20"), Decimal("20"))


def test_the_generated_shape_reads_back():
    """bench/grid_text.py ``other-spaced`` (measured with ``layout_robustness.py --damage
    --layouts other-spaced``): generated forms printed with words run together and figures
    between spaces read back (0.984 undamaged on this sample; main's reader before rw3 0.179)."""
    import importlib
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    robustness = importlib.import_module("layout_robustness")
    score, _ = robustness.damage_run(2, 1, ["other-spaced"], "dept,proj,frame", ["none", "ocr"])
    for name, floor in (("none", 0.97), ("ocr", 0.94)):
        right, counted = score[("other-spaced", name)]
        assert counted > 400
        assert right / counted >= floor, (name, round(right / counted, 3))
