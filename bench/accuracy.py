"""Field accuracy of the readers on a directory laid out like ../shared/corpus/dev.

Usage::

    python bench/accuracy.py ../shared/corpus/dev [--misses]
    python bench/accuracy.py ../shared/seed          # NNN.txt + NNN.truth.json pairs

Definition (what is counted, exactly):

- A document is a text file with a truth JSON (``raw/NNN.txt`` + ``truth/NNN.json``, or
  ``NNN.txt`` + ``NNN.truth.json`` side by side). It is read with ``jixiao.read``.
- Document fields, each counted when the truth has the key: ``kind`` (truth ``dept_*`` →
  department, ``project_table`` → project; other kinds are not counted), ``year``,
  ``department`` (compared with the unit), ``project``, ``staff_authorized``, ``staff_actual``,
  ``total_weight``, ``total_score``.
- Fund rows: each truth row is matched to the first unused parsed fund row with the same
  normalised label (in order); every key the truth row has among ``initial_budget``,
  ``budget``, ``actual``, ``rate_percent``, ``weight``, ``score`` is a field (null included:
  the parsed value must then be blank).
- Indicators: each truth indicator is matched the same way by normalised name; every key it
  has among ``level1``, ``level2``, ``name``, ``target``, ``actual``, ``weight``, ``score``,
  ``op``, ``unit`` is a field.
- An unmatched truth row counts all its keys as misses.
- Texts are compared after the same normalisation on both sides: NFKC, traditional →
  simplified, inline pinyin removed, all whitespace removed, a numbering prefix (``指标1：``,
  ``(1)``, ``其中``) and a ``(N分)`` suffix stripped, then brackets and punctuation dropped
  (``受益脱贫(含监测对象)户人口数`` = ``受益脱贫含监测对象户人口数``; the same on both sides, so
  a text that differs by more than brackets and punctuation is still a miss). Numbers are
  compared as Decimal.
- Accuracy = fields right / fields counted; printed per document and overall (micro).

Sealed documents: ``SEALED`` names documents picked at random (seed 20261207, 4 of dev2's 12)
before anyone working on the readers opened them. They are scored like the others but their
misses are never printed (``--misses`` skips them unless ``--unseal`` is given), and the open
and sealed parts are totalled separately: the gap between the two is the honest figure for
documents nobody here has seen.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import simplejson  # noqa: E402

from jixiao import read  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402
from jixiao.measure import normalize_signs  # noqa: E402
from jixiao.model import Evaluation, FundRow, Indicator, Num, Text  # noqa: E402
from jixiao.textnorm import label_key  # noqa: E402

DOC_FIELDS = (
    "year",
    "department",
    "project",
    "staff_authorized",
    "staff_actual",
    "total_weight",
    "total_score",
)
FUND_KEYS = ("initial_budget", "budget", "actual", "rate_percent", "weight", "score")
INDICATOR_KEYS = ("level1", "level2", "name", "target", "actual", "weight", "score", "op", "unit")
KINDS = {"project_table": "project"}

# picked with random.Random(20261207).sample(range(101, 113), 4) before dev2 was opened
SEALED = frozenset({"102", "103", "110", "112"})


@dataclass(frozen=True)
class FieldResult:
    doc: str
    field: str
    expected: Any
    got: Any

    @property
    def ok(self) -> bool:
        return same(self.expected, self.got)


# brackets and punctuation (after NFKC): dropped on both sides of a text comparison
_PUNCT = re.compile(r"[()\[\]{}<>（）【】〔〕《》〈〉「」『』“”‘’\"'.,;:!?，。；：！？、·…—\-_/]")


def norm_text(text: Any) -> str:
    # a sign in any printed form is the same sign (≧ and ≥, ＞＝ and ≥), as NFKC makes ＞ and >
    key = label_key(normalize_signs(str(text)))
    key = re.sub(r"^其中[:：]?", "", key)
    return _PUNCT.sub("", key)


def same(expected: Any, got: Any) -> bool:
    if expected is None or got is None:
        return expected is None and (got is None or got == "")
    if isinstance(expected, (int, float, Decimal)) and not isinstance(expected, bool):
        try:
            return Decimal(str(expected)) == Decimal(str(got))
        except Exception:  # noqa: BLE001
            return False
    return norm_text(expected) == norm_text(got)


def _val(x: Num | Text | None) -> Any:
    if x is None:
        return None
    if isinstance(x, Num):
        return x.value
    return x.text


def _match(truth_rows: list[dict], parsed: list, key_of_truth: str, key_of_parsed) -> list[Any]:
    used: set[int] = set()
    out = []
    for t in truth_rows:
        want = norm_text(t.get(key_of_truth, ""))
        found = None
        for i, p in enumerate(parsed):
            if i not in used and norm_text(key_of_parsed(p)) == want:
                found = i
                break
        if found is not None:
            used.add(found)
            out.append(parsed[found])
        else:
            out.append(None)
    return out


def _fund_value(row: FundRow, key: str) -> Any:
    return _val(
        {
            "initial_budget": row.initial_budget,
            "budget": row.budget,
            "actual": row.actual,
            "rate_percent": row.rate,
            "weight": row.weight,
            "score": row.score,
        }[key]
    )


def _indicator_value(ind: Indicator, key: str) -> Any:
    if key == "op":
        return ind.operator.value if ind.operator else None
    if key == "unit":
        return ind.unit
    if key in ("target", "actual"):
        m = getattr(ind, key)
        return m.text if m is not None else None
    return _val(getattr(ind, key))


def _doc_fields(e: Evaluation) -> dict[str, Any]:
    return {
        "year": _val(e.year),
        "department": _val(e.unit),
        "project": _val(e.project),
        "staff_authorized": _val(e.staff_authorized),
        "staff_actual": _val(e.staff_actual),
        "total_weight": _val(e.total_weight),
        "total_score": _val(e.total_score),
    }


def score_document(doc: str, truth: dict, e: Evaluation | None) -> list[FieldResult]:
    """Every counted field of one document, right or wrong (e None: the read failed)."""
    out: list[FieldResult] = []
    kind = truth.get("kind", "")
    expected_kind = "department" if kind.startswith("dept_") else KINDS.get(kind)
    if expected_kind:
        out.append(FieldResult(doc, "kind", expected_kind, e.kind.value if e else None))
    for f in DOC_FIELDS:
        if f not in truth:
            continue
        got = _doc_fields(e)[f] if e is not None else None
        out.append(FieldResult(doc, f, truth[f], got))
    funds = list(e.funds) if e else []
    for t, p in zip(
        truth.get("funds", []),
        _match(truth.get("funds", []), funds, "line", lambda r: r.label.text),
        strict=True,
    ):
        for k in FUND_KEYS:
            if k in t:
                out.append(
                    FieldResult(
                        doc, f"funds[{t['line']}].{k}", t[k], _fund_value(p, k) if p else "<未找到>"
                    )
                )
    inds = list(e.indicators) if e else []
    truth_inds = truth.get("indicators", [])
    for t, p in zip(
        truth_inds, _match(truth_inds, inds, "name", lambda i: i.name.text), strict=True
    ):
        for k in INDICATOR_KEYS:
            if k in t:
                out.append(
                    FieldResult(
                        doc,
                        f"indicators[{t['name']}].{k}",
                        t[k],
                        _indicator_value(p, k) if p else "<未找到>",
                    )
                )
    return out


def truth_of(e: Evaluation) -> dict[str, Any]:
    """The truth JSON ``e`` would have if a person typed it from the printed form: every field
    ``score_document`` counts, a column's key on every row when any row of the form fills it
    (``score_document(doc, truth_of(e), e)`` is all right)."""
    fields = _doc_fields(e)
    kind = "dept_overall" if e.kind.value == "department" else "project_table"
    truth: dict[str, Any] = {"kind": kind}
    truth.update({k: v for k, v in fields.items() if v is not None})
    funds = [{k: _fund_value(r, k) for k in FUND_KEYS} for r in e.funds]
    fund_keys = [k for k in FUND_KEYS if any(f[k] is not None for f in funds)]
    truth["funds"] = [
        {"line": r.label.text, **{k: f[k] for k in fund_keys}}
        for r, f in zip(e.funds, funds, strict=True)
    ]
    inds = [{k: _indicator_value(i, k) for k in INDICATOR_KEYS} for i in e.indicators]
    ind_keys = [k for k in INDICATOR_KEYS if any(i[k] is not None for i in inds)]
    truth["indicators"] = [{k: i[k] for k in ind_keys} for i in inds]
    return truth


def documents(root: Path) -> list[tuple[str, Path, Path]]:
    """(id, text file, truth file) pairs under a corpus directory."""
    pairs = []
    if (root / "raw").is_dir() and (root / "truth").is_dir():
        for raw in sorted((root / "raw").glob("*.txt")):
            truth = root / "truth" / (raw.stem + ".json")
            if truth.exists():
                pairs.append((raw.stem, raw, truth))
    for truth in sorted(root.glob("*.truth.json")):
        raw = truth.with_name(truth.name.replace(".truth.json", ".txt"))
        if raw.exists():
            pairs.append((raw.stem, raw, truth))
    return pairs


def evaluate(root: Path) -> dict[str, list[FieldResult]]:
    results: dict[str, list[FieldResult]] = {}
    for doc, raw, truth_path in documents(root):
        truth = simplejson.loads(truth_path.read_text(encoding="utf-8"), use_decimal=True)
        try:
            e = read(raw)
        except ReadError:
            e = None
        results[doc] = score_document(doc, truth, e)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="读取准确率（字段级）")
    parser.add_argument(
        "corpus", type=Path, help="raw/ + truth/ 目录，或 NNN.txt + NNN.truth.json 所在目录"
    )
    parser.add_argument("--misses", action="store_true", help="列出每个错误字段（封存文档除外）")
    parser.add_argument("--unseal", action="store_true", help="也列出封存文档的错误字段")
    args = parser.parse_args(argv)
    results = evaluate(args.corpus)
    if not results:
        print(f"{args.corpus}: 没有找到文本与 truth 成对的文件", file=sys.stderr)
        return 2
    parts = {"open": [0, 0], "sealed": [0, 0]}
    for doc, fields in results.items():
        ok = sum(1 for f in fields if f.ok)
        sealed = doc in SEALED
        part = parts["sealed" if sealed else "open"]
        part[0] += ok
        part[1] += len(fields)
        acc = ok / len(fields) if fields else 1.0
        print(f"{doc}{'（封存）' if sealed else ''}\t{ok}/{len(fields)}\t{acc:.3f}")
        if args.misses and (args.unseal or not sealed):
            for f in fields:
                if not f.ok:
                    print(f"    ✗ {f.field}: 期望 {f.expected!r}，读到 {f.got!r}")
    right = parts["open"][0] + parts["sealed"][0]
    total = parts["open"][1] + parts["sealed"][1]
    if parts["sealed"][1]:
        for name, label in (("open", "公开"), ("sealed", "封存")):
            r, t = parts[name]
            print(f"{label}\t{r}/{t}\t{r / t if t else 1.0:.3f}")
    print(f"总计\t{right}/{total}\t{right / total if total else 1.0:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
