"""The tail of a form after its indicator table (PDF text of the whole table on one line): the
side label 年度绩效目标(80分) with the 一级 labels printed after the rows, 总分, a page mark, the
偏差/改进 sections and the signature block are no goal block and no goal rows. Invented text."""

from jixiao import read_text
from jixiao.checks import run_checks

TEXT = (
    "2023年度乡村书屋补助资金项目自评表 单位名称:某县文化局 填报日期:2024 年 3 月 5 日 "
    "项目名称 2023 年乡村书屋补助资金 主管部门 某县文化局 预算执行 情况(万元) (20 分) "
    "一级指标 年度财政 资金总额 预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) "
    "150.00 150.00 100% 20 三级指标 年初目标值 (A) 实际完成值 (B) 得分 "
    "新建书屋数量(个) 30 32 20 图书配送及时率 95% 98% 20 读者满意度 90% 93% 20 "
    "二级指标 数量指标 年度 绩效 目标 (80 分) 产出指标 (60 分) 时效指标 "
    "满意度指标 (20 分) 总分 质量指标 20 100 —2— 偏差大或 目标未完成 原因分析 "
    "改进措施及 结果应用方案 单位主要负责人 签批意见 签名: 年 月 日"
)


def test_the_tail_of_the_table_is_no_goal_block():
    ev = read_text(TEXT, source="tail.txt")
    assert ev.goals == ()
    assert [i.name.text for i in ev.indicators][:3] == [
        "新建书屋数量(个)",
        "图书配送及时率",
        "读者满意度",
    ]
    assert not [f for f in run_checks(ev) if f.code == "JX-M010"]


def test_a_page_mark_inside_a_line_is_no_cell():
    ev = read_text(TEXT, source="tail.txt")
    texts = [t.text for t in ev.goals] + [i.name.text for i in ev.indicators]
    assert not [t for t in texts if "—2—" in t]
    from jixiao.readers.text import _blank_inline_marks

    assert _blank_inline_marks("得分 20 100 —2— 偏差大或") == "得分 20 100 偏差大或"
    assert _blank_inline_marks("数量  20  －3－  偏差") == "数量  20       偏差"
    assert _blank_inline_marks("目标值 — 5 —") == "目标值 — 5 —"  # empty, 5, empty


GOAL_THEN_SIGNATURE = "\n".join(
    [
        "项目名称 | 乡村书屋补助资金",
        "年度总体目标 | 预期目标 | 实际完成情况",
        "| 新建书屋30个，配送图书 | 新建书屋32个，配送图书",
        "单位主要负责人 | 签批意见",
        "签名: | 年",
        "月 | 日",
    ]
)


def test_the_signature_block_is_no_goal_row():
    ev = read_text(GOAL_THEN_SIGNATURE, source="sig.txt")
    assert [(g.planned.text, g.achieved.text if g.achieved else None) for g in ev.goals] == [
        ("新建书屋30个，配送图书", "新建书屋32个，配送图书")
    ]
