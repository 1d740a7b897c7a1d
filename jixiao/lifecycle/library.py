"""The bundled indicator library (``indicators.toml``): common indicators per 一级/二级 with
指标解释, usual 指标性质 and 度量单位, offered as suggestions when targets are declared.

    from jixiao.lifecycle.library import indicator_library
    [e.name for e in indicator_library() if e.level2 == "时效指标"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jixiao.model import Operator

LIBRARY_FILE = Path(__file__).with_name("indicators.toml")


@dataclass(frozen=True, slots=True)
class LibraryIndicator:
    """One entry of the library."""

    level1: str  # 一级指标
    level2: str  # 二级指标
    name: str  # 三级指标
    explanation: str  # 指标解释 / 计算公式
    nature: Operator  # usual 指标性质
    unit: str  # usual 度量单位 ("" for 定性)


@cache
def indicator_library(path: Path = LIBRARY_FILE) -> tuple[LibraryIndicator, ...]:
    """Every entry, in file order (ValueError naming the file and entry when one is malformed)."""
    with path.open("rb") as f:
        data = tomllib.load(f)
    out = []
    for n, e in enumerate(data.get("indicator", ()), start=1):
        try:
            out.append(
                LibraryIndicator(
                    level1=str(e["level1"]),
                    level2=str(e["level2"]),
                    name=str(e["name"]),
                    explanation=str(e.get("explanation", "")),
                    nature=Operator(e.get("nature", "定性")),
                    unit=str(e.get("unit", "")),
                )
            )
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{path.name}：第{n}个指标有误（{exc}）") from exc
    return tuple(out)
