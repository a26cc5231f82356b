"""One definition of Han characters (`orgspec.han`), Extension B and after included, used by
every judgement that asks: these tests pin the behaviour that changed when the copies were
merged (Extension B was Han only for the pinyin sort before)."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import run_cli

from orgspec.han import HAN_RANGES, is_han

EXT_B = "𠮷"  # U+20BB7, a surname character (吉 with 土), in Extension B
EXT_B2 = "𡘙"  # U+21619


@pytest.mark.parametrize(("ch", "han"), [
    ("一", True), ("㐀", True), ("豈", True), (EXT_B, True), ("\U00031350", True),  # Ext H
    ("a", False), ("あ", False), ("한", False), ("。", False), ("", False), ("一二", False),
])
def test_is_han(ch: str, han: bool) -> None:
    assert is_han(ch) is han


def test_every_ideograph_python_knows_is_han() -> None:
    named = [cp for cp in range(0x2E80, 0x32400)
             if unicodedata.name(chr(cp), "").startswith(("CJK UNIFIED IDEOGRAPH",
                                                          "CJK COMPATIBILITY IDEOGRAPH"))]
    assert len(named) > 90_000
    assert [hex(cp) for cp in named if not is_han(chr(cp))] == []
    assert all(lo <= hi for lo, hi in HAN_RANGES)


def test_a_duty_with_an_extension_b_character_keeps_it_in_its_features() -> None:
    from orgspec.text.neardup import features

    assert f"b:{EXT_B}野" in features(f"{EXT_B}野家订单处理")  # before: dropped


def test_names_of_extension_b_characters_are_chinese_content() -> None:
    from orgspec.i18n import content_lang

    assert content_lang([f"{EXT_B}{EXT_B2}{EXT_B} {EXT_B2}{EXT_B}"]) == "zh"  # before: en


def test_a_wide_space_between_extension_b_characters_is_dropped(write_org: object) -> None:
    org = write_org({"t.yaml": f"- {{kind: Team, id: t, name: \"{EXT_B}\u3000静\"}}\n"})
    run = run_cli("check", str(org), "--isolated", "--select", "SC004", "--lang", "en")
    assert f"write '{EXT_B}静'" in run.stdout  # before: '𠮷 静'


def test_look_up_finds_an_extension_b_name_written_with_a_space() -> None:
    from orgspec.text.fold import fold_name as _fold

    assert _fold(f"{EXT_B} 静") == _fold(f"{EXT_B}静")
