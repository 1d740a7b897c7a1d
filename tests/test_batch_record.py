"""A file's record crosses from a worker to the batch's process by pickle and into the
journal by JSON: both give back the same record."""

from __future__ import annotations

import pickle
from decimal import Decimal

from jixiao.batch.record import FileRecord, FindingRow, Status, TargetRow


def _record() -> FileRecord:
    return FileRecord(
        path="材料/甲单位.txt",
        sha256="ab" * 32,
        status=Status.OK,
        profile="sichuan",
        kind="department",
        unit="某某区妇女联合会",
        year=2023,
        budget=Decimal("198.98"),
        actual=Decimal("212.64"),
        rate=Decimal("106.87"),
        printed_score=Decimal("95.5"),
        computed_score=Decimal("94.25"),
        grade="优",
        printed_rate=Decimal("106.9"),
        errors=1,
        warnings=1,
        findings=(
            FindingRow(
                "JX-A001", "error", "合计数与分项之和不符", "甲单位.txt:12", "198.98", "198.8"
            ),
            FindingRow("JX-I001", "warning", "指标值不可核验"),
        ),
        targets=(
            TargetRow("慰问困难妇女", "≥", Decimal("300"), "人次", "≥300人次"),
            TargetRow("群众满意度", None, None, None, "较高"),
        ),
        check_file="checks/材料/甲单位.txt.check.txt",
        seconds=0.0123,
        layout="tabbed",
        options="targets:1234",
    )


def test_a_record_pickles_to_the_same_record_with_its_status_member() -> None:
    for record in (
        _record(),
        FileRecord("坏.docx", "", Status.UNREADABLE, "无法打开文件"),
        FileRecord("错.txt", "cd" * 32, Status.FAILED, "处理出错"),
    ):
        back = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == record
        assert type(back.status) is Status and back.status is record.status
        assert all(type(f) is FindingRow for f in back.findings)
        assert all(type(t) is TargetRow for t in back.targets)


def test_a_record_is_pickled_as_its_values_not_the_dataclass_state() -> None:
    data = pickle.dumps(_record(), protocol=pickle.HIGHEST_PROTOCOL)
    assert b"Status" not in data  # the status as its text, not an enum lookup
    assert b"__setstate__" not in data and b"_dataclass" not in data


def test_a_record_goes_through_json_unchanged() -> None:
    record = _record()
    assert FileRecord.from_json(record.to_json()) == record


def test_the_shared_json_codec_writes_and_reads_as_the_per_call_functions() -> None:
    import simplejson

    from jixiao.serialize import dump_value, loads

    values = (
        _record().to_json(),
        {"a": Decimal("1.10"), "b": [1, None, '中文\n"引号"'], "c": {"d": Decimal("-0.000")}},
        [Decimal("1E+2"), 1.5, "é"],
    )
    for value in values:
        line = dump_value(value, indent=None)
        assert line == simplejson.dumps(value, ensure_ascii=False, indent=None, use_decimal=True)
        assert repr(loads(line)) == repr(simplejson.loads(line, use_decimal=True))
    for text in ("NaN", "{", ""):  # refused alike
        for parse in (loads, lambda t: simplejson.loads(t, use_decimal=True)):
            try:
                parse(text)
            except ValueError:
                continue
            raise AssertionError(text)
