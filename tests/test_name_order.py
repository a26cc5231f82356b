"""Names in the order a reader expects: a surname read as a surname (曾 zēng, 单 shàn),
numbers by value (M2 before M18), and site index pages by display name, not by id."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli


def test_a_surname_with_two_readings_sorts_by_its_surname_reading() -> None:
    from orgspec.text.collate import name_key, person_key

    people = ["曾伟", "陈明", "单立", "邵东", "沙平", "解放", "谢婷", "区华", "潘明", "仇强",
              "钱多", "查理", "张三", "朴灿", "乐乐", "岳云", "召南", "蓋文", "高明"]
    assert sorted(people, key=person_key) == [
        "陈明", "高明", "蓋文", "区华", "潘明", "朴灿", "钱多", "仇强", "沙平", "单立",
        "召南", "邵东", "解放", "谢婷", "乐乐", "岳云", "曾伟", "查理", "张三"]
    # only the first character is a surname, and team names keep the common reading
    assert person_key("陈曾")[0] == name_key("陈曾")[0]
    assert [n for n in sorted(["曾经组", "陈组"], key=name_key)] == ["曾经组", "陈组"]


def test_numbers_in_names_sort_by_value() -> None:
    from orgspec.text.collate import name_key

    assert sorted(["M1", "M18", "M19", "M2", "第10组", "第2组", "M02"], key=name_key) == [
        "第2组", "第10组", "M1", "M02", "M2", "M18", "M19"]


ORG = """\
- {kind: Team, id: ops, name: 运营部, lead: zeng, members: [zeng, chen, shan]}
- {kind: Person, id: zeng, name: 曾伟}
- {kind: Person, id: chen, name: 陈明}
- {kind: Person, id: shan, name: 单立}
- {kind: Responsibility, id: refunds, name: 退款, accountable: [a-pos]}
- {kind: Role, id: a-pos, name: 运营专员, team: ops, holders: [chen]}
- {kind: Role, id: b-pos, name: 客服专员, team: ops, holders: [zeng]}
- {kind: Role, id: c-pos, name: 财务, team: ops, holders: [shan]}
- {kind: Meeting, id: a-m18, name: M18, cadence: "every Monday 10:00", owner: zeng}
- {kind: Meeting, id: b-m2, name: M2, cadence: "every Monday 10:00", owner: zeng}
- {kind: Meeting, id: c-m1, name: M1, cadence: "every Monday 10:00", owner: zeng}
- {kind: Meeting, id: d-week, name: 周会, cadence: quarterly, owner: zeng}
- {kind: Meeting, id: e-review, name: 复盘会, cadence: quarterly, owner: zeng}
"""


def _links(html: str) -> list[str]:
    main = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<tr>\s*<td[^>]*><a [^>]*>([^<]+)</a>', main)


def test_site_index_pages_and_calendar_sort_by_display_name(write_org, tmp_path: Path) -> None:
    run = run_cli("site", str(write_org({"o.yaml": ORG})), "-o", str(tmp_path / "s"))
    assert run.code == 0, run.stderr
    site = tmp_path / "s"
    positions = (site / "positions" / "index.html").read_text("utf-8")
    assert _links(positions) == ["财务", "客服专员", "运营专员"]  # cái kè yùn
    meetings = (site / "meetings" / "index.html").read_text("utf-8")
    assert _links(meetings) == ["复盘会", "M1", "M2", "M18", "周会"]
    calendar = (site / "calendar.html").read_text("utf-8")
    cell = calendar.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert re.findall(r">(M\d+)</a>", cell) == ["M1", "M2", "M18"]
    rarely = calendar.split('<section id="rarely">', 1)[1].split("</section>", 1)[0]
    assert rarely.index("复盘会") < rarely.index("周会")
    people = (site / "people" / "index.html").read_text("utf-8")
    assert people.index("陈明") < people.index("单立") < people.index("曾伟")  # chén shàn zēng


RARELY = """\
- {kind: Team, id: ops, name: 运营部}
- {kind: Meeting, id: m1, name: 年度复盘, cadence: 每年12月, owner: ops}
- {kind: Meeting, id: m2, name: 半年会, cadence: 每半年, owner: ops}
- {kind: Meeting, id: m3, name: 季度规划, cadence: 每季度第一周, owner: ops}
- {kind: Meeting, id: m4, name: 月度总结, cadence: 每月最后一个工作日, owner: ops}
- {kind: Meeting, id: m5, name: 财务月会, cadence: 每月初一, owner: ops}
"""


def test_the_calendars_rare_meetings_sort_by_frequency_then_name(write_org,
                                                                    tmp_path: Path) -> None:
    run = run_cli("site", str(write_org({"o.yaml": RARELY})), "-o", str(tmp_path / "s"))
    assert run.code == 0, run.stderr
    calendar = (tmp_path / "s" / "calendar.html").read_text("utf-8")
    rarely = calendar.split('<section id="rarely">', 1)[1].split("</section>", 1)[0]
    # monthly (cái, yuè), quarterly, half-yearly, yearly; by name alone 半年会 came first
    assert re.findall(r">([^<>]+)</a>", rarely) == ["财务月会", "月度总结", "季度规划", "半年会",
                                                    "年度复盘"]
