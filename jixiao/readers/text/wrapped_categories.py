"""A category cell wrapped over two lines in text printed a row per line.

A merged 二级 cell too narrow for its words is printed on two lines; in text without column
positions each line stands alone::

    服务对象
    满意度指标
    指标1：服务对象满意度 90% 100% 10 10

Alone, ``服务对象`` is no form word (it would be read as an indicator without values) and
``满意度指标`` is a 一级, so the row under them lands under the wrong category, or none.
:func:`join_wrapped_categories` joins two such lines when the first is no category word, the
two together are one (``服务对象满意度指标``, ``可持续影响指标``), and neither holds a figure
or a second cell; the second line is left blank, so line numbers do not change.
"""

from __future__ import annotations

import re

from jixiao.extract import vocab
from jixiao.textnorm import label_key, strip_points

_RUN = re.compile(r"\S(?: {2,}|\t|\u3000)\S|\S \S")
_DIGIT = re.compile(r"\d")


def _single_word(text: str) -> bool:
    return bool(text) and not _RUN.search(text) and not _DIGIT.search(text)


def _category(text: str) -> bool:
    key = strip_points(label_key(text))
    return bool(key) and (vocab.is_level1(key) or vocab.is_level2(key))


def join_wrapped_categories(lines: list[str]) -> list[str]:
    """The lines with each category cell wrapped over two lines joined on its first line."""
    out = list(lines)
    i = 0
    while i + 1 < len(out):
        first, second = out[i].strip(), out[i + 1].strip()
        if (
            _single_word(first)
            and _single_word(second)
            and not _category(first)
            and _category(first + second)
        ):
            indent = out[i][: len(out[i]) - len(out[i].lstrip())]
            out[i] = indent + first + second
            out[i + 1] = ""
            i += 2
            continue
        i += 1
    return out
