"""Cells wrapped inside their cells, as a Word table published as PDF prints them (issue 9 items
2 and 4): in ``pdftotext -layout`` text a vertically centred row puts a wrapped cell's lines
above and below its middle line (readers/text/centred_rows.py); one cell per line, a wrapped
cell is two or three lines in a row (readers/text/wrapped_lines.py, column_wraps.py). Invented
text of each shape; the damage ``wrapped`` (bench/damage_wrapped.py) makes them in the harness."""

from __future__ import annotations

import importlib
import random
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

from jixiao import read_text
from jixiao.extract.vocab import Role
from jixiao.readers.text.centred_rows import top_align
from jixiao.readers.text.column_wraps import unwrap_columns
from jixiao.readers.text.wrapped_lines import join_blank_parted

# display columns where the cells of the invented table start
AT = (0, 16, 32, 48, 64, 80, 96, 104, 112)


def _line(*cells: tuple[int, str]) -> str:
    """A line of ``pdftotext -layout`` text: each cell at its display column."""
    out, width = "", 0
    for col, text in cells:
        out += " " * (AT[col] - width) + text
        width = AT[col] + sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return out


HEADER = [
    "2023年度项目支出绩效自评表",
    "",
    "项目名称        青禾县乡村阅读推广项目",
    _line(
        (0, "绩效指标"),
        (1, "一级指标"),
        (2, "二级指标"),
        (3, "三级指标"),
        (4, "年度指标值"),
        (5, "实际完成值"),
        (6, "分值"),
        (7, "得分"),
    ),
]


def _ind(e, name):
    return next(i for i in e.indicators if i.name.text.replace("\n", "") == name)


def _names(e):
    return [i.name.text.replace("\n", "").replace(" ", "") for i in e.indicators]


CENTRED = [
    _line((3, "流动书屋巡回")),
    _line(
        (1, "产出指标"),
        (2, "数量指标"),
        (3, "服务村庄个数"),
        (4, "≥40个"),
        (5, "42个"),
        (6, "20"),
        (7, "20"),
    ),
    _line((3, "（含偏远村）")),
    _line((3, "读者对借阅服")),
    _line((2, "质量指标"), (3, "务的满意度"), (4, "≥90%"), (5, "93%"), (6, "20"), (7, "20")),
    _line((3, "图书按期归还率"), (4, "≥85%"), (5, "80%"), (6, "10"), (7, "8")),
]


def test_centred_rows_are_read_with_their_lines_above_and_below() -> None:
    e = read_text("\n".join([*HEADER, *CENTRED, "总分            50              48"]), "x.txt")
    assert _names(e) == [
        "流动书屋巡回服务村庄个数（含偏远村）",
        "读者对借阅服务的满意度",
        "图书按期归还率",
    ]
    first = _ind(e, "流动书屋巡回服务村庄个数（含偏远村）")
    assert (first.target.text, first.actual.text, first.weight.value) == (
        "≥40个",
        "42个",
        Decimal(20),
    )
    second = _ind(e, "读者对借阅服务的满意度")
    assert second.level2.text == "质量指标" and second.score.value == 20
    assert any("垂直居中" in n for n in e.notes)


def test_top_aligned_rows_are_left_as_printed() -> None:
    lines = [
        *HEADER,
        _line(
            (1, "产出指标"),
            (2, "数量指标"),
            (3, "流动书屋巡回"),
            (4, "≥40个"),
            (5, "42个"),
            (6, "20"),
            (7, "20"),
        ),
        _line((3, "服务村庄个数")),
        _line((2, "质量指标"), (3, "图书按期归还率"), (4, "≥85%"), (5, "80%"), (6, "10"), (7, "8")),
    ]
    assert top_align(lines) is None
    e = read_text("\n".join(lines), "x.txt")
    assert _names(e) == ["流动书屋巡回服务村庄个数", "图书按期归还率"]


def test_bottom_aligned_row_takes_the_lines_above_it() -> None:
    lines = [
        *HEADER,
        _line(
            (1, "产出指标"),
            (2, "数量指标"),
            (3, "开展读书会场次"),
            (4, "≥12场"),
            (5, "15场"),
            (6, "20"),
            (7, "20"),
        ),
        _line((3, "配送图书到村（"), (8, "配送车辆不足，")),
        _line((3, "社区）书屋的册"), (8, "下年度增加车")),
        _line(
            (2, "时效指标"),
            (3, "数"),
            (4, "≥3000册"),
            (5, "2600册"),
            (6, "10"),
            (7, "8"),
            (8, "次。"),
        ),
    ]
    e = read_text("\n".join(lines), "x.txt")
    assert _names(e) == ["开展读书会场次", "配送图书到村（社区）书屋的册数"]
    assert _ind(e, "配送图书到村（社区）书屋的册数").target.text == "≥3000册"


def test_a_line_no_rule_places_is_left_unread_with_a_note() -> None:
    """The line between the rows fills the name column, neither name then ends as a whole name
    ends, both rows stay centred either way: it may be the end of the first name or the start of
    the second — read as neither (with a note), never glued into a wrong name."""
    lines = [
        *HEADER,
        _line((3, "开展为民服务志")),
        _line(
            (1, "效益指标"),
            (3, "愿者入户走访慰"),
            (4, "≥50户"),
            (5, "46户"),
            (6, "10"),
            (7, "9"),
            (8, "部分读者外出，"),
        ),
        _line((3, "问读者家庭活动"), (8, "下年度补访。")),
        _line((3, "开展志愿阅读服")),
        _line((2, "社会效益"), (3, "务宣传推广的次")),
        _line((2, "指标"), (3, "数"), (4, "≥12次"), (5, "12次"), (6, "10"), (7, "10")),
    ]
    got = top_align(lines)
    assert got is not None
    out, notes = got
    assert any("无法确定" in n and "开展志愿阅读服" in n for n in notes)
    assert "开展志愿阅读服" not in "\n".join(out)
    e = read_text("\n".join(lines), "x.txt")
    names = _names(e)
    assert "开展为民服务志愿者入户走访慰问读者家庭活动" in names
    assert not any("开展志愿阅读服" in n for n in names)
    assert any("无法确定" in n for n in e.notes)


def test_a_row_of_values_above_its_labels_is_not_taken_for_centred() -> None:
    """PDF reading order (values line, then labels line) is another shape (baselines.py)."""
    lines = [
        *HEADER,
        _line((4, "≥40个"), (5, "42个"), (6, "20"), (7, "20")),
        _line((1, "产出指标"), (2, "数量指标"), (3, "服务村庄个数")),
        _line((2, "质量指标"), (3, "图书按期归还率"), (4, "≥85%"), (5, "80%"), (6, "10"), (7, "8")),
    ]
    got = top_align(lines)
    assert got is None or got[0][4:] == lines[4:]


# -- one cell per line ---------------------------------------------------------------------------


def test_blank_parted_lines_of_a_wrapped_cell_are_one_cell() -> None:
    lines = [
        "三级指标",
        "",
        "流动书屋巡回",
        "服务村庄个数",
        "",
        "≥40个",
        "",
        "偏差原因分析及",
        "改进措施",
    ]
    out = join_blank_parted(lines)
    assert out[2] == "流动书屋巡回服务村庄个数" and out[3] == ""
    assert out[7] == "偏差原因分析及改进措施"  # a header word wrapped too
    assert len(out) == len(lines)


def test_blank_parted_lines_of_another_shape_stay() -> None:
    # a short line then a longer one, a figure after words, two field labels: no wrapped cell
    for run in (
        ["满意度", "服务对象满意度指标"],
        ["图书按期归还", "85%"],
        ["项目名称", "主管部门"],
    ):
        assert join_blank_parted(["", *run, ""]) == ["", *run, ""]


def test_one_cell_per_line_with_wrapped_cells_reads() -> None:
    cells = [
        "2023年度项目支出绩效自评表",
        "项目名称",
        "青禾县乡村阅读推广项目",
        "主管部门",
        "青禾县文化和旅游局",
        "项目资金（万元）",
        "全年预算数",
        "全年执行数",
        "执行率",
        "分值",
        "得分",
        "年度资金总额",
        "120",
        "114",
        "95.00%",
        "10",
        "9.5",
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及\n改进措施",
        "产出指标",
        "数量指标",
        "流动书屋巡回\n服务村庄个数",
        "≥40个",
        "42个",
        "20",
        "20",
        "质量指标",
        "读者对借阅服\n务的满意度",
        "≥90%",
        "93%",
        "20",
        "18",
        "部分偏远村配送\n频次不足，下年\n度增加车次。",
        "总分",
        "50",
        "47.5",
    ]
    e = read_text("\n\n".join(cells) + "\n", "x.txt")
    assert _names(e) == ["流动书屋巡回服务村庄个数", "读者对借阅服务的满意度"]
    assert _ind(e, "读者对借阅服务的满意度").score.value == 18


# -- column by column -------------------------------------------------------------------------


COLUMN_HEAD = (
    "2023年度项目支出绩效自评表\n"
    "项目名称   青禾县乡村阅读推广项目\n"
    "项目资金（万元）   全年预算数   执行数   执行率   分值   得分\n"
    "年度资金总额   120   114   95.00%   10   9.5\n"
)


def _column_major(*columns: tuple[str, list[str]]) -> str:
    lines = ["绩效指标", "总分"]
    for head, cells in columns:
        lines += [head, *cells]
    return COLUMN_HEAD + "\n".join(lines) + "\n"


def test_wrapped_cells_of_a_column_major_table_are_cut_back_into_rows() -> None:
    text = _column_major(
        ("一级指标", ["产出指标", "效益指标"]),
        ("二级指标", ["数量指标", "质量指标", "社会效益指", "标"]),
        ("三级指标", ["流动书屋巡回", "服务村庄个数", "图书按期归还", "率", "惠及读者人次"]),
        ("年度指标值", ["≥40个", "≥85%", "≥5000人次"]),
        ("实际完成值", ["42个", "80%", "5600人次"]),
        ("分值", ["20", "10", "10", "50"]),
        ("得分", ["20", "8", "10", "48"]),
        ("偏差原因分析", ["及改进措施", "部分读者逾期", "未还，下年度", "加强提醒。"]),
    )
    e = read_text(text, "x.txt")
    assert _names(e) == ["流动书屋巡回服务村庄个数", "图书按期归还率", "惠及读者人次"]
    late = _ind(e, "图书按期归还率")
    assert (late.target.text, late.actual.text, late.score.value) == ("≥85%", "80%", Decimal(8))
    assert "逾期" in (late.deviation.text if late.deviation else "")


def test_a_page_of_one_row_after_the_columns_of_the_page_before_is_read() -> None:
    """The table broken over two pages, each page a block of columns; the second holds one row
    (its name wrapped over two lines) and the total: read after the first block was."""
    first = _column_major(
        ("一级指标", ["产出指标"]),
        ("二级指标", ["数量指标", "质量指标"]),
        ("三级指标", ["流动书屋巡回", "服务村庄个数", "图书按期归还", "率"]),
        ("年度指标值", ["≥40个", "≥85%"]),
        ("实际完成值", ["42个", "80%"]),
        ("分值", ["20", "10"]),
        ("得分", ["20", "8"]),
    )
    second = "\n".join(
        [
            "绩效指标",
            "总分",
            "一级指标",
            "满意度指标",
            "二级指标",
            "服务对象满意",
            "度指标",
            "三级指标",
            "读者对借阅服",
            "务的满意度",
            "年度指标值",
            "≥90%",
            "实际完成值",
            "93%",
            "分值",
            "20",
            "50",
            "得分",
            "20",
            "48",
        ]
    )
    e = read_text(first + second + "\n", "x.txt")
    assert _names(e) == ["流动书屋巡回服务村庄个数", "图书按期归还率", "读者对借阅服务的满意度"]
    last = _ind(e, "读者对借阅服务的满意度")
    assert (last.target.text, last.actual.text, last.score.value) == ("≥90%", "93%", Decimal(20))


def test_a_column_no_cut_settles_keeps_only_the_cells_all_cuts_agree_on() -> None:
    """Five full lines for four names: any one of them may go on into the next, and neither the
    words (no name ends as a whole name ends) nor the figures (no kind to agree with) tell which:
    the cells the best cuts disagree on stay empty, with a note — none is glued into a wrong name.
    A line of one character left alone is no name: there the cut is told."""
    figures = [
        (Role.TARGET, "年度指标值", ["≥12场", "≥3次", "≥50户", "≥200张"]),
        (Role.WEIGHT, "分值", ["10", "10", "10", "10"]),
        (Role.SCORE, "得分", ["10", "10", "10", "10"]),
    ]
    names = [
        "开展读书分享会",
        "组织志愿者培训",
        "走访慰问读者家",
        "庭困难群众慰问",
        "新增借阅证办理",
    ]
    out, notes = unwrap_columns([(Role.NAME, "三级指标", names), *figures])
    assert out[0][2] == ["", "", "", ""]
    assert notes and "无法确定" in notes[0]
    names = ["开展读书分享会", "组织志愿者培训", "走访慰问读者家", "庭", "新增借阅证"]
    out, notes = unwrap_columns([(Role.NAME, "三级指标", names), *figures])
    assert out[0][2] == ["开展读书分享会", "组织志愿者培训", "走访慰问读者家庭", "新增借阅证"]
    assert notes == []


# -- the damage ---------------------------------------------------------------------------------


def test_the_wrapped_damage_keeps_the_truth_and_wraps_text_cells() -> None:
    bench = Path(__file__).resolve().parents[1] / "bench"
    sys.path.insert(0, str(bench))
    damage = importlib.import_module("damage")
    forms = importlib.import_module("forms")
    form = damage.form_of(forms.build(forms.project(random.Random(5), 2022)), [])
    where = damage.plan(form.rows, form.truth)
    got = damage.DAMAGES["wrapped"](form, where, random.Random(2))
    assert got is not None and got.truth == form.truth
    assert any("\n" in c for r in got.rows for c in r)
    # the positional print: one line per placed row, each piece no wider than its column
    assert got.placed is not None and len(got.placed) > len(got.rows)
    joined = ["".join(c.split("\n")) for r in got.rows for c in r]
    assert joined == [c for r in form.rows for c in r]
