"""`orgspec init`: a new org repository from the templates in `templates/init/`.

`common/` holds files for every language, `en/`, `zh/` and `zh_Hant/` the rest (`zh_Hant/`
is generated from `zh/` by `python -m orgspec.i18n.build update`); a leading `_` in a path
part stands for `.` (so the wheel and tools see no hidden files). `{{version}}` and `{{year}}`
are filled in. Nothing is written if `directory` itself holds org files, or, in a new folder,
if any target but `.gitignore` exists. When the folder the example org goes into already
holds YAML (a real org: an import) or `example` is off, the example is left out and only the
missing files are written: an existing file is never overwritten or edited.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from orgspec import output
from orgspec._version import __version__
from orgspec.i18n import M, reason
from orgspec.paths import find_git_top
from orgspec.resources import data_dir


class InitError(Exception):
    """A target that exists, or a folder that cannot be written: one line, exit 2."""


def plan(lang: str) -> dict[str, str]:
    """Relative target path -> text, for `lang` ("en", "zh" or "zh-Hant")."""
    from orgspec.i18n import folder

    base = data_dir("templates") / "init"
    values = {"{{version}}": __version__, "{{year}}": str(dt.date.today().year)}
    out = {}
    for here in (base / "common", base / folder(lang)):
        for path in sorted(p for p in here.rglob("*") if p.is_file()):
            rel = Path(*(("." + part[1:]) if part.startswith("_") else part
                         for part in path.relative_to(here).parts))
            text = path.read_text(encoding="utf-8")
            for key, value in values.items():
                text = text.replace(key, value)
            out[rel.as_posix()] = text
    return out


GITHUB_WORKFLOW = ".github/workflows/orgspec.yml"
GITIGNORE = ".gitignore"  # the user's when it exists: left as it is
EXAMPLE = "org/org.yaml"
GITLAB_CI = ".gitlab-ci.yml"
GITLAB_INCLUDE = ".gitlab/orgspec.yml"  # beside the user's own .gitlab-ci.yml, never into it
CONFIG = ".orgspec.yaml"
PRE_COMMIT = ".pre-commit-config.yaml"
# the pre-commit config with a local hook (`repo: local`, the installed orgspec): written as
# PRE_COMMIT with GitLab, whose servers are often self-hosted on a network that cannot reach
# github.com (the hook repository), and where pre-commit warns about `rev: main`
PRE_COMMIT_LOCAL = ".pre-commit-config.local.yaml"
# the config template's commented `repo-kind` line, its comment kept in its column
_REPO_KIND = re.compile(r"(?m)^# (repo-kind: )github( *)(?=# )")


def ci_of(directory: str, ci: str | None) -> str:
    """The CI `init` writes for: `ci` when given, else GitLab when `directory` already has a
    `.gitlab-ci.yml`, else GitHub (Actions)."""
    if ci is not None:
        return ci
    return "gitlab" if os.path.lexists(os.path.join(directory, GITLAB_CI)) else "github"


def ci_files(files: dict[str, str], directory: str, ci: str) -> dict[str, str]:
    """`files` with the CI file of `ci` only, its pre-commit config (a local hook with
    GitLab: PRE_COMMIT_LOCAL) and the config for it (`config_for`). An
    existing `.gitlab-ci.yml` is the user's and is never touched: the GitLab jobs then go to
    `.gitlab/orgspec.yml`, for the user to include (one that is still what init wrote is
    init's own: kept as it is)."""
    own = os.path.lexists(os.path.join(directory, GITLAB_CI)) and \
        _bytes_of(os.path.join(directory, GITLAB_CI)) != files[GITLAB_CI].encode("utf-8")
    named = {GITHUB_WORKFLOW: GITHUB_WORKFLOW if ci == "github" else "",
             GITLAB_CI: (GITLAB_INCLUDE if own else GITLAB_CI) if ci == "gitlab" else "",
             PRE_COMMIT: "" if ci == "gitlab" else PRE_COMMIT,
             PRE_COMMIT_LOCAL: PRE_COMMIT if ci == "gitlab" else ""}
    kept = ((named.get(rel, rel), text) for rel, text in files.items())  # in plan's order
    out = {rel: config_for(text, ci) if rel == CONFIG else text for rel, text in kept if rel}
    top = find_git_top(directory)
    if GITHUB_WORKFLOW in out and top is not None and \
            os.path.realpath(top) != os.path.realpath(directory):
        # GitHub runs only the workflows of the repository's root: written there, checking
        # `directory` (`init org` in a repository: org/.github would never run)
        org = os.path.relpath(os.path.realpath(directory), os.path.realpath(top))
        there = os.path.relpath(os.path.join(top, GITHUB_WORKFLOW), directory)
        out = {there if rel == GITHUB_WORKFLOW else rel:
               workflow_for(text, org) if rel == GITHUB_WORKFLOW else text
               for rel, text in out.items()}
    return out


def workflow_for(text: str, org: str) -> str:
    """The GitHub workflow template's `text`, its orgspec step checking the org repository
    in folder `org` (relative to the repository's root, `/`-separated)."""
    folder = org.replace(os.sep, "/")
    quoted = folder if re.fullmatch(r"[\w./-]+", folder) else json.dumps(folder)
    return re.sub(r"(?m)^(\s*- uses: orgspec/orgspec@\S+.*\n(\s*)with:\n)(\s*)",
                  lambda m: f"{m[1]}{m[3]}paths: {quoted}\n{m[3]}", text, count=1)


def outside(rel: str) -> bool:
    """Whether `rel` (a target relative to init's folder) lies outside it: the GitHub
    workflow at the root of the repository the folder is in (`ci_files`)."""
    return rel.startswith("../")


def config_for(text: str, ci: str) -> str:
    """The config template's `text` for `ci`: with GitLab, `repo-kind: gitlab`, so that the
    handbook site links to the files GitLab's way (`/-/blob/...`) on any host, where the
    style is otherwise guessed from the host's name (a self-hosted `git.example.com` reads
    as GitHub); with GitHub or none, as written (the line commented: GitHub is the guess)."""
    if ci != "gitlab":
        return text
    return _REPO_KIND.sub(lambda m: f"{m[1]}gitlab{m[2]}  ", text, count=1)


@dataclass
class Written:
    """What `init_repo` did: the relative paths written and kept (they existed), in plan's
    order, and why the example org was left out (None when it was written): `"asked"`
    (`example=False`) or the first YAML file of the org already there."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    no_example: str | None = None
    lang: str = "en"  # the language the files were written in


def _bytes_of(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read(1 << 20)
    except OSError:
        return None


def _refuse_dotdot_past_nothing(directory: str) -> None:
    """Raise InitError when a `..` of `directory` follows a folder that does not exist
    (`i/../x` without `i`): the system finds no such path, while init writes its files at
    the path made by dropping `i/..`, so what it says afterwards (and `cd DIR`) fails.
    Checked before anything is written."""
    parts = directory.replace(os.sep, "/").split("/")
    for i, part in enumerate(parts):
        if part != ".." or i == 0:
            continue
        before = "/".join(parts[:i]) or "/"
        if not os.path.isdir(before):
            raise InitError(M("cannot init {directory!r}: {folder!r} is not a folder, so the "
                              "`..` after it leads nowhere; write {plain!r} instead",
                              directory=directory, folder=before,
                              plain=os.path.normpath(directory)))


def init_repo(directory: str, lang: str | None = "en", ci: str = "github",
              example: bool = True) -> Written:
    """Write the starter files into `directory`, with the CI file of `ci` (github, gitlab
    or none: `ci_files`), in `lang`; None: the language of the org already there (its
    names and descriptions, `i18n.content_lang`), else English. Raises InitError when
    `directory` is itself an org, or, while the example org is written, when a target other
    than `.gitignore` exists."""
    _refuse_dotdot_past_nothing(directory)
    files = ci_files(plan(lang or "en"), directory, ci)
    found = _org_beside(directory, files)
    if lang is None and found is not None:
        # `init .` beside a Chinese org wrote `lang: en` and every later run said its
        # findings and pages in English (trial 34b): the config speaks the org's language
        lang = _org_lang(directory, files) or "en"
        files = ci_files(plan(lang), directory, ci)
    if found is None:
        _refuse_inside_an_org(directory)
    done = Written(no_example=found or (None if example else "asked"), lang=lang or "en")
    if done.no_example:
        files = {rel: text for rel, text in files.items() if not _is_example(rel)}
    # normalised: `org/../.github` (`outside`) names the root's file before org/ exists
    exists = [rel for rel in files
              if os.path.lexists(os.path.normpath(os.path.join(directory, rel)))]
    blocking = [rel for rel in exists if rel != GITIGNORE and not outside(rel)]
    if blocking and not done.no_example:
        first = os.path.normpath(os.path.join(directory, blocking[0]))
        raise InitError(M("{first} exists; init writes only into a folder without {files} "
                          "(`orgspec init --no-example` writes only the missing ones)",
                          first=first, files=sorted(files)))
    _refuse_a_file_in_the_way(directory, files)
    written: list[str] = []
    made: list[str] = []  # the folders init made, parents first
    try:
        for rel, text in files.items():
            if rel in exists:
                done.kept.append(rel)
                continue
            target = os.path.normpath(os.path.join(directory, rel))
            made += _missing_folders(os.path.dirname(target) or ".")
            output.make_dirs(os.path.dirname(target) or ".")
            output.write_text(target, text)
            written.append(target)
            done.written.append(rel)
    except OSError as exc:
        for target in reversed(written):  # all or nothing: a half-made repository would
            with contextlib.suppress(OSError):  # refuse the next `init` into it
                output.remove_file(target)
        for folder in reversed(made):  # and the folders made for them (empty: rmdir)
            with contextlib.suppress(OSError):
                output.remove_empty_dir(folder)
        raise InitError(M("cannot write into {path!r}: {why}", path=directory,
                          why=reason(exc))) from None
    return done


def _missing_folders(folder: str) -> list[str]:
    """`folder` and its parents that do not exist yet, parents first."""
    out: list[str] = []
    while folder and not os.path.lexists(folder):
        out.append(folder)
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return out[::-1]


def _refuse_a_file_in_the_way(directory: str, files: dict[str, str]) -> None:
    """Raise InitError, before anything is written, when a file (not a folder) stands where
    `files` need a folder (`org` beside the notes of a new repository)."""
    for rel in files:
        parts = rel.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = os.path.join(directory, *parts[:depth])
            if os.path.lexists(folder) and not os.path.isdir(folder):
                raise InitError(M("{path} is a file, not a folder: init would write {file} "
                                  "into it", path=_shown(folder),
                                  file=_shown(os.path.join(directory, rel))))


def _shown(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def _is_example(rel: str) -> bool:
    """Whether `rel` is a file of the example org (YAML in a folder that is not hidden)."""
    return "/" in rel and not rel.startswith(".") and rel.endswith((".yaml", ".yml"))


def untouched_example(path: str) -> bool:
    """Whether the file at `path` is still the example org `init` writes, byte for byte
    (in any language, of any year; line ends aside): what `import` asks the user to delete."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(1 << 20).decode("utf-8", "replace").replace("\r\n", "\n")
    except OSError:
        return False
    from orgspec.i18n import folder

    base = data_dir("templates") / "init"
    for lang in ("en", "zh", "zh-Hant"):
        template = base / folder(lang) / "org" / "org.yaml"
        text = template.read_text(encoding="utf-8")
        pattern = re.escape(text).replace(re.escape("{{year}}"), r"\d{4}")
        if re.fullmatch(pattern, data):
            return True
    return False


def _org_beside(directory: str, files: dict[str, str]) -> str | None:
    """The first YAML file (as shown to the user, `/`-separated) in a folder `files` puts
    the example org into, at any depth as the loader reads it (hidden folders left out), or
    None: the example's teams and people would join that org."""
    folders = sorted({rel.split("/", 1)[0] for rel in files if _is_example(rel)})
    for folder in folders:
        top = os.path.join(directory, folder)
        for here, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found = sorted(n for n in names if n.lower().endswith((".yaml", ".yml")))
            if found:
                return os.path.normpath(os.path.join(here, found[0])).replace(os.sep, "/")
    return None


def _org_lang(directory: str, files: dict[str, str]) -> str | None:
    """The language of the org in the folders `files` puts the example org into, judged
    by its entities' names, titles, descriptions and missions; None without text."""
    from orgspec.i18n import content_lang
    from orgspec.load.loader import load_files

    folders = sorted({rel.split("/", 1)[0] for rel in files if _is_example(rel)})
    raw = load_files([os.path.join(directory, f) for f in folders]).entities
    return content_lang(value for entity in raw if isinstance(entity.data, dict)
                        for key in _TEXTS if isinstance(value := entity.data.get(key), str))


_TEXTS = ("name", "title", "description", "mission")


def _org_kind() -> re.Pattern[str]:
    """`kind: Team`, and a kind written as a Chinese word for it (`kind: 团队`, `kind: 員工`:
    `text.kindwords`, which `orgspec check` reads as that kind); not its English synonyms,
    which other YAML uses (`kind: Group` in Kubernetes RBAC)."""
    from orgspec.model.models import KIND_ALIASES, KINDS
    from orgspec.text.kindwords import WRITTEN_KINDS

    chinese = (w for ws in WRITTEN_KINDS.values() for w in ws if not w.isascii())
    words = sorted({*KINDS, *KIND_ALIASES, *chinese}, key=len, reverse=True)
    kinds = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?im)(?:^|[{{,\s-])kind\s*[:：]\s*[\"']?(?:{kinds})(?![\w-])")


def _refuse_inside_an_org(directory: str) -> None:
    """Raise InitError when a YAML file in `directory` or below it (hidden folders left out)
    defines an org entity (its first 64 KiB name one of the model's kinds)."""
    if not os.path.isdir(directory):
        return
    pattern = None
    for here, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(n for n in names if n.lower().endswith((".yaml", ".yml"))):
            path = os.path.join(here, name)
            try:
                with open(path, "rb") as handle:
                    head = handle.read(1 << 16).decode("utf-8", "replace")
            except OSError:
                continue
            pattern = pattern or _org_kind()
            if pattern.search(head):
                org = os.path.normpath(directory)
                raise InitError(M("{org} already holds YAML ({first}): init adds its example "
                                  "org only to a new folder; check yours with `orgspec check "
                                  "{org}`", org=org, first=os.path.normpath(path)
                                  .replace(os.sep, "/")))
