"""A trilingual lexicon of org-duty words: synonyms in Simplified Chinese, Traditional
Chinese and English -> one concept token.

Duties are short, so one synonym ("解决" for "处理", "track" for "monitor") moves any
character-based score a long way, and Chinese never matches English by characters. Mapping
all three onto shared concept tokens fixes both. The words are data, `lexicon.yaml` beside
this module (it ships in the wheel); Chinese terms there may be in either script and are
folded to Simplified on load, as duty text is before it is matched.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).with_name("lexicon.yaml")


@dataclass(frozen=True)
class Lexicon:
    """The lexicon as loaded: Chinese terms folded to Simplified, English terms as written.

    concepts: concept -> (Chinese terms, English words and phrases), actions first, in file
        order (a term listed twice belongs to its first concept).
    actions: the concepts that are verbs (a template slot differing only in them is a
        synonym, not another object).
    compounds_zh: Chinese word -> the concepts it names at once (周报 -> weekly, report).
    compounds_en: English word or phrase -> the concepts it names at once
        (performance review -> performance, appraisal).
    stop_zh, stop_en: filler words, dropped.
    en_forms: English word -> the form of its concept's word (complaints -> complaint).
    domains: thing concept -> its field of work (refund -> customer service): things of one
        field are kin, so two duties naming kin things overlap a little more.
    contrasts: pairs of actions that split one duty between two owners (write / review):
        a duty with one and not the other differs from a duty with the other and not the one.
    """

    concepts: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    actions: frozenset[str]
    compounds_zh: dict[str, tuple[str, ...]]
    compounds_en: dict[str, tuple[str, ...]]
    stop_zh: tuple[str, ...]
    stop_en: tuple[str, ...]
    en_forms: dict[str, str]
    contrasts: tuple[tuple[str, str], ...]
    domains: dict[str, str]


# The lexicon `use` gave this process, if any.
_KEPT: list[Lexicon] = []


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of `lexicon.yaml` (read once, or as `use` gave it). Raises OSError or
    yaml.YAMLError if the packaged file is missing or broken, ValueError if an entry has
    the wrong shape."""
    return _KEPT[0] if _KEPT else read_lexicon()


def loaded() -> bool:
    """Whether this process has its lexicon already."""
    return lexicon.cache_info().currsize > 0


def use(kept: Lexicon) -> bool:
    """Take `kept` as this process's lexicon unless it has one: what `read_lexicon` gave for
    this `lexicon.yaml` in another process of this code (the caller keys it by both; read
    back from a pickle in 0.3 ms, where reading the file and folding its terms takes
    0.03-0.04 s). Whether it was taken."""
    if loaded() or _KEPT:
        return False
    _KEPT.append(kept)
    return True


def read_lexicon() -> Lexicon:
    """The lexicon as `lexicon.yaml` says it (see `lexicon`)."""
    import yaml

    from orgspec.text.script import to_simplified

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # trusted package data
    raw = yaml.load(LEXICON.read_text("utf-8"), Loader=loader)  # noqa: S506

    def words(entry: object, key: str, concept: str) -> tuple[str, ...]:
        value = entry.get(key, []) if isinstance(entry, dict) else None
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise ValueError(f"lexicon.yaml: {concept}.{key} must be a list of words")
        return tuple(to_simplified(w) if key == "zh" else w for w in value)

    concepts: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for section in ("actions", "things"):
        for concept, entry in raw[section].items():
            concepts[str(concept)] = (words(entry, "zh", concept), words(entry, "en", concept))
    return Lexicon(
        concepts=concepts,
        actions=frozenset(str(c) for c in raw["actions"]),
        compounds_zh={to_simplified(str(k)): tuple(v) for k, v in raw["compounds_zh"].items()},
        compounds_en={str(k): tuple(v) for k, v in raw.get("compounds_en", {}).items()},
        stop_zh=tuple(to_simplified(w) for w in raw["stop"]["zh"]),
        stop_en=tuple(raw["stop"]["en"]),
        en_forms={str(k): str(v) for k, v in raw["en_forms"].items()},
        contrasts=tuple(_contrast(pair, concepts) for pair in raw.get("contrasts", [])),
        domains=_domains(raw.get("domains", {}), concepts),
    )


def _domains(raw: object, concepts: Container[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for domain, members in (raw.items() if isinstance(raw, dict) else ()):
        for concept in members:
            if concept not in concepts or concept in out:
                raise ValueError(f"lexicon.yaml: domain {domain}: {concept!r} is unknown "
                                 "or in another domain")
            out[str(concept)] = str(domain)
    return out


def _contrast(pair: object, concepts: Container[str]) -> tuple[str, str]:
    if not (isinstance(pair, list) and len(pair) == 2 and all(p in concepts for p in pair)):
        raise ValueError(f"lexicon.yaml: contrast {pair!r} must name two concepts")
    return str(pair[0]), str(pair[1])
