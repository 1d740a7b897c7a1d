"""Render the catalogue as the Markdown of docs/checks.md (the part after its marker).

    .venv/bin/python -m jixiao.checks.catalogue_md docs/checks.md   # rewrite that part

A test compares the file with :func:`render`, so the docs cannot fall behind the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jixiao.checks import CATALOGUE

MARKER = "## 规则 / The catalogue\n"
_SEVERITY = {"error": "错误 error", "warning": "警告 warning", "info": "提示 info"}
_FAMILY_EN = {
    "算术": "Arithmetic",
    "预算执行": "Budget execution",
    "绩效指标": "Indicators",
    "一致性": "Consistency",
    "人员": "Staff",
    "完整性": "Completeness",
    "绩效目标表": "Target tables",
    "运行监控": "Monitoring",
    "跨阶段": "Across stages",
}


def render() -> str:
    out = [MARKER]
    family = None
    for c in CATALOGUE:
        if c["family"] != family:
            family = c["family"]
            out.append(f"\n### {family} / {_FAMILY_EN[family]}\n\n")
        out.append(f"#### {c['code']} {c['title']}\n\n")
        out.append(f"- 级别 / severity: **{_SEVERITY[c['severity']]}**\n")
        out.append(f"- 依据 / basis: {c['basis']}\n")
        out.append(f"- 说明：{c['explanation']}\n")
        out.append(f"- {c['description']}\n")
        out.append(f"- 例 / example: {c['example']}\n\n")
    return "".join(out).rstrip("\n") + "\n"


def rewrite(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    head = text.split(MARKER)[0]
    path.write_text(head + render(), encoding="utf-8")


if __name__ == "__main__":
    rewrite(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/checks.md"))
