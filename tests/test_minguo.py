"""A date written in Taiwan's Minguo (ROC) years (`115/03/31`, `民國115年3月31日`) is told its
Gregorian date (trial 31: `due: 115/03/31` got only the generic example 2026-12-31)."""

from __future__ import annotations

import datetime as dt

import pytest

from orgspec.engine.lint import lint
from orgspec.load.config import Config

ORG = """\
- {kind: Team, id: cs, name: 客服部, lead: liu, members: [liu]}
- {kind: Person, id: liu, name: 劉洋}
- kind: Objective
  id: o1
  title: 提升顧客滿意度
  owner: cs
  period: 2026-Q1
  key_results:
    - id: kr1
      title: 退款時長從48小時縮短到24小時
      due: {due}
"""


@pytest.mark.parametrize(("due", "lang", "message", "hint"), [
    ("115/03/31", "zh-Hant",
     "關鍵結果 退款時長從48小時縮短到24小時 (kr1) 的 `due` 的值 '115/03/31' 不是有效日期："
     "寫成 `2026-03-31`（民國 115 年即 2026 年）",
     "日期寫作 YYYY-MM-DD，用連字元分隔，例如 2026-03-31"),
    ("民國115年3月31日", "en",
     "key result 退款時長從48小時縮短到24小時 (kr1): `due` '民國115年3月31日' is not a date: "
     "write `2026-03-31` (Minguo year 115 is 2026)",
     "dates are written YYYY-MM-DD with hyphens, e.g. 2026-03-31"),
    ("民国 115 年 2 月 28 日", "zh",
     "关键结果 退款時長從48小時縮短到24小時 (kr1) 的 `due` 的值 '民国 115 年 2 月 28 日' 不是"
     "有效日期：写成 `2026-02-28`（民国 115 年即 2026 年）",
     "日期写作 YYYY-MM-DD，用连字符分隔，例如 2026-02-28"),
])
def test_a_minguo_date_is_told_its_gregorian_date(write_org, due: str, lang: str,  # type: ignore[no-untyped-def]
                                                  message: str, hint: str) -> None:
    org = write_org({"org.yaml": ORG.replace("{due}", due)})
    result = lint([str(org)], Config(lang=lang, ignore=[]), today=dt.date(2026, 1, 5))
    assert [(f.code, f.location.line, f.message, f.hint) for f in result.findings
            if f.code != "OW006"] == [("SC003", 11, message, hint)]


@pytest.mark.parametrize("due", ["26/3/31", "115/02/30", "215/1/1"])
def test_what_is_no_minguo_date_is_not_read_as_one(write_org, due: str) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"org.yaml": ORG.replace("{due}", due)})
    result = lint([str(org)], Config(lang="en", ignore=[]), today=dt.date(2026, 1, 5))
    said = [f for f in result.findings if f.code != "OW006"]
    assert [f.code for f in said] == ["SC003"]
    assert "Minguo" not in said[0].message
