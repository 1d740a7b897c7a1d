"""Grades printed where a score belongs (优/良/中/差 in the 得分 column).

Some forms grade each indicator instead of scoring it. A grade is no figure: the score is left
empty, a reading note says what the cell holds, and the row still counts as read as printed
(the arithmetic that checks rows — 得分 ≤ 分值 — has nothing to check on it).
"""

from __future__ import annotations

import re

_GRADE = re.compile(r"^\s*(?:优秀?|良好?|中等?|差|较差|合格|不合格|基本合格|A|B|C|D)\s*$")


def is_grade(text: str) -> bool:
    """Whether a score cell holds a grade word rather than a figure."""
    return bool(_GRADE.match(text))


def graded_key(name: str) -> str:
    """The key a graded row leaves in ``FormParts.seen``."""
    return "graded:" + name


_FULL_MARKS = re.compile(r"^\s*(?:满分|得满分|全分)\s*$")


def is_full_marks(text: str) -> bool:
    """A score cell printed as 满分: the row's own weight, as the word says."""
    return bool(_FULL_MARKS.match(text))
