"""The grid as WordprocessingML ``<w:tbl>``: merged cells by ``gridSpan`` and ``vMerge``.

Built as one XML string and parsed once: python-docx's cell-by-cell API (``merge``, widths,
run properties) takes a quarter of a second for a two-page form; this takes a few ms.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from jixiao.writers.grid import Grid, GridCell, Role

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CENTRED = {Role.LABEL, Role.HEADER, Role.NUMBER, Role.CENTER}
_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
_BORDERS = "".join(
    _BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _run_props(cell: GridCell, font: str, latin: str, half_points: int) -> str:
    bold = "<w:b/>" if cell.role in (Role.HEADER, Role.LABEL) else ""
    return (
        f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{font}" w:cs="{latin}"/>'
        f'{bold}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        '<w:lang w:eastAsia="zh-CN"/></w:rPr>'
    )


def _paragraph(cell: GridCell | None, font: str, latin: str, half_points: int) -> str:
    jc = '<w:jc w:val="center"/>' if cell is not None and cell.role in CENTRED else ""
    # the paragraph mark takes the table's size too: an empty cell is no taller than a full one
    mark = f'<w:rPr><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
    ppr = (
        f'<w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>{jc}{mark}'
        "</w:pPr>"
    )
    if cell is None or not cell.text:
        return f"<w:p>{ppr}</w:p>"
    pieces = cell.text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in pieces)
    return f"<w:p>{ppr}<w:r>{_run_props(cell, font, latin, half_points)}{body}</w:r></w:p>"


def _tc(width: int, span: int, vmerge: str | None, content: str, borders: str = "") -> str:
    grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    merge = {"restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}.get(
        vmerge or "", ""
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}{merge}{borders}'
        f'<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>'
    )


def _open_edges(origin: GridCell, r: int) -> str:
    """Cell borders that make the rows of a region drawn as one cell: no line inside it."""
    edges = []
    if r > origin.row:
        edges.append('<w:top w:val="nil"/>')
    if r < origin.row + origin.rowspan - 1:
        edges.append('<w:bottom w:val="nil"/>')
    return f"<w:tcBorders>{''.join(edges)}</w:tcBorders>" if edges else ""


def tables_xml(
    grid: Grid,
    widths: list[int],
    font: str,
    latin: str,
    half_points: int,
    repeat_header: bool = True,
) -> list[str]:
    """``<w:tbl>`` elements for the grid's rows 1… (row 0 is the title); ``widths`` in twips.

    Word repeats only the first rows of a table on each page, so with ``repeat_header`` the
    form is cut before the 绩效指标 header and the second table starts with that header,
    marked to repeat. No row is split across pages (``cantSplit``); LibreOffice ignores that
    where cells are merged down, so no cell is: a region merged down is drawn as one cell by
    leaving out the lines inside it, and the 一级/二级 labels (``GridCell.repeat``) are
    printed in each of their rows, so that every page names its rows' indicators.
    """
    split = grid.repeat_rows[0] if repeat_header and grid.repeat_rows is not None else grid.nrows
    parts = [(1, split), (split, grid.nrows)]
    return [_table(grid, widths, font, latin, half_points, a, b) for a, b in parts if b > a]


def _table(
    grid: Grid, widths: list[int], font: str, latin: str, half_points: int, first: int, end: int
) -> str:
    covered = grid.covered()
    rows = []
    for r in range(first, end):
        cells = []
        c = 0
        while c < grid.ncols:
            cell = grid.cells.get((r, c))
            borders = ""
            if cell is not None:
                span = cell.colspan
                content = _paragraph(cell, font, latin, half_points)
                if cell.rowspan > 1 and not cell.repeat:
                    borders = _open_edges(cell, r)
            elif (r, c) in covered and covered[(r, c)].col == c and covered[(r, c)].row < r:
                origin = covered[(r, c)]
                span = origin.colspan
                if origin.repeat:
                    content = _paragraph(origin, font, latin, half_points)
                else:
                    content = _paragraph(None, font, latin, half_points)
                    borders = _open_edges(origin, r)
            else:  # not part of any cell (a hole in the grid): an empty cell keeps the columns
                span, content = 1, _paragraph(None, font, latin, half_points)
            cells.append(_tc(sum(widths[c : c + span]), span, None, content, borders))
            c += span
        header = "<w:tblHeader/>" if r == first and first == (grid.repeat_rows or (-1,))[0] else ""
        rows.append(
            f'<w:tr><w:trPr><w:cantSplit/>{header}<w:jc w:val="center"/></w:trPr>'
            + "".join(cells)
            + "</w:tr>"
        )
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{_BORDERS}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="17" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="17" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


# between the two tables: a paragraph one point high, so they print as one form
SPACER = (
    f'<w:p xmlns:w="{W_NS}"><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:ind w:firstLine="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
)
