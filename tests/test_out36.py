"""Trial 36 (a mainland ops lead on GitLab CI who pastes the chat message into WeCom):
what a copied README snippet, an unset CI variable, one run's two outputs, an incomplete
load, one charter mistake, an empty member list, the handbook's counts and `--diff main`
in a `master` repository did."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, run_cli

# --- 1. an unset CI variable in `--link "$VAR"` ------------------------------------------------

# What GitLab CI and GitHub Actions define for every job (their "predefined variables"), and
# what the README tells the reader to keep in the CI's secret store.
CI_DEFINED = re.compile(r"CI_[A-Z_]+|GITHUB_[A-Z_]+")
README_SECRETS = {"WECOM_WEBHOOK", "DINGTALK_WEBHOOK", "FEISHU_WEBHOOK", "DINGTALK_SECRET",
                  "GITLAB_TOKEN"}


def test_readme_shell_snippets_use_only_variables_ci_defines_or_the_readme_says_to_set() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    for block in re.findall(r"```sh\n(.*?)```", readme, re.S):
        assigned = set(re.findall(r"^([A-Z_]+)=", block, re.M))
        for line in block.splitlines():
            code = re.sub(r"'[^']*'", "''", line.split("  #", 1)[0])  # jq's $md is not shell
            for name in re.findall(r"\$\{?([A-Za-z_]\w*)", code):
                assert (CI_DEFINED.fullmatch(name) or name in README_SECRETS
                        or name in assigned), (name, line)


def test_readme_links_the_chat_message_to_each_platforms_run_page() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    chat = readme.split("### Chat message", 1)[1].split("\n### ")[0]
    assert '--link "$CI_JOB_URL"' in chat  # GitLab
    assert ('--link "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"'
            in chat)


@pytest.mark.parametrize("command", ["check", "report"])
@pytest.mark.parametrize("link", ["", " "])
def test_an_empty_link_is_no_link_so_an_unset_variable_does_not_fail_the_check(
        tmp_path: Path, command: str, link: str) -> None:
    target = tmp_path / "chat.md"
    run = run_cli(command, "examples/ecommerce", "--lang", "zh", "--report" if command == "check"
                  else "-o", f"chat={target}" if command == "check" else str(target),
                  "--link", link, *(["--format", "chat"] if command == "report" else []))
    assert run.code == (1 if command == "check" else 0), run.stderr
    assert "--link" not in run.stderr
    text = target.read_text("utf-8")
    assert text.startswith("**组织报告**\n") and "完整报告" not in text and "](" not in text


@pytest.mark.parametrize("command", ["check", "report"])
def test_an_empty_link_without_the_chat_format_is_no_link_either(command: str) -> None:
    run = run_cli(command, "examples/ecommerce", "--lang", "en", "--link", "")
    assert run.code == (1 if command == "check" else 0), run.stderr
    assert "are for the chat message" not in run.stderr
