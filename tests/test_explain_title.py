"""`orgspec explain` takes a rule's title as `orgspec rules` shows it, in any language and
script (trial 31: `orgspec explain 職責重疊` was "unknown rule", though `orgspec rules
--lang zh-Hant` lists OW001 under that title)."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(("key", "code"), [
    ("職責重疊", "OW001"), ("职责重叠", "OW001"), ("Responsibility overlap", "OW001"),
    ("responsibility_overlap", "OW001"), ("responsibility-overlap", "OW001"),
    ("ow001", "OW001"), (" 近似重複的職責 ", "OW007"),
])
def test_explain_finds_a_rule_by_its_title(key: str, code: str) -> None:
    run = run_cli("explain", key, "--lang", "en", "--isolated")
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines()[0].split()[0] == code


def test_an_unknown_title_is_one_error_line() -> None:
    run = run_cli("explain", "職責重複了", "--lang", "en", "--isolated")
    assert run.code == 2
    assert run.stderr.startswith("orgspec: error: unknown rule '職責重複了'")
    assert len(run.stderr.splitlines()) == 1


@pytest.mark.parametrize(("key", "first"), [
    ("职责重叠", "OW001 职责重叠（responsibility-overlap）"),
    ("職責重疊", "OW001 職責重疊（responsibility-overlap）"),
    ("OW001", "OW001 responsibility-overlap"),
    ("responsibility-overlap", "OW001 responsibility-overlap"),
])
def test_a_title_asked_in_chinese_is_explained_in_its_script(key: str, first: str) -> None:
    # trial 31b: `explain 职责重叠` answered in English under a C locale; a code or a
    # name says no language, so the locale's (here English) stays
    run = run_cli("explain", key, "--isolated", env={"LC_ALL": "C", "LANG": "C",
                                                     "ORGSPEC_LANG": ""})
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines()[0] == first
