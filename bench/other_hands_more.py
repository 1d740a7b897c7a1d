"""A third batch of shapes for ``bench/other_hands_text.py --shapes more``: what real
government web pages do to a table when a person copies an excerpt of the page.

Like the rest of the "other hands" generator this shares no code with jixiao's writers or
bench/forms.py / grid_text.py / damage.py. Each shape takes the printed rows of one invented form
(``Printed``: rows of cells, the indicator header's row, the truth) and gives the text and the
truth as a person would type it from that text. Most shapes change the cells and then print them
in one of a few base layouts (tab, pipe, one cell per line, spaced), drawn at random.

- ``markdown``: pipe tables as HTML-to-Markdown converters write them: a ``| --- |`` rule row
  after each table's first row, every row padded to the table's width, ``**bold**`` label cells,
  ``<br>`` / ``<br/>`` for a cell's line breaks, ``\\|`` for a pipe inside a cell, the title as
  a ``#`` heading; the form sometimes split into several tables;
- ``web_furniture``: the page around the table: breadcrumbs, the page title repeating the form's
  title, ``发布时间：… 来源：… 浏览次数：…``, ``【字体：大 中 小】``, ``分享到：``,
  ``扫一扫在手机打开当前页`` before; 填报人/联系电话 lines, ``附件：….pdf``, 上一篇/下一篇 and the
  site's footer after;
- ``blanks``: empty cells printed as ``/``, ``—``, ``－``, ``--``, ``无``, ``&nbsp;`` or a
  full-width space, cell by cell (merged label cells only ever as white space);
- ``yuan``: the fund table in 元 with thousands separators (``1,234,567.89``) and a
  ``单位：元`` line (the truth keeps the figures in 元, and the money unit is counted);
- ``numbered``: indicator names numbered ``指标1：``, ``（1）``, ``①``, ``1.``, ``1、``; 一级
  written ``一、产出指标``;
- ``repeated_levels``: 一级 and 二级 on every row (an unmerged spreadsheet), only 一级 on every
  row, or only 二级;
- ``rate_forms``: the fund rate as ``98.7％``, ``98.7`` or ``0.987``; weights as ``10分`` or
  ``10%``; percentages with a full-width ``％``;
- ``spaced_single``: PDF text with one space between cells, no alignment, one row per line;
- ``cut_mid``: the excerpt cut in the middle of a cell at the start, at the end or both;
- ``entities``: HTML character references left in the text (``&ge;90%``, ``&lt;=12月``,
  ``&#8805;``, ``&amp;``);
- ``cell_breaks``: a table copied from a browser as tab-joined rows, where a cell holding a
  line break (a long name, the goal, a reason) breaks its row's line in two;
- ``header_units``: the units in the header cells (``全年预算数（万元）``, ``执行率（%）`` over bare
  rates, ``分值（分）``) and none in the cells;
- ``labelled_fields``: the fields above the table as ``标签：值`` lines, several to a line
  (``主管部门：…　　实施单位：…``), the title in 【】 or with the year in brackets;
- ``fullwidth_digits``: figures typed in full-width forms (``２６０．２２``, ``９８％``) as older
  CMS pages print them; the truth keeps them as a person reads them (half-width);
- ``notes``: the form's own footnotes: a 说明 cell on the first fund row (预算执行率=…，未达到90%
  的需说明原因) and ``注：1.…；2.…`` lines after the table.
"""

from __future__ import annotations

import copy
import random
from decimal import Decimal
from typing import Any

MORE_SHAPES = (
    "markdown",
    "web_furniture",
    "blanks",
    "yuan",
    "numbered",
    "repeated_levels",
    "rate_forms",
    "spaced_single",
    "cut_mid",
    "entities",
    "cell_breaks",
    "header_units",
    "labelled_fields",
    "fullwidth_digits",
    "notes",
)

BASES = ("tab", "pipe", "cell_lines", "spaced")


def _print(rows: list[list[str]], base: str, rng: random.Random) -> str:
    if base == "tab":
        return "\n".join("\t".join(r) for r in rows) + "\n"
    if base == "pipe":
        return "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n"
    if base == "cell_lines":
        return "\n\n".join("\n".join(c or "\u3000" for c in r) for r in rows) + "\n"
    if base == "spaced":
        return (
            "\n".join((" " * rng.choice((2, 3, 4))).join(c for c in r if c.strip()) for r in rows)
            + "\n"
        )
    raise ValueError(base)


class _Where:
    """Where the parts of a printed form are: the fund block, the goal rows, the indicators."""

    def __init__(self, p: Any) -> None:
        rows = p.rows
        self.fund_head = next(
            (n for n, r in enumerate(rows) if r and r[0].endswith("（万元）")), None
        )
        nf = len(p.truth.get("funds", []))
        self.fund_rows = (
            list(range(self.fund_head + 1, self.fund_head + 1 + nf))
            if self.fund_head is not None
            else []
        )
        self.table = p.table_start
        self.ind_rows = list(
            range(p.table_start + 1, p.table_start + 1 + len(p.truth.get("indicators", [])))
        )
        last = self.ind_rows[-1] if self.ind_rows else p.table_start
        self.grand = last + 1 if last + 1 < len(rows) else None
        self.keys = ["_"] + list(p.keys)  # column → role in the indicator table

    def col(self, role: str) -> int | None:
        return self.keys.index(role) if role in self.keys else None

    def fund_col(self, rows: list[list[str]], words: tuple[str, ...]) -> int | None:
        if self.fund_head is None:
            return None
        for c, cell in enumerate(rows[self.fund_head]):
            if cell in words:
                return c
        return None


_INIT = ("年初预算数", "年初预算", "年初数")
_BUDGET = ("全年预算数", "调整后预算数", "全年预算")
_SPENT = ("全年执行数", "执行数", "实际支出", "实际执行数")
_RATE = ("执行率", "预算执行率")
_WEIGHT = ("分值", "权重", "标准分")


def render_more(p: Any, f: Any, shape: str, rng: random.Random) -> str:
    """The text of one form in a shape of the third batch; ``p.truth`` is changed where the
    shape changes what a person would type (figures in 元, a rate as a fraction, a cut)."""
    p.truth = copy.deepcopy(p.truth)
    rows = [list(r) for r in p.rows]
    w = _Where(p)
    v = f.variation
    if shape == "markdown":
        return _markdown(rows, w, rng, v)
    if shape == "web_furniture":
        base = v["base"] = rng.choice(("tab", "pipe", "cell_lines", "html"))
        if base == "html":
            body = "\n".join("\t".join(c or "&nbsp;" for c in r) for r in rows) + "\n"
        else:
            body = _print(rows, base, rng)
        return _furniture(rows, f, rng, body)
    if shape == "blanks":
        base = v["base"] = rng.choice(("tab", "pipe", "cell_lines", "spaced"))
        _blanks(rows, w, rng)
        return _print(rows, base, rng)
    if shape == "yuan":
        base = v["base"] = rng.choice(BASES)
        _yuan(rows, w, p.truth, rng, v)
        return _print(rows, base, rng)
    if shape == "numbered":
        base = v["base"] = rng.choice(BASES)
        _numbered(rows, w, rng, v)
        return _print(rows, base, rng)
    if shape == "repeated_levels":
        base = v["base"] = rng.choice(BASES)
        _repeated(rows, w, p, rng, v)
        return _print(rows, base, rng)
    if shape == "rate_forms":
        base = v["base"] = rng.choice(BASES)
        _rates(rows, w, p.truth, rng, v)
        return _print(rows, base, rng)
    if shape == "spaced_single":
        v["base"] = "single"
        return "\n".join(" ".join(c for c in r if c) for r in rows) + "\n"
    if shape == "cut_mid":
        base = v["base"] = rng.choice(("tab", "pipe", "spaced"))
        return _cut(rows, w, p, rng, base, v)
    if shape == "entities":
        base = v["base"] = rng.choice(("tab", "pipe", "cell_lines"))
        _entities(rows, p.truth, rng)
        return _print(rows, base, rng)
    if shape == "cell_breaks":
        v["base"] = "tab"
        return _cell_breaks(rows, w, rng)
    if shape == "header_units":
        base = v["base"] = rng.choice(BASES)
        _header_units(rows, w, rng, v)
        return _print(rows, base, rng)
    if shape == "labelled_fields":
        base = v["base"] = rng.choice(("tab", "pipe", "spaced"))
        return _labelled(rows, w, f, rng, base)
    if shape == "fullwidth_digits":
        base = v["base"] = rng.choice(BASES)
        _fullwidth(rows, w, rng)
        return _print(rows, base, rng)
    if shape == "notes":
        base = v["base"] = rng.choice(("tab", "pipe", "cell_lines"))
        return _notes(rows, w, rng, base)
    raise ValueError(shape)


# ---- full-width figures ----

_FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.%"}


def _fullwidth(rows: list[list[str]], w: _Where, rng: random.Random) -> None:
    places = set(w.fund_rows) | set(w.ind_rows) | ({w.grand} if w.grand is not None else set())
    for n in places:
        for c, cell in enumerate(rows[n]):
            if any(ch.isdigit() for ch in cell) and rng.random() < 0.8:
                rows[n][c] = "".join(_FULL.get(ch, ch) for ch in cell)


# ---- the form's own footnotes ----


def _notes(rows: list[list[str]], w: _Where, rng: random.Random, base: str) -> str:
    if w.fund_rows and rng.random() < 0.7:
        rows[w.fund_head].append("说明")
        rows[w.fund_rows[0]].append(
            "1.预算执行率=预算执行数/全年预算数，预算执行率未达到90%的需说明原因（100字以内）；"
            "2.年中发生预算调整的，应单独说明理由。"
        )
    tail = rng.choice(
        (
            "注：1.资金得分=分值×执行率，最高不超过10分；2.定量指标完成值低于目标值80%的不得分。",
            "备注：本表金额单位为万元，执行率保留两位小数，总分100分。",
            "填表说明：1.一级指标分值合计为90分；2.偏差原因分析须写明具体原因及改进措施。",
        )
    )
    return _print(rows, base, rng) + tail + "\n"


# ---- a browser's copy: a cell's line break breaks the row ----


def _cell_breaks(rows: list[list[str]], w: _Where, rng: random.Random) -> str:
    out = []
    for n, r in enumerate(rows):
        cells = list(r)
        if n in w.ind_rows or n == w.table - 1 or n in w.fund_rows:
            for c, cell in enumerate(cells):
                if len(cell) >= 7 and not cell[:1].isdigit() and rng.random() < 0.35:
                    k = rng.randrange(3, len(cell) - 2)
                    cells[c] = cell[:k] + "\n" + cell[k:]
        out.append("\t".join(cells))
    return "\n".join(out) + "\n"


# ---- units in the header ----


def _header_units(rows: list[list[str]], w: _Where, rng: random.Random, v: dict) -> None:
    if w.fund_head is not None:
        head = rows[w.fund_head]
        rate_col = w.fund_col(rows, _RATE)
        bare_rate = v["rate_sign"] = rng.choice(("bare", "kept"))
        for c, cell in enumerate(head):
            if cell in _INIT + _BUDGET + _SPENT:
                head[c] = cell + rng.choice(("（万元）", "(万元)"))
            elif cell in _RATE:
                head[c] = cell + rng.choice(("（%）", "(%)", "（B/A）"))
            elif cell in _WEIGHT or cell.endswith("得分") or cell == "评分":
                head[c] = cell + "（分）" if rng.random() < 0.5 else cell
        head[0] = head[0].replace("（万元）", "")
        if rate_col is not None and bare_rate == "bare" and "%" in head[rate_col]:
            for n in w.fund_rows:
                rows[n][rate_col] = rows[n][rate_col].rstrip("%")
    head = rows[w.table]
    for c, role in enumerate(w.keys):
        if role in ("weight", "score") and rng.random() < 0.6:
            head[c] = head[c] + rng.choice(("（分）", "(分)"))


# ---- the fields as 标签：值 lines ----


def _labelled(rows: list[list[str]], w: _Where, f: Any, rng: random.Random, base: str) -> str:
    top: list[str] = []
    first = w.fund_head if w.fund_head is not None else w.table - 2
    gap = rng.choice(("\u3000\u3000", "    ", "  "))
    colon = rng.choice(("：", ":"))
    for r in rows[:first]:
        cells = [c for c in r if c]
        if len(cells) == 1:
            title = cells[0]
            top.append(rng.choice((title, f"【{title}】", title.replace("年度", "年度 "))))
        else:
            pairs = [f"{a}{colon}{b}" for a, b in zip(cells[::2], cells[1::2], strict=False)]
            top.append(gap.join(pairs))
    return "\n".join(top) + "\n" + _print(rows[first:], base, rng)


# ---- markdown ----


def _md_cell(cell: str, rng: random.Random, label: bool) -> str:
    cell = cell.replace("|", "\\|")
    if label and cell and rng.random() < 0.8:
        cell = f"**{cell}**"
    elif len(cell) >= 8 and rng.random() < 0.3:
        k = rng.randrange(3, len(cell) - 2)
        cell = cell[:k] + rng.choice(("<br>", "<br/>", "<br />")) + cell[k:]
    return cell


def _markdown(rows: list[list[str]], w: _Where, rng: random.Random, v: dict) -> str:
    split = v["base"] = rng.choice(("one_table", "one_table", "tables"))
    # a pipe inside a text cell: the goal and a reason
    goal = w.table - 1
    if len(rows[goal]) > 2 and rng.random() < 0.6:
        rows[goal][2] = rows[goal][2].rstrip("。") + "|资料已归档。"
    label_rows = {w.table} | ({w.fund_head} if w.fund_head is not None else set())
    out: list[str] = []
    title_done = False
    if rows and len(rows[0]) == 1 and rng.random() < 0.6:
        out.append(rng.choice(("# ", "## ", "### ", "**")) + rows[0][0])
        if out[-1].startswith("**"):
            out[-1] += "**"
        out.append("")
        title_done = True
    body = rows[1:] if title_done else rows
    first = 1 if title_done else 0
    if split == "tables":
        cuts = sorted({w.fund_head or w.table, w.table - 2, w.table} - {first})
        groups, start = [], first
        for c in cuts:
            if c > start:
                groups.append((start, c))
                start = c
        groups.append((start, len(rows)))
    else:
        groups = [(first, len(rows))]
    del body
    rule = rng.choice(("---", " --- ", ":---", "-----"))
    for a, b in groups:
        part = rows[a:b]
        ncol = max(len(r) for r in part)
        for k, r in enumerate(part):
            n = a + k
            cells = r + [""] * (ncol - len(r))
            is_label = n in label_rows
            printed = [
                _md_cell(c, rng, is_label or (c.endswith(("名称", "部门", "单位")) and j % 2 == 0))
                for j, c in enumerate(cells)
            ]
            out.append("| " + " | ".join(printed) + " |")
            if k == 0:
                out.append("|" + "|".join(rule for _ in cells) + "|")
        out.append("")
    return "\n".join(out)


# ---- the page around the form ----


def _furniture(rows: list[list[str]], f: Any, rng: random.Random, body: str) -> str:
    title = rows[0][0] if rows and len(rows[0]) == 1 else f"{f.year}年度绩效自评表"
    published = f"{f.year + 1}-{rng.randint(3, 9):02d}-{rng.randint(1, 28):02d}"
    source = f.supervisor[:3] + rng.choice(("财政局", "人民政府办公室", "融媒体中心"))
    before = [
        rng.choice(
            (
                "首页 > 政务公开 > 财政资金",
                "当前位置：首页 > 信息公开 > 财政预决算 > 绩效评价",
                "您现在的位置：首页 >> 政府信息公开 >> 部门信息",
                "首页 » 政务公开 » 法定主动公开内容 » 财政信息",
            )
        ),
        rng.choice((title, f.supervisor + title, f"关于公开{title}的公告")),
        rng.choice(
            (
                f"发布时间：{published}  来源：{source}  浏览次数：{rng.randint(12, 4000)}",
                f"信息来源：{source}　发布日期：{published}　点击数：{rng.randint(12, 4000)}",
                f"时间：{published} 09:{rng.randint(10, 59)}:{rng.randint(10, 59)}"
                f"  作者：{source}  阅读：{rng.randint(12, 4000)}次",
            )
        ),
        rng.choice(("【字体：大 中 小】 打印本页 关闭窗口", "字号：T|T", "【 大 中 小 】【打印】")),
        rng.choice(("分享到：", "分享：", "")),
    ]
    if rng.random() < 0.5:
        before.append(f"索引号：{rng.randint(100000, 999999)}/{f.year + 1}-{rng.randint(10, 99)}")
    after = []
    if rng.random() < 0.6:
        after.append(
            rng.choice(
                (
                    f"填报人：张{rng.choice('明华丽军')}　联系电话：0{rng.randint(700, 799)}-"
                    f"{rng.randint(1000000, 9999999)}　填报日期：{f.year + 1}年{rng.randint(1, 4)}月"
                    f"{rng.randint(1, 28)}日",
                    f"单位负责人：李{rng.choice('强伟芳')}  财务负责人：王{rng.choice('敏静')}",
                )
            )
        )
    after += [
        rng.choice(
            (
                f"附件：{title}.pdf",
                f"相关附件：{f.year}年度绩效自评表.xlsx",
                f"附件下载：{title}.docx",
            )
        ),
        rng.choice(("扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面")),
        rng.choice(("【打印本页】 【关闭窗口】", "打印本页 | 关闭窗口")),
        f"上一篇：{f.year}年度部门预算公开",
        f"下一篇：{f.year}年度部门决算公开",
        rng.choice(
            (
                f"主办单位：{source}  版权所有  网站标识码：{rng.randint(10**9, 10**10 - 1)}",
                f"版权所有：{source} 备案号：湘ICP备{rng.randint(10**7, 10**8 - 1)}号",
            )
        ),
    ]
    return "\n".join(ln for ln in before if ln) + "\n" + body + "\n".join(after) + "\n"


# ---- blank cells ----

_MARKS = ("/", "—", "－", "--", "无", "&nbsp;", "\u3000")
_WHITE = ("", "&nbsp;", "\u3000")


def _blanks(rows: list[list[str]], w: _Where, rng: random.Random) -> None:
    merged = {w.col("l1"), w.col("l2"), 0}
    table_rows = set(w.ind_rows) | set(w.fund_rows)
    for n, r in enumerate(rows):
        for c, cell in enumerate(r):
            if cell.strip() and cell not in ("一", "/", "—"):
                continue
            if c in merged or n not in table_rows:
                r[c] = cell or rng.choice(_WHITE)
            else:
                r[c] = rng.choice(_MARKS)


# ---- 元 with thousands separators ----


def _money(x: Decimal) -> str:
    return f"{x:,.2f}"


def _yuan(rows: list[list[str]], w: _Where, truth: dict, rng: random.Random, v: dict) -> None:
    if w.fund_head is None:
        v["unit_line"] = "none"
        return
    cols = [w.fund_col(rows, words) for words in (_INIT, _BUDGET, _SPENT)]
    for n in w.fund_rows:
        for c in cols:
            if c is not None and c < len(rows[n]) and rows[n][c][:1].isdigit():
                rows[n][c] = _money(Decimal(rows[n][c]) * 10000)
    for t in truth.get("funds", []):
        for k in ("initial_budget", "budget", "actual"):
            if t.get(k) is not None:
                t[k] = t[k] * 10000
    truth["money_unit"] = "元"
    style = v["unit_line"] = rng.choice(("line", "head", "both"))
    head = rows[w.fund_head][0]
    if style in ("head", "both"):
        rows[w.fund_head][0] = head.replace(
            "（万元）", rng.choice(("（元）", "(元)", "（单位：元）"))
        )
    else:
        rows[w.fund_head][0] = head.replace("（万元）", "")
    if style in ("line", "both"):
        rows.insert(w.fund_head, [rng.choice(("单位：元", "金额单位：元", "单位:元"))])


# ---- numbering ----

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HAN = "一二三四五六七八九十"


def _numbered(rows: list[list[str]], w: _Where, rng: random.Random, v: dict) -> None:
    style = v["numbering"] = rng.choice(("指标", "（n）", "①", "n.", "n、"))
    l1_style = rng.choice(("一、", "none"))
    c3, c1 = w.col("l3"), w.col("l1")
    seen: list[str] = []
    for k, n in enumerate(w.ind_rows, start=1):
        r = rows[n]
        name = r[c3]
        r[c3] = {
            "指标": f"指标{k}：{name}",
            "（n）": f"（{k}）{name}",
            "①": f"{_CIRCLED[(k - 1) % 20]}{name}",
            "n.": f"{k}.{name}",
            "n、": f"{k}、{name}",
        }[style]
        if c1 is not None and l1_style == "一、" and r[c1]:
            if r[c1] not in seen:
                seen.append(r[c1])
            r[c1] = f"{_HAN[seen.index(r[c1])]}、{r[c1]}"


# ---- levels on every row ----


def _repeated(rows: list[list[str]], w: _Where, p: Any, rng: random.Random, v: dict) -> None:
    mode = v["levels"] = rng.choice(("both", "l1_only", "l2_only"))
    c1, c2 = w.col("l1"), w.col("l2")
    inds = p.truth.get("indicators", [])
    prev = ("", "")
    for n, t in zip(w.ind_rows, inds, strict=True):
        r = rows[n]
        l1 = t.get("level1", "")
        l2 = t["level2"]
        if c1 is not None:
            r[c1] = l1 if mode in ("both", "l1_only") or l1 != prev[0] else ""
        r[c2] = l2 if mode in ("both", "l2_only") or (l1, l2) != prev else ""
        prev = (l1, l2)


# ---- rates and weights ----


def _rates(rows: list[list[str]], w: _Where, truth: dict, rng: random.Random, v: dict) -> None:
    rate_form = v["rate_form"] = rng.choice(("fullwidth", "bare", "fraction"))
    weight_form = v["weight_form"] = rng.choice(("fen", "percent", "plain"))
    rc = w.fund_col(rows, _RATE)
    if rc is not None:
        for n in w.fund_rows:
            cell = rows[n][rc]
            if not cell.endswith("%"):
                continue
            pct = Decimal(cell[:-1])
            if rate_form == "fullwidth":
                rows[n][rc] = cell[:-1] + "％"
            elif rate_form == "bare":
                rows[n][rc] = cell[:-1]
            else:
                rows[n][rc] = format((pct / 100).normalize(), "f")
    wc = w.fund_col(rows, _WEIGHT)
    if weight_form != "plain":
        places = [(n, wc) for n in w.fund_rows] + [(n, w.col("weight")) for n in w.ind_rows]
        for n, c in places:
            if c is not None and c < len(rows[n]) and rows[n][c][:1].isdigit():
                rows[n][c] += "分" if weight_form == "fen" else "%"
    if rng.random() < 0.5:  # full-width per cent in the indicator values
        for n in w.ind_rows:
            rows[n] = [c.replace("%", "％") if c[:1] in "≥≤不0123456789" else c for c in rows[n]]
        for t in truth.get("indicators", []):
            for k in ("target", "actual"):
                if isinstance(t.get(k), str):
                    t[k] = t[k].replace("%", "％")


# ---- cut in the middle of a cell ----

_FIELD = {
    "l1": "level1",
    "l2": "level2",
    "l3": "name",
    "unit": "unit",
    "weight": "weight",
    "target": "target",
    "actual": "actual",
    "score": "score",
}


def _cut(rows: list[list[str]], w: _Where, p: Any, rng: random.Random, base: str, v: dict) -> str:
    mode = v["cut"] = rng.choice(("start", "end", "both"))
    truth = p.truth
    start_row = 0
    if mode in ("start", "both"):
        # a row before the indicator table with a cell long enough to be cut in the middle
        n = rng.choice([m for m in range(0, w.table + 1) if any(len(x) >= 4 for x in rows[m])])
        c = rng.choice([k for k, x in enumerate(rows[n]) if len(x) >= 4])
        cell = rows[n][c]
        k = rng.randrange(1, len(cell) - 1)
        start_row = n
        # what the rows up to the cut one gave: no longer typed by a person
        truth.pop("year", None)
        for m in range(0, n + 1):
            first = rows[m][0] if rows[m] else ""
            if first == "项目名称":
                truth.pop("project", None)
            if first in ("主管部门", "部门（单位）名称"):
                truth.pop("department", None)
        if w.fund_rows and n >= w.fund_rows[0]:
            labels = {rows[m][1] for m in w.fund_rows if m <= n}
            truth["funds"] = [t for t in truth["funds"] if t["line"] not in labels]
        if w.fund_rows and n >= w.fund_rows[-1]:
            truth.pop("funds", None)
        if n >= (w.fund_head if w.fund_head is not None else 1):
            truth.pop("kind", None)  # no title, no 项目名称, no 项目资金: project or 部门整体?
        rows[n] = [cell[k:]] + rows[n][c + 1 :]
    end_row = len(rows)
    if mode in ("end", "both") and len(w.ind_rows) >= 2:
        n = rng.choice(w.ind_rows[-2:])
        cands = [c for c, cell in enumerate(rows[n]) if len(cell) >= 2 and c > 0]
        c = rng.choice(cands)
        cell = rows[n][c]
        k = rng.randrange(1, len(cell))
        rows[n] = rows[n][:c] + [cell[:k]]
        end_row = n + 1
        truth.pop("total_weight", None)
        truth.pop("total_score", None)
        inds = truth.get("indicators", [])
        idx = w.ind_rows.index(n)
        kept = inds[:idx]
        cut_role = w.keys[c]
        if cut_role not in ("l1", "l2", "l3"):
            t = dict(inds[idx])
            for role in w.keys[c:]:
                t.pop(_FIELD.get(role, "-"), None)
            kept.append(t)
        truth["indicators"] = kept
    return _print(rows[start_row:end_row], base, rng).rstrip("\n") + "\n"


# ---- HTML character references ----


def _entities(rows: list[list[str]], truth: dict, rng: random.Random) -> None:
    changed: set[str] = set()
    ge = rng.choice(("&ge;", "&gt;=", "&#8805;", "&#x2265;"))
    le = {"&ge;": "&le;", "&gt;=": "&lt;=", "&#8805;": "&#8804;", "&#x2265;": "&#x2264;"}[ge]
    for r in rows:
        for c, cell in enumerate(r):
            cell = cell.replace("≥", ge).replace("≤", le)
            if ge == "&gt;=" and r[c] != cell:  # the page shows >= and <=: so typed
                changed.add(r[c])
            if cell.endswith("。") and rng.random() < 0.7:  # quotes and ampersands in the goal
                cell = cell[:-1] + "，落实&ldquo;两个确保&rdquo;&amp;资金安全。"
            if cell and rng.random() < 0.15:
                cell = cell + "&nbsp;"
            r[c] = cell
    for t in truth.get("indicators", []):
        for k in ("target", "actual"):
            if t.get(k) in changed:
                t[k] = t[k].replace("≥", ">=").replace("≤", "<=")
