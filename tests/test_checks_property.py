"""Whatever the readers produce, every check runs to the end: no JX-X000 on random forms."""

from __future__ import annotations

from check_forms import FundGroup, FundLine, form, fund, goal, ind, n, report, section, t
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.checks import run_checks

amounts = st.one_of(
    st.none(),
    st.decimals(min_value=-100, max_value=100000, places=2, allow_nan=False).map(str),
    st.sampled_from(["0", "0.00", "100%", "106.87%", "1E+2"]),
)
measures = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "≥50个",
            "100%",
            "每月 1次",
            "≤90万元",
            "达成预期指标",
            "已完成",
            "≥95%",
            "0",
            "-3人",
            "围绕中心用气力",
            "2020年完成8次",
            "1",
        ]
    ),
)
texts = st.one_of(
    st.none(),
    st.text(alphabet="12345.、（）()万元年其中合计共计暂无问题说明字以内满意调查", max_size=40),
)
lines = st.sampled_from(list(FundLine))
groups = st.sampled_from([None, FundGroup.SOURCE, FundGroup.STRUCTURE])
weights = st.one_of(st.none(), st.sampled_from(["0", "5", "10", "20", "2.5"]))

funds = st.builds(
    lambda label, line, group, depth, b, a, r, w, s, i: fund(
        label, line, b, a, r, group=group, depth=depth, weight=w, score=s, initial=i
    ),
    st.sampled_from(["合计", "财政拨款", "其中：人员支出", ""]),
    lines,
    groups,
    st.integers(0, 2),
    amounts,
    amounts,
    amounts,
    weights,
    weights,
    amounts,
)
indicators = st.builds(
    lambda name, target, actual, w, s, l1, l2, dev, sub: ind(
        name, target, actual, w, s, level1=l1, level2=l2, deviation=dev, sub_item=sub
    ),
    st.sampled_from(["满意度", "合格率", "培训人数", "其中羊", "签约率", "项目总成本", ""]),
    measures,
    measures,
    weights,
    weights,
    st.sampled_from(["产出指标", "效益指标", "满意度指标", "成本指标", ""]),
    st.sampled_from(["数量指标", "质量指标", "成本指标", "进度指标", ""]),
    texts,
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(funds, max_size=6),
    st.lists(indicators, max_size=8),
    texts,
    texts,
    st.one_of(st.none(), st.sampled_from(["100", "99.6", "0"])),
)
def test_checks_never_fail(fund_rows, inds, problems, section_text, total) -> None:  # type: ignore[no-untyped-def]
    e = form(
        funds=fund_rows,
        indicators=inds,
        problems=t(problems),
        goals=[goal(section_text, section_text)],
        report=report(
            section("四、存在问题", section_text or ""), section("一、概况", problems or "")
        ),
        total_weight=n(100),
        total_score=n(total),
        staff_authorized=n(3),
        staff_actual=n(4),
    )
    findings = run_checks(e)
    assert not [f for f in findings if f.code == "JX-X000"], [
        f.message for f in findings if f.code == "JX-X000"
    ]
