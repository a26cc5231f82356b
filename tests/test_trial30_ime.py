"""Trial 30 (an ops lead typing with a Chinese IME): a full-width comma in a flow list is
said at the comma; a list in full-width brackets is one finding at the `［` and the file
still loads (IN020); a name written in the other script is quoted as the org writes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import json_findings, where

ORG = """\
- kind: Team
  id: ops
  name: 运营部
  lead: li-na
  members: [li-na, zhang-wei]
  responsibilities: [promo]
- kind: Team
  id: marketing
  name: 市场部
  lead: chen-jing
  members: [chen-jing]
  responsibilities: [{ref: promo, role: consulted}]
- {kind: Person, id: li-na, name: 李娜}
- {kind: Person, id: zhang-wei, name: 张伟, manager: li-na}
- {kind: Person, id: chen-jing, name: 陈静}
- kind: Responsibility
  id: promo
  name: 大促
  accountable: ops
  consulted: [marketing]
- kind: Meeting
  id: weekly
  name: 周会
  cadence: weekly
  owner: li-na
  attendees: [ops, marketing]
"""


def org(write_org, old: str, new: str) -> Path:
    assert old in ORG
    folder: Path = write_org({"org.yaml": ORG.replace(old, new, 1)})
    return folder


def test_the_org_as_written_is_clean(write_org) -> None:
    assert json_findings(write_org({"org.yaml": ORG})) == []


@pytest.mark.parametrize(("old", "new", "at"), [
    ("consulted: [marketing]", "consulted: [marketing，ops]", (20, 24)),
    ("attendees: [ops, marketing]", "attendees: [ops， marketing]", (26, 18)),
    ("attendees: [ops, marketing]", "attendees: [\"ops，marketing\"]", (26, 19)),
    ("consulted: [marketing]", "consulted:\n    - marketing、ops", (21, 16)),
])
def test_a_full_width_comma_in_a_list_is_said_at_the_comma(write_org, old: str, new: str,
                                                           at: tuple[int, int]) -> None:
    found = json_findings(org(write_org, old, new))
    assert where(found) == [("RF001", "org.yaml", *at)]
    assert found[0]["end_column"] == at[1] + 1


def brackets(write_org, lang: str, members: str = "［li-na, zhang-wei］") -> list[dict[str, Any]]:
    return json_findings(org(write_org, "members: [li-na, zhang-wei]", f"members: {members}"),
                         "--lang", lang)


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "full-width brackets `［` `］` around the list of `members`: YAML reads them as text, "
           "not as a list", "use ASCII brackets: `members: [li-na, zhang-wei]`"),
    ("zh", "`members` 的列表用了全角括号 `［` `］`：YAML 会把它当作文字，而不是列表",
           "改用半角括号：`members: [li-na, zhang-wei]`"),
    ("zh-Hant", "`members` 的清單用了全形括號 `［` `］`：YAML 會把它當作文字，而不是清單",
                "改用半形括號：`members: [li-na, zhang-wei]`"),
])
def test_a_list_in_full_width_brackets_is_one_finding_at_the_bracket(
        write_org, lang: str, message: str, hint: str) -> None:
    found = brackets(write_org, lang)
    assert where(found) == [("IN020", "org.yaml", 5, 12)]
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


def test_the_file_with_full_width_brackets_still_loads(write_org) -> None:
    folder = org(write_org, "members: [li-na, zhang-wei]", "members: 【li-na, zhang-wei】")
    text = (folder / "org.yaml").read_text("utf-8")
    (folder / "org.yaml").write_text(text.replace("owner: li-na", "owner: li-nna"), "utf-8")
    found = json_findings(folder)
    # the file's other mistake is reported (it was held back while the file failed)
    assert where(found) == [("IN020", "org.yaml", 5, 12), ("RF001", "org.yaml", 25, 10)]


def test_full_width_brackets_in_a_name_are_its_text(write_org) -> None:
    assert json_findings(org(write_org, "name: 周会", "name: 【双11】周会")) == []


@pytest.mark.parametrize(("lang", "manager", "hint"), [
    ("en", "陳靜", "陳靜 (陈静) is the name of person `chen-jing`: write `chen-jing`"),
    ("zh", "陳靜", "陳靜（陈静）是人员 `chen-jing` 的名称：请写 `chen-jing`"),
    ("zh-Hant", "陳靜", "陳靜（陈静）是人員 `chen-jing` 的名稱：請寫 `chen-jing`"),
    ("en", "陈静", "陈静 is the name of person `chen-jing`: write `chen-jing`"),
])
def test_a_name_in_the_other_script_is_quoted_as_the_org_writes_it_too(
        write_org, lang: str, manager: str, hint: str) -> None:
    folder = org(write_org, "manager: li-na", f"manager: {manager}")
    found = json_findings(folder, "--lang", lang)
    assert where(found) == [("RF001", "org.yaml", 14, 52)]
    assert found[0]["hint"] == hint
