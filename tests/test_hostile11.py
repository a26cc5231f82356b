"""Hostile and unusual input against the newest features (hostile11): each test pins one hole
found by attacking them (site search near hits, hidden characters, RACI words), with the exact
finding, hint or search result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import run_cli
from conftest import site_of as _site
from test_browser import browser  # noqa: F401 - the shared Chromium fixture
from test_site_browser import Tab, _search


def test_a_long_query_on_a_run_of_one_character_is_answered(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    """A near hit was checked with a regex `A[CJK]?B[CJK]?C...`, which backtracks
    exponentially where a run of one character almost matches: 哈 x 30 then 嘿 against a
    duty holding 哈 x 60 and 哈哈哈嘿 apart hung the reader's tab (2^n steps; n = 24 took 11 s in
    node). A near hit is now found in one pass, with the same answers."""
    site = _site(tmp_path, (
        "- {kind: Team, id: cs, name: 客服部}\n"
        f"- {{kind: Responsibility, id: laugh, name: 笑话, description: {'哈' * 60}，哈哈哈嘿, "
        "accountable: cs}\n"
        f"- {{kind: Responsibility, id: near, name: 近似, description: {'哈' * 30}和嘿, "
        "accountable: cs}\n"))
    tab = Tab(browser)
    page = tab.page
    page.goto(site.as_uri() + "/search.html")
    assert _search(page, "哈" * 30 + "嘿") == ["duties/near.html"]  # 和 between: a near hit
    assert _search(page, "哈" * 31 + "嘿") == []  # one 哈 too many anywhere
    assert _search(page, "哈哈哈嘿") == ["duties/laugh.html", "duties/near.html"]
    assert _search(page, "哈和嘿") == ["duties/near.html"]
    assert _search(page, "哈嘿和") == []  # out of order
    tab.clean()
    page.close()


ALM = "\u061c"  # ARABIC LETTER MARK: a bidi control like U+200F, which every set had


def test_an_arabic_letter_mark_is_a_hidden_character_everywhere(tmp_path: Path) -> None:
    """U+061C is one of Unicode's twelve Bidi_Control characters; the loader's and the
    escapers' sets had the other eleven. A literal one in a name was no finding, and reached
    the site's pages, its search data and the Markdown report as it is (reordering what
    follows). Now it is IN003 at its column, and every output shows it inert."""
    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(
        f"- {{kind: Team, id: ops, name: 运营{ALM}部, lead: zhang-wei, members: [zhang-wei]}}\n"
        f"- {{kind: Person, id: zhang-wei, name: \"张伟\\u061c\"}}\n", "utf-8")
    got = run_cli("check", str(org), "--format", "json", "--select", "IN003")
    assert got.code == 1
    assert [(f["code"], f["line"], f["column"]) for f in got.json()["findings"]] == [
        ("IN003", 1, 33), ("IN003", 2, 39)]
    site, report = tmp_path / "site", tmp_path / "report.md"
    assert run_cli("site", str(org), "-o", str(site)).code == 0
    assert run_cli("report", str(org), "-o", str(report)).code == 0
    written = [p for p in (*site.rglob("*"), report) if p.is_file() and
               ALM in p.read_text("utf-8", errors="replace")]
    assert written == []
    assert "运营[U+061C]部" in (site / "teams" / "ops.html").read_text("utf-8")


def test_raci_letters_typed_full_width_or_combined_name_their_fields(tmp_path: Path) -> None:
    """`Ｒ: cs` (an IME's full-width letter) and `A/R: cs` (a chart's combined cell) on a duty
    were unknown fields with the list of fields, and the duty was also 'claimed by nobody'
    (OW005): two findings for one mistake. `R` and `负责` were read already; now these are
    too: one SC001 each, whose hint writes the field, and nothing held back is said again.
    In a charter item, `role: Ｒ` gets the hint `role: R` gets."""
    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(
        "- {kind: Team, id: cs, name: 客服, lead: li-na, members: [li-na],\n"
        "   responsibilities: [{ref: d3, role: Ｒ}, {ref: d4, role: ａ／ｒ}]}\n"
        "- {kind: Person, id: li-na, name: 李娜}\n"
        "- {kind: Responsibility, id: d1, name: 事一, Ｒ: cs, ａ: li-na}\n"
        "- {kind: Responsibility, id: d2, name: 事二, A/R: cs}\n"
        "- {kind: Responsibility, id: d3, name: 事三, accountable: li-na}\n"
        "- {kind: Responsibility, id: d4, name: 事四, accountable: li-na}\n", "utf-8")
    got = run_cli("--lang", "en", "check", str(org), "--format", "json")
    assert got.code == 1
    assert [(f["code"], f["line"], f["column"], f["hint"]) for f in got.json()["findings"]] == [
        ("SC003", 2, 39, "write `role: responsible`"),
        ("SC003", 2, 59, "write `role: responsible` if it does the work, or `role: "
                         "accountable` if it answers for the outcome"),
        ("SC001", 4, 44, "write `responsible: cs`"),
        ("SC001", 4, 51, "write `accountable: li-na`"),
        ("SC001", 5, 44, "write `responsible: cs` if it does the work, or `accountable: cs` "
                         "if it answers for the outcome")]


def test_full_width_latin_and_case_are_folded_alike_in_the_index_and_the_query(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    """An IME in full-width mode types `ＫＰＩ`: the index held `ｋｐｉ`, so `KPI` found nothing,
    nor did `ｇｍｖ` find `GMV`. And the index was casefolded (`Straße` -> strasse) where
    search.js lowercases the query (`straße`): no hit. Both now fold full-width ASCII to
    ASCII and lowercase the same way."""
    site = _site(tmp_path, (
        "- {kind: Team, id: cs, name: 客服部}\n"
        "- {kind: Responsibility, id: review, name: ＫＰＩ复盘, accountable: cs}\n"
        "- {kind: Responsibility, id: board, name: GMV 看板２０２６, accountable: cs}\n"
        "- {kind: Responsibility, id: hub, name: Straße Logistik, accountable: cs}\n"))
    tab = Tab(browser)
    page = tab.page
    page.goto(site.as_uri() + "/search.html")
    assert _search(page, "KPI") == ["duties/review.html"]
    assert _search(page, "ｋｐｉ 复盘") == ["duties/review.html"]
    assert _search(page, "ｇｍｖ") == ["duties/board.html"]
    assert _search(page, "2026") == ["duties/board.html"]
    assert _search(page, "Straße") == ["duties/hub.html"]
    tab.clean()
    page.close()


ZWJ, ZWNJ = "\u200d", "\u200c"


def test_joiners_that_are_text_reach_every_output_as_written(tmp_path: Path) -> None:
    """A ZWJ inside an emoji sequence (👩‍💻, 👨‍👩‍👧) and a ZWNJ inside a Persian word are text:
    the loader says nothing of them and the Markdown report keeps them. The site's pages,
    its search data, the HTML report and `orgspec show` wrote them as `[U+200D]` or
    `\\u200d`, breaking the emoji and the word. Now those keep them too; a joiner that is
    not text stays an escape (test_hostile9, test_markdown_escape)."""
    team = f"研发👩{ZWJ}💻组"
    person = f"李👨{ZWJ}👩{ZWJ}👧"
    duty = f"فارسی می{ZWNJ}خواهم"
    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(
        f"- {{kind: Team, id: dev, name: \"{team}\", lead: li, members: [li], "
        "responsibilities: [d1]}\n"
        f"- {{kind: Person, id: li, name: \"{person}\"}}\n"
        f"- {{kind: Responsibility, id: d1, name: \"{duty}\", accountable: dev}}\n", "utf-8")
    assert run_cli("check", str(org)).code == 0
    site, report = tmp_path / "site", tmp_path / "report.html"
    assert run_cli("site", str(org), "-o", str(site)).code == 0
    assert run_cli("report", str(org), "-o", str(report)).code == 0
    for page in (site / "teams" / "dev.html", site / "search" / "d0.js", report):
        text = page.read_text("utf-8")
        assert "U+200" not in text and "\\u200" not in text, page.name
        assert team in text and person in text and duty in text, page.name
    shown = run_cli("--lang", "en", "show", "team", "dev", str(org))
    assert shown.code == 0
    assert shown.stdout.splitlines()[:2] == [f"team dev {team}", f"  lead: li {person}"]


def test_the_person_in_charge_of_a_position_is_its_holder(tmp_path: Path) -> None:
    """`负责人: li-na` on a position (which has no `lead` or `owner`) was an unknown field with
    the list of fields, and the position was also said to have no holder (RO001): two
    findings for one mistake. On a position the word names `holders`, as on a team it
    names `lead` and on a meeting `owner`; the holder it names is held back."""
    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(
        "- {kind: Team, id: cs, name: 客服, lead: li-na, members: [li-na], "
        "responsibilities: [d1]}\n"
        "- {kind: Person, id: li-na, name: 李娜}\n"
        "- {kind: Responsibility, id: d1, name: 事一, accountable: cs}\n"
        "- {kind: Role, id: r1, name: 客服岗, team: cs, 負責人: li-na}\n", "utf-8")
    got = run_cli("--lang", "en", "check", str(org), "--format", "json")
    assert [(f["code"], f["line"], f["column"], f["hint"]) for f in got.json()["findings"]] == [
        ("SC001", 4, 45, "did you mean `holders`?")]
