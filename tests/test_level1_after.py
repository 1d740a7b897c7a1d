"""一级 printed after (below) its block of rows, whose points confirm every row's place: the
rows' own categories are their 二级, not merged cells printed at their centre; under a 项目决策 /
项目管理 placed so, one value in words is the finding; a 一级 word after the row's 二级 is the
name. Invented text of the shape (a PDF table copied onto one line)."""

from jixiao import read_text
from jixiao.document import Cell
from jixiao.extract.form import FormBuilder

HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")


def _build(*rows: tuple[str, ...]) -> list:
    b = FormBuilder("x.txt")
    for row in (HEADER, *rows):
        b.feed([Cell(t, None) for t in row])
    b.finish()
    return b.parts.indicators


def test_the_rows_own_cost_category_is_their_second_level_under_the_label_after_them():
    # 成本指标 is a 一级 of one framework and a 二级 of 产出 in another: the (N分) labels after
    # the rows place every row, so the rows' 成本指标 is their 二级
    inds = _build(
        ("数量指标", "修缮道路里程", "≥12公里", "13公里", "20", "20"),
        ("质量指标", "竣工验收合格率", "100%", "100%", "10", "10"),
        ("成本指标", "每公里造价", "≤30万元", "28万元", "10", "10"),
        ("", "管护费用", "≤5万元", "4.6万元", "10", "10"),
        ("社会效益指标", "沿线受益人口", "≥3000人", "3200人", "30", "30"),
        ("满意度指标", "沿线群众满意度", "≥90%", "93%", "20", "20"),
        ("产出指标（50分）", "效益指标（30分）", "满意度指标（20分）"),
    )
    got = [(i.level1 and i.level1.text, i.level2 and i.level2.text) for i in inds]
    assert got == [
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("产出指标", "成本指标"),
        ("产出指标", "成本指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "满意度指标"),
    ]


def test_points_that_do_not_place_every_row_leave_the_old_reading():
    # 产出 (40 分) fits the first two rows only: nothing is moved onto the rest
    inds = _build(
        ("数量指标", "修缮道路里程", "≥12公里", "13公里", "20", "20"),
        ("质量指标", "竣工验收合格率", "100%", "100%", "20", "20"),
        ("社会效益指标", "沿线受益人口", "≥3000人", "3200人", "30", "30"),
        ("产出指标（40分）", "效益指标（50分）"),
    )
    assert [i.level1 and i.level1.text for i in inds] == ["产出指标", "产出指标", None]


LINE = (
    "2023年度乡村道路养护资金项目支出绩效自评表 项目名称 乡村道路养护资金 主管部门 某县交通运输局 "
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "项目立项 立项依据充分性 符合县道路养护规划 6 6 "
    "资金管理 资金使用合规性 专款专用无挤占挪用 4 4 "
    "数量指标 养护道路里程 ≥40公里 42公里 30 30 "
    "社会效益指标 群众出行条件 明显改善 明显改善 30 30 "
    "服务对象满意度指标 服务对象满意度 ≥90% 95% 30 30 "
    "项目决策(10分) 项目产出(30分) 项目效益(60分) 总分 100 100"
)


def test_words_under_a_decision_label_printed_after_them_are_the_finding():
    ev = read_text(LINE, "x.txt")
    by_name = {i.name.text: i for i in ev.indicators}
    ind = by_name["立项依据充分性"]
    assert ind.level1.text == "项目决策"
    # never the target: the finding once the label is placed, or (a row one cell short of its
    # header, short_rows.py) left unread with a note naming it
    assert ind.target is None
    if ind.actual is None:
        assert any("符合县道路养护规划" in n and "未读取" in n for n in ev.notes)
    else:
        assert ind.actual.text == "符合县道路养护规划"


def test_a_first_level_word_after_the_second_level_is_the_name():
    ev = read_text(LINE, "x.txt")
    ind = {i.name.text: i for i in ev.indicators}["服务对象满意度"]
    assert (ind.level1.text, ind.level2.text) == ("项目效益", "服务对象满意度指标")
    assert (ind.target.text, ind.actual.text) == ("≥90%", "95%")


def test_a_first_level_with_points_after_an_empty_second_level_is_still_the_first_level():
    # 经济效益指标 printed with no row of its own, then 满意度指标(10分) | 满意度指标 | the row
    inds = _build(
        ("效益指标", "社会效益指标", "受益人口", "≥3000人", "3200人", "20", "20"),
        (
            "",
            "经济效益指标",
            "满意度指标(10分)",
            "满意度指标",
            "群众满意度",
            "≥90%",
            "95%",
            "10",
            "10",
        ),
    )
    assert (inds[-1].name.text, inds[-1].level1.text) == ("群众满意度", "满意度指标")
