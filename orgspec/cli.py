"""The `orgspec` command: a thin shell over the Python API. Heavy imports happen inside commands.

Click only: the policy of `check` is `orgspec.run`. Over 300 lines because every command's
options are declared here, next to the one-line bodies that call the API.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NoReturn

import click

from orgspec._version import __version__
from orgspec.clihelp import Group as HelpGroup

if TYPE_CHECKING:
    from orgspec.engine.registry import RuleMeta
    from orgspec.load.cache import Cache
    from orgspec.load.config import Config

from orgspec.findings import Severity
from orgspec.i18n import M, message_of, reason
from orgspec.report.graph_export import FORMATS as GRAPH_FORMATS
from orgspec.reporters import REPORTERS
from orgspec.run import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    make_config,
    render,
    targets_of,
)
from orgspec.usage import LANG_ENV, Choice, IntRange, Lang, Path

LEVELS = tuple(s.label for s in sorted(Severity, reverse=True))
LANG_CHOICES = ["zh", "zh-Hant", "en"]  # Simplified, Traditional Chinese, English
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a tool the pipe ended


def _config_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--config` and `--isolated`, shared by every command that reads the config. The two
    together are a usage error, as in ruff: which one wins would be a guess, and ignoring
    either one silently lints with settings the user did not ask for."""

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("config_path") is not None and kwargs.get("isolated"):
            raise click.UsageError(M("option '--config' cannot be used with '--isolated'"),
                                   click.get_current_context())
        return func(*args, **kwargs)

    isolated = click.option("--isolated", is_flag=True,
                            help="Ignore every config file (not with --config).")(command)
    return click.option("--config", "config_path", type=Path(dir_okay=False),
                        help="Config file [default: the nearest .orgspec.yaml or "
                             "pyproject.toml from the first path given upwards, else from the "
                             "working directory upwards]."
                        )(isolated)


def _fail(message: str, lang: str, code: int = EXIT_USAGE) -> NoReturn:
    """One error line in `lang`, exit 2. The message may quote the user's text (a roster's
    header, a file name): its newlines and control characters are escaped, so it stays one
    line."""
    from orgspec.escape import tty_text
    from orgspec.i18n import say

    said = say(M("error: {message}", message=message), lang)
    click.echo(f"orgspec: {tty_text(said)}", err=True)
    sys.exit(code)


def _tell(message: str, lang: str | None = None, err: bool = False) -> None:
    """One line a command prints: `message` said in `lang` (a note already said: as it
    is). It may quote the user's text (a path, a name, a finding's message): its newlines,
    control and bidi characters are escaped, so it stays one line and cannot drive the
    terminal."""
    from orgspec.escape import tty_text
    from orgspec.i18n import say

    click.echo(tty_text(say(message, lang) if lang else message), err=err)


def _error_lang(kwargs: dict[str, Any], texts: Iterable[str] = (), reader: bool = True) -> str:
    """The language of an error, a rule list or an explanation: `--lang`, else the config's
    `lang` (when it can be read), else the language of `texts` (a report, an import's names)
    when there are any, else the locale's. No org files are read for these. `reader`: the
    reader's $ORGSPEC_LANG comes before the config (not for the files `import` and `init`
    write, which must not depend on who runs them)."""
    from orgspec.i18n import choose, content_lang

    if kwargs.get("lang") in LANG_CHOICES:
        return str(kwargs["lang"])
    from orgspec.i18n import parse_lang

    if reader and parse_lang(os.environ.get(LANG_ENV) or ""):  # `--help`, a bad line...
        return str(parse_lang(os.environ[LANG_ENV]))
    config = None
    if not kwargs.get("isolated"):
        from orgspec.load.config import config_for, peek_lang

        try:
            config = peek_lang(kwargs.get("config_path") or config_for(_where(kwargs)))
        except OSError:
            config = None
    return choose(config, content_lang(texts))


def _where(kwargs: dict[str, Any]) -> tuple[str, ...]:
    """The paths a command's config is found from (`config.config_for`): where `import`
    writes, the folder `init` makes, else the org paths given (`import`'s are its sources)."""
    if kwargs.get("source") and kwargs.get("output_dir"):
        return (str(kwargs["output_dir"]),)
    if kwargs.get("directory"):
        return (str(kwargs["directory"]),)
    paths = kwargs.get("paths")
    if kwargs.get("path"):  # `config`, `cache` and `pr-comment`: one path
        return (str(kwargs["path"]),)
    return tuple(str(p) for p in paths) if isinstance(paths, tuple) else ()


def _guard(func: Callable[..., int], debug: bool, **kwargs: Any) -> NoReturn:
    """Run a command body; map config errors and crashes to one line and exit 2."""
    from orgspec.load.config import ConfigError

    _RUN_LANG.clear()
    if "lang" in kwargs and not kwargs["lang"]:  # the group's --lang, as the command's own
        context = click.get_current_context(silent=True)
        kwargs["lang"] = context.meta.get(_GROUP_LANG) if context is not None else None
    try:
        code = func(**kwargs)
        sys.stdout.flush()
    except (UsageError, ConfigError) as exc:
        _fail(message_of(exc), getattr(exc, "lang", None) or next(iter(_RUN_LANG), None)
              or _error_lang(kwargs))
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        _reader_left()
    except Exception as exc:
        if debug:
            raise
        from orgspec.escape import tty_text
        from orgspec.i18n import say

        said = say(M("internal error ({kind}): {message}; re-run with --debug for a traceback",
                     kind=type(exc).__name__, message=tty_text(str(exc))[:300]),
                   _error_lang(kwargs))
        click.echo(f"orgspec: {said}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(code)


# The run's language once a command has read the org (`_speaks`): an error after that point
# (an unknown process, a missing extra, an output it cannot write) is said in it, as the
# findings are; before it, `_error_lang` decides.
_RUN_LANG: list[str] = []


def _speaks(lang: str) -> str:
    """Record `lang` as the run's language for the errors that follow; returns it."""
    _RUN_LANG[:] = [lang]
    return lang


def _reader_left() -> NoReturn:
    """The reader of standard output went away (`orgspec export | head -1`): stop quietly, as
    a tool that SIGPIPE ends does (exit 128 + 13). Standard output is pointed at the null
    device first, so the flush at exit cannot fail again (Python's "Exception ignored")."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test's captured stream)
        pass
    sys.exit(EXIT_BROKEN_PIPE)


def _check_lang_env(argv: list[str]) -> None:
    """A $ORGSPEC_LANG orgspec does not speak is one error line naming the variable (click
    would blame `--lang`, which the user did not type)."""
    from orgspec.i18n import parse_lang

    value = os.environ.get(LANG_ENV)
    if value and not parse_lang(value) and \
            not any(a == "--lang" or a.startswith("--lang=") for a in argv):  # --lang wins
        from orgspec.i18n import guess_lang, lang_hint
        from orgspec.usage import argv_config

        # said in the language it most likely means, else the config's as other errors are
        _fail(M("${var} is {value!r}, not one of zh, zh-Hant, en{hint}", var=LANG_ENV,
                value=value, hint=lang_hint(value)),
              guess_lang(value) or _error_lang(argv_config(argv)))


class _Group(HelpGroup):
    """The command group, whose usage errors (unknown option, bad choice, missing
    argument...) are one error line in the run's language, exit 2, as every other error,
    and whose help pages are said in it too (`clihelp`)."""

    argv: list[str] = []  # noqa: RUF012 - the command line of the run, set by `main`

    def help_lang(self) -> str:
        """The language of a help page: `--lang`, else the config's, else the locale's."""
        from orgspec.usage import argv_config, argv_lang

        return argv_lang(self.argv) or _error_lang(argv_config(self.argv))

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> NoReturn:
        argv = self.argv = list(sys.argv[1:] if args is None else args)
        _check_lang_env(argv)
        try:
            code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # bare `orgspec`: the help
            exc.show()
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            from orgspec.usage import argv_config, argv_lang, said

            command = next((a for a in argv if not a.startswith("-")), "")
            where = f"orgspec {command}" if command in self.commands else "orgspec"
            _fail(said(exc, where), argv_lang(argv) or _error_lang(argv_config(argv)),
                  exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


_GROUP_LANG = "orgspec.lang"  # ctx.meta key: `orgspec --lang X COMMAND`'s X


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """`orgspec --lang zh check ...`: the command's `--lang` reads $ORGSPEC_LANG, set for
    this invocation only (tests run many in one process); `_guard` also gives it to the
    commands whose `--lang` does not read $ORGSPEC_LANG (import, init, rules' reference):
    typed on this run, it is the command's own --lang, not the reader's setting."""
    if value:
        ctx.meta[_GROUP_LANG] = value
        before = os.environ.get(LANG_ENV)
        os.environ[LANG_ENV] = value
        ctx.call_on_close(lambda: os.environ.pop(LANG_ENV, None) if before is None
                          else os.environ.__setitem__(LANG_ENV, before))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="orgspec", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, envvar="ORGSPEC_DEBUG", help="Show tracebacks.")
@click.option("--lang", type=Lang(), expose_value=False, is_eager=True, callback=_set_lang,
              help="Language of this help and of the command that follows (as "
                   "$ORGSPEC_LANG).")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Organisation as code: lint teams, duties, OKRs and processes kept as YAML."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    from orgspec.output import forget_inputs

    forget_inputs()  # a new command (tests run many in one process) protects its own inputs
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("paths", nargs=-1, type=Path())
@click.option("--format", "fmt", type=Choice([*REPORTERS, "auto"]),
    help="Output format; `auto` is github inside GitHub Actions, else text [default: from the "
         "-o suffix (.json, .sarif, .xml, .md, .html ...), else text].")
@click.option("--report", "reports", multiple=True, metavar="FORMAT=PATH",
              help="Also write a report in FORMAT to PATH (repeatable).")
@click.option("--fail-on", type=Choice(LEVELS),
              help="Exit 1 when a finding is at or above this level [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (still 2 on errors).")
@_config_options
@click.option("--color", type=Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text output.")
@click.option("-o", "--output", type=Path(dir_okay=False), help="Write the report here.")
@click.option("--baseline", "baseline_path", type=Path(dir_okay=False),
              help="Known findings in this baseline file do not fail; fixed ones are stale "
                   "[default: config `baseline`].")
@click.option("--no-baseline", is_flag=True,
              help="Show every finding, baseline or not (ignore config `baseline`).")
@click.option("--diff", "diff_ref", metavar="BASE_REF",
              help="Fail only on findings new since this git revision; print the org diff. "
                   "The gitlab report keeps every finding (GitLab compares it itself).")
@click.option("--write-baseline", type=Path(dir_okay=False),
              help="Write the current findings as a baseline file and exit 0.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules (codes, prefixes, names or families; comma-separated).")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Also these rules.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Not these rules.")
@click.option("--staged", is_flag=True,
              help="Lint the org as staged for commit (git's index), not the working tree.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Whether to skip files git ignores when walking folders "
                   "[default: skip them].")
@click.option("--no-cache", is_flag=True, envvar="ORGSPEC_NO_CACHE",
              help="Neither read nor write the cache of checked files and results.")
@click.option("--lang", envvar=LANG_ENV, type=Lang(),
              help="Language of the messages [default: $ORGSPEC_LANG, "
                   "else config `lang`, else the content's, "
                   "else the locale's].")
@click.option("--max-bytes", type=IntRange(min=500),
              help="Most bytes (UTF-8) of the chat message [default: 4000] (a WeCom robot's "
                   "Markdown holds 4,096).")
@click.option("--link", metavar="URL", callback=lambda _ctx, _param, url: _no_blank(url),
              help="The chat message links to the full report or handbook site at this URL "
                   "(empty: no link, so an unset CI variable does not fail the run).")
@click.pass_context
def check(ctx: click.Context, /, **options: Any) -> None:
    """Lint the org in PATHS (default: the configured root, else ./org)."""
    _guard(_check, ctx.obj["debug"], **options)


def _check(color: str, no_cache: bool, **options: Any) -> int:
    from orgspec.run import CheckOptions, CiEnv, run_check

    if options["link"] is not None:
        _chat_link(options["link"])

    outcome = run_check(CheckOptions(color=_want_color(color), cache=not no_cache, **options),
                        CiEnv.from_environ(os.environ))
    if outcome.result is not None and outcome.result.lang:
        _speaks(outcome.result.lang)
    for output in outcome.outputs[:1]:
        _write(output)
    for note in outcome.notes:
        _tell(note, err=True)
    for output in outcome.outputs[1:]:
        _write(output)
    return outcome.exit_code


def _write(output: Any) -> None:
    """Write one run output: standard output, a file (atomically), or the job summary."""
    if output.append:
        _summary(output.path, output.text)
    else:
        _emit(output.text, output.path)


def _summary(path: str, text: str) -> None:
    from orgspec.output import append_text

    try:
        append_text(path, text)
    except OSError as exc:
        raise UsageError(M("cannot write the job summary {path!r}: {why}", path=path,
                           why=reason(exc))) from None


def _want_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)  # not click.echo: it strips colour that --color=always asked for
        return
    from orgspec.output import write_text

    try:
        write_text(output, text)
    except OSError as exc:
        raise UsageError(M("cannot write {path!r}: {why}", path=output,
                           why=reason(exc))) from None


@main.command()
@click.option("--kind", type=Choice(["org", "team", "person", "responsibility",
                                           "objective", "process", "role", "meeting"],
                                          case_sensitive=False),
              default="org",
              show_default=True, help="Which schema to print.")
@click.option("-o", "--output-dir", type=Path(file_okay=False),
              help="Write every schema into this folder instead of printing one.")
@click.option("--lang", envvar=LANG_ENV, type=Choice(LANG_CHOICES, case_sensitive=False),
              help="Language of the summary line [default: $ORGSPEC_LANG, "
                   "else config `lang`, else the "
                   "locale's].")
@click.pass_context
def schema(ctx: click.Context, /, **options: Any) -> None:
    """Print the JSON Schema of the org format (for editors), or write them all."""
    _guard(_schema, ctx.obj["debug"], **options)


def _schema(kind: str, output_dir: str | None, lang: str | None) -> int:
    from orgspec.model.schema import dumps, schemas

    every = schemas()
    if output_dir is None:
        click.echo(dumps(every[f"{kind.lower()}.schema.json"]), nl=False)
        return EXIT_OK
    from orgspec.output import write_text

    os.makedirs(output_dir, exist_ok=True)
    for name, body in every.items():
        write_text(os.path.join(output_dir, name), dumps(body))
    _tell(M("wrote {n} schemas to {folder}", n=len(every), folder=output_dir),
          _error_lang({"lang": lang}))
    return EXIT_OK


@main.command()
@click.option("--format", "fmt", type=Choice(["text", "json", "markdown"]),
              help="A table, JSON metadata, or the Markdown reference [default: from the -o "
                   "suffix (.md, .json), else text].")
@click.option("-o", "--output", type=Path(dir_okay=False), help="Write it here.")
@click.option("--lang", type=Lang(),
              help="Language of the summaries [default: $ORGSPEC_LANG, "
                   "else config `lang`, else the locale's; "
                   "the Markdown reference: en].")
@_config_options
@click.pass_context
def rules(ctx: click.Context, /, **options: Any) -> None:
    """List every rule (code, name, severity, whether it is on by default)."""
    _guard(_rules, ctx.obj["debug"], **options)


def _rules(fmt: str | None, output: str | None, lang: str | None, config_path: str | None,
           isolated: bool) -> int:
    from orgspec.output import RULES_SUFFIXES, format_for
    from orgspec.report import docsgen

    fmt = format_for(output, fmt, RULES_SUFFIXES, "text")

    if fmt == "markdown":  # docs/rules.md is generated with it: English unless asked
        _emit(docsgen.rules_markdown(lang=lang or "en"), output)
        return EXIT_OK
    render = {"text": docsgen.rules_table, "json": docsgen.rules_json}[fmt]
    said_in = _error_lang({"lang": lang, "config_path": config_path, "isolated": isolated})
    _emit(render(_project_rules(config_path, isolated), lang=said_in), output)
    return EXIT_OK


def _project_rules(config_path: str | None, isolated: bool) -> dict[str, RuleMeta]:
    """The built-in rules and those of the rule packs of the config `check` would read here
    (`--config`, else the nearest; none with `--isolated`). Raises ConfigError for a config
    or pack that cannot be read, as `check` does."""
    from orgspec.engine.registry import registry
    from orgspec.engine.selection import with_packs

    if isolated:
        return registry()
    return with_packs(make_config(config_path, isolated))


@main.command()
@click.argument("rule")
@click.option("--lang", envvar=LANG_ENV, type=Lang(),
              help="Language of the explanation [default: $ORGSPEC_LANG, "
                   "else config `lang`, else the locale's].")
@_config_options
@click.pass_context
def explain(ctx: click.Context, /, **options: Any) -> None:
    """Explain one rule (by code, name or title, as `orgspec rules` lists them): what,
    why, options, examples."""
    _guard(_explain, ctx.obj["debug"], **options)


def _explain(rule: str, lang: str | None, config_path: str | None, isolated: bool) -> int:
    from orgspec.engine.registry import by_name_or_code, guess_rule
    from orgspec.report import docsgen

    known = _project_rules(config_path, isolated)
    meta = by_name_or_code(rule, known, titles=True)
    if meta is None:
        raise UsageError(M("unknown rule {rule!r}{hint}", rule=rule,
                           hint=guess_rule(rule, known)))
    # a rule asked for by its Chinese title is explained in that script (trial 31b: `explain
    # 职责重叠` answered in English under a C locale); a code or a name says no language
    asked_in = [rule] if rule != meta.name and rule.upper() != meta.code and \
        any(ord(c) > 0x2E7F for c in rule) else []
    said_in = _error_lang({"lang": lang, "config_path": config_path, "isolated": isolated},
                          asked_in)
    _emit(docsgen.explain(meta, said_in), None)
    return EXIT_OK


@main.command(name="config")
@click.argument("path", required=False, type=Path())
@_config_options
@click.pass_context
def config_command(ctx: click.Context, /, **options: Any) -> None:
    """Print the effective configuration: where it came from and every enabled rule. The
    config is the one nearest PATH, as `orgspec check PATH` reads it (default: the
    working directory)."""
    _guard(_config_command, ctx.obj["debug"], **options)


def _config_command(path: str | None, config_path: str | None, isolated: bool) -> int:
    import json

    from orgspec.engine.selection import make_plan
    from orgspec.load.cache import cache_dir
    from orgspec.load.config import settings

    config = make_config(config_path, isolated, near=_near(path))
    plan = make_plan(config)
    doc: dict[str, Any] = {"source": config.source}
    for key, value in settings(config).items():  # every setting, from the config model
        doc[key] = value
        if key == "rules":  # what the presets, selections and overrides make of them
            doc[key] = {code: {"name": plan.rules[code].name, "severity": sev.label,
                               **({"options": plan.options[code]} if plan.options[code] else {})}
                        for code, sev in plan.severity.items()}
            doc["disabled"] = sorted(set(plan.rules) - set(plan.severity))
    doc["per-file-ignores"] = {glob: sorted(codes) for glob, codes in plan.per_file}
    doc["cache-dir"] = cache_dir(config.cache_path())  # $ORGSPEC_CACHE_DIR wins
    _emit(json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n", None)
    return EXIT_OK


@main.command()
@click.argument("paths", nargs=-1, type=Path())
@click.option("--format", "fmt", type=Choice(GRAPH_FORMATS),
              help="Export format  [default: from the -o suffix (.json, .dot, .graphml, "
                   ".gexf, .mmd), else json; mermaid with --process]")
@click.option("-o", "--output", type=Path(dir_okay=False), help="Write it here.")
@_config_options
@click.option("--process", metavar="ID", help="Only this process, as a flowchart (mermaid): "
              "its id, or its name as `show` reads it.")
@click.option("--lang", envvar=LANG_ENV, type=Lang(),
              help="Language of the labels [default: $ORGSPEC_LANG, "
                   "else config `lang`, else the content's, "
                   "else the locale's].")
@click.pass_context
def graph(ctx: click.Context, /, **options: Any) -> None:
    """Export the responsibility graph of the org in PATHS."""
    _guard(_graph, ctx.obj["debug"], **options)


def _graph(paths: tuple[str, ...], fmt: str | None, output: str | None,
           config_path: str | None, isolated: bool, process: str | None,
           lang: str | None = None) -> int:
    from orgspec.engine.lint import lint_org, load_org, run_lang
    from orgspec.model.graph import build_graph
    from orgspec.output import GRAPH_SUFFIXES, format_for
    from orgspec.report.graph_export import DiagramTooLarge, export, process_flowchart
    from orgspec.report.labels import LABELS
    from orgspec.report.lookup import NotFound, resolve
    from orgspec.run import refuse_org_outputs

    fmt = format_for(output, fmt, GRAPH_SUFFIXES, "json" if process is None else "mermaid")
    if process is not None and fmt != "mermaid":
        raise UsageError(M("--process draws a flowchart: use it with --format mermaid"))
    config = make_config(config_path, isolated, near=paths)
    config.lang = lang or config.lang
    targets = targets_of(paths, config)
    refuse_org_outputs([output], targets, config)
    findings: list[Any] = []
    if process is None:
        org = load_org(targets, config).org
    else:  # a flowchart marks the steps PR003 finds unreachable, as the report's does
        result, org = lint_org(targets, config)
        findings = result.findings
    said = _speaks(run_lang(org, config))
    if process is not None:
        try:
            process = resolve(org, "process", process)
        except NotFound as exc:
            known = sorted(org.processes) or [M("none")]
            raise UsageError(M("{why} (processes: {known})", why=message_of(exc),
                               known=known)) from None
    try:
        if process is not None:  # drawn for a reader, as the report's: in the reader's names
            from orgspec.model.names import localized

            org = localized(org, said)
        text = (export(build_graph(org), fmt) if process is None
                else process_flowchart(org, process, LABELS[said], findings))
    except DiagramTooLarge as exc:
        hint = (M("draw one process with --process ID, or export the whole graph with "
                  "--format dot or graphml") if process is None else
                M("split the process into smaller ones"))
        raise UsageError(M("{what}, too large for Mermaid: {hint}", what=message_of(exc),
                           hint=hint)) from None
    _emit(text, output)
    return EXIT_OK


@main.command()
@click.argument("query")
@click.argument("paths", nargs=-1, type=Path())
@click.option("--format", "fmt", type=Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", envvar=LANG_ENV, type=Lang(),
              help="Language of the labels [default: $ORGSPEC_LANG, "
                   "else config `lang`, else the content's, "
                   "else the locale's].")
@_config_options
@click.pass_context
def who(ctx: click.Context, /, **options: Any) -> None:
    """Who holds what matches QUERY (ids, names, descriptions; Chinese or English):
    duties with their teams, positions and people."""
    _guard(_who, ctx.obj["debug"], **options)


def _who(query: str, paths: tuple[str, ...], fmt: str, lang: str | None,
         config_path: str | None, isolated: bool) -> int:
    from orgspec.engine.lint import load_org, run_lang
    from orgspec.report.lookup import who, who_text

    config = make_config(config_path, isolated, near=paths)
    config.lang = lang or config.lang
    org = load_org(targets_of(paths, config), config).org
    said = _speaks(run_lang(org, config))
    answer = who(org, query, said, config.name_order)
    _emit(_json(answer) if fmt == "json" else who_text(answer, said), None)
    return EXIT_OK


_SHOW_KIND = Choice(["team", "person", "role", "duty", "process", "meeting"],
                    aliases={"position": "role"})


@main.command()
@click.argument("kind", metavar="[KIND]", required=False)
@click.argument("ident", metavar="NAME_OR_ID", required=False)
@click.argument("paths", nargs=-1, type=Path())
@click.option("--format", "fmt", type=Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", envvar=LANG_ENV, type=Lang(),
              help="Language of the labels [default: $ORGSPEC_LANG, "
                   "else config `lang`, else the content's, "
                   "else the locale's].")
@_config_options
@click.pass_context
def show(ctx: click.Context, /, **options: Any) -> None:
    """Show one team, person, role (position), duty, process or meeting with its relations.
    KIND is team, person, role, duty, process or meeting; without it, every kind is looked
    in. NAME_OR_ID is an id, or a name (刘洋) or alias, or what colleagues call one person
    (刘总, 小刘, 陈生), or a part of one name or id only one entity has."""
    _guard(_show, ctx.obj["debug"], **options)


def _show_words(kind: str | None, ident: str | None, paths: tuple[str, ...]
                ) -> tuple[str | None, str, tuple[str, ...]]:
    """(KIND or None, NAME_OR_ID, PATHS) of `show`'s words: a first word that is no kind is
    the name or id (`show 林志豪 org`), unless it looks like a mistyped kind before a word
    that is no path (`show perso 林志豪`: the kind's error, with its did-you-mean). Raises
    UsageError, said as click says its own."""
    from difflib import get_close_matches

    def usage(problem: M) -> UsageError:
        return UsageError(M("{problem} (see `{command} --help`)", problem=problem,
                            command="orgspec show"))

    words = [w.casefold() for w in (*_SHOW_KIND.choices, *_SHOW_KIND.aliases)]
    if kind is None or (kind.casefold() in words and ident is None):
        raise usage(M("missing argument {name}", name="NAME_OR_ID"))
    if kind.casefold() in words and ident is not None:
        return str(_SHOW_KIND.convert(kind, None, None)), ident, paths
    if ident is not None and not os.path.lexists(ident) and \
            get_close_matches(kind.casefold(), words, n=1, cutoff=0.75):
        try:
            _SHOW_KIND.convert(kind, None, None)
        except click.BadParameter as exc:  # the kind's error, as click says it
            raise usage(M("invalid value for {name!r}: {why}", name="KIND",
                          why=exc.message)) from None
    return None, kind, (ident, *paths) if ident is not None else paths


def _show(kind: str | None, ident: str | None, paths: tuple[str, ...], fmt: str,
          lang: str | None, config_path: str | None, isolated: bool) -> int:
    from orgspec.engine.lint import load_org, run_lang
    from orgspec.report.lookup import NotFound, find, show, show_text

    picked, ident, paths = _show_words(kind, ident, paths)
    config = make_config(config_path, isolated, near=paths)
    config.lang = lang or config.lang
    org = load_org(targets_of(paths, config), config).org
    said = _speaks(run_lang(org, config))
    try:
        if picked is None:
            picked, ident = find(org, ident)
        doc = show(org, picked, ident, said, config.timezone or "", config.name_order)
    except NotFound as exc:
        raise UsageError(message_of(exc), said) from None
    _emit(_json(doc) if fmt == "json" else show_text(doc, said, org), None)
    return EXIT_OK


def _json(doc: Any) -> str:
    import json

    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


@main.command()
@click.argument("paths", nargs=-1, type=Path())
@click.option("--format", "fmt", type=Choice(["markdown", "html", "chat"]),
              help="Report format; `chat` is a short message for WeCom, DingTalk, Feishu or "
                   "Slack [default: from the -o suffix (.html, .htm, .md, .chat.md), else "
                   "markdown].")
@click.option("-o", "--output", type=Path(dir_okay=False), help="Write it here.")
@click.option("--lang", envvar=LANG_ENV, type=Lang(),
              help="Language of the labels [default: $ORGSPEC_LANG, "
                   "else config `lang`, else from the content].")
@click.option("--limit", type=IntRange(min=1000), default=60_000, show_default=True,
              help="Most characters of Markdown (a pull-request comment holds 65,536).")
@click.option("--max-bytes", type=IntRange(min=500),
              help="Most bytes (UTF-8) of the chat message [default: 4000] (a WeCom robot's "
                   "Markdown holds 4,096).")
@click.option("--link", metavar="URL", callback=lambda _ctx, _param, url: _no_blank(url),
              help="The chat message links to the full report or handbook site at this URL "
                   "(empty: no link, so an unset CI variable does not fail the run).")
@click.option("--templates", type=Path(file_okay=False, exists=True),
              help="A folder of templates that override the built-in ones.")
@click.option("--baseline", "baseline_path", type=Path(dir_okay=False),
              help="Leave out the known findings of this baseline file, as `check` does "
                   "[default: config `baseline`].")
@click.option("--no-baseline", is_flag=True, help="Show every finding, baseline or not.")
@click.option("--diff", "diff_ref", metavar="BASE_REF",
              help="Only findings new since this git revision, and the org diff, as "
                   "`check --diff` shows them.")
@_config_options
@click.pass_context
def report(ctx: click.Context, /, **options: Any) -> None:
    """Write a report of the org in PATHS: findings, RACI matrix, team tree, OKRs, flows."""
    _guard(_report, ctx.obj["debug"], **options)


def _report(paths: tuple[str, ...], fmt: str | None, output: str | None, lang: str | None,
            limit: int, max_bytes: int | None, link: str | None, templates: str | None,
            baseline_path: str | None, no_baseline: bool, diff_ref: str | None,
            config_path: str | None, isolated: bool) -> int:
    from orgspec.engine.lint import lint_org
    from orgspec.output import REPORT_SUFFIXES, format_for
    from orgspec.paths import near
    from orgspec.report.buildcache import kept
    from orgspec.report.view import build_view
    from orgspec.run import (
        CiEnv,
        build_cache,
        narrow,
        refuse_org_outputs,
        said_since_head,
        view_links,
    )

    fmt = format_for(output, fmt, REPORT_SUFFIXES, "markdown")
    if fmt != "chat" and (link is not None or max_bytes is not None):
        raise UsageError(M("--link and --max-bytes are for the chat message: add --format "
                           "chat, or write it to NAME.chat.md"))
    if link is not None:
        _chat_link(link)
    config = make_config(config_path, isolated, near=paths)
    config.lang = lang or config.lang  # the messages speak the labels' language
    targets = targets_of(paths, config)
    refuse_org_outputs([output], targets, config)
    cache = build_cache(config, targets)
    with kept(cache):  # compiled templates, names' readings
        result, org = lint_org(targets, config, cache=cache)  # files `check` read: kept
        said_since_head(result, targets, config)  # as `check` says them
        _speaks(result.lang or "en")
        given = None if no_baseline else baseline_path or config.baseline_path()
        baseline = near(given) if given else None  # named as `check` names it (relative)
        for note in narrow(result, org, targets, config, baseline, diff_ref):
            _tell(note, err=True)
        view = build_view(result, org, result.lang,
                          links=view_links(CiEnv.from_environ(os.environ), config.repo_kind))
        chat = {"link": link, **({"max_bytes": max_bytes} if max_bytes else {})}
        _emit(render(fmt, result, view=view, limit=limit, templates=templates, output=output,
                     **chat), output)
    if output is not None:  # as `site` and `export` say what they wrote
        _tell(M("wrote {path}", path=output), result.lang or "en", err=True)
    return EXIT_OK


def _no_blank(url: str | None) -> str | None:
    """`--link ""` (a CI variable that is not set) is no link: a check must not fail on it."""
    return url if url is None or url.strip() else None


def _chat_link(url: str) -> None:
    """A bad --link is a usage error before the org is read."""
    from orgspec.report.chat import chat_link
    from orgspec.report.errors import ReportError

    try:
        chat_link(url)
    except ReportError as exc:
        raise UsageError(message_of(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, type=Path())
@click.option("-o", "--output", "out_dir", required=True, type=Path(file_okay=False),
              help="Folder to write the site to (replaced whole; must be new, empty or an "
                   "earlier site).")
@click.option("--lang", envvar=LANG_ENV, type=Lang(),
              help="Language of the labels [default: $ORGSPEC_LANG, "
                   "else config `lang`, else from the content].")
@click.option("--no-people", is_flag=True, help="Leave out person pages (people stay names).")
@click.option("--findings/--no-findings", default=None,
              help="Show what the rules found: counts, team health, each page's findings, "
                   "findings introduced or fixed among the changes; --no-findings builds a "
                   "handbook for staff without them [default: config `site-findings`, else "
                   "shown].")
@click.option("--repo-url", metavar="URL", envvar="ORGSPEC_REPO_URL",
              help="GitHub, GitLab or Gitea repository URL for view and edit links "
                   "[default: config `repo-url`].")
@click.option("--repo-kind", type=Choice(["github", "gitlab", "gitea"]),
              help="The links' style [default: config `repo-kind`, else gitlab inside "
                   "GitLab CI on the repository's server or for a host named gitlab..., "
                   "else github].")
@click.option("--repo-branch", metavar="BRANCH",
              help="Branch the view and edit links point at [default: config `repo-branch`, "
                   "else $CI_DEFAULT_BRANCH, else git's origin/HEAD, else main].")
@click.option("--since", metavar="REF",
              help="List org changes since this git revision [default: the latest tag].")
@click.option("--title", metavar="TEXT",
              help="Site title [default: config `site-title`, else Org handbook].")
@click.option("--no-baseline", is_flag=True, help="Show every finding, baseline or not.")
@_config_options
@click.pass_context
def site(ctx: click.Context, /, **options: Any) -> None:
    """Build the org handbook: a static site with a page per team, person, duty, objective
    and process, and offline search. Works from file:// and under any sub-path."""
    _guard(_site, ctx.obj["debug"], **options)


def _site(paths: tuple[str, ...], out_dir: str, lang: str | None, no_people: bool,
          findings: bool | None,
          repo_url: str | None, repo_kind: str | None, repo_branch: str | None,
          since: str | None, title: str | None, no_baseline: bool, config_path: str | None,
          isolated: bool) -> int:
    from orgspec.paths import branch_name, http_url
    from orgspec.report.buildcache import kept
    from orgspec.run import build_cache

    if repo_url and not http_url(repo_url):
        raise UsageError(M("--repo-url must be an http(s) URL, not {url!r}", url=repo_url))
    if repo_branch and not branch_name(repo_branch):
        raise UsageError(M("--repo-branch must be a git branch name, not {branch!r}",
                           branch=repo_branch))
    config = make_config(config_path, isolated, near=paths)
    config.lang = lang or config.lang  # the messages speak the labels' language
    targets = targets_of(paths, config)
    cache = build_cache(config, targets)
    with kept(cache):  # compiled templates, names' readings
        return _build_site(targets, config, cache, out_dir, no_people, findings, repo_url,
                           repo_kind, repo_branch, since, title, no_baseline)


def _build_site(targets: list[str], config: Config, cache: Cache | None, out_dir: str,
                no_people: bool, findings: bool | None, repo_url: str | None,
                repo_kind: str | None, repo_branch: str | None, since: str | None,
                title: str | None, no_baseline: bool) -> int:
    from orgspec.engine.lint import lint_org, org_root
    from orgspec.paths import near
    from orgspec.run import (
        default_branch,
        narrow,
        repo_kind_in,
        said_since_head,
        site_changes,
        unloaded,
    )
    from orgspec.site import SiteError, SiteOptions, build_site

    result, org = lint_org(targets, config, cache=cache)  # files `check` read before: kept
    said_since_head(result, targets, config)  # as `check` says them
    _speaks(result.lang or "en")
    shown = config.site_findings if findings is None else findings
    changes, since = site_changes(result, org, targets, config, since, shown)
    baseline = None if no_baseline else config.baseline_path()
    if baseline and shown:  # counted as `check` counts, the known findings listed as known
        narrow(result, org, targets, config, near(baseline), None)
    url = repo_url or config.repo_url or ""
    options = SiteOptions(lang=result.lang, people=not no_people, repo_url=url, findings=shown,
                          repo_kind=repo_kind or config.repo_kind
                          or repo_kind_in(url, os.environ),
                          repo_branch=repo_branch or config.repo_branch
                          or (default_branch(os.environ, _folder_of(targets[0])) if url
                              else "main"),
                          title=title or config.site_title or "", changes=changes,
                          since=since or "", root=org_root(targets))
    try:
        stats = build_site(result, org, out_dir, options)
    except SiteError as exc:
        raise UsageError(message_of(exc)) from None
    _tell(M("wrote {pages} pages, {files} files ({mb} MB) to {folder}", pages=stats.pages,
            files=stats.files, mb=format(stats.bytes / 1e6, ".1f"), folder=out_dir),
          result.lang or "en", err=True)
    if not since:  # the pages say "no change record yet"; the builder learns how to list them
        _tell(M("note: {note}", note=M("no git tag to compare against, so the handbook lists "
                                       "no changes; tag a release, or build with --since REF")),
              result.lang or "en", err=True)
    # a file that failed is missing from every page: the build is kept for a look, but a
    # pipeline that publishes it stops (trial 31: a full-width colon published "0 teams")
    missing = unloaded(result)
    for line in missing:
        _tell(line, result.lang or "en", err=True)
    return EXIT_FINDINGS if missing else EXIT_OK


def _folder_of(path: str) -> str:
    """`path` if it is a folder, else the folder holding it."""
    return path if os.path.isdir(path) else os.path.dirname(path) or "."


@main.command(name="import")
@click.argument("source", type=Choice(["backstage", "roster", "codeowners"]))
@click.argument("paths", nargs=-1, required=True, type=Path(exists=True, dir_okay=False))
@click.option("-o", "--output-dir", required=True, type=Path(file_okay=False),
              help="Write one YAML file per team into this folder.")
@click.option("--column", "columns", multiple=True, metavar="FIELD=HEADER",
              help="Roster: read FIELD (person, name, name_en, name_zh, name_zh_hant, "
                   "email, title, team, team_id, parent_team, parent_team_id, manager, lead) "
                   "from column HEADER.")
@click.option("--sheet", metavar="NAME",
              help="Roster XLSX: the sheet (default: the first visible one with a team and a "
                   "name column).")
@click.option("--force", is_flag=True,
              help="Overwrite files edited since the last import instead of writing NAME.new, "
                   "and remove most of an earlier import's files when the source lacks them.")
@click.option("--lang", type=Lang(),
              help="Language of the notes and the summary [default: `lang` of the config "
                   "nearest the -o folder (else the working directory), else the imported "
                   "names', else the locale's].")
@click.pass_context
def import_command(ctx: click.Context, /, **options: Any) -> None:
    """Import an org from a Backstage catalog, an HR roster (CSV/XLSX) or CODEOWNERS."""
    _guard(_import, ctx.obj["debug"], **options)


def _import(source: str, paths: tuple[str, ...], output_dir: str, columns: tuple[str, ...],
            sheet: str | None, force: bool, lang: str | None) -> int:
    from orgspec.adopt.importer import import_org
    from orgspec.adopt.roster import parse_mapping
    from orgspec.adopt.write import MANIFEST, AdoptError

    if source != "roster" and (columns or sheet):
        raise UsageError(M("--column and --sheet are for `orgspec import roster`"))
    where = {"lang": lang, "source": source, "output_dir": output_dir}  # its config: -o's

    def said_in_of(draft: Any) -> str:
        names = (e.name or "" for table in (draft.teams, draft.people, draft.duties)
                 for e in table.values())  # content_lang reads the first 20,000 characters
        return _error_lang(where, names, reader=False)  # it writes org files

    try:
        mapping = parse_mapping(columns)
        draft, done = import_org(source, list(paths), output_dir, columns=mapping,
                                 sheet=sheet, force=force, lang=said_in_of)
    except AdoptError as exc:
        from orgspec.i18n import content_lang

        # a Chinese header says who reads it; `a,b` or `name` may be any reader's
        chinese = content_lang(exc.texts) in ("zh", "zh-Hant")
        raise UsageError(message_of(exc), _error_lang(where, exc.texts, reader=False)
                         if chinese else None) from None
    said_in = said_in_of(draft)
    for note in draft.notes:
        _tell(M("note: {note}", note=note), said_in, err=True)
    for name in done.merged:
        _tell(M("updated {name}, which you edited: the import's changes, with the fields you "
                "set kept", name=name), said_in, err=True)
    for name in done.beside:
        _tell(M("kept your edits in {name}; the new import is in {name}.new", name=name),
              said_in, err=True)
        for line, col, comment in done.lost.get(name, ()):
            _tell(M("{file}:{line}:{col}: your comment {comment!r} has no place in {name}.new "
                    "(its line changed): copy it by hand", file=os.path.join(output_dir, name),
                    line=line, col=col, comment=comment, name=name), said_in, err=True)
    for name in done.stale:
        _tell(M("{name} is no longer in the source but was edited; kept", name=name), said_in,
              err=True)
    for name in done.cleared:
        _tell(M("removed {name}, which an earlier import left: {file} now holds the same",
                name=name, file=name[:-len(".new")]), said_in, err=True)
    for name in done.obsolete:
        _tell(M("{name} is from an earlier import, and {file} now holds this one's: compare "
                "them, then delete {name}", name=name, file=name[:-len(".new")]), said_in,
              err=True)
    _tell(M("imported {teams} teams, {people} people and {duties} duties into {folder}: "
            "{written} written, {unchanged} unchanged, {beside} beside edited files, "
            "{removed} removed", teams=len(draft.teams), people=len(draft.people),
            duties=len(draft.duties), folder=output_dir,
            written=len(done.written) + len(done.merged),
            unchanged=len(done.unchanged), beside=len(done.beside), removed=len(done.removed)),
          said_in)
    if done.first_manifest:  # untracked in git, with nothing saying whether it belongs there
        _tell(M("wrote {path}: commit it with the org; a re-import reads which files it wrote "
                "and the ids it made up there", path=os.path.join(output_dir, MANIFEST)),
              said_in)
    if done.pending:
        _tell(M("waiting for you to merge in {folder}: {files} (the import's version of a "
                "file you edited, with the fields you set kept): compare each with yours, then "
                "move it over yours or delete it; until then `orgspec check` fails (IN018)",
                folder=output_dir, files=done.pending), said_in, err=True)
    return EXIT_OK


@main.command()
@click.argument("directory", required=False, type=Path(file_okay=False))
@click.option("--lang", type=Lang(),
              help="Language of the example org and its comments (and of an error): zh, "
                   "zh-Hant (Traditional script) or en [default: en].")
@click.option("--ci", type=Choice(["github", "gitlab", "none"]),
              help="The CI file to write: a GitHub Actions workflow, GitLab CI jobs (into "
                   ".gitlab/orgspec.yml when a .gitlab-ci.yml exists, which is left as it is) "
                   "or none [default: gitlab when a .gitlab-ci.yml exists, else github].")
@click.option("--no-example", "example", flag_value=False, default=True,
              help="Leave out the example org (for an org you import or write yourself); "
                   "write only the missing config, pre-commit, CI and .gitignore files.")
@click.pass_context
def init(ctx: click.Context, /, **options: Any) -> None:
    """Start an org repository in DIRECTORY (`.` for this folder): example org, config,
    pre-commit, CI and .gitignore files. Beside an org already there (an import), only the
    missing files; an existing file is never changed."""
    _guard(_init, ctx.obj["debug"], **options)


def _init(directory: str | None, lang: str | None, ci: str | None, example: bool) -> int:
    from orgspec.adopt.extras import install_command, missing
    from orgspec.adopt.init import (
        CONFIG,
        GITLAB_CI,
        GITLAB_INCLUDE,
        InitError,
        ci_of,
        init_repo,
        outside,
    )
    from orgspec.paths import find_git_top

    if directory is None:  # never into whatever folder it runs in, unasked
        # a fresh `git init` is as empty as a folder gets: `git init x && cd x && orgspec init`
        if any(entry.name != ".git" for entry in os.scandir(".")):
            raise UsageError(M("say where: orgspec init DIR, or orgspec init . to use this "
                               "folder"))
        directory = "."
    kept = _kept_config(directory)  # `init .` in a repository set up before
    lang = lang or (kept.lang if kept is not None else None)
    ci = ci_of(directory, ci)
    # before init writes its own config there; it writes org files: not the reader's $LANG
    said = _error_lang({"lang": lang, "directory": directory}, reader=False)
    try:
        done = init_repo(directory, lang, ci, example)
    except InitError as exc:
        raise UsageError(message_of(exc)) from None
    for name in done.written:
        _tell(M("created {path}", path=os.path.normpath(os.path.join(directory, name))), said)
    for name in done.kept:
        _tell(M("kept {path}: it exists (init never changes a file)",
                path=os.path.normpath(os.path.join(directory, name))), said, err=True)
    for name in (n for n in done.written if outside(n)):  # `init org` in a repository
        _tell(M("the GitHub workflow is at the repository's root, {path}, where GitHub runs "
                "it; it checks {org}", path=os.path.normpath(os.path.join(directory, name)),
                org=os.path.normpath(directory)), said, err=True)
    if done.no_example not in (None, "asked"):
        org = done.no_example.split("/", 1)[0]
        _tell(M("left out the example org: {org} already holds an org ({first}); check it "
                "with `orgspec check {org}`", org=org, first=done.no_example), said, err=True)
    if GITLAB_INCLUDE in done.written:
        _tell(M("{file} exists and was left as it is: add `include: [{{local: {jobs}}}]` to "
                "it (or that item to its `include:` list) to run orgspec's jobs",
                file=os.path.join(directory, GITLAB_CI), jobs=GITLAB_INCLUDE), said, err=True)
    if ci == "gitlab" and kept is not None and kept.repo_kind is None:
        _tell(M("{file} was kept: add `repo-kind: gitlab` to it so that the handbook site "
                "links to the files GitLab's way", file=os.path.join(directory, CONFIG)),
              said, err=True)
    if find_git_top(directory) is None:  # what compares with git HEAD says nothing there
        import shlex

        _tell(M("this folder is not in a git repository: `git init` enables the checks of "
                "renamed ids and moved or deleted files")
              if os.path.samefile(directory, ".") else
              M("{folder} is not in a git repository: `git init {command}` enables the checks "
                "of renamed ids and moved or deleted files", folder=os.path.normpath(directory),
                command=shlex.quote(os.path.normpath(directory))), said, err=True)
    if done.no_example == "asked":
        org = os.path.normpath(os.path.join(directory, "org"))
        # run where the user is: check finds DIRECTORY's config from the folder it is given
        check = "orgspec check" if os.path.samefile(directory, ".") else \
            f"orgspec check {os.path.normpath(directory)}"
        # ROSTER stands for the user's own file, said so: a file name that looks real
        # (员工花名册.xlsx) was looked for as one init had written (trial 27)
        _tell(M("next: orgspec import roster ROSTER -o {org}, then {check} (ROSTER: your own "
                "roster, a .csv file or an .xlsx workbook; init wrote no roster)", org=org,
                check=check), said, err=True)
        if missing("xlsx"):  # only a workbook needs the extra
            _tell(M("an .xlsx roster needs the xlsx extra first: {command} (a .csv roster "
                    "needs nothing more)", command=install_command("xlsx")), said, err=True)
    else:  # where the org's files are: `init org` makes org/org/ (the repository, its org)
        here = os.path.samefile(directory, ".")
        org = os.path.join("org", "") if here else \
            os.path.join(os.path.normpath(directory), "org", "")
        _tell(M("next: orgspec check (the org's YAML files are in {org})", org=org)
              if here else
              M("next: cd {folder} && orgspec check (the org's YAML files are in {org})",
                folder=directory, org=org), said, err=True)
    # a Chinese reader who did not ask, the files in English (no org beside to judge by)
    if lang is None and done.lang == "en" and said != "en" and done.written:
        _tell(M("the starter files are in English, init's default: `orgspec init --lang "
                "{lang}` in a new empty folder writes them in your language", lang=said), said,
              err=True)
    return EXIT_OK


def _kept_config(directory: str) -> Config | None:
    """The `.orgspec.yaml` already in `directory` (init keeps it), read; None when there is
    none or it cannot be read (`check` says why)."""
    from orgspec.adopt.init import CONFIG
    from orgspec.load.config import ConfigError, load_config

    path = os.path.join(directory, CONFIG)
    if not os.path.isfile(path):
        return None
    try:
        return load_config(path)
    except ConfigError:
        return None


@main.command(name="export")
@click.argument("paths", nargs=-1, type=Path())
@click.option("--format", "fmt", type=Choice(["xlsx", "csv"]),
              help="One workbook, or one CSV file per table (-o names their folder) "
                   "[default: xlsx].")
@click.option("-o", "--output", type=Path(),
              help="The workbook (default: org.xlsx) or the CSV folder (default: org-export).")
@click.option("--lang", envvar=LANG_ENV, type=Lang(),
              help="Headers and sheet names [default: $ORGSPEC_LANG, "
                   "else config `lang`, else from the content].")
@_config_options
@click.pass_context
def export_command(ctx: click.Context, /, **options: Any) -> None:
    """Export the RACI matrix, people directory and key results for spreadsheet users."""
    _guard(_export, ctx.obj["debug"], **options)


def _export(paths: tuple[str, ...], fmt: str | None, output: str | None, lang: str | None,
            config_path: str | None, isolated: bool) -> int:
    from orgspec.adopt.export import ExportError, export_org
    from orgspec.engine.lint import load_org
    from orgspec.output import EXPORT_SUFFIXES, format_for
    from orgspec.report.labels import guess_lang
    from orgspec.run import refuse_org_outputs

    if fmt is None and output and output.lower().endswith(".csv"):
        raise UsageError(M("-o {path!r} names one CSV file, but export writes a workbook or a "
                           "folder of CSV files: use -o NAME.xlsx, or --format csv -o FOLDER",
                           path=output))
    fmt = format_for(output, fmt, EXPORT_SUFFIXES, "xlsx")

    config = make_config(config_path, isolated, near=paths)
    config.lang = lang or config.lang  # its errors, a missing root's too, speak --lang
    targets = targets_of(paths, config)
    refuse_org_outputs([output if fmt == "xlsx" else None], targets, config)  # CSV: .csv files
    loaded = load_org(targets, config)
    org = loaded.org
    said_in = _speaks(lang or config.lang or guess_lang(org))
    try:
        written = export_org(org, fmt, output, said_in, config.name_order)
    except ExportError as exc:
        raise UsageError(message_of(exc)) from None
    for path in written:
        _tell(M("wrote {path}", path=path), said_in)
    if loaded.issues:
        _tell(M("note: {n} input or schema problems; what failed to load is not in the export "
                "(`orgspec check` shows them)", n=len(loaded.issues)), said_in, err=True)
    return EXIT_OK


@main.command(name="pr-comment")
@click.argument("report", type=Path(exists=True, dir_okay=False))
@click.option("--platform", type=Choice(["auto", "github", "gitlab"]), default="auto",
              show_default=True,
              help="Where to post: a GitHub pull-request comment, or a GitLab merge-request "
                   "note; `auto`: GitLab inside GitLab CI ($GITLAB_CI), GitHub inside "
                   "GitHub Actions, else the config's `repo-kind` (gitlab), else GitHub.")
@click.option("--lang", envvar=LANG_ENV, type=Lang(),
              help="Language of what it says [default: $ORGSPEC_LANG, "
                   "else config `lang`, else the report's, "
                   "else the locale's].")
@_config_options
@click.pass_context
def pr_comment(ctx: click.Context, /, **options: Any) -> None:
    """Post REPORT (Markdown) as the one orgspec comment on this pull request (GitHub) or
    merge request (GitLab), or update it.

    GitHub: reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH and GITHUB_API_URL;
    without a token or outside a pull request it posts nothing and says so (a note, exit
    0). GitLab: reads CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID and a token from
    ORGSPEC_GITLAB_TOKEN or GITLAB_TOKEN; in a GitLab CI job a missing one is an error
    (exit 2), outside one no token is a note (exit 0)."""
    _guard(_pr_comment, ctx.obj["debug"], **options)


def _pr_comment(report: str, platform: str, lang: str | None, config_path: str | None,
                isolated: bool) -> int:
    from orgspec.ci.restapi import CommentError, Skipped

    if platform == "auto":
        platform = _platform(report, config_path, isolated)
    with open(report, encoding="utf-8", errors="replace") as handle:
        body = handle.read()
    said_in = _error_lang({"lang": lang, "config_path": config_path, "path": report,
                           "isolated": isolated}, [body])
    try:
        if platform == "gitlab":
            from orgspec.ci.mrnote import from_env
        else:
            from orgspec.ci.prcomment import from_env
        done = from_env(body, lang=said_in)
    except CommentError as exc:
        _fail(message_of(exc), said_in)
    if isinstance(done, Skipped):  # nothing to post (no token by hand): a note, not a failure
        _tell(M("note: {note}", note=done), said_in, err=True)
    else:
        _tell(done, said_in)
    return EXIT_OK


def _platform(report: str, config_path: str | None, isolated: bool) -> str:
    """Where `pr-comment --platform auto` posts: the CI it runs in (GitLab CI, GitHub
    Actions), else the repository the config says it is (`repo-kind: gitlab`, which
    `init --ci gitlab` writes: a run by hand in a GitLab repository), else GitHub."""
    if os.environ.get("GITLAB_CI") == "true":
        return "gitlab"
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    config = make_config(config_path, isolated, near=_near(report))
    return "gitlab" if config.repo_kind == "gitlab" else "github"


@main.group("cache")
def cache_group() -> None:
    """The cache of checked files and results (see `orgspec cache dir`)."""


@cache_group.command("dir")
@click.argument("path", required=False, type=Path())
@_config_options
@click.pass_context
def cache_dir_command(ctx: click.Context, /, **options: Any) -> None:
    """Print the cache folder: $ORGSPEC_CACHE_DIR, config `cache-dir` (the config nearest
    PATH, default the working directory), or the user cache."""
    _guard(_cache_dir, ctx.obj["debug"], **options)


def _cache_dir(path: str | None, config_path: str | None, isolated: bool) -> int:
    from orgspec.load.cache import cache_dir

    click.echo(cache_dir(make_config(config_path, isolated, near=_near(path)).cache_path()))
    return EXIT_OK


@cache_group.command("clean")
@click.argument("path", required=False, type=Path())
@_config_options
@click.pass_context
def cache_clean_command(ctx: click.Context, /, **options: Any) -> None:
    """Delete the cache folder (only one that orgspec created) of the config nearest PATH
    (default: the working directory)."""
    _guard(_cache_clean, ctx.obj["debug"], **options)


def _cache_clean(path: str | None, config_path: str | None, isolated: bool) -> int:
    from orgspec.load.cache import cache_dir, clean

    folder = cache_dir(make_config(config_path, isolated, near=_near(path)).cache_path())
    try:
        removed = clean(folder)
    except (ValueError, OSError) as exc:
        raise UsageError(message_of(exc)) from None
    said = M("removed {folder}", folder=folder) if removed else \
        M("no cache at {folder}", folder=folder)
    _tell(said, _error_lang({"config_path": config_path, "path": path,
                             "isolated": isolated}))
    return EXIT_OK


def _near(path: str | None) -> tuple[str, ...]:
    """The paths a command given one optional PATH finds its config from (`make_config`)."""
    return (path,) if path else ()
