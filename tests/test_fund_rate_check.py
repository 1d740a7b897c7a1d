"""Two fund rows' figures run together, the first ending with its points (invented figures)."""

from jixiao.extract.fund_rate_check import rate_confirmed
from jixiao.extract.stream import _two_fund_rows
from jixiao.extract.vocab import Role

ROLES = (Role.BUDGET, Role.SPENT, Role.RATE, Role.WEIGHT, Role.SCORE)


def test_rows_cut_after_the_score_where_both_rates_confirm():
    first, second = _two_fund_rows("640.50610.2595.28%109.53402.18390.0296.98%--", ROLES)
    assert first == ("640.50", "610.25", "95.28%", "10", "9.53")
    assert second == ("402.18", "390.02", "96.98%", "-", "-")


def test_no_cut_when_no_rate_confirms():
    assert _two_fund_rows("640.50610.2571.00%109.53402.18390.0212.00%--", ROLES) == (None, ())


def test_rate_confirmed():
    assert rate_confirmed(("200", "150", "75%", "10", "7.5"), ROLES)
    assert not rate_confirmed(("200", "150", "57%"), ROLES)
    assert not rate_confirmed(("200", "150"), ROLES)
    assert rate_confirmed(("0", "0", "0%"), ROLES)
