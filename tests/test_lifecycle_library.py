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
