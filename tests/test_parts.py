"""Whole-org rules split per file under an index (`engine.parts`): after random single-file
edits (RACI lists changed, an accountable replaced, a consulted team added or dropped, ids
renamed, duties added and removed, a typo that makes RF001 and its fix), every finding of a
check through the cache equals a check without it, exactly, on the examples, fixtures and a
generated 50-team org."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, FIXTURES, REPO

from orgspec.engine import parts
from orgspec.engine.lint import check_cached, lint_org
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config, Selector

TODAY = dt.date(2026, 11, 30)
STRICT = Config(extends="strict", select=[Selector("ALL", "test")])
_RACI = re.compile(r"^(\s*-?\s*)(accountable|responsible|consulted|informed): *(\S.*)$", re.M)
_REF = re.compile(r"^(\s*-?\s*)(accountable|responsible|consulted|informed|lead|parent|owner"
                  r"|members): *(\S.*)$", re.M)
_ID = re.compile(r"^(\s*-?\s*)id: *([a-z0-9][a-z0-9-]*)\s*$", re.M)


def _findings(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.location.file, f.location.line, f.location.col, f.location, f.message,
             f.entity, f.related, f.hint, f.fingerprint, f.severity) for f in findings]


def _items(value: str) -> list[str] | None:
    """The ids of a flow list or a scalar id as written; None for anything else."""
    value = value.split(" #")[0].strip()
    if value.startswith("[") and value.endswith("]"):
        return [v.strip() for v in value[1:-1].split(",") if v.strip()]
    return [value] if re.fullmatch(r"[a-z0-9][a-z0-9-]*", value) else None


Edit = Callable[[random.Random, str, list[str]], str | None]


def _raci(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """One RACI list changed: an id added (another team's, say) or one dropped."""
    found = list(_RACI.finditer(text))
    rng.shuffle(found)
    for m in found:
        items = _items(m.group(3))
        if items is None:
            continue
        if len(items) > 1 and rng.random() < 0.4:
            items.pop(rng.randrange(len(items)))
        else:
            items.insert(rng.randrange(len(items) + 1), rng.choice(ids))
        return text[:m.start(3)] + "[" + ", ".join(items) + "]" + text[m.end(3):]
    return None


_ROLE = re.compile(r"^(\s*-?\s*)(accountable|consulted): *(\S.*)$", re.M)


def _an_accountable(rng: random.Random, text: str) -> tuple[re.Match[str], list[str]] | None:
    """One duty's accountable line, chosen at random, and its ids; None if there is none."""
    found = [m for m in _ROLE.finditer(text) if m.group(2) == "accountable"
             and _items(m.group(3))]
    if not found:
        return None
    m = rng.choice(found)
    return m, _items(m.group(3)) or []


def _accountable(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A duty's accountable replaced by another id (a team's, say): its owner changes."""
    chosen = _an_accountable(rng, text)
    if chosen is None:
        return None
    m, items = chosen
    items[rng.randrange(len(items))] = rng.choice(ids)
    value = items[0] if len(items) == 1 and not m.group(3).startswith("[") \
        else "[" + ", ".join(items) + "]"
    return text[:m.start(3)] + value + text[m.end(3):]


def _consulted(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A team added to a duty's consulted list, first (the benchmark's RACI edit,
    `benchmarks/run.py --process`), or the first one dropped."""
    found = [m for m in _ROLE.finditer(text) if m.group(2) == "consulted"
             and _items(m.group(3)) is not None]
    if not found:
        return None
    m = rng.choice(found)
    items = _items(m.group(3)) or []
    teams = [i for i in ids if i.startswith("team-")] or ids
    if items and rng.random() < 0.3:
        items.pop(0)
    else:
        items.insert(0, rng.choice(teams))
    return text[:m.start(3)] + "[" + ", ".join(items) + "]" + text[m.end(3):]


def _rename(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """An entity's id renamed: what referenced it elsewhere is unknown now (RF001)."""
    found = list(_ID.finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    if rng.random() < 0.5:  # throughout the file: only other files' references break
        return re.sub(rf"(?<![\w-]){re.escape(m.group(2))}(?![\w-])", m.group(2) + "-renamed",
                      text)
    return text[:m.start(2)] + m.group(2) + "-renamed" + text[m.end(2):]


def _typo(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A reference misspelt (a letter dropped or doubled): RF001 with a did-you-mean."""
    found = [m for m in _REF.finditer(text) if _items(m.group(3))]
    if not found:
        return None
    m = rng.choice(found)
    items = _items(m.group(3)) or []
    at = rng.randrange(len(items))
    word = items[at]
    cut = rng.randrange(1, len(word)) if len(word) > 1 else 1
    items[at] = word[:cut] + (word[cut:] if rng.random() < 0.5 else word[cut - 1:])[1:] \
        if rng.random() < 0.5 else word[:cut] + word[cut - 1] + word[cut:]
    return text[:m.start(3)] + "[" + ", ".join(items) + "]" + text[m.end(3):]


def _add_duty(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A duty appended to a file that is a list of entities."""
    if not re.search(r"^- kind: ", text, re.M):
        return None
    n = rng.randrange(10_000)
    return text.rstrip("\n") + (f"\n- kind: Responsibility\n  id: added-duty-{n}\n"
                                f"  description: \"review refunds {n}\"\n"
                                f"  accountable: {rng.choice(ids)}\n"
                                f"  consulted: [{rng.choice(ids)}]\n")


def _remove_duty(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A duty removed from a file that is a list of entities (what referenced it is
    unknown now)."""
    starts = [m.start() for m in re.finditer(r"^- kind: Responsibility\b", text, re.M)]
    if not starts:
        return None
    start = rng.choice(starts)
    after = re.search(r"^- ", text[start + 1:], re.M)
    end = start + 1 + after.start() if after else len(text)
    return text[:start] + text[end:]


_DESCRIPTION = re.compile(r"^(\s*-?\s*)description: *(\S.*)$", re.M)


def _copy_text(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A duty's description replaced by another's of the same file: OW007 groups them when
    their owners differ (its sites then name both)."""
    found = list(_DESCRIPTION.finditer(text))
    if len(found) < 2:
        return None
    a, b = rng.sample(found, 2)
    return text[:a.start(2)] + b.group(2) + text[a.end(2):]


def _move_lines(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A comment line and a blank one inserted before a random line: everything after it
    moves (kept findings and text sites of the file with it)."""
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    lines[at:at] = [f"# moved {rng.randrange(1000)}", ""]
    return "\n".join(lines)


def _holder(rng: random.Random, text: str, ids: list[str], role: str | None,
            pick: Callable[[list[str]], str]) -> str | None:
    """One holder of a RACI list (of `role`, or any) replaced by `pick(ids)`."""
    found = [m for m in _RACI.finditer(text) if (role is None or m.group(2) == role)
             and _items(m.group(3))]
    if not found:
        return None
    m = rng.choice(found)
    items = _items(m.group(3)) or []
    items[rng.randrange(len(items))] = pick(ids)
    return text[:m.start(3)] + "[" + ", ".join(items) + "]" + text[m.end(3):]


def _renamed_holder(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A holder of a responsible, accountable, consulted or informed list replaced by
    another id of the org (the holder written as another)."""
    return _holder(rng, text, ids, None, rng.choice)


def _unknown_holder(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A holder replaced by an id no entity has: RF001 (the walk is then taken whole)."""
    return _holder(rng, text, ids, None, lambda _: f"nobody-{rng.randrange(1000)}")


def _second_accountable(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A second accountable added to a duty: OW001."""
    chosen = _an_accountable(rng, text)
    if chosen is None:
        return None
    m, items = chosen
    teams = [i for i in ids if i.startswith("team-") and i not in items] or ids
    items.append(rng.choice(teams))
    return text[:m.start(3)] + "[" + ", ".join(items) + "]" + text[m.end(3):]


_TEAM = re.compile(r"^(\s*-\s*kind: *Team\s*\n\s*id: *)([a-z0-9][a-z0-9-]*)\s*$", re.M)


def _rename_team(rng: random.Random, text: str, ids: list[str]) -> str | None:
    """A team renamed throughout its file (its duties' holders with it): other files'
    references to it are unknown now."""
    found = list(_TEAM.finditer(text))
    if not found:
        return None
    old = rng.choice(found).group(2)
    return re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", old + "-new", text)


EDITS: dict[str, Edit] = {"raci": _raci, "accountable": _accountable,
                          "consulted": _consulted, "rename": _rename, "typo": _typo,
                          "add duty": _add_duty, "remove duty": _remove_duty,
                          "copy text": _copy_text, "move lines": _move_lines,
                          "renamed holder": _renamed_holder,
                          "unknown holder": _unknown_holder,
                          "second accountable": _second_accountable,
                          "rename team": _rename_team}
_DUTY = re.compile(r"^- kind: Responsibility\b", re.M)


def _move_duty(rng: random.Random, files: list[Path]) -> bool:
    """A duty (a top-level entity) cut from one file and appended to another."""
    sources = [p for p in files if _DUTY.search(p.read_text("utf-8"))]
    targets = [p for p in files if re.search(r"^- kind: ", p.read_text("utf-8"), re.M)]
    if not sources or len(targets) < 2:
        return False
    source = rng.choice(sources)
    target = rng.choice([p for p in targets if p != source])
    text = source.read_text("utf-8")
    start = rng.choice([m.start() for m in _DUTY.finditer(text)])
    after = re.search(r"^- ", text[start + 1:], re.M)
    end = start + 1 + after.start() if after else len(text)
    block = text[start:end].rstrip("\n") + "\n"
    source.write_text(text[:start] + text[end:], "utf-8")
    target.write_text(target.read_text("utf-8").rstrip("\n") + "\n" + block, "utf-8")
    return True


def _delete_file(rng: random.Random, files: list[Path]) -> bool:
    """A file deleted (what it defined is unknown to the others now)."""
    held = [p for p in files if "kind:" in p.read_text("utf-8")]
    if len(held) < 3:
        return False
    rng.choice(held).unlink()
    return True


def _add_file(rng: random.Random, files: list[Path]) -> bool:
    """A file added: a team with a duty its charter lists, held with another team."""
    n = rng.randrange(10_000)
    folder = rng.choice(files).parent
    ids = sorted({m.group(2) for p in files for m in _ID.finditer(p.read_text("utf-8"))})
    (folder / f"added-{n}.yaml").write_text(
        f"- kind: Team\n  id: added-team-{n}\n  name: Added {n}\n"
        f"  responsibilities: [added-{n}-d0]\n"
        f"- kind: Responsibility\n  id: added-{n}-d0\n  description: \"audit returns {n}\"\n"
        f"  accountable: added-team-{n}\n  consulted: [{rng.choice(ids)}]\n", "utf-8")
    return True


# edits of more than one file, or of the org's files themselves
ORG_EDITS: dict[str, Callable[[random.Random, list[Path]], bool]] = {
    "move duty": _move_duty, "delete file": _delete_file, "add file": _add_file}


def _synthetic(tmp: Path, teams: int) -> Path:
    out = tmp / f"synthetic-{teams}"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--teams",
                    str(teams), "--out", str(out)], check=True, capture_output=True)
    return out / "teams"


_REPLAYED: list[str] = []  # the name of each edit replayed


def _replay(org: Path, folder: Path, rng: random.Random, count: int,
            names: list[str] | None = None, after: Callable[[], None] = lambda: None,
            ) -> tuple[list[tuple[str, str, str]], int]:
    """`count` random single-file edits of `org`, each checked through the cache and
    without it (an edit undone now and then: a typo fixed); the edits whose findings
    differ, and how many files the per-file parts kept. `names`: the edits drawn from
    (default: every one, and undoing); `after()` after each check through the cache."""
    paths = [str(org)]
    check_cached(paths, STRICT, Cache(str(folder)), TODAY)  # cold: primes the cache
    after()
    check_cached(paths, STRICT, Cache(str(folder)), TODAY)  # stores every file's entries
    after()
    files = sorted(p for p in org.rglob("*.yaml") if p.is_file())
    originals = {p: p.read_text("utf-8") for p in files}
    wrong: list[tuple[str, str, str]] = []
    kept = 0
    done = 0
    deck: list[str] = []  # every edit drawn in turn, in a shuffled order each round
    while done < count:
        files = sorted(p for p in org.rglob("*.yaml") if p.is_file())
        path = rng.choice(files)
        text = path.read_text("utf-8")
        if not deck:
            deck = list(names or [*EDITS, *ORG_EDITS, "undo"])
            rng.shuffle(deck)
        name = deck.pop()
        if name in ORG_EDITS:
            if not ORG_EDITS[name](rng, files):
                continue
        else:
            ids = sorted({m.group(2) for p in files for m in _ID.finditer(
                originals.get(p) or p.read_text("utf-8"))})
            changed = originals.get(path) if name == "undo" else EDITS[name](rng, text, ids)
            if changed is None or changed == text:
                continue
            path.write_text(changed, "utf-8")
        done += 1
        _REPLAYED.append(name)
        expected = _findings(lint_org(paths, STRICT, TODAY)[0].findings)
        before = len(_SPLITS)
        got = _findings(check_cached(paths, STRICT, Cache(str(folder)), TODAY).findings)
        after()
        kept += sum(1 for whole in _SPLITS[before:] if not whole)
        if got != expected:
            wrong.append((org.name, path.name, name))
    return wrong, kept


_SPLITS: list[bool] = []


def _count_splits(monkeypatch: pytest.MonkeyPatch) -> None:
    real = parts.by_file

    def counted(*args: object, **kwargs: object) -> parts.Split:
        split = real(*args, **kwargs)  # type: ignore[arg-type]
        _SPLITS.append(split.whole)
        return split

    monkeypatch.setattr(parts, "by_file", counted)


_SITES: list[bool] = []  # each OW007 text site: True when read from a file's summary


def _count_sites(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.checks import duplicates

    real, located = duplicates._sites, duplicates.duty_site
    fallback: list[bool] = []

    def counted_site(org: object, rid: str) -> object:
        fallback.append(True)
        return located(org, rid)  # type: ignore[arg-type]

    def counted(ctx: Any) -> Callable[[str], object]:
        site = real(ctx)
        if not ctx.shared.summaries:  # a check without the cache: all located in the org
            return site

        def one(rid: str) -> object:
            before = len(fallback)
            found = site(rid)
            _SITES.append(len(fallback) == before)
            return found

        return one

    monkeypatch.setattr(duplicates, "duty_site", counted_site)
    monkeypatch.setattr(duplicates, "_sites", counted)



def replay_orgs(tmp_path: Path) -> list[tuple[Path, int]]:
    """The orgs the seeded replay edits, copied under `tmp_path`, each with its number of
    edits: the examples, four fixtures and a generated 50-team org."""
    orgs = []
    for source in [EXAMPLES / "ecommerce", EXAMPLES / "minimal", FIXTURES / "tw-org",
                   FIXTURES / "newuser-org", FIXTURES / "hostile" / "duplicate-id",
                   FIXTURES / "hostile" / "cascade"]:
        shutil.copytree(source, tmp_path / source.name,
                        ignore=shutil.ignore_patterns("expected.json"))
        orgs.append((tmp_path / source.name, 8))
    orgs.append((_synthetic(tmp_path, 50), 30))
    return orgs

@pytest.mark.parametrize("parser", ["c", "pure"])
def test_random_single_file_edits_through_the_parts_equal_a_fresh_check(
        tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    _count_splits(monkeypatch)
    _count_sites(monkeypatch)
    del _SITES[:]
    del _REPLAYED[:]
    orgs = replay_orgs(tmp_path)
    rng = random.Random(17 if parser == "c" else 1717)
    wrong: list[tuple[str, str, str]] = []
    kept = 0
    for org, count in orgs:
        found, n = _replay(org, tmp_path / "cache" / org.name, rng, count)
        wrong += found
        kept += n
    assert not wrong, wrong
    assert kept >= 10, kept  # the parts were kept, not walked whole every time
    # each structure edit was replayed (a RACI edit reruns the rules that read RACI)
    counts = {n: _REPLAYED.count(n) for n in [*EDITS, *ORG_EDITS]}
    assert min(counts.values()) >= 2, str(counts)
    # through the cache, OW007's text sites were read from the summaries
    assert _SITES.count(True) >= 100, (_SITES.count(True), _SITES.count(False))


def test_an_index_that_says_too_little_is_caught(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """With an index that leaves out the ids the walk looks up, a team renamed throughout
    its own file leaves the references to it in other files unknown, which their kept parts do
    not say: the check through the cache differs. With the index, it does not."""
    from orgspec.checks import references

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    org = _synthetic(tmp_path, 12)
    paths = [str(org)]
    first = org / "team-00003.yaml"
    text = first.read_text("utf-8")
    other = org / "team-00005.yaml"
    before = other.read_text("utf-8")
    assert any("team-00003" in p.read_text("utf-8") for p in org.glob("*.yaml") if p != first)
    for name, index in (("kept", references._walk_index), ("too little", lambda org: ())):
        monkeypatch.setattr(references, "_walk_index", index)
        folder = tmp_path / name
        first.write_text(text, "utf-8")
        other.write_text(before, "utf-8")
        check_cached(paths, STRICT, Cache(str(folder)), TODAY)  # cold: primes the cache
        check_cached(paths, STRICT, Cache(str(folder)), TODAY)
        other.write_text(before.replace("consulted: [", "consulted: [team-00000, ", 1), "utf-8")
        check_cached(paths, STRICT, Cache(str(folder)), TODAY)  # RF001 again: parts stored
        # renamed in its file (its own duties follow): only other files' references break
        first.write_text(re.sub(r"\bteam-00003\b", "team-00003-renamed", text), "utf-8")
        expected = _findings(lint_org(paths, STRICT, TODAY)[0].findings)
        assert any(f[0] == "RF001" for f in expected)
        got = _findings(check_cached(paths, STRICT, Cache(str(folder)), TODAY).findings)
        assert (got == expected) == (name == "kept"), name


_TWICE = """\
- kind: Team
  id: platform
  name: Platform
  responsibilities:
    - id: refunds
      description: Review and approve customer refund requests every day
- kind: Team
  id: support
  name: Support
- kind: Responsibility
  id: refund-review
  description: Review and approve customer refund requests every day
  accountable: support
- kind: Responsibility
  id: refunds
  description: Review and approve customer refund requests every day
  accountable: support
"""


def test_a_text_site_from_another_definition_is_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Duty `refunds` written inline in a charter, then again as an entity of the same file
    (RF002): the org takes the inline one, the file's summary records the entity's site.
    With the path compared, OW007 names the inline one through the cache too; with a site
    taken by id alone (a broken piece), the check through the cache differs."""
    from orgspec.checks import duplicates

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    real = duplicates._sites

    def by_id(ctx: Any) -> Callable[[str], object]:
        org, summaries = ctx.org, ctx.shared.summaries
        if not summaries:
            return real(ctx)

        def site(rid: str) -> object:
            entry = summaries[org.origin("Responsibility", rid).fmap.file].sites.get(rid)
            if entry is None:
                return duplicates.duty_site(org, rid)
            return entry[0] if org.responsibilities[rid].description else entry[1]

        return site

    for name, sites in (("path", real), ("by id", by_id)):
        monkeypatch.setattr(duplicates, "_sites", sites)
        org = tmp_path / name / "org"
        org.mkdir(parents=True)
        paths = [str(org)]
        folder = str(tmp_path / name / "c")
        # the cache primed and every entry stored, then the edit (a person removed)
        (org / "org.yaml").write_text(_TWICE + "- {kind: Person, id: ada, name: Ada}\n",
                                      "utf-8")
        check_cached(paths, STRICT, Cache(folder), TODAY)
        check_cached(paths, STRICT, Cache(folder), TODAY)
        (org / "org.yaml").write_text(_TWICE, "utf-8")
        expected = _findings(lint_org(paths, STRICT, TODAY)[0].findings)
        near = [f for f in expected if f[0] == "OW007"]
        assert len(near) == 1 and near[0][7][0].location.line == 6, near  # the inline one
        got = _findings(check_cached(paths, STRICT, Cache(folder), TODAY).findings)
        assert (got == expected) == (name == "path"), name


def test_a_summary_site_that_moved_is_caught(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken piece: summaries whose text sites are a line off. The replay of the synthetic
    org's edits through the cache then differs from checks without it (with the summaries
    as made, `test_random_single_file_edits_through_the_parts_equal_a_fresh_check`, it
    does not)."""
    from dataclasses import replace as changed

    from orgspec.engine import summary

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    real = summary.summarize

    def off(raw: Any) -> Any:
        made = real(raw)
        return changed(made, sites={k: (None if a is None else changed(a, line=a.line + 1),
                                        b, p) for k, (a, b, p) in made.sites.items()})

    monkeypatch.setattr(summary, "summarize", off)
    org = _synthetic(tmp_path, 12)
    wrong, _ = _replay(org, tmp_path / "cache", random.Random(5), 6)
    assert wrong


def test_a_fingerprint_that_leaves_out_a_kind_is_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken piece: whole-org rules' fingerprints (`incremental.run_whole`) that leave
    out the duties' entities. A rule that reads RACI is then kept across RACI edits, and
    the checks through the cache differ from checks without it (with the fingerprints
    as made, `test_random_single_file_edits_through_the_parts_equal_a_fresh_check`, they
    do not)."""
    from orgspec.engine import incremental

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    real = incremental._Columns.kind

    def blind(self: Any, kind: str) -> str:
        return "" if kind.startswith("Responsibility") else real(self, kind)

    monkeypatch.setattr(incremental._Columns, "kind", blind)
    org = _synthetic(tmp_path, 12)
    wrong, _ = _replay(org, tmp_path / "cache", random.Random(5), 6,
                       ["accountable", "consulted"])
    assert wrong


def _stored_then_asked_again(tmp_path: Path) -> tuple[list[tuple[object, ...]],
                                                        list[tuple[object, ...]]]:
    """A RACI edit (an unknown holder: RF001) checked through the cache, then the same org
    again (its stored result answers): the findings of that second check and of a check
    without the cache."""
    org = tmp_path / "org"
    shutil.copytree(EXAMPLES / "ecommerce", org, ignore=shutil.ignore_patterns("expected.json"))
    paths, cache = [str(org)], tmp_path / "cache"
    check_cached(paths, STRICT, Cache(str(cache)), TODAY)
    check_cached(paths, STRICT, Cache(str(cache)), TODAY)
    rng = random.Random(5)
    for path in sorted(org.rglob("*.yaml")):
        text = path.read_text("utf-8")
        changed = _unknown_holder(rng, text, [])
        if changed is not None:
            path.write_text(changed, "utf-8")
            break
    check_cached(paths, STRICT, Cache(str(cache)), TODAY)
    got = _findings(check_cached(paths, STRICT, Cache(str(cache)), TODAY).findings)
    return got, _findings(lint_org(paths, STRICT, TODAY)[0].findings)


def test_a_stored_result_answers_the_next_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The result a check stores (`lint._keep`) after a RACI edit answers the same org's
    next check with what a check without the cache finds."""
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    got, expected = _stored_then_asked_again(tmp_path)
    assert got == expected


def test_a_stale_stored_result_is_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that stores the run before's result under this run's key (what a write
    deferred with the wrong value would leave) makes the next check differ."""
    from orgspec.engine import lint

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    real, before = lint._keep, []

    def stale(cache: Cache, key: bytes, result: Any, unchanged: Any = None,
              later: bool = False) -> None:
        real(cache, key, before[-1] if before else result, unchanged, later)
        before.append(result)

    monkeypatch.setattr(lint, "_keep", stale)
    got, expected = _stored_then_asked_again(tmp_path)
    assert got != expected


@pytest.mark.parametrize("parser", ["c"])
def test_writes_after_the_output_late_or_lost_equal_a_fresh_check(
        tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """As `orgspec check` runs (a one-shot process): the cache entries only a later run
    reads after the output (the warm state, the lexicon, the kept search) are queued
    (`gcpause.after_output`), and the child that writes them may be killed. RACI edits
    replayed, each run's queue written or lost at random: every finding equals a check
    without the cache."""
    from orgspec import gcpause

    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    monkeypatch.setattr(gcpause, "_ONE_SHOT", [True])
    monkeypatch.setattr(gcpause, "_KEPT", [])
    queued: list[Callable[[], object]] = []
    monkeypatch.setattr(gcpause, "_LATER", queued)
    # no "state" lock: a lost child's would be held by this process till it ends
    monkeypatch.setattr(Cache, "hold", lambda self, kind: None)
    rng = random.Random(29)
    ran = lost = 0

    def child() -> None:  # what `gcpause.finish`'s child does, or a killed one
        nonlocal ran, lost
        works, queued[:] = list(queued), []
        if rng.random() < 0.25:
            lost += 1
            return
        ran += 1
        for work in works:
            work()

    org = _synthetic(tmp_path, 30)
    names = ["raci", "accountable", "consulted", "renamed holder", "unknown holder",
             "second accountable", "undo"]
    wrong, _ = _replay(org, tmp_path / "cache", random.Random(31), 24, names, after=child)
    assert not wrong, wrong
    assert ran >= 5 and lost >= 2, (ran, lost)


def test_a_result_stored_after_the_output_is_the_one_the_check_gave(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`orgspec check` stores some results after its output (`gcpause.after_output`), and
    goes on changing the result it printed (a baseline leaves its known findings out of
    `findings`). What is stored is the check's result as it gave it (CI run 30: a next run
    with the baseline said its one known finding was fixed)."""
    from orgspec import gcpause

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    monkeypatch.setattr(gcpause, "_ONE_SHOT", [True])  # a one-shot process: work is queued
    queued: list[Any] = []
    monkeypatch.setattr(gcpause, "_LATER", queued)
    org = tmp_path / "org"
    shutil.copytree(EXAMPLES / "ecommerce", org, ignore=shutil.ignore_patterns("expected.json"))
    paths, cache = [str(org)], tmp_path / "cache"
    expected = _findings(lint_org(paths, STRICT, TODAY)[0].findings)
    assert expected
    victim = sorted(org.rglob("*.yaml"))[0]
    for step in range(3):  # a first run; the same org; a comment added (means the same)
        if step == 2:
            victim.write_text(victim.read_text("utf-8") + "# 备注\n", "utf-8")
        result = check_cached(paths, STRICT, Cache(str(cache)), TODAY)
        assert _findings(result.findings) == expected
        result.findings.clear()  # as a baseline does, after the output
        for work in list(queued):
            work()
        queued.clear()
        again = check_cached(paths, STRICT, Cache(str(cache)), TODAY)
        assert _findings(again.findings) == expected
        for work in list(queued):
            work()
        queued.clear()
