"""抽查复核 sampling: the documented rule, reproducible from the seed, and the 自评不实 gap."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from jixiao.lifecycle.sampling import ATTENTION, Candidate, Gap, Rule, describe, draw, stratum

D = Decimal


def forms(n: int = 40) -> list[Candidate]:
    # amounts 10, 35, 60 … 万元 and rates 50 … 100 %: every stratum filled; every 7th on attention
    return [
        Candidate(f"f{i:03d}", D(10 + 25 * i), D(50 + (i * 13) % 51), attention=i % 7 == 0)
        for i in range(n)
    ]


def test_strata_follow_amount_bands_lag_and_attention() -> None:
    rule = Rule()
    assert stratum(Candidate("a", D(99), D(79)), rule) == "100万元以下·执行滞后"
    assert stratum(Candidate("a", D(100), D(80)), rule) == "100–500万元·执行正常"
    assert stratum(Candidate("a", D(500), None), rule) == "500万元及以上·执行率不详"
    assert stratum(Candidate("a", None, D(90), attention=True), rule) == ATTENTION
    assert (
        stratum(Candidate("a", None, D(90), attention=True), Rule(attention_all=False))
        == "金额不详·执行正常"
    )


def test_each_stratum_gives_its_share_rounded_up_and_attention_is_all_taken() -> None:
    rule = Rule(share=D("0.25"))
    d = draw(forms(), rule, seed=7)
    attention = [c.key for c in forms() if c.attention]
    assert d.strata[0].name == ATTENTION and list(d.strata[0].drawn) == attention
    for s in d.strata[1:]:
        assert len(s.drawn) == math.ceil(s.size * D("0.25"))
        assert set(s.drawn) <= {c.key for c in forms() if stratum(c, rule) == s.name}
    assert sum(s.size for s in d.strata) == 40
    assert len(set(d.keys)) == len(d.keys)


def test_the_same_seed_gives_the_same_sample_whatever_the_order_and_another_seed_differs() -> None:
    rule = Rule(share=D("0.3"))
    a = draw(forms(), rule, seed=20261207)
    assert draw(list(reversed(forms())), rule, seed=20261207).keys == a.keys
    others = {draw(forms(), rule, seed=s).keys for s in range(1, 6)}
    assert len(others | {a.keys}) > 1


def test_the_rule_is_recorded_and_read_back_and_described() -> None:
    rule = Rule(share=D("0.15"), amount_bands=(D(50),), lag_below=D(75), threshold=D(8))
    assert Rule.from_dict(rule.to_dict()) == rule
    text = describe(rule)
    for part in ("重点监控项目全部抽取", "50 万元", "75%", "15%", "8 分"):
        assert part in text


@pytest.mark.parametrize(
    "rule",
    [
        dict(share=D(0)),
        dict(share=D("1.5")),
        dict(amount_bands=(D(500), D(100))),
        dict(threshold=D(-1)),
    ],
)
def test_a_bad_rule_is_refused_in_chinese(rule: dict) -> None:
    with pytest.raises(ValueError, match="[\u4e00-\u9fff]"):
        Rule(**rule)


def test_duplicate_candidates_are_refused() -> None:
    with pytest.raises(ValueError, match="重复"):
        draw([Candidate("a"), Candidate("a")], Rule(), 1)


def test_gap_by_threshold_or_grade() -> None:
    assert Gap(D(95), D(88), "优", "良", D(5)).untrue
    g = Gap(D(92), D(88), "优", "优", D(5))
    assert g.gap == D(4) and not g.untrue and g.reasons == []
    g = Gap(D(91), D(89), "优", "良", D(5))
    assert g.untrue and g.reasons == ["等级由“优”变为“良”"]
    assert Gap(D(95), D(90), "优", "优", D(5)).reasons == ["自评高出复核 5 分（阈值 5 分）"]
    assert not Gap(None, D(90), None, "优", D(5)).untrue
    assert not Gap(D(80), D(90), "良", "良", D(5)).untrue  # the bureau gave more: not untrue
