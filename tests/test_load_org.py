"""Validation and references through the Python API: exact codes, files and lines."""

from __future__ import annotations

from pathlib import Path

from orgspec import lint as lint_all
from orgspec import load_org
from orgspec.load.config import Config, Selector

LOADING = Config(select=[Selector(f, "test") for f in ("input", "schema", "references")])


def lint(paths: list[str]):
    """Lint with only the loading families, which is what these tests are about."""
    return lint_all(paths, LOADING)


def _found(result) -> list[tuple[str, str, int, int]]:
    return [(f.code, Path(f.location.file).name, f.location.line, f.location.col)
            for f in result.findings]


def test_typo_key_gets_did_you_mean(write_org) -> None:
    root = write_org({"t.yaml": "kind: Team\nid: core\nmembrs: [ada]\n"})
    [finding] = lint([str(root)]).findings
    assert (finding.code, finding.location.line) == ("SC001", 3)
    assert finding.hint == "did you mean `members`?"


def test_nested_typo_suggests_fields_of_the_nested_model(write_org) -> None:
    text = "kind: Process\nid: p\nsteps:\n  - id: a\n    ownr: core\n"
    root = write_org({"p.yaml": text})
    [finding] = lint([str(root)]).findings
    assert _found(lint([str(root)])) == [("SC001", "p.yaml", 5, 5)]
    # the step counted from 1, as every message counts an item (trial 35)
    assert finding.message == "step 1 of process 'p' has an unknown field `ownr`"
    assert finding.hint == "did you mean `owner`?"


def test_missing_required_field_points_at_the_entity(write_org) -> None:
    root = write_org({"o.yaml": "- kind: Person\n  id: ada\n- kind: Objective\n  id: grow\n"})
    assert _found(lint([str(root)])) == [("SC002", "o.yaml", 3, 3)]


def test_bad_id_is_explained(write_org) -> None:
    root = write_org({"t.yaml": "kind: Team\nid: Order Platform\n"})
    [finding] = lint([str(root)]).findings
    assert (finding.code, finding.message) == (
        "SC003", "`id` 'Order Platform' must be a lowercase slug")


def test_duplicate_id_across_files_names_both_places(write_org) -> None:
    root = write_org({"a.yaml": "kind: Team\nid: core\n", "b.yaml": "\n\nkind: Team\nid: core\n"})
    [finding] = lint([str(root)]).findings
    assert _found_one(finding) == ("RF002", "b.yaml", 4, 1)
    [related] = finding.related
    assert (Path(related.location.file).name, related.location.line) == ("a.yaml", 2)


def _found_one(f) -> tuple[str, str, int, int]:
    return (f.code, Path(f.location.file).name, f.location.line, f.location.col)


def test_unknown_reference_in_a_list_points_at_the_item(write_org) -> None:
    root = write_org({"t.yaml": "- kind: Person\n  id: ada\n- kind: Team\n  id: core\n"
                                "  members:\n    - ada\n    - grace\n"})
    [finding] = lint([str(root)]).findings
    assert _found_one(finding) == ("RF001", "t.yaml", 7, 7)


def test_unknown_step_in_next_has_did_you_mean(write_org) -> None:
    text = ("kind: Process\nid: p\nowner: core\nsteps:\n"
            "  - {id: receive, owner: core, next: [clasify]}\n  - {id: classify, owner: core}\n"
            "---\nkind: Team\nid: core\n")
    root = write_org({"p.yaml": text})
    [finding] = [f for f in lint([str(root)]).findings if f.code == "RF001"]
    assert _found_one(finding) == ("RF001", "p.yaml", 5, 39)
    assert finding.hint == "did you mean 'classify'?"


def test_broken_file_does_not_cascade(write_org) -> None:
    root = write_org({"broken.yaml": "kind: Team\nid: core\n  oops: [\n",
                      "web.yaml": "kind: Team\nid: web\nparent: core\nlead: nobody\n"})
    result = lint([str(root)])
    assert [f.code for f in result.findings] == ["IN001", "RF001"]
    assert result.findings[-1].message == "unknown Person 'nobody' in `lead` of team 'web'"


def test_entity_failing_validation_is_still_known_by_id(write_org) -> None:
    root = write_org({"t.yaml": "- kind: Team\n  id: core\n  colour: red\n"
                                "- kind: Team\n  id: web\n  parent: core\n"})
    assert [f.code for f in lint([str(root)]).findings] == ["SC001"]


def test_load_org_types_values_through_the_models(write_org) -> None:
    text = ("kind: Objective\nid: grow\ntitle: Grow\nperiod: 2026-Q1\nkey_results:\n"
            "  - id: mau\n    title: MAU 1.2M -> 1.32M\n    target: 1320000\n    due: 2026-03-31\n")
    org = load_org([str(write_org({"o.yaml": text}))]).org
    kr = org.objectives["grow"].key_results[0]
    assert kr.due.isoformat() == "2026-03-31"
    assert kr.target == "1320000"
    assert org.origin("Objective", "grow").locate("key_results", 0, "due").line == 9


def test_charter_inline_duty_is_registered_and_claimed(write_org) -> None:
    text = "kind: Team\nid: core\nresponsibilities:\n  - id: uptime\n    description: Keep it up\n"
    org = load_org([str(write_org({"t.yaml": text}))]).org
    assert org.responsibilities["uptime"].description == "Keep it up"
    assert [(c.team, c.responsibility, c.role) for c in org.claims] == [
        ("core", "uptime", "accountable")]


def test_findings_are_sorted_and_fingerprints_ignore_lines(write_org, tmp_path) -> None:
    files = {"b.yaml": "kind: Team\nid: b\nlead: x\n", "a.yaml": "kind: Team\nid: a\nlead: y\n"}
    first = lint([str(write_org(files))])
    assert [Path(f.location.file).name for f in first.findings] == ["a.yaml", "b.yaml"]
    moved = {k: "\n\n" + v for k, v in files.items()}
    second = lint([str(write_org(moved))])
    assert [f.location.line for f in second.findings] == [5, 5]
    assert [f.fingerprint for f in first.findings] == [f.fingerprint for f in second.findings]


def test_joiners_inside_emoji_and_words_are_text_not_in003(write_org) -> None:
    text = ("kind: Team\nid: dev\nname: \"👩\u200d💻 开发部 🏳️\u200d🌈 👩🏽\u200d💻\"\n"
            "mission: \"می\u200cخواهم क्\u200dष\"\n")
    root = write_org({"t.yaml": text})
    assert _found(lint([str(root)])) == []
    assert load_org([str(root)]).org.teams["dev"].name == "👩\u200d💻 开发部 🏳️\u200d🌈 👩🏽\u200d💻"


def test_an_isolated_joiner_is_one_finding_and_the_file_still_loads(write_org) -> None:
    root = write_org({"t.yaml": "kind: Team\nid: dev\nname: \"pay\u200dpal\"\n"})
    assert _found(lint([str(root)])) == [("IN003", "t.yaml", 3, 11)]
    assert "dev" in load_org([str(root)]).org.teams  # a finding, not a reason to drop it


def test_a_raw_bidi_override_is_found_where_it_stands_once(write_org) -> None:
    root = write_org({"t.yaml": "kind: Team\nid: dev\nname: \"x\u202egnp.exe\"\n"
                      "mission: \"a\\u202eb\"\n"})
    # the literal one at its own column; the escaped one at its value; neither twice
    assert _found(lint([str(root)])) == [("IN003", "t.yaml", 3, 9), ("IN003", "t.yaml", 4, 10)]
    assert "dev" in load_org([str(root)]).org.teams


def test_structural_controls_still_stop_the_file(write_org) -> None:
    root = write_org({"t.yaml": "kind: Team\nid: dev\nname: \"a\x00b\"\n"})
    assert ("IN003", "t.yaml", 3, 9) in _found(lint([str(root)]))
    assert load_org([str(root)]).org.teams == {}
