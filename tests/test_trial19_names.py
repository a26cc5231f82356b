"""Trial 19: an entity named with its id is said one way everywhere, `主播运营部 (anchor-ops)`,
in every language: a finding's message, its hint (HI007 was `技术部（tech）` in Chinese) and the
org diff's lines (`--diff`: `主播运营部（anchor-ops） → …`) alike, from one function
(`model.idnames.name_id`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import committed_org, git, run_cli

# a name, then an id in full-width brackets: the form no longer said
WIDE_ID = re.compile(r"[^\s（]（[a-z0-9][a-z0-9_/-]*）")

BEFORE = """\
- {kind: Team, id: anchor-ops, name: 主播运营部, lead: p1, members: [p1, p2]}
- {kind: Team, id: tech, name: 技术部, lead: p1, members: [p1]}
- {kind: Person, id: p1, name: 王芳}
- {kind: Person, id: p2, name: 林宇}
- {kind: Responsibility, id: live, name: 直播, accountable: anchor-ops}
- {kind: Role, id: sre, name: 运维工程师, team: tech, holders: [p3]}
- {kind: Person, id: p3, name: 何丽}
"""
AFTER = BEFORE.replace("accountable: anchor-ops", "accountable: tech").replace(
    "members: [p1, p2]}", "members: [p1]}").replace("name: 技术部, lead: p1, members: [p1]",
                                                    "name: 技术部, lead: p1, members: [p1, p2]")


@pytest.mark.parametrize("lang", ["zh", "zh-Hant", "en"])
def test_a_name_with_its_id_is_one_form_in_every_language(lang: str) -> None:
    from orgspec.i18n import say
    from orgspec.model.idnames import name_id, said_name_id

    assert say(name_id("主播运营部", "anchor-ops"), lang) == "主播运营部 (anchor-ops)" \
        == said_name_id("主播运营部", "anchor-ops")


@pytest.mark.parametrize(("lang", "lines"), [
    ("zh", ["职责 直播 (live) 的批准方 (A)变更：主播运营部 (anchor-ops) → 技术部 (tech)",
            "人员调动：林宇 (p2) 从 主播运营部 (anchor-ops) 调到 技术部 (tech)"]),
    ("zh-Hant", ["職責 直播 (live) 的批准方 (A)變更：主播运营部 (anchor-ops) → 技术部 (tech)",
                 "人員調動：林宇 (p2) 從 主播运营部 (anchor-ops) 調到 技术部 (tech)"]),
])
def test_the_org_diff_and_the_findings_name_alike(tmp_path: Path, lang: str,
                                                   lines: list[str]) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "org.yaml").write_text(BEFORE, "utf-8")
    repo = committed_org(source, tmp_path / "repo")
    (repo / "org" / "org.yaml").write_text(AFTER, "utf-8")
    git(repo, "add", ".")
    run = run_cli("check", "org", "--diff", "HEAD", "--lang", lang, "--exit-zero", cwd=repo)
    said = [line.strip() for line in run.stdout.splitlines()]
    assert [line for line in said if line in lines] == lines
    assert not WIDE_ID.search(run.stdout), run.stdout
    # HI007's hint names the position's team as the finding names the person
    check = run_cli("check", "org", "--lang", lang, "--exit-zero", "--select", "HI007",
                    cwd=repo)
    assert [line.split(": ", 1)[1] for line in check.stdout.splitlines()
            if "(p3)" in line or "`members`" in line] == [
        {"zh": "HI007 [警告] 人员 何丽 (p3) 不属于任何团队",
         "zh-Hant": "HI007 [警告] 人員 何丽 (p3) 不屬於任何團隊"}[lang],
        {"zh": "把此人加入 技术部 (tech) 的 `members`",
         "zh-Hant": "把此人加入 技术部 (tech) 的 `members`"}[lang]]
