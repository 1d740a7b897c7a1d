"""The neutral layer between file formats and the form: tables of cells and paragraphs.

Every reader (plain text in any layout, .docx, .xlsx, .xls, .pdf, .doc) turns its file
into a :class:`Document`; one extraction layer (``jixiao.extract``) maps the Chinese labels
in it onto the model. No openpyxl, docx or pdfplumber object passes this layer.

Conventions:
- a merged region's text stands in its top-left cell; the other cells it covers are present
  with empty text and ``merged=True``, so columns stay aligned (as Word's text export does);
- a :class:`Table` row is a physical row of the source; readers that cannot know rows
  (vertical, run-together text) put one cell per row and say so in ``Document.layout``;
- text is as printed (no normalisation): the extraction layer normalises.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.model import Location


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    location: Location
    merged: bool = False  # covered by a merged region started in another cell
    row_span: int = 1
    col_span: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]
    location: Location | None = None
    name: str | None = None  # sheet name, "表2", …


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    location: Location
    heading_level: int | None = None  # from the file's own styles where it has them


Block = Table | Paragraph


@dataclass(frozen=True, slots=True)
class Document:
    source: str
    blocks: tuple[Block, ...]
    layout: str  # tabbed / pipe / spaced / vertical / other / prose / docx / xlsx / xls / pdf / doc
    notes: tuple[str, ...] = ()  # what the reader noticed (in Chinese)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))
