"""Every printed operator variant × every format: is the indicator's operator and target read?

Usage::

    .venv/bin/python bench/operator_matrix.py [-n 4] [--seed 3] [--formats text,office,prose]
                                              [--layouts pipe,other] [--misses K]

Issue 9: “every operator variant (≧ ≦ ═ ﹦ ＞ ＜ 不低于 不高于 …) is recognised in every format.”
Each variant of ``VARIANTS`` (a sign, its full-width or compatibility form, a word before the
figure, a word after it: 不低于95% / 95%以上 / 控制在30万元以内 …) is printed as the target of
generated indicators (``bench/forms.py``: a ≥ row takes the ≥ variants, a ≤ row the ≤ ones; > <
= variants go to rows whose figures hold under them) and read back

- ``text``: the official grid in every text layout of ``bench/grid_text.py``;
- ``office``: the grid written to .xlsx and .docx by ``jixiao.writers``, and a clerk's .xlsx
  with the operator in its own 指标性质 column (``bench/office_others.py``'s layout) where the
  variant is a sign or a word that stands alone;
- ``prose``: the sentences of ``bench/other_hands_prose.py`` with the variant as the target.

An indicator counts right when the read indicator of the same name has the variant's operator
and the target's number. The table prints, per variant, right / counted over all formats, and
per format; ``--misses`` lists the first misses of each variant.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import forms  # noqa: E402
from grid_text import RENDER, grid_rows  # noqa: E402

from jixiao import read, read_text  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402
from jixiao.measure import parse_measure  # noqa: E402
from jixiao.model import Evaluation, Operator  # noqa: E402
from jixiao.textnorm import fold  # noqa: E402


@dataclass(frozen=True)
class Variant:
    """A printed comparison: ``print(figure)`` is the target (the figure is number + unit);
    ``column`` is what a 指标性质 column holds for it (None: the word needs the figure)."""

    label: str
    operator: Operator
    print: Callable[[str], str]
    column: str | None = None


def _before(word: str, op: Operator, column: bool = True) -> Variant:
    return Variant(word, op, lambda f: f"{word}{f}", word if column else None)


def _after(word: str, op: Operator) -> Variant:
    return Variant(f"X{word}", op, lambda f: f"{f}{word}")


GE, LE, GT, LT, EQ = Operator.GE, Operator.LE, Operator.GT, Operator.LT, Operator.EQ
VARIANTS: tuple[Variant, ...] = (
    *(_before(s, GE) for s in ("≥", "≧", "⩾", ">=", "＞＝", "=>", "≥=")),
    Variant("≥ X", GE, lambda f: f"≥ {f}", "≥"),
    *(
        _before(w, GE)
        for w in ("不低于", "不少于", "不小于", "大于等于", "大于或等于", "不得低于", "不得少于")
    ),
    *(_before(w, GE) for w in ("至少", "达到")),
    *(_after(w, GE) for w in ("以上", "及以上")),
    *(_before(s, LE) for s in ("≤", "≦", "⩽", "<=", "＜＝", "=<")),
    *(
        _before(w, LE)
        for w in (
            "不超过",
            "不高于",
            "不多于",
            "不大于",
            "小于等于",
            "小于或等于",
            "不得超过",
            "不得高于",
        )
    ),
    Variant("控制在X以内", LE, lambda f: f"控制在{f}以内"),
    *(_after(w, LE) for w in ("以内", "以下", "及以下")),
    *(_before(s, GT) for s in (">", "＞", "﹥")),
    *(_before(w, GT) for w in ("大于", "高于", "多于", "超过")),
    *(_before(s, LT) for s in ("<", "＜", "﹤")),
    *(_before(w, LT) for w in ("小于", "低于", "少于")),
    *(_before(s, EQ) for s in ("=", "＝", "﹦", "═")),
    _before("等于", EQ),
)


def _takes(row_op: Operator, target: Decimal, actual: Decimal | None) -> tuple[Operator, ...]:
    """The operators a generated row may be printed with, so that the form stays true: an
    actual equal to the target meets ≥, ≤ and =; above it, ≥ and >; below it, ≤ and < on a
    ≤ row (a partly achieved ≥ row keeps ≥ and >, its score in proportion)."""
    if actual is None or actual == target:
        return (GE, LE, EQ)
    if actual > target or row_op in (GE, GT, EQ):
        return (GE, GT)
    return (LE, LT)


@dataclass
class Expect:
    name: str
    variant: Variant
    number: Decimal
    printed: str = ""


def _plain(d: Decimal) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _next(ops: tuple[Operator, ...], turn: dict[str, int]) -> Variant:
    """The next variant of one of ``ops`` (each set of operators turns through its own list,
    so every variant is printed about as often as its fellows)."""
    key = "".join(ops)
    turn[key] = turn.get(key, -1) + 1
    op = ops[turn[key] % len(ops)]
    turn[op] = turn.get(op, -1) + 1
    takes = [v for v in VARIANTS if v.operator == op]
    return takes[turn[op] % len(takes)]


def _with_variants(
    e: Evaluation, rng: random.Random, turn: dict[str, int]
) -> tuple[Evaluation, list[Expect]]:
    """``e`` with each quantitative target printed by the next variant its row may take."""
    indicators, expects = [], []
    for ind in e.indicators:
        t = ind.target
        if t is None or t.number is None or t.operator == Operator.QUALITATIVE:
            indicators.append(ind)
            continue
        a = ind.actual.number if ind.actual is not None else None
        v = _next(_takes(t.operator, t.number, a), turn)
        printed = v.print(f"{_plain(t.number)}{t.unit or ''}")
        indicators.append(replace(ind, target=parse_measure(printed)))
        expects.append(Expect(ind.name.text, v, t.number))
    return replace(e, indicators=tuple(indicators)), expects


def _check(got: Evaluation | None, expects: list[Expect]) -> list[tuple[Expect, str]]:
    """(expectation, '' when read right or what was read) for each expectation."""
    by_name: dict[str, list] = defaultdict(list)
    for ind in got.indicators if got else ():
        by_name[fold(ind.name.text)].append(ind)
    out = []
    for x in expects:
        cands = by_name.get(fold(x.name), [])
        if not cands:
            out.append((x, "（未读到该指标）"))
            continue
        ind = cands.pop(0)
        t, op = ind.target, ind.operator  # 指标性质 where printed, else the target's
        ok = t is not None and op == x.variant.operator and t.number == x.number
        shown = f"{op.value if op else None} {t.number} «{t.text}»" if t else "None"
        out.append((x, "" if ok else shown))
    return out


def evaluations(n: int, seed: int) -> list[tuple[str, Evaluation]]:
    rng = random.Random(seed)
    made = []
    for i in range(n):
        year = rng.randint(2019, 2024)
        made.append((f"dept{i}", forms.build(forms.department(rng, year))))
        made.append((f"proj{i}", forms.build(forms.project(rng, year))))
    return made


Score = dict[tuple[str, str], list[int]]


def run_text(made, seed: int, layouts: list[str], score: Score, misses) -> None:  # type: ignore[no-untyped-def]
    turn: dict[str, int] = {}
    for name, base in made:
        rng = random.Random(f"{seed}/{name}")
        e, expects = _with_variants(base, rng, turn)
        title, rows = grid_rows(e)
        for layout in layouts:
            text = RENDER[layout](title, rows, [], random.Random(f"{seed}/{name}/{layout}"))
            try:
                got = read_text(text, f"{name}-{layout}.txt")
            except ReadError:
                got = None
            _tally(f"text {layout}", name, _check(got, expects), score, misses)


def run_office(made, seed: int, score: Score, misses) -> None:  # type: ignore[no-untyped-def]
    from jixiao.writers import write_path

    turn: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, base in made:
            rng = random.Random(f"{seed}/{name}")
            e, expects = _with_variants(replace(base, report=None), rng, turn)
            for suffix in ("xlsx", "docx"):
                path = write_path(e, Path(tmp) / f"{name}.{suffix}")
                try:
                    got = read(path)
                except ReadError:
                    got = None
                _tally(f"office {suffix}", name, _check(got, expects), score, misses)
            _clerk(name, e, expects, Path(tmp), rng, score, misses)


def _clerk(name, e, expects, tmp, rng, score, misses) -> None:  # type: ignore[no-untyped-def]
    """office_others' clerk layout with the variant's sign or word in the 指标性质 column."""
    import office_others

    column = {x.name: x.variant for x in expects if x.variant.column}
    saved = office_others.OPERATOR_TYPED

    class Typed(dict):  # the next variant's column text, in row order
        def __contains__(self, op: object) -> bool:
            return op is not None

        def __getitem__(self, op: object) -> tuple[str, ...]:
            v = next(order, None)
            return (v.column,) if v is not None else (str(op),)

    kept = [x for x in expects if x.variant.column]
    # every quantitative row of the clerk layout takes a column text; rows in order
    office_others.OPERATOR_TYPED = Typed()
    try:
        e2 = replace(
            e,
            indicators=tuple(
                ind
                if ind.name.text not in column
                else replace(
                    ind, target=replace(ind.target, operator=column[ind.name.text].operator)
                )
                for ind in e.indicators
            ),
        )
        order = iter(
            column.get(ind.name.text)
            or Variant("", ind.target.operator, str, ind.target.operator.value)
            for ind in e2.indicators
            if ind.target is not None and ind.target.number is not None
        )
        sheet, _ = office_others.layout_clerk(e2, rng)
    finally:
        office_others.OPERATOR_TYPED = saved
    path = office_others.write_xlsx(sheet, tmp / f"{name}-clerk.xlsx", None)
    try:
        got = read(path)
    except ReadError:
        got = None
    _tally("office clerk-column", name, _check(got, kept), score, misses)


def run_prose(n: int, seed: int, score: Score, misses) -> None:  # type: ignore[no-untyped-def]
    import other_hands_prose as ohp

    original = ohp._measure
    turn: dict[str, int] = {}
    expects: list[Expect] = []

    def measure(rng: random.Random, name: str, unit: str, quant: bool) -> tuple[str, str]:
        target, actual = original(rng, name, unit, quant)
        m = parse_measure(target)
        if not quant or m is None or m.number is None or unit == "月":
            return target, actual
        v = _next(_takes(m.operator, m.number, parse_measure(actual).number), turn)
        printed = v.print(f"{_plain(m.number)}{m.unit or ''}")
        expects.append(Expect(name, v, m.number, printed))
        return printed, actual

    ohp._measure = measure
    try:
        rng = random.Random(seed)
        for k in range(n):
            expects.clear()
            text, _, _ = ohp.make(rng)
            try:
                got = read_text(text, f"prose{k}.txt")
            except ReadError:
                got = None
            # (an indicator the text was cut before or inside — the ``cut`` variation — is not
            # counted: its target is not printed whole)
            whole = "".join(text.split())
            told = [x for x in expects if x.name in whole and "".join(x.printed.split()) in whole]
            _tally("prose", f"prose{k}", _check(got, told), score, misses)
    finally:
        ohp._measure = original


def _tally(fmt: str, doc: str, checked, score: Score, misses) -> None:  # type: ignore[no-untyped-def]
    for x, wrong in checked:
        for key in ((x.variant.label, fmt), (x.variant.label, "*"), ("*", fmt)):
            score[key][0] += not wrong
            score[key][1] += 1
        if wrong:
            misses[x.variant.label].append(f"{fmt} {doc} {x.name}: 读到 {wrong}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="运算符写法 × 版式：指标的运算符与指标值是否读对")
    ap.add_argument("-n", type=int, default=4, help="部门、项目表各生成几份")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--formats", default="text,office,prose")
    ap.add_argument("--layouts", default=",".join(RENDER))
    ap.add_argument("--misses", type=int, default=0)
    args = ap.parse_args(argv)
    score: Score = defaultdict(lambda: [0, 0])
    misses: dict[str, list[str]] = defaultdict(list)
    formats = args.formats.split(",")
    made = evaluations(args.n, args.seed)
    if "text" in formats:
        run_text(made, args.seed, args.layouts.split(","), score, misses)
    if "office" in formats:
        run_office(made, args.seed, score, misses)
    if "prose" in formats:
        run_prose(12 * args.n, args.seed, score, misses)
    print("per format:")
    for (v, f), (r, c) in sorted(score.items()):
        if v == "*":
            print(f"  {f:22} {r:5}/{c:<5} {r / c:.3f}")
    print("per variant:")
    for v in [x.label for x in VARIANTS]:
        r, c = score.get((v, "*"), [0, 0])
        if c:
            bad = sorted(f for (w, f), (rr, cc) in score.items() if w == v and f != "*" and rr < cc)
            print(f"  {v:12} {r:5}/{c:<5} {r / c:.3f}  {' '.join(bad)}")
    total = [sum(s) for s in zip(*(rc for (v, f), rc in score.items() if v == "*"), strict=False)]
    if total:
        print(f"all {total[0]}/{total[1]} {total[0] / max(total[1], 1):.3f}")
    for v in misses if args.misses else ():
        print(f"\n== {v}: {len(misses[v])} misses")
        for m in misses[v][: args.misses]:
            print("  " + m[:200])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
