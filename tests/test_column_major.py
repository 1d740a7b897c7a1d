"""PDF text of an indicator table printed one column after another (jixiao/readers/text/columns.py):
invented forms of that shape, read back row by row."""

from __future__ import annotations

from decimal import Decimal

from reading_helpers import indicator_named as _ind

from jixiao import read_text
from jixiao.readers.text.columns import transpose

HEAD = (
    "2023年度项目支出绩效自评表\n"
    "项目名称   2023年青禾县渡口改造项目\n"
    "主管部门   青禾县交通运输局   实施单位   青禾县交通运输局\n"
    "项目资金（万元）   全年预算数   执行数   执行率   分值   得分\n"
    "年度资金总额   200   180   90.00%   10   9\n"
)


def _column_major(*columns: tuple[str, list[str]], first: tuple[str, ...] = ("绩效指标",)) -> str:
    lines = list(first)
    for head, cells in columns:
        lines.append(head)
        lines.extend(cells)
    return HEAD + "\n".join(lines) + "\n"


def test_columns_of_equal_length_are_rows_again() -> None:
    text = _column_major(
        ("一级指标", ["产出指标", "产出指标", "效益指标"]),
        ("二级指标", ["数量指标", "时效指标", "社会效益指标"]),
        ("三级指标", ["改造渡口数", "完工时间", "出行条件"]),
        ("年度指标值", ["≥4个", "≤10月", "明显改善"]),
        ("实际完成值", ["4个", "10月", "明显改善"]),
        ("分值", ["30", "30", "30", "90"]),
        ("得分", ["30", "27", "30", "87"]),
        first=("绩效指标", "合计"),
    )
    e = read_text(text)
    assert [i.name.text for i in e.indicators] == ["改造渡口数", "完工时间", "出行条件"]
    ind = _ind(e, "完工时间")
    assert (ind.level1.text, ind.level2.text) == ("产出指标", "时效指标")
    assert (ind.target.text, ind.actual.text) == ("≤10月", "10月")
    assert (ind.weight.value, ind.score.value) == (Decimal(30), Decimal(27))
    assert e.total_weight.value == Decimal(90)
    assert any("逐列打印" in n for n in e.notes)


def test_labels_printed_once_go_where_the_points_and_the_kinds_put_them() -> None:
    # 一级 (N分) adds up its rows' 分值; each 二级 fits the kind of its rows (a count, a date …);
    # the unit column skips the worded target, the reason column the rows without lost points
    text = _column_major(
        ("一级指标", ["产出指标（50分）", "效益指标（20分）", "满意度指标（20分）"]),
        ("二级指标", ["数量指标", "时效指标", "社会效益指标", "服务对象满意度指标"]),
        ("三级指标", ["改造渡口数", "新增候船亭", "完工时间", "出行条件", "群众满意度"]),
        ("计量单位", ["个", "座", "月", "%"]),
        ("年度指标值", ["≥4", "≥2", "≤10", "明显改善", "≥90"]),
        ("实际完成值", ["4", "2", "10", "明显改善", "93"]),
        ("分值", ["20", "15", "15", "20", "20"]),
        ("得分", ["20", "15", "12", "20", "20"]),
        ("偏差原因分析及改进措施", ["汛期延误"]),
    )
    e = read_text(text)
    got = {i.name.text: (i.level1.text, i.level2.text) for i in e.indicators}
    assert got == {
        "改造渡口数": ("产出指标", "数量指标"),
        "新增候船亭": ("产出指标", "数量指标"),
        "完工时间": ("产出指标", "时效指标"),
        "出行条件": ("效益指标", "社会效益指标"),
        "群众满意度": ("满意度指标", "服务对象满意度指标"),
    }
    assert _ind(e, "出行条件").target.text == "明显改善"
    assert _ind(e, "完工时间").unit == "月"
    assert not _ind(e, "出行条件").unit


def test_a_placement_nothing_confirms_stays_empty_with_a_note() -> None:
    # two 二级 of the same broad kind over three worded rows whose names serve neither more than
    # the other: which row starts the second one is not known, so no 二级 is read (never a guess)
    text = _column_major(
        ("二级指标", ["社会效益指标", "可持续影响指标"]),
        ("三级指标", ["出行条件", "管护成效", "通航秩序"]),
        ("年度指标值", ["明显改善", "逐步完善", "有效改善"]),
        ("实际完成值", ["明显改善", "逐步完善", "有效改善"]),
        ("分值", ["30", "30", "30"]),
        ("得分", ["30", "30", "30"]),
    )
    e = read_text(text)
    assert [i.name.text for i in e.indicators] == ["出行条件", "管护成效", "通航秩序"]
    assert all(i.level2 is None or not i.level2.text for i in e.indicators)
    assert any("二级指标" in n and "无法确定" in n for n in e.notes)


def test_tables_printed_row_by_row_are_left_alone() -> None:
    # one cell per line, row by row: the header words follow each other, no column of names
    rows = [
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["\u3000", "产出指标", "数量指标", "改造渡口数", "≥4个", "4个", "30", "30"],
        ["\u3000", "\u3000", "时效指标", "完工时间", "≤10月", "10月", "30", "27"],
    ]
    text = "\n\n".join("\n".join(r) for r in rows)
    assert transpose(text, text.split("\n")) is None
    # label and value on alternate lines (one indicator): a name column of one cell
    vertical = "三级指标\n改造渡口数\n年度指标值\n≥4个\n实际完成值\n4个\n分值\n30\n得分\n30"
    assert transpose(vertical, vertical.split("\n")) is None
    # spaced text of rows
    spaced = (
        "二级指标   三级指标   年度指标值   分值   得分\n数量指标   改造渡口数   ≥4个   30   30"
    )
    assert transpose(spaced, spaced.split("\n")) is None


def test_a_table_broken_over_pages_is_read_block_by_block() -> None:
    # each page a block of columns under its header words again
    page1 = _column_major(
        ("二级指标", ["数量指标", "时效指标"]),
        ("三级指标", ["改造渡口数", "完工时间"]),
        ("年度指标值", ["≥4个", "≤10月"]),
        ("分值", ["30", "30"]),
        ("得分", ["30", "27"]),
    )
    page2 = (
        "第 2 页\n"
        "二级指标\n社会效益指标\n服务对象满意度指标\n"
        "三级指标\n出行条件\n乘客满意度\n"
        "年度指标值\n明显改善\n≥90%\n"
        "分值\n20\n20\n"
        "得分\n20\n18\n"
    )
    e = read_text(page1 + page2)
    got = {i.name.text: (i.level2.text, i.weight.value, i.score.value) for i in e.indicators}
    assert got == {
        "改造渡口数": ("数量指标", Decimal(30), Decimal(30)),
        "完工时间": ("时效指标", Decimal(30), Decimal(27)),
        "出行条件": ("社会效益指标", Decimal(20), Decimal(20)),
        "乘客满意度": ("服务对象满意度指标", Decimal(20), Decimal(18)),
    }


def test_a_name_cut_by_a_page_break_is_one_cell_again() -> None:
    # the names column is one cell longer than the targets, and that cell follows the page mark
    text = _column_major(
        ("二级指标", ["数量指标", "时效指标", "社会效益指标"]),
        ("三级指标", ["改造渡口数", "完工", "- 2 -", "时间", "出行条件"]),
        ("年度指标值", ["≥4个", "≤10月", "明显改善"]),
        ("分值", ["30", "30", "30"]),
        ("得分", ["30", "27", "30"]),
    )
    e = read_text(text)
    assert [i.name.text for i in e.indicators] == ["改造渡口数", "完工时间", "出行条件"]
    assert _ind(e, "完工时间").score.value == Decimal(27)


def test_a_very_long_column_major_table_is_read_without_placing_its_labels() -> None:
    # the 二级 placement's work is bounded: 300 rows under 60 二级 keep their 二级 out, with a note
    n = 300
    lines = ["绩效指标", "二级指标", *(["数量指标", "社会效益指标"] * 30), "三级指标"]
    lines += [f"第{k}项任务完成数" for k in range(n)]
    lines += ["年度指标值", *["≥5个"] * n, "分值", *["1"] * n, "得分", *["1"] * n]
    e = read_text("\n".join(lines) + "\n")
    assert len(e.indicators) == n
    assert any("二级指标" in note and "无法确定" in note for note in e.notes)
