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
    ('{"version": 2, "findings": []}', "is not an orgspec baseline (version 1)"),
    ('{"version": 1, "findings": [{"code": "X"}]}', "every finding needs a fingerprint"),
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
        "accountable owner of duty refunds changed: shop -> ops, shop",
        f"overlap introduced: {diff.new[0].message}",
    ]
