"""CPU time (`process_time`, GC off as `build_view` runs) of `model.names.localized` on a
generated org: as generated (no `names`: one pass, the org itself) and with `names.en` on
every team, person, duty, process and step (copies); then an alternating A/B of the copy
it makes (`models._revive`) against pydantic's `model_copy`. Medians of 7.

    python benchmarks/generate.py --teams 2000 --out /tmp/o && \\
        python benchmarks/names_localize.py /tmp/o/teams
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import orgspec.model.names as names_module
from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.model.models import Names
from orgspec.model.names import localized
from orgspec.model.org import Org


def _named(entity: Any) -> Any:
    return entity.model_copy(update={"names": Names.model_validate({"en": f"N {entity.id}"})})


def _with_names(org: Org) -> Org:
    return replace(org, teams={i: _named(e) for i, e in org.teams.items()},
                   people={i: _named(e) for i, e in org.people.items()},
                   responsibilities={i: _named(e) for i, e in org.responsibilities.items()},
                   processes={i: _named(e).model_copy(
                       update={"steps": [_named(s) for s in e.steps]})
                       for i, e in org.processes.items()})


def _ms(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return 1000 * (time.process_time() - start)


def _by_model_copy(entity: Any, lang: str) -> Any:
    """`names._localized` as first written, with pydantic's `model_copy`."""
    update: dict[str, Any] = {}
    given = entity.names.said(lang) if getattr(entity, "names", None) is not None else None
    if given:
        update["title" if "name" not in type(entity).model_fields else "name"] = given
    if isinstance(entity, names_module.Process):
        update["steps"] = [_by_model_copy(s, lang) for s in entity.steps]
    return entity.model_copy(update=update) if update else entity


def main() -> None:
    _, org = lint_org([sys.argv[1]], Config())
    full = _with_names(org)
    print("entities", org.entity_count())
    gc.disable()
    for label, subject in (("no names", org), ("names.en everywhere", full)):
        runs = [_ms(lambda s=subject: localized(s, "en")) for _ in range(7)]
        print(f"{label}: median {statistics.median(runs):.1f} ms, min {min(runs):.1f} ms")
    revive, copy = [], []
    for _ in range(7):
        names_module._localized = _REVIVE
        revive.append(_ms(lambda: localized(full, "en")))
        names_module._localized = _by_model_copy
        copy.append(_ms(lambda: localized(full, "en")))
    names_module._localized = _REVIVE
    print(f"A/B: revive median {statistics.median(revive):.1f} ms, "
          f"model_copy median {statistics.median(copy):.1f} ms")


_REVIVE = names_module._localized

if __name__ == "__main__":
    main()
