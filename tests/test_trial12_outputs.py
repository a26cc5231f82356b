"""A fresh user's trial of orgspec's outputs (org designers at Chinese e-commerce companies,
reading Simplified Chinese, Traditional Chinese and English): the export's people directory
was in id order, GitLab CI got relative file links, the HTML flowcharts left out the SLAs the
Markdown ones say, the report's truncation note was English only, `show` listed child teams
by id, the site's duties index sorted by id within a problem, and a position with no KPIs
read `0/0`."""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import run_cli

# ids in the opposite order of the names in pinyin (运 yùn, 客 kè, 技 jì) and in strokes
# (技 7, 客 9, 運 13): an order by id shows at once
ORG = """\
- {kind: Team, id: a-ops, name: 运营部, lead: a-zhao, members: [c-wang, a-zhao, b-chen]}
- {kind: Team, id: b-cs, name: 客服部, parent: a-ops, lead: d-li, members: [d-li]}
- {kind: Team, id: c-tech, name: 技术部, parent: a-ops, lead: e-lin, members: [e-lin]}
- {kind: Person, id: a-zhao, name: 赵敏}
- {kind: Person, id: b-chen, name: 陈静}
- {kind: Person, id: c-wang, name: 王芳}
- {kind: Person, id: d-li, name: 李娜}
- {kind: Person, id: e-lin, name: 林雪}
- {kind: Person, id: f-zeng, name: 曾伟}
- {kind: Person, id: g-an, name: 安然}
"""
HANT = str.maketrans("运营术赵陈静伟", "運營術趙陳靜偉")


def _people_csv(tmp_path: Path, folder: Path, *args: str) -> list[tuple[str, str]]:
    out = tmp_path / "x"
    run = run_cli("export", str(folder), "--format", "csv", "-o", str(out), *args)
    assert run.code == 0, run.stderr
    with open(out / "people.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return [(r[5], r[1]) for r in rows[1:]]  # (team, name)


# --- 1. the export's people directory in the reader's order ----------------------------------

def test_people_csv_lists_teams_and_people_by_name_in_pinyin(write_org, tmp_path: Path) -> None:
    folder = write_org({"org.yaml": ORG})
    # teams jì kè yùn; in a team its lead first, then chén before wáng; then the people in
    # no team: ān before zēng (曾 read as a surname)
    assert _people_csv(tmp_path, folder, "--lang", "zh", "--isolated") == [
        ("技术部", "林雪"), ("客服部", "李娜"), ("运营部", "赵敏"), ("运营部", "陈静"),
        ("运营部", "王芳"), ("", "安然"), ("", "曾伟")]


def test_people_csv_lists_by_strokes_in_traditional_chinese(write_org, tmp_path: Path) -> None:
    folder = write_org({"org.yaml": ORG.translate(HANT)})
    # teams 技 7, 客 9, 運 13; after the lead 王 4 before 陳 11; then 安 6 before 曾 12
    assert _people_csv(tmp_path, folder, "--lang", "zh-Hant", "--isolated") == [
        ("技術部", "林雪"), ("客服部", "李娜"), ("運營部", "趙敏"), ("運營部", "王芳"),
        ("運營部", "陳靜"), ("", "安然"), ("", "曾偉")]
    # the config's `name-order` wins over the language's
    (tmp_path / "c.yml").write_text("name-order: pinyin\n", "utf-8")
    assert [n for _, n in _people_csv(tmp_path, folder, "--lang", "zh-Hant", "--config",
                                      str(tmp_path / "c.yml"))] == [
        "林雪", "李娜", "趙敏", "陳靜", "王芳", "安然", "曾偉"]
