"""Column-major PDF text whose short columns are placed by what the form itself says: the
targets by the shape of their actuals (readers/text/shape_align.py), the merged 二级 by the names
their indicators carry (readers/text/level2_names.py). Invented forms of that shape."""

from __future__ import annotations

from jixiao import read_text
from jixiao.readers.text.level2_names import framework_fit, label_theme, name_theme
from jixiao.readers.text.shape_align import align, shape

HEAD = (
    "2024年度项目支出绩效自评表\n"
    "项目名称   2024年松石镇河堤加固项目\n"
    "主管部门   松石镇水务站   实施单位   松石镇水务站\n"
    "项目资金（万元）   全年预算数   执行数   执行率   分值   得分\n"
    "年度资金总额   80   76   95.00%   10   9.5\n"
)


def _column_major(*columns: tuple[str, list[str]]) -> str:
    lines = ["绩效指标"]
    for head, cells in columns:
        lines.append(head)
        lines.extend(cells)
    return HEAD + "\n".join(lines) + "\n"


def _levels(e):
    return {
        i.name.text: (i.level1.text if i.level1 else None, i.level2.text if i.level2 else None)
        for i in e.indicators
    }


def test_shape_of_a_cell() -> None:
    assert shape("≥12万人次") == shape("13万人次") == "=万人次"
    assert shape("不低于85%") == shape("91.5%") == "=%"
    assert shape("2024年9月前完成") == shape("2024年8月完成") == "date"
    assert shape("规范") == shape("已建立台账") == "word"
    assert shape("≥3座") != shape("3公里")


def test_short_column_cells_go_only_where_every_placement_agrees() -> None:
    actuals = ["已建立台账", "规范", "96.5%", "4座", "按时完工"]
    # ≥3座 can only be row 3, 100% only row 2; 完整 could be row 0 or 1: left out
    assert align(["完整", "100%", "≥3座"], actuals) == [None, 2, 3]
    assert align(["完整", "100%", "≥3座", "达标"], actuals) == [None, 2, 3, 4]
    assert align(["≥3座", "100%"], actuals) == [None, None]  # no order-keeping placement
    assert align(["a", "b", "c"], ["x", "y"]) == [None, None, None]


def test_target_column_without_its_blank_cells_is_laid_against_the_actuals() -> None:
    text = _column_major(
        ("一级指标", ["产出指标", "产出指标", "产出指标", "效益指标"]),
        ("二级指标", ["数量指标", "质量指标", "时效指标", "社会效益指标"]),
        ("三级指标", ["加固堤段长度", "工程验收合格率", "完工时间", "沿岸群众安全感"]),
        ("年度指标值", ["≥2.5公里", "100%", "2024年10月前"]),
        ("实际完成值", ["2.6公里", "100%", "2024年9月", "明显增强"]),
        ("分值", ["30", "20", "20", "20"]),
        ("得分", ["30", "20", "20", "20"]),
    )
    e = read_text(text)
    got = {i.name.text: (i.target.text if i.target else None) for i in e.indicators}
    assert got == {
        "加固堤段长度": "≥2.5公里",
        "工程验收合格率": "100%",
        "完工时间": "2024年10月前",
        "沿岸群众安全感": None,
    }


def test_a_target_two_rows_could_take_is_not_read_and_is_noted() -> None:
    text = _column_major(
        ("一级指标", ["产出指标", "产出指标", "产出指标"]),
        ("二级指标", ["质量指标", "质量指标", "数量指标"]),
        ("三级指标", ["台账完整性", "档案规范性", "加固堤段长度"]),
        ("年度指标值", ["完整", "≥2.5公里"]),
        ("实际完成值", ["台账齐全", "档案规范", "2.6公里"]),
        ("分值", ["30", "30", "30"]),
        ("得分", ["30", "30", "30"]),
    )
    e = read_text(text)
    got = {i.name.text: (i.target.text if i.target else None) for i in e.indicators}
    assert got == {"台账完整性": None, "档案规范性": None, "加固堤段长度": "≥2.5公里"}
    assert any("完整" in n and "不止一行" in n for n in e.notes)


def test_names_tell_the_benefit_and_framework_level2() -> None:
    assert name_theme("湿地植被恢复面积") is None
    assert name_theme("河道垃圾清运宣传覆盖村数") == "ecology"
    assert name_theme("建立巡堤长效机制数") == "lasting"
    assert name_theme("带动村民务工增收") == "economy"
    assert label_theme("生态效益指标") == "ecology"
    assert label_theme("数量指标") is None
    assert framework_fit("项目立项", "立项程序规范性") == 1
    assert framework_fit("项目立项", "预算编制科学性") == -1
    assert framework_fit("资金投入", "河堤加固长度") == 0
    assert framework_fit("数量指标", "立项程序规范性") is None


def test_merged_benefit_level2_placed_by_what_the_names_serve() -> None:
    # 社会效益 and 可持续影响 both hold counts; the names say which is which
    text = _column_major(
        ("一级指标", ["产出指标", "效益指标", "满意度指标"]),
        ("二级指标", ["数量指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"]),
        (
            "三级指标",
            ["加固堤段长度", "受益群众人数", "防汛宣传场次", "建立巡堤长效机制数", "群众满意度"],
        ),
        ("年度指标值", ["≥2.5公里", "≥3000人", "≥6场", "≥1项", "≥90%"]),
        ("实际完成值", ["2.6公里", "3200人", "7场", "1项", "95%"]),
        ("分值", ["30", "20", "10", "20", "10"]),
        ("得分", ["30", "20", "10", "20", "10"]),
    )
    e = read_text(text)
    assert _levels(e) == {
        "加固堤段长度": ("产出指标", "数量指标"),
        "受益群众人数": ("效益指标", "社会效益指标"),
        "防汛宣传场次": ("效益指标", "社会效益指标"),
        "建立巡堤长效机制数": ("效益指标", "可持续影响指标"),
        "群众满意度": ("满意度指标", "服务对象满意度指标"),
    }


def test_merged_framework_level2_placed_by_the_names_it_holds() -> None:
    text = _column_major(
        ("一级指标", ["项目决策", "项目管理", "项目产出"]),
        ("二级指标", ["项目立项", "绩效目标", "资金管理", "组织实施", "数量指标"]),
        (
            "三级指标",
            [
                "立项依据充分性",
                "绩效目标合理性",
                "绩效指标明确性",
                "预算执行率",
                "制度执行有效性",
                "加固堤段长度",
            ],
        ),
        ("年度指标值", ["100%", "≥2.5公里"]),
        ("实际完成值", ["依据充分", "目标合理", "指标明确", "95%", "严格执行", "2.6公里"]),
        ("分值", ["5", "5", "5", "10", "5", "30"]),
        ("得分", ["5", "5", "4", "9.5", "5", "30"]),
    )
    e = read_text(text)
    assert _levels(e) == {
        "立项依据充分性": ("项目决策", "项目立项"),
        "绩效目标合理性": ("项目决策", "绩效目标"),
        "绩效指标明确性": ("项目决策", "绩效目标"),
        "预算执行率": ("项目管理", "资金管理"),
        "制度执行有效性": ("项目管理", "组织实施"),
        "加固堤段长度": ("项目产出", "数量指标"),
    }


def test_on_time_rates_belong_to_timeliness_before_quality() -> None:
    text = _column_major(
        ("一级指标", ["产出指标"]),
        ("二级指标", ["数量指标", "质量指标", "时效指标"]),
        ("三级指标", ["加固堤段长度", "工程验收合格率", "隐患整改按期完成率", "汛前完工及时率"]),
        ("年度指标值", ["≥2.5公里", "100%", "100%", "≥95%"]),
        ("实际完成值", ["2.6公里", "100%", "100%", "97%"]),
        ("分值", ["30", "20", "20", "20"]),
        ("得分", ["30", "20", "20", "20"]),
    )
    e = read_text(text)
    assert {n: l2 for n, (_, l2) in _levels(e).items()} == {
        "加固堤段长度": "数量指标",
        "工程验收合格率": "质量指标",
        "隐患整改按期完成率": "时效指标",
        "汛前完工及时率": "时效指标",
    }
