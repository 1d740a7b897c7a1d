"""Property tests: whatever text comes in, the reader returns an Evaluation or raises its own
ReadError — never anything else.

Inputs: arbitrary text, and the seed (plus the development documents when ../shared is
present) mutated: lines deleted, duplicated, shuffled, tabs turned into pipes, cut anywhere.
"""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao import read_text
from jixiao.errors import ReadError
from jixiao.model import Evaluation

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "examples" / "seed-2021-yuelu-fulian.txt").read_text(encoding="utf-8")
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "raw"
SAMPLES = [SEED] + (
    [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))] if DEV.exists() else []
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(text: str) -> None:
    try:
        e = read_text(text, "prop.txt")
    except ReadError as exc:
        assert "prop.txt" in str(exc)
        return
    assert isinstance(e, Evaluation)
    for ind in e.indicators:  # what was read keeps where it was read
        assert ind.name.location is None or ind.name.location.source == "prop.txt"


FORM_ALPHABET = st.sampled_from(
    list("\t|\n 0123456789.%≥≤:：（）()-—…")
    + [
        "指标",
        "得分",
        "分值",
        "合计",
        "总分",
        "产出指标",
        "三级指标",
        "预算数",
        "执行率",
        "项目名称",
        "其中:",
        "年度",
        "(万元)",
        "(50分)",
    ]
)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    _read(text)


@SETTINGS
@given(st.lists(FORM_ALPHABET, max_size=300).map("".join))
def test_form_words_in_any_order(text):
    _read(text)


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SAMPLES))
    lines = text.split("\n")
    ops = draw(
        st.lists(st.sampled_from(["delete", "duplicate", "shuffle", "pipes", "cut"]), max_size=4)
    )
    for op in ops:
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(i, min(len(lines), i + 40)))
        if op == "delete":
            del lines[i:j]
        elif op == "duplicate":
            lines[i:i] = lines[i:j]
        elif op == "shuffle":
            window = lines[i:j]
            lines[i:j] = draw(st.permutations(window))
        elif op == "pipes":
            lines = [ln.replace("\t", " | ") for ln in lines]
        elif op == "cut":
            lines = lines[:i]
    return "\n".join(lines)


@SETTINGS
@given(mutated())
def test_mutated_documents(text):
    _read(text)


@SETTINGS
@given(st.sampled_from(SAMPLES), st.data())
def test_truncated_anywhere(text, data):
    cut = data.draw(st.integers(0, len(text)))
    _read(text[:cut])


HTML_ALPHABET = st.sampled_from(
    [
        "<html>",
        "<body>",
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "<p>",
        "<td rowspan=3>",
        "<td colspan=2>",
        "<td rowspan=x>",
        "<script>",
        "</script>",
        "&nbsp;",
        "得分",
        "分值",
        "产出指标",
        "三级指标",
        "项目名称",
        "10",
        "95%",
        "总分",
        "\n",
    ]  # fmt: skip
)


@SETTINGS
@given(st.lists(HTML_ALPHABET, max_size=200).map("".join))
def test_html_fragments(text):
    _read(text)
