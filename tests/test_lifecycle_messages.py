"""Every message of the check catalogue (self-evaluation and lifecycle checks) reads as
printed text: no doubled percent sign (“≥95%%”), no unfilled ``{…}`` and no ``None`` where a
value was missing. The findings come from generated forms with each planted fault of
bench/faults.py, generated lifecycle triples with each cross-stage fault, and the lifecycle
examples; the sources of the checks are scanned as well, for the checks no input here fires."""

from __future__ import annotations

import inspect
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import faults  # noqa: E402
from forms import build, department, project  # noqa: E402

from jixiao.checks import CHECKS, run_checks  # noqa: E402
from jixiao.model import Finding  # noqa: E402

EXAMPLES = ROOT / "examples" / "lifecycle"
# what a message must not render: a doubled %, a placeholder left unfilled, a missing value
_BAD = re.compile(r"%%|[{}]|(?<![A-Za-z])None(?![A-Za-z])")


def _rendering_faults(findings: list[Finding]) -> list[str]:
    out = []
    for f in findings:
        for part in (f.message, f.expected, f.found):
            if part is not None and _BAD.search(str(part)):
                out.append(f"[{f.code}] {part}")
    return out


def _evaluation_findings() -> list[Finding]:
    findings: list[Finding] = []
    for k, (_, (planter, _, _, department_only)) in enumerate(sorted(faults.FAULTS.items())):
        for seed in range(3):
            rng = random.Random(100 * k + seed)
            spec = (department if department_only or seed == 2 else project)(rng, 2023)
            if planter(spec, rng) is None:
                continue
            findings += run_checks(build(spec))
    import jixiao

    findings += run_checks(jixiao.read(ROOT / "examples" / "seed-2021-yuelu-fulian.txt"))
    return findings


def _faulty_monitoring():  # noqa: ANN202 - a MonitoringTable
    """A generated monitoring table with the faults of a monitoring table alone: 有可能 without
    a reason, an uncategorised reason, 整改 without a requirement, money far behind."""
    import dataclasses

    from faults import _lc_stages

    from jixiao.lifecycle.model import Likelihood
    from jixiao.model import Num, Text

    rng = random.Random(4)
    _, monitoring = _lc_stages(project(rng, 2023), rng)
    inds = list(monitoring.indicators)
    inds[0] = dataclasses.replace(inds[0], likelihood=Likelihood.POSSIBLE, cause=None, remedy=None)
    inds[1] = dataclasses.replace(
        inds[1], likelihood=Likelihood.IMPOSSIBLE, cause=Text("天气原因"), remedy=Text("加快进度")
    )
    inds[2] = dataclasses.replace(inds[2], rectify=True, rectify_requirement=None)
    funds = [
        dataclasses.replace(f, executed=Num(f.budget.value / 20, "1.00")) if f.budget else f
        for f in monitoring.funds
    ]
    return dataclasses.replace(monitoring, indicators=tuple(inds), funds=tuple(funds))


def _lifecycle_findings(tmp_path: Path) -> list[Finding]:
    from jixiao.lifecycle import read_stage_file
    from jixiao.lifecycle.base import Stages
    from jixiao.lifecycle.checks import check_stages

    findings: list[Finding] = []
    faults.lifecycle_bench(2, seed=7, outdir=str(tmp_path), collect=findings)
    findings += check_stages(Stages(None, _faulty_monitoring(), None))
    for path in sorted(EXAMPLES.glob("*.txt")):
        for table in read_stage_file(path):
            is_target = table.kind.value.endswith("target")
            findings += check_stages(
                Stages(table if is_target else None, None if is_target else table, None)
            )
    return findings


def test_no_message_of_any_check_renders_a_doubled_percent_a_brace_or_none(
    tmp_path: Path,
) -> None:
    findings = _evaluation_findings() + _lifecycle_findings(tmp_path)
    codes = {f.code for f in findings}
    # the inputs fire many of the catalogue's codes, of the self-evaluation and all three
    # lifecycle families (the sources of the others are scanned below)
    assert len(codes) >= 35, sorted(codes)
    assert {c[:4] for c in codes} >= {"JX-T", "JX-R", "JX-L", "JX-A", "JX-I"}, sorted(codes)
    assert not _rendering_faults(findings), _rendering_faults(findings)[:10]
    # a check that failed on these inputs is reported as JX-X000: none may
    assert not [f.message for f in findings if f.code == "JX-X000"]


def test_a_rendering_fault_is_caught() -> None:
    from jixiao.model import Severity

    bad = Finding(code="JX-T002", severity=Severity.WARNING, message="以百分比（≥95%%）为指标值")
    assert _rendering_faults([bad])
    bad = Finding(code="JX-X", severity=Severity.WARNING, message="值为None")
    assert _rendering_faults([bad])


# f"…{…text}%" after a value that may print its own % (the JX-T002 fault), or a literal %%
_SOURCE_FAULT = re.compile(r"%%|\.text[^{}\n]{0,40}\}%")


def test_no_check_prints_a_percent_after_a_value_that_has_one() -> None:
    from jixiao.lifecycle.checks import LIFECYCLE_CHECKS

    bad = []
    for c in (*CHECKS, *LIFECYCLE_CHECKS):
        source = inspect.getsource(c.function)
        bad += [f"{c.code}: {m.group(0)}" for m in _SOURCE_FAULT.finditer(source)]
    assert not bad, bad
