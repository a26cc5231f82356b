"""small36: a meeting `cadence: Tue & Thu 10:00` was MT002 (not understood) while `Mon and
Wed`, 週二及週四 and 周二和周四 were read: `&` (and `＆`, `+`, 与, 與, Cantonese 同) between
weekdays was read as no word of a cadence. The labelled set is tests/data/cadences_joined.tsv
(tests/cadence_eval.py --joined)."""

from __future__ import annotations

import pytest
from test_trial35_cadence import _found

from orgspec.model.schedule import schedule_of


@pytest.mark.parametrize(("cadence", "days", "time"), [
    ("Tue & Thu 10:00", (1, 3), "10:00"),
    ("Mon, Wed & Fri 9:00", (0, 2, 4), "09:00"),
    ("Mon + Thu 16:00", (0, 3), "16:00"),
    ("周二&周四 10:00", (1, 3), "10:00"),
    ("週二＆週四 10:00", (1, 3), "10:00"),
    ("周二与周四 10:00", (1, 3), "10:00"),
    ("禮拜二同禮拜四 10:00", (1, 3), "10:00"),
    ("逢二＆四 14:00", (1, 3), "14:00"),
])
def test_weekdays_joined_by_a_sign_or_a_word_are_read(write_org, cadence: str,
                                                      days: tuple[int, ...], time: str) -> None:
    s = schedule_of(cadence)
    assert (s.cadence, s.days, s.time) == ("weekly", days, time)
    assert _found(write_org, cadence, "CS sync") == []


def test_an_ampersand_in_other_words_is_still_mt002(write_org) -> None:
    """A cadence with words other than a meeting's label words is not read (nothing is
    guessed): the `&` of Q&A joins no weekdays."""
    assert [(c, f, line) for c, f, line, _ in _found(write_org, "Q&A Mon 10:00")] == [
        ("MT002", "會議.yml", 8)]
