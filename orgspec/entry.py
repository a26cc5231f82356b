"""The `orgspec` console script: `--version` answers before click and the CLI are imported
(under 100 ms in a fresh interpreter); everything else is `orgspec.cli.main`."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from orgspec._version import __version__

        sys.stdout.write(f"orgspec {__version__}\n")
        return
    from orgspec.cli import main as cli_main

    cli_main()
