"""The error of a configured `root` that names no folder. Paths in a config are relative to
the config file's folder, as in ruff and mypy, wherever the command runs; the commonest slip
is a config put inside the org folder with the README's `root: org`, which then names
`org/org`. The error says where the config is, what `root` names, and what to write: `root: .`
when YAML files of entities sit beside the config (the org folder itself is meant)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from orgspec.i18n import M, content_lang
from orgspec.load.config import CONFIG_NAMES, Config
from orgspec.load.source import SourceError, decode, read_bytes
from orgspec.load.yamlevents import parse

SAMPLE_FILES = 20  # the config's folder is read only on this error: a few files tell
SAMPLE_BYTES = 256 * 1024
_PROSE = ("name", "title", "mission", "description", "purpose")  # as `lint.org_texts`


def missing_root(config: Config) -> tuple[M, str | None]:
    """The error line of `config`'s root that is no folder, and the language of the org
    files beside the config (None when none is there), unless the config or the command line
    (`config.lang`) names one: the run could read no org to say it in, and a Chinese org's
    author should not get it in the locale's English."""
    root = config.root_path()
    if config.source is None:
        beside = list(_entities_beside("."))
        if beside:  # the org's own folder, named otherwise, with no config: say its path
            # the files' language only when none was asked for (`--lang`, $ORGSPEC_LANG)
            return M("no org found at {root!r}; this folder holds the org's YAML files: run "
                     "`orgspec check .`", root=root), \
                config.lang or content_lang(t for e in beside for t in _prose(e))
        return M("no org found at {root!r}: pass a path, or set `root` in .orgspec.yaml",
                 root=root), None
    where = config.root_at or config.source
    default = M(" (the default)") if config.root_at is None else ""
    entities = list(_entities_beside(config.base))
    lang = config.lang or content_lang(t for e in entities for t in _prose(e)) \
        if entities else None
    if os.path.lexists(root) or os.path.isabs(config.root or ""):
        # a file, a FIFO or a device that exists, or an absolute path: neither is missing
        # or relative to the config's folder, as the messages below say
        why = M("which is not a folder") if os.path.lexists(root) else \
            M("which does not exist")
        if entities:
            return M("{where}: `root: {root}`{default} names {path!r}, {why}; this config "
                     "sits in the org folder itself: write `root: .`", where=where,
                     root=config.root, default=default, path=root, why=why), lang
        return M("{where}: `root: {root}`{default} names {path!r}, {why}: write the org "
                 "folder's path relative to {base!r}", where=where, root=config.root,
                 default=default, path=root, why=why, base=config.base), None
    if entities:
        return M("{where}: `root: {root}`{default} is relative to the config's folder, so it "
                 "names {path!r}, which does not exist; this config sits in the org folder "
                 "itself: write `root: .`", where=where, root=config.root, default=default,
                 path=root), lang
    return M("{where}: `root: {root}`{default} is relative to the config's folder, so it "
             "names {path!r}, which does not exist: write the org folder's path relative "
             "to {base!r}", where=where, root=config.root, default=default, path=root,
             base=config.base), None


def _entities_beside(folder: str) -> Iterator[dict[str, Any]]:
    """The entities (mappings with a `kind`) of the first YAML files in `folder`."""
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith((".yaml", ".yml"))
                       and n not in CONFIG_NAMES)
    except OSError:
        return
    for name in names[:SAMPLE_FILES]:
        try:
            text = decode(read_bytes(os.path.join(folder, name), SAMPLE_BYTES))
        except (OSError, SourceError):
            continue
        for doc in parse(text).docs:
            for item in doc if isinstance(doc, list) else [doc]:
                if isinstance(item, dict) and "kind" in item:
                    yield item


def _prose(entity: dict[str, Any]) -> Iterator[str]:
    for key in _PROSE:
        value = entity.get(key)
        if isinstance(value, str):
            yield value
