"""Small helpers the reader tests share: an indicator by its name, and the printed values a
test compares."""

from __future__ import annotations

from typing import Any


def indicator_named(e: Any, name: str) -> Any:
    """The evaluation's indicator named ``name`` (StopIteration when there is none)."""
    return next(i for i in e.indicators if i.name.text == name)


def printed_values(ind: Any) -> tuple[Any, ...]:
    """(target text, actual text, weight, score) of an indicator, None where blank."""
    return (
        ind.target.text if ind.target else None,
        ind.actual.text if ind.actual else None,
        ind.weight.value if ind.weight else None,
        ind.score.value if ind.score else None,
    )
