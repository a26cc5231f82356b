"""The timeline of one `orgspec check`: when each phase starts and ends, in which process,
with that process's CPU, from the process's start (as the wall clock of a caller sees it).

    python benchmarks/timeline.py -- check benchmarks/out/500/teams --no-cache --format json -o F

Runs the command in this process (through `orgspec.entry`, as the console script does)
with a few functions wrapped: `fork_map` (its `first`, its wait at the join, the worker's
start and end), loading, the rules, the render and the write, and `os._exit`. Each event is
a line: the process id, seconds since the process started (`/proc/self/stat`, Linux),
the process's CPU seconds (`time.process_time`, the forked worker's own from its fork),
the event. The wrapping costs a few ms; the modules it wraps are imported before the
command starts (about 0.1 s of imports that the real command makes later, before its fork).
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from collections.abc import Callable
from typing import Any

_LINES: list[str] = []


def _since_start() -> float:
    with open("/proc/self/stat", encoding="ascii") as handle:
        started = int(handle.read().rsplit(")", 1)[1].split()[19])
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started / os.sysconf("SC_CLK_TCK")


_T0 = time.monotonic() - _since_start()


def log(event: str) -> None:
    """One event, written at once (a forked worker ends with `os._exit`)."""
    os.write(2, f"{os.getpid()} {time.monotonic() - _T0:8.3f} s  cpu {time.process_time():7.3f}"
                f"  {event}\n".encode())


def wrap(module: str, name: str) -> None:
    """Log the start and end of `module.name` (a dotted name inside the module allowed)."""
    owner: Any = importlib.import_module(module)
    *path, last = name.split(".")
    for part in path:
        owner = getattr(owner, part)
    func = getattr(owner, last)

    def logged(*args: Any, **kwargs: Any) -> Any:
        log(f"> {name}")
        try:
            return func(*args, **kwargs)
        finally:
            log(f"< {name}")

    setattr(owner, last, logged)


def _fork_map() -> None:
    import orgspec.forkmap as forkmap

    run = forkmap._Split.run
    worker = forkmap._Split.worker
    wait = forkmap._Split.wait

    def logged_run(self: Any, first: Callable[[], None] | None) -> list[Any]:
        log(f"> fork_map of {len(self.items)} items")

        def logged_first() -> None:
            log("  > first")
            if first is not None:
                first()
            log("  < first")

        try:
            return run(self, logged_first)
        finally:
            log("< fork_map")

    def logged_worker(self: Any, *args: Any) -> None:
        log("worker starts")
        real_exit = os._exit

        def exit_(code: int) -> None:
            log("worker ends")
            real_exit(code)

        os._exit = exit_  # type: ignore[assignment]
        worker(self, *args)

    def logged_wait(self: Any, *args: Any) -> None:
        log("  > join")
        wait(self, *args)
        log("  < join")

    forkmap._Split.run = logged_run  # type: ignore[method-assign]
    forkmap._Split.worker = logged_worker  # type: ignore[method-assign]
    forkmap._Split.wait = logged_wait  # type: ignore[method-assign]


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--"]:
        args = args[1:]
    log(f"python up, {len(sys.modules)} modules")
    _fork_map()
    for module, name in (("orgspec.engine.lint", "_load"), ("orgspec.engine.lint", "_lint_loaded"),
                         ("orgspec.run", "run_check"), ("orgspec.cli", "_write"),
                         ("orgspec.reporters", "render")):
        wrap(module, name)
    real_exit = os._exit
    main_pid = os.getpid()

    def exit_(code: int) -> None:
        if os.getpid() == main_pid:
            log("os._exit")
        real_exit(code)

    os._exit = exit_  # type: ignore[assignment]
    log(f"wrapped, {len(sys.modules)} modules")
    sys.argv = ["orgspec", *args]
    from orgspec.entry import main as entry

    entry()


if __name__ == "__main__":
    main()
