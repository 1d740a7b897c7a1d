"""A whole indicator table copied from a PDF onto one line of text, cells separated by single
spaces and a wrapped name's two lines separated by a space too (``开展农技培训、推广新`` /
``品种次数``): the second half of the name is put back on the name when the row's shape confirms
it (one cell more than the header's columns, target and actual then agree in kind). Invented
text of the shape."""

from jixiao import read_text
from jixiao.document import Cell
from jixiao.extract.vocab import Role
from jixiao.extract.wrapped_cells import join_wrapped_name, rejoin_wrapped_row

HEAD = (
    "2022 年度农技推广补助项目自评表 单位名称:某县农业农村局 填报日期:2023 年 3 月 2 日 "
    "项目名称 农技推广补助 主管部门 某县农业农村局 预算执行 情况(万元) (20 分) 一级指标 "
    "年度财政 资金总额 预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) 50.00 50.00 "
    "100% 20 三级指标 年初目标值 (A) 实际完成值 (B) 得分 "
)


def _read(rows: str):
    return read_text(HEAD + rows + " 总分 50", "x.txt")


def test_wrapped_name_is_joined_when_the_row_has_one_cell_too_many():
    doc = _read(
        "培训农户人次 500 520 10 开展农技培训、推广新 品种次数 12 12 10 示范基地个数 3 3 10"
    )
    by_name = {i.name.text: i for i in doc.indicators}
    ind = by_name["开展农技培训、推广新 品种次数"]
    assert (ind.target.text, ind.actual.text) == ("12", "12")
    assert ind.score.value == 10
    assert "示范基地个数" in by_name and by_name["示范基地个数"].score.value == 10


def cells(*texts: str) -> list[Cell]:
    return [Cell(t, None) for t in texts]


ROLES = [Role.TARGET, Role.ACTUAL, Role.SCORE]


def test_row_that_fits_as_printed_is_left_alone():
    name = Cell("群众满意度", None)
    values = cells("明显提升", "较好提升", "10", "8")
    assert join_wrapped_name(name, values, ROLES) == (name, values)  # words agree already


def test_figure_or_category_is_never_joined_to_the_name():
    name = Cell("新建道路", None)
    for first in ("5公里", "数量指标"):
        values = cells(first, "5", "5", "10")
        assert join_wrapped_name(name, values, ROLES) == (name, values)


def test_join_needs_exactly_one_extra_cell():
    name = Cell("开展农技培训、推广新", None)
    values = cells("品种次数", "12", "12")
    assert join_wrapped_name(name, values, ROLES) == (name, values)
    joined, rest = join_wrapped_name(name, [*values, Cell("10", None)], ROLES)
    assert joined.text == "开展农技培训、推广新 品种次数"
    assert [c.text for c in rest] == ["12", "12", "10"]


def test_wrapped_target_and_actual_read_as_a_row_of_their_own_are_rejoined():
    doc = _read(
        "培训农户人次 500 520 10 农技服务质量 服务覆盖全 部行政村 农户 覆盖全部行 政村 10 "
        "示范基地个数 3 3 10"
    )
    by_name = {i.name.text: i for i in doc.indicators}
    ind = by_name["农技服务质量"]
    assert (ind.target.text, ind.actual.text) == ("服务覆盖全 部行政村 农户", "覆盖全部行 政村")
    assert ind.score.value == 10
    assert "农户" not in by_name and len(doc.indicators) == 3


def test_rows_are_not_rejoined_when_no_single_cut_makes_wrapped_cells():
    prev = cells("群众满意度", "较高", "较高")
    row = cells("服务态度评价", "良好", "良好", "10")
    # two rows: no cut of 较高 | 较高 | 服务态度评价 | 良好 | 良好 makes two wrapped cells
    assert rejoin_wrapped_row(prev, row, ROLES) is None
    prev = cells("农技服务质量", "服务覆盖全", "部行政村")
    row = cells("农户", "覆盖全部行", "政村", "10")
    assert [c.text for c in rejoin_wrapped_row(prev, row, ROLES)] == [
        "农技服务质量",
        "服务覆盖全 部行政村 农户",
        "覆盖全部行 政村",
        "10",
    ]
    assert rejoin_wrapped_row(prev, cells("农户", "覆盖全部行", "政村", "十分"), ROLES) is None


# -- 一级 labels printed after the rows (trailing_levels.py) ---------------------------------------


def test_level1_printed_after_the_rows_goes_to_the_rows_its_points_add_up_to():
    doc = _read(
        "培训农户人次 500 520 10 示范基地个数 3 3 10 农户满意度 90% 95% 10 "
        "产出指标 (20 分) 满意度指标 (10 分)"
    )
    assert [(i.name.text, i.level1 and i.level1.text) for i in doc.indicators] == [
        ("培训农户人次", "产出指标"),
        ("示范基地个数", "产出指标"),
        ("农户满意度", "满意度指标"),
    ]
    assert any("一级指标印在各行之后" in n for n in doc.notes)


def test_trailing_level1_the_arithmetic_does_not_confirm_stays_empty():
    doc = _read(
        "培训农户人次 500 520 10 示范基地个数 3 3 10 农户满意度 90% 95% 10 "
        "产出指标 (25 分) 满意度指标 (5 分)"
    )
    assert all(i.level1 is None for i in doc.indicators)


def test_level1_printed_above_its_rows_is_not_moved_onto_the_rows_before_it():
    # an excerpt starting inside the 产出 block: the 效益 label (20 分) heads the rows after it,
    # and the two rows before it, whose 分值 happen to add up to 20, are not its
    from jixiao.extract.form import FormBuilder

    b = FormBuilder("x.txt")
    for row in (
        ("一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"),
        ("", "数量指标", "培训农户人次", "500", "520", "10", "10"),
        ("", "", "示范基地个数", "3", "3", "10", "10"),
        ("效益指标(20分)", "社会效益指标", "农户增收比例", "5%", "6%", "10", "10"),
        ("", "", "农户满意度", "90%", "95%", "10", "10"),
    ):
        b.feed([Cell(t, None) for t in row])
    b.finish()
    assert [i.level1 and i.level1.text for i in b.parts.indicators] == [
        None,
        None,
        "效益指标",
        "效益指标",
    ]
