"""OW007 reports one finding per group of near-identical duties, not one per pair."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

from neardup_eval import SETS, read_pairs

from orgspec.checks.dutygroups import MAX_RELATED
from orgspec.engine.lint import lint
from orgspec.engine.registry import rule
from orgspec.load.config import Config, Selector
from orgspec.text.neardup import ANY_OWNER, find_duty_groups, find_duty_pairs

TODAY = dt.date(2026, 11, 30)
ONLY = Config(select=[Selector(s, "t") for s in ("OW007", "suppressions")], lang="en")
THRESHOLD = rule("OW007").option_defaults()["threshold"]


def org_text(texts: list[str], marks: dict[int, str] | None = None) -> str:
    """Team t-XX accountable for duty d-XX with texts[XX]; `marks` puts a comment on a
    duty's description line."""
    lines = []
    for i, text in enumerate(texts):
        comment = f"  # {marks[i]}" if marks and i in marks else ""
        lines += [f"- kind: Team\n  id: t-{i:02d}\n  responsibilities: [d-{i:02d}]",
                  f"- kind: Responsibility\n  id: d-{i:02d}\n  description: {text}{comment}"]
    return "\n".join(lines) + "\n"


def ow007(root: Path) -> list:
    return [f for f in lint([str(root)], ONLY, today=TODAY).findings]


def test_copies_in_many_teams_are_one_finding_at_the_first_duty(write_org) -> None:
    texts = ["处理用户投诉与建议"] * 25 + ["负责仓库盘点"]
    [f] = ow007(write_org({"o.yaml": org_text(texts)}))
    assert (f.code, f.entity, f.location.line) == ("OW007", "responsibility:d-00", 6)
    assert f.message.startswith("25 duties of 25 owners look like the same duty: "
                                "'d-00' of t-00, 'd-01' of t-01, 'd-02' of t-02 and 22 more")
    assert [r.message for r in f.related] == [
        f"d-{i:02d} of t-{i:02d}: 处理用户投诉与建议" for i in range(1, MAX_RELATED + 1)]
    assert [r.location.line for r in f.related] == [6 + 6 * i for i in range(1, 21)]


def test_two_duties_keep_the_pair_message(write_org) -> None:
    [f] = ow007(write_org({"o.yaml": org_text(["处理用户投诉与建议", "解决用户投诉"])}))
    assert f.message == ("duties 'd-00' of t-00 and 'd-01' of t-01 look like the same duty "
                         "(similarity 0.72)")
    assert (f.location.line, [r.location.line for r in f.related]) == (6, [12])


def test_a_suppression_on_any_member_silences_the_group(write_org, tmp_path) -> None:
    texts = ["Handle customer complaints"] * 25
    for member in (0, 7, 24):  # the first, a listed one, one beyond the cap
        root = tmp_path / f"m{member}"
        root.mkdir()
        (root / "o.yaml").write_text(org_text(texts, {member: "orgspec: ignore[OW007] ok"}),
                                     "utf-8")
        assert ow007(root) == [], member  # and no unused-suppression (SU001) either


def test_a_suppression_elsewhere_does_not(write_org) -> None:
    texts = ["Handle customer complaints"] * 3 + ["Count the warehouse stock"]
    found = ow007(write_org({"o.yaml": org_text(texts, {3: "orgspec: ignore[OW007] ok"})}))
    assert [(f.code, f.location.line) for f in found] == [("OW007", 6), ("SU001", 24)]


def test_the_fingerprint_survives_new_members_and_edits(tmp_path) -> None:
    def fingerprint(texts: list[str], name: str) -> str:
        root = tmp_path / name
        root.mkdir()
        (root / "o.yaml").write_text("# a comment that moves every line\n" * len(name)
                                     + org_text(texts), "utf-8")
        [f] = ow007(root)
        return f.fingerprint

    base = fingerprint(["处理用户投诉与建议", "解决用户投诉"], "a")
    assert fingerprint(["处理用户投诉与建议", "解决用户投诉", "處理用戶投訴"], "bb") == base
    assert fingerprint(["处理用户投诉与建议", "解决用户投诉", "负责仓库盘点"], "ccc") == base


def test_groups_are_the_connected_components_of_the_pairs() -> None:
    """The groups partition exactly the duties that some reported pair joins."""
    pairs = read_pairs(SETS["tuned"]) + read_pairs(SETS["heldout"])
    texts = sorted({t for _, _, a, b in pairs for t in (a, b)})
    rng = random.Random(7)
    texts += [rng.choice(texts) for _ in range(200)]  # copies, some in one team
    duties = [(None, t) for t in texts]
    owners = [str(rng.randrange(len(texts) // 2)) for _ in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for p in find_duty_pairs(duties, owners, THRESHOLD):
        parent[root(p.second)] = root(p.first)
    components: dict[int, list[int]] = {}
    for i in range(len(texts)):
        components.setdefault(root(i), []).append(i)
    expected = sorted(tuple(m) for m in components.values() if len(m) > 1)
    groups = find_duty_groups(duties, owners, THRESHOLD)
    assert sorted(g.members for g in groups) == expected
    assert len(groups) > 20
    assert all(THRESHOLD <= s <= 1.0 for g in groups for s in g.scores)


def test_features_kept_between_runs_give_the_groups_of_a_fresh_search() -> None:
    """The features each text had in an earlier run (`known`, as OW007 keeps them between
    runs) give the same groups as a search that computes every text's features, over a
    run of random edits: duties reworded, copied, named, removed and added."""
    pairs = read_pairs(SETS["tuned"]) + read_pairs(SETS["heldout"])
    texts = sorted({t for _, _, a, b in pairs for t in (a, b)})
    rng = random.Random(11)
    duties: list[tuple[str | None, str | None]] = [(None, t) for t in texts[:300]]
    owners = [str(rng.randrange(60)) for _ in duties]
    known: dict[str, frozenset[str]] = {}
    reused = 0
    for step in range(12):
        before = len(known)
        kept = find_duty_groups(duties, owners, THRESHOLD, known=known)
        assert kept == find_duty_groups(duties, owners, THRESHOLD), step
        reused += step > 0 and len(known) - before < len(duties)
        for _ in range(5):
            i = rng.randrange(len(duties))
            edit = rng.choice(("reword", "copy", "name", "remove", "add"))
            if edit == "reword":
                duties[i] = (duties[i][0], f"{rng.choice(texts)} {step}")
            elif edit == "copy":
                duties[i] = duties[rng.randrange(len(duties))]
            elif edit == "name":
                duties[i] = (rng.choice(texts), duties[i][1])
            elif edit == "remove":
                del duties[i], owners[i]
            else:
                duties.append((None, rng.choice(texts)))
                owners.append(str(rng.randrange(60)))
    assert reused == 11  # every later run found most texts' features kept


def test_pairs_kept_under_the_features_give_the_groups_of_a_fresh_search() -> None:
    """The search's pairs kept under `search_key` (as OW007 keeps them between runs) give
    the groups of a fresh search over a run of random edits, half of which leave every
    feature as it was (a number, case, punctuation, traditional characters): those reuse
    the pairs, and the checks that read the text itself (a template's slot: "... region 1"
    against "... region 2") decide again; the others change a feature and search again."""
    pairs = read_pairs(SETS["tuned"]) + read_pairs(SETS["heldout"])
    texts = sorted({t for _, _, a, b in pairs for t in (a, b)})
    rng = random.Random(17)
    slot = "review refund requests of Zelzelka for region {}"
    duties: list[tuple[str | None, str | None]] = [(None, t) for t in texts[:240]]
    duties += [(None, slot.format(n)) for n in (1, 2, 3)]
    owners = [str(rng.randrange(50)) for _ in duties]
    memo: dict[str, list[tuple[int, int, float]]] = {}
    searched = 0

    def reuse(key: str, search: Callable[[], list[tuple[int, int, float]]]
              ) -> list[tuple[int, int, float]]:
        nonlocal searched
        if key not in memo:
            searched += key.startswith(ANY_OWNER)  # a search, not its pairs filtered
            memo[key] = search()
        return memo[key]

    slots = [i for i, (_, d) in enumerate(duties) if d and d.startswith("review refund")]
    slot_grouped = set()
    named: int | None = None
    after: dict[str, int] = {}  # the searches each kind of edit led to
    edit = "first"
    for step in range(30):
        was = searched
        kept = find_duty_groups(duties, owners, THRESHOLD, known={}, reuse=reuse)
        after[edit] = after.get(edit, 0) + searched - was
        assert kept == find_duty_groups(duties, owners, THRESHOLD), step
        slot_grouped.add(any(set(g.members) <= set(slots) for g in kept))
        i = rng.randrange(len(duties))
        name, text = duties[i]
        edit = ("slot", "case", "number", "owner", "reword", "name")[step % 6]
        if edit == "slot":  # the template's slot filled alike or apart: same features
            i = rng.choice(slots)
            duties[i] = (None, slot.format(rng.choice((1, 2, 3))))
        elif edit == "case":
            duties[i] = (name, (text or "").upper() + " 。")
        elif edit == "number":
            duties[i] = (name, f"{step} {text}")
        elif edit == "owner":  # a group's member taken on by another member's team
            group = rng.choice([g.members for g in kept if len(g.members) > 1])
            owners[group[1]] = owners[group[0]]
        elif edit == "reword":
            duties[i] = (name, rng.choice(texts))
        else:  # named (again) as another team's duty is described: a pair by its name
            named = i = i if named is None else named
            j = rng.choice([j for j in range(len(duties)) if owners[j] != owners[i]])
            duties[i] = (duties[j][1], duties[i][1])
    # the slot, case and number edits found their pairs kept, the owner edits their pairs
    # of any owner (filtered); the others searched again
    assert {k: after[k] for k in ("slot", "case", "number", "owner")} == dict.fromkeys(
        ("slot", "case", "number", "owner"), 0), after
    assert 8 <= searched <= 11, after
    assert slot_grouped == {True, False}  # the slot filled alike, and apart
