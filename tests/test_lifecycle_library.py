"""The bundled indicator library (jixiao/lifecycle/indicators.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.lifecycle.library import indicator_library
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
