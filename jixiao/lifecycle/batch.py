"""``jixiao batch --targets DIR [--monitoring DIR]``: each self-evaluation of the batch checked
against the target table and the monitoring table paired with it (:mod:`.pairing`: same year,
project and unit).

:class:`LifecycleCheck` takes the place of the batch engine's ``check``: the self-evaluation's
own checks, then the lifecycle checks of its stages; :class:`LifecycleScore` its ``score``,
with the profile's over-achievement reduction (:mod:`.scoring`). Both are module-level frozen
dataclasses, so the process pool pickles them (with the tables, read once in the parent) to
each worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jixiao.lifecycle.model import MonitoringTable, Stage, TargetTable
from jixiao.model import Evaluation, Finding

if TYPE_CHECKING:
    from jixiao.batch.record import FileRecord


@dataclass(frozen=True, slots=True)
class LifecycleCheck:
    targets: tuple[Stage, ...] = ()
    monitoring: tuple[Stage, ...] = ()

    def __call__(self, evaluation: Evaluation, profile: str | None) -> Sequence[Finding]:
        from jixiao.batch.engine import api_check, loaded_profile
        from jixiao.checks import sort_key
        from jixiao.lifecycle.base import Stages
        from jixiao.lifecycle.checks import check_stages
        from jixiao.lifecycle.pairing import find_stage

        own = tuple(api_check(evaluation, profile))
        tables = tuple(t for t in self.targets if isinstance(t, TargetTable))
        monitors = [m for m in self.monitoring if isinstance(m, MonitoringTable)]
        target = find_stage(evaluation, tables)
        monitor = find_stage(evaluation, monitors)
        if target is None and monitor is None:
            return own
        stages = Stages(target, monitor, evaluation, tables)
        cross = check_stages(stages, loaded_profile(profile))
        return tuple(sorted((*own, *cross), key=sort_key))


@dataclass(frozen=True, slots=True)
class LifecycleScore:
    targets: tuple[Stage, ...] = ()

    def __call__(self, evaluation: Evaluation, profile: str | None) -> Any:
        from jixiao.batch.engine import loaded_profile
        from jixiao.lifecycle.pairing import find_stage
        from jixiao.lifecycle.scoring import score_with_targets

        tables = [t for t in self.targets if isinstance(t, TargetTable)]
        return score_with_targets(
            evaluation, find_stage(evaluation, tables), loaded_profile(profile)
        )


def options_fingerprint(
    targets: Sequence[Path], monitoring: Sequence[Path], tables: Sequence[Stage]
) -> str:
    """What the lifecycle options of a batch are, for its journal: the folders given and the
    hash of the tables read from them (a table added, removed or edited may change any
    pairing, so a resumed batch reviews every file again)."""
    import hashlib

    if not targets and not monitoring:
        return ""
    digest = hashlib.sha256()
    for source in sorted({t.source for t in tables}):
        digest.update(source.encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(Path(source).read_bytes())
        except OSError:
            digest.update(b"\1")
        digest.update(b"\0")
    given = ";".join([f"targets={p}" for p in targets] + [f"monitoring={p}" for p in monitoring])
    return f"{given};sha256={digest.hexdigest()[:16]}"


@dataclass(frozen=True, slots=True)
class Pairing:
    """Which self-evaluations of a batch found no target table (unpaired), and which target
    and monitoring tables no self-evaluation used."""

    evaluations: int
    unpaired: tuple[str, ...]  # paths of the self-evaluations
    unused_targets: tuple[str, ...]  # sources of the tables
    unused_monitoring: tuple[str, ...]

    def lines(self) -> list[str]:
        """The pairing in Chinese, for the command line and 配对情况.txt."""
        out = [
            f"自评表 {self.evaluations} 份，其中 {len(self.unpaired)} 份未找到配对的绩效目标表"
            f"；未被任何自评表使用的目标表 {len(self.unused_targets)} 份、"
            f"监控表 {len(self.unused_monitoring)} 份"
        ]
        for title, items in (
            ("未找到目标表的自评表", self.unpaired),
            ("未被使用的目标表", self.unused_targets),
            ("未被使用的监控表", self.unused_monitoring),
        ):
            if items:
                out.append(f"{title}：")
                out += [f"  {item}" for item in items]
        return out


PAIRING_FILE = "配对情况.txt"


def pairing_of(
    records: Iterable[FileRecord], tables: Sequence[Stage], mid: Sequence[Stage]
) -> Pairing:
    """The pairing of a batch's self-evaluations (the journal's records, read) with the
    tables given, as :class:`LifecycleCheck` pairs them (same year, project and unit)."""
    from jixiao.lifecycle.pairing import find_stage_for

    targets = [t for t in tables if isinstance(t, TargetTable)]
    monitors = [m for m in mid if isinstance(m, MonitoringTable)]
    used_t: set[int] = set()
    used_m: set[int] = set()
    unpaired: list[str] = []
    evaluations = 0
    for r in records:
        if not r.read_ok:
            continue
        evaluations += 1
        key = (r.year, r.kind, r.unit, r.project)
        target = find_stage_for(*key, targets)
        monitor = find_stage_for(*key, monitors)
        if target is None:
            unpaired.append(r.path)
        else:
            used_t.add(id(target))
        if monitor is not None:
            used_m.add(id(monitor))
    return Pairing(
        evaluations,
        tuple(unpaired),
        tuple(_label(t) for t in targets if id(t) not in used_t),
        tuple(_label(m) for m in monitors if id(m) not in used_m),
    )


def _label(stage: Stage) -> str:
    name = stage.project.text if stage.project else (stage.unit.text if stage.unit else "")
    return f"{stage.source}（{name}）" if name else stage.source
