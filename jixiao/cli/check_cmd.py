"""``jixiao check FILE [--profile P] [--json]`` and ``jixiao rules [--json]``.

``check`` works like a linter: one finding per line, ``location: [CODE] message（应为 X，实为 Y）``,
grouped by severity with counts. Exit status: 0 clean or warnings only, 1 errors found,
2 the input (or the profile) cannot be read.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from jixiao.checks import CATALOGUE, finding_dict, finding_text, run_checks
from jixiao.cli.inputs import (
    load_profile_or_fail,
    monitoring_option,
    profile_option,
    read_or_fail,
    targets_option,
)
from jixiao.cli.usage import ZhCommand
from jixiao.model import Finding, Severity
from jixiao.serialize import dump_value, to_dict

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def finding_line(f: Finding, source: str = "?") -> str:
    """The one-line form of a finding; one without a location (a JSON input carries none)
    is placed at ``source``."""
    where = str(f.location) if f.location is not None else "?"
    return finding_text(source if where == "?" else where, f.code, f.message, f.expected, f.found)


def exit_status(findings: tuple[Finding, ...]) -> int:
    return 1 if any(f.severity == Severity.ERROR for f in findings) else 0


@click.command("check", cls=ZhCommand)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@profile_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON：evaluation、score、findings")
@targets_option()
@monitoring_option()
@click.option(
    "--match",
    "matches",
    multiple=True,
    metavar="自评指标=目标指标",
    help="人工指定指标的对应关系（“名称=”表示不对应）",
)
@click.option("--show-matches", is_flag=True, help="列出各阶段指标的对应关系")
def check(
    file: Path,
    profile_name: str | None,
    as_json: bool,
    targets: tuple[Path, ...] = (),
    monitoring: tuple[Path, ...] = (),
    matches: tuple[str, ...] = (),
    show_matches: bool = False,
) -> None:
    """审核自评材料：逐条列出问题（位置、代码、说明、应为/实为）。

    也审核绩效目标表、运行监控表；加 --targets / --monitoring 时对照批复的目标和年中监控审核自评表
    （文件夹按单位、项目、年度自动配对）。

    退出码：0 没有错误（可能有警告、提示），1 发现错误，2 文件或评分方案无法读取。

    全部审核规则见 jixiao rules。
    """
    from jixiao.lifecycle.cli import read_any, run_check

    profile = load_profile_or_fail(profile_name)
    if targets or monitoring or matches or show_matches:
        raise SystemExit(
            run_check(file, profile, as_json, targets, monitoring, matches, show_matches)
        )
    evaluation = read_or_fail(file, read_any)  # a self-evaluation, or target/monitoring tables
    if isinstance(evaluation, tuple):
        raise SystemExit(run_check(file, profile, as_json, read=evaluation))
    findings = run_checks(evaluation, profile)
    if as_json:
        from jixiao.scoring import score_evaluation
        from jixiao.scoring import to_dict as sheet_dict

        data = {
            "evaluation": to_dict(evaluation),
            "score": sheet_dict(score_evaluation(evaluation, profile)),
            "findings": [finding_dict(f) for f in findings],
        }
        click.echo(dump_value(data))
    else:
        _render(str(file), findings)
    raise SystemExit(exit_status(findings))


def render_findings(source: str, findings: tuple[Finding, ...]) -> None:
    """The findings as ``jixiao check`` prints them (also for the lifecycle tables)."""
    _render(source, findings)


def _render(source: str, findings: tuple[Finding, ...]) -> None:
    console = Console(highlight=False, soft_wrap=True)
    if not findings:
        console.print(f"{escape(source)}: [green]未发现问题[/]")
        return
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        console.print(f"[{_STYLE[severity]}]{SEVERITY_ZH[severity]}（{len(group)}）[/]")
        for f in group:
            console.print("  " + escape(finding_line(f, source)))
        console.print()
    counts = "，".join(
        f"{SEVERITY_ZH[s]} {n}"
        for s in Severity
        if (n := sum(1 for f in findings if f.severity == s))
    )
    console.print(f"{escape(source)}: 共 {len(findings)} 条（{counts}）")


@click.command("rules", cls=ZhCommand)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def rules(as_json: bool) -> None:
    """列出全部审核规则：代码、级别、名称、依据。"""
    if as_json:
        click.echo(dump_value(list(CATALOGUE)))
        return
    console = Console(highlight=False, soft_wrap=True)
    family = None
    for c in CATALOGUE:
        if c["family"] != family:
            family = c["family"]
            console.print(f"\n[bold]{escape(family)}[/]")
        severity = Severity(c["severity"])
        console.print(
            f"  {c['code']}  [{_STYLE[severity]}]{SEVERITY_ZH[severity]}[/]  {escape(c['title'])}"
            f"\n      {escape(c['explanation'])}"
            f"\n      [dim]依据：{escape(c['basis'])}[/]"
        )
