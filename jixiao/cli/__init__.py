"""The ``jixiao`` command line. Each subcommand lives in its own module of this package
and is imported only when called, so that ``jixiao parse`` does not load Django."""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

# name -> (module, function, one-line help). A command whose module is not installed
# is not listed.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "parse": ("jixiao.cli.parse_cmd", "parse", "读取自评表/报告，输出摘要或 JSON"),
    "score": ("jixiao.cli.score_cmd", "score", "按评分规则计算得分，与填报得分对照"),
    "check": ("jixiao.cli.check_cmd", "check", "审核：逐条列出问题（代码、位置、依据）"),
    "rules": ("jixiao.cli.check_cmd", "rules", "列出全部审核规则"),
    "convert": ("jixiao.cli.convert_cmd", "convert", "格式转换：文本/Word/Excel/PDF/JSON"),
    "report": ("jixiao.cli.convert_cmd", "report", "根据自评表生成自评报告 (.docx)"),
    "batch": ("jixiao.cli.batch_cmd", "batch", "批量审核一个地区的全部自评材料"),
    "compare": ("jixiao.cli.batch_cmd", "compare", "对比两个年度的批量审核结果"),
    "serve": ("jixiao_web.cli", "serve", "启动网页应用"),
    "backup": ("jixiao_web.cli", "backup", "备份网页应用的数据库"),
    "restore": ("jixiao_web.cli", "restore", "从备份恢复网页应用的数据库"),
}


class LazyGroup(click.Group):
    """Commands imported on first use; usage mistakes reported in one Chinese line."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        from jixiao.cli.usage import ZhUsageError

        name = click.utils.make_str(args[0])
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            known = "、".join(self.list_commands(ctx))
            raise ZhUsageError(f"没有命令 {name}（可用：{known}）", ctx)
        return super().resolve_command(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._spec_available(name)]

    @staticmethod
    def _spec_available(name: str) -> bool:
        module = COMMANDS[name][0]
        try:
            return importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:  # parent package absent
            return False

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not self._spec_available(cmd_name):
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        if not isinstance(command, click.Command):
            raise TypeError(f"{module}.{attr} is not a click command")
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jixiao", help="显示版本号并退出")
@click.help_option("-h", "--help", help="显示本帮助并退出")
def main() -> None:
    """jixiao（绩效）：预算绩效自评表的读取、评分、审核、生成与汇总。"""


def fail(message: str, status: int = 2) -> None:
    """Print one line in Chinese on stderr and exit (no traceback)."""
    click.echo(f"jixiao: {message}", err=True)
    sys.exit(status)
