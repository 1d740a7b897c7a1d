"""Space-aligned PDF text (``pdftotext -layout``) where a row's labels are printed apart from its
values (labels, labels, values, values; a fund row's figures before its label) among cells wrapped
over lines. A line of labels is a row of its own when it cannot be the rest of the cells above it.
Invented text of the shape."""

import unicodedata

from jixiao import read_text


def line(*cells: str, width: int = 16) -> str:
    """Cells padded to columns of ``width`` display columns (a Chinese character is two)."""
    out = ""
    for c in cells:
        w = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in c)
        out += c + " " * max(2, width - w)
    return out.rstrip()


TEXT = "\n".join(
    [
        "2023年度项目支出绩效自评表",
        "",
        line("项目名称", "农村饮水安全维护"),
        line("主管部门", "某县水利局"),
        line("项目资金（万元", "项  目", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
        line("", "年度资金总额", "120.00", "114.00", "10", "95.00%", "9.50"),
        line("100.00", "95.00", "－", "95.00%", "－", "", "其中：财政拨款"),
        line(
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ),
        line("", "产出指标", "数量指标", "维修供水管网长", "≥12公里", "13公里", "20", "20"),
        line("", "", "", "度"),
        line("", "", "", "新建蓄水池数量"),
        line("", "", "质量指标", "水质检测合格率"),
        line("≥6座", "6座", "20", "20"),
        line("≥95%", "96%", "20", "18"),
        line("", "效益指标", "社会效益指标", "受益群众人数", "≥3000人", "3200人", "40", "40"),
        line("总分", "100", "98"),
        "",
    ]
)


def test_labels_printed_apart_from_their_values_pair_in_order():
    e = read_text(TEXT, "t.txt")
    got = [
        (
            i.level2.text if i.level2 else None,
            i.name.text,
            i.target.text if i.target else None,
            i.weight.value if i.weight else None,
            i.score.value if i.score else None,
        )
        for i in e.indicators
    ]
    assert got == [
        ("数量指标", "维修供水管网长度", "≥12公里", 20, 20),
        ("数量指标", "新建蓄水池数量", "≥6座", 20, 20),
        ("质量指标", "水质检测合格率", "≥95%", 20, 18),
        ("社会效益指标", "受益群众人数", "≥3000人", 40, 40),
    ]


def test_a_fund_row_printed_figures_first_keeps_its_label():
    e = read_text(TEXT, "t.txt")
    rows = {f.label.text: (f.budget.value, f.actual.value) for f in e.funds}
    assert rows["财政拨款"] == (100, 95)
    assert rows["年度资金总额"] == (120, 114)


def test_the_rest_of_a_wrapped_cell_still_joins_it():
    # a short piece under a cell whose line filled the column is the rest of that cell
    text = "\n".join(
        [
            line("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"),
            line("产出指标", "数量指标", "维修供水管网长", "≥12公里", "13公里", "20", "20"),
            line("", "", "度"),
            line("", "质量指标", "水质检测合格率", "≥95%", "96%", "20", "18"),
        ]
    )
    names = [i.name.text for i in read_text(text, "t.txt").indicators]
    assert names == ["维修供水管网长度", "水质检测合格率"]


def test_a_pipe_table_flattened_with_row_spans_and_broken_rows():
    # a web table's merged 一级/二级 cells are printed on their first row only, and the line
    # breaks fall inside rows: the text after a score is the next row's name when figures follow
    text = "\n".join(
        [
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |",
            "| 产出指标 | 数量指标 | 维修供水管网长度 | ≥12公里 |",
            "| 13公里 | 20 | 20 | 新建蓄水池数量 | ≥6座 | 6座 | 20 | 20 |",
            "| 质量指标 | 水质检测合格率 | ≥95% | 90% | 20 | 18 | 部分水样复检，已整改。 |",
            "| 效益指标 | 社会效益指标 | 受益群众人数 | ≥3000人 | 3200人 | 40 | 40 |",
        ]
    )
    got = [
        (i.name.text, i.weight.value if i.weight else None)
        for i in read_text(text, "t.txt").indicators
    ]
    assert got == [
        ("维修供水管网长度", 20),
        ("新建蓄水池数量", 20),
        ("水质检测合格率", 20),
        ("受益群众人数", 40),
    ]
