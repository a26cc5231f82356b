"""Small wording fixes from a new user's trial: examples in one script, notes and help in
the run's language, unknown owners and missing steps marked where they are shown."""

from __future__ import annotations

import pytest
from conftest import run_cli

TWINS = """\
- {{kind: Team, id: ops, name: {name}, members: [a]}}
- {{kind: Team, id: ops-east, name: {name}}}
- {{kind: Person, id: a, name: 安娜}}
"""


@pytest.mark.parametrize(("name", "lang", "example"), [
    ("运营部", "zh-Hant", "运营部（华东）"), ("運營部", "zh", "運營部（華東）"),
    ("运营部", "zh", "运营部（华东）"), ("運營部", "zh-Hant", "運營部（華東）")])
def test_the_rf008_example_keeps_the_names_script(write_org, name: str, lang: str,
                                                  example: str) -> None:
    run = run_cli("check", str(write_org({"o.yaml": TWINS.format(name=name)})), "--lang", lang)
    assert "RF008" in run.stdout, run.stdout
    assert example in run.stdout
