"""The lifecycle checks in running order, and the runner: target table alone (JX-T…),
monitoring table alone (JX-R…), across stages (JX-L…). They are part of the one catalogue
(``jixiao rules``, docs/checks.md); :func:`check_stages` runs those the given documents allow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jixiao.lifecycle.base import LifecycleCheck, StageContext, Stages
from jixiao.lifecycle.cross_checks import CROSS_CHECKS
from jixiao.lifecycle.monitor_checks import MONITOR_CHECKS
from jixiao.lifecycle.target_checks import TARGET_CHECKS
from jixiao.model import Finding, Location, Severity

if TYPE_CHECKING:
    from jixiao.profiles.profile import Profile

LIFECYCLE_CHECKS: tuple[LifecycleCheck, ...] = (*TARGET_CHECKS, *MONITOR_CHECKS, *CROSS_CHECKS)


def _applies(check: LifecycleCheck, stages: Stages) -> bool:
    if check.needs == "targets":
        return stages.targets is not None
    if check.needs == "monitoring":
        return stages.monitoring is not None
    return stages.evaluation is not None and (
        stages.targets is not None or stages.monitoring is not None
    )


def check_stages(
    stages: Stages, profile: Profile | str | None = None, *, only: str | None = None
) -> tuple[Finding, ...]:
    """Every lifecycle check the documents allow; findings sorted like ``run_checks``'s.

    ``only`` = "targets" / "monitoring" / "cross" restricts to one group."""
    from jixiao.checks import sort_key
    from jixiao.profiles import load_profile

    context = StageContext(load_profile(profile))
    found: list[Finding] = []
    for c in LIFECYCLE_CHECKS:
        if (only and c.needs != only) or not _applies(c, stages):
            continue
        try:
            found.extend(c(stages, context))  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - one faulty check must not hide the others
            source = next(
                (d.source for d in (stages.evaluation, stages.targets, stages.monitoring) if d),
                "",
            )
            found.append(
                Finding(
                    code="JX-X000",
                    severity=Severity.INFO,
                    message=f"审核规则 {c.code} 未能完成（{type(exc).__name__}: {exc}），请向维护者报告",
                    location=Location(source),
                    basis="内部错误",
                )
            )
    return tuple(sorted(found, key=sort_key))
