"""MT004 (coordination-gap): one missing meeting gives one finding. k teams sharing a duty
with no meeting in common give one finding at the duty that names them all (not k(k-1)/2
pair findings); a later duty of the same teams is listed there; its fingerprint follows the
duty, not the teams."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.load.config import Config

TODAY = dt.date(2026, 11, 30)


def _teams(*ids: str) -> str:
    return "".join(f"- {{kind: Team, id: {t}, lead: p-{t}, members: [p-{t}]}}\n"
                   f"- {{kind: Person, id: p-{t}}}\n" for t in ids)


def gaps(tmp_path: Path, text: str, lang: str = "en") -> list[Finding]:
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    result = lint([str(tmp_path)], Config(lang=lang), today=TODAY)
    return [f for f in result.findings if f.code == "MT004"]


MEETING = "- {kind: Meeting, id: standup, cadence: daily, owner: a, attendees: [a]}\n"


def test_five_teams_on_one_duty_are_one_finding_at_the_duty(tmp_path: Path) -> None:
    org = _teams("a", "b", "c", "d", "e") + MEETING + (
        "- kind: Responsibility\n"
        "  id: promo\n"
        "  accountable: a\n"
        "  responsible: [b, c]\n"
        "  consulted: [d, e]\n")
    [gap] = gaps(tmp_path, org)  # was 9 findings, one per pair
    assert (gap.location.line, gap.entity) == (13, "responsibility:promo")
    assert gap.message == ("5 teams share duty 'promo' ('a', 'b', 'c', 'd', 'e'), but no meeting "
                           "or channel includes them all; these have none in common: a–b, a–c, "
                           "a–d and 6 more")
    assert [r.message for r in gap.related] == [f"team '{t}'" for t in "abcde"]
    assert [r.location.line for r in gap.related] == [1, 3, 5, 7, 9]
    assert gap.hint == ("hold one meeting with 'a', 'b', 'c', 'd', 'e' about this duty (e.g. a "
                        "joint weekly meeting), or give them a common channel")
    [zh] = gaps(tmp_path, org, "zh")
    assert zh.message == (
        "5 个团队共担职责 'promo'（'a'、'b'、'c'、'd'、'e'），但没有一个会议或沟通渠道把他们都"
        "包括进来；以下团队之间没有共同的会议或渠道：a–b、a–c、a–d，另有 6 对")
    assert zh.hint == ("为这项职责组织一个有 'a'、'b'、'c'、'd'、'e' 参加的会议"
                                   "（如联合周例会），或给他们一个共同的沟通渠道")


def test_pairs_that_already_meet_are_left_out_and_no_pair_at_all_is_said_plainly(
        tmp_path: Path) -> None:
    org = _teams("a", "b", "c") + (
        "- {kind: Meeting, id: ab, cadence: weekly, owner: a, attendees: [a, b]}\n"
        "- {kind: Responsibility, id: d1, accountable: a, consulted: [b, c]}\n"
        "- {kind: Responsibility, id: d2, accountable: a, consulted: [b]}\n")
    [gap] = gaps(tmp_path, org)
    assert gap.message == ("teams 'a' and 'c' share duty 'd1', but no meeting or channel "
                           "includes both")  # a and b meet, so b is not named
    alone = org.replace("attendees: [a, b]", "attendees: [a]").replace(
        "consulted: [b, c]", "responsible: [b], consulted: [c]")
    [gap] = gaps(tmp_path, alone)
    assert gap.message == "3 teams share duty 'd1' ('a', 'b', 'c'), but no two of them share " \
                          "a meeting or channel"
    # d2's teams are all named at d1: one meeting fixes both, so d2 is a related location
    assert gap.related[-1].message == "teams named here also share duty 'd2'"


def test_the_fingerprint_follows_the_duty_when_teams_come_and_go(tmp_path: Path) -> None:
    head = _teams("a", "b", "c", "d") + MEETING
    two = gaps(tmp_path, head + "- {kind: Responsibility, id: d1, accountable: b, "
                                "consulted: [c]}\n")
    three = gaps(tmp_path, head + "- {kind: Responsibility, id: d1, accountable: b, "
                                  "consulted: [c, d]}\n")
    other = gaps(tmp_path, head + "- {kind: Responsibility, id: d1, accountable: c, "
                                  "consulted: [d]}\n")
    assert len(two) == len(three) == len(other) == 1
    assert two[0].fingerprint == three[0].fingerprint == other[0].fingerprint
    assert two[0].message != three[0].message


def test_a_process_is_one_finding_at_its_id_with_each_hand_off_related(tmp_path: Path) -> None:
    org = _teams("a", "b", "c") + MEETING + (
        "- kind: Process\n"
        "  id: flow\n"
        "  steps:\n"
        "    - {id: s1, owner: a, next: [s2]}\n"
        "    - {id: s2, owner: b, next: [s3]}\n"
        "    - {id: s3, owner: c}\n")
    [gap] = gaps(tmp_path, org)  # was one per hand-off
    assert (gap.location.line, gap.entity) == (9, "process:flow")
    assert gap.message == ("process 'flow' hands work between 3 teams ('a', 'b', 'c'), but no "
                           "meeting or channel includes them all; these have none in common: "
                           "a–b, b–c")
    assert [r.message for r in gap.related][3:] == ["hand-off 's1' -> 's2'",
                                                    "hand-off 's2' -> 's3'"]
    assert "channels:" in gap.hint
    fixed = org.replace("  id: flow\n", "  id: flow\n  channels: [钉钉群]\n")
    assert gaps(tmp_path, fixed) == []


def test_a_duty_of_many_teams_names_the_first_five_and_counts_the_rest(tmp_path: Path) -> None:
    """Twelve teams named twice made a line of 300 characters: the message and the hint name
    five and count the others, in each language; six are all named (one more is named
    rather than counted), and the related locations still list every team up to twelve."""
    ids = [f"t{i:02}" for i in range(1, 10)]
    org = _teams(*ids) + MEETING.replace("owner: a, attendees: [a]", "owner: t01, attendees: "
                                         "[p-t01]") + (
        f"- {{kind: Responsibility, id: promo, accountable: t01, "
        f"consulted: [{', '.join(ids[1:])}]}}\n")
    [gap] = gaps(tmp_path, org)
    named = "'t01', 't02', 't03', 't04', 't05'"
    assert gap.message.startswith(f"9 teams share duty 'promo' ({named} and 4 more teams), "
                                  "but no meeting")
    assert gap.hint == (f"hold one meeting with {named} and 4 more teams about this duty (e.g. "
                        "a joint weekly meeting), or give them a common channel")
    assert [r.message for r in gap.related] == [f"team '{t}'" for t in ids]
    [zh] = gaps(tmp_path, org, "zh")
    listed = "'t01'、't02'、't03'、't04'、't05' 等 9 个团队"
    assert zh.message.startswith(f"9 个团队共担职责 'promo'（{listed}），但没有")
    assert zh.hint.startswith(f"为这项职责组织一个有 {listed} 参加")
    [hant] = gaps(tmp_path, org, "zh-Hant")
    assert "（'t01'、't02'、't03'、't04'、't05' 等 9 個團隊）" in hant.message
    six = org.replace(", t07, t08, t09]", "]")
    [gap] = gaps(tmp_path, six)
    assert f"({named}, 't06')" in gap.message
