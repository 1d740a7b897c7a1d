"""Charts for the bureau's summary report (matplotlib, Agg, a CJK font; PNG bytes)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "Noto Serif CJK SC",
)
BLUE = "#2F5597"
GRADE_COLOURS = {"优": "#63BE7B", "良": "#A9D08E", "中": "#FFD966", "差": "#F8696B"}


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The first installed font able to draw Chinese, by family name."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    return None


def _figure(width: float = 6.4, height: float = 3.2) -> Figure:
    fig = Figure(figsize=(width, height), dpi=150, layout="constrained")
    return fig


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _whole_counts(axis: Any) -> None:
    """A count axis has whole-number ticks only (no 0.5 份)."""
    axis.set_major_locator(MaxNLocator(integer=True))


def _style() -> Any:  # rcParams (matplotlib types them as literal keys)
    font = cjk_font()
    style: dict[str, Any] = {"axes.unicode_minus": False, "font.size": 9}
    if font:
        style["font.family"] = [font]
    return style


def histogram(
    values: Sequence[float],
    bins: Sequence[float],
    title: str,
    xlabel: str,
    marks: Sequence[tuple[float, str]] = (),
) -> bytes:
    """A histogram with vertical marks (grade cut-offs, 90 % / 100 % execution)."""
    import matplotlib

    with matplotlib.rc_context(_style()):
        fig = _figure()
        ax = fig.add_subplot()
        low, high = bins[0], bins[-1]
        clipped = [min(max(v, low), high - 1e-9) for v in values]
        ax.hist(clipped, bins=list(bins), color=BLUE, edgecolor="white")
        for x, label in marks:
            ax.axvline(x, color="#C00000", linestyle="--", linewidth=1)
            ax.annotate(
                label,
                (x, 1),
                xycoords=("data", "axes fraction"),
                xytext=(3, -12),
                textcoords="offset points",
                color="#C00000",
            )
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("份数")
        _whole_counts(ax.yaxis)
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)


def bars(
    labels: Sequence[str], counts: Sequence[int], title: str, colours: Sequence[str] | None = None
) -> bytes:
    """Vertical bars with the count above each."""
    import matplotlib

    with matplotlib.rc_context(_style()):
        fig = _figure(5.2, 3.0)
        ax = fig.add_subplot()
        drawn = ax.bar(list(labels), list(counts), color=list(colours) if colours else BLUE)
        ax.bar_label(drawn, padding=2)
        ax.set_title(title)
        ax.set_ylabel("份数")
        _whole_counts(ax.yaxis)
        ax.margins(y=0.15)
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)


def ranked_bars(labels: Sequence[str], counts: Sequence[int], title: str) -> bytes:
    """Horizontal bars, largest on top (most frequent defects)."""
    import matplotlib

    with matplotlib.rc_context(_style()):
        fig = _figure(6.4, 0.8 + 0.32 * max(len(labels), 1))
        ax = fig.add_subplot()
        shown = [label if len(label) <= 28 else label[:27] + "…" for label in labels]
        drawn = ax.barh(shown[::-1], list(counts)[::-1], color=BLUE)
        ax.bar_label(drawn, padding=2)
        ax.set_title(title)
        ax.set_xlabel("涉及材料份数")
        _whole_counts(ax.xaxis)
        ax.margins(x=0.12)
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)
