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
from jixiao.cli.inputs import profile_option, read_with_profile
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
def check(file: Path, profile_name: str | None, as_json: bool) -> None:
    """审核自评材料：逐条列出问题（位置、代码、说明、应为/实为）。

    退出码：0 没有错误（可能有警告、提示），1 发现错误，2 文件或评分方案无法读取。

    全部审核规则见 jixiao rules。
    """
    evaluation, profile = read_with_profile(file, profile_name)
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
