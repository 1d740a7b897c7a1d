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
