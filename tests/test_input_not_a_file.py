"""`orgspec pr-comment REPORT` on a FIFO blocked forever reading it (as would `import` on
one): a file argument that is not a regular file is one error line, exit 2, before any read
(left11, item 8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_cli


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "'{path}' is not a regular file (a FIFO, device or socket): orgspec reads only "
           "files"),
    ("zh", "'{path}' 不是普通文件（是 FIFO、设备或套接字）：orgspec 只读取文件"),
    ("zh-Hant", "'{path}' 不是普通檔案（是 FIFO、裝置或通訊端）：orgspec 只讀取檔案"),
])
@pytest.mark.parametrize("args", [("pr-comment",), ("import", "roster", "-o", "out")])
def test_a_fifo_is_refused_with_one_line(tmp_path: Path, lang: str, said: str,
                                         args: tuple[str, ...]) -> None:
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    run = run_cli(*args, str(fifo), "--lang", lang, cwd=tmp_path, timeout=60,
                  fresh=True)  # a new process: a read that blocks fails the test, not the run
    assert run.code == 2
    assert said.format(path=fifo) in run.stderr and run.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()
