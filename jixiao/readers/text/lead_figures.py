"""A row's figures printed at the start of the next line (PDF text of score sheets, rw3).

Some PDFs' text layers, copied by mirror sites, put a row's last cells — its points (分值, 得分) —
after the line break, in front of the next row's labels::

    项目决策(20分) 决策依据(10分) 必要性
    5 5 可行性
    5 4 绩效目标(10分) 明确性
    5 5

Each figure run that opens a line belongs to the row above it. :func:`figures_back` moves it
back, only where the text shows the pattern throughout: three lines at least open with one to
three bare figures followed by words (or nothing), the line above each ends in words, and no line
of the table ends in a figure except the total's.
"""

from __future__ import annotations

import re

_LEAD = re.compile(r"^\s*((?:[-+]?\d+(?:\.\d+)?%?\s+){0,2}[-+]?\d+(?:\.\d+)?%?)(?:\s+(.*\S))?\s*$")
_ENDS_IN_FIGURE = re.compile(r"[-+]?\d+(?:\.\d+)?%?\s*$")
_WORD_START = re.compile(r"^[\u4e00-\u9fff(（]")
_WORDED_LEAD = re.compile(
    r"^[ \t]*(?:[-+]?\d+(?:\.\d+)?%?[ \t]+){1,3}[\u4e00-\u9fff(（]", re.MULTILINE
)
_TOTAL = re.compile(r"^\s*(?:总分|合计|总计|綜合得分|综合得分|自评得分)")


def figures_back(lines: list[str]) -> tuple[list[str], str] | None:
    """The lines with each leading figure run moved to the end of the line above, and a reading
    note; None where the text does not print its rows so."""
    if len(_WORDED_LEAD.findall("\n".join(lines))) < 3:
        return None  # (three lines opening with figures and then words, at least)
    body = [i for i, ln in enumerate(lines) if ln.strip()]
    leads: list[int] = []
    for k in range(1, len(body)):
        i, above = body[k], lines[body[k - 1]]
        m = _LEAD.match(lines[i])
        if m is None or (m.group(2) and not _WORD_START.match(m.group(2))):
            continue
        if _ENDS_IN_FIGURE.search(above) or _TOTAL.match(above):
            continue
        leads.append(k)
    worded = sum(1 for k in leads if (m := _LEAD.match(lines[body[k]])) and m.group(2))
    if len(leads) < 3 or worded < 3:
        return None
    led = {body[k] for k in leads}
    # other rows end in their own figures: then the leading figures are not the rows' points
    own = sum(
        1
        for k in range(len(body) - 1)
        if _ENDS_IN_FIGURE.search(lines[body[k]])
        and not _TOTAL.match(lines[body[k]])
        and body[k] not in led
        and _WORD_START.match(lines[body[k]].strip())
    )
    if own > len(leads) // 3:
        return None
    out = list(lines)
    for k in leads:
        i, up = body[k], body[k - 1]
        m = _LEAD.match(out[i])
        assert m is not None
        out[up] = out[up].rstrip() + " " + m.group(1)
        out[i] = m.group(2) or ""
    note = f"{len(leads)} 行行首的数字属于上一行（PDF 文字把一行的分值、得分印在下一行开头），已移回上一行"
    return out, note
