"""MT004's verdict per duty kept between runs, so a re-check after one duty's RACI changed
judges the pairs of that file's duties only.

A duty's open pairs (the two teams of each pair that share it with no meeting or channel
in common) are a function of its RACI statements and of the rest of the org: who each
holder stands for, the meetings, channels and tree of teams. When every file's entities of
every kind but the duty (`Responsibility`) are written as before (the same digests,
`engine.summary`; a file of the same content is not compared again), a duty's statements
can differ only where a duty of that id is written as an entity: in a file whose duties
changed, as the duty is now or was then. The duties of those files (`to_redo`) are judged
again; every other duty's open pairs are the kept ones, and so are the processes' (no
duty is among what a process's hand-offs are judged by). Any doubt (no summaries or
content hashes, a file that failed to load, aliases or references to a former id, other
files) judges every duty, as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orgspec.engine.summary import FileSummary
    from orgspec.model.org import Org

NAME = "MT004 duties"  # its entry in the run's memo (`context.Shared.kept`)
_DUTY = "Responsibility"
Pair = tuple[str, str]
# per file: its content hash, the digest of its problems and entities but its duties, the
# digest of its duties
Print = tuple[str, str, str]


@dataclass
class KeptDuties:
    """What MT004 judged in the run before: the files in order, each one's `Print`, the
    ids of the duties written in each (as entities of their own: `FileSummary.sites`),
    the open pairs of each duty that had one (team ids, sorted) and those of each
    process."""

    files: tuple[str, ...]
    prints: dict[str, Print]
    ids: dict[str, tuple[str, ...]]
    opened: dict[str, list[Pair]]
    # (process id, its open pairs, its hand-offs: step index, next step id, pair), for
    # every process with an open pair: none of a process's inputs is a duty
    processes: list[tuple[str, list[Pair], list[tuple[int, str, Pair]]]]


def prints_of(org: Org, summaries: Mapping[str, FileSummary] | None,
              digests: Mapping[str, str] | None, kept: KeptDuties | None,
              ) -> dict[str, Print] | None:
    """Each file's `Print`, `kept`'s for a file of the same content; None when the org
    cannot be compared so (a file without a summary or content hash, a failed file,
    aliases or renamed references)."""
    from orgspec.engine.incremental import heads
    from orgspec.load.cache import value_hash

    if summaries is None or digests is None or org.failed or org.aliased or org.renamed:
        return None
    was = kept.prints if kept is not None else {}
    out: dict[str, Print] = {}
    head = heads(summaries)  # not each file's whole summary: 226 of them were 5 ms
    for file in org.files:
        digest = digests.get(file)
        if not digest or file not in summaries:
            return None
        known = was.get(file)
        if known is not None and known[0] == digest:
            out[file] = known
            continue
        meta, written, _, _ = head(file)
        kinds = sorted(written.items())
        out[file] = (digest,
                     value_hash((meta, [kv for kv in kinds
                                        if kv[0].partition(".")[0] != _DUTY])),
                     value_hash([kv for kv in kinds if kv[0].partition(".")[0] == _DUTY]))
    return out


def ids_of(summaries: Mapping[str, FileSummary], prints: dict[str, Print],
           kept: KeptDuties | None) -> dict[str, tuple[str, ...]]:
    """File -> the ids of the duties written in it as entities of their own (`kept`'s for
    a file of the same content)."""
    out: dict[str, tuple[str, ...]] = {}
    for file, pr in prints.items():
        if kept is not None and kept.prints.get(file) is pr:
            out[file] = kept.ids.get(file, ())
        else:
            out[file] = tuple(summaries[file].sites)
    return out


def to_redo(kept: KeptDuties | None, files: list[str], prints: dict[str, Print],
            ids: dict[str, tuple[str, ...]]) -> set[str] | None:
    """The duties to judge again with `kept`: those written in a file whose duties changed,
    now or in the run before; None when `kept` does not fit (judge every duty): other
    files, or a file whose other entities or problems changed."""
    if kept is None or kept.files != tuple(files):
        return None
    redo: set[str] = set()
    for file, now in prints.items():
        was = kept.prints.get(file)
        if was is now:
            continue
        if was is None or was[1] != now[1]:
            return None
        if was[2] != now[2]:
            redo.update(kept.ids.get(file, ()))
            redo.update(ids[file])
    return redo
