"""Batch review for the finance bureau: a whole region's submissions in one run.

- :func:`run_batch` — every supported file below folders / .zip archives, in a process pool,
  journaled as results arrive; outputs ``summary.xlsx``, ``findings.json``, ``汇总报告.docx``
  and one ``checks/<file>.check.txt`` per input; a second run resumes.
- :func:`build_outputs` — rebuild the outputs of a batch folder from its journal.
- :func:`compare_outputs` — two years' batch folders side by side, per unit.
"""

from __future__ import annotations

from jixiao.batch.compare import compare_outputs
from jixiao.batch.engine import Engine
from jixiao.batch.outputs import build_outputs
from jixiao.batch.record import FileRecord, FindingRow, Status
from jixiao.batch.runner import BatchResult, run_batch

__all__ = [
    "BatchResult",
    "Engine",
    "FileRecord",
    "FindingRow",
    "Status",
    "build_outputs",
    "compare_outputs",
    "run_batch",
]
