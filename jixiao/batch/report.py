"""``汇总报告.docx``: the bureau's summary of a batch, with charts (python-docx)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from jixiao.batch import charts
from jixiao.batch.record import KIND_LABELS, SEVERITY_LABELS
from jixiao.batch.stats import GRADES, RATE_BANDS, SCORE_BANDS, Stats
from jixiao.writers.docx import TABLE_FONT, official_document, set_fonts

TOP_CODES = 15
SMALL = [4.5, 2.5, 2.5]  # column widths (cm) of the distribution tables


def write_report(path: Path, stats: Stats, rule_titles: dict[str, str] | None = None) -> None:
    titles = rule_titles or {}
    doc = official_document()  # the one style of every document jixiao writes: A4, GB/T 9704
    title = doc.add_heading("预算绩效自评材料批量审核汇总报告", level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note = doc.add_paragraph(f"{datetime.now():%Y年%m月%d日 %H:%M} 由 jixiao batch 生成")
    note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note.paragraph_format.first_line_indent = Pt(0)

    doc.add_heading("一、总体情况", level=1)
    kinds = "，".join(f"{KIND_LABELS.get(k, k)} {n} 份" for k, n in sorted(stats.kinds.items()))
    years = "、".join(f"{y} 年度 {n} 份" for y, n in sorted(stats.years.items()))
    doc.add_paragraph(
        f"本次共审核材料 {stats.files} 份，成功读取 {stats.read} 份"
        + (f"（{kinds}）" if kinds else "")
        + f"，涉及单位 {len(stats.units)} 个；无法读取 {stats.unreadable + stats.failed} 份。"
        + (f"所属年度：{years}。" if years else "")
    )
    doc.add_paragraph(
        f"审核共发现错误 {stats.errors} 条、警告 {stats.warnings} 条、提示 {stats.infos} 条；"
        f"未发现任何问题的材料 {stats.clean_files} 份。"
        + (
            f"填报总分与按评分规则计算的得分不一致的材料 {stats.score_mismatch} 份。"
            if stats.score_mismatch
            else ""
        )
    )

    doc.add_heading("二、得分与等级分布", level=1)
    if stats.scores:
        doc.add_paragraph("得分以按评分规则计算的得分为准；无法计算的，采用填报得分。")
        _picture(
            doc,
            charts.histogram(
                stats.scores,
                _score_bins(stats.scores),
                "自评得分分布",
                "得分",
                [(60, "60"), (80, "80"), (90, "90")],
            ),
        )
        _table(
            doc,
            ["得分区间", "份数", "占比"],
            [
                [label, n, _share(n, len(stats.scores))]
                for label, n in _ordered(stats.score_bands, [b for _, b in SCORE_BANDS])
            ],
        )
    else:
        doc.add_paragraph("没有可统计的得分。")
    if stats.grades:
        labels = [g for g in GRADES if g in stats.grades] + sorted(set(stats.grades) - set(GRADES))
        counts = [stats.grades[g] for g in labels]
        _picture(
            doc,
            charts.bars(
                labels,
                counts,
                "评价等级分布",
                [charts.GRADE_COLOURS.get(g, charts.BLUE) for g in labels],
            ),
            width=11,
        )
        total = sum(counts)
        _table(
            doc,
            ["等级", "份数", "占比"],
            [[g, n, _share(n, total)] for g, n in zip(labels, counts, strict=True)],
        )
    if stats.ungraded:
        doc.add_paragraph(
            f"另有 {stats.ungraded} 份材料的总分无法按评分规则复算，不评等级，未计入等级统计"
            "（原因见 summary.xlsx 的“不评等级原因”列）。"
        )

    if stats.largest_gaps:
        doc.add_paragraph(
            f"填报总分与按评分规则计算的得分相差超过 0.01 分的材料 {stats.score_mismatch} 份，"
            f"相差最大的 {len(stats.largest_gaps)} 份如下，建议复核评分："
        )
        _table(
            doc,
            ["单位", "填报得分", "计算得分", "差额", "文件"],
            [
                [unit, printed, computed, printed - computed, path]
                for unit, printed, computed, path in stats.largest_gaps
            ],
            widths=[4.5, 1.8, 1.8, 2.0, 6.4],  # 差额 “-4910.00” on one line
            size=8,
        )

    doc.add_heading("三、预算执行率分布", level=1)
    if stats.rates:
        over = stats.rate_bands.get(RATE_BANDS[0][1], 0)
        low = sum(
            n
            for label, n in stats.rate_bands.items()
            if label in (RATE_BANDS[3][1], RATE_BANDS[4][1])
        )
        doc.add_paragraph(
            f"有执行率数据的材料 {len(stats.rates)} 份，其中执行率超过 100% 的 {over} 份（预算数可能不是调整后预算），"
            f"低于 90% 的 {low} 份（应说明原因）。"
        )
        _picture(
            doc,
            charts.histogram(
                stats.rates,
                list(range(0, 160, 10)),
                "预算执行率分布（超过 150% 的计入最右一组）",
                "执行率（%）",
                [(90, "90%"), (100, "100%")],
            ),
        )
        _table(
            doc,
            ["执行率区间", "份数", "占比"],
            [
                [label, n, _share(n, len(stats.rates))]
                for label, n in _ordered(stats.rate_bands, [b for _, b in reversed(RATE_BANDS)])
            ],
        )
    else:
        doc.add_paragraph("没有可统计的执行率。")

    doc.add_heading("四、最常见的问题", level=1)
    top_codes = stats.codes_by_count()[:TOP_CODES]
    if top_codes:
        names = [f"{c.code} {titles.get(c.code) or c.message}" for c in top_codes]
        _picture(
            doc,
            charts.ranked_bars(
                names[:10], [c.files for c in top_codes[:10]], "最常见的问题（前 10 项）"
            ),
        )
        _table(
            doc,
            ["代码", "级别", "规则 / 示例", "涉及材料", "出现次数"],
            [
                [
                    c.code,
                    SEVERITY_LABELS.get(c.severity, c.severity),
                    titles.get(c.code) or c.message,
                    c.files,
                    c.count,
                ]
                for c in top_codes
            ],
            widths=[1.8, 1.2, 9.5, 1.8, 1.8],
        )
    else:
        doc.add_paragraph("未发现问题。")

    doc.add_heading("五、建议优先复核的材料", level=1)
    if stats.top:
        doc.add_paragraph(
            f"按错误条数从多到少、得分从低到高、警告条数从多到少排列，列出前 {len(stats.top)} 份。"
        )
        _table(
            doc,
            ["序号", "单位", "错误", "警告", "得分", "等级", "主要问题", "文件"],
            [
                [
                    i,
                    p.unit,
                    p.errors,
                    p.warnings,
                    _num(p.score if p.score is not None else p.printed),
                    p.grade or "",
                    p.main,
                    p.path,
                ]
                for i, p in enumerate(stats.top, start=1)
            ],
            widths=[1.0, 3.0, 1.0, 1.0, 1.2, 1.0, 5.6, 3.0],
            size=8,
        )
    else:
        doc.add_paragraph("没有需要优先复核的材料。")

    if stats.unreadable_list:
        doc.add_heading("六、无法读取的材料", level=1)
        missing = stats.unreadable + stats.failed
        doc.add_paragraph(
            f"以下 {missing} 份材料无法读取，请通知报送单位按原因重新报送或人工审核"
            + (
                f"（仅列出前 {len(stats.unreadable_list)} 份，完整清单见 summary.xlsx）。"
                if missing > len(stats.unreadable_list)
                else "。"
            )
        )
        _table(
            doc,
            ["文件", "原因"],
            [[p, r] for p, r in stats.unreadable_list],
            widths=[6.0, 10.5],
            size=8,
        )

    doc.add_heading("说明", level=1)
    doc.add_paragraph(
        "逐份审核结果见 summary.xlsx（汇总、问题明细、按规则统计、按单位汇总四张表）、findings.json 及 checks 文件夹中的 .check.txt 文件。"
    )
    buf = io.BytesIO()
    doc.save(buf)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(buf.getvalue())
    tmp.replace(path)


def _picture(doc: DocxDocument, png: bytes, width: float = 15.5) -> None:
    doc.add_picture(io.BytesIO(png), width=Cm(width))
    picture = doc.paragraphs[-1]
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.first_line_indent = Pt(0)
    picture.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE  # not the body's 28 pt


def _table(
    doc: DocxDocument,
    header: list[str],
    rows: list[list[object]],
    widths: list[float] | None = None,
    size: int = 9,
) -> Table:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
            run.font.size = Pt(size)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(size)
    for row in table.rows:  # table text: 宋体, single-spaced, not the body's indented 仿宋
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                pf = paragraph.paragraph_format
                pf.first_line_indent = Pt(0)
                pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
                pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
                for run in paragraph.runs:
                    set_fonts(run._r, TABLE_FONT)
    header_row = table.rows[0]._tr.get_or_add_trPr()
    header_row.append(OxmlElement("w:tblHeader"))  # repeated on each page
    for cell in table.rows[0].cells:
        _shade(cell, "D9E2F3")
    if widths is None and len(header) == len(SMALL):
        widths = SMALL
    if widths:
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
    doc.add_paragraph()
    return table


def _shade(cell: _Cell, colour: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    props.append(shading)


def _ordered(counter: dict[str, int], order: list[str]) -> list[tuple[str, int]]:
    return [(label, counter.get(label, 0)) for label in order]


def _score_bins(scores: list[float]) -> list[float]:
    """5-point bins from just below the lowest score (at most 40) to 100."""
    low = min(40, int(min(scores) // 5 * 5)) if scores else 40
    return list(range(max(low, 0), 105, 5))


def _share(n: int, total: int) -> str:
    return f"{n / total:.1%}" if total else "—"


def _num(value: object) -> str:
    return "" if value is None else str(value)
