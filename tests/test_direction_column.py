"""An indicator table whose operator column is headed 指标方向 (≥/≤ or 正向/反向), as some
templates derived from the 绩效目标表 print it: the operator is read, not dropped."""

from __future__ import annotations

import jixiao

FORM = """\
| 项目名称 | 社区养老服务站运营补助 | | | | | | | |
| 一级指标 | 二级指标 | 三级指标 | 指标方向 | 年度指标值 | 计量单位 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 服务站覆盖社区数 | {a} | 18 | 个 | 18 | 30 | 30 |
| | 成本指标 | 单站运营成本 | {b} | 6 | 万元 | 5.8 | 20 | 20 |
| 满意度指标 | 服务对象满意度指标 | 老年人满意度 | ≥ | 90 | % | 94 | 10 | 10 |
"""


def _operators(text: str) -> list[str | None]:
    e = jixiao.read_text(text, "方向.txt")
    return [None if i.operator is None else i.operator.value for i in e.indicators]


def test_signs_in_a_direction_column_are_the_operators() -> None:
    assert _operators(FORM.format(a="≥", b="≤")) == ["≥", "≤", "≥"]


def test_direction_words_are_read_as_their_signs() -> None:
    assert _operators(FORM.format(a="正向", b="反向")) == ["≥", "≤", "≥"]
