"""A cadence to show in MT002's hint, on the rhythm the meeting's own name says: 晨会 and
standup are held every weekday, 周例会 every week, 月度复盘 every month, a 大促作战会 (a war
room) every evening (a `每周五 14:00` beside a 晨会 shows the shape, not the meeting's own
cadence). The first rhythm whose words the name
holds decides (read in Simplified script, case-blind); none gives the general example.
Every example is a cadence `model.schedule.schedule_of` reads, in every language
(tests/test_cadence_example.py)."""

from __future__ import annotations

from orgspec.i18n import M

# (the rhythm, words in the meeting's name or id, the example), in order: 双周 before 周,
# 季度 and 年度 before 月 and 周 (`月度` is monthly, `年度` not)
_RHYTHMS: tuple[tuple[str, tuple[str, ...], M], ...] = (
    ("biweekly", ("双周", "隔周", "biweekly", "bi-weekly", "fortnight"),
     M("every other Wednesday 14:00")),
    ("quarterly", ("季度", "季会", "季例会", "quarterly", "quarter", "qbr"),
     M("quarterly on the first Monday 10:00")),
    ("yearly", ("年会", "年度", "年终", "annual", "yearly"),
     M("yearly on December 20 14:00")),
    ("monthly", ("月会", "月度", "月例会", "每月", "月报", "月结", "monthly", "month"),
     M("monthly on the first Monday 10:00")),
    ("weekly", ("周会", "周例会", "每周", "周报", "周复盘", "weekly", "week"),
     M("every Monday 10:00")),
    # a war room (大促作战会) meets every evening while a big sale runs (trial 28)
    ("daily", ("作战会", "作战室", "作战", "war room", "war-room", "warroom"),
     M("every day 20:00")),
    ("weekday", ("晨会", "早会", "站会", "日会", "夕会", "每日", "每天", "日例会", "daily",
                 "standup", "stand-up", "morning", "huddle"),
     M("every weekday 09:00")),
)
GENERAL = M("every Friday 14:00")


def cadence_example(*names: str | None) -> M:
    """A cadence on the rhythm `names` (a meeting's name, then its id) say, else the general
    example; an `M`, said in the output's language."""
    return _rhythm(*names)[1]


def rhythm(*names: str | None) -> str:
    """The rhythm `names` say (`weekday`, `weekly`, `daily`, `biweekly`, `monthly`,
    `quarterly`, `yearly`), "" for none: the one `cadence_example` shows."""
    return _rhythm(*names)[0]


def _rhythm(*names: str | None) -> tuple[str, M]:
    from orgspec.text.script import to_simplified

    said = " ".join(to_simplified(n).casefold() for n in names if n)
    for key, words, example in _RHYTHMS:
        if any(word in said for word in words):
            return key, example
    return "", GENERAL
