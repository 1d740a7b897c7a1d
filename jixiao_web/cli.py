"""``jixiao serve``, ``jixiao backup``, ``jixiao restore`` (looked up by jixiao.cli)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from jixiao.cli.usage import ZhCommand


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao_web.settings")
    import django

    django.setup()


def _fail(message: str) -> None:
    click.echo(f"jixiao: {message}", err=True)
    sys.exit(2)


def unwritable_database() -> str | None:
    """Why the database cannot be written (None: it can): a write rolled back at once. A
    read-only file or server would otherwise let the application start and fail every save."""
    from django.contrib.sessions.models import Session
    from django.db import DatabaseError, transaction
    from django.utils import timezone

    try:
        with transaction.atomic():
            Session.objects.create(
                session_key="jixiao-write-check", session_data="", expire_date=timezone.now()
            )
            transaction.set_rollback(True)
    except DatabaseError as exc:
        return str(exc).strip() or type(exc).__name__
    return None


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


@click.command(cls=ZhCommand)
@click.option(
    "--demo", is_flag=True, help="载入示例自评表（岳麓区妇联 2021），每个角色各建一个演示账号"
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="监听地址（局域网使用时设为 0.0.0.0）"
)
@click.option("--port", default=8000, show_default=True, type=int, help="端口")
@click.option(
    "--workers", default=min(os.cpu_count() or 1, 4), show_default=True, type=int, help="工作进程数"
)
@click.option("--threads", default=8, show_default=True, type=int, help="每个进程处理请求的线程数")
def serve(demo: bool, host: str, port: int, workers: int, threads: int) -> None:
    """启动网页应用（waitress 生产级服务器；自动建表、收集静态文件）。"""
    os.environ.setdefault("JIXIAO_ALLOWED_HOSTS", ",".join(_host_names(host)))
    setup_django()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command

    migrate()
    if problem := unwritable_database():
        _fail(
            f"数据库无法写入，未启动（{problem}）。请检查数据库文件和目录的权限、磁盘空间，或 PostgreSQL 是否为只读。"
        )
    call_command("collectstatic", interactive=False, verbosity=0)
    if demo:
        from jixiao_web.demo import load_demo

        try:
            accounts = load_demo()
        except Exception as exc:  # the seed could not be read: say so, in one line
            _fail(f"演示数据载入失败：{exc}")
        click.echo("演示账号（仅供演示，正式使用前请删除或修改密码）：")
        for user, password in accounts:
            click.echo(
                f"  {user.name}（{ROLE_LABELS[user.role]}）  用户名 {user.username}  密码 {password}"
            )
    elif not User.objects.exists():
        click.echo(
            "尚无用户：请先运行 `python -m jixiao_web createsuperuser` 创建管理员，或用 --demo 试用。"
        )
    if host not in ("127.0.0.1", "localhost"):
        names = "、".join(settings.ALLOWED_HOSTS)
        click.echo(f"可用以下名称访问本机（其他名称请加入环境变量 JIXIAO_ALLOWED_HOSTS）：{names}")
    from django.db import connections

    from jixiao_web.server import run
    from jixiao_web.wsgi import application

    click.echo(
        f"绩效自评系统已启动：http://{host}:{port}/   （{workers} 个进程 × {threads} 个线程）"
        f"   数据目录：{settings.DATA_DIR}   按 Ctrl+C 停止"
    )
    try:
        run(
            application,
            host,
            port,
            workers=workers,
            threads=threads,
            before_fork=connections.close_all,
        )
    except OSError as exc:
        _fail(f"无法在 {host}:{port} 上启动：{exc.strerror or exc}")


def _host_names(host: str) -> list[str]:
    """The names users may reach this machine by: loopback, the host given, and — when
    listening on every interface — this machine's name and addresses."""
    import socket

    names = ["127.0.0.1", "localhost", "[::1]"]
    if host in ("0.0.0.0", "::", ""):
        hostname = socket.gethostname()
        names += [hostname, socket.getfqdn()]
        with contextlib.suppress(OSError):
            names += socket.gethostbyname_ex(hostname)[2]
    else:
        names.append(f"[{host}]" if ":" in host else host)
    return list(dict.fromkeys(n for n in names if n))


ROLE_LABELS = {
    "filler": "单位填报人",
    "head": "单位负责人",
    "reviewer": "财政局审核人",
    "admin": "管理员",
}


@click.command(cls=ZhCommand)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def backup(file: Path) -> None:
    """把网页应用的全部数据（组织、用户、轮次、自评、历史版本、审核、日志）和上传的文件备份到一个 zip 文件。"""
    setup_django()
    from jixiao_web import backup as archive

    if file.exists():
        _fail(f"{file}: 文件已存在，不会覆盖")
    if not file.parent.exists():
        _fail(f"{file}: 目录不存在")
    migrate()
    summary = archive.make(file)
    click.echo(
        f"已备份到 {file}（{file.stat().st_size // 1024} KB）：{summary.objects} 条数据，"
        f"{summary.files} 个文件（{summary.bytes // 1024} KB）。"
    )
    if summary.missing:
        click.echo(
            f"注意：{len(summary.missing)} 个导入文件在磁盘上找不到，未能备份："
            + "、".join(summary.missing[:20]),
            err=True,
        )


@click.command(cls=ZhCommand)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="数据库不为空时，用备份替换现有数据")
def restore(file: Path, force: bool) -> None:
    """从 jixiao backup 生成的备份恢复数据和文件（默认只恢复到空数据库）。

    先完整检查备份文件，再在一个事务中替换数据：任何错误都不会改变现有数据库。"""
    setup_django()
    from django.contrib.auth.models import User

    from jixiao_web import backup as archive
    from jixiao_web.accounts.models import Region

    migrate()
    replace = User.objects.exists() or Region.objects.exists()
    if replace and not force:
        _fail("数据库不是空的；如确要用备份覆盖现有数据，请加 --force")
    try:
        summary = archive.restore(archive.read(file), replace=replace)
    except archive.BackupError as exc:
        _fail(str(exc))
    click.echo(f"已从 {file} 恢复：{summary.objects} 条数据，新写入 {summary.files} 个文件。")
    if summary.skipped:
        click.echo(
            f"注意：备份中 {len(summary.skipped)} 个文件未写入（同名文件已存在，或本机未设置其目录）："
            + "、".join(summary.skipped[:20]),
            err=True,
        )
