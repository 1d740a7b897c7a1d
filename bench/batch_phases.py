"""A batch file's CPU split by phase, in one process: what reading costs and what the batch adds.

    PYTHONPATH=<tree> taskset -c 1 .venv/bin/python bench/batch_phases.py FILES_DIR [-n 400]

Each file goes through what a batch worker and the batch's process do with it — hash, read,
check, score, the summary record, its ``.check.txt``, its journal line — timed one by one
(``time.process_time``, after one warm-up file); then the outputs (summary.xlsx, findings.json,
汇总报告.docx) are built once from that journal and their time spread over the files (fixed
costs included). Prints milliseconds per file as JSON. Works on older trees too (dc8bbd4): run it
from this tree with ``PYTHONPATH`` set to the tree to measure, on the same files
(``bench/generate.py``). For counts that do not depend on the machine's load, run it under
``valgrind --tool=callgrind`` with a few files and ``PYTHONHASHSEED=0``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import jixiao
from jixiao.batch import worker
from jixiao.batch.discover import WorkItem
from jixiao.batch.engine import loaded_profile
from jixiao.batch.journal import Journal
from jixiao.batch.outputs import build_outputs

PHASES = ("hash", "read", "check", "score", "record", "check_file", "journal")


def main() -> None:
    parser = argparse.ArgumentParser(description="批量审核逐段计时（单进程）")
    parser.add_argument("files", type=Path, help="文本材料所在文件夹（逐层查找）")
    parser.add_argument("-n", type=int, default=400, help="计时的文件数")
    args = parser.parse_args()
    files = sorted(p for p in args.files.rglob("*") if p.is_file())[: args.n + 1]
    profile = loaded_profile(None)
    out = Path(tempfile.mkdtemp(prefix="jixiao-phases-"))
    clock = time.process_time
    spent = dict.fromkeys(PHASES, 0.0)
    try:
        with Journal(out) as journal:
            for index, path in enumerate(files):
                item = WorkItem(str(path), str(path.relative_to(args.files)))
                marks = [clock()]
                sha = worker.file_sha256(path)
                marks.append(clock())
                evaluation = jixiao.read(path)
                marks.append(clock())
                findings = tuple(jixiao.check(evaluation, profile))
                marks.append(clock())
                sheet = jixiao.score(evaluation, profile)
                marks.append(clock())
                record = worker.summarise(evaluation, findings, sheet, item, sha, "")
                check_file = worker.check_file_name(item.display)
                record = worker._with(record, check_file=check_file)
                marks.append(clock())
                worker.write_check_file(out / check_file, record)
                marks.append(clock())
                journal.append(record)
                marks.append(clock())
                if index == 0:
                    continue  # the warm-up file: imports, patterns compiled on first use
                for phase, start, end in zip(PHASES, marks[:-1], marks[1:], strict=True):
                    spent[phase] += end - start
        started = clock()
        build_outputs(out, "", report=True)  # the report's child process is not counted
        spent["outputs"] = clock() - started
    finally:
        shutil.rmtree(out, ignore_errors=True)
    n = max(len(files) - 1, 1)
    figures = {phase: round(seconds / n * 1000, 3) for phase, seconds in spent.items()}
    figures["total"] = round(sum(spent.values()) / n * 1000, 3)
    print(json.dumps({"files": n, "ms_per_file": figures}, ensure_ascii=False))


if __name__ == "__main__":
    main()
