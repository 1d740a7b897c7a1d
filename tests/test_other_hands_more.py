"""The third batch of shapes by other hands (``bench/other_hands_text.py --shapes more``): each
mechanism in small invented text, and a sample of the set held to a floor."""

from __future__ import annotations

import importlib
import sys
from decimal import Decimal
from pathlib import Path

from reading_helpers import indicator_named as _ind
from reading_helpers import printed_values as _values

from jixiao import read_text
from jixiao.extract.rate_fraction import rate_from_fraction
from jixiao.extract.values import looks_like_value
from jixiao.extract.vocab import Role, column_role
from jixiao.model import Num
from jixiao.readers.text.broken_rows import join_broken_rows
from jixiao.readers.text.markup import strip_markup
from jixiao.readers.text.single_spaced import cell_row, single_spaced_text

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

other_hands = importlib.import_module("other_hands_text")


# -- Markdown written by an HTML-to-Markdown converter -------------------------------------

_MARKDOWN = (
    "### 2022年度项目支出绩效自评表\n"
    "\n"
    "| **项目名称** | 2022年青石镇<br>路灯安装项目 |  |  |  |  |  |\n"
    "| :--- | :--- | :--- | :--- | :--- | :--- | :--- |\n"
    "| **项目资金（万元）** |  | **全年预算数** | **全年执行数** | **执行率** | **分值** | **得分** |\n"
    "|  | 年度资金总额 | 60 | 57 | 95.00% | 10 | 9.5 |\n"
    "| 年度总体目标 | 完成路灯安装\\|完成验收 |  |  |  |  |  |\n"
    "| **一级指标** | **二级指标** | **三级指标** | **指标值** | **完成值** | **分值** | **得分** |\n"
    "| 产出指标 | 数量指标 | 新装<br/>路灯数量 | ≥120盏 | 126盏 | 45 | 45 |\n"
    "| 效益指标 | 社会效益指标 | 夜间出行<br />安全状况 | 明显改善 | 明显改善 | 45 | 40 |\n"
)


def test_markdown_marks_go_and_line_numbers_stay() -> None:
    out = strip_markup(_MARKDOWN)
    assert out.count("\n") == _MARKDOWN.count("\n")
    assert "**" not in out and "<br" not in out and not out.startswith("#")
    assert "完成路灯安装｜完成验收" in out  # an escaped bar is no separator


def test_a_markdown_table_reads_like_a_pipe_table() -> None:
    e = read_text(_MARKDOWN)
    assert e.project is not None and e.project.text == "2022年青石镇路灯安装项目"
    fund = e.funds[0]
    assert (fund.budget.value, fund.actual.value, fund.score.value) == (
        Decimal(60),
        Decimal(57),
        Decimal("9.5"),
    )
    assert _values(_ind(e, "新装路灯数量")) == ("≥120盏", "126盏", Decimal(45), Decimal(45))
    assert _values(_ind(e, "夜间出行安全状况"))[3] == Decimal(40)


def test_text_without_markup_is_left_alone() -> None:
    text = "项目名称\t东湖公园改造\n得分说明：满分*为*100分\n"
    assert strip_markup(text) == text


# -- one space between cells -----------------------------------------------------------------

_SINGLE = (
    "项目支出绩效自评表（2021年度）\n"
    "项目名称 石门村饮水工程\n"
    "项目资金（万元） 全年预算数 全年执行数 执行率 分值 得分\n"
    "年度资金总额 80 72 90.00% 10 9\n"
    "一级指标 二级指标 三级指标 计量单位 指标值 完成值 分值 得分\n"
    "产出指标 数量指标 新建蓄水池 座 ≥4 4 30 30\n"
    "时效指标 完工时间 月 ≤10 10 30 30\n"
    "效益指标 社会效益指标 饮水条件 有效改善 有效改善 30 27\n"
)


def test_single_spaced_text_is_told_from_laid_out_text() -> None:
    lines = _SINGLE.split("\n")
    assert single_spaced_text(lines)
    assert not single_spaced_text([ln.replace(" ", "   ") for ln in lines])
    assert cell_row("时效指标 完工时间 月 ≤10 10 30 30")  # 月 is a unit cell here
    assert not cell_row("填报日期 2021 年 4 月 22 日")  # a date printed with spaces
    assert not cell_row("产出指标 数量指标 88 100 ; 质量指标 88 100")  # parts its own items
    assert not cell_row("Problems a reviewer should flag: no names at all")  # a note in English


def test_single_spaced_header_and_label_rows_are_split() -> None:
    e = read_text(_SINGLE)
    assert e.project is not None and e.project.text == "石门村饮水工程"
    assert _values(_ind(e, "新建蓄水池")) == ("≥4", "4", Decimal(30), Decimal(30))
    # a row whose merged 一级 vanished, and a qualitative row whose unit cell is blank
    done = _ind(e, "完工时间")
    assert done.unit == "月" and _values(done) == ("≤10", "10", Decimal(30), Decimal(30))
    assert _values(_ind(e, "饮水条件")) == ("有效改善", "有效改善", Decimal(30), Decimal(27))


# -- rates and weights as some pages print them -------------------------------------------------


def test_a_rate_printed_as_a_fraction_is_read_when_the_arithmetic_says_so() -> None:
    b, s = Num(Decimal(80)), Num(Decimal(72))
    whole = rate_from_fraction(Num(Decimal("0.9"), "0.9"), b, s)
    assert whole is not None and whole.value == Decimal(90)
    assert rate_from_fraction(Num(Decimal(90), "90"), b, s) is None  # 90 without its sign
    assert rate_from_fraction(Num(Decimal("0.9"), "0.9%"), b, s) is None  # printed as 0.9%
    assert rate_from_fraction(Num(Decimal("0.5"), "0.5"), b, s) is None  # nothing confirms it
    assert rate_from_fraction(Num(Decimal("0"), "0"), Num(Decimal(0)), Num(Decimal(0))) is None


def test_fraction_rates_and_weights_as_shares_in_a_form() -> None:
    text = (
        "项目名称\t南岸堤防加固\n"
        "项目资金（万元）\t\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
        "\t年度资金总额\t250\t225\t0.9\t10%\t9\n"
        "\t其中：财政拨款\t200\t180\t0.9\t/\t/\n"
        "一级指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分\n"
        "产出指标\t数量指标\t加固堤段\t≥3公里\t3.2公里\t45%\t45\n"
        "效益指标\t社会效益指标\t防洪能力\t明显提升\t明显提升\t45%\t42\n"
    )
    e = read_text(text)
    assert [f.rate.value for f in e.funds] == [Decimal(90), Decimal(90)]
    assert any("执行率印作小数" in n for n in e.notes)
    assert _values(_ind(e, "加固堤段"))[2:] == (Decimal(45), Decimal(45))


def test_a_short_fund_row_with_a_bare_rate_is_placed_by_its_arithmetic() -> None:
    from jixiao.extract.values import fit_fund

    roles = [Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE, Role.WEIGHT, Role.SCORE]
    assert fit_fund(["90", "90", "81", "90.00"], roles) == [0, 1, 2, 3]
    assert fit_fund(["90", "90", "81", "0.9"], roles) == [0, 1, 2, 3]
    assert fit_fund(["90", "90", "81", "50"], roles) is None  # nothing confirms a placement


def test_a_weight_share_in_a_short_spaced_row() -> None:
    text = (
        "项目名称  南岸堤防加固\n"
        "一级指标  二级指标  三级指标  计量单位  指标值  完成值  分值  得分\n"
        "产出指标  数量指标  加固堤段  公里  ≥3  3.2  45%  45\n"
        "效益指标  社会效益指标  防洪能力  明显提升  明显提升  45%  42\n"
    )
    e = read_text(text)
    assert _values(_ind(e, "防洪能力")) == ("明显提升", "明显提升", Decimal(45), Decimal(42))


def test_a_rate_in_a_fund_row_is_never_a_weight_share() -> None:
    from jixiao.extract.values import align

    fund = [Role.INITIAL, Role.BUDGET, Role.SPENT, Role.WEIGHT, Role.RATE, Role.SCORE]
    assert align(["1300", "1286.63", "97.96%"], fund)[2] == 4  # the 执行率, not the 分值
    # a blank holding a place: read by position only where every value fits its column
    short = [Role.BUDGET, Role.SPENT, Role.WEIGHT, Role.RATE, Role.SCORE]
    assert align(["1300", "1286.63", "97.96%", "/"], short)[2] == 3
    indicator = [Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE]
    assert align(["≥90%", "95%", "10%", "10"], indicator) == [0, 1, 2, 3]


def test_a_weight_share_is_never_read_without_a_header_or_beside_percentages() -> None:
    from jixiao.extract.short_rows import place_short_row
    from jixiao.extract.values import infer_indicator_roles

    assert infer_indicator_roles(["明显提升", "明显提升", "10%", "10"]) == ([None] * 4, False)
    columns = [Role.UNIT, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE]
    assert place_short_row(["≥90%", "95%", "10"], columns) is None
    assert place_short_row(["明显提升", "明显提升", "10%", "10"], columns) == ([1, 2, 3, 4], [])


def test_a_headerless_fund_row_with_nothing_in_it() -> None:
    from jixiao.extract.values import infer_fund_roles

    roles, unread = infer_fund_roles(["0", "0", "0", "0%", "/", "/"])
    assert roles[:4] == [Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE] and unread == []
    assert infer_fund_roles(["0", "3", "0%"])[0] == [None, None, None]  # 3 ÷ 0 is no 0%


# -- cut inside a header row -------------------------------------------------------------------


def test_a_header_cut_at_its_start_stands_over_the_last_columns() -> None:
    from jixiao.readers.text.cut_header import pad_cut_header

    lines = [
        "| 执行数 | 执行率 | 权重 | 得分 |",
        "|  | 资金总额 | 60 | 57 | 95.00% | 10 | 9.5 |",
        "|  | 其中：财政拨款 | 50 | 47 | 94.00% | / | / |",
    ]
    out = pad_cut_header(lines, "|")
    assert out[0] == "|  |  |  | 执行数 | 执行率 | 权重 | 得分 |" and out[1:] == lines[1:]
    tabs = [
        "际得分\t备注",
        "\t质量指标\t合格率\t%\t15\t≥90\t93\t13.5\t",
        "\t\t及时率\t%\t15\t≥90\t95\t15\t",
    ]
    assert pad_cut_header(tabs, "\t") == tabs  # one column name left: nothing to stand on
    whole = ["项目支出绩效自评表", *lines]
    assert pad_cut_header(whole, "|") == whole  # not the start of the excerpt


# -- numbered names ------------------------------------------------------------------------------


def test_a_numbered_name_is_no_measure() -> None:
    assert not looks_like_value("3.绩效目标合理性")
    assert looks_like_value("1、部门预算项目")  # options in a stream, as before
    assert not looks_like_value("⑫受益群众满意度")
    assert looks_like_value("12月底前") and looks_like_value("1.5万元")


def test_numbered_names_in_short_spaced_rows() -> None:
    text = (
        "一级指标  二级指标  三级指标  分值  指标值  完成值  得分  偏差原因\n"
        "产出指标  数量指标  ①修缮校舍  20  ≥5所  5所  20\n"
        "②更新课桌椅  20  ≥300套  280套  18  部分到货延迟\n"
        "效益指标  社会效益指标  ⑪办学条件  20  明显改善  明显改善  20\n"
    )
    e = read_text(text)
    assert _values(_ind(e, "更新课桌椅")) == ("≥300套", "280套", Decimal(20), Decimal(18))
    assert _ind(e, "办学条件").score.value == Decimal(20)


def test_a_headerless_row_with_its_unit_before_the_values() -> None:
    from jixiao.extract.values import infer_indicator_roles

    roles, confirmed = infer_indicator_roles(["%", "15", "≥90", "93", "13.5", "部分延后"])
    assert confirmed and roles[:5] == [
        Role.UNIT,
        Role.WEIGHT,
        Role.TARGET,
        Role.ACTUAL,
        Role.SCORE,
    ]
    roles, confirmed = infer_indicator_roles(["个", "≥90", "93", "15", "13.5"])
    assert confirmed and roles == [Role.UNIT, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE]


def test_full_width_figures_read_whole() -> None:
    text = (
        "2021年度项目支出绩效自评表\n"
        "| 项目名称 | 北坡水库除险加固 |\n"
        "| 项目资金（万元） |  | 年初预算 | 调整后预算数 | 执行数 | 标准分 | 执行率 | 得分 |\n"
        "|  | 资金总额 | ４１１．０１ | ４１１．０１ | ４１１．０１ | 10 | １００．００％ | １０ |\n"
        "|  | 其中：财政拨款 | ２８７．７１ | 287.71 | 287.71 |  | １００．００％ |  |\n"
        "|  | 上年结转资金 | １２３．３ | １２３．３ | １２３．３ |  | １００．００％ |  |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |\n"
        "| 产出指标 | 数量指标 | 加固坝段 | ≥１２０米 | １２６米 | ９０ | ９０ |\n"
    )
    e = read_text(text)
    # texts stay as printed; figures are read whole (２８７．７１ was cut into 2 and 87.71)
    assert _values(_ind(e, "加固坝段")) == ("≥１２０米", "１２６米", Decimal(90), Decimal(90))
    got = [(f.initial_budget.value, f.budget.value, f.actual.value) for f in e.funds[1:3]]
    assert got == [(Decimal("287.71"),) * 3, (Decimal("123.3"),) * 3]


# -- a browser's copy: rows broken by a cell's line break --------------------------------------

_BROKEN = (
    "项目名称\t西河村道路硬化\n"
    "一级指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分\n"
    "产出指标\t数量指标\t硬化村内\n"
    "道路里程\t≥2公里\t2.1公里\t50\t50\n"
    "\t时效指标\t完工时间\t≤10月\t10月\t20\t20\n"
    "效益指标\t社会效益指标\t群众出行\n"
    "条件\t明显\n"
    "改善\t明显改善\t20\t18\n"
)


def test_the_halves_of_a_broken_row_are_joined_and_lines_kept() -> None:
    lines = _BROKEN.split("\n")
    out = join_broken_rows(lines)
    assert len(out) == len(lines)
    assert out[2] == "产出指标\t数量指标\t硬化村内道路里程\t≥2公里\t2.1公里\t50\t50"
    assert out[3] == ""
    assert out[4] == lines[4]  # a row of its own starting with its merged, empty first cell
    assert out[5].startswith("效益指标\t社会效益指标\t群众出行条件\t明显改善\t")


def test_short_rows_that_do_not_add_up_stay_apart() -> None:
    lines = [
        "一级\t二级\t三级\t指标值\t完成值\t分值\t得分",
        "年度总体目标\t预期目标",
        "完成建设\t已完成",
    ]
    assert join_broken_rows(lines) == lines  # 1 + 1 tabs ≠ 6


def test_a_table_broken_inside_cells_reads_whole() -> None:
    e = read_text(_BROKEN)
    assert _values(_ind(e, "硬化村内道路里程")) == ("≥2公里", "2.1公里", Decimal(50), Decimal(50))
    assert _values(_ind(e, "群众出行条件")) == ("明显改善", "明显改善", Decimal(20), Decimal(18))
    assert _ind(e, "完工时间").level1.text == "产出指标"


# -- units in the header cells -------------------------------------------------------------------


def test_a_header_with_its_cells_unit_keeps_its_role() -> None:
    from jixiao.textnorm import label_key

    assert column_role(label_key("分值（分）")) == Role.WEIGHT
    assert column_role(label_key("自评得分(分)")) == Role.SCORE
    assert column_role(label_key("年初数（万元）")) == Role.INITIAL
    assert column_role(label_key("资金总额（万元）")) is None  # a fund line, not a column


# -- the generator -------------------------------------------------------------------------------


def test_default_run_is_unchanged_by_the_third_batch(tmp_path: Path) -> None:
    made = other_hands.build(7, 11, tmp_path)
    assert [v["layout"] for _, v in made] == list(other_hands.LAYOUTS)


def test_sample_of_the_third_batch_reads_at_todays_level(tmp_path: Path) -> None:
    # two forms per shape (seed 11)
    made = other_hands.build(26, 11, tmp_path, "more")
    total, per, _, _ = other_hands.evaluate(tmp_path, made)
    assert total[0] / total[1] >= 0.97
    for shape in other_hands.MORE_SHAPES:
        right, counted = per[("layout", shape)]
        assert right / counted >= 0.93, shape
