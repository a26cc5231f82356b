"""The HTML report: golden output, a strict page structure, and hostile text kept inert."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, assert_golden, run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.report.render import render_html, safe_href
from orgspec.report.view import Links, build_view
from orgspec.run import CiEnv, view_links

FIXED_DATE = {"SOURCE_DATE_EPOCH": "1700000000"}  # 2023-11-14


def scrub(html: str) -> str:
    """The report without the orgspec version, so goldens survive a release."""
    return re.sub(r"orgspec \d+\.\d+\.\d+\S*?(?=[\s\"<])", "orgspec VERSION", html)


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside <style> and <script>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"style": [], "script": []}
        self._open: str | None = None
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._open = tag
            self.raw[tag].append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.raw[self._open][-1] += data
        else:
            self.text.append(data)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def assert_strict_page(html: str) -> Page:
    """One inline style and one inline script, both allowed by hash; no other way to run
    code or reach the network."""
    page = Page(html)
    names = [t for t, _ in page.tags]
    assert names[:4] == ["html", "head", "meta", "meta"]
    assert page.tags[2][1] == {"charset": "utf-8"}
    csp = page.tags[3][1]
    assert csp["http-equiv"] == "Content-Security-Policy"
    policy = dict(part.strip().split(" ", 1) for part in (csp["content"] or "").split(";"))
    assert policy["default-src"] == "'none'" and policy["base-uri"] == "'none'"
    assert policy["style-src"] == _sha(page.raw["style"][0])
    assert policy["script-src"] == _sha(page.raw["script"][0])
    assert names.count("style") == 1 and names.count("script") == 1
    assert not {"link", "img", "iframe", "object", "embed", "form", "base"} & set(names)
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on") or a in ("style", "src", "srcdoc")], tag
        if "href" in attrs:
            href = attrs["href"] or ""
            assert href.startswith(("#", "https://")) or ":" not in href.split("/", 1)[0], href
    return page


def test_ecommerce_html_report_matches_golden() -> None:
    run = run_cli("report", "examples/ecommerce", "--format", "html", "--lang", "zh",
                  env=FIXED_DATE)
    assert run.code == 0, run.stderr
    assert "2023-11-14" in run.stdout
    assert_golden("report-ecommerce.html", scrub(run.stdout))


def test_minimal_html_report_matches_golden() -> None:
    run = run_cli("report", "examples/minimal", "--format", "html", env=FIXED_DATE)
    assert run.code == 0, run.stderr
    assert_golden("report-minimal.html", scrub(run.stdout))


def test_report_page_is_strict_and_complete() -> None:
    html = run_cli("report", "examples/ecommerce", "--format", "html").stdout
    page = assert_strict_page(html)
    rows = [a for t, a in page.tags if t == "tr" and "data-rule" in a]
    assert [(r["data-rule"], r["data-severity"]) for r in rows] == [
        ("OK004", "error"), ("OK003", "error"), ("RO004", "warning"),
        ("RO001", "warning"), ("PR001", "error"), ("MT004", "warning"), ("OW001", "error")]
    assert [r["data-team"] for r in rows] == [
        "operations company", "tech company", "operations company",
        "customer-service company", "company", "customer-service company order-platform tech",
        "customer-service company tech"]  # MT004's, OW001's teams; each with the teams above
    svgs = [a for t, a in page.tags if t == "svg" and a.get("class") == "diagram"]
    assert len(svgs) == 4  # team tree, OKR tree, two processes
    assert html.count('<g class="step step-gap">') == 1  # the postmortem owned by 待定
    assert html.count('<g class="kr-bad">') == 2  # the vague and the activity key results
    assert "A</td>" in html and "badge b-overlap" in html  # the RACI matrix and its overlap


def test_check_writes_several_reports_from_one_run(tmp_path: Path) -> None:
    run = run_cli("check", "examples/ecommerce", "--report", f"html={tmp_path / 'r.html'}",
                  "--report", f"markdown={tmp_path / 'r.md'}", "--format", "json")
    assert run.code == 1
    html = (tmp_path / "r.html").read_text("utf-8")
    assert_strict_page(html)
    assert (tmp_path / "r.md").read_text("utf-8").startswith("# 组织报告\n")
    assert html.count("<tr data-severity=") == len(run.json()["findings"]) == 7


def test_hostile_text_is_inert_in_html(hostile_org: Path) -> None:
    result, org = lint_org([str(hostile_org)], Config(extends="strict"))
    html = render_html(build_view(result, org, "en"))
    page = assert_strict_page(html)
    text = "".join(page.text)
    assert "<script>alert(1)</script> @everyone #12 a|b" in text  # shown, as text
    assert "\"><img src=x onerror=alert(1)>" in text
    assert "alert(" not in page.raw["script"][0]
    assert "javascript%3Aalert%281%29.yaml" in html
    assert not re.search(r"""href=["']?\s*javascript""", html, re.I)
    assert ("<script>alert(3)</script>" * 4) in text  # the 10,000-character description
    # a position's English name (`names.en`) is shown in its place, as text; its bidi
    # override made visible, never written raw
    assert "<img src=x onerror=alert(7)> [U+202E][x](javascript:alert(7)) c|d" in text
    assert "\u202e" not in html and "<img src=x onerror=alert(7)>" not in html
    assert "间谍" not in text


@pytest.mark.parametrize(("url", "safe"), [
    ("org/a.yaml", "org/a.yaml"), ("https://github.com/o/r/blob/s/a.yaml#L3", None),
    ("javascript:alert(1)", "#"), ("JaVaScRiPt:x", "#"), ("data:text/html,x", "#"),
    ("//evil.example/x", "#"), ("/abs/org.yaml", "/abs/org.yaml")])
def test_safe_href(url: str, safe: str | None) -> None:
    assert safe_href(url) == (safe or url)


def _env_links() -> Links:
    """The links the CLI would pass: the CI environment read once at the edge."""
    return view_links(CiEnv.from_environ(os.environ))


def test_links_point_at_the_commit_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "acme/org")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    result, org = lint_org(["examples/ecommerce"], Config())
    view = build_view(result, org, links=_env_links())
    assert view.rows[0].link == (
        "https://github.com/acme/org/blob/abc123/examples/ecommerce/okrs/2026-q1.yaml#L26")


def test_user_templates_override_and_bad_ones_fail_cleanly(tmp_path: Path) -> None:
    (tmp_path / "report.css").write_text("body{color:red}", "utf-8")
    run = run_cli("report", "examples/minimal", "--format", "html", "--templates", str(tmp_path))
    assert run.code == 0 and "<style>body{color:red}</style>" in run.stdout
    assert_strict_page(run.stdout)  # the hash follows the new CSS
    (tmp_path / "report.js").write_text("</script><script>alert(1)", "utf-8")
    run = run_cli("report", "examples/minimal", "--format", "html", "--templates", str(tmp_path))
    assert run.code == 2 and run.stderr.count("\n") == 1, run.stderr
    assert "cannot inline" in run.stderr
    (tmp_path / "report.js").unlink()
    (tmp_path / "report.html.j2").write_text("{{ v.no_such_field }}", "utf-8")
    run = run_cli("report", "examples/minimal", "--format", "html", "--templates", str(tmp_path))
    assert run.code == 2 and run.stderr.startswith("orgspec: error: template"), run.stderr


def test_large_diagrams_are_cut_with_a_note(write_org) -> None:
    teams = "".join(f"- {{kind: Team, id: t{i}, parent: root}}\n" for i in range(399))
    org_dir = write_org({"t.yaml": "- {kind: Team, id: root}\n" + teams})
    result, org = lint_org([str(org_dir)], Config())
    view = build_view(result, org, "en")
    assert (view.team_diagram.shown, view.team_diagram.total) == (300, 400)
    assert "The diagram shows 300 of 400" in render_html(view)



def test_links_are_relative_to_the_workspace(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "acme/org")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(REPO / "examples"))
    result, org = lint_org([str(REPO / "examples" / "ecommerce")], Config())
    assert build_view(result, org, links=_env_links()).rows[0].link == (
        "https://github.com/acme/org/blob/abc123/ecommerce/okrs/2026-q1.yaml#L26")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))  # outside: a relative path
    assert not build_view(result, org, links=_env_links()).rows[0].link.startswith("https:")


def test_one_view_model_serves_every_report_of_a_run(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    from click.testing import CliRunner

    import orgspec.report.view
    from orgspec.cli import main

    built = []
    real = orgspec.report.view.build_view

    def counting(*args: object, **kwargs: object) -> orgspec.report.view.ReportView:
        built.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(orgspec.report.view, "build_view", counting)
    summary = tmp_path / "summary.md"
    result = CliRunner().invoke(main, [
        "check", str(REPO / "examples" / "ecommerce"), "--format", "github",
        "--report", f"html={tmp_path / 'r.html'}", "--report", f"markdown={tmp_path / 'r.md'}"],
        env={"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1, result.output
    assert built == [1]
    assert summary.read_text("utf-8").startswith("# 组织报告")
    assert (tmp_path / "r.html").stat().st_size > 10_000
