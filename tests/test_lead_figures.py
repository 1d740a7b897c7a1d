"""A score sheet's PDF text whose rows' points open the next line (jixiao/readers/text/lead_figures.py).
Invented forms."""

from __future__ import annotations

from decimal import Decimal

from reading_helpers import indicator_named

from jixiao import read_text
from jixiao.readers.text.lead_figures import figures_back

SHEET = """2020年度项目支出绩效自评表
一级指标 二级指标 三级指标 分值 得分
项目决策(20分) 立项依据(10分) 政策相符性
5 5 需求充分性
5 3 绩效目标(10分) 目标清晰度
6 6 目标可测性
4 4
项目管理(20分) 资金管理(12分) 拨付及时率
6 5 支出合规性
6 6 组织实施(8分) 验收规范性
8 7
总分 40 36
"""


def test_points_opening_a_line_belong_to_the_row_above():
    e = read_text(SHEET, "sheet.txt")
    got = {i.name.text: (i.weight.value, i.score.value) for i in e.indicators}
    assert got == {
        "政策相符性": (Decimal("5"), Decimal("5")),
        "需求充分性": (Decimal("5"), Decimal("3")),
        "目标清晰度": (Decimal("6"), Decimal("6")),
        "目标可测性": (Decimal("4"), Decimal("4")),
        "拨付及时率": (Decimal("6"), Decimal("5")),
        "支出合规性": (Decimal("6"), Decimal("6")),
        "验收规范性": (Decimal("8"), Decimal("7")),
    }
    assert indicator_named(e, "验收规范性").level2.text.startswith("组织实施")
    assert e.total_score.value == Decimal("36")


def test_rows_ending_in_their_own_points_are_left_alone():
    rows = [
        "一级指标 二级指标 三级指标 分值 得分",
        "产出指标 数量指标 培训人次 20 20",
        "质量指标 合格率 20 18",
        "效益指标 社会效益指标 知晓率 20 20",
        "总分 60 58",
    ]
    assert figures_back(rows) is None
    # one cell per line (blank lines between): a figure alone on its line is a cell, not a lead
    vertical = ["名称甲", "", "5", "", "5", "", "名称乙", "", "4", "", "3"]
    assert figures_back(vertical) is None
