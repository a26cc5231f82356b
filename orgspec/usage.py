"""Click's usage errors (unknown option, missing argument, bad choice...) as one error line in
the run's language, and the parameter types whose failures say the bad value in words.

Click formats its errors in English (with a usage block above them); `said(exc)` turns each
kind into an `M` the CLI says like any other error. The language of a command line that did
not parse is `--lang` when its value is one (`argv_lang`), else what the CLI decides for any
error (the config's `lang`, else the locale's).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from typing import Any

import click

from orgspec.i18n import M, guess_lang, lang_hint, parse_lang
from orgspec.lazyre import lazy

_EXTRA = lazy(r"\((?P<args>.*)\)$")


def argv_lang(argv: Sequence[str]) -> str | None:
    """The language `--lang X` or `--lang=X` asks for on a command line (or most likely
    means, `i18n.guess_lang`), for the language of an error."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else \
            arg.partition("=")[2] if arg.startswith("--lang=") else None
        if value is not None and guess_lang(value):  # `--lang zh-Hnat`: its error in zh-Hant
            return guess_lang(value)
    return None


def argv_config(argv: Sequence[str]) -> dict[str, Any]:
    """`config_path` and `isolated` as the command line gives them (for the error's
    language when the line did not parse)."""
    out: dict[str, Any] = {"isolated": "--isolated" in argv}
    for i, arg in enumerate(argv):
        if arg == "--config" and i + 1 < len(argv):
            out["config_path"] = argv[i + 1]
        elif arg.startswith("--config="):
            out["config_path"] = arg.partition("=")[2]
    return out


def _name(param: click.Parameter | None, hint: Any = None) -> str:
    """`--format`, or an argument's metavar (`PATHS`), as the user would write it."""
    if param is None:
        return str(hint or "?")
    if isinstance(param, click.Option):
        return max(param.opts, key=len) if param.opts else param.human_readable_name
    return param.human_readable_name


def _guess(value: str, possibilities: Sequence[str] | None) -> str:
    if not possibilities:
        return ""
    names = [repr(p) for p in possibilities[:3]]
    return M(" (did you mean {names}?)", names=names[0] if len(names) == 1 else
             M("{some} or {last}", some=names[:-1], last=names[-1]))


def said(exc: click.ClickException, where: str = "orgspec") -> str:
    """The error `exc` in words a catalog can say: a message, then where to look for help
    (the command of the error's context, else `where`)."""
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and ctx.parent is not None:
        names = []
        while ctx.parent is not None:  # the root's name is how it was started: say orgspec
            names.append(ctx.info_name or "")
            ctx = ctx.parent
        where = " ".join(["orgspec", *reversed(names)])
    message = _problem(exc)
    if not isinstance(exc, click.UsageError):
        return message
    return M("{problem} (see `{command} --help`)", problem=message, command=where)


def _problem(exc: click.ClickException) -> str:
    if isinstance(exc, click.exceptions.NoSuchCommand):
        return M("unknown command {command!r}{hint}", command=exc.command_name,
                 hint=_guess(exc.command_name, exc.possibilities))
    if isinstance(exc, click.NoSuchOption):
        return M("unknown option {option!r}{hint}", option=exc.option_name,
                 hint=_guess(exc.option_name, exc.possibilities))
    if isinstance(exc, click.BadOptionUsage):
        if "does not take a value" in exc.message:
            return M("option {option!r} takes no value", option=exc.option_name)
        return M("option {option!r} needs a value", option=exc.option_name)
    if isinstance(exc, click.MissingParameter):
        name = _name(exc.param, exc.param_hint)
        if isinstance(exc.param, click.Argument):
            choices = getattr(exc.param.type, "choices", None)
            if choices:
                return M("missing argument {name} (one of {choices})", name=name,
                         choices=list(choices))
            return M("missing argument {name}", name=name)
        return M("missing option {name!r}", name=name)
    if isinstance(exc, click.BadParameter):
        why = exc.message if isinstance(exc.message, M) else M("{detail}", detail=exc.message)
        return M("invalid value for {name!r}: {why}", name=_name(exc.param, exc.param_hint),
                 why=why)
    found = _EXTRA.search(exc.message) if exc.message.startswith("Got unexpected extra") \
        else None
    if found:
        return M("unexpected extra arguments: {args}", args=found["args"])
    if exc.message == "Missing command.":
        return M("missing command")
    return M("{detail}", detail=exc.message)  # a kind of error click did not have before


class Choice(click.Choice):  # type: ignore[type-arg]
    """click.Choice whose failure names the bad value, the choices and a close one.
    `aliases`: other words for a choice, read as it (`position` -> `role`), any case."""

    def __init__(self, choices: Any, case_sensitive: bool = True,
                 aliases: dict[str, str] | None = None) -> None:
        super().__init__(choices, case_sensitive)
        self.aliases = {k.casefold(): v for k, v in (aliases or {}).items()}

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value.casefold() in self.aliases:
            return self.aliases[value.casefold()]
        return super().convert(value, param, ctx)

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        from difflib import get_close_matches

        choices = [str(c) for c in self.choices]
        words = choices + [a for a in getattr(self, "aliases", {}) if a not in choices]
        close = get_close_matches(str(value), words, n=1) or \
            get_close_matches(str(value).casefold(), [c.casefold() for c in words], n=1)
        return M("{value!r} is not one of {choices}{hint}", value=str(value), choices=choices,
                 hint=_guess(str(value), [c for c in words if c.casefold() in close
                                          or c in close]))


class Lang(Choice):
    """`--lang`: zh, zh-Hant or en, read as the config's `lang` is (`i18n.parse_lang`: BCP 47
    tags, any case, zh-TW and zh_HK for zh-Hant); a failure suggests the closest language."""

    def __init__(self) -> None:
        super().__init__(LANGS_SHOWN)

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        found = parse_lang(value) if isinstance(value, str) else None
        if found:
            return found
        return super().convert(value, param, ctx)

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return M("{value!r} is not one of {choices}{hint}", value=str(value),
                 choices=list(LANGS_SHOWN), hint=lang_hint(str(value)))


LANG_ENV = "ORGSPEC_LANG"  # a reader's own language, as `--lang` on every command they run
LANGS_SHOWN = ("zh", "zh-Hant", "en")  # as --help lists them: Simplified, Traditional, English


class Path(click.Path):
    """click.Path whose failures say what is wrong with the path in words."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if isinstance(value, (str, bytes)) and not value:  # `-o ''`, `init ''`: no path
            self.fail(M("an empty text names no file or folder"), param, ctx)
        try:
            got = super().convert(value, param, ctx)
        except click.BadParameter:
            path = os.fsdecode(value)
            if not os.path.lexists(path):
                self.fail(M("{path!r} does not exist", path=path), param, ctx)
            if os.path.isdir(path) and not self.dir_okay:
                self.fail(M("{path!r} is a folder, not a file", path=path), param, ctx)
            if not os.path.isdir(path) and not self.file_okay:
                self.fail(M("{path!r} is a file, not a folder", path=path), param, ctx)
            raise
        if self.exists and not self.dir_okay and got != "-":
            # An input file: a FIFO (or a device) would block the read, or never end.
            path = os.fsdecode(got)
            try:
                regular = stat.S_ISREG(os.stat(path).st_mode)
            except OSError:
                regular = True  # gone since: the read says why
            if not regular:
                self.fail(M("{path!r} is not a regular file (a FIFO, device or socket): orgspec "
                            "reads only files", path=path), param, ctx)
        if self.exists and not self.file_okay and not os.path.isdir(os.fsdecode(got)):
            # click refuses only a regular file here: a FIFO or a device passed, unread
            self.fail(M("{path!r} is a file, not a folder", path=os.fsdecode(got)), param, ctx)
        return got


class IntRange(click.IntRange):
    """click.IntRange (with a minimum) whose failures, metavar (`INTEGER`, not click's
    `INTEGER RANGE`) and help note (`[at least 500]`, not `[x>=500]`) say the number wanted
    in words; `clihelp` says the note in the help page's language."""

    name = "integer"

    def _describe_range(self) -> str:
        if self.min is None or self.max is not None or self.min_open:
            return super()._describe_range()
        return f"at least {self.min}"  # `clihelp.AT_LEAST`, said in the page's language

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(M("{value!r} is not a whole number", value=str(value)), param, ctx)
        if self.min is not None and number < self.min:
            self.fail(M("{value} is less than {least}", value=number, least=self.min), param,
                      ctx)
        return super().convert(number, param, ctx)
