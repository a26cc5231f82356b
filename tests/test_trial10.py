"""Rough edges found in trials with Chinese users (item 10b): several ids written as one
string where a list is meant, a ` #` inside a flow collection, a failed file's language,
and a `who` query with a full-width or stray space."""

from __future__ import annotations

from typing import Any

from conftest import run_cli

SPLIT = """\
- {kind: Team, id: a, name: 甲团队, lead: p, members: [p], responsibilities: [d1, d2, d3]}
- {kind: Team, id: b, name: 乙团队, lead: p, members: [p], responsibilities: [d1]}
- {kind: Person, id: p, name: 何静}
- kind: Responsibility
  id: d1
  name: 退款处理
  accountable: a
  consulted: a、b
- kind: Responsibility
  id: d2
  name: 退款审核
  accountable: a
  informed: a，b
- kind: Responsibility
  id: d3
  name: 退款复核
  accountable: a
  responsible: a,b
"""


def findings(run: Any, code: str) -> list[tuple[str, str, str]]:
    """(code, line, hint) of each finding of `code` in a text run."""
    lines = run.stdout.splitlines()
    out = []
    for i, line in enumerate(lines):
        if f" {code} [" in line:
            where = line.split(": ", 1)[0].rsplit(":", 2)[1]
            hint = lines[i + 1].strip() if i + 1 < len(lines) and \
                lines[i + 1].startswith("    ") else ""
            out.append((code, where, hint))
    return out


def test_several_ids_in_one_string_get_one_finding_with_the_list_form(write_org: Any) -> None:
    org = write_org({"o.yaml": SPLIT})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert findings(run, "RF001") == [
        ("RF001", "8", "hint: 'a、b' is one string: write the list `consulted: [a, b]`"),
        ("RF001", "13", "hint: 'a，b' is one string: write the list `informed: [a, b]`"),
        ("RF001", "18", "hint: 'a,b' is one string: write the list `responsible: [a, b]`"),
    ]
    assert run.stdout.count("RF001") == 3  # one finding per string, not one per part
    zh = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh")
    assert "建议: 'a、b' 是一个字符串：写成列表 `consulted: [a, b]`" in zh.stdout


def test_a_list_item_holding_two_ids_is_told_to_split(write_org: Any) -> None:
    org = write_org({"o.yaml": SPLIT.replace("consulted: a、b", "consulted: [b, 'a;b']")})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en",
                  "--select", "RF001")
    assert findings(run, "RF001")[0] == (
        "RF001", "8", "hint: 'a;b' is one item: write the items separately, `a, b`")


def test_one_unknown_id_keeps_its_did_you_mean(write_org: Any) -> None:
    org = write_org({"o.yaml": SPLIT.replace("consulted: a、b", "consulted: bb")})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en",
                  "--select", "RF001")
    assert findings(run, "RF001")[0] == ("RF001", "8", "hint: did you mean 'b'?")


WHO = """\
- {kind: Team, id: hr, name: ＨＲ部, lead: he-jing, members: [he-jing, li]}
- {kind: Person, id: he-jing, name: "何　静"}
- {kind: Person, id: li, name: "李 强"}
- {kind: Person, id: wang, name: "Wang  Fang"}
"""


def who_ids(org: Any, query: str) -> list[str]:
    import json

    run = run_cli("who", query, str(org), "--format", "json", "--lang", "en")
    assert run.code == 0, run.stderr
    return [m["id"] for m in json.loads(run.stdout)["matches"]]


def test_who_reads_spaces_and_full_width_forms_as_written_alike(write_org: Any) -> None:
    org = write_org({"o.yaml": WHO})
    assert who_ids(org, "何静") == ["he-jing"]      # 何　静: a full-width space between
    assert who_ids(org, "何 静") == ["he-jing"]     # and a query with one
    assert who_ids(org, "何靜") == ["he-jing"]      # Traditional, as before
    assert who_ids(org, "李　强") == ["li"]
    assert who_ids(org, "hr部") == ["hr"]          # ＨＲ部: full-width letters
    assert who_ids(org, "wang fang") == ["wang"]   # two spaces written, one searched
    assert who_ids(org, "angfa") == []             # spaces between Latin words still count
