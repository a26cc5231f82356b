"""Trial 8: `何　静` (a full-width space inside a name) reads the same in the terminal as in
HTML (the space, not `\\u3000`), while controls and bidi characters stay escaped; and SC004
says that a search for 何静 does not find it, at the space."""

from __future__ import annotations

from conftest import run_cli

from orgspec.escape import tty_text

ORG = """\
- {kind: Team, id: ops, name: 运营部, lead: he-jing, members: [he-jing, ada, bo]}
- kind: Person
  id: he-jing
  name: 何　静
- {kind: Person, id: ada, name: "Ada\\u00a0Lovelace"}
- {kind: Person, id: bo, name: "Bo\\u202eEvil"}
"""


def test_typed_spaces_show_as_they_are_and_controls_stay_escaped() -> None:
    assert tty_text("何\u3000静") == "何\u3000静"
    assert tty_text("Ada\u00a0Lovelace") == "Ada\u00a0Lovelace"
    assert tty_text("a\u202eb\u200bc\x1b[31md\u2028e") == "a\\u202eb\\u200bc\\x1b[31md⏎e"


def test_show_and_who_print_the_space(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"org.yaml": ORG})
    show = run_cli("show", "person", "he-jing", str(org), "--lang", "zh")
    assert show.stdout.splitlines()[0] == "人员 he-jing 何\u3000静"
    who = run_cli("who", "何", str(org), "--lang", "zh")
    assert "何\u3000静" in who.stdout and "\\u3000" not in who.stdout
    bidi = run_cli("show", "person", "bo", str(org), "--lang", "en")
    assert "Bo\\u202eEvil" in bidi.stdout and "\u202e" not in bidi.stdout


def test_a_wide_space_in_a_name_is_a_finding_at_the_space(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"org.yaml": ORG})
    run = run_cli("check", str(org), "--select", "SC004", "--lang", "en", "--no-cache")
    lines = [ln for ln in run.stdout.splitlines() if "SC004" in ln]
    assert lines == [
        f"{org}/org.yaml:4:10: SC004 [warning] the name of person 何\u3000静 (he-jing) holds the "
        "space U+3000: a search for '何静' does not find it",
        f"{org}/org.yaml:5:33: SC004 [warning] the name of person Ada[U+00A0]Lovelace (ada) "
        "holds the space U+00A0: a search for 'Ada Lovelace' does not find it"]
    assert "hint: write '何静'" in run.stdout
    zh = run_cli("check", str(org), "--select", "SC004", "--lang", "zh", "--no-cache")
    assert "人员 何\u3000静 (he-jing) 的名称含有空格 U+3000：搜索 '何静' 找不到它" in zh.stdout
    # a no-break space looks like the space of the suggestion: marked in the message only
    assert "人员 Ada[U+00A0]Lovelace (ada) 的名称含有空格 U+00A0" in zh.stdout
    hant = run_cli("check", str(org), "--select", "SC004", "--lang", "zh-Hant", "--no-cache")
    assert "人員 Ada[U+00A0]Lovelace (ada) 的名稱含有空格 U+00A0" in hant.stdout, hant.stdout
    assert "write 'Ada Lovelace'\n" in run.stdout
