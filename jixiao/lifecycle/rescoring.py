"""抽查复核, row by row: the bureau re-scores each scored row of a drawn self-evaluation. Each
row starts from the library's own score (:func:`jixiao.scoring.score_evaluation`: the computed
score, a qualitative row's printed score brought into its band, a row that cannot be computed
as printed); the reviewer may override a row with a reason. The re-evaluated total and grade
follow by the profile's rule (:func:`jixiao.scoring.evaluation.total_of`), beside the unit's
self-scores row by row and in total. Pure: no Django, no I/O.

    ev = reevaluate(rows, {"ind-2": Override(Decimal(10), "台账只有 120 次")}, profile)
    ev.total, ev.grade, ev.gap, [r.gap for r in ev.rows]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from jixiao.profiles import Profile, load_profile
from jixiao.scoring.evaluation import total_of
from jixiao.scoring.sheet import LineScore, fmt


@dataclass(frozen=True, slots=True)
class Override:
    """The reviewer's score of a row instead of the library's, and why."""

    score: Decimal
    reason: str


@dataclass(frozen=True, slots=True)
class RowRescore:
    key: str  # the form's row: "funds-0", "ind-2"
    item: str  # 预算执行率 / the 三级指标
    weight: Decimal | None  # 分值
    self_score: Decimal | None  # the unit's printed 得分
    library: Decimal | None  # the library's score of the row (None: neither computed nor printed)
    rule: str  # how the library scored it, in Chinese
    override: Override | None = None

    @property
    def score(self) -> Decimal | None:
        """The re-evaluated score of the row: the reviewer's where given, else the library's."""
        return self.override.score if self.override is not None else self.library

    @property
    def gap(self) -> Decimal | None:
        """Re-evaluated − self score (negative: the unit gave itself more)."""
        if self.score is None or self.self_score is None:
            return None
        return self.score - self.self_score


@dataclass(frozen=True, slots=True)
class ReEvaluation:
    rows: tuple[RowRescore, ...]
    total: Decimal | None
    rule: str  # how the total was computed
    grade: str | None  # by the profile's cut-offs
    self_total: Decimal | None  # the unit's printed total

    @property
    def gap(self) -> Decimal | None:
        if self.total is None or self.self_total is None:
            return None
        return self.total - self.self_total

    @property
    def overridden(self) -> int:
        return sum(1 for r in self.rows if r.override is not None)


def override_problem(row: RowRescore, override: Override, total_weight: Decimal) -> str | None:
    """Why ``override`` cannot be the row's score (None: it can)."""
    top = row.weight if row.weight is not None else total_weight
    if not override.score.is_finite() or not Decimal(0) <= override.score <= top:
        return f"{row.item}：复核得分应在 0 到 {fmt(top)} 之间"
    if not override.reason.strip():
        return f"{row.item}：改动计算得分须写明理由"
    return None


def reevaluate(
    lines: Sequence[tuple[str, LineScore]],
    overrides: Mapping[str, Override],
    profile: Profile | str | None = None,
    self_total: Decimal | None = None,
) -> ReEvaluation:
    """The re-evaluation of a form from its score lines (each with its row key, in form
    order) and the reviewer's overrides (keyed by row; keys of no line are ignored).
    ValueError (Chinese, naming the row) when an override is out of the row's bounds or has
    no reason."""
    p = load_profile(profile)
    rows = []
    changed = []
    for key, line in lines:
        row = RowRescore(
            key=key,
            item=line.item,
            weight=line.weight,
            self_score=line.printed,
            library=line.counted,
            rule=line.rule,
        )
        o = overrides.get(key)
        if o is not None:
            if problem := override_problem(row, o, p.total_weight):
                raise ValueError(problem)
            row = dataclasses.replace(row, override=o)
            # the reviewer's score counts as a computed one (a band no longer clamps it)
            line = dataclasses.replace(line, computed=o.score, band=None, not_applicable=False)
        rows.append(row)
        changed.append(line)
    total, rule = total_of(changed, p) if changed else (None, "没有可复核的得分行")
    grade = p.grade(total)
    return ReEvaluation(
        rows=tuple(rows),
        total=total,
        rule=rule,
        grade=grade.value if grade is not None else None,
        self_total=self_total,
    )
