"""Messages in Simplified Chinese and English: English text that knows how to say itself.

A check builds `M("key result {kr!r} is vague", kr="kr1")`: a `str` holding the English
(so everything that reads a message as text keeps working, and fingerprints are computed on
the English), which also remembers its template and values. `say(text, lang)` renders it
in `lang` from the gettext catalog (`orgspec/i18n/locale/<lang>/LC_MESSAGES/orgspec.mo`,
compiled from the `.po` by `python -m orgspec.i18n.build compile`; stdlib `gettext` reads
it, so start-up imports nothing heavy). A value that is itself an `M` is said in `lang` too;
a list value is joined with the catalog's `", "` (`、` in Chinese).

The language of a run: `--lang`, else `lang:` in the config, else the content
(`content_lang`), else the locale (`locale_lang`). `zh-Hant` (Traditional script) has its own
catalog, generated from the Simplified one with OpenCC's `s2twp` by the build tool.
"""

from __future__ import annotations

import errno
import gettext
import os
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Self

LANGS = ("en", "zh", "zh-Hant")
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

    def __new__(cls, template: str, /, **values: Any) -> Self:
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


class MC(M):
    """An `M` looked up within a gettext context (msgctxt): the same English word may be
    translated otherwise there, e.g. the report label "Role" (a RACI role, 角色) beside the
    kind "Role" (a position, 岗位) in messages."""

    context: str

    def __new__(cls, context: str, template: str, /, **values: Any) -> Self:
        self = super().__new__(cls, template, **values)
        self.context = context
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_in, (self.context, self.template, self.values))


def _rebuild_in(context: str, template: str, values: dict[str, Any]) -> MC:
    return MC(context, template, **values)


def _english(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(str(_english(v)) for v in value)
    return value


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The translations for `lang` (a null catalog for English or an unknown language)."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[folder(lang)], fallback=True)


def folder(lang: str) -> str:
    """The catalog folder of `lang` under LOCALE_DIR (`zh-Hant` -> `zh_Hant`)."""
    return lang.replace("-", "_")



def lookup(msgid: str, lang: str, context: str | None = None) -> str:
    """`msgid` (within `context`) in `lang`; a miss is recorded in MISSES and gives the
    English."""
    if lang == "en" or not msgid:
        return msgid
    if (f"{context}\x04{msgid}" if context else msgid) not in _ids(lang):
        MISSES.add(msgid)
        return msgid
    cat = catalog(lang)
    return cat.pgettext(context, msgid) if context else cat.gettext(msgid)


def say(text: str, lang: str) -> str:
    """`text` in `lang`: an `M` from its template, a plain string if it is a msgid."""
    if lang == "en" or not text:
        return str(text)
    if not isinstance(text, M):
        return lookup(text, lang) if text in _ids(lang) else str(text)
    template = lookup(text.template, lang, getattr(text, "context", None))
    if not text.values:
        return template
    return template.format(**{k: _said(v, lang) for k, v in text.values.items()})


class Said(str):
    """A message said in a language that remembers the `M` it was said from (`source`), so
    a page can say it again with names beside the ids (`report.view.Namer`)."""

    source: M

    def __new__(cls, text: str, source: M) -> Self:
        self = super().__new__(cls, text)
        self.source = source
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Said, (str(self), self.source))


def said_from(text: str, lang: str) -> str:
    """`say(text, lang)`, keeping an `M`'s template and values on the result."""
    return Said(say(text, lang), text) if isinstance(text, M) else say(text, lang)


LIST_SEP = M(", ")  # TRANSLATORS: joins the items of a list (、 in Chinese)


def _said(value: Any, lang: str) -> Any:
    if isinstance(value, list | tuple):
        return lookup(LIST_SEP, lang).join(str(_said(v, lang)) for v in value)
    return say(value, lang) if isinstance(value, M) else value


def message_of(exc: BaseException) -> str:
    """An exception's message, kept as an `M` when it is one (`str(exc)` would drop that)."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)


def reason(exc: BaseException) -> str:
    """Why an operation failed, in words that can be said in any language: the exception's
    `M` when it carries one (orgspec's own refusals), a sentence for the common OS errors
    (`[Errno 2] No such file or directory: 'x'` -> "no such file or folder"), else the OS's
    own text (`strerror`) or the exception's."""
    first = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(first, M):
        return first
    if isinstance(exc, OSError):
        if exc.errno in _OS_REASONS:
            return _OS_REASONS[exc.errno]
        return exc.strerror or str(exc)
    return str(exc)


def say_list(items: list[Any], lang: str) -> str:
    """`items` said in `lang`, joined with the language's list separator."""
    return str(_said(items, lang))


@cache
def _ids(lang: str) -> frozenset[str]:
    cat = catalog(lang)
    return frozenset(k for k in getattr(cat, "_catalog", {}) if isinstance(k, str) and k)


# The characters of the Simplified catalog that change in Traditional script, most frequent
# first (from OpenCC's s2t), and their Traditional forms (with Taiwan's 為 裡 複 佔 beside
# OpenCC's 爲 裏 復 占): counting both tells the script without loading OpenCC.
_SIMPLIFIED = frozenset("责个团队没职负写标会结无关键级骤岗组项时对员为单数则议规该过么于别问题织类"
                        "体实与错两报误须参进设属间担给号环执认内请来条线应当读说变齐从这复让双频"
                        "开义带编码层树删称节图万点见页决识长后发达领务档里并处载检选释优现评术几"
                        "径链却咨询声缩显输跃们产业营销记录户购买价")
_TRADITIONAL = frozenset("責個團隊沒職負寫標會結無關鍵級驟崗組項時對員爲為單數則議規該過麼於別問題"
                         "織類體實與錯兩報誤須參進設屬間擔給號環執認內請來條線應當讀說變齊從這復複"
                         "讓雙頻開義帶編碼層樹刪稱節圖萬點見頁決識長後發達領務檔裏裡並處載檢選釋優"
                         "現評術幾徑鏈卻諮詢聲縮顯輸躍們產業營銷記錄戶購買價")


def content_lang(texts: Iterable[str]) -> str | None:
    """`zh` when more than 30% of the letters in `texts` (first 20,000 characters) are
    Chinese (`zh-Hant` when more of their script-specific characters are Traditional than
    Simplified), `en` when there are letters and fewer are, None when there are none."""
    parts: list[str] = []
    size = 0
    for text in texts:  # stop at 20,000: an org of 5,000 teams has 200,000 texts
        parts.append(text)
        size += len(text)
        if size >= 20_000:
            break
    sample = "".join(parts)[:20_000]
    letters = sum(c.isalpha() for c in sample)
    if not letters:
        return None
    if len(_CJK.findall(sample)) / letters <= 0.3:
        return "en"
    traditional = sum(c in _TRADITIONAL for c in sample)
    return "zh-Hant" if traditional > sum(c in _SIMPLIFIED for c in sample) else "zh"


def locale_lang(env: Mapping[str, str] | None = None) -> str:
    """`zh` when the first set of LANGUAGE, LC_ALL, LC_MESSAGES, LANG starts with zh
    (`zh-Hant` for zh_TW, zh_HK, zh_MO and zh_Hant), else `en`."""
    env = os.environ if env is None else env
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            value = value.lower().replace("-", "_")
            if not value.startswith("zh"):
                return "en"
            return "zh-Hant" if value.startswith(("zh_tw", "zh_hk", "zh_mo", "zh_hant")) \
                else "zh"
    return "en"


def choose(*candidates: str | None) -> str:
    """The first given language of `candidates` (flag, config, content), else the locale's."""
    return next((c for c in candidates if c), None) or locale_lang()


_OS_REASONS = {
    errno.ENOENT: M("no such file or folder"),
    errno.EACCES: M("permission denied"),
    errno.EPERM: M("permission denied"),
    errno.EISDIR: M("it is a folder, not a file"),
    errno.ENOTDIR: M("a part of the path is not a folder"),
    errno.ENOSPC: M("no space left on the disk"),
    errno.EROFS: M("the file system is read-only"),
    errno.ENAMETOOLONG: M("the name is too long"),
}
