"""The Markdown report: golden output on the example, inert hostile text, size limits."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import assert_golden, run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.report.render import render_markdown, truncate_markdown
from orgspec.report.view import build_view


def test_ecommerce_markdown_report_matches_golden() -> None:
    run = run_cli("report", "examples/ecommerce", "--lang", "zh")
    assert run.code == 0, run.stderr
    assert_golden("report-ecommerce.md", run.stdout)


def test_labels_follow_the_content_or_the_flag() -> None:
    assert run_cli("report", "examples/minimal").stdout.startswith("# Org report\n")
    assert run_cli("report", "examples/minimal", "--lang", "zh").stdout.startswith("# 组织报告\n")


def test_hostile_text_is_inert(hostile_org: Path) -> None:
    result, org = lint_org([str(hostile_org)], Config(extends="strict"))
    text = render_markdown(build_view(result, org, "en"))
    outside_fences = re.sub(r"```mermaid\n.*?```", "", text, flags=re.S)
    raw_tags = re.findall(r"(?<!\\)(?<!\]\()<(?!/?details|/?summary|br/>)[a-z/]",
                          outside_fences)  # `](<path>)` is orgspec's own link
    assert raw_tags == []  # user tags appear only backslash-escaped, as text
    # a link needs an unescaped `](`: `\[x\](javascript:...)` is text
    assert not re.search(r"(?<!\\)\]\(<?javascript", text)
    assert not re.search(r"(?<!\\)!\[", text)
    # the position's English name (`names.en`) is the one shown, escaped like any name;
    # its bidi override is shown as its escape (`\u202e`, as the text output shows it),
    # never written raw
    assert "\\<img src=x onerror=alert(7)> \\\\u202e\\[x\\](javascript:alert(7)) c\\|d" in text
    assert "\u202e" not in text and "间谍" not in text
    assert "javascript%3Aalert%281%29.yaml" in text
    # Mentions get a ZWSP outside the Mermaid fences; GitHub links nothing inside a fence,
    # and there the label must read back as the user wrote it (tests/test_contracts.py).
    assert "@everyone" not in outside_fences and "@octocat" not in outside_fences
    assert "@here" not in outside_fences
    assert "#12" not in outside_fences
    # a hostile title's `</details>` is written escaped (`\\</details>`), which is inert
    raw = text.replace("\\</details>", "").replace("\\<details>", "")
    assert raw.count("<details>") == raw.count("</details>")
    assert text.count("```") % 2 == 0
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|") and "a\\|b" in line:
            rule = next(lines[j] for j in (i + 1, *range(i, 0, -1))  # a header's is next
                        if lines[j].startswith("|---"))
            # the pipe in the name did not add a cell: as many as the table's rule line
            assert len(re.split(r"(?<!\\)\|", line)) == len(re.split(r"\|", rule))
    mermaid = re.findall(r"```mermaid\n(.*?)```", text, flags=re.S)
    assert all("<script" not in m and "`" not in m for m in mermaid)


def test_truncation_keeps_markdown_balanced() -> None:
    text = "# r\n\n<details><summary>x</summary>\n\n```mermaid\n" + "a\n" * 5000 + "```\n"
    cut = truncate_markdown(text + "</details>\n", 2000)
    assert len(cut) <= 2000 and cut.endswith("see the full report._\n")
    assert cut.count("```") % 2 == 0 and cut.count("<details>") == cut.count("</details>")


def test_deep_tree_renders_without_recursion(write_org) -> None:
    teams = "\n".join(f"- {{kind: Team, id: t{i}{f', parent: t{i - 1}' if i else ''}}}"
                      for i in range(3000))
    result, org = lint_org([str(write_org({"t.yaml": teams}))], Config())
    text = render_markdown(build_view(result, org, "en"), limit=10_000_000)
    assert "(`t2999`)" in text


def test_user_markdown_template_is_escaped_too(tmp_path: Path, hostile_org: Path) -> None:
    (tmp_path / "report.md.j2").write_text(
        "{% for r in v.rows %}{{ r.message }} / {{ r.code|safe_md }}\n{% endfor %}", "utf-8")
    run = run_cli("report", str(hostile_org), "--isolated", "--templates", str(tmp_path))
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines() == [
        "duty 'long' has no accountable owner (written as 'TBD') / OW002",
        # the objective's (hostile) title beside its id, escaped like the rest
        # the key result by its (hostile) text, escaped alike
        "key result 提升 \\<img src=x> @\u200boctocat \\| \\`code\\` (kr) of "
        "\\</details>\\<script>alert(2)\\</script> (grow) "
        "is vague: '提升' without a target value / OK004",
        # the bidi override in a position's English name (`names.en`)
        "value contains the control or invisible character U+202E / IN003"]


def test_a_flowchart_past_mermaids_limits_becomes_a_note(write_org) -> None:
    steps = "".join(f"  - {{id: s{i}, owner: a, next: [s{i + 1}]}}\n" for i in range(501))
    root = write_org({"p.yaml": f"kind: Process\nid: p\nowner: a\nsteps:\n{steps}"
                      "  - {id: s501, owner: a}\n---\nkind: Team\nid: a\n"})
    result, org = lint_org([str(root)])
    text = render_markdown(build_view(result, org, "en"), limit=10**7)
    assert "```mermaid" not in text
    assert ("Too large for a Mermaid diagram (process 'p' has 501 edges (Mermaid "
            "draws at most 500)); the HTML report draws it.") in text
