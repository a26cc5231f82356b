"""A number or a time zone typed with a full-width IME (`２`, `Ａｓｉａ/Ｓｈａｎｇｈａｉ`) is
still a finding (never read silently as what it looks like), and its hint names the value
meant, NFKC-folded, in every language."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import run_cli

ORG = """\
- kind: Team
  id: ops
  name: 运营
- kind: Role
  id: ops-lead
  team: ops
  headcount: {headcount}
- kind: Meeting
  id: weekly
  owner: ops
  cadence: 每周一 10:00
  timezone: {zone}
"""


def _said(root: Any, lang: str) -> list[tuple[str, int, str]]:
    run = run_cli("check", str(root), "--format", "json", "--isolated", "--lang", lang,
                  "--select", "SC003,MT006")
    return [(f["code"], f["line"], f["hint"]) for f in run.json()["findings"]]


@pytest.mark.parametrize(("lang", "number", "zone"), [
    ("en", "did you mean `12`? write it in half-width digits", "did you mean `Asia/Shanghai`?"),
    ("zh", "是不是要写 `12`？数字请用半角", "是不是要写 `Asia/Shanghai`？"),
    ("zh-Hant", "是不是要寫 `12`？數字請用半形", "是不是要寫 `Asia/Shanghai`？"),
])
def test_full_width_digits_and_zone_are_findings_with_the_value_meant(
        write_org: Any, lang: str, number: str, zone: str) -> None:
    root = write_org({"org.yaml": ORG.format(headcount="１２", zone="Ａｓｉａ/Ｓｈａｎｇｈａｉ")})
    assert _said(root, lang) == [("SC003", 7, number), ("MT006", 12, zone)]


def test_a_number_that_is_none_keeps_the_plain_hint(write_org: Any) -> None:
    root = write_org({"org.yaml": ORG.format(headcount="两个", zone="Asia/Shanghai")})
    assert _said(root, "en") == [("SC003", 7, "write it in digits, e.g. `3`")]
