"""`.orgspec.yaml` or `[tool.orgspec]` in pyproject.toml: found by walking up from the
first path a command is given (else from the folder it checks: `nearest_to_root`), like
ruff and yamllint.

Every problem is a ConfigError with the file and, for YAML, the line and column.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from orgspec import output
from orgspec.findings import Severity
from orgspec.i18n import M, guess_lang, lang_hint, parse_lang, reason
from orgspec.load.discovery import MAX_FILES
from orgspec.load.source import SourceError, decode, read_bytes, scan_forbidden
from orgspec.paths import branch_name, http_url
from orgspec.text.lazyre import lazy

if TYPE_CHECKING:  # PyYAML and tomllib are imported when a config file is read
    from orgspec.load.yamlevents import Parsed

CONFIG_NAMES = (".orgspec.yaml", ".orgspec.yml")
LANGS = ("zh", "zh-Hant", "en")
PRESETS = ("recommended", "strict")


class ConfigError(Exception):
    """A configuration problem: the CLI prints it on one line and exits 2."""


@dataclass(frozen=True)
class Selector:
    """A rule selector as written (code, prefix, name, family or ALL) and where."""

    text: str
    where: str


@dataclass
class RuleSetting:
    """A per-rule override: severity ("off" disables) and options."""

    where: str
    severity: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Config:
    """The effective settings for a run; paths are resolved against `base`."""

    root: str = "org"
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    extends: str = "recommended"
    select: list[Selector] | None = None
    extend_select: list[Selector] = field(default_factory=list)
    ignore: list[Selector] = field(default_factory=list)
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    per_file_ignores: dict[str, list[Selector]] = field(default_factory=dict)
    rule_packs: list[str] = field(default_factory=list)
    lang: str | None = None  # report labels; None: from the content
    # the order Chinese names are listed in (text.collate.ORDERS: stroke, pinyin); None: by
    # the output's language, stroke for zh-Hant, pinyin otherwise
    name_order: str | None = None
    repo_url: str | None = None  # GitHub or GitLab repository, for the site's edit links
    repo_kind: str | None = None  # its link style: github, gitlab or gitea; None: guessed
    repo_branch: str | None = None  # the branch the links name; None: the default branch
    # the site shows what the rules found (counts, team health, findings); false: a
    # handbook for staff, without them
    site_findings: bool = True
    site_title: str | None = None  # the site's title; None: "Org handbook" in its language
    # the org's time zone (an IANA name or `UTC+08:00`): meetings in another zone are shown
    # at their time here too; None: times as written, no conversion
    timezone: str | None = None
    baseline: str | None = None  # known findings, resolved against `base`
    respect_gitignore: bool = True  # skip git-ignored files found by walking a folder
    cache_dir: str | None = None  # the cache folder, resolved against `base`; None: user's
    max_files: int = MAX_FILES  # files and folders a walk of the org's folders may meet
    source: str | None = None
    base: str = "."
    root_at: str | None = None  # where the config sets `root` (file:line:col), for its errors

    def root_path(self) -> str:
        return os.path.normpath(os.path.join(self.base, self.root))

    def cache_path(self) -> str | None:
        """The configured cache folder (`cache-dir: .orgspec_cache`), or None."""
        return os.path.normpath(os.path.join(self.base, self.cache_dir)) \
            if self.cache_dir else None

    def baseline_path(self) -> str | None:
        """The configured baseline file, shared by pre-commit, CI and the action."""
        return os.path.normpath(os.path.join(self.base, self.baseline)) if self.baseline else None


REPO_KINDS = ("github", "gitlab", "gitea")  # the site's link styles (`repo-kind`)

# The settings are the fields of `Config`, each a config key (`fail_on` is `fail-on`): the
# reader, `settings` and `orgspec config` follow the model, so a new field is known and
# shown everywhere at once (`_Reader` needs a method `_<field>` for it).
_NOT_SETTINGS = ("source", "base", "root_at")  # where the settings came from
KNOWN_KEYS = tuple(f.name.replace("_", "-") for f in fields(Config)
                   if f.name not in _NOT_SETTINGS)


def _texts(selectors: list[Selector] | None) -> list[str] | None:
    return None if selectors is None else [s.text for s in selectors]


# How a setting is shown when its value is not already JSON: paths resolved against the
# config's folder, a severity by its label, selectors as written.
_SHOWN: dict[str, Callable[[Config], Any]] = {
    "root": Config.root_path,
    "baseline": Config.baseline_path,
    "cache_dir": Config.cache_path,
    "fail_on": lambda c: c.fail_on.label,
    "select": lambda c: _texts(c.select),
    "extend_select": lambda c: _texts(c.extend_select),
    "ignore": lambda c: _texts(c.ignore),
    "rules": lambda c: {name: {"severity": r.severity, "options": r.options}
                        for name, r in c.rules.items()},
    "per_file_ignores": lambda c: {glob: _texts(sel) for glob, sel in c.per_file_ignores.items()},
}


def settings(config: Config) -> dict[str, Any]:
    """Every setting of `config` by its config key (`fail-on`), in the model's order, as JSON
    values: paths resolved against the config's folder (None when unset), a severity by its
    label, rule selectors as written."""
    out: dict[str, Any] = {}
    for f in fields(Config):
        if f.name not in _NOT_SETTINGS:
            shown = _SHOWN.get(f.name)
            out[f.name.replace("_", "-")] = shown(config) if shown else getattr(config, f.name)
    return out


def find_config(start: str | None = None) -> str | None:
    """The nearest config file from `start` upwards, stopping at a git root or $HOME."""
    here = Path(start or os.getcwd()).resolve()
    home = Path.home().resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if os.path.lexists(folder / name):  # a folder or a dangling link: load_config says
                return str(folder / name)
        if _has_tool_table(folder / "pyproject.toml"):
            return str(folder / "pyproject.toml")
        if (folder / ".git").exists() or folder == home:
            break
    return None


def config_for(paths: Sequence[str] = ()) -> str | None:
    """The config file a run on `paths` reads, as ruff and yamllint find the one nearest the
    files they check: the nearest from the first path upwards (a file's from its folder; a
    folder that does not exist yet, an import's output, from itself), else the nearest from
    the working directory upwards. `--config` is the caller's, and wins over both."""
    if paths:
        first = paths[0]
        start = os.path.dirname(first) or "." \
            if os.path.lexists(first) and not os.path.isdir(first) else first
        found = find_config(start)
        if found is not None:
            return found
    return nearest_to_root(find_config())


def nearest_to_root(found: str | None) -> str | None:
    """For a run given no path: the config nearest the folder it checks (as ruff takes the
    one nearest each file), which is `found`'s `root` (`found`: the working directory's
    config; None: `org`, root's default, in the working directory). A config of that
    folder's own, or of a folder between it and `found`'s (the working directory when
    none), is nearer than `found`: `org/.orgspec.yaml` for `orgspec check` run beside
    `org/`. Else `found`; a `found` that cannot be read is kept (its error is said)."""
    if found is None:
        top, root = Path.cwd().resolve(), Path("org").resolve()
    else:
        try:
            config = load_config(found)
        except ConfigError:
            return found
        top, root = Path(found).resolve().parent, Path(config.root_path()).resolve()
    if not root.is_dir() or root == top or top not in root.parents:
        return found
    nearer = find_config(str(root))
    if nearer is None or Path(nearer).resolve().parent == top:
        return found
    return nearer


def _has_tool_table(path: Path) -> bool:
    if not path.is_file():
        return False
    import tomllib

    try:
        return "orgspec" in tomllib.loads(path.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_config(path: str | None) -> Config:
    """Read and check a config file; None gives the defaults. Raises ConfigError."""
    if path is None:
        return Config()
    _one_config(path)
    _a_file(path)
    if path.endswith(".toml"):
        data, where = _read_toml(path), _toml_where(path)
    else:
        parsed = _read_yaml(path)
        first = parsed.docs[0] if parsed.docs else None
        data, where = {} if first is None else first, _yaml_where(path, parsed)
    if not isinstance(data, dict):
        raise ConfigError(M("{where}: config must be a mapping", where=where(())))
    return _Reader(where, path).read(data)


def _one_config(path: str) -> None:
    """Raise ConfigError when `path` is `.orgspec.yaml` or `.orgspec.yml` and its folder
    holds the other name too: which of two configs a run obeys would be a guess (ruff
    takes the first silently; its users asked for a warning, astral-sh/ruff#18332), and
    a warning scrolls by in CI while the other file's settings are ignored."""
    folder, name = os.path.split(path)
    if name not in CONFIG_NAMES:
        return
    other = os.path.join(folder, next(n for n in CONFIG_NAMES if n != name))
    if os.path.lexists(other):
        first, second = sorted((path, other), key=lambda p: CONFIG_NAMES.index(
            os.path.basename(p)))
        raise ConfigError(M("{first} and {second} are both configs of one folder; orgspec "
                            "reads one: merge them into {first} and delete {second}",
                            first=first, second=second))


def _a_file(path: str) -> None:
    """Raise ConfigError unless `path` is a regular file that exists (a folder, a FIFO - which
    would block the read - or a link to nothing is said, never skipped)."""
    if os.path.isdir(path):
        raise ConfigError(M("{path} is a folder, not a config file: remove or rename it",
                            path=path))
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise ConfigError(M("cannot read {path!r}: {why}", path=path, why=reason(exc))) from None
    if not stat.S_ISREG(mode):
        raise ConfigError(M("{path} is not a regular file (a FIFO, device or socket): remove or "
                            "rename it", path=path))


def peek_lang(path: str | None) -> str | None:
    """The config's `lang` when it can be read, else None; never raises. For the language of
    an error met before (or while) the config is read in full."""
    try:
        if path is None:
            return None
        _a_file(path)
    except ConfigError:
        return None  # not a file: nothing to peek at (and a FIFO's read would block)
    try:
        if path.endswith(".toml"):
            data: Any = _read_toml(path)
        else:
            parsed = _read_yaml(path)
            data = parsed.docs[0] if parsed.docs else None
    except ConfigError:  # a YAML config that does not parse still names its language
        return _sniff_lang(path) if path is not None and not path.endswith(".toml") else None
    except (OSError, ValueError):
        return None
    lang = data.get("lang") if isinstance(data, dict) else None
    return guess_lang(lang) if isinstance(lang, str) else None  # a mistyped one: its error
    # is said in the language it most likely means


_LANG_LINE = lazy(r"^lang[ \t]*[:：][ \t\u3000]*['\"]?([\w-]+)", re.M | re.I)


def _sniff_lang(path: str) -> str | None:
    """`lang: zh` read off a config's lines when its YAML is broken (the error about it is
    then said in that language); None when absent or unreadable."""
    try:
        found = _LANG_LINE.search(decode(read_bytes(path)))
    except (SourceError, OSError, ValueError):
        return None
    return guess_lang(found.group(1)) if found else None


class Where(Protocol):
    """Where the setting at `keys` is written, as `file:line:col` (TOML: its dotted name):
    at its key, or with `value` at its value when that is a text or number (`fail-on:
    警告` at `警告`, the word that is wrong)."""

    def __call__(self, keys: tuple[Any, ...], value: bool = False) -> str: ...


def _toml_where(path: str) -> Where:
    def where(keys: tuple[Any, ...], value: bool = False) -> str:
        return f"{path}: [tool.orgspec]" + "".join(f".{k}" for k in keys)

    return where


def _yaml_where(path: str, parsed: Parsed) -> Where:
    def where(keys: tuple[Any, ...], value: bool = False) -> str:
        key, span, depth = parsed.locate((0, *keys))
        line, col = span[:2] if value and depth == len(keys) + 1 \
            and _scalar(parsed.docs[0], keys) else key or span[:2]
        return f"{path}:{line}:{col}"

    return where


def _scalar(doc: Any, keys: tuple[Any, ...]) -> bool:
    """Whether the value at `keys` (which exists) is neither a mapping nor a list."""
    for part in keys:
        doc = doc[part]
    return not isinstance(doc, dict | list)


def _read_toml(path: str) -> dict[str, Any]:
    import tomllib

    output.protect([path])  # an input: no output of this run may overwrite it
    try:
        doc = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(M("{where}: cannot read config: {why}", where=path, why=str(exc))) \
            from None
    table = doc.get("tool", {}).get("orgspec", {})
    if not isinstance(table, dict):
        raise ConfigError(M("{where}: [tool.orgspec] must be a table", where=path))
    return table


def _read_yaml(path: str) -> Parsed:
    output.protect([path])  # an input: no output of this run may overwrite it
    def at(line: int, col: int) -> str:
        return f"{path}:{line}:{col}"

    try:
        text = decode(read_bytes(path))
    except SourceError as err:
        raise ConfigError(M("{where}: {message}", where=at(err.line, err.col),
                            message=err.message)) from None
    bad = scan_forbidden(text, most=1)
    if bad:
        raise ConfigError(M("{where}: config contains {what}", where=at(bad[0].line, bad[0].col),
                            what=bad[0].describe()))
    from orgspec.load.yamlevents import parse

    parsed = parse(text)
    problem = parsed.fatal or (parsed.problems[0] if parsed.problems else None)
    if problem is not None:
        raise ConfigError(M("{where}: {message}", where=at(problem.line, problem.col),
                            message=problem.message))
    if len(parsed.docs) > 1:
        raise ConfigError(M("{where}: config must be a single document", where=at(1, 1)))
    return parsed


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> M:
    """` (did you mean 'x'?)` or ` (known: a, b)`."""
    from difflib import get_close_matches

    close = get_close_matches(word, options, n=1)
    return M(" (did you mean {name!r}?)", name=close[0]) if close else \
        M(" (known: {names})", names=list(options))


class _Reader:
    """Checks the shape of a config mapping and builds a Config."""

    def __init__(self, where: Where, path: str) -> None:
        self.where = where
        self.path = path

    def fail(self, keys: tuple[Any, ...], message: M, *, key: bool = False) -> ConfigError:
        """The error about the setting at `keys`, at its value (a wrong word), or with
        `key` at its key (an unknown key)."""
        return ConfigError(M("{where}: {message}", where=self.where(keys, value=not key),
                             message=message))

    def read(self, raw: dict[str, Any]) -> Config:
        data = {}
        for key, value in raw.items():
            norm = str(key).replace("_", "-")
            if norm not in KNOWN_KEYS:
                hint = did_you_mean(norm, KNOWN_KEYS)
                raise self.fail((key,), M("unknown config key {key!r}{hint}", key=key, hint=hint),
                                key=True)
            data[norm] = (key, value)
        cfg = Config(source=self.path, base=str(Path(self.path).resolve().parent))
        for name, (key, value) in data.items():
            getattr(self, "_" + name.replace("-", "_"))(cfg, key, value)
        return cfg

    def text(self, keys: tuple[Any, ...], value: Any) -> str:
        if not isinstance(value, str) or not value:
            raise self.fail(keys, M("{key!r} must be a non-empty string", key=keys[-1]))
        return value

    def a_path(self, keys: tuple[Any, ...], value: Any) -> str:
        """A non-empty path, which no file system allows a NUL in (TOML's `"\u0000"`)."""
        text = self.text(keys, value)
        if "\0" in text:
            raise self.fail(keys, M("{key!r} is a path, which cannot hold a NUL character "
                                    "(\\u0000)", key=keys[0]))
        return text

    def texts(self, keys: tuple[Any, ...], value: Any) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(keys, M("{key!r} must be a list of strings", key=keys[-1]))
        return list(value)

    def globs(self, key: str, value: Any) -> list[str]:
        items = self.texts((key,), value)
        for i, item in enumerate(items):
            self.glob((key, i) if isinstance(value, list) else (key,), item)
        return items

    def glob(self, keys: tuple[Any, ...], pattern: str) -> None:
        """Raise the config error of a glob that cannot be read, naming its key."""
        from orgspec.load.discovery import GlobError, glob_regex

        try:
            glob_regex(pattern.rstrip("/"))
        except GlobError as exc:
            raise self.fail(keys, M("{key!r}: {glob!r} is not a glob: {why}",
                                    key=keys[0], glob=pattern, why=exc.args[0])) from None

    def selectors(self, keys: tuple[Any, ...], value: Any) -> list[Selector]:
        items = self.texts(keys, value)
        many = isinstance(value, list)
        return [Selector(t, self.where((*keys, i) if many else keys)) for i, t in enumerate(items)]

    def _root(self, cfg: Config, key: str, value: Any) -> None:
        cfg.root = self.a_path((key,), value)
        cfg.root_at = self.where((key,))

    def _include(self, cfg: Config, key: str, value: Any) -> None:
        cfg.include = self.globs(key, value)

    def _exclude(self, cfg: Config, key: str, value: Any) -> None:
        cfg.exclude = self.globs(key, value)

    def _respect_gitignore(self, cfg: Config, key: str, value: Any) -> None:
        if not isinstance(value, bool) and value not in ("true", "false"):
            raise self.fail((key,), M("{key!r} must be true or false", key=key))
        cfg.respect_gitignore = value in (True, "true")

    def _site_findings(self, cfg: Config, key: str, value: Any) -> None:
        if not isinstance(value, bool) and value not in ("true", "false"):
            raise self.fail((key,), M("{key!r} must be true or false", key=key))
        cfg.site_findings = value in (True, "true")

    def _site_title(self, cfg: Config, key: str, value: Any) -> None:
        cfg.site_title = self.text((key,), value)

    def _max_files(self, cfg: Config, key: str, value: Any) -> None:
        text = str(value).replace("_", "")
        if not isinstance(value, int | str) or isinstance(value, bool) or \
                not text.isascii() or not text.isdigit() or int(text) < 1:
            raise self.fail((key,), M("{key!r} must be a whole number of at least 1, not "
                                      "{value!r}", key=key, value=value))
        cfg.max_files = int(text)

    def _cache_dir(self, cfg: Config, key: str, value: Any) -> None:
        cfg.cache_dir = self.a_path((key,), value)

    def _baseline(self, cfg: Config, key: str, value: Any) -> None:
        cfg.baseline = self.a_path((key,), value)

    def _lang(self, cfg: Config, key: str, value: Any) -> None:
        written = self.text((key,), value)
        lang = parse_lang(written)
        if lang is None:
            raise self.fail((key,), M("lang must be one of {langs}, not {lang!r}{hint}",
                                      langs=list(LANGS), lang=written, hint=lang_hint(written)))
        cfg.lang = lang

    def _name_order(self, cfg: Config, key: str, value: Any) -> None:
        from orgspec.text.collate import ORDERS, read_order

        written = self.text((key,), value)
        order = read_order(written)
        if order is None:
            raise self.fail((key,), M("name-order must be stroke or pinyin, not {value!r}{hint}",
                                      value=written, hint=did_you_mean(written, ORDERS)))
        cfg.name_order = order

    def _repo_url(self, cfg: Config, key: str, value: Any) -> None:
        url = self.text((key,), value)
        if not http_url(url):
            raise self.fail((key,), M("repo-url must be an http(s) URL, not {url!r}", url=url))
        cfg.repo_url = url

    def _repo_kind(self, cfg: Config, key: str, value: Any) -> None:
        kind = self.text((key,), value)
        if kind not in REPO_KINDS:
            raise self.fail((key,), M("repo-kind must be one of {kinds}, not {kind!r}",
                                      kinds=list(REPO_KINDS), kind=kind))
        cfg.repo_kind = kind

    def _repo_branch(self, cfg: Config, key: str, value: Any) -> None:
        branch = self.text((key,), value)
        if not branch_name(branch):
            raise self.fail((key,), M("repo-branch must be a git branch name, not {branch!r}",
                                      branch=branch))
        cfg.repo_branch = branch

    def _timezone(self, cfg: Config, key: str, value: Any) -> None:
        from orgspec.text.timezones import ambiguous, read_zone

        written = self.text((key,), value)
        zone = read_zone(written)
        if zone.startswith("?") and ambiguous(zone):
            raise self.fail((key,), M("timezone {zone!r} names more than one zone ({choices}); "
                                      "write its IANA name", zone=written,
                                      choices=list(ambiguous(zone))))
        if zone.startswith("?"):
            raise self.fail((key,), M("timezone must be an IANA time zone name such as "
                                      "Asia/Shanghai or America/Los_Angeles, or UTC+8, not "
                                      "{zone!r}", zone=written))
        cfg.timezone = zone

    def _fail_on(self, cfg: Config, key: str, value: Any) -> None:
        try:
            cfg.fail_on = Severity.parse(self.text((key,), value))
        except ValueError:
            raise self.fail((key,), M("unknown severity {value!r} (use error, warning or info)",
                                      value=value)) from None

    def _extends(self, cfg: Config, key: str, value: Any) -> None:
        text = self.text((key,), value).removeprefix("orgspec:")
        if text not in PRESETS:
            raise self.fail((key,), M("unknown preset {value!r}{hint}", value=value,
                                      hint=did_you_mean(text, PRESETS)))
        cfg.extends = text

    def _select(self, cfg: Config, key: str, value: Any) -> None:
        cfg.select = self.selectors((key,), value)

    def _extend_select(self, cfg: Config, key: str, value: Any) -> None:
        cfg.extend_select = self.selectors((key,), value)

    def _ignore(self, cfg: Config, key: str, value: Any) -> None:
        cfg.ignore = self.selectors((key,), value)

    def _rule_packs(self, cfg: Config, key: str, value: Any) -> None:
        base = Path(self.path).resolve().parent
        many = isinstance(value, list)
        for i, item in enumerate(self.texts((key,), value)):
            self.a_path((key, i) if many else (key,), item)
            pack = (base / item).resolve()
            if pack.is_dir():  # `rule-packs: [org]`: there, but no pack to read
                raise self.fail((key, i), M("rule pack {item!r} is a folder, not a file",
                                            item=item))
            if pack.exists() and not pack.is_file():  # /dev/null, a FIFO
                raise self.fail((key, i), M("rule pack {item!r} is not a regular file (a "
                                            "FIFO, device or socket)", item=item))
            if not pack.is_file():
                raise self.fail((key, i), M("rule pack {item!r} not found", item=item))
            cfg.rule_packs.append(str(pack))

    def _per_file_ignores(self, cfg: Config, key: str, value: Any) -> None:
        if not isinstance(value, dict):
            raise self.fail((key,), M("'per-file-ignores' maps globs to lists of rules"))
        for glob, rules in value.items():
            self.glob((key, glob), str(glob))
            cfg.per_file_ignores[str(glob)] = self.selectors((key, glob), rules)

    def _rules(self, cfg: Config, key: str, value: Any) -> None:
        if not isinstance(value, dict):
            raise self.fail((key,), M("'rules' maps rule codes or names to settings"))
        for name, setting in value.items():
            cfg.rules[str(name)] = self.rule_setting((key, name), setting)

    def rule_setting(self, keys: tuple[Any, ...], value: Any) -> RuleSetting:
        where = self.where(keys)
        if isinstance(value, str) or value is False:
            return RuleSetting(where, severity=self.severity(keys, value))
        if not isinstance(value, dict):
            raise self.fail(keys, M("a rule setting is a severity or {severity, options}"))
        unknown = [k for k in value if k not in ("severity", "options")]
        if unknown:
            raise self.fail((*keys, unknown[0]), M(
                "unknown rule setting {key!r}{hint}", key=unknown[0],
                hint=did_you_mean(str(unknown[0]), ("severity", "options"))), key=True)
        options = value.get("options") or {}
        if not isinstance(options, dict):
            raise self.fail((*keys, "options"), M("'options' must be a mapping"))
        severity = self.severity((*keys, "severity"), value["severity"]) \
            if "severity" in value else None
        return RuleSetting(where, severity, {str(k): v for k, v in options.items()})

    def severity(self, keys: tuple[Any, ...], value: Any) -> str:
        if value is False or value == "off":
            return "off"
        try:
            return Severity.parse(str(value)).label
        except ValueError:
            raise self.fail(keys, M("unknown severity {value!r} (use error, warning, info or "
                                    "off)", value=value)) from None
