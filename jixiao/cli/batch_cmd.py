"""``jixiao batch`` and ``jixiao compare``: a region's submissions in one run, and two years side by side."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jixiao.cli import fail
from jixiao.cli.inputs import (
    load_profile_or_fail,
    monitoring_option,
    profile_option,
    targets_option,
)
from jixiao.cli.usage import ZhCommand

if TYPE_CHECKING:
    from jixiao.batch import Engine
    from jixiao.batch.compare import ComparedUnit


@click.command("batch", cls=ZhCommand)
@click.argument("inputs", nargs=-1, required=True, metavar="输入…", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    metavar="文件夹",
    type=click.Path(file_okay=False, path_type=Path),
    help="输出文件夹（再次运行同一文件夹即续跑）",
)
@profile_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    default=None,
    metavar="N",
    help="并行进程数，1–256（默认：CPU 核数）",
)
@click.option("--restart", is_flag=True, help="忽略以前的结果，全部重新审核")
@click.option("--no-report", is_flag=True, help="不生成汇总报告（.docx）")
@click.option(
    "--timeout",
    type=click.FloatRange(0),
    default=120.0,
    metavar="秒",
    help="单份材料的处理时限（秒，0 为不限；默认 120）",
)
@targets_option("绩效目标表（文件或文件夹，可多次）：按单位、项目和年度与各自评表配对，跨阶段审核")
@monitoring_option("运行监控表（文件或文件夹，可多次），同上")
def batch(
    inputs: tuple[Path, ...],
    outdir: Path,
    profile_name: str | None,
    jobs: int | None,
    restart: bool,
    no_report: bool,
    timeout: float,
    targets: tuple[Path, ...],
    monitoring: tuple[Path, ...],
) -> None:
    """批量审核：读取各输入（文件夹、.zip 或文件）下的全部自评材料，逐份评分、审核并汇总。

    输出 summary.xlsx、findings.json、汇总报告.docx 和逐份的 checks/*.check.txt。
    中断（Ctrl-C）后再次运行同一命令，已完成的文件（按内容识别）自动跳过。
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from jixiao.batch import Engine, run_batch
    from jixiao.batch.record import FileRecord
    from jixiao.errors import JixiaoError

    if outdir.exists() and not outdir.is_dir():
        fail(f"{outdir}: 输出位置已存在且不是文件夹")
    if not any(path.exists() for path in inputs):  # a mistyped path: nothing to review
        fail(f"{inputs[0]}: 文件或文件夹不存在")
    if profile_name:
        load_profile_or_fail(profile_name)  # refuse an unknown profile before starting
    console = Console(stderr=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]审核中"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(
            "错误 {task.fields[errors]} · 警告 {task.fields[warnings]} · 无法读取 {task.fields[bad]}"
        ),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )
    task = progress.add_task("batch", total=None, errors=0, warnings=0, bad=0)
    totals = {"errors": 0, "warnings": 0, "bad": 0}

    def on_start(n: int) -> None:
        progress.update(task, total=n)

    def on_result(result: object) -> None:
        if isinstance(result, FileRecord):
            totals["errors"] += result.errors
            totals["warnings"] += result.warnings
            totals["bad"] += 0 if result.read_ok else 1
        progress.update(
            task, advance=1, errors=totals["errors"], warnings=totals["warnings"], bad=totals["bad"]
        )

    engine = Engine(profile=profile_name, timeout=timeout)
    tables: tuple = ((), ())
    if targets or monitoring:
        engine, tables = _lifecycle_engine(engine, targets, monitoring)
    try:
        with progress:
            result = run_batch(
                list(inputs),
                outdir,
                engine,
                jobs,
                on_start,
                on_result,
                restart=restart,
                report=not no_report,
            )
    except (JixiaoError, OSError) as exc:
        fail(str(exc))
        return
    except KeyboardInterrupt:  # a second Ctrl-C while the outputs were being written
        click.echo("已中断：审核日志完好，再次运行同一命令即可继续并重新生成汇总。", err=True)
        raise SystemExit(130) from None
    c = result.counts
    line = (
        f"读取 {c.read} 份，无法读取 {c.unreadable + c.failed} 份"
        + (f"（其中程序出错 {c.failed} 份）" if c.failed else "")
        + f"；错误 {c.errors} 条，警告 {c.warnings} 条；用时 {result.seconds:.1f} 秒"
        + (f"；已跳过以前审核过的 {c.skipped} 份" if c.skipped else "")
    )
    s = result.stats
    click.echo(line)
    earlier = s.files > c.files + c.skipped  # the folder's journal holds files not given now
    label = "汇总（含此前在该文件夹审核的材料）" if earlier else "汇总"
    click.echo(f"{label}：{s.files} 份材料，{len(s.units)} 个单位 → {outdir}")
    if not s.files:
        click.echo(
            "jixiao: 输入中没有找到自评材料（支持文本、.docx、.xlsx、.xls、.doc、.wps、.pdf 和 .zip）",
            err=True,
        )
    if targets or monitoring:
        _pairing_summary(outdir, *tables)
    if result.interrupted:
        click.echo("已中断：已完成的结果已保存，再次运行同一命令即可继续。", err=True)
        raise SystemExit(130)


def _pairing_summary(outdir: Path, earlier: tuple, mid: tuple) -> None:
    """The self-evaluations that found no target table and the tables no self-evaluation
    used: counted on the command line, listed in 配对情况.txt of the output folder."""
    from jixiao.batch.journal import Journal
    from jixiao.lifecycle.batch import PAIRING_FILE, pairing_of

    pairing = pairing_of(Journal(outdir).latest(), earlier, mid)
    lines = pairing.lines()
    (outdir / PAIRING_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    more = len(lines) > 1
    click.echo(lines[0] + (f"（名单见 {outdir / PAIRING_FILE}）" if more else ""))


def _lifecycle_engine(
    engine: Engine, targets: tuple[Path, ...], monitoring: tuple[Path, ...]
) -> tuple[Engine, tuple[tuple, tuple]]:
    """The engine whose check adds the cross-stage checks against the tables paired with each
    self-evaluation (read once here, unreadable files skipped with a note), and the tables.
    The engine's options name the tables and their contents' hash: a resumed batch reviews a
    file again when they changed (or when it was reviewed without them)."""
    from dataclasses import replace

    from jixiao.errors import JixiaoError
    from jixiao.lifecycle.batch import LifecycleCheck, LifecycleScore, options_fingerprint
    from jixiao.lifecycle.cli import read_stage_paths

    try:
        earlier = tuple(read_stage_paths(list(targets)))
        mid = tuple(read_stage_paths(list(monitoring)))
    except JixiaoError as exc:
        fail(str(exc))
    click.echo(
        f"目标表 {len(earlier)} 份、监控表 {len(mid)} 份：按单位、项目和年度与各自评表配对",
        err=True,
    )
    options = options_fingerprint(targets, monitoring, (*earlier, *mid))
    engine = replace(
        engine,
        check=LifecycleCheck(earlier, mid),
        score=LifecycleScore(earlier),
        options=options,
    )
    return engine, (earlier, mid)


@click.command("compare", cls=ZhCommand)
@click.argument("old_dir", metavar="上年输出", type=click.Path(path_type=Path))
@click.argument("new_dir", metavar="本年输出", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="文件",
    help="写入 .xlsx 或 .json（默认：在终端显示）",
)
def compare(old_dir: Path, new_dir: Path, output: Path | None) -> None:
    """对比两个年度的批量审核结果（两个 jixiao batch 的输出文件夹），按单位逐一列出变化。"""
    from jixiao.batch.compare import compare_outputs, year_warning
    from jixiao.errors import JixiaoError

    try:
        rows = compare_outputs(old_dir, new_dir)
        warning = year_warning(old_dir, new_dir)
    except JixiaoError as exc:
        fail(str(exc))
        return
    if warning:
        click.echo(warning, err=True)
    both = [u for u in rows if u.old and u.new]
    down = sum(1 for u in both if (u.score_change or 0) < 0)
    repeated = sum(1 for u in both if u.repeated)
    lowered = sum(1 for u in both if u.lowered)
    dup = sum(
        1 for u in rows if any(side is not None and side.files > 1 for side in (u.old, u.new))
    )
    if output is not None:
        if output.suffix.lower() not in (".xlsx", ".json"):
            fail(f"{output}: 只能输出 .xlsx 或 .json")
        from jixiao.batch.compare_output import write_compare

        write_compare(output, rows)
    else:
        _print_table(rows)
    click.echo(
        (f"同一单位同类材料有多份的 {dup} 个（按文件名取第一份）；" if dup else "")
        + f"两年均有 {len(both)} 个，仅上年 {sum(1 for u in rows if not u.new)} 个，仅本年 {sum(1 for u in rows if not u.old)} 个；"
        f"得分下降 {down} 个，问题重复出现 {repeated} 个，目标调低 {lowered} 个"
        + (f" → {output}" if output else "")
    )


def _print_table(rows: list[ComparedUnit]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for name in ("单位", "类型", "得分", "执行率(%)", "重复问题", "调低目标"):
        table.add_column(name)
    for u in rows:
        old_s = u.old.score if u.old else None
        new_s = u.new.score if u.new else None
        old_r = u.old.rate if u.old else None
        new_r = u.new.rate if u.new else None
        table.add_row(
            u.unit + (f"（{u.project}）" if u.project else ""),
            u.kind,
            f"{_fmt(old_s)} → {_fmt(new_s)}",
            f"{_fmt(old_r)} → {_fmt(new_r)}",
            "、".join(u.repeated),
            "\n".join(u.lowered),
        )
    Console(width=max(120, os.get_terminal_size(1).columns if os.isatty(1) else 160)).print(table)


def _fmt(value: object) -> str:
    return "—" if value is None else str(value)
