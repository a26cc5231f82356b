"""orgspec never destroys what it did not write: outputs never overwrite the org being read,
user input never reaches git as an option, and nothing outside orgspec's own files is deleted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from orgspec.cli import main


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def org(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "ecommerce", tmp_path / "org")
    return tmp_path / "org"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("args", [
    ("check", "{org}", "--format", "json", "-o", "{file}"),
    ("check", "{org}", "--format", "json", "-o", "{org}/teams/../teams/people.yaml"),
    ("check", "{org}", "--report", "html={file}"),
    ("report", "{org}", "-o", "{file}"),
    ("graph", "{org}", "--format", "dot", "-o", "{file}"),
    ("graph", "{org}", "--format", "dot", "-o", "{link}"),
    ("export", "{org}", "--format", "xlsx", "-o", "{file}"),
    ("export", "{org}", "--format", "csv", "-o", "{org}"),
    ("export", "{org}", "--format", "csv", "-o", "{org}/teams"),
    ("site", "{org}", "-o", "{org}/teams"),
    ("rules", "--config", "{config}", "-o", "{config}"),
])
def test_no_output_overwrites_an_input(org: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "link.yaml").symlink_to(org / "teams" / "people.yaml")
    config = tmp_path / ".orgspec.yaml"
    config.write_text("lang: en\n", "utf-8")
    before, config_before = _snapshot(org), config.read_bytes()
    names = {"org": str(org), "file": str(org / "teams" / "people.yaml"),
             "link": str(tmp_path / "link.yaml"), "config": str(config)}
    code, _, err = cli(*(a.format(**names) for a in args))
    assert code == 2
    assert err.count("\n") == 1
    assert "of the org being read" in err or "config" in args[1]
    assert _snapshot(org) == before and config.read_bytes() == config_before


def test_outputs_beside_the_org_are_still_written(org: Path, tmp_path: Path) -> None:
    code, _, _ = cli("check", str(org), "--format", "json", "-o", str(tmp_path / "r.json"))
    assert code in (0, 1) and (tmp_path / "r.json").is_file()
    code, _, _ = cli("export", str(org), "--format", "csv", "-o", str(tmp_path / "csv"))
    assert code == 0 and (tmp_path / "csv" / "people.csv").is_file()
    code, _, _ = cli("site", str(org), "-o", str(tmp_path / "public"))
    assert code == 0 and (tmp_path / "public" / "index.html").is_file()
