"""The issue's “done when” on the seed: every fault reported, each at its location.

A location is checked by reading the line it points to in the seed file: the offending value
must stand there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import jixiao
from jixiao.model import Finding, Severity

SEED = Path(__file__).parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"
LINES = SEED.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def findings() -> tuple[Finding, ...]:
    return jixiao.check(jixiao.read(SEED))


def at(f: Finding) -> str:
    """The text of the seed line a finding points to."""
    assert f.location is not None and f.location.line is not None, f
    return LINES[f.location.line - 1].strip()


def by(findings: tuple[Finding, ...], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_total_does_not_add_up(findings: tuple[Finding, ...]) -> None:
    [f] = by(findings, "JX-A001")
    assert (f.severity, f.expected, f.found, at(f)) == (Severity.ERROR, "198.98", "198.8", "198.8")
    assert "174.74" in f.message and "24.24" in f.message and "106.87%" in f.message


def test_weights_count_the_funds_row_twice(findings: tuple[Finding, ...]) -> None:
    [f] = by(findings, "JX-A007")
    assert (f.expected, f.found, at(f)) == ("100", "110", "100")
    assert LINES[f.location.line - 2].strip() == "总分"  # type: ignore[union-attr]


def test_execution_above_hundred(findings: tuple[Finding, ...]) -> None:
    found = by(findings, "JX-B001")
    assert [at(f) for f in found] == ["106.87%", "117.13%"]


def test_last_years_figure(findings: tuple[Finding, ...]) -> None:
    [f] = by(findings, "JX-C002")
    assert "2020年“三公”经费" in at(f) and (f.expected, f.found) == ("2021年", "2020年")


def test_template_text_in_section_three(findings: tuple[Finding, ...]) -> None:
    [f] = by(findings, "JX-C007")
    assert at(f).startswith("三、") or at(f).startswith("总结归纳本部门")


@pytest.mark.parametrize(
    "slogan", ["围绕“帮扶”用气力", "紧盯动真情“关爱”", "聚焦“健康”下功夫", "基层组织建设创出新业绩"]
)
def test_slogans_unmeasurable(findings: tuple[Finding, ...], slogan: str) -> None:
    assert [f for f in by(findings, "JX-I001") if at(f) == slogan and f.found == slogan]


def test_measurable_targets_not_called_slogans(findings: tuple[Finding, ...]) -> None:
    flagged = {f.found for f in by(findings, "JX-I001")}
    assert not flagged & {
        "每月 1次",
        "全年 4次",
        "100%",
        "满意度100%",
        "全年各项工作任务年底前基本完成",
    }


def test_staff_above_posts(findings: tuple[Finding, ...]) -> None:
    [f] = by(findings, "JX-S001")
    assert (f.expected, f.found, at(f)) == ("≤3", "4", "4") and LINES[
        f.location.line - 2
    ].strip() == "实有人数"  # type: ignore[union-attr]


def test_satisfaction_without_survey(findings: tuple[Finding, ...]) -> None:
    [f] = by(findings, "JX-I010")
    assert at(f) == "满意度100%"


def test_full_marks_while_section_four_admits_a_gap(findings: tuple[Finding, ...]) -> None:
    [f] = by(findings, "JX-C009")
    assert at(f).startswith("四、") and "差距" in f.message


def test_structure_total_is_a_scope_difference_not_an_error(findings: tuple[Finding, ...]) -> None:
    [f] = by(findings, "JX-A009")
    assert f.severity == Severity.INFO and "口径" in f.message
    assert (
        not by(findings, "JX-A002") and not by(findings, "JX-A003") and not by(findings, "JX-A004")
    )


def test_report_agrees_with_table(findings: tuple[Finding, ...]) -> None:
    # 部门预算 174.74, 决算 204.67, 基本 139.37, 项目 65.3, 编制 3 / 实有 4 all match the table;
    # 127.63 + 67.29 + 5.18 + 4.57 + 0 = 204.67
    assert (
        not by(findings, "JX-C001") and not by(findings, "JX-A010") and not by(findings, "JX-A011")
    )


def test_errors_come_first(findings: tuple[Finding, ...]) -> None:
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    ranks = [order[f.severity] for f in findings]
    assert ranks == sorted(ranks)


# Faults planted into the seed, one at a time: (what, printed text, replaced by, a code that must
# report one more finding than on the untouched seed).
PLANTED = [
    ("其他资金 24.24 → 25.24", "\t24.24\n", "\t25.24\n", "JX-A004"),
    ("人员支出 118.47 → 118.74", "\t118.47\n", "\t118.74\n", "JX-A003"),
    ("总分得分 100 → 95", "\t总分\n\t100\n\t100", "\t总分\n\t100\n\t95", "JX-A006"),
    ("实有人数 4 → 3 (报告仍为 4)", "\t实有人数\n\t4", "\t实有人数\n\t3", "JX-C001"),
    (
        "报告基本支出 139.37 → 193.37",
        "决算支出中基本支出139.37万元",
        "决算支出中基本支出193.37万元",
        "JX-C001",
    ),
    (
        "报告 2021年决算 → 2020年",
        "2021年决算支出为204.67万元",
        "2020年决算支出为204.67万元",
        "JX-C002",
    ),
    (
        "第四部分 → 暂无",
        "整体支出绩效管理工作缺乏专业指导，工作成效较其他优秀兄弟单位还有一定差距。",
        "暂无。",
        "JX-C008",
    ),
    ("满意度 100% → 85% 仍满分", "满意度100%\n\t满意度100%", "满意度100%\n\t满意度85%", "JX-I004"),
    ("公用支出执行率 91.36% → 19.36%", "91.36%", "19.36%", "JX-A004"),
    (
        "商品和服务支出 67.29 → 76.29",
        "商品和服务支出67.29万元",
        "商品和服务支出76.29万元",
        "JX-A010",
    ),
    (
        "报告正文单位名称",
        "岳麓区妇女联合会为财政全额拨款",
        "岳麓区残疾人联合会为财政全额拨款",
        "JX-C004",
    ),
    (
        "报告标题年度 2020",
        "2021年度长沙市岳麓区妇女联合会单位部门",
        "2020年度长沙市岳麓区妇女联合会单位部门",
        "JX-C003",
    ),
    ("标题编号 四 → 三", "四、存在的主要问题", "三、存在的主要问题", "JX-C011"),
    (
        "报告部门预算 174.74 → 147.74",
        "批复部门预算为174.74万元",
        "批复部门预算为147.74万元",
        "JX-C001",
    ),
]


@pytest.mark.parametrize(("what", "old", "new", "code"), PLANTED, ids=[p[0] for p in PLANTED])
def test_planted_fault_is_reported(
    findings: tuple[Finding, ...], what: str, old: str, new: str, code: str
) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert text.count(old) >= 1, what
    planted = jixiao.check(jixiao.read_text(text.replace(old, new, 1), str(SEED)))
    assert len(by(planted, code)) > len(by(findings, code)), f"{what}: {code} not reported"
