"""The built wheel carries the data folders and works from outside the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with only the wheel installed (dependencies come from the host venv)."""
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling")
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(work / "dist")], check=True)
    [wheel] = (work / "dist").glob("orgspec-*.whl")
    env_dir = work / "venv"
    # No pip inside the venv (ensurepip costs more than the rest of the test): the host's
    # pip installs into it with --python.
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # The host's site-packages (where `pip install -e .[test]` put the dependencies) after the
    # venv's own: a plain path entry, so the host's editable orgspec is not picked up.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True).stdout
    host = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site.strip(), "host-deps.pth").write_text("\n".join(sorted(host)) + "\n", "utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", "--no-index", "--force-reinstall", str(wheel)], check=True)
    return env_dir


def _printed(installed: Path, code: str) -> list[str]:
    """The lines `code` prints, run by the installed wheel's Python outside the checkout."""
    return subprocess.run([str(installed / "bin" / "python"), "-c", code], capture_output=True,
                          text=True, check=True, cwd=installed.parent).stdout.splitlines()


def test_wheel_holds_data_folders(installed: Path) -> None:
    code = ("import orgspec.resources as r, orgspec; print(orgspec.__file__); "
            "print(r.data_dir('rules')); print(r.data_dir('schemas'))")
    out = _printed(installed, code)
    assert all(line.startswith(str(installed)) for line in out), out
    assert Path(out[1], "input.yaml").is_file()
    assert Path(out[2], "org.schema.json").is_file()


def test_wheel_holds_the_near_duplicate_lexicon(installed: Path) -> None:
    code = ("from orgspec.text.glossary import LEXICON, lexicon; print(LEXICON); "
            "print(len(lexicon().concepts))")
    out = _printed(installed, code)
    assert out[0].startswith(str(installed)) and out[0].endswith("lexicon.yaml"), out
    assert int(out[1]) >= 150


def test_wheel_holds_the_stroke_order_and_its_licence(installed: Path) -> None:
    code = ("from orgspec.text.strokes import TABLE, stroke_count; print(TABLE); "
            "print(TABLE.with_name('LICENSE-unicode.txt').is_file()); print(stroke_count('陳'))")
    out = _printed(installed, code)
    assert out[0].startswith(str(installed)) and out[1:] == ["True", "11"], out


def test_installed_cli_checks_an_example_outside_the_repo(installed: Path, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "ecommerce", tmp_path / "ecommerce")
    shutil.copytree(EXAMPLES / "minimal", tmp_path / "minimal")
    orgspec = installed / "bin" / "orgspec"
    clean = subprocess.run([str(orgspec), "check", "minimal"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    dirty = subprocess.run([str(orgspec), "check", "ecommerce"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert dirty.returncode == 1
    assert "ecommerce/processes/payment-outage.yaml:35:12: PR001" in dirty.stdout
    assert "不可衡量：缺少目标值" in dirty.stdout  # the compiled catalog reached the wheel
    report = subprocess.run([str(orgspec), "report", "ecommerce", "--format", "html"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert report.returncode == 0, report.stderr  # templates/ reached the wheel
    assert "<svg class=\"diagram\"" in report.stdout and "Content-Security-Policy" in report.stdout


def test_installed_cli_builds_the_site(installed: Path, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "ecommerce", tmp_path / "ecommerce")
    done = subprocess.run([str(installed / "bin" / "orgspec"), "site", "ecommerce", "-o", "out"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # templates/site/ reached the wheel
    assert (tmp_path / "out" / "assets" / "search.js").is_file()
    assert "客服团队" in (tmp_path / "out" / "teams" / "customer-service.html").read_text("utf-8")


def test_installed_init_finds_its_templates(installed: Path, tmp_path: Path) -> None:
    orgspec = installed / "bin" / "orgspec"
    made = subprocess.run([str(orgspec), "init", "repo", "--lang", "zh"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr  # templates/init reached the wheel
    assert (tmp_path / "repo" / ".github" / "workflows" / "orgspec.yml").is_file()
    checked = subprocess.run([str(orgspec), "check"], cwd=tmp_path / "repo",
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
