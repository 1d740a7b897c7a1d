"""Charts for the bureau's summary report: PNG bytes drawn with Pillow.

Three kinds — a histogram with marked cut-offs, vertical bars with their counts, horizontal
bars ranked largest first — are all the report needs; drawn directly they cost a few
milliseconds each, where matplotlib took half a second to import and as long to render. Count
axes have whole-number ticks only. Chinese text uses a CJK font found on the machine (Noto
Sans CJK SC on Linux, 微软雅黑 / 黑体 on Windows).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BLUE = "#2F5597"
RED = "#C00000"
GRID = "#D9D9D9"
INK = "#262626"
GRADE_COLOURS = {"优": "#63BE7B", "良": "#A9D08E", "中": "#FFD966", "差": "#F8696B"}
SCALE = 2  # pixels per point-ish unit: 1280 × 640 px for a 6.4 × 3.2 in chart at 200 dpi

# (file, face index) in order of preference; a .ttc holds several faces (index 2: SC)
CJK_FONT_FILES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
)


@lru_cache(maxsize=1)
def cjk_font_file() -> tuple[str, int] | None:
    """The first installed font file able to draw Chinese."""
    for path, index in CJK_FONT_FILES:
        if Path(path).is_file():
            return path, index
    return None


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    found = cjk_font_file()
    if found is not None:
        try:
            return ImageFont.truetype(found[0], size * SCALE, index=found[1])
        except OSError:
            pass
    return ImageFont.load_default(size * SCALE)


class _Chart:
    """A white canvas with a plot area, in chart units (×SCALE pixels)."""

    def __init__(self, width: float, height: float, left: int, bottom: int) -> None:
        self.w, self.h = int(width * 100), int(height * 100)  # 6.4 in → 640 units
        self.image = Image.new("RGB", (self.w * SCALE, self.h * SCALE), "white")
        self.draw = ImageDraw.Draw(self.image)
        self.box = (left, 34, self.w - 24, self.h - bottom)  # x0, y0 (top), x1, y1 (bottom)

    def px(self, x: float, y: float) -> tuple[float, float]:
        return x * SCALE, y * SCALE

    def text(self, x: float, y: float, text: str, size: int = 9, anchor: str = "mm",
             fill: str = INK) -> None:  # fmt: skip
        self.draw.text(self.px(x, y), text, font=_font(size), fill=fill, anchor=anchor)

    def line(self, x0: float, y0: float, x1: float, y1: float, fill: str = INK,
             width: float = 1) -> None:  # fmt: skip
        self.draw.line([self.px(x0, y0), self.px(x1, y1)], fill=fill, width=int(width * SCALE))

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: str) -> None:
        a, b = self.px(min(x0, x1), min(y0, y1))
        c, d = self.px(max(x0, x1), max(y0, y1))
        self.draw.rectangle([a, b, c, d], fill=fill)

    def title(self, text: str) -> None:
        self.text(self.w / 2, 16, text, size=11)

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.image.save(buffer, format="PNG", optimize=False)
        return buffer.getvalue()


def whole_ticks(top: int, most: int = 6) -> list[int]:
    """Whole-number ticks from 0 to at least ``top``, at most about ``most`` of them, on a
    1-2-5 step (a count axis never shows 0.5)."""
    top = max(top, 1)
    raw = top / most
    magnitude = 10 ** max(0, math.floor(math.log10(raw))) if raw >= 1 else 1
    step = next((m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw), 10 * magnitude)
    end = math.ceil(top / step) * step
    return list(range(0, end + 1, step))


def _count_axis(chart: _Chart, ticks: list[int], label: str) -> None:
    x0, y0, x1, y1 = chart.box
    top = ticks[-1]
    for t in ticks:
        y = y1 - (y1 - y0) * t / top
        chart.line(x0, y, x1, y, GRID, 0.5)
        chart.text(x0 - 5, y, str(t), anchor="rm")
    chart.text(x0 - 30, (y0 + y1) / 2, label, anchor="mm")
    chart.line(x0, y1, x1, y1)
    chart.line(x0, y0, x0, y1)


def histogram(
    values: Sequence[float],
    bins: Sequence[float],
    title: str,
    xlabel: str,
    marks: Sequence[tuple[float, str]] = (),
) -> bytes:
    """A histogram over ``bins`` (values outside go to the first or last bin), with dashed
    vertical marks (grade cut-offs, 90 % / 100 % execution)."""
    chart = _Chart(6.4, 3.2, left=56, bottom=44)
    x0, y0, x1, y1 = chart.box
    low, high = bins[0], bins[-1]
    counts = [0] * (len(bins) - 1)
    for v in values:
        v = min(max(v, low), high - 1e-9)
        k = next(i for i in range(len(counts)) if bins[i] <= v < bins[i + 1])
        counts[k] += 1
    ticks = whole_ticks(math.ceil(max(counts, default=0) * 1.1))
    _count_axis(chart, ticks, "份数")

    def x_of(v: float) -> float:
        return x0 + (x1 - x0) * (v - low) / (high - low)

    for k, n in enumerate(counts):
        if n:
            top = y1 - (y1 - y0) * n / ticks[-1]
            chart.rect(x_of(bins[k]) + 1, top, x_of(bins[k + 1]) - 1, y1, BLUE)
    every = max(1, math.ceil((len(bins) - 1) / 10))
    for k, edge in enumerate(bins):
        if k % every == 0 or k == len(bins) - 1:
            chart.line(x_of(edge), y1, x_of(edge), y1 + 3)
            chart.text(x_of(edge), y1 + 11, f"{edge:g}")
    for x, label in marks:
        if low <= x <= high:
            xx = x_of(x)
            y = y0
            while y < y1:  # dashed
                chart.line(xx, y, xx, min(y + 5, y1), RED, 1)
                y += 9
            chart.text(xx + 3, y0 + 6, label, size=8, anchor="lm", fill=RED)
    chart.text((x0 + x1) / 2, y1 + 29, xlabel)
    chart.title(title)
    return chart.png()


def bars(
    labels: Sequence[str], counts: Sequence[int], title: str, colours: Sequence[str] | None = None
) -> bytes:
    """Vertical bars with the count above each."""
    chart = _Chart(5.2, 3.0, left=56, bottom=30)
    x0, y0, x1, y1 = chart.box
    ticks = whole_ticks(math.ceil(max(counts, default=0) * 1.15))
    _count_axis(chart, ticks, "份数")
    n = max(len(labels), 1)
    slot = (x1 - x0) / n
    for k, (label, count) in enumerate(zip(labels, counts, strict=True)):
        left, right = x0 + slot * (k + 0.2), x0 + slot * (k + 0.8)
        top = y1 - (y1 - y0) * count / ticks[-1]
        colour = colours[k] if colours else BLUE
        chart.rect(left, top, right, y1, colour)
        chart.text((left + right) / 2, top - 7, str(count))
        chart.text((left + right) / 2, y1 + 12, label)
    chart.title(title)
    return chart.png()


def ranked_bars(labels: Sequence[str], counts: Sequence[int], title: str) -> bytes:
    """Horizontal bars, largest on top (most frequent defects), the count at each bar's end."""
    rows = max(len(labels), 1)
    chart = _Chart(6.4, 0.8 + 0.32 * rows, left=250, bottom=40)
    x0, y0, x1, y1 = chart.box
    ticks = whole_ticks(math.ceil(max(counts, default=0) * 1.12))
    top = ticks[-1]
    for t in ticks:
        x = x0 + (x1 - x0) * t / top
        chart.line(x, y0, x, y1, GRID, 0.5)
        chart.text(x, y1 + 10, str(t))
    chart.line(x0, y1, x1, y1)
    chart.line(x0, y0, x0, y1)
    slot = (y1 - y0) / rows
    for k, (label, count) in enumerate(zip(labels, counts, strict=True)):
        shown = label if len(label) <= 28 else label[:27] + "…"
        a, b = y0 + slot * (k + 0.18), y0 + slot * (k + 0.82)
        right = x0 + (x1 - x0) * count / top
        chart.rect(x0, a, right, b, BLUE)
        chart.text(right + 4, (a + b) / 2, str(count), anchor="lm")
        chart.text(x0 - 5, (a + b) / 2, shown, size=8, anchor="rm")
    chart.text((x0 + x1) / 2, y1 + 27, "涉及材料份数")
    chart.title(title)
    return chart.png()
