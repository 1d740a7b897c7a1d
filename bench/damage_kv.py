"""The ``kv-funds`` damage (see ``damage.py``): the fund block retyped as one line of labelled
figures (a form re-keyed as text, or printed so by a website): the block's title on a line of
its own, then ``年初预算数：320.00    全年预算数：300.00    全年执行数：285.50    执行率：95.17%
分值：10    得分：9.5`` for the total row (its blank cells left out); the other fund rows are not
printed. The truth keeps the total row only, under the label the reader gives a row that
prints none (``合计``)."""

from __future__ import annotations

import random

from damage import ACROSS, Form, Plan, printed

from jixiao.textnorm import fold


def d_kv_funds(f: Form, p: Plan, rng: random.Random) -> Form | None:
    if p.fund_header is None or not p.funds or not f.truth["funds"]:
        return None
    header = printed([f.rows[p.fund_header]])[0]
    total = printed([f.rows[p.funds[0]]])[0]
    n = p.fund_values
    labels, values = header[-n:], total[-n:]
    if (
        len(header) < n + 1
        or len(total) < n + 1
        or not fold(total[-n - 1]).endswith(("合计", "总额", "总计", "资金总额"))
    ):
        return None  # a total row first, its label before its figures
    pairs = [f"{fold(k)}：{v}" for k, v in zip(labels, values, strict=True) if v.strip()]
    if len(pairs) < 3:
        return None
    gap = " " * rng.choice((1, 2, 4))
    title = header[0] if header[0] != ACROSS else "资金情况（万元）"
    rows = [
        *f.rows[: p.fund_header],
        [title],
        [gap.join(pairs)],
        *f.rows[p.funds[-1] + 1 :],
    ]
    truth = dict(f.truth)
    truth["funds"] = [{**f.truth["funds"][0], "line": "合计"}]
    return Form(f.title, rows, f.report, truth, f.evaluation, f.filename, None)
