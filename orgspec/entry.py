"""The `orgspec` console script: `--version` answers before click and the CLI are imported
(under 100 ms in a fresh interpreter); everything else is `orgspec.cli.main`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from orgspec._version import __version__

        sys.stdout.write(f"orgspec {__version__}\n")
        return
    if sys.argv[1:2] == ["check"]:
        import gc

        # One check in a process that ends with it: its data is acyclic, and each
        # collection the cyclic GC starts between the stages that pause it walks every
        # object of the org (0.3 s of 3.5 s CPU at 500 teams, measured with gc.callbacks).
        gc.disable()
        from orgspec.forkmap import leave_workers
        from orgspec.gcpause import one_shot

        one_shot()  # and the org is not freed when the run lets go of it (`_leave`)
        leave_workers()  # nor a forked worker's exit waited for before `_leave`
        from orgspec.cli import main as cli_main

        _leave(cli_main)
    from orgspec.cli import main as cli_main

    cli_main()


def _leave(run: Callable[[], object]) -> None:
    """Run the CLI, flush what it printed and end the process without tearing down its
    objects: after a check the org's millions of objects would be freed one by one (0.6 s
    CPU at 5,000 teams). Outputs are written and closed by then (written atomically); an
    exception other than SystemExit, or a failed flush, takes the normal way out. Work
    queued with `gcpause.after_output` runs in a child this process does not wait for."""
    import os

    try:
        run()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    try:
        if code is not None and not isinstance(code, int):
            sys.stderr.write(f"{code}\n")
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        raise SystemExit(code) from None
    from orgspec.forkmap import reap_workers
    from orgspec.gcpause import finish

    reap_workers()  # their exits went on beside the run: their CPU is the command's
    finish()  # the warm state the next run reads (`engine.warm`), off the command's time
    os._exit(code if isinstance(code, int) else 0)
