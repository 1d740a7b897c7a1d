"""The ``late-cells`` damage (see ``damage.py``): a PDF whose merged 一级 column is given after
the rows (``level1-after``) and whose last block's 实际完成值, 分值 and 得分 come only after those
labels (``… 效益指标 (30 分) 满意度指标 (10 分) 96% 10 10``): the rows of the last block keep
their 二级, name and 指标值; the truth is unchanged (the reader has to put the cells back)."""

from __future__ import annotations

import random

from damage import Form, Plan, d_level1_after


def d_late_cells(f: Form, p: Plan, rng: random.Random) -> Form | None:
    after = d_level1_after(f, p, rng)
    if after is None:
        return None
    starts = [j for j, k in enumerate(p.indicators) if f.rows[k][1]]
    block = p.indicators[starts[-1] :]
    rows = [list(r) for r in after.rows]
    if any(len(rows[k]) < 8 or not rows[k][2] or not all(rows[k][5:8]) for k in block):
        return None  # each late row prints its own 二级 and has its 完成值, 分值, 得分
    texts, figures = [], []
    for k in block:
        texts.append(rows[k][5])
        figures += rows[k][6:8]
        for i in range(5, len(rows[k])):
            rows[k][i] = ""
    line = p.indicators[-1] + 1  # the line of 一级 labels level1-after printed
    rows[line] = [*rows[line], *texts, *figures]
    return Form(after.title, rows, after.report, after.truth, after.evaluation, after.filename)
