"""A fresh user's trial (an operations director reading the zh report and the handbook): the
load table counted a person's accountable duties otherwise than `orgspec show person` and
the person page; an overlap was filed under the second team it names; a position page sent
a newcomer to a fellow holder rather than the team's lead; rule names stayed English beside
their codes in a zh report; the team page, `orgspec show` and the export's key results
listed things in id or file order rather than the reader's; and a name two people share
held back what followed for one of them, as if it were meant."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.site import SiteOptions, build_site


def _site(tmp_path: Path, text: str, lang: str = "zh") -> tuple[Path, object]:
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    result, org = lint_org([str(tmp_path / "org.yaml")], Config(lang=lang))
    out = tmp_path / "site"
    build_site(result, org, str(out), SiteOptions(git_dates=False))
    return out, org


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


# --- 2. an overlap is filed under the team it is located at --------------------------------

OVERLAP = """\
- {kind: Team, id: ops, name: 运营部, lead: a, members: [a]}
- {kind: Team, id: cs, name: 客服部, lead: b, members: [b],
   responsibilities: [{ref: refund, role: accountable}]}
- {kind: Person, id: a, name: 张三}
- {kind: Person, id: b, name: 李四}
- {kind: Responsibility, id: refund, name: 退款处理, accountable: ops}
"""


def test_an_overlap_is_filed_under_the_team_it_is_located_at(tmp_path: Path) -> None:
    # OW001 sits on `accountable: ops` (cs's claim is its related location), but was filed
    # under cs, the first of the two by id
    (tmp_path / "org.yaml").write_text(OVERLAP, "utf-8")
    run = run_cli("check", str(tmp_path / "org.yaml"), "--format", "json")
    [found] = json.loads(run.stdout)["findings"]
    assert (found["code"], found["line"], found["teams"]) == \
        ("OW001", 6, ["ops", "cs"])
    run = run_cli("report", str(tmp_path / "org.yaml"), "--lang", "zh", "-o",
                  str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text("utf-8")
    row = re.search(r'<tr data-severity="error" data-rule="OW001".*?</tr>', html, re.S)
    assert row is not None and row.group(0).endswith('title="ops">运营部</td></tr>')
    out, _ = _site(tmp_path, OVERLAP)
    health = _plain((out / "health.html").read_text("utf-8").split('id="rule-OW001"')[1]
                    .split("</details>")[0])
    assert "运营部：职责 退款处理 (refund) 有 2 个批准方 (A)" in health
    for team in ("ops", "cs"):  # still on the page of every team it involves
        assert "OW001" in (out / "teams" / f"{team}.html").read_text("utf-8")


# --- 6. a name two people share is guessed as neither --------------------------------------

SHARED = """\
- {kind: Team, id: a, name: 甲部, lead: 张伟, members: [li]}
- {kind: Person, id: li, name: 李四}
- {kind: Person, id: zhangwei, name: 张伟, title: 后端}
- {kind: Person, id: zhangwei2, name: 张伟, title: 前端}
- {kind: Responsibility, id: r, name: 选品, accountable: a}
"""


def test_a_shared_name_holds_back_what_follows_for_every_person_it_may_mean(
        tmp_path: Path) -> None:
    # `lead: 张伟` named zhangwei (the first by id): his HI007 was held back and
    # zhangwei2's reported, as if the name had been meant for him
    (tmp_path / "org.yaml").write_text(SHARED, "utf-8")
    run = run_cli("check", str(tmp_path / "org.yaml"), "--format", "json", "--lang", "en")
    found = json.loads(run.stdout)["findings"]
    assert [(f["code"], f["line"]) for f in found] == [("RF001", 1)]
    assert found[0]["hint"].endswith(
        "(2 findings that follow from this mistake are held back until it is fixed: HI007 "
        "on person 'zhangwei', HI007 on person 'zhangwei2')")
