"""A long alternation of patterns, searched only where one of them can start.

Python's ``re`` tries every alternative of ``a|b|c…`` at every position of the text: the
label pattern of run-together text has a few hundred alternatives, so a line of 800
characters costs a few hundred thousand attempts. :class:`Alternation` finds the same matches
(:meth:`finditer` yields the same spans, in the same order, as ``re.finditer`` on the joined
pattern) with two exact short cuts:

- only positions whose character can begin some alternative are tried (the first character an
  alternative consumes, worked out from the parsed pattern; lookbehinds consume nothing);
- at such a position only the alternatives that can begin with that character are tried, in
  their original order, so the first alternative that matches still wins.

When the first characters cannot be worked out (a class such as ``\\w`` or ``.`` first, an
alternative that may match the empty string, a case-insensitive pattern) the plain pattern is
used: the short cuts never change a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]

_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_MAX_RANGE = 4096  # a wider class (all of CJK) is no use as a filter


class _Unknown(Exception):
    """A pattern element whose first characters are not worked out here."""


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with; None when unknown (or when the
    pattern can match the empty string)."""
    try:
        parsed = _p.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None  # (?i): the letters of another case start matches too
        chars, nullable = _sequence(list(parsed))
    except (_Unknown, re.error):
        return None
    return None if nullable else frozenset(chars)


def _sequence(items: list[tuple[object, object]]) -> tuple[set[str], bool]:
    """First characters of a sequence and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _element(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _element(op: object, av: object) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _c.SUBPATTERN:
        if av[1] & re.IGNORECASE:  # type: ignore[index]
            raise _Unknown(op)  # (?i:…)
        return _sequence(list(av[-1]))  # type: ignore[index]
    if op is _c.BRANCH:
        out: set[str] = set()
        nullable = False
        for alt in av[1]:  # type: ignore[index]
            chars, empty = _sequence(list(alt))
            out |= chars
            nullable |= empty
        return out, nullable
    if op in _REPEATS:
        repeat: tuple[int, int, list[tuple[object, object]]] = av  # type: ignore[assignment]
        chars, empty = _sequence(list(repeat[2]))
        return chars, empty or repeat[0] == 0
    if op is _c.IN:
        return _charset(av), False  # type: ignore[arg-type]
    raise _Unknown(op)


def _charset(items: list[tuple[object, object]]) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))  # type: ignore[arg-type]
        elif op is _c.RANGE and av[1] - av[0] <= _MAX_RANGE:  # type: ignore[index,operator]
            out.update(chr(x) for x in range(av[0], av[1] + 1))  # type: ignore[index,operator]
        else:
            raise _Unknown(op)  # NEGATE, categories, huge ranges
    return out


class Alternation:
    """``re.compile("|".join(f"(?:{a})" for a in alternatives))`` with a faster exact
    :meth:`finditer` (see the module's text)."""

    def __init__(self, alternatives: Sequence[str]) -> None:
        self.pattern = re.compile("|".join(f"(?:{a})" for a in alternatives))
        firsts = [first_chars(a) for a in alternatives]
        self._by_char: dict[str, re.Pattern[str]] | None = None
        self._starts: re.Pattern[str] | None = None
        known = [f for f in firsts if f is not None]
        if len(known) < len(firsts) or not known:
            return
        chars = sorted(set().union(*known))
        self._by_char = {
            ch: re.compile(
                "|".join(f"(?:{a})" for a, f in zip(alternatives, known, strict=True) if ch in f)
            )
            for ch in chars
        }
        self._starts = re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]")

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match (as ``re.search`` on the joined pattern)."""
        return next(self.finditer(text, pos, endpos), None)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else min(endpos, len(text))
        if self._starts is None or self._by_char is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        starts, by_char = self._starts, self._by_char
        while (s := starts.search(text, pos, end)) is not None:
            at = s.start()
            m = by_char[text[at]].match(text, at, end)
            if m is None:
                pos = at + 1
            else:
                yield m
                pos = m.end()  # never empty: no alternative matches the empty string
