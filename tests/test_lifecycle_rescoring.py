"""抽查复核 row by row (jixiao/lifecycle/rescoring.py): the library's row scores, the
reviewer's overrides with reasons, the re-evaluated total and grade, the gaps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.lifecycle.rescoring import Override, reevaluate
from jixiao.scoring import Band, BandLevel, LineKind, LineScore, Status

D = Decimal


def line(item: str, weight: str, printed: str | None, computed: str | None, **kw) -> LineScore:  # type: ignore[no-untyped-def]
    return LineScore(
        item=item,
        kind=kw.pop("kind", LineKind.QUANTITATIVE),
        status=Status.OK,
        rule="按完成比例计分",
        weight=D(weight),
        printed=None if printed is None else D(printed),
        computed=None if computed is None else D(computed),
        **kw,
    )


def form() -> list[tuple[str, LineScore]]:
    return [
        ("funds-0", line("预算执行率", "10", "10", "9.5", kind=LineKind.EXECUTION)),
        ("ind-0", line("培训人次", "50", "50", "50")),
        ("ind-1", line("群众满意度", "40", "40", "36")),
    ]


def test_without_overrides_the_library_scores_every_row() -> None:
    ev = reevaluate(form(), {}, self_total=D(100))
    assert [r.score for r in ev.rows] == [D("9.5"), D(50), D(36)]
    assert ev.total == D("95.50")
    assert ev.grade == "优"
    assert ev.gap == D("-4.50")
    assert [r.gap for r in ev.rows] == [D("-0.5"), D(0), D(-4)]
    assert ev.overridden == 0


def test_an_override_replaces_the_rows_score_and_moves_the_total_and_grade() -> None:
    overrides = {
        "ind-0": Override(D(20), "签到表只能证明 120 人次"),
        "ind-9": Override(D(1), "没有这一行"),
    }
    ev = reevaluate(form(), overrides, self_total=D(100))
    row = ev.rows[1]
    assert (row.library, row.score, row.gap) == (D(50), D(20), D(-30))
    assert row.override is not None and "120 人次" in row.override.reason
    assert ev.total == D("65.50")
    assert ev.grade == "中"  # 60 ≤ total < 80 under the default profile (was 优)
    assert ev.overridden == 1


def test_an_override_above_the_rows_weight_or_without_reason_is_refused() -> None:
    with pytest.raises(ValueError, match="培训人次：复核得分应在 0 到 50 之间"):
        reevaluate(form(), {"ind-0": Override(D(51), "多给")})
    with pytest.raises(ValueError, match="须写明理由"):
        reevaluate(form(), {"ind-0": Override(D(40), "  ")})
    with pytest.raises(ValueError, match="之间"):
        reevaluate(form(), {"ind-0": Override(D(-1), "负分")})


def test_a_qualitative_row_counts_its_printed_score_brought_into_its_band_until_overridden() -> (
    None
):
    band = Band(BandLevel.PARTIAL, D(24), D(32), False)
    q = ("ind-2", line("制度健全性", "40", "40", None, kind=LineKind.QUALITATIVE, band=band))
    ev = reevaluate([q], {})
    assert ev.rows[0].library == D("31.99")  # 40 clamped below the band's open top
    ev = reevaluate([q], {"ind-2": Override(D(38), "复核认定已达成")})
    assert ev.total == D("38.00")  # the reviewer's score is not clamped


def test_a_row_neither_computed_nor_printed_has_no_score_and_no_gap() -> None:
    ev = reevaluate([("ind-0", line("宣传覆盖面", "10", None, None))], {})
    assert ev.rows[0].score is None and ev.rows[0].gap is None
    assert reevaluate([], {}).total is None
