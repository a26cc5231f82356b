"""Trial 35 (a Hong Kong / Taipei ops lead writing Traditional Chinese): one mistake, one
finding, whose hint says what was meant.

1. A step's `next` written with the step's name (`next: [查核訂單及物流]`) or an IME
   separator (`next: investigate、review`, `next: [investigate，review]`): RF001 alone, its
   hint naming the step or pointing at the separator with the corrected list (it was RF001
   listing the step ids, and a PR003 for each step after it).
"""

from __future__ import annotations

from orgspec.engine.lint import lint
from orgspec.load.config import Config

FLOW = """\
- {{kind: Team, id: cs, name: 客服部, lead: hk005, members: [hk005]}}
- {{kind: Person, id: hk005, name: 何詠詩}}
- kind: Process
  id: complaint-flow
  name: 顧客投訴處理流程
  owner: cs
  steps:
    - id: receive
      name: 受理及分類
      owner: cs
      next: {next}
    - id: investigate
      name: 查核訂單及物流
      owner: cs
      next: [resolve]
    - id: resolve
      name: 回覆顧客及補償
      owner: cs
      next: [review]
    - id: review
      name: 每週個案檢討
      owner: cs
"""


def _found(write_org, next_: str, lang: str = "en") -> list[tuple[str, str, int, str]]:
    folder = write_org({"flow.yaml": FLOW.format(next=next_)})
    result = lint([str(folder)], Config(lang=lang))
    return [(f.code, f.location.file.rsplit("/", 1)[-1], f.location.line, f.hint)
            for f in result.findings if f.code != "OW006"]  # the team holds no duty


def test_the_flow_written_right_has_nothing_else_to_report(write_org) -> None:
    assert _found(write_org, "[investigate]") == []


def test_a_step_name_in_next_is_one_finding_naming_the_step(write_org) -> None:
    assert _found(write_org, "[查核訂單及物流]") == [
        ("RF001", "flow.yaml", 11,
         "查核訂單及物流 is the name of step `investigate`: write `investigate`")]


def test_a_step_name_in_another_script_is_the_step_too(write_org) -> None:
    assert _found(write_org, "查核订单及物流") == [
        ("RF001", "flow.yaml", 11,
         "查核订单及物流 (查核訂單及物流) is the name of step `investigate`: write "
         "`investigate`")]


def test_an_enumeration_comma_in_a_scalar_next_gives_the_list(write_org) -> None:
    assert _found(write_org, "investigate、review") == [
        ("RF001", "flow.yaml", 11,
         "'investigate、review' is one string: write the list `next: [investigate, review]`")]


def test_a_full_width_comma_in_a_next_item_is_pointed_at(write_org) -> None:
    folder = write_org({"flow.yaml": FLOW.format(next="[investigate，review]")})
    found = [f for f in lint([str(folder)], Config(lang="en")).findings if f.code != "OW006"]
    assert [(f.code, f.location.line, f.location.col, f.message, f.hint) for f in found] == [
        ("RF001", 11, 25,
         "a full-width comma `，` (U+FF0C) in the list of `next`: YAML reads the items around "
         "it as one",
         "separate the items with ASCII commas: `next: [investigate, review]`")]


def test_names_split_by_a_separator_are_written_as_ids(write_org) -> None:
    assert _found(write_org, "[查核訂單及物流、每週個案檢討]") == [
        ("RF001", "flow.yaml", 11,
         "write the ids of those named, separated by ASCII commas: "
         "`next: [investigate, review]`")]


def test_a_typo_in_next_is_still_one_finding(write_org) -> None:
    assert _found(write_org, "[investgate]") == [
        ("RF001", "flow.yaml", 11, "did you mean 'investigate'?")]


def test_the_hints_are_said_in_traditional_chinese(write_org) -> None:
    found = _found(write_org, "[查核訂單及物流]", "zh-Hant")
    assert [(c, line) for c, _, line, _ in found] == [("RF001", 11)]
    assert "investigate" in found[0][3] and "查核訂單及物流" in found[0][3]
