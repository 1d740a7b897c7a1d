"""Each development document against its truth file, scored by bench/accuracy.py.

Skipped when ../shared/corpus/dev (or dev2) is absent. The thresholds sit a little below what
the readers reach today, so that a regression fails; run-together text (010, 017) and documents
whose figures come from prose sentences (006, 020) have their own.

dev2 (12 documents added later) is read worse than dev; its thresholds sit a little below what
the readers reach and are raised as they improve. Its sealed documents (bench/accuracy.py SEALED)
are only checked in total, and a failure never prints what they contain.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
DEV2 = ROOT.parent / "shared" / "corpus" / "dev2"

pytestmark = pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev is absent")

THRESHOLD = {"010": 0.75, "017": 0.75, "006": 0.7, "020": 0.6}
DEFAULT = 0.9


def _bench():
    if "bench_accuracy" in sys.modules:
        return sys.modules["bench_accuracy"]
    spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "bench" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_accuracy"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results():
    return _bench().evaluate(DEV)


def _ids():
    return sorted(p.stem for p in (DEV / "raw").glob("*.txt")) if DEV.exists() else []


@pytest.mark.parametrize("doc", _ids())
def test_document_accuracy(results, doc):
    fields = results[doc]
    ok = sum(1 for f in fields if f.ok)
    misses = [f"{f.field}: {f.expected!r} ≠ {f.got!r}" for f in fields if not f.ok]
    assert ok / len(fields) >= THRESHOLD.get(doc, DEFAULT), misses


def test_overall_micro_accuracy(results):
    fields = [f for fs in results.values() for f in fs]
    assert sum(1 for f in fields if f.ok) / len(fields) >= 0.95


def test_scorer_counts_null_and_numbers_exactly():
    bench = _bench()
    assert bench.same(None, None) and not bench.same(None, 0)
    assert bench.same(100, "100.00") and not bench.same(10, "1")
    assert bench.same("产 出 指 標 (50分)", "产出指标")
    assert bench.same("指标6:举办活动", "举办活动")


def test_scorer_drops_brackets_and_punctuation_on_both_sides_only():
    bench = _bench()
    assert bench.same("一批项目(县级批复总投资)", "一批项目县级批复总投资")
    assert bench.same("落实主题党日活动，完成活动次数情况", "落实主题党日活动完成活动次数情况")
    assert not bench.same("一批项目(县级批复总投资)", "一批项目县级批复投资")


# dev2: today's floor per open document, then the open and the sealed part in total
DEV2_THRESHOLD = {
    "101": 0.85,
    "104": 0.95,
    "105": 0.95,
    "106": 0.72,
    "107": 0.95,
    "108": 0.95,
    "109": 0.93,
    "111": 0.95,
}
DEV2_OPEN_TOTAL = 0.91
DEV2_SEALED_TOTAL = 0.19


@pytest.fixture(scope="module")
def results2():
    if not DEV2.exists():
        pytest.skip("../shared/corpus/dev2 is absent")
    return _bench().evaluate(DEV2)


@pytest.mark.parametrize("doc", sorted(DEV2_THRESHOLD))
def test_dev2_open_document_accuracy(results2, doc):
    fields = results2[doc]
    ok = sum(1 for f in fields if f.ok)
    misses = [f"{f.field}: {f.expected!r} ≠ {f.got!r}" for f in fields if not f.ok]
    assert ok / len(fields) >= DEV2_THRESHOLD[doc], misses


def test_dev2_every_document_is_either_open_or_sealed(results2):
    assert set(results2) == set(DEV2_THRESHOLD) | _bench().SEALED


def _total(results, docs):
    fields = [f for d in docs for f in results[d]]
    return sum(1 for f in fields if f.ok) / len(fields)


def test_dev2_open_total(results2):
    assert _total(results2, DEV2_THRESHOLD) >= DEV2_OPEN_TOTAL


def test_dev2_sealed_total(results2):
    # only the figure: the sealed documents' contents stay unread until the readers are done
    acc = _total(results2, sorted(_bench().SEALED))
    assert acc >= DEV2_SEALED_TOTAL, f"sealed dev2 accuracy {acc:.3f}"
