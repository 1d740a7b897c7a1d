"""Each text layout and form feature on a small embedded input."""

from decimal import Decimal

import pytest

from jixiao import read_text
from jixiao.document import Cell, Document, Table
from jixiao.errors import ReadError
from jixiao.extract import extract
from jixiao.model import FundGroup, FundLine, Kind, Location, Operator
from jixiao.readers.text import detect_layout, parse_text

# -- tabbed (Word table copied as text) ---------------------------------------------------

TABBED = (
    " 2022年度部门整体支出绩效自评表\n"
    "\t人员编制\n\t12\n\t实有人数\n\t10\n\n"
    "\t整体资金\n\n（万元）\n\t项目\n\t全年预算数\n\t全年执行数\n\t执行率\n\t分值\n\t得分\n\n"
    "\t\n\t资金\n\n来源\n\t合计\n\t100\n\t95\n\t95.00%\n\t10\n\t9\n\n"
    "\t\n\t\n\t（1）财政拨款\n\t100\n\t95\n\t95.00%\n\t－\n\t－\n\n"
    "\t绩\n效\n指\n标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度\n\n指标值\n\t实际\n\n完成值\n"
    "\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n"
    "\t\n\t产出指标\n\t数量指标\n\t指标1：培训人次\n\t≥200人次\n\t230人次\n\t20\n\t20\n\t\n\n"
    "\t\n\t\n\t\n\t指标2：开展检查\n\t12次\n\t10次\n\t10\n\t8\n\t人手不足\n\n"
    "\t绩\n效\n指\n标\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度\n\n指标值\n\t实际\n\n完成值\n"
    "\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n"
    "\t\n\t满意度\n\n指标\n\t服务对象满意度指标\n\t指标1：群众满意度\n\t≥90%\n\t95%\n\t10\n\t10\n\t\n\n"
    "\t总分\n\t100\n\t97\n\t\n\n\n"
    "2022年度某某县档案馆部门整体支出绩效自评报告\n"
)


def test_tabbed_layout_is_detected_and_read():
    e = read_text(TABBED, "t.txt")
    assert e.layout == "tabbed"
    assert e.kind == Kind.DEPARTMENT
    assert e.year.value == 2022
    assert (e.staff_authorized.value, e.staff_actual.value) == (12, 10)
    assert e.unit.text == "某某县档案馆"  # named only in the report title


def test_tabbed_wrapped_group_cell_and_numbering():
    e = read_text(TABBED, "t.txt")
    total, fiscal = e.funds
    assert (
        total.label.text == "合计"
        and total.line == FundLine.TOTAL
        and total.group == FundGroup.SOURCE
    )
    assert (total.budget.value, total.actual.value, total.rate.value) == (100, 95, Decimal("95.00"))
    assert total.rate.text == "95.00%" and total.weight.value == 10 and total.score.value == 9
    assert fiscal.label.text == "财政拨款" and fiscal.depth == 1 and fiscal.weight is None
    assert total.location == Location("t.txt", line=21)


def test_tabbed_merged_blank_levels_and_repeated_header():
    e = read_text(TABBED, "t.txt")
    assert [i.name.text for i in e.indicators] == ["培训人次", "开展检查", "群众满意度"]
    second = e.indicators[1]
    assert (second.level1.text, second.level2.text) == ("产出指标", "数量指标")
    assert second.deviation.text == "人手不足"
    third = e.indicators[2]
    assert (third.level1.text, third.level2.text) == ("满意度指标", "服务对象满意度指标")
    assert e.indicators[0].target.operator == Operator.GE and e.indicators[0].target.number == 200
    assert (e.total_weight.value, e.total_score.value) == (100, 97)


# -- pipe (web table flattened) -----------------------------------------------------------

PIPE = (
    "项目支出绩效自评表 | |||\n"
    "(2023年度) | |||\n"
    "项目名称 | 村道维修项目 | 主管部门 | 县交通运输局 | ||\n"
    "实施单位 | 某某镇人民政府 | ||\n"
    "资金情况 (万元) |\n"
    "全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | ||\n"
    "年度资金总额: | 50 | 48 | 10 | 96% | 9.6 | ||\n"
    "其中:本年财政拨款 | 50 | 48 | ||||\n"
    "绩效指标 | 一级 指标 |\n"
    "二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||\n"
    "产 出 指 标 (50分) |\n"
    "数量指标 | 维修道路长度 | 30 | 5公里 | 5公里 | 30 | ||||\n"
    "其中主干道 | 3公里 | 3公里 | ||||||\n"
    "质量指标 | ||||||\n"
    "验收合格率 | 20 | 100% | 100% | 20 | ||||\n"
    "…… | ||||||||\n"
    "效 益 指 标 (30分) |\n"
    "社会效益 指标 |\n"
    "通行条件改善 | 30 | 明显改善 | 明显改善 | 30 | ||||\n"
    "满意"
)


def test_pipe_rows_with_other_column_order_and_sub_items():
    e = read_text(PIPE, "p.txt")
    assert e.layout == "pipe" and e.kind == Kind.PROJECT
    assert (e.project.text, e.supervisor.text, e.unit.text) == (
        "村道维修项目",
        "县交通运输局",
        "某某镇人民政府",
    )
    assert e.year.value == 2023
    total = e.funds[0]
    assert (
        total.budget.value,
        total.actual.value,
        total.weight.value,
        total.rate.value,
        total.score.value,
    ) == (50, 48, 10, Decimal(96), Decimal("9.6"))
    names = [i.name.text for i in e.indicators]
    assert names == [
        "维修道路长度",
        "其中主干道",
        "验收合格率",
        "通行条件改善",
    ]  # …… is a placeholder
    sub = e.indicators[1]
    assert sub.sub_item and sub.weight is None and sub.target.text == "3公里"
    assert e.indicators[0].level1.text == "产出指标"  # “(50分)” and spaces dropped
    assert e.indicators[3].level2.text == "社会效益指标"


def test_truncated_document_says_what_is_missing():
    e = read_text(PIPE, "p.txt")
    assert "满意度指标" in e.missing and "总分" in e.missing
    assert any("个部分缺失" in n for n in e.notes)


# -- one cell per line (vertical, pipe-terminated) ------------------------------------------

VERTICAL_PIPE = "\n".join(
    f"{c} |"
    for c in [
        "部门预算项目支出绩效自评表(2023年度)",
        "项目名称",
        "办公设备购置",
        "主管部门",
        "某某县财政局",
        "实施单位 (盖章)",
        "某某县财政局",
        "预算执行情况(10分)",
        "年度预算数(万元)",
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
        "权重",
        "得分",
        "原因",
        "总额",
        "20",
        "20",
        "19",
        "95.00%",
        "10",
        "9",
        "",
        "绩效指标(90分)",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "完成值",
        "权重",
        "得分",
        "未完成原因分析",
        "产出指标",
        "数量指标",
        "购置台数",
        "≥",
        "10",
        "台",
        "12",
        "90",
        "90",
        "",
        "合计",
        "100",
        "99",
        "",
    ]
)


def test_vertical_stream_rebuilds_rows_with_nature_and_unit_columns():
    e = read_text(VERTICAL_PIPE, "v.txt")
    total = e.funds[0]
    assert (total.initial_budget.value, total.budget.value, total.actual.value) == (20, 20, 19)
    assert (total.rate.value, total.weight.value, total.score.value) == (Decimal("95.00"), 10, 9)
    (ind,) = e.indicators
    assert ind.name.text == "购置台数" and ind.operator == Operator.GE and ind.unit == "台"
    assert (ind.target.text, ind.actual.text, ind.weight.value, ind.score.value) == (
        "10",
        "12",
        90,
        90,
    )
    assert (e.total_weight.value, e.total_score.value) == (100, 99)


VERTICAL = (
    "岳阳市2019年度部门整体支出\n\n绩效评价自评报告\n\n部门(单位)名称:  某某服务中心\n\n"
    + "\n\n".join(
        [
            "一、部门(单位)基本概况",
            "人员编制",
            "15",
            "实有人数",
            "14",
            "职能职责概述",
            "负责某某工作。",
            "联系人",
            "张三",
        ]
    )
)


def test_vertical_label_value_pairs():
    e = read_text(VERTICAL, "v.txt")
    assert e.layout == "vertical"
    assert e.unit.text == "某某服务中心" and e.year.value == 2019
    assert (e.staff_authorized.value, e.staff_actual.value) == (15, 14)
    assert e.kind == Kind.DEPARTMENT


# -- spaced (a table flattened onto one line) ---------------------------------------------

SPACED = (
    "项目支出绩效自评表 (2022年度) 项目名称 环境整治项目 主管部门 某镇人民政府 实施单位 某镇人民政府 "
    "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 40 40 38 10 95% 9.5 "
    "其中:本年财政拨款 40 40 38 其他资金 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
    "偏差原因分析及改进措施 产出指标(50分) 数量指标 整治村庄数量 ≥5个 5 25 25 质量指标 整治达标率 "
    "达到标准 达成预期指标 25 25 效益指标(30分) 社会效益指标 人居环境改善 明显改善 达成预期指标 30 30"
)


def test_spaced_one_line_stream():
    e = read_text(SPACED, "s.txt")
    assert e.layout == "spaced"
    total, fiscal = e.funds[:2]
    assert (
        total.initial_budget.value,
        total.budget.value,
        total.actual.value,
        total.score.value,
    ) == (40, 40, 38, Decimal("9.5"))
    assert (fiscal.initial_budget.value, fiscal.budget.value, fiscal.actual.value, fiscal.rate) == (
        40,
        40,
        38,
        None,
    )
    names = [(i.name.text, i.target.text, i.actual.text, i.weight.value) for i in e.indicators]
    assert names == [
        ("整治村庄数量", "≥5个", "5", 25),
        ("整治达标率", "达到标准", "达成预期指标", 25),
        ("人居环境改善", "明显改善", "达成预期指标", 30),
    ]


# -- run-together (document-sharing sites) -------------------------------------------------

RUN = (
    "绩效目标自评表(2022年度)项目名称农田灌溉设施维修主管部门某县水利局实施单位某县水利局"
    "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:303010100.00%10"
    "其中:本年财政拨款3030其他资金绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分"
    "未完成原因及拟采取的改进措施产出指标(60分)数量指标维修渠道长度30≥12公里≥12公里30"
    "质量指标工程验收合格率30100%100%30效益指标(30分)社会效益指标灌溉条件改善情况30明显改善明显改善30"
    "满意度指标(10分)服务对象满意度指标受益群众满意度10≥90%≥90%10总分110110"
)


def test_run_together_figures_are_split_by_the_columns():
    e = read_text(RUN, "r.txt")
    assert e.layout == "other"
    total, fiscal = e.funds[:2]
    assert (
        total.budget.value,
        total.actual.value,
        total.weight.value,
        total.rate.text,
        total.score.value,
    ) == (30, 30, 10, "100.00%", 10)
    assert (fiscal.budget.value, fiscal.actual.value) == (30, 30)
    got = [
        (i.name.text, i.weight.value, i.target.text, i.actual.text, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("维修渠道长度", 30, "≥12公里", "≥12公里", 30),
        ("工程验收合格率", 30, "100%", "100%", 30),
        ("灌溉条件改善情况", 30, "明显改善", "明显改善", 30),
        ("受益群众满意度", 10, "≥90%", "≥90%", 10),
    ]
    assert (e.total_weight.value, e.total_score.value) == (110, 110)


def test_traditional_characters_with_pinyin():
    text = (
        "2020年度水土保持監(jiān)測項(xiàng)目績(jì)效自評(píng)表單(dān)位名稱:某某研究所 填報(bào)日期:2021年3月10日"
        "項(xiàng)目名稱水土監(jiān)測主管部門某市水利局預(yù)算執(zhí)行情況(萬(wàn)元)(20分)預(yù)算數(shù)(A)"
        "執(zhí)行數(shù)(B)執(zhí)行率(B/A)得分(20分*執(zhí)行率)年度財(cái)政資金總額1010100%20"
    )
    e = read_text(text, "trad.txt")
    assert (e.project.text, e.supervisor.text, e.unit.text) == (
        "水土监测",
        "某市水利局",
        "某某研究所",
    )
    (total,) = e.funds
    assert (total.budget.value, total.actual.value, total.rate.value, total.score.value) == (
        10,
        10,
        100,
        20,
    )
    assert total.weight.value == 20  # the points of the block, from its title


# -- office grids (merged cells as empty merged=True cells) ---------------------------------


def _grid(rows: list[list[str]]) -> Document:
    cells = tuple(
        tuple(
            Cell(
                t.lstrip("^"),
                Location("表.xlsx", cell=f"Sheet1!{chr(65 + c)}{r + 1}"),
                merged=t == "^",
            )
            for c, t in enumerate(row)
        )
        for r, row in enumerate(rows)
    )
    return Document("表.xlsx", (Table(cells),), "xlsx")


def test_office_grid_with_merged_cells_and_weight_before_target():
    doc = _grid(
        [
            ["项目支出绩效自评表", "^", "^", "^", "^", "^", "^"],
            ["项目名称", "路灯安装", "^", "主管部门", "县住建局", "^", "^"],
            ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
            ["产出指标(50分)", "数量指标", "路灯数量", "30", "≥100盏", "120盏", "30"],
            ["^", "^", "安装及时率", "20", "100%", "90%", "18"],
            ["总分", "^", "^", "50", "", "", "48"],
        ]
    )
    e = extract(doc)
    assert e.kind == Kind.PROJECT and e.project.text == "路灯安装"
    second = e.indicators[1]
    assert (second.level1.text, second.level2.text, second.name.text) == (
        "产出指标",
        "数量指标",
        "安装及时率",
    )
    assert (second.weight.value, second.target.text, second.actual.text, second.score.value) == (
        20,
        "100%",
        "90%",
        18,
    )
    assert second.location.cell == "Sheet1!C5"
    assert (e.total_weight.value, e.total_score.value) == (50, 48)


def test_money_unit_yuan_from_header():
    doc = _grid(
        [
            ["项目资金（元）", "年初预算数", "全年预算数", "全年执行数", "执行率"],
            ["年度资金总额", "1000", "1200", "1200", "100%"],
        ]
    )
    e = extract(doc)
    assert e.money_unit == "元" and e.funds[0].budget.unit == "元"


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        (TABBED, "tabbed"),
        (PIPE, "pipe"),
        (VERTICAL, "vertical"),
        (SPACED, "spaced"),
        (RUN, "other"),
    ],
)
def test_layout_detection(text, layout):
    assert detect_layout(text.split("\n")) == layout
    assert parse_text(text, "x").layout == layout


def test_prose_layout():
    text = "\n".join(
        ["某某局2021年度部门整体支出绩效评价报告", "一、基本情况"]
        + ["本单位认真落实预算绩效管理要求，各项工作有序推进。"] * 6
    )
    assert parse_text(text, "x").layout == "prose"


def test_run_together_wrapped_at_any_width():
    import textwrap

    wrapped = "\n".join(textwrap.wrap(RUN, 60))  # cells and figures cut by line ends
    e = read_text(wrapped, "w.txt")
    assert e.layout == "other"
    assert [i.name.text for i in e.indicators] == [
        "维修渠道长度",
        "工程验收合格率",
        "灌溉条件改善情况",
        "受益群众满意度",
    ]
    assert e.indicators[0].location.line == 3
    assert (e.funds[0].budget.value, e.funds[0].rate.text) == (30, "100.00%")
    assert (e.total_weight.value, e.total_score.value) == (110, 110)


def test_page_marks_between_pages_are_ignored():
    text = PIPE.replace("质量指标 | ||||||\n", "第 1 页 共 2 页\n- 2 -\n质量指标 | ||||||\n")
    e = read_text(text, "p.txt")
    assert [i.name.text for i in e.indicators] == [
        "维修道路长度",
        "其中主干道",
        "验收合格率",
        "通行条件改善",
    ]
    assert e.indicators[2].location.line == 17  # line numbers kept


SPACED_COLUMNS = """            2021年度项目支出绩效自评表
项目名称        乡村道路硬化            主管部门     县交通局
实施单位        某某镇人民政府
一级指标    二级指标    三级指标        年度指标值    实际完成值    分值    得分
产出指标    数量指标    硬化道路里程    10公里        10公里        40      40
                        及桥涵
            质量指标    验收合格率      100%          100%          20      20
效益指标    社会效益    群众出行便利    明显改善      明显改善      30      30
总分                                                                100     90
"""


def test_spaced_columns_with_a_wrapped_name():
    e = read_text(SPACED_COLUMNS, "s.txt")
    assert e.layout == "spaced" and e.project.text == "乡村道路硬化"
    got = [
        (i.level1.text, i.level2.text, i.name.text, i.target.text, i.weight.value)
        for i in e.indicators
    ]
    assert got == [
        ("产出指标", "数量指标", "硬化道路里程及桥涵", "10公里", 40),
        ("产出指标", "质量指标", "验收合格率", "100%", 20),
        ("效益指标", "社会效益", "群众出行便利", "明显改善", 30),
    ]
    assert (e.total_weight.value, e.total_score.value) == (100, 90)


def test_indicator_named_like_a_column_and_short_qualitative_values():
    cells = ["项目支出绩效自评表(2023年度)", "项目名称", "办公楼维修", "绩效指标(90分)", "一级指标",
             "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "产出指标", "成本指标",
             "预算执行率", "≥90%", "98%", "10", "10", "效益指标", "社会效益指标", "办公条件改善",
             "明显", "明显", "40", "40", "合计", "50", "50"]  # fmt: skip
    e = read_text("\n".join(f"{c} |" for c in cells), "v.txt")
    got = [
        (i.level2.text, i.name.text, i.target.text, i.actual.text, i.weight.value)
        for i in e.indicators
    ]
    assert got == [
        ("成本指标", "预算执行率", "≥90%", "98%", 10),
        ("社会效益指标", "办公条件改善", "明显", "明显", 40),
    ]
    assert (e.total_weight.value, e.total_score.value) == (50, 50)


def test_table_continued_in_a_second_block_without_header():
    first = _grid(
        [
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "培训人次", "≥100", "120", "50", "50"],
        ]
    ).blocks[0]
    second = _grid([["效益指标", "社会效益指标", "技能提升", "明显", "明显", "40", "38"]]).blocks[0]
    e = extract(Document("表.pdf", (first, second), "pdf"))
    assert [(i.level1.text, i.name.text, i.score.value) for i in e.indicators] == [
        ("产出指标", "培训人次", 50),
        ("效益指标", "技能提升", 38),
    ]


def test_spaced_columns_wrapped_cells_join_the_cell_above_by_column():
    text = (
        "2021年度项目支出绩效自评表\n"
        "一级指标    二级指标    三级指标        年度指标值    实际完成值    分值    得分    偏差原因\n"
        "产出指标    数量指标    硬化道路里程    10公里        9公里         40      36      雨季停工\n"
        "                        及桥涵                                                  延误一月\n"
        "            质量指标    验收合格率      100%          100%          20      20\n"
    )
    e = read_text(text, "s.txt")
    first, second = e.indicators
    assert (first.name.text, first.deviation.text) == ("硬化道路里程及桥涵", "雨季停工延误一月")
    assert (second.level1.text, second.level2.text, second.name.text) == (
        "产出指标",
        "质量指标",
        "验收合格率",
    )


def test_scoring_sheet_with_remark_columns_and_a_category_word_as_name():
    cells = ["2019年度部门整体支出绩效自评表", "部门名称", "某某区卫生健康局", "一级指标", "二级指标",
             "三级指标", "分值", "指标说明", "评分标准", "得分",
             "投入", "预算配置", "在职人员控制率", "5", "在职人员数÷编制数", "≤100%得满分", "5",
             "过程", "预算执行", "预算完成率", "5", "执行数÷预算数", "每低1%扣0.1分", "4.8",
             "效果", "履职效益", "社会效益", "10", "社会效益明显", "明显得满分", "10",
             "总分", "20", "19.8"]  # fmt: skip
    e = read_text("\n".join(f"{c} |" for c in cells), "v.txt")
    got = [
        (i.level1.text, i.level2.text, i.name.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("投入", "预算配置", "在职人员控制率", 5, 5),
        ("过程", "预算执行", "预算完成率", 5, Decimal("4.8")),
        ("效果", "履职效益", "社会效益", 10, 10),
    ]
    assert e.kind == Kind.DEPARTMENT and e.unit.text == "某某区卫生健康局"
    assert (e.total_weight.value, e.total_score.value) == (20, Decimal("19.8"))


HTML = """<html><head><title>项目支出绩效自评表</title><style>td{color:red}</style></head><body>
<p>2022年度项目支出绩效自评表</p>
<table border=1>
<tr><td>项目名称</td><td colspan=3>道路维修</td></tr>
<tr><td>主管部门</td><td>县交通局</td><td>实施单位</td><td>县公路站</td></tr>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th></tr>
<tr><td rowspan=2>产出指标</td><td>数量指标</td><td>维修里程</td><td>≥10公里</td><td>12公里</td><td>50</td><td>50</td></tr>
<tr><td>质量指标</td><td>合格率</td><td>100%</td><td>100%</td><td>30</td><td>30</td></tr>
<tr><td>总分</td><td colspan=4></td><td>80</td><td>80</td></tr>
</table><p>以上&nbsp;数据</p></body></html>"""


def test_html_page_tables_with_spans():
    e = read_text(HTML, "page.html")
    assert e.layout == "html" and e.year.value == 2022
    assert (e.project.text, e.supervisor.text, e.unit.text) == ("道路维修", "县交通局", "县公路站")
    second = e.indicators[1]
    assert (second.level1.text, second.level2.text, second.name.text, second.weight.value) == (
        "产出指标",
        "质量指标",
        "合格率",
        30,
    )
    assert second.location.cell == "表1 第5行第3列" and second.location.line == 8
    assert (e.total_weight.value, e.total_score.value) == (80, 80)


@pytest.mark.parametrize(
    "broken",
    [
        "<table><tr><td>项目名称<td>x",
        "<html><body><table></tr></td>",
        "<div><table><tr><td rowspan=abc>得分</td></tr></table>" * 2,
    ],
)
def test_broken_html_never_crashes(broken):
    try:
        e = read_text(broken, "b.html")
    except ReadError as exc:
        assert "b.html" in str(exc)  # the error names the file
        return
    assert e.source == "b.html"


def test_spaced_stream_with_a_blank_actual_keeps_points_in_place():
    text = SPACED.replace("整治村庄数量 ≥5个 5 25 25", "整治村庄数量 ≥5个 25 25")
    e = read_text(text, "s.txt")
    first = e.indicators[0]
    assert (first.target.text, first.actual, first.weight.value, first.score.value) == (
        "≥5个",
        None,
        25,
        25,
    )


def test_run_together_fund_words_inside_a_name_are_not_rows():
    text = RUN.replace("项目名称农田灌溉设施维修", "项目名称中央财政资金支持农田灌溉设施维修")
    e = read_text(text, "r.txt")
    assert e.project.text == "中央财政资金支持农田灌溉设施维修"
    assert [f.label.text for f in e.funds] == ["年度资金总额", "本年财政拨款", "其他资金"]


def test_title_sharing_a_row_with_a_field():
    text = (
        "2022年度项目支出绩效自评表 | 填报单位：某某县水利局 | |\n"
        "项目名称 | 河道清淤 | 主管部门 | 县水利局\n"
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
        "产出指标 | 数量指标 | 清淤长度 | ≥5公里 | 5公里 | 50 | 50\n"
        "效益指标 | 生态效益指标 | 水质改善 | 明显 | 明显 | 40 | 40\n"
        "总分 | | | | | 90 | 90\n"
    )
    e = read_text(text, "p.txt")
    assert (e.year.value, e.unit.text, e.kind) == (2022, "某某县水利局", Kind.PROJECT)
    assert (e.total_weight.value, e.total_score.value) == (90, 90)


def test_run_together_note_between_tables_does_not_hide_the_rest():
    text = RUN.replace("其他资金绩效指标", "其他资金注:1.执行率=全年执行数÷全年预算数。绩效指标")
    e = read_text(text, "r.txt")
    assert len(e.indicators) == 4 and e.total_score.value == 110


def test_run_together_page_numbers_and_a_name_across_pages():
    # document-sharing sites start each page with its number; a name here runs over the break
    head, tail = RUN.split("工程验收合格率")
    text = "1、" + head + "工程验收\n2、合格率" + tail
    e = read_text(text, "r.txt")
    assert [i.name.text for i in e.indicators][:2] == ["维修渠道长度", "工程验收合格率"]
    assert e.indicators[1].location.line == 1


def test_sichuan_stream_with_reasons_conclusion_and_signatures():
    cells = ["部门预算项目支出绩效自评表(2022年度)", "项目名称", "乡村振兴补助", "主管部门", "某县农业农村局本级",
             "实施单位 (盖章)", "某县农业农村局", "项目年度目标", "年度目标完成情况", "完成10个村基础设施建设",
             "完成10个村基础设施建设,群众满意", "2.项目实施内容及过程概述", "按计划实施",
             "绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值",
             "权重", "得分", "未完成原因分析", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%",
             "88", "20", "18", "部分群众对工期有意见", "合计", "100", "97.9", "", "评价结论", "完成较好",
             "存在问题", "工期偏长", "改进措施", "加强进度管理", "项目负责人:李四", "财务负责人:王五"]  # fmt: skip
    e = read_text("\n".join(c + " |" for c in cells), "sc.txt")
    (ind,) = e.indicators
    assert ind.deviation.text == "部分群众对工期有意见" and ind.score.value == 18
    assert (e.conclusion.text, e.problems.text, e.measures.text) == (
        "完成较好",
        "工期偏长",
        "加强进度管理",
    )
    assert [(s.role, s.name.text) for s in e.signatures] == [
        ("项目负责人", "李四"),
        ("财务负责人", "王五"),
    ]
    assert len(e.goals) == 1 and e.goals[0].achieved.text.endswith("群众满意")
    assert dict(e.extra)["项目实施内容及过程概述"].text == "按计划实施"


def test_run_together_stock_phrases_sub_rows_and_units_that_start_a_name():
    text = (
        "项目支出绩效自评表(2022年度)项目名称村级服务项目绩效指标一级指标二级指标三级指标年度指标值"
        "实际完成值分值得分偏差原因分析及改进措施产出指标(50分)数量指标服务村数≥20个20个2020"
        "其中新增村数5个5个成本指标项目总成本≤90万元9088单项业务成本符合相关规定达成预期指标1010"
        "效益指标(30分)社会效益指标对基层治理的影响程度效果明显达成预期指标3030"
    )
    e = read_text(text, "r.txt")
    got = [
        (i.name.text, i.target.text, i.actual.text, i.weight and i.weight.value)
        for i in e.indicators
    ]
    assert got == [
        ("服务村数", "≥20个", "20个", 20),
        ("其中新增村数", "5个", "5个", None),
        ("项目总成本", "≤90万元", "90", 8),
        ("单项业务成本", "符合相关规定", "达成预期指标", 10),
        ("对基层治理的影响程度", "效果明显", "达成预期指标", 30),
    ]
    assert e.indicators[1].sub_item


def test_spaced_fund_row_missing_a_figure_is_placed_by_arithmetic():
    text = SPACED.replace("年度资金总额: 40 40 38 10 95% 9.5", "年度资金总额: 40 38 10 95% 9.5")
    total = read_text(text, "s.txt").funds[0]
    assert total.initial_budget is None  # the blank 年初预算数 vanished with the spaces
    assert (total.budget.value, total.actual.value, total.weight.value, total.rate.value) == (
        40,
        38,
        10,
        95,
    )


def test_title_and_prose_accept_the_same_unit_endings():
    from jixiao.extract.titles import unit_from_title
    from jixiao.model import Text

    # 开发区 and 机关 end a unit in a sentence; a title accepts them too (one list for both)
    titles = [Text("2022年度临港经济开发区项目支出绩效自评表", None)]
    got = unit_from_title(titles)
    assert got is not None and got.text == "临港经济开发区"
    # a township is the unit when a title names it
    town = unit_from_title([Text("石桥镇2023年度项目支出绩效自评表", None)])
    assert town is not None and town.text == "石桥镇"


@pytest.mark.parametrize(
    ("sign", "op"),
    [
        ("≧", Operator.GE),
        ("≦", Operator.LE),
        ("═", Operator.EQ),
        ("﹦", Operator.EQ),
        ("＞", Operator.GT),
    ],
)
def test_nature_column_sign_variants_in_a_pipe_table(sign, op):
    text = "\n".join(
        [
            "2023年度项目支出绩效自评表",
            "| 项目名称 | 某某设备购置 |",
            "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 分值 | 得分 |",
            f"| 产出指标 | 数量指标 | 购置台数 | {sign} | 10 | 台 | 12 | 50 | 50 |",
            f"| 效益指标 | 社会效益指标 | 服务人次 | {sign} | 300 | 人次 | 320 | 50 | 50 |",
            "| 总分 | | | | | | | 100 | 100 |",
        ]
    )
    e = read_text(text, "sign.txt")
    assert [i.operator for i in e.indicators] == [op, op]


def test_vertical_labels_wrapped_onto_two_cells_are_joined():
    # one cell per line, each header and category wrapped: 年初/预算数, 经济效益/指标
    cells = [
        "2022年度项目支出绩效自评表",
        "项目名称",
        "村级活动室修缮",
        "项目资金\n(万元)",
        "年初",
        "预算数",
        "全年",
        "预算数",
        "全年",
        "执行数",
        "分值",
        "执行率",
        "得分",
        "年度资金总额",
        "20",
        "18",
        "16.2",
        "10",
        "90%",
        "9",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度",
        "指标值",
        "实际",
        "完成值",
        "分值",
        "得分",
        "产出指标",
        "数量指标",
        "修缮间数",
        "6",
        "6",
        "40",
        "40",
        "效益指标",
        "经济效益",
        "指标",
        "指标1节约维护费用",
        "3",
        "3",
        "20",
        "20",
        "社会效益",
        "指标",
        "群众使用率",
        "95%",
        "96%",
        "20",
        "20",
    ]
    e = read_text("\n\n".join(cells), "wrapped.txt")
    assert detect_layout("\n\n".join(cells).split("\n")) == "vertical"
    (total,) = e.funds
    assert (total.initial_budget.value, total.budget.value, total.actual.value) == (
        20,
        18,
        Decimal("16.2"),
    )
    assert (total.weight.value, total.rate.value, total.score.value) == (10, 90, 9)
    names = [(i.level1.text, i.level2.text, i.name.text) for i in e.indicators]
    assert names == [
        ("产出指标", "数量指标", "修缮间数"),
        ("效益指标", "经济效益指标", "节约维护费用"),  # the slot label 指标1 is numbering
        ("效益指标", "社会效益指标", "群众使用率"),
    ]
    assert [(i.actual.text, i.weight.value, i.score.value) for i in e.indicators] == [
        ("6", 40, 40),
        ("3", 20, 20),
        ("96%", 20, 20),
    ]


def test_join_split_labels_keeps_labels_and_values_apart():
    from jixiao.extract.stream import join_split_labels
    from jixiao.model import Location

    def cells(*texts):
        return [Cell(t, Location("t", line=k)) for k, t in enumerate(texts, 1)]

    joined = [
        c.text
        for c in join_split_labels(cells("产出指标", "数量指标", "年初", "预算数", "10", "指标"))
    ]
    assert joined == ["产出指标", "数量指标", "年初预算数", "10", "指标"]
    joined = [
        c.text
        for c in join_split_labels(
            cells("可持续影", "响指标", "年度财政", "资金总额", "预算数", "(A)")
        )
    ]
    assert joined == ["可持续影响指标", "年度财政资金总额", "预算数(A)"]
    # a label followed by another label is two cells, even when together they read as one
    joined = [c.text for c in join_split_labels(cells("项目", "全年预算数", "得分", "资金来源"))]
    assert joined == ["项目", "全年预算数", "得分", "资金来源"]


def test_pipe_header_row_broken_inside_itself():
    # the header's cells continue on the next lines (a wrapped cell broke the row)
    text = "\n".join(
        [
            "部门整体支出绩效自评表 | | | |",
            "(2023年度) | | | |",
            "部门 | 某某县乡村建设服务中心 | | |",
            "| 单位 | 万元 |",
            "一级指标 | 二级指标 | 三级指标 | 年度 指标值 |",
            "实际 完成值 |",
            "分值 | 得分 | 偏差原因分析及改进措施 | | |",
            "产出指标 | 数量指标 | 指标1:改造户数 | ≥100 | 120 | 30 | 30 | | |",
            "指标2:新建村数 | ≤4 | 4 | 30 | 28 | | | |",
            "效益指标 | 社会效益指标 | 指标1:受益人数 | ≥500 | 650 | 40 | 40 | |",
        ]
    )
    e = read_text(text, "broken.txt")
    assert e.unit is not None and e.unit.text == "某某县乡村建设服务中心"
    got = [
        (i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("改造户数", "≥100", "120", 30, 30),
        ("新建村数", "≤4", "4", 30, 28),
        ("受益人数", "≥500", "650", 40, 40),
    ]


def test_pipe_cells_on_their_own_lines_with_bar_lines_between():
    # each cell on its own line, the bars on the lines between them separate cells
    text = "\n".join(
        [
            "2021年度部门整体支出绩效评价自评报告",
            "部门(单位)名称 某某县城南新区开发服务中心",
            "|",
            "||||||||",
            "联系人",
            "|",
            "王某",
            "|",
            "人员编制",
            "|",
            "23",
            "|",
            "实有人数",
            "|",
            "21",
            "|",
            "||||||||",
            "职能职责概述",
            "|",
            "负责片区开发建设。",
            "|",
        ]
    )
    e = read_text(text, "bars.txt")
    assert e.layout == "pipe"
    assert (e.staff_authorized.value, e.staff_actual.value) == (23, 21)
    assert e.unit is not None and e.unit.text == "某某县城南新区开发服务中心"


def test_run_together_scan_with_ocr_misreadings_and_category_points():
    text = (
        "2022年度项目支出绩效自评表项目名称校园安保服务主管部门某某区教育局实施单位某某区第三小学"
        "项Fl资金(万兀)年初预匏数全年预算数全年执行数执行率年度资金总额3030.0029.5098.33%"
        "一级指标二级指标三级指标年度指标值实际完成值分值得分"
        "产出指标数量指标(30分)安保人员数量≥6人6人3030"
        "质量指标(20分)安保事故发生次数0次0次2020"
        "效益指标社会效益指标(30分)校园安全保障水平有效提升有效提升30IO"
        "满意度指标服务对象满意度指标(20分)师生满意度≥90%95%2020总分10090"
    )
    e = read_text(text, "scan.txt")
    assert e.layout == "other"
    assert any("项Fl→项目" in n for n in e.notes)
    (fund,) = e.funds
    assert (fund.budget.value, fund.actual.value, fund.rate.value) == (
        30,
        Decimal("29.50"),
        Decimal("98.33"),
    )
    got = [(i.level2.text, i.name.text, i.weight.value, i.score.value) for i in e.indicators]
    assert got == [
        ("数量指标", "安保人员数量", 30, 30),
        ("质量指标", "安保事故发生次数", 20, 20),
        ("社会效益指标", "校园安全保障水平", 30, 10),
        ("服务对象满意度指标", "师生满意度", 20, 20),
    ]


def test_spaced_stream_in_another_reading_order():
    # PDF text on one line: the fund label before the header, its figures after it; option
    # tick boxes; brackets cut by spaces; the section's points in a cell of their own
    line = (
        "2021 年某某专项资金项目自评表 项目名称 某某专项资金 主管部门 某某局 "
        "项目类型 1、常年性项目 □ 2、延续性项目 □ 预算执行 情况(万元) (10 分) 一级指标 年度财政 资金总额 "
        "项目实施单位 某某服务中心 □ 3、一次性项目 □ 预算数 (A) 执行数(B) 执行率(B/A) 得分 (10 分*执行率) "
        "80.5 78.89 98% 9.8 三级指标 年初目标值 (A) 实际完成值 (B) 得分 "
        "培训场次 12 12 30 服务企业数量 40 45 30 预算资金执行率 90% 98% 30 总分 100 99.8"
    )
    e = read_text(line, "scrambled.txt")
    assert e.layout == "spaced"
    (fund,) = e.funds
    assert (fund.budget.value, fund.actual.value, fund.rate.value) == (
        Decimal("80.5"),
        Decimal("78.89"),
        98,
    )
    assert (fund.weight.value, fund.score.value) == (10, Decimal("9.8"))
    got = [(i.name.text, i.target.text, i.actual.text, i.score.value) for i in e.indicators]
    assert got == [
        ("培训场次", "12", "12", 30),
        ("服务企业数量", "40", "45", 30),
        ("预算资金执行率", "90%", "98%", 30),
    ]
    assert e.total_score.value == Decimal("99.8")


def test_implementing_unit_wins_over_the_filling_unit_and_spaced_dates_join():
    line = (
        "2021 年某某专项资金项目自评表 单位名称:某某区商务局 填报日期:2022 年 3 月 15 日 "
        "项目名称 2021 年某某专项资金 主管部门 某某区商务局 项目实施单位 某某服务中心 "
        "预算执行情况(万元) 预算数 执行数 执行率 年度资金总额 120 108 90% "
        "三级指标 年初目标值 实际完成值 得分 培训场次 12 12 30 服务企业数量 40 45 30 总分 60 60"
    )
    e = read_text(line, "p.txt")
    assert e.unit.text == "某某服务中心"
    assert e.project.text == "2021年某某专项资金"
    assert e.fill_date is not None and e.fill_date.text == "2022年3月15日"


def test_pipe_cell_cut_by_a_page_marker_and_dashes_read_as_one():
    text = "\n".join(
        [
            "2022年度项目支出绩效自评表",
            "| 项目名称 | 某某河道整治 |",
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
            "| 产出指标 | 数量指标 | 清理河道长度 | ≥12公里 | 12.5公里 | 30 | 30 |",
            "| | | 新建护岸长度（含生态护坡与亲水平台",
            "- 3 -",
            "建设） | ≥2公里 | 2.2公里 | 30 | 一 |",
            "| 效益指标 | 生态效益指标 | 水质改善情况 | 明显改善 | 明显改善 | 40 | 38 |",
        ]
    )
    e = read_text(text, "cut.txt")
    names = [i.name.text for i in e.indicators]
    assert names == ["清理河道长度", "新建护岸长度（含生态护坡与亲水平台建设）", "水质改善情况"]
    second = e.indicators[1]
    assert (second.target.text, second.weight.value, second.score) == ("≥2公里", 30, None)


def test_year_in_brackets_after_the_title():
    from jixiao.extract.titles import find_year
    from jixiao.model import Text

    assert find_year([Text("某某市本级部门项目支出绩效自评表(2021年)", None)]).value == 2021
    assert find_year([Text("某某县项目支出绩效自评表（2019年度）", None)]).value == 2019
    assert find_year([Text("附表(2)", None)]) is None


def test_year_of_a_template_printing_nian_as_a_dash():
    # an older county template: the year's digits spaced apart and 年 printed as a dash
    from jixiao.extract.titles import find_year
    from jixiao.model import Text

    assert find_year([Text("某某县20 15 -度部门(单位)整体支出", None)]).value == 2015
    assert find_year([Text("2019 -度项目支出绩效自评报告", None)]).value == 2019
    assert find_year([Text("报告期:2017 -7 - 25", None)]) is None
    assert find_year([Text("综合开发和 2016 -度计划", None)]) is None


def test_title_from_the_file_name_on_a_document_sharing_page():
    from jixiao.extract.titles import find_year, title_candidates, unit_from_title
    from jixiao.model import Text

    line = Text(
        "《某某县农业农村局2022年度部门整体支出绩效自评报告.docx》由会员分享，可在线阅读，"
        "更多相关《某某县农业农村局2022年度部门整体支出绩效自评报告.docx(6页珍藏版)》请在某某文库上搜索。",
        None,
    )
    titles = title_candidates([line])
    assert [t.text for t in titles] == ["某某县农业农村局2022年度部门整体支出绩效自评报告"]
    assert find_year(titles).value == 2022
    assert unit_from_title(titles).text == "某某县农业农村局"


def test_total_score_among_the_header_fields():
    text = "\n".join(
        [
            "2023年度项目支出绩效自评表",
            "| 项目名称 | 某某公园维护 | 自评得分 | 96.5 |",
            "| 主管部门 | 某某区城管局 | 实施单位 | 某某园林中心 |",
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |",
            "| 产出指标 | 数量指标 | 养护面积 | ≥20公顷 | 20公顷 | 50 | 48 |",
            "| 效益指标 | 社会效益指标 | 游园环境 | 明显改善 | 明显改善 | 50 | 48.5 |",
        ]
    )
    e = read_text(text, "score.txt")
    assert e.total_score.value == Decimal("96.5") and e.total_weight is None


def test_a_short_pipe_table_before_a_long_report_is_pipe():
    rows = [f"|  |  | 数量指标 | 指标{k} | ≥{k}个 | {k}个 | 10 | 10 |  |" for k in range(1, 6)]
    report = [f"（{k}）本项工作按计划推进，各项任务均已完成，群众反映良好。" for k in range(1, 20)]
    assert detect_layout([*rows, "", *report]) == "pipe"


def test_a_table_on_one_line_before_a_long_report_is_spaced():
    table = (
        "产出指标 数量指标 培训人次 ≥200人次 230人次 20 20 质量指标 合格率 ≥95% 98% 20 20 "
        "效益指标 社会效益指标 群众知晓率 ≥80% 86% 30 30 满意度指标 服务对象满意度指标 "
        "参训人员满意度 ≥90% 95% 30 29 总分 100 99"
    )
    report = [
        f"（{k}）本项工作按计划推进，各项任务均已完成，群众反映良好，效果明显。"
        for k in range(1, 15)
    ]
    assert detect_layout([table, "", *report]) == "spaced"


def test_a_row_without_its_closing_bar_does_not_swallow_the_report_title():
    text = "\n".join(
        [
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |",
            "| 产出指标 | 数量指标 | 培训人次 | ≥100人次 | 120人次 | 50 | 50 |",
            "| 效益指标 | 社会效益指标 | 群众知晓率 | ≥80% | 85% | 50 | 48 |",
            "| | | | | | | |",
            "| 总分 | | | | | 100 | 98",
            "2022年度某某项目绩效自评报告",
            "一、项目概况。本项目按计划实施。",
        ]
    )
    e = read_text(text, "t.txt")
    assert e.total_score is not None and e.total_score.value == 98


def test_a_label_at_the_end_of_a_line_takes_the_value_that_opens_the_next():
    text = "\n".join(
        [
            "2023年度项目支出绩效自评表",
            "| 项目名称 |",
            "| 农村饮水工程维护 | 主管部门 |",
            "| 某某县水利局 | 实施单位 | 某某县水务中心 |",
            "| 项目资金 | 全年预算数 | 全年执行数 | 执行率 |",
            "| 年度资金总额 | 40 | 38 | 95% |",
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |",
            "| 产出指标 | 数量指标 | 维护工程处数 | ≥20处 | 22处 | 50 | 50 |",
        ]
    )
    e = read_text(text, "split.txt")
    assert (e.project.text, e.supervisor.text, e.unit.text) == (
        "农村饮水工程维护",
        "某某县水利局",
        "某某县水务中心",
    )


def test_run_together_fund_row_word_read_before_its_header():
    # a scan read the fund row's first cell ahead of the header row: 年度资金总额, then the
    # column labels, then the row's figures
    text = (
        "2022年度项目支出绩效自评表项目名称社区照料服务主管部门某某区民政局实施单位某某街道办事处"
        "项目资金(万元)年度资金总额年初预算数调整预算数(A)全年执行数(B)执行率(B/A)4545.0043.2096.00%"
        "一级指标二级指标三级指标年度指标值实际完成值分值得分"
        "产出指标数量指标(50分)照料老人数量≥80人86人5050"
        "满意度指标服务对象满意度指标(50分)老人满意度≥90%93%5050总分100100"
    )
    e = read_text(text, "scan.txt")
    (fund,) = e.funds
    assert fund.label.text == "年度资金总额"
    assert (fund.initial_budget.value, fund.budget.value, fund.actual.value) == (
        45,
        Decimal("45.00"),
        Decimal("43.20"),
    )
    assert fund.rate.value == Decimal("96.00")
    # the word is cut out once, after the header's labels and before the figures
    from jixiao.extract.runtogether import split_labels

    line = "项目资金(万元)年度资金总额年初预算数全年预算数全年执行数执行率6060.0059.5099.17%"
    pieces = [p.cell.text for p in split_labels([Cell(line, Location(source="x.txt", line=1))])]
    assert pieces == [
        "项目资金(万元)",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "执行率",
        "年度资金总额",
        "6060.0059.5099.17%",
    ]


def test_run_together_rows_printed_values_first_are_turned_round():
    # one row per line, cells run together; some rows print their figures before their labels
    text = "\n".join(
        [
            "2023年度项目支出绩效自评表",
            "项目名称河道巡查保洁主管部门某某区水务局实施单位某某区河道管理所",
            "项目资金(万元)年初预算数全年预算数全年执行数执行率",
            "年度资金总额5050.0048.0096.00%",
            "20.0020.0019.0095.00%其中：本年财政拨款",
            "一级指标二级指标三级指标年度指标值实际完成值分值得分",
            "产出指标数量指标巡查河道长度≥30公里32公里2020",
            "≥95%97%2020质量指标保洁达标率",
            "效益指标生态效益指标水质达标率≥90%92%3028",
            "≥90%96%3030满意度指标服务对象满意度指标沿岸居民满意度",
            "总分10098",
        ]
    )
    e = read_text(text, "scan.txt")
    got = [
        (i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in e.indicators
    ]
    assert got == [
        ("巡查河道长度", "≥30公里", "32公里", 20, 20),
        ("保洁达标率", "≥95%", "97%", 20, 20),
        ("水质达标率", "≥90%", "92%", 30, 28),
        ("沿岸居民满意度", "≥90%", "96%", 30, 30),
    ]
    assert e.indicators[3].level2.text == "服务对象满意度指标"
    part = [f for f in e.funds if f.label.text != "年度资金总额"]
    assert [(f.budget.value, f.actual.value) for f in part] == [
        (Decimal("20.00"), Decimal("19.00"))
    ]


def test_a_row_broken_after_the_figures_of_the_row_above_is_not_turned_round():
    # the name ends a line and its figures begin the next, after which the next row starts
    from jixiao.extract.values_first import values_first_rows

    lines = ["质量指标保洁达标率", "≥95%97%2020时效指标", "按期完成率100%100%1010"]
    cells = [Cell(t, Location(source="x.txt", line=k + 1)) for k, t in enumerate(lines)]
    assert [c.text for c in values_first_rows(cells)] == lines
    lines = ["年度资金总额5050.0048.0096.00%", "10其中：本年财政拨款", "20.0020.0019.0095.00%"]
    cells = [Cell(t, Location(source="x.txt", line=k + 1)) for k, t in enumerate(lines)]
    assert [c.text for c in values_first_rows(cells)] == lines


def test_run_together_rows_printed_labels_labels_values_values():
    # two rows' label cells printed first, then their figures; a 偏差原因 sentence between a
    # values-first row's figures and its labels stays with that row
    from jixiao.extract.values_first import values_first_rows

    lines = [
        "产出指标数量指标举办培训场次",
        "培训覆盖人数",
        "≥12场10场54前期准备不足，下年度提前安排。",
        "≥300人320人1010",
        "≥95%90%54.5设备到货推迟，已督促供应商。质量指标设备验收合格率",
    ]
    cells = [Cell(t, Location(source="x.txt", line=k + 1)) for k, t in enumerate(lines)]
    assert [c.text for c in values_first_rows(cells)] == [
        "产出指标数量指标举办培训场次",
        "≥12场10场54前期准备不足，下年度提前安排。",
        "培训覆盖人数",
        "≥300人320人1010",
        "质量指标设备验收合格率≥95%90%54.5设备到货推迟，已督促供应商。",
    ]
    # label lines followed by lines that are not whole rows stay as they are
    lines = ["产出指标数量指标举办培训场次", "培训覆盖人数", "≥12场10场", "54"]
    cells = [Cell(t, Location(source="x.txt", line=k + 1)) for k, t in enumerate(lines)]
    assert [c.text for c in values_first_rows(cells)] == lines
