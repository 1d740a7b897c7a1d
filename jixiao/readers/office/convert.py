"""Convert through LibreOffice (.doc, .wps, .et, HTML saved as .xls, …) in a private profile.

Each conversion runs ``soffice --headless --convert-to docx|xlsx`` with its own temporary
user profile (``-env:UserInstallation``), so it neither touches nor waits for a user's
LibreOffice, and with a timeout after which the whole process group is killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jixiao.errors import ReadError
from jixiao.readers.office import limits

_CANDIDATES = ("soffice", "libreoffice")
_EXTRA_PATHS = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """Path of LibreOffice's soffice, from $JIXIAO_SOFFICE, PATH or the usual places."""
    env = os.environ.get("JIXIAO_SOFFICE")
    if env:
        return env if Path(env).exists() else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _EXTRA_PATHS if Path(p).exists()), None)


@contextmanager
def converted(
    path: Path, target: str, *, source: str | None = None, what: str = "文件"
) -> Iterator[Path]:
    """Yield the file converted to ``target`` ("docx"/"xlsx"/"pdf"); removed afterwards."""
    source = source or str(path)
    soffice = find_soffice()
    if soffice is None:
        raise ReadError(
            source,
            f"读取此类{what}需要 LibreOffice，但本机未安装（请安装 LibreOffice，或在 Word/WPS 中另存为 .docx/.xlsx 后再读取）",
        )
    with tempfile.TemporaryDirectory(prefix="jixiao-lo-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        out_dir = work / "out"
        out_dir.mkdir()
        infile = work / ("input" + path.suffix.lower())
        shutil.copyfile(path, infile)
        cmd = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(infile),
        ]
        try:
            proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
                env={**os.environ, "HOME": tmp},
            )
        except OSError as exc:
            raise ReadError(source, f"无法启动 LibreOffice（{exc}）") from exc
        try:
            _, err = proc.communicate(timeout=limits.SOFFICE_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise ReadError(
                source,
                f"LibreOffice 转换超时（超过 {limits.SOFFICE_TIMEOUT_SECONDS} 秒），文件可能过大或已损坏",
            ) from None
        results = sorted(out_dir.glob(f"*.{target}"))
        if proc.returncode != 0 or not results or results[0].stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
            raise ReadError(
                source,
                f"LibreOffice 无法转换此{what}（文件可能已损坏、已加密或格式不受支持）"
                + (f"：{detail[0]}" if detail else ""),
            )
        yield results[0]


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        proc.kill()
    proc.wait()
