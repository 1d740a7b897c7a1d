"""The budget-linkage table (结果应用): validation, proposals with their reasons, 整改 deadlines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jixiao.lifecycle.linkage import (
    DEFAULT_TABLE,
    Action,
    FormResult,
    LinkageError,
    due_dates,
    lateness,
    parse_table,
    propose,
    table_to_data,
)


def rules(**changes: dict[str, str]) -> dict[str, object]:
    data = table_to_data(DEFAULT_TABLE)
    for row in data["rules"]:  # type: ignore[union-attr]
        row |= changes.get(row["grade"], {})
    return data


def test_the_default_table_reads_back_unchanged() -> None:
    assert parse_table(table_to_data(DEFAULT_TABLE)) == DEFAULT_TABLE


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"中": {"cut_percent": "0"}}, "应大于 0 且小于 100"),
        ({"中": {"cut_percent": "100"}}, "应大于 0 且小于 100"),
        ({"中": {"cut_percent": "120"}}, "0 到 100 之间"),
        ({"中": {"cut_percent": "一成"}}, "不是数字"),
        ({"中": {"cut_percent": "NaN"}}, "0 到 100 之间"),
        ({"优": {"cut_percent": "5"}}, "不应再填压减比例"),
        ({"良": {"action": "加倍"}}, "处理方式应为"),
        ({"差": {"wording": "  "}}, "请写明“差”的挂钩说明"),
        ({"良": {"grade": "优"}}, "出现了两次"),
        ({"良": {"grade": "甲"}}, "没有“甲”这个等级"),
    ],
)
def test_a_bad_table_is_refused_with_the_grade_named(changes: dict, message: str) -> None:
    with pytest.raises(LinkageError, match=message):
        parse_table(rules(**changes))


def test_every_grade_is_needed_and_deadlines_are_checked() -> None:
    data = table_to_data(DEFAULT_TABLE)
    data["rules"] = data["rules"][:3]  # type: ignore[index]
    with pytest.raises(LinkageError, match="缺少等级：差"):
        parse_table(data)
    with pytest.raises(LinkageError, match="不应短于反馈期限"):
        parse_table(rules() | {"feedback_days": 30, "answer_days": 20})
    with pytest.raises(LinkageError, match="反馈期限应为 1 到 365 天"):
        parse_table(rules() | {"feedback_days": "0"})


def test_the_bureau_sets_its_own_cut_and_suspension_is_always_all() -> None:
    table = parse_table(rules(中={"cut_percent": "15%"}, 差={"cut_percent": "0"}))
    assert table.rule("中").cut_percent == Decimal(15)  # type: ignore[union-attr]
    assert table.rule("差").cut_percent == Decimal(100)  # type: ignore[union-attr]


def test_proposals_carry_the_reason_and_the_amount_in_decimal() -> None:
    table = parse_table(rules(中={"cut_percent": "12.5"}))
    found = ("JX-A001 合计不等于分项之和", "JX-L004 批复的指标值被改为口号")
    middle, best, none = propose(
        [
            FormResult(
                "某局",
                "巾帼培训",
                Decimal("72.50"),
                "中",
                True,
                Decimal("30.1"),
                Decimal("64.3"),
                found,
            ),
            FormResult("某委", "", Decimal("95"), "优", False, Decimal("198.8")),
            FormResult("某办"),
        ],
        table,
    )
    assert middle.action is Action.CUT
    assert middle.amount == Decimal("26.3375")  # 30.1 × 87.5 %, exact
    assert "复核得分 72.50 分" in middle.reason
    assert "预算执行率 64.3%" in middle.reason
    assert "中 → 压减（压减 12.5%）" in middle.reason
    assert "JX-L004" in middle.reason
    assert best.action is Action.PRIORITY and best.amount == Decimal("198.8")
    assert "自评计算得分 95 分" in best.reason
    assert none.action is None and none.amount is None and "尚未评定等级" in none.reason


def test_rectification_deadlines_and_lateness() -> None:
    feedback, answer = due_dates(date(2026, 3, 1), DEFAULT_TABLE)
    assert (feedback, answer) == (date(2026, 3, 21), date(2026, 3, 31))
    assert lateness(date(2026, 3, 21), feedback, answer, False, False) == ""
    assert lateness(date(2026, 3, 24), feedback, answer, False, False) == "反馈逾期 3 天"
    assert lateness(date(2026, 3, 24), feedback, answer, True, False) == ""
    assert lateness(date(2026, 4, 2), feedback, answer, True, False) == "整改结果逾期 2 天"
    assert lateness(date(2026, 4, 2), feedback, answer, False, True) == ""
