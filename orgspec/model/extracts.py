"""Small extracts of a validated org, as plain data that a later run reads back without the
models: what a rule needs of the whole org to answer again after one file's prose changed
(`engine.warm`). Imports no pydantic (the org is only a parameter)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orgspec.findings import Location
    from orgspec.model.org import Org


@dataclass
class Duties:
    """The duties OW007 compares, in `org.raci.accountable` order: those with a text and
    an accountable holder. `texts`: (name, description) as validated; `owners`: the
    holders joined with ","; `holders`: id -> holder node keys (of every duty, as
    `org.raci.accountable`); `files`: id -> the file it was written in."""

    ids: list[str]
    texts: list[tuple[str | None, str | None]]
    owners: list[str]
    holders: dict[str, list[str]]
    files: dict[str, str]
    index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {rid: i for i, rid in enumerate(self.ids)}

    def text(self, rid: str) -> str:
        """The text OW007 quotes: the description, else the name."""
        name, description = self.texts[self.index[rid]]
        return str(description or name)


def duties_of(org: Org) -> Duties:
    """The org's `Duties`."""
    ids: list[str] = []
    texts: list[tuple[str | None, str | None]] = []
    owners: list[str] = []
    files: dict[str, str] = {}
    accountable = org.raci.accountable
    duties, origins = org.responsibilities, org.origins
    for rid, holders in accountable.items():
        if not holders:
            continue
        resp = duties[rid]
        name, description = resp.name, resp.description
        if description or name:
            ids.append(rid)
            texts.append((name, description))  # both are evidence
            # one holder (most duties) is its own joined text
            owners.append(holders[0] if len(holders) == 1 else ",".join(holders))
            # `org.origin("Responsibility", rid).file`, its key made here
            files[rid] = origins["responsibility:" + rid].fmap.file
    return Duties(ids, texts, owners, accountable, files)


def duty_site(org: Org, rid: str) -> Location:
    """Where duty `rid`'s text is written: its description, else its name."""
    origin = org.origin("Responsibility", rid)
    where: Location = origin.locate("description" if org.responsibilities[rid].description
                                    else "name")
    return where
