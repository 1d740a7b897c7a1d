"""Warning lights of a monitoring table (红/黄/绿), as monitoring platforms show them for
“双监控”: budget execution against the time elapsed, target achievement by the stated
likelihood, and the full-year spending forecast against the budget. The thresholds are the
profile's ``[lifecycle]`` options, the same that JX-R002/R003 use, so a red light and its
finding always agree.

    from jixiao.lifecycle.lights import lights
    lights(monitoring_table, profile).execution   # Light.RED
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from jixiao.lifecycle.model import Likelihood, MonitoringTable

if TYPE_CHECKING:
    from jixiao.profiles.profile import Profile

HUNDRED = Decimal(100)


class Light(StrEnum):
    GREEN = "绿"
    YELLOW = "黄"
    RED = "红"


SEVERITY = {Light.RED: 0, Light.YELLOW: 1, Light.GREEN: 2}  # for sorting: red first


@dataclass(frozen=True)
class Lights:
    execution: Light | None  # 1–N月执行率 against N÷12 of the year
    goal: Light | None  # the worst 完成目标可能性 of the indicators
    forecast: Light | None  # 全年预计执行数 against 年初预算数
    execution_rate: Decimal | None = None  # 1–N月执行数 ÷ 年初预算数 × 100
    elapsed: Decimal | None = None  # N ÷ 12 × 100

    @property
    def worst(self) -> Light | None:
        shown = [x for x in (self.execution, self.goal, self.forecast) if x is not None]
        return min(shown, key=SEVERITY.__getitem__) if shown else None


GOAL = {Likelihood.CERTAIN: Light.GREEN, Likelihood.POSSIBLE: Light.YELLOW, Likelihood.IMPOSSIBLE: Light.RED}


def lights(table: MonitoringTable, profile: Profile) -> Lights:
    """The three lights of a table (None where the figures are missing).

    Execution: red when 执行率 lags the time elapsed by more than
    ``execution_lag_points`` (JX-R002), yellow when it lags at all, else green. Goal: green
    when every indicator is 确定能, yellow when one is 有可能, red when one is 不可能.
    Forecast: red when the full-year forecast stays below the budget by more than
    ``forecast_gap_percent`` or exceeds it (JX-R003), yellow when below it at all, else green.
    """
    n = table.cutoff_month or profile.cutoff_month
    elapsed = Decimal(n) / 12 * HUNDRED
    total = table.total()
    budget = total.budget.value if total and total.budget and total.budget.value > 0 else None
    execution = rate = None
    if budget is not None and total and total.executed is not None:
        rate = total.executed.value / budget * HUNDRED
        lag = elapsed - rate
        execution = (
            Light.RED if lag > profile.execution_lag_points else Light.YELLOW if lag > 0 else Light.GREEN
        )
    forecast = None
    if budget is not None and total and total.forecast is not None:
        share = total.forecast.value / budget * HUNDRED
        if share > HUNDRED or share < HUNDRED - profile.forecast_gap_percent:
            forecast = Light.RED
        else:
            forecast = Light.YELLOW if share < HUNDRED else Light.GREEN
    stated = [GOAL[i.likelihood] for i in table.indicators if i.likelihood is not None]
    goal = min(stated, key=SEVERITY.__getitem__) if stated else None
    return Lights(execution, goal, forecast, rate, elapsed)
