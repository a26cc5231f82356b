"""The HTML report in real headless Chromium: loads offline, filters, sorts, draws, stays inert.

Needs Debian's `chromium` (or ORGSPEC_CHROMIUM) and Playwright for Python. Without them the
tests skip with the reason locally; under CI they fail, because `.ci/run` installs both.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.report.render import render_html
from orgspec.report.view import build_view

ARTIFACTS = Path(os.environ.get("ORGSPEC_ARTIFACTS", REPO / "build" / "test-artifacts"))
CHROMIUM = (os.environ.get("ORGSPEC_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _missing() -> str | None:
    if not CHROMIUM:
        return "no chromium on PATH (apt-get install chromium, or set ORGSPEC_CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install playwright)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


class Loaded:
    """A page with everything it tried to do recorded."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.url = path.as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: m.type in ("error", "warning")
                     and self.errors.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _route(self, route: Any) -> None:
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visible_rules(self) -> list[str]:
        rules: list[str] = self.page.eval_on_selector_all(
            "#findings-table tbody tr", "rows => rows.filter(r => !r.hidden)"
            ".map(r => r.dataset.rule)")
        return rules


@pytest.fixture(scope="module")
def ecommerce(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    run = run_cli("report", "examples/ecommerce", "--format", "html", "-o", str(out))
    assert run.code == 0, run.stderr
    loaded = Loaded(browser, out)
    yield loaded
    loaded.page.close()


def test_page_loads_offline_without_errors(ecommerce: Loaded) -> None:
    assert ecommerce.errors == []
    assert ecommerce.requests == [ecommerce.url]  # nothing but the file itself
    assert ecommerce.page.title() == "组织报告"


def test_filters_change_the_visible_rows(ecommerce: Loaded) -> None:
    page = ecommerce.page
    everything = ["OK004", "OK003", "RO004", "RO001", "PR001", "MT004", "OW001"]
    assert ecommerce.visible_rules() == everything
    page.select_option("#f-severity", "warning")
    assert ecommerce.visible_rules() == ["RO004", "RO001", "MT004"]
    assert page.text_content("#f-count") == "3"
    page.select_option("#f-severity", "")
    page.select_option("#f-team", "tech")  # with its sub-team order-platform (MT004)
    assert ecommerce.visible_rules() == ["OK003", "MT004", "OW001"]
    page.select_option("#f-team", "")
    page.select_option("#f-rule", "OW001")
    assert ecommerce.visible_rules() == ["OW001"]
    page.select_option("#f-rule", "")
    page.fill("#f-search", "待定")
    assert ecommerce.visible_rules() == ["PR001"]
    page.fill("#f-search", "")
    assert ecommerce.visible_rules() == everything
    page.click("a[data-rule=PR001]")  # a rule in the summary filters the table
    assert ecommerce.visible_rules() == ["PR001"]
    page.select_option("#f-rule", "")


@pytest.mark.parametrize(("team", "rules"), [
    # OW001: user-feedback has two accountable teams; MT004: two teams share a duty
    ("customer-service", ["RO001", "MT004", "OW001"]),
    ("tech", ["OK003", "MT004", "OW001"]),  # and the teams below: order-platform
    ("order-platform", ["MT004"]),
])
def test_the_team_filter_matches_every_team_a_finding_involves(
        ecommerce: Loaded, team: str, rules: list[str]) -> None:
    page = ecommerce.page
    page.select_option("#f-team", team)
    assert ecommerce.visible_rules() == rules
    assert page.text_content("#f-count") == str(len(rules))
    page.select_option("#f-severity", "error")  # and with another filter
    assert ecommerce.visible_rules() == [r for r in rules if r in ("OK003", "OW001")]
    page.select_option("#f-severity", "")
    page.select_option("#f-team", "")


def test_columns_sort_both_ways(ecommerce: Loaded) -> None:
    page = ecommerce.page
    header = page.locator("#findings-table thead th").nth(1)
    header.locator("button").click()
    ascending = ["MT004", "OK003", "OK004", "OW001", "PR001", "RO001", "RO004"]
    assert ecommerce.visible_rules() == ascending
    assert header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    assert ecommerce.visible_rules() == ascending[::-1]
    page.locator("#findings-table thead th").nth(0).locator("button").click()
    severities = page.eval_on_selector_all("#findings-table tbody tr",
                                           "rows => rows.map(r => r.dataset.severity)")
    assert severities == ["error"] * 4 + ["warning"] * 3


def test_diagrams_are_drawn(ecommerce: Loaded) -> None:
    boxes = ecommerce.page.eval_on_selector_all(
        "svg.diagram", "svgs => svgs.map(s => { const b = s.getBBox(); "
        "return [b.width, b.height, s.querySelectorAll('rect').length, "
        "s.querySelectorAll('text').length]; })")
    assert len(boxes) == 4
    for width, height, rects, texts in boxes:
        assert width > 100 and height > 40 and rects >= 4 and texts >= rects
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "report-ecommerce.png"
    ecommerce.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000


def test_chinese_text_is_laid_out(ecommerce: Loaded) -> None:
    # Each CJK character takes real width: a system font was found, not zero-width boxes.
    width = ecommerce.page.evaluate(
        "() => { const s = document.createElement('span'); s.textContent = '组织报告';"
        " document.body.append(s); const w = s.getBoundingClientRect().width; s.remove();"
        " return w; }")
    assert width > 30


def test_hostile_report_runs_no_user_script(browser: Any, hostile_org: Path,
                                             tmp_path: Path) -> None:
    result, org = lint_org([str(hostile_org)], Config(extends="strict"))
    out = tmp_path / "hostile.html"
    out.write_text(render_html(build_view(result, org, "en")), "utf-8")
    loaded = Loaded(browser, out)
    page = loaded.page
    page.select_option("#f-severity", "error")
    page.click("#findings-table thead th button")
    page.fill("#f-search", "script")
    assert loaded.dialogs == [] and loaded.errors == []
    assert loaded.requests == [loaded.url]
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    assert "<script>alert(1)</script>" in page.text_content("body")
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.protocol)")
    assert set(hrefs) <= {"file:", "https:"}
    loaded.page.close()


def test_large_tables_page_and_stay_filterable(browser: Any, write_org: Any,
                                               tmp_path: Path) -> None:
    duties = "".join(f"- {{kind: Responsibility, id: d{i:04d}, description: duty {i}, "
                     f"accountable: TBD}}\n" for i in range(1200))
    result, org = lint_org([str(write_org({"duties.yaml": duties}))], Config())
    out = tmp_path / "big.html"
    out.write_text(render_html(build_view(result, org, "en")), "utf-8")
    loaded = Loaded(browser, out)
    page = loaded.page
    assert len(loaded.visible_rules()) == 500  # one page of rows in the table
    assert page.text_content("#f-count") == "1200"
    page.click("#f-more")
    assert len(loaded.visible_rules()) == 1000
    page.click("#f-more")
    assert len(loaded.visible_rules()) == 1200 and page.locator("#f-more").is_hidden()
    page.fill("#f-search", "d1199")
    assert page.text_content("#f-count") == "1" and loaded.errors == []
    page.close()


def test_prints_without_controls(ecommerce: Loaded, tmp_path: Path) -> None:
    page = ecommerce.page
    page.emulate_media(media="print")
    try:
        assert page.locator(".filters").is_hidden() and page.locator("nav").is_hidden()
        assert page.locator("svg.diagram").first.is_visible()
        pdf = page.pdf(path=str(tmp_path / "report.pdf"))
        assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    finally:
        page.emulate_media(media="screen")


# For each process flowchart: [lines, boxes, [path index, box index] of every line sampled
# deeper than 3px inside a box] (a line may only touch the boxes it starts or ends at).
CROSSINGS = """svgs => svgs.map(svg => {
  const rects = [...svg.querySelectorAll('rect')].map(r => r.getBBox());
  const paths = [...svg.querySelectorAll('path')];
  const hits = [];
  paths.forEach((p, i) => {
    const len = p.getTotalLength();
    for (let s = 0; s <= len; s += 2) {
      const pt = p.getPointAtLength(s);
      rects.forEach((r, j) => {
        if (pt.x > r.x + 3 && pt.x < r.x + r.width - 3 && pt.y > r.y + 3
            && pt.y < r.y + r.height - 3) hits.push([i, j]);
      });
    }
  });
  return [paths.length, rects.length, hits];
})"""


def test_flowchart_lines_pass_no_box(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "flow.html"
    run = run_cli("report", str(REPO / "tests" / "fixtures" / "flowcharts"), "--format", "html",
                  "-o", str(out))
    assert run.code == 0, run.stderr
    loaded = Loaded(browser, out)
    page = loaded.page
    drawn = page.eval_on_selector_all("#processes svg.diagram", CROSSINGS)
    # in the names' order (trial 33a): dacu-incident (a broken link, an unreachable step),
    # release (loops back, a step repeating itself), complaint-flow (handle -> close skips
    # escalate)
    assert [(lines, boxes) for lines, boxes, _ in drawn] == [(5, 6), (12, 7), (4, 4)]
    assert [hits for _, _, hits in drawn] == [[], [], []]
    keys = page.eval_on_selector_all("#processes ul.legend", "us => us.map(u => [...u.children]"
                                     ".map(li => li.textContent.trim()))")
    assert keys == [["从起始步骤无法到达的步骤", "指向不存在步骤的链接"], ["回到前面的步骤"]]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator("#processes").screenshot(path=str(ARTIFACTS / "report-flowcharts.png"))
    assert loaded.errors == [] and loaded.requests == [loaded.url]
    page.close()


MERMAID_JS = REPO / "build" / "npm" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
# The boxes of a rendered flowchart: its key, and every step, line and line label outside it
# (the key's own sample boxes `k0`, `ka0`, `kb0` and their arrow are inside it).
KEY_AND_REST = """async ([text, n]) => {
  const {svg} = await mermaid.render('f' + n, text);
  const div = document.createElement('div');
  div.innerHTML = svg;
  document.body.appendChild(div);
  const box = e => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  };
  const own = /(^|[-_])k[ab]?\\d+([-_]|$)/;
  const key = [...div.querySelectorAll('g.cluster')].map(box);
  const rest = [
    ...[...div.querySelectorAll('g.node')].filter(g => !own.test(g.id)).map(g => [g.id, box(g)]),
    ...[...div.querySelectorAll('path.flowchart-link')].filter(p => !own.test(p.id))
      .map(p => [p.id, box(p)]),
    ...[...div.querySelectorAll('g.edgeLabel')].filter(g => g.textContent.trim())
      .map(g => [g.textContent, box(g)])];
  div.remove();
  return {key, rest};
}"""


@pytest.fixture(scope="module")
def mermaid_page(browser: Any) -> Iterator[Any]:
    if not MERMAID_JS.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"npm mermaid must be installed in CI ({MERMAID_JS})")
        pytest.skip(f"npm mermaid is not installed ({MERMAID_JS})")
    page = browser.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(MERMAID_JS))
    page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
    yield page
    page.close()


def _flowcharts_with_a_key() -> list[tuple[str, str]]:
    """(name, Mermaid text) of every process flowchart with a key: the flowcharts fixture
    and the e-commerce example in Chinese and English, and random processes whose marks
    (a step with no owner, one the start does not reach, a `next` to no step, a loop back)
    the key explains."""
    from random import Random

    from orgspec.report.diagram import FlowStep
    from orgspec.report.graph_export import flowchart_mermaid
    from orgspec.report.labels import LABELS

    out = []
    for root in (REPO / "tests" / "fixtures" / "flowcharts", REPO / "examples" / "ecommerce"):
        result, org = lint_org([str(root)], Config())
        for lang in ("zh", "en"):
            out += [(f"{root.name} {p.id} {lang}", p.mermaid)
                    for p in build_view(result, org, lang).processes if "subgraph" in p.mermaid]
    for seed in range(24):
        rng = Random(seed)
        keys = [f"s{i}" for i in range(rng.randint(2, 18))]
        steps = [FlowStep(k, f"步骤 {k}", rng.choice(["", "客服部", "仓储物流部"]),
                          rng.sample([*keys, "nope"], rng.randint(0, 3)),
                          rng.choice(["step", "step", "step step-unreachable"]))
                 for k in keys]
        out.append((f"random {seed}", flowchart_mermaid(steps, "random", "no such step",
                                                        LABELS["zh" if seed % 2 else "en"])))
    return out


def test_the_mermaid_key_lies_clear_of_the_flowchart(mermaid_page: Any) -> None:
    """Mermaid lays the key (a subgraph) out with the steps; it must not cover a step, a
    line or a line's label (it used to sit beside the first steps, over their lines)."""
    def apart(a: list[float], b: list[float]) -> bool:
        return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]

    from orgspec.report.labels import LABELS

    own = {LABELS[lang]["legend_back"] for lang in ("en", "zh")}  # the key's sample arrow
    charts = _flowcharts_with_a_key()
    assert len(charts) > 24 + 4
    for n, (name, text) in enumerate(charts):
        drawn = mermaid_page.evaluate(KEY_AND_REST, [text, n])
        [key] = drawn["key"]
        rest = [(what, box) for what, box in drawn["rest"] if what not in own]
        assert len(rest) > 1, name
        assert [what for what, box in rest if not apart(key, box)] == [], name


@pytest.mark.parametrize(("lang", "order"), [
    ("en", ["技術部", "客服部", "Ops組", "行銷部", "營運部"]),  # pinyin: jì kè o xíng yíng
    ("zh-Hant", ["行銷部", "技術部", "客服部", "營運部", "Ops組"]),  # strokes 6 7 9 17, Latin last
])
def test_the_team_column_sorts_as_orgspec_lists_teams(browser: Any, write_org: Any,
                                                      tmp_path: Path, lang: str,
                                                      order: list[str]) -> None:
    # the cells' keys are orgspec's order (view.team_place): by its own collation the browser
    # sorts en by code point (Ops組 客 技 營 行); for zh-Hant Chromium's ICU (CLDR stroke
    # order, Latin after Han) agrees with orgspec, an independent check of the order
    teams = "".join(f"- {{kind: Team, id: t{i}, name: {name}}}\n"
                    for i, name in enumerate(["營運部", "Ops組", "客服部", "技術部", "行銷部"]))
    result, org = lint_org([str(write_org({"teams.yaml": teams}))], Config(lang=lang))
    out = tmp_path / "teams.html"
    out.write_text(render_html(build_view(result, org, lang)), "utf-8")
    loaded = Loaded(browser, out)
    page = loaded.page
    page.locator("#findings-table thead th").nth(4).locator("button").click()
    cells = page.eval_on_selector_all("#findings-table tbody tr",
                                      "rows => rows.map(r => r.cells[4].textContent)")
    assert list(dict.fromkeys(cells)) == order and loaded.errors == []
    page.close()
