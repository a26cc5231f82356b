"""The rules reference is generated and in sync; `rules` and `explain` work for every rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from orgspec import messagesdoc
from orgspec.cli import main
from orgspec.engine.registry import registry
from orgspec.report.docsgen import rules_markdown


def test_docs_rules_md_is_generated_and_in_sync() -> None:
    committed = (REPO / "docs" / "rules.md").read_text("utf-8")
    assert committed == rules_markdown(), "run `orgspec rules --format markdown -o docs/rules.md`"


def test_docs_messages_md_is_generated_and_in_sync(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    """docs/messages.md was a hand-kept snapshot that went stale (RO001's hint, the
    indentation message): it is what its cases make now."""
    made = messagesdoc.markdown()
    committed = (REPO / "docs" / "messages.md").read_text("utf-8")
    assert committed == made, "run `python -m orgspec.messagesdoc`"
    assert all(f"\n| {case.mistake} | " in made for case in messagesdoc.CASES)
    # `--check` tells a stale file by its exit code
    stale = tmp_path / "messages.md"
    stale.write_text(made.replace("RO001", "RO999"), "utf-8")
    monkeypatch.setattr(messagesdoc, "DOC", stale)
    monkeypatch.setattr(messagesdoc, "markdown", lambda: made)
    assert messagesdoc.main(["--check"]) == 1
    stale.write_text(made, "utf-8")
    assert messagesdoc.main(["--check"]) == 0


@pytest.mark.parametrize("code", list(registry()))
def test_explain_works_for_every_rule_by_code_and_name(code: str) -> None:
    meta = registry()[code]
    by_code = CliRunner().invoke(main, ["explain", code.lower()])
    by_name = CliRunner().invoke(main, ["explain", meta.name])
    assert by_code.exit_code == 0 and by_code.output == by_name.output
    assert by_code.output.startswith(f"{code} {meta.name}\n")
    assert meta.rationale in by_code.output
    if meta.example == "yaml":
        assert "Flagged:" in by_code.output and "Passes:" in by_code.output


def test_explain_unknown_rule_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["explain", "responsibility-overlp"])
    assert result.exit_code == 2


def test_rules_json_lists_every_rule_with_options() -> None:
    items = json.loads(CliRunner().invoke(main, ["rules", "--format", "json"]).output)
    assert {i["code"] for i in items} == set(registry())
    [near] = [i for i in items if i["code"] == "OW007"]
    assert near["options"]["threshold"]["default"] == 0.55
