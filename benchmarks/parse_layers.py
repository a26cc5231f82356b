"""Instructions each layer of the YAML parse executes (valgrind's callgrind), per file set.

    python benchmarks/parse_layers.py benchmarks/out/people-500 [--files 100]

Where a file's parse goes, layer by layer, counted on the same texts in one process (the
texts read and decoded first, uncounted; each layer run once uninstrumented, then once
counted): libyaml alone (`CParser.raw_parse`, no Python object per event), PyYAML's event
objects (`get_event` until the stream ends: what the event walk is handed), PyYAML's C
composer building its node tree (with the resolver's per-node calls as C no-ops: the
cheapest way to it), orgspec's parse (`yamlevents.parse`, the event walk), orgspec's whole
file load (`loader.load_bytes`: decoding, the scans, the parse, the entities) and the
floor's `yaml.load(text, CSafeLoader)`. Each layer's count includes the ones below it (the
event objects include libyaml's work, orgspec's parse the event objects).

The composer row is why the event walk stays (docs/benchmarks.md, ninth pass): its nodes
are Python objects built by a Python `__init__`, as events are, plus three Python-level
calls per node, so composing costs as much as the events before anything reads the tree.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout
sys.path.insert(0, str(HERE))

LAYERS = ("libyaml", "event objects", "composer (C, no resolver)", "orgspec parse",
          "orgspec load_bytes", "floor: yaml.load CSafeLoader")


def _texts(paths: list[str], limit: int) -> list[Path]:
    found = sorted(p for base in paths for p in Path(base).rglob("*")
                   if p.suffix in (".yaml", ".yml") and p.is_file())
    return found[:limit] if limit else found


def _layers(files: list[Path]) -> dict[str, Callable[[], None]]:
    import yaml
    from yaml._yaml import CParser

    from orgspec.load import loader, yamlevents
    from orgspec.load.source import decode, maybe_forbidden

    datas = [(str(p), p.read_bytes()) for p in files]
    texts = [(t, not maybe_forbidden(t)) for t in (decode(d) for _, d in datas)]
    end = yaml.StreamEndEvent

    class Composer(CParser):
        resolve = slice
        descend_resolver = slice
        ascend_resolver = tuple

    def raw() -> None:
        for text, _ in texts:
            yaml.CSafeLoader(text).raw_parse()

    def events() -> None:
        for text, _ in texts:
            get = yaml.CSafeLoader(text).get_event
            while get().__class__ is not end:
                pass

    def compose() -> None:
        for text, _ in texts:
            parser = Composer(text)
            while parser.check_node():
                parser.get_node()

    def parse() -> None:
        for text, clean in texts:
            yamlevents.parse(text, clean=clean)

    def load() -> None:
        for shown, data in datas:
            loader.load_bytes(shown, data)

    def floor() -> None:
        for text, _ in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)

    return dict(zip(LAYERS, (raw, events, compose, parse, load, floor), strict=True))


def inner(paths: list[str], limit: int, build: Path) -> None:
    """Run every layer once uninstrumented, then once counted (see the module's docstring)."""
    from instructions import _client

    cg = _client(build)
    layers = _layers(_texts(paths, limit))
    gc.disable()
    for name, run in layers.items():
        run()
        gc.collect()
        cg.cg_start()
        run()
        cg.cg_stop(name.encode())
        gc.collect()


def count(paths: list[str], limit: int) -> dict[str, int]:
    """{layer: instructions} over the files, counted under callgrind."""
    from instructions import read_dumps

    with tempfile.TemporaryDirectory(prefix="orgspec-cg-") as tmp:
        out = Path(tmp)
        cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no",
               f"--callgrind-out-file={out}/callgrind.out", "--dump-line=no",
               sys.executable, str(Path(__file__).resolve()), "--inner", "--build", str(out),
               "--files", str(limit), *paths]
        env = dict(os.environ, PYTHONHASHSEED="0")
        subprocess.run(cmd, check=True, env=env, stderr=subprocess.DEVNULL)
        return {name: events.get("Ir", 0) for name, events in read_dumps(out).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--files", type=int, default=100, help="the first N files (0: all)")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.paths, args.files, args.build)
        return
    got = count(args.paths, args.files)
    files = len(_texts(args.paths, args.files))
    base = got.get("orgspec parse") or 1
    print(f"| layer ({files} files) | instructions | per file | vs orgspec parse |")
    print("|---|---|---|---|")
    for name in LAYERS:
        n: Any = got.get(name)
        if n is None:
            continue
        print(f"| {name} | {n:,} | {n // max(files, 1):,} | {n / base:.2f}x |")


if __name__ == "__main__":
    main()
