"""An owner written as an open seat (`待招聘`, `空缺`, `vacant`, `徵才中`) gives the rule of its
field, as one written as undecided (`待定`, `TBD`) does: one finding, same code, place and
severity, saying what was written, with a hint that fits the word (session 33). Before, a
meeting's, step's, process's or objective's `owner: 待招聘` gave RF001 [error] "'待招聘'
marks an open seat" while `owner: 待定` gave MT001/PR001/PR009/OK011, and `accountable: 空缺`
ignored the charter that claims the duty (OW004 for `待定`). The hint of an open seat says
how to record it - a position holding it, named in the field - and followed as written it
leaves exactly the RO001 the user means."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_placeholders import BASE  # each case writes a word into one of its fields

from orgspec.engine.lint import check_cached, lint, lint_org
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config

TODAY = dt.date(2026, 2, 1)


UNDECIDED = ["待定", "未定", "TBD", "暫無"]
SEATS = ["待招聘", "空缺", "vacant", "招聘中", "徵才中", "職缺", "open seat"]

# (what is replaced, by what ({w}: the word), the one finding: code, line, column, and the
# field a seat's hint tells to write the position's id in, or None)
CASES = [
    ("  owner: platform\n  attendees", "  owner: {w}\n  attendees", ("MT001", 62, 10), "owner"),
    ("  owner: platform\n  period", "  owner: {w}\n  period", ("OK011", 40, 10), "owner"),
    ("owner: support\n  responsibility", "owner: {w}\n  responsibility", ("PR009", 54, 10),
     "owner"),
    ("owner: support, tracker", "owner: {w}, tracker", ("PR001", 57, 41), "owner"),
    ("responsible: [platform]", "responsible: [platform, {w}]", ("OW002", 28, 27),
     "responsible"),
    ("consulted: [support]", "consulted: [support, {w}]", ("OW002", 29, 24), "consulted"),
    # a duty a charter claims (bare: accountable): the owner to write (OW004)
    ("accountable: platform", "accountable: {w}", ("OW004", 27, 16), None),
    ("lead: linus", "lead: {w}", ("HI005", 11, 9), None),
    ("attendees: [support, platform]", "attendees: [{w}]", ("MT003", 63, 3), None),
    ("holders: [ada]", "holders: [ada, {w}]", ("RO001", 21, 18), None),
]
TRACKER = ("tracker: platform", "tracker: {w}", ("PR006", 58, 7), "tracker")


def _run(tmp_path: Path, text: str, lang: str = "en") -> list[Finding]:
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    return lint([str(tmp_path)], Config(lang=lang), today=TODAY).findings


def _at(finding: Finding) -> tuple[str, str, int, int]:
    loc = finding.location
    return finding.code, Path(loc.file).name, loc.line, loc.col


def _written(old: str, new: str, word: str, base: str = BASE) -> str:
    assert base.count(old) == 1, old
    return base.replace(old, new.format(w=word))


def _required(base: str = BASE) -> str:
    """BASE with a process that requires a tracker on each step."""
    return base.replace("  responsibility: tickets\n",
                        "  responsibility: tickets\n  require_tracker: true\n")


def test_the_base_orgs_are_clean(tmp_path: Path) -> None:
    assert _run(tmp_path, BASE) == []
    assert _run(tmp_path, _required()) == []


def _cases() -> list[tuple[str, str, tuple[str, int, int], str | None, str, str]]:
    out = []
    for old, new, want, field in [*CASES, TRACKER]:
        base = _required() if want[0] == "PR006" else BASE
        out += [(old, new, want, field, word, base) for word in UNDECIDED + SEATS]
    return out


@pytest.mark.parametrize(("old", "new", "want", "field", "word", "base"), _cases(),
                         ids=[f"{c[2][0]}-{c[4]}" for c in _cases()])
def test_each_word_gives_the_fields_own_rule_once(
        tmp_path: Path, old: str, new: str, want: tuple[str, int, int], field: str | None,
        word: str, base: str) -> None:
    found = _run(tmp_path, _written(old, new, word, base))
    assert [_at(f) for f in found] == [(want[0], "org.yaml", want[1], want[2])]
    [finding] = found
    # what was written, said
    assert f"'{word}'" in finding.message
    seat = word in SEATS
    if want[0] == "OW004":  # the charter's owner, in place of the word (a clean check)
        assert f"write `accountable: platform` in the duty in place of '{word}'" in finding.hint
    elif want[0] == "HI005" and seat:  # a lead is a person: the finding is the seat
        assert ("`# orgspec: ignore[HI005] the lead of the team above covers until hired`"
                in finding.hint)
    elif field is not None and seat:  # the seat recorded as a position's holder
        assert f"`{field}: <position id>`, with `holders: [{word}]`" in finding.hint
        assert "RO001" in finding.hint
    else:
        assert "holders: [" not in (finding.hint or "")
    assert "待定" not in (finding.hint or "") or word == "待定"  # never suggested


@pytest.mark.parametrize(("old", "new", "want", "field"), [*CASES, TRACKER],
                         ids=[c[2][0] + "-" + c[0].split(":")[0].strip() for c in
                              [*CASES, TRACKER]])
def test_the_same_severity_whatever_the_word(tmp_path: Path, old: str, new: str,
                                            want: tuple[str, int, int],
                                            field: str | None) -> None:
    base = _required() if want[0] == "PR006" else BASE
    said = {(f.code, f.severity) for word in ("待定", "待招聘", "vacant")
            for f in _run(tmp_path, _written(old, new, word, base))}
    assert len(said) == 1, said


# each owner field, its hint followed as written: a position holding the seat, named there
POSITION = "- {kind: Role, id: seat, name: Open seat, team: platform, holders: [{w}]}\n"
FOLLOWED = [
    ("  owner: platform\n  attendees", "  owner: seat\n  attendees"),
    ("  owner: platform\n  period", "  owner: seat\n  period"),
    ("owner: support\n  responsibility", "owner: seat\n  responsibility"),
    ("owner: support, tracker", "owner: seat, tracker"),
    ("responsible: [platform]", "responsible: [platform, seat]"),
    ("consulted: [support]", "consulted: [support, seat]"),
    ("tracker: platform", "tracker: seat"),
]


@pytest.mark.parametrize(("old", "new"), FOLLOWED, ids=[n.split(":")[0].strip() + "-" +
                                                        n.split(":")[1].strip()[:8]
                                                        for _o, n in FOLLOWED])
@pytest.mark.parametrize("word", ["待招聘", "vacant", "徵才中"])
def test_the_seat_hint_followed_leaves_exactly_ro001(tmp_path: Path, old: str, new: str,
                                                     word: str) -> None:
    text = _required() + POSITION.replace("{w}", word)
    found = _run(tmp_path, _written(old, new, word, text))
    assert [_at(f) for f in found] == [("RO001", "org.yaml", 65, 69)]
    assert f"(written as '{word}')" in found[0].message


def test_an_unclaimed_duty_accountable_open_seat_is_ow002_and_its_hint_works(
        tmp_path: Path) -> None:
    text = BASE + ("- {kind: Responsibility, id: refunds, description: Approve refunds, "
                   "accountable: 空缺}\n")
    found = _run(tmp_path, text)
    assert [_at(f) for f in found] == [("OW002", "org.yaml", 64, 82)]
    assert found[0].message == "duty 'refunds' has no accountable owner (written as '空缺')"
    assert "`accountable: <position id>`, with `holders: [空缺]`" in found[0].hint
    followed = text.replace("accountable: 空缺}", "accountable: seat}") + \
        POSITION.replace("{w}", "空缺")
    assert [_at(f) for f in _run(tmp_path, followed)] == [("RO001", "org.yaml", 65, 69)]


def test_an_open_seat_beside_responsible_owners_is_ow003(tmp_path: Path) -> None:
    text = BASE + ("- {kind: Responsibility, id: refunds, description: Approve refunds, "
                   "accountable: 待招聘, responsible: [support]}\n")
    found = _run(tmp_path, text)
    assert [_at(f) for f in found] == [("OW003", "org.yaml", 64, 26)]
    assert str(found[0].message).endswith("but no accountable owner (written as '待招聘')")
    assert "`accountable: <position id>`, with `holders: [待招聘]`" in found[0].hint


def test_two_charter_claimants_of_an_open_seat_duty_are_ow001_alone(tmp_path: Path) -> None:
    # as for `accountable: 待定` (session 32): several owners claim it, one finding
    text = _written("accountable: platform", "accountable: {w}", "空缺")
    text = text.replace("responsibilities: [tickets]", "responsibilities: [tickets, uptime]")
    found = _run(tmp_path, text)
    assert [f.code for f in found] == ["OW001"]
    assert "the duty itself writes '空缺'" in found[0].message


def test_a_lead_seat_hint_followed_is_a_clean_check(tmp_path: Path) -> None:
    text = _written("lead: linus", "lead: {w}", "待招聘")
    assert [_at(f) for f in _run(tmp_path, text)] == [("HI005", "org.yaml", 11, 9)]
    followed = text.replace("  lead: 待招聘\n",
                            "  # orgspec: ignore[HI005] the lead of the team above covers until "
                            "hired\n  lead: 待招聘\n")
    assert _run(tmp_path, followed) == []


def test_an_open_seat_among_attendees_is_mt003(tmp_path: Path) -> None:
    # session 34: as `[待招聘]` alone (MT003 [warning]), not RF001 [error] beside a real one
    text = _written("attendees: [support, platform]", "attendees: [support, {w}]", "待招聘")
    found = _run(tmp_path, text)
    assert [(_at(f), f.severity.label) for f in found] == [
        (("MT003", "org.yaml", 63, 24), "warning")]
    assert found[0].message == "meeting 'weekly' has an attendee not named yet (written as " \
        "'待招聘')"
    assert found[0].hint == (
        "write the team, position or person who attends in place of '待招聘', or leave it "
        "out; while a seat is open, write a position in its place, with `holders: [待招聘]` "
        "on the position (RO001 reports the open seat)")
    # followed: a position holding the open seat, named in its place; RO001 alone is left
    seat = "- {kind: Role, id: sre-hire, name: SRE, team: platform, holders: [待招聘]}\n"
    text = _written("attendees: [support, platform]", "attendees: [support, sre-hire]",
                    "") + seat
    assert [_at(f)[0] for f in _run(tmp_path, text)] == ["RO001"]


def test_a_key_results_owner_is_rf001_for_both_words(tmp_path: Path) -> None:
    # a key result has no owner rule of its own (its objective's owner owns it): RF001 both
    for word in ("待定", "待招聘"):
        found = _run(tmp_path, _written("      owner: platform", "      owner: {w}", word))
        assert [(_at(f), f.severity.label) for f in found] == \
            [(("RF001", "org.yaml", 50, 14), "error")]


def test_an_id_spelt_as_an_open_seat_word_is_that_owner_in_raci(tmp_path: Path) -> None:
    # a team whose id is `recruiting` (招聘组) named in a duty's RACI list is that team
    text = BASE.replace("- {kind: Person, id: ada,",
                        "- {kind: Team, id: recruiting, name: Recruiting, parent: platform, "
                        "lead: grace, members: [grace], responsibilities: [{ref: uptime, role: "
                        "consulted}]}\n- {kind: Person, id: ada,")
    text = text.replace("consulted: [support]", "consulted: [support, recruiting]")
    assert _run(tmp_path, text) == []


_RECRUITING = ("- {kind: Team, id: recruiting, name: Recruiting, parent: platform, lead: "
               "grace, members: [grace], responsibilities: [{ref: uptime, role: consulted}]}\n")


@pytest.mark.parametrize("word", ["recruiting", "hiring", "open", "opening"])
@pytest.mark.parametrize(("old", "new", "want"), [
    (old, new, want) for old, new, want, _ in CASES[:4]])
def test_an_id_like_seat_word_in_an_owner_field_is_read_as_an_id(
        tmp_path: Path, word: str, old: str, new: str, want: tuple[str, int, int]) -> None:
    # an owner names a team, and a recruiting team's id may be `recruiting`: with such a
    # team the owner is it (no finding); without one, RF001 at the same place (an unknown
    # id that marks an open seat), not the owner rule's "no owner"
    text = _written(old, new, word)
    found = _run(tmp_path, text)
    assert [(_at(f), f.severity.label) for f in found] == \
        [(("RF001", "org.yaml", want[1], found[0].location.col), "error")]
    assert "open seat" in found[0].message
    if word == "recruiting":
        named = _run(tmp_path, text.replace("- {kind: Person, id: ada,",
                                            _RECRUITING + "- {kind: Person, id: ada,"))
        # the team is the owner: at most what a real owner gets (PR005, PR008: it holds no
        # role on the process's duty), never a missing or unknown owner
        assert [f.code for f in named] in ([], ["PR005"], ["PR008"])


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("zh", "会议 'weekly' 没有主持人（写作 '待招聘'）",
     "写明主持会议的团队、岗位或人员；空缺期间可改写一个岗位：在该岗位写上 `holders: [待招聘]`，"
     "再在这里写 `owner:` 加该岗位的 id（RO001 会报告这个空缺）"),
    ("zh-Hant", "會議 'weekly' 沒有主持人（寫作 '待招聘'）",
     "寫明主持會議的團隊、職位或人員；空缺期間可改寫一個職位：在該職位寫上 `holders: [待招聘]`，"
     "再在這裡寫 `owner:` 加該職位的 id（RO001 會報告這個空缺）"),
    ("en", "meeting 'weekly' has no owner (written as '待招聘')",
     "name the team, position or person who chairs it; while the seat is open, name a "
     "position instead: `owner: <position id>`, with `holders: [待招聘]` on the position "
     "(RO001 reports the open seat)"),
])
def test_said_in_each_language(tmp_path: Path, lang: str, message: str, hint: str) -> None:
    [found] = _run(tmp_path, _written("  owner: platform\n  attendees",
                                      "  owner: {w}\n  attendees", "待招聘"), lang)
    assert (str(found.message), str(found.hint)) == (message, hint)


def test_the_same_with_and_without_the_cache(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # the owner rules are entity-local: their findings are kept for an unchanged file; the
    # word edited from undecided to an open seat and back to an owner, in another file
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    org = tmp_path / "org"
    org.mkdir()
    text = _written("  owner: platform\n  period", "  owner: {w}\n  period", "空缺")
    cut = text.index("- kind: Process")
    (org / "a.yaml").write_text(text[:cut], "utf-8")
    (org / "b.yaml").write_text(text[cut:], "utf-8")
    cache = tmp_path / "cache"
    owner = "owner: platform\n  attendees"
    for word in ("", "待定", "待招聘", "vacant", "platform"):
        if word:
            b = (org / "b.yaml").read_text("utf-8")
            (org / "b.yaml").write_text(b.replace(owner, f"owner: {word}\n  attendees"),
                                        "utf-8")
            owner = f"owner: {word}\n  attendees"
        got = check_cached([str(org)], Config(), Cache(str(cache)), TODAY).findings
        plain = lint_org([str(org)], Config(), TODAY)[0].findings
        assert [(_at(f), str(f.message), str(f.hint)) for f in got] == \
            [(_at(f), str(f.message), str(f.hint)) for f in plain]
        assert ("OK011", "a.yaml", 40, 10) in [_at(f) for f in got]
        assert [_at(f)[0] for f in got if f.location.file.endswith("b.yaml")] == \
            ([] if word in ("", "platform") else ["MT001"])


def test_show_marks_an_open_seat_owner_as_no_owner(write_org) -> None:  # type: ignore[no-untyped-def]
    # as `check` reads it (PR001), not as an unknown id
    from conftest import run_cli

    org = write_org({"o.yaml": "- {kind: Team, id: ops, name: 运营部}\n"
                               "- kind: Process\n  id: refund\n  name: 退款\n  owner: ops\n"
                               "  steps:\n    - {id: check, name: 审核, owner: 待招聘}\n"})
    run = run_cli("show", "process", "refund", str(org), "--lang", "en")
    assert run.code == 0, run.stderr
    assert "- check 审核; owner: 待招聘 (no owner)" in \
        [line.strip() for line in run.stdout.splitlines()]


def test_an_open_seat_beside_an_accountable_owner_is_not_told_to_become_a_second(
        tmp_path: Path) -> None:
    found = _run(tmp_path, _written("accountable: platform", "accountable: [platform, {w}]",
                                    "空缺"))
    assert [_at(f) for f in found] == [("OW002", "org.yaml", 27, 27)]
    assert found[0].message == "duty 'uptime' names '空缺' among its accountable owners"
    assert "holders:" not in found[0].hint  # a position there would be OW001's second owner
    followed = _written("accountable: platform", "accountable: [platform]", "")
    assert _run(tmp_path, followed) == []
