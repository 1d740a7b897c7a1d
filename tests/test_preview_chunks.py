"""A document-sharing site's preview of a run-together form: numbered chunks (1、 2、) cut
anywhere, single spaces where a narrow cell wrapped, figures glued to the words around them.
Invented form."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.readers.text.layout import detect_layout
from jixiao.readers.text.share_site import join_preview_chunks
from tests.reading_helpers import indicator_named

PREVIEW = """\
1、2022年度县级专项资金绩效目标自评表专项资金名称农村饮水安全维修养护负责人及电话王某某县级主管部门某县水利局实施单位农村供水管理站项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额86.586.5100%其中:中央、省、市补助县级资金60.060.0100%其他资金年度 总体 目标年初设定目标全年实际完成情况维修养护农村供水工程完成维修养护绩 效 指 标一级 指标二级 指标三级指标年度指标 值全年 完成值未完成原因和 改进措施产 出 指 标数量 指标维修供水工程处数45处45处维修管网长度12公里13公里质量 指标工程验收合
2、格率100%100%水质检测达标率95%97%时效 指标维修计划执行率100%100%成本 指标单处维修成本控制率100%100%效益 指标社会 效益 指标受益人口数3.2万人3.2万人农村集中供水率90%92%可持 续影 响指标工程运行年限5年5年满意度 指 标服务 对象 满意 度指 标受益群众满意度90%96%说明无注:1、其他资金包括和中央、省、市补助、地方财政资金共同投入到同一项目的自
"""


def test_a_preview_with_wrap_spaces_is_run_together_text() -> None:
    assert detect_layout(PREVIEW.splitlines()) == "other"
    preview = join_preview_chunks(PREVIEW.splitlines())
    assert preview is not None
    joined, note = preview
    assert "2 段" in note  # the reader says what it joined
    assert "工程验收合格率100%" in joined[0]  # the name cut by the chunk border is whole
    assert "年度总体目标" in joined[0] and "2、" not in joined[0]
    assert all(not ln for ln in joined[1:])


def test_the_preview_is_read() -> None:
    e = read_text(PREVIEW, "preview.txt")
    assert any("文档分享网站的预览" in n for n in e.notes)
    assert e.project is not None and e.project.text == "农村饮水安全维修养护"
    total = e.funds[0]
    assert (total.budget.value, total.actual.value, total.rate.value) == (
        Decimal("86.5"),
        Decimal("86.5"),
        Decimal("100"),
    )
    names = [i.name.text for i in e.indicators]
    assert "和" not in names  # 未完成原因和改进措施 is one column label
    checked = indicator_named(e, "工程验收合格率")
    assert (checked.target.text, checked.actual.text) == ("100%", "100%")
    spent = indicator_named(e, "维修计划执行率")  # a name ending like a fund column
    assert (spent.level2.text, spent.target.text) == ("时效指标", "100%")
    pipes = indicator_named(e, "维修管网长度")
    assert (pipes.target.text, pipes.actual.text) == ("12公里", "13公里")


def test_numbered_report_paragraphs_are_no_preview() -> None:
    report = [
        "1、项目资金全部到位，资金使用规范，未发现挤占挪用的情况，财务管理制度健全有效执行。",
        "2、项目按计划完成，群众满意度较高，达到了预期的绩效目标，社会效益明显，值得继续推进。",
    ]
    assert join_preview_chunks(report) is None
