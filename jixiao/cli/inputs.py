"""What the file commands share: the ``--profile`` option and reading the input file.

Every failure ends the command with one Chinese line naming the file (exit status 2), never
a traceback — also when a reader fails in a way nobody foresaw.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from jixiao.cli import fail
from jixiao.errors import JixiaoError

if TYPE_CHECKING:
    from jixiao.model import Evaluation
    from jixiao.profiles import Profile

F = TypeVar("F", bound=Callable[..., object])

PROFILE_HELP = (
    "评分方案：内置名称（cz2020-10、sichuan、cz2021-101、city-20-80）或 .toml 文件路径；"
    "默认 cz2020-10（财预〔2020〕10号）"
)


def profile_option(function: F) -> F:
    """``--profile/-p 方案`` passed as ``profile_name`` (None: the default profile)."""
    option = click.option(
        "--profile", "-p", "profile_name", default=None, metavar="方案", help=PROFILE_HELP
    )
    return option(function)


def targets_option(
    help_text: str = "批复的绩效目标表（文件或文件夹，可多次）：逐项对照自评表（docs/lifecycle.md）",
) -> Callable[[F], F]:
    """``--targets 目标表`` (files or folders, repeatable) passed as ``targets``."""
    return click.option(
        "--targets",
        "targets",
        multiple=True,
        metavar="目标表",
        type=click.Path(path_type=Path, exists=True),
        help=help_text,
    )


def monitoring_option(
    help_text: str = "运行监控表（文件或文件夹，可多次）",
) -> Callable[[F], F]:
    """``--monitoring 监控表`` (files or folders, repeatable) passed as ``monitoring``."""
    return click.option(
        "--monitoring",
        "monitoring",
        multiple=True,
        metavar="监控表",
        type=click.Path(path_type=Path, exists=True),
        help=help_text,
    )


def load_profile_or_fail(profile_name: str | None) -> Profile:
    """The profile, or exit 2 with the profile error (unknown name, invalid TOML …)."""
    from jixiao.profiles import load_profile
    from jixiao.profiles.loader import resolve

    try:
        path = resolve(profile_name) if profile_name else None
        if path is not None and not _has_settings(path):
            fail(f"评分方案文件 {profile_name}：文件是空的，没有任何设置（示例见 docs/scoring.md）")
        return load_profile(profile_name)
    except JixiaoError as exc:
        fail(str(exc))
        raise  # unreachable: fail() exits


def _has_settings(path: Path) -> bool:
    """Whether a profile file sets anything (an empty TOML would silently be the default)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True  # the loader reports what cannot be read
    return any(line.split("#", 1)[0].strip() for line in text.splitlines())


def read_or_fail(path: str | Path, reader: Callable[[Path], Any] | None = None) -> Evaluation:
    """The evaluation read from ``path`` (by ``reader``, default :func:`jixiao.read`), or exit
    2 with one line naming the file."""
    import jixiao

    try:
        return (reader or jixiao.read)(Path(path))
    except JixiaoError as exc:
        fail(str(exc))
        raise  # unreachable: fail() exits
    except RecursionError:
        fail(f"{path}: 文件结构嵌套过深，无法读取")
        raise
    except MemoryError:
        fail(f"{path}: 文件过大，内存不足，无法读取")
        raise
    except Exception as exc:  # noqa: BLE001 - a reader bug still gets one line and status 2
        fail(f"{path}: 读取时出现内部错误（{type(exc).__name__}: {exc}），请向维护者报告")
        raise


def read_with_profile(path: str | Path, profile_name: str | None) -> tuple[Evaluation, Profile]:
    """The profile first (a wrong profile is reported before a slow read), then the file."""
    profile = load_profile_or_fail(profile_name)
    return read_or_fail(path), profile
