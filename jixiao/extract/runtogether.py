"""Run-together text (cells written with no separator, from document-sharing sites) → cells.

Two steps:

1. :func:`split_labels` cuts a line at every known label (column headers, field labels,
   categories, fund rows, section titles); what lies between labels is a *residual*.
2. A residual inside the fund or indicator table is cut by the column structure the header
   announced (:func:`split_fund_values`, :func:`split_indicator_rows`): every way of cutting
   it into typed values (money, percentage, weight, measure) is tried and the most
   consistent one wins — 执行率 = 执行数 ÷ 预算数, 得分 ≤ 分值, target and actual in the same
   unit. ``202010100.00%10`` under 全年预算数/全年执行数/分值/执行率/得分 is 20, 20, 10,
   100.00 %, 10 because 20 ÷ 20 = 100.00 %.

What remains uncertain: qualitative targets and actuals are only split when the two are
the same text (``显著提升显著提升``); an indicator name ending in digits can swallow the
start of its weight when no arithmetic tells them apart.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import accumulate

from jixiao.alternation import Alternation
from jixiao.document import Cell
from jixiao.extract import vocab
from jixiao.extract.figure_spaces import fence as figure_fence
from jixiao.extract.runtogether_bounds import bound_agreement, word_unit_penalty
from jixiao.extract.runtogether_reasons import attach_reasons
from jixiao.extract.trailing_levels import label_points
from jixiao.extract.values import RATE_TOLERANCE
from jixiao.extract.vocab import Role
from jixiao.measure import (
    SIGN_CHARACTERS,
    after_pattern,
    before_pattern,
    is_unit,
    normalize_signs,
    unit_pattern,
)
from jixiao.textnorm import clean, label_key

_ELLIPSIS_ONLY = re.compile(r"[.…。\s]+")


def _with_official(words: tuple[str, ...], table: str) -> tuple[str, ...]:
    """``words`` and the labels of the official and regional templates (extract/vocab_official.py)
    not among them (without brackets: an optional bracket follows every column word; not those
    starting with 项目, which would take the last word of a name: …一次性项目预算执行情况…)."""
    more = (
        w
        for w in vocab.official_labels(table)
        if w not in words and "(" not in w and not w.startswith("项目")
    )
    return words + tuple(more)


_COLUMN_WORDS: tuple[str, ...] = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "年初目标值",
    "年度目标值",
    "目标值",
    "指标值",
    "实际完成值",
    "全年实际值",
    "实际值",
    "完成值",
    "分值",
    "权重",
    "得分",
    "全年预算数",
    "全年执行数",
    "年初预算数",
    "调整后预算数",
    "调整预算数",
    "预算执行数",
    "预算执行率",
    "预算数",
    "执行数",
    "执行率",
    "指标性质",
    "度量单位",
    "未完成原因及拟采取的改进措施",
    "偏差原因分析及改进措施",
    "偏差大或目标未完成原因分析",
    "未完成原因分析",
    "未完成原因分析及改进措施",
    "未完成原因和改进措施",
    "未完成原因及改进措施",
    # the synonyms other hands print (bench/other_hands_text.py)
    "全年预算",
    "年初预算",
    "实际执行数",
    "实际支出",
    "标准分",
    "实际得分",
    "自评得分",
    "评分",
    "计划值",
    "全年完成值",
    "实际完成值",
    "指标名称",
    "计量单位",
    "偏差原因分析",
    "未完成原因",
)
_COLUMN_WORDS = _with_official(_COLUMN_WORDS, "column")
# the short column words (一级/二级/三级) only in a header: before another column word
_SHORT_COLUMN_WORDS = ("一级", "二级", "三级")
_SECTION_WORDS: tuple[str, ...] = (
    "绩效指标",
    "年度总体目标",
    "资金情况",
    "项目资金",
    "预算执行情况",
    "整体资金",
)
_SECTION_WORDS = _with_official(_SECTION_WORDS, "section")
_GOAL_WORDS = (
    "年初设定目标",
    "年度总体目标完成情况综述",
    "预期目标",
    "实际完成情况",
    "全年完成情况",
    "全年实际完成情况",
)
_FUND_WORDS: tuple[str, ...] = (
    "年度资金总额",
    "资金总额",
    "本年财政拨款",
    "当年财政拨款",
    "财政拨款",
    "上年结转资金",
    "其他资金",
    "财政专户管理资金",
    "单位资金",
    "财政资金",
)
_FUND_WORDS = _with_official(_FUND_WORDS, "fund")
_TOTAL_WORDS = ("总分", "合计")
_OPT_PAREN = r"(?:\([^()]{1,12}\))?"
_POINTS = r"(?:\s?\(\s?\d+(?:\.\d+)?\s?分\s?\))?"  # (50分), (50 分)


_LEVEL2_AHEAD = "|".join(
    re.escape(w)
    for w in sorted(
        {*vocab.FRAMEWORK_LEVEL2, *(w for w in vocab.LEVEL2 if w.endswith("指标"))},
        key=len,
        reverse=True,
    )
)


# where a 二级 word of the framework starts a category: after the score of the row above, after
# its 一级's points or right after its 一级 (lookbehinds of one width each)
_AFTER_SCORE_OR_LEVEL1 = (
    "(?:(?<=[\\d)%])|"
    + "|".join(f"(?<={re.escape(w)})" for w in sorted(vocab.FRAMEWORK_LEVEL1))
    + ")"
)


def _add_project_word(alts: list[tuple[int, str]], word: str, suffix: str) -> None:
    """A catalogue label starting with 项目 (项目主管单位, 项目预算执行情况): a name before it may
    end in 项目 too (…改造项目主管部门…). Where the rest is a label of its own (主管单位,
    预算执行情况) the whole word is taken only after a 项目 (…改造项目项目主管单位…: a name does not
    end in 项目项目); otherwise (项目执行单位) wherever it stands."""
    rest = word[2:]
    alone = vocab.field_of(rest) or vocab.section_of(rest) or rest in _SECTION_WORDS
    alts.append((len(word), ("(?<=项目)" if alone else "") + re.escape(word) + suffix))


_FIELD_WORDS = frozenset(w for keys in vocab.FIELD_LABELS.values() for w in keys)


@lru_cache(maxsize=8)
def _label_pattern(extra: tuple[str, ...] = ()) -> Alternation:
    alts: list[tuple[int, str]] = []

    def add(word: str, suffix: str = "") -> None:
        alts.append((len(word), re.escape(word) + suffix))

    for w in _COLUMN_WORDS:
        add(w, _OPT_PAREN)
    header_next = "|".join(re.escape(x) for x in (*_SHORT_COLUMN_WORDS, *_COLUMN_WORDS))
    for w in _SHORT_COLUMN_WORDS:
        add(w, f"(?={header_next})")
    for w in _SECTION_WORDS:
        add(w, r"(?:\((?:万元|元)\))?" + _POINTS)
    alts.append((6, r"年度绩效目标\d*" + _POINTS))
    for w in _GOAL_WORDS:
        add(w)
    for w in _FUND_WORDS:
        alts.append((len(w) + 3, r"(?:其中[:：]?)?" + re.escape(w) + "[:：]?"))
    alts.append((8, r"其中[:：]?(?:本年|当年)?财政拨款[:：]?"))
    for w in ("资金来源", "资金结构", "按收入性质分", "按支出性质分"):
        add(w)
    # structure rows only where figures follow (not “项目支出绩效自评表” in a title)
    alts.append(
        (
            6,
            r"(?:其中[:：]?)?(?:基本支出|人员支出|公用支出|项目支出|人员经费|公用经费)(?= ?[\d\-－/])",
        )
    )
    alts.append((8, r"年度\w{0,4}?资金总额[:：]?"))
    # the total row of a fund block: 资金来源合计898.95869.87… (its figures glued into a run)
    alts.append((6, r"(?:(?<=资金来源)|(?<=资金结构)|(?<=按收入性质分)|(?<=按支出性质分))合计"))
    for w in _TOTAL_WORDS:
        # not “支出合计0.00万元” inside a sentence: a total row carries bare points
        add(w, r"(?![\d.]+\s*(?:万元|元|%|个|人|次|户|项))")
    for keys in vocab.FIELD_LABELS.values():
        for w in keys:
            if len(w) >= 4:
                add(w, r"(?:\((?:盖章|公章)\))?[:：]?")
    seal = r"(?:\((?:盖章|公章)\))?[:：]?"
    for w in vocab.official_labels("field"):
        if len(w) >= 4 and w not in _FIELD_WORDS:
            add(w, seal) if not w.startswith("项目") else _add_project_word(alts, w, seal)
    for w in vocab.official_labels("section"):
        if w.startswith("项目") and w not in _SECTION_WORDS:
            _add_project_word(alts, w, r"(?:\((?:万元|元)\))?" + _POINTS)
    for w in vocab.official_labels("category"):
        if w.endswith("指标") and w not in vocab.LEVEL1 and w not in vocab.LEVEL2:
            add(w, _POINTS)
    for w in (*vocab.SIGNATURE_LABELS, *vocab.EXTRA_LABELS):
        if len(w) >= 3:
            add(w, "[:：]?")
    for w in vocab.LEVEL1:
        if w.endswith("指标"):
            add(w, _POINTS)
        elif len(w) >= 4:
            # 项目决策(10分): a category without 指标 only with its points, or right before a
            # 二级 category (项目决策项目立项…, 项目产出数量指标…)
            add(w, f"(?:{_POINTS[3:-2]}|(?={_LEVEL2_AHEAD}))")
    for w in vocab.LEVEL2:
        if w.endswith("指标"):
            add(w, _POINTS)  # 数量指标(10分): the category's points, not the name's start
    for w in ("自评得分", "自评总分"):
        add(w, r"(?= ?\d{1,3}(?:\.\d{1,2})?(?!\d))")  # 自评得分93 among the header fields
    for w in vocab.FRAMEWORK_LEVEL2:
        # 项目立项 after the score of the row above (…目标量化4项目立项相关性…) or after its
        # 一级 (项目决策(10分)项目目标…); kept only under a 一级 of the framework (see _cut)
        alts.append((len(w), _AFTER_SCORE_OR_LEVEL1 + re.escape(w)))
    # 项目效益项目效益…: the framework's 一级 and its one 二级 of the same name
    alts.append((4, r"项目效益(?=项目效益)|(?<=项目效益)项目效益"))
    for w in extra:  # another table's column labels (the lifecycle's target/monitoring tables)
        add(w, _OPT_PAREN)
    alts.sort(key=lambda a: -a[0])
    return Alternation([a for _, a in alts])


_LABELS = _label_pattern()
# Fund-row and total words count as labels only where figures (or another label) follow.
_ROW_WORD = re.compile(
    "(?:其中[:：]?)?(?:"
    + "|".join(re.escape(w) for w in _FUND_WORDS)
    + r"|年度\w{0,4}?资金总额|总分|合计)[:：]?"
)
_FIGURE_NEXT = re.compile(r"\s*[\d\-－—/.]")
_FOOTNOTE = re.compile(r"(?:备注|注)[:：]\s*\d")


@dataclass(frozen=True, slots=True)
class Piece:
    cell: Cell
    residual: bool


def split_labels(cells: list[Cell], extra: tuple[str, ...] = ()) -> list[Piece]:
    """Cut run-together text at every known label (and at the ``extra`` labels of another
    table). The lines are joined first (a page wrapped at any width cuts cells in two); each
    piece keeps the line it starts on."""
    labels = _label_pattern(extra) if extra else _LABELS
    parts: list[str] = []
    starts: list[tuple[int, Cell]] = []
    at = 0
    for c in cells:
        piece = _CJK_SPACE.sub("", normalize_signs(unicodedata.normalize("NFKC", clean(c.text))))
        starts.append((at, c))
        parts.append(piece)
        at += len(piece)
    text = "".join(parts)
    offsets = [s for s, _ in starts]

    def cell_at(pos: int) -> Cell:
        at, cell = starts[max(0, bisect_right(offsets, pos) - 1)]
        # in a long line, the piece's own column
        return replace(cell, location=cell.location.shifted(pos - at))

    out: list[Piece] = []
    start = 0
    while start < len(text):
        # a footnote (注：1.…) runs to the next form part, or to the end
        foot = _FOOTNOTE.search(text, start)
        end = foot.start() if foot else len(text)
        _cut(out, text, start, end, cell_at, labels)
        if not foot:
            break
        restart = _RESTART.search(text, foot.end())
        stop = restart.start() if restart else len(text)
        out.append(Piece(Cell(text[end:stop], cell_at(end).location), False))
        start = stop
    return out


def _cut(
    out: list[Piece],
    text: str,
    pos: int,
    end: int,
    cell_at: Callable[[int], Cell],
    labels: Alternation = _LABELS,
) -> None:
    matches = list(labels.finditer(text, pos, end))
    held: tuple[re.Match[str], int] | None = None  # a fund row's word printed before its header
    # a 一级 of the project framework came: its 二级 words are labels; so they are when the
    # framework's 一级 are printed with their points after the rows (项目决策 (10 分)…)
    framework = any(
        label_points(m.group(0)) is not None and vocab.in_framework(label_key(m.group(0)))
        for m in matches
    )
    category_end = -1
    in_indicators = False  # an indicator category came: the indicator table's rows follow
    for k, m in enumerate(matches):
        nxt = matches[k + 1].start() if k + 1 < len(matches) else end
        word = m.group(0)
        if _name_ends_in_fund_word(text, pos, m, in_indicators):
            continue  # …管理制度严格执行率100%…: a name ending like a fund column, not one
        key = label_key(word)
        if vocab.is_level1(key) or vocab.is_level2(key):
            in_indicators = True
        if word in _FRAMEWORK_LEVEL2:
            if not framework:
                continue  # “…100%项目实施方案…” outside the framework's table: a name's words
            category_end = m.end()
        elif m.start() == category_end:
            continue  # 投入管理预算执行率10…: the indicator named like a column (预算执行率)
        elif vocab.in_framework(label_key(word)):
            framework = True
        if _ROW_WORD.fullmatch(m.group(0)) and not _FIGURE_NEXT.match(text, m.end()):
            if m.end() == nxt:
                held = _row_before_header(matches, k, text)
                if held:
                    if m.start() > pos:
                        _residual(out, text, pos, m.start(), cell_at)
                    pos = m.end()
                    continue
            elif m.end() < nxt:
                continue  # “中央财政资金支持项目”: a fund word inside a name, not a row
        if _in_brackets(text, pos, m.start(), m.end()):
            continue  # 经费节约率(计算方法为:节约额/预算数): a label's word inside a name's brackets
        if held and k > held[1]:
            # the header's figures follow its last label: the held row word goes before them
            out.append(Piece(Cell(held[0].group(0), cell_at(held[0].start()).location), False))
            held = None
        if (
            m.end() < nxt
            and vocab.section_of(m.group(0)) == "indicator"
            and _SENTENCE_BEFORE.search(text, max(pos, m.start() - 12), m.start())
        ):
            continue  # “主要绩效指标基本完成”: the word inside a sentence, not the table's label
        if framework and m.start() > pos:
            pos = _category_after_header(out, text, pos, cell_at)
        if m.start() > pos:
            _residual(out, text, pos, m.start(), cell_at)
        out.append(Piece(Cell(m.group(0), cell_at(m.start()).location), False))
        pos = m.end()
    if held:  # the header's figures run to the end of the text
        out.append(Piece(Cell(held[0].group(0), cell_at(held[0].start()).location), False))
    if pos < end:
        _residual(out, text, pos, end, cell_at)


def _in_brackets(text: str, pos: int, start: int, end: int) -> bool:
    """A word opened by a bracket that Chinese words follow, and closed shortly after
    (``经费节约率(计算方法为:节约额/预算数)≥3%``): part of the name it explains."""
    opened = text.rfind("(", max(pos, start - 30), start)
    if opened < 0 or ")" in text[opened:start] or opened + 1 == start:
        return False
    closed = text.find(")", end, end + 20)
    return closed >= 0 and "(" not in text[end:closed]


_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]")
_BARE_FUND_WORDS = frozenset({"执行率", "执行数"})


def _name_ends_in_fund_word(text: str, pos: int, m: re.Match[str], in_indicators: bool) -> bool:
    """A fund column word (执行率, 执行数) glued to the words before it inside the indicator
    table: the end of an indicator's name (国家政策性粮收购价格执行率), not a column label."""
    if not in_indicators or m.start() <= pos:
        return False
    if not _HAN_BEFORE.match(text, m.start() - 1):
        return False
    # only the bare words: 预算执行率 / 资金执行率 whole are indicators named like a column
    return label_key(m.group(0)) in _BARE_FUND_WORDS


_FRAMEWORK_LEVEL2 = frozenset(vocab.FRAMEWORK_LEVEL2)
_FRAMEWORK_LEVEL2_AT = re.compile(
    "|".join(re.escape(w) for w in sorted(_FRAMEWORK_LEVEL2, key=len, reverse=True))
)


def _category_after_header(
    out: list[Piece], text: str, pos: int, cell_at: Callable[[int], Cell]
) -> int:
    """``…偏差原因分析及改进措施资金投入预算编制科学性…``: a 二级 of the framework right after the
    indicator header's last column label starts the first row (its 一级 printed elsewhere).
    Where the text goes on."""
    if not out or out[-1].residual or vocab.column_role(label_key(out[-1].cell.text)) is None:
        return pos
    m = _FRAMEWORK_LEVEL2_AT.match(text, pos)
    if not m:
        return pos
    out.append(Piece(Cell(m.group(0), cell_at(pos).location), False))
    return m.end()


_FUND_COLUMN = re.compile(r"预算|执行|拨款|金额|资金")


def _row_before_header(
    matches: list[re.Match[str]], k: int, text: str
) -> tuple[re.Match[str], int] | None:
    """A fund row's word read before the header of its table (年度资金总额年初预算数全年预算数
    …执行率64.8…: a scan read the row's first cell ahead of the header row): the word and the
    index of the header's last label, when fund column labels follow it back to back and
    figures follow them; None otherwise."""
    last, at = None, matches[k].end()
    for j in range(k + 1, min(len(matches), k + 8)):
        m = matches[j]
        if (
            m.start() != at
            or not _FUND_COLUMN.search(m.group(0))
            or _ROW_WORD.fullmatch(m.group(0))
        ):
            break
        last, at = j, m.end()
    if last is None or last == k + 1 or not _FIGURE_NEXT.match(text, at):
        return None
    return matches[k], last


# a sentence runs on before the word: a comma or words of a sentence close before it
_SENTENCE_BEFORE = re.compile(r"[，,、；;][^，,。；;]{0,10}$")

# Where a footnote ends: the next part of a form begins (项目名称, a 自评表 title,
# 年度总体目标, an indicator header 一级指标二级指标).
_RESTART = re.compile(
    r"项目名称|绩效目标自评表|绩效自评表|年度总体目标|(?:绩效指标)?一级指标二级指标"
)


# spaces between Chinese characters (产 出 指 标): gone before labels are matched
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff(（])")
_ROW_NUMBER = re.compile(
    r"(?=指标\s*\d+\s*[:：])|(?=[(（]\d{1,2}[)）](?!\d))|(?<=[\d%亩人个次只头户元米吨])(?=其中)"
)


def _residual(
    out: list[Piece], text: str, start: int, end: int, cell_at: Callable[[int], Cell]
) -> None:
    """Text between labels; cut again before each numbered item (``指标6：``, ``(2)``)."""
    piece = text[start:end]
    at = start
    for part in _ROW_NUMBER.split(piece):
        stripped = part.strip(" :：")
        if stripped:
            where = at + part.index(stripped[0])
            out.append(Piece(Cell(stripped, cell_at(where).location), True))
        at += len(part)


# -- typed values ------------------------------------------------------------------------------

# an operator before a figure (jixiao.measure's table), or 约 (an approximate figure)
_OP = f"(?:{before_pattern(printed=True)}|约)"
# a unit after a figure (万次, 万户 composed as in jixiao.measure); not the Latin ones, which
# would cut a name
_UNIT_RE = re.compile(unit_pattern(exclude=("m", "kg", "km")))
_OP_RE = re.compile(_OP + "[ \u3000]?")  # (≥ 86%: a space typed after the sign)
_NATURE_RE = re.compile(f"[{SIGN_CHARACTERS}]|定性|正向|反向")
_QUALITATIVE_NATURE = re.compile(r"定性(?=[\u4e00-\u9fff])")
_BARE_ZERO = re.compile(r"[^\d]*0[^\d.]*")
_NUMBER_PART = re.compile(r"^[^\d]*[\d.]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# where a value may begin after a name run into it: a figure, or a sign or comparison word of
# jixiao.measure's table as printed (the cells of a stream reach the cutter unnormalised); the
# cutter weighs every place it proposes, so words a name may hold (达到, 高于) are proposed too
_BREAK = re.compile(r"\d|" + before_pattern(printed=True))


def _dec(s: str) -> Decimal | None:
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _valid_number(s: str) -> bool:
    if not s or s.startswith(".") or s.endswith("."):
        return False
    return not (len(s) > 1 and s[0] == "0" and s[1] != ".")


def _number_prefixes(s: str, pos: int, max_int: int = 9) -> list[int]:
    """End positions of the valid numbers starting at ``pos`` (every cut of a digit run)."""
    m = _DIGITS.match(s, pos)
    if not m:
        return []
    run = m.group(0)
    dot = run.find(".")
    whole = dot if dot >= 0 else len(run)  # the digits before the point
    if run[0] == "0" and whole > 1:
        return [pos + 1]  # 0 alone: no number starts 05
    # every cut of the whole part up to max_int digits, then (after the point, when the whole
    # part fits) every cut with one or more decimals; never a cut right after the point
    ends = [pos + k for k in range(1, min(whole, max_int) + 1)]
    if dot >= 0 and whole <= max_int:
        ends += [pos + k for k in range(dot + 2, len(run) + 1)]
    return ends


def _unit_closes(s: str, pos: int) -> bool:
    """A unit right after a number closes that value: %, a unit of two or more characters,
    or one character not followed by more Chinese (``9088单项业务成本`` is not 9088单)."""
    if s[pos : pos + 1] == "%":
        return True
    unit = _UNIT_RE.match(s, pos)
    if not unit:
        return False
    after = s[unit.end() : unit.end() + 1]
    return len(unit.group(0)) >= 2 or not ("\u4e00" <= after <= "\u9fff")


def _tokens_for(role: Role, s: str, pos: int, total: bool = False) -> list[int]:
    """Where a value of this role starting at ``pos`` may end (``total``: a 总分 row, whose
    points may exceed 100 when the form's weights do)."""
    if pos < len(s) and s[pos] in "-－—/／":
        return [pos + 1]  # a printed blank (－, /) holds the column
    if (
        s[pos : pos + 1] == "一"
        and role not in (Role.TARGET, Role.ACTUAL)
        and not ("\u4e00" <= s[pos + 1 : pos + 2] <= "\u9fff")
    ):
        return [pos + 1]  # an OCR'd dash (一) among figures: 505.64一90.69%
    if role in (Role.WEIGHT, Role.SCORE):
        limit = 1000 if total else 100
        return [e for e in _number_prefixes(s, pos, 4) if (_dec(s[pos:e]) or 0) <= limit]
    if role in (Role.INITIAL, Role.BUDGET, Role.SPENT):
        ends = _number_prefixes(s, pos)
        # an amount printed with its unit (10万10万100%20): the unit closes it
        return ends + [e + len(u.group()) for e in ends if (u := _MONEY_UNIT.match(s, e))]
    if role == Role.RATE:
        return [e + 1 for e in _number_prefixes(s, pos, 3) if e < len(s) and s[e] == "%"]
    if role in (Role.TARGET, Role.ACTUAL):
        ends = []
        if s[pos : pos + 1] == "一":
            ends.append(pos + 1)  # an OCR'd dash (一) for a blank cell: 10一100%9
        date = _DATE_TEXT.match(s, pos)
        if date:
            return [*ends, date.end()]  # “2021年12月完成” is one value, not 2021年 and 12
        free = _free_text_end(s, pos)
        if free:
            ends.append(free)
        garbled = _garbled_figure_end(s, pos)
        if garbled:
            ends.append(garbled)
        op = _OP_RE.match(s, pos)
        start = op.end() if op else pos
        prefixes = _number_prefixes(s, start)
        if prefixes and _unit_closes(s, prefixes[-1]):
            prefixes = prefixes[-1:]  # “≥266米”: a number with its unit is one value
        for e in prefixes:
            ends.append(e)
            unit = _UNIT_RE.match(s, e)
            if unit:
                ends.append(unit.end())
        # a bound written after the figure: 90%以上, 300万元以内, 120亩及以上
        ends += [b.end() for e in list(ends) if (b := _BOUND_AFTER.match(s, e))]
        return ends
    return []


_BOUND_AFTER = re.compile(after_pattern())
_MONEY_UNIT = re.compile(r"万元|万(?![\u4e00-\u9fff])|元(?![\u4e00-\u9fff])")
# the tail of a value, its unit and bound (份以上, 万元以内, 以上): no name starts so (94%以上 cut
# as 9 / 4 and a row named %以上)
_VALUE_TAIL = re.compile(f"(?:{unit_pattern()})?{after_pattern()}")


# a date or a deadline as a target or actual: 2021年12月完成, 2022年6月底前, 12月31日前完成
_DATE_TEXT = re.compile(
    r"(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?)"
    r"(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前|内)?(?:完成|完工|结束|办结|到位)?(?=\d|$|[^\d年月日])"
)
# free text of a qualitative value, up to the figure that closes it (the score after it)
_FREE_STOP = re.compile(f"[\\d{SIGN_CHARACTERS}]")


def _free_text_end(s: str, pos: int) -> int | None:
    """Where a qualitative value written out in words ends: at the next figure (目标明确、内容
    细化4 → the score 4 follows), when the words are at least two Chinese characters and start
    like words, not like a value or a unit."""
    m = _FREE_STOP.search(s, pos)
    if not m or not s[m.start()].isdigit() or m.start() - pos < 2 or m.start() - pos > _MAX_NAME:
        return None
    words = s[pos : m.start()]
    if not _HAN.match(words) or len(_HAN.findall(words)) < 2 or _UNIT_RE.match(words):
        return None
    if _OP_RE.fullmatch(words):
        return None  # 不低于30: an operator leads a figure, it is no value in words
    return m.start()


# a figure whose leading digits a scan misread as a letter (M.8万元 for 14.8万元): a Latin
# letter, the rest of the figure and a unit that closes it; it still holds its column
_GARBLED_FIGURE = re.compile(r"[A-Za-z](?:\d*\.\d+|\d+)(?=\D)")


def _garbled_figure_end(s: str, pos: int) -> int | None:
    """Where a garbled figure with its unit (``M.8万元``) starting at ``pos`` ends; None when
    no unit closes it (``A3`` may be a code, not a figure)."""
    m = _GARBLED_FIGURE.match(s, pos)
    if not m or (pos and s[pos - 1].isascii() and s[pos - 1].isalpha()):
        return None
    if not _unit_closes(s, m.end()):
        return None
    if s[m.end()] == "%":
        return m.end() + 1
    unit = _UNIT_RE.match(s, m.end())
    return unit.end() if unit else None


def _half_unit(printed: str) -> Decimal:
    """Half a unit of the last printed digit (96.38 → 0.005): the rounding of a rate."""
    decimals = len(printed.partition(".")[2])
    return Decimal(5).scaleb(-decimals - 1)


def _score_fund(values: dict[Role, str]) -> float:
    values = {r: v for r, v in values.items() if v not in ("-", "－", "—", "/", "／")}
    filled = [v for v in values.values() if v]
    score = 0.3 * len(filled)
    budget, spent, rate = values.get(Role.BUDGET), values.get(Role.SPENT), values.get(Role.RATE)
    if budget and spent and rate:
        b, a, r = _dec(budget), _dec(spent), _dec(rate.rstrip("%"))
        if b and a is not None and r is not None:
            computed = a / b * 100
            if r == 0:
                score += 6 if a == 0 else -2
            elif abs(computed - r) <= _half_unit(rate.rstrip("%")):
                score += 6.5  # the printed rate, rounded to its own digits
            else:
                score += 6 if abs(computed - r) < RATE_TOLERANCE else -2
        elif b == 0 and r == 0:
            score += 3
    elif budget and spent:
        if budget == spent:
            score += 1.5
        elif len(budget.split(".")[0]) == len(spent.split(".")[0]):
            score += 0.5
    initial = values.get(Role.INITIAL)
    if initial and budget and initial == budget:
        score += 1.2  # the budget printed twice (年初预算数 = 全年预算数), as in most forms
    money = [v for v in (initial, budget, spent) if v]
    if len(money) >= 2 and len({len(v.partition(".")[2]) for v in money}) == 1:
        score += 0.5  # one row prints its money with one number of decimals
    w, s = values.get(Role.WEIGHT), values.get(Role.SCORE)
    if w and s:
        score += 0.3 if (_dec(s) or 0) <= (_dec(w) or 0) else -3
    score -= 0.8 * sum(1 for v in filled if v == "0")
    return score


class _TooMuchWork(Exception):
    """Hostile or garbled input: stop searching and keep the text as it is."""


_MAX_STEPS = 6000
_ROW_COST = 1.0  # every row must pay for itself: no cutting one name into two rows
_MAX_FUND_RUN = 60
_MAX_INDICATOR_RUN = 600
_MAX_NAME = 80


class _Steps:
    def __init__(self) -> None:
        self.n = 0

    def tick(self) -> None:
        self.n += 1
        if self.n > _MAX_STEPS:
            raise _TooMuchWork


def _cuts_in_digits(text: str, ends: list[int]) -> int:
    """How many cuts fall between two digits (a number split in two)."""
    return sum(1 for e in ends if 0 < e < len(text) and text[e - 1].isdigit() and text[e].isdigit())


@lru_cache(maxsize=1024)
def split_fund_values(
    text: str, roles: tuple[Role, ...], total: bool = False, complete: bool = False
) -> tuple[str, ...] | None:
    """Cut a run of fund figures by the header's columns: one value per column, ``""`` for a
    blank column (trailing blanks left out); None when it cannot be cut. ``complete``: every
    column is expected to be filled (分值 and 得分 at the end of a row)."""
    best: tuple[float, list[str]] | None = None
    # figures parted by single spaces: each space is a cut, no figure is cut inside
    fence = figure_fence(text) if " " in text.strip() else None
    if fence is not None:
        text = fence.text
    if len(text) > _MAX_FUND_RUN:
        return None
    steps = _Steps()
    ends: dict[tuple[int, int], list[int]] = {}
    finishes: dict[tuple[int, int], bool] = {}

    def tokens(j: int, pos: int) -> list[int]:
        if (j, pos) not in ends:
            found = _tokens_for(roles[j], text, pos, total)
            if fence is not None:
                found = [e for e in found if not fence.crosses(pos, e)]
            ends[(j, pos)] = found
        return ends[(j, pos)]

    def can_finish(pos: int, j: int) -> bool:
        """Whether the rest of the text can be read by the columns from j on (memoised:
        it does not depend on the values taken so far)."""
        key = (pos, j)
        if key not in finishes:
            if pos == len(text):
                finishes[key] = True
            elif j >= len(roles):
                finishes[key] = False
            else:
                finishes[key] = can_finish(pos, j + 1) or any(
                    can_finish(e, j + 1) for e in tokens(j, pos)
                )
        return finishes[key]

    def plausible(taken: dict[Role, str]) -> bool:
        """Budget, spending and the initial budget of one row are of one order of magnitude
        (a rate far above 1000 % is a wrong cut, not a form)."""
        money: list[Decimal] = []
        for r in (Role.INITIAL, Role.BUDGET, Role.SPENT):
            value = _dec(taken[r]) if r in taken else None
            if value:
                money.append(value)
        return len(money) < 2 or max(money) <= 20 * min(money)

    def walk(pos: int, j: int, taken: dict[Role, str], order: list[str]) -> None:
        nonlocal best
        steps.tick()
        if pos == len(text):
            value_ends = [e for e, v in zip(accumulate(map(len, order)), order, strict=True) if v]
            cuts: float = _cuts_in_digits(text, value_ends)
            if fence is not None:
                cuts += fence.penalty(value_ends)
            sc = _score_fund(taken) - 0.3 * (j - len(taken)) - 0.7 * cuts
            if complete:
                sc -= 0.5 * (len(roles) - len(taken))
            if best is None or sc > best[0]:
                best = (sc, list(order))
            return
        if j >= len(roles):
            return
        role = roles[j]
        before = taken.get(role)  # a header may name one role twice (分值 权重): keep the first's
        for end in tokens(j, pos):
            if not can_finish(end, j + 1):
                continue
            taken[role] = text[pos:end]
            if plausible(taken):
                order.append(text[pos:end])
                walk(end, j + 1, taken, order)
                order.pop()
            if before is None:
                del taken[role]
            else:
                taken[role] = before
        if can_finish(pos, j + 1):
            order.append("")
            walk(pos, j + 1, taken, order)  # this column is blank
            order.pop()

    try:
        if not can_finish(0, 0):
            return None
        walk(0, 0, {}, [])
    except (_TooMuchWork, RecursionError):
        return None
    if best is None:
        return None
    values = best[1]
    while values and values[-1] == "":
        values.pop()
    return tuple(values)


def _score_indicator(values: dict[Role, str]) -> float:
    score = float(len(values))
    score -= 0.8 * sum(1 for v in values.values() if _BARE_ZERO.fullmatch(v))
    w, s = values.get(Role.WEIGHT), values.get(Role.SCORE)
    if w and s:
        score += 1.5 if (_dec(s) or 0) <= (_dec(w) or 0) else -4
    t, a = values.get(Role.TARGET), values.get(Role.ACTUAL)
    if t and a:
        ut, ua = (_BOUND_WORDS.sub("", _NUMBER_PART.sub("", v)) for v in (t, a))
        if ut == ua:
            score += 1
        elif ut and ua:
            score -= 1  # two units that differ; an actual printed without its unit is common
        score += bound_agreement(t, a, w, s)
        score -= word_unit_penalty(values.get(Role.UNIT), t, a)
    elif t and _HAN.match(t) and not _DIGITS.search(t):
        score -= 0.1  # one value in words: the finding (实际完成情况), its standard left blank
    return score


# a bound around the unit (11月底前 / 11月, 90%以上 / 91%) is no other unit
_BOUND_WORDS = re.compile(r"(?:底|末)?(?:之前|以前|前)$|" + after_pattern() + "$")


def _chain(
    text: str,
    pos: int,
    roles: tuple[Role, ...],
    steps: _Steps,
    ends: dict[tuple[Role, int], list[int]] | None = None,
    words: dict[int, tuple[re.Match[str] | None, str | None]] | None = None,
) -> list[tuple[int, tuple[tuple[Role, str], ...]]]:
    """Every way of reading the value columns from ``pos``: (end, values), in the order they are
    found; each is scored by :func:`_reading` only when a row uses it. ``ends``: where a value
    of a role may end, kept from the chains read from other places of ``text``; ``words``: the
    stock phrase and the doubled value at a place, kept likewise."""
    out: list[tuple[int, tuple[tuple[Role, str], ...]]] = []
    if ends is None:
        ends = {}
    if words is None:
        words = {}
    got: list[tuple[Role, str]] = []  # the values taken so far (one list, grown and shrunk)
    n_roles = len(roles)
    n_text = len(text)

    def tokens(role: Role, p: int) -> list[int]:
        key = (role, p)
        if key not in ends:
            ends[key] = _tokens_for(role, text, p)
        return ends[key]

    def qualitative(p: int) -> tuple[re.Match[str] | None, str | None]:
        """A stock phrase and a doubled value starting at ``p`` (kept with ``ends``)."""
        if p not in words:
            words[p] = (_PHRASE.match(text, p), _doubled_text(text, p))
        return words[p]

    def walk(p: int, j: int, filled: int) -> None:
        """``filled``: how many of the values taken so far are not blank."""
        steps.n += 1  # (steps.tick(), inlined: the commonest call of a reading)
        if steps.n > _MAX_STEPS:
            raise _TooMuchWork
        if j == n_roles or p == n_text:
            if filled:
                out.append((p, tuple(got)))
            return
        role = roles[j]
        if role in (Role.NATURE, Role.UNIT):
            m = (_NATURE_RE if role == Role.NATURE else _UNIT_RE).match(text, p)
            if m:
                got.append((role, m.group(0)))
                walk(m.end(), j + 1, filled + (m.end() > p))
                got.pop()
            got.append((role, ""))
            walk(p, j + 1, filled)
            got.pop()
            return
        for e in tokens(role, p):
            got.append((role, text[p:e]))
            walk(e, j + 1, filled + (e > p))
            got.pop()
        if role in (Role.TARGET, Role.ACTUAL):
            phrase, doubled = qualitative(p)
            if phrase:
                got.append((role, phrase.group(0)))
                walk(phrase.end(), j + 1, filled + 1)
                got.pop()
            if doubled and role == Role.TARGET and roles[j + 1 : j + 2] == (Role.ACTUAL,):
                # the target printed twice only where an actual column follows to hold it
                got.append((Role.TARGET, doubled))
                got.append((Role.ACTUAL, doubled))
                walk(p + 2 * len(doubled), j + 2, filled + 2)
                del got[-2:]
        got.append((role, ""))
        walk(p, j + 1, filled)  # a blank column (其中… rows have no 分值)
        got.pop()

    walk(pos, 0, 0)
    return out


# Stock phrases of the templates for qualitative targets and actuals: where a name ends and
# its values begin when no figure shows it (“…影响程度效果明显达成预期指标1010”).
_PHRASE = re.compile(
    "|".join(
        sorted(
            (
                "达成预期指标",
                "达成预期目标",
                "达成年度指标",
                "达到预期目标",
                "达到预期",
                "效果明显",
                "效果显著",
                "成效明显",
                "明显改善",
                "显著提升",
                "明显提升",
                "有所提升",
                "逐步提升",
                "持续提升",
                "符合要求",
                "符合规定",
                "符合相关规定",
                "按时完成",
                "全部完成",
                "基本完成",
                "已完成",
                "长期有效",
                "持续发挥",
                "效果良好",
            ),
            key=len,
            reverse=True,
        )
    )
)


def _breaks(text: str, pos: int, last: int) -> list[int]:
    """Where values may begin, from ``pos`` up to ``last``: a figure or operator, or a stock
    qualitative phrase (each pattern searched from ``pos`` as before, its matches read only up
    to ``last``; each place once)."""
    found: set[int] = set()
    # (a match that starts by ``last`` ends, lookahead included, before ``last + _BREAK_ROOM``:
    # the search may stop there)
    stop = last + _BREAK_ROOM
    for pattern in _BREAK_PATTERNS:
        for m in pattern.finditer(text, pos, stop):
            if m.start() > last:
                break
            found.add(m.start())
    return sorted(found)


# a printed blank (－, —, or an OCR'd 一 is not told apart here) right after a name's words and
# before the next value: the blank target (绩效指标明确性-目标明确、细化、量化54)
_BLANK_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fff])[-－—](?=[\u4e00-\u9fff\d])")


# the judged indicators of the project framework are named “…性” (立项依据充分性, 资金使用合规性):
# a value written in words may begin right after it (预算编制科学性预算编制经过论证22)
_NAME_END = re.compile(r"(?<=[\u4e00-\u9fff][\u4e00-\u9fff]性)(?=[\u4e00-\u9fff])")


_BREAK_PATTERNS = (_BREAK, _PHRASE, _NAME_END, _BLANK_AFTER_NAME)
_BREAK_ROOM = 16  # more than the longest match (6) and its lookahead (1): tested


def _doubled_text(text: str, pos: int) -> str | None:
    """``显著提升显著提升`` → ``显著提升``: a qualitative target repeated as the actual."""
    m = _BREAK.search(text, pos)
    run = text[pos : m.start() if m else len(text)]
    for h in range(len(run) // 2, 1, -1):
        if run[:h] == run[h : 2 * h]:
            return run[:h]
    return None


# an empty cell a program printed (nan, None, null) glued after a row's last figure
_EXPORTED_BLANK = re.compile(r"(?<=\d) ?(?:nan|NaN|None|null|NULL)(?![A-Za-z])")
# a blank mark ending the text after its last figure
_BLANK_REASON = re.compile(r"(?<=\d)\s*(?:[-－—–/／]+|无)\s*$")


@lru_cache(maxsize=1024)
def split_indicator_rows(text: str, roles: tuple[Role, ...]) -> tuple[tuple[str, ...], ...] | None:
    """Cut ``name values name values …`` into rows (name first) by the value columns."""
    value_roles = roles
    if roles and roles[-1] == Role.DEVIATION:
        # the reason column's blank after a row's last figure (2020nan, 88-, 55无 at the end):
        # no name starts with it
        text = _BLANK_REASON.sub("", _EXPORTED_BLANK.sub("", text))
    memo: dict[int, tuple[float, list[tuple[str, ...]]] | None] = {}
    # words run together, figures between single spaces: the spaces are certain boundaries
    fence = figure_fence(text) if " " in text else None
    if fence is not None:
        text = fence.text
    if len(text) > _MAX_INDICATOR_RUN:
        return None
    steps = _Steps()
    chains: dict[int, list[tuple[int, tuple[tuple[Role, str], ...]]]] = {}
    ends: dict[tuple[Role, int], list[int]] = {}
    words: dict[int, tuple[re.Match[str] | None, str | None]] = {}
    plausible: dict[tuple[int, int], bool] = {}
    readings: dict[int, _Reading] = {}  # by id() of a chain's reading, worked out when first used

    def chain_at(start: int) -> list[tuple[int, tuple[tuple[Role, str], ...]]]:
        if start not in chains:
            found = _chain(text, start, value_roles, steps, ends, words)
            chains[start] = found if fence is None else _fenced(fence, start, found)
        return chains[start]

    def reading(c: tuple[int, tuple[tuple[Role, str], ...]]) -> _Reading:
        r = readings.get(id(c))
        if r is None:
            r = readings[id(c)] = _reading(text, len(value_roles), *c)
        return r

    def name_ok(pos: int, end: int) -> bool:
        key = (pos, end)
        if key not in plausible:
            plausible[key] = _plausible_name(text[pos:end])
        return plausible[key]

    # by start: the readings of chain_at(start) that can win a row, each with the best rows
    # after it (both independent of where the row's name begins)
    contenders: dict[int, list[tuple[_Reading, tuple[float, list[tuple[str, ...]]]]]] = {}
    doubled_ending: dict[int, list[int]] = {}  # by end: where a doubled value may begin

    def rows_from(pos: int) -> tuple[float, list[tuple[str, ...]]] | None:
        if pos == len(text):
            return (0.0, [])
        if pos in memo:
            return memo[pos]
        best: tuple[float, list[tuple[str, ...]]] | None = None
        # (a name runs _MAX_NAME characters at most; a unit before a value takes two more)
        starts = _breaks(text, pos + 1, pos + _MAX_NAME + 2)
        if Role.NATURE in value_roles:
            # a 指标性质 column: 定性 before a value in words ends the name (…生活改善定性明显改善…;
            # not the 定性 of 稳定性≥99%, whose next value is a figure)
            window = _QUALITATIVE_NATURE.finditer(text, pos + 1, pos + _MAX_NAME + 2)
            starts = sorted({*starts, *(m.start() for m in window)})
        if Role.UNIT in value_roles:
            # a 计量单位 column before the target: the unit ends the name (…数量台不低于30)
            starts = sorted(
                {*starts, *(s - k for s in starts for k in (1, 2) if _unit_before(text, pos, s, k))}
            )
        for start in starts:
            if start - pos > _MAX_NAME:
                break
            if text[start - 1].isdigit() or text[start - 1] == ".":
                continue  # values do not start in the middle of a number
            if not name_ok(pos, start):
                continue
            candidates: list[tuple[_Reading, tuple[float, list[tuple[str, ...]]]]] = []
            if start not in doubled_ending:  # (pos >= start - _MAX_NAME: all that can count)
                doubled_ending[start] = _doubled_starts(text, max(0, start - _MAX_NAME), start)
            doubled = [d for d in doubled_ending[start] if d >= pos + 2]
            for at in (start, *doubled):
                if at not in contenders:
                    kept = []
                    for c in chain_at(at):
                        rest = rows_from(c[0])
                        if rest is not None:
                            kept.append((reading(c), rest))
                    contenders[at] = _contenders(kept)
                candidates += contenders[at]
            for r, rest in candidates:
                if not name_ok(pos, r.value_start):
                    continue
                if fence is not None and fence.crosses(pos, r.value_start):
                    continue  # a name holds no printed space here
                penalty = (0.2 if text[r.value_start - 1].isdigit() else 0.0) + r.cuts
                if fence is not None:
                    penalty += _fence_penalty(fence, r)
                penalty += r.cut_before
                if r.points and text.startswith("其中", pos, r.value_start):
                    penalty += 2.0  # 其中… breakdown rows carry no points of their own
                total = r.score + rest[0] - penalty - _ROW_COST
                if best is None or total > best[0]:
                    best = (total, [(text[pos : r.value_start], *r.values), *rest[1]])
        if best is None and _plausible_name(text[pos:]) and not _BREAK.search(text, pos):
            best = (0.0, [(text[pos:],)])  # a name without values (or a …… placeholder)
        elif best is None and _ELLIPSIS_ONLY.fullmatch(text[pos:]):
            best = (0.0, [])
        memo[pos] = best
        return best

    try:
        result = rows_from(0)
    except (_TooMuchWork, RecursionError):
        return None
    return attach_reasons(tuple(result[1]), roles) if result else None


def _fenced(
    fence, start: int, found: list[tuple[int, tuple[tuple[Role, str], ...]]]
) -> list[tuple[int, tuple[tuple[Role, str], ...]]]:
    """The chains whose values hold no printed space (figure_spaces.py)."""
    kept = []
    for c in found:
        at, ok = start, True
        for _, v in c[1]:
            if v and fence.crosses(at, at + len(v)):
                ok = False
                break
            at += len(v)
        if ok:
            kept.append(c)
    return kept


def _fence_penalty(fence, r: _Reading) -> float:
    """What the printed spaces say of the reading's cuts: none for a cut between two digits
    where a space stood (no doubt about it), more for one inside a figure printed between
    spaces (``22.5`` as 2 | 2.5)."""
    cuts, at = [r.value_start], r.value_start
    for v in r.values[:-1]:
        at += len(v)
        cuts.append(at)
    return fence.penalty(cuts)


def _contenders(
    kept: list[tuple[_Reading, tuple[float, list[tuple[str, ...]]]]],
) -> list[tuple[_Reading, tuple[float, list[tuple[str, ...]]]]]:
    """The readings of one chain (each with the best rows after it) that may still win a row,
    in their order. A row's total is ``reading.score + rest - penalty - _ROW_COST``, where,
    for readings of one chain, the penalty differs only by the reading's cuts and points: of
    the readings alike in those, one whose ``score + rest`` falls short of the best by more
    than 1e-9 can never reach the best's total (the sums stay far below 10**6, so rounding
    moves them by less than 1e-9) and is left out; the rest keep their order, so the first
    of the best still wins."""
    if len(kept) < 2:
        return kept
    best: dict[tuple[bool, float], float] = {}
    sums = []
    for r, rest in kept:
        key = (r.points, r.cuts)
        total = r.score + rest[0]
        sums.append((key, total))
        if key not in best or total > best[key]:
            best[key] = total
    return [k for k, (key, total) in zip(kept, sums, strict=True) if total >= best[key] - 1e-9]


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way of reading the value columns (from :func:`_chain`), with what the rows' scoring
    needs of it worked out once: where its values start, the printed values (trailing blanks
    dropped), the penalties of cuts between two digits, and whether it carries points."""

    score: float
    end: int
    value_start: int
    values: tuple[str, ...]
    cuts: float  # 1.0 per cut between two digits among the values
    cut_before: float  # 1.0 when the values start in the middle of a number
    points: bool  # a 分值 or 得分 is filled


def _reading(text: str, n_roles: int, end: int, got: tuple[tuple[Role, str], ...]) -> _Reading:
    filled = {r: v for r, v in got if v}
    score = _score_indicator(filled) - 0.5 * (n_roles - len(filled))
    value_start = _value_start(text, end, got)
    ends, at = [], value_start
    for _, v in got:
        at += len(v)
        ends.append(at)
    values = [v for _, v in got]
    while values and values[-1] == "":
        values.pop()
    return _Reading(
        score,
        end,
        value_start,
        tuple(values),
        1.0 * _cuts_in_digits(text, ends[:-1]),
        1.0 if _cuts_in_digits(text, [value_start]) else 0.0,
        any(v for r, v in got if r in (Role.WEIGHT, Role.SCORE)),
    )


_HAN = re.compile(r"[\u4e00-\u9fff]")
_TWO_HAN = re.compile(r"[\u4e00-\u9fff][^\u4e00-\u9fff]*[\u4e00-\u9fff]")
_VALUE_START = re.compile(f"[\\d{SIGN_CHARACTERS}.%\\-－—/]")
_VALUE_CHAR = re.compile("[≥≤≧≦⩾⩽%]")


def _unit_before(text: str, pos: int, start: int, k: int) -> bool:
    """``k`` characters before a value's start are a unit (a 计量单位 cell after the name)."""
    return start - k > pos + 1 and bool(_UNIT_RE.fullmatch(text, start - k, start))


def _plausible_name(name: str) -> bool:
    """An indicator name: two Chinese characters at least, not starting like a value."""
    if not _TWO_HAN.search(name) or _VALUE_START.match(name) or _VALUE_TAIL.match(name):
        return False
    if name[-1] in "-－—/(（:：":
        return False  # “取得2018-”: cut inside a range or before its closing part
    return not _VALUE_CHAR.search(name) and not is_unit(name)


def _value_start(text: str, end: int, got: tuple[tuple[Role, str], ...]) -> int:
    return end - sum(len(v) for _, v in got)


def _doubled_starts(text: str, lo: int, hi: int) -> list[int]:
    """Positions in text[lo:hi] where a doubled qualitative value (``显著提升显著提升``) runs to hi."""
    out = []
    for p in range(lo + (hi - lo) % 2, hi - 3, 2):  # runs of an even length, four at least
        half = (hi - p) // 2
        if text[p] == text[p + half] and text[p : p + half] == text[p + half : hi]:
            out.append(p)
    return out


# -- a cell holding several values, in a grid row ------------------------------------------------

# figures run together in one cell, too long to look like one value (150.00130.0086.67%,
# 2174.4398.91%－): money, rates and printed blanks, at least two of them
_GLUED_FIGURES = re.compile(r"\d+(?:\.\d+)?%?(?:[-－—]|\d+(?:\.\d+)?%?)+")
_TWO_FIGURES = re.compile(r"\.\d+\.|\d%.|\d[-－—]")


def glued_figures(text: str) -> bool:
    """Whether a cell holds several figures written together (no words)."""
    t = text.strip()
    return bool(_GLUED_FIGURES.fullmatch(t) and _TWO_FIGURES.search(t))


def split_cell_in_row(
    values: tuple[str, ...], at: int, roles: tuple[Role, ...]
) -> tuple[str, ...] | None:
    """The row's value cells with ``values[at]`` cut into several values (``1622.1397.18%`` →
    ``1622.13``, ``97.18%``; ``1010`` → 10, 10), as many as the row lacks columns at most (the
    last columns may be blank): every cut into values of the columns it covers is scored on
    the whole row (执行率 = 执行数 ÷ 预算数, 得分 ≤ 分值), so that the figures of the other
    cells take part; None when no cut reads the cell whole."""
    most = len(roles) - len(values) + 1
    if most < 2 or at >= len(values) or len(values[at]) > _MAX_FUND_RUN:
        return None
    text = values[at]
    best: tuple[float, list[str]] | None = None
    for pieces in range(2, most + 1):
        for cut in _cuts_by_columns(text, roles[at : at + pieces]):
            row = [*values[:at], *cut, *values[at + 1 :]]
            mapping = dict(zip(roles, row, strict=False))
            funds = {r: v for r, v in mapping.items() if r in _FUND_SCORED}
            score = _score_fund(funds) + _score_indicator(
                {r: v for r, v in mapping.items() if r not in _FUND_SCORED and v}
            )
            score -= 0.7 * _cuts_in_digits(text, list(accumulate(map(len, cut)))[:-1])
            if best is None or score > best[0]:
                best = (score, cut)
    if best is None:
        return None
    return (*values[:at], *best[1], *values[at + 1 :])


def _cuts_by_columns(text: str, span: tuple[Role, ...], limit: int = 200) -> list[list[str]]:
    """Every cut of ``text`` into one value of each column of ``span`` (at most ``limit``)."""
    cuts: list[list[str]] = []

    def walk(pos: int, j: int, got: list[str]) -> None:
        if len(cuts) > limit:
            return
        if j == len(span):
            if pos == len(text):
                cuts.append(list(got))
            return
        for end in _tokens_for(span[j], text, pos):
            if end > pos:
                walk(end, j + 1, [*got, text[pos:end]])

    walk(0, 0, [])
    return cuts


_FUND_SCORED = frozenset({Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE})
