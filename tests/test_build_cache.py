"""What `site` and `report` keep between runs (`report.buildcache`) never changes a byte.

Compiled templates and the pinyin readings of names come from orgspec's cache on a warm
run: the site, the Markdown and the HTML report are byte-identical cold, warm and with no
cache ($ORGSPEC_NO_CACHE); a template edited between runs is compiled afresh; another
jinja2 version or another environment never reads an entry; a warm build whose names were
all read before does not import pypinyin.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, FIXTURES, REPO, run_cli

from orgspec.load.cache import Cache
from orgspec.text.collate import collation_key, keeping_readings


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _builds(org: Path, out: Path, env: dict[str, str] | None = None) -> dict[str, bytes]:
    site = run_cli("site", str(org), "-o", str(out / "site"), env=env)
    assert site.code in (0, 1), site.stderr
    for name in ("report.md", "report.html"):
        report = run_cli("report", str(org), "-o", str(out / name), env=env)
        assert report.code == 0, report.stderr
    return _files(out)


def test_site_and_report_are_the_same_cold_warm_and_without_cache(tmp_path: Path) -> None:
    for org in (EXAMPLES / "ecommerce", FIXTURES / "tw-org"):
        cache = tmp_path / org.name / "cache"
        env = {"ORGSPEC_CACHE_DIR": str(cache)}
        none = _builds(org, tmp_path / org.name / "none", env={**env, "ORGSPEC_NO_CACHE": "1"})
        assert not list(cache.glob("*/readings")) + list(cache.glob("*/template"))
        collation_key.cache_clear()  # in a fresh process, as a user's run is
        cold = _builds(org, tmp_path / org.name / "cold", env=env)
        assert {"template", "readings"} <= {p.name for p in cache.glob("*/*")}
        collation_key.cache_clear()
        warm = _builds(org, tmp_path / org.name / "warm", env=env)
        assert none == cold == warm


def test_an_edited_template_is_compiled_afresh(tmp_path: Path, _own_cache: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    out = tmp_path / "report.md"
    (templates / "report.md.j2").write_text("first {{ v.lang }}\n", encoding="utf-8")
    args = ("report", str(EXAMPLES / "minimal"), "--templates", str(templates), "-o", str(out))
    assert run_cli(*args).code == 0
    assert out.read_text(encoding="utf-8").startswith("first ")
    assert list(_own_cache.glob("*/template/*/*"))  # compiled code was kept
    (templates / "report.md.j2").write_text("second {{ v.lang }}\n", encoding="utf-8")
    assert run_cli(*args).code == 0
    assert out.read_text(encoding="utf-8").startswith("second ")


def test_another_jinja2_or_environment_never_reads_an_entry(tmp_path: Path) -> None:
    import jinja2

    from orgspec.report import buildcache

    cache = Cache(str(tmp_path / "cache"))
    source = "{{ 1 + 1 }}"

    def compiled(env: jinja2.Environment) -> bool:
        bcc = buildcache._bytecode_cache(cache)
        bucket = bcc.get_bucket(env, "t.j2", "/t.j2", source)
        if bucket.code is None:
            bucket.code = env.compile(source, "t.j2", "/t.j2")
            bcc.set_bucket(bucket)
            return False
        return True

    assert not compiled(jinja2.Environment())
    assert compiled(jinja2.Environment())  # the same: a hit
    assert not compiled(jinja2.Environment(trim_blocks=True))  # other syntax options
    old = jinja2.__version__
    jinja2.__version__ = old + ".post1"
    try:
        assert not compiled(jinja2.Environment())  # another jinja2: compiled again
    finally:
        jinja2.__version__ = old
    assert compiled(jinja2.Environment())


def test_kept_readings_are_read_and_new_ones_added() -> None:
    collation_key.cache_clear()
    table: dict[str, tuple[str, ...]] = {"张伟": ("a1", "a1")}  # a made-up reading wins
    try:
        with keeping_readings(table):
            assert collation_key("张伟")[0][:2] == ("a", 1)
            collation_key("王芳")
        assert table["王芳"] == ("wang2", "fang1")
        collation_key.cache_clear()
        assert collation_key("张伟")[0][:2] == ("zhang", 1)  # outside: pypinyin's
    finally:
        collation_key.cache_clear()


def test_a_warm_site_does_not_import_pypinyin(tmp_path: Path) -> None:
    env = {**os.environ, "ORGSPEC_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    probe = ("import sys\nfrom orgspec.cli import main\n"
             "try:\n    main([*sys.argv[1:]], standalone_mode=False)\n"
             "finally:\n    print('pypinyin' in sys.modules, file=sys.__stdout__)\n")
    args = ["site", str(EXAMPLES / "ecommerce"), "-o", str(tmp_path / "site")]
    said = [subprocess.run([sys.executable, "-c", probe, *args], cwd=REPO, env=env,
                           capture_output=True, text=True, check=False).stdout.split()[-1]
            for _ in range(2)]
    assert said == ["True", "False"]


def test_kept_traditional_forms_are_used_and_filled_once() -> None:
    from orgspec.text.script import fold_table, keeping_forms, traditional_forms

    fresh = traditional_forms()
    table: dict[str, tuple[str, ...]] = {}
    with keeping_forms(table):
        assert fold_table(["发"]) == {t: "发" for t in fresh["发"]}
    assert table == fresh  # filled for the caller to keep
    with keeping_forms({"发": ("X",)}):  # a kept table is what the run uses
        assert fold_table(["发"]) == {"X": "发"}
    assert traditional_forms() == fresh
