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
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Self

from orgspec.han import han_char
from orgspec.lazyre import lazy

LANGS = ("en", "zh", "zh-Hant")
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "orgspec"

#: Templates looked up in a non-English catalog and not found there (tests assert it stays
#: empty after running every rule example).
MISSES: set[str] = set()


#: The catalog context of a rule's title: its kebab-case name (`near-duplicate-duties`) is the
#: msgid, said as a title in Chinese (近似重复的职责); English keeps the name (`rule_title`).
RULE_CONTEXT = "rule"


_ACRONYMS = {"yaml": "YAML", "kpi": "KPI", "sla": "SLA"}


def rule_heading(name: str, lang: str) -> str:
    """A rule's title for a page that shows it as a heading beside its code: `rule_title`,
    and in English the name in words (`position-vacancy` -> `Position vacancy`, `invalid-sla`
    -> `Invalid SLA`), since the kebab-case name reads as an id there."""
    if lang != "en":
        return rule_title(name, lang)
    words = [_ACRONYMS.get(w, w) for w in name.split("-")]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


def rule_title(name: str, lang: str) -> str:
    """A rule's title in `lang` (`near-duplicate-duties` -> 近似重复的职责 in zh), for pages a
    person reads beside the rule's code; English, and a name the catalog lacks, keep the
    kebab-case name, which stays the rule's id in machine formats (SARIF, JSON ...)."""
    return name if lang == "en" else say(MC(RULE_CONTEXT, name), lang)


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
        # the English as said, not formatted again when read back (a cached result's
        # findings: half of their unpickling)
        return (_rebuild, (self.template, self.values, str(self)))


def _rebuild(template: str, values: dict[str, Any], english: str | None = None) -> M:
    if english is None:
        return M(template, **values)
    self = str.__new__(M, english)
    self.template = template
    self.values = values
    return self


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


class P(M):
    """A message with a count `n`: `P("{n} team", "{n} teams", n=3)`. English picks the
    singular for 1 and the plural otherwise; `say` asks the catalog for the form the
    language's plural rule picks (gettext's `ngettext`; Chinese has one form). `template`
    is the English form chosen."""

    singular: str
    plural: str

    def __new__(cls, singular: str, plural: str, /, **values: Any) -> Self:
        self = super().__new__(cls, singular if values.get("n") == 1 else plural, **values)
        self.singular, self.plural = singular, plural
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_plural, (self.singular, self.plural, self.values))


def _rebuild_plural(singular: str, plural: str, values: dict[str, Any]) -> P:
    return P(singular, plural, **values)


def plural_template(text: P, lang: str) -> str:
    """The template of `text`'s form for its `n` in `lang` (`{n} 个团队`), not formatted;
    a miss is recorded in MISSES and gives the English form."""
    if lang == "en":
        return text.template
    if text.singular not in _plural_ids(lang):
        MISSES.add(text.singular)
        return text.template
    return catalog(lang).ngettext(text.singular, text.plural, int(text.values.get("n", 0)))


def _english(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(str(_english(v)) for v in value)
    return Quoted(value) if type(value) is str else value


# Python's repr escapes every space but U+0020 (`'chen-jing\u3000'`); the spaces people type
# (the IME's full-width space, a pasted non-breaking one) are shown as they are. Controls,
# format characters (bidi, zero-width) and the rest stay escaped.
_TYPED_ESCAPE = lazy(r"\\\\|\\(?:x([0-9a-f]{2})|u([0-9a-f]{4}))")


class Quoted(str):
    """A value formatted with `{x!r}`: quoted as by `repr`, but a typed space stays as it is."""

    def __repr__(self) -> str:
        return _TYPED_ESCAPE.sub(_unescape, str.__repr__(self))


def _unescape(m: re.Match[str]) -> str:
    code = m.group(1) or m.group(2)
    if code is None:
        return m.group()  # an escaped backslash
    char = chr(int(code, 16))
    return char if unicodedata.category(char) == "Zs" else m.group()


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
    template = plural_template(text, lang) if isinstance(text, P) else \
        lookup(text.template, lang, getattr(text, "context", None))
    if not text.values:
        return template
    return template.format(**{k: said_value(v, lang) for k, v in text.values.items()})


# Blanks beside a full-width bracket: a Chinese translation puts spaces around a placeholder
# for Latin text (`从 {old} 调到`), which stand out beside a full-width bracket (`（6月30日前）`).
# Only between the bracket and Chinese text or full-width punctuation, and inside the
# brackets: `（6月30日前） (o/k)` keeps its space before the ASCII bracket.
_WIDE = "\u3000-\u303f\uff00-\uffef"


@cache
def _bracket_blanks() -> re.Pattern[str]:
    from orgspec.han import HAN

    wide = f"[{HAN}{_WIDE}]"
    return re.compile(rf"(?<=）)[ \t]+(?={wide})|(?<={wide})[ \t]+(?=（)|(?<=（)[ \t]+|"
                      r"[ \t]+(?=）)")


def say_change(text: str, lang: str) -> str:
    """An org-diff line (`ci.diff` changes) in `lang`; in Chinese with no blank beside a
    full-width bracket (`新增职责：媒体关系 (press)（批准方：公关部 (pr)）`; a name with its id is
    `市场部 (marketing)`, as in the findings: `model.idnames.name_id`)."""
    said = say(text, lang)
    if not lang.startswith("zh") or ("（" not in said and "）" not in said):
        return said
    return _bracket_blanks().sub("", said)


class Said(str):
    """A message said in a language that remembers the `M` it was said from (`source`), so
    a page can say it again with names beside the ids (`report.view.Namer`), and the
    language (`lang`; None when unknown), so a page can tell the template's code spans
    from a backtick in a value (`i18n.parts.said_parts`)."""

    source: M
    lang: str | None

    def __new__(cls, text: str, source: M, lang: str | None = None) -> Self:
        self = super().__new__(cls, text)
        self.source = source
        self.lang = lang
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Said, (str(self), self.source, self.lang))


def template_args(source: object) -> tuple[str, ...]:
    """The positional arguments that make an `M` (a `P`'s two forms, an `MC`'s context)."""
    if isinstance(source, P):
        return source.singular, source.plural
    context = getattr(source, "context", None)
    template = str(getattr(source, "template", ""))
    return (context, template) if context is not None else (template,)


def said_from(text: str, lang: str) -> str:
    """`say(text, lang)`, keeping an `M`'s template and values on the result."""
    return Said(say(text, lang), text, lang) if isinstance(text, M) else say(text, lang)


LIST_SEP = M(", ")  # TRANSLATORS: joins the items of a list (、 in Chinese)


def said_value(value: Any, lang: str) -> Any:
    """A message value as `say` formats it: a list joined, an `M` said, a str `Quoted`."""
    if isinstance(value, list | tuple):
        return lookup(LIST_SEP, lang).join(str(said_value(v, lang)) for v in value)
    if isinstance(value, M):
        return say(value, lang)
    return Quoted(value) if type(value) is str else value


def message_of(exc: BaseException) -> str:
    """An exception's message, kept as an `M` when it is one (`str(exc)` would drop that)."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)


def reason(exc: BaseException) -> str:
    """Why an operation failed, in words that can be said in any language: the exception's
    `M` when it carries one (orgspec's own refusals), a sentence for the common OS errors
    (`[Errno 2] No such file or directory: 'x'` -> "no such file or folder (ENOENT)"), else
    the OS's own text (`strerror`, English) or the exception's. An OS error keeps its errno
    name, which reads the same in every language and can be searched for."""
    first = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(first, M):
        return first
    if isinstance(exc, OSError):
        why = _OS_REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
        name = errno.errorcode.get(exc.errno or 0)
        return M("{why} ({errno})", why=why, errno=name) if name else why
    return str(exc)


def say_list(items: list[Any], lang: str) -> str:
    """`items` said in `lang`, joined with the language's list separator."""
    return str(said_value(items, lang))


# BCP 47 regions and scripts of Chinese: Traditional script in Taiwan, Hong Kong and Macau.
_TRADITIONAL_TAGS = frozenset(("hant", "tw", "hk", "mo"))  # script, then regions
_SIMPLIFIED_TAGS = frozenset(("hans", "cn", "sg", "my"))
# Names people write for a language: a did-you-mean, not a tag orgspec accepts.
_LANG_NAMES = (("繁", "zh-Hant"), ("正體", "zh-Hant"), ("traditional", "zh-Hant"),
               ("简", "zh"), ("簡", "zh"), ("simplified", "zh"), ("中文", "zh"),
               ("chinese", "zh"), ("英", "en"), ("english", "en"))
# A region's or script's code written alone, or Windows' language codes: `--lang cn`.
_LANG_CODES = {"cn": "zh", "sg": "zh", "hans": "zh", "chs": "zh", "tw": "zh-Hant",
               "hk": "zh-Hant", "mo": "zh-Hant", "hant": "zh-Hant", "cht": "zh-Hant",
               "us": "en", "uk": "en", "gb": "en", "eng": "en"}


def parse_lang(value: str) -> str | None:
    """One of LANGS for a language tag as BCP 47 writes it, case-insensitive and with `_`
    for `-` (a locale's spelling): `zh-TW`, `zh_HK`, `zh-Hant-TW` -> `zh-Hant`; `zh-CN`,
    `zh-Hans` -> `zh`; `en-US` -> `en`; a locale copied from $LANG with its codeset or
    modifier (`zh_HK.UTF-8`, `en_US.UTF-8@euro`) as its tag. None for anything else (`fr`,
    `zh-Hnat`, `chinese`, `C.UTF-8`)."""
    parts = value.strip().split("@", 1)[0].split(".", 1)[0].replace("_", "-").casefold() \
        .split("-")
    if parts[0] == "en" and all(p.isalnum() for p in parts[1:]):
        return "en"
    if parts[0] != "zh":
        return None
    rest = set(parts[1:])
    if not rest <= _TRADITIONAL_TAGS | _SIMPLIFIED_TAGS or {"hant", "hans"} <= rest:
        return None
    if "hans" in rest or "hant" in rest:  # the script decides (zh-Hans-TW is Simplified)
        return "zh" if "hans" in rest else "zh-Hant"
    if rest & _TRADITIONAL_TAGS:
        return None if rest & _SIMPLIFIED_TAGS else "zh-Hant"
    return "zh"


def guess_lang(value: str) -> str | None:
    """The language `value` most likely means when `parse_lang` reads none (`zh-Hnat` ->
    `zh-Hant`, `繁體中文` -> `zh-Hant`, `english` -> `en`, `cn` -> `zh`, `tw` -> `zh-Hant`),
    else None: for a did-you-mean. Full-width forms (`ｅｎ`, an IME's) are read as ASCII."""
    import difflib
    import unicodedata

    value = unicodedata.normalize("NFKC", value)
    found = parse_lang(value)
    if found:
        return found
    low = value.strip().casefold()
    if low in _LANG_CODES:
        return _LANG_CODES[low]
    named = next((lang for name, lang in _LANG_NAMES if name in low), None)
    if named:
        return named
    folded = {lang.casefold(): lang for lang in LANGS}
    close = difflib.get_close_matches(low.replace("_", "-"), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def lang_hint(value: str) -> str:
    """The did-you-mean of a language `parse_lang` does not read: ` (did you mean
    'zh-Hant'?)` for `zh-Hnat` (`guess_lang`), "" when no language is close. The one
    wording of $ORGSPEC_LANG, `--lang` and the config's `lang` errors."""
    guess = guess_lang(value)
    return M(" (did you mean {name!r}?)", name=guess) if guess else ""


@cache
def _ids(lang: str) -> frozenset[str]:
    cat = catalog(lang)
    return frozenset(k for k in getattr(cat, "_catalog", {}) if isinstance(k, str) and k)


@cache
def _plural_ids(lang: str) -> frozenset[str]:
    """The singular msgids of the catalog's plural messages (stored as `(msgid, form)`)."""
    cat = catalog(lang)
    return frozenset(k[0] for k in getattr(cat, "_catalog", {}) if isinstance(k, tuple))


# Which script a character tells (+1 Traditional, -1 Simplified, 0 either), per distinct
# character seen: Traditional when OpenCC's t2s changes it (處 -> 处, 陳 -> 陈); Simplified when
# GB2312 has it and Big5 does not (处, 陈, 营). Not OpenCC's s2t for the second: it changes
# characters Traditional writing uses too (台 -> 臺, 里 -> 裏, 后 -> 後), which would make every
# Taiwanese org with 台 look Simplified. A character both scripts write (客, 服, 部) tells none.
_SCRIPT: dict[str, int] = {}


@cache
def t2s() -> Any:
    """OpenCC's `t2s` converter, one per process (`orgspec.text.script` judges with it too),
    made on first use: importing OpenCC costs about 20 ms, only runs with Chinese text pay."""
    import opencc

    return opencc.OpenCC("t2s")


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _learn_scripts(chars: set[str]) -> None:
    new = sorted(c for c in chars if c not in _SCRIPT)
    if not new:
        return
    folded = str(t2s().convert("\n".join(new))).split("\n")
    if len(folded) != len(new):  # a character became a line break: judge one by one
        folded = [str(t2s().convert(c)) for c in new]
    for char, simple in zip(new, folded, strict=True):
        if simple != char:
            _SCRIPT[char] = 1
        elif _encodes(char, "gb2312") and not _encodes(char, "big5"):
            _SCRIPT[char] = -1
        else:
            _SCRIPT[char] = 0


# The characters of an org's texts its language is judged by (`content_lang`).
LANG_SAMPLE = 20_000


def content_lang(texts: Iterable[str], env: Mapping[str, str] | None = None) -> str | None:
    """`zh` when more than 30% of the letters in `texts` (first 20,000 characters) are
    Chinese, `en` when there are letters and fewer are, None when there are none. Chinese is
    `zh-Hant` when more of its characters are Traditional-only than Simplified-only (see
    `_SCRIPT`: 陳靜 客服處長 is Traditional, 陈静 客服处长 Simplified); when none tells the
    script (客服部 退款), the locale's script decides (`zh-Hant` under zh_TW), else `zh`."""
    parts: list[str] = []
    size = 0
    for text in texts:  # stop at 20,000: an org of 5,000 teams has 200,000 texts
        parts.append(text)
        size += len(text)
        if size >= LANG_SAMPLE:
            break
    sample = "".join(parts)[:LANG_SAMPLE]
    letters = sum(c.isalpha() for c in sample)
    if not letters:
        return None
    chinese = han_char().findall(sample)
    if len(chinese) / letters <= 0.3:
        return "en"
    _learn_scripts(set(chinese))
    score = sum(_SCRIPT[c] for c in chinese)
    if score:
        return "zh-Hant" if score > 0 else "zh"
    return "zh-Hant" if locale_lang(env) == "zh-Hant" else "zh"


def locale_lang(env: Mapping[str, str] | None = None) -> str:
    """`zh` when the first set of LANGUAGE, LC_ALL, LC_MESSAGES, LANG starts with zh
    (`zh-Hant` for zh_TW, zh_HK, zh_MO and zh_Hant), else `en`."""
    env = os.environ if env is None else env
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:  # `zh_TW.UTF-8`, `zh_CN:en` (LANGUAGE), `zh_Hant_TW@x`: read as --lang is
            tag = re.split(r"[.:@]", value, maxsplit=1)[0]
            return parse_lang(tag) or ("zh" if tag.casefold().startswith("zh") else "en")
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
