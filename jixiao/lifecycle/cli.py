"""The lifecycle in the command line: ``jixiao parse`` / ``check`` / ``convert`` on target and
monitoring tables, and ``jixiao check 自评表 --targets 目标表 [--monitoring 监控表]`` (a file, or
folders matched by unit, project and year). The click commands stay in :mod:`jixiao.cli`;
this module does the work so that they change by a few lines only."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jixiao.errors import JixiaoError, ReadError
from jixiao.lifecycle.base import Stages
from jixiao.lifecycle.checks import check_stages
from jixiao.lifecycle.model import MonitoringTable, Stage, TargetTable
from jixiao.lifecycle.pairing import find_stage
from jixiao.model import Evaluation, Finding

if TYPE_CHECKING:
    from jixiao.profiles.profile import Profile


def read_any(path: Path) -> Evaluation | tuple[Stage, ...]:
    """A self-evaluation, or the target/monitoring tables of a lifecycle document — the file is
    read once and its title says which."""
    import jixiao
    from jixiao.lifecycle.reader import load_document, read_stages, sniff_kind
    from jixiao.readers import extract_document

    if path.suffix.lower() == ".json":
        if _json_kind(path) in {"project_target", "department_target", "monitoring"}:
            from jixiao.lifecycle.reader import read_stage_file

            return read_stage_file(path)
        return jixiao.read(path)
    if _plain_text(path) and _text_kind(path) is None:  # its first lines say what it is
        return jixiao.read(path)
    document = load_document(path)
    kind = sniff_kind(document)
    if kind is not None:
        return read_stages(document, kind)
    return extract_document(document)


def _plain_text(path: Path) -> bool:
    from jixiao.readers import OFFICE_SUFFIXES

    if path.suffix.lower() in OFFICE_SUFFIXES or not path.is_file():
        return False
    with path.open("rb") as fh:
        head = fh.read(8)
    return not head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"{\\rtf"))


def _text_kind(path: Path) -> str | None:
    """The lifecycle kind the first non-empty lines of a text file name (None: other or
    undecodable — the self-evaluation reader then says what is wrong)."""
    from jixiao.lifecycle.reader import kind_of_title
    from jixiao.readers import decode_text

    with path.open("rb") as fh:
        head = fh.read(16384)
    try:
        text = decode_text(head, str(path))
    except ReadError:
        return None
    lines = [ln.strip(" \t|") for ln in text.splitlines() if ln.strip(" \t|")][:6]
    kind = kind_of_title("\n".join(lines))
    return kind.value if kind else None


def _json_kind(path: Path) -> str | None:
    try:
        head = path.read_text(encoding="utf-8-sig")[:4096]
    except (OSError, UnicodeDecodeError):
        return None
    import re

    m = re.search(r'"kind"\s*:\s*"([a-z_]+)"', head)
    return m.group(1) if m else None


def read_stage_paths(paths: Sequence[Path]) -> list[Stage]:
    """Every table in the files (folders: every file inside, sorted); unreadable files are
    skipped with a note on stderr in the batch, raised for a single file."""
    from jixiao.lifecycle.reader import read_stage_file

    out: list[Stage] = []
    for path in paths:
        if path.is_dir():
            for p in sorted(q for q in path.rglob("*") if q.is_file()):
                try:
                    out += read_stage_file(p)
                except JixiaoError as exc:
                    import click

                    click.echo(f"jixiao: 跳过 {exc}", err=True)
        else:
            out += read_stage_file(path)
    return out


def stages_for(
    evaluation: Evaluation,
    targets: Sequence[Stage],
    monitoring: Sequence[Stage],
    overrides: dict[str, str] | None = None,
) -> Stages:
    """The stages of one self-evaluation: a single table is taken as given, several are
    matched by unit, project and year."""
    tables = [t for t in targets if isinstance(t, TargetTable)]
    monitors = [m for m in monitoring if isinstance(m, MonitoringTable)]
    target = tables[0] if len(tables) == 1 else find_stage(evaluation, tables)
    monitor = monitors[0] if len(monitors) == 1 else find_stage(evaluation, monitors)
    return Stages(target, monitor, evaluation, tuple(tables), overrides or {})


def parse_overrides(pairs: Sequence[str]) -> dict[str, str]:
    """``--match 自评指标=目标指标`` (``自评指标=`` : not matched) → the overrides mapping."""
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise JixiaoError(f"--match “{pair}”应写成 自评表或监控表的指标名=目标表的指标名")
        later, earlier = pair.split("=", 1)
        out[later.strip()] = earlier.strip()
    return out


def match_rows(stages: Stages) -> list[dict[str, Any]]:
    """Every match made, for users to see and correct (``--show-matches``, JSON)."""
    rows = []
    for name, matches in stages.matches.items():
        for m in matches:
            rows.append(
                {
                    "stages": name,
                    "earlier": m.earlier.name.text if m.earlier else None,
                    "earlier_location": str(m.earlier.location)
                    if m.earlier and m.earlier.location
                    else None,
                    "later": m.later.name.text if m.later else None,
                    "later_location": str(m.later.location)
                    if m.later and m.later.location
                    else None,
                    "method": m.method,
                    "score": m.score,
                    "shown": m.shown,
                }
            )
    return rows


def check_all(stages: Stages, profile: Profile) -> tuple[Finding, ...]:
    """The self-evaluation's own checks, then the lifecycle checks, sorted together."""
    from jixiao.checks import run_checks, sort_key

    own = run_checks(stages.evaluation, profile) if stages.evaluation is not None else ()
    return tuple(sorted((*own, *check_stages(stages, profile)), key=sort_key))


def stage_summary(stage: Stage) -> list[str]:
    """What ``jixiao parse`` prints for a target or monitoring table."""
    kind = {
        "project_target": "项目支出绩效目标表",
        "department_target": "部门整体支出绩效目标表",
        "monitoring": "项目支出绩效运行监控表",
    }[stage.kind.value]
    lines = [f"{stage.source}  {kind}（{stage.layout or ''}）"]
    lines.append(
        f"年度：{stage.year or '—'}    单位：{stage.unit or '—'}    项目：{stage.project or '—'}"
    )
    if isinstance(stage, TargetTable):
        lines.append(f"资金总额：{stage.amount or '—'} {stage.money_unit}")
        if stage.goal:
            lines.append(f"年度目标：{stage.goal}")
        for i in stage.indicators:
            lines.append(
                f"  {i.level1 or ''}/{i.level2 or ''}/{i.name}  {i.target.text if i.target else '—'}"
                f"  权重 {i.weight or '—'}"
            )
    else:
        lines.append(f"截止月份：1–{stage.cutoff_month or '?'}月")
        for f in stage.funds:
            lines.append(
                f"  {f.label}：年初预算 {f.budget or '—'}，已执行 {f.executed or '—'}，"
                f"全年预计 {f.forecast or '—'}"
            )
        for mon in stage.indicators:
            lines.append(
                f"  {mon.name}  指标值 {mon.target.text if mon.target else '—'}  进度 "
                f"{mon.progress.text if mon.progress else '—'}  {mon.likelihood or ''}"
            )
    lines.append(f"指标 {len(stage.indicators)} 项")
    lines += [f"注：{note}" for note in stage.notes]
    return lines


__all__ = [
    "ReadError",
    "check_all",
    "match_rows",
    "parse_overrides",
    "read_any",
    "read_stage_paths",
    "stage_summary",
    "stages_for",
]


def run_check(
    file: Path,
    profile: Profile,
    as_json: bool,
    targets: Sequence[Path] = (),
    monitoring: Sequence[Path] = (),
    matches: Sequence[str] = (),
    show_matches: bool = False,
    read: tuple[Stage, ...] | None = None,
) -> int:
    """``jixiao check`` with the lifecycle: returns the exit status (0 / 1; 2 via fail())."""
    import click

    from jixiao.checks import finding_dict
    from jixiao.cli import fail
    from jixiao.cli.check_cmd import exit_status, render_findings
    from jixiao.cli.inputs import read_or_fail
    from jixiao.serialize import dump_value, to_dict

    try:
        overrides = parse_overrides(matches)
        earlier = read_stage_paths(list(targets)) if targets else []
        mid = read_stage_paths(list(monitoring)) if monitoring else []
    except JixiaoError as exc:
        fail(str(exc))
        raise
    if targets and not earlier:
        fail(f"{'、'.join(map(str, targets))}: 没有读到绩效目标表")
    if monitoring and not mid:
        fail(f"{'、'.join(map(str, monitoring))}: 没有读到运行监控表")
    files = sorted(p for p in file.rglob("*") if p.is_file()) if file.is_dir() else [file]
    results: list[dict[str, Any]] = []
    status = 0
    for path in files:
        if read is not None:
            content: Evaluation | tuple[Stage, ...] | None = read
        elif file.is_dir():
            content = _read_quiet(path)
        else:
            content = read_or_fail(path, read_any)
        if content is None:
            continue
        if isinstance(content, tuple):  # target or monitoring tables checked alone
            tables = [s for s in content if isinstance(s, TargetTable)]
            batch = (*tables, *(s for s in earlier if isinstance(s, TargetTable)))
            units = [Stages(targets=t, siblings=batch) for t in tables] or [
                Stages(monitoring=s) for s in content if isinstance(s, MonitoringTable)
            ]
        else:
            units = [stages_for(content, earlier, mid, overrides)]
        for stages in units:
            findings = check_all(stages, profile)
            status = max(status, exit_status(findings))
            source = str(path)
            if as_json:
                entry: dict[str, Any] = {
                    "source": source,
                    "targets": stages.targets.source if stages.targets else None,
                    "monitoring": stages.monitoring.source if stages.monitoring else None,
                    "findings": [finding_dict(f) for f in findings],
                    "matches": match_rows(stages),
                }
                if stages.evaluation is not None and not file.is_dir():
                    entry["evaluation"] = to_dict(stages.evaluation)
                results.append(entry)
                continue
            if stages.evaluation is not None and (targets or monitoring):
                click.echo(
                    f"{source}：对照目标表 {stages.targets.source if stages.targets else '（未找到）'}"
                    f"，监控表 {stages.monitoring.source if stages.monitoring else '（未找到）'}"
                )
            if show_matches:
                for row in match_rows(stages):
                    click.echo(f"  匹配 [{row['stages']}] {row['shown']}")
            render_findings(source, findings)
    if as_json:
        click.echo(dump_value(results[0] if len(results) == 1 and not file.is_dir() else results))
    return status


def _read_quiet(path: Path) -> Evaluation | tuple[Stage, ...] | None:
    """In a folder: files that cannot be read are named on stderr and skipped."""
    import click

    try:
        return read_any(path)
    except JixiaoError as exc:
        click.echo(f"jixiao: 跳过 {exc}", err=True)
        return None
