"""Hostile inputs, twelfth pass (hostile12): XLSX rosters, localized names, re-imported
comments and the site search, each given what a careless or hostile file holds."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from conftest import site_of as _site
from test_browser import browser  # noqa: F401 - the shared Chromium fixture
from test_site_browser import Tab, _search

SHEET = "xl/worksheets/sheet1.xml"


def _book(path: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """A two-person roster saved by openpyxl, then each zip member passed through `change`
    (None drops it): the hostile XLSX a hand or another tool writes."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["姓名", "部门"], ["Ada", "客服部"], ["Bob", "客服部"]):
        book.active.append(row)
    raw = io.BytesIO()
    book.save(raw)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)
    return path


def _in_sheet(old: bytes, new: bytes) -> Callable[[str, bytes], bytes | None]:
    return lambda name, data: data.replace(old, new) if name == SHEET else data


def test_a_sheet_whose_xml_is_malformed_is_one_error_line(tmp_path: Path) -> None:
    roster = _book(tmp_path / "r.xlsx", _in_sheet(
        b"</sheetData>", b'</sheetData><mergeCells><mergeCell ref="B2:B3"></mergeCells>'))
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), "--lang", "en")
    assert run.code == 2
    assert "internal error" not in run.stderr
    assert run.stderr.splitlines() == [
        f"orgspec: error: {roster}: not a readable XLSX workbook (ParseError)"]
    assert not (tmp_path / "org").exists()


class _Row(list):  # type: ignore[type-arg]
    """A sheet row that counts the cells read and written in it."""

    touched = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        _Row.touched += 1
        return super().__getitem__(index)

    def __setitem__(self, index, value):  # type: ignore[no-untyped-def]
        _Row.touched += 1
        super().__setitem__(index, value)


def test_merged_ranges_cost_the_cells_a_roster_has_not_the_cells_they_name() -> None:
    from orgspec.adopt.roster import _spread_merged

    # 300 people, a 部门 merged over all of them, one stray cell 20,000 rows down, and the
    # same merge repeated 1,000 times (Excel never overlaps merges; a hostile file may)
    rows = [_Row(["姓名", "部门"]), _Row(["P1", "客服部"])]
    rows += [_Row([f"P{i}"]) for i in range(2, 301)]
    rows += [_Row() for _ in range(20_000)] + [_Row(["", "", "x"])]
    ranges = [(2, 2, 16_384, 1_048_576)] * 1_000  # and 1,000 distinct overlapping ones
    ranges += [(2, 2, 9_999 - i, 1_048_576 + i) for i in range(1_000)] + [(1, 1, 1, 1)]
    _Row.touched = 0
    out = _spread_merged(rows, ranges)
    assert [r[:2] for r in out[2:301]] == [[f"P{i}", "客服部"] for i in range(2, 301)]
    assert out[301:-1] == [[]] * 20_000  # rows without a value of their own stay empty
    assert out[-1] == ["", "客服部", "x"]
    # every cell of the 301 written rows at most a few times, not 1,000 x 20,301 x 255
    assert _Row.touched <= 10 * 302 * 3


def test_an_xlsx_that_unpacks_past_the_limit_is_one_error_line_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.adopt import roster as module

    # a zip bomb in small: 4 MiB of blanks in the sheet deflate to a few KiB; the limit is
    # made 1 MiB here (256 MiB as shipped: a 400 MiB sheet took 450 MB of memory)
    monkeypatch.setattr(module, "MAX_UNPACKED", 2**20)
    roster = _book(tmp_path / "r.xlsx", _in_sheet(b"</sheetData>", b"</sheetData>" + b" " * 2**22))
    assert roster.stat().st_size < 64 * 1024
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), "--lang", "en")
    assert run.code == 2
    assert run.stderr.splitlines() == [
        f"orgspec: error: {roster}: unpacks to more than 1 MB; not read"]
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), "--lang", "zh")
    assert run.stderr.splitlines() == [f"orgspec: 错误：{roster}：解压后超过 1 MB，未读取"]


def test_a_long_latin_word_gives_the_index_a_bounded_number_of_prefixes() -> None:
    from orgspec.site.search import tokens

    # a 10,000-letter word in a description gave every prefix: 50 million characters of
    # index per such word (two of them: a 100 MB search shard, 20 s of CPU)
    found = tokens("x" * 10_000)
    assert "x" * 10_000 in found
    assert sum(map(len, found)) < 20 * 10_000
    assert {"refu", "refun", "refund", "refunds"} <= tokens("refunds")


def test_a_long_word_is_found_by_its_start_and_whole_in_the_site(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    long, other = "q" * 30 + "abcdefghij" * 5, "q" * 30 + "abcdefghij" * 4 + "zzz"
    site = _site(tmp_path, (
        "- {kind: Team, id: cs, name: 客服部, responsibilities: [d1, d2]}\n"
        f"- {{kind: Responsibility, id: d1, name: 甲, description: {long}, accountable: cs}}\n"
        f"- {{kind: Responsibility, id: d2, name: 乙, description: {other}, accountable: cs}}\n"))
    assert sum(f.stat().st_size for f in (site / "search").iterdir()) < 200_000
    tab = Tab(browser)
    tab.page.goto(site.as_uri() + "/search.html")
    # past 32 letters a word is looked up by its first 32: both words start alike
    both = ["duties/d1.html", "duties/d2.html"]
    assert _search(tab.page, long) == both
    assert _search(tab.page, long[:45]) == both
    assert _search(tab.page, long[:12]) == both
    assert _search(tab.page, "q" * 29 + "ab") == []  # not the start of either
    assert _search(tab.page, "q" * 33 + "abc") == []
    tab.clean()
    tab.page.close()


def test_a_reimport_keeps_the_comments_of_a_file_saved_with_crlf_and_a_bom(
        tmp_path: Path) -> None:
    roster, out = tmp_path / "r.csv", tmp_path / "org"
    roster.write_text("name,team\nAda,ops\nGrace,ops\n", "utf-8")
    assert run_cli("import", "roster", str(roster), "-o", str(out)).code == 0
    ops = out / "ops.yaml"
    mine = ops.read_text("utf-8").replace("  - ada\n", "  - ada  # on leave\n").replace(
        "- kind: Person\n  id: grace", "# night shift\n- kind: Person\n  id: grace")
    # an editor on Windows saved it: CRLF line ends and a BOM
    ops.write_bytes(b"\xef\xbb\xbf" + mine.replace("\n", "\r\n").encode("utf-8"))
    roster.write_text("name,team\nAda,ops\nGrace,ops\nHop,ops\n", "utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")
    assert run.code == 0, run.stderr
    assert "has no place" not in run.stderr
    data = ops.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # kept as the user saved it
    assert data.count(b"\n") == data.count(b"\r\n")
    text = data.decode("utf-8-sig").replace("\r\n", "\n")
    header = [line for line in text.splitlines() if line.startswith("# ")]
    assert header == [line for line in mine.splitlines() if line.startswith("# ")]
    assert "  - ada  # on leave\n  - grace\n  - hop\n" in text
    assert "\n# night shift\n- kind: Person\n  id: grace\n" in text
    assert run_cli("check", str(out)).code == 0


def test_a_comment_after_a_tab_is_carried_not_dropped(tmp_path: Path) -> None:
    """`- ada<TAB># on leave` loads (libyaml, the loader's parser), but the comment scan used
    PyYAML's pure scanner, which refuses a tab there: the file was then taken to hold no
    comment, and the re-import updated it in place with every comment in it gone."""
    roster, out = tmp_path / "r.csv", tmp_path / "org"
    roster.write_text("name,team\nAda,ops\nGrace,ops\n", "utf-8")
    assert run_cli("import", "roster", str(roster), "-o", str(out)).code == 0
    ops = out / "ops.yaml"
    ops.write_text(ops.read_text("utf-8").replace("  - ada\n", "  - ada\t# on leave\n").replace(
        "  id: grace\n", "  id: grace\n  # 夜班\n"), "utf-8")
    assert run_cli("check", str(out)).code == 0
    roster.write_text("name,team\nAda,ops\nGrace,ops\nHop,ops\n", "utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")
    assert run.code == 0, run.stderr
    text = ops.read_text("utf-8")
    assert "  - ada\t# on leave\n  - grace\n  - hop\n" in text
    assert "  id: grace\n  # 夜班\n  name: Grace\n" in text


def test_a_comment_on_an_id_line_does_not_lose_its_entitys_comments() -> None:
    """The entity a line is in was read from its `id:` line with the comment in it (`ada  #
    工号 1024`): no line of the new text was in that entity, so each comment in it was lost."""
    from orgspec.adopt.keepcomments import carry

    now = b"- kind: Person\n  id: ada  # \xe5\xb7\xa5\xe5\x8f\xb7 1024\n  name: Ada  # en\n"
    new = b"- kind: Person\n  id: ada\n  name: Ada\n  title: x\n"
    text, lost = carry(now, new)
    assert lost == []
    assert text == now + b"  title: x\n"


def test_a_file_with_lone_cr_line_ends_is_read_by_lines_not_carried_as_one_comment() -> None:
    """A file saved with CR line ends (classic Mac) was one line: a comment from its first
    `#` to its end, so the whole old file was appended to the new text, where a YAML
    parser reads each CR as a line break again: every entity twice."""
    from orgspec.adopt.keepcomments import carry

    now = b"# H\r- kind: Team\r  id: a\r  members:\r  - b  # kept\r"
    new = b"# H\n- kind: Team\n  id: a\n  members:\n  - b\n  - c\n"
    assert carry(now, new) == (new.replace(b"  - b\n", b"  - b  # kept\n"), [])


def test_two_teams_a_reader_of_one_language_sees_under_one_name_are_rf008(
        tmp_path: Path) -> None:
    """`names.en: Ops` on 运营部 beside a team named Ops: an English reader's site, report
    and `show` list two teams called Ops, which RF008 said of written names only. Each
    team is reported once, at the name that collides; different names in every language
    (客服 / 客服部 / names.en apart) are no finding."""
    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(
        "- {kind: Team, id: ops, name: Ops, lead: li, members: [li, wu]}\n"
        "- {kind: Team, id: yy, name: 运营部, names: {en: OPS}, lead: li, members: [li]}\n"
        "- {kind: Team, id: zz, name: 客服, names: {zh-Hant: 運營部, en: Ops}, lead: wu}\n"
        "- {kind: Team, id: kf, name: 客服部, names: {en: Support}, lead: wu}\n"
        "- {kind: Team, id: cs, name: Support Desk, names: {zh: 客服部2}, lead: wu}\n"
        "- {kind: Person, id: li, name: 李}\n- {kind: Person, id: wu, name: 吴}\n", "utf-8")
    run = run_cli("check", str(org), "--format", "json", "--lang", "en")
    import json

    found = [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(run.stdout)[
        "findings"] if f["code"] == "RF008"]
    assert found == [
        ("RF008", 2, 47, "team 'yy' has the name OPS of team 'ops': two teams of one name"),
        ("RF008", 3, 60, "team 'zz' has the name Ops of team 'ops': two teams of one name")]


def test_a_names_tag_typed_full_width_gets_its_did_you_mean(tmp_path: Path) -> None:
    """`names: {ｅｎ: ...}` (an IME in full-width mode) had no did-you-mean, as `en ` had."""
    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(
        "- {kind: Person, id: li, name: 李, names: {ｅｎ: Li}}\n"
        "- {kind: Person, id: wu, name: 吴, names: {ｚｈ－ＴＷ: 吳}}\n", "utf-8")
    lines = run_cli("check", str(org), "--lang", "en").stdout.splitlines()
    said = [(line, lines[i + 1]) for i, line in enumerate(lines) if "SC001" in line]
    assert said == [
        (f"{org}/o.yaml:1:43: SC001 [error] `names`: 'ｅｎ' is not a language orgspec speaks",
         "    hint: did you mean `en`?"),
        (f"{org}/o.yaml:2:43: SC001 [error] `names`: 'ｚｈ－ＴＷ' is not a language orgspec "
         "speaks", "    hint: did you mean `zh-Hant`?")]


def test_a_process_flowchart_is_drawn_in_the_readers_names() -> None:
    """`orgspec graph --process ID --lang en` drew the steps' written names (接收), where the
    report's flowchart of the same process draws `names.en` (Receive)."""
    run = run_cli("graph", "examples/ecommerce", "--process", "complaint-flow", "--lang", "en")
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines()[1].startswith('  s0["Receive<br/>')
    zh = run_cli("graph", "examples/ecommerce", "--process", "complaint-flow", "--lang", "zh")
    assert zh.stdout.splitlines()[1].startswith('  s0["接收<br/>')


class _Scanned(str):
    """A text that counts the characters its searches go over."""

    scanned = 0

    def count(self, sub, start=0, end=None):  # type: ignore[no-untyped-def, override]
        _Scanned.scanned += (len(self) if end is None else end) - start
        return super().count(sub, start, end)

    def rfind(self, sub, start=0, end=None):  # type: ignore[no-untyped-def, override]
        _Scanned.scanned += (len(self) if end is None else end) - start
        return super().rfind(sub, start, end)

    def find(self, sub, start=0, end=None):  # type: ignore[no-untyped-def, override]
        found = super().find(sub, start, end)
        _Scanned.scanned += (len(self) if found < 0 else found + 1) - start
        return found


def test_finding_comments_reads_a_text_a_few_times_not_once_per_hash(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each `#` inside a scalar counted lines from its line's start again: a 200 KB line of
    `#` in a description took 7.7 s of CPU (a 1 MiB one, minutes) on a re-import."""
    from orgspec.load.yamlcomments import comment_starts

    monkeypatch.setenv("ORGSPEC_YAML_PARSER", "pure")  # libyaml takes no str subclass

    text = ('- kind: Team\n  id: a  # mine\n  description: "' + "#" * 20_000 + '"\n'
            "  members: [" + ", ".join(["a#b"] * 2_000) + "]  # end\n")
    _Scanned.scanned = 0
    assert comment_starts(_Scanned(text)) == {1: 9, 3: text.splitlines()[3].index("# end")}
    assert _Scanned.scanned <= 4 * len(text)
