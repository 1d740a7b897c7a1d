"""Unit and project told only by the title line or the file's name (a shared document whose
项目名称/主管部门 rows are gone). Invented text."""

from jixiao import read_text
from jixiao.extract.titles import file_title, unit_and_project
from jixiao.model import Text

ROWS = (
    "项目资金（万元）\t项目\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "\t年度资金总额\t120.00\t118.80\t10\t99.00%\t9.90\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "\t产出指标\t数量指标\t修缮校舍面积\t≥800平方米\t820平方米\t50\t50\n"
    "\t效益指标\t社会效益指标\t受益学生人数\t≥1200人\t1260人\t40\t40\n"
    "总分\t\t\t\t\t\t100\t99.90\n"
)


def t(s: str) -> list[Text]:
    return [Text(s, None)]


def test_unit_and_project_run_together_in_the_title():
    text = "2024年度清源县第二实验学校校舍维修改造经费项目支出绩效自评表\n" + ROWS
    ev = read_text(text, source="a.txt")
    assert ev.year.value == 2024
    assert ev.unit.text == "清源县第二实验学校"
    assert ev.project.text == "校舍维修改造经费"


def test_unit_and_project_only_in_the_file_name():
    ev = read_text(
        "项目支出绩效自评表\n" + ROWS,
        source="下载/2024年度清源县水务局河道清淤经费项目支出绩效自评表.txt",
    )
    assert ev.year.value == 2024
    assert ev.unit.text == "清源县水务局"
    assert ev.project.text == "河道清淤经费"


def test_a_unit_before_the_year():
    got = unit_and_project(t("清源县水务局2024年度河道清淤经费项目支出绩效自评表"))
    assert got is not None and (got[0].text, got[1].text) == ("清源县水务局", "河道清淤经费")


def test_a_syllable_inside_the_unit_does_not_end_it():
    # 科 of 科学技术局 and 机关 of a project's name are no place to split
    got = unit_and_project(t("2024年度清源县科学技术局机关运行保障经费项目支出绩效自评表"))
    assert got is not None and (got[0].text, got[1].text) == (
        "清源县科学技术局",
        "机关运行保障经费",
    )


def test_no_split_without_a_project_or_for_a_department():
    assert unit_and_project(t("2024年度清源县水务局项目支出绩效自评表")) is None
    assert unit_and_project(t("2024年度清源县水务局部门整体支出绩效自评表")) is None
    assert unit_and_project(t("2024年度清源县水务局部门预算项目支出绩效自评表")) is None


def test_a_plain_file_name_is_no_title():
    assert file_title("corpus/106.txt") is None
    named = file_title("x/2024年度清源县水务局河道清淤经费项目支出绩效自评表.docx")
    assert named is not None and named.text.endswith("自评表")
