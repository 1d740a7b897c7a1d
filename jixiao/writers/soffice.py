"""Run LibreOffice headless to convert a file (to PDF, mostly), safely and boundedly.

Each call uses a private, temporary user profile (so it neither touches nor waits on the
user's LibreOffice), a time limit (the whole process group is killed when it runs over),
and a private fontconfig file that maps the fonts named in Chinese office files (宋体,
仿宋_GB2312, 黑体 …) onto the Noto CJK fonts, so the PDF shows Chinese glyphs of the
right style even on a machine without Windows fonts.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from jixiao.errors import JixiaoError

DEFAULT_TIMEOUT = 120.0  # seconds; a two-page form takes 2–5 s

SERIF_ALIASES = (
    "宋体", "SimSun", "新宋体", "NSimSun", "仿宋", "仿宋_GB2312", "FangSong", "FangSong_GB2312",
    "楷体", "楷体_GB2312", "KaiTi", "KaiTi_GB2312", "方正小标宋简体", "方正小标宋_GBK",
    "华文仿宋", "华文中宋", "华文宋体", "STSong", "STFangsong", "STZhongsong",
)  # fmt: skip
SANS_ALIASES = (
    "黑体",
    "SimHei",
    "微软雅黑",
    "Microsoft YaHei",
    "等线",
    "DengXian",
    "华文黑体",
    "STHeiti",
)
SERIF_CJK = "Noto Serif CJK SC"
SANS_CJK = "Noto Sans CJK SC"


class ConversionError(JixiaoError):
    """LibreOffice is missing, failed or ran over its time limit (message in Chinese)."""


def find_soffice() -> str | None:
    """The LibreOffice executable, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):  # fmt: skip
        if Path(candidate).exists():
            return candidate
    return None


def fontconfig_file(directory: Path) -> Path:
    """A fonts.conf that includes the system's and prefers Noto CJK for Chinese font names."""
    aliases = [(name, SERIF_CJK) for name in SERIF_ALIASES] + [
        (name, SANS_CJK) for name in SANS_ALIASES
    ]
    body = "\n".join(
        f'  <alias binding="same"><family>{name}</family><prefer><family>{target}</family></prefer></alias>'
        for name, target in aliases
    )
    conf = directory / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"{body}\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>zh-CN</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>zh-CN</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale_CJK" oor:op="fuse"><value>zh-CN</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale"><value>zh-CN</value></prop></item>
</oor:items>
"""


def private_profile(directory: Path) -> Path:
    """A fresh LibreOffice profile whose locale is zh-CN, so Noto CJK shows simplified
    Chinese glyph forms (with an en-US locale LibreOffice draws the Japanese ones)."""
    user = directory / "profile" / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    return directory / "profile"


def convert(
    source: Path, target_format: str, outdir: Path, timeout: float = DEFAULT_TIMEOUT
) -> Path:
    """Convert ``source`` with LibreOffice into ``outdir``; returns the new file's path."""
    binary = find_soffice()
    if binary is None:
        raise ConversionError(
            f"{source}: 需要 LibreOffice 才能生成 {target_format.upper()}，但本机未安装（请安装 libreoffice）"
        )
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jixiao-lo-") as tmp:
        tmpdir = Path(tmp)
        env = dict(os.environ)
        env["FONTCONFIG_FILE"] = str(fontconfig_file(tmpdir))
        env["HOME"] = str(tmpdir)  # LibreOffice writes caches under $HOME
        command = [
            binary,
            f"-env:UserInstallation={private_profile(tmpdir).as_uri()}",
            "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "--convert-to", target_format, "--outdir", str(outdir), str(source),
        ]  # fmt: skip
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ConversionError(
                f"{source}: LibreOffice 转换超时（超过 {timeout:.0f} 秒）"
            ) from None
    produced = outdir / f"{source.stem}.{target_format.split(':')[0]}"
    if process.returncode != 0 or not produced.exists():
        detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["无输出"]
        raise ConversionError(f"{source}: LibreOffice 转换失败（{detail[0]}）")
    return produced
