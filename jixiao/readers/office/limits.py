"""Limits that bound the time and memory spent on one office file or PDF.

A two-page self-evaluation form is far below every one of them; a file beyond any limit is
refused with a :class:`~jixiao.errors.ReadError` before the heavy libraries see it.
See docs/formats.md for the messages.
"""

from __future__ import annotations

MAX_FILE_BYTES = 50 * 1024 * 1024  # the file itself (also checked by jixiao.readers.read_path)
MAX_ZIP_ENTRIES = 5_000  # parts in a .docx/.xlsx package
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # sum of the parts' uncompressed sizes
MAX_PART_BYTES = 100 * 1024 * 1024  # one part, uncompressed
MAX_COMPRESSION_RATIO = 200  # uncompressed ÷ compressed, for parts above RATIO_MIN_BYTES
RATIO_MIN_BYTES = 1024 * 1024

MAX_SHEET_CELLS = 500_000  # cells written in all sheets of a workbook (<c> elements / xls cells)
MAX_SHEET_ROWS = 100_000  # rows kept per sheet
MAX_SHEET_COLS = 500  # columns kept per sheet
MAX_SHEETS = 200

MAX_DOCX_TABLE_CELLS = 200_000

MAX_PDF_PAGES = 300
MAX_PDF_CHARS_PER_PAGE = 50_000
MAX_PDF_CONTENT_BYTES = 64 * 1024 * 1024  # a page's content streams, inflated

SOFFICE_TIMEOUT_SECONDS = 120
