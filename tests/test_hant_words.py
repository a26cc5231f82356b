"""A Taiwanese reader's review: zh-Hant (generated from zh by s2twp and `i18n.hant`) says
Taiwan's words for a user (使用者, not 用戶) and an access token (存取權杖, not 訪問令牌) in
the catalog, init's starter files and `explain`'s examples, including the typed text s2twp
leaves alone (quoted examples, YAML), and no other mainland term a Taiwanese reader trips on."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from conftest import REPO, run_cli

from orgspec.i18n import LOCALE_DIR
from orgspec.i18n.hant import prose, script

# mainland usage (patterns): 訪問 is a visit (an interview) in Taiwan, 令牌 a tally, 掩碼 a
# bit mask, 工作流 a workflow engine; the others are s2twp's own (信息 -> 資訊, ...), kept
# here so that a term added to `hant.TERMS` or `NAMES` cannot bring one back
MAINLAND = ("用戶", "訪問", "令牌", "掩碼", "(?<!回)報錯", "工作流(?!程)", "信息", "視頻", "軟件",
            "默認", "登錄", "賬號", "賬戶", "郵箱", "文件夾", "數據庫", "服務器", "網絡", "菜單",
            "屏幕", "鼠標", "緩存", "字段", "鏈接", "接口", "調用", "導出", "導入", "字符")


def _hant_texts() -> dict[str, str]:
    """Every zh-Hant text orgspec shows, by where it is: the catalog's msgstrs and the init
    templates."""
    with (LOCALE_DIR / "zh_Hant" / "LC_MESSAGES" / "orgspec.po").open("rb") as fh:
        cat = read_po(fh)
    out = {f"po:{m.context or ''}:{m.id}": m.string if isinstance(m.string, str)
           else "\n".join(m.string) for m in cat if m.id}
    base = REPO / "templates" / "init" / "zh_Hant"
    out |= {f"init:{p.relative_to(base)}": p.read_text("utf-8")
            for p in sorted(base.rglob("*")) if p.is_file()}
    return out


def test_no_mainland_term_in_any_zh_hant_text() -> None:
    found = {where: [w for w in MAINLAND if re.search(w, text)]
             for where, text in _hant_texts().items()}
    assert {where: words for where, words in found.items() if words} == {}


@pytest.mark.parametrize(("msgid", "taiwan"), [
    ("no GitLab token: set ORGSPEC_GITLAB_TOKEN or GITLAB_TOKEN, a masked CI/CD variable "
     "holding an access token with the `api` scope", "具有 `api` 權限範圍的存取權杖"),
    ("refusing to send the token to {host!r} over http", "拒絕透過 http 把權杖傳送給"),
    ('"提升用户活跃度" is an intention, not a key result; "月活跃用户数从120万增长到132万" is '
     "one.", "「月活躍使用者數從120萬成長到132萬」"),
])
def test_the_catalog_says_taiwans_word(msgid: str, taiwan: str) -> None:
    texts = _hant_texts()
    assert taiwan in texts[f"po::{msgid}"]


def test_the_gitlab_starter_file_says_access_token_as_gitlab_taiwan_does() -> None:
    text = (REPO / "templates" / "init" / "zh_Hant" / "_gitlab-ci.yml").read_text("utf-8")
    assert "具有 `api` 權限範圍的存取權杖" in text


def test_the_conversions_say_user_and_token_as_taiwan_does() -> None:
    assert prose("具有 `api` 权限范围的访问令牌；“提升用户活跃度”") == \
        "具有 `api` 權限範圍的存取權杖；「提升使用者活躍度」"
    assert script("title: 月活跃用户数从120万增长到132万") == \
        "title: 月活躍使用者數從120萬成長到132萬"


@pytest.mark.parametrize("code", ["OK003", "OK005", "PR005"])
def test_explain_examples_say_user_as_taiwan_does(code: str) -> None:
    run = run_cli("explain", code, "--lang", "zh-Hant")
    assert run.code == 0, run.stderr
    assert "使用者" in run.stdout and "用戶" not in run.stdout
