"""What the money sentences of a report say about the form's fund rows.

The prose reader (:mod:`.prose`) makes a fund row of every amount; these helpers tie the
amounts of a report told in sentences to the rows of the form:

- the total of a budget told without a fund's name (``项目年度预算资金120万元``,
  ``共下达项目资金120万元``, ``全年预算数为120万元``) is the form's row ``年度资金总额``; a named
  fund (``下达农村公路养护专项资金120万元``) keeps its name;
- a figure named only by the act of spending (``实际支出``, ``累计支付资金``, ``项目资金已执行``,
  ``全年执行数为``) is the spending of the total above it, not a row of its own; an allotted
  figure no word marks as planned or spent (``共投入资金120万元``) is then that total's budget;
- the 执行率 told in its own sentence right after the spending (``实际支出110万元。执行率为
  91.67%。``) is the total's rate only where 执行数 ÷ 预算数 gives it (to the printed places);
- an amount inside an indicator's clause (``指标值：≥500元，实际完成值：520元``) or a target
  or achieved value is no fund row; 到位资金 (money arrived) is no column of the form.
"""

from __future__ import annotations

import re
from decimal import Decimal

# a label that is only the act of spending (its row is the total's spending)
BARE_SPENT = re.compile(
    r"(?:项目)?(?:资金)?(?:全年|本年|年度|本年度)?(?:实际|累计|已)?(?:共|完成)?(?:执行数?|支出|支付|使用)"
    r"(?:资金|金额|数)?"
    r"|(?:项目)?(?:资金)?(?:实际|累计|已)(?:执行|支出|支付|使用)(?:资金|金额)?"
    r"|全年执行数|实际执行数|实际支出数?|累计支付资金|项目实际支出|项目资金已执行"
    r"|(?:项目)?(?:共|累计|实际|已)?完成投资(?:额)?"
)
# the words of a budget told without a fund's name
_GENERIC_TOTAL = re.compile(
    r"^(?:(?:上级|省|市|县|区)?财政)?(?:批复|下达|安排)?(?:该|本)?(?:项目)?(?:年度|全年|本年度)?(?:项目)?"
    r"(?:调整后|追加后|年中追加后)?(?:全年)?"
    r"(?:预算资金|预算数|预算安排(?:资金)?|预算|资金|项目资金|资金总额|总资金)$"
)
# words of an indicator's clause: an amount after them is a target or an achieved value
# a named fund told with its budget word (某某补助资金预算资金): the name before it
_NAMED_BUDGET = re.compile(r"^(?P<name>.{4,40}?(?:资金|经费))(?:预算资金|预算数?)$")
# a part named by the level of government that gives it: its own name, never the owner's
_SOURCE = re.compile(
    r"^(?:中央|省级|省|市级|市|州级|县级|县|区级|区|本级|上级|地方)[\u4e00-\u9fff]{0,8}?"
    r"(?:资金|经费|补助|配套)[\u4e00-\u9fff]{0,4}$"
)
_INDICATOR_WORDS = re.compile(
    r"指标值|目标值|年度目标|完成值|实际值|实际完成|实际达到|完成率|不低于|不少于|不高于|不超过|"
    r"不晚于|^达到|以上$|以内$|≥|≤"
)
_ARRIVED = re.compile(r"到位")
TOTAL_LABEL = "年度资金总额"


def is_total_words(label: str) -> bool:
    """A label that names the budget of the whole project without naming a fund."""
    return bool(_GENERIC_TOTAL.match(label))


def named_budget(label: str) -> str | None:
    """The fund's name of ``某某补助资金预算资金`` (None for any other label)."""
    m = _NAMED_BUDGET.match(label)
    return m.group("name") if m and not is_total_words(m.group("name")) else None


def is_source_part(label: str) -> bool:
    """A part named by the government level that gives it (中央补助资金, 省级配套资金)."""
    return bool(_SOURCE.match(label))


_SPENT_SUFFIX = re.compile(r"(?:已|实际|累计)?(?:支出|执行|使用|支付)(?:资金|金额)?$")


def spent_part_of(label: str) -> str | None:
    """The part a spending figure names: 中央补助资金 of ``中央补助资金使用`` (None when the
    label has no spending word at its end)."""
    m = _SPENT_SUFFIX.search(label)
    return label[: m.start()] if m and m.start() >= 2 else None


def is_indicator_figure(label: str) -> bool:
    """An amount told as an indicator's target or achieved value, or money arrived."""
    return bool(_INDICATOR_WORDS.search(label) or _ARRIVED.search(label))


def rate_agrees(rate: Decimal, spent: Decimal, budget: Decimal) -> bool:
    """执行率 = 执行数 ÷ 预算数, to the places the rate is printed with (half a unit of the
    last place either way)."""
    if budget == 0:
        return False
    exponent = rate.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    half = Decimal(1).scaleb(-places) / 2
    return abs(spent / budget * 100 - rate) <= half
