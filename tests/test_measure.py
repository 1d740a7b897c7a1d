from decimal import Decimal

import pytest

from jixiao.measure import parse_measure
from jixiao.model import Operator


@pytest.mark.parametrize(
    ("text", "op", "number", "unit"),
    [
        ("≥50个", Operator.GE, "50", "个"),
        ("不低于95%", Operator.GE, "95", "%"),
        ("100%", Operator.EQ, "100", "%"),
        ("每月 1次", Operator.EQ, "1", "次"),
        ("≤90万元", Operator.LE, "90", "万元"),
        ("不超过30万元", Operator.LE, "30", "万元"),
        ("≥100百分比", Operator.GE, "100", "%"),
        ("满意度100%", Operator.EQ, "100", "%"),
        ("不少于12 种", Operator.GE, "12", "种"),
        ("95%以上", Operator.GE, "95", "%"),
        ("29.5亩", Operator.EQ, "29.5", "亩"),
        ("≥11.376万元", Operator.GE, "11.376", "万元"),
        ("24694人", Operator.EQ, "24694", "人"),
        # a rate's unit names what it is counted per; 以内 after it is still the operator
        ("15/10万以内", Operator.LE, "15", "/10万"),
        ("3人/万以内", Operator.LE, "3", "人/万"),
        ("≥2次/年", Operator.GE, "2", "次/年"),
    ],
)
def test_quantitative(text: str, op: Operator, number: str, unit: str) -> None:
    m = parse_measure(text)
    assert m is not None
    assert (m.operator, m.number, m.unit) == (op, Decimal(number), unit)
    assert m.text == text


@pytest.mark.parametrize("text", ["达成预期指标", "效果明显", "围绕“帮扶”用气力", "2020年“三公”经费支出合计0.00万元"])
def test_qualitative(text: str) -> None:
    m = parse_measure(text)
    assert m is not None and m.operator == Operator.QUALITATIVE and m.number is None


def test_blank_is_none() -> None:
    assert parse_measure("  ") is None
    assert parse_measure(None) is None
    assert parse_measure("/") is None


def test_period_kept() -> None:
    m = parse_measure("每月 1次")
    assert m is not None and m.period == "每月"


# -- printed variants of the comparison signs (Word symbol fonts, full-width, small forms) --

SIGN_VARIANTS = [
    ("≧", Operator.GE),
    ("≥", Operator.GE),
    (">=", Operator.GE),
    ("＞＝", Operator.GE),
    ("⩾", Operator.GE),
    ("≦", Operator.LE),
    ("<=", Operator.LE),
    ("⩽", Operator.LE),
    ("═", Operator.EQ),
    ("﹦", Operator.EQ),
    ("＝", Operator.EQ),
    ("＞", Operator.GT),
    ("﹥", Operator.GT),
    ("＜", Operator.LT),
    ("﹤", Operator.LT),
]


@pytest.mark.parametrize(("sign", "op"), SIGN_VARIANTS)
def test_every_sign_variant_in_a_measure(sign: str, op: Operator) -> None:
    m = parse_measure(f"{sign}85%")
    assert m is not None and (m.operator, m.number, m.unit) == (op, Decimal("85"), "%")
    assert m.text == f"{sign}85%"  # printed as the clerk wrote it


@pytest.mark.parametrize(("sign", "op"), SIGN_VARIANTS)
def test_every_sign_variant_as_nature_cell(sign: str, op: Operator) -> None:
    from jixiao.measure import parse_operator

    assert parse_operator(f" {sign} ") == op


@pytest.mark.parametrize(
    ("word", "op"),
    [
        ("不低于", Operator.GE),
        ("不少于", Operator.GE),
        ("大于等于", Operator.GE),
        ("不得低于", Operator.GE),
        ("不高于", Operator.LE),
        ("不超过", Operator.LE),
        ("小于等于", Operator.LE),
        ("正向指标", Operator.GE),
        ("反向", Operator.LE),
        ("定性", Operator.QUALITATIVE),
    ],
)
def test_operator_words(word: str, op: Operator) -> None:
    from jixiao.measure import parse_operator

    assert parse_operator(word) == op
    m = parse_measure(f"{word}12次") if op != Operator.QUALITATIVE and "向" not in word else None
    assert m is None or m.operator == op


def test_box_drawing_border_is_not_an_equals_sign() -> None:
    from jixiao.measure import normalize_signs, parse_operator

    assert normalize_signs("╔════╗") == "╔════╗"
    assert normalize_signs("≧90%") == "≥90%"
    assert parse_operator("定量") is None and parse_operator("") is None


def test_a_fraction_is_no_rate_unit() -> None:
    """``3/5`` has no unit after its slash: the figure stays without a unit."""
    m = parse_measure("3/5")
    assert m is not None and m.unit is None
