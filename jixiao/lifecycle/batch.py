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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jixiao.lifecycle.model import MonitoringTable, Stage, TargetTable
from jixiao.model import Evaluation, Finding


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
