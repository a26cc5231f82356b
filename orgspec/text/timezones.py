"""Time zones as org files write them (`8:00 PT`, `北京时间`, `美西時間`, `UTC+8`, an IANA name
such as `America/Los_Angeles`) read into one canonical name, and a meeting's weekday and time
moved into another zone on given dates (daylight saving time as the IANA database says).

    take_zone("mon-fri 8:00 pt")  # ("America/Los_Angeles", "pt", "mon-fri 8:00  ")
    take_zone("每周一 10:00 cst")   # ("?cst", "cst", ...): China or US Central, not guessed
    zone_name("Asia/Shanghai")     # "Asia/Shanghai"; zone_name("UTC+8") "UTC+08:00"; None bad
    convert(0, "08:00", "America/Los_Angeles", "Asia/Shanghai", date(2026, 12, 7))
    # (1, "00:00"): Monday 08:00 PST is Tuesday 00:00 in Beijing that week

Canonical names are IANA names (checked with the standard library's zoneinfo: the system's
database, or the `tzdata` package where there is none) or a fixed offset `UTC+HH:MM`. An
abbreviation names its zone's wall clock all year (`PST` in July is 9:00 Pacific daylight
time, as people write it). One that names two zones (CST: China or US Central; IST: India,
Israel or Ireland; BST; AST) is kept as `?` + itself, for MT006 to ask for the IANA name.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from orgspec.lazyre import lazy

# Abbreviations and names, casefolded, by IANA zone. Chinese: 北京时间 is how China says its
# time; 美西/美东 the US coasts, as overseas teams of Chinese companies say them.
ZONE_WORDS: dict[str, tuple[str, ...]] = {
    "Asia/Shanghai": ("北京时间", "北京時間", "中国时间", "中國時間", "beijing time", "china time",
                      "china standard time"),
    "Asia/Hong_Kong": ("hkt", "香港时间", "香港時間", "hong kong time"),
    "Asia/Taipei": ("台北时间", "台北時間", "臺北時間", "台湾时间", "台灣時間", "臺灣時間",
                    "taipei time"),
    "Asia/Singapore": ("sgt", "新加坡时间", "新加坡時間", "singapore time"),
    "Asia/Tokyo": ("jst", "东京时间", "東京時間", "日本时间", "日本時間", "tokyo time"),
    "Asia/Seoul": ("kst", "首尔时间", "首爾時間", "seoul time"),
    "Asia/Kuala_Lumpur": ("myt", "吉隆坡时间", "吉隆坡時間"),
    "Asia/Bangkok": ("ict", "曼谷时间", "曼谷時間"),
    "Asia/Jakarta": ("wib", "雅加达时间", "雅加達時間"),
    "Asia/Manila": ("pht", "马尼拉时间", "馬尼拉時間"),
    "Asia/Dubai": ("gst", "迪拜时间", "杜拜時間"),
    "Europe/London": ("伦敦时间", "倫敦時間", "london time", "uk time"),
    "Europe/Berlin": ("cet", "cest", "欧洲中部时间", "歐洲中部時間"),
    "Australia/Sydney": ("aest", "aedt", "悉尼时间", "雪梨時間"),
    "America/Los_Angeles": ("pt", "pst", "pdt", "pst/pdt", "pdt/pst", "pacific time",
                            "美西时间", "美西時間", "太平洋时间", "太平洋時間", "洛杉矶时间",
                            "洛杉磯時間"),
    "America/Denver": ("mst/mdt", "mdt", "mountain time", "美国山地时间", "美國山地時間"),
    "America/Chicago": ("ct", "cdt", "cst/cdt", "central time", "美中时间", "美中時間"),
    "America/New_York": ("et", "est", "edt", "est/edt", "edt/est", "eastern time", "美东时间",
                         "美東時間", "纽约时间", "紐約時間"),
    "Pacific/Honolulu": ("hst", "夏威夷时间", "夏威夷時間"),
    "UTC": ("utc", "gmt/utc", "协调世界时", "協調世界時"),
}
WORD_ZONE = {w: z for z, words in ZONE_WORDS.items() for w in words}
# Abbreviations of two or more zones, with the zones they are written for: asked about,
# never guessed.
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "cst": ("Asia/Shanghai", "America/Chicago"),
    "ist": ("Asia/Kolkata", "Asia/Jerusalem", "Europe/Dublin"),
    "bst": ("Europe/London", "Asia/Dhaka"),
    "ast": ("America/Halifax", "Asia/Riyadh"),
    "mt": ("America/Denver", "America/Phoenix"),
    "mst": ("America/Denver", "America/Phoenix", "Asia/Kuala_Lumpur"),
}
_OFFSET = r"([+\-−])\s*(\d{1,2})(?:[:：]?(\d{2}))?"
_EAST_WEST = {"东": 1, "東": 1, "西": -1}
_ZH_COUNT = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_NAMES = sorted((*WORD_ZONE, *AMBIGUOUS), key=len, reverse=True)
_ZONE = lazy(
    r"\b(?:utc|gmt)\s*" + _OFFSET + r"(?!\d)"  # UTC+8, GMT+08:00, UTC-7
    r"|([东東西])(一|二|两|兩|三|四|五|六|七|八|九|十一|十二|十)[区區]"  # 东八区: UTC+8
    r"|\b((?:africa|america|antarctica|arctic|asia|atlantic|australia|europe|indian|pacific|"
    r"etc)/[a-z]+(?:[_-][a-z]+)*(?:/[a-z_]+)?)\b"  # an IANA name
    r"|(?<![a-z])(" + "|".join(re.escape(n) for n in _NAMES) + r")(?![a-z])"
    r"|\b(utc|gmt)\b")


def take_zone(key: str) -> tuple[str, str, str]:
    """(the zone `key` (casefolded) names: its canonical name, `?` + the words when they
    name no single zone; "" none; the words as written; `key` without them). Two different
    zones give `!` (no cadence is read: which time is meant is not guessed); `PST / PDT`,
    one zone said twice, is that zone."""
    found = [(m, _zone_of(m)) for m in _ZONE.finditer(key)]
    if not found:
        return "", "", key
    if len({zone for _, zone in found}) > 1:
        return "!", "", key
    for m, _ in reversed(found):
        key = key[:m.start()] + " " + key[m.end():]
    return found[0][1], " ".join(m[0].strip() for m, _ in found), key


def _zone_of(m: re.Match[str]) -> str:
    said = m[0].strip()
    if m[2]:
        zone = _offset(-1 if m[1] == "-" or m[1] == "−" else 1, int(m[2]), int(m[3] or 0))
    elif m[4]:
        zone = _offset(_EAST_WEST[m[4]], _ZH_COUNT[m[5]], 0)
    elif m[6]:
        zone = _iana(m[6]) or f"?{said}"
    elif m[7]:
        zone = WORD_ZONE.get(m[7]) or f"?{m[7]}"
    else:
        zone = "UTC"
    return zone


def _offset(sign: int, hours: int, minutes: int) -> str:
    """`UTC+HH:MM`, or `?` when no zone on Earth is that far (beyond -12:00 .. +14:00)."""
    total = sign * (hours * 60 + minutes)
    if minutes >= 60 or not -12 * 60 <= total <= 14 * 60:
        return "?offset"
    return "UTC" + ("+" if total >= 0 else "-") + f"{abs(total) // 60:02d}:{abs(total) % 60:02d}"


@lru_cache(maxsize=256)
def _iana(text: str) -> str | None:
    """The IANA name `text` spells (any case: `asia/shanghai`), or None. The name with each
    word capitalised (`America/Los_Angeles`, the form of nearly every zone) is tried first;
    the zone list (a walk of the database, ~70 ms) only when that is no zone."""
    wanted = text.strip()
    if not _IANA_SHAPE.fullmatch(wanted) or wanted.casefold() in _NO_PLACE:
        return None
    capital = re.sub(r"[a-z]+", lambda m: m[0].capitalize(), wanted.casefold())
    for name in (capital, wanted.upper()) if "/" not in wanted else (capital,):
        if _loads(name):
            return name  # UTC, CET, EST5EDT: a word alone is in capitals
    folded = wanted.casefold()
    return next((n for n in sorted(_available()) if n.casefold() == folded and _loads(n)),
                None)


# Files of the zone database that name no place: `localtime` is whatever zone the machine
# is set to (UTC on a CI runner, Asia/Shanghai on a laptop in Shanghai), `Factory` a
# placeholder for "not set", `posixrules` the rules for POSIX TZ strings.
_NO_PLACE = frozenset({"localtime", "factory", "posixrules"})
_IANA_SHAPE = lazy(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){0,2}")


def _loads(name: str) -> bool:
    """True when zoneinfo has a zone of this name."""
    try:
        _zoneinfo(name)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=1)
def _available() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def closest_zone(text: str) -> str | None:
    """The IANA name closest to `text`, a zone name that names none (`Asia/Manilla` ->
    `Asia/Manila`, `asia/singapur` -> `Asia/Singapore`), by `text.suggest` over the zone
    database; None when none is a plausible typo of it or `text` is no IANA-shaped name.
    Typed with a full-width IME (`Ａｓｉａ/Ｓｈａｎｇｈａｉ`), it is read NFKC-folded: that is
    the zone proposed (the value itself stays no zone)."""
    wanted = unicodedata.normalize("NFKC", text).strip()
    if "/" not in wanted or not _IANA_SHAPE.fullmatch(wanted):
        return None
    from orgspec.text.suggest import Suggester

    capital = re.sub(r"[a-z]+", lambda m: m[0].capitalize(), wanted.casefold())
    zones = Suggester(sorted(n for n in _available() if "/" in n))
    return zones.close(wanted) or zones.close(capital)


def ambiguous(zone: str) -> tuple[str, ...]:
    """The zones an ambiguous zone (`?cst`, `take_zone`'s) may mean, by IANA name; () for
    one that names none (`?asia/beijing`, an offset beyond UTC+14)."""
    return AMBIGUOUS.get(zone[1:], ()) if zone.startswith("?") else ()


def read_zone(text: str) -> str:
    """A `timezone:` field or config value read like a zone in a cadence: its canonical
    name, `?` + it when it names several zones or none; "" when empty."""
    got = zone_name(text)
    if got is not None or not text.strip():
        return got or ""
    zone, _, rest = take_zone(text.strip().casefold())
    return zone if zone.startswith("?") and not rest.strip() else f"?{text.strip()}"


def zone_name(text: str | None) -> str | None:
    """The canonical name of a zone written in a `timezone:` field or the config: an IANA
    name (`Asia/Shanghai`, any case), `UTC+8` / `GMT+08:00`, or a word `take_zone` knows
    for one zone (`PT`, `北京时间`); None when it names none or several."""
    if not text or not text.strip():
        return None
    key = text.strip().casefold()
    got = _iana(key)
    if got:
        return got
    zone, _, rest = take_zone(key)
    return zone if zone and zone[0] not in "?!" and not rest.strip() else None


def tzinfo(zone: str) -> dt.tzinfo:
    """The tzinfo of a canonical zone name (`zone_name`'s). Raises ValueError for none."""
    m = re.fullmatch(r"UTC([+-])(\d\d):(\d\d)", zone)
    if m:
        delta = dt.timedelta(hours=int(m[2]), minutes=int(m[3]))
        return dt.timezone(delta if m[1] == "+" else -delta)
    return _zoneinfo(zone)


@lru_cache(maxsize=64)
def _zoneinfo(zone: str) -> dt.tzinfo:
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(zone) from None


def convert(weekday: int, time: str, source: str, target: str,
            monday: dt.date) -> tuple[int, str]:
    """(weekday 0..6, `HH:MM`) in zone `target` of `time` (`HH:MM`) on `weekday` of the week
    that starts on `monday`, in zone `source`: Monday 08:00 America/Los_Angeles is Tuesday
    00:00 Asia/Shanghai in December, Monday 23:00 in July. A wall-clock time that does not
    exist (skipped by a spring-forward) is read as the standard time's (fold=0)."""
    hour, minute = int(time[:2]), int(time[3:5])
    day = monday + dt.timedelta(days=weekday)
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tzinfo(source))
    there = local.astimezone(tzinfo(target))
    shift = (there.date() - day).days
    return (weekday + shift) % 7, f"{there.hour:02d}:{there.minute:02d}"


def as_written(text: str, said: str) -> str:
    """The words `said` (casefolded, `take_zone`'s) as `text` writes them (`PT`, not `pt`);
    `said` when they cannot be found there."""
    at = text.casefold().find(said)
    return text[at:at + len(said)] if at >= 0 and len(text.casefold()) == len(text) else said
