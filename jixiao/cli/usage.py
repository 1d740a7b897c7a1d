"""Command-line mistakes (missing argument, unknown option, bad value) in one Chinese line.

click prints its usage errors in English over three lines; :class:`ZhCommand` turns them into
``jixiao check: 缺少参数 FILE（用法见 jixiao check --help）`` with exit status 2.
"""

from __future__ import annotations

import re
import sys
from typing import IO, Any

import click

# click's value errors for the parameter types the commands use, in Chinese
_VALUE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(.+) is not in the range (.+)\.$"), r"\1 超出允许范围 \2"),
    (re.compile(r"(.+) is not a valid integer( range)?\.$"), r"\1 不是整数"),
    (re.compile(r"(.+) is not a valid float( range)?\.$"), r"\1 不是数字"),
    (re.compile(r"(?:File|Directory|Path) (.+) does not exist\.$"), r"\1 不存在"),
    (re.compile(r"(?:File|Path) (.+) is a directory\.$"), r"\1 是文件夹，应为文件"),
    (re.compile(r"(?:Directory|Path) (.+) is a file\.$"), r"\1 是文件，应为文件夹"),
)


def _value_message(message: str) -> str:
    for pattern, replacement in _VALUE_MESSAGES:
        if pattern.match(message):
            return pattern.sub(replacement, message).replace("'", "")
    return message


class ZhUsageError(click.UsageError):
    """A usage error shown as one Chinese line on stderr."""

    def show(self, file: IO[Any] | None = None) -> None:
        name = self.ctx.command_path if self.ctx is not None else "jixiao"
        click.echo(f"{name}: {self.message}（用法见 {name} --help）", file=file or sys.stderr)


class ZhCommand(click.Command):
    """A click command whose usage errors and ``--help`` option speak Chinese."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.MissingParameter as exc:
            hint = exc.param.human_readable_name if exc.param is not None else ""
            raise ZhUsageError(f"缺少参数 {hint}", ctx) from exc
        except click.NoSuchOption as exc:
            similar = "、".join(exc.possibilities or ())
            tip = f"（是否想用 {similar}？）" if similar else ""
            raise ZhUsageError(f"没有选项 {exc.option_name}{tip}", ctx) from exc
        except click.BadParameter as exc:
            hint = exc.param.get_error_hint(ctx).replace("'", "") if exc.param is not None else ""
            raise ZhUsageError(f"参数 {hint} 的值无效：{_value_message(exc.message)}", ctx) from exc
        except click.BadOptionUsage as exc:
            raise ZhUsageError(f"选项 {exc.option_name} 缺少取值", ctx) from exc
        except click.UsageError as exc:
            extra = re.match(r"Got unexpected extra arguments? \((.+)\)", exc.message)
            message = f"多余的参数：{extra.group(1)}" if extra else exc.message
            raise ZhUsageError(message, ctx) from exc

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示本帮助并退出"
        return option
