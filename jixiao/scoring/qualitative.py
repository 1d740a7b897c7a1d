"""Qualitative indicators: the grade a printed actual states, and the score band it allows.

达成年度指标 → 80 %–100 % of the weight (80 % included); 部分达成年度指标并具有一定效果 →
60 %–80 %; 未达成年度指标且效果较差 → 0–60 % (财预〔2020〕10号 [R]; bands per profile).
The words of each grade are profile data; “未达成” words are looked for first, then “部分达成”,
then “达成”, so that 未完成 and 基本完成 are not read as 完成.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from jixiao.profiles import Profile
from jixiao.scoring.sheet import Band, BandLevel


def band_level(text: str, profile: Profile) -> tuple[BandLevel, str] | None:
    """The grade a printed actual states, with the word that decided it; None if none."""
    compact = "".join(text.split())
    for level, words in (
        (BandLevel.FAILED, profile.failed_words),
        (BandLevel.PARTIAL, profile.partial_words),
        (BandLevel.ACHIEVED, profile.achieved_words),
    ):
        if m := _alternation(words).search(compact):
            return level, m.group(0)
    return None


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a word list, longest words first (so 效果明显 wins over 明显)."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered) or "(?!)")


def band_for(level: BandLevel, weight: Decimal, profile: Profile, word: str = "") -> Band:
    """The score range of a grade for an indicator of this weight."""
    full = weight * profile.band_full_from / 100
    partial = weight * profile.band_partial_from / 100
    if level == BandLevel.ACHIEVED:
        return Band(level, full, weight, True, word)
    if level == BandLevel.PARTIAL:
        return Band(level, partial, full, False, word)
    return Band(level, Decimal(0), partial, False, word)
