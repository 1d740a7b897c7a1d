"""Properties of free text that checks test: measurable or not, template instruction or
not, saying nothing, admitting a shortcoming, describing a survey.

These are defined by general properties of the wording (numbers, units, time limits,
standards, imperative instructions, word limits) — not by lists of known bad sentences.
"""

from __future__ import annotations

import re

from jixiao.model import Measure, Num

# -- measurability -----------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_CN_COUNT = re.compile(
    r"[一二两三四五六七八九十百千万]+\s*[个次项件场人户家所篇期批台套辆座名份类条处天月年周]"
)
_TIME_LIMIT = re.compile(
    r"年底|年末|月底|月末|季末|季度末|年内|年度内|当年|按时|按期|如期|及时|限期|规定时间|计划时间|时间内|时限|"
    r"前完成|之前|以前|截止|截至|按计划|计划内|进度"
)
# A standard to compare against: a state (合格, 达标, 无事故 …), a graded result (明显, 提升 …),
# or conformity to a named rule (符合…规定, 按…标准, 国家标准) — not an adjective (高标准、严要求).
_STANDARD = re.compile(
    r"合格|达标|验收|审核通过|通过审核|无(?:重大|安全|违规|违纪|投诉|事故|差错|超)|"
    r"零(?:事故|投诉|差错)|全部|全面完成|全覆盖|足额|到位|是否|达成|完成率|覆盖率|满意|明显|显著|"
    r"提升|提高|改善|降低|减少|增加|增长|好转|有效|不超|不低|不少|以上|以下|以内|≥|≤|＞|＜|>|<|=|"
    # a state adjective that closes the clause (运行良好, 资料完整), not one that qualifies a noun
    # (弘扬良好家风): 良好 …
    r"(?:良好|较好|优良|优秀|较高|稳定|规范|准确|完整|齐全|真实|公开|公示|长期)(?:[。；;，,、]|$)|"
    r"正常运行|持续发挥|"
    r"(?:符合|达到|按照|依照|依据|根据|执行|满足|遵守|按)[^，,。；;]{0,14}(?:标准|规定|要求|规范|制度|办法|规程)|"
    r"(?:国家|行业|省级|市级|验收|技术|质量|相关|有关)(?:标准|规定|规范)"
)
_BINARY = re.compile(r"^(?:是|否|有|无|已完成|完成|未完成)$")


def is_measurable(text: str, measure: Measure | None = None) -> bool:
    """Whether a target states something that can be verified: a number, a count, a time
    limit, a standard or state to compare against (合格, 达标, 按规定, 无事故, 全覆盖 …) or a
    graded qualitative result (达成, 明显, 显著, 提升 …)."""
    if measure is not None and measure.is_quantitative:
        return True
    compact = re.sub(r"\s+", "", text)
    if not compact:
        return True  # blank is a completeness matter, not a slogan
    return bool(
        _DIGIT.search(compact)
        or _CN_COUNT.search(compact)
        or _TIME_LIMIT.search(compact)
        or _STANDARD.search(compact)
        or _BINARY.match(compact)
    )


# -- template instructions ---------------------------------------------------------------

_WORD_LIMIT = re.compile(
    r"[（(]\s*(?:限|不超过|不少于)?\s*\d+\s*字(?:以内|以下|左右|以上)?\s*[)）]"
)
_PLACEHOLDER = re.compile(
    r"(?:XX|xx|××|＊＊|\*\*|〇〇|某某)(?:单位|部门|项目|万元|年|月|日|人|个)|填写说明|请填写|此处填写|在此填写"
)
_IMPERATIVE = re.compile(
    r"^\s*(?:\d+[.、．]\s*)?(?:请|简要|简述|概述|阐述|说明|总结|归纳|分析|列明|列出|填写|填报|对照|结合|针对|根据|从|反映|描述|围绕|包括|主要包括)"
)
_GENERIC = re.compile(
    r"本部门|本单位|部门[（(]单位[)）]|单位[（(]部门[)）]|项目单位|该部门|该单位|该项目"
)
_SCOPE_WORDS = re.compile(
    r"等方面|等情况|等内容|相关情况|有关情况|的情况[。；;]?$|的成效|的意见|建议。?$"
)
_INSTRUCTION_VERBS = re.compile(r"说明|分析|阐述|总结|归纳|衡量|反映|提出|列出|描述|概述")
# the instruction addressed to the unit filling in the form: the verb takes the template's
# generic subject as its object (“简要说明本单位…”, “结合部门职责，阐述部门（单位）…”)
_ADDRESSED = re.compile(
    r"^\s*(?:\d+[.、．]\s*)?(?:[^，,。；;]{1,12}[，,])?(?:请|简要|简述|概述|阐述|说明|总结|归纳|分析|列明|列出|描述|反映)+\s*(?:"
    + _GENERIC.pattern
    + ")"
)
_FIRST_PERSON = re.compile(
    r"我们|我单位|我局|我中心|我部|我委|我办|我院|我站|我所|我会|我镇|我乡|我县|我区|我市|我校|已经|完成了|开展了|实现了"
)


def is_template_instruction(text: str) -> bool:
    """Whether a text is the template's instruction left in place of content.

    Conclusive: a word limit (“(100字以内)”) or a placeholder (“XX单位”, “请填写”).
    Otherwise it must start with an instruction verb (说明, 总结, 对照, 结合 …) and show at
    least four signs: the template's generic subject (本部门, 部门（单位）), that subject as the
    object of the instruction verb (说明本单位…), scope words (等方面, 的情况), several
    instruction verbs, no digit at all, no first-person subject.
    """
    compact = text.strip()
    if not compact:
        return False
    if ("字" in compact and _WORD_LIMIT.search(compact)) or _PLACEHOLDER.search(compact):
        return True
    if not _IMPERATIVE.match(compact):
        return False
    signs = sum(
        (
            bool(_GENERIC.search(compact)),
            bool(_ADDRESSED.match(compact)),
            bool(_SCOPE_WORDS.search(compact)),
            len(_INSTRUCTION_VERBS.findall(compact)) >= 2,
            not _DIGIT.search(compact),
            not _FIRST_PERSON.search(compact),
        )
    )
    return signs >= 4


# -- saying nothing ----------------------------------------------------------------------

_NOTHING = re.compile(
    r"^(?:(?:暂|目前|本年度|今年|当年)?(?:无|没有发现|没有|尚未发现|未发现|不存在|暂未发现)(?:明显|重大|突出)?(?:的)?(?:问题|不足|偏差|措施|建议|改进措施)?|"
    r"略|同上|/|／|-|－|—|——|无此项|不适用|null|none)$",
    re.IGNORECASE,
)


def says_nothing(text: str | None) -> bool:
    """Empty, “无”, “暂无”, “没有问题”, “/” …"""
    if text is None:
        return True
    compact = re.sub(r"[\s。.，,；;：:！!]", "", text)
    return not compact or bool(_NOTHING.match(compact))


# -- admitting shortcomings --------------------------------------------------------------

_ADMISSION = re.compile(
    r"差距|不足|欠缺|缺乏|不够|有待|薄弱|滞后|未能|未完成|不到位|不完善|不健全|不充分|不规范|偏低|较弱|短板|"
    r"困难|(?<![无没暂])问题"
)
_DENIAL = re.compile(r"(?:无|没有|未发现|不存在|暂无)(?:明显|重大|突出)?(?:问题|不足|差距)")


def admits_shortcoming(text: str | None) -> str | None:
    """The words by which a text admits a shortcoming, or None."""
    if text is None or says_nothing(text):
        return None
    cleaned = _DENIAL.sub("", text)
    m = _ADMISSION.search(cleaned)
    return m.group(0) if m else None


# -- surveys -----------------------------------------------------------------------------

_SURVEY = re.compile(
    r"问卷|调查|调研|抽样|抽查|回访|测评|访谈|座谈|样本|评议|打分|走访|发放.{0,6}份|收回|回收"
)
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def describes_survey(text: str | None) -> bool:
    """Whether a text describes how satisfaction was measured (问卷, 调查, 回访 …) in a
    sentence that speaks of satisfaction — or the text is itself about a survey."""
    if not text:
        return False
    for sentence in _SENTENCE_END.split(text):
        if "满意" in sentence and _SURVEY.search(sentence):
            return True
    return False


def survey_words(text: str | None) -> bool:
    return bool(text and _SURVEY.search(text))


# -- labels and placeholders -------------------------------------------------------------

_LABEL_PREFIX = re.compile(r"^(?:其中[:：]?|[（(]\d+[)）]|\d+[.、．])\s*")
PLACEHOLDER = re.compile(r"【\s*(?:待填写|待补充|请填写|待完善|此处填写)[^】]*】")


def plain_label(label: str) -> str:
    """A fund row's label as prose names it: without the table's “其中：”/“（1）” prefixes
    and spaces (“其中：（1）财政拨款” → “财政拨款”)."""
    text = re.sub(r"\s", "", label)
    while (stripped := _LABEL_PREFIX.sub("", text)) != text and stripped:
        text = stripped
    return text.strip(":：")


def year_text(year: Num | int | None) -> str:
    """The year as a title or a sentence names it: its figures (a PDF's “20 16” is 2016)."""
    if year is None:
        return ""
    if isinstance(year, int):
        return str(year)
    if year.value == year.value.to_integral_value():
        return str(int(year.value))
    return str(year)


def placeholders(text: str) -> list[str]:
    """The fill-in marks left in a text (【待填写：偏差原因】 …)."""
    return [m.group(0) for m in PLACEHOLDER.finditer(text)]
