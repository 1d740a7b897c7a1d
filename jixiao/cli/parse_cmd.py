"""``jixiao parse FILE [--json] [--explain]``: what was read from a self-evaluation, as a
summary or JSON; ``--explain`` adds, for each field, the cells it came from and the rule that
placed it, and the cells left unread."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jixiao.cli import fail
from jixiao.errors import ReadError
from jixiao.extract.trace import Trace, tracing
from jixiao.model import Evaluation, Location, Num, Text
from jixiao.serialize import dumps

_KIND = {"department": "部门整体支出绩效自评", "project": "项目支出绩效自评"}
_LAYOUT = {
    "tabbed": "制表符分隔文本",
    "pipe": "竖线分隔文本",
    "spaced": "空格分隔文本",
    "vertical": "每行一格文本",
    "lines": "每行一格、空行分行的文本",
    "other": "连写文本",
    "prose": "报告正文",
}


@click.command("parse")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="输出 jixiao/1 格式的 JSON（数字按原样）")
@click.option(
    "--explain",
    is_flag=True,
    help="逐项说明每个字段取自哪些单元格、按哪条规则读出，并列出未读的单元格",
)
def parse(file: Path, as_json: bool, explain: bool) -> None:
    """读取自评表或自评报告（文本、Word、Excel、PDF），输出摘要；加 --json 输出完整数据。

    绩效目标表、运行监控表按标题识别，JSON 的 kind 为 project_target、department_target 或 monitoring。

    无法读取（文件不存在、为空、二进制、不是自评材料）时在标准错误输出一行中文说明，退出码为 2。
    """
    from jixiao.lifecycle.cli import read_any

    try:
        with tracing() if explain else nullcontext() as trace:
            evaluation = read_any(file)  # a self-evaluation, or target / monitoring tables
    except ReadError as exc:
        fail(str(exc))
        return
    if isinstance(evaluation, tuple):
        _stages(evaluation, as_json)
        return
    if isinstance(evaluation, tuple):
        _stages(evaluation, as_json)
        return
    if as_json:
        click.echo(dumps(evaluation))
        return
    out = Console(highlight=False)
    _summary(evaluation, out)
    if trace is not None:
        _explain(trace, out)


_UNREAD_SHOWN = 200


def _where(location: Location) -> str:
    """The place in the file without the file's name (it is printed once above)."""
    return str(replace(location, source="")) if location.source else str(location)


def _one_line(text: str, width: int) -> str:
    return " ".join(text.split())[:width]


def _explain(trace: Trace, out: Console) -> None:
    out.print()
    out.print("[bold]读取依据[/]（字段 ← 位置：原文 ｜ 规则；位置为行号、单元格或页码）")
    for p in trace.placements:
        cells = "；".join(f"{_where(c.location)}：{_one_line(c.text, 40)}" for c in p.cells)
        out.print(
            f"  {escape(p.field)} ← {escape(cells or '—')} ｜ [dim]{escape(p.rule)}[/]",
            soft_wrap=True,
        )
    unread = trace.unread()
    out.print()
    if not unread:
        out.print("[bold]未读的单元格[/]：无")
        return
    out.print(f"[bold]未读的单元格[/]（{len(unread)} 格，没有字段取用）")
    for c in unread[:_UNREAD_SHOWN]:
        out.print(
            f"  {escape(_where(c.location))}：{escape(_one_line(c.text, 60))}", soft_wrap=True
        )
    if len(unread) > _UNREAD_SHOWN:
        out.print(f"  ……另有 {len(unread) - _UNREAD_SHOWN} 格")


def _stages(stages: tuple, as_json: bool) -> None:  # type: ignore[type-arg]
    """Target or monitoring tables: ``kind`` project_target / department_target / monitoring."""
    from jixiao.lifecycle.cli import stage_summary
    from jixiao.lifecycle.serialize import stage_dict
    from jixiao.serialize import dump_value

    if as_json:
        data = [stage_dict(s) for s in stages]
        click.echo(dump_value(data[0] if len(data) == 1 else data))
        return
    out = Console(highlight=False)
    for stage in stages:
        for line in stage_summary(stage):
            out.print(escape(line))


def _s(x: Text | Num | None) -> str:
    if x is None:
        return "—"
    return escape(str(x))


def _summary(e: Evaluation, out: Console) -> None:
    out.print(
        f"[bold]{escape(e.source)}[/]  {_KIND.get(e.kind.value, e.kind.value)}"
        f"（{_LAYOUT.get(e.layout or '', e.layout or '')}）"
    )
    out.print(f"年度：{_s(e.year)}    单位：{_s(e.unit)}")
    if e.project or e.supervisor:
        out.print(f"项目：{_s(e.project)}    主管部门：{_s(e.supervisor)}")
    if e.staff_authorized or e.staff_actual:
        out.print(f"人员编制：{_s(e.staff_authorized)}    实有人数：{_s(e.staff_actual)}")
    if e.funds:
        t = Table(title=f"资金（{e.money_unit}）", show_lines=False)
        has_initial = any(f.initial_budget is not None for f in e.funds)
        cols = (
            ["项目"]
            + (["年初预算数"] if has_initial else [])
            + ["全年预算数", "全年执行数", "执行率", "分值", "得分"]
        )
        for col in cols:
            t.add_column(col)
        for f in e.funds:
            label = ("  " * f.depth) + f.label.text
            initial = [_s(f.initial_budget)] if has_initial else []
            t.add_row(
                escape(label),
                *initial,
                _s(f.budget),
                _s(f.actual),
                _s(f.rate),
                _s(f.weight),
                _s(f.score),
            )
        out.print(t)
    for n, g in enumerate(e.goals, 1):
        out.print(f"年度总体目标{n}：{_s(g.planned)}")
        if g.achieved:
            out.print(f"  完成情况：{_s(g.achieved)}")
    if e.indicators:
        t = Table(title=f"绩效指标（{len(e.indicators)} 项）")
        for col in ("一级", "二级", "三级指标", "指标值", "完成值", "分值", "得分"):
            t.add_column(col, overflow="fold")
        for i in e.indicators:
            name = ("  其中 " if i.sub_item else "") + i.name.text
            t.add_row(
                _s(i.level1),
                _s(i.level2),
                escape(name[:40]),
                escape((i.target.text if i.target else "—")[:24]),
                escape((i.actual.text if i.actual else "—")[:24]),
                _s(i.weight),
                _s(i.score),
            )
        out.print(t)
    if e.total_weight or e.total_score:
        out.print(f"总分：分值 {_s(e.total_weight)}，得分 {_s(e.total_score)}")
    if e.report and e.report.sections:
        out.print(f"自评报告：{len(e.report.sections)} 节")
        for s in e.report.sections:
            out.print(f"  {escape(s.heading.text)}")
    if e.missing:
        out.print(f"[yellow]缺失：{escape('、'.join(e.missing))}[/]")
    for note in e.notes:
        out.print(f"[dim]注：{escape(note)}[/]")
