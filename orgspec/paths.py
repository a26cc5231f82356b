"""The one place that names files for people and for CI: display paths, repo paths and
links to a file in the repository's web view (`repo_links`: GitHub, GitLab, Gitea).

Findings carry the path as the user reaches it from the working directory (what a terminal
shows). Consumers that map a path onto a repository (GitLab Code Quality, GitHub
annotations and links, SARIF) need it relative to the project instead, whatever folder
orgspec ran in: `$CI_PROJECT_DIR`, else `$GITHUB_WORKSPACE`, else the git top level
(`run.CiEnv.project_root`, handed to the reporters as `project_root`).
"""

from __future__ import annotations

import os
from functools import lru_cache

from orgspec.lazyre import lazy

_SURROGATE = lazy("[\ud800-\udfff]")


def display_path(path: str) -> str:
    """A POSIX path relative to the working directory when it lies below it, else absolute.
    Bytes of a name that are not UTF-8 (surrogate-escaped by the OS layer) are shown as
    `\\xff`, so every output can be encoded; the file itself is opened by its real path."""
    return printable(_shown(path))


def near(path: str) -> str:
    """`path` as the working directory reaches it: relative when it lies below it, else
    absolute, in the OS's form (what `display_path` shows, and still a path to open)."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return os.path.abspath(path)
    return os.path.abspath(path) if rel == os.pardir or rel.startswith(os.pardir + os.sep) \
        else rel


def _shown(path: str) -> str:
    rel = os.path.relpath(path)
    if rel.startswith(".."):
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def printable(shown: str) -> str:
    """A display path with bytes that are not UTF-8 (surrogate-escaped) shown as `\\xff`."""
    if shown.isascii() or not _SURROGATE.search(shown):
        return shown
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class Shown:
    """`display_path` of many files in few folders: each folder's path is made once
    (`relpath` and `abspath` cost more than the rest of finding a file)."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def below(self, folder: str, name: str) -> str:
        """`display_path(os.path.join(folder, name))` for a plain file name (no separator,
        not `.`, `..` or hidden): the folder's display path and the name."""
        shown = self._folders.get(folder)
        if shown is None:
            shown = self._folders[folder] = _shown(folder)
        # relpath/abspath of `folder/name` is that of `folder` and the name, and a path
        # below a folder outside the working directory is outside it too
        return printable(name if shown == "." else f"{shown.rstrip('/')}/{name}")


def project_root(project_dir: str | None = None, workspace: str | None = None) -> str | None:
    """`$CI_PROJECT_DIR` (GitLab), else `$GITHUB_WORKSPACE`, else the git work tree holding
    the working directory (found by walking up to `.git`, no subprocess), else None. The
    caller reads the environment once, at the edge, and passes the values."""
    for value in (project_dir, workspace):
        if value:
            return os.path.abspath(value)
    return git_top(os.getcwd())


@lru_cache(maxsize=16)
def git_top(start: str) -> str | None:
    """The git work tree holding the folder `start`, by walking up to `.git` (kept per
    process: a lint run asks for the same folders again)."""
    return find_git_top(start)


def find_git_top(start: str) -> str | None:
    """The nearest folder at or above `start` with a `.git` (a file, folder or link), or
    None outside any; walked each call (`adopt.init` makes folders between calls)."""
    here = os.path.abspath(start)
    while True:
        if os.path.lexists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def in_project(path: str, root: str | None) -> str | None:
    """`path` relative to the project root as POSIX; None outside it or without one."""
    if root is None:
        return None
    rel = os.path.relpath(os.path.abspath(path), root)
    return None if rel.startswith("..") else rel.replace(os.sep, "/")


def repo_path(path: str, root: str | None) -> str:
    """`path` relative to the project root, else as displayed (absolute outside the working
    directory)."""
    return in_project(path, root) or display_path(path)


def relative_link(path: str, folder: str | None) -> str:
    """`path` (relative to the working directory) as seen from `folder`, where a report that
    links to it is written; unchanged when there is no folder."""
    if folder is None:
        return path
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    return rel.replace(os.sep, "/")


def http_url(url: str, blanks: bool = False) -> bool:
    """Whether `url` is an http(s) URL with a host, of characters a URL can carry: no
    control character or line break, no lone surrogate (an argv byte that is not UTF-8,
    which no output can encode), and no blank unless `blanks` (a link that
    percent-encodes them)."""
    from urllib.parse import urlsplit

    if not url.startswith(("https://", "http://")):
        return False
    if any((c.isspace() or not c.isprintable()) and not (blanks and c == " ") for c in url):
        return False
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # an unclosed `[` of an IPv6 host
        return False


_NOT_IN_BRANCH = lazy(r"[~^:?*\[\\]|\.\.|@\{")


def branch_name(text: str) -> bool:
    """Whether `text` can name a git branch in a link (git check-ref-format's rules that
    matter there): not empty, not starting with `-`, no blank, control character or lone
    surrogate (an argv byte that is not UTF-8), none of `~ ^ : ? * [ \\`, `..` or `@{`."""
    return bool(text) and not text.startswith("-") and \
        all(c.isprintable() and not c.isspace() for c in text) and \
        _NOT_IN_BRANCH.search(text) is None


def repo_kind_of(repo_url: str) -> str:
    """The link style a repository URL suggests: gitlab for a host with `gitlab` in its name
    or a URL that already holds `/-/`, else github (a self-hosted GitLab elsewhere needs
    `repo-kind`, or GitLab CI's CI_SERVER_URL: see `orgspec.run.repo_kind_in`)."""
    from urllib.parse import urlsplit

    gitlab = "gitlab" in urlsplit(repo_url).netloc.lower() or "/-/" in repo_url
    return "gitlab" if gitlab else "github"


def repo_links(repo_url: str, branch: str, path: str, line: int,
               kind: str = "", commit: bool = False) -> tuple[str, str]:
    """(view at the line, edit) URLs of `path` (POSIX, relative to the repository) on
    `branch`, or at the commit `branch` names when `commit`, in the style of `kind`
    (orgspec.load.config.REPO_KINDS; "": from the URL, `repo_kind_of`): GitHub
    `/blob/B/P#L1` and `/edit/B/P`, GitLab `/-/blob/...` and `/-/edit/...`, Gitea
    `/src/branch/B/P#L1` (`/src/commit/SHA/P#L1`) and `/_edit/B/P`."""
    from urllib.parse import quote

    base = repo_url.rstrip("/").split("/-/")[0]
    kind = kind or repo_kind_of(repo_url)
    p, b = quote(path, safe="/"), quote(branch, safe="/")
    if kind == "gitea":
        ref = "commit" if commit else "branch"
        return f"{base}/src/{ref}/{b}/{p}#L{line}", f"{base}/_edit/{b}/{p}"
    sep = "/-/" if kind == "gitlab" else "/"
    return f"{base}{sep}blob/{b}/{p}#L{line}", f"{base}{sep}edit/{b}/{p}"


# Device names Windows reserves in every folder, whatever the extension follows them:
# `con.html` or `nul.yaml` opens the console or the null device (the file is never written),
# and Git for Windows refuses to check such a path out. All are valid ids.
_WINDOWS_DEVICES = lazy(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])")


def windows_reserved(stem: str) -> bool:
    """True when a file named `stem` plus any extension is a device on Windows
    (`con`, `prn`, `aux`, `nul`, `com0`-`com9`, `lpt0`-`lpt9`, in any case)."""
    return _WINDOWS_DEVICES.fullmatch(stem) is not None
