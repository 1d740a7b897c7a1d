"""A table flattened onto one line whose header was cut off (a copy starting on a later page),
a report after it: told as spaced text, not as prose (jixiao/readers/text/layout.py), so the
stream reader gets its cells (the damage harness's spaced-line/cut-start cell)."""

from jixiao.readers.text.layout import detect_layout

LINE = (
    "成本指标 办公经费支出控制数 ≤30万元 28.5万元 5 5 "
    "时效指标 救助资金按时发放率 ≥95% 98% 10 10 "
    "效益指标 社会效益指标 困难群众救助覆盖率 ≥90% 96% 15 15 可持续影响指标 设施正常使用年限 "
    "≥5年 5年 10 10 满意度指标 服务对象满意度指标 服务对象满意度 ≥85% 92% 10 10 总分 100 97.5"
)
REPORT = [
    "2022年度某县民政局部门整体支出绩效自评报告",
    "一、部门（单位）概况",
    "某县民政局为财政全额拨款单位，负责全县社会救助和社会事务管理工作。",
    "二、部门整体支出绩效情况",
    "全年救助困难群众1200人次，资金按规定及时发放到位。",
]


def test_cut_table_on_one_line_is_spaced_text():
    lines = [LINE, "", *REPORT]
    assert detect_layout(lines) == "spaced"


def test_a_report_line_with_a_few_figures_stays_prose():
    line = "全年 救助 困难群众 1200人次 发放 资金 350万元 满意度指标 达到 92% 效益指标 明显 提升"
    assert detect_layout([line, "", *REPORT]) == "prose"
