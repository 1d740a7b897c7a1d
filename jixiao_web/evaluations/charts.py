"""Charts for the overview, drawn on the server as SVG (no external services, no JS)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | Decimal  # a count, or a figure such as a mean gap in points
    href: str = ""  # where the bar leads (the units it counts)


def bins(edges: Sequence[int], unit: str = "") -> list[tuple[int, int | None, str]]:
    """[edges[i], edges[i+1]) with its label; the last bin is open-ended."""
    out = []
    for i, lo in enumerate(edges):
        hi = edges[i + 1] if i + 1 < len(edges) else None
        out.append((lo, hi, f"{lo}–{hi}{unit}" if hi is not None else f"≥{lo}{unit}"))
    return out


def histogram(values: Sequence[Decimal], edges: Sequence[int], unit: str = "") -> list[Bar]:
    """Counts of values per bin (see :func:`bins`)."""
    return [
        Bar(label, sum(1 for v in values if v >= lo and (hi is None or v < hi)))
        for lo, hi, label in bins(edges, unit)
    ]


def bar_chart_svg(
    title: str, bars: Sequence[Bar], width: int = 460, height: int = 220, horizontal: bool = False
) -> str:
    """A plain bar chart as an SVG string (text escaped)."""
    top, bottom, left = 36, 40, 30  # room for the title above the tallest bar's value
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<text x="{width // 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    peak = max((b.value for b in bars), default=0) or 1
    if horizontal:
        left = 250
        row_h = (height - top - 10) / max(len(bars), 1)
        for i, b in enumerate(bars):
            y = top + i * row_h
            w = (width - left - 40) * b.value / peak
            shown = b.label if len(b.label) <= 22 else b.label[:21] + "…"
            bar = (
                f'<g><title>{escape(b.label)}</title><text x="{left - 6}" y="{y + row_h * 0.65:.1f}" '
                f'text-anchor="end" font-size="11">{escape(shown)}</text></g>'
                f'<rect x="{left}" y="{y + 2:.1f}" width="{w:.1f}" height="{row_h - 4:.1f}" fill="#c0392b"/>'
            )
            out.append(f'<a href="{escape(b.href)}">{bar}</a>' if b.href else bar)
            out.append(
                f'<text x="{left + w + 4:.1f}" y="{y + row_h * 0.65:.1f}" font-size="11">{b.value}</text>'
            )
    else:
        plot_h = height - top - bottom
        col_w = (width - left - 10) / max(len(bars), 1)
        out.append(
            f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#888"/>'
        )
        for i, b in enumerate(bars):
            x = left + i * col_w
            h = plot_h * b.value / peak
            out.append(
                f'<rect x="{x + 3:.1f}" y="{top + plot_h - h:.1f}" width="{col_w - 6:.1f}" height="{h:.1f}" fill="#2e6da4"/>'
            )
            out.append(
                f'<text x="{x + col_w / 2:.1f}" y="{top + plot_h - h - 3:.1f}" text-anchor="middle" font-size="11">{b.value}</text>'
            )
            out.append(
                f'<text x="{x + col_w / 2:.1f}" y="{top + plot_h + 14}" text-anchor="middle" font-size="10">{escape(b.label)}</text>'
            )
    out.append("</svg>")
    return "".join(out)
