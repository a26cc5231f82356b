"""The person page's duty heading counts distinct duties, not rows: a duty held two ways
(directly and through a position) is one duty on two rows (left11, item 4)."""

from __future__ import annotations

import re
from pathlib import Path

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.site import SiteOptions, build_site

ORG = """\
- {kind: Team, id: cs, name: 客服部, lead: ada, members: [ada, bob]}
- {kind: Person, id: ada, name: Ada}
- {kind: Person, id: bob, name: Bob}
- {kind: Position, id: lead-pos, name: 客服主管, team: cs, holders: [ada]}
- {kind: Responsibility, id: refunds, name: 退款, accountable: ada, responsible: [lead-pos]}
- {kind: Responsibility, id: returns, name: 退货, accountable: bob, responsible: [ada]}
"""


def test_a_duty_held_two_ways_is_counted_once_and_shown_on_both_rows(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text(ORG, "utf-8")
    result, org = lint_org([str(tmp_path / "org")], Config(lang="en"))
    build_site(result, org, str(tmp_path / "site"), SiteOptions(git_dates=False))
    page = (tmp_path / "site" / "people" / "ada.html").read_text("utf-8")
    section = page[page.index('<section id="duties">'):]
    section = section[:section.index("</section>")]
    assert re.search(r"<h2>[^<]* \(2\)</h2>", section), section[:80]
    assert section.count("<tr><td>") == 3  # refunds twice (directly, as 客服主管), returns
