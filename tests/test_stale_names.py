"""Trial 16 (d): a stale baseline entry (or one not checked) names what it quotes as the
findings do, `岗位 客服专员 (cs-specialist)`, when the org still has the id, not by the bare id
its baseline kept; from the cache as without it; an id the org no longer has, and what a
code span shows, stay as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.ci.entrynames import EntryNames, quoted
from orgspec.i18n import say
from orgspec.report.idnames import named_quotes

ORG = """\
- {kind: Team, id: cs, name: 客服部, lead: li, members: [li, wang]}
- {kind: Person, id: li, name: 李娜}
- {kind: Person, id: wang, name: 王强}
- {kind: Responsibility, id: complaints, name: 投诉处理, accountable: cs}
- kind: Role
  id: cs-specialist
  name: 客服专员
  team: cs
  holders: [li, 待招聘]
  duties: [complaints]
"""
FILLED = ORG.replace("holders: [li, 待招聘]", "holders: [li, wang]")

STALE = {
    "en": "stale baseline entry (fixed): org/org.yaml: RO001 position 客服专员 (cs-specialist) "
          "has 1 open seat of 2 (written as '待招聘')",
    "zh": "过时的基线条目（已修复）：org/org.yaml：RO001 岗位 客服专员 (cs-specialist) "
          "2 个编制中有 1 个空缺（写作 '待招聘'）",
    "zh-Hant": "過時的基線條目（已修復）：org/org.yaml：RO001 職位 客服专员 (cs-specialist) "
               "2 個編制中有 1 個空缺（寫作 '待招聘'）",
}


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_a_stale_entry_names_the_position_it_quotes(tmp_path: Path, lang: str) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text(ORG, "utf-8")
    env = {"ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    wrote = run_cli("check", "org", "--write-baseline", "b.json", cwd=tmp_path, env=env)
    assert wrote.code == 0, wrote.stderr
    (org / "org.yaml").write_text(FILLED, "utf-8")
    for _ in range(2):  # the second run is answered from the cache: no org, the same words
        run = run_cli("check", "org", "--baseline", "b.json", "--lang", lang, cwd=tmp_path,
                      env=env)
        assert STALE[lang] in run.stderr.splitlines(), run.stderr
    cold = run_cli("check", "org", "--baseline", "b.json", "--lang", lang, "--no-cache",
                   cwd=tmp_path)
    assert cold.stderr == run.stderr
    # the position gone: nothing to name it by, its id as the baseline kept it
    (org / "org.yaml").write_text(FILLED.split("- kind: Role")[0], "utf-8")
    gone = run_cli("check", "org", "--baseline", "b.json", "--lang", "en", cwd=tmp_path,
                   env=env)
    assert "stale baseline entry (fixed): org/org.yaml: RO001 position 'cs-specialist' has 1 " \
        "open seat of 2 (written as '待招聘')" in gone.stderr.splitlines()


def test_only_quoted_ids_are_named_not_code_nor_an_apostrophe() -> None:
    names = {"cs": "客服部", "s": "S 组"}
    assert named_quotes("write `cs` for 'cs'; the team's lead 's' and 'CS'", names) == \
        "write `cs` for 客服部 (cs); the team's lead S 组 (s) and 'CS'"
    assert named_quotes("'提升' without 'cs'", {}) == "'提升' without 'cs'"


def test_an_entry_s_entity_is_named_its_key_result_kept_as_the_entry_says_it() -> None:
    entry = {"fingerprint": "f", "code": "OK004", "file": "org/o.yaml",
             "entity": "objective:o9/key_result:kr1", "message": "关键结果 'kr1' 表述模糊",
             "messages": {"en": "key result 'kr1' is vague", "zh": "关键结果 'kr1' 表述模糊"}}
    assert quoted([entry], "en") == {"kr1", "o9"}
    said = EntryNames("en", {"o9": "提升活跃度"})
    assert str(said.entity(entry)) == "key result 'kr1' of objective 提升活跃度 (o9)"
    assert said.message(entry) == "key result 'kr1' is vague"
    zh = EntryNames("zh", {"o9": "提升活跃度"})
    assert say(zh.entity(entry), "zh") == "目标 提升活跃度 (o9) 的关键结果 'kr1'"
    assert EntryNames("en", {}).entity(entry) == "key result 'kr1' of objective 'o9'"


def test_a_warm_check_with_a_baseline_and_no_stale_entry_imports_no_pydantic(
        tmp_path: Path) -> None:
    """Naming entries needs the models only when there is an entry to name."""
    import os
    import subprocess
    import sys

    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text(ORG, "utf-8")
    env = {**os.environ, "ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    args = ["check", "org", "--baseline", "b.json", "--lang", "en"]
    for first in (["check", "org", "--write-baseline", "b.json"], args):
        subprocess.run([sys.executable, "-m", "orgspec", *first], cwd=tmp_path, env=env,
                       capture_output=True, check=False)
    code = ("import sys; from orgspec.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
            "print('pydantic' in sys.modules, file=sys.stderr)")
    warm = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, check=False)
    assert "1 known finding not shown, 0 stale entries" in warm.stderr.decode()
    assert warm.stderr.decode().strip().splitlines()[-1] == "False"
