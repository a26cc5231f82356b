"""Prose edits answered from the kept state (`engine.warm`): after random edits of one duty's
description (a number put before it, a word changed, a typo, case, punctuation, another
duty's text copied, an edit undone), every finding of a check through the cache equals a
check without it, exactly and in order, on the examples, fixtures and a generated 50-team
org, with both parsers; and the near-duplicate groups were taken again from the kept
search (`warm._regroup`) as well as searched anew."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, REPO

from orgspec.engine import warm
from orgspec.engine.lint import check_cached, lint_org
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config, Selector

TODAY = dt.date(2026, 11, 30)
STRICT = Config(extends="strict", select=[Selector("ALL", "test")])
# a duty's description on a line of its own, as a double-quoted or a plain scalar
_TEXT = re.compile(r'^(\s*-?\s*description: *)("(?:[^"\\]|\\.)*"|[^\s"\'\[{|>&*!%@`#][^#\n]*)$',
                   re.M)
WORDS = ["review", "track", "monitor", "secure", "audit", "refund", "orders", "payments",
         "审核", "退款", "订单", "监控"]


def _findings(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.location.file, f.location.line, f.location.col, f.location, f.message,
             f.entity, f.related, f.related_more, f.hint, f.teams, f.fingerprint, f.severity)
            for f in findings]


Edit = Callable[[random.Random, str, list[str]], str]


def _number(rng: random.Random, text: str, others: list[str]) -> str:
    return f"{rng.randrange(100)} {text}"


def _word(rng: random.Random, text: str, others: list[str]) -> str:
    words = text.split(" ")
    words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def _typo(rng: random.Random, text: str, others: list[str]) -> str:
    at = rng.randrange(len(text))
    return text[:at] + text[at + 1:] if rng.random() < 0.5 and len(text) > 1 else \
        text[:at] + text[at] + text[at:]


def _case(rng: random.Random, text: str, others: list[str]) -> str:
    return text.upper() if text != text.upper() else text.lower()


def _stop(rng: random.Random, text: str, others: list[str]) -> str:
    return text + rng.choice([".", "。", "!"])


def _copy(rng: random.Random, text: str, others: list[str]) -> str:
    return rng.choice(others) if others else text + " again"


EDITS: dict[str, Edit] = {"number": _number, "word": _word, "typo": _typo, "case": _case,
                          "stop": _stop, "copy": _copy}


def _texts(text: str) -> list[str]:
    """The descriptions of `text`, unquoted."""
    return [m.group(2)[1:-1] if m.group(2).startswith('"') else m.group(2).strip()
            for m in _TEXT.finditer(text)]


def _prose(rng: random.Random, text: str, name: str, others: list[str]) -> str | None:
    """One description of `text` edited by `EDITS[name]`, written back double-quoted."""
    found = list(_TEXT.finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    value = m.group(2)
    old = value[1:-1] if value.startswith('"') else value.strip()
    if "\\" in old or not old:
        return None
    new = EDITS[name](rng, old, others).replace("\\", "").replace('"', "")
    return text[:m.start(2)] + '"' + new + '"' + text[m.end(2):]


def _synthetic(tmp: Path, teams: int) -> Path:
    out = tmp / f"synthetic-{teams}"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--teams",
                    str(teams), "--out", str(out)], check=True, capture_output=True)
    return out / "teams"


def _replay(org: Path, folder: Path, rng: random.Random, count: int) -> list[tuple[str, ...]]:
    """`count` random prose edits of one file of `org` each (now and then an edit undone),
    each checked through the cache and without it; the edits whose findings differ."""
    paths = [str(org)]
    check_cached(paths, STRICT, Cache(str(folder)), TODAY)  # cold: primes the cache
    files = sorted(p for p in org.rglob("*.yaml") if p.is_file())
    originals = {p: p.read_text("utf-8") for p in files}
    others = [t for p in files for t in _texts(originals[p])]
    wrong: list[tuple[str, ...]] = []
    done = tries = 0
    while done < count and tries < 20 * count:
        tries += 1
        path = rng.choice(files)
        text = path.read_text("utf-8")
        name = rng.choice([*EDITS, "undo"])
        changed = originals[path] if name == "undo" else _prose(rng, text, name, others)
        if changed is None or changed == text:
            continue
        path.write_text(changed, "utf-8")
        done += 1
        plain = lint_org(paths, STRICT, TODAY)[0]
        cached = check_cached(paths, STRICT, Cache(str(folder)), TODAY)
        # the names the text output says ids with, too (`LintResult.names`)
        if _findings(cached.findings) != _findings(plain.findings) or \
                cached.names != plain.names:
            wrong.append((org.name, path.name, name))
    return wrong


_ANSWERED: list[str] = []


def _count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record each answer from the kept state ("patched") and each regrouping of the kept
    search ("regrouped")."""
    patched, regroup = warm.patched, warm._regroup

    def counted(*args: object, **kwargs: object) -> object:
        found = patched(*args, **kwargs)  # type: ignore[arg-type]
        if found is not None:
            _ANSWERED.append("patched")
        return found

    def regrouped(*args: object, **kwargs: object) -> object:
        found = regroup(*args, **kwargs)  # type: ignore[arg-type]
        if found is not None:
            _ANSWERED.append("regrouped")
        return found

    monkeypatch.setattr(warm, "patched", counted)
    monkeypatch.setattr(warm, "_regroup", regrouped)


@pytest.mark.parametrize("parser", ["c", "pure"])
def test_random_prose_edits_from_the_kept_state_equal_a_fresh_check(
        tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    _count(monkeypatch)
    _ANSWERED.clear()
    orgs = []
    for source in [EXAMPLES / "ecommerce", EXAMPLES / "minimal", FIXTURES / "tw-org",
                   FIXTURES / "newuser-org"]:
        shutil.copytree(source, tmp_path / source.name,
                        ignore=shutil.ignore_patterns("expected.json"))
        orgs.append((tmp_path / source.name, 8))
    orgs.append((_synthetic(tmp_path, 50), 40))
    rng = random.Random(1717 if parser == "c" else 171717)
    wrong: list[tuple[str, ...]] = []
    for org, count in orgs:
        wrong += _replay(org, tmp_path / "cache" / org.name, rng, count)
    assert not wrong, wrong
    # both ways of taking the groups ran: from the kept search, and searched anew
    assert _ANSWERED.count("patched") >= 20, _ANSWERED
    assert 5 <= _ANSWERED.count("regrouped") < _ANSWERED.count("patched"), _ANSWERED


@pytest.mark.skipif(sys.platform != "linux" or (os.cpu_count() or 1) < 2,
                    reason="the worker is forked on Linux with two or more cores")
def test_prose_edits_checked_beside_a_forked_worker_equal_a_fresh_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the prose path's worker forked (`warm._answer`: the changed file checked alone
    and OW007's groups taken by two processes, one result sent back pickled; the test
    above runs them serially), the findings are a fresh check's."""
    monkeypatch.setenv("ORGSPEC_PARALLEL", "1")
    _count(monkeypatch)
    _ANSWERED.clear()
    orgs = []
    for source in [EXAMPLES / "ecommerce", FIXTURES / "tw-org"]:
        shutil.copytree(source, tmp_path / source.name,
                        ignore=shutil.ignore_patterns("expected.json"))
        orgs.append((tmp_path / source.name, 6))
    orgs.append((_synthetic(tmp_path, 50), 16))
    rng = random.Random(1719)
    wrong: list[tuple[str, ...]] = []
    for org, count in orgs:
        wrong += _replay(org, tmp_path / "cache" / org.name, rng, count)
    assert not wrong, wrong
    assert _ANSWERED.count("patched") >= 8, _ANSWERED


def test_the_lexicon_kept_in_the_cache_is_the_one_read_from_its_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`warm.keep_lexicon` stores this process's lexicon; a process without one takes it
    back (`kept_lexicon`) equal in every field to what reading `lexicon.yaml` gives, and
    keeps it; one that has its own does not take it."""
    from orgspec.text import glossary

    cache = Cache(str(tmp_path / "cache"))
    cache.put("result", b"x" * 16, 1)  # the cache's folder made
    monkeypatch.setattr(glossary, "_KEPT", [])
    glossary.lexicon.cache_clear()
    try:
        key = warm.kept_lexicon(cache)
        assert key is not None and not glossary.loaded()  # none kept yet: the key to keep it
        warm.keep_lexicon(cache, key)  # read now (outside a one-shot process: at once)
        stored = cache.get("lexicon", key, glossary.Lexicon)
        fresh = glossary.read_lexicon()
        assert stored == fresh and stored is not fresh
        glossary.lexicon.cache_clear()
        monkeypatch.setattr(glossary, "_KEPT", [])
        assert warm.kept_lexicon(cache) is None  # taken back
        taken = glossary.lexicon()
        assert taken == fresh and taken is not fresh and taken is glossary.lexicon()
        assert warm.kept_lexicon(cache) is None and glossary.lexicon() is taken
        assert not glossary.use(fresh) and glossary.lexicon() is taken
    finally:  # the next test reads its own
        glossary.lexicon.cache_clear()


def test_the_kept_lexicon_is_keyed_by_its_file_and_the_opencc_that_folds_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import orgspec.load.cache as cache_module

    key = warm._lexicon_key()
    assert key is not None and key == warm._lexicon_key()
    monkeypatch.setattr(cache_module, "library_stamp", lambda name: f"{name}: upgraded")
    assert warm._lexicon_key() not in (None, key)


def _word_changed(org: Path) -> None:
    """The first description of the first file of `org` that has one, with a word no duty
    holds put first: the duty's features change, so OW007 searches again."""
    for path in sorted(org.rglob("*.yaml")):
        text = path.read_text("utf-8")
        m = _TEXT.search(text)
        if m is not None and m.group(2).startswith('"'):
            path.write_text(text[:m.start(2) + 1] + "zebrafy " + text[m.start(2) + 1:], "utf-8")
            return
    raise AssertionError("no double-quoted description")


def _searched_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       keep: Callable[..., None] | None = None) -> bool:
    """A word changed on a generated 12-team org, checked through the cache (its prose
    path searches OW007 again and leaves what the search keeps to `keep_search`, or to
    `keep` instead): whether the findings are a fresh check's and what was kept is what a
    search of the duties as they are now keeps (the pairs under their search key, each
    text's features)."""
    from orgspec.checks import dutygroups
    from orgspec.engine.memo import Memo
    from orgspec.text.neardup import _alone, _reported, features, search_key

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    kept: list[tuple[object, float, Memo]] = []
    real = keep or dutygroups.keep_search

    def spied(duties: object, threshold: float, memo: Memo, found: object) -> None:
        kept.append((duties, threshold, memo))
        real(duties, threshold, memo, found)  # type: ignore[arg-type]

    monkeypatch.setattr(dutygroups, "keep_search", spied)
    org = _synthetic(tmp_path, 12)
    folder = tmp_path / "cache"
    for _ in range(2):  # cold; then a comment added, checked in full: the state kept
        check_cached([str(org)], STRICT, Cache(str(folder)), TODAY)
        first = sorted(org.rglob("*.yaml"))[0]
        first.write_text(first.read_text("utf-8") + "# a comment\n", "utf-8")
    _count(monkeypatch)
    _ANSWERED.clear()
    _word_changed(org)
    got = _findings(check_cached([str(org)], STRICT, Cache(str(folder)), TODAY).findings)
    assert _ANSWERED == ["patched"], _ANSWERED  # answered from the state, not regrouped
    assert len(kept) == 1, kept  # the search made by this run, kept after it
    duties, threshold, memo = kept[0]
    texts, owners = duties.texts, duties.owners  # type: ignore[attr-defined]
    alone = _alone(texts, None)
    whole = [fn | fd for fn, fd in alone]
    pairs = _reported(texts, owners, threshold, None, alone, whole)

    def unkept() -> list[tuple[int, int, float]]:
        return []

    memo = Memo(Cache(str(folder)), memo.org_name)
    stored = memo.remember("OW007 pairs", search_key(texts, owners, threshold, None, alone),
                           unkept, list)
    used = {t or "" for pair in texts for t in pair}
    feats = memo.kept("OW007 features", dict)
    same = got == _findings(lint_org([str(org)], STRICT, TODAY)[0].findings) and \
        bool(pairs) and stored == pairs and feats == {t: features(t) for t in used}
    # a number put before the same description: regrouped from the kept search, which
    # is not kept again
    path = next(p for p in sorted(org.rglob("*.yaml")) if "zebrafy" in p.read_text("utf-8"))
    path.write_text(path.read_text("utf-8").replace('"zebrafy ', '"7 zebrafy ', 1), "utf-8")
    got = _findings(check_cached([str(org)], STRICT, Cache(str(folder)), TODAY).findings)
    assert _ANSWERED == ["patched", "regrouped", "patched"] and len(kept) == 1, _ANSWERED
    return same and got == _findings(lint_org([str(org)], STRICT, TODAY)[0].findings)


def test_a_searched_prose_edit_keeps_its_search_after_the_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A word changed (the prose path searches OW007 again, `dutygroups.searched_groups`):
    the findings are a fresh check's, and the pairs and features kept after the output
    (`keep_search`) are a fresh search's, under the key a later run reads them by."""
    assert _searched_and_kept(tmp_path, monkeypatch)


def test_a_search_kept_wrong_after_a_prose_edit_is_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above fails when what is kept is not the run's search (a pair dropped)."""
    from orgspec.checks import dutygroups

    real = dutygroups.keep_search

    def dropped(duties: object, threshold: float, memo: object, found: list[object]) -> None:
        real(duties, threshold, memo, found[1:])  # type: ignore[arg-type]

    assert not _searched_and_kept(tmp_path, monkeypatch, dropped)
