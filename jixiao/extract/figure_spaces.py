"""Words run together, figures parted by spaces (PDF text on document-sharing sites, rw3).

A PDF's text layer copied from a document-sharing or mirror site often joins the Chinese cells
of a row with no separator while the figure cells keep a space on either side::

    产出指标数量指标受训人次≥80人次 25 24 时效指标结项时间≤11月 25 25 合计 100 97

Neither a run-together reader (which knows no spaces) nor a single-space reader (which expects
a space between every two cells) reads it. Here the spaces are taken as what they are: certain
cell boundaries. :func:`fence` joins the text and keeps, for the run-together splitter, where the
spaces stood and which spans were bare figures between spaces (``25``, ``22.5``: one cell each,
never cut inside); :func:`spaced_figures` tells such a text from a single-spaced table (whose
Chinese cells are parted by spaces too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.measure import unit_pattern

# a bare figure between two spaces (or a space and the text's end): one cell
_BARE = re.compile(r"[-+]?\d+(?:\.\d+)?%?")
# a category word run into the next word: the mark of Chinese cells written together
_GLUED_CATEGORY = re.compile(r"指标(?=[\u4e00-\u9fff])")
_SPACE_RUN = re.compile(r"\S( {2,}|\u3000|\t)\S")
# a single space with a figure (or an operator before one) on either side, and one between words
# (a space before a percent sign or a unit is inside one figure: 100 %, 2504882 元 — prose
# reports print their amounts so; a table's cells run together do not)
_FIGURE_SPACE = re.compile(
    rf"(?<=[\d%％.]) (?![%％]|{unit_pattern()})(?=\S)|(?<=\S) (?=[-+]?\d|[≥≤≧≦<>=＞＜])"
)
_WORD_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff（）()、，：:]) (?=[\u4e00-\u9fff（）()、，：:])"
)


@dataclass(frozen=True)
class Fence:
    """The joined text, where the spaces stood in it, and the bare figures' spans."""

    text: str
    bounds: frozenset[int]
    whole: tuple[tuple[int, int], ...]

    def crosses(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a space that stood inside it (two cells as one)."""
        return any(start < b < end for b in self.bounds)

    def cuts_figure(self, at: int) -> bool:
        """Whether a cut at ``at`` falls inside a bare figure printed between spaces."""
        return any(s < at < e for s, e in self.whole)

    def penalty(self, cuts: list[int]) -> float:
        """Of a reading's cuts: -1 for each between two digits where a space stood (certain,
        not the guess a cut inside a number is), +1.5 for each inside a bare figure printed
        between spaces (possible where cells ran together, but unlikely)."""
        inside = sum(1 for c in set(cuts) if self.cuts_figure(c))
        return 1.5 * inside - self.certain(cuts)

    def certain(self, cuts: list[int]) -> int:
        """How many of the cuts between two digits stand where a space was printed."""
        t = self.text
        return sum(
            1 for c in cuts if c in self.bounds and 0 < c < len(t) and t[c - 1].isdigit() and t[c].isdigit()
        )


def fence(text: str) -> Fence | None:
    """The text without its single spaces, and where they were; None without spaces."""
    if " " not in text.strip():
        return None
    stripped = text.strip()
    parts = stripped.split(" ")
    bounds: list[int] = []
    whole: list[tuple[int, int]] = []
    at = 0
    out: list[str] = []
    for i, part in enumerate(parts):
        if i and part and out:
            bounds.append(at)
        if part and _BARE.fullmatch(part):
            whole.append((at, at + len(part)))
        out.append(part)
        at += len(part)
    return Fence("".join(out), frozenset(bounds), tuple(whole))


def spaced_figures(text: str) -> bool:
    """Chinese cells run together while figures stand between single spaces: every space
    touches a figure (none parts two words), four such spaces at least, category words run
    into the next word, and no column of wider gaps."""
    sample = text[:20000]
    if len(_GLUED_CATEGORY.findall(sample)) < 2 or _SPACE_RUN.search(sample) is not None:
        return False
    figure = len(_FIGURE_SPACE.findall(sample))
    if figure < 4:
        return False
    return len(_WORD_SPACE.findall(sample)) <= max(1, figure // 10)

_SPACED_RUN = re.compile(r"\d+(?:\.\d+)?(?: \d+(?:\.\d+)?)+(?=\s|$|[^\d.])")


def leading_figures(text: str, n: int) -> tuple[tuple[str, ...], int] | None:
    """Two to ``n`` figures parted by single spaces at the start of ``text`` (a total row's
    分值 and 得分, ``100 97``): the figures as printed, and where they end."""
    m = _SPACED_RUN.match(text)
    if m is None:
        return None
    figures = tuple(m.group().split(" "))
    return (figures, m.end()) if len(figures) <= n else None
