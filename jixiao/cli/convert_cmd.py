"""``jixiao convert IN OUT`` and ``jixiao report IN -o 报告.docx``."""

from __future__ import annotations

from pathlib import Path

import click

from jixiao.cli import fail
from jixiao.cli.inputs import load_profile_or_fail, profile_option, read_or_fail
from jixiao.cli.usage import ZhCommand
from jixiao.errors import JixiaoError


@click.command(
    cls=ZhCommand, help="格式转换：按输出文件的扩展名写出 .xlsx / .docx / .pdf / .json / .txt。"
)
@click.argument("source", metavar="输入文件", type=click.Path(dir_okay=True))
@click.argument("target", metavar="输出文件", type=click.Path(dir_okay=False))
def convert(source: str, target: str) -> None:
    from jixiao.lifecycle.cli import read_any
    from jixiao.writers import write_path

    evaluation = read_or_fail(source, read_any)
    if isinstance(evaluation, tuple):  # target / monitoring tables: their official layouts
        from jixiao.lifecycle.writer import write_stages

        try:
            for written in write_stages(evaluation, Path(target)):
                click.echo(f"已写出 {written}")
        except JixiaoError as exc:
            fail(str(exc))
        return
    try:
        written = write_path(evaluation, Path(target))
    except JixiaoError as exc:
        fail(str(exc))
    click.echo(f"已写出 {written}")


@click.command(
    cls=ZhCommand,
    help=(
        "根据自评表生成自评报告（.docx 或 .pdf）：数字取自表格，评分与等级按评分规则计算；"
        "单位需要填写的内容标为【待填写：…】。材料中已有报告时按原文写出（--redraft 重新起草）。"
    ),
)
@click.argument("source", metavar="输入文件", type=click.Path(dir_okay=True))
@click.option(
    "-o",
    "--output",
    "output",
    metavar="报告.docx",
    type=click.Path(dir_okay=False),
    help="输出文件（默认：输入文件名_自评报告.docx）",
)
@profile_option
@click.option("--no-check", is_flag=True, help="不审核自评表（默认审核，发现错误时提示）")
@click.option(
    "--redraft", is_flag=True, help="原材料已有报告时，也按表格重新起草（默认保留原报告）"
)
def report(
    source: str, output: str | None, profile_name: str | None, no_check: bool, redraft: bool
) -> None:
    from dataclasses import replace

    import jixiao

    profile = load_profile_or_fail(profile_name)
    evaluation = read_or_fail(source)
    if redraft:
        evaluation = replace(evaluation, report=None)
    target = (
        Path(output) if output else Path(source).with_name(f"{Path(source).stem}_自评报告.docx")
    )
    if target.suffix.lower() not in (".docx", ".pdf"):
        fail(f"{target}: 自评报告只能写成 .docx 或 .pdf")
    if not target.parent.exists():
        fail(f"{target}: 输出目录不存在")
    try:
        sheet = jixiao.score(evaluation, profile)
        findings = None if no_check else jixiao.check(evaluation, profile)
    except Exception as exc:  # noqa: BLE001 - a scoring bug must not cost the draft
        click.echo(
            f"jixiao: {source}: 评分或审核时出现内部错误（{type(exc).__name__}），"
            "报告按填报的得分起草，未审核",
            err=True,
        )
        sheet, findings = None, None
    try:
        if target.suffix.lower() == ".pdf":
            from jixiao.writers.pdf import write_report_pdf

            write_report_pdf(evaluation, target, score_sheet=sheet)
        else:
            from jixiao.writers.docx import write_report_docx

            write_report_docx(evaluation, target, score_sheet=sheet)
    except JixiaoError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{target}: 无法写入（{exc.strerror or exc}）")
    kept = evaluation.report is not None and bool(evaluation.report.sections)
    if kept:
        click.echo(f"{source} 已有自评报告，按原文写出（按表格重新起草请加 --redraft）")
    click.echo(f"已写出 {target}")
    errors = [f for f in findings or () if f.severity.value == "error"]
    if errors:
        click.echo(
            f"注意：审核发现自评表有 {len(errors)} 个错误（报告中不列出），"
            f"提交前请用 jixiao check {source} 查看并改正",
            err=True,
        )
