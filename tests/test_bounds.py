"""jixiao.bounds: one rule for every number that enters the system, checked in microseconds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from decimal import Decimal
from enum import Enum
from pathlib import Path

import pytest

import jixiao
from jixiao import bounds
from jixiao.errors import ReadError
from jixiao.serialize import dump_value, from_dict, to_dict


@pytest.mark.parametrize(
    ("bound", "value", "problem"),
    [
        (bounds.YEAR, "2021", None),
        (bounds.YEAR, "2021.0", None),
        (bounds.YEAR, "2021.5", "应为整数"),
        (bounds.YEAR, "1e999999", "超出范围"),
        (bounds.MONEY, "198.98", None),
        (bounds.MONEY, "-12.5", None),
        (bounds.MONEY, "0.000000001", "小数位数过多"),
        (bounds.MONEY, "1e-999999", "小数位数过多"),
        (bounds.MONEY, "99999999999999", "超出范围"),
        (bounds.POINTS, "9.75", None),
        (bounds.POINTS, "1000000", "超出范围"),
        (bounds.POINTS, "-1", "超出范围"),
        (bounds.STAFF, "NaN", "不是有限的数字"),
    ],
)
def test_bounds(bound: bounds.Bound, value: str, problem: str | None) -> None:
    found = bound.problem(Decimal(value))
    assert found == problem if problem is None else problem in (found or "")


def test_every_check_takes_microseconds_whatever_the_input() -> None:
    # CPU time of this process, with a limit far above the microseconds a check takes and far
    # below what a pathological conversion (10**999999 written out) would: a busy machine
    # cannot make it fail
    started = time.process_time()
    for text in ("1e999999", "-1e999999", "1e-999999", "9" * 5000, "0e-999999"):
        for bound in (bounds.YEAR, bounds.MONEY, bounds.RATE, bounds.POINTS, bounds.STAFF):
            bound.problem(Decimal(text))
    bounds.STAFF.problem(10**100000)
    assert time.process_time() - started < 1


def test_from_dict_and_the_json_reader_refuse_out_of_bounds_numbers(tmp_path: Path) -> None:
    d = to_dict(jixiao.read_text("2021年度部门整体支出绩效自评表\n单位名称\t某单位\n"))
    d["year"] = Decimal("1e999999")
    d["funds"] = [{"label": "合计", "budget": Decimal("0.000000001")}]
    with pytest.raises(bounds.OutOfBounds) as caught:
        from_dict(d)
    assert [v.key for v in caught.value.violations] == ["year", "funds-0-budget"]
    path = tmp_path / "大数.json"
    path.write_text(dump_value(d), encoding="utf-8")
    started = time.process_time()
    with pytest.raises(ReadError, match=r"大数\.json: 数值超出范围：年度：超出范围"):
        jixiao.read(path)
    assert time.process_time() - started < 2


def test_an_impossible_number_in_a_document_is_left_blank_with_a_note() -> None:
    # a misread figure must not cost the rest of the document (nor pass as a figure)
    text = "2021年度部门整体支出绩效自评表\n单位名称\t某单位\n实有人数\t99999999999\n"
    e = jixiao.read_text(text, "人数.txt")
    assert e.staff_actual is None
    assert e.year is not None and e.year.value == 2021
    assert any("实有人数" in n and "超出范围" in n and "已留空" in n for n in e.notes)


def test_text_loses_control_characters_and_overlong_text_is_a_violation() -> None:
    assert bounds.clean_text("a\x00b\tc\nd\x1f") == "ab\tc\nd"
    d = {"unit": "长" * (bounds.MAX_TEXT + 1)}
    assert [v.path for v in bounds.violations(d)] == [("unit",)]


def test_a_target_with_an_impossible_number_is_text_not_a_number() -> None:
    from jixiao.measure import parse_measure

    assert parse_measure("≥12次").number == Decimal(12)
    huge = parse_measure("≥" + "1" * 90000 + "次")
    assert huge is not None and huge.number is None  # read as text: scoring stays possible


def _one_changed(value: object, change: object) -> Iterator[object]:
    """Copies of a model record with one of its texts (or numbers) changed by ``change``:
    every field, the first two items of every tuple."""
    if isinstance(value, str | Decimal) and not isinstance(value, Enum):
        yield change(value)  # type: ignore[operator]
    elif isinstance(value, tuple):
        for i, item in enumerate(value[:2]):
            for new in _one_changed(item, change):
                yield (*value[:i], new, *value[i + 1 :])
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            for new in _one_changed(getattr(value, f.name), change):
                yield replace(value, **{f.name: new})  # type: ignore[type-var]


def _longer(value: object) -> object:
    return value * (bounds.MAX_TEXT // len(value) + 1) + "长" if isinstance(value, str) else value


def _bigger(value: object) -> object:
    return value * Decimal("1e16") + Decimal("0.0000001") if isinstance(value, Decimal) else value


@pytest.mark.parametrize("change", [_longer, _bigger])
def test_the_model_walk_misses_nothing_the_dict_walk_finds(change: object) -> None:
    # extract_document asks may_violate of every document and builds the dict only on a yes:
    # any text made too long, any number pushed out of bounds, anywhere in the model, says yes
    from jixiao.readers import extract_document
    from jixiao.readers.text import parse_text

    seed_text = (Path(__file__).parents[1] / "examples" / "seed-2021-yuelu-fulian.txt").read_text(
        encoding="utf-8"
    )
    base = jixiao.read_text(seed_text, "seed.txt")
    assert not bounds.may_violate(base) and not bounds.violations(to_dict(base))
    flagged = 0
    for changed in _one_changed(base, change):
        if bounds.violations(to_dict(changed)):  # type: ignore[arg-type]
            flagged += 1
            assert bounds.may_violate(changed), changed  # type: ignore[arg-type]
    assert flagged > 10
    e = extract_document(parse_text(seed_text.replace("2021", "99999", 1), "seed.txt"))
    assert e.year is None or e.year.value != 99999
