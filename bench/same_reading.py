"""Same reading: do two source trees read every document the same way?

Usage::

    .venv/bin/python bench/same_reading.py OLD_TREE [NEW_TREE] [-n 4] [--seed 1] [--also DIR]

A pure speed change must change no reading. This reads every text document of the corpora
(``../shared/corpus/dev/raw``, the open documents of ``dev2``, ``../shared/seed``) and the text
documents of the damage harness (``bench/layout_robustness.py --damage -n N``: every damage in
every text layout, generated here once, by this tree's generator) with each tree, in a
subprocess whose ``PYTHONPATH`` is that tree (NEW_TREE defaults to this one), and compares the
readings (``jixiao.serialize.dumps``, or the ReadError's class, or the crash). Prints how many
documents were read and how many readings differ, with the first few that do; exit status 1
when any differs. ``--also DIR`` adds the ``*.txt`` under DIR (the batch bench's generated
files, say).

Sealed documents (dev2 102, 103, 110, 112) are not read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
SEALED = {"102", "103", "110", "112"}

# run in the subprocess: read each (source, text) of the pickle, print one digest per line
WORKER = r"""
import hashlib, json, pickle, sys
from jixiao import read_text
from jixiao.serialize import dumps
docs = pickle.load(open(sys.argv[1], "rb"))
out = []
for source, text in docs:
    try:
        got = dumps(read_text(text, source))
    except Exception as exc:  # noqa: BLE001 - a refusal or a crash is a reading too
        got = "error: " + type(exc).__name__
    out.append(hashlib.sha1(got.encode()).hexdigest())
json.dump(out, open(sys.argv[2], "w"))
"""


def corpus_texts() -> list[tuple[str, str]]:
    """The real text documents that may be read (sealed ones left out)."""
    sys.path.insert(0, str(ROOT))
    from jixiao.readers import decode_text

    docs = []
    for folder in (SHARED / "corpus/dev/raw", SHARED / "corpus/dev2/raw", SHARED / "seed"):
        for f in sorted(folder.glob("*.txt")):
            if folder.parent.name == "dev2" and f.stem in SEALED:
                continue
            docs.append((f.name, decode_text(f.read_bytes(), str(f))))
    return docs


def harness_texts(n: int, seed: int) -> list[tuple[str, str]]:
    """Every text document the damage harness reads for ``n`` forms (office layouts left out)."""
    sys.path.insert(0, str(HERE))
    import layout_robustness
    from grid_text import RENDER

    from jixiao.errors import ReadError

    texts: list[tuple[str, str]] = []

    def collect(text: str, source: str = "<文本>") -> None:
        texts.append((source, text))
        raise ReadError(source, "collected")

    layout_robustness.read_text = collect  # type: ignore[assignment]
    layouts = [*RENDER, "column-major", "prose", "base-data"]
    layout_robustness.damage_run(n, seed, layouts=layouts)
    return texts


def readings(tree: Path, docs_file: Path) -> list[str]:
    out = docs_file.with_suffix(f".{hashlib.sha1(str(tree).encode()).hexdigest()[:8]}.json")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run(
        [sys.executable, "-c", WORKER, str(docs_file), str(out)], env=env, check=True, cwd=tree
    )
    return json.loads(out.read_text())


def also_texts(folders: list[Path]) -> list[tuple[str, str]]:
    """The text documents under the folders given with ``--also``."""
    from jixiao.readers import decode_text

    return [
        (str(f), decode_text(f.read_bytes(), str(f)))
        for folder in folders
        for f in sorted(folder.rglob("*.txt"))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="两个源码树的读取结果是否完全相同")
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path, nargs="?", default=ROOT)
    parser.add_argument("-n", type=int, default=4, help="损坏测试中生成的表数（每种各 n 份）")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--also",
        type=Path,
        action="append",
        default=[],
        help="另读此文件夹下的 .txt（如 bench/generate.py 生成的批量材料），可重复",
    )
    args = parser.parse_args(argv)
    docs = corpus_texts() + harness_texts(args.n, args.seed) + also_texts(args.also)
    with tempfile.TemporaryDirectory() as tmp:
        docs_file = Path(tmp) / "docs.pickle"
        docs_file.write_bytes(pickle.dumps(docs))
        old = readings(args.old.resolve(), docs_file)
        new = readings(args.new.resolve(), docs_file)
    differ = [source for (source, _), a, b in zip(docs, old, new, strict=True) if a != b]
    print(f"{len(docs)} 份文档，读取结果不同的：{len(differ)} 份")
    for source in differ[:20]:
        print(f"  {source}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
