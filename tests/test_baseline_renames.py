"""A baseline entry on an entity renamed by `aliases` (`id: logistics`, `aliases:
[warehouse]`) is the same finding under the new id: known, not stale + new, whether the run
lints the org or takes its result from the cache (where no org is at hand to read the
aliases from)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

ORG = """\
- kind: Team
  id: company
  name: 公司
  lead: wang
  members: [wang]
  responsibilities: [strategy]
- kind: Team
  id: warehouse
  name: 仓储部
  parent: company
  lead: zhou
  members: [zhou]
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: zhou, name: 周明}
- kind: Responsibility
  id: strategy
  name: 公司战略
  description: 制定年度战略
  accountable: company
- kind: Process
  id: inbound
  name: 入库流程
  owner: warehouse
  steps:
    - {id: receive, name: 收货, owner: warehouse, next: [shelve]}
    - {id: shelve, name: 上架, owner: 待定}
"""

RENAMED = ORG.replace("warehouse", "logistics").replace(
    "  id: logistics\n", "  id: logistics\n  aliases: [warehouse]\n").replace(
    "  id: inbound\n", "  id: inbound-flow\n  aliases: [inbound]\n")


def _baselined(write_org, *flags: str) -> tuple[Path, Path]:
    folder = write_org({"org.yaml": ORG})
    base = folder.parent / "baseline.json"
    run = run_cli("check", str(folder), "--isolated", "--write-baseline", str(base))
    assert run.code == 0, run.stderr
    entities = sorted((e["code"], e["entity"])
                      for e in json.loads(base.read_text("utf-8"))["findings"])
    # OW006 on the team, PR001 on a step of the process: an entity and a part renamed
    assert entities == [("OW006", "team:warehouse"), ("PR001", "process:inbound")]
    (folder / "org.yaml").write_text(RENAMED, "utf-8")
    return folder, base


@pytest.mark.parametrize("flags", [("--no-cache",), (), ("--select", "OW,PR")])
def test_a_baseline_entry_on_a_renamed_entity_stays_known(write_org, flags: tuple[str, ...]
                                                          ) -> None:
    folder, base = _baselined(write_org)
    for _ in range(2):  # the second run with the cache takes the stored result
        run = run_cli("check", str(folder), "--isolated", "--lang", "en", "--format", "json",
                      "--baseline", str(base), *flags)
        assert run.json()["findings"] == []
        assert "baseline " + str(base) + ": 2 known findings not shown, 0 stale entries" \
            in run.stderr
        assert run.code == 0


def test_the_stored_result_knows_the_former_fingerprints(write_org, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """The second `check_cached` runs no rule (nothing changed): the former fingerprints
    come with the stored result."""
    from orgspec.ci import baseline
    from orgspec.engine import lint
    from orgspec.load.cache import Cache
    from orgspec.load.config import Config

    folder, base = _baselined(write_org)
    cache = Cache(str(tmp_path / "own-cache"))
    first = lint.check_cached([str(folder)], Config(), cache)
    monkeypatch.setattr(lint, "_lint_loaded", lambda *a, **k: pytest.fail("not cached"))
    second = lint.check_cached([str(folder)], Config(), cache)
    assert second.former == first.former and len(second.former) == 2  # OW006, PR001
    outcome = baseline.apply(second, baseline.read(str(base)))
    assert (outcome.known, outcome.stale, second.findings) == (2, [], [])


def test_a_new_baseline_names_the_entity_by_its_new_id(write_org) -> None:
    folder, base = _baselined(write_org)
    run = run_cli("check", str(folder), "--isolated", "--write-baseline", str(base))
    assert run.code == 0, run.stderr
    entities = sorted((e["code"], e["entity"])
                      for e in json.loads(base.read_text("utf-8"))["findings"])
    assert entities == [("OW006", "team:logistics"), ("PR001", "process:inbound-flow")]


def test_a_rename_without_aliases_is_a_new_finding_and_a_stale_entry(write_org) -> None:
    """Without `aliases` nothing says logistics was warehouse: the old entry is fixed."""
    folder, base = _baselined(write_org)
    (folder / "org.yaml").write_text(RENAMED.replace("  aliases: [warehouse]\n", ""), "utf-8")
    run = run_cli("check", str(folder), "--isolated", "--lang", "en", "--format", "json",
                  "--baseline", str(base))
    assert [(f["code"], f["line"]) for f in run.json()["findings"]] == [("OW006", 8)]
    assert "1 known finding not shown, 1 stale entry" in run.stderr
