"""Session 33 leftovers: HI005 at the placeholder written, the rule words in `rules --format
json`, a person written as surname + title (`王总`) or given name (`雅婷`) suggested by id."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import json_findings, where

# --- 1: HI005 points at the placeholder written, as RF001 and OW002 do ---------------------

BLOCK = """\
- kind: Team
  id: platform
  name: Platform
{lead}  members: [ada]
  responsibilities: [uptime]
- {{kind: Person, id: ada, name: Ada Lovelace}}
- {{kind: Responsibility, id: uptime, name: Uptime}}
"""


@pytest.mark.parametrize(("lead", "want"), [
    ("  lead: 待定\n", (4, 9)),  # the word
    ("  lead:   'TBD'  # asked HR\n", (4, 11)),  # the quoted word, not its key
    ("  lead: 待招聘\n", (4, 9)),  # an open seat
    ("  lead:\n", (4, 3)),  # nothing written: the key
    ("", (2, 3)),  # no key at all: the team's id
])
def test_hi005_points_at_the_placeholder_else_the_key_else_the_id(
        write_org: Any, lead: str, want: tuple[int, int]) -> None:
    found = json_findings(write_org({"o.yaml": BLOCK.format(lead=lead)}), "--select", "HI005")
    assert where(found) == [("HI005", "o.yaml", *want)]


def test_following_the_hi005_hint_leaves_a_clean_check(write_org: Any) -> None:
    found = json_findings(write_org({"o.yaml": BLOCK.format(lead="  lead: 待定\n")}))
    assert [f["code"] for f in found] == ["HI005"]
    # the hint: "name its lead under `lead`"
    assert json_findings(write_org({"o.yaml": BLOCK.format(lead="  lead: ada\n")})) == []


# --- 2: `orgspec rules --format json` lists the words `explain` shows -----------------------

def _rules_json(*args: str) -> dict[str, dict[str, Any]]:
    import json

    from click.testing import CliRunner

    from orgspec.cli import main

    out = CliRunner().invoke(main, ["rules", "--format", "json", *args]).output
    return {r["code"]: r for r in json.loads(out)}


def test_rules_json_lists_the_words_each_rule_reads() -> None:
    from orgspec.model.models import PLACEHOLDER_WORDS, VACANT_WORDS

    rules = _rules_json("--lang", "en")
    assert all("words" in r for r in rules.values())  # a stable key, `{}` when none
    assert {c for c, r in rules.items() if r["words"]} == {
        "HI005", "OW002", "OK011", "PR001", "PR009", "MT001", "RO001"}
    assert list(rules["HI005"]["words"]) == ["undecided", "vacant"]
    assert list(rules["RO001"]["words"]) == ["vacant", "undecided"]
    assert list(rules["OK011"]["words"]) == ["undecided"]
    undecided = rules["OK011"]["words"]["undecided"]
    assert set(undecided) == {"ascii", "zh-Hans", "zh-Hant"}
    assert undecided["ascii"][:2] == ["tbd", "tba"]
    assert "暂无" in undecided["zh-Hans"] and "暂无" not in undecided["zh-Hant"]
    assert "暫無" in undecided["zh-Hant"] and "暫無" not in undecided["zh-Hans"]
    assert "待定" in undecided["zh-Hans"] and "待定" in undecided["zh-Hant"]  # both scripts
    # every word the code reads is listed, in one script or both, and no other
    for name, code_words in (("undecided", PLACEHOLDER_WORDS), ("vacant", VACANT_WORDS)):
        by_script = rules["RO001"]["words"][name]
        assert set(code_words) == {w for ws in by_script.values() for w in ws}
    assert _rules_json("--lang", "zh-Hant")["RO001"]["words"] == rules["RO001"]["words"]


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_the_json_words_are_the_words_explain_shows(lang: str) -> None:
    import re

    from orgspec.engine.registry import registry
    from orgspec.model.models import VACANT
    from orgspec.report.ruleswords import words_said

    scripts = {"en": ("ascii", "zh-Hans", "zh-Hant"), "zh": ("ascii", "zh-Hans"),
               "zh-Hant": ("ascii", "zh-Hant")}[lang]
    rules = _rules_json("--lang", lang)
    for code, meta in registry().items():
        # the paragraphs `explain` and docs/rules.md show; their other quotes (`holders`,
        # `TBD`, `待定` as examples) are no list
        said = " ".join(words_said(kind, lang) for kind in meta.words)
        shown = {w for w in re.findall(r"`([^`]+)`", said) if w in VACANT}
        listed = {w for lists in rules[code]["words"].values() for s in scripts
                  for w in lists[s]}
        assert listed == shown, (code, listed ^ shown)
