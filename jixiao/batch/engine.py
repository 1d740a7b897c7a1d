"""The functions the batch calls on each file: jixiao's public API by default.

Tests pass stand-ins (a fake ``read``) through :class:`Engine`; the functions must be
module-level so that the process pool can pickle them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from jixiao.model import Evaluation, Finding


def api_read(path: Path) -> Evaluation:
    import jixiao

    return jixiao.read(path)


def api_check(evaluation: Evaluation, profile: str | None) -> Sequence[Finding]:
    import jixiao

    return jixiao.check(evaluation, loaded_profile(profile))


def api_score(evaluation: Evaluation, profile: str | None) -> Any:
    import jixiao

    return jixiao.score(evaluation, loaded_profile(profile))


@lru_cache(maxsize=8)
def loaded_profile(name: str | None) -> Any:
    """The profile loaded once per process (not once per file)."""
    try:
        from jixiao.profiles import load_profile
    except ImportError:
        return name
    return load_profile(name)


@dataclass(frozen=True, slots=True)
class Engine:
    """read / check / score, and the scoring profile's name (None: the default)."""

    read: Callable[[Path], Evaluation] = api_read
    check: Callable[[Evaluation, str | None], Sequence[Finding]] = api_check
    score: Callable[[Evaluation, str | None], Any] | None = api_score
    profile: str | None = None
    timeout: float = 120.0  # seconds per file; 0 disables
    # the other options that change a result (the lifecycle tables given, with their contents'
    # hash): a file reviewed before with other options is reviewed again
    options: str = ""


def score_summary(sheet: Any) -> tuple[Decimal | None, str | None]:
    """(computed total, grade) from whatever :func:`jixiao.score` returned.

    No total where the sheet says the total cannot be computed (``grade_reason``: lines
    neither computed nor printed, weights that do not add up to the total, a total above the
    maximum): such a sum is not a score, and would distort the region's score distribution.
    """
    if sheet is None:
        return None, None
    if getattr(sheet, "unscored", ()) or getattr(sheet, "grade_reason", ""):
        return None, None
    total = _first_attr(sheet, ("computed_total", "total"))
    grade = _first_attr(sheet, ("computed_grade", "grade"))
    return _decimal(total), (str(getattr(grade, "value", grade)) if grade is not None else None)


def _first_attr(obj: Any, names: tuple[str, ...]) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None:
            return value
    return None


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    inner = getattr(value, "value", None)  # a Num
    if isinstance(inner, Decimal):
        return inner
    if isinstance(value, int):
        return Decimal(value)
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None
