"""Pause the cyclic garbage collector while orgspec builds large, acyclic data; what a
one-shot process (`orgspec.entry`) keeps until it ends and does after its output is out."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_KEPT: list[Any] = []
_ONE_SHOT: list[bool] = []
_LATER: list[Callable[[], object]] = []


def one_shot() -> None:
    """Declare this process one that ends with its run without tearing down its objects
    (`orgspec.entry`): what `keep_until_exit` is given is then never freed."""
    _ONE_SHOT.append(True)


def keep_until_exit(value: Any) -> None:
    """In a one-shot process, hold `value` (an org, its models and graph) until the process
    ends, so that it is not freed object by object when the run lets go of it (0.05 s CPU
    at 500 teams, ~0.5 s at 5,000); elsewhere (the Python API, tests) do nothing."""
    if _ONE_SHOT:
        _KEPT.append(value)


def defers() -> bool:
    """True when `after_output` queues its work for a child instead of running it now."""
    return bool(_ONE_SHOT) and hasattr(os, "fork")


def holds_up_the_command() -> bool:
    """True when `after_output`'s work would run inside a one-shot command that cannot
    fork (no `os.fork`: Windows): before the process ends, on the command's time."""
    return bool(_ONE_SHOT) and not hasattr(os, "fork")


def after_output(work: Callable[[], object]) -> None:
    """Run `work` (a cache entry only a later run reads) once this run's output is out: in a
    one-shot process, in a child forked after the output is flushed that the command does
    not wait for (`finish`); elsewhere (the Python API, tests), now. `work` must be safe to
    lose (a killed child leaves the old entry or none: a later run then takes its full
    path) and to race with other runs' (entries are written atomically, each one
    consistent with the inputs it names)."""
    if defers():
        _LATER.append(work)
    else:
        work()


def finish() -> None:
    """Fork a child that runs the work `after_output` queued, its standard streams on
    the null device (a caller reading this process's output, such as pre-commit or
    `subprocess.run`, sees its end when this process ends) and in a session of its own; this
    process does not wait for it. Failures in the child are lost with it; a fork that fails
    runs nothing (the work only saves a later run time). Call right before `os._exit`."""
    if not _LATER:
        return
    try:
        pid = os.fork()
    except OSError:
        return
    if pid:
        return
    code = 0
    try:
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        for work in _LATER:
            work()
    except BaseException:  # nothing to tell and no one to tell it to
        code = 1
    finally:
        os._exit(code)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC: a run builds millions of small objects that never form cycles,
    and each collection would walk all of them (measured: validation 3.5x slower at scale,
    the report's view model 2x)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
