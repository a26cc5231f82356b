"""The check policy, reusable from Python: options in, an outcome (exit code and outputs) out.

`run_check(CheckOptions(...), CiEnv.from_environ(os.environ))` loads the config, lints, applies
a baseline or a git diff, picks the format, builds the report view once when a report needs it
and renders every output. It writes nothing: the caller (the CLI) writes each `Output` with
`orgspec.output`. The CI environment is read once, at the edge, into a `CiEnv` value.
Bad options raise `UsageError` (the CLI prints one line and exits 2).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeGuard

from orgspec.i18n import M, P, message_of, say
from orgspec.paths import display_path, near, project_root

if TYPE_CHECKING:
    from orgspec.ci.entrynames import EntryNames
    from orgspec.findings import Finding, LintResult
    from orgspec.load.cache import Cache
    from orgspec.load.config import Config
    from orgspec.model.org import Org

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad command line or config: one line on stderr, exit 2. `lang` is the run's
    language when the error comes after the org was read (a git revision that does not
    exist), else None (the CLI decides from --lang, the config and the locale)."""

    def __init__(self, message: str, lang: str | None = None) -> None:
        super().__init__(message)
        self.lang = lang


@dataclass(frozen=True)
class CiEnv:
    """What orgspec takes from the CI environment, read once at the edge."""

    github_actions: bool = False
    step_summary: str | None = None  # GITHUB_STEP_SUMMARY: a file to append Markdown to
    server_url: str | None = None  # GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA: links
    repository: str | None = None
    sha: str | None = None
    workspace: str | None = None  # GITHUB_WORKSPACE: the checkout the links are relative to
    project_dir: str | None = None  # CI_PROJECT_DIR (GitLab): paths in Code Quality reports
    # GitLab CI's CI_SERVER_URL, CI_PROJECT_PATH, CI_PROJECT_URL, CI_COMMIT_SHA: links
    gitlab_server: str | None = None
    project_path: str | None = None
    project_url: str | None = None
    commit_sha: str | None = None

    @property
    def project_root(self) -> str | None:
        """What CI paths are relative to: CI_PROJECT_DIR, else GITHUB_WORKSPACE, else the git
        work tree holding the working directory."""
        return project_root(self.project_dir, self.workspace)

    @classmethod
    def from_environ(cls, env: Mapping[str, str]) -> CiEnv:
        return cls(
            github_actions=env.get("GITHUB_ACTIONS") == "true",
            step_summary=env.get("GITHUB_STEP_SUMMARY") or None,
            server_url=env.get("GITHUB_SERVER_URL"), repository=env.get("GITHUB_REPOSITORY"),
            sha=env.get("GITHUB_SHA"), workspace=env.get("GITHUB_WORKSPACE"),
            project_dir=env.get("CI_PROJECT_DIR"), gitlab_server=env.get("CI_SERVER_URL"),
            project_path=env.get("CI_PROJECT_PATH"), project_url=env.get("CI_PROJECT_URL"),
            commit_sha=env.get("CI_COMMIT_SHA"),
        )


@dataclass
class CheckOptions:
    """The options of one `orgspec check` run (the CLI's flags, by the same names)."""

    paths: tuple[str, ...] = ()
    fmt: str | None = None  # None: from the suffix of `output` (.json, .sarif ...), else text
    reports: tuple[str, ...] = ()  # FORMAT=PATH
    fail_on: str | None = None
    exit_zero: bool = False
    config_path: str | None = None
    isolated: bool = False
    color: bool = False  # the terminal wants colour (decided at the edge)
    output: str | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    baseline_path: str | None = None
    no_baseline: bool = False  # ignore the configured baseline (and --baseline)
    write_baseline: str | None = None
    diff_ref: str | None = None
    staged: bool = False  # lint git's index (what is being committed)
    respect_gitignore: bool | None = None  # None: the config's (default true)
    cache: bool = False  # reuse checked files and results (the CLI's default; --no-cache)
    lang: str | None = None  # None: the config's, else the content's, else the locale's
    link: str | None = None  # the chat message's link to the full report
    max_bytes: int | None = None  # the chat message's size; None: its default


@dataclass(frozen=True)
class Output:
    """One rendered output: `path` None is standard output; `append` for the job summary."""

    text: str
    path: str | None = None
    append: bool = False


@dataclass
class Outcome:
    """What a run produced: the exit code, the outputs to write, notes for standard error
    (plain text that may quote the user's: the CLI escapes each for the terminal)."""

    exit_code: int
    outputs: list[Output] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    result: LintResult | None = None


def run_check(opts: CheckOptions, ci: CiEnv | None = None) -> Outcome:
    """Run `orgspec check`: see the module docstring. Raises UsageError, ConfigError."""
    from orgspec import reporters
    from orgspec.engine.lint import focus
    from orgspec.findings import Severity

    ci = ci or CiEnv()
    extra = [report_spec(spec) for spec in opts.reports]
    config = make_config(opts.config_path, opts.isolated, opts.select, opts.extend_select,
                         opts.ignore, near=opts.paths)
    level = Severity.parse(opts.fail_on) if opts.fail_on else config.fail_on
    if opts.respect_gitignore is not None:
        config.respect_gitignore = opts.respect_gitignore
    config.lang = opts.lang or config.lang
    targets = targets_of(opts.paths, config)
    refuse_org_outputs([opts.output, opts.write_baseline, *(p for _, p in extra)], targets,
                       config)
    if config.source is None and not opts.isolated and not opts.staged:
        found = org_root_of(targets)  # no config: the org a named path lies in
        if found is not None and not os.path.isdir(config.root_path()):
            config.root, config.base = found, "."
    named = named_files(targets, config.root_path())
    refuse_unread(named)
    if named:
        targets = [config.root_path()]  # load the org they belong to, report only theirs
    only_files = not named and all(not os.path.isdir(p) for p in targets)
    from orgspec.output import CHECK_SUFFIXES, format_for

    fmt = format_for(opts.output, opts.fmt, CHECK_SUFFIXES, "text")
    if fmt == "auto":
        fmt = "github" if ci.github_actions else "text"
    if "chat" not in {fmt, *(f for f, _ in extra)} and (opts.link or opts.max_bytes):
        raise UsageError(M("--link and --max-bytes are for the chat message: add --format "
                           "chat, or write it to NAME.chat.md"))
    chat = {"link": opts.link, **({"max_bytes": opts.max_bytes} if opts.max_bytes else {})}
    summary = ci.step_summary if fmt == "github" else None
    wants_view = bool(summary or {fmt, *(f for f, _ in extra)} & reporters.VIEW_FORMATS)
    # the pre-commit hook's run: the working tree, cached, when it is what is staged
    index = opts.staged and not _staged_is_tree(targets)
    cache = open_cache(config, targets) if opts.cache and not index else None
    # `--diff ""` is a revision too (said to be none by `diff.check_ref`), not no --diff
    if cache is not None and not (wants_view or opts.diff_ref is not None):
        from orgspec.engine.lint import check_cached

        result, org = check_cached(targets, config, cache), None
    else:
        result, org = _lint(targets, config, index, cache)
    # the index linted itself: what the working tree says of git `HEAD` is not said of it
    if not index:
        said_since_head(result, targets, config)
    if named:
        from orgspec.ci.before import defined_by

        # the ids the named files define, or did at HEAD: their unknown references in other
        # files are what the change broke (asked only when another file has one)
        focus(result, named, lambda: defined_by(named, config.include, config.exclude),
              org=display_path(config.root_path()))
    # one way of naming it, whether given or set in the config (absolute there): as the
    # working directory reaches it, as findings name files
    given = None if opts.no_baseline else opts.baseline_path or config.baseline_path()
    baseline_path = near(given) if given else None
    if opts.write_baseline:
        return _write_baseline(result, opts.write_baseline, baseline_path)
    whole: list[Finding] = []
    notes = narrow(result, org, targets, config, baseline_path, opts.diff_ref,
                   diff_in_output=fmt == "text", whole=whole)
    if only_files and any(f.code == "RF001" for f in result.findings):
        notes.append(say(M("only the files named were loaded: an id defined in another file "
                           "is unknown to this run; check the whole org with `orgspec check "
                           "ORG_FOLDER`, or set `root:` in .orgspec.yaml to have a named "
                           "file checked with the org it belongs to"), result.lang or "en"))
    use_color = fmt == "text" and opts.output is None and opts.color
    view = None  # the report view model, built once when a report needs it
    if wants_view and org is not None:
        from orgspec.report.view import build_view

        view = build_view(result, org, result.lang, links=view_links(ci, config.repo_kind))
    outputs = [Output(render(fmt, _shown_to(fmt, result, whole), color=use_color,
                             fail_on=level, view=view, github_actions=ci.github_actions,
                             project_root=ci.project_root, output=opts.output, **chat),
                      opts.output)]
    outputs += [Output(render(report_fmt, _shown_to(report_fmt, result, whole), fail_on=level,
                              view=view, github_actions=ci.github_actions,
                              project_root=ci.project_root, output=path, **chat), path)
                for report_fmt, path in extra]
    if summary:
        from orgspec.report.render import SUMMARY_LIMIT

        outputs.append(Output(render("markdown", result, view=view, limit=SUMMARY_LIMIT),
                              summary, append=True))
    code = EXIT_OK if opts.exit_zero or not result.fails(level) else EXIT_FINDINGS
    return Outcome(code, outputs, notes, result)


def _staged_is_tree(targets: list[str]) -> bool:
    from orgspec.ci.gitstate import staged_is_tree

    return staged_is_tree(targets)


def said_since_head(result: LintResult, targets: list[str], config: Config) -> None:
    """What git's `HEAD` tells about `result`'s RF001s (a check of the working tree's
    `targets`), as `check`, `report` and `site` say it: an id renamed since (its hint says
    the new id and `aliases`), a file moved away or deleted (one finding for its ids'
    references), a team deleted (one HI007 for its former members), a person entered
    twice (at the entry added since: `ci.headcopy`). Git missing or failing: nothing
    changes."""
    if any(f.code == "RF009" for f in result.findings):
        from orgspec.ci.headcopy import copy_since_head

        copy_since_head(result, targets)
    from orgspec.model.placeholdersaid import said_placeholder

    unknown = no_team = 0
    for f in result.findings:
        unknown += f.code == "RF001" and not said_placeholder(f)  # `待定`: no id git knows
        no_team += f.code == "HI007"
    if unknown:
        from orgspec.ci.headgone import said_gone
        from orgspec.ci.headrenames import said_renames
        from orgspec.engine.lint import lint_org, load_org

        said_renames(result, targets, config, lambda: load_org(targets, config).org)
        said_gone(result, targets, lambda paths, beside: lint_org(paths, config, beside=beside)[0])
    if no_team > 1:
        from orgspec.ci.teamgone import said_team_gone

        said_team_gone(result, targets, config)


def unloaded(result: LintResult) -> list[M]:
    """One line per org file that could not be loaded (`result.failed_files`, in order),
    for a command whose output leaves out what the file defines (`site`): where its first
    error is and what it says, said in the run's language by the caller."""
    from orgspec.findings import Severity

    first: dict[str, Finding] = {}
    failed = set(result.failed_files)
    for found in result.findings:
        if found.severity >= Severity.ERROR and found.location.file in failed:
            first.setdefault(found.location.file, found)
    lines = []
    for file in result.failed_files:
        f = first.get(file)
        if f is None:
            lines.append(M("error: {where} could not be loaded, so the handbook leaves out "
                           "what it defines; `orgspec check` says how to fix it",
                           where=display_path(file)))
            continue
        where = f"{display_path(file)}:{f.location.line}:{f.location.col}"
        lines.append(M("error: {where} could not be loaded, so the handbook leaves out what "
                       "it defines ({code}: {message}); `orgspec check` says how to fix it",
                       where=where, code=f.code, message=f.message))
    return lines


# Formats a platform compares with the base branch's upload itself: each upload is the
# whole state of its branch, so they list every current finding, also with `--diff`.
_WHOLE_STATE = frozenset(("gitlab", "sarif"))


def _shown_to(fmt: str, result: LintResult, whole: list[Finding]) -> LintResult:
    """The result a format renders. GitLab's Code Quality report and SARIF list every current
    finding, also with `--diff`: GitLab compares the report with the target branch's itself
    (its merge request widget shows what is new and what is fixed), and GitHub code scanning
    takes each upload as the whole state of its branch and compares a pull request's with
    the base branch's (trial 34b); the new findings alone would show the base branch's
    findings as fixed."""
    if fmt not in _WHOLE_STATE or not result.diff_ref:
        return result
    from dataclasses import replace

    return replace(result, findings=whole)


def refuse_org_outputs(paths: list[str | None], targets: list[str], config: Config) -> None:
    """Raise UsageError for an output path (`-o`, `--report`) that the org's next run would
    read as an org file (`-o org/findings.yml`): written there, it breaks the org."""
    from orgspec.load.discovery import refuse_whole_disk, would_read

    folders = [t for t in (*targets, config.root_path()) if os.path.isdir(t)]
    for folder in folders if any(paths) else ():
        refuse_whole_disk(folder)  # `check / -o found.yaml`: that mistake, not the output
    for path in paths:  # an existing one is an input: `output.protect` refuses it
        if path and not os.path.lexists(path) and \
                would_read(path, folders, config.include, config.exclude):
            raise UsageError(M("will not write {path!r}: it lies in the org folder, so the "
                               "next run would read it as an org file; write it outside the "
                               "org, or give it another extension (.json)", path=path))


def open_cache(config: Config, targets: Sequence[str] = ()) -> Cache:
    """The cache at `$ORGSPEC_CACHE_DIR`, the config's `cache-dir`, or the user cache.
    Raises UsageError for one inside the org (`targets`' folders or the config's root)."""
    from orgspec.load.cache import Cache, cache_dir

    folder = cache_dir(config.cache_path())
    refuse_cache_in_org(folder, targets, config)
    return Cache(folder)


def build_cache(config: Config, targets: Sequence[str] = ()) -> Cache | None:
    """The cache a site or report build keeps its compiled templates and name readings in
    (`report.buildcache`): `open_cache`'s, or None with $ORGSPEC_NO_CACHE set (as `check
    --no-cache`) or where `open_cache` refuses the folder; a build never fails for it."""
    if os.environ.get("ORGSPEC_NO_CACHE", "").strip().lower() not in ("", "0", "false",
                                                                        "no", "off"):
        return None
    try:
        return open_cache(config, targets)
    except UsageError:
        return None


def refuse_cache_in_org(folder: str, targets: Sequence[str], config: Config) -> None:
    """Raise UsageError when the cache `folder` is, or lies in, a folder of the org
    (`cache-dir: org`): its key and pickles would be committed with the org, and anyone who
    can commit there could sign entries that every run then unpickles. As `-o` outputs
    inside the org are refused (`refuse_org_outputs`)."""
    from orgspec.load.discovery import refuse_whole_disk

    real = os.path.realpath(folder)
    for org in (*targets, config.root_path()):
        if not os.path.isdir(org):
            continue
        refuse_whole_disk(org)  # `check /`: that mistake, not the cache lying in it
        top = os.path.realpath(org)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            raise UsageError(M("will not keep the cache in {folder!r}: it lies in the org "
                               "folder {org!r}, where its signing key and entries would be "
                               "committed with the org; set `cache-dir` (or "
                               "$ORGSPEC_CACHE_DIR) to a folder outside the org",
                               folder=folder, org=org))


def _lint(targets: list[str], config: Config, staged: bool,
          cache: Cache | None = None) -> tuple[LintResult, Org]:
    from orgspec.engine.lint import lint_org

    if not staged:
        return lint_org(targets, config, cache=cache)
    from orgspec.ci.diff import GitError, lint_staged

    try:
        return lint_staged(targets, config, lint_org)
    except GitError as exc:
        raise UsageError(message_of(exc)) from None


_TEXT_EXTENSIONS = (".txt", ".text")


def refuse_unread(named: list[str]) -> None:
    """Raise UsageError for a file named inside the org that the org's walk does not read
    (`org/review.yaml.txt`, renamed by hand): its findings would be none, and `no problems`
    would be a lie about it."""
    from orgspec.load.discovery import is_yaml_name

    for path in named:
        if os.path.isdir(path) or is_yaml_name(path):
            continue
        stem = os.path.basename(path)
        cut = max(stem.lower().rfind(".yaml."), stem.lower().rfind(".yml."))
        if cut >= 0:  # `review.yaml.txt`, `review.yml.bak`
            meant = stem[:stem.index(".", cut + 1)]
        else:  # `會議.txt` was YAML saved as text: `會議.yaml`, not `會議.txt.yaml`
            base, ext = os.path.splitext(stem)
            meant = (base if base and ext.lower() in _TEXT_EXTENSIONS else stem) + ".yaml"
        raise UsageError(M("{path}: not an org file: orgspec reads only files whose names end "
                           "in .yaml or .yml, so this one would be left out of the org; "
                           "rename it to {meant!r}", path=path, meant=meant))


def named_files(targets: list[str], root: str) -> list[str]:
    """When every path named is a file or folder inside the org root (not the root itself),
    those paths (the org is loaded whole and only their findings are reported: an editor on
    save, a per-file workflow, `check org/meetings`); else none."""
    if not os.path.isdir(root):
        return []
    inside_root = os.path.realpath(root).rstrip(os.sep) + os.sep
    inside = [p for p in targets if os.path.realpath(p).startswith(inside_root)]
    return inside if len(inside) == len(targets) else []


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def org_root_of(targets: list[str]) -> str | None:
    """Without a config, the org folder the named paths lie in, found as a mature linter
    finds its project root: walking up from the first path (a folder counts itself), the
    `org` folder of the git work tree holding it (`root`'s default), else the nearest folder
    called `org`; None when there is none (then the paths are the org)."""
    from orgspec.paths import git_top

    if not targets:
        return None
    first = os.path.realpath(targets[0])
    if not os.path.isdir(first):
        first = os.path.dirname(first)
    top = git_top(first)
    if top is not None:
        default = os.path.join(os.path.realpath(top), "org")
        if os.path.isdir(default) and (first + os.sep).startswith(default + os.sep):
            return default
    here = first
    while True:
        if os.path.basename(here) == "org":
            return here
        parent = os.path.dirname(here)
        if parent == here or (top is not None and here == os.path.realpath(top)):
            return None
        here = parent


def view_links(ci: CiEnv, repo_kind: str | None = None) -> Any:
    """The report's finding links (orgspec.report.view.Links) from the CI environment: to
    the file at the commit in GitHub Actions (GITHUB_SERVER_URL, GITHUB_REPOSITORY,
    GITHUB_SHA; in the style of `repo_kind`, the config's `repo-kind`, when set: Gitea
    Actions sets the same variables) and in GitLab CI (CI_PROJECT_URL, else CI_SERVER_URL
    and CI_PROJECT_PATH; CI_COMMIT_SHA), else relative paths."""
    from urllib.parse import quote

    from orgspec.report.view import Links

    if _web(ci.server_url) and ci.repository and _commit(ci.sha):
        return Links(f"{ci.server_url.rstrip('/')}/{quote(ci.repository)}", ci.sha,
                     ci.workspace, repo_kind or "github")
    project = ci.project_url if _web(ci.project_url) else (
        f"{ci.gitlab_server.rstrip('/')}/{quote(ci.project_path)}"
        if _web(ci.gitlab_server) and ci.project_path else None)
    if project and _commit(ci.commit_sha):
        return Links(project, ci.commit_sha, ci.project_dir, "gitlab")
    return Links(workspace=ci.workspace)


def _commit(sha: str | None) -> TypeGuard[str]:
    """Whether `sha` is a commit id (hex): `../..` or a quote in CI_COMMIT_SHA would lead a
    link elsewhere."""
    import re

    return bool(sha) and re.fullmatch(r"[0-9a-fA-F]{1,64}", sha or "") is not None


def _web(url: str | None) -> TypeGuard[str]:
    """Whether `url` is an http(s) URL with a host, no blank, control character, quote or
    angle bracket, and no `.` or `..` in its path (which would lead to another project)."""
    from urllib.parse import urlsplit

    if not url or any(c.isspace() or not c.isprintable() or c in "\"'<>`\\" for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and \
        not {".", ".."} & set(parts.path.split("/"))


def narrow(result: LintResult, org: Org | None, targets: list[str], config: Config,
           baseline_path: str | None, diff_ref: str | None,
           diff_in_output: bool = False, whole: list[Finding] | None = None) -> list[str]:
    """What `check` and `report` show of a run: without the findings the baseline knows,
    and with `diff_ref` only those new since that git revision (needs `org`), plus the org
    diff in `result.org_diff`; returns the notes for standard error, the org diff's lines
    among them unless `diff_in_output` (the text output prints them, with the findings).
    `whole`, when given, receives the findings as they are before the diff narrows them
    (after the baseline). Raises UsageError."""
    head = list(result.findings)  # the diff compares whole runs: the base has no baseline
    notes = _apply_baseline(result, baseline_path, targets, config, org) \
        if baseline_path else []
    if whole is not None:
        whole[:] = result.findings
    if diff_ref is not None and org is not None:
        lines = _apply_diff(result, head, org, diff_ref, targets, config)
        notes += [] if diff_in_output else lines
    return notes


def _write_baseline(result: LintResult, path: str, configured: str | None) -> Outcome:
    """The baseline of this run's findings; entries of the old baseline (the file being
    replaced, else the configured one) that this run could not check are kept, and said."""
    from orgspec.ci import baseline

    lang = result.lang or "en"
    old_path = path if os.path.exists(path) else configured
    held: list[dict[str, Any]] = []
    outside: list[dict[str, Any]] = []
    if old_path and os.path.exists(old_path):
        try:
            old = baseline.read(old_path)
        except baseline.BaselineError:
            old = []  # not a baseline: replaced whole, as before
        # the OK005s held back behind an OK003 are written again (`baseline.dumps`)
        found = baseline.fingerprints(result) | \
            {a.fingerprint for a in result.activities.values()}
        check, inside = baseline.not_checked(result), baseline.in_scope(result)
        outside = [e for e in old if e["fingerprint"] not in found and not inside(e)]
        held = [e for e in old if e["fingerprint"] not in found and inside(e) and check(e)]
    failed = set(result.failed_files)
    written = sum(not baseline.load_failure(f, failed) for f in result.findings)
    shown = display_path(path)
    notes = [say(M("wrote a baseline of 1 finding to {path}", path=shown) if written == 1 else
                 M("wrote a baseline of {n} findings to {path}", n=written, path=shown),
                 lang)]
    behind = sum(f.fingerprint in result.activities for f in result.findings)
    if behind:  # entries beyond the findings shown: said, so that the count is not a riddle
        notes.append(say(P("also wrote {n} finding held back behind one of them, so that it "
                           "stays known if it shows later",
                           "also wrote {n} findings held back behind them, so that they stay "
                           "known if they show later", n=behind), lang))
    if failed:
        notes.append(say(M("{n} files failed to load: their errors are not in the baseline "
                           "and fail every run until fixed, and what they hold was not "
                           "checked; fix them and write the baseline again", n=len(failed))
                         if len(failed) > 1 else
                         M("1 file failed to load: its error is not in the baseline and "
                           "fails every run until fixed, and what it holds was not checked; "
                           "fix it and write the baseline again"), lang))
    if held:
        why = baseline.why_unchecked(result)
        reasons: dict[str, M] = {}  # each reason once, in the order of the entries
        for entry in held:
            if (said := why(entry)) is not None:
                reasons.setdefault(str(said), said)
        notes.append(say(P("kept {n} entry of {path} that this run could not check ({why})",
                           "kept {n} entries of {path} that this run could not check ({why})",
                           n=len(held), path=old_path, why=list(reasons.values())), lang))
    if outside:
        notes.append(say(M("kept 1 entry of {path} for files or rules this run was not "
                           "asked to check", path=old_path) if len(outside) == 1 else
                         M("kept {n} entries of {path} for files or rules this run was not "
                           "asked to check", n=len(outside), path=old_path), lang))
    return Outcome(EXIT_OK, [Output(baseline.dumps(result, held + outside), path)], notes,
                   result)


def _apply_baseline(result: Any, path: str, targets: list[str], config: Config,
                    org: Org | None = None) -> list[str]:
    """Drop known findings; return one line for the known and one per stale entry (each
    said with the names of what it quotes, by `org`: loaded when not given and needed)."""
    from orgspec.ci import baseline
    from orgspec.engine.lint import org_root

    try:
        entries = _in_renamed_files(baseline.read(path), result,
                                    org_root(targets or [config.root_path()]), path)
        outcome = baseline.apply(result, entries)
    except baseline.BaselineError as exc:
        raise UsageError(message_of(exc)) from None  # said as the CLI's errors are
    lang = result.lang or "en"
    stale = len(outcome.stale)
    known = M("1 known finding not shown") if outcome.known == 1 else \
        M("{n} known findings not shown", n=outcome.known)
    stale_said = M("1 stale entry") if stale == 1 else M("{n} stale entries", n=stale)
    notes = [say(M("baseline {path}: {known}, {stale}", path=path, known=known,
                   stale=stale_said), lang)]
    now = _now_named(path, outcome.stale[:50] + outcome.held[:50])
    said = _entry_names(result, org, targets, config, outcome.stale[:50] + outcome.held[:50])
    notes += [say(_entry_line(M("stale baseline entry (fixed): {file}: {code} {message}",
                                file=now(e), code=e.get("code", "?"), message=said.message(e)),
                              M("stale baseline entry (fixed): {file}: {code} on {entity}: "
                                "{message}", file=now(e), code=e.get("code", "?"),
                                entity=said.entity(e), message=said.message(e)), e, n), lang)
              for e, n in baseline.alike(outcome.stale, lang)[:50]]
    if outcome.held:
        notes.append(say(P("{n} baseline entry not checked this run (not fixed)",
                           "{n} baseline entries not checked this run (not fixed)",
                           n=len(outcome.held)), lang))
    why = baseline.why_unchecked(result)

    def reason(entry: dict[str, Any]) -> Any:
        """Why `entry` was not checked, its file as git now names it (`now`)."""
        named = now(entry)
        current = named.values["file"] if isinstance(named, M) else entry.get("file")
        return why({**entry, "file": current}) or why(entry) or "?"

    notes += [say(_entry_line(M("baseline entry not checked ({why}): {file}: {code} {message}",
                                why=reason(e), file=now(e), code=e.get("code", "?"),
                                message=said.message(e)),
                              M("baseline entry not checked ({why}): {file}: {code} on "
                                "{entity}: {message}", why=reason(e), file=now(e),
                                code=e.get("code", "?"), entity=said.entity(e),
                                message=said.message(e)), e, n), lang)
              for e, n in baseline.alike(outcome.held, lang)[:50]]
    return notes


def _entry_names(result: LintResult, org: Org | None, targets: list[str], config: Config,
                 entries: list[dict[str, Any]]) -> EntryNames:
    """What says baseline `entries` with the names of the ids they quote, as the findings
    are said (`ci.entrynames`): by `org`; by the run's names (`LintResult.names`) when it
    has each of them; else by the org loaded again (a run answered from the cache has
    none), only when there is an entry to say."""
    from orgspec.ci.entrynames import EntryNames, quoted

    lang = result.lang or "en"
    ids = quoted(entries, lang)
    if org is None and ids and not ids <= result.names.keys():
        from orgspec.engine.lint import load_org

        # only a run answered from the cache has no org: its files are in the cache
        org = load_org(targets or None, config, open_cache(config, targets)).org
    if org is None or not ids:  # the models are not imported for nothing to name
        return EntryNames(lang, {i: result.names[i] for i in ids if i in result.names})
    from orgspec.model.names import id_names

    return EntryNames(lang, id_names(org, lang, ids))


def _entry_line(plain: M, on: M, entry: dict[str, Any], n: int) -> M:
    """A note's line for a baseline entry: `on` (naming its entity) when it has one, else
    `plain`; with how many identical entries it stands for, when more than one."""
    line = on if _unnamed(entry) else plain
    return line if n == 1 else M("{line} ({n} identical entries)", line=line, n=n)


def _unnamed(entry: dict[str, Any]) -> bool:
    """Whether a baseline entry has an entity its message does not quote by id (`'weekly'`,
    and a key result's objective too): one the note must name to tell it apart."""
    entity = entry.get("entity")
    if not isinstance(entity, str) or ":" not in entity:
        return False
    message = str(entry.get("message", ""))
    ids = [part.partition(":")[2] for part in entity.split("/")]
    # `'cs'`, or `提升用户活跃度 (activity)`: a key result as messages quote it
    return not all(f"'{i}'" in message or f" ({i})" in message for i in ids)


def _in_renamed_files(entries: list[dict[str, Any]], result: LintResult, root: str,
                      path: str) -> list[dict[str, Any]]:
    """`entries` of baseline `path`, those of findings outside every entity (whose
    fingerprint names the file: an unused `ignore-file`, SU001) in a file git saw renamed
    since the baseline was committed given the fingerprint and file the same finding has
    in the file as now named. Entities' fingerprints never name their file. git is asked
    only when such an entry's file is gone."""
    from orgspec.findings import fingerprint

    found = {f.fingerprint for f in result.findings}
    loose = {e["fingerprint"]: i for i, e in enumerate(entries)
             if not e.get("entity") and e["fingerprint"] not in found and
             isinstance(e.get("file"), str) and not os.path.exists(e["file"])}
    if not loose:
        return entries
    from orgspec.ci.renames import renamed_since

    former = {new: old for old, new in renamed_since(path).items()}
    out = list(entries)
    for f in result.findings:
        old = former.get(display_path(f.location.file)) if not f.entity else None
        if old is None:
            continue
        english = str(getattr(f.message, "source", f.message))  # as fingerprints say it
        rel = os.path.relpath(os.path.abspath(old), os.path.abspath(root)).replace(os.sep, "/")
        i = loose.pop(fingerprint(f.code, rel + "\0" + english), None)
        if i is not None:
            out[i] = {**entries[i], "fingerprint": f.fingerprint, "file": f.location.file}
    return out


def _now_named(path: str, entries: list[dict[str, Any]]) -> Callable[[dict[str, Any]], Any]:
    """The file of a baseline entry as the notes say it: its current path beside the one
    recorded when git saw it renamed since baseline `path` was committed (`git mv`); git
    is asked only when an entry's file is gone."""
    renamed: dict[str, str] = {}
    if any(isinstance(e.get("file"), str) and not os.path.exists(e["file"]) for e in entries):
        from orgspec.ci.renames import renamed_since

        renamed = renamed_since(path)

    def now(entry: dict[str, Any]) -> Any:
        file = entry.get("file", "?")
        new = renamed.get(file) if isinstance(file, str) else None
        return M("{file} (renamed from {old})", file=new, old=file) if new else file

    return now


def _apply_diff(result: LintResult, head: list[Finding], org: Org, ref: str,
                targets: list[str], config: Config) -> list[str]:
    """Keep only findings new since `ref` (of those the baseline left in `result`); return
    the org diff as lines. `head` is every finding of this run, before the baseline: the
    base revision is linted without one, so comparing it with what the baseline left would
    count every baselined finding as fixed."""
    from dataclasses import replace

    from orgspec.ci.diff import GitError, compare, diff_head, lint_at, where_it_was
    from orgspec.engine.lint import lint_org
    from orgspec.model.names import said_changes
    from orgspec.report.view import baseline_hid

    try:
        base, base_org = lint_at(ref, targets, config, lint_org)
    except GitError as exc:
        raise UsageError(message_of(exc), result.lang) from None
    diff = compare(base, replace(result, findings=head), base_org, org)
    # held back behind an id renamed without `aliases`: neither new nor unchanged
    behind = {id(h.finding) for held in diff.behind.values() for h in held}
    result.findings = [f for f in result.findings if id(f) not in behind]
    shown = {id(f) for f in result.findings}
    new = [f for f in diff.new if id(f) in shown]
    result.unchanged, result.diff_ref = len(shown) - len(new), ref
    result.fixed, result.not_compared = len(diff.fixed), len(diff.unknown)
    result.held_back = len(diff.held)
    new_ids = {id(f) for f in new}
    result.left_out = [f for f in result.findings if id(f) not in new_ids]
    # the baseline hid some of the new (`diff.new` compares whole runs) and of the unchanged:
    # every count says what is left after it, and how many it hid of each
    everything_new = {id(f) for f in diff.new}
    result.baselined_new = sum(id(f) in everything_new for f in result.baselined)
    result.findings = where_it_was(new, base, base_org, org, ref, result.lang or "en",
                                   diff)
    # said as the rest of the output: each entity by its name in the output's language
    result.org_diff = named_findings(said_changes(diff.changes, (org, base_org),
                                                 result.lang or "en"), (org, base_org),
                                    [*diff.new, *diff.fixed], result.lang or "en")
    result.org_diff_head = diff_head(ref, diff, len(new), baseline_hid(result))
    from orgspec.reporters.text import org_diff_lines

    return org_diff_lines(result)


def named_findings(changes: list[str], orgs: tuple[Org, Org], findings: list[Finding],
                   lang: str) -> list[str]:
    """`changes` with the message of each finding introduced or fixed (`ci.diff`'s
    `fixed: PR005 …`) saying each id it quotes with its name, as the findings shown are
    (`report.idnames.with_names`): by the head revision's org (`orgs[0]`) when the id is
    still there, else by the base's. O(the findings' values)."""
    from orgspec.model.idnames import quoted_ids
    from orgspec.model.names import id_names
    from orgspec.report.changes import is_finding_change
    from orgspec.report.idnames import with_names

    ids = quoted_ids(findings)
    if not ids:
        return changes
    names = {**id_names(orgs[1], lang, ids), **id_names(orgs[0], lang, ids)}
    out: list[str] = []
    for change in changes:
        values = getattr(change, "values", None)
        if is_finding_change(change) and isinstance(change, M) and values and \
                "message" in values:
            said = with_names(values["message"], names, lang)
            if said is not values["message"]:
                change = M(change.template, **{**values, "message": said})
        out.append(change)
    return out


def site_changes(result: LintResult, org: Org, targets: list[str], config: Config,
                 since: str | None, findings: bool = True) -> tuple[list[str], str | None]:
    """The org diff for the site's changes page: since `since`, else since the latest tag;
    none outside git or without a tag. A bad explicit `since` is a UsageError. `findings`
    False: without the findings introduced or fixed (a handbook for staff)."""
    from orgspec.ci.diff import GitError, compare, lint_at
    from orgspec.engine.lint import lint_org
    from orgspec.model.names import said_changes
    from orgspec.report.changes import is_finding_change

    explicit = since is not None
    if not explicit:
        since = _latest_tag()
        if not since:
            return [], None
    try:
        base, base_org = lint_at(str(since), targets, config, lint_org, "--since")
    except GitError as exc:
        if explicit:
            raise UsageError(message_of(exc), result.lang) from None
        return [], None
    diff = compare(base, result, base_org, org)
    changes = said_changes(diff.changes, (org, base_org), result.lang or "en")
    if findings:  # said with names as `check --diff` says them
        changes = named_findings(changes, (org, base_org), [*diff.new, *diff.fixed],
                                 result.lang or "en")
    return [c for c in changes if findings or not is_finding_change(c)], since


def repo_kind_in(repo_url: str, env: Mapping[str, str]) -> str:
    """The link style of `repo_url` (orgspec.load.config.REPO_KINDS): gitlab inside GitLab
    CI when CI_SERVER_URL is on the URL's host (a self-hosted GitLab of any name), github
    inside GitHub Actions on GITHUB_SERVER_URL's host, else guessed from the URL."""
    from urllib.parse import urlsplit

    from orgspec.paths import repo_kind_of

    host = urlsplit(repo_url).netloc.lower()
    for variable, kind in (("CI_SERVER_URL", "gitlab"), ("GITHUB_SERVER_URL", "github")):
        server = env.get(variable) or ""
        if host and urlsplit(server).netloc.lower() == host:
            return kind
    return repo_kind_of(repo_url) if repo_url else ""


def default_branch(env: Mapping[str, str], where: str = ".") -> str:
    """The default branch of the repository holding the folder `where`, for the site's
    links: CI_DEFAULT_BRANCH (GitLab CI), else what git's `origin/HEAD` points at (set by
    `git clone`), else `main`. Raises UsageError for a CI_DEFAULT_BRANCH that can name no
    branch (`paths.branch_name`)."""
    import subprocess

    if env.get("CI_DEFAULT_BRANCH"):
        from orgspec.paths import branch_name

        if not branch_name(env["CI_DEFAULT_BRANCH"]):
            raise UsageError(M("$CI_DEFAULT_BRANCH is {value!r}, not a git branch name: set "
                               "--repo-branch", value=env["CI_DEFAULT_BRANCH"]))
        return env["CI_DEFAULT_BRANCH"]
    try:
        done = subprocess.run(["git", "symbolic-ref", "--quiet", "--short",
                               "refs/remotes/origin/HEAD"], cwd=where, capture_output=True,
                              check=False)
    except OSError:
        return "main"
    head = done.stdout.decode("utf-8", "replace").strip()
    return head.split("/", 1)[1] if done.returncode == 0 and "/" in head else "main"


def _latest_tag() -> str | None:
    import subprocess

    try:
        done = subprocess.run(["git", "describe", "--tags", "--abbrev=0"], capture_output=True,
                              check=False)
    except OSError:
        return None
    tag = done.stdout.decode("utf-8", "replace").strip()
    return tag if done.returncode == 0 and tag else None


def render(fmt: str, result: LintResult, **options: Any) -> str:
    """A reporter's output by format name; a user template that fails is a usage error."""
    from orgspec import reporters
    from orgspec.report.errors import ReportError

    try:
        return reporters.render(fmt, result, **options)
    except ReportError as exc:
        raise UsageError(message_of(exc)) from None


def report_spec(spec: str) -> tuple[str, str]:
    """`FORMAT=PATH` of `--report`, checked against the reporter table."""
    from orgspec.reporters import FORMATS

    fmt, sep, path = spec.partition("=")
    if not sep or not path or fmt not in FORMATS:
        raise UsageError(M("--report takes FORMAT=PATH with FORMAT one of {formats}, not "
                           "{spec!r}", formats=list(FORMATS), spec=spec))
    return fmt, path


def make_config(path: str | None, isolated: bool, select: tuple[str, ...] = (),
                extend_select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                near: Sequence[str] = ()) -> Config:
    """The config file's settings, with command-line selections on top: `path` (--config),
    else the config nearest the first of `near` (the paths the command was given), else
    the one nearest the working directory (`config.config_for`)."""
    from orgspec.load.config import Selector, config_for, load_config

    config = load_config(None if isolated else (path or config_for(near)))

    def selectors(values: tuple[str, ...], flag: str) -> list[Selector]:
        return [Selector(part.strip(), flag) for value in values for part in value.split(",")
                if part.strip()]

    if select:
        config.select = selectors(select, "--select")
    config.extend_select += selectors(extend_select, "--extend-select")
    config.ignore += selectors(ignore, "--ignore")
    return config


def targets_of(paths: tuple[str, ...], config: Config) -> list[str]:
    """The org paths to lint: the given ones (which must exist), else the configured root.
    The config's own folder, given (`orgspec check my-org` from outside it, `orgspec check
    .` in it), is its root: the same org and findings as `cd my-org && orgspec check`."""
    root = config.root_path()
    if not paths:
        if os.path.isdir(root):
            return [root]
        here = os.path.realpath(".")
        if config.source is not None and not _within(here, os.path.realpath(config.base)):
            # found nearest the folder checked, below the working directory (`nearest_to_root`):
            # what `orgspec check org` gives
            return targets_of((os.path.relpath(config.base),), config)
        found = org_root_of(["."]) if config.source is None else None
        if found is not None:  # run inside the org folder (`cd org`): that org, as `check .`
            return [os.path.relpath(found)]
        from orgspec.load.missingroot import missing_root

        raise UsageError(*missing_root(config))
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise UsageError(M("path {path!r} does not exist", path=missing[0]))
    home = os.path.realpath(config.base) if config.source is not None else None
    return [root if home is not None and os.path.isdir(p) and os.path.realpath(p) == home
            and os.path.isdir(root) else p for p in paths]
