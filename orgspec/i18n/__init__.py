"""Messages in Simplified Chinese and English: English text that knows how to say itself.

A check builds `M("key result {kr!r} is vague", kr="kr1")`: a `str` holding the English
(so everything that reads a message as text keeps working, and fingerprints are computed on
the English), which also remembers its template and values. `say(text, lang)` renders it
in `lang` from the gettext catalog (`orgspec/i18n/locale/<lang>/LC_MESSAGES/orgspec.mo`,
compiled from the `.po` by `python -m orgspec.i18n.build compile`; stdlib `gettext` reads
it, so start-up imports nothing heavy). A value that is itself an `M` is said in `lang` too;
a list value is joined with the catalog's `", "` (`、` in Chinese).

The language of a run: `--lang`, else `lang:` in the config, else the content
(`content_lang`), else the locale (`locale_lang`).
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

LANGS = ("en", "zh")
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "orgspec"
_CJK = re.compile("[\u4e00-\u9fff]")

#: Templates looked up in a non-English catalog and not found there (tests assert it stays
#: empty after running every rule example).
MISSES: set[str] = set()


class M(str):
    """An English message (the `str` itself) with its template and values kept for `say`."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> M:
        english = template.format(**{k: _english(v) for k, v in values.items()}) \
            if values else template
        self = super().__new__(cls, english)
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, Any]) -> M:
    return M(template, **values)


def _english(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(str(_english(v)) for v in value)
    return value


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The translations for `lang` (a null catalog for English or an unknown language)."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def lookup(msgid: str, lang: str) -> str:
    """`msgid` in `lang`; a miss is recorded in MISSES and gives the English."""
    if lang == "en" or not msgid:
        return msgid
    if msgid not in _ids(lang):
        MISSES.add(msgid)
        return msgid
    return catalog(lang).gettext(msgid)


def say(text: str, lang: str) -> str:
    """`text` in `lang`: an `M` from its template, a plain string if it is a msgid."""
    if lang == "en" or not text:
        return str(text)
    if not isinstance(text, M):
        return lookup(text, lang) if text in _ids(lang) else str(text)
    template = lookup(text.template, lang)
    if not text.values:
        return template
    return template.format(**{k: _said(v, lang) for k, v in text.values.items()})


LIST_SEP = M(", ")  # TRANSLATORS: joins the items of a list (、 in Chinese)


def _said(value: Any, lang: str) -> Any:
    if isinstance(value, list | tuple):
        return lookup(LIST_SEP, lang).join(str(_said(v, lang)) for v in value)
    return say(value, lang) if isinstance(value, M) else value


def say_list(items: list[Any], lang: str) -> str:
    """`items` said in `lang`, joined with the language's list separator."""
    return str(_said(items, lang))


@cache
def _ids(lang: str) -> frozenset[str]:
    cat = catalog(lang)
    return frozenset(k for k in getattr(cat, "_catalog", {}) if isinstance(k, str) and k)


def content_lang(texts: Iterable[str]) -> str | None:
    """`zh` when more than 30% of the letters in `texts` (first 20,000 characters) are
    Chinese, `en` when there are letters and fewer are, None when there are none."""
    sample = "".join(texts)[:20_000]
    letters = sum(c.isalpha() for c in sample)
    if not letters:
        return None
    return "zh" if len(_CJK.findall(sample)) / letters > 0.3 else "en"


def locale_lang(env: Mapping[str, str] | None = None) -> str:
    """`zh` when the first set of LANGUAGE, LC_ALL, LC_MESSAGES, LANG starts with zh."""
    env = os.environ if env is None else env
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def choose(*candidates: str | None) -> str:
    """The first given language of `candidates` (flag, config, content), else the locale's."""
    return next((c for c in candidates if c), None) or locale_lang()
