from decimal import Decimal

from jixiao.measure import parse_measure
from jixiao.model import (
    Evaluation,
    FundGroup,
    FundLine,
    FundRow,
    Indicator,
    Kind,
    Location,
    Num,
    Text,
)
from jixiao.serialize import dumps, from_dict, loads, to_dict


def _sample() -> Evaluation:
    loc = Location("seed.txt", line=27)
    return Evaluation(
        kind=Kind.DEPARTMENT,
        source="seed.txt",
        year=Num(Decimal("2021"), "2021"),
        funds=(
            FundRow(
                label=Text("合计", loc),
                line=FundLine.TOTAL,
                group=FundGroup.SOURCE,
                budget=Num(Decimal("198.8"), "198.8", "万元", loc),
                rate=Num(Decimal("100.00"), "100.00%", "%", loc),
                location=loc,
            ),
        ),
        indicators=(
            Indicator(
                name=Text("全区妇女满意度", loc),
                target=parse_measure("≥95%", loc),
                weight=Num(Decimal("10"), "10"),
                location=loc,
            ),
        ),
    )


def test_numbers_are_written_as_printed() -> None:
    text = dumps(_sample())
    assert '"budget": 198.8' in text
    assert '"rate": 100.00' in text
    assert '"year": 2021' in text


def test_round_trip_keeps_values_and_locations() -> None:
    e = _sample()
    back = from_dict(loads(dumps(e)))
    assert to_dict(back) == to_dict(e)
    assert back.funds[0].location == Location("seed.txt", line=27)
    assert back.indicators[0].operator.value == "≥"


def test_location_str_and_parse() -> None:
    for loc in (
        Location("a.txt", line=3),
        Location("b.xlsx", cell="Sheet1!D12"),
        Location("c.pdf", page=4),
        Location("d.docx", cell="表2 第3行第4列"),
    ):
        assert Location.parse(str(loc)) == loc
