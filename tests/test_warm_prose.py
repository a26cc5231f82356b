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
_QUIET: list[object] = []  # each changed file's check `warm._check_quiet` gave


def _orgs(tmp: Path, sources: list[Path], edits: int, teams: int,
          synthetic_edits: int) -> list[tuple[Path, int]]:
    """Copies of `sources` (without their expected.json) and a generated org of `teams`
    teams, each with the number of edits to replay on it."""
    orgs = []
    for source in sources:
        shutil.copytree(source, tmp / source.name, ignore=shutil.ignore_patterns("expected.json"))
        orgs.append((tmp / source.name, edits))
    orgs.append((_synthetic(tmp, teams), synthetic_edits))
    return orgs


def _count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record each answer from the kept state ("patched") and each regrouping of the kept
    search ("regrouped"); and each changed file checked without validating it (`_QUIET`)."""
    patched, regroup, quiet = warm.patched, warm._regroup, warm._check_quiet

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

    def unvalidated(*args: object, **kwargs: object) -> object:
        found = quiet(*args, **kwargs)  # type: ignore[arg-type]
        if found is not None:
            _QUIET.append(found)
        return found

    monkeypatch.setattr(warm, "patched", counted)
    monkeypatch.setattr(warm, "_regroup", regrouped)
    monkeypatch.setattr(warm, "_check_quiet", unvalidated)


@pytest.mark.parametrize("parser", ["c", "pure"])
def test_random_prose_edits_from_the_kept_state_equal_a_fresh_check(
        tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    _count(monkeypatch)
    _ANSWERED.clear()
    orgs = _orgs(tmp_path, [EXAMPLES / "ecommerce", EXAMPLES / "minimal", FIXTURES / "tw-org",
                    FIXTURES / "newuser-org"], 8, 50, 40)
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
    # every file validated (a description edit needs not be: `warm._check_quiet`), so
    # that the file's check and the search are shared with the worker
    monkeypatch.setattr(warm, "_check_quiet", lambda *args: None)
    _count(monkeypatch)
    forks = _forks(monkeypatch)
    _ANSWERED.clear()
    orgs = _orgs(tmp_path, [EXAMPLES / "ecommerce", FIXTURES / "tw-org"], 6, 50, 16)
    rng = random.Random(1719)
    wrong: list[tuple[str, ...]] = []
    for org, count in orgs:
        wrong += _replay(org, tmp_path / "cache" / org.name, rng, count)
    assert not wrong, wrong
    assert _ANSWERED.count("patched") >= 8, _ANSWERED
    # the groups taken from the kept search first; a worker forked only to search again
    assert ("regrouped", ["file"]) in forks and ("searched", ["file", "groups"]) in forks, forks
    assert set(map(repr, forks)) <= {repr(("regrouped", ["file"])),
                                     repr(("searched", ["file", "groups"]))}, forks


def _forks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[object]]]:
    """Record, for each answer from the kept state (`warm._answer`), whether its groups were
    taken from the kept search before the file's check ("regrouped") or are to be searched
    ("searched"), and the items then shared with a forked worker (`forkmap.fork_map`)."""
    from orgspec import forkmap

    grouped, fork_map = warm._grouped, forkmap.fork_map
    out: list[tuple[str, list[object]]] = []
    tried: list[str] = []

    def first(*args: object, **kwargs: object) -> object:
        found = grouped(*args, **kwargs)  # type: ignore[arg-type]
        if kwargs.get("search") is False:
            tried.append("searched" if found is None else "regrouped")
        return found

    def shared(func: Callable[..., object], items: list[object], *args: object,
               **kwargs: object) -> object:
        if "file" in items:
            out.append((tried.pop() if tried else "not tried", list(items)))
        return fork_map(func, items, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(warm, "_grouped", first)
    monkeypatch.setattr(forkmap, "fork_map", shared)
    return out


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
                       keep: Callable[..., None] | None = None) -> tuple[bool, bool]:
    """A word changed on a generated 12-team org, checked through the cache (its prose
    path searches OW007 again and leaves what the search keeps to `keep_search`, or to
    `keep` instead), then a number put before it (regrouped from the kept search, with the
    kept verdicts): whether what was kept is what a search of the duties as they are now
    keeps (the pairs under their search key, each text's features, `differ`'s verdict on
    each pair), and whether both runs' findings are a fresh check's."""
    from orgspec.checks import dutygroups
    from orgspec.engine.memo import Memo
    from orgspec.text.neardup import _alone, _differ, _reported, features, search_key, verdict_key

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
    differ = _differ(texts, whole, owners)
    verdicts = memo.kept(dutygroups.VERDICTS, dict)
    kept_right = bool(pairs) and stored == pairs and feats == {t: features(t) for t in used} \
        and verdicts == {verdict_key(texts, owners, i, j): differ(i, j) for i, j, _ in pairs}
    equal = got == _findings(lint_org([str(org)], STRICT, TODAY)[0].findings)
    # a number put before the same description: regrouped from the kept search, which
    # is not kept again
    path = next(p for p in sorted(org.rglob("*.yaml")) if "zebrafy" in p.read_text("utf-8"))
    path.write_text(path.read_text("utf-8").replace('"zebrafy ', '"7 zebrafy ', 1), "utf-8")
    got = _findings(check_cached([str(org)], STRICT, Cache(str(folder)), TODAY).findings)
    assert _ANSWERED == ["patched", "regrouped", "patched"] and len(kept) == 1, _ANSWERED
    return kept_right, equal and got == _findings(lint_org([str(org)], STRICT, TODAY)[0].findings)


def test_a_searched_prose_edit_keeps_its_search_after_the_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A word changed (the prose path searches OW007 again, `dutygroups.searched_groups`):
    the findings are a fresh check's, and the pairs, features and verdicts kept after the
    output (`keep_search`) are a fresh search's, under the key a later run reads them by."""
    assert _searched_and_kept(tmp_path, monkeypatch) == (True, True)


def test_verdicts_kept_wrong_are_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept verdicts that are not `differ`'s (each one turned over) give other findings
    than a fresh check: the replays above, which equal a fresh check, read kept verdicts."""
    from orgspec.checks import dutygroups
    from orgspec.engine.memo import Memo
    from orgspec.model.extracts import Duties
    from orgspec.text.neardup import _differ, verdict_key

    def turned(memo: Memo, duties: Duties, found: list[tuple[int, int, float]],
               whole: list[frozenset[str]]) -> None:
        texts, owners = duties.texts, duties.owners
        differ = _differ(texts, whole, owners)
        memo.keep(dutygroups.VERDICTS, {verdict_key(texts, owners, i, j): not differ(i, j)
                                        for i, j, _ in found})

    monkeypatch.setattr(dutygroups, "keep_verdicts", turned)
    assert _searched_and_kept(tmp_path, monkeypatch) == (False, False)


def test_a_verdict_is_read_back_only_for_what_differ_reads() -> None:
    """`differ` with verdicts (shared by every pair, judged in a shuffled order, read back)
    says what it says without them, for every ordered pair of duties whose texts repeat
    under one owner and under two, with and without a name, with ids and template slots."""
    from orgspec.text.neardup import _alone, _differ

    texts: list[tuple[str | None, str | None]] = [
        ("退款审核", "处理用户退款申请"), ("退款审核", "处理用户的退款申请"),
        (None, "review refund requests weekly"), (None, "review refund requests weekly."),
        ("Refunds", "review refund requests weekly"), (None, "负责华东区的门店巡检"),
        (None, "负责西南区的门店巡检"), (None, "maintain docs/runbook.md"),
        (None, "maintain docs/oncall.md"), ("Plan budgets", "write the budget plan"),
        ("Plan budgets", "review the budget plan")]
    duties = texts * 2
    owners = ["a"] * len(texts) + ["b", "a"] * (len(texts) // 2) + ["b"] * (len(texts) % 2)
    whole = [fn | fd for fn, fd in _alone(duties, None)]
    plain = _differ(duties, whole, owners)
    pairs = [(i, j) for i in range(len(duties)) for j in range(len(duties)) if i != j]
    verdicts: dict[tuple[str | None, str | None, str | None, str | None, bool], bool] = {}
    rng = random.Random(23)
    for _ in range(2):  # judged, then read back
        rng.shuffle(pairs)
        looked = _differ(duties, whole, owners, verdicts)
        assert [looked(i, j) for i, j in pairs] == [plain(i, j) for i, j in pairs]
    assert {plain(i, j) for i, j in pairs} == {True, False}


def test_a_search_kept_wrong_after_a_prose_edit_is_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above fails when what is kept is not the run's search (a pair dropped)."""
    from orgspec.checks import dutygroups

    real = dutygroups.keep_search

    def dropped(duties: object, threshold: float, memo: object, found: list[object]) -> None:
        real(duties, threshold, memo, found[1:])  # type: ignore[arg-type]

    assert not all(_searched_and_kept(tmp_path, monkeypatch, dropped))


# ---- the changed file's unit made from the one kept before the edit (`validate.with_prose`)

# any top-level or nested prose line: `name:`, `description:`, `mission:`, `title:` (a
# nested one, a key result's title or a charter item's description, is structure to the
# summaries: the full path answers it)
_PROSE_LINE = re.compile(r'^(\s*-?\s*(?:name|description|mission|title): *)'
                         r'("(?:[^"\\]|\\.)*"|[^\s"\'\[{|>&*!%@`#][^#\n]*)$', re.M)
_HANT = str.maketrans("团队务优报订单审核监控运营客户", "團隊務優報訂單審核監控運營客戶")


def _hidden(rng: random.Random, text: str) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(["\u202e", "\u200b", "\u2066", "\x07", "\u00ad"]) + text[at:]


PROSE_EDITS: dict[str, Callable[[random.Random, str], str]] = {
    "number": lambda rng, t: f"{rng.randrange(100)} {t}",
    "word": lambda rng, t: _word(rng, t, []),
    "typo": lambda rng, t: _typo(rng, t, []),
    "hidden": _hidden,
    "hant": lambda rng, t: t.translate(_HANT) if t.translate(_HANT) != t else t + " 客服團隊",
    "hans": lambda rng, t: t + " 客服团队",
    "space": lambda rng, t: rng.choice([" " + t, t + " ", t.replace(" ", "  ", 1) or t + "\t"]),
    "empty": lambda rng, t: "",
    "long": lambda rng, t: (t + " ") * (220 // (len(t) + 1) + 1),
}


def _prose_edit(rng: random.Random, text: str, name: str) -> str | None:
    """One prose value of `text` (at any depth) edited by `PROSE_EDITS[name]`, written back
    as a JSON string (a YAML double-quoted scalar, control characters escaped)."""
    import json

    found = [m for m in _PROSE_LINE.finditer(text) if "\\" not in m.group(2)]
    if not found:
        return None
    m = rng.choice(found)
    value = m.group(2)
    old = value[1:-1] if value.startswith('"') else value.strip()
    new = PROSE_EDITS[name](rng, old) if old else rng.choice(["x", "新的描述"])
    return text[:m.start(2)] + json.dumps(new, ensure_ascii=False) + text[m.end(2):]


def _units_made(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each `validate.with_prose` call's answer, as made (True) or refused (False)."""
    from orgspec.model import validate

    made: list[bool] = []
    real = validate.with_prose

    def counted(*args: object, **kwargs: object) -> object:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        made.append(found is not None)
        return found

    monkeypatch.setattr(validate, "with_prose", counted)
    return made


def _prose_replay(org: Path, folder: Path, rng: random.Random,
                  count: int) -> list[tuple[str, ...]]:
    """`_replay` with `PROSE_EDITS` of names, descriptions, missions and titles."""
    paths = [str(org)]
    check_cached(paths, STRICT, Cache(str(folder)), TODAY)  # cold
    files = sorted(p for p in org.rglob("*.yaml") if p.is_file())
    originals = {p: p.read_text("utf-8") for p in files}
    check_cached(paths, STRICT, Cache(str(folder)), TODAY)  # primed: units kept
    wrong: list[tuple[str, ...]] = []
    done = tries = 0
    while done < count and tries < 20 * count:
        tries += 1
        path = rng.choice(files)
        text = path.read_text("utf-8")
        name = rng.choice([*PROSE_EDITS, "undo"])
        changed = originals[path] if name == "undo" else _prose_edit(rng, text, name)
        if changed is None or changed == text:
            continue
        path.write_text(changed, "utf-8")
        done += 1
        plain = lint_org(paths, STRICT, TODAY)[0]
        cached = check_cached(paths, STRICT, Cache(str(folder)), TODAY)
        if _findings(cached.findings) != _findings(plain.findings) or \
                cached.names != plain.names:
            wrong.append((org.name, path.name, name))
    return wrong


@pytest.mark.parametrize("parser", ["c", "pure"])
def test_prose_edits_answered_from_the_kept_unit_equal_a_fresh_check(
        tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Random edits of every kind of prose (a word, a typo, a number, spaces only, hidden
    and control characters, Traditional and Simplified text, emptied, made long; names,
    missions, titles, descriptions, key results' and charter items' too), each checked
    through the cache (its file's unit made from the kept one: `validate.with_prose`)
    and without it: the same findings, exactly and in order; and the kept unit was used."""
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    _count(monkeypatch)
    _ANSWERED.clear()
    _QUIET.clear()
    made = _units_made(monkeypatch)
    orgs = _orgs(tmp_path, [EXAMPLES / "ecommerce", EXAMPLES / "minimal", FIXTURES / "tw-org",
                    FIXTURES / "newuser-org"], 10, 30, 40)
    rng = random.Random(5005 if parser == "c" else 500500)
    wrong: list[tuple[str, ...]] = []
    for org, count in orgs:
        wrong += _prose_replay(org, tmp_path / "cache" / org.name, rng, count)
    assert not wrong, wrong
    # a name or title edit's file made from the kept unit, a description's or a
    # mission's without validating it (`warm._check_quiet`)
    assert made.count(True) >= 8 and len(_QUIET) >= 3 and \
        _ANSWERED.count("patched") >= made.count(True) + len(_QUIET), (made, _ANSWERED)


def _raw(path: Path, text: str) -> object:
    from orgspec.load.loader import load_bytes

    return load_bytes(str(path), text.encode("utf-8"))


def test_a_unit_made_from_the_kept_one_is_the_validated_one(tmp_path: Path) -> None:
    """For random prose edits that the summaries call prose-only (`warm._changed_kinds`),
    `with_prose(new, check_file(old))` is `check_file(new)`: every model equal in every
    value, of the same type, in the same order, located in the new file; refused (None),
    never wrong, for what it cannot vouch for."""
    from orgspec.engine.summary import PROSE, summarize
    from orgspec.model.validate import check_file, with_prose

    rng = random.Random(2026)
    files = [p for source in (EXAMPLES / "ecommerce", FIXTURES / "tw-org",
                              _synthetic(tmp_path, 8))
             for p in sorted(source.rglob("*.yaml"))]
    made = refused = 0
    for _ in range(300):
        path = rng.choice(files)
        text = path.read_text("utf-8")
        changed = _prose_edit(rng, text, rng.choice(list(PROSE_EDITS)))
        if changed is None:
            continue
        old, new = _raw(path, text), _raw(path, changed)
        if warm._changed_kinds(summarize(old), summarize(new)) is None:  # type: ignore[arg-type]
            continue
        unit = with_prose(new, check_file(old), PROSE)  # type: ignore[arg-type]
        if unit is None:
            refused += 1
            continue
        made += 1
        fresh = check_file(new)  # type: ignore[arg-type]
        assert unit == fresh, path
        for a, b in zip(unit.checked, fresh.checked, strict=True):
            assert a.origin.fmap is b.origin.fmap and a.origin.path == b.origin.path
            assert list(a.obj.__dict__.items()) == list(b.obj.__dict__.items())
            assert [type(v) for v in a.obj.__dict__.values()] == \
                [type(v) for v in b.obj.__dict__.values()]
            assert a.obj.model_fields_set == b.obj.model_fields_set
    assert made >= 40, (made, refused)


def test_a_value_validation_refuses_is_never_set(tmp_path: Path) -> None:
    """`with_prose` outside its proof (values of another length class than before, an id
    changed): None, where `check_file` finds a problem or another entity."""
    from orgspec.engine.summary import PROSE
    from orgspec.model.validate import check_file, with_prose

    path = tmp_path / "org.yaml"
    text = ("- kind: Team\n  id: kefu\n  name: 客服部\n  mission: 服务客户\n"
            "- kind: Person\n  id: li-qiang\n  name: 李强\n  title: 客服\n"
            "- kind: Responsibility\n  id: refunds\n  name: 退款\n  description: 处理退款\n"
            "  accountable: kefu\n")
    old = check_file(_raw(path, text))  # type: ignore[arg-type]
    assert with_prose(_raw(path, text.replace("处理退款", "处理退款和投诉")), old, PROSE) \
        is not None  # type: ignore[arg-type]
    for bad in ("name: 客服部\n", "name: 李强\n", "title: 客服\n"):
        for value in ('""', "x" * 201, "[a, b]", "{a: b}", "7"):
            raw = _raw(path, text.replace(bad, bad.split(":")[0] + ": " + value + "\n", 1))
            fresh = check_file(raw)  # type: ignore[arg-type]
            made = with_prose(raw, old, PROSE)  # type: ignore[arg-type]
            assert made is None or made == fresh, (bad, value)
            if any(c.issues for c in fresh.checked):
                assert made is None, (bad, value)
    assert with_prose(_raw(path, text.replace("id: refunds", "id: refund")), old,
                      PROSE) is None  # type: ignore[arg-type]
    assert with_prose(_raw(path, text + "# orgspec: ignore-file[SC001]\n"), old,
                      PROSE) is None  # type: ignore[arg-type]


def test_a_prose_run_keeps_the_unit_of_the_file_it_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The unit a prose edit's run keeps for the file's new content (for the next edit:
    `warm._unit`) is `check_file`'s of it; the next prose edit of the file is made from it."""
    from orgspec.load.cache import content_hash, make_key
    from orgspec.model.validate import FileUnit, check_file

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    # a description edit is answered without validating (`warm._check_quiet`): not here
    monkeypatch.setattr(warm, "_check_quiet", lambda *args: None)
    made = _units_made(monkeypatch)
    org = _synthetic(tmp_path, 6)
    folder = tmp_path / "cache"
    path = sorted(org.rglob("*.yaml"))[2]
    for _ in range(2):  # cold; then a comment, checked in full: every unit kept
        check_cached([str(org)], STRICT, Cache(str(folder)), TODAY)
        path.write_text(path.read_text("utf-8") + "# a comment\n", "utf-8")
    for step in ("1", "2"):
        text = path.read_text("utf-8").replace('description: "', f'description: "{step} ', 1)
        path.write_text(text, "utf-8")
        got = check_cached([str(org)], STRICT, Cache(str(folder)), TODAY)
        assert _findings(got.findings) == _findings(lint_org([str(org)], STRICT, TODAY)[0]
                                                    .findings)
        data = path.read_bytes()
        display = next(f for f in got.files if f.endswith(path.name))
        parser = "CSafeLoader" if os.environ.get("ORGSPEC_YAML_PARSER") != "pure" else "?"
        kept = [Cache(str(folder)).get("file", make_key("file", p, display,
                                                        content_hash(data)), FileUnit)
                for p in (parser, "SafeLoader")]
        unit = next(u for u in kept if u is not None)
        fresh = check_file(_raw(Path(display), text))  # type: ignore[arg-type]
        assert (unit.display, unit.issues, unit.directives, unit.failed) == \
            (fresh.display, fresh.issues, fresh.directives, fresh.failed)
        assert [(c.origin.fmap.file, c.origin.path, c.origin.kept, c.kind, c.obj, c.issues,
                 c.invalid, c.dropped) for c in unit.checked] == \
            [(c.origin.fmap.file, c.origin.path, c.origin.kept, c.kind, c.obj, c.issues,
              c.invalid, c.dropped) for c in fresh.checked]
    assert made == [True, True], made


def test_kept_features_are_the_texts_features_with_their_strings_shared() -> None:
    """`dutygroups._keep_features` keeps each text in use with its features (those read
    back as they were, those computed since with one string object per distinct feature,
    so that a pickle writes each once), and nothing else; read back, equal to `features`."""
    import pickle

    from orgspec.checks import dutygroups
    from orgspec.text.neardup import features

    class Kept:
        def __init__(self) -> None:
            self.value: dict[str, frozenset[str]] = {}

        def keep(self, name: str, value: dict[str, frozenset[str]]) -> None:
            assert name == "OW007 features"
            self.value = value

    duties: list[tuple[str | None, str | None]] = [
        ("退款审核", "处理用户退款申请"), (None, "handle refund requests for customers"),
        ("Refunds", "review refund requests weekly"), (None, "处理用户投诉与建议")]
    old = {"处理用户退款申请": features("处理用户退款申请"), "gone": features("no longer used")}
    known = dict(old)
    for name, text in duties:
        for t in (name or "", text or ""):
            if t not in known:
                known[t] = features(t)
    memo = Kept()
    dutygroups._keep_features(memo, known, len(old), duties)  # type: ignore[arg-type]
    used = {t or "" for pair in duties for t in pair}
    assert memo.value == {t: features(t) for t in used}
    assert memo.value["处理用户退款申请"] is old["处理用户退款申请"]  # read back: as it was
    strings: dict[str, str] = {}
    for text, found in memo.value.items():
        if text != "处理用户退款申请":
            for f in found:
                assert strings.setdefault(f, f) is f, f  # one object per feature
    assert memo.value["Refunds"] & memo.value["handle refund requests for customers"]
    back = pickle.loads(pickle.dumps(memo.value, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == memo.value


def _states_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kinds of kept state read ("state", "statehead"), one per read that found it."""
    read: list[str] = []
    real = Cache.get

    def get(self: Cache, kind: str, key: bytes, expected: type[object]) -> object:
        found = real(self, kind, key, expected)
        if kind in ("state", "statehead") and found is not None:
            read.append(kind)
        return found

    monkeypatch.setattr(Cache, "get", get)
    return read


def _kept_state(tmp_path: Path) -> tuple[Path, Path]:
    """A generated 20-team org checked through a primed cache: its state and head kept."""
    org = _synthetic(tmp_path, 20)
    folder = tmp_path / "cache"
    check_cached([str(org)], STRICT, Cache(str(folder)), TODAY)  # stores only its result
    _append(org / "team-00003.yaml", "# primed\n")
    check_cached([str(org)], STRICT, Cache(str(folder)), TODAY)  # the full path: the state
    return org, folder


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def _raci_edit(org: Path) -> None:
    """A duty's `accountable` changed (its other roles' edits are answered from the state:
    `engine.raciedit`)."""
    path = org / "team-00005.yaml"
    text = path.read_text("utf-8")
    assert "accountable: team-00005\n" in text
    path.write_text(text.replace("accountable: team-00005\n", "accountable: team-00001\n", 1),
                    "utf-8")


def test_a_raci_edit_reads_the_state_head_not_the_state(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change that is not one file's prose nor its duties' other roles (a duty's
    `accountable` changed, two files changed) is told from the state's head (`warm.Head`):
    the state is not read, and the findings are a fresh check's; a prose edit after it
    still reads the state and is answered from it."""
    org, folder = _kept_state(tmp_path)
    paths = [str(org)]
    read = _states_read(monkeypatch)
    _count(monkeypatch)
    _raci_edit(org)
    got = check_cached(paths, STRICT, Cache(str(folder)), TODAY)
    assert _findings(got.findings) == _findings(lint_org(paths, STRICT, TODAY)[0].findings)
    assert read == ["statehead"]
    for name in ("team-00001.yaml", "team-00002.yaml"):  # two files' prose
        path = org / name
        path.write_text(_TEXT.sub(r'\1"audit payments"', path.read_text("utf-8"), count=1),
                        "utf-8")
    read.clear()
    got = check_cached(paths, STRICT, Cache(str(folder)), TODAY)
    assert _findings(got.findings) == _findings(lint_org(paths, STRICT, TODAY)[0].findings)
    assert read == ["statehead"]
    path = org / "team-00007.yaml"
    path.write_text(_TEXT.sub(r'\1"review refunds 7"', path.read_text("utf-8"), count=1),
                    "utf-8")
    read.clear()
    _ANSWERED.clear()
    got = check_cached(paths, STRICT, Cache(str(folder)), TODAY)
    assert _findings(got.findings) == _findings(lint_org(paths, STRICT, TODAY)[0].findings)
    assert read == ["statehead", "state"]
    assert "patched" in _ANSWERED


def test_a_head_of_another_run_than_the_state_costs_only_the_full_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A head that is not the state's (another run's, a writer killed between the two
    writes) sends a prose edit the full path: the findings are a fresh check's; with the
    head gone, the same edit is answered from the state."""
    org, folder = _kept_state(tmp_path)
    paths = [str(org)]
    heads = [p for p in folder.rglob("*") if p.is_file() and "statehead" in p.parts]
    assert len(heads) == 1
    key = bytes.fromhex(heads[0].parent.name + heads[0].name)
    cache = Cache(str(folder))
    head = cache.get("statehead", key, warm.Head)
    assert head is not None
    other = next(i for i, ident in enumerate(head.idents) if "team-00003.yaml" in ident)
    head.idents[other] += "0"  # another content of an unchanged file
    cache.put("statehead", key, head)
    _count(monkeypatch)
    _ANSWERED.clear()
    path = org / "team-00007.yaml"
    original = path.read_text("utf-8")
    path.write_text(_TEXT.sub(r'\1"review refunds 8"', original, count=1), "utf-8")
    got = check_cached(paths, STRICT, Cache(str(folder)), TODAY)
    assert _findings(got.findings) == _findings(lint_org(paths, STRICT, TODAY)[0].findings)
    assert _ANSWERED == []  # two files differ from the head's run: the full path
    path.write_text(original, "utf-8")
    check_cached(paths, STRICT, Cache(str(folder)), TODAY)  # the state and head of now
    heads[0].unlink()
    path.write_text(_TEXT.sub(r'\1"review refunds 9"', original, count=1), "utf-8")
    got = check_cached(paths, STRICT, Cache(str(folder)), TODAY)
    assert _findings(got.findings) == _findings(lint_org(paths, STRICT, TODAY)[0].findings)
    assert "patched" in _ANSWERED
