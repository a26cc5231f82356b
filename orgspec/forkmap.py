"""Share a list of independent work items between this process and one forked worker.

Both processes claim items from one queue (a pipe of item numbers, so whoever is free takes
the next one: no static split to tune), the worker sends each result back pickled, and this
process puts them in item order. What the worker does not deliver (it died, failed, or hung
past a deadline and was killed) this process computes itself, so the answer is always the
serial one. Linux only (fork, pipes, memfd); elsewhere, on one core, with
ORGSPEC_PARALLEL=0 or for a single item, the loop is serial.

The join waits for the worker's word that it is done (a byte on a pipe, written before it
exits), not for its exit: a worker's exit unmaps its copy of this process's heap (tens of
ms at 500 teams, more at 5,000), which then goes on beside this process's next work. A
one-shot process (`leave_workers`) reaps its workers just before it ends (`reap_workers`).
"""

from __future__ import annotations

import os
import pickle
import select
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, overload

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

MAX_CLAIMS = 4096  # queue entries (4 bytes each): under a pipe's 64 KiB, so writing never blocks
# A worker still busy this long after this process ran out of work is killed (its items are
# then computed here): seconds, plus twice the time the whole map took until then.
HANG_GRACE = 10.0
# Workers done with their work whose exit is not waited for (`leave_workers`).
_UNREAPED: list[int] = []
_LEAVE: list[bool] = []


def leave_workers() -> None:
    """Declare this process one that calls `reap_workers` before it ends (`orgspec.entry`):
    a worker done with its work is then not waited for at the join."""
    _LEAVE.append(True)


def reap_workers() -> None:
    """Wait for the workers left by `leave_workers` (their exits have usually ended by then)."""
    while _UNREAPED:
        pid = _UNREAPED.pop()
        _reap(pid)


def parallel_enabled() -> bool:
    """True on Linux with two or more cores unless ORGSPEC_PARALLEL=0."""
    return (sys.platform == "linux" and (os.cpu_count() or 1) > 1
            and os.environ.get("ORGSPEC_PARALLEL", "1") != "0")


# How the worker sends a result and this process reads it back: (send, receive), with
# `receive(send(r))` equal to `r`; `send`'s value travels pickled.
Wire = tuple[Callable[[Any], Any], Callable[[Any], Any]]


@overload
def fork_map(func: Callable[[T], R], items: Sequence[T],
             first: Callable[[], None] | None = None, *, wire: Wire | None = None) -> list[R]:
    ...


@overload
def fork_map(func: Callable[[T], R], items: Sequence[T], first: Callable[[], None] | None,
             after: Callable[[R], S], *, wire: Wire | None = None) -> list[S]: ...


def fork_map(func: Callable[[T], Any], items: Sequence[T],
             first: Callable[[], None] | None = None,
             after: Callable[[Any], Any] | None = None, *,
             wire: Wire | None = None) -> list[Any]:
    """`[after(func(item)) for item in items]`, computed by this process and one forked
    worker (`after` defaults to keeping the result).

    The worker starts on the items at once; this process runs `first()` (work only it can
    do, such as imports or the graph) and then claims items too. `func` must be a pure
    function of its item and of state that exists before the call (the worker is a copy of
    this process at the fork). `after` always runs here: on this process's own results as
    they come, on the worker's once they arrive (work that must end in this process, such
    as building objects too costly to send, is so shared too: the worker takes more items
    meanwhile). `wire` is a cheaper form for the worker's results than pickling them as
    they are (`send` runs in the worker, `receive` here). Exceptions of `func`, `after` or
    `first` are raised here, as the serial loop would raise them. Serial when
    `parallel_enabled()` is false or there is one item.
    """
    then: Callable[[Any], Any] = after if after is not None else _same
    if len(items) < 2 or not parallel_enabled():
        if first is not None:
            first()
        return [then(func(item)) for item in items]
    return _Split(func, items, then, wire).run(first)


def _same(value: T) -> T:
    return value


class _Split:
    """One fork_map call: the queue, the worker and the results."""

    def __init__(self, func: Callable[[Any], Any], items: Sequence[Any],
                 after: Callable[[Any], Any], wire: Wire | None = None) -> None:
        self.func = func
        self.after = after
        self.send, self.receive = wire or (_same, _same)
        self.items = items
        size = -(-len(items) // MAX_CLAIMS)  # items per claim
        self.claims = [range(i, min(i + size, len(items))) for i in range(0, len(items), size)]
        self.done: dict[int, list[Any]] = {}
        self.read = 0  # bytes of the results file read so far
        self.damaged = False
        self.pid = 0

    def run(self, first: Callable[[], None] | None) -> list[Any]:
        start = time.monotonic()
        queue_r, queue_w = os.pipe()
        done_r, done_w = os.pipe()
        try:
            out = _results_file()
        except OSError:
            for fd in (queue_r, queue_w, done_r, done_w):
                os.close(fd)
            return self.serial(first)
        try:
            os.write(queue_w, b"".join(k.to_bytes(4, "little")
                                       for k in range(len(self.claims))))
            os.close(queue_w)
            try:
                self.pid = os.fork()
            except OSError:
                self.pid = 0
                os.close(done_w)
                return self.serial(first)
            if self.pid == 0:
                os.close(done_r)
                self.worker(queue_r, out, done_w)  # never returns
            os.close(done_w)
            if first is not None:
                first()
            mine: dict[int, list[Any]] = {}
            while True:
                # what the worker sent meanwhile is taken through `after` now, between
                # claims, so the worker takes more items while this process does that work
                for sent, results in self.arrived(out):
                    mine[sent] = [self.after(self.receive(r)) for r in results]
                if (k := _claim(queue_r)) is None:
                    break
                mine[k] = [self.after(self.func(self.items[i])) for i in self.claims[k]]
            self.wait(done_r, HANG_GRACE + 2 * (time.monotonic() - start))
            self.done.update(self.arrived(out))
        finally:
            self.stop()
            os.close(queue_r)
            os.close(done_r)
            os.close(out)
        return [result for k in range(len(self.claims))
                for result in (mine[k] if k in mine else
                               [self.after(self.receive(r)) for r in self.done[k]]
                               if k in self.done else
                               [self.after(self.func(self.items[i])) for i in self.claims[k]])]

    def serial(self, first: Callable[[], None] | None) -> list[Any]:
        if first is not None:
            first()
        return [self.after(self.func(item)) for item in self.items]

    def worker(self, queue_r: int, out: int, done_w: int) -> None:
        """The forked worker: claim, compute, append `size + pickle((claim, results))` to
        the results file, say it is done on `done_w`; exit without running this process's
        exit handlers."""
        code = 0
        try:
            while (k := _claim(queue_r)) is not None:
                data = pickle.dumps((k, [self.send(self.func(self.items[i]))
                                         for i in self.claims[k]]),
                                    protocol=pickle.HIGHEST_PROTOCOL)
                _write_all(out, len(data).to_bytes(8, "little") + data)
            os.write(done_w, b"d")
        except BaseException:  # this process computes what is missing
            code = 1
        finally:
            os._exit(code)

    def wait(self, done_r: int, timeout: float) -> None:
        """Wait until the worker said it is done or ended (its end of `done_r` closed
        without a word: it died or failed), then reap it (`_release`); kill it first when
        neither happened within `timeout` s."""
        poll = select.poll()
        poll.register(done_r, select.POLLIN)
        if poll.poll(max(0, int(timeout * 1000))):  # ready: a word, or the pipe's end
            self._release(os.read(done_r, 1) == b"d")
        else:
            self.stop()

    def _release(self, said: bool) -> None:
        """Reap the worker that has said it is done (`said`: it only exits now, so in a
        process that `leave_workers`, it is reaped later, by `reap_workers`) or that ended."""
        pid, self.pid = self.pid, 0
        if said and _LEAVE:
            _UNREAPED.append(pid)
            return
        _reap(pid)

    def stop(self) -> None:
        """Kill and reap the worker if it is still there."""
        if self.pid:
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = 0

    def arrived(self, out: int) -> list[tuple[int, list[Any]]]:
        """The worker's complete records written since the last call; a truncated last one
        waits for the next call, a damaged one ends the reading (its claims and those after
        it are then computed here)."""
        size = os.fstat(out).st_size
        if self.damaged or size < self.read + 8:
            return []
        data = _read_range(out, self.read, size)
        at = 0
        found = []
        while at + 8 <= len(data):
            size = int.from_bytes(data[at:at + 8], "little")
            if at + 8 + size > len(data):
                break
            try:
                # written by our own forked worker into an anonymous file
                k, results = pickle.loads(data[at + 8:at + 8 + size])  # noqa: S301
            except Exception:  # a damaged record: computed here instead
                self.damaged = True
                break
            if isinstance(k, int) and 0 <= k < len(self.claims) and \
                    isinstance(results, list) and len(results) == len(self.claims[k]):
                found.append((k, results))
            at += 8 + size
        self.read += at
        return found


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:  # reaped already (a caller's own waitpid, SIGCHLD ignored)
        return


def _claim(queue: int) -> int | None:
    """The next claim number, or None when the queue is empty. Reads of 4 bytes from a pipe
    filled in 4-byte entries are atomic, so the two processes never take the same one."""
    data = os.read(queue, 4)
    return int.from_bytes(data, "little") if len(data) == 4 else None


def _results_file() -> int:
    if hasattr(os, "memfd_create"):
        return os.memfd_create("orgspec-worker", getattr(os, "MFD_CLOEXEC", 0))
    import tempfile

    handle = tempfile.TemporaryFile()  # noqa: SIM115 - the descriptor outlives the object
    return os.dup(handle.fileno())


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_range(fd: int, start: int, end: int) -> bytes:
    chunks = []
    at = start
    while at < end:
        chunk = os.pread(fd, min(end - at, 1 << 24), at)
        if not chunk:
            break
        chunks.append(chunk)
        at += len(chunk)
    return b"".join(chunks)
