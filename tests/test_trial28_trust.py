"""Trial 28 (Simplified Chinese): a list typed with 、 is resolved part by part (id, name or
another-language name) and its hint gives ids; `name:产品部` says the space after the colon
is missing, at the colon."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import json_findings, where

from orgspec.text.separators import split_ids

ORG = """\
- kind: Team
  id: marketing
  name: 市场部
  lead: guo-fang
  members: MEMBERS
  responsibilities: [brand]
- {kind: Person, id: guo-fang, name: 郭芳, title: 市场总监}
- kind: Person
  id: tony-lin
  name: Tony Lin
  names: {zh: 林东}
  title: 品牌经理
- {kind: Responsibility, id: brand, name: 品牌建设, accountable: marketing}
"""


def org(write_org, members: str) -> Path:
    folder: Path = write_org({"org.yaml": ORG.replace("MEMBERS", members)})
    return folder


@pytest.mark.parametrize("members", ["郭芳、林东", "郭芳、Tony Lin", "郭芳，Tony Lin",
                                     "guo-fang, Tony Lin", "郭芳；tony-lin"])
def test_a_list_typed_as_one_string_is_one_finding_with_ids(write_org, members: str) -> None:
    found = json_findings(org(write_org, members))
    assert where(found) == [("RF001", "org.yaml", 5, 12)]  # no HI007 for tony-lin
    assert found[0]["hint"].startswith(
        f"{members!r} is one string: write the list `members: [guo-fang, tony-lin]` (2 "
        "findings that follow from this mistake are held back until it is fixed: HI004 on "
        "team 'marketing', HI007 on person 'tony-lin')"), found[0]["hint"]


def test_the_list_written_right_is_no_finding(write_org) -> None:
    assert where(json_findings(org(write_org, "[guo-fang, tony-lin]"))) == []


@pytest.mark.parametrize(("value", "parts"), [
    ("郭芳、Tony Lin", ["郭芳", "Tony Lin"]), ("a, Mary Ann Lee", ["a", "Mary Ann Lee"]),
    ("ops, the East China team", []), ("ops", []), ("运营部，客服部", ["运营部", "客服部"]),
])
def test_split_ids_takes_names_of_a_few_words(value: str, parts: list[str]) -> None:
    assert split_ids(value) == parts


TEAM = """\
- kind: Team
  id: product
  NAME_LINE
  lead: li
  members: [li]
  responsibilities: [plan]
- {kind: Person, id: li, name: 李娜}
- {kind: Responsibility, id: plan, name: 产品规划, accountable: product}
"""


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "no space follows the colon of `name:`: YAML reads `name:产品部` as one piece of "
           "text, not as a field", "write `name: 产品部` (a space after the colon)"),
    ("zh", "`name:` 的冒号后面没有空格：YAML 把 `name:产品部` 读成一段文字，而不是字段",
           "写成 `name: 产品部`（冒号后面加一个空格）"),
    ("zh-Hant", "`name:` 的冒號後面沒有空格：YAML 把 `name:产品部` 讀成一段文字，而不是欄位",
                "寫成 `name: 产品部`（冒號後面加一個空格）"),
])
def test_no_space_after_a_colon_is_said_at_the_colon(write_org, lang: str, message: str,
                                                     hint: str) -> None:
    folder = write_org({"t.yaml": TEAM.replace("NAME_LINE", "name:产品部")})
    found = json_findings(folder, "--lang", lang)
    assert where(found) == [("IN001", "t.yaml", 3, 7)]
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


@pytest.mark.parametrize(("text", "line", "col"), [
    ("- kind:Team\n  id: x\n  name: 产品部\n", 1, 7),  # an item's first field
    ("- kind: Team\n  id: x\n  name:产品部\n", 3, 7),  # the file's last line
    ("- kind: Team\n  id:x\n  name: 产品部\n", 2, 5),
])
def test_no_space_after_a_colon_anywhere_in_an_item(write_org, text: str, line: int,
                                                    col: int) -> None:
    found = json_findings(write_org({"t.yaml": text}))
    assert where(found) == [("IN001", "t.yaml", line, col)]
    assert found[0]["hint"].endswith("(a space after the colon)")


def test_a_full_width_colon_keeps_its_own_hint(write_org) -> None:
    found = json_findings(write_org({"t.yaml": TEAM.replace("NAME_LINE", "name：产品部")}),
                          "--lang", "zh")
    assert where(found) == [("IN001", "t.yaml", 3, 7)]
    assert found[0]["hint"] == "写成 `name: 产品部`（半角冒号加一个空格）"


RENAMED = """\
- kind: Team
  id: tech
  name: 技术部
  lead: he
  members: [he]
  responsibilities: [site]
- kind: Team
  id: marketing
  name: 市场部
  lead: guo-fang
  members: [guo-fang]
  responsibilities: [brand]
- {kind: Person, id: he, name: 何强}
- {kind: Person, id: guo-fang, name: 郭芳}
- {kind: Responsibility, id: site, name: 网站, accountable: tech}
- {kind: Responsibility, id: brand, name: 品牌建设, accountable: marketing, consulted: [tech]}
"""


def committed(tmp_path: Path) -> Path:
    from conftest import git

    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(RENAMED, "utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "org")
    return tmp_path / "org"


@pytest.mark.parametrize(("lang", "hint"), [
    ("en", "did you mean 'jishu'? its id was `tech` at git HEAD: `aliases: [tech]` under its "
           "`id` keeps the old references working; then change them to 'jishu' (RF005 lists "
           "them)"),
    ("zh", "是不是要写 'jishu'？它在 git HEAD 时的 id 是 `tech`：在它的 `id` 下写 "
           "`aliases: [tech]`，旧的引用就能继续使用；然后把这些引用改成 'jishu'（RF005 会列出"
           "它们）"),
    ("zh-Hant", "是不是要寫 'jishu'？它在 git HEAD 時的 id 是 `tech`：在它的 `id` 下寫 "
                "`aliases: [tech]`，舊的引用就能繼續使用；然後把這些引用改成 'jishu'（RF005 "
                "會列出它們）"),
])
def test_an_id_renamed_since_head_is_said_with_its_alias(tmp_path: Path, lang: str,
                                                         hint: str) -> None:
    folder = committed(tmp_path)
    text = (folder / "org.yaml").read_text("utf-8")
    (folder / "org.yaml").write_text(text.replace("  id: tech\n", "  id: jishu\n"), "utf-8")
    found = json_findings(folder, "--lang", lang)
    # one RF001 for the two references to `tech` (trial 30), the other its related location;
    # before it, the renamed team's `id: jishu`, where the new id is defined (trial 31)
    assert where(found) == [("RF001", "org.yaml", 15, 59)]
    assert [(r["line"], r["column"]) for r in found[0]["related"]] == [(2, 7), (16, 85)]
    assert found[0]["related"][0]["message"] == {
        "en": "技术部 has the id 'jishu' here, `tech` at git HEAD",
        "zh": "技术部 在这里的 id 是 'jishu'，在 git HEAD 时是 `tech`",
        "zh-Hant": "技术部 在這裡的 id 是 'jishu'，在 git HEAD 時是 `tech`"}[lang]
    assert found[0]["hint"].startswith(hint)


def test_an_id_renamed_with_its_alias_kept_is_no_finding(tmp_path: Path) -> None:
    folder = committed(tmp_path)
    text = (folder / "org.yaml").read_text("utf-8")
    (folder / "org.yaml").write_text(
        text.replace("  id: tech\n", "  id: jishu\n  aliases: [tech]\n"), "utf-8")
    # RF005 (a former id still written) says to update them: one finding for the one id
    # (trial 31), the other reference its related location
    found = json_findings(folder)
    assert where(found) == [("RF005", "org.yaml", 16, 59)]
    assert [(r["line"], r["column"]) for r in found[0]["related"]] == [(17, 85)]
    # the rename hint's second step, the references changed to the new id: no finding
    text = (folder / "org.yaml").read_text("utf-8")
    (folder / "org.yaml").write_text(text.replace("accountable: tech}", "accountable: jishu}")
                                     .replace("consulted: [tech]}", "consulted: [jishu]}"),
                                     "utf-8")
    assert json_findings(folder) == []


def test_an_id_gone_with_no_namesake_says_where_it_was_at_head(tmp_path: Path) -> None:
    folder = committed(tmp_path)
    text = (folder / "org.yaml").read_text("utf-8")
    # members changed too: nothing says it is `tech` renamed (trial 31: with the same
    # members, `ci.headlooks` says it looks renamed, as `check --diff HEAD` does)
    (folder / "org.yaml").write_text(text.replace(
        "  id: tech\n  name: 技术部\n  lead: he\n  members: [he]\n",
        "  id: jishu\n  name: 研发部\n  lead: he\n  members: [he, guo-fang]\n"), "utf-8")
    found = json_findings(folder)
    assert where(found) == [("RF001", "org.yaml", 15, 59)]
    # trial 30: not only "add the team 'tech'": it was there at HEAD (`ci.headgone`), also
    # on the one RF001 the two references make (`engine.sameid`)
    assert found[0]["hint"] == ("'tech' was the id of 技术部 in org.yaml at git HEAD and is "
                                "gone since: add it back there, or change this reference to "
                                "an existing id (1 other reference names 'tech' too, at its "
                                "related location: its RF001 is held back behind this one)")


@pytest.mark.parametrize(("lang", "hint"), [
    ("zh", "是不是要写 marketing（市场部）？"), ("en", "did you mean marketing (市场部)?")])
def test_a_did_you_mean_says_the_id_first(write_org, lang: str, hint: str) -> None:
    from conftest import run_cli

    folder = write_org({"org.yaml": RENAMED.replace("consulted: [tech]",
                                                    "consulted: [marketting]")})
    run = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", lang)
    hints = [line.strip() for line in run.stdout.splitlines() if "marketing" in line]
    assert hints == [f"{'建议' if lang == 'zh' else 'hint'}: {hint}"], run.stdout


@pytest.mark.parametrize(("lang", "name"), [("en", "Engineering"), ("zh", "技术部"),
                                            ("zh-Hant", "技術部")])
def test_a_renamed_team_is_named_in_the_reader_s_language(tmp_path: Path, lang: str,
                                                          name: str) -> None:
    """The rename hint reads the files as written: it names the team as every finding does,
    by its `names` in the run's language (trial 34a: `--lang en` said 深圳技术组 while the
    duty beside it was said by its English name)."""
    from conftest import git

    folder = tmp_path / "org"
    folder.mkdir()
    named = RENAMED.replace("  name: 技术部\n",
                            "  name: 技术部\n  names: {en: Engineering, zh-Hant: 技術部}\n")
    (folder / "org.yaml").write_text(named, "utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "org")
    (folder / "org.yaml").write_text(named.replace("  id: tech\n", "  id: jishu\n"), "utf-8")
    found = json_findings(folder, "--lang", lang)
    assert where(found) == [("RF001", "org.yaml", 16, 59)]
    assert found[0]["related"][0]["message"].startswith(f"{name} ")
