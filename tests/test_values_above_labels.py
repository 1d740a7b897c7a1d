"""pdftotext -layout text where a row's values came on the line above its labels, each cell
still under its column (jixiao/readers/text/baselines.py); invented forms of that shape."""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

from jixiao import read_text
from jixiao.readers.text.baselines import rejoin

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

HEAD = [
    "2024年度项目支出绩效自评表",
    "项目名称        2024年松石镇河堤加固项目",
    "主管部门        松石镇水务站    实施单位        松石镇水务站",
]
TABLE = [
    "一级指标        二级指标        三级指标        年度指标值      实际完成值      分值            得分",
    "产出指标        数量指标        加固堤段长度    ≥2.5公里        2.6公里         30              30",
    "                                                ≥95%            97%             20              20",
    "                质量指标        工程验收合格率",
    "                                                2024年10月前    2024年9月       20              18",
    "                时效指标        完工时间",
    "效益指标        社会效益指标    沿岸群众安全感  明显增强        明显增强        20              20",
]


def test_a_values_line_above_its_labels_line_is_one_row_again() -> None:
    got = rejoin(TABLE)
    assert got is not None and len(got) == len(TABLE)
    assert got[2].split() == ["质量指标", "工程验收合格率", "≥95%", "97%", "20", "20"]
    assert got[3] == ""
    assert got[4].split() == ["时效指标", "完工时间", "2024年10月前", "2024年9月", "20", "18"]
    assert got[1] == TABLE[1] and got[6] == TABLE[6]


def test_the_form_reads_as_if_printed_in_order() -> None:
    e = read_text("\n".join([*HEAD, *TABLE, "总分            100             98"]), "堤.txt")
    ind = {i.name.text: i for i in e.indicators}
    assert set(ind) == {"加固堤段长度", "工程验收合格率", "完工时间", "沿岸群众安全感"}
    assert ind["工程验收合格率"].level2.text == "质量指标"
    assert (ind["工程验收合格率"].target.text, ind["工程验收合格率"].score.value) == (
        "≥95%",
        Decimal(20),
    )
    assert (ind["完工时间"].actual.text, ind["完工时间"].score.value) == ("2024年9月", Decimal(18))


def test_wrapped_cells_of_either_line_come_along() -> None:
    lines = [
        "一级指标        二级指标        三级指标        年度指标值      实际完成值      分值            得分            偏差原因",
        "                                                ≥6场            5场             10              8               汛期延误，已顺",
        "                                                                                                                延至下年",
        "效益指标        社会效益指标    防汛知识宣传场",
        "                                次",
    ]
    got = rejoin(lines)
    assert got is not None
    assert got[1].split() == [
        "效益指标",
        "社会效益指标",
        "防汛知识宣传场",
        "≥6场",
        "5场",
        "10",
        "8",
        "汛期延误，已顺",
    ]
    assert got[2].split() == ["次", "延至下年"]
    assert got[3:] == ["", ""]


def test_lines_that_are_not_such_a_pair_are_left_alone() -> None:
    # figures continuing a row (split figures) followed by a full row; a line of labels only
    # followed by a full row; no header over them: nothing to lay together
    lines = [
        "一级指标        二级指标        三级指标        年度指标值      实际完成值      分值            得分",
        "产出指标        数量指标        加固堤段长度    ≥2.5公里        2.6公里",
        "                                                                                30              30",
        "                质量指标        工程验收合格率  ≥95%            97%             20              20",
        "                时效指标        完工时间",
        "                                                ",
    ]
    assert rejoin(lines) is None
    assert rejoin(TABLE[1:]) is None  # no header: the columns are not known


def test_damage_prints_a_scrambled_row_in_place_for_the_positional_layout() -> None:
    import damage
    from layout_robustness import evaluations, report_lines

    name, base = evaluations(1, 3)[1]
    form = damage.form_of(base, report_lines(base))
    where = damage.plan(form.rows, form.truth)
    got = damage.d_scrambled(form, where, random.Random(2))
    assert got.placed is not None and got.placed != got.rows
    # every cell of every row is still in its column: the lines laid together are the rows
    moved = [r for r in got.placed if r not in form.rows]
    assert moved
    for values, labels in zip(moved[::2], moved[1::2], strict=True):
        joined = [v or lab for v, lab in zip(values, labels, strict=True)]
        assert joined in form.rows


def test_a_line_of_figures_before_the_next_part_or_a_worded_row_is_no_pair() -> None:
    # the last figures of a row continued on their own line, then the next part's heading, or
    # a row whose worded target and actual sit in the value columns: no labels line
    lines = [
        "项目资金（万元）项  目          全年预算数      全年执行数      执行率          分值            得分",
        "                年度资金总额    80              76",
        "                                                                95.00%          10              9.5",
        "年度总体目标    年初设定目标    全年完成情况",
    ]
    assert rejoin(lines) is None
    rows = [
        TABLE[0],
        "                管理类          制度执行有效性                  严格执行制度",
        "                                                                                10              10",
        "                财务管理        财务监控有效性  完整            建立监控机制",
        "                                                                                10              9",
    ]
    assert rejoin(rows) is None
