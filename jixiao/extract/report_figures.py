"""Figures stated in the sentences of a report: “2021年决算支出为204.67万元”.

A figure is a number with a unit — money (元, 万元, 亿元, in the unit printed), a head count
(人, 名) or a percentage — and the words naming it. The label is the noun phrase before the
number, read back to the nearest clause boundary (，、：; an unclosed bracket; the previous
figure) and cleaned of list numbering, connectives (为, 达, 共计 …), a leading year and
leading verbs (发放, 用于, 包括 …). What the label means (:class:`FigureKey`) is decided by
its words, not by a list of known labels; anything unrecognised is an ``ITEM`` with its
printed label. Changes (同比增加63.10万元) are not figures of their own.

:func:`scan_figures` also keeps, for each figure, what the prose reader needs to turn it
into a fund row: whether the sentence speaks of a budget or of money spent, and whether it
is a part (其中 …) of an earlier figure of the same sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jixiao.extract.prose_lines import ProseLine, spoken_years
from jixiao.model import Figure, FigureKey, Num

_NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_UNIT = r"\s*(?P<unit>亿元|万元|千元|元|%|％|‰|人(?![次民均])|名(?![额单称次]))(?![/／])"
# the same matches as _NUMBER + _UNIT, the number's first digit matched before the look behind
# it (a pattern opening with a digit is searched only where a digit stands)
FIGURE = re.compile(rf"(?P<num>\d(?<![\d.,]\d)(?:\d{{0,2}}(?:,\d{{3}})+|\d*)(?:\.\d+)?){_UNIT}")
_FIGURE_PLAIN = re.compile(rf"(?P<num>{_NUMBER}){_UNIT}")
MONEY_UNITS = frozenset({"亿元", "万元", "千元", "元"})
_HEAD_UNITS = frozenset({"人", "名"})

_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[。！!？?]")
_BOUNDARY = frozenset("，,、：:；;\t|")
_OPEN = frozenset("(（[【")
_CLOSE = frozenset(")）]】")

_NUMBERING = re.compile(
    r"^(?:\d{1,2}\s*[、.．)）]|[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])\s*"
)
_LEAD = re.compile(
    r"^(?:其中|主要包括|包括|含有|含|另有|另|此外|以及|及|和|并|且|其余|分别为|分别是|分别)[:：,，]?"
    r"|^(?:(?:19|20)\d{2}\s*年度?(?:底|末)?的?)"
    r"|^(?:该|本|我)(?:项目|单位|部门|局|委|办|院|中心|所|站|馆|队)的?(?=.)"
    r"|^.{0,16}?(?:支出|收入|资金|经费|预算|决算|总额)中(?![央心期长小])"
)
_TRAIL = re.compile(
    r"(?:为|是|达到|达|共计|合计|总计|累计|共|约为|约|近|计为|计|总额为|额为|分别为|分别|到位|占|[:：\s])+$"
)
# A verb before the noun: the label is what follows it (发放慰问金 → 慰问金); 转移支付 is a noun.
_VERB = re.compile(
    r"争取到|争取|申请|完成(?![值率数情])|发放|筹集|安排|拨付|下达|(?<!转移)支付|用于|投入|获得|落实|使用|其中|包括"
)
# A change, not an amount: 同比上年度增加63.10万元, 增长14.05%.
_DELTA_END = re.compile(
    r"(?:增加|减少|增长|下降|上升|降低|节约|节省|超支|提高|增|减|多|少|降|超)了?$"
)
# money added to or taken from the budget in the year (年中追加预算50万元): a change too;
# 追加后/调整后 name the budget itself
_SUPPLEMENT = re.compile(r"(?:追加|追减|调增|调减)(?!后)")
_DELTA_ANY = re.compile(r"同比|比上年|较上年|比去年|较去年|上年同期|比年初|较年初")
_MAX_LABEL = 24
_MAX_RAW_LABEL = 80  # how far back a label is looked for
_CONTEXT = 300  # how far back a sentence's words decide budget/actual and parts
_MAX_SENTENCE = 400  # a longer sentence is kept as the window around each figure
_NOT_LABEL = re.compile(r"[≥≤<>=＞＜＝\t]|\s{2,}|\d+\s+\d|\d\s*[-—~～]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TOTAL_WORD = re.compile(r"共计|合计|总计")
_LEAD_DIGITS = re.compile(r"^[\d.%\s]+")
# 补助经费预算10441万元: the row is the 补助经费, 预算 says which column
_BUDGET_TAIL = re.compile(r"(?<=经费|资金|补助)预算(?:数|金额)?$")

# What a money label means. Class keys (what the money was spent on) win over stage keys
# (budget, final accounts, carry-over); a budget word next to a class key makes it an ITEM
# (基本支出预算 is neither the budget total nor the basic spending).
_CLASS_KEYS: tuple[tuple[str, FigureKey], ...] = (
    ("三公", FigureKey.THREE_PUBLIC),
    ("工资福利", FigureKey.WAGES),
    ("商品和服务", FigureKey.GOODS_SERVICES),
    ("商品服务", FigureKey.GOODS_SERVICES),
    ("对个人和家庭", FigureKey.SUBSIDIES),
    ("个人和家庭的补助", FigureKey.SUBSIDIES),
    ("资本性支出", FigureKey.CAPITAL),
    ("其他支出", FigureKey.OTHER_EXPENDITURE),
    ("基本支出", FigureKey.BASIC),
    ("项目支出", FigureKey.PROJECT),
    ("专项支出", FigureKey.PROJECT),
    ("人员经费", FigureKey.PERSONNEL),
    ("人员支出", FigureKey.PERSONNEL),
    ("公用经费", FigureKey.PUBLIC),
    ("公用支出", FigureKey.PUBLIC),
)
_STAGE_KEYS: tuple[tuple[str, FigureKey], ...] = (
    ("财政拨款收入", FigureKey.FISCAL_INCOME),
    # the money granted, spent: 财政拨款支出 is spending (决算), not the grant received
    ("财政拨款支出", FigureKey.FINAL_ACCOUNTS),
    ("财政拨款", FigureKey.FISCAL_INCOME),
    ("决算", FigureKey.FINAL_ACCOUNTS),
    ("执行数", FigureKey.FINAL_ACCOUNTS),
    ("上年结余", FigureKey.CARRYOVER),
    ("上年结转", FigureKey.CARRYOVER),
    ("结转结余", FigureKey.CARRYOVER),
    ("结余", FigureKey.CARRYOVER),
    ("结转", FigureKey.CARRYOVER),
    ("预算", FigureKey.BUDGET),
)
_BUDGET_WORD = re.compile(r"预算|批复|计划|年初|安排")
# Bare 收入 / 支出 with only words of scope before it is the total; 事业收入 is an item.
_GENERIC = re.compile(
    r"^(?:本年度?|全年|当年|年度|部门|单位|本部门|本单位)?(?:实际)?(?:总|合计|总计)?(收入|支出)(?:合计|总计|总额|总数)?$"
)
_STAFF_KEYS: tuple[tuple[str, FigureKey], ...] = (
    ("编外", FigureKey.TEMPORARY),
    ("临聘", FigureKey.TEMPORARY),
    ("聘用", FigureKey.TEMPORARY),
    ("劳务派遣", FigureKey.TEMPORARY),
    ("临时", FigureKey.TEMPORARY),
    ("编制", FigureKey.STAFF_AUTHORIZED),
    ("实有", FigureKey.STAFF_ACTUAL),
    ("在职", FigureKey.STAFF_ACTUAL),
    ("在编", FigureKey.STAFF_ACTUAL),
    ("在岗", FigureKey.STAFF_ACTUAL),
    ("实际人数", FigureKey.STAFF_ACTUAL),
    ("离退休", FigureKey.RETIRED),
    ("退休", FigureKey.RETIRED),
    ("离休", FigureKey.RETIRED),
)
_STAFF_TAIL = re.compile(r"(?:人员|人数|职工|干部|员工|工作人员|工|数|总数)?(?:人数|总数|数)?$")
_KEY_TEXT = re.compile(r"[“”\"‘’'《》「」\s]")

# Words that say whether a sentence speaks of money planned or money spent (the last wins).
_BUDGET_CONTEXT = re.compile(r"预算|批复|计划|安排|下达|预计|核定|年初")
_ACTUAL_CONTEXT = re.compile(
    r"支出|收入|完成|使用|拨付|到位|决算|执行|发放|实际|筹集|(?<!转移)支付|结余|结转|实现"
)
_PART = re.compile(r"其中|包括|含")
_STAFF_PART = re.compile(r"其中|含")
_CLOSED_GROUP = re.compile(r"[(（《][^()（）《》]*[)）》]")
# the words a part is a part of: 项目支出 of “项目支出包括委员活动经费36.3万元”
_OWNER = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:主要)?(?:包括|其中)")


@dataclass(frozen=True, slots=True)
class FigureHit:
    """A figure with what the prose reader needs to make it a fund row."""

    figure: Figure
    budget: bool  # the sentence speaks of money planned (预算, 批复 …), not spent
    part: bool  # a part (其中 / 包括 …) of an earlier figure
    subject: str  # the label's words before its money words (一期项目 of 一期项目市级批复总投资)
    sentence_index: int  # figures of one sentence share it
    owner: str = ""  # for a part, the words before its 包括/其中 (项目支出 of 项目支出包括…)
    plain: bool = False  # no word says planned or spent: a part takes its whole's side


def scan_figures(lines: Sequence[ProseLine]) -> list[FigureHit]:
    """Every figure stated in the lines, in order."""
    hits: list[FigureHit] = []
    sentence_index = 0
    for line in lines:
        text = line.text
        if not _DIGIT.search(text):
            continue
        start = 0
        for end in [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
            if end > start:
                hits.extend(_sentence_hits(line, text[start:end], sentence_index))
                sentence_index += 1
            start = end + 1
    return hits


def _sentence_hits(line: ProseLine, sentence: str, sentence_index: int) -> list[FigureHit]:
    out: list[FigureHit] = []
    prev_end = 0
    first_head: int | None = None  # end of the sentence's first head count
    years = spoken_years(sentence)
    year_positions = [pos for _, pos in years]
    shown = sentence.strip()
    for m in FIGURE.finditer(sentence):
        num_start, num_end = m.start(), m.end()
        unit = m.group("unit")
        raw = _raw_label(sentence, num_start, max(prev_end, num_start - _MAX_RAW_LABEL))
        prev_end = num_end
        if _DELTA_END.search(raw) or _DELTA_ANY.search(raw) or _SUPPLEMENT.search(raw):
            continue
        label = _clean_label(raw)
        if not label:
            continue
        key = _key(label, unit)
        value = _decimal(m.group("num"))
        if key is None or value is None:
            continue
        unit = "%" if unit == "％" else unit
        num = Num(value, sentence[num_start:num_end].replace(" ", ""), unit, line.location)
        context = sentence[max(0, num_start - _CONTEXT) : num_start]
        bare = _CLOSED_GROUP.sub("", context)
        part = bool(_PART.search(bare))
        owner = _owner(bare) if part else ""
        if unit in _HEAD_UNITS:
            if first_head is not None and _staff_part(sentence, first_head, num_start):
                key = FigureKey.ITEM  # 在职12人（其中行政编制8人）: a part of the staff
            first_head = num_end if first_head is None else first_head
        k = bisect_left(year_positions, num_start)
        figure = Figure(
            label,
            num,
            key,
            years[k - 1][0] if k else None,
            shown if len(shown) <= _MAX_SENTENCE else _window(sentence, num_start, num_end),
            line.location,
        )
        out.append(
            FigureHit(
                figure=figure,
                budget=_is_budget(context),
                plain=not (_BUDGET_CONTEXT.search(context) or _ACTUAL_CONTEXT.search(context)),
                part=part,
                subject=subject_of(label),
                sentence_index=sentence_index,
                owner=owner,
            )
        )
    return out


def _owner(context: str) -> str:
    """The words before the last 包括/其中 of a part's context (“” when it opens the sentence)."""
    owner = ""
    for m in _OWNER.finditer(context):
        owner = m.group(1)
    return owner


def _staff_part(sentence: str, first_head: int, num_start: int) -> bool:
    """Whether 其中/含 stands between the sentence's first head count and this one (same clause)."""
    start = max(first_head, num_start - _CONTEXT)
    clause = max(sentence.rfind("；", start, num_start), sentence.rfind(";", start, num_start))
    between = sentence[max(start, clause) : num_start]
    return bool(_STAFF_PART.search(_CLOSED_GROUP.sub("", between)))


def _window(sentence: str, start: int, end: int) -> str:
    """The part of a very long sentence around a figure."""
    half = _MAX_SENTENCE // 2
    return sentence[max(0, start - half) : end + half].strip()


def _raw_label(sentence: str, num_start: int, floor: int) -> str:
    """The words before a number back to the clause boundary (or, for “收入:792万元”, before the colon)."""
    start, colon = _clause_start(sentence, num_start, floor)
    raw = sentence[start:num_start]
    if colon is not None and not _clean_label(raw) and not _TRAIL.sub("", raw).strip():
        before, _ = _clause_start(sentence, colon, floor)
        raw = sentence[before:colon]
    return raw


def _clause_start(sentence: str, end: int, floor: int) -> tuple[int, int | None]:
    """Start of the clause that ends at ``end``; the position of the colon that bounds it, if one does."""
    depth = 0
    i = end - 1
    while i >= floor:
        ch = sentence[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                return i + 1, None
            depth -= 1
        elif depth == 0 and ch in _BOUNDARY:
            return i + 1, i if ch in "：:" else None
        i -= 1
    return floor, None


def _clean_label(raw: str) -> str:
    label = raw.strip()
    for _ in range(4):
        before = label
        label = _NUMBERING.sub("", label)
        label = _LEAD.sub("", label)
        label = _TRAIL.sub("", label).strip()
        if label == before:
            break
    verbs = list(_VERB.finditer(label))
    if verbs and verbs[-1].end() < len(label):
        label = _LEAD.sub("", label[verbs[-1].end() :]).strip()
    if _NOT_LABEL.search(_CLOSED_GROUP.sub("", label)):
        return ""  # table cells run together, not a sentence
    if not label and (total := _TOTAL_WORD.search(raw)):
        return total.group(0)  # “共计400万元”: the total is its own label
    label = _unpaired_quotes(_LEAD_DIGITS.sub("", label.rsplit(" ", 1)[-1]).strip())
    label = _BUDGET_TAIL.sub("", label)
    if not label or len(label) > _MAX_LABEL or not _CJK.search(label):
        return ""
    return label


def _unpaired_quotes(label: str) -> str:
    """Drop quotation marks at either end that have no partner (“三公”经费 keeps its pair)."""
    for left, right in (("“", "”"), ("‘", "’")):
        if label.count(left) != label.count(right):
            label = label.strip(left + right)
    if label.count('"') % 2:
        label = label.strip('"')
    return label


def _last_word(text: str, words: tuple[tuple[str, FigureKey], ...]) -> tuple[int, FigureKey] | None:
    """The key of the word that ends last in the text (the longer one on a tie), and where it ends."""
    best: tuple[int, int, FigureKey] | None = None
    for word, key in words:
        pos = text.rfind(word)
        if pos >= 0 and (best is None or (pos + len(word), len(word)) > best[:2]):
            best = (pos + len(word), len(word), key)
    return (best[0], best[2]) if best is not None else None


def figure_key(label: str) -> FigureKey:
    """What a money label means."""
    text = _KEY_TEXT.sub("", label)
    if found := _last_word(text, _CLASS_KEYS):
        return FigureKey.ITEM if _BUDGET_WORD.search(text) else found[1]
    if found := _last_word(text, _STAGE_KEYS):
        return found[1]
    m = _GENERIC.match(text)
    if m:
        return FigureKey.INCOME if m.group(1) == "收入" else FigureKey.EXPENDITURE
    return FigureKey.ITEM


def staff_key(label: str) -> FigureKey | None:
    """What a head count means, or None when it is not about the unit's staff.

    The staff word must close the label (编制人数, 在职人员, 行政编制): 编制规划培训200人 is
    not the 编制.
    """
    text = _KEY_TEXT.sub("", label)
    found = _last_word(text, _STAFF_KEYS)
    if found is None or not _STAFF_TAIL.match(text, found[0]):
        return None
    return found[1]


def _key(label: str, unit: str) -> FigureKey | None:
    if unit in MONEY_UNITS:
        return figure_key(label)
    if unit in _HEAD_UNITS:
        return staff_key(label)
    return FigureKey.ITEM  # a percentage belongs to its label (执行率, 满意度)


_MONEY_WORD = re.compile(
    r"(?:县级|市级|省级|区级|中央|本级|上级)?(?:批复|总投资|投资|预算|决算|拨款|资金|支出|收入|经费|补助|结余|结转|总额)"
)


_SCOPE_ONLY = re.compile(
    r"^(?:本年度?|全年|当年|上年度?|年度|年初|本项目|该项目|项目|本部门|部门|本单位|单位|总|实际)*$"
)


def subject_of(label: str) -> str:
    """The words of a label before its money words: 一期项目 of 一期项目市级批复总投资
    (none for words of scope only: 年度资金总额, 本年收入)."""
    m = _MONEY_WORD.search(label)
    subject = label[: m.start()] if m else ""
    return "" if _SCOPE_ONLY.match(subject) else subject


def _is_budget(prefix: str) -> bool:
    b = [m.start() for m in _BUDGET_CONTEXT.finditer(prefix)]
    a = [m.start() for m in _ACTUAL_CONTEXT.finditer(prefix)]
    return bool(b) and (not a or b[-1] > a[-1])


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
