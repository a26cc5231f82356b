"""A change of who is accountable for a duty, re-checked through the cache: the findings a
check without the cache gives (overlaps and gaps made and undone), and OW007's search not
run again (its pairs of any owner are kept: `neardup.reused_search`)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from test_parts import STRICT, TODAY, _findings, _synthetic

from orgspec.engine.lint import check_cached, lint_org
from orgspec.load.cache import Cache
from orgspec.model.extracts import duties_of
from orgspec.text import neardup


class _Searches:
    """`neardup._search` counted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = neardup._search

        def counted(*args: Any, **kwargs: Any) -> None:
            self.count += 1
            real(*args, **kwargs)

        monkeypatch.setattr(neardup, "_search", counted)


def _edit(org: Path, n: int, old: str, new: str) -> None:
    path = sorted(org.glob("*.yaml"))[n]
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def _same(org: Path, cache: str) -> list[tuple[object, ...]]:
    got = _findings(check_cached([str(org)], STRICT, Cache(cache), TODAY).findings)
    want = _findings(lint_org([str(org)], STRICT, TODAY)[0].findings)
    assert got == want
    return got


# (old, new) in file 3 of the 30-team org, each undone by the next
OWNER_EDITS = {
    "owner changed": ("accountable: team-00003\n", "accountable: team-00010\n"),
    "second accountable (overlap)": ("accountable: team-00003\n",
                                     "accountable: [team-00003, team-00010]\n"),
    "none accountable (gap)": ("  accountable: team-00003\n", ""),
    "empty accountable list": ("accountable: team-00003\n", "accountable: []\n"),
    "responsible added": ("accountable: team-00003\n",
                          "accountable: team-00003\n  responsible: [team-00011]\n"),
}


@pytest.mark.parametrize("edit", sorted(OWNER_EDITS))
def test_an_owner_edit_and_its_undoing_find_what_a_check_without_the_cache_finds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str) -> None:
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    org = _synthetic(tmp_path, 30)
    cache = str(tmp_path / "cache")
    _same(org, cache)  # cold
    _edit(org, 0, "consulted: [", "consulted: [team-00001, ")
    before = _same(org, cache)  # a full run: every entry kept
    path = sorted(org.glob("*.yaml"))[3]
    kept = path.read_text("utf-8")
    _edit(org, 3, *OWNER_EDITS[edit])
    after = _same(org, cache)
    if edit in ("owner changed", "second accountable (overlap)", "none accountable (gap)"):
        assert after != before  # a finding comes or goes (OW001, OW007, a missing owner)
    path.write_text(kept, "utf-8")  # undone
    assert _same(org, cache) == before


def test_an_owner_change_filters_the_kept_pairs_of_any_owner(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a full run, a duty given to another owner (and one given to two) is
    re-checked without OW007 searching: its pairs of any owner are kept and filtered
    (that the filter is the search's: the last test here)."""
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    org = _synthetic(tmp_path, 30)
    cache = str(tmp_path / "cache")
    _same(org, cache)
    _edit(org, 0, "consulted: [", "consulted: [team-00001, ")
    _same(org, cache)
    searches = _Searches(monkeypatch)
    _edit(org, 3, "accountable: team-00003\n", "accountable: team-00010\n")
    _same(org, cache)
    _edit(org, 5, "accountable: team-00005\n", "accountable: [team-00005, team-00012]\n")
    _same(org, cache)
    assert searches.count == 2  # the two checks without the cache, not the cached ones


def test_after_a_word_change_an_owner_change_does_not_search(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A word change is answered by the prose path, which searches; what it keeps lets the
    owner change after it filter that search's pairs of any owner."""
    import sys

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from run import other_verb

    org = _synthetic(tmp_path, 30)
    cache = str(tmp_path / "cache")
    _same(org, cache)
    _edit(org, 0, "consulted: [", "consulted: [team-00001, ")
    _same(org, cache)
    path = sorted(org.glob("*.yaml"))[3]
    path.write_text(other_verb(path.read_text("utf-8")), "utf-8")
    _same(org, cache)
    searches = _Searches(monkeypatch)
    _edit(org, 3, "accountable: team-00003\n", "accountable: team-00010\n")
    _same(org, cache)
    assert searches.count == 1  # the check without the cache


def test_the_pairs_of_any_owner_filtered_are_the_search_for_those_owners(
        tmp_path: Path) -> None:
    """`owned(reported_any(...), groups)` is `_reported`'s list, in order, for the org's
    owners and for owners shuffled, merged and split at random."""
    org = lint_org([str(_synthetic(tmp_path, 40))], STRICT, TODAY)[1]
    duties = duties_of(org)
    texts = duties.texts
    alone = neardup._alone(texts, None)
    whole = [fn | fd for fn, fd in alone]
    every = neardup.reported_any(texts, 0.8, None, alone, whole)
    rng = random.Random(27)
    owners = list(duties.owners)
    tried = [owners]
    for _ in range(6):
        shuffled = owners[:]
        rng.shuffle(shuffled)
        tried.append(shuffled)
        tried.append([rng.choice(owners[:5]) for _ in owners])
    tried.append(["one"] * len(owners))
    for groups in tried:
        want = neardup._reported(texts, groups, 0.8, None, alone, whole)
        assert neardup.owned(every, groups) == want
    assert len(every) > len(neardup._reported(texts, owners, 0.8, None, alone, whole))


def test_after_a_search_an_owner_change_takes_no_digest_of_every_feature(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pairs of any owner the last search kept are of these texts (`EVERY`, by a
    digest of the texts): an owner change after a word change filters them without a
    digest of every duty's features (`any_owner_key`) or a search
    (`dutygroups._regrouped`), and finds what a check without the cache finds."""
    import sys

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from run import other_verb

    org = _synthetic(tmp_path, 30)
    cache = str(tmp_path / "cache")
    _same(org, cache)
    _edit(org, 0, "consulted: [", "consulted: [team-00001, ")
    _same(org, cache)
    path = sorted(org.glob("*.yaml"))[3]
    path.write_text(other_verb(path.read_text("utf-8")), "utf-8")
    _same(org, cache)
    digests = []
    real = neardup.any_owner_key
    monkeypatch.setattr(neardup, "any_owner_key",
                        lambda *args: digests.append(1) or real(*args))
    searches = _Searches(monkeypatch)
    _edit(org, 3, "accountable: team-00003\n", "accountable: team-00010\n")
    _same(org, cache)
    assert searches.count == 1  # the check without the cache
    assert digests == []
