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


# an OCR'd scan printed as one run: the header cell 参考分值 comes out as 考值参分, the
# categories are the common evaluation framework's (项目产出/项目效益 with their points)
SCANNED_RUN = (
    "2021年度项目支出绩效自评表项目名称职业技能培训补助主管部门某市人力资源和社会保障局\n"
    "绩效指标一级指标二级指标三级指标考值参分指标值全年实际值得分未完成原因分析及改进措施"
    "项目产出(30分)数量指标(10分)培训人数10800人820人10质量指标(10分)培训合格率1095%96%10"
    "项目效益(20分)社会效益指标群众知晓率2090%92%18\n"
    "总分4038\n"
)


def test_a_column_label_printed_in_another_character_order_names_its_column():
    from jixiao.extract import vocab
    from jixiao.extract.vocab import Role

    assert vocab.column_role("考值参分") == Role.WEIGHT
    assert vocab.column_role("际实完成值") == Role.ACTUAL
    assert vocab.column_role("办学条件") is None  # same length, other characters


def test_scanned_run_with_a_scrambled_header_and_framework_categories():
    e = read_text(SCANNED_RUN, "scan.txt")
    got = [
        (i.level1.text, i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("项目产出", "培训人数", "800人", "820人", 10, 10),
        ("项目产出", "培训合格率", "95%", "96%", 10, 10),
        ("项目效益", "群众知晓率", "90%", "92%", 20, 18),
    ]
