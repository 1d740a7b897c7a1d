"""Parse printed targets and actual values into (operator, number, unit).

“≥50个”, “不低于95%”, “100%”, “每月 1次”, “≤90万元”, “≥100百分比”, “满意度100%”,
“不少于12 种” are quantitative; “达成预期指标”, “效果明显”, “已完成” are not.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao.bounds import MEASURE
from jixiao.model import Location, Measure, Operator

# -- the operator table ---------------------------------------------------------------------
# Every way a form prints a comparison, each mapped to one operator of the model (指标性质).
# This is the one list: parse_measure, parse_operator and every reader that must tell where a
# value begins (the run-together cutter, prose sentences, glued cells) compose their patterns
# from it (the functions below), so a variant recognised in one format is recognised in all.
#
# BEFORE: a word printed before the figure (不低于95%, 控制在30万元以内). A sign in any printed
# variant (≧ ≦ ═ ﹦ ＞ ＜ >= =>) is first rewritten by normalize_signs to one of SIGNS.
_GE, _LE, _GT, _LT, _EQ = Operator.GE, Operator.LE, Operator.GT, Operator.LT, Operator.EQ
OPERATOR_BEFORE: tuple[tuple[str, Operator], ...] = (
    ("大于或等于", _GE),
    ("小于或等于", _LE),
    ("大于等于", _GE),
    ("小于等于", _LE),
    ("不得低于", _GE),
    ("不得少于", _GE),
    ("不得小于", _GE),
    ("不得超过", _LE),
    ("不得高于", _LE),
    ("不得多于", _LE),
    ("不得大于", _LE),
    ("不低于", _GE),
    ("不少于", _GE),
    ("不小于", _GE),
    ("不早于", _GE),  # a date: 不早于10月
    ("不高于", _LE),
    ("不超过", _LE),
    ("不超出", _LE),
    ("不多于", _LE),
    ("不大于", _LE),
    ("不晚于", _LE),  # a deadline: 不晚于12月
    ("控制在", _LE),  # 控制在30万元以内
    ("至少", _GE),
    ("达到", _GE),
    ("低于", _LT),
    ("少于", _LT),
    ("小于", _LT),
    ("高于", _GT),
    ("多于", _GT),
    ("大于", _GT),
    ("超过", _GT),
    ("等于", _EQ),
)
# AFTER: a word printed after the figure and its unit (95%以上, 30万元以内, 120亩及以上).
OPERATOR_AFTER: tuple[tuple[str, Operator], ...] = (
    ("及以上", _GE),
    ("以上", _GE),
    ("及以下", _LE),
    ("以下", _LE),
    ("以内", _LE),
    ("之内", _LE),
)
# the canonical signs (what normalize_signs leaves)
SIGNS = "≥≤><="
# traditional spellings of the words (a form typed in traditional characters)
_TRADITIONAL = str.maketrans("于过达", "於過達")


def _reads_only_as_operator(word: str) -> bool:
    """A negated comparison (不低于, 不得超过) or one with 等于 (大于等于) is never part of an
    indicator's name; a bare one (高于, 达到, 超过, 至少, 控制在) may be (达到标准的学校比例)."""
    return word.startswith("不") or (word.endswith("等于") and word != "等于")


def before_pattern(
    *,
    signs: bool = True,
    strict: bool = False,
    printed: bool = False,
    ops: tuple[Operator, ...] | None = None,
    exclude: tuple[str, ...] = (),
) -> str:
    """A regular expression (a non-capturing group) of an operator printed before a figure:
    a sign (``signs``) or a word of OPERATOR_BEFORE, longest first.

    ``strict`` keeps only the words that are never part of a name (``_reads_only_as_operator``):
    for a reader that cuts a name from the value run into it. ``printed`` is for text that has
    not passed through normalize_signs and may be traditional: every printed variant of the
    signs (≧ ＞＝ >= ﹦ ═ …) and the traditional spellings (不低於, 超過, 達到) too. ``ops``
    keeps the operators given (the lower bounds: GE, GT); ``exclude`` drops words and
    canonical signs (a dropped sign takes its printed variants with it)."""
    words = [
        w
        for w, op in OPERATOR_BEFORE
        if (not strict or _reads_only_as_operator(w))
        and (ops is None or op in ops)
        and w not in exclude
    ]
    if printed:
        words += [t for w in words if (t := w.translate(_TRADITIONAL)) != w]
    if signs:
        chosen = [
            c for c in SIGNS if (ops is None or _SIGN_OPERATORS[c] in ops) and c not in exclude
        ]
        if printed:
            chosen += [v for v, c in _SIGN_VARIANTS if c in chosen]
            chosen += ["═"] if "=" in chosen else []
        words += chosen
    return "(?:" + _trie(words) + ")"


def _trie(words: list[str]) -> str:
    """The words as one regular expression branching on each character (不(?:低于|得(?:…))…),
    the longer word first where one is the start of another (大于(?:或等于|等于)?): the same
    matches, in the same order of preference, as the longest-first alternation, but a text
    that starts with no word's first character fails at once (these patterns are tried on
    every cell)."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def after_pattern(*, ops: tuple[Operator, ...] | None = None) -> str:
    """A regular expression of an operator printed after a figure (以上, 及以下, 以内 …),
    longest first; ``ops`` keeps the operators given."""
    words = [w for w, op in OPERATOR_AFTER if ops is None or op in ops]
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# parse_measure and parse_operator: every word, longest first (a leading 以上 is never printed)
_OPERATOR_WORDS: tuple[tuple[str, Operator], ...] = tuple(
    sorted((*OPERATOR_BEFORE, *OPERATOR_AFTER), key=lambda wo: len(wo[0]), reverse=True)
)

# Printed variants of the comparison signs, rewritten once to the canonical sign before any
# parsing (NFKC alone folds ＞ ＜ ＝ ﹦ but not ≧ ≦ ═ ⩾ ⩽): every reader and every column
# (指标值, 完成值, 指标性质) sees the same sign.
_SIGN_VARIANTS = (
    ("＞＝", "≥"),
    (">=", "≥"),
    ("=>", "≥"),
    ("≥=", "≥"),
    ("＜＝", "≤"),
    ("<=", "≤"),
    ("=<", "≤"),
    ("≤=", "≤"),
    ("≧", "≥"),
    ("⩾", "≥"),
    ("≦", "≤"),
    ("⩽", "≤"),
    ("＞", ">"),
    ("﹥", ">"),
    ("＜", "<"),
    ("﹤", "<"),
    ("﹦", "="),
    ("＝", "="),
    ("〓", "="),
)
_SIGN_CHARS = frozenset("".join(v for v, _ in _SIGN_VARIANTS) + "═")
# the same test as a character class (searched without making a string of each character)
_SIGN_CHAR = re.compile("[" + "".join(sorted(re.escape(c) for c in _SIGN_CHARS)) + "]")
# every character of a sign as printed, canonical or not, for a character class:
# f"[\\d{SIGN_CHARACTERS}]" is a figure or a sign in text not yet normalised
SIGN_CHARACTERS = "".join(re.escape(c) for c in sorted(set(SIGNS) | _SIGN_CHARS))
_SIGN_OPERATORS = {
    "≥": Operator.GE,
    "≤": Operator.LE,
    ">": Operator.GT,
    "<": Operator.LT,
    "=": Operator.EQ,
}
# 指标性质 cells: a sign, a word, or the direction of the indicator
_NATURE_WORDS = {
    "定性": Operator.QUALITATIVE,
    "定性指标": Operator.QUALITATIVE,
    "正向": Operator.GE,
    "正向指标": Operator.GE,
    "反向": Operator.LE,
    "反向指标": Operator.LE,
    "定量": None,
    "定量指标": None,
}


# ═ is an equals sign only alone: a run of box-drawing characters is a table border
_DOUBLE_BAR = re.compile(r"(?<![\u2500-\u257f])═(?![\u2500-\u257f])")


def normalize_signs(text: str) -> str:
    """Every printed variant of a comparison sign as the canonical one (≧ → ≥, ═ → =, ＞＝ → ≥)."""
    if _SIGN_CHAR.search(text) is None:
        return text
    for variant, sign in _SIGN_VARIANTS:
        if variant in text:
            text = text.replace(variant, sign)
    return _DOUBLE_BAR.sub("=", text) if "═" in text else text


def parse_operator(text: str | None) -> Operator | None:
    """The operator a 指标性质 cell states: a sign in any printed variant (≧ ≦ ═ ﹦ ＞ ＜ >=),
    a word (不低于, 大于等于, 以上 …) or a direction (正向 → ≥, 反向 → ≤, 定性); None otherwise."""
    if not text:
        return None
    t = normalize_signs("".join(text.split()))
    if t in _SIGN_OPERATORS:
        return _SIGN_OPERATORS[t]
    if t in _NATURE_WORDS:
        return _NATURE_WORDS[t]
    for word, op in _OPERATOR_WORDS:
        if t == word:
            return op
    return None


_PERIODS = ("每月", "每季度", "每季", "每年", "每周", "每天", "每日", "每半年", "全年", "年度", "季度")

_UNIT_ALIASES = {"百分比": "%", "％": "%", "个百分点": "个百分点"}

_NUMBER = r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?"
_UNITS = ('万元/公里', '个百分点', '个工作日', '平方公里', '百分比', '平方米', '立方米', '万人次', '工作日', '万次', '万户', '万亩', '万吨', '万份', '万册', '户次', '件次', '批次', '场次', '元/人', '元/亩', '万元', '亿元', '千元', '人次', '万人', '公里', '千米', '厘米', '毫米', '公顷', '小时', '分钟', '个月', 'km', '课时', '学时', '公斤', '千克', 'kg', '%', '％', '‰', 'm', '米', '亩', '吨', '元', '人', '次', '个', '户', '家', '场', '期', '项', '件', '篇', '份', '册', '台', '套', '辆', '座', '所', '处', '天', '日', '月', '年', '周', '种', '只', '头', '例', '株', '棵', '盏', '本', '张', '条', '批', '名', '村', '间', '栋', '宗', '起', '单', '门', '节', '分', '盒', '箱', '斤')
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNITS) + ")"
# The units a measure may carry, longest first (public: the extraction layer splits by them).
UNITS: tuple[str, ...] = _UNITS

# A magnitude printed before a unit of the list makes a unit too (万次, 万户, 千人, 百万元):
# the forms write these freely, so they are composed here rather than listed.
_MAGNITUDES = "万千百亿"


def unit_pattern(exclude: tuple[str, ...] = ()) -> str:
    """A regular expression of a unit printed after a figure: a unit of :data:`UNITS`
    (longest first, less ``exclude``), or one or two magnitudes (万, 千, 百, 亿) before one
    (``万次``, ``万户``, ``百万元``). Listed units win over composed ones (百分比 is not 百 + 分)."""
    units = [u for u in sorted(_UNITS, key=len, reverse=True) if u not in exclude]
    alt = "|".join(re.escape(u) for u in units)
    return f"(?:{alt}|[{_MAGNITUDES}]{{1,2}}(?:{alt}))"


_UNIT_FULL = re.compile(unit_pattern())


def is_unit(text: str) -> bool:
    """Whether ``text`` is a unit alone (次, 万次, 人次, %): a 度量单位 cell, not a name."""
    return _UNIT_FULL.fullmatch(text) is not None


# A rate's unit: a unit or nothing, then ``/`` and what the figure is counted per, which names
# a unit or a magnitude (15/10万 cases per hundred thousand, 3人/万, 2次/年); ``3/5`` is no unit.
_PER = rf"/(?:\d+(?:\.\d+)?)?(?:{unit_pattern()}|[{_MAGNITUDES}])"
_QUANT = re.compile(
    rf"^(?P<prefix>.*?)(?P<sym>≥|≤|>|<|=)?\s*(?P<num>{_NUMBER})\s*"
    rf"(?P<unit>{_UNIT}(?:{_PER})?|{_PER})?(?P<suffix>.*)$"
)

_QUALITATIVE_HINT = re.compile(r"(达成|完成|达到预期|效果|明显|显著|良好|合格|符合|有效|提升|提高|改善|规范|及时)")

_MAX_PREFIX = 8  # a longer text before the number is a sentence, not a target


# the loops of the words above as one match each (an alternation tries its words in order)
_PERIOD_LEAD = re.compile("|".join(re.escape(p) for p in _PERIODS))
_OPERATOR_LEAD = re.compile("|".join(re.escape(w) for w, _ in _OPERATOR_WORDS))
_OPERATOR_OF = dict(_OPERATOR_WORDS)  # (each word is listed once)
_AFTER_LEAD = re.compile(after_pattern())
_ANY_DIGIT = re.compile(r"\d")
_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=16384)  # a Decimal is immutable; "1.0" and "1.00" are distinct keys
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
    if not _ANY_DIGIT.search(printed):
        return Measure(text=printed, operator=Operator.QUALITATIVE, location=location)
    compact = normalize_signs(_WHITESPACE.sub("", printed))
    operator: Operator | None = None
    period: str | None = None

    rest = compact
    lead = _PERIOD_LEAD.match(rest)
    if lead:
        period = lead.group(0)
        rest = rest[lead.end() :]
    lead = _OPERATOR_LEAD.match(rest)
    if lead:
        operator, rest = _OPERATOR_OF[lead.group(0)], rest[lead.end() :]

    m = _QUANT.match(rest)
    # Only a short label may stand before the number (“满意度100%”); a year such as
    # “2020年…” at the start of a sentence is not a target.
    if m and len(m.group("prefix")) <= _MAX_PREFIX and not _is_year(m):
        suffix = m.group("suffix")
        if len(suffix) <= 6:
            sym = m.group("sym")
            if sym:
                operator = _SIGN_OPERATORS[sym]
            after = _AFTER_LEAD.match(suffix)
            if after:
                operator = _OPERATOR_OF[after.group(0)]
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
