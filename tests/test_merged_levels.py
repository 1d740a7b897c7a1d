"""一级/二级 cells merged over their rows and printed at the block's vertical centre (a PDF puts a
merged cell's text in its middle): the rows above the label belong to it too. Invented text of
the shape."""

from jixiao import read_text
from jixiao.extract.merged_levels import centred_blocks

HEAD = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
CENTRED = HEAD + (
    "|  | 数量指标 | 培训班次 | ≥6次 | 6次 | 10 | 10 |\n"
    "| 产出指标 | 质量指标 | 学员合格率 | ≥90% | 95% | 10 | 10 |\n"
    "|  | 时效指标 | 按时结业率 | 100% | 100% | 10 | 10 |\n"
    "|  | 社会效益指标 | 受训人员就业率 | ≥60% | 70% | 20 | 20 |\n"
    "| 效益指标 |  | 群众知晓率 | ≥80% | 85% | 20 | 18 |\n"
    "| 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% | 93% | 10 | 10 |\n"
    "| 总分 | 80 | 78 |\n"
)


def levels(text: str) -> list[tuple[str | None, str | None]]:
    e = read_text(text, "t.txt")
    return [
        (i.level1.text if i.level1 else None, i.level2.text if i.level2 else None)
        for i in e.indicators
    ]


def test_rows_above_a_centred_label_belong_to_it():
    assert levels(CENTRED) == [
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("产出指标", "时效指标"),
        ("效益指标", "社会效益指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]
    notes = read_text(CENTRED, "t.txt").notes
    assert any("合并单元格的中间行" in n for n in notes)


def test_a_second_level_that_contradicts_the_block_above_moves_the_boundary():
    # the first block's label sits on its first row (a block of two), the second block's in its
    # middle: 社会效益指标 cannot belong to 产出指标
    text = HEAD + (
        "| 产出指标 | 数量指标 | 培训班次 | ≥6次 | 6次 | 10 | 10 |\n"
        "|  | 质量指标 | 学员合格率 | ≥90% | 95% | 10 | 10 |\n"
        "|  | 社会效益指标 | 受训人员就业率 | ≥60% | 70% | 20 | 20 |\n"
        "| 效益指标 |  | 群众知晓率 | ≥80% | 85% | 20 | 18 |\n"
        "|  |  | 带动增收户数 | ≥50户 | 56户 | 20 | 20 |\n"
    )
    assert [lv[0] for lv in levels(text)] == ["产出指标", "产出指标"] + ["效益指标"] * 3


def test_labels_on_the_first_row_of_their_block_read_top_down():
    text = HEAD + (
        "| 产出指标 | 数量指标 | 培训班次 | ≥6次 | 6次 | 10 | 10 |\n"
        "|  |  | 培训人次 | ≥300人次 | 320人次 | 10 | 10 |\n"
        "|  | 质量指标 | 学员合格率 | ≥90% | 95% | 10 | 10 |\n"
        "| 效益指标 | 社会效益指标 | 受训人员就业率 | ≥60% | 70% | 20 | 20 |\n"
        "|  |  | 群众知晓率 | ≥80% | 85% | 20 | 18 |\n"
    )
    assert levels(text) == [
        ("产出指标", "数量指标"),
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("效益指标", "社会效益指标"),
        ("效益指标", "社会效益指标"),
    ]


def test_an_excerpt_cut_inside_a_block_leaves_its_first_rows_without_category():
    # no header: the rows before the first label may belong to a block printed on the page
    # before, nothing confirms which
    text = (
        "|  | 数量指标 | 培训班次 | ≥6次 | 6次 | 10 | 10 |\n"
        "|  | 质量指标 | 学员合格率 | ≥90% | 95% | 10 | 10 |\n"
        "| 效益指标 | 社会效益指标 | 受训人员就业率 | ≥60% | 70% | 20 | 20 |\n"
        "|  |  | 群众知晓率 | ≥80% | 85% | 20 | 18 |\n"
        "|  |  | 带动增收户数 | ≥50户 | 56户 | 20 | 20 |\n"
    )
    assert [lv[0] for lv in levels(text)] == [None, None] + ["效益指标"] * 3


def test_centred_blocks_put_each_label_in_the_middle_of_its_rows():
    # rows 0..6, labels printed on rows 1 and 5: blocks 0–2 and 3–6 (5 is a middle row of 3–6)
    assert centred_blocks([1, 5], 0, 6) == ([(0, 2), (3, 6)], 0)
    assert centred_blocks([0], 0, 0) == ([(0, 0)], 0)


def test_explain_names_the_centred_rule():
    from jixiao.extract.trace import tracing

    with tracing() as trace:
        read_text(CENTRED, "t.txt")
    rules = {p.rule for p in trace.placements if p.field.startswith("指标[培训班次]")}
    assert any("中间行" in r for r in rules)
    placed = [
        p for p in trace.placements if p.field.startswith("指标[培训班次]") and "中间行" in p.rule
    ]
    assert [p.cells[0].text for p in placed] == ["产出指标"]
