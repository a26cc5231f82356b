"""Trial 8: `explain` speaks the reader's language throughout. No internal reference (the
founders' "seed 003") reaches a user, and the examples' prose comments are translated for zh
and zh-Hant, while directives (`# orgspec: ignore[...]`, `# rule-options:`) stay as written."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, run_cli

from orgspec.engine.registry import registry
from orgspec.i18n.comments import prose_comments, translate
from orgspec.report.docsgen import explain, shown_example

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_no_internal_seed_references_reach_users() -> None:
    texts = [p.read_text("utf-8") for p in (REPO / "rules").glob("*.yaml")]
    texts += [p.read_text("utf-8") for p in (REPO / "orgspec" / "i18n" / "locale").rglob("*.po")]
    texts.append((REPO / "docs" / "rules.md").read_text("utf-8"))
    leaks = [m.group(0) for t in texts
             for m in re.finditer(r"\((?:see )?seed[^)]*\)|种子文档|種子文檔", t, re.IGNORECASE)]
    assert leaks == []
    run = run_cli("explain", "MT004", "--lang", "zh")
    assert run.code == 0 and "沟通机制，一个双方碰头的地方" in run.stdout
    assert "种子" not in run.stdout and "seed" not in run.stdout


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_example_comments_are_in_the_readers_language(lang: str) -> None:
    untranslated = []
    for meta in registry().values():
        for which in ("bad", "good"):
            text = shown_example(meta, which, lang) or ""
            untranslated += [f"{meta.code} {which}: {c.text}" for c in prose_comments(text)
                             if not CJK.search(c.text)]
    assert untranslated == []
    out = explain(registry()["MT004"], lang)
    assert ("# 三个团队共担一项职责" if lang == "zh" else "# 三個團隊共擔一項職責") in out
    assert "Three teams" not in out


def test_directives_stay_as_written() -> None:
    su003 = explain(registry()["SU003"], "zh")
    assert "# orgspec：ignore[HI005] the lead is being hired" in su003  # the typo it shows
    assert "expect:" not in su003
    text = "a: 1  # x\n# orgspec: ignore[X1] why\n# rule-options: {}\n  # one\n  # two\nb: '#'\n"
    assert [c.text for c in prose_comments(text)] == ["x", "one two"]
    assert translate(text, str.upper) == (
        "a: 1  # X\n# orgspec: ignore[X1] why\n# rule-options: {}\n  # ONE TWO\nb: '#'\n")


def test_english_explain_keeps_the_examples_as_written() -> None:
    out = explain(registry()["MT004"], "en")
    assert "# Only teams already named above: the meeting that closes ad-tracking closes " \
           "this too, so it\n  # is listed there" in out
