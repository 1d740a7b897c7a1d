"""One indicator identity across stages: which row of the target table a row of the monitoring
table or of the self-evaluation is.

Real forms do not repeat the name exactly: numbering (“1.”, “指标1：”), wrapped text, spaces,
full-width forms, brackets, a unit in the name (“村组干部230人”), synonyms (完成率/达成率,
满意度/满意率). Matching runs in rounds, each only among rows not yet matched:

1. ``exact`` — equal names after :func:`jixiao.textnorm.label_key`;
2. ``normalised`` — equal after :func:`name_key` (brackets, punctuation, numbers and synonyms
   folded);
3. ``fuzzy`` — the best pair by :func:`similarity` at or above ``threshold``, the same 二级
   指标 adding a bonus; pairs are taken best first, so a row is matched at most once.

Every :class:`Match` says how it was made and how sure it is, so that a user can see each match
and correct it: ``overrides`` maps a later-stage name to the target name it stands for (or to
``""``: not matched), and wins over every round.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Generic, Protocol, TypeVar

from jixiao.model import Text
from jixiao.textnorm import label_key

# Words that mean the same in indicator names, folded to the first.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("满意度", "满意率", "满意程度"),
    ("完成率", "达成率", "完成比例"),
    ("覆盖率", "覆盖面"),
    ("及时率", "及时性"),
    ("合格率", "达标率", "验收合格率"),
    ("次数", "次"),
    ("人数", "人次"),
    ("数量", "个数"),
)
_FOLD = {w: group[0] for group in SYNONYMS for w in group[1:]}
_FOLD_RE = re.compile("|".join(sorted(map(re.escape, _FOLD), key=len, reverse=True)))
_NOISE = re.compile(r"[\s\d.,，、；;:：()（）\[\]【】《》“”\"'/／\-—_%％]+")

DEFAULT_THRESHOLD = 0.6


class Named(Protocol):
    @property
    def name(self) -> Text: ...

    @property
    def level2(self) -> Text | None: ...


A = TypeVar("A", bound=Named)
B = TypeVar("B", bound=Named)


@dataclass(frozen=True, slots=True)
class Match(Generic[A, B]):
    """A pair of rows taken as one indicator (``later`` is None: the earlier row is missing
    later; ``earlier`` is None: the later row was never declared)."""

    earlier: A | None
    later: B | None
    method: str  # exact / normalised / fuzzy / override / none
    score: float  # 1.0 for exact, normalised and override; the similarity for fuzzy

    @property
    def shown(self) -> str:
        """How the match reads for a user: ``目标“甲” ↔ 自评“甲 ”（模糊 0.82）``."""
        a = self.earlier.name.text if self.earlier else "—"
        b = self.later.name.text if self.later else "—"
        how = {
            "exact": "相同",
            "normalised": "规范化后相同",
            "fuzzy": f"相似 {self.score:.2f}",
            "override": "人工指定",
            "none": "未匹配",
        }[self.method]
        return f"“{a}” ↔ “{b}”（{how}）"


def name_key(name: str) -> str:
    """A name reduced for matching: label_key, then synonyms, numbers, brackets and
    punctuation folded away. “1．服务对象满意率（%）” → “服务对象满意度”."""
    key = label_key(name)
    key = _FOLD_RE.sub(lambda m: _FOLD[m.group(0)], key)
    key = _NOISE.sub("", key)
    return key.removesuffix("指标")


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0–1: the longer of the ratio of their name keys and of the
    shorter key contained in the longer one (a name with a prefix or suffix added)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    ratio = SequenceMatcher(None, ka, kb, autojunk=False).ratio()
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= 3 and short in long_:
        ratio = max(ratio, 0.6 + 0.4 * len(short) / len(long_))
    return ratio


def _level2(row: Named) -> str:
    return name_key(row.level2.text) if row.level2 is not None else ""


def match_indicators(
    earlier: Sequence[A],
    later: Sequence[B],
    overrides: Mapping[str, str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> tuple[Match[A, B], ...]:
    """Pair the rows of two stages; unmatched rows of either side come back alone.

    The result lists the earlier stage's rows in their order (matched or missing later), then
    the later rows that match nothing (added)."""
    pairs: dict[int, tuple[int, str, float]] = {}  # earlier index → (later index, method, score)
    taken: set[int] = set()
    unmatched_later: set[int] = set()

    def free_e() -> list[int]:
        return [i for i in range(len(earlier)) if i not in pairs]

    def free_l() -> list[int]:
        return [j for j in range(len(later)) if j not in taken and j not in unmatched_later]

    if overrides:
        by_name = {label_key(r.name.text): i for i, r in enumerate(earlier)}
        for j, later_row in enumerate(later):
            wanted = overrides.get(
                later_row.name.text, overrides.get(label_key(later_row.name.text))
            )
            if wanted is None:
                continue
            if not wanted:
                unmatched_later.add(j)
                continue
            i = by_name.get(label_key(wanted))
            if i is not None and i not in pairs:
                pairs[i] = (j, "override", 1.0)
                taken.add(j)

    for method, key in (
        ("exact", lambda r: label_key(r.name.text)),
        ("normalised", lambda r: name_key(r.name.text)),
    ):
        index: dict[str, list[int]] = {}
        for j in free_l():
            index.setdefault(key(later[j]), []).append(j)
        for i in free_e():
            candidates = index.get(key(earlier[i]))
            if candidates and key(earlier[i]):
                j = candidates.pop(0)
                pairs[i] = (j, method, 1.0)
                taken.add(j)

    scored = []
    for i in free_e():
        for j in free_l():
            s = similarity(earlier[i].name.text, later[j].name.text)
            if (
                s >= threshold - 0.1
                and _level2(earlier[i])
                and _level2(earlier[i]) == _level2(later[j])
            ):
                s = min(1.0, s + 0.1)
            if s >= threshold:
                scored.append((s, i, j))
    for s, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i not in pairs and j not in taken:
            pairs[i] = (j, "fuzzy", round(s, 3))
            taken.add(j)

    out: list[Match[A, B]] = []
    for i, row in enumerate(earlier):
        if i in pairs:
            j, method, score = pairs[i]
            out.append(Match(row, later[j], method, score))
        else:
            out.append(Match(row, None, "none", 0.0))
    out += [Match(None, later[j], "none", 0.0) for j in range(len(later)) if j not in taken]
    return tuple(out)
