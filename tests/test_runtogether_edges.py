"""Edge cases of the run-together cutter found by bench/mutation_sweep.py: it must never crash."""

from __future__ import annotations

from jixiao.extract.runtogether import split_indicator_rows
from jixiao.extract.vocab import Role


def test_doubled_target_without_an_actual_column_after_it() -> None:
    # a header that lost its 实际完成值 label: the last column is the target, and a
    # qualitative value printed twice has no actual column to go to
    text = "受益群众覆盖面8明显改善明显改善困难家庭帮扶率6明显改善明显改善"
    rows = split_indicator_rows(text, (Role.WEIGHT, Role.TARGET))
    assert rows is not None
    assert all(len(row) <= 3 for row in rows)


def test_doubled_target_before_a_score_column_is_not_read_as_the_actual() -> None:
    text = "宣传活动知晓度显著提升显著提升培训覆盖率显著提升显著提升"
    rows = split_indicator_rows(text, (Role.TARGET, Role.SCORE))
    assert rows is not None
    # the repeated words are never put in the 得分 column, which holds figures only
    assert all(len(row) < 3 or row[2].replace(".", "").isdigit() for row in rows)


def test_doubled_target_with_its_actual_column_still_reads_both() -> None:
    text = "服务对象满意度10显著提升显著提升10"
    rows = split_indicator_rows(text, (Role.WEIGHT, Role.TARGET, Role.ACTUAL, Role.SCORE))
    assert rows == (("服务对象满意度", "10", "显著提升", "显著提升", "10"),)
