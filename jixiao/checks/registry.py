"""The catalogue: every check, in the order they run. Codes are stable — a retired check
keeps its code reserved; new checks take new codes."""

from __future__ import annotations

from jixiao.checks import (
    arithmetic,
    budget,
    completeness,
    consistency,
    indicators,
    narrative,
    staff,
    statements,
    wording,
)
from jixiao.checks.base import Check

CHECKS: tuple[Check, ...] = (
    # arithmetic
    arithmetic.source_total,  # JX-A001
    arithmetic.structure_total,  # JX-A002
    arithmetic.basic_total,  # JX-A003
    arithmetic.execution_rate,  # JX-A004
    arithmetic.score_above_weight,  # JX-A005
    arithmetic.score_sum,  # JX-A006
    arithmetic.weight_sum,  # JX-A007
    arithmetic.sub_row_weight,  # JX-A008
    arithmetic.structure_scope,  # JX-A009
    narrative.economic_split,  # JX-A010
    narrative.report_split,  # JX-A011
    arithmetic.sub_items_total,  # JX-A012
    arithmetic.negative_values,  # JX-A013
    # budget execution
    budget.execution_above_hundred,  # JX-B001
    budget.execution_low_unexplained,  # JX-B002
    budget.budget_changed_unexplained,  # JX-B003
    budget.zero_total_with_parts,  # JX-B004
    budget.execution_score_wrong,  # JX-B005
    # indicators
    indicators.unmeasurable_target,  # JX-I001
    indicators.textual_actual,  # JX-I002
    indicators.copied_actual,  # JX-I003
    indicators.missed_full_marks,  # JX-I004
    indicators.met_points_lost,  # JX-I005
    indicators.score_off_rule,  # JX-I006
    indicators.over_achieved,  # JX-I007
    indicators.missing_categories,  # JX-I008
    indicators.input_as_output,  # JX-I009
    indicators.satisfaction_without_survey,  # JX-I010
    indicators.rate_above_hundred,  # JX-I011
    indicators.rate_counted,  # JX-I012
    indicators.missing_deviation,  # JX-I013
    indicators.level1_weights,  # JX-I014
    indicators.unit_mismatch,  # JX-I015
    indicators.mixed_units_summed,  # JX-I016
    indicators.duplicate_indicator,  # JX-I017
    indicators.actual_copies_target,  # JX-I018
    # consistency
    consistency.report_vs_table,  # JX-C001
    consistency.other_year,  # JX-C002
    consistency.year_mismatch,  # JX-C003
    consistency.unit_names,  # JX-C004
    consistency.goal_copied,  # JX-C005
    consistency.cost_vs_execution,  # JX-C006
    wording.template_text,  # JX-C007
    wording.nothing_to_improve,  # JX-C008
    wording.full_marks_with_gaps,  # JX-C009
    narrative.narrative_sum,  # JX-C010
    narrative.list_numbering,  # JX-C011
    statements.stated_rate,  # JX-C012
    statements.stated_score_grade,  # JX-C013
    statements.stated_actuals,  # JX-C014
    statements.goal_amounts,  # JX-C015
    wording.placeholder_left,  # JX-C016
    # staff
    staff.staff_above_posts,  # JX-S001
    # completeness
    completeness.blank_results,  # JX-M001
    completeness.weight_without_score,  # JX-M002
    completeness.truncated,  # JX-M003
    completeness.blank_target,  # JX-M004
    completeness.empty_section,  # JX-M005
    completeness.header_missing,  # JX-M006
    completeness.blank_weight,  # JX-M007
    completeness.half_filled_fund_row,  # JX-M008
    completeness.unsigned,  # JX-M009
    completeness.blank_goal_achieved,  # JX-M010
)
