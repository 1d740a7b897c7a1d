"""A stream of cells (PDF text, one cell a line) whose indicator rows came labels after values,
or two rows' labels before their values, with values in words (extract/row_units.py).
Invented forms of that shape."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text

HEAD = [
    "2024年度项目支出绩效自评表",
    "项目名称",
    "2024年松石镇河堤加固项目",
    "主管部门",
    "松石镇水务站",
]
COLUMNS = [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]


def _read(cells: list[str]):
    return read_text("\n\n".join([*HEAD, *COLUMNS, *cells, "总分", "100", "96"]), "堤.txt")


def _rows(e):
    return {
        i.name.text: (
            i.level2.text if i.level2 else None,
            i.actual.text if i.actual else None,
            i.weight.value if i.weight else None,
            i.score.value if i.score else None,
        )
        for i in e.indicators
    }


def test_rows_judged_in_words_are_put_back_in_order() -> None:
    cells = [
        # two rows' labels, then their values (words, 分值, 得分)
        "项目决策",
        "项目立项",
        "立项依据充分性",
        "绩效目标",
        "绩效目标合理性",
        "依据充分，符合规划",
        "10",
        "10",
        "目标与任务相符",
        "10",
        "9",
        # values before labels
        "≥2.5公里",
        "2.6公里",
        "40",
        "40",
        "项目产出",
        "数量指标",
        "加固堤段长度",
        "不低于95%",
        "90%",
        "40",
        "37",
        "汛期延误，已调整计划。",
        "质量指标",
        "工程验收合格率",
    ]
    got = _rows(_read(cells))
    assert got == {
        "立项依据充分性": ("项目立项", "依据充分，符合规划", Decimal(10), Decimal(10)),
        "绩效目标合理性": ("绩效目标", "目标与任务相符", Decimal(10), Decimal(9)),
        "加固堤段长度": ("数量指标", "2.6公里", Decimal(40), Decimal(40)),
        "工程验收合格率": ("质量指标", "90%", Decimal(40), Decimal(37)),
    }


def test_a_body_read_two_ways_is_left_as_printed() -> None:
    from jixiao.document import Cell, Location
    from jixiao.extract.row_units import in_order

    def cells(texts: list[str]) -> list[Cell]:
        return [Cell(t, Location("t.txt", line=k + 1)) for k, t in enumerate(texts)]

    tail = ["台账齐全", "10", "10", "产出指标", "数量指标", "加固堤段长度"]
    tail += ["质量指标", "验收合格率", "≥95%", "97%", "20", "20"]
    # under its categories 管理制度健全性 is a name: one reading, the last row put back in order
    one = cells(["项目管理", "组织实施", "管理制度健全性", "10", "10", *tail])
    got = [c.text for c in in_order(one, 0, len(one), 2)]
    assert got[5:11] == ["产出指标", "数量指标", "加固堤段长度", "台账齐全", "10", "10"]
    # alone it may as well be the first row's value in words (管理制度健全性 10 10 | 台账齐全):
    # two readings, nothing moved
    two = cells(["管理制度健全性", "10", "10", *tail])
    assert in_order(two, 0, len(two), 2) is two


def test_a_body_that_reads_as_printed_is_left_as_printed() -> None:
    from jixiao.document import Cell, Location
    from jixiao.extract.row_units import in_order

    # a name cut in two by a page mark, and labels ending the body (the table cut there): the
    # printed order reads, so nothing is moved
    texts = ["产出指标", "数量指标", "加固堤段", "长度", "≥2.5公里", "2.6公里", "30", "30"]
    texts += ["质量指标", "验收合格率", "≥95%", "97%", "20", "20", "时效指标", "完工时间"]
    cells = [Cell(t, Location("t.txt", line=k + 1)) for k, t in enumerate(texts)]
    assert in_order(cells, 0, len(cells), 2) is cells


def test_score_above_weight_is_no_row() -> None:
    from jixiao.document import Cell, Location
    from jixiao.extract.row_units import in_order

    texts = ["数量指标", "加固堤段长度", "2.6公里", "9", "10"]
    cells = [Cell(t, Location("t.txt", line=k + 1)) for k, t in enumerate(texts)]
    assert in_order(cells, 0, len(cells), 2) is cells


def test_run_together_rows_values_first_under_the_header_are_turned_round() -> None:
    # the first line after the header has no name above it waiting for figures, so its figures
    # are its own even though the next line also begins with figures; a row broken after a name
    # (the line above ends with a name, the next begins with figures) stays as printed
    from jixiao.document import Cell, Location
    from jixiao.extract.values_first import values_first_rows

    def run(lines: list[str]) -> list[str]:
        cells = [Cell(t, Location(source="x.txt", line=k + 1)) for k, t in enumerate(lines)]
        return [c.text for c in values_first_rows(cells)]

    header = "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分"
    lines = [
        header,
        "≥2.5公里2.6公里3030产出指标数量指标加固堤段长度",
        "≥95%97%2020质量指标工程验收合格率",
    ]
    assert run(lines) == [
        header,
        "产出指标数量指标加固堤段长度≥2.5公里2.6公里3030",
        "质量指标工程验收合格率≥95%97%2020",
    ]
    broken = [
        "产出指标数量指标加固堤段长度",
        "≥2.5公里2.6公里3030质量指标工程验收合格率",
        "≥95%97%2020",
    ]
    assert run(broken) == broken
