"""A document-sharing site's preview: the document's text in numbered chunks.

Sites that preview a shared .docx print its text run together, cut into chunks of a few hundred
characters, each starting a line with its number::

    1、2022年度专项资金绩效目标自评表专项资金名称…质量 指标工程验收合
    2、格率100%100%水质检测达标率95%97%…

The cut falls anywhere — inside a name (``工程验收合`` / ``格率``) — and the chunk number is
no part of the text. Inside the chunks a single space stands where the document wrapped a line
inside a narrow cell (``年度 总体 目标``, ``未完成原因和 改进措施``), never between two cells.

:func:`join_preview_chunks` joins the chunks into one line (the number dropped, the others
blanked so line numbers stay) and closes the wrap spaces between Chinese characters — only
where the text has that shape: two or more lines numbered 1、 2、 … in order, each long, run
together (figures glued to the words around them).
"""

from __future__ import annotations

import re

_CHUNK = re.compile(r"^\s*(\d{1,2})、")
_WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff、，,（(]) (?=[\u4e00-\u9fff（(])")
_GLUED = re.compile(r"\d%\d|%[\u4e00-\u9fff]|[\u4e00-\u9fff]\d+(?:\.\d+)?%")
_MIN_CHUNK = 60


def join_preview_chunks(lines: list[str]) -> list[str] | None:
    """The lines with the numbered chunks joined, or None when the text is not such a preview."""
    at: list[int] = []
    for i, ln in enumerate(lines):
        m = _CHUNK.match(ln)
        if m and int(m.group(1)) == len(at) + 1:
            at.append(i)
    # every chunk but the last is a full one (the last holds what was left)
    if len(at) < 2 or any(len(lines[i].strip()) < _MIN_CHUNK for i in at[:-1]):
        return None
    body = [lines[i] for i in at]
    if sum(len(_GLUED.findall(ln)) for ln in body) < 3:
        return None  # numbered paragraphs of a report, not a table run together
    # a chunk goes on to the line before the next chunk (the preview may wrap its lines)
    out = list(lines)
    pieces: list[str] = []
    for k, start in enumerate(at):
        end = at[k + 1] if k + 1 < len(at) else start + 1
        text = "".join(out[j].strip() for j in range(start, end))
        pieces.append(_CHUNK.sub("", text, count=1))
        for j in range(start, end):
            out[j] = ""
    out[at[0]] = _WRAP_SPACE.sub("", "".join(pieces))
    return out
