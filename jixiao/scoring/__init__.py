"""Scoring by the official rules, per profile: pure functions, Decimal arithmetic.

- :func:`execution_score` — the 预算执行率 row;
- :func:`indicator_score` — one weighted indicator (quantitative formula or qualitative band);
- :func:`score_evaluation` — a whole evaluation: lines, computed total and grade beside the
  printed ones (:class:`ScoreSheet`);
- :func:`to_dict` — the sheet as JSON-able data (write with ``jixiao.serialize.dump_value``).

The rules and every option are documented in docs/scoring.md.
"""

from __future__ import annotations

from jixiao.scoring.evaluation import execution_row, score_evaluation
from jixiao.scoring.execution import execution_score
from jixiao.scoring.indicator import indicator_score
from jixiao.scoring.qualitative import band_for, band_level
from jixiao.scoring.quantitative import Formula, quantitative_score
from jixiao.scoring.sheet import (
    Band,
    BandLevel,
    LineKind,
    LineScore,
    ScoreSheet,
    Status,
    fmt,
    round_score,
    to_dict,
)

__all__ = [
    "Band",
    "BandLevel",
    "Formula",
    "LineKind",
    "LineScore",
    "ScoreSheet",
    "Status",
    "band_for",
    "band_level",
    "execution_row",
    "execution_score",
    "fmt",
    "indicator_score",
    "quantitative_score",
    "round_score",
    "score_evaluation",
    "to_dict",
]
