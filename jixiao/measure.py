"""Parse printed targets and actual values into (operator, number, unit).

“≥50个”, “不低于95%”, “100%”, “每月 1次”, “≤90万元”, “≥100百分比”, “满意度100%”,
“不少于12 种” are quantitative; “达成预期指标”, “效果明显”, “已完成” are not.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from jixiao.bounds import MEASURE
from jixiao.model import Location, Measure, Operator

# Words that state the comparison, longest first.
_OPERATOR_WORDS: tuple[tuple[str, Operator], ...] = (
    ("大于等于", Operator.GE),
    ("大于或等于", Operator.GE),
    ("小于等于", Operator.LE),
    ("小于或等于", Operator.LE),
    ("不低于", Operator.GE),
    ("不少于", Operator.GE),
    ("不小于", Operator.GE),
    ("至少", Operator.GE),
    ("达到", Operator.GE),
    ("以上", Operator.GE),  # suffix form: “95%以上”
    ("不高于", Operator.LE),
    ("不超过", Operator.LE),
    ("不多于", Operator.LE),
    ("不大于", Operator.LE),
    ("控制在", Operator.LE),
    ("以内", Operator.LE),  # suffix form: “30万元以内”
    ("以下", Operator.LE),
    ("低于", Operator.LT),
    ("少于", Operator.LT),
    ("小于", Operator.LT),
    ("高于", Operator.GT),
    ("多于", Operator.GT),
    ("大于", Operator.GT),
    ("超过", Operator.GT),
    ("等于", Operator.EQ),
)

_SYMBOLS = {
    "≥": Operator.GE,
    ">=": Operator.GE,
    "＞＝": Operator.GE,
    "≧": Operator.GE,
    "≤": Operator.LE,
    "<=": Operator.LE,
    "≦": Operator.LE,
    ">": Operator.GT,
    "＞": Operator.GT,
    "<": Operator.LT,
    "＜": Operator.LT,
    "=": Operator.EQ,
    "＝": Operator.EQ,
}

_PERIODS = ("每月", "每季度", "每季", "每年", "每周", "每天", "每日", "每半年", "全年", "年度", "季度")

_UNIT_ALIASES = {"百分比": "%", "％": "%", "个百分点": "个百分点"}

_NUMBER = r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?"
_UNITS = ('万元/公里', '个百分点', '平方公里', '百分比', '平方米', '立方米', '万人次', '工作日', '元/人', '元/亩', '万元', '亿元', '千元', '人次', '万人', '公里', '千米', '厘米', '毫米', '公顷', '小时', '分钟', '个月', 'km', '课时', '学时', '公斤', '千克', 'kg', '%', '％', '‰', 'm', '米', '亩', '吨', '元', '人', '次', '个', '户', '家', '场', '期', '项', '件', '篇', '份', '册', '台', '套', '辆', '座', '所', '处', '天', '日', '月', '年', '周', '种', '只', '头', '例', '株', '棵', '盏', '本', '张', '条', '批', '名', '村', '间', '栋', '宗', '起', '单', '门', '节', '分', '盒', '箱', '斤')
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNITS) + ")"
# The units a measure may carry, longest first (public: the extraction layer splits by them).
UNITS: tuple[str, ...] = _UNITS

_QUANT = re.compile(
    rf"^(?P<prefix>.*?)(?P<sym>≥|>=|≧|≤|<=|≦|＞＝|>|＞|<|＜|=|＝)?\s*(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})?(?P<suffix>.*)$"
)

_QUALITATIVE_HINT = re.compile(r"(达成|完成|达到预期|效果|明显|显著|良好|合格|符合|有效|提升|提高|改善|规范|及时)")

_MAX_PREFIX = 8  # a longer text before the number is a sentence, not a target


def parse_number(text: str) -> Decimal | None:
    """The Decimal in a printed number (“1,234.50” → 1234.50), or None."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_measure(text: str | None, location: Location | None = None) -> Measure | None:
    """Parse a printed target or actual. Returns None for a blank cell."""
    if text is None:
        return None
    printed = text.strip()
    if not printed or printed in {"-", "－", "—", "/", "／", "……", "…"}:
        return None
    compact = re.sub(r"\s+", "", printed)
    operator: Operator | None = None
    period: str | None = None

    rest = compact
    for p in _PERIODS:
        if rest.startswith(p):
            period = p
            rest = rest[len(p) :]
            break
    for word, op in _OPERATOR_WORDS:
        if rest.startswith(word):
            operator, rest = op, rest[len(word) :]
            break

    m = _QUANT.match(rest)
    # Only a short label may stand before the number (“满意度100%”); a year such as
    # “2020年…” at the start of a sentence is not a target.
    if m and len(m.group("prefix")) <= _MAX_PREFIX and not _is_year(m):
        suffix = m.group("suffix")
        if len(suffix) <= 6:
            sym = m.group("sym")
            if sym:
                operator = _SYMBOLS[sym]
            for word, op in _OPERATOR_WORDS:
                if suffix.startswith(word) and word in ("以上", "以内", "以下"):
                    operator = op
            unit = m.group("unit")
            if unit:
                unit = _UNIT_ALIASES.get(unit, unit)
            number = parse_number(m.group("num"))
            if number is not None and MEASURE.problem(number) is None:
                return Measure(
                    text=printed,
                    operator=operator or Operator.EQ,
                    number=number,
                    unit=unit,
                    period=period,
                    location=location,
                )
    return Measure(text=printed, operator=Operator.QUALITATIVE, location=location)


def _is_year(m: re.Match[str]) -> bool:
    num = m.group("num")
    unit = m.group("unit") or ""
    return unit.startswith("年") and len(num) == 4 and num.startswith(("19", "20"))


def looks_qualitative(text: str) -> bool:
    """Whether a text reads like a qualitative statement (达成预期指标, 效果明显 …)."""
    return bool(_QUALITATIVE_HINT.search(text))
