"""PDF through LibreOffice: Chinese text in the text layer, CJK fonts embedded, simplified
glyph forms, and a clear message when LibreOffice is missing or too slow."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from writers_samples import department, with_report

from jixiao.writers import soffice
from jixiao.writers.pdf import write_pdf, write_report_pdf

needs_soffice = pytest.mark.skipif(
    soffice.find_soffice() is None, reason="LibreOffice not installed"
)


def _text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@needs_soffice
def test_table_and_report_pdf_show_chinese(tmp_path: Path) -> None:
    path = write_pdf(with_report(department()), tmp_path / "自评.pdf")
    text = _text(path)
    for expected in ("2021年度部门整体支出绩效自评表", "部门职责", "全年预算数", "198.8", "106.87%",
                     "偏差原因分析", "总分", "部门整体支出绩效自评报告", "一、部门（单位）概况"):  # fmt: skip
        assert expected in text.replace(" ", "").replace("\n", "")
    with pdfplumber.open(path) as pdf:
        fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
        assert pdf.pages[0].width > pdf.pages[0].height  # the table: landscape
        assert pdf.pages[-1].height > pdf.pages[-1].width  # the report: portrait
    assert any("CJK" in f for f in fonts), fonts


@needs_soffice
def test_report_pdf_uses_simplified_glyph_forms(tmp_path: Path) -> None:
    """骨 differs between the Japanese and the simplified Chinese form of Noto Serif CJK: the
    rendered glyph must be nearer the SC one (LibreOffice's default locale would give JP)."""
    from dataclasses import replace

    from PIL import Image, ImageChops, ImageDraw, ImageFont

    from jixiao.model import Report, Section, Text

    ttc = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
    if not ttc.exists():
        pytest.skip("Noto Serif CJK not installed")
    report = Report(Text("骨"), (Section(Text("骨"), "", 1),))
    pdf = write_report_pdf(replace(department(), report=report), tmp_path / "g.pdf")
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        char = next(
            c
            for c in page.chars
            if c["text"] == "骨" and "Serif" in c["fontname"] or c["text"] == "骨"
        )
        image = (
            page.crop((char["x0"], char["top"], char["x1"], char["bottom"]))
            .to_image(resolution=400)
            .original
        )

    def ink(img: Image.Image) -> Image.Image:
        gray = img.convert("L")
        return gray.crop(ImageChops.invert(gray).getbbox()).resize((48, 48))

    def reference(index: int) -> Image.Image:
        canvas = Image.new("L", (260, 260), 255)
        ImageDraw.Draw(canvas).text(
            (20, 10), "骨", font=ImageFont.truetype(str(ttc), 200, index=index), fill=0
        )
        return ink(canvas)

    glyph = ink(image)

    def distance(a: Image.Image, b: Image.Image) -> int:
        return sum(ImageChops.difference(a, b).histogram()[k] * k for k in range(256))

    # faces in the collection: 0 JP, 1 KR, 2 SC
    assert distance(glyph, reference(2)) < distance(glyph, reference(0))


def test_missing_libreoffice_is_a_clear_chinese_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(soffice, "find_soffice", lambda: None)
    with pytest.raises(soffice.ConversionError) as info:
        write_pdf(department(), tmp_path / "x.pdf")
    assert "需要 LibreOffice" in str(info.value)


def test_conversion_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = tmp_path / "slow-soffice"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    monkeypatch.setattr(soffice, "find_soffice", lambda: str(slow))
    with pytest.raises(soffice.ConversionError) as info:
        soffice.convert(tmp_path / "a.docx", "pdf", tmp_path, timeout=0.5)
    assert "超时" in str(info.value)


def _long_form():  # type: ignore[no-untyped-def]
    """A form whose indicators fill several pages, with tall rows (long reasons)."""
    from dataclasses import replace
    from decimal import Decimal

    from jixiao.measure import parse_measure
    from jixiao.model import Indicator, Num, Text

    reason = (
        "受天气和施工条件影响，部分工程延期，已督促施工单位加快进度，确保下年度一季度完工。" * 3
    )
    indicators = tuple(
        Indicator(
            Text(f"第{k:02d}项工程完成数量"),
            Text("产出指标" if k < 20 else "效益指标"),
            Text("数量指标" if k < 12 else ("质量指标" if k < 20 else "社会效益指标")),
            target=parse_measure(f"{k + 3}个"),
            actual=parse_measure(f"{k + 2}个"),
            weight=Num(Decimal(3), "3"),
            score=Num(Decimal(2), "2"),
            deviation=Text(f"{reason}（说明{k:02d}完）"),
        )
        for k in range(30)
    )
    return replace(department(), indicators=indicators)


@pytest.mark.slow
@needs_soffice
def test_table_pdf_keeps_rows_whole_and_repeats_the_header(tmp_path: Path) -> None:
    """Rendered and read back: each indicator row lies on one page (its name and the end of
    its reason on the same page), and every page after the first that holds indicator rows
    starts with the header and names their 一级/二级 indicators."""
    path = write_pdf(_long_form(), tmp_path / "长表.pdf")
    with pdfplumber.open(path) as pdf:
        pages = [
            (page.extract_text() or "").replace(" ", "").replace("\n", "") for page in pdf.pages
        ]
    assert len(pages) >= 3
    for k in range(30):
        name = f"第{k:02d}项工程完成数量"
        holding = [i for i, text in enumerate(pages) if name in text]
        assert len(holding) == 1, (name, holding)
        # the end of its reason (the last line of the row) is on the same page
        assert f"（说明{k:02d}完）" in pages[holding[0]], name
    for text in pages[1:]:
        if "工程完成数量" in text:
            assert text.find("一级指标") < text.find("工程完成数量")
            assert "产出指标" in text or "效益指标" in text
            # 二级 (a narrow column may wrap its last character onto the next line)
            assert "数量指标" in text or "质量指标" in text or "社会效益指" in text
