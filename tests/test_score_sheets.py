"""评分表 / 得分表 of a 部门整体 evaluation whose labels carry their points: ``制度建设(12 分)``
printed in the label's cell, a 得分表 giving only the score after each 三级, and a 评分表 copied
one cell per paragraph with its header words broken over paragraphs. Kept only when the 三级
points under a 二级 add up to its points. All text is invented, of those shapes."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.extract.eval_table import read_eval_table
from jixiao.readers.text import parse_text

# PDF text of a 得分表: 一级/二级/三级 each with (N 分), the 三级's score on the next line
SCORE_SHEET = """2022 年部门整体支出绩效评价得分表 一级指 标 二级指标 三级指标 得分 履职保 障(30 分) 制度建设(12 分) 内控制度(4 分)
4 财务制度(4 分)
3 资产制度(4 分)
4 预算管理(18 分) 编制规范(6 分)
5 执行进度(6 分)
6 调整控制(6 分)
4 产出效 果(70 分) 重点工作(40 分) 任务完成(40 分)
38"""

# a 评分表 copied from a web page one cell per paragraph: header words and the 一级 broken
# over paragraphs, the 三级's points a cell of their own, two criteria cells, then the score
PARAGRAPHS = "\n\n".join(
    [
        "绩效指标", "指标分值", "指标解释", "计分标准", "自评", "得分", "备注",
        "一级", "指标", "二级", "指标", "三级", "指标",
        "综合管", "理(40分)", "资产管理(20分)",
        "资产登记", "8", "评价资产是否及时登记入账。", "及时登记的,得8分,否则酌情扣分。", "7", " ",
        "资产盘点", "6", "评价是否按期盘点。", "按期盘点的,得6分。", "6", " ",
        "处置合规", "6", "评价资产处置是否履行程序。", "程序完整的,得6分。", "5", " ",
    ]
)  # fmt: skip


def _rows(text: str) -> list[tuple]:
    table = read_eval_table(parse_text(text, "sheet.txt"))
    assert table is not None
    return [
        (
            i.level1.text if i.level1 else None,
            i.level2.text if i.level2 else None,
            i.name.text,
            i.weight.value,
            i.score.value if i.score else None,
        )
        for i in table.indicators
    ]


def test_a_score_sheet_with_points_in_its_labels():
    assert _rows(SCORE_SHEET) == [
        ("履职保障", "制度建设", "内控制度", Decimal(4), Decimal(4)),
        ("履职保障", "制度建设", "财务制度", Decimal(4), Decimal(3)),
        ("履职保障", "制度建设", "资产制度", Decimal(4), Decimal(4)),
        ("履职保障", "预算管理", "编制规范", Decimal(6), Decimal(5)),
        ("履职保障", "预算管理", "执行进度", Decimal(6), Decimal(6)),
        ("履职保障", "预算管理", "调整控制", Decimal(6), Decimal(4)),
        ("产出效果", "重点工作", "任务完成", Decimal(40), Decimal(38)),
    ]


def test_a_sheet_copied_one_cell_per_paragraph():
    assert _rows(PARAGRAPHS) == [
        ("综合管理", "资产管理", "资产登记", Decimal(8), Decimal(7)),
        ("综合管理", "资产管理", "资产盘点", Decimal(6), Decimal(6)),
        ("综合管理", "资产管理", "处置合规", Decimal(6), Decimal(5)),
    ]


def test_points_that_add_up_nowhere_are_no_sheet():
    broken = SCORE_SHEET.replace("障(30 分)", "障(33 分)").replace("果(70 分)", "果(67 分)")
    broken = broken.replace("制度建设(12 分)", "制度建设(13 分)").replace(
        "预算管理(18 分)", "预算管理(19 分)"
    ).replace("重点工作(40 分) 任务完成(40 分)", "重点工作(45 分) 任务完成(40 分)")
    assert read_eval_table(parse_text(broken, "sheet.txt")) is None


def test_a_criterion_sentence_with_points_in_brackets_is_no_label():
    # 1、台账完整(2分)；2、… inside a criteria cell: sentences, not labels with points
    text = PARAGRAPHS.replace("及时登记的,得8分,否则酌情扣分。", "1、台账完整(2分);2、账实相符(6分)。")
    assert _rows(text)[0] == ("综合管理", "资产管理", "资产登记", Decimal(8), Decimal(7))


def test_the_form_reads_the_sheet_when_its_rows_gave_names_without_points():
    e = read_text("2022年度某某县档案馆部门整体支出绩效评价\n\n" + PARAGRAPHS, "sheet.txt")
    got = {(i.name.text, i.weight.value, i.score.value) for i in e.indicators}
    assert ("资产盘点", Decimal(6), Decimal(6)) in got


# a 评分表 as a web page's grid: each level a 名称 and a 权重(%) column, the first row of a
# group holding all three levels, a 扣分说明 cell before the score where points were taken off
GRID = """部门整体支出绩效评价评分表 | ||||||||
单位:某某县林业站 | ||||||||
评价指标 | 指标说明 | 评分标准 | 扣分说明 | 得分 | ||||
一级指标 | 二级指标 | 三级指标 | ||||||
名称 | 权重(%) | 名称 | 权重(%) | 名称 | 权重(%) | |||
资金管理 | 30 | 预算执行 | 12 | 执行进度 | 6 | 考核资金是否按进度支出。 | 按进度支出的,得6分。 | 四季度支出偏多 | 5 | |
结余控制 | 6 | 考核年末结余是否合理。 | 结余率不超过5%的,得6分。 | | 6 | ||||
财务管理 | 18 | 制度执行 | 18 | 考核财务制度执行情况。 | 执行到位的,得18分。 | | 18 | ||||
"""


def test_a_grid_with_a_points_column_for_each_level():
    assert _rows(GRID) == [
        ("资金管理", "预算执行", "执行进度", Decimal(6), Decimal(5)),
        ("资金管理", "预算执行", "结余控制", Decimal(6), Decimal(6)),
        ("资金管理", "财务管理", "制度执行", Decimal(18), Decimal(18)),
    ]
