"""The fast search of a long alternation finds exactly what ``re.finditer`` finds
(invented text of the shapes, built from the words of the label vocabulary)."""

from __future__ import annotations

import random
import re

from jixiao.alternation import Alternation, first_chars
from jixiao.extract import runtogether


def test_first_chars_of_shapes() -> None:
    assert first_chars("分值") == {"分"}
    assert first_chars(r"(?:其中[:：]?)?财政拨款") == {"其", "财"}
    assert first_chars(r"(?<=[\d%])项目立项") == {"项"}  # a lookbehind consumes nothing
    assert first_chars(r"[0-3]分") == {"0", "1", "2", "3"}
    assert first_chars(r"\w+") is None  # a category: unknown, the plain search is used
    assert first_chars(r"a?") is None  # may match the empty string
    assert first_chars(r"[^a]b") is None
    assert first_chars(r"(?i)page") is None  # another case starts a match too
    assert first_chars(r"x|(?i:page)") is None


def test_plain_search_when_first_characters_are_unknown() -> None:
    alt = Alternation([r"\d+分", "合计"])
    assert [m.group(0) for m in alt.finditer("合计10分x合计")] == ["合计", "10分", "合计"]


def test_first_alternative_that_matches_wins_as_in_re() -> None:
    alts = ["预算", "预算执行率", r"执行率(?=\d)", r"(?<=率)\d+%", "率"]
    alt = Alternation(alts)
    plain = re.compile("|".join(f"(?:{a})" for a in alts))
    text = "全年预算执行率98%预算执行率x执行率5率"
    assert [m.span() for m in alt.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _texts(seed: int, words: list[str], n: int) -> list[str]:
    rnd = random.Random(seed)
    filler = "0123456789.%()（）:：-－其中合计分项目 资金年度指标"
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 25)):
            if rnd.random() < 0.5:
                parts.append(rnd.choice(words))
            else:
                parts.append("".join(rnd.choice(filler) for _ in range(rnd.randint(1, 6))))
        out.append("".join(parts))
    return out


def test_label_pattern_finds_what_the_joined_pattern_finds() -> None:
    labels = runtogether._LABELS
    assert labels._by_char is not None  # the label pattern's first characters are all known
    words = [*runtogether._COLUMN_WORDS, *runtogether._FUND_WORDS, *runtogether._GOAL_WORDS]
    words += ["项目决策(10分)", "数量指标", "项目立项", "资金来源合计", "总分", "自评得分93"]
    for text in _texts(7, words, 1500):
        for pos, end in ((0, len(text)), (2, max(2, len(text) - 3))):
            fast = [(m.span(), m.group(0)) for m in labels.finditer(text, pos, end)]
            plain = [(m.span(), m.group(0)) for m in labels.pattern.finditer(text, pos, end)]
            assert fast == plain, text
