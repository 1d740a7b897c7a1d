"""The new shapes of ``bench/other_hands_text.py --shapes new``: each mechanism in small
invented text, and a sample of the set held to a floor."""

from __future__ import annotations

import importlib
import sys
from decimal import Decimal
from pathlib import Path

from reading_helpers import indicator_named as _ind
from reading_helpers import printed_values as _values

from jixiao import read_text

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

other_hands = importlib.import_module("other_hands_text")


_CSV = (
    "项目名称,东坡村污水管网改造,,,,,,\n"
    "项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分\n"
    ",年度资金总额,40,50,45,10,90.00%,9\n"
    "绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n"
    ",产出指标,数量指标,新建管网,≥3公里,3.2公里,30,30\n"
    ',,质量指标,"验收合格率,抽检",≥95%,96%,30,28\n'
    ",效益指标,社会效益指标,污水直排,明显减少,明显减少,30,30\n"
)


def test_a_form_saved_as_csv_is_read_row_by_row() -> None:
    e = read_text(_CSV)
    fund = e.funds[0]
    assert (fund.budget.value, fund.actual.value, fund.rate.value) == (
        Decimal(50),
        Decimal(45),
        Decimal(90),
    )
    # a quoted cell keeps its comma; an empty leading cell is the merged 一级
    ind = _ind(e, "验收合格率,抽检")
    assert ind.level1.text == "产出指标"
    assert _values(ind) == ("≥95%", "96%", Decimal(30), Decimal(28))
    assert any("CSV" in n for n in e.notes)


def test_semicolon_separated_export_is_read_too() -> None:
    e = read_text(_CSV.replace('"验收合格率,抽检"', "验收合格率").replace(",", ";"))
    assert _values(_ind(e, "新建管网")) == ("≥3公里", "3.2公里", Decimal(30), Decimal(30))


def test_sentences_with_commas_are_no_csv() -> None:
    text = (
        "项目名称：东坡村污水管网改造\n"
        "全年预算数50万元，全年执行数45万元，执行率90%。\n"
        "绩效指标方面，产出指标、效益指标, 满意度指标均已完成, 分值, 得分见附表。\n"
        "一是加强管理, 二是强化监督, 三是完善制度。\n"
        "下一步, 我们将继续推进, 确保实效。\n"
    )
    from jixiao.readers.text.separators import separated_lines

    assert separated_lines(text.split("\n")) is None


_FORM = (
    "{title}\n"
    "项目名称\t{name}\n"
    "项目资金（万元）\t\t全年预算数\t全年执行数\t执行率\n"
    "\t年度资金总额\t{n}\t{n}\t100%\n"
    "\t其中：当年财政拨款\t{n}\t{n}\t100%\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "\t产出指标\t数量指标\t{ind}\t≥{n}个\t{n}个\t50\t{score}\n"
    "\t效益指标\t社会效益指标\t群众出行\t明显改善\t明显改善\t50\t50\n"
)


def test_a_second_form_in_the_document_is_not_mixed_into_the_first() -> None:
    first = _FORM.format(
        title="2022年度项目支出绩效自评表", name="西岭桥梁维修", ind="维修桥梁", n=4, score=50
    )
    second = _FORM.format(
        title="2022年度项目支出绩效自评表", name="北湾路灯安装", ind="安装路灯", n=80, score=45
    )
    e = read_text(first + "\n" + second)
    assert e.project.text == "西岭桥梁维修"
    assert [i.name.text for i in e.indicators] == ["维修桥梁", "群众出行"]
    assert any("另一张自评表" in n and "北湾路灯安装" in n for n in e.notes)


def test_one_form_whose_header_block_is_printed_again_is_one_form() -> None:
    page = _FORM.format(
        title="2022年度项目支出绩效自评表", name="西岭桥梁维修", ind="维修桥梁", n=4, score=50
    )
    again = _FORM.format(
        title="2022年度项目支出绩效自评表", name="西岭桥梁维修", ind="加固桥墩", n=6, score=40
    )
    e = read_text(page + "\n" + again.replace("群众出行", "通行安全"))
    assert "维修桥梁" in {i.name.text for i in e.indicators}
    assert not any("另一张自评表" in n for n in e.notes)


def test_grades_in_the_score_column_leave_the_score_empty_with_a_note() -> None:
    text = (
        "项目名称\t南川渠道清淤\n"
        "项目资金（万元）\t\t全年预算数\t全年执行数\t执行率\n"
        "\t年度资金总额\t20\t20\t100%\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "\t产出指标\t数量指标\t清淤长度\t≥8公里\t8公里\t40\t优\n"
        "\t产出指标\t质量指标\t验收合格率\t≥90%\t85%\t30\t良\n"
        "\t效益指标\t社会效益指标\t灌溉条件\t有效改善\t有效改善\t30\t优\n"
    )
    e = read_text(text)
    assert [i.name.text for i in e.indicators] == ["清淤长度", "验收合格率", "灌溉条件"]
    assert _values(_ind(e, "验收合格率")) == ("≥90%", "85%", Decimal(30), None)
    assert sum("等级" in n for n in e.notes) == 3


def test_spaced_header_whose_cells_wrap_onto_a_second_line() -> None:
    text = (
        "绩效      一级          二级          指标              年度指      实际完      分值   得分\n"
        "指标                                  名称              标值        成值\n"
        "          产出指标      数量指标      培训农民          ≥300人次    320人次     40     40\n"
        "          产出指标      质量指标      考核合格率        ≥90%        92%         30     30\n"
        "          效益指标      社会效益指标  务工收入          稳步提高    稳步提高    30     27\n"
    )
    e = read_text(text)
    assert e.layout == "spaced"
    assert _values(_ind(e, "培训农民")) == ("≥300人次", "320人次", Decimal(40), Decimal(40))
    assert _values(_ind(e, "务工收入")) == ("稳步提高", "稳步提高", Decimal(30), Decimal(27))


_PROSE = (
    "2023年度石桥镇敬老院改造项目绩效自评报告\n"
    "一、项目概况\n"
    "项目名称：石桥镇敬老院改造项目\n"
    "二、资金使用情况\n"
    "年度资金总额：年初预算数为60万元，全年预算数为64万元，全年执行数为48万元，执行率75%。\n"
    "三、绩效指标完成情况\n"
    "（一）产出指标\n"
    "数量指标：改造床位，年度指标值≥40张，实际完成值42张，分值30分，得分30分。\n"
    "质量指标：消防验收合格率，目标值100%，实际值100%，分值30分，得分30分。\n"
    "（二）满意度指标\n"
    "入住老人满意度：年度指标值≥90%，实际完成值88%，分值40分，得分36分。\n"
    "四、下一步工作\n"
    "继续做好管护工作，提高服务水平。\n"
)


def test_rows_stated_field_by_field_in_sentences_are_read() -> None:
    e = read_text(_PROSE)
    fund = e.funds[0]
    assert fund.label.text == "年度资金总额"
    assert (fund.initial_budget.value, fund.budget.value, fund.actual.value, fund.rate.value) == (
        Decimal(60),
        Decimal(64),
        Decimal(48),
        Decimal(75),
    )
    bed = _ind(e, "改造床位")
    assert (bed.level1.text, bed.level2.text) == ("产出指标", "数量指标")
    assert _values(bed) == ("≥40张", "42张", Decimal(30), Decimal(30))
    old = _ind(e, "入住老人满意度")
    assert old.level2 is None and old.level1.text == "满意度指标"
    assert _values(old) == ("≥90%", "88%", Decimal(40), Decimal(36))


def test_a_sentence_that_does_not_tie_every_figure_to_a_column_gives_nothing() -> None:
    from jixiao.extract.prose_lines import ProseLine
    from jixiao.extract.prose_stated import stated_rows
    from jixiao.model import Location

    def lines(*texts):
        return [ProseLine(t, Location("x.txt", n + 1)) for n, t in enumerate(texts)]

    # a column named twice, a clause with a figure of no column, two names, 得分 > 分值
    funds, inds = stated_rows(
        lines(
            "年度资金总额：全年预算数64万元，全年预算数60万元，执行率75%。",
            "年度资金总额：全年预算数64万元，其中追加4万元，执行率75%。",
            "数量指标：改造床位，新增护理床，年度指标值≥40张，实际完成值42张。",
            "数量指标：改造床位，年度指标值≥40张，分值30分，得分35分。",
        )
    )
    assert funds == () and inds == ()


def test_run_together_rows_with_a_unit_column_and_bounds_after_figures() -> None:
    text = (
        "项目名称西岭桥梁维修项目\n"
        "项目资金（万元）全年预算数全年执行数执行率分值得分\n"
        "年度资金总额60.5048.4080.00%108\n"
        "其中：当年财政拨款60.5048.4080.00%\n"
        "绩效指标一级指标二级指标三级指标计量单位年度指标值实际完成值分值得分\n"
        "产出指标数量指标维修桥梁座不低于465050\n"
        "产出指标时效指标完工时间月不晚于10102020\n"
        "效益指标社会效益指标通行条件有效改善有效改善3027\n"
    )
    e = read_text(text)
    assert e.layout == "other"
    bridge = _ind(e, "维修桥梁")
    assert bridge.unit == "座"
    assert _values(bridge) == ("不低于4", "6", Decimal(50), Decimal(50))


def test_a_bound_after_a_figure_ends_the_target_in_run_together_text() -> None:
    text = (
        "项目名称北湾路灯安装项目\n"
        "项目资金（万元）全年预算数全年执行数执行率分值得分\n"
        "年度资金总额30.2030.20100.00%1010\n"
        "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分\n"
        "产出指标数量指标安装路灯80个以上86个4040\n"
        "产出指标时效指标完工时间11月底前11月3030\n"
        "效益指标社会效益指标夜间出行明显改善明显改善3030\n"
    )
    e = read_text(text)
    assert _values(_ind(e, "安装路灯")) == ("80个以上", "86个", Decimal(40), Decimal(40))
    assert _values(_ind(e, "完工时间")) == ("11月底前", "11月", Decimal(30), Decimal(30))


def test_default_run_is_unchanged_by_the_new_shapes(tmp_path: Path) -> None:
    made = other_hands.build(7, 11, tmp_path)
    assert [v["layout"] for _, v in made] == list(other_hands.LAYOUTS)


def test_sample_of_the_new_shapes_reads_at_todays_level(tmp_path: Path) -> None:
    # two forms per shape (seed 11); run-together text has ambiguous bare figures
    made = other_hands.build(22, 11, tmp_path, "new")
    total, per, _, _ = other_hands.evaluate(tmp_path, made)
    assert total[0] / total[1] >= 0.95
    for shape in other_hands.NEW_SHAPES:
        right, counted = per[("layout", shape)]
        assert right / counted >= (0.8 if shape == "run_together" else 0.93), shape
