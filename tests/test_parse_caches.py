"""The parse caches of the batch speed work change no result: a cached parse is the same
value as a fresh one, texts that differ only in printed precision stay apart, and each Num
keeps its own location."""

from decimal import Decimal

from jixiao.checks.numbers import sum_tolerance, ulp
from jixiao.extract.values import to_num
from jixiao.measure import parse_number
from jixiao.model import Location
from jixiao.readers.text.blocks import LONG_LINE, _split_at


def test_parse_number_keeps_printed_precision_apart() -> None:
    one = parse_number("7.5")
    two = parse_number("7.50")
    assert one == two
    assert one is not None and two is not None
    assert one.as_tuple().exponent == -1
    assert two.as_tuple().exponent == -2  # equal Decimals, but not one cache entry
    assert parse_number("3,210.40") == Decimal("3210.40")
    assert parse_number("约七十") is None
    assert parse_number("NaN") is None


def test_to_num_builds_each_num_with_its_own_location() -> None:
    a, b = Location("甲.txt", line=3), Location("乙.txt", line=9)
    first = to_num("88.25%", a)
    second = to_num("88.25%", b)
    assert first is not None and second is not None
    assert first.location == a and second.location == b
    assert (first.value, first.text, first.unit) == (Decimal("88.25"), "88.25%", "%")
    assert second.value == first.value
    money = to_num(" 41.6万元 ", None)
    assert money is not None and (money.value, money.text, money.unit) == (
        Decimal("41.6"),
        "41.6万元",
        "万元",
    )
    assert to_num("12", None, "万元").unit == "万元"  # type: ignore[union-attr]
    assert to_num("12", None, "万元", percent=True).unit == "%"  # type: ignore[union-attr]
    assert to_num("12", None).unit is None  # type: ignore[union-attr]
    assert to_num("——", a) is None


def test_ulp_by_printed_places() -> None:
    assert ulp(Decimal("198.8")) == Decimal("0.1")
    assert ulp(Decimal("198.80")) == Decimal("0.01")
    assert ulp(Decimal("198.8")) == Decimal("0.1")  # again, after 0.01 was built
    assert ulp(Decimal("200")) == Decimal(1)
    assert sum_tolerance(Decimal("199"), [Decimal("98.98"), Decimal("100")]) == Decimal("0.5")
    assert sum_tolerance(Decimal("200"), [Decimal("180"), Decimal("21")]) == 0


def test_split_at_columns_only_in_long_lines() -> None:
    assert _split_at("\t项目名称\t 某某维修工程 ", "\t") == [
        ("", None),
        ("项目名称", None),
        ("某某维修工程", None),
    ]
    line = "单元格" + "|" + " 甲乙" + "|" + "x" * LONG_LINE
    got = _split_at(line, "|")
    assert got[0] == ("单元格", 1)
    assert got[1] == ("甲乙", 6)  # after the separator and the leading space
    assert got[2][1] == 9
