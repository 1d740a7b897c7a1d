"""``jixiao score FILE [--profile P] [--json]``: computed scores beside the printed ones."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jixiao.cli.inputs import profile_option, read_with_profile, targets_option
from jixiao.cli.usage import ZhCommand
from jixiao.model import Evaluation
from jixiao.profiles import Profile, load_profile, profile_names
from jixiao.scoring import ScoreSheet, fmt, score_evaluation, to_dict
from jixiao.serialize import dump_value

_STATUS = {
    "ok": "[green]✓ 一致[/]",
    "differs": "[red]✗ 不符[/]",
    "not_computable": "[yellow]？无法计算[/]",
    "not_printed": "[yellow]未填得分[/]",
}


def _list_profiles(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    for name in profile_names():
        p = load_profile(name)
        click.echo(f"{name}\t{p.title}\t{p.description}")
    ctx.exit(0)


@click.command("score", cls=ZhCommand)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@profile_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（数字按原精度）")
@targets_option(
    "绩效目标表（文件或文件夹）：评分方案设了 lifecycle.over_target_deduct_percent 时，"
    "完成值远超批复指标值的指标按 10号文扣减"
)
@click.option(
    "--list-profiles",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_profiles,
    help="列出内置评分方案后退出",
)
def score(file: Path, profile_name: str | None, as_json: bool, targets: tuple[Path, ...]) -> None:
    """按评分规则计算得分，与填报得分逐项对照。

    每个计分行给出填报得分、计算得分、计算方法（代入数字）和差额，最后给出总分和等级。
    给出 --targets 时，按评分方案的 [lifecycle] 选项对照批复目标扣减（默认不扣）。

    无法读取文件或评分方案有误时退出码为 2。
    """
    evaluation, profile = read_with_profile(file, profile_name)
    if targets:
        sheet = _score_with_targets(evaluation, profile, targets)
    else:
        sheet = score_evaluation(evaluation, profile)
    if as_json:
        click.echo(dump_value(to_dict(sheet)))
        return
    _render(sheet)


def _score_with_targets(
    evaluation: Evaluation, profile: Profile, targets: tuple[Path, ...]
) -> ScoreSheet:
    """The sheet with the target table paired with the evaluation (one table: as given)."""
    from jixiao.cli import fail
    from jixiao.errors import JixiaoError
    from jixiao.lifecycle.cli import read_stage_paths, stages_for
    from jixiao.lifecycle.scoring import score_with_targets

    try:
        tables = read_stage_paths(list(targets))
    except JixiaoError as exc:
        fail(str(exc))
    stages = stages_for(evaluation, tables, [])
    if stages.targets is None:
        fail(f"{'、'.join(map(str, targets))}: 没有与 {evaluation.source} 对应的绩效目标表")
    return score_with_targets(evaluation, stages.targets, profile)


def _render(sheet: ScoreSheet) -> None:
    console = Console(highlight=False)
    if not console.is_terminal:  # piped into a file or pager: room for the rule column
        console = Console(highlight=False, width=160)
    table = Table(title=f"{sheet.source} — 评分方案：{sheet.profile_title}", show_lines=True)
    table.add_column("项目（位置）", overflow="fold", ratio=2)
    table.add_column("分值", justify="right", no_wrap=True)
    table.add_column("填报得分", justify="right", no_wrap=True)
    table.add_column("计算得分", justify="right", overflow="fold")
    table.add_column("差额", justify="right", no_wrap=True)
    table.add_column("计算方法", overflow="fold", ratio=4)
    table.add_column("结果", no_wrap=True)
    for line in sheet.lines:
        if line.computed is not None:
            computed = str(line.computed)
        elif line.band is not None:
            computed = line.band.describe()
        else:
            computed = "—"
        rule = line.rule
        if line.notes:
            rule += "\n" + "\n".join(f"注：{n}" for n in line.notes)
        status = _STATUS[line.status.value]
        if line.over_achieved:
            status += "\n[magenta]大幅超额[/]"
        item = escape(line.item)
        if line.location:
            item += f"\n[dim]{escape(str(line.location))}[/]"
        table.add_row(
            item,
            fmt(line.weight),
            fmt(line.printed),
            escape(computed),
            _signed(line.difference),
            escape(rule),
            status,
        )
    console.print(table)
    printed_grade = sheet.printed_grade.value if sheet.printed_grade else "—"
    computed_grade = sheet.computed_grade.value if sheet.computed_grade else "不评等级"
    console.print(
        f"总分　填报 {fmt(sheet.printed_total)}（{printed_grade}）　"
        f"计算 {fmt(sheet.computed_total)}（{computed_grade}）　差额 {_signed(sheet.total_difference)}"
    )
    if sheet.grade_reason:
        console.print(escape(f"不评等级：{sheet.grade_reason}"), style="yellow")
    console.print(escape(f"计算：{sheet.total_rule}"))
    if sheet.weight_sum is not None:
        console.print(
            f"各计分行分值合计 {fmt(sheet.weight_sum)}，表中总分分值 {fmt(sheet.total_weight)}；"
            f"各行填报得分合计 {fmt(sheet.printed_sum)}"
        )


def _signed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    if value == 0:
        return "0"
    return ("+" if value > 0 else "−") + fmt(abs(value))
