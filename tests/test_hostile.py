"""Every hostile input in tests/fixtures/hostile gives its finding at the right place.

The real CLI runs in a subprocess, so a crash of the interpreter, a hang or a traceback
would show; each fixture runs under both the C and the pure-Python YAML parser.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, run_cli

HOSTILE = FIXTURES / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                         p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _line_lengths(path: Path) -> list[int]:
    text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    return [len(line) for line in text.split("\n")]


@pytest.mark.parametrize("parser", ["c", "pure"])
@pytest.mark.parametrize("case", CASES)
def test_hostile_input_gives_exact_findings(case: str, parser: str, tmp_path: Path) -> None:
    folder = tmp_path / case
    shutil.copytree(HOSTILE / case, folder)
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    before = _snapshot(folder)

    run = run_cli("check", str(folder), "--format", "json", "--select", "input,schema,RF",
                  cwd=tmp_path,
                  env={"ORGSPEC_YAML_PARSER": parser}, timeout=30)

    assert "Traceback" not in run.stdout + run.stderr
    assert run.code == expected["exit"], run.stderr
    got = [{"code": f["code"], "file": f["file"].split("/", 1)[1], "line": f["line"],
            "column": f["column"]} for f in run.json()["findings"]]
    assert got == expected["findings"]
    for f in run.json()["findings"]:
        lengths = _line_lengths(tmp_path / f["file"])
        assert 1 <= f["line"] <= len(lengths)
        assert 1 <= f["column"] <= lengths[f["line"] - 1] + 1
    assert _snapshot(folder) == before, "orgspec must never modify the org files"


def test_symlink_out_of_root_is_reported_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("aws_secret_access_key: AKIAEXAMPLE\n", "utf-8")
    org = tmp_path / "org"
    org.mkdir()
    (org / "team.yaml").write_text("kind: Person\nid: ada\n", "utf-8")
    os.symlink(secret, org / "leak.yaml")

    run = run_cli("check", "org", "--format", "json", "--select", "input", cwd=tmp_path)

    assert run.code == 1
    assert [(f["code"], f["file"]) for f in run.json()["findings"]] == [
        ("IN011", "org/leak.yaml")]
    assert "AKIA" not in run.stdout + run.stderr


def test_symlink_inside_root_is_read(tmp_path: Path) -> None:
    org = tmp_path / "org"
    (org / "real").mkdir(parents=True)
    (org / "real" / "people.yaml").write_text("kind: Person\nid: ada\n", "utf-8")
    (org / "team.yaml").write_text("kind: Team\nid: core\nlead: ada\nmembers: [ada]\n", "utf-8")
    os.symlink(org / "real" / "people.yaml", org / "alias.yaml")

    run = run_cli("check", "org", "--format", "json", "--select", "input,RF", cwd=tmp_path)

    codes = [f["code"] for f in run.json()["findings"]]
    assert codes == ["RF002"], "the linked file is read (its id then clashes)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    os.mkfifo(org / "pipe.yaml")
    (org / "people.yaml").write_text("kind: Team\nid: core\nlead: nobody\n", "utf-8")

    run = run_cli("check", "org", "--format", "json", "--select", "input,RF", cwd=tmp_path,
                  timeout=20)

    # a FIFO defines nothing, so it must not silence unknown references elsewhere
    assert [(f["code"], f["file"]) for f in run.json()["findings"]] == [
        ("RF001", "org/people.yaml"), ("IN012", "org/pipe.yaml")]


def test_hidden_folders_are_skipped(write_org) -> None:
    root = write_org({".git/config.yaml": "not: [valid", "people.yaml": "kind: Person\nid: a\n"})
    run = run_cli("check", str(root), "--format", "json", "--select", "input")
    assert run.code == 0
    assert run.json()["summary"]["files"] == 1


def test_kind_that_is_not_text_names_the_kinds_and_what_was_found(write_org) -> None:
    root = write_org({"org.yaml": "kind: [Team]\nid: a\n---\nkind: {Team: 1}\nid: b\n"})
    run = run_cli("check", str(root), "--format", "json", "--select", "input")
    assert run.code == 1
    assert [(f["line"], f["column"], f["message"]) for f in run.json()["findings"]] == [
        (1, 7, "`kind` must be one of Team, Person, Responsibility, Objective, Process, Role, "
               "Meeting; "
               "found a list"),
        (4, 7, "`kind` must be one of Team, Person, Responsibility, Objective, Process, Role, "
               "Meeting; "
               "found a mapping")]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit",
                                 "markdown", "html", "json-lines"])
def test_file_name_that_is_not_utf8_is_checked_and_shown_escaped(fmt: str,
                                                                   tmp_path: Path) -> None:
    """Found by the fuzzer's hostile names: the raw byte reached every writer as a lone
    surrogate (UnicodeEncodeError, exit 2). The file is read; its name shows `\\xff`."""
    org = tmp_path / "org"
    org.mkdir()
    (org / os.fsdecode(b"\xff\xfe.yaml")).write_bytes(b"kind: Team\nid: core\nlead: nobody\n")
    out = tmp_path / "out"

    run = run_cli("check", "org", "--isolated", "--format", fmt, "-o", str(out),
                  "--select", "RF", cwd=tmp_path)

    assert run.code == 1, run.stderr
    text = out.read_text("utf-8")
    assert "xff" in text and "xfe.yaml" in text, text[:500]  # escaped per medium


def test_file_name_that_is_not_utf8_in_the_findings(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / os.fsdecode(b"caf\xe9.yaml")).write_bytes(b"kind: Team\nid: core\nlead: nobody\n")
    run = run_cli("check", "org", "--isolated", "--format", "json", "--select", "RF",
                  cwd=tmp_path)
    assert [(f["code"], f["file"], f["line"]) for f in run.json()["findings"]] == [
        ("RF001", "org/caf\\xe9.yaml", 3)]


def test_invalid_utf8_after_a_bom_names_the_byte_where_it_is() -> None:
    """Found by the fuzzer: with a BOM, the position and the byte were 3 bytes early."""
    from orgspec.load.source import SourceError, decode

    with pytest.raises(SourceError) as info:
        decode("\ufeffkind: 品\n".encode() + b"\x89id: a\n")
    assert (info.value.line, info.value.col, info.value.message) == (
        2, 1, "invalid UTF-8 byte 0x89")


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "gitlab", "junit", "markdown",
                                 "html", "json-lines", "text"])
def test_escaped_lone_surrogate_is_a_finding_in_every_format(fmt: str, write_org,
                                                             tmp_path: Path) -> None:
    """The pure parser reads "\\udfff" as a lone surrogate (the C parser refuses the escape:
    IN001); in an id it reached the entity of a finding, and writing the report raised
    UnicodeEncodeError (exit 2). It is U+FFFD after the loader, in keys too."""
    root = write_org({"org.yaml": '- kind: Person\n  id: "\\udfff"\n  "\\udc00x": 1\n'})
    out = tmp_path / "out"

    run = run_cli("check", str(root), "--isolated", "--format", fmt, "-o", str(out),
                  env={"ORGSPEC_YAML_PARSER": "pure"})

    assert run.code == 1, run.stderr
    assert run.stderr == ""
    out.read_text("utf-8")
    run = run_cli("check", str(root), "--isolated", "--format", "json",
                  env={"ORGSPEC_YAML_PARSER": "pure"})
    assert [(f["code"], f["line"], f["column"], f["message"], f["entity"])
            for f in run.json()["findings"]] == [
        ("IN003", 2, 7, "value contains the control or invisible character U+DFFF", ""),
        ("SC003", 2, 7, "`id` '\ufffd' must be a lowercase slug", "person:\ufffd"),
        ("SC001", 3, 3, "unknown field `\ufffdx`", "person:\ufffd")]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_who_query_that_is_not_utf8_matches_nothing(fmt: str) -> None:
    """A query typed in a GBK terminal reaches Python as lone surrogates (`\\xff` ->
    U+DCFF); OpenCC's folding encoded it and raised (internal error, exit 2)."""
    run = run_cli("who", "\udcff\x1b[2J", str(EXAMPLES / "minimal"), "--isolated",
                  "--format", fmt, "--lang", "en")
    assert (run.code, run.stderr) == (0, "")
    if fmt == "json":
        assert run.json() == {"query": "\udcff\x1b[2J", "matches": []}
    else:  # escaped once: the terminal shows `\x1b`, not `\\x1b`
        assert run.stdout == "nothing matches '\\udcff\\x1b[2J'\n"


def test_a_typo_of_a_list_field_beside_a_bad_item_of_it(write_org) -> None:
    """Found by the rotating fuzz seed 1738357024 (structural-quick): `holder:` (a typo of
    `holders`, dropped as written: a text) and a bad item of `holders` were both kept as
    dropped under `holders`, and appending the item to the text raised AttributeError."""
    root = write_org({"org.yaml": "- kind: Role\n  id: r\n  name: R\n  holder: ada\n"
                                  "  holders: [ada, {}]\n"})
    run = run_cli("check", str(root), "--isolated", "--format", "json")
    assert run.code == 1, run.stderr
    assert [(f["code"], f["line"], f["column"], f["message"])
            for f in run.json()["findings"]] == [
        ("SC001", 4, 3, "unknown field `holder`"),
        ("RF001", 5, 13, "unknown Person 'ada' in `holders` of position 'r'"),
        ("SC003", 5, 18, "`holders[1]`: needs one text, not a mapping")]
