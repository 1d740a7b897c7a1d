"""Scoring formulas against hand-computed cases, with the edges."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import jixiao
from jixiao.measure import parse_measure
from jixiao.model import (
    Evaluation,
    FundGroup,
    FundLine,
    FundRow,
    Grade,
    Indicator,
    Kind,
    Num,
    Operator,
    Text,
)
from jixiao.profiles import ReverseFormula, load_profile
from jixiao.scoring import (
    BandLevel,
    LineKind,
    Status,
    execution_score,
    indicator_score,
    quantitative_score,
    score_evaluation,
    to_dict,
)
from jixiao.serialize import dump_value, dumps, loads

D = Decimal
SHARED = Path(__file__).parents[1].parent / "shared"


def num(value: str | int | None) -> Num | None:
    return None if value is None else Num(D(str(value)), str(value))


def ind(
    target: str | None,
    actual: str | None,
    weight: str | int | None = 10,
    score: str | int | None = None,
    nature: Operator | None = None,
    unit: str | None = None,
    name: str = "指标",
) -> Indicator:
    return Indicator(
        name=Text(name),
        target=parse_measure(target),
        actual=parse_measure(actual),
        weight=num(weight),
        score=num(score),
        nature=nature,
        measure_unit=Text(unit) if unit else None,
    )


def profile_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "my.toml"
    path.write_text(body, encoding="utf-8")
    return path


# -- budget execution --------------------------------------------------------------------


def test_execution_proportional_with_rule_text() -> None:
    line = execution_score(D(10), D(3807), D(3224), None, printed=D("8.47"))
    assert line.computed == D("8.47")
    assert line.rule.startswith("10 × 3224 ÷ 3807 = 8.47")
    assert line.ratio == D("84.69")
    assert line.status == Status.OK and line.difference == D("0.00")


def test_execution_above_100_percent_is_capped_by_default() -> None:
    # the seed: 212.64 spent of 198.8
    line = execution_score(D(10), D("198.8"), D("212.64"), None, printed=D(10))
    assert line.computed == D("10.00")
    assert "封顶" in line.rule
    assert line.ratio == D("106.96")


def test_execution_cap_off_by_profile(tmp_path: Path) -> None:
    path = profile_file(tmp_path, "[execution]\ncap_at_weight = false\n")
    line = execution_score(D(10), D("198.8"), D("212.64"), path)
    assert line.computed == D("10.70")


def test_execution_zero_budget() -> None:
    assert execution_score(D(10), D(0), D(0), None).computed == D("10.00")
    spent = execution_score(D(10), D(0), D(5), None, printed=D(10))
    assert spent.computed == D("0.00") and spent.status == Status.DIFFERS
    assert spent.ratio is None


def test_execution_missing_values_and_weight() -> None:
    line = execution_score(D(10), None, D(5), None, printed=D(10))
    assert line.status == Status.NOT_COMPUTABLE and "全年预算数" in line.reason
    # no printed weight: the profile's funds weight
    line = execution_score(None, D(100), D(50), "city-20-80")
    assert line.weight == D(20) and line.computed == D("10.00") and line.notes


def test_execution_not_printed() -> None:
    line = execution_score(D(10), D(100), D(100), None)
    assert line.status == Status.NOT_PRINTED and line.difference is None


# -- quantitative: positive --------------------------------------------------------------


def test_positive_met_and_missed() -> None:
    assert indicator_score(ind("≥50个", "52个", 10, 10)).computed == D("10.00")
    line = indicator_score(ind("3807人", "3224人", 10, "8.47"))
    assert line.kind == LineKind.QUANTITATIVE
    assert line.computed == D("8.47") and line.status == Status.OK
    assert "10 × 3224 ÷ 3807 = 8.47" in line.rule


def test_positive_zero_target_is_full_marks() -> None:
    assert indicator_score(ind("≥0个", "0个", 5)).computed == D("5.00")


def test_negative_actual_taken_as_zero() -> None:
    line = indicator_score(ind("≥10个", "-3个", 10, 0))
    assert line.computed == D("0.00") and line.status == Status.OK
    assert any("负数" in n for n in line.notes)


def test_rounding_is_half_up() -> None:
    # 1 × 1 ÷ 200 = 0.005 → 0.01 (banker's rounding would give 0.00)
    assert indicator_score(ind("≥200个", "1个", 1)).computed == D("0.01")


def test_printed_98_of_98_scored_as_ratio_differs() -> None:
    # dev corpus 010: target 98 %, actual 98 %, printed 19.6 of 20
    line = indicator_score(ind("98%", "98%", 20, "19.6"))
    assert line.computed == D("20.00")
    assert line.status == Status.DIFFERS and line.difference == D("-0.40")


# -- quantitative: equal -----------------------------------------------------------------


def test_equal_zero_target() -> None:
    assert indicator_score(ind("=0起", "0起", 5)).computed == D("5.00")
    assert indicator_score(ind("=0起", "1起", 5)).computed == D("0.00")


def test_equal_above_target_full_by_default_other_formulas_by_profile(tmp_path: Path) -> None:
    line = ind("=100个", "125个", 10)
    assert indicator_score(line).computed == D("10.00")
    ratio = profile_file(tmp_path, '[quantitative]\nequal_above_target = "ratio"\n')
    assert indicator_score(line, ratio).computed == D("8.00")  # 10 × 100 ÷ 125
    linear = tmp_path / "linear.toml"
    linear.write_text('[quantitative]\nequal_above_target = "linear"\n', encoding="utf-8")
    assert indicator_score(line, linear).computed == D("7.50")  # 10 × (1 − 25 ÷ 100)


# -- quantitative: reverse ---------------------------------------------------------------


def test_reverse_ratio_and_linear(tmp_path: Path) -> None:
    assert indicator_score(ind("≤90万元", "85万元", 10)).computed == D("10.00")
    over = ind("≤90万元", "95万元", 10)
    line = indicator_score(over)
    assert line.computed == D("9.47")  # 10 × 90 ÷ 95
    assert "10 × 90 ÷ 95 = 9.47" in line.rule
    linear = profile_file(tmp_path, '[quantitative]\nreverse_formula = "linear"\n')
    assert indicator_score(over, linear).computed == D("9.44")  # 10 × (1 − 5 ÷ 90)
    # linear reaches zero at twice the target and stays there
    assert indicator_score(ind("≤90万元", "180万元", 10), linear).computed == D("0.00")
    assert indicator_score(ind("≤90万元", "300万元", 10), linear).computed == D("0.00")
    assert indicator_score(ind("≤90万元", "300万元", 10)).computed == D("3.00")


def test_reverse_zero_target() -> None:
    assert indicator_score(ind("≤0起", "0起", 5)).computed == D("5.00")
    assert indicator_score(ind("≤0起", "2起", 5)).computed == D("0.00")


# -- over-achievement --------------------------------------------------------------------


def test_over_achievement_flag_at_threshold_without_deduction() -> None:
    at = indicator_score(ind("≥100个", "130个", 10, 10))
    assert at.over_achieved and at.computed == D("10.00") and at.status == Status.OK
    below = indicator_score(ind("≥100个", "129.99个", 10))
    assert not below.over_achieved


def test_over_achievement_deduction_by_profile(tmp_path: Path) -> None:
    path = profile_file(tmp_path, "[over_achievement]\ndeduct = true\n")
    # 10 × (1 − (150 ÷ 100 − 130 %)) = 8
    assert indicator_score(ind("≥100个", "150个", 10), path).computed == D("8.00")


# -- units and periods -------------------------------------------------------------------


def test_units_converted_when_comparable() -> None:
    line = indicator_score(ind("≤90万元", "950000元", 10))
    assert line.computed == D("9.47")
    assert any("折合" in n for n in line.notes)


def test_units_not_comparable() -> None:
    line = indicator_score(ind("≥100人", "120人次", 10, 10))
    assert line.status == Status.NOT_COMPUTABLE and "单位不一致" in line.reason


def test_measure_unit_column_supplies_the_unit() -> None:
    line = indicator_score(ind("≥95", "90", 10, nature=Operator.GE, unit="%"))
    assert line.computed == D("9.47")


def test_period_converted() -> None:
    # the seed: target 每月 1次, actual 全年召开12次主题党日学习
    line = indicator_score(ind("每月 1次", "全年召开12次主题党日学习", 10, 10))
    assert line.computed == D("10.00") and line.status == Status.OK


# -- textual actuals ---------------------------------------------------------------------


def test_textual_actual_for_quantitative_target_is_not_computable() -> None:
    line = indicator_score(ind("≥95%", "已完成", 10, 10))
    assert line.status == Status.NOT_COMPUTABLE
    assert "文字" in line.reason and "已完成" in line.reason


def test_number_taken_from_sentence_with_the_targets_unit() -> None:
    line = indicator_score(ind("全年 4次", "全年召开4次意识形态专题研究会", 5, 5))
    assert line.computed == D("5.00") and line.notes


def test_copied_target_as_actual_is_noted() -> None:
    line = indicator_score(ind("≥90%", "≥90%", 10, 10))
    assert line.computed == D("10.00")
    assert any("照抄" in n for n in line.notes)


def test_missing_values_not_computable() -> None:
    assert "分值" in indicator_score(ind("≥1个", "1个", None, 5)).reason
    assert "指标值" in indicator_score(ind(None, "1个", 5, 5)).reason
    assert "实际完成值" in indicator_score(ind("≥1个", None, 5, 5)).reason
    nature_without_number = indicator_score(ind("较上年提高", "提高", 5, 5, nature=Operator.GE))
    assert nature_without_number.status == Status.NOT_COMPUTABLE


# -- qualitative bands -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "printed", "level", "status"),
    [
        ("达成年度指标", "8", BandLevel.ACHIEVED, Status.OK),  # exactly 80 %: in the top band
        ("达成年度指标", "7.9", BandLevel.ACHIEVED, Status.DIFFERS),
        ("达成预期指标", "10", BandLevel.ACHIEVED, Status.OK),
        ("效果明显", "9", BandLevel.ACHIEVED, Status.OK),
        ("部分达成年度指标并具有一定效果", "8", BandLevel.PARTIAL, Status.DIFFERS),  # 80 % excluded
        ("部分达成年度指标并具有一定效果", "7.99", BandLevel.PARTIAL, Status.OK),
        ("基本完成", "6", BandLevel.PARTIAL, Status.OK),  # exactly 60 %: in the middle band
        ("未达成年度指标且效果较差", "6", BandLevel.FAILED, Status.DIFFERS),  # 60 % excluded
        ("未完成", "5.99", BandLevel.FAILED, Status.OK),
        ("未完成", "0", BandLevel.FAILED, Status.OK),
    ],
)
def test_qualitative_bands(actual: str, printed: str, level: BandLevel, status: Status) -> None:
    line = indicator_score(ind("达成预期指标", actual, 10, printed))
    assert line.kind == LineKind.QUALITATIVE
    assert line.band is not None and line.band.level == level
    assert line.computed is None
    assert line.status == status


def test_qualitative_band_difference_and_rule() -> None:
    line = indicator_score(ind("达成预期指标", "部分达成预期指标", 10, 10))
    assert line.band is not None
    assert (line.band.low, line.band.high) == (D(6), D(8))
    assert line.difference == D("2.01")  # 10 − 7.99, the highest score inside the band
    assert "部分达成" in line.rule and "6 至 8" in line.rule


def test_qualitative_bands_80_50_profile() -> None:
    line = indicator_score(ind("达成预期指标", "部分达成", 10, 5), "city-20-80")
    assert line.band is not None and line.band.low == D(5) and line.status == Status.OK


def test_qualitative_without_wording_is_not_computable() -> None:
    line = indicator_score(ind("围绕“帮扶”用气力", "开展慰问帮扶活动238场", 5, 5))
    assert line.status == Status.NOT_COMPUTABLE and "达成程度" in line.reason
    assert indicator_score(ind("围绕“帮扶”用气力", None, 5, 5)).status == Status.NOT_COMPUTABLE


# -- the whole evaluation ----------------------------------------------------------------


def _evaluation(total_score: str = "96.5") -> Evaluation:
    funds = (
        FundRow(
            Text("合计"),
            FundLine.TOTAL,
            FundGroup.SOURCE,
            budget=num(200),
            actual=num(190),
            weight=num(10),
            score=num("9.5"),
        ),
        FundRow(
            Text("财政拨款"),
            FundLine.FISCAL,
            FundGroup.SOURCE,
            depth=1,
            budget=num(200),
            actual=num(190),
        ),
    )
    indicators = (
        Indicator(
            Text("培训人数"),
            Text("产出指标"),
            Text("数量指标"),
            parse_measure("≥100人"),
            parse_measure("90人"),
            weight=num(50),
            score=num(45),
        ),
        Indicator(
            Text("其中：线上"),
            target=parse_measure("50人"),
            actual=parse_measure("40人"),
            sub_item=True,
        ),
        Indicator(
            Text("社会效益"),
            Text("效益指标"),
            Text("社会效益指标"),
            parse_measure("效果明显"),
            parse_measure("效果明显"),
            weight=num(30),
            score=num(30),
        ),
        Indicator(
            Text("满意度"),
            Text("满意度指标"),
            Text("服务对象满意度指标"),
            parse_measure("≥90%"),
            parse_measure("95%"),
            weight=num(10),
            score=num(10),
        ),
    )
    return Evaluation(
        kind=Kind.PROJECT,
        source="t.txt",
        funds=funds,
        indicators=indicators,
        total_weight=num(100),
        total_score=num(total_score),
    )


def test_score_evaluation_lines_totals_and_grades() -> None:
    sheet = score_evaluation(_evaluation())
    assert [line.kind for line in sheet.lines] == [
        LineKind.EXECUTION,
        LineKind.QUANTITATIVE,
        LineKind.QUALITATIVE,
        LineKind.QUANTITATIVE,
    ]
    assert sheet.execution is not None and sheet.execution.computed == D("9.50")
    assert sheet.lines[1].computed == D("45.00")
    assert sheet.computed_total == D("94.50")  # 9.5 + 45 + 30 (inside its band) + 10
    assert sheet.printed_total == D("96.5") and sheet.total_difference == D("2.00")
    assert sheet.printed_grade == Grade.EXCELLENT and sheet.computed_grade == Grade.EXCELLENT
    assert sheet.weight_sum == D(100) and sheet.printed_sum == D("94.5")
    assert "9.5 + 45 + 30 + 10 = 94.50" in sheet.total_rule


def test_grade_cut_offs_per_profile() -> None:
    sheet = score_evaluation(_evaluation("85"), "city-20-80")
    assert sheet.printed_grade == Grade.EXCELLENT  # 优 ≥ 80 in that profile
    assert score_evaluation(_evaluation("85")).printed_grade == Grade.GOOD


def test_no_grade_while_lines_are_neither_computed_nor_printed() -> None:
    # execution 10 of 10, both indicators blank (no 完成值, no 得分): 10 is not a total
    funds = (FundRow(Text("总额"), budget=num(100), actual=num(100), weight=num(10)),)
    blank = (ind("100%", None, 60, name="覆盖率"), ind("100%", None, 30, name="保障率"))
    e = Evaluation(kind=Kind.PROJECT, funds=funds, indicators=blank, total_weight=num(100))
    sheet = score_evaluation(e)
    assert sheet.computed_total == D("10.00") and len(sheet.unscored) == 2
    assert sheet.computed_grade is None
    assert "2 项既无法计算也未填得分，未计入" in sheet.total_rule


def test_no_funds_table_execution_not_computable() -> None:
    e = Evaluation(kind=Kind.PROJECT, indicators=_evaluation().indicators)
    sheet = score_evaluation(e)
    assert sheet.execution is not None and sheet.execution.status == Status.NOT_COMPUTABLE


def test_not_applicable_rescaled_by_profile(tmp_path: Path) -> None:
    base = _evaluation()
    na = Indicator(
        Text("生态效益"), Text("效益指标"), target=parse_measure("不适用"), weight=num(10)
    )
    e = Evaluation(kind=Kind.PROJECT, funds=base.funds, indicators=(*base.indicators, na))
    assert score_evaluation(e).computed_total == D("94.50")
    path = profile_file(tmp_path, "[totals]\nrescale_not_applicable = true\n")
    sheet = score_evaluation(e, path)
    assert sheet.computed_total == D("105.00")  # 94.5 × 100 ÷ 90
    assert "折算" in sheet.total_rule


def test_score_public_api_and_json_exact() -> None:
    sheet = jixiao.score(_evaluation(), "cz2020-10")
    text = dump_value(to_dict(sheet))
    data = loads(text)
    assert data["total"]["computed"] == D("94.50")
    assert data["lines"][0]["rule"].startswith("10 × 190 ÷ 200 = 9.50")
    assert data["lines"][2]["band"]["level"] == "达成"
    assert isinstance(data["lines"][1]["computed"], Decimal)


def test_all_arithmetic_is_decimal() -> None:
    sheet = score_evaluation(_evaluation())
    for line in sheet.lines:
        for value in (line.weight, line.printed, line.computed, line.difference, line.ratio):
            assert value is None or isinstance(value, Decimal)


# -- command line ------------------------------------------------------------------------


def test_cli_score_table_and_json(tmp_path: Path) -> None:
    from jixiao.cli import main

    path = tmp_path / "e.json"
    path.write_text(dumps(_evaluation()), encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(path)])
    assert result.exit_code == 0, result.output
    assert "10 × 190 ÷ 200 = 9.50" in result.output and "94.5" in result.output
    result = CliRunner().invoke(main, ["score", str(path), "--json", "--profile", "sichuan"])
    assert result.exit_code == 0
    assert json.loads(result.output)["profile"] == "sichuan"


def test_cli_exit_2_on_unreadable_input_or_bad_profile(tmp_path: Path) -> None:
    from jixiao.cli import main

    result = CliRunner().invoke(main, ["score", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "文件不存在" in result.output
    path = tmp_path / "e.json"
    path.write_text(dumps(_evaluation()), encoding="utf-8")
    bad = profile_file(tmp_path, "[grades]\nexcellent = 50\n")
    result = CliRunner().invoke(main, ["score", str(path), "--profile", str(bad)])
    assert result.exit_code == 2 and "grades" in result.output
    assert "Traceback" not in result.output


# -- the development corpus --------------------------------------------------------------


@pytest.mark.skipif(not (SHARED / "corpus/dev/truth/012.json").exists(), reason="dev corpus absent")
def test_dev_012_proportional_scores_from_truth_notes() -> None:
    """The truth notes of 012 give the proportional scores a reviewer expects."""
    truth = json.loads((SHARED / "corpus/dev/truth/012.json").read_text(encoding="utf-8"))
    by_name = {i["name"].split(":")[0]: i for i in truth["indicators"]}
    expected = {
        "指标16": "1.69",
        "指标23": "1.25",
        "指标20": "1.97",
        "指标18": "1.61",
        "指标25": "1.83",
    }
    profile = load_profile(None)
    for key, value in expected.items():
        row = by_name[key]
        line = indicator_score(
            ind(row["target"], row["actual"], row["weight"], row["score"]), profile
        )
        assert line.computed == D(value), key
        assert line.status == Status.DIFFERS, key


def test_zero_total_row_scored_from_its_parts() -> None:
    # dev corpus 002: 年度资金总额 printed 0 / 0 / 0 with 得分 0, 本年财政拨款 89.974 / 89.974
    funds = (
        FundRow(
            Text("年度资金总额"),
            FundLine.TOTAL,
            budget=num(0),
            actual=num(0),
            weight=num(10),
            score=num(0),
        ),
        FundRow(
            Text("本年财政拨款"),
            FundLine.FISCAL,
            depth=1,
            budget=num("89.974"),
            actual=num("89.974"),
        ),
        FundRow(Text("其他资金"), FundLine.OTHER, depth=1),
    )
    sheet = score_evaluation(Evaluation(kind=Kind.PROJECT, funds=funds))
    line = sheet.execution
    assert line is not None and line.computed == D("10.00") and line.status == Status.DIFFERS
    assert "89.974" in line.notes[0]


def test_prose_report_has_no_score_lines() -> None:
    sheet = score_evaluation(Evaluation(kind=Kind.DEPARTMENT))
    assert sheet.lines == () and sheet.computed_total is None


SEED = Path(__file__).parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"


def test_seed_scores() -> None:
    """The seed: execution above 100 % capped; weights 10 + 100 while 总分 says 100."""
    sheet = jixiao.score(jixiao.read(SEED))
    execution = sheet.execution
    assert execution is not None
    assert execution.rule.startswith("10 × 212.64 ÷ 198.8 = 10.70")
    assert execution.computed == D("10.00") and execution.status == Status.NOT_PRINTED
    assert sheet.weight_sum == D(110) and sheet.printed_total == D(100)
    assert sheet.computed_total == D("110.00")
    monthly = sheet.indicators[0]
    assert monthly.status == Status.OK and monthly.computed == D("10.00")  # 每月 1次 vs 全年 12次


def test_deadline_target_is_reverse() -> None:
    assert indicator_score(ind("12月底前", "11月", 5, 5)).computed == D("5.00")
    late = indicator_score(ind("30个工作日内", "40个工作日", 10))
    assert late.computed == D("7.50")  # 10 × 30 ÷ 40
    assert any("期限" in n for n in late.notes)


def test_cli_help_and_list_profiles() -> None:
    from jixiao.cli import main

    result = CliRunner().invoke(main, ["score", "--help"])
    assert result.exit_code == 0 and "--profile" in result.output and "评分方案" in result.output
    result = CliRunner().invoke(main, ["score", "--list-profiles"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("cz2020-10")
    assert "sichuan" in result.output


# -- properties ----------------------------------------------------------------------------

_amounts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)
_weights = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False)


@given(_weights, _amounts.filter(lambda t: t > 0), _amounts, _amounts)
def test_scores_stay_within_weight_and_are_monotonic(w: D, t: D, a1: D, a2: D) -> None:
    low, high = sorted((a1, a2))
    for formula in ("ratio", "linear"):
        profile = dataclasses.replace(load_profile(None), reverse_formula=ReverseFormula(formula))
        for op in (Operator.GE, Operator.EQ, Operator.LE):
            s_low = quantitative_score(op, w, t, low, profile).score
            s_high = quantitative_score(op, w, t, high, profile).score
            assert 0 <= s_low <= w and 0 <= s_high <= w
            if op == Operator.GE:
                assert s_low <= s_high  # more done, never fewer points
            if op == Operator.LE:
                assert s_low >= s_high  # more spent, never more points


def test_measures_without_operator() -> None:
    from jixiao.model import Measure

    bare = Indicator(
        Text("x"),
        target=Measure("50", number=D(50)),
        actual=Measure("40", number=D(40)),
        weight=num(10),
    )
    assert indicator_score(bare).computed == D("8.00")
    text = Indicator(
        Text("y"),
        target=Measure("做好宣传"),
        actual=Measure("已完成"),
        weight=num(10),
        score=num(10),
    )
    assert indicator_score(text).kind == LineKind.QUALITATIVE
    assert indicator_score(Indicator(Text("z"), weight=num(5))).kind == LineKind.UNKNOWN


# -- a total that cannot be recomputed gets no grade --------------------------------------


def _weighted_form(weights: tuple[str, ...], total_weight: str = "100"):  # type: ignore[no-untyped-def]
    from jixiao.measure import parse_measure
    from jixiao.model import Evaluation, FundLine, FundRow, Indicator, Kind, Num, Text

    def num(v: str) -> Num:
        return Num(Decimal(v), v)

    funds = (
        FundRow(Text("合计"), FundLine.TOTAL, budget=num("100"), actual=num("100"),
                weight=num("10"), score=num("10")),
    )  # fmt: skip
    indicators = tuple(
        Indicator(Text(f"指标{k}"), Text("产出指标"), target=parse_measure("100%"),
                  actual=parse_measure("100%"), weight=num(w), score=num(w))
        for k, w in enumerate(weights)
    )  # fmt: skip
    return Evaluation(
        kind=Kind.PROJECT, funds=funds, indicators=indicators,
        total_weight=num(total_weight), total_score=num(total_weight),
    )  # fmt: skip


def test_weights_above_the_total_give_no_grade() -> None:
    sheet = score_evaluation(_weighted_form(("50", "50")))  # 10 + 100 against 100
    assert sheet.computed_total == Decimal("110.00")
    assert sheet.computed_grade is None and not sheet.computable
    assert sheet.grade_reason == "各计分行分值合计 110，与总分分值 100 不符，总分无法复算"
    data = to_dict(sheet)["total"]
    assert data["computed_grade"] is None and data["computable"] is False
    assert "110" in data["grade_reason"]


def test_weights_that_add_up_are_graded() -> None:
    sheet = score_evaluation(_weighted_form(("45", "45")))
    assert sheet.computed_total == Decimal("100.00") and sheet.computed_grade is not None
    assert sheet.grade_reason == "" and sheet.computable


def test_no_lines_no_total() -> None:
    from jixiao.model import Evaluation, Kind

    sheet = score_evaluation(Evaluation(kind=Kind.PROJECT))
    assert sheet.computed_total is None and sheet.computed_grade is None
    assert sheet.grade_reason
