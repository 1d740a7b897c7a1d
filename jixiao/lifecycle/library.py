"""The indicator library offered when targets are declared: the bundled entries
(``indicators.toml``: common indicators per 一级/二级 with 指标解释, usual 指标性质 and 度量单位),
the region's most used indicators counted from its approved targets (:func:`most_used`), and
the merged, source-labelled suggestions of the picker (:func:`suggestions`). Pure: no Django.

    from jixiao.lifecycle.library import indicator_library
    [e.name for e in indicator_library() if e.level2 == "时效指标"]
"""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

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


# -- the region's own indicators: counted, ranked, merged with the other sources -----------------


class Source:
    """Where a suggestion comes from (the label shown beside it in the picker)."""

    OWN = "本单位往年"
    CURATED = "本地区指标库"
    REGION = "本地区常用"
    BUNDLED = "通用指标库"


@dataclass(frozen=True, slots=True)
class UsedIndicator:
    """An indicator as the region's approved targets use it: how many tables name it, and its
    usual 度量单位 and 指标性质 (the most frequent among those tables; ties: the first seen)."""

    level1: str
    level2: str
    name: str
    count: int  # approved tables that use it
    unit: str
    nature: str


def _clean(value: Any) -> str:
    return " ".join(str(value or "").split())


def most_used(
    tables: Iterable[Iterable[dict[str, Any]]], limit: int = 100
) -> tuple[UsedIndicator, ...]:
    """The indicators the given approved tables use (each table: its ``jixiao/1`` indicator
    rows), counted once per table by 一级, 二级 and 三级 name, most used first (then by
    一级, 二级, name). Rows without a name or an 一级/二级 are left out."""
    counts: Counter[tuple[str, str, str]] = Counter()
    units: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    natures: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for rows in tables:
        seen: set[tuple[str, str, str]] = set()
        for row in rows:
            key = (_clean(row.get("level1")), _clean(row.get("level2")), _clean(row.get("name")))
            if not all(key) or key in seen:
                continue
            seen.add(key)
            counts[key] += 1
            if unit := _clean(row.get("measure_unit")):
                units[key][unit] += 1
            if nature := _clean(row.get("nature")):
                natures[key][nature] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: max(limit, 0)]
    return tuple(
        UsedIndicator(
            level1=k[0],
            level2=k[1],
            name=k[2],
            count=n,
            unit=_usual(units[k]),
            nature=_usual(natures[k]),
        )
        for k, n in ranked
    )


def _usual(counter: Counter[str]) -> str:
    """The most frequent value (ties: the first counted), "" when none."""
    return counter.most_common(1)[0][0] if counter else ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One name the picker offers, with the sources that offer it (first: the one shown)."""

    name: str
    sources: tuple[str, ...]
    level1: str = ""
    level2: str = ""
    unit: str = ""
    explanation: str = ""

    @property
    def label(self) -> str:
        return "、".join(self.sources)


def suggestions(
    *,
    own: Iterable[str] = (),
    curated: Iterable[LibraryIndicator] = (),
    region: Iterable[UsedIndicator] = (),
    bundled: Iterable[LibraryIndicator] = (),
) -> tuple[Suggestion, ...]:
    """Every name once, in the order the unit most likely wants it: its own earlier
    indicators, the bureau's curated library, the region's most used, the bundled library.
    A name offered by several sources keeps its first place and lists every source; the
    details (一级/二级, usual unit, 指标解释) come from the first source that has them."""
    merged: dict[str, dict[str, Any]] = {}

    def add(name: str, source: str, **details: str) -> None:
        name = _clean(name)
        if not name:
            return
        entry = merged.setdefault(name, {"sources": [], "details": {}})
        if source not in entry["sources"]:
            entry["sources"].append(source)
        for k, v in details.items():
            if v and not entry["details"].get(k):
                entry["details"][k] = v

    for name in own:
        add(name, Source.OWN)
    for e in curated:
        add(
            e.name,
            Source.CURATED,
            level1=e.level1,
            level2=e.level2,
            unit=e.unit,
            explanation=e.explanation,
        )
    for u in region:
        add(u.name, Source.REGION, level1=u.level1, level2=u.level2, unit=u.unit)
    for e in bundled:
        add(
            e.name,
            Source.BUNDLED,
            level1=e.level1,
            level2=e.level2,
            unit=e.unit,
            explanation=e.explanation,
        )
    return tuple(
        Suggestion(name=name, sources=tuple(v["sources"]), **v["details"])
        for name, v in merged.items()
    )
