"""Run-together text (cells written with no separator) → cells."""

from __future__ import annotations

from jixiao.document import Cell
from jixiao.extract.form import FormBuilder


def split_cell(cell: Cell, builder: FormBuilder) -> list[Cell]:
    return [cell]
