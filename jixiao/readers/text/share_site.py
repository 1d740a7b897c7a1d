"""Copies of forms on document-sharing sites (issue 9, rw3 and rw1): a site's page around the
text (:func:`unwrap_chunks`), and a preview's numbered chunks without it
(:func:`join_preview_chunks`, at the end of this module).

A document-sharing site's page around the text of a form.

Sites that share Word and PDF files show a document as text cut into page-size chunks, each
numbered ``1、`` ``2、`` … at the start of its line, with the site's own lines around them (the
pages' thumbnails ``…_第2页``, 全文预览已结束, 下载本文档, 版权说明…, 文档简介, 《….docx》由会员分享…).
A chunk ends where the page ended, inside a word or a cell (``…项目绩效自`` / ``2、评表``).

:func:`unwrap_chunks` blanks the site's lines (line numbers kept) and, only where such lines
show the text is a site's copy and the chunks are numbered 1, 2, 3 … in order, joins each
chunk to the one before it with its number dropped, and says so in a reading note.
"""

from __future__ import annotations

import re

from jixiao.textnorm import fold

# the site's lines, compared folded (simplified, no spaces)
_FURNITURE = re.compile(
    r"^(?:.{1,60}_第\d+页"
    r"|全文预览已结束|下载本文档|文档简介|文档介绍|内容提要"
    r"|版权说明[:：].*|.{0,60}由会员分享.*|.*请在.{2,10}上搜索[。.]?)$"
)
_CHUNK = re.compile(r"^\s*(\d{1,2})[、,，]\s*")


# any of the site's words, simplified or traditional, as printed (a text without any is no copy)
_ANY = re.compile(
    r"_第\s*\d+\s*[页頁]|全文[预預][览覽]|下[载載]本文|文[档檔][简簡介][介绍紹]?|内容提要"
    r"|版[权權][说說]明|由[会會][员員]分享|上搜索"
)


def unwrap_chunks(lines: list[str]) -> tuple[list[str], list[str]] | None:
    """The lines with the site's furniture blanked and numbered chunks joined, and the
    reading notes; None when the text is no site's copy."""
    if _ANY.search("\n".join(lines)) is None:
        return None
    furniture = [i for i, ln in enumerate(lines) if ln.strip() and _FURNITURE.match(fold(ln))]
    if not furniture:
        return None
    out = ["" if i in set(furniture) else ln for i, ln in enumerate(lines)]
    notes = [f"文档分享网站的页面文字（{len(furniture)} 行）不是表格的内容，未读取"]
    chunks = [i for i, ln in enumerate(out) if ln.strip()]
    numbered = [(i, _CHUNK.match(out[i])) for i in chunks]
    firsts = [(i, m) for i, m in numbered if m is not None]
    if len(firsts) < 2 or firsts[0][1].group(1) != "1":
        return out, notes
    expected, last = 1, None
    joined = 0
    for i, m in numbered:
        if m is None or int(m.group(1)) != expected:
            if last is not None and m is None and expected > 1:
                break  # the chunks ended: what follows is the site's or the page's own text
            continue
        body = out[i][m.end() :]
        if last is None:
            out[i] = body
        else:
            out[last] = out[last].rstrip() + body.strip()
            out[i] = ""
            joined += 1
        last = i if last is None else last
        expected += 1
    if joined:
        notes.append(
            f"文档分享网站按页切开的 {joined + 1} 段文字（以“1、”“2、”…开头）已接回，"
            "断在词或单元格中间的地方接上"
        )
    return out, notes


# -- a preview without the site around it --------------------------------------------------
#
# A document-sharing site's preview: the document's text in numbered chunks.
#
# Sites that preview a shared .docx print its text run together, cut into chunks of a few hundred
# characters, each starting a line with its number::
#
#     1、2022年度专项资金绩效目标自评表专项资金名称…质量 指标工程验收合
#     2、格率100%100%水质检测达标率95%97%…
#
# The cut falls anywhere — inside a name (``工程验收合`` / ``格率``) — and the chunk number is
# no part of the text. Inside the chunks a single space stands where the document wrapped a line
# inside a narrow cell (``年度 总体 目标``, ``未完成原因和 改进措施``), never between two cells.
#
# :func:`join_preview_chunks` joins the chunks into one line (the number dropped, the others
# blanked so line numbers stay) and closes the wrap spaces between Chinese characters — only
# where the text has that shape: two or more lines numbered 1、 2、 … in order, each long, run
# together (figures glued to the words around them).

_PREVIEW_CHUNK = re.compile(r"^\s*(\d{1,2})、")
_WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff、，,（(]) (?=[\u4e00-\u9fff（(])")
_GLUED = re.compile(r"\d%\d|%[\u4e00-\u9fff]|[\u4e00-\u9fff]\d+(?:\.\d+)?%")
_MIN_CHUNK = 60


def join_preview_chunks(lines: list[str]) -> tuple[list[str], str] | None:
    """The lines with the numbered chunks joined and a reading note, or None when the text is
    not such a preview."""
    at: list[int] = []
    for i, ln in enumerate(lines):
        m = _PREVIEW_CHUNK.match(ln)
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
        pieces.append(_PREVIEW_CHUNK.sub("", text, count=1))
        for j in range(start, end):
            out[j] = ""
    out[at[0]] = _WRAP_SPACE.sub("", "".join(pieces))
    return out, (
        f"文档分享网站的预览：以“1、”“2、”…开头的 {len(at)} 段连写文字已接回一行读取，"
        "段内折行留下的空格已去掉"
    )
