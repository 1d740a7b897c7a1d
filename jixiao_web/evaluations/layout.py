"""The on-screen form: which fields it has, their Chinese labels and input names, how a POST
becomes a ``jixiao/1`` dict, and how two dicts differ (revisions and edit conflicts).

Input names are stable (the end-to-end tests and users' muscle memory rely on them):
``year``, ``unit``, ``duties``, ``staff_authorized``, ``staff_actual``,
``funds-<i>-<column>``, ``goals-<i>-planned|achieved``, ``ind-<i>-<column>``,
``total_weight``, ``total_score``, ``report-<i>-heading|text``.

Rows of the indicator and report tables are added, inserted, moved and deleted in the browser
without a save: each posted row names the stored row it came from in ``<prefix>-<i>-origin``
(blank for a new row), and ``<prefix>-count`` says how many rows were posted.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import QueryDict

from jixiao import bounds
from jixiao.serialize import FORMAT
from jixiao.writers.grid import FUND_COLUMNS as GRID_FUND_COLUMNS

FORM_SOURCE = "表单"

HEADER_TEXT = {
    "unit": "单位名称",
    "supervisor": "主管部门",
    "project": "项目名称",
    "duties": "部门职责",
    "fill_date": "填报日期",
    "conclusion": "评价结论",
    "problems": "存在问题",
    "measures": "改进措施",
}
HEADER_NUMBERS = {"year": "年度", "staff_authorized": "人员编制", "staff_actual": "实有人数"}
TOTAL_NUMBERS = {"total_weight": "总分·分值", "total_score": "总分·得分"}

# the printed column labels of the funds table, as the official forms name them (one list,
# shared with the writers); the screen has no separate 偏差原因 column
FUND_COLUMNS = {k: v for k, v in GRID_FUND_COLUMNS.items() if k != "reason"}
INDICATOR_TEXT = {
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "target": "年度指标值",
    "actual": "实际完成值",
    "deviation": "偏差原因分析及改进措施",
}
INDICATOR_NUMBERS = {"weight": "分值", "score": "得分"}
NATURE_LABEL = "指标性质"
NATURES = ("≥", ">", "=", "≤", "<", "定性")  # jixiao.model.Operator's values

_NATURE_SPELLINGS = {
    ">=": "≥",
    "＞": ">",
    "<=": "≤",
    "＜": "<",
    "＝": "=",
    "大于等于": "≥",
    "小于等于": "≤",
}

# what the 一级/二级 inputs suggest (free text stays allowed): the official frameworks' names
LEVEL1_CHOICES = (
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "投入指标",
    "过程指标",
    "效果指标",
)
LEVEL2_CHOICES = (
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
    "社会公众满意度指标",
    "预算配置",
    "预算执行",
    "预算管理",
    "资产管理",
    "职责履行",
    "履职效益",
)
GOAL_COLUMNS = {"planned": "年初设定目标", "achieved": "全年完成情况"}


def fund_columns(kind: str) -> dict[str, str]:
    """Columns of the funds table: the department table has no 年初预算数."""
    if kind == "project":
        return FUND_COLUMNS
    return {k: v for k, v in FUND_COLUMNS.items() if k != "initial_budget"}


def header_text_fields(kind: str) -> dict[str, str]:
    keep = (
        ("unit", "supervisor", "project", "conclusion", "problems", "measures")
        if kind == "project"
        else (
            "unit",
            "duties",
        )
    )
    return {k: HEADER_TEXT[k] for k in keep}


# -- blank forms -------------------------------------------------------------------------

_DEPARTMENT_FUNDS = [
    ("合计", "source", "total", 0),
    ("（1）财政拨款", "source", "fiscal", 1),
    ("（2）其他资金", "source", "other", 1),
    ("合计", "structure", "total", 0),
    ("（1）基本支出", "structure", "basic", 1),
    ("其中：人员支出", "structure", "personnel", 2),
    ("公用支出", "structure", "public", 2),
    ("（2）项目支出", "structure", "project", 1),
]
_PROJECT_FUNDS = [
    ("年度资金总额", None, "total", 0),
    ("其中：本年财政拨款", None, "fiscal", 1),
    ("上年结转资金", None, "carryover", 1),
    ("其他资金", None, "other", 1),
]
_INDICATOR_SKELETON = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("效益指标", "社会效益指标"),
    ("满意度指标", "服务对象满意度指标"),
]


def blank(kind: str, year: int, unit: str) -> dict[str, Any]:
    """An empty form of the official layout, ready to fill in."""
    rows = _PROJECT_FUNDS if kind == "project" else _DEPARTMENT_FUNDS
    return {
        "format": FORMAT,
        "kind": kind,
        "year": year,
        "unit": unit,
        "money_unit": "万元",
        "staff": {"authorized": None, "actual": None},
        "funds": [
            {
                "label": label,
                "group": group,
                "line": line,
                "depth": depth,
                "weight": Decimal(10) if i == 0 else None,
            }
            for i, (label, group, line, depth) in enumerate(rows)
        ],
        "goals": [{"planned": "", "achieved": ""}],
        "indicators": [
            {"level1": l1, "level2": l2, "name": "", "target": "", "actual": ""}
            for l1, l2 in _INDICATOR_SKELETON
        ],
        "total": {"weight": Decimal(100), "score": None},
        "report": [],
        "source": FORM_SOURCE,
        "layout": "form",
    }


# -- locations: findings point back at form rows ---------------------------------------

_ROW_CELL = {"funds": "资金表第{n}行", "indicators": "指标表第{n}行", "report": "报告第{n}节"}
_CELL_RE = re.compile(r"(资金表|指标表|报告)第(\d+)(?:行|节)")
_CELL_PREFIX = {"资金表": "funds", "指标表": "ind", "报告": "report"}


def relocate(data: dict[str, Any]) -> dict[str, Any]:
    """A copy whose rows are located at their form row (so findings can be shown beside them)."""
    d = copy.deepcopy(data)
    d["source"] = FORM_SOURCE
    for key, pattern in _ROW_CELL.items():
        for n, row in enumerate(d.get(key) or [], start=1):
            row["location"] = f"{FORM_SOURCE}:{pattern.format(n=n)}"
    return d


_SERVER_PATH = re.compile(r"^(?:/|[A-Za-z]:[\\/])[^:]*")


def without_server_paths(data: Any, name: str) -> Any:
    """A copy whose locations name the document (``name``), never a path on the server's
    disk (``/srv/…/uploads/<uuid>.docx:表2 第3行`` → ``原件.docx:表2 第3行``)."""
    if isinstance(data, dict):
        return {
            k: _SERVER_PATH.sub(lambda _: name, v)
            if k in ("location", "source") and isinstance(v, str)
            else without_server_paths(v, name)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [without_server_paths(v, name) for v in data]
    return data


def row_key(location: object) -> str | None:
    """``表单:指标表第3行`` → ``ind-2`` (the id prefix of that row on screen)."""
    m = _CELL_RE.search(str(location or ""))
    if not m:
        return None
    return f"{_CELL_PREFIX[m.group(1)]}-{int(m.group(2)) - 1}"


# -- POST → dict ---------------------------------------------------------------------------


@dataclass
class Parsed:
    data: dict[str, Any]
    errors: dict[str, str]  # input name → message in Chinese
    typed: dict[str, str]  # input name → the text as typed, for each field in ``errors``
    # rows moved, inserted or deleted in the browser: stored key → new key ("ind-3" → "ind-4");
    # "" for a deleted row (its comments and evidence then belong to the whole form)
    moves: dict[str, str] = field(default_factory=dict)


def parse_number(text: str, percent: bool = False) -> Decimal | None:
    """``"198.98"`` → Decimal; ``"106.87%"`` → 106.87; blank/“－” → None; raises ValueError."""
    t = text.strip().replace(",", "").replace("，", "").replace("％", "%")
    if percent:
        t = t.removesuffix("%")
    if t in ("", "-", "－", "—", "/"):
        return None
    try:
        value = Decimal(t)
    except InvalidOperation as exc:
        raise ValueError(t) from exc
    if not value.is_finite():
        raise ValueError(t)
    return value


def _text(post: QueryDict, name: str, default: str | None) -> str | None:
    if name not in post:
        return default
    value = bounds.clean_text(post.get(name, "").replace("\r\n", "\n")).strip()
    return value or None


def from_post(base: dict[str, Any], post: QueryDict) -> Parsed:
    """Apply the posted fields onto a copy of the stored dict. Fields not posted are kept.

    Row structure (labels' meaning, groups, depths) comes from the stored data; indicator
    and report rows can be added (``ind-count``) and deleted (``ind-<i>-delete``).
    """
    d = copy.deepcopy(base)
    errors: dict[str, str] = {}
    typed: dict[str, str] = {}

    def number(name: str, current: Any, bound: bounds.Bound, percent: bool = False) -> Any:
        """The posted number, held to its bound; a bad one is a field error (the stored
        value stays in the data, the typed text is kept to be shown again)."""
        if name not in post:
            return current
        text = post.get(name, "")
        try:
            value = parse_number(text, percent)
        except ValueError:
            errors[name] = f"“{_shown(text)}”不是数字"
        else:
            if (problem := bound.problem(value)) is None:
                return value
            errors[name] = problem
        typed[name] = text
        return current

    kind = d.get("kind") or "department"
    for key in HEADER_TEXT:
        d[key] = _text(post, key, d.get(key))
    d["year"] = number("year", d.get("year"), bounds.YEAR)
    staff = d.setdefault("staff", {})
    staff["authorized"] = number("staff_authorized", staff.get("authorized"), bounds.STAFF)
    staff["actual"] = number("staff_actual", staff.get("actual"), bounds.STAFF)
    total = d.setdefault("total", {})
    total["weight"] = number("total_weight", total.get("weight"), bounds.POINTS)
    total["score"] = number("total_score", total.get("score"), bounds.POINTS)

    for i, row in enumerate(d.get("funds") or []):
        row["label"] = _text(post, f"funds-{i}-label", row.get("label")) or row.get("label") or ""
        for col in fund_columns(kind):
            row[col] = number(
                f"funds-{i}-{col}", row.get(col), bounds.FUND_NUMBERS[col], percent=col == "rate"
            )

    for i, goal in enumerate(d.get("goals") or []):
        for col in GOAL_COLUMNS:
            goal[col] = _text(post, f"goals-{i}-{col}", goal.get(col))

    moves: dict[str, str] = {}
    d["indicators"] = _rows(
        post, "ind", d.get("indicators") or [], _indicator_from_post, number, moves
    )
    d["report"] = _rows(post, "report", d.get("report") or [], _section_from_post, number, moves)
    if "report_title" in post:
        d["report_title"] = _text(post, "report_title", None)
    for v in bounds.violations(d):  # overlong text (numbers were held to their bounds above)
        errors.setdefault(_input_name(v.path), str(v))
    return Parsed(d, errors, typed, {old: new for old, new in moves.items() if old != new})


def _shown(text: str) -> str:
    """Typed text quoted in a message: at most 20 characters of it."""
    return text if len(text) <= 20 else text[:20] + "…"


_INPUT_PREFIX = {"funds": "funds", "indicators": "ind", "report": "report", "goals": "goals"}


def _input_name(path: tuple[str | int, ...]) -> str:
    """The input of a place in the data: ``("indicators", 2, "name")`` → ``ind-2-name``."""
    if len(path) >= 3 and path[0] in _INPUT_PREFIX:
        return f"{_INPUT_PREFIX[str(path[0])]}-{path[1]}-{path[2]}"
    if path[:1] == ("staff",):
        return f"staff_{path[1]}"
    if path[:1] == ("total",):
        return f"total_{path[1]}"
    return str(path[0]) if path else ""


def _rows(
    post: QueryDict,
    prefix: str,
    rows: list[dict[str, Any]],
    build: Any,
    number: Any,
    moves: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """The rows posted under ``prefix``; where rows were moved, inserted or deleted in the
    browser, ``moves`` (when given) records stored key → new key ("" for a deleted row)."""
    moves = {} if moves is None else moves
    count_name = f"{prefix}-count"
    if count_name not in post:
        return rows
    try:
        count = max(0, min(int(post.get(count_name, "0")), 500))
    except ValueError:
        count = len(rows)
    out = []
    origins = any(f"{prefix}-{i}-origin" in post for i in range(count))
    placed: dict[int, int] = {}  # stored row → its place now
    for i in range(count):
        stored: int | None = i if i < len(rows) else None
        if f"{prefix}-{i}-origin" in post:  # the row was moved or inserted in the browser
            origin = post.get(f"{prefix}-{i}-origin", "")
            stored = int(origin) if origin.isdigit() and int(origin) < len(rows) else None
        if post.get(f"{prefix}-{i}-delete"):
            continue
        current = rows[stored] if stored is not None else {}
        row = build(post, f"{prefix}-{i}", dict(current), number)
        if row is not None:
            if stored is not None and stored not in placed:
                placed[stored] = len(out)
            out.append(row)
    if origins or any(post.get(f"{prefix}-{i}-delete") for i in range(count)):
        for n in range(len(rows)):
            moves[f"{prefix}-{n}"] = f"{prefix}-{placed[n]}" if n in placed else ""
    return out


rows_from_post = _rows  # shared with the target table's form (jixiao_web.targets.layout)


def _indicator_from_post(
    post: QueryDict, p: str, row: dict[str, Any], number: Any
) -> dict[str, Any]:
    for col in INDICATOR_TEXT:
        row[col] = _text(post, f"{p}-{col}", row.get(col))
    row["name"] = row.get("name") or ""
    for col in INDICATOR_NUMBERS:
        row[col] = number(f"{p}-{col}", row.get(col), bounds.INDICATOR_NUMBERS[col])
    if f"{p}-target" in post:
        # the operator and unit are read again from the target as typed
        row["operator"] = None
        row["unit"] = None
    if f"{p}-nature" in post:  # 指标性质 chosen apart from the target (blank: as the target says)
        nature = (post.get(f"{p}-nature") or "").strip()
        nature = _NATURE_SPELLINGS.get(nature, nature)
        row["operator"] = nature if nature in NATURES else None
    row.setdefault("sub_item", False)
    return row


def printed_nature(row: dict[str, Any]) -> str:
    """The 指标性质 to show in its own column: the stored operator only where it is not simply
    the one the target's text gives (``≥12次`` gives ≥)."""
    from jixiao.measure import parse_measure

    op = row.get("operator")
    if not op:
        return ""
    target = parse_measure(row.get("target"), None) if row.get("target") else None
    parsed = target.operator.value if target is not None and target.operator else None
    return "" if parsed == op else str(op)


def _section_from_post(
    post: QueryDict, p: str, row: dict[str, Any], number: Any
) -> dict[str, Any] | None:
    row["heading"] = _text(post, f"{p}-heading", row.get("heading")) or ""
    row["text"] = _text(post, f"{p}-text", row.get("text")) or ""
    if not row["heading"] and not row["text"]:
        return None  # the blank “new section” of the report page
    try:
        row["level"] = min(max(int(str(post.get(f"{p}-level") or row.get("level") or 1)[:2]), 1), 9)
    except ValueError:
        row["level"] = 1
    return row


# -- flatten and diff --------------------------------------------------------------------


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def flatten(d: dict[str, Any]) -> dict[str, str]:
    """Every user-visible value of the form, keyed by a Chinese label (in form order)."""
    kind = d.get("kind") or "department"
    out: dict[str, str] = {}
    out["年度"] = _fmt(d.get("year"))
    for key, label in HEADER_TEXT.items():
        if d.get(key) is not None:
            out[label] = _fmt(d.get(key))
    staff = d.get("staff") or {}
    out["人员编制"] = _fmt(staff.get("authorized"))
    out["实有人数"] = _fmt(staff.get("actual"))
    groups = {"source": "资金来源", "structure": "资金结构"}
    for n, row in enumerate(d.get("funds") or [], start=1):
        where = f"资金第{n}行「{row.get('label', '')}」" + (
            f"（{groups[row['group']]}）" if row.get("group") in groups else ""
        )
        for col, label in fund_columns(kind).items():
            out[f"{where}·{label}"] = _fmt(row.get(col))
    for n, goal in enumerate(d.get("goals") or [], start=1):
        for col, label in GOAL_COLUMNS.items():
            out[f"总体目标{n}·{label}"] = _fmt(goal.get(col))
    for n, ind in enumerate(d.get("indicators") or [], start=1):
        for col, label in {**INDICATOR_TEXT, **INDICATOR_NUMBERS}.items():
            out[f"指标第{n}行·{label}"] = _fmt(ind.get(col))
    total = d.get("total") or {}
    out["总分·分值"] = _fmt(total.get("weight"))
    out["总分·得分"] = _fmt(total.get("score"))
    if d.get("report_title") is not None:
        out["报告标题"] = _fmt(d.get("report_title"))
    for n, sec in enumerate(d.get("report") or [], start=1):
        out[f"报告第{n}节·标题"] = _fmt(sec.get("heading"))
        out[f"报告第{n}节·正文"] = _fmt(sec.get("text"))
    return out


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """What changed from ``old`` to ``new``, field by field, in form order."""
    a, b = flatten(old), flatten(new)
    keys = list(a) + [k for k in b if k not in a]
    return [Change(k, a.get(k, ""), b.get(k, "")) for k in keys if a.get(k, "") != b.get(k, "")]


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """No visible difference: the same rows, and the same value in every field."""
    rows = ("funds", "goals", "indicators", "report")
    return all(len(a.get(k) or []) == len(b.get(k) or []) for k in rows) and not diff(a, b)


_TARGET_RE = re.compile(r"(funds|ind|goals|report)-(\d+)")
_TARGET_WORDS = {
    "funds": "资金第{n}行",
    "ind": "指标第{n}行",
    "goals": "总体目标{n}",
    "report": "报告第{n}节",
}


def target_label(key: str) -> str:
    """A comment's place for people: ``ind-2`` → 指标第3行, ``duties`` → 部门职责, ``""`` → 整体."""
    if not key:
        return "整体"
    if m := _TARGET_RE.fullmatch(key):
        return _TARGET_WORDS[m.group(1)].format(n=int(m.group(2)) + 1)
    return HEADER_TEXT.get(key) or HEADER_NUMBERS.get(key) or key
