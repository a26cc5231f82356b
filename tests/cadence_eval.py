"""How well `model.schedule.schedule_of` reads meeting cadences as Chinese (Simplified,
Traditional) and English org files write them: accuracy on tests/data/cadences.tsv, frozen
before day-of-month, working-day ordinal and part-of-day cadences were read (`tune`: the
forms that change was made for; `heldout`: written down with them, failures seen in the
before run; `blind`: added after that run, not scored until the change was done). Then,
frozen before the forms a trial user wrote were read (part of day + digit clock, 每晚,
weekday lists and ranges, 每周1, 每月初 / 每季度末, a meeting's name before the cadence):
`trial`, those forms and their like, tuned on; `trialblind`, Simplified, Traditional and
English forms not looked at until the change was done. Then trial B's: `trial2` (weekday
runs after one week word, 每周一三五, and full-width digits, tuned on) and `trial2blind`
(frozen with them, not scored until the change was done).

Then, frozen before yearly, half-yearly and lunar cadences were read (`--long`:
tests/data/cadences_long.tsv, with a `when` column for the date or festival a cadence is
anchored to; `tune` tuned on, `blind` not run until the change was done).

Then trial 3's (`--trial3`: tests/data/cadences_trial3.tsv, frozen before the forms an IME
writes (每周 一 9:30, 週 一, full-width colons), a date with how long before it
(每年11月11日前两周) and a bare 每月初一 (read as the Gregorian 1st) were read; `dev` tuned
on, `blind` not looked at until the change was done).

Then, frozen before time zones (`8:00 PT`, `北京时间`, `UTC+8`, a `?` for an ambiguous CST),
time ranges (`9:00-9:15`, with an `end`), 每月十五 and 一年一次 were read (`--tz`:
tests/data/cadences_tz.tsv; `dev` tuned on, `blind` not looked at until the change was done).

Then trial 35's (`--hk`: tests/data/cadences_hk.tsv, frozen before the Hong Kong forms
逢一至五, 逢一、三、五, 每朝 and 禮拜 were read; `dev` tuned on, `blind` not looked at until the
change was done).

Then small36's (`--joined`: tests/data/cadences_joined.tsv, frozen before two weekdays
joined by `&` (`Tue & Thu 10:00`), `＆`, `+`, 与, 與, 同 were read; `dev` tuned on, `blind` not
looked at until the change was done).

    python tests/cadence_eval.py [--blind] [--long | --trial3 | --tz | --hk | --joined]
    PYTHONPATH=/work/main python tests/cadence_eval.py  # another checkout, for a before

A row is right when the cadence (`-`: not understood, so MT002 reports it), the weekdays
and the time of day all match.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "cadences.tsv"
LONG = DATA.with_name("cadences_long.tsv")
TRIAL3 = DATA.with_name("cadences_trial3.tsv")
TZ = DATA.with_name("cadences_tz.tsv")
HK = DATA.with_name("cadences_hk.tsv")
JOINED = DATA.with_name("cadences_joined.tsv")


def rows(path: Path = DATA) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")),
                                   delimiter="\t"))


def when(text: str) -> str:
    """What `schedule_of(text)` anchors its cadence to, in cadences_long.tsv's `when` terms:
    `3-1`, `3-*`, `L:*-15`, `L:1-8`, `E:double-11`, with `before ` or `14d before ` first;
    `D:15` a Gregorian day of every month."""
    from orgspec.model.schedule import schedule_of

    s = schedule_of(text)
    month, day, lunar = (getattr(s, name, 0) for name in ("month", "monthday", "lunar"))
    event, before = getattr(s, "event", ""), getattr(s, "before", 0)
    if event:
        anchor = f"E:{event}"
    elif lunar:
        anchor = f"L:{month or '*'}-{day}"
    elif month:
        anchor = f"{month}-{day or '*'}"
    elif day:
        anchor = f"D:{day}"
    else:
        anchor = ""
    lead = f"{before}d before " if before > 0 else "before " if before else ""
    return lead + anchor


def right(row: dict[str, str]) -> bool:
    """True when `schedule_of` reads `row["text"]` as labelled."""
    from orgspec.model.schedule import schedule_of

    sched = schedule_of(row["text"])
    if row["cadence"] == "-":
        return sched.cadence is None
    days = tuple(int(d) for d in row["days"].split(",")) if row["days"] else ()
    return (sched.cadence, sched.days, sched.time) == (row["cadence"], days, row["time"]) \
        and ("when" not in row or when(row["text"]) == row["when"]) \
        and ("end" not in row or getattr(sched, "end", "") == row["end"]) \
        and ("zone" not in row or _zone(getattr(sched, "zone", "")) == row["zone"])


def _zone(zone: str) -> str:
    """A schedule's zone in the labels' terms: `?` for one that cannot be used as written."""
    return "?" if zone.startswith("?") else zone


def scores(path: Path = DATA) -> dict[str, tuple[int, int]]:
    """split -> (right, total), for each split and `all`."""
    out: dict[str, tuple[int, int]] = {}
    for row in rows(path):
        for split in (row["split"], "all"):
            ok, total = out.get(split, (0, 0))
            out[split] = (ok + right(row), total + 1)
    return out


def main() -> int:
    path = LONG if "--long" in sys.argv else TRIAL3 if "--trial3" in sys.argv else \
        TZ if "--tz" in sys.argv else HK if "--hk" in sys.argv else \
        JOINED if "--joined" in sys.argv else DATA
    for split, (ok, total) in sorted(scores(path).items()):
        print(f"{split}: {ok}/{total} = {ok / total:.1%}")
    for row in rows(path):  # the blind rows' failures only when asked: seen, they would tune
        if not right(row) and (not row["split"].endswith("blind") or "--blind" in sys.argv):
            print("  wrong:", row["split"], row["text"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
