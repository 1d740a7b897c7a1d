"""jixiao (绩效): read, score, check, write and review budget performance self-evaluations.

The public API, used alike by the command line, the batch runner and the web application:

- :func:`read` — a file (text in any layout, .docx, .xlsx, .xls, .doc, .pdf) → :class:`Evaluation`
- :func:`read_text` — text already in memory → :class:`Evaluation`
- :func:`score` — the computed scores beside the printed ones, per profile
- :func:`check` — the findings (linter-style) of an evaluation
- :mod:`jixiao.serialize` — the JSON contract ``jixiao/1``

The domain library never imports a web framework.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.errors import JixiaoError, ProfileError, ReadError
from jixiao.model import Evaluation, Finding, Kind, Location, Severity

if TYPE_CHECKING:
    from jixiao.profiles import Profile
    from jixiao.scoring import ScoreSheet

__version__ = "0.1.0"

__all__ = [
    "Evaluation",
    "Finding",
    "JixiaoError",
    "Kind",
    "Location",
    "ProfileError",
    "ReadError",
    "Severity",
    "check",
    "read",
    "read_text",
    "score",
]


def read(path: str | Path) -> Evaluation:
    """Read a self-evaluation from a file of any supported format.

    Raises :class:`ReadError` (message in Chinese, naming the file) when it cannot be read.
    """
    from jixiao.readers import read_path

    return read_path(Path(path))


def read_text(text: str, source: str = "<文本>") -> Evaluation:
    """Read a self-evaluation from plain text (layout detected automatically)."""
    from jixiao.readers import read_string

    return read_string(text, source)


def score(evaluation: Evaluation, profile: Profile | str | None = None) -> ScoreSheet:
    """Score an evaluation by a profile (default: 财预〔2020〕10号)."""
    from jixiao.scoring import score_evaluation

    return score_evaluation(evaluation, profile)


def check(evaluation: Evaluation, profile: Profile | str | None = None) -> tuple[Finding, ...]:
    """Run every check of the catalogue; findings sorted by severity and location."""
    from jixiao.checks import run_checks

    return run_checks(evaluation, profile)
