"""`--help` in the run's language: click's help page, with orgspec's help texts (a command's
docstring, an option's `help=`) and click's own words on the page (Usage:, Options,
Commands, [default: ...]) said from orgspec's gettext catalog, context "help".

The help texts stay plain literals in `cli.py`; `python -m orgspec.i18n.build update`
reads them from its source (`i18n.build.help_texts`). Click marks its own words for
gettext's global domain, which a library should not take over, so the few a help page
shows are orgspec's messages below. English is click's own page, unchanged. The language
is the root command's `help_lang()` (`cli._Group`: `--lang` on the command line, else the
config's `lang`, else the locale's).
"""

from __future__ import annotations

import inspect
import unicodedata

import click

from orgspec.i18n import MC, lookup
from orgspec.text.lazyre import lazy

CONTEXT = "help"
USAGE = MC("help", "Usage: ")
OPTIONS = MC("help", "Options:")
OPTIONS_METAVAR = MC("help", "[OPTIONS]")  # click's placeholder in the usage line
COMMANDS = MC("help", "Commands:")
SUBCOMMAND_METAVAR = MC("help", "COMMAND [ARGS]...")  # a group's, after its options
NOTES = MC("help", "[{notes}]")  # click's notes after an option's help: [default: json]
NOTE_SEPARATOR = MC("help", "; ")  # between two notes: [default: 60000; at least 1000]
DEFAULT = MC("help", "default: {default}")
REQUIRED = MC("help", "required")
ENV_VAR = MC("help", "env var: {var}")
AT_LEAST = MC("help", "at least {least}")  # `usage.IntRange`'s range, for click's `x>=500`
# the help texts of click's own `--help` and `--version`, said as the options' `help`
HELP = MC("help", "Show this message and exit.")
VERSION = MC("help", "Show the version and exit.")


def help_lang(ctx: click.Context) -> str:
    """The language of `ctx`'s help page: the root command's `help_lang()`, else English."""
    ask = getattr(ctx.find_root().command, "help_lang", None)
    return str(ask()) if callable(ask) else "en"


def text_of(help_text: str | None) -> str:
    """A command's help as click shows it (and as the catalog keeps it): dedented, up to
    a form feed."""
    return inspect.cleandoc(help_text).partition("\f")[0] if help_text else ""


def _said(text: str, lang: str) -> str:
    return lookup(text, lang, CONTEXT)


class Command(click.Command):
    """A command whose help page is said in `help_lang`."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_lang(ctx)
        if lang == "en":
            super().format_help(ctx, formatter)
            return
        format_page(self, ctx, formatter, lang)


class Group(click.Group):
    """A command group whose help page (and its commands' pages) is said in `help_lang`."""

    command_class = Command

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_lang(ctx)
        if lang == "en":
            super().format_help(ctx, formatter)
            return
        format_page(self, ctx, formatter, lang)
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, _short(_said(text_of(cmd.help), lang))))
        _section(formatter, _said(COMMANDS, lang), rows)


Group.group_class = Group


def format_page(cmd: click.Command, ctx: click.Context, formatter: click.HelpFormatter,
                lang: str) -> None:
    """Usage, help text and options of `cmd`, said in `lang` (a group's commands are
    its own)."""
    pieces = cmd.collect_usage_pieces(ctx)
    if pieces and pieces[0] == cmd.options_metavar == OPTIONS_METAVAR.template:
        pieces[0] = _said(OPTIONS_METAVAR, lang)
    pieces = [_said(SUBCOMMAND_METAVAR, lang) if p == SUBCOMMAND_METAVAR.template else p
              for p in pieces]
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_said(USAGE, lang))
    _paragraphs(formatter, _said(text_of(cmd.help), lang))
    rows = [row for param in cmd.get_params(ctx) if isinstance(param, click.Option)
            and (row := _record(param, ctx, lang)) is not None]
    _section(formatter, _said(OPTIONS, lang), rows)
    _paragraphs(formatter, _said(text_of(cmd.epilog), lang))


def _paragraphs(formatter: click.HelpFormatter, text: str) -> None:
    """A command's help text, indented, each paragraph wrapped by display width."""
    if not text:
        return
    formatter.write_paragraph()
    with formatter.indentation():
        indent = formatter.current_indent
        width = max((formatter.width or 78) - indent, 20)
        for i, paragraph in enumerate(text.split("\n\n")):
            if i:
                formatter.write("\n")
            for line in _wrap(paragraph, width):
                formatter.write(f"{'':>{indent}}{line}\n")


def _record(param: click.Option, ctx: click.Context, lang: str) -> tuple[str, str] | None:
    """An option's row, its help said in `lang` and click's `[default: ...]` with it."""
    english = param.help
    if english:
        param.help = _said(english, lang)
    try:
        row = param.get_help_record(ctx)
    finally:
        param.help = english
    if row is None:
        return None
    spec, text = row
    at = text.rfind("[") if text.endswith("]") else -1
    if at < 0 or (at > 0 and not text[:at].endswith("  ")):
        return spec, text
    items = [_extra(item, lang) for item in text[at + 1:-1].split("; ")]
    return spec, text[:at].rstrip() + _said(NOTES.template, lang).format(
        notes=_said(NOTE_SEPARATOR.template, lang).join(items))


def _section(formatter: click.HelpFormatter, heading: str,
             rows: list[tuple[str, str]]) -> None:
    """A section of the page (`选项：`): click's `section` would add an ASCII colon."""
    if not rows:
        return
    formatter.write_paragraph()
    formatter.write(f"{'':>{formatter.current_indent}}{heading}\n")
    with formatter.indentation():
        _write_dl(formatter, rows)


def _write_dl(formatter: click.HelpFormatter, rows: list[tuple[str, str]]) -> None:
    """click's two-column list, wrapped by display width: a Chinese character takes two
    columns of a terminal, which click's wrapping counts as one."""
    first = min(max(len(spec) for spec, _ in rows), 30) + 2
    indent = formatter.current_indent
    width = max((formatter.width or 78) - indent - first, 20)
    for spec, text in rows:
        lines = _wrap(text, width) or [""]
        if len(spec) + 2 <= first:
            formatter.write(f"{'':>{indent}}{spec:<{first}}{lines[0]}\n")
            rest = lines[1:]
        else:
            formatter.write(f"{'':>{indent}}{spec}\n")
            rest = lines
        for line in rest:
            formatter.write(f"{'':>{indent + first}}{line}\n")


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns (a wide character counts two), broken
    at a space or between two wide characters, never inside a Latin word nor before a
    closing mark (`。`, `）`: the word or character before it moves down with it), nor
    inside a bracketed note (`［預設：en］`) that fits on a line of its own."""
    lines: list[str] = []
    line = ""
    for char in " ".join(text.split()):
        if _columns(line + char) > width and line.strip():
            latin = not char.isspace() and _columns(char) == 1 and char not in _CLOSING
            word = _LATIN_TAIL.search(line) if latin or char in _CLOSING else None
            cut = word.start() if word is not None and word.start() > 0 else len(line)
            opened = _open_note(line)
            if opened > 0:
                cut = opened  # `［預設：en］` moves down whole, not split inside
            if char in _CLOSING and cut == len(line):
                cut -= 1  # a closing mark never starts a line: the character before goes too
                while cut > 1 and line[cut] in _CLOSING:
                    cut -= 1
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
            if char.isspace():
                continue
        line += char
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _open_note(line: str) -> int:
    """Where the bracket `line` leaves open starts (`... none [預`), else -1."""
    at = max(line.rfind("["), line.rfind("［"))
    return at if at >= 0 and max(line.rfind("]"), line.rfind("］")) < at else -1


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_CLOSING = frozenset("，。、；：！？）］」』》〉,.;:!?)]")
_LATIN_TAIL = lazy(r"[^\s\u1100-\uffff]+$")


def _extra(item: str, lang: str) -> str:
    """One of click's notes after an option's help (`default: json`, `required`, `at least
    500`)."""
    for word, key in ((DEFAULT, "default"), (ENV_VAR, "var"), (AT_LEAST, "least")):
        head = word.template.partition("{")[0]
        if item.startswith(head):
            return _said(word.template, lang).format(**{key: item[len(head):]})
    return _said(REQUIRED, lang) if item == REQUIRED.template else item


def _short(text: str) -> str:
    """A command's line in its group's list: the first sentence of its help."""
    first = text.split("\n\n", 1)[0].replace("\n", " ")
    for stop in ("。", ". "):
        if stop in first:
            return first.split(stop, 1)[0]
    return first.removesuffix(".")

