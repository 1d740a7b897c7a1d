"""The checks' shortcuts (work done once instead of for every amount, indicator or line)
give what the plain computation gives: compared on invented sentences and forms."""

from __future__ import annotations

import random

from jixiao.checks import narrative
from jixiao.measure import parse_number


def _amounts_plain(sentence: str) -> list[narrative.Amount]:
    """The plain computation: the change words searched in, and the brackets counted over,
    the whole text before each amount."""
    out = []
    for m in narrative._AMOUNT.finditer(sentence):
        before = sentence[: m.start()]
        if narrative._CHANGE_BEFORE.search(before):
            continue
        value = parse_number(m.group(1) + (m.group(2) or ""))
        if value is None:
            continue
        depth = sum(before.count(c) for c in "(（") - sum(before.count(c) for c in ")）")
        out.append(narrative.Amount(value, m.group(0), m.start(), max(depth, 0)))
    return out


PIECES = (
    "共完成",
    "其中：",
    "其中",
    "合计",
    "，",
    "；",
    "。",
    "(",
    ")",
    "（",
    "）",
    "同比增加",
    "比上年",
    "较去年减少",
    "结余",
    "用于",
    "项目",
    "经费",
    "30万元",
    "29.99万元",
    "1,234.5元",
    "6222.4万元",
    "2亿元",
    "12千元",
    "5万元/人",
    "增加了",
    "下降",
    "约",
    "资金",
    "8",
    "0.5",
    " ",
    "\n",
)


def test_amounts_in_a_window_are_the_amounts_of_the_whole_prefix() -> None:
    rng = random.Random(20261207)
    for _ in range(3000):
        sentence = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        assert narrative._amounts(sentence) == _amounts_plain(sentence), sentence


def test_a_change_word_just_before_an_amount_still_excludes_it() -> None:
    sentence = "共完成89.97万元，其中：30万元（比上年增加约5万元），较去年减少 20万元；合计50万元"
    got = [(a.text, a.depth) for a in narrative._amounts(sentence)]
    assert got == [("89.97万元", 0), ("30万元", 0), ("50万元", 0)]
    assert got == [(a.text, a.depth) for a in _amounts_plain(sentence)]
