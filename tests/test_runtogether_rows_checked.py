"""Run-together indicator rows settled by the row's own arithmetic (invented text)."""

from jixiao.extract.runtogether import split_indicator_rows
from jixiao.extract.runtogether_bounds import bound_agreement, word_unit_penalty
from jixiao.extract.runtogether_reasons import attach_reasons
from jixiao.extract.vocab import Role

TARGET_FIRST = (Role.UNIT, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE)
WEIGHT_FIRST = (Role.UNIT, Role.WEIGHT, Role.TARGET, Role.ACTUAL, Role.SCORE, Role.DEVIATION)


def test_full_score_keeps_the_actual_within_the_bound():
    rows = split_indicator_rows("补助发放时限月不晚于11111515", TARGET_FIRST)
    assert rows == (("补助发放时限", "月", "不晚于11", "11", "15", "15"),)


def test_actual_of_the_targets_order_breaks_a_tie():
    rows = split_indicator_rows("路灯完好率%不低于909377", TARGET_FIRST)
    assert rows is not None
    assert rows[0][2:] == ("不低于90", "93", "7", "7")


def test_bound_agreement_needs_a_full_score_to_judge_a_bound():
    assert bound_agreement("不低于80", "8", "6", "6") < 0
    assert bound_agreement("不低于80", "78", "6", "5") > 0  # points lost: a miss is possible
    assert bound_agreement("≤30", "31", "5", "5") < 0
    assert bound_agreement("达标", "达标", "5", "5") == 0


def test_reason_after_a_row_that_lost_points():
    rows = split_indicator_rows("校车接送准点率%1095以上928.5设备老化检修滞后", WEIGHT_FIRST)
    assert rows == (("校车接送准点率", "%", "10", "95以上", "92", "8.5", "设备老化检修滞后"),)


def test_text_after_a_full_points_row_stays_a_name():
    roles = WEIGHT_FIRST
    rows = ((("甲项", "", "5", "达标", "达标", "5")), ("乙项",))
    assert attach_reasons(rows, roles) == rows


def test_reason_glued_before_the_next_name_is_given_back():
    text = "宣传覆盖面8持续扩大持续扩大6.4进度滞后群众知晓程度8明显提高明显提高6.4进度滞后"
    rows = split_indicator_rows(text, WEIGHT_FIRST)
    assert rows is not None
    assert [r[0] for r in rows] == ["宣传覆盖面", "群众知晓程度"]
    assert all(r[-1] == "进度滞后" for r in rows)


def test_no_reason_column_no_reason():
    rows = (("甲项", "", "5", "达标", "达标", "3"), ("乙项",))
    assert attach_reasons(rows, TARGET_FIRST) == rows


def test_chinese_unit_is_not_cut_from_a_worded_row():
    rows = split_indicator_rows("农户居住条件12显著改善显著改善12", WEIGHT_FIRST)
    assert rows is not None
    assert rows[0][:2] == ("农户居住条件", "")
    assert word_unit_penalty("件", "显著改善", "显著改善") > 0
    assert word_unit_penalty("件", "≥20", "22") == 0
    assert word_unit_penalty("%", "明显提升", "明显提升") == 0


def test_level1_points_with_spaces_stay_with_their_label():
    from jixiao.document import Cell, Location
    from jixiao.extract.runtogether import split_labels

    pieces = split_labels(
        [Cell("产出指标 (40 分)效益指标 (45 分)满意度指标 (15 分)", Location(line=3))]
    )
    assert [p.cell.text for p in pieces] == [
        "产出指标(40 分)",
        "效益指标(45 分)",
        "满意度指标(15 分)",
    ]
    assert not any(p.residual for p in pieces)


def test_framework_categories_when_its_level1_come_after_the_rows():
    from jixiao.document import Cell, Location
    from jixiao.extract.runtogether import split_labels

    lines = [
        "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分",
        "资金投入资金到位及时性及时到位及时到位55",
        "财务管理资金使用规范性规范规范1010",
        "项目决策 (5 分)项目管理 (10 分)",
    ]
    pieces = split_labels([Cell(t, Location(line=i + 1)) for i, t in enumerate(lines)])
    labels = [p.cell.text for p in pieces if not p.residual]
    assert "资金投入" in labels and "财务管理" in labels


def test_framework_words_stay_in_names_without_the_framework():
    from jixiao.document import Cell, Location
    from jixiao.extract.runtogether import split_labels

    lines = [
        "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分",
        "资金投入带动就业人数≥20人22人55",
    ]
    pieces = split_labels([Cell(t, Location(line=i + 1)) for i, t in enumerate(lines)])
    assert "资金投入" not in [p.cell.text for p in pieces if not p.residual]


def test_fund_block_total_with_glued_figures_is_a_row_label():
    from jixiao.document import Cell, Location
    from jixiao.extract.runtogether import split_labels

    pieces = split_labels([Cell("资金结构合计512.3498.697.34%--", Location(line=2))])
    assert [(p.cell.text, p.residual) for p in pieces][:2] == [("资金结构", False), ("合计", False)]
