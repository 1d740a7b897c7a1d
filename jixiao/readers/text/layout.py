"""Which layout a plain-text self-evaluation is in (see ../shared/corpus/README.md).

- ``tabbed``: cells start with a tab (Word's table copied as text, the seed);
- ``pipe``: cells separated by ``|`` (a web page's table flattened);
- ``spaced``: cells separated by spaces (one long line, or columns of spaces);
- ``vertical``: one cell per line, blank lines between cells;
- ``lines``: one cell per line, a blank line after each row (:func:`line_rows`);
- ``other``: cells run together without separators (document-sharing sites);
- ``prose``: a report in sentences.
"""

from __future__ import annotations

import re

from jixiao.extract.figure_spaces import spaced_figures
from jixiao.measure import before_pattern
from jixiao.textnorm import fold, halfwidth

# Column and field labels of the forms; a text holding several is a form, not prose.
FORM_WORDS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "完成值",
    "实际值",
    "分值",
    "得分",
    "预算数",
    "执行数",
    "执行率",
    "项目名称",
    "主管部门",
    "实施单位",
    "产出指标",
    "效益指标",
    "满意度指标",
    "数量指标",
    "质量指标",
    "权重",
)

_SPACE_RUN = re.compile(r"\S( {2,}|\u3000+)\S")
_FIGURE_TOKEN = re.compile(r"^[≥≤><=]?\d[\d.,]*%?")


def form_word_count(text: str) -> int:
    """How many form labels the text holds (folded: spaces, traditional characters); the
    callers ask for at least 4 or 6, so a raw text holding 6 is not folded."""
    sample = text[:20000]
    raw = sum(1 for w in FORM_WORDS if w in sample)
    if raw >= 6:
        return raw
    folded = fold(sample)
    return sum(1 for w in FORM_WORDS if w in folded)


# a figure glued to the words or figure beside it (率100%100%库): run-together text
_GLUED_FIGURE = re.compile(r"\d%\d|%[\u4e00-\u9fff]|[\u4e00-\u9fff]\d+(?:\.\d+)?%")


def detect_layout(lines: list[str]) -> str:
    """The layout of the whole text (the dominant one; tabbed tables may be followed by prose)."""
    nonblank = [ln for ln in lines if ln.strip()]
    if not nonblank:
        return "prose"
    n = len(nonblank)
    tabbed = sum(1 for ln in nonblank if ln.startswith("\t") or ln.count("\t") >= 2)
    if (tabbed >= 5 and tabbed >= 0.2 * n) or (tabbed >= 2 and tabbed == n):
        return "tabbed"  # (a short excerpt is tabbed when every line of it is)
    piped = sum(1 for ln in nonblank if "|" in ln)
    if piped >= 5 and (piped >= 0.3 * n or _piped_run(nonblank) >= 5):
        return "pipe"  # a table of bars, perhaps followed by a long report
    if piped >= 3 and _piped_run(nonblank) >= 3:
        # a short excerpt of a table before a long report: judged on the part before the report
        before = nonblank[: report_start(nonblank)]
        if sum(1 for ln in before if "|" in ln) >= max(3, 0.5 * len(before)):
            return "pipe"
    text = "\n".join(nonblank)
    words = form_word_count(text)
    if words >= 2 and spaced_figures(text):
        return "other"  # words run together, figures between single spaces (a PDF's text)
    short = sum(1 for ln in nonblank if len(ln.strip()) <= 40)
    followed_by_blank = sum(
        1 for i, ln in enumerate(lines[:-1]) if ln.strip() and not lines[i + 1].strip()
    )
    blank_separated = n >= 10 and followed_by_blank >= 0.6 * n
    runs = [i for i, ln in enumerate(nonblank) if _SPACE_RUN.search(ln)]
    spaced_rows = len(runs)
    if words >= 3 and not blank_separated and spaced_rows >= 5:
        # rows of cells split by runs of spaces (even when some cells are long sentences),
        # with the indented lines of wrapped cells between them; a report may follow
        region = nonblank[runs[0] : runs[-1] + 1]
        rowlike = sum(1 for ln in region if _SPACE_RUN.search(ln) or ln.startswith("    "))
        if spaced_rows >= 0.3 * n or rowlike >= 0.8 * len(region):
            return "spaced"
    if words >= 2 and not blank_separated and sum(1 for ln in nonblank if ln.count(" ") >= 3) >= 3:
        from jixiao.readers.text.single_space import single_rows

        if single_rows(nonblank[: report_start(nonblank)]):
            return "spaced"  # rows of single-spaced cells (long sentences among them), a report
    long_lines = [ln for ln in nonblank if len(ln) > 120]
    long_chars = sum(len(ln) for ln in long_lines)
    if words >= 3 and long_lines and long_chars >= 0.5 * len(text) and not blank_separated:
        spaced_tokens = sum(len(ln.split()) for ln in long_lines)
        glued = sum(len(_GLUED_FIGURE.findall(ln)) for ln in long_lines)
        if (
            spaced_tokens >= 30
            and long_chars / max(spaced_tokens, 1) < 25
            and not (glued >= 10 and glued >= 0.4 * spaced_tokens)
        ):
            # (figures glued to the words around them, 到位率100%100%库存…, say the spaces are
            # where a preview wrapped its lines, not cell borders: run-together text)
            return "spaced"
        if words >= 4:
            return "other"
    token_rows = sum(1 for ln in nonblank if token_row(ln))
    if words >= 2 and token_rows >= 3 and token_rows >= 0.3 * n:
        return "spaced"  # a row per line, its cells split by single spaces
    if any(table_on_one_line(ln) for ln in (*long_lines[:3], *nonblank[:3])):
        return "spaced"  # a table flattened onto one line, a long report after it
    sentence_chars = sum(len(ln) for ln in nonblank if "。" in ln)
    if blank_separated and (words >= 4 or (short >= 0.6 * n and sentence_chars < 0.5 * len(text))):
        return "vertical"
    if words >= 3 and spaced_rows >= max(3, 0.3 * n):
        return "spaced"
    if spaced_rows >= 2 and not blank_separated:
        # a short excerpt of a table (a few rows, cut at the start) before a long report: judged
        # on the part before the report — rows of cells parted by runs of spaces that end in
        # a figure (分值, 得分), the indented lines of wrapped cells between them, a form word
        before = nonblank[: report_start(nonblank)]
        rows = sum(
            1 for ln in before if _SPACE_RUN.search(ln) and _FIGURE_TOKEN.match(ln.split()[-1])
        )
        rowlike = sum(1 for ln in before if _SPACE_RUN.search(ln) or ln.startswith("    "))
        if (
            rows >= 2
            and rows >= 0.3 * len(before)
            and rowlike >= 0.8 * len(before)
            and form_word_count("\n".join(before)) >= 1
        ):
            return "spaced"
    if words >= 1 and not blank_separated:
        # judged on the table: a report in sentences may follow it (an excerpt without its
        # header names few column labels: the categories are enough, even one in a short
        # excerpt cut at its start)
        head = "\n".join(nonblank[: report_start(nonblank)])
        if (words >= 3 or form_word_count(head) >= 1) and run_together(head):
            return "other"
    return "prose"


def is_cell_line(line: str) -> bool:
    """A line of a one-cell-per-line table that holds a cell: a blank cell is printed as a
    full-width space (or a no-break space), an empty line ends the row."""
    return bool(line.strip(" \t\r\n"))


def line_rows(lines: list[str]) -> bool:
    """One cell per line and an empty line after each row (a web page's or a CMS's table copied
    as text, Word's copy without its tabs): most lines stand in runs of three or more short
    lines, the runs split by empty lines, blank cells are printed (a full-width or no-break
    space), and the text names the form's labels."""
    runs: list[int] = []
    run = 0
    short = 0
    blank_cells = 0
    for ln in lines:
        if is_cell_line(ln):
            run += 1
            short += len(ln.strip()) <= 40
            blank_cells += not ln.strip()
            continue
        if run:
            runs.append(run)
        run = 0
    if run:
        runs.append(run)
    n = sum(runs)
    rows = [r for r in runs if r >= 3]
    if n < 15 or len(rows) < 4 or sum(rows) < 0.7 * n or short < 0.8 * n:
        return False
    if blank_cells < 3:
        return False  # blank cells not printed: an empty line may be a cell, the rows are unknown
    return form_word_count("\n".join(lines)) >= 3


def table_on_one_line(line: str) -> bool:
    """A whole table on one line of single-spaced cells: many short tokens, form labels."""
    tokens = line.split()
    if len(tokens) >= 20 and len(line) < 12 * len(tokens) and form_word_count(line) >= 3:
        return True
    # the table's header cut off (a copy that starts on a later page): the category words and
    # a token in every two or three a figure still tell it
    figures = sum(1 for t in tokens if _FIGURE_TOKEN.match(t))
    return len(tokens) >= 12 and figures >= 0.4 * len(tokens) and form_word_count(line) >= 2


def _piped_run(lines: list[str]) -> int:
    """The longest run of consecutive lines that hold cell bars with two cells at least."""
    best = run = 0
    for ln in lines:
        run = run + 1 if ln.count("|") >= 2 else 0
        best = max(best, run)
    return best


# an operator before a figure: any of jixiao.measure's table, as printed (≧, 不低於 too)
_OP = before_pattern(printed=True)
_FIGURE_TOKEN = re.compile(rf"^(?:{_OP})?[-+]?\d+(?:\.\d+)?\S{{0,4}}$")


def token_row(line: str) -> bool:
    """A table row whose cells are split by single spaces (PDF text without layout): four or
    more short tokens, two of them figures, no sentence and no run of spaces."""
    text = halfwidth(line.strip())
    if "。" in text or _SPACE_RUN.search(text) or len(text) > 200:
        return False
    tokens = text.split(" ")
    if len(tokens) < 3 or max(len(t) for t in tokens) > 30:
        return False
    if any(t in ("年", "月", "日") for t in tokens):
        return False  # a date printed with spaces: 2021 年 4 月 22 日
    return sum(1 for t in tokens if _FIGURE_TOKEN.match(t)) >= 2


# (not an amount of money in a sentence: 全年预算数72.60万元)
# (nor points written in a clause: 分值15分，得分15分)
_GLUED = re.compile(
    r"[\u4e00-\u9fff)）:：%][\d.]+%?(?=(?![万亿元]|分[，,。；;])[\u4e00-\u9fff≥≤(（]|$)",
    re.MULTILINE,
)


def run_together(text: str) -> bool:
    """Figures squeezed between words (``得分10其中``) or ending a line after words
    (``总分10096.46``) more than twice as often as sentences end, or figures touching each
    other: cells written together, wrapped into lines of any length."""
    sample = halfwidth(text[:20000])
    glued = len(_GLUED.findall(sample))
    sentences = sample.count("。")
    spaces = sample.count(" ")
    if spaces >= 0.05 * len(sample):
        return False
    if glued >= 5 and glued > 2 * sentences:
        return True
    # figures that touch (386.78386.78373.81, 96.65%9.66; not a date 2021.01.05) occur in no
    # written text
    return len(_TOUCHING.findall(sample)) >= 2 and glued >= 1


_TOUCHING = re.compile(r"\d\.\d{3,}\.\d|%[-+]?\d")


_REPORT_HEAD = re.compile(
    r"^\s*(?:\S{0,60}(?:自评报告|评价报告|绩效报告)\s*$|[一二三四五六七八九十]{1,3}\s*[、.．]\S)"
)


def report_start(lines: list[str]) -> int:
    """Where a report in sentences begins after a run-together table: the first report title
    or ``一、`` heading after which the text reads as sentences (full stops, few figures glued
    between words); the end of the text when there is none."""
    for i, ln in enumerate(lines):
        if i and _REPORT_HEAD.match(ln):
            rest = "\n".join(lines[i:])
            if rest.count("。") >= 2 and not run_together(rest):
                return i
    return len(lines)
