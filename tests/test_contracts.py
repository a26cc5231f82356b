"""Every output, fed to the real program that reads it.

- Mermaid blocks (graph export, process flowcharts, the Markdown report's fences): npm
  `mermaid` (pinned in .ci/run), its bundled `dist/mermaid.min.js` in headless Chromium;
- the Markdown report: Debian `cmark-gfm` with GitHub's extensions;
- JUnit (`junit`, `junit-suite`): the Jenkins xUnit `junit-10.xsd` (tests/data) via lxml,
  and `junitparser`;
- GraphML: networkx `read_graphml` and python-igraph `Read_GraphML`;
- GEXF: the GEXF 1.2 schema's rules via lxml (the XSD is not kept: tests/data/README.md),
  and networkx `read_gexf`;
- node-link JSON: networkx `node_link_graph`;
- DOT: Graphviz `dot -Tsvg` (small orgs) and Graphviz `gc` (the 500-team org).

Inputs: both examples, every hostile fixture, the hostile-readers fixture and the 500-team
synthetic org of benchmarks/generate.py. A reader that is missing skips its tests locally,
with the reason, and fails them under CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, REPO

from orgspec import reporters
from orgspec.engine.lint import lint_org
from orgspec.escape import neutralise
from orgspec.findings import LintResult
from orgspec.load.config import Config
from orgspec.model.graph import build_graph
from orgspec.model.org import Org
from orgspec.report.graph_export import DiagramTooLarge, claims, export, plain
from orgspec.report.render import render_markdown
from orgspec.report.view import build_view

DATA = Path(__file__).resolve().parent / "data"
MERMAID_JS = Path(os.environ.get(
    "ORGSPEC_MERMAID_JS", REPO / "build" / "npm" / "node_modules" / "mermaid" / "dist" /
    "mermaid.min.js"))
CHROMIUM = os.environ.get("ORGSPEC_CHROMIUM") or shutil.which("chromium")
SAMPLE = 8  # Mermaid blocks of the 500-team org drawn in the browser (the rest: size check)


def need(what: str, present: bool) -> None:
    """Skip (locally) or fail (CI) when a reader is missing."""
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} must be installed under CI (.ci/run installs it)")
    pytest.skip(f"{what} is not installed (see .ci/run)")


def _importable(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


@dataclass
class Case:
    """One input org and every output of it."""

    name: str
    result: LintResult
    org: Org
    big: bool = False
    graph: Any = field(init=False)
    exports: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.graph = build_graph(self.org)

    @cached_property
    def plain(self) -> Any:
        return plain(self.graph)

    def out(self, fmt: str) -> str:
        """The graph export in `fmt`, made once per session."""
        if fmt not in self.exports:
            self.exports[fmt] = export(self.graph, fmt)
        return self.exports[fmt]

    @cached_property
    def markdown(self) -> str:
        return render_markdown(build_view(self.result, self.org, "zh"), limit=10**8)

    def mermaid_blocks(self) -> list[str]:
        """The graph export (when it fits Mermaid) and every fence of the Markdown report."""
        blocks = re.findall(r"```mermaid\n(.*?)```", self.markdown, flags=re.S)
        try:
            blocks.insert(0, self.out("mermaid"))
        except DiagramTooLarge:
            assert self.big, f"{self.name}: a small org's graph must fit Mermaid"
        return blocks


def _inputs() -> list[tuple[str, list[str]]]:
    found = [("example-ecommerce", [str(REPO / "examples" / "ecommerce")]),
             ("example-minimal", [str(REPO / "examples" / "minimal")]),
             ("hostile-report", [str(FIXTURES / "hostile-report")]),
             ("hostile-readers", [str(FIXTURES / "hostile-readers")]),
             # flowcharts with every mark and its key: unreachable, missing, loops back
             ("flowcharts", [str(FIXTURES / "flowcharts")])]
    found += [(f"hostile-{d.name}", [str(d)])
              for d in sorted((FIXTURES / "hostile").iterdir()) if d.is_dir()]
    return found


@pytest.fixture(scope="session")
def cases(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    out = [Case(name, *lint_org(paths, Config(extends="strict"))) for name, paths in _inputs()]
    big = tmp_path_factory.mktemp("org500")
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--teams",
                    "500", "--out", str(big)], check=True, capture_output=True)
    out.append(Case("synthetic-500", *lint_org([str(big / "teams")]), big=True))
    return out


def by_name(cases: list[Case], name: str) -> Case:
    return next(c for c in cases if c.name == name)


# Mermaid in Chromium ----------------------------------------------------------------------

RENDER_JS = """async ([text, n]) => {
  try {
    const {svg} = await mermaid.render('d' + n, text);
    const box = document.createElement('div');
    box.innerHTML = svg;
    document.body.appendChild(box);
    const nodes = [...box.querySelectorAll('g.node')].map(g => [
      (g.id.match(/flowchart-([a-z]+[0-9]+)-/) || [])[1],
      (g.querySelector('.nodeLabel') || g).textContent]);
    const edges = [...box.querySelectorAll('g.edgeLabel .edgeLabel')].map(e => e.textContent);
    const broken = box.querySelector('.error-icon, .error-text') !== null;
    box.remove();
    return {ok: !broken, nodes, edges};
  } catch (e) { return {ok: false, error: String(e)}; }
}"""


class Mermaid:
    """Mermaid's own bundle in a blank Chromium page; renders text to labels read back."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page()
        self.page.set_content("<!doctype html><html><body></body></html>")
        self.page.add_script_tag(path=str(MERMAID_JS))
        self.page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
        self.count = 0

    def render(self, text: str) -> dict[str, Any]:
        self.count += 1
        result: dict[str, Any] = self.page.evaluate(RENDER_JS, [text, self.count])
        return result


@pytest.fixture(scope="module")
def mermaid() -> Iterator[Mermaid]:
    need(f"npm mermaid ({MERMAID_JS})", MERMAID_JS.is_file())
    need("chromium", bool(CHROMIUM))
    need("Playwright for Python", _importable("playwright.sync_api"))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield Mermaid(browser)
        browser.close()


def _decoded(label: str) -> str:
    return re.sub(r"#(\d+);", lambda e: chr(int(e.group(1))), label.replace("<br/>", ""))


def _labels_of(text: str) -> dict[str, str]:
    """What each node id of our Mermaid text says, decoded as Mermaid decodes it."""
    return {m.group(1): _decoded(m.group(2))
            for m in re.finditer(r'^  ([a-z]+\d+)\["(.*)"\]$', text, flags=re.M)}


def _sampled(blocks: list[str], big: bool) -> list[str]:
    if not big or len(blocks) <= SAMPLE:
        return blocks
    largest = max(blocks, key=len)
    return [*blocks[:SAMPLE - 1], largest]


def test_every_mermaid_block_renders_its_labels_literally(mermaid: Mermaid,
                                                          cases: list[Case]) -> None:
    drawn = 0
    for case in cases:
        blocks = case.mermaid_blocks()
        for text in _sampled(blocks, case.big):
            got = mermaid.render(text)
            assert got["ok"], f"{case.name}: Mermaid refused a block: {got.get('error')}"
            expected = _labels_of(text)
            assert dict(got["nodes"]) == expected, case.name
            arrows = [_decoded(a) for a in re.findall(r'-\.?->\|"(.*?)"\|', text)]
            assert sorted(e for e in got["edges"] if e) == sorted(arrows), case.name
            drawn += 1
    assert drawn >= len(cases) // 2


def test_hostile_names_read_back_from_the_svg_as_written(mermaid: Mermaid,
                                                         cases: list[Case]) -> None:
    case = by_name(cases, "hostile-readers")
    flow = re.findall(r"```mermaid\n(.*?)```", case.markdown, flags=re.S)
    assert len(flow) == 1
    steps = [label for node, label in mermaid.render(flow[0])["nodes"]
             if node.startswith("s")]  # not the key's boxes
    assert steps == ["style:(x)" + "style:(x)",
                     "classDef gap fill:#f00;" + "@octocat #12 end",
                     'x"]; click s0 call alert(1) <br/> end'
                     + "👩\u200d💻 开发部 GH-7 owner/repo#9"]
    graph = dict(mermaid.render(export(case.graph, "mermaid"))["nodes"]).values()
    assert set(graph) >= {
        "style:(x)", "classDef x:#f00;", "@octocat #12 end", "lifestyle: a;b",
        "\ufffdgnp.exe",  # the bidi override is shown as U+FFFD, never obeyed
        "می\u200cخواهم 客服 <b>x</b> | a",  # ZWNJ inside a Persian word is text
        "a;b #35; &amp; %%{init}%% a:::b `code` [x](javascript:alert(1))",
        "dan \ufffd[31mred\ufffd[0m"}
    assert not any("\u202e" in label or "\x1b" in label for label in graph)


def test_a_graph_past_mermaids_limits_is_refused_not_drawn(cases: list[Case]) -> None:
    big = by_name(cases, "synthetic-500")
    with pytest.raises(DiagramTooLarge, match=r"edges \(Mermaid draws at most 500\)"):
        export(big.graph, "mermaid")
    for text in big.mermaid_blocks():
        assert len(text.encode("utf-16-le")) // 2 <= 50_000
        assert text.count("-->") + text.count("-.->") <= 500


# Markdown in cmark-gfm --------------------------------------------------------------------

CMARK = shutil.which("cmark-gfm")
ALLOWED_TAGS = {"html", "body", "h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr",
                "th", "td", "ul", "ol", "li", "details", "summary", "code", "pre", "strong",
                "em", "a", "br", "hr", "blockquote", "del"}
GH_REFERENCE = re.compile(r"@[A-Za-z0-9]|#\d|\bGH-\d", re.IGNORECASE)


def _gfm(markdown: str) -> Any:
    from lxml import html

    run = subprocess.run([CMARK, "--unsafe", "-e", "table", "-e", "autolink", "-e",
                          "strikethrough", "-e", "tagfilter", "-e", "tasklist"],
                         input=markdown.encode("utf-8"), capture_output=True, check=True)
    return html.document_fromstring("<html><body>" + run.stdout.decode("utf-8")
                                    + "</body></html>")


def test_markdown_reports_render_as_github_does(cases: list[Case]) -> None:
    need("cmark-gfm", bool(CMARK))
    for case in cases:
        doc = _gfm(case.markdown)
        tags = {el.tag for el in doc.iter() if isinstance(el.tag, str)}
        assert tags <= ALLOWED_TAGS, (case.name, tags - ALLOWED_TAGS)
        for a in doc.iter("a"):
            assert re.match(r"(#|https?://|[\w./%-]+$)", a.get("href", "")), (case.name,
                                                                               a.get("href"))
        for table in doc.iter("table"):
            width = len(table.find("thead/tr"))
            assert all(len(row) == width for row in table.iter("tr")), case.name
        for el in doc.iter():
            if el.tag in ("code", "pre") or not isinstance(el.tag, str):
                continue
            for text in (el.text, el.tail):
                assert not GH_REFERENCE.search(text or ""), (case.name, text)


def test_markdown_shows_hostile_names_literally(cases: list[Case]) -> None:
    need("cmark-gfm", bool(CMARK))
    doc = _gfm(by_name(cases, "hostile-readers").markdown)
    shown = doc.text_content().replace("\u200b", "")
    for name in ("style:(x)", "👩\u200d💻 开发部 GH-7 owner/repo#9", "@octocat #12 end",
                 "lifestyle: a;b", "\\u202egnp.exe"):  # a bidi control shown as its escape
        assert name in shown
    assert "\u202e" not in shown


ALIASED = ("- {kind: Team, id: warehouse, name: 仓储物流部, aliases: [logistics]}\n"
           "- {kind: Responsibility, id: ship, name: 发货, accountable: logistics}\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_rules_summary_shows_its_code_spans_as_code(tmp_path: Path, lang: str) -> None:
    """Trial 14: RF005's summary (`… keeps in its \\`aliases\\`.`) showed its backticks as
    text: it was escaped whole. A summary's code spans are code, in GitHub's rendering."""
    need("cmark-gfm", bool(CMARK))
    (tmp_path / "o.yaml").write_text(ALIASED, "utf-8")
    result, org = lint_org([str(tmp_path)], Config())
    assert "RF005" in [f.code for f in result.findings]
    doc = _gfm(render_markdown(build_view(result, org, lang)))
    summary = doc.xpath("//details[summary[contains(., 'RF005')]]/p[1]")[0]
    assert [c.text for c in summary.iter("code")] == ["aliases"]
    assert "`" not in summary.text_content()


def test_code_spans_render_as_written_in_cmark_gfm() -> None:
    """A message's code spans in a table cell and in a line: a span holding backticks is
    fenced by a longer run (``a`b``, a span of ``` `x` ```), `|` stays in its cell, hidden
    characters are shown as their escapes (`\\u202e`), and text outside a span stays escaped
    (a lone backtick, `*`)."""
    need("cmark-gfm", bool(CMARK))
    from orgspec.escape import md_with_code

    messages = ["write ``a`b`` here", "``` `x` ``` ok", "`a|b` *not bold* `", "`\u202eevil` ok",
                "` #` and `  - a`"]
    table = "| m |\n|---|\n" + "".join(f"| {md_with_code(m)} |\n" for m in messages)
    lines = "\n\n".join(md_with_code(m, cell=False) for m in messages)
    for doc in (_gfm(table), _gfm(lines)):
        rows = doc.xpath("//td") or doc.xpath("//p")
        assert [[c.text for c in r.iter("code")] for r in rows] == [
            ["a`b"], [" `x` "], ["a|b"], ["\\u202eevil"], [" #", "  - a"]]
        assert [r.text_content() for r in rows] == [
            "write a`b here", " `x`  ok", "a|b *not bold* `", "\\u202eevil ok", " # and   - a"]
        assert not list(doc.iter("em"))


# XML: JUnit ---------------------------------------------------------------------------------

def test_junit_both_shapes_valid_for_jenkins_and_read_by_junitparser(cases: list[Case]) -> None:
    need("lxml", _importable("lxml"))
    need("junitparser", _importable("junitparser"))
    import junitparser
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(DATA / "junit-10.xsd")))
    for case in cases:
        for fmt in ("junit", "junit-suite"):
            text = reporters.get(fmt)(case.result)
            doc = etree.fromstring(text.encode("utf-8"))
            assert schema.validate(doc), (case.name, fmt, schema.error_log.last_error)
            xml = junitparser.JUnitXml.fromstring(text.encode("utf-8"))
            cases_read = [c for suite in xml for c in suite]
            assert len(cases_read) == int(doc.get("tests")), (case.name, fmt)
            failed = [c for c in cases_read if not c.is_passed]
            assert len(failed) == int(doc.get("failures"))
            on_case = {c._elem.get("file") for c in cases_read} - {None}
            on_suite = {s._elem.get("file") for s in xml} - {None}
            files = {s.name for s in xml}
            # GitLab reads testcase/@file; the suite shape keeps the file on the suite.
            assert (on_case, on_suite) == ((files, set()) if fmt == "junit"
                                           else (set(), files)), (case.name, fmt)


# Graph exports --------------------------------------------------------------------------------

def test_graphml_read_by_networkx_and_igraph_keeps_every_node(cases: list[Case],
                                                              tmp_path: Path) -> None:
    need("python-igraph", _importable("igraph"))
    import igraph
    import networkx as nx

    for case in cases:
        text = case.out("graphml")
        path = tmp_path / f"{case.name}.graphml"
        path.write_text(text, "utf-8")
        g = nx.read_graphml(path)
        assert set(g.nodes) == set(case.graph.nodes), case.name
        ig = igraph.Graph.Read_GraphML(str(path))
        assert ig.vcount() == case.graph.number_of_nodes(), case.name
        if ig.vcount():
            assert set(ig.vs["id"]) == set(case.graph.nodes), case.name
            assert set(ig.vs.attributes()) >= {"kind", "entity_id", "name", "label"}
        assert ig.ecount() == case.graph.number_of_edges(), case.name


GEXF_GRAPH_ATTRS = {"timeformat", "start", "end", "defaultedgetype", "idtype", "mode"}


def test_gexf_follows_the_1_2_schema_rules_and_networkx_keeps_every_node(
        cases: list[Case], tmp_path: Path) -> None:
    need("lxml", _importable("lxml"))
    import networkx as nx
    from lxml import etree

    ns = "{http://www.gexf.net/1.2draft}"
    for case in cases:
        text = case.out("gexf")
        root = etree.fromstring(text.encode("utf-8"))
        assert root.tag == f"{ns}gexf" and root.get("version") == "1.2"
        graph = root.find(f"{ns}graph")
        assert set(graph.attrib) <= GEXF_GRAPH_ATTRS, case.name  # no `name` in 1.2
        declared = {(a.getparent().get("class"), a.get("id"))
                    for a in graph.iter(f"{ns}attribute")}
        nodes = graph.findall(f"{ns}nodes/{ns}node")
        ids = [n.get("id") for n in nodes]
        assert len(ids) == len(set(ids)) == case.graph.number_of_nodes(), case.name
        assert all(n.get("label") for n in nodes)
        edges = graph.findall(f"{ns}edges/{ns}edge")
        assert len({e.get("id") for e in edges}) == len(edges)
        known = set(ids)
        assert all(e.get("source") in known and e.get("target") in known for e in edges)
        for owner, cls in ((nodes, "node"), (edges, "edge")):
            for el in owner:
                for value in el.iter(f"{ns}attvalue"):
                    assert (cls, value.get("for")) in declared
        if case.big:
            continue  # networkx's reader takes long on 38,000 edges; the rules above hold
        path = tmp_path / f"{case.name}.gexf"
        path.write_text(text, "utf-8")
        assert set(nx.read_gexf(path).nodes) == set(case.graph.nodes), case.name


def test_json_export_round_trips_through_networkx(cases: list[Case]) -> None:
    import json

    import networkx as nx

    for case in cases:
        data = json.loads(case.out("json"))
        g = nx.node_link_graph(data, edges="edges")
        assert set(g.nodes) == set(case.graph.nodes)
        assert g.number_of_edges() == case.graph.number_of_edges()


def test_a_duty_and_a_team_of_one_id_stay_two_nodes_with_names(cases: list[Case]) -> None:
    import json

    case = by_name(cases, "hostile-readers")
    nodes = {n["id"]: n for n in json.loads(case.out("json"))["nodes"]}
    assert nodes["team:support"] == {"id": "team:support", "kind": "team",
                                     "entity_id": "support", "name": "style:(x)",
                                     "label": "style:(x)"}
    assert nodes["responsibility:support"]["label"] == "classDef x:#f00;"
    assert "id=\"id\"" not in case.out("graphml")  # no node attribute called id


DOT = shutil.which("dot")
GC = shutil.which("gc")


def test_dot_drawn_by_graphviz_shows_names_once_per_claim(cases: list[Case]) -> None:
    need("Graphviz (dot, gc)", bool(DOT and GC))
    from lxml import etree

    for case in cases:
        text = case.out("dot")
        want_edges = len(claims(case.plain))
        if case.big:  # layout of 38,000 edges takes minutes; gc parses and counts
            run = subprocess.run([GC, "-n", "-e"], input=text.encode("utf-8"),
                                 capture_output=True, check=True)
            counts = [int(x) for x in run.stdout.split()[:2]]
            assert counts == [case.graph.number_of_nodes(), want_edges]
            continue
        run = subprocess.run([DOT, "-Tsvg"], input=text.encode("utf-8"), capture_output=True,
                             check=True)
        assert not run.stderr.strip(), (case.name, run.stderr)
        svg = etree.fromstring(run.stdout)
        ns = "{http://www.w3.org/2000/svg}"
        nodes = [g for g in svg.iter(f"{ns}g") if g.get("class") == "node"]
        labels = {g.findtext(f"{ns}title"): "".join(t.text or "" for t in g.iter(f"{ns}text"))
                  for g in nodes}
        expected = {n: re.sub("[\r\n]", "", d["label"]) for n, d in case.plain.nodes(data=True)}
        assert labels == expected, case.name
        drawn = [g for g in svg.iter(f"{ns}g") if g.get("class") == "edge"]
        assert len(drawn) == want_edges, case.name


def test_dot_draws_a_claim_made_on_both_sides_once(cases: list[Case]) -> None:
    case = by_name(cases, "example-ecommerce")
    text = case.out("dot")
    both = [(u, v) for u, v, d in case.graph.edges(data=True) if d.get("source") == "charter"
            and case.graph.has_edge(u, v)]
    assert both, "the example has claims written in the charter"
    u, v = both[0]
    relation = case.graph.edges[u, v, 0]["relation"]
    assert text.count(f'"{u}" -> "{v}" [label="{relation}"]') == 1
    assert '"team:customer-service" [label="客服团队"' in text


def test_neutralise_keeps_what_is_text() -> None:
    # the expectation of the readback tests above, pinned on its own
    assert neutralise("👩\u200d💻 a\u202eb pay\u200dpal") == "👩\u200d💻 a\ufffdb pay\ufffdpal"
