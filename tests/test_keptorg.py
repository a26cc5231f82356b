"""The org a full run keeps, patched with the changed files (`engine.keptorg`): every org
it gives equals the one assembling the same files gives (every table in order, origins and
the positions their file maps hold, claims, problems, the models' fields and their
fields' sets), across `test_parts`' seeded replay of edits (both parsers), and every
finding equals a check without the cache; an edit it cannot vouch for assembles."""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from test_parts import STRICT, TODAY, _findings, _replay, _synthetic, replay_orgs

from orgspec.engine import keptorg, lint
from orgspec.engine.lint import check_cached, lint_org
from orgspec.load.cache import Cache
from orgspec.load.sourcemap import FileMap
from orgspec.model.org import ENTITY_KINDS, Org, Origin

_ORG_FIELDS = {f for f in Org.__dataclass_fields__}


def _canon(value: Any, maps: dict[int, Any]) -> Any:
    """`value` as plain, comparable data: a model as its class, every value in its
    `__dict__` (in order: a memo a rule kept there shows) and its fields' set; an origin
    as its file map's content (documents and every position table), path and cuts."""
    if isinstance(value, BaseModel):
        return (type(value).__name__, [(k, _canon(v, maps)) for k, v in value.__dict__.items()],
                sorted(value.__pydantic_fields_set__), value.__pydantic_extra__,
                value.__pydantic_private__)
    if isinstance(value, Origin):
        return (_map(value.fmap, maps), value.path, value.kept)
    if isinstance(value, dict):
        return [(_canon(k, maps), _canon(v, maps)) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [_canon(v, maps) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return (type(value).__name__,
                [(n, _canon(getattr(value, n), maps)) for n in value.__dataclass_fields__])
    return value


def _map(fmap: FileMap, maps: dict[int, Any]) -> Any:
    if id(fmap) not in maps:
        parsed = fmap.parsed
        maps[id(fmap)] = (fmap.file, fmap.line_count, parsed.docs, parsed.roots,
                          [bytes(t) for _, t in parsed.table_pairs()], parsed.hidden)
    return maps[id(fmap)]


def _org_canon(org: Org, issues: list[Any]) -> dict[str, Any]:
    maps: dict[int, Any] = {}
    out = {name: _canon(getattr(org, name), maps) for name in sorted(_ORG_FIELDS - {"written"})}
    out["invalid"] = sorted(org.invalid)
    out["issues"] = _canon(issues, maps)
    out["memos"] = sorted(set(org.__dict__) - _ORG_FIELDS)  # nothing a rule made on it
    out["tables"] = [list(org.table(k)) for k in ENTITY_KINDS]
    return out


class _Watch:
    """`keptorg.patched` wrapped: each org it gives is compared with assembling the same
    inputs afresh (before any rule runs on it); how many runs took it and fell back."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.patched = self.same = self.fell_back = 0
        self.wrong: list[str] = []
        real = keptorg.patched

        def watched(inputs: Any, *args: Any) -> Any:
            found = real(inputs, *args)
            if found is None:
                self.fell_back += 1
                return None
            org, issues, changed = found
            fresh = lint._load(None, STRICT, None, inputs)
            if _org_canon(org, issues) != _org_canon(fresh.org, fresh.issues):
                self.wrong.append(str(inputs.files[0][0].display))
            if changed:
                self.patched += 1
            else:
                self.same += 1
            return found

        monkeypatch.setattr(keptorg, "patched", watched)


@pytest.mark.parametrize("parser", ["c", "pure"])
def test_the_patched_org_equals_a_fresh_assembly_across_the_replay(
        tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    watch = _Watch(monkeypatch)
    orgs = replay_orgs(tmp_path)
    rng = random.Random(41 if parser == "c" else 4141)
    wrong: list[tuple[str, str, str]] = []
    for org, count in orgs:
        found, _ = _replay(org, tmp_path / "cache" / org.name, rng, count)
        wrong += found
    assert not wrong, wrong  # every finding as a check without the cache finds it
    assert not watch.wrong, watch.wrong
    # the kept org was patched, and fell back for the edits it cannot vouch for
    assert watch.patched >= 10 and watch.fell_back >= 5, vars(watch)


def _primed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, _Watch]:
    """A 30-team org whose cache holds a kept org (a cold run, then a full one)."""
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    org = _synthetic(tmp_path, 30)
    cache = str(tmp_path / "cache")
    check_cached([str(org)], STRICT, Cache(cache), TODAY)
    _edit(org, 0, "consulted: [", "consulted: [team-00001, ")
    check_cached([str(org)], STRICT, Cache(cache), TODAY)
    return org, _Watch(monkeypatch)


def _edit(org: Path, n: int, old: str, new: str) -> Path:
    path = sorted(org.glob("*.yaml"))[n]
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def _checked(org: Path, tmp_path: Path) -> None:
    got = _findings(check_cached([str(org)], STRICT, Cache(str(tmp_path / "cache")),
                                 TODAY).findings)
    assert got == _findings(lint_org([str(org)], STRICT, TODAY)[0].findings)


def test_a_raci_edit_is_patched_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the full path's kept org: a RACI edit the kept state would answer (`engine.raciedit`)
    monkeypatch.setenv("ORGSPEC_WARM_PATCH", "0")
    org, watch = _primed(tmp_path, monkeypatch)
    _edit(org, 3, "consulted: [", "consulted: [team-00002, ")
    _checked(org, tmp_path)
    assert (watch.patched, watch.fell_back, watch.wrong) == (1, 0, [])


def _duty(ident: str, holder: str = "team-00001") -> str:
    return (f"\n- kind: Responsibility\n  id: {ident}\n  description: \"audit refunds\"\n"
            f"  accountable: {holder}\n")


def _other_duty(org: Path, n: int) -> str:
    """The id of a duty defined in file `n` of `org`."""
    import re

    text = sorted(org.glob("*.yaml"))[n].read_text("utf-8")
    found = re.search(r"^- kind: Responsibility\n  id: (\S+)", text, re.M)
    assert found
    return found.group(1)


@pytest.mark.parametrize("edit", ["new id", "id dropped", "another file's id", "deleted",
                                  "added", "inline duty", "aliases", "schema problem",
                                  "suppression"])
def test_an_edit_the_patch_cannot_vouch_for_assembles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str) -> None:
    """Each of these edits assembles the org (the kept one is not patched), and finds
    what a check without the cache finds; the edit after it is patched again."""
    org, watch = _primed(tmp_path, monkeypatch)
    files = sorted(org.glob("*.yaml"))
    path = files[4]
    text = path.read_text("utf-8")
    if edit == "new id":
        path.write_text(text + _duty("brand-new-duty"), "utf-8")
    elif edit == "id dropped":
        ident = _other_duty(org, 4)
        start = text.index(f"  id: {ident}\n")
        start = text.rindex("- kind:", 0, start)
        end = text.find("\n- kind:", start + 1)
        path.write_text(text[:start] + (text[end + 1:] if end >= 0 else ""), "utf-8")
    elif edit == "another file's id":
        path.write_text(text + _duty(_other_duty(org, 7)), "utf-8")
    elif edit == "deleted":
        path.unlink()
    elif edit == "added":
        (org / "zz-added.yaml").write_text(_duty("added-duty").lstrip("\n"), "utf-8")
    elif edit == "inline duty":
        path.write_text(text.replace("  responsibilities:\n", "  responsibilities:\n"
                                     "    - {id: inline-duty, name: Inline}\n", 1), "utf-8")
        assert path.read_text("utf-8") != text
    elif edit == "aliases":
        path.write_text(text.replace("\n  name: ", "\n  aliases: [old-name]\n  name: ", 1),
                        "utf-8")
    elif edit == "schema problem":
        path.write_text(text.replace("\n  name: ", "\n  nmae: typo\n  name: ", 1), "utf-8")
    else:
        path.write_text(text.replace("\n  name: ", "  # orgspec: ignore[OW001] owned\n  name: ", 1),
                        "utf-8")
    _checked(org, tmp_path)
    assert (watch.patched, watch.fell_back, watch.wrong) == (0, 1, []), vars(watch)
    if edit in ("deleted", "added"):
        return
    # another file edited next: patched (or assembled), equal either way
    _edit(org, 5, "consulted: [", "consulted: [team-00004, ")
    _checked(org, tmp_path)
    assert watch.wrong == []


def test_a_head_and_body_of_two_runs_are_a_miss(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A head written by one run beside the body of another (two runs at once), or a
    body that is torn, is not patched: the org is assembled."""
    # the full path's kept org: a RACI edit the kept state would answer (`engine.raciedit`)
    monkeypatch.setenv("ORGSPEC_WARM_PATCH", "0")
    org, watch = _primed(tmp_path, monkeypatch)
    cache = Cache(str(tmp_path / "cache"))
    bodies = list((Path(cache.own) / "kept").rglob("*"))
    entries = sorted((p for p in bodies if p.is_file()), key=lambda p: p.stat().st_size)
    assert len(entries) == 2  # the head, then the body
    head = entries[0].read_bytes()
    _edit(org, 6, "consulted: [", "consulted: [team-00005, ")
    _checked(org, tmp_path)  # patched; its own org not kept (one file)
    assert watch.patched == 1
    body = entries[1]
    body.write_bytes(body.read_bytes()[:-10])  # torn
    _edit(org, 8, "consulted: [", "consulted: [team-00005, ")
    _checked(org, tmp_path)
    assert (watch.patched, watch.fell_back) == (1, 1)
    # that run kept its org: its head replaced by the first run's
    entries[0].write_bytes(head)
    _edit(org, 9, "consulted: [", "consulted: [team-00005, ")
    _checked(org, tmp_path)
    assert (watch.patched, watch.fell_back, watch.wrong) == (1, 2, [])


def test_a_one_shot_run_that_cannot_fork_keeps_no_org(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without `os.fork` (Windows) the org would be written on the command's time: not
    kept, and the next run assembles."""
    # the full path's kept org: a RACI edit the kept state would answer (`engine.raciedit`)
    monkeypatch.setenv("ORGSPEC_WARM_PATCH", "0")
    import os

    from orgspec import gcpause

    monkeypatch.setattr(gcpause, "_ONE_SHOT", [True])
    monkeypatch.setattr(gcpause, "_KEPT", [])
    monkeypatch.delattr(os, "fork")
    org, watch = _primed(tmp_path, monkeypatch)
    assert not (Path(Cache(str(tmp_path / "cache")).own) / "kept").exists()
    _edit(org, 3, "consulted: [", "consulted: [team-00002, ")
    _checked(org, tmp_path)
    assert (watch.patched, watch.fell_back) == (0, 1)


@pytest.mark.skipif(sys.platform != "linux" or (os.cpu_count() or 1) < 2,
                    reason="the worker is forked on Linux with two or more cores")
def test_a_patched_run_queues_the_local_rules_after_the_heavy_whole_org_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On two processes, a run on the patched org queues the entity-local rules' item
    (mostly kept entries read back) after the heavy whole-org items a RACI edit reruns (the
    worker starts on those); a run that assembles queues it first. Both find what a serial
    check without the cache finds."""
    # the full path's kept org: a RACI edit the kept state would answer (`engine.raciedit`)
    monkeypatch.setenv("ORGSPEC_WARM_PATCH", "0")
    from orgspec import forkmap

    org, watch = _primed(tmp_path, monkeypatch)
    queues: list[list[tuple[str, ...]]] = []
    real = forkmap.fork_map
    monkeypatch.setattr(forkmap, "fork_map", lambda f, items, first=None, **kw:
                        queues.append(list(items)) or real(f, items, first, **kw))

    def forked(n: int) -> list[tuple[str, ...]]:
        _edit(org, n, "consulted: [", "consulted: [team-00002, ")
        monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
        serial = _findings(lint_org([str(org)], STRICT, TODAY)[0].findings)
        monkeypatch.setenv("ORGSPEC_PARALLEL", "1")
        monkeypatch.setattr(lint, "PARALLEL_MIN", 0)
        del queues[:]
        got = check_cached([str(org)], STRICT, Cache(str(tmp_path / "cache")), TODAY)
        monkeypatch.setattr(lint, "PARALLEL_MIN", 5000)
        assert _findings(got.findings) == serial and serial
        return next(q for q in queues if (lint._LOCAL,) in q)

    queue = forked(3)
    assert (watch.patched, watch.fell_back, watch.wrong) == (1, 0, [])
    at = queue.index((lint._LOCAL,))
    rank = [min((lint._HEAVY.index(c) for c in item if c in lint._HEAVY),
                default=len(lint._HEAVY)) for item in queue]
    heavy = next(n for n, item in enumerate(queue) if "MT004" in item)
    assert heavy < at and all(r < len(lint._HEAVY) for r in rank[:at]) and \
        all(r == len(lint._HEAVY) for r in rank[at + 1:])
    shutil.rmtree(Path(Cache(str(tmp_path / "cache")).own) / "kept")  # assembled
    queue = forked(5)
    assert (watch.patched, watch.fell_back) == (1, 1)
    assert queue[0] == (lint._LOCAL,)


@pytest.mark.skipif(sys.platform != "linux" or (os.cpu_count() or 1) < 2,
                    reason="the worker is forked on Linux with two or more cores")
def test_the_replay_on_two_processes_equals_a_fresh_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seeded replay with every run on two processes (the patched runs' queue: the
    entity-local item after the heavy ones): every finding as a check without the cache."""
    monkeypatch.setenv("ORGSPEC_PARALLEL", "1")
    monkeypatch.setattr(lint, "PARALLEL_MIN", 0)
    watch = _Watch(monkeypatch)
    rng = random.Random(2323)
    wrong, _ = _replay(_synthetic(tmp_path, 40), tmp_path / "cache", rng, 24)
    assert not wrong, wrong
    assert not watch.wrong, watch.wrong
    assert watch.patched >= 5, vars(watch)


def test_models_pickled_bare_read_back_as_they_were() -> None:
    """`models.bare`: the models named pickle empty, their states apart, and `fill` gives
    each its fields, fields' set and nested models back (the same object where one was
    shared); a model not named pickles whole; lists out of step are refused."""
    import pickle

    from orgspec.model.models import Bare, Names, Role, Team, bare, models_in

    names = Names(en="Service")
    team = Team.model_validate({"kind": "Team", "id": "kefu", "names": {"en": "Service"},
                                "responsibilities": ["refunds", {"id": "chat", "name": "x"}]})
    role = Role.model_validate({"kind": "Role", "id": "lead", "kpis": ["响应 2 分钟以内"]})
    shared = Team(kind="Team", id="ops", names=names)
    tables = {"teams": {"kefu": team, "ops": shared}, "roles": {"lead": role}}
    found = models_in([tables])
    assert {type(m).__name__ for m in found} == {"Team", "Names", "CharterItem", "Role", "Kpi"}
    outside = Team(kind="Team", id="outside")
    with bare([m for m in found if m is not role]) as states:
        data = pickle.dumps((tables, outside, names, states), protocol=pickle.HIGHEST_PROTOCOL)
    read, whole, names_back, kept = pickle.loads(data)
    assert whole == outside and whole.__pydantic_fields_set__ == {"kind", "id"}
    assert isinstance(kept, Bare) and kept.fill()
    assert read["roles"]["lead"] == role  # not named: pickled whole (its KPI was named)
    for name, was in (("kefu", team), ("ops", shared)):
        now = read["teams"][name]
        assert now == was and now.__dict__ == was.__dict__
        assert now.__pydantic_fields_set__ == was.__pydantic_fields_set__
        assert now.__pydantic_extra__ is None and now.__pydantic_private__ is None
    assert read["teams"]["ops"].names is names_back  # one object, as pickled
    assert read["teams"]["kefu"].responsibilities[1].name == "x"
    broken = Bare([team])
    broken.sets = []
    assert not broken.fill()
