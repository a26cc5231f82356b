"""A key written twice with one plain value each, in a field that takes a list of ids
(`responsible: cs` then `responsible: amy`): IN004's hint shows both as one list; in a
field of one value (`owner:` twice) it does not. `members:` with nothing after it is SC003
"needs a list, not an empty value", with a hint for none (trial 35: "not a text")."""

from __future__ import annotations

import typing
from typing import Any

from conftest import run_cli

from orgspec.load.yamlevents import ID_LISTS

ORG = """\
- kind: Team
  id: cs
  name: 客服部
  lead: amy
  members:
  responsibilities: [complaints]
- kind: Person
  id: amy
  name: 陳美
- kind: Person
  id: bo
  name: 李波
- kind: Responsibility
  id: complaints
  name: 投訴處理
  accountable: cs
  responsible: cs
  responsible: amy
- kind: Meeting
  id: weekly
  name: 週會
  cadence: 每週一 10:00
  owner: amy
  owner: bo
  attendees: [cs]
"""


def _lines(run: Any, code: str) -> list[tuple[str, str]]:
    out = run.stdout.splitlines()
    return [(line.split(": ", 1)[0].rsplit(":", 2)[-2], out[i + 1].strip())
            for i, line in enumerate(out) if f" {code} " in line]


def test_a_list_field_written_twice_is_shown_as_one_list(write_org: Any) -> None:
    org = write_org({"org.yaml": ORG})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert _lines(run, "IN004") == [
        ("18", "hint: YAML keeps only one of the two values: if both are meant, write them as "
               "one list, `responsible: [cs, amy]`, and delete this line; if not, delete the "
               "wrong one"),
        ("24", "hint: YAML keeps only one of the two values; remove or rename one")]
    assert _lines(run, "SC003") == [
        ("5", "hint: list the items under it, one `- item` per line, or as `[a, b]`; for none, "
              "write `members: []` or remove the field (1 finding that follows from this "
              "mistake is held back until it is fixed: HI007 on person 李波 (bo))")]
    assert "`members`: needs a list, not an empty value" in run.stdout
    zh = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh-Hant")
    assert _lines(zh, "IN004")[0] == (
        "18", "建議: YAML 只會保留兩個值中的一個：如果兩個都要，寫成一個清單 "
              "`responsible: [cs, amy]`，並刪掉這一行；否則刪掉寫錯的那個")


def test_the_list_fields_are_the_models() -> None:
    from pydantic import BaseModel

    from orgspec.model import models

    kinds: dict[str, set[bool]] = {}
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            for name, info in value.model_fields.items():
                kinds.setdefault(name, set()).add(typing.get_origin(info.annotation) is list)
    assert {name for name, lists in kinds.items() if lists == {True}} - {
        "accountable", "key_results", "steps", "kpis"} == ID_LISTS
