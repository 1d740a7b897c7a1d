"""Mutation sweep: real texts mutated at random must never crash the reader nor take long.

Usage::

    .venv/bin/python bench/mutation_sweep.py [-n 1000] [--seed 1] [--slow-ms 50] [--show K]

Takes the real text documents that may be read (``../shared/corpus/dev/raw``, the open
documents of ``dev2``, ``../shared/seed``; sealed ones left out), and ``n`` times draws one of
them and mutates it with one to four random edits — a line deleted, duplicated or swapped with
its neighbour, the text cut at either end, random characters inserted (digits, %, ≥, Chinese,
separators), a few characters erased (a label lost), two lines glued into one, digits
replaced — then reads it (``jixiao.read_text``)
with a timer of this process's CPU time. A ReadError (a refusal) is an answer; any other
exception is a crash. Prints the crashes (with the mutation, so that it can be replayed:
``--replay SEED/K``) and the documents that took more than ``--slow-ms``. Exit status 1 when
anything crashed.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from jixiao import read_text  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402
from jixiao.readers import decode_text  # noqa: E402

SHARED = HERE.parent.parent / "shared"
SEALED = {"102", "103", "110", "112"}
_NOISE = "0123456789.%≥≤-/|\t 　年月日万元个指标得分值一二三，。：:（）()"


def real_texts() -> list[tuple[str, str]]:
    docs = []
    for folder in (SHARED / "corpus/dev/raw", SHARED / "corpus/dev2/raw", SHARED / "seed"):
        for f in sorted(folder.glob("*.txt")):
            if folder.parent.name == "dev2" and f.stem in SEALED:
                continue
            docs.append((f"{folder.parent.name if folder.name == 'raw' else folder.name}/{f.name}", decode_text(f.read_bytes(), str(f))))
    return docs


def _lines_edit(text: str, rng: random.Random, edit: str) -> str:
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    k = rng.randrange(len(lines) - 1)
    if edit == "delete":
        del lines[k]
    elif edit == "duplicate":
        lines.insert(k, lines[k])
    elif edit == "swap":
        lines[k], lines[k + 1] = lines[k + 1], lines[k]
    elif edit == "glue":
        lines[k : k + 2] = [lines[k] + lines[k + 1]]
    return "\n".join(lines)


def mutate(text: str, rng: random.Random) -> tuple[str, list[str]]:
    """One to four random edits of ``text``; the names of the edits made."""
    done = []
    for _ in range(rng.randint(1, 4)):
        edit = rng.choice(
            ("delete", "duplicate", "swap", "glue", "cut", "insert", "digits", "erase")
        )
        done.append(edit)
        if edit in ("delete", "duplicate", "swap", "glue"):
            text = _lines_edit(text, rng, edit)
        elif edit == "cut" and text:
            at = rng.randrange(len(text))
            text = text[at:] if rng.random() < 0.5 else text[:at]
        elif edit == "insert":
            at = rng.randrange(len(text) + 1)
            noise = "".join(rng.choice(_NOISE) for _ in range(rng.randint(1, 12)))
            text = text[:at] + noise + text[at:]
        elif edit == "erase" and text:
            at = rng.randrange(len(text))
            text = text[:at] + text[at + rng.randint(1, 8) :]  # a word lost (a header's label)
        elif edit == "digits":
            chars = list(text)
            digits = [i for i, c in enumerate(chars) if c.isdigit()]
            for i in rng.sample(digits, min(len(digits), rng.randint(1, 10))):
                chars[i] = rng.choice("0123456789")
            text = "".join(chars)
    return text, done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="随机变异真实文本：不得崩溃，不得过慢")
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow-ms", type=float, default=50.0)
    parser.add_argument("--show", type=int, default=10, help="最多列出几份崩溃或过慢的文档")
    parser.add_argument("--replay", help="SEED/K：重现第 K 份变异并打印其文本")
    args = parser.parse_args(argv)
    docs = real_texts()
    if args.replay:
        seed, k = args.replay.split("/")
        rng = random.Random(f"{seed}/{k}")
        source, text = rng.choice(docs)
        mutated, done = mutate(text, rng)
        print(f"# {source} {'+'.join(done)}")
        print(mutated)
        with contextlib.suppress(ReadError):
            read_text(mutated, source)
        return 0
    for source, text in docs:  # warm up: imports and first compilations are not the point
        with contextlib.suppress(ReadError):
            read_text(text, source)
    crashes: list[str] = []
    slow: list[tuple[float, str]] = []
    cpu = 0.0
    slowest = 0.0
    for k in range(args.n):
        rng = random.Random(f"{args.seed}/{k}")  # each mutation replayable on its own
        source, text = rng.choice(docs)
        mutated, done = mutate(text, rng)
        what = f"{args.seed}/{k} {source} {'+'.join(done)}"
        t0 = time.process_time()
        try:
            read_text(mutated, source)
        except ReadError:
            pass
        except Exception:  # noqa: BLE001 - a crash is what this sweep looks for
            crashes.append(f"{what}: {traceback.format_exc(limit=-2).strip().splitlines()[-1]}")
            tb = traceback.format_exc().strip().splitlines()
            crashes[-1] += "\n      " + "\n      ".join(tb[-5:-1])
        took = time.process_time() - t0
        cpu += took
        slowest = max(slowest, took * 1000)
        if took * 1000 > args.slow_ms:
            slow.append((took * 1000, what))
    print(f"{args.n} 份变异文档（种子 {args.seed}），CPU {cpu:.1f} 秒；崩溃 {len(crashes)} 份，"
          f"超过 {args.slow_ms:.0f} 毫秒 {len(slow)} 份（最慢的一份 {slowest:.1f} 毫秒）")
    for line in crashes[: args.show]:
        print(f"  崩溃 {line}")
    for ms, what in sorted(slow, reverse=True)[: args.show]:
        print(f"  过慢 {ms:.0f} 毫秒 {what}")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
