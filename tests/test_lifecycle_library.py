"""The bundled indicator library (jixiao/lifecycle/indicators.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.lifecycle.library import (
    LibraryIndicator,
    Source,
    UsedIndicator,
    indicator_library,
    most_used,
    suggestions,
)
from jixiao.model import Operator

LEVEL1 = {"产出指标", "效益指标", "满意度指标", "成本指标"}


def test_every_entry_is_complete_and_uses_the_official_first_levels() -> None:
    entries = indicator_library()
    assert len(entries) >= 20
    names = [e.name for e in entries]
    assert len(names) == len(set(names)), "an indicator is listed twice"
    for e in entries:
        assert e.level1 in LEVEL1, e
        assert e.level2.endswith("指标") or e.level1 == "产出指标", e
        assert e.explanation, e
        # a 定性 indicator has no unit; a measured one has
        assert (e.nature == Operator.QUALITATIVE) == (e.unit == ""), e


def test_each_first_level_has_suggestions() -> None:
    assert {e.level1 for e in indicator_library()} >= {"产出指标", "效益指标", "满意度指标"}


def test_a_malformed_entry_names_the_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "lib.toml"
    bad.write_text('[[indicator]]\nlevel1 = "产出指标"\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="lib.toml：第1个指标有误"):
        indicator_library(bad)


def _row(name: str, unit: str = "", nature: str = "≥", l1: str = "产出指标", l2: str = "数量指标") -> dict[str, str]:
    return {"level1": l1, "level2": l2, "name": name, "measure_unit": unit, "nature": nature}


def test_most_used_counts_each_table_once_and_ranks_by_count_then_name() -> None:
    tables = [
        [_row("培训人次", "人次"), _row("培训人次", "人次"), _row("设备购置数量", "台")],
        [_row("培训人次", "人"), _row(" 设备购置数量 ", "台")],  # outer spaces dropped
        [_row("培训人次", "人次"), _row("群众满意度", "%", "≥", "满意度指标", "服务对象满意度指标")],
        [_row("", "人"), {"level1": "产出指标", "name": "无二级"}],  # incomplete rows: left out
    ]
    used = most_used(tables)
    assert [(u.name, u.count) for u in used] == [("培训人次", 3), ("设备购置数量", 2), ("群众满意度", 1)]
    assert used[0].unit == "人次"  # 2 of its 3 tables say 人次
    assert used[0].nature == "≥"
    assert used[2].level1 == "满意度指标"
    assert most_used(tables, limit=1) == used[:1]
    assert most_used([]) == ()


def test_the_same_name_under_another_level2_is_another_indicator() -> None:
    used = most_used([[_row("完成率", "%", l2="质量指标")], [_row("完成率", "%", l2="时效指标")]])
    assert {(u.level2, u.count) for u in used} == {("质量指标", 1), ("时效指标", 1)}


def test_a_unit_used_as_often_as_another_keeps_the_first_seen() -> None:
    used = most_used([[_row("巡查次数", "次")], [_row("巡查次数", "回")]])
    assert used[0].unit == "次"


def test_suggestions_merge_the_sources_in_order_and_label_each_name() -> None:
    curated = [LibraryIndicator("产出指标", "数量指标", "巡查次数", "全年巡查次数", Operator.GE, "次")]
    region = [UsedIndicator("产出指标", "数量指标", "巡查次数", 4, "回", "≥"), UsedIndicator("效益指标", "社会效益指标", "覆盖率", 2, "%", "≥")]
    bundled = [e for e in indicator_library()][:2]
    out = suggestions(own=["覆盖率", "本单位自创指标"], curated=curated, region=region, bundled=bundled)
    names = [s.name for s in out]
    assert names[:3] == ["覆盖率", "本单位自创指标", "巡查次数"]
    assert names[3:] == [e.name for e in bundled]
    by = {s.name: s for s in out}
    assert by["覆盖率"].sources == (Source.OWN, Source.REGION)
    assert by["覆盖率"].unit == "%"  # the unit's own entry has none: the region's fills it
    assert by["巡查次数"].sources == (Source.CURATED, Source.REGION)
    assert by["巡查次数"].unit == "次"  # the bureau's curated unit comes first
    assert by["巡查次数"].explanation == "全年巡查次数"
    assert by["本单位自创指标"].label == Source.OWN
    assert suggestions(own=["", "  "]) == ()


def _monitoring(budget: str, executed: str | None, forecast: str | None, likelihoods: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from jixiao.lifecycle.model import FundRowLite, Likelihood, MonitorIndicator, MonitoringTable
    from jixiao.model import FundLine, Num, Text

    def num(v: str | None) -> Num | None:
        from decimal import Decimal

        return Num(Decimal(v), v) if v is not None else None

    return MonitoringTable(
        cutoff_month=6,
        funds=(
            FundRowLite(
                Text("年度资金总额"), FundLine.TOTAL, num(budget), num(executed), None, num(forecast)
            ),
        ),
        indicators=tuple(
            MonitorIndicator(Text(f"指标{i}"), likelihood=Likelihood(x)) for i, x in enumerate(likelihoods)
        ),
    )


@pytest.mark.parametrize(
    ("executed", "forecast", "likelihoods", "expected"),
    [
        ("50", "100", ("确定能",), ("绿", "绿", "绿")),  # on schedule at 1–6月
        ("40", "95", ("确定能", "有可能"), ("黄", "黄", "黄")),  # 40% < 50%, within 15 points
        ("30", "70", ("不可能", "确定能"), ("红", "红", "红")),  # 20 points behind; forecast 70%
        ("60", "120", (), ("绿", None, "红")),  # a forecast above the budget
        (None, None, (), (None, None, None)),
    ],
)
def test_monitoring_lights(executed, forecast, likelihoods, expected) -> None:  # type: ignore[no-untyped-def]
    from jixiao.lifecycle.lights import lights
    from jixiao.profiles import load_profile

    got = lights(_monitoring("100", executed, forecast, likelihoods), load_profile(None))
    assert tuple(x.value if x else None for x in (got.execution, got.goal, got.forecast)) == expected
