"""What a check is, and what it is given: :class:`Check` and :class:`Context`.

A check is a plain function ``(evaluation, context) -> Iterable[Finding]`` wrapped by the
:func:`check` decorator, which gives it a stable code, a default severity, a Chinese title
and its basis. Inside the function, ``<function name>.finding(...)`` builds a Finding with
those filled in, so that a check never spells its own code twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jixiao.model import Evaluation, Finding, Location, Severity

if TYPE_CHECKING:
    from jixiao.profiles.profile import Profile

CheckFunction = Callable[[Evaluation, "Context"], Iterable[Finding]]

# Bases cited by several checks.
ARITHMETIC = "算术：合计等于各分项之和"
RATE_FORMULA = "执行率 = 全年执行数 ÷ 全年预算数（调整后预算数）× 100%，按印出的精度"
REG_10 = "财预〔2020〕10号《项目支出绩效评价管理办法》"
REG_101 = "财预〔2021〕101号（中央部门项目支出核心绩效目标和指标设置及取值指引）"
TEMPLATE_NOTE = "自评表填报说明"


@dataclass(frozen=True)
class Check:
    """One entry of the catalogue."""

    code: str  # stable: never renumbered once committed
    severity: Severity  # default severity of its findings
    title: str  # in Chinese
    basis: str  # regulation, template note or plain arithmetic
    function: CheckFunction = field(repr=False, compare=False)
    family: str = ""

    @property
    def description(self) -> str:
        """The docstring without its example, in one paragraph (English, for the docs)."""
        doc = (self.function.__doc__ or "").split("Example:")[0]
        return " ".join(doc.split())

    @property
    def explanation(self) -> str:
        """What the check looks for and what to do, in Chinese (jixiao.checks.explain_zh)."""
        from jixiao.checks.explain_zh import EXPLAIN

        return EXPLAIN.get(self.code, "")

    @property
    def example(self) -> str:
        """The docstring's ``Example:`` line: a small case that makes the check fire."""
        doc = self.function.__doc__ or ""
        return " ".join(doc.split("Example:", 1)[1].split()) if "Example:" in doc else ""

    def __call__(self, evaluation: Evaluation, context: Context) -> Iterable[Finding]:
        return self.function(evaluation, context)

    def finding(
        self,
        message: str,
        location: Location | None,
        expected: object | None = None,
        found: object | None = None,
        *,
        severity: Severity | None = None,
        **details: str,
    ) -> Finding:
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            message=message,
            location=location,
            expected=None if expected is None else str(expected),
            found=None if found is None else str(found),
            basis=self.basis,
            details=dict(details),
        )


FAMILIES = {
    "A": "算术",
    "B": "预算执行",
    "I": "绩效指标",
    "C": "一致性",
    "S": "人员",
    "M": "完整性",
}


def check(
    code: str, severity: Severity, title: str, basis: str
) -> Callable[[CheckFunction], Check]:
    """Decorator: turn a function into a :class:`Check` of the catalogue."""

    def wrap(function: CheckFunction) -> Check:
        return Check(code, severity, title, basis, function, FAMILIES[code[3]])

    return wrap


class Context:
    """What every check may use besides the evaluation: the scoring profile (weights,
    taxonomy, thresholds, tolerance) and the evaluated year."""

    def __init__(self, evaluation: Evaluation, profile: Profile) -> None:
        self.evaluation = evaluation
        self.profile = profile

    @property
    def year(self) -> int | None:
        y = self.evaluation.year
        return int(y.value) if y is not None else None


def per_evaluation(function: Callable[[Evaluation], Any]) -> Callable[[Evaluation], Any]:
    """Remember the result for the last evaluation (by identity): several checks ask for the
    same derived data (fields, fund blocks) of the evaluation being checked."""
    last: list[tuple[Evaluation | None, Any]] = [(None, None)]

    def wrapper(evaluation: Evaluation) -> Any:
        cached_for, result = last[0]  # one reference read: safe across threads
        if cached_for is not evaluation:
            result = function(evaluation)
            last[0] = (evaluation, result)
        return result

    wrapper.__doc__ = function.__doc__
    wrapper.__name__ = function.__name__
    return wrapper


def first_location(*candidates: Location | None) -> Location | None:
    """The first location that is known."""
    for c in candidates:
        if c is not None:
            return c
    return None


def chain(*iterables: Iterable[Finding]) -> Iterator[Finding]:
    for it in iterables:
        yield from it
