"""Unit tests of the ci stage: the baseline file and the org diff, without git or the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgspec.ci import baseline
from orgspec.ci.diff import compare
from orgspec.engine.lint import lint_org
from orgspec.findings import Finding, LintResult, Location, Severity
from orgspec.load.config import Config, Selector


def _finding(code: str, fp: str, line: int = 1) -> Finding:
    return Finding(code, "name", Severity.ERROR, f"message {fp}", Location("org/a.yaml", line, 1),
                   "team:a", fingerprint=fp)


def test_baseline_round_trip_hides_known_and_lists_stale(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(baseline.dumps(LintResult([_finding("HI005", "f1"), _finding("HI006", "f2")])),
                    "utf-8")
    entries = baseline.read(str(path))
    assert [e["fingerprint"] for e in entries] == ["f1", "f2"]
    result = LintResult([_finding("HI005", "f1", line=9), _finding("OW001", "f3")])
    outcome = baseline.apply(result, entries)
    assert outcome.known == 1  # f1 moved to line 9: still known (fingerprints ignore lines)
    assert [e["fingerprint"] for e in outcome.stale] == ["f2"]
    assert [f.fingerprint for f in result.findings] == ["f3"]


@pytest.mark.parametrize(("text", "message"), [
    ("{", "cannot read baseline"),
    ('{"version": 3, "findings": []}', "is not an orgspec baseline (version 2)"),
    ('{"version": 1, "findings": []}', "regenerate it with --write-baseline"),
    ('{"version": 2, "findings": [{"code": "X"}]}', "every finding needs a fingerprint"),
])
def test_bad_baseline_is_one_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, "utf-8")
    with pytest.raises(baseline.BaselineError, match=re.escape(message)):
        baseline.read(str(path))


BASE = """\
- {kind: Team, id: shop, lead: ada, members: [ada]}
- {kind: Person, id: ada}
- {kind: Responsibility, id: refunds, accountable: shop}
- kind: Objective
  id: grow
  title: Grow
  owner: shop
  key_results: [{id: k1, title: GMV to 10M by 2026-12-31, metric: gmv, target: "10M"}]
"""
HEAD = BASE.replace("{kind: Responsibility, id: refunds, accountable: shop}",
                    "{kind: Responsibility, id: refunds, accountable: [shop, ops]}") + \
    "- {kind: Team, id: ops, parent: shop, lead: ada, members: [ada]}\n" \
    "- {kind: Responsibility, id: payouts, accountable: ops}\n"


def test_compare_lists_org_changes_and_new_findings(tmp_path: Path) -> None:
    config = Config(select=[Selector("OW001", "test")])
    runs = []
    for name, text in (("base", BASE), ("head", HEAD)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "org.yaml").write_text(text, "utf-8")
        runs.append(lint_org([str(tmp_path / name)], config))
    (base, base_org), (head, head_org) = runs
    diff = compare(base, head, base_org, head_org)
    assert [f.code for f in diff.new] == ["OW001"] and diff.fixed == []
    assert diff.changes == [
        "team added: ops",
        "duty added: payouts (accountable: ops)",
        "accountable owner of duty refunds changed: shop → ops, shop",
        f"overlap introduced: {diff.new[0].message}",
        "person joined a team: ada joined ops, still in shop",
    ]


def org_changes(tmp_path: Path, base: str, head: str) -> list[str]:
    """The org diff's change lines from one org file at `base` to it at `head`."""
    runs = []
    for name, text in (("base", base), ("head", head)):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "org.yaml").write_text(text, "utf-8")
        runs.append(lint_org([str(tmp_path / name)], Config(select=[Selector("OW001", "t")])))
    (a, a_org), (b, b_org) = runs
    return compare(a, b, a_org, b_org).changes


def test_objectives_added_and_removed_are_org_changes(tmp_path: Path) -> None:
    """An objective added or removed is a line of the org diff, as a team is, before the
    key results (an added objective's own ones included)."""
    base = BASE + "- {kind: Objective, id: old-o, title: 老目标, owner: shop, key_results: []}\n"
    head = BASE + "- {kind: Objective, id: new-o, title: 新目标, owner: shop,\n" \
                  "   key_results: [{id: k9, title: 复购率从 20% 提升到 25%}]}\n"
    assert org_changes(tmp_path, base, head) == [
        "objective added: 新目标 (new-o)",
        "objective removed: 老目标 (old-o)",
        "key result added: 复购率从 20% 提升到 25% (new-o/k9)",
    ]


def test_a_rename_declared_by_an_alias_is_one_renamed_line(tmp_path: Path) -> None:
    """Team `tech` renamed `technology` (`aliases: [tech]`), duty `refunds` renamed
    `refund-handling`: one "renamed" line each, not an added and a removed one."""
    base = ("- {kind: Team, id: shop, lead: ada, members: [ada]}\n"
            "- {kind: Team, id: tech, name: 技术部, parent: shop, lead: ada, members: [ada]}\n"
            "- {kind: Person, id: ada}\n"
            "- {kind: Responsibility, id: refunds, accountable: shop}\n")
    head = base.replace("id: tech,", "id: technology, aliases: [tech],") \
        .replace("id: refunds,", "id: refund-handling, aliases: refunds,")
    assert org_changes(tmp_path, base, head) == [
        "team renamed: 技术部 (tech → technology)",
        "duty renamed: refund-handling (refunds → refund-handling)",
    ]


def test_a_renamed_objective_keeps_its_key_results(tmp_path: Path) -> None:
    """Objective `grow` renamed `grow-gmv` (`aliases: [grow]`): its key results are the
    same ones, not removed and added again; one whose text changed is `changed`, under the
    objective's new id."""
    base = BASE.replace("key_results: [{id: k1,",
                        "key_results: [{id: k0, title: 复购率从 20% 提升到 25%}, {id: k1,")
    head = base.replace("id: grow\n", "id: grow-gmv\n  aliases: [grow]\n") \
        .replace("target: \"10M\"", "target: \"12M\"")
    assert org_changes(tmp_path, base, head) == [
        "objective renamed: Grow (grow → grow-gmv)",
        "key result changed: GMV to 10M by 2026-12-31 (grow-gmv/k1)",
    ]


def test_a_name_changed_under_the_same_id_is_an_org_change(tmp_path: Path) -> None:
    """Trial 31: renaming 營運部 to 電商營運部 (same id) was no line of the org diff, so the
    site's changes page and `report --diff` did not show it; a person's and a duty's too."""
    base = ("- {kind: Team, id: ops, name: 營運部, lead: ada, members: [ada]}\n"
            "- {kind: Person, id: ada, name: 陳雅婷}\n"
            "- {kind: Responsibility, id: refunds, name: 退款, accountable: ops}\n")
    head = base.replace("name: 營運部", "name: 電商營運部").replace("name: 退款", "name: 退款處理")
    assert org_changes(tmp_path, base, head) == [
        "team name changed: 營運部 → 電商營運部 (ops)",
        "duty name changed: 退款 → 退款處理 (refunds)",
    ]
    # a name given where there was none is a change too; the same name is none
    assert org_changes(tmp_path / "given", base.replace(", name: 陳雅婷", ""), base) == [
        "person name changed: ada → 陳雅婷 (ada)"]
    assert org_changes(tmp_path / "same", base, base) == []
