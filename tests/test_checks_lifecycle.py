"""Lifecycle checks, each firing and silent: target tables (JX-T), monitoring tables (JX-R),
across stages (JX-L). Tables are tiny pipe texts read by the lifecycle reader; the
self-evaluation is built with tests/check_forms."""

from __future__ import annotations

from check_forms import FundLine, form, fund, ind

from jixiao.lifecycle import read_stage_text
from jixiao.lifecycle.base import StageContext, Stages
from jixiao.lifecycle.checks import LIFECYCLE_CHECKS
from jixiao.lifecycle.model import MonitoringTable, TargetTable
from jixiao.model import Finding, Kind, Severity
from jixiao.profiles import load_profile

TARGET_HEAD = """2023年度项目支出绩效目标表
项目名称 | 社区服务项目 | 主管部门 | 某区民政局
实施单位 | 某区民政局 | 资金总额（万元） | 100
年度绩效目标 | 完成社区服务
一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向
"""
# weights 90: a clean table
CLEAN_ROWS = [
    "产出指标 | 数量指标 | 培训人数 | ≥ | 200 | 人 | 30 | 正向指标",
    "产出指标 | 质量指标 | 培训合格率 | ≥ | 90 | % | 20 | 正向指标",
    "产出指标 | 成本指标 | 人均培训成本 | ≤ | 500 | 元/人 | 10 | 反向指标",
    "效益指标 | 社会效益指标 | 就业人数 | ≥ | 50 | 人 | 20 | 正向指标",
    "满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥ | 90 | % | 10 | 正向指标",
]

MONITOR_HEAD = """2023年度项目支出绩效运行监控表
项目名称 | 社区服务项目 | 主管部门 | 某区民政局
项目资金（万元） | 年初预算数 | 1-6月执行数 | 全年预计执行数
年度资金总额 | 100 | 48 | 100
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 1-6月执行情况 | 全年预计完成情况 | 完成目标可能性 | 偏差原因 | 纠偏措施 | 是否需要整改 | 整改要求 | 整改结果
"""
MONITOR_ROWS = [
    "产出指标 | 数量指标 | 培训人数 | ≥200人 | 110人 | 200人 | 确定能 | | | 否 | |",
    "产出指标 | 质量指标 | 培训合格率 | ≥90% | 92% | 92% | 确定能 | | | 否 | |",
    "产出指标 | 成本指标 | 人均培训成本 | ≤500元/人 | 480元/人 | 480元/人 | 确定能 | | | 否 | |",
    "效益指标 | 社会效益指标 | 就业人数 | ≥50人 | 30人 | 50人 | 确定能 | | | 否 | |",
    "满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥90% | 93% | 93% | 确定能 | | | 否 | |",
]


def target(*rows: str, head: str = TARGET_HEAD, source: str = "目标表.txt") -> TargetTable:
    table = read_stage_text(head + "\n".join(rows or CLEAN_ROWS), source)[0]
    assert isinstance(table, TargetTable)
    return table


def monitoring(*rows: str, head: str = MONITOR_HEAD) -> MonitoringTable:
    table = read_stage_text(head + "\n".join(rows or MONITOR_ROWS), "监控表.txt")[0]
    assert isinstance(table, MonitoringTable)
    return table


def evaluation(*changes: tuple[int, object], initial: str = "100"):  # noqa: ANN201
    """The self-evaluation of the clean target table, rows replaced by ``changes``."""
    rows = [
        ind("培训人数", "≥200人", "210人", 30, 30, row=20),
        ind("培训合格率", "≥90%", "95%", 20, 20, level2="质量指标", row=21),
        ind("人均培训成本", "≤500元/人", "480元/人", 10, 10, level2="成本指标", row=22),
        ind("就业人数", "≥50人", "52人", 20, 20, level1="效益指标", level2="社会效益指标", row=23),
        ind(
            "服务对象满意度",
            "≥90%",
            "93%",
            10,
            10,
            level1="满意度指标",
            level2="服务对象满意度指标",
            row=24,
        ),
    ]
    for k, new in changes:
        if new is None:
            del rows[k]
        elif k >= len(rows):
            rows.append(new)  # type: ignore[arg-type]
        else:
            rows[k] = new  # type: ignore[call-overload]
    total = fund("年度资金总额", FundLine.TOTAL, "100", "98", "98%", row=10)
    from dataclasses import replace

    from check_forms import n

    total = replace(total, initial_budget=n(initial, 10))
    return form(kind=Kind.PROJECT, year=n(2023), indicators=rows, funds=[total])


def run_one(code: str, stages: Stages, profile: str | None = None) -> list[Finding]:
    check = next(c for c in LIFECYCLE_CHECKS if c.code == code)
    return list(check(stages, StageContext(load_profile(profile))))


def fires(code: str, stages: Stages, profile: str | None = None) -> list[Finding]:
    found = run_one(code, stages, profile)
    assert found, f"{code} did not fire"
    return found


def silent(code: str, stages: Stages, profile: str | None = None) -> None:
    found = run_one(code, stages, profile)
    assert not found, f"{code} fired: {[f.message for f in found]}"


def clean() -> Stages:
    return Stages(target(), monitoring(), evaluation())


# -- target tables alone ----------------------------------------------------------------------


def test_clean_triple_has_no_lifecycle_finding() -> None:
    from jixiao.lifecycle.checks import check_stages

    assert check_stages(clean()) == ()


def test_slogan_value() -> None:
    t = target("产出指标 | 质量指标 | 服务水平 | | 围绕民生下功夫 | | 90 |")
    (f,) = fires("JX-T001", Stages(t))
    assert f.location is not None and f.location.line == 6 and f.found == "围绕民生下功夫"
    silent("JX-T001", Stages(target()))


def test_vague_percent() -> None:
    t = target(*CLEAN_ROWS, "效益指标 | 社会效益指标 | 维护社会稳定 | ≥ | 95 | % | 0 | 正向指标")
    (f,) = fires("JX-T002", Stages(t))
    assert "维护社会稳定" in f.message
    silent("JX-T002", Stages(target()))


def test_impossible_unit() -> None:
    t = target(
        *CLEAN_ROWS,
        "产出指标 | 质量指标 | 按时发放 | ≥ | 1 | 人/年 | 0 | 正向指标",
        "产出指标 | 时效指标 | 维持时效 | ≥ | 1 | 年 | 0 | 正向指标",
    )
    found = fires("JX-T003", Stages(t))
    assert [f.location.line for f in found if f.location] == [11, 12]
    silent("JX-T003", Stages(target()))


def test_boilerplate_across_projects() -> None:
    rows = [
        "效益指标 | 社会效益指标 | 群众满意度 | ≥ | 95 | % | 30 |",
        "效益指标 | 经济效益指标 | 促进集体经济发展率 | ≥ | 95 | % | 30 |",
        "效益指标 | 生态效益指标 | 生态环境改善率 | ≥ | 95 | % | 30 |",
    ]
    a = target(*rows)
    b = target(*rows, head=TARGET_HEAD.replace("社区服务项目", "道路维护项目"), source="乙.txt")
    (f,) = fires("JX-T004", Stages(a, siblings=(a, b)))
    assert "道路维护项目" in f.message
    silent("JX-T004", Stages(target(), siblings=(target(), b)))


def test_missing_third_level_name() -> None:
    head = TARGET_HEAD.replace("三级指标", "指标内容")
    t = target(
        "产出指标 | 数量指标 | | | 88 | | |",
        "产出指标 | 质量指标 | 质量指标 | | 88 | | |",
        head=head,
    )
    assert len(fires("JX-T005", Stages(t))) == 2
    silent("JX-T005", Stages(target()))


def test_scores_typed_as_values() -> None:
    t = target(
        "产出指标 | 数量指标 | 培训 | | 88 | | |",
        "产出指标 | 质量指标 | 合格 | | 88 | | |",
        "效益指标 | 社会效益指标 | 效益 | | 68 | | |",
    )
    assert len(fires("JX-T006", Stages(t))) == 3
    silent("JX-T006", Stages(target()))


def test_missing_benefit_or_satisfaction() -> None:
    (f,) = fires("JX-T007", Stages(target(*CLEAN_ROWS[:3], CLEAN_ROWS[3])))
    assert f.expected == "满意度指标"
    silent("JX-T007", Stages(target()))


def test_weights_add_up_to_the_profile() -> None:
    (f,) = fires("JX-T008", Stages(target(*CLEAN_ROWS[:4])))
    assert (f.expected, f.found) == ("90", "80")
    silent("JX-T008", Stages(target()))
    # a profile whose indicators weigh 80 (city-20-80) expects 80
    silent("JX-T008", Stages(target(*CLEAN_ROWS[:4])), "city-20-80")


def test_nature_against_direction_and_value() -> None:
    t = target(
        "产出指标 | 数量指标 | 培训人数 | ≤ | 200 | 人 | 90 | 正向指标",
        "产出指标 | 质量指标 | 合格情况 | 定性 | 95 | % | 0 |",
    )
    assert len(fires("JX-T009", Stages(t))) == 2
    silent("JX-T009", Stages(target()))


def test_cost_without_money() -> None:
    t = target(*CLEAN_ROWS, "产出指标 | 成本指标 | 办公经费 | | 合理控制 | | 0 |")
    (f,) = fires("JX-T010", Stages(t))
    assert f.found == "合理控制"
    silent("JX-T010", Stages(target()))


def test_blank_value() -> None:
    (f,) = fires(
        "JX-T011", Stages(target(*CLEAN_ROWS, "产出指标 | 数量指标 | 宣传次数 | ≥ | | 次 | 0 |"))
    )
    assert "宣传次数" in f.message
    silent("JX-T011", Stages(target()))


def test_no_indicator_read() -> None:
    (f,) = fires("JX-T012", Stages(target("年度绩效目标 | 完成社区服务")))
    assert str(f.location) == "目标表.txt"
    silent("JX-T012", Stages(target()))


# -- monitoring tables alone ------------------------------------------------------------------


def test_doubt_needs_reason_and_measure() -> None:
    m = monitoring("产出指标 | 数量指标 | 培训人数 | ≥200人 | 60人 | 150人 | 有可能 | | | 否 | |")
    (f,) = fires("JX-R001", Stages(monitoring=m))
    assert "偏差原因和纠偏措施" in f.message
    m = monitoring(
        "产出指标 | 数量指标 | 培训人数 | ≥200人 | 60人 | 150人 | 有可能 | 人员保障不足 | 增派人员 | 否 | |"
    )
    silent("JX-R001", Stages(monitoring=m))


def test_execution_lagging_the_months() -> None:
    m = monitoring(head=MONITOR_HEAD.replace("| 100 | 48 | 100", "| 100 | 20 | 100"))
    (f,) = fires("JX-R002", Stages(monitoring=m))
    assert (f.found, f.expected) == ("20.00%", "≥ 35.00%")
    silent("JX-R002", Stages(monitoring=monitoring()))
    # 1-8月: the same 48% is behind 66.67% by more than 15 points
    late = MONITOR_HEAD.replace("1-6月", "1-8月")
    fires("JX-R002", Stages(monitoring=monitoring(head=late)))


def test_forecast_out_of_reach() -> None:
    m = monitoring("产出指标 | 数量指标 | 培训人数 | ≥200人 | 20人 | 200人 | 确定能 | | | 否 | |")
    (f,) = fires("JX-R003", Stages(monitoring=m))
    assert f.found == "20人"
    over = MONITOR_HEAD.replace("| 100 | 48 | 100", "| 100 | 48 | 120")
    (f,) = fires("JX-R003", Stages(monitoring=monitoring(head=over)))
    assert f.found == "120"
    silent("JX-R003", Stages(monitoring=monitoring()))


def test_rectification_needs_a_requirement() -> None:
    m = monitoring("产出指标 | 数量指标 | 培训人数 | ≥200人 | 110人 | 200人 | 确定能 | | | 是 | |")
    fires("JX-R004", Stages(monitoring=m))
    m = monitoring(
        "产出指标 | 数量指标 | 培训人数 | ≥200人 | 110人 | 200人 | 确定能 | | | 是 | 9月前补训 |"
    )
    silent("JX-R004", Stages(monitoring=m))


def test_cause_in_a_category() -> None:
    m = monitoring(
        "产出指标 | 数量指标 | 培训人数 | ≥200人 | 60人 | 150人 | 有可能 | 客观原因 | 加快 | 否 | |"
    )
    (f,) = fires("JX-R005", Stages(monitoring=m))
    assert f.severity == Severity.INFO
    m = monitoring(
        "产出指标 | 数量指标 | 培训人数 | ≥200人 | 60人 | 150人 | 有可能 | 经费未到位 | 加快 | 否 | |"
    )
    silent("JX-R005", Stages(monitoring=m))


# -- across stages ----------------------------------------------------------------------------


def test_approved_indicator_missing() -> None:
    stages = Stages(target(), None, evaluation((3, None)))
    (f,) = fires("JX-L001", stages)
    # both documents, both places: the self-evaluation's table and the target table's row
    assert str(f.location) == "t.txt:20" and "目标表.txt:9" in f.message
    silent("JX-L001", clean())


def test_indicator_added() -> None:
    extra = ind("宣传次数", "≥10次", "12次", 0, 0, row=25)
    (f,) = fires("JX-L002", Stages(target(), None, evaluation((5, extra))))
    assert str(f.location) == "t.txt:25" and "目标表.txt" in f.message
    silent("JX-L002", clean())


def test_matching_survives_numbering_and_synonyms() -> None:
    renamed = ind(
        "5.服务对象满意率",
        "≥90%",
        "93%",
        10,
        10,
        level1="满意度指标",
        level2="服务对象满意度指标",
        row=24,
    )
    stages = Stages(target(), None, evaluation((4, renamed)))
    silent("JX-L001", stages)
    silent("JX-L002", stages)


def test_weight_changed_without_revision() -> None:
    heavier = ind("培训人数", "≥200人", "210人", 40, 40, row=20)
    (f,) = fires("JX-L003", Stages(target(), None, evaluation((0, heavier))))
    assert (
        f.severity == Severity.ERROR and "权重 30 → 40" in f.message and "目标表.txt:6" in f.message
    )
    revised = target(
        *CLEAN_ROWS,
        head=TARGET_HEAD.replace("年度绩效目标 |", "修订说明 | 经批准调整权重\n年度绩效目标 |"),
    )
    (f,) = fires("JX-L003", Stages(revised, None, evaluation((0, heavier))))
    assert f.severity == Severity.INFO
    silent("JX-L003", clean())


def test_target_made_easier() -> None:
    lowered = ind("培训人数", "≥150人", "160人", 30, 30, row=20)
    (f,) = fires("JX-L004", Stages(target(), None, evaluation((0, lowered))))
    assert (f.expected, f.found) == ("≥200人", "≥150人") and str(f.location) == "t.txt:20"
    raised = ind("人均培训成本", "≤600元/人", "580元/人", 10, 10, level2="成本指标", row=22)
    fires("JX-L004", Stages(target(), None, evaluation((2, raised))))
    other_unit = ind("培训人数", "≥200人次", "210人次", 30, 30, row=20)
    fires("JX-L004", Stages(target(), None, evaluation((0, other_unit))))
    harder = ind("培训人数", "≥250人", "260人", 30, 30, row=20)
    silent("JX-L004", Stages(target(), None, evaluation((0, harder))))
    fires("JX-L003", Stages(target(), None, evaluation((0, harder))))


def test_far_above_the_approved_target() -> None:
    over = ind(
        "就业人数", "≥50人", "120人", 20, 20, level1="效益指标", level2="社会效益指标", row=23
    )
    (f,) = fires("JX-L005", Stages(target(), None, evaluation((3, over))))
    assert f.found == "240.00%" and "扣" not in f.message
    profile = load_profile("cz2020-10")
    from dataclasses import replace

    deducting = replace(profile, over_target_deduct_percent=profile.over_target_deduct_percent + 20)
    check = next(c for c in LIFECYCLE_CHECKS if c.code == "JX-L005")
    (f,) = check(Stages(target(), None, evaluation((3, over))), StageContext(deducting))
    assert "建议扣 4.00 分" in f.message
    silent("JX-L005", clean())


def test_certain_at_monitoring_but_missed() -> None:
    missed = ind("培训人数", "≥200人", "150人", 30, 22.5, row=20)
    (f,) = fires("JX-L006", Stages(target(), monitoring(), evaluation((0, missed))))
    assert (
        f.severity == Severity.ERROR
        and "监控表.txt:6" in f.message
        and str(f.location) == "t.txt:20"
    )
    explained = ind("培训人数", "≥200人", "150人", 30, 22.5, deviation="场地改造停训两月", row=20)
    (f,) = fires("JX-L006", Stages(target(), monitoring(), evaluation((0, explained))))
    assert f.severity == Severity.WARNING
    silent("JX-L006", clean())


def test_impossible_at_monitoring_but_full_marks() -> None:
    m = monitoring(
        "产出指标 | 数量指标 | 培训人数 | ≥200人 | 20人 | 80人 | 不可能 | 经费未到位 | 申请追加 | 否 | |",
        *MONITOR_ROWS[1:],
    )
    (f,) = fires("JX-L007", Stages(target(), m, evaluation()))
    assert "监控表.txt:6" in f.message
    silent("JX-L007", clean())


def test_rectification_open_at_year_end() -> None:
    m = monitoring(
        "产出指标 | 数量指标 | 培训人数 | ≥200人 | 110人 | 200人 | 确定能 | | | 是 | 9月前补训 |",
        *MONITOR_ROWS[1:],
    )
    (f,) = fires("JX-L008", Stages(target(), m, evaluation()))
    assert str(f.location) == "t.txt:20" and "监控表.txt:6" in f.message
    closed = monitoring(
        "产出指标 | 数量指标 | 培训人数 | ≥200人 | 110人 | 200人 | 确定能 | | | 是 | 9月前补训 | 已补训",
        *MONITOR_ROWS[1:],
    )
    silent("JX-L008", Stages(target(), closed, evaluation()))


def test_funds_between_stages() -> None:
    (f,) = fires("JX-L009", Stages(target(), None, evaluation(initial="90")))
    assert (f.expected, f.found) == ("100 万元", "90 万元") and "目标表.txt:3" in f.message
    # a target table in 元 against a self-evaluation in 万元
    in_yuan = target(
        head=TARGET_HEAD.replace("资金总额（万元） | 100", "资金总额（元） | 1,000,000.00")
    )
    silent("JX-L009", Stages(in_yuan, None, evaluation()))
    silent("JX-L009", clean())


def test_monitoring_left_out_an_approved_indicator() -> None:
    (f,) = fires("JX-L010", Stages(target(), monitoring(*MONITOR_ROWS[:4]), None))
    assert "服务对象满意度" in f.message and "目标表.txt:10" in f.message
    silent("JX-L010", clean())
