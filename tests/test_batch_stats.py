"""The batch's running aggregates (jixiao.batch.stats): counts, bands, the files to look at
first and the largest score gaps, on a few hand-made records."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.batch.record import FileRecord, FindingRow, Status
from jixiao.batch.stats import Stats


def rec(
    path: str,
    *,
    unit: str = "甲单位",
    kind: str = "department",
    computed: str | None = None,
    printed: str | None = None,
    rate: str | None = None,
    errors: int = 0,
    warnings: int = 0,
    codes: tuple[str, ...] = (),
) -> FileRecord:
    return FileRecord(
        path,
        sha256=path,
        status=Status.OK,
        kind=kind,
        unit=unit,
        computed_score=D(computed) if computed else None,
        printed_score=D(printed) if printed else None,
        rate=D(rate) if rate else None,
        errors=errors,
        warnings=warnings,
        findings=tuple(FindingRow(c, "error", f"{c} 的说明") for c in codes),
    )


def stats(*records: FileRecord, top_n: int = 20) -> Stats:
    s = Stats(top_n=top_n)
    for r in records:
        s.add(r)
    return s


def test_bands_include_their_floor() -> None:
    s = stats(
        rec("a", computed="90", rate="90"),
        rec("b", computed="89.99", rate="89.99"),
        rec("c", computed="60", rate="100"),
        rec("d", computed="59.99", rate="100.01"),
    )

    assert s.score_bands == {"90 分及以上": 1, "80–89.99 分": 1, "60–79.99 分": 1, "60 分以下": 1}
    assert s.rate_bands == {"90%–99.99%": 1, "60%–89.99%": 1, "100%": 1, "超过 100%": 1}


def test_a_code_counts_every_finding_but_each_file_once() -> None:
    s = stats(
        rec("a", codes=("JX-A001", "JX-A001", "JX-I001")),
        rec("b", codes=("JX-A001",)),
        rec("c"),
    )

    assert {c.code: (c.count, c.files) for c in s.codes_by_count()} == {
        "JX-A001": (3, 2),
        "JX-I001": (1, 1),
    }
    assert [c.code for c in s.codes_by_count()] == ["JX-A001", "JX-I001"]
    assert s.clean_files == 1


def test_a_score_gap_above_a_cent_is_a_mismatch() -> None:
    s = stats(
        rec("a", unit="甲", computed="90", printed="90.01"),
        rec("b", unit="乙", computed="90", printed="90.02"),
        rec("c", unit="丙", computed="80", printed="95"),
        rec("d", unit="丁", computed="80", printed="83", errors=1),
        top_n=2,
    )

    assert s.score_mismatch == 3
    # only the top_n largest gaps are kept, largest first
    assert [g[0] for g in s.largest_gaps] == ["丙", "丁"]


def test_the_files_to_look_at_first() -> None:
    s = stats(
        rec("one-error", errors=1, computed="95"),
        rec("two-errors", errors=2, computed="95"),
        rec("one-error-low", errors=1, computed="70"),
        rec("warning", warnings=3, computed="60"),
        rec("clean", computed="50"),
        top_n=3,
    )

    # most errors first, then the lowest score; a clean file is never listed
    assert [p.path for p in s.top] == ["two-errors", "one-error-low", "one-error"]


def test_a_unit_keeps_its_lowest_score() -> None:
    s = stats(
        rec("dept", unit="甲单位", computed="92"),
        rec("p1", unit="甲单位", kind="project", computed="71"),
        rec("p2", unit="甲单位", kind="project", computed="85"),
    )

    [unit] = s.units.values()
    assert (unit.files, unit.projects, unit.department_score, unit.lowest_score) == (
        3,
        2,
        D("92"),
        D("71"),
    )


def test_count_axes_have_whole_number_ticks() -> None:
    from jixiao.batch.charts import whole_ticks

    for top in (1, 2, 3, 4, 7, 13, 99, 1234):
        ticks = whole_ticks(top)
        assert ticks[0] == 0 and ticks[-1] >= top and len(ticks) <= 8
        assert all(isinstance(t, int) for t in ticks)
        steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
        assert len(steps) == 1 and steps.pop() >= 1  # no 0.5 份


def test_charts_are_pngs_with_chinese_text() -> None:
    from io import BytesIO

    from PIL import Image

    from jixiao.batch import charts

    png = charts.histogram([55, 72, 91, 99, 100], list(range(40, 105, 5)), "自评得分分布", "得分",
                           [(60, "60"), (90, "90")])  # fmt: skip
    image = Image.open(BytesIO(png))
    assert image.format == "PNG" and image.width > image.height
    assert charts.cjk_font_file() is not None  # Noto Sans CJK (fonts-noto-cjk) on this machine
    bars = Image.open(BytesIO(charts.bars(["优", "良"], [3, 1], "评价等级分布")))
    assert bars.getpixel((bars.width // 2, bars.height // 2)) is not None
