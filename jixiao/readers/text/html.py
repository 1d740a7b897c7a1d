"""A web page saved as HTML: its tables become grid Tables (rowspan/colspan expanded the way
:mod:`jixiao.document` asks), the text outside tables becomes Paragraphs.

Only the standard library's tolerant ``html.parser``; scripts and styles are skipped. Line
numbers are those of the page source.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import cast

from jixiao.document import Block, Cell, Paragraph, Table
from jixiao.model import Location

_HTML = re.compile(r"<\s*(html|body|table|tr|td|div|p)\b", re.IGNORECASE)
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "section",
    "article",
    "title",
}


def looks_like_html(text: str) -> bool:
    head = text[:5000]
    return len(_HTML.findall(head)) >= 2


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, object]] = []  # ("p", (text, line)) | ("t", rows)
        self.tables: list[list[list[tuple[str, int, int, int]]]] = []  # stack of row lists
        self.cell: list[str] | None = None
        self.cell_attrs: tuple[int, int, int] = (1, 1, 0)
        self.text: list[str] = []
        self.text_line = 0
        self.skip = 0

    # paragraphs outside tables
    def _flush_text(self) -> None:
        joined = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.text)).strip()
        if joined:
            for part in joined.split("\n"):
                if part.strip():
                    self.blocks.append(("p", (part.strip(), self.text_line)))
        self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self._flush_text()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            a = dict(attrs)
            self.cell = []
            self.cell_attrs = (_int(a.get("rowspan")), _int(a.get("colspan")), line)
        elif tag in _BLOCK_TAGS:
            if self.cell is not None:
                self.cell.append("\n")
            else:
                self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.tables and self.cell is not None:
            text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.cell)).strip()
            rs, cs, line = self.cell_attrs
            if not self.tables[-1]:  # a table opened inside the cell, closed by the cell's end
                self.tables[-1].append([])
            self.tables[-1][-1].append((text, rs, cs, line))
            self.cell = None
        elif tag == "table" and self.tables:
            rows = self.tables.pop()
            if self.tables:  # a table inside a cell: its text joins the cell
                return
            self.blocks.append(("t", rows))

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif not self.tables:
            if not "".join(self.text).strip():
                self.text_line = self.getpos()[0]
            self.text.append(data)

    def close(self) -> None:
        super().close()
        self._flush_text()


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def _grid(rows: list[list[tuple[str, int, int, int]]], source: str, index: int) -> Table:
    """Expand spans: the text in the top-left cell, covered cells empty and merged."""
    grid: dict[tuple[int, int], Cell] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs, line in row:
            while (r, c) in grid:
                c += 1
            loc = Location(source, line=line, cell=f"表{index} 第{r + 1}行第{c + 1}列")
            for dr in range(rs):
                for dc in range(cs):
                    if (dr, dc) == (0, 0):
                        grid[(r, c)] = Cell(text, loc, False, rs, cs)
                    else:
                        grid.setdefault((r + dr, c + dc), Cell("", loc, True))
            c += cs
            width = max(width, c)
    height = max((r for r, _ in grid), default=-1) + 1
    out = []
    for r in range(height):
        cells = []
        for c in range(width):
            cell = grid.get((r, c))
            cells.append(
                cell
                if cell is not None
                else Cell("", Location(source, cell=f"表{index} 第{r + 1}行第{c + 1}列"))
            )
        out.append(tuple(cells))
    return Table(tuple(out), out[0][0].location if out else None, f"表{index}")


def html_blocks(text: str, source: str) -> list[Block]:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    blocks: list[Block] = []
    n = 0
    for kind, payload in parser.blocks:
        if kind == "p":
            para, line_no = cast(tuple[str, int], payload)
            blocks.append(Paragraph(para, Location(source, line=line_no)))
        elif payload:
            n += 1
            blocks.append(_grid(cast(list[list[tuple[str, int, int, int]]], payload), source, n))
    return blocks
