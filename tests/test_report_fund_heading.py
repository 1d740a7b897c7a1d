"""A report on one fund whose first numbered part is the fund's full name (the title names it
broadly): the part's heading is the project. Invented text."""

from jixiao import read_text

REPORT = """某省2023年度中央农业生产发展资金绩效自评报告

一、中央农业生产发展资金(耕地地力保护补贴)

(一)绩效目标分解下达情况。

2023年共下达耕地地力保护补贴资金5200万元,其中中央资金4160万元,省级资金1040万元,用于稳定粮食生产。

(二)绩效目标完成情况分析。

资金全部拨付到位,实际执行5096万元,执行率98%。补贴发放及时,农户满意度较高。
"""


def test_the_one_fund_heading_names_the_project():
    ev = read_text(REPORT, "r.txt")
    assert ev.project is not None
    assert ev.project.text == "中央农业生产发展资金(耕地地力保护补贴)"


def test_a_generic_first_part_is_no_project():
    text = REPORT.replace("一、中央农业生产发展资金(耕地地力保护补贴)", "一、项目基本情况")
    ev = read_text(text, "r.txt")
    assert ev.project is None or ev.project.text != "项目基本情况"


def test_two_funds_reported_name_no_project_from_a_heading():
    text = REPORT + "\n二、中央农业生产发展资金(农机购置补贴)\n\n资金执行率100%。\n"
    text = text.replace("二、中央", "一、中央")
    ev = read_text(text, "r.txt")
    assert ev.project is None or "耕地地力保护补贴" not in ev.project.text
