"""Trial 23 (张伟, HRBP, 工号 as person ids): what `check` says about his org."""

from __future__ import annotations

from pathlib import Path
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


# a holder no one is guessed for may have left (trial 35)
SEAT = ("; if the person left and the seat is open now, write `vacant` in their place (RO001 "
        "reports an open seat)")


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
                         "unrelated people, so none is suggested" + SEAT),
        (f"{file}:8:13", "hint: 秦岚 is the name of person `1019`: write `1019`"),
        (f"{file}:8:17", "hint: add the Person 't1099' to the org's files, or change it to an "
                         "existing id" + SEAT),
    ]
    zh = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh")
    assert findings(zh, "RF001")[0] == (
        f"{file}:4:21", "建议: 在组织文件中添加 id 为 '1099' 的人员（即其工号），或核对工号："
                        "相近的工号属于不相干的人，所以不作推荐；如果此人已离职、这个岗位现在空缺，"
                        "在原处写 `待招聘`（RO001 会报告空缺的岗位）")


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


def test_the_gitlab_ci_file_says_where_to_install_from_without_github(tmp_path: Any) -> None:
    said = {"en": "# from your mirror of the orgspec repository instead (README: \"pre-commit\", "
                  "mirror it)",
            "zh": "# orgspec 仓库安装（见 README 的“pre-commit”一节）",
            "zh-Hant": "# orgspec 儲存庫安裝（見 README 的「pre-commit」一節）"}
    for lang, comment in said.items():
        repo = tmp_path / lang
        assert run_cli("init", str(repo), "--ci", "gitlab", "--no-example", "--lang",
                       lang).code == 0
        lines = (repo / ".gitlab-ci.yml").read_text("utf-8").splitlines()
        at = lines.index('    - pip install "orgspec @ git+https://github.com/orgspec/orgspec"')
        assert lines[at - 1].strip() == comment and "github.com" in lines[at - 2]
        assert "repo: local" in (repo / ".pre-commit-config.yaml").read_text("utf-8")


def test_the_readme_shows_the_site_title_key_where_the_title_is_told(tmp_path: Any) -> None:
    import re

    from orgspec.load.config import load_config

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("### Handbook site\n", 1)[1].split("\n### ", 1)[0]
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", section, re.S)
                 if "site-title:" in b)
    (tmp_path / ".orgspec.yaml").write_text(block, "utf-8")
    assert load_config(str(tmp_path / ".orgspec.yaml")).site_title == "星辰直播 员工手册"
