"""The damage harness (bench/damage.py, ``layout_robustness.py --damage``): its damages, its
truth, and a small sample of it held to floors at today's reader level."""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path

import pytest

from jixiao import read_text

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

accuracy = importlib.import_module("accuracy")
damage = importlib.import_module("damage")
forms = importlib.import_module("forms")
robustness = importlib.import_module("layout_robustness")


@pytest.fixture(scope="module")
def project() -> damage.Form:
    return damage.form_of(forms.build(forms.project(random.Random(3), 2022)), [])


def _plan(form: damage.Form) -> damage.Plan:
    where = damage.plan(form.rows, form.truth)
    assert where is not None
    return where


def test_truth_of_a_written_form_scores_all_right(project):
    results = accuracy.score_document("p", project.truth, project.evaluation)
    assert results and all(r.ok for r in results)
    assert {"kind", "year", "department", "project"} <= {r.field for r in results}


def test_run_together_joins_adjacent_value_cells(project):
    where = _plan(project)
    got = damage.d_run_together(project, where, random.Random(1))
    cells = [c for r in damage.printed(got.rows) for c in r]
    before = [c for r in damage.printed(project.rows) for c in r]
    assert len(cells) < len(before)
    assert "".join(cells) == "".join(before)  # nothing lost, only the cuts between cells


def test_run_together_keeps_the_columns_of_aligned_text(project):
    """A PDF's figures stay where they were printed: in space-aligned columns a glued cell spans
    the columns it ran over and the next cell stays under its own column."""
    import grid_text

    got = damage.d_run_together(project, _plan(project), random.Random(1))
    k, row = next((k, r) for k, r in enumerate(got.rows) if damage.GLUED in r)
    at = row.index(damage.GLUED)
    after = next(j for j in range(at, len(row)) if row[j] != damage.GLUED)
    rows = damage.printed(got.rows, glued=True)
    text = grid_text.r_spaced_cols("", rows, [], random.Random(1))
    header = next(ln for ln in text.split("\n") if "三级指标" in ln)
    line = next(ln for ln in text.split("\n") if row[at - 1] in ln and ln.strip())
    # the cell after the glued run starts where its own column starts
    label = damage.printed([got.rows[_plan(project).ind_header]])[0][after - 1]
    assert grid_text.width(line[: line.index(row[after], line.index(row[at - 1]) + 1)]) == (
        grid_text.width(header[: header.index(label)])
    ), (k, line)


def test_a_page_mark_in_aligned_text_is_a_line_across_the_page(project):
    import grid_text

    rows = [list(r) for r in damage.printed(project.rows)]
    k = next(k for k, r in enumerate(rows) if len(r) >= 7 and len(r[3]) >= 6)
    name = rows[k][3]
    rows[k][3] = f"{name[:3]}\n- 2 -\n{name[3:]}"
    lines = grid_text.r_spaced_cols("", rows, [], random.Random(1)).split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.strip() == "- 2 -")
    assert lines[at - 1].rstrip().endswith(name[:3]) or name[:3] in lines[at - 1]
    assert name[3:6] in lines[at + 1]


def test_row_breaks_keep_the_cells_and_their_order(project):
    got = damage.d_row_breaks(project, _plan(project), random.Random(1))
    flat = [c for r in got.rows for c in r]
    assert flat == [c for r in damage.printed(project.rows) for c in r]
    assert got.rows != damage.printed(project.rows)


def test_missing_value_drops_the_blank_cell_and_the_truth_with_it(project):
    where = _plan(project)
    got = damage.d_missing_value(project, where, random.Random(1))
    k = where.funds[0]
    assert len(got.rows[k]) == len(project.rows[k]) - 1
    assert got.truth["funds"][0]["initial_budget"] is None
    assert sum(t.get("target") is None for t in got.truth["indicators"]) == 1


def test_cut_start_does_not_count_what_is_no_longer_printed(project):
    where = _plan(project)
    got = damage.d_cut_start(project, where, random.Random(2))
    assert "year" not in got.truth and "project" not in got.truth
    first = got.truth["indicators"][0] if got.truth["indicators"] else None
    cut_row = next(k for k, r in enumerate(project.rows) if r == got.rows[0])
    if first is not None and not project.rows[cut_row][1]:
        assert "level1" not in first  # its 一级 cell is merged from a row above the cut


def test_titles_move_the_header_fields_into_the_title_or_the_file_name(project):
    where = _plan(project)
    seen = set()
    for seed in range(8):
        got = damage.d_titles(project, where, random.Random(seed))
        assert not any(r and r[0] in ("项目名称", "主管部门") for r in got.rows)
        assert got.truth == project.truth
        told = got.filename or got.title
        assert project.truth["project"] in told and project.truth["department"] in told
        seen.add(got.filename is None)
    assert seen == {True, False}


def test_ocr_keeps_the_truth_and_changes_the_print(project):
    got = damage.d_ocr(project, _plan(project), random.Random(1))
    assert got.truth == project.truth
    assert got.rows != project.rows
    assert any(m in c for r in got.rows for c in r for m in ("O", "l", "一", "-", "—"))


def test_split_figures_moves_a_rows_last_figures_to_a_line_of_their_own(project):
    got = damage.d_split_figures(project, _plan(project), random.Random(1))
    assert got is not None
    flat = [c for r in got.rows for c in r if c]
    assert flat == [c for r in damage.printed(project.rows) for c in r if c]
    before = damage.printed(project.rows)
    assert len(got.rows) > len(before)
    # each split leaves the row's head, then a line of blanks and the row's last cells
    tails = [r for r in got.rows if r not in before and any(r) and not any(r[:4])]
    assert tails and all(r[-1] for r in tails)


def test_level1_after_prints_the_level1_column_after_the_rows_with_its_points(project):
    where = _plan(project)
    got = damage.d_level1_after(project, where, random.Random(1))
    assert got is not None
    assert all(not got.rows[k][1] for k in where.indicators)
    line = got.rows[where.indicators[-1] + 1]
    labels = [c for c in line if c]
    blocks: dict[str, int] = {}
    for ind in project.truth["indicators"]:
        blocks[ind["level1"]] = blocks.get(ind["level1"], 0) + ind["weight"]
    assert len(labels) == len(blocks) >= 2
    for label, (level1, points) in zip(labels, blocks.items(), strict=True):
        assert label.startswith(level1) and f"{points.normalize():f}" in label
    assert got.truth == project.truth  # the 一级 are still printed: they still count


def test_late_cells_print_the_last_blocks_values_after_the_level1_labels(project):
    where = _plan(project)
    got = damage.DAMAGES["late-cells"](project, where, random.Random(1))
    assert got is not None and got.truth == project.truth
    line = [c for c in got.rows[where.indicators[-1] + 1] if c]
    k = where.indicators[-1]
    # after the labels with their points: the late rows' 完成值, then their 分值 and 得分
    assert line[-2:] == project.rows[k][6:8] and project.rows[k][5] in line
    assert got.rows[k][3] and not any(got.rows[k][5:])


def test_base_data_prints_a_departments_funds_under_year_columns():
    form = damage.form_of(forms.build(forms.department(random.Random(3), 2022)), [])
    text, truth = damage.base_data(form, random.Random(1))
    assert "2021年决算数 2022年预算数 2022年决算数" in text.replace("\n\n", " ")
    assert {k for t in truth["funds"] for k in t} == {"line", "budget", "actual"}
    results = accuracy.score_document("b", truth, read_text(text, "b.txt"))
    assert results and all(r.ok for r in results)


def test_base_data_is_for_department_forms_only(project):
    assert damage.base_data(project, random.Random(1)) is None


# today's reader on the sample below (the seed and one department and one project form, seed 1,
# every layout; 261 documents): raise these as the reader improves — issue 9 asks for 0.95 under
# every damage
FLOORS = {
    "none": 0.95,  # run-together reads 0.67 of its fields; prose and base-data read all
    "no-header": 0.95,  # 0.967 with headerless fund groups and zero rows
    "cut-start": 0.94,  # 0.958 with short excerpts told by their rows
    "cut-end": 0.96,
    "row-breaks": 0.90,
    "run-together": 0.93,  # 0.941 with glued cells cut (0.78 before)
    "ocr": 0.96,  # 0.970 with page marks joined and O for 0 (0.78 before)
    "scrambled": 0.92,  # 0.939 after the fifth round (positional spaced-cols, row units)
    "missing-value": 0.95,  # 0.961 with short rows placed by their arithmetic
    "centred": 0.95,
    "level1-after": 0.95,  # 0.925 when added (0.87 before trailing 一级 labels); 0.959 (d2)
    "titles": 0.97,  # 0.974 once the title's unit and project are split and the file name read
    "late-cells": 0.98,  # 0.991 when added (the four PDF text layouts)
    "split-figures": 0.93,  # spaced-rows reads all; spaced-cols loses rows whose first line has no figure
    "kv-funds": 0.95,  # the fund block as one line of 栏目：值 pairs (damage_kv.py)
    "wrapped": 0.96,  # 0.973 when added (centred rows, one cell per line); 0.508 before the readers
    "spread-labels": 0.96,  # 0.971 when added: labels spread over their cells (damage_probe.py)
    "blank-marks": 0.96,  # 0.970 when added: blank cells printed / —— 无 - nan (damage_probe.py)
}


COLUMNS = "column-major"
COLUMNS_FLOOR = 0.92  # 0.871 when added, 0.932 after the fifth round (placements by shape, names)


def test_damage_sample_holds_todays_floors():
    score, _ = robustness.damage_run(1, 1)
    assert set(FLOORS) == set(damage.DAMAGES)
    for name, floor in FLOORS.items():
        # (column-major PDF text, added later, is held to its own floor below)
        right = sum(r for (lay, d), (r, _c) in score.items() if d == name and lay != COLUMNS)
        counted = sum(c for (lay, d), (_r, c) in score.items() if d == name and lay != COLUMNS)
        assert counted > 100, name
        assert right / counted >= floor, (name, round(right / counted, 3))
    # undamaged tables read back whole in the layouts the reader knows best
    for layout in ("tabbed", "pipe", "xlsx", "docx", "prose", "base-data"):
        r, c = score[(layout, "none")]
        assert r == c, layout
    # an indicator table printed column by column: all but the merged labels nothing places
    right = sum(r for (lay, _), (r, _c) in score.items() if lay == COLUMNS)
    counted = sum(c for (lay, _), (_r, c) in score.items() if lay == COLUMNS)
    assert counted > 100
    assert right / counted >= COLUMNS_FLOOR, round(right / counted, 3)


def test_stream_layouts_read_rows_printed_values_first():
    """spaced-line and vertical (a stream of cells): rows whose labels print after their figures
    are put back in order (jixiao/extract/stream_order.py; 0.773 on this sample before, 0.852
    after; 0.978 once rows judged in words are read as units, extract/row_units.py)."""
    score, _ = robustness.damage_run(1, 1, ["spaced-line", "vertical"])
    for layout in ("spaced-line", "vertical"):
        right, counted = score[(layout, "scrambled")]
        assert counted > 100
        assert right / counted >= 0.95, (layout, round(right / counted, 3))


def test_single_spaced_pdf_text_reads_under_every_damage():
    """spaced-single (one space between cells, pdfplumber's extract_text): rows cut by their
    words (jixiao/readers/text/single_space.py; 0.816 undamaged on -n 8 before, 0.990 after;
    on this sample 0.953: the seed's long cells wrap, and a rest that more than one cell of its
    row could take is left unread)."""
    score, _ = robustness.damage_run(1, 1, ["spaced-single"])
    right, counted = score[("spaced-single", "none")]
    assert counted > 100
    assert right / counted >= 0.95, round(right / counted, 3)
    for (layout, name), (right, counted) in score.items():
        if layout == "spaced-single" and counted:
            assert right / counted >= 0.85, (name, round(right / counted, 3))
