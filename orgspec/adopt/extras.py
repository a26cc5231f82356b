"""The command that installs an optional extra, for the way this orgspec was installed.

orgspec is not on PyPI, so `pip install 'orgspec[xlsx]'` works only for a distribution a
package index serves. pip records where an install came from (PEP 610, `direct_url.json`):
a clone installed editable (`pip install -e .`) takes `pip install -e "CLONE[xlsx]"`, one
installed from git `pip install "orgspec[xlsx] @ git+URL"`; with no record at all (a
package index, or orgspec run from a source tree on `PYTHONPATH`) the extra's own
requirement is what surely works when orgspec is not an installed distribution.
"""

from __future__ import annotations

import json
import os
import shlex
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

# pyproject.toml's extras (tests/test_trial15a.py keeps them in step), and the module each brings
EXTRAS = {"xlsx": "openpyxl>=3.1"}
MODULES = {"xlsx": "openpyxl"}


def missing(extra: str) -> bool:
    """Whether the module `extra` brings cannot be imported (without importing it)."""
    from importlib.util import find_spec
    try:
        return find_spec(MODULES[extra]) is None
    except (ImportError, ValueError):
        return True


def install_command(extra: str) -> str:
    """`pip install ...` that adds `extra` (a key of EXTRAS) to this orgspec, one line."""
    where = _direct_url()
    if where is None:
        return f"pip install {_quote(f'orgspec[{extra}]')}"
    if where == {}:  # not an installed distribution: a source tree
        return f"pip install {_quote(EXTRAS[extra])}"
    url = str(where.get("url", ""))
    vcs = where.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs"):
        rev = vcs.get("requested_revision")
        ref = f"{vcs['vcs']}+{url}" + (f"@{rev}" if rev else "")
        return f"pip install {_quote(f'orgspec[{extra}] @ {ref}')}"
    folder = _local_dir(url)
    info = where.get("dir_info")
    if isinstance(info, dict) and folder is not None:
        editable = "-e " if info.get("editable") else ""
        return f"pip install {editable}{_quote(f'{_shown(folder)}[{extra}]')}"
    return f"pip install {_quote(EXTRAS[extra])}"  # a wheel or archive file: may be gone


def _direct_url() -> dict[str, object] | None:
    """This distribution's PEP 610 record; None without one (from a package index), {} when
    orgspec is not installed at all or the record is unreadable."""
    from importlib import metadata
    try:
        dist = metadata.distribution("orgspec")
    except metadata.PackageNotFoundError:
        return {}
    text = dist.read_text("direct_url.json")
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _local_dir(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    return url2pathname(unquote(parts.path))


def _shown(folder: str) -> str:
    """`.` in the folder itself (as the README writes it), else the folder's full path."""
    try:
        if os.path.samefile(folder, os.getcwd()):
            return "."
    except OSError:
        pass
    return folder


def _quote(arg: str) -> str:
    """Double quotes, which every shell (cmd and PowerShell too) reads, when nothing in the
    argument means more inside them; else POSIX quoting."""
    if not any(c in arg for c in '"$`!'):
        return f'"{arg}"'
    return shlex.quote(arg)
