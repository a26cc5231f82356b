"""The org is assembled from each file's checked unit as it arrives, in any order
(`validate.Assembly`): the same org and problems as assembling the units in file order, and
the units of a forked parser arrive as it finishes them."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES

from orgspec.engine.lint import Inputs, read_inputs
from orgspec.load.config import Config
from orgspec.load.loader import RawFile, load_bytes
from orgspec.model.org import ENTITY_KINDS, Org
from orgspec.model.validate import Assembly, FileUnit, assemble, check_file

MIXED = {  # duplicate ids across files, a file that fails, a suppression, a renamed id
    "a.yaml": "- {kind: Team, id: cs, name: 客服部}\n- {kind: Person, id: li, name: 李娜}\n",
    "b.yaml": "# orgspec: disable=OW001\n- {kind: Team, id: cs, name: 售后部}\n"
              "- {kind: Team, id: ops, aliases: [wh], parent: wh}\n",
    "c.yaml": "- {kind: Team, id: [\n",
    "d.yaml": "- {kind: Responsibility, id: refund, accountable: [wh], bogus: 1}\n",
}


def _units(folder: Path) -> tuple[list[FileUnit], Inputs]:
    inputs = read_inputs([str(folder)], Config(), hashed=False)
    raws = [data if isinstance(data, RawFile) else load_bytes(cand.display, data)
            for cand, data in inputs.files]
    return [check_file(raw) for raw in raws], inputs


def _seen(org: Org) -> tuple[object, ...]:
    return (tuple((k, sorted(org.table(k).items())) for k in ENTITY_KINDS),
            sorted(org.origins), org.invalid, org.incomplete, org.files, org.failed,
            org.directives, org.renamed, org.claims, org.role_claims)


@pytest.mark.parametrize("org", ["mixed", "ecommerce", "tw-org", "duplicate-id"])
def test_units_in_any_order_give_the_org_in_file_order(tmp_path: Path, org: str) -> None:
    if org == "mixed":
        for name, text in MIXED.items():
            (tmp_path / name).write_text(text, "utf-8")
        folder = tmp_path
    else:
        source = {"ecommerce": EXAMPLES / "ecommerce", "tw-org": FIXTURES / "tw-org",
                  "duplicate-id": FIXTURES / "hostile" / "duplicate-id"}[org]
        folder = tmp_path / org
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns("expected.json"))
    units, inputs = _units(folder)
    want_org, want_issues = assemble(units, inputs.skipped, inputs.failed)
    assert bool(want_issues) == (org in ("mixed", "duplicate-id"))
    for seed in range(4):
        order = list(range(len(units)))
        random.Random(seed).shuffle(order)
        assembly = Assembly(len(units), inputs.failed)
        for i in order:
            assembly.add(i, units[i])
        got_org, got_issues = assembly.finish(inputs.skipped)
        assert got_issues == want_issues
        assert _seen(got_org) == _seen(want_org)


def test_an_assembly_missing_a_file_is_refused() -> None:
    units, _ = _units(EXAMPLES / "ecommerce")
    assembly = Assembly(len(units), {})
    for i, unit in enumerate(units[1:], 1):
        assembly.add(i, unit)
    assert assembly.org.files == []  # nothing joins before the first file
    with pytest.raises(ValueError, match="file 1 of"):
        assembly.finish([])


@pytest.mark.parametrize("pickled", [False, True])
def test_a_reference_is_the_very_string_of_the_id_it_names(pickled: bool) -> None:
    # units read back from the cache or a forked parser hold strings of their own; once
    # in the org, an id and every reference to it are one object (`model.interned`), so a
    # lookup by reference succeeds on identity without reading the stored key
    import pickle

    units, inputs = _units(EXAMPLES / "ecommerce")
    if pickled:
        units = pickle.loads(pickle.dumps(units))
    org = assemble(units, inputs.skipped, inputs.failed)[0]
    people = {ident: ident for ident in org.people}
    teams = {ident: ident for ident in org.teams}
    named = [(m, people) for t in org.teams.values() for m in (t.lead, *t.members) if m] + \
        [(t.parent, teams) for t in org.teams.values() if t.parent]
    resolved = [(ref, table[ref]) for ref, table in named if ref in table]
    assert len(resolved) >= 10
    assert all(ref is key for ref, key in resolved)
    assert all(t.id is teams[t.id] for t in org.teams.values())


KIND_SPELLINGS = ("Team", "Position", "Role", "Team\u200b", "Posi\u200btion", "team", "部门",
                  "Teams", "", "[Team]", "{a: 1}", "1", "null", "'Team '")


def test_a_kind_spelling_met_again_checks_as_the_first_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`check_entity` keeps, per kind as written, the model's kind it names
    (`validate._KINDS`): an entity whose spelling was met before gives the same problems,
    kind, model and held keys as with nothing kept, for every spelling (aliases, hidden
    characters, unknown kinds, and values that are no string)."""
    from orgspec.model import validate

    text = "".join(f"- {{kind: {k}, id: x{i}, name: 名{i}, members: [li]}}\n"
                   for i, k in enumerate(KIND_SPELLINGS))
    raw = load_bytes("k.yaml", text.encode("utf-8"))
    assert len(raw.entities) == len(KIND_SPELLINGS)

    def seen(ent: object) -> tuple[object, ...]:
        c = validate.check_entity(ent)  # type: ignore[arg-type]
        return c.issues, c.kind, c.obj, c.invalid, c.dropped, c.origin

    monkeypatch.setattr(validate, "_KINDS", {})
    first = [seen(ent) for ent in raw.entities]
    assert set(validate._KINDS) == {"Team", "Position", "Role", "Team\u200b", "Posi\u200btion"}
    assert validate._KINDS["Posi\u200btion"] == "Role"
    assert [seen(ent) for ent in raw.entities] == first  # each one from `_KINDS` now
    assert [k for _, k, *_ in first][:5] == ["Team", "Role", "Role", "Team", "Role"]
