"""A form as a document-sharing site shows it: the site's own lines around the text, the text cut
into numbered page-size chunks (jixiao/readers/text/share_site.py). Invented forms."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.readers.text.share_site import unwrap_chunks

PAGE = """某县农技站2021年度_第1页
某县农技站2021年度_第2页
全文预览已结束

下载本文档

版权说明:本文档由用户提供并上传,收益归属内容提供方

文档简介

1、某县农技站2021年度项目绩效自评表单位名称:某县农业技术推广站 填报日期:2022年3月项目名称良种示范推广补助主管部门某县农业农村局项目实施单位某县农业技术推广站预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额24万21.6万90%18一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分产出指标数量指标示范面积1200亩1260亩20质量指标良种覆盖率95%96%20效益指

2、标社会效益指标带动农户数300户315户20总分98
"""


def test_the_sites_lines_are_dropped_and_the_chunks_joined():
    lines, notes = unwrap_chunks(PAGE.split("\n"))
    assert not any("下载本文档" in ln or "_第1页" in ln for ln in lines)
    body = [ln for ln in lines if ln.strip()]
    assert len(body) == 1 and body[0].startswith("某县农技站2021年度项目绩效自评表")
    assert "效益指标社会效益指标" in body[0]  # the word the page break cut is whole again
    assert len(notes) == 2


def test_the_form_reads_through_the_sites_page():
    e = read_text(PAGE, "page.txt")
    assert e.project.text == "良种示范推广补助"
    fund = e.funds[0]
    assert (fund.budget.value, fund.actual.value) == (Decimal("24"), Decimal("21.6"))
    assert fund.rate.value == Decimal("90") and fund.score.value == Decimal("18")
    names = [i.name.text for i in e.indicators]
    assert "带动农户数" in names and "示范面积" in names


def test_numbered_paragraphs_of_a_report_are_not_chunks():
    report = ["一、基本情况", "1、收入：792.22万元。", "2、支出：799.12万元。"]
    assert unwrap_chunks(report) is None  # no site around them: nothing to undo
