"""Trial 23 (张伟, HRBP, 工号 as person ids): what `check` says about his org."""

from __future__ import annotations

from typing import Any

from conftest import run_cli

PEOPLE = "".join(f"- kind: Person\n  id: '{pid}'\n  name: {name}\n"
                 for pid, name in (("1009", "郑雪"), ("1019", "秦岚"), ("1029", "金鑫")))
POSITION = """- kind: Role
  id: packer
  name: 打包员
  holders: ['1019', 1099]
- kind: Role
  id: host
  name: 主播
  holders: [秦岚, t1099]
"""


def findings(run: Any, code: str) -> list[tuple[str, str]]:
    """(file:line:col, hint line) of each finding of `code` in a text run."""
    lines = run.stdout.splitlines()
    return [(line.split(f": {code} ", 1)[0], lines[i + 1].strip())
            for i, line in enumerate(lines) if f": {code} [" in line]


def test_an_unknown_employee_number_suggests_no_one_by_its_digits(write_org: Any) -> None:
    org = write_org({"people.yaml": PEOPLE, "positions.yaml": POSITION})
    file = str(org / "positions.yaml")
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert findings(run, "RF001") == [
        (f"{file}:4:21", "hint: add the person with id '1099' (their employee number) to the "
                         "org's files, or check the number: numbers that look alike belong to "
                         "unrelated people, so none is suggested"),
        (f"{file}:8:13", "hint: 秦岚 is the name of person `1019`: write `1019`"),
        (f"{file}:8:17", "hint: add the Person 't1099' to the org's files, or change it to an "
                         "existing id"),
    ]
    zh = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh")
    assert findings(zh, "RF001")[0] == (
        f"{file}:4:21", "建议: 在组织文件中添加 id 为 '1099' 的人员（即其工号），或核对工号："
                        "相近的工号属于不相干的人，所以不作推荐")


MEETINGS = """- kind: Team
  id: ops
  name: 运营
- kind: Team
  id: wh
  name: 仓储
- kind: Meeting
  id: daily
  name: 晨会
  owner: ops
  cadence: 每天 09:30
  attendees: [ops]
  参会人员: [wh]
- kind: Meeting
  id: weekly
  name: 周会
  owner: ops
  cadence: 每周一 10:00
  attendees: [ops]
  attendees:
  - wh
  owner: wh
"""


def test_a_field_translated_to_one_already_set_is_told_to_merge_not_rename(
        write_org: Any) -> None:
    org = write_org({"meetings.yaml": MEETINGS})
    file = str(org / "meetings.yaml")
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert findings(run, "SC001") == [
        (f"{file}:13:3", "hint: `attendees` is already set here: move the items of `参会人员` "
                         "into the `attendees` list, then delete `参会人员`")]
    assert findings(run, "IN004") == [
        (f"{file}:20:3", "hint: both are lists, and YAML keeps only one: move the items of "
                         "this `attendees` into the first one, then delete this one"),
        (f"{file}:22:3", "hint: YAML keeps only one of the two values; remove or rename one")]
    zh = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh")
    assert findings(zh, "SC001") == [
        (f"{file}:13:3", "建议: 这里已经有 `attendees`：把 `参会人员` 下的各项移到 `attendees` "
                         "列表中，再删掉 `参会人员`")]

