"""Header labels wrapped into pieces that land among the values (spaced text from a sheet:
``年度 | 总体 | 目标``, ``一级 | 指标``, ``年度 | 实际`` before ``指标值 | 完成值``). The pieces are
labels, never a goal or an indicator. Invented text of the shape."""

from jixiao import read_text
from jixiao.document import Cell
from jixiao.extract.stream import join_split_labels

SCRAMBLED_HEADER = (
    "某县项目支出绩效自评表 (2022年度) 项目名称 乡村道路养护 主管部门 某县交通运输局 "
    "实施单位 某县公路站 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
    "年度资金总额 50 50 48 10 96% 9.6 年度 总体 目标 一级 指标 — 保障道路通行 保障道路通行 "
    "年度 实际 指标值 完成值 二级指标 三级指标 分值 得分 指标1:修补路面面积 3000平方米 "
    "2800平方米 20 18 指标2:群众满意度 ≥90% 93% 20 20 总分 100 97.6\n"
)


def test_a_label_wrapped_into_three_pieces_is_one_label():
    cells = [Cell(t, None) for t in ("年度", "总体", "目标", "保障道路通行")]
    assert [c.text for c in join_split_labels(cells)] == ["年度总体目标", "保障道路通行"]
    # three words that are labels one by one stay apart
    cells = [Cell(t, None) for t in ("分值", "得分", "指标值")]
    assert [c.text for c in join_split_labels(cells)] == ["分值", "得分", "指标值"]


def test_header_pieces_before_the_indicator_header_are_neither_goal_nor_indicator():
    e = read_text(SCRAMBLED_HEADER, "t.txt")
    assert [(g.planned.text, g.achieved.text) for g in e.goals] == [
        ("保障道路通行", "保障道路通行")
    ]
    names = [i.name.text for i in e.indicators]
    assert "年度" not in names and "保障道路通行" not in names
    assert names == ["修补路面面积", "群众满意度"]
    assert [(i.weight.value, i.score.value) for i in e.indicators] == [(20, 18), (20, 20)]
