"""Target and monitoring tables: a :class:`~jixiao.document.Document` → lifecycle records.

The same readers as the self-evaluation turn the file (text in a table layout, .docx, .xlsx,
.xls, .pdf) into cells; this module maps the labels of 绩效目标表 and 运行监控表 onto
:mod:`jixiao.lifecycle.model`.

The indicator block is found by its header row (一级指标 … 三级指标/指标名称 …). Rows that
are shorter than the header (flattened exports, merged cells dropped by a text export) are
placed by their *anchors*: a cell that can only be a 一级 or 二级 category, a 指标性质
symbol, a direction (正向/反向) or a 完成目标可能性 word fixes its column; cells between two
anchors fill the columns just before the later one. One file may hold several projects
(Sichuan's 一体化 export): a row with a project name and an amount starts the next table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jixiao.document import Cell, Document, Paragraph, Table
from jixiao.errors import ReadError
from jixiao.lifecycle import vocab
from jixiao.lifecycle.model import (
    Cause,
    FundRowLite,
    Likelihood,
    MonitorIndicator,
    MonitoringTable,
    Stage,
    TableKind,
    TargetIndicator,
    TargetTable,
)
from jixiao.measure import parse_measure, parse_number
from jixiao.model import Location, Measure, Num, Operator, Text
from jixiao.textnorm import clean, label_key

# Project-level columns of multi-project exports (单位名称 | 项目名称 | 预算数 | 年度目标 | …).
_PROJECT_COLUMNS = (
    ("单位名称", "p_unit"),
    ("项目名称", "p_project"),
    ("预算数", "p_amount"),
    ("年度目标", "p_goal"),
)
_LEVEL1 = re.compile(r"^(产出|效益|效果|满意度|成本)(指标)?$")
_LEVEL2 = re.compile(
    r"^(数量|质量|时效|进度|成本|经济效益|社会效益|生态效益|生态环境效益|可持续影响|"
    r"服务对象满意度|社会公众或服务对象满意度|经济成本|社会成本|生态环境成本)(指标)?$"
)
_OPERATORS = {
    "≥": Operator.GE,
    ">=": Operator.GE,
    "＞＝": Operator.GE,
    "≤": Operator.LE,
    "<=": Operator.LE,
    "＜＝": Operator.LE,
    ">": Operator.GT,
    "＞": Operator.GT,
    "<": Operator.LT,
    "＜": Operator.LT,
    "=": Operator.EQ,
    "＝": Operator.EQ,
    "定性": Operator.QUALITATIVE,
}
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_MONEY_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元|千元|亿元)")
# the same as words of their own in a line (not 实施单位：… or 单位：万元 in a longer word)
_MONEY_UNIT_WORDS = re.compile(
    r"(?:(?<=\s)|^)(?:金额)?单位\s*[:：]\s*(?:万元|元|千元|亿元)(?=\s|$)"
)
_BLANK = {"", "-", "－", "—", "/", "／", "无"}
_HEADER_KEYS = tuple((label_key(label), k) for label, k in vocab.HEADER_FIELDS)
# longest label first: 指标值设定依据 is not 指标值
_COLUMN_KEYS = tuple(sorted(vocab.INDICATOR_COLUMNS, key=lambda lk: -len(lk[0])))
NO_INDICATORS = "未读到绩效指标（表头应有“一级指标”“三级指标/指标名称”“指标值”等列）"
# text layouts whose cells may come in reading order without the rows
_STREAM_LAYOUTS = frozenset({"vertical", "other", "spaced"})
_PUNCT_ONLY = re.compile(r"[)）\]】:：,，.。]*")
_UNIT_SUFFIX = re.compile(r"\((万元|元|千元|亿元)\)$")
# a header label with its colon inside a cell (项目名称：某某  主管部门：某局  单位：万元):
# the cell holds several fields; the longest label first (单位名称 is not 单位)
_FIELD_IN_CELL = re.compile(
    "(?:"
    + "|".join(
        re.escape(label)
        for label in sorted(
            {label for label, _ in vocab.HEADER_FIELDS} | {"金额单位", "单位"},
            key=len,
            reverse=True,
        )
    )
    + r")\s*(?:[(（](?:盖章|公章)[)）])?\s*[:：]"
)
_MONEY_WORDS = frozenset({"万元", "元", "千元", "亿元"})


# -- loading -------------------------------------------------------------------------------


def load_document(path: Path) -> Document:
    """Any supported file → Document, with the same refusals as the self-evaluation reader."""
    from jixiao.readers import load_document as load

    return load(path)


def read_stage_file(path: Path | str) -> tuple[Stage, ...]:
    """Read a target table (one or several projects) or a monitoring table from a file
    (.json: the jixiao/1 dict of one table, or a list of them)."""
    path = Path(path)
    if path.suffix.lower() == ".json" and path.is_file():
        return _read_json(path)
    document = load_document(path)
    return read_stages(document)


def _read_json(path: Path) -> tuple[Stage, ...]:
    from jixiao.lifecycle.serialize import stage_from_dict
    from jixiao.serialize import loads

    try:
        data = loads(path.read_text(encoding="utf-8-sig"))
        items = data if isinstance(data, list) else [data]
        return tuple(stage_from_dict(d) for d in items)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReadError(str(path), f"不是有效的绩效目标表/监控表 JSON：{exc}") from exc


def read_stage_text(text: str, source: str = "<文本>") -> tuple[Stage, ...]:
    from jixiao.readers.text import parse_text

    if not text.strip():
        raise ReadError(source, "文件是空的（只有空白）")
    return read_stages(parse_text(text, source))


# -- what the document is --------------------------------------------------------------------


def title_text(document: Document, lines: int = 6) -> str:
    """The first few non-empty texts of the document (its title, whatever the layout)."""
    out: list[str] = []
    for block in document.blocks:
        texts = (
            [block.text]
            if isinstance(block, Paragraph)
            else [" ".join(c.text for c in row) for row in block.rows]
        )
        for t in texts:
            if t.strip():
                out.append(clean(t))
            if len(out) >= lines:
                return "\n".join(out)
    return "\n".join(out)


def sniff_kind(document: Document) -> TableKind | None:
    """Which lifecycle table the document is, or None for anything else (a self-evaluation)."""
    return kind_of_title(title_text(document))


def kind_of_title(title: str) -> TableKind | None:
    """Which lifecycle table a document's first lines name, or None."""
    title = re.sub(r"\s+", "", title)
    if any(w in title for w in vocab.TITLE_SELF_EVALUATION):
        return None
    if any(w in title for w in vocab.TITLE_MONITORING):
        return TableKind.MONITORING
    for word in vocab.TITLE_NOT_TARGET:
        title = title.replace(word, "")
    if any(w in title for w in vocab.TITLE_TARGET):
        if any(w in title for w in vocab.TITLE_DEPARTMENT):
            return TableKind.DEPARTMENT_TARGET
        return TableKind.PROJECT_TARGET
    return None


# -- rows ----------------------------------------------------------------------------------


def _rows(document: Document) -> list[list[Cell]]:
    """Every physical row of every table, and each paragraph as a one-cell row, in order; the
    logical rows rebuilt from the cells where the text gives no rows (one cell per line,
    run-together text)."""
    # the text gives rows where a table of it has an indicator header row (a title line of
    # two fields, 单位名称：… ⇥ 单位：万元, is no table of rows)
    if document.layout in _STREAM_LAYOUTS and not any(
        isinstance(b, Table) and any(len(r) > 1 and _header(list(r)) for r in b.rows)
        for b in document.blocks
    ):
        from jixiao.lifecycle.stream import stream_rows

        cells = [
            Cell(text, c.location)
            for b in document.blocks
            for c in (
                [Cell(b.text, b.location)]
                if isinstance(b, Paragraph)
                else [c for r in b.rows for c in r if c.text.strip()]
            )
            # 单位：万元 is read with the title: in a stream it would be taken for a cell
            if (text := _MONEY_UNIT_WORDS.sub("", c.text).strip())
        ]
        return stream_rows(cells, document.layout == "other", _header)
    rows: list[list[Cell]] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            parts = re.split(r"\s*[|｜]\s*", block.text) if "|" in block.text else [block.text]
            rows.append([Cell(p, block.location) for p in parts])
        else:
            for row in block.rows:
                cells = [c for c in row if not c.merged]
                while cells and not cells[-1].text.strip():
                    cells.pop()
                if cells:
                    rows.append(cells)
    return rows


def _key(text: str) -> str:
    return label_key(text)


def _column_key(text: str) -> str | None:
    key = _key(text)
    if not key:
        return None
    m = vocab.CUTOFF.search(key)
    if m and ("执行情况" in key or "完成情况" in key):
        return "progress"
    for label, k in _COLUMN_KEYS:
        if key.startswith(label):
            return k
    return None


def _header(cells: list[Cell]) -> dict[int, str] | None:
    """The column map of an indicator header row, or None."""
    keys = {i: k for i, c in enumerate(cells) if (k := _column_key(c.text))}
    values = set(keys.values())
    if not ({"name", "level1", "level2"} & values) or not (
        {"target", "progress", "likelihood", "weight", "nature"} & values
    ):
        return None
    for i, c in enumerate(cells):
        key = _key(c.text)
        for label, k in _PROJECT_COLUMNS:
            if key == label and i not in keys:
                keys[i] = k
    # 绩效指标 | 一级指标 | 指标名称 …: the merged title column holds the 一级, and the column
    # printed “一级指标” holds the 二级 (黄石 monitoring table); 绩效指标 | 一级指标 | 二级指标
    # with no name column: each printed level holds the next, “二级指标” the names (鄂州).
    first = _key(cells[0].text)
    if first in {"绩效指标", "指标"} and keys.get(1) == "level1" and "level2" not in values:
        keys[0], keys[1] = "level1", "level2"
    elif (
        first in {"绩效指标", "指标"}
        and keys.get(1) == "level1"
        and keys.get(2) == "level2"
        and "name" not in values
    ):
        keys[0], keys[1], keys[2] = "level1", "level2", "name"
    return keys


def _anchor(text: str) -> str | None:
    t = _key(text)
    if not t:
        return None
    if _LEVEL1.match(t):
        return "level1"
    if _LEVEL2.match(t):
        return "level2"
    if t in _OPERATORS:
        return "nature"
    if t in {"正向", "反向", "正向指标", "反向指标"}:
        return "direction"
    if t in {"确定能", "有可能", "不可能"}:
        return "likelihood"
    if t in vocab.RECTIFY_WORDS:
        return "rectify"
    return None


def _place(cells: list[Cell], header: dict[int, str]) -> dict[str, Cell]:
    """Cells of a data row → column key. Rows as long as the header are positional."""
    width = max(header) + 1
    if len(cells) >= width:
        return {header[i]: c for i, c in enumerate(cells) if i in header}
    column_of = {k: i for i, k in sorted(header.items(), reverse=True)}
    anchors = [
        (i, column_of[a]) for i, c in enumerate(cells) if (a := _anchor(c.text)) and a in column_of
    ]
    # 成本指标 is a 一级 (财政部 2021 style) or a 二级 under 产出指标: the 二级 after a 一级
    anchors = [
        (i, column_of["level2"])
        if k and col == anchors[k - 1][1] == column_of.get("level1") and "level2" in column_of
        else (i, col)
        for k, (i, col) in enumerate(anchors)
    ]
    # keep anchors in increasing column order
    kept: list[tuple[int, int]] = []
    for i, col in anchors:
        if not kept or (col > kept[-1][1] and col - kept[-1][1] >= i - kept[-1][0]):
            kept.append((i, col))
    anchored = bool(kept)
    if not kept:
        m = next((i for i, c in enumerate(cells) if _money(c.text) is not None), None)
        if m is not None and "p_amount" in column_of and column_of["p_amount"] >= m:
            kept = [(m, column_of["p_amount"])]
        else:
            kept = [(0, min(header))]
    placed: dict[int, Cell] = {}
    first_i, first_col = kept[0]
    for k in range(first_i):  # before the first anchor: just before it
        placed[first_col - first_i + k] = cells[k]
    for n, (i, col) in enumerate(kept):
        placed[col] = cells[i]
        nxt = kept[n + 1] if n + 1 < len(kept) else None
        between = cells[i + 1 : nxt[0]] if nxt else cells[i + 1 :]
        gap = [j for j in range(col + 1, nxt[1] if nxt else width) if j in header]
        if (
            anchored
            and len(between) < len(gap)
            and (fitted := _fit(between, gap, header)) is not None
        ):
            placed |= fitted  # blank cells dropped (one cell per line): placed by their shape
        elif nxt:  # fill just before the next anchor
            for k, c in enumerate(reversed(between)):
                placed[nxt[1] - 1 - k] = c
        else:
            for k, c in enumerate(between):
                placed[col + 1 + k] = c
    return {header[i]: c for i, c in placed.items() if i in header}


def _fit(cells: list[Cell], columns: list[int], header: dict[int, str]) -> dict[int, Cell] | None:
    """Fewer cells than columns between two anchors: the name first (text that is no value),
    then each cell in the column its shape fits (:func:`jixiao.extract.values.align`)."""
    from jixiao.extract.values import align, looks_like_value
    from jixiao.lifecycle.stream import role_of_key, unnumbered

    if not cells:
        return {}
    out: dict[int, Cell] = {}
    names = [j for j in columns if header[j] == "name"]
    if names and not looks_like_value(unnumbered(cells[0].text)):
        out[names[0]] = cells[0]
        cells = cells[1:]
        columns = [j for j in columns if j > names[0]]
    roles = [role_of_key(header[j]) for j in columns]
    at = align([c.text for c in cells], roles)
    if any(a is None for a in at):
        return None
    out |= {columns[a]: c for a, c in zip(at, cells, strict=True) if a is not None}
    return out


def _money(text: str) -> Decimal | None:
    t = clean(text).replace("万元", "").replace("万", "").replace("元", "").strip()
    if not re.fullmatch(r"[-+]?[\d,]+(?:\.\d+)?", t):
        return None
    return parse_number(t)


def _num(cell: Cell | None, unit: str | None = None) -> Num | None:
    if cell is None:
        return None
    printed = clean(cell.text).strip()
    value = _money(printed.rstrip("%％"))
    if value is None:
        return None
    if printed.endswith(("%", "％")):
        unit = "%"
    return Num(value, printed, unit, cell.location)


def _text(cell: Cell | None) -> Text | None:
    if cell is None:
        return None
    t = clean(cell.text).strip()
    if t in _BLANK:
        return None
    return Text(t, cell.location)


# -- the indicator rows ------------------------------------------------------------------------


@dataclass
class _Block:
    """What has been read of one table so far."""

    fields: dict[str, Text] = field(default_factory=dict)
    amount: Num | None = None
    funds: list[FundRowLite] = field(default_factory=list)
    indicators: list[dict[str, Cell]] = field(default_factory=list)
    cutoff: int | None = None


def _target_measure(row: dict[str, Cell]) -> tuple[Measure | None, Operator | None, Text | None]:
    """指标值, combined with 指标性质 and 度量单位 printed in their own columns."""
    nature_text = _key(row["nature"].text) if "nature" in row else ""
    nature = _OPERATORS.get(nature_text)
    unit = _text(row.get("unit"))
    cell = row.get("target")
    if cell is None or not clean(cell.text).strip():
        return None, nature, unit
    printed = clean(cell.text).strip()
    compose = printed
    if (
        nature is not None
        and nature != Operator.QUALITATIVE
        and not printed.startswith(tuple(_OPERATORS))
    ):
        compose = nature.value + printed
    if unit is not None and not printed.endswith(unit.text):
        compose += unit.text
    m = parse_measure(compose, cell.location)
    if m is None:
        return None, nature, unit
    if nature == Operator.QUALITATIVE:  # a number under 定性 is kept: JX-T009 reports it
        m = Measure(printed, Operator.QUALITATIVE, m.number, m.unit, None, cell.location)
    elif unit is not None:  # the 度量单位 column is what the form declares
        m = Measure(printed, m.operator, m.number, unit.text, m.period, cell.location)
    else:
        m = Measure(printed, m.operator, m.number, m.unit, m.period, cell.location)
    if m.unit is None and m.number is not None:
        # value and unit in one cell with a unit the measure parser does not know: “≥80M”
        um = re.fullmatch(r"[^\d]*[\d.,]+\s*([A-Za-z\u4e00-\u9fff/%]{1,6})", printed)
        if um:
            m = Measure(printed, m.operator, m.number, um.group(1), m.period, cell.location)
    return m, nature, unit


def _likelihood(text: str) -> Likelihood | None:
    t = _key(text)
    for word in ("不可能", "有可能", "确定能"):
        if word in t:
            return Likelihood(word)
    if t in {"能", "可以"}:
        return Likelihood.CERTAIN
    if t in {"不能"}:
        return Likelihood.IMPOSSIBLE
    if t == "可能":
        return Likelihood.POSSIBLE
    return None


def cause_category(text: str | None) -> Cause | None:
    """Which of the five 偏差原因 categories a printed cause names (其他 when none)."""
    if not text:
        return None
    for word, cause in vocab.CAUSE_WORDS:
        if word in text:
            return cause
    return Cause.OTHER


def _yes_no(text: str | None) -> bool | None:
    if not text:
        return None
    t = _key(text)
    if t in vocab.NO_WORDS or t.startswith(("否", "不需要", "无需")):
        return False
    if t in vocab.YES_WORDS or t.startswith(("是", "需要")):
        return True
    return None


def _name(row: dict[str, Cell]) -> Text | None:
    from jixiao.textnorm import strip_numbering

    for key in ("name", "target", "progress"):
        t = _text(row.get(key))
        if t is not None and key != "name" and _anchor(t.text):
            continue
        if t is not None:
            return Text(strip_numbering(t.text), t.location)
    return None


def _target_indicator(
    row: dict[str, Cell], level1: Text | None, level2: Text | None, long_term: bool
) -> TargetIndicator | None:
    name = _text(row.get("name"))
    target, nature, unit = _target_measure(row)
    if name is None:  # a row with a value but no 三级 name is kept: JX-T005 reports it
        first = next((c for c in row.values() if c.text.strip()), None)
        if target is None or first is None:
            return None
        name = Text("", first.location)
    from jixiao.textnorm import strip_numbering

    direction_text = _key(row["direction"].text) if "direction" in row else ""
    direction = next((d for w, d in vocab.DIRECTION_WORDS if w in direction_text), None)
    core_text = _key(row["core"].text) if "core" in row else ""
    return TargetIndicator(
        name=Text(strip_numbering(name.text) if name.text else "", name.location),
        level1=level1,
        level2=level2,
        target=target,
        nature=nature,
        measure_unit=unit,
        weight=_num(row.get("weight")),
        direction=direction,
        standard=_text(row.get("standard")),
        explanation=_text(row.get("explanation")),
        previous=_text(row.get("previous")),
        core=core_text in {"是", "√", "核心", "核心指标", "★"},
        long_term=long_term,
        location=name.location,
    )


def _monitor_indicator(
    row: dict[str, Cell], level1: Text | None, level2: Text | None
) -> MonitorIndicator | None:
    name = _name(row)
    if name is None:
        return None
    target, _, _ = _target_measure(row)
    progress = row.get("progress")
    forecast = row.get("forecast")
    cause = _text(row.get("cause"))
    likelihood = _likelihood(row["likelihood"].text) if "likelihood" in row else None
    return MonitorIndicator(
        name=name,
        level1=level1,
        level2=level2,
        target=target,
        progress=parse_measure(clean(progress.text), progress.location) if progress else None,
        forecast=parse_measure(clean(forecast.text), forecast.location) if forecast else None,
        likelihood=likelihood,
        cause=cause,
        cause_category=cause_category(cause.text) if cause else None,
        remedy=_text(row.get("remedy")),
        rectify=_yes_no(row["rectify"].text) if "rectify" in row else None,
        rectify_requirement=_text(row.get("rectify_requirement")),
        rectify_result=_text(row.get("rectify_result")),
        location=name.location,
    )


# -- the document ------------------------------------------------------------------------------


def read_stages(document: Document, kind: TableKind | None = None) -> tuple[Stage, ...]:
    """Every target table (one per project) or the monitoring table in a document."""
    kind = kind or sniff_kind(document)
    if kind is None:
        raise ReadError(
            document.source, "不是绩效目标表或运行监控表（标题中应有“绩效目标”或“监控”字样）"
        )
    title = title_text(document)
    year_m = _YEAR.search(title)
    unit_m = _MONEY_UNIT.search(title.replace(" ", ""))
    money_unit = unit_m.group(1) if unit_m else "万元"
    blocks: list[_Block] = [_Block()]
    header: dict[int, str] | None = None
    fund_header: dict[int, str] | None = None
    in_long_term = False
    levels: list[Text | None] = [None, None]
    rows_of: list[list[tuple[dict[str, Cell], Text | None, Text | None, bool]]] = [[]]

    for cells in _rows(document):
        if all(_PUNCT_ONLY.fullmatch(c.text.strip()) for c in cells):
            continue  # the end of a wrapped label (“）”): no row
        first = _key(cells[0].text)
        if "实施期绩效指标" in first or "长期绩效指标" in first:
            in_long_term = True
        elif "本年度绩效指标" in first or "年度绩效指标" in first:
            in_long_term = False
        new_header = _header(cells)
        if new_header is not None:
            header, fund_header = new_header, None
            continue
        fh = _fund_header(cells)
        if fh is not None:
            fund_header, header = fh, None
            m = vocab.CUTOFF.search("".join(c.text for c in cells))
            if m:
                blocks[-1].cutoff = int(m.group(1))
            continue
        if header is not None and not first.startswith(vocab.BLOCK_END):
            placed = _place(cells, header)
            if "p_project" in placed or ("p_amount" in placed and "name" not in placed):
                project = _text(placed.get("p_project"))
                if project is None:  # a department subtotal row: its unit only
                    if (u := _text(placed.get("p_unit"))) is not None:
                        blocks[-1].fields.setdefault("unit", u)
                    continue
                if rows_of[-1] or "project" in blocks[-1].fields:
                    unit = blocks[-1].fields.get("unit")
                    blocks.append(_Block())
                    rows_of.append([])
                    if unit is not None:
                        blocks[-1].fields["unit"] = unit
                blocks[-1].fields["project"] = project
                if (u := _text(placed.get("p_unit"))) is not None:
                    blocks[-1].fields["unit"] = Text(re.sub(r"^\d+-", "", u.text), u.location)
                if (g := _text(placed.get("p_goal"))) is not None:
                    blocks[-1].fields["goal"] = g
                blocks[-1].amount = _num(placed.get("p_amount"))
                continue
            if "level1" in placed and _text(placed["level1"]) is not None:
                levels = [_text(placed["level1"]), None]
            if "level2" in placed and _text(placed["level2"]) is not None:
                levels[1] = _text(placed["level2"])
            rows_of[-1].append((placed, levels[0], levels[1], in_long_term))
            continue
        header = None if first.startswith(vocab.BLOCK_END) else header
        if fund_header is not None:
            row = _fund_row(cells, fund_header)
            if row is not None:
                blocks[-1].funds.append(row)
                continue
            fund_header = None
        _header_fields(cells, blocks[-1])
    if kind == TableKind.MONITORING:
        return (_monitoring(document, blocks[0], rows_of[0], year_m, money_unit),)
    tables = tuple(
        _target(document, kind, b, rows, year_m, money_unit)
        for b, rows in zip(blocks, rows_of, strict=True)
        if rows or b.fields
    )
    if not tables:  # a text that speaks of 绩效目标 (a news item, a notice), no table in it
        raise ReadError(
            document.source,
            "标题中有“绩效目标”字样，但没有读到目标表的内容（项目名称、资金、绩效指标等）",
        )
    return tables


def _fund_header(cells: list[Cell]) -> dict[int, str] | None:
    keys: dict[int, str] = {}
    for i, c in enumerate(cells):
        key = _key(c.text)
        for label, k in vocab.FUND_COLUMNS:
            if label in key:
                keys[i] = k
                break
    if len(keys) >= 2 and "budget" in keys.values():
        return keys
    return None


def _fund_row(cells: list[Cell], header: dict[int, str]) -> FundRowLite | None:
    label = clean(cells[0].text).strip().rstrip(":：")
    label = re.sub(r"^其中\s*[:：]?", "", label)
    line = next((ln for word, ln in vocab.FUND_LABELS if word in label), None)
    if line is None or len(cells) < 2:
        return None
    columns = [header[i] for i in sorted(header)]
    if 0 in header:  # the header row had no label cell (its title on a line of its own)
        values = dict(zip(columns, cells[1:], strict=False))
    else:
        values = {header[i]: c for i, c in enumerate(cells) if i in header}
    figures = [c for c in cells[1:] if c.text.strip()]
    if len(figures) == len(cells) - 1 < len(columns) and not any(
        c.text.strip().endswith(("%", "％")) for c in figures
    ):
        # a blank 执行率 dropped (one cell per line, no blank cells kept): the figures fill the
        # other columns
        values = dict(zip([k for k in columns if k != "rate"], figures, strict=False))
    return FundRowLite(
        label=Text(label, cells[0].location),
        line=line,
        budget=_num(values.get("budget")),
        executed=_num(values.get("executed")),
        rate=_num(values.get("rate")),
        forecast=_num(values.get("forecast")),
        location=cells[0].location,
    )


def _field_cells(cells: list[Cell], block: _Block) -> list[Cell]:
    """A cell holding labels with colons (项目名称：某某  主管部门：某局, a title line's 单位名称：
    某局  单位：万元, or a value that runs on into the next field) → label and value cells;
    ``单位：万元`` sets the money unit and is no field's value."""
    out: list[Cell] = []
    for cell in cells:
        text = cell.text
        marks = list(_FIELD_IN_CELL.finditer(text))
        if not marks:
            out.append(cell)
            continue
        if text[: marks[0].start()].strip():
            out.append(Cell(text[: marks[0].start()].strip(), cell.location))
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
            label = m.group(0).rstrip(":： ")
            value = text[m.end() : end].strip()
            if _key(label) in {"单位", "金额单位"}:
                if value in _MONEY_WORDS:
                    block.fields.setdefault("money_unit", Text(value, cell.location))
                continue
            out += [Cell(label, cell.location), Cell(value, cell.location)]
    return out


def _header_fields(cells: list[Cell], block: _Block) -> None:
    """Label cells followed by their value in the same row: 项目名称 | 某某项目经费 | 主管部门 | …"""
    cells = _field_cells(cells, block)
    i = 0
    while i < len(cells):
        key = _key(cells[i].text)
        if (um := _UNIT_SUFFIX.search(key)) is not None:  # 资金总额（万元）
            key = key[: um.start()]
            block.fields.setdefault("money_unit", Text(um.group(1), cells[i].location))
        name = next((k for label, k in _HEADER_KEYS if key == label), None)
        if name is None:
            # “项目名称 镇域内基础设施建设” in one cell
            for label, k in _HEADER_KEYS:
                if (
                    key.startswith(label)
                    and len(key) > len(label)
                    and k in {"project", "unit", "goal", "long_term_goal", "amount"}
                ):
                    rest = key[len(label) :].strip(" :：")
                    if rest and k not in block.fields and not re.search("[:：]", rest):
                        block.fields[k] = Text(rest, cells[i].location)
                    break
            i += 1
            continue
        j = i + 1
        while j < len(cells) and not cells[j].text.strip():
            j += 1
        if j < len(cells):
            value = _text(cells[j])
            if value is not None and name not in block.fields:
                block.fields[name] = value
                if name == "amount":
                    block.amount = _num(cells[j])
        i = j + 1


def _common(document: Document, block: _Block, year_m: re.Match[str] | None) -> dict[str, object]:
    year = None
    if "year" in block.fields and (y := _YEAR.search(block.fields["year"].text + "年")):
        year_m = y
    if year_m is not None:
        year = Num(Decimal(year_m.group(1)), year_m.group(1), None, Location(document.source))
    return {
        "source": document.source,
        "layout": document.layout,
        "year": year,
        "unit": block.fields.get("unit"),
        "supervisor": block.fields.get("supervisor"),
        "project": block.fields.get("project"),
    }


def _target(
    document: Document,
    kind: TableKind,
    block: _Block,
    rows: list[tuple[dict[str, Cell], Text | None, Text | None, bool]],
    year_m: re.Match[str] | None,
    money_unit: str,
) -> TargetTable:
    indicators = tuple(
        ind
        for placed, l1, l2, lt in rows
        if (ind := _target_indicator(placed, l1, l2, lt)) is not None
    )
    amount = block.amount
    if "money_unit" in block.fields:
        money_unit = block.fields["money_unit"].text
    return TargetTable(
        kind=kind,
        money_unit=money_unit,
        amount=amount,
        funds=tuple(block.funds),
        goal=block.fields.get("goal"),
        long_term_goal=block.fields.get("long_term_goal"),
        duties=block.fields.get("duties"),
        indicators=indicators,
        revision=block.fields.get("revision"),
        review=block.fields.get("review"),
        notes=document.notes + (() if indicators else (NO_INDICATORS,)),
        **_common(document, block, year_m),  # type: ignore[arg-type]
    )


def _monitoring(
    document: Document,
    block: _Block,
    rows: list[tuple[dict[str, Cell], Text | None, Text | None, bool]],
    year_m: re.Match[str] | None,
    money_unit: str,
) -> MonitoringTable:
    indicators = tuple(
        ind for placed, l1, l2, _ in rows if (ind := _monitor_indicator(placed, l1, l2)) is not None
    )
    cutoff = block.cutoff
    if cutoff is None:
        for placed, *_ in rows[:1]:
            for c in placed.values():
                if m := vocab.CUTOFF.search(c.text):
                    cutoff = int(m.group(1))
    return MonitoringTable(
        money_unit=money_unit,
        cutoff_month=cutoff,
        funds=tuple(block.funds),
        indicators=indicators,
        cause=block.fields.get("cause"),
        remedy=block.fields.get("remedy"),
        notes=document.notes + (() if indicators else (NO_INDICATORS,)),
        **_common(document, block, year_m),  # type: ignore[arg-type]
    )
