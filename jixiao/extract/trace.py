"""Why a value was read: the cells each field came from and the rule that placed it.

Off by default (no cost): ``with tracing() as trace: jixiao.read(path)`` turns it on for the
reads inside the block. The extraction layer records a :class:`Placement` wherever it puts a
cell into the model and marks the cells it used as labels; every other nonblank cell it was
given is *unread*. ``jixiao parse FILE --explain`` prints the trace.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from jixiao.document import Cell


@dataclass(frozen=True, slots=True)
class Placement:
    field: str  # 资金[年度资金总额].全年预算数, 指标[培训人次].完成值, 年度 …
    cells: tuple[Cell, ...]  # where the value was read (one or more cells)
    rule: str  # the rule that placed it, in Chinese


@dataclass
class Trace:
    placements: list[Placement] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # readings left empty, with the reason
    _fed: dict[int, Cell] = field(default_factory=dict)
    _used: set[int] = field(default_factory=set)

    def place(self, name: str, cells: Sequence[Cell | None], rule: str) -> None:
        kept = tuple(c for c in cells if c is not None)
        self.placements.append(Placement(name, kept, rule))
        self._used.update(id(c) for c in kept)

    def seen(self, cells: Sequence[Cell]) -> None:
        """Cells given to the extraction (a row, a stream cell)."""
        for c in cells:
            if c.text and c.text.strip():
                self._fed.setdefault(id(c), c)

    def used(self, cells: Sequence[Cell | None]) -> None:
        """Cells read as labels (headers, section titles, row labels)."""
        self._used.update(id(c) for c in cells if c is not None)

    def mark(self) -> int:
        """Where the placements recorded from now on start (see :meth:`drop`)."""
        return len(self.placements)

    def drop(self, start: int, end: int | None) -> None:
        """Forget the placements of a reading that was not kept (``start:end``)."""
        del self.placements[start:end]

    def unread(self) -> list[Cell]:
        return [c for k, c in self._fed.items() if k not in self._used]


_CURRENT: ContextVar[Trace | None] = ContextVar("jixiao_trace", default=None)


def active() -> Trace | None:
    """The trace being recorded, or None (the usual case)."""
    return _CURRENT.get()


@contextmanager
def tracing() -> Iterator[Trace]:
    trace = Trace()
    token = _CURRENT.set(trace)
    try:
        yield trace
    finally:
        _CURRENT.reset(token)
