"""The built-in link checker: every `href` and `src` in the site's HTML resolves to a file,
and every `#anchor` to an `id` on the target page.

    broken = check_links("public")   # ["teams/x.html: href ../duties/y.html#z", ...]

Links with a scheme (`https:`, `mailto:`) and the search page's `?q=` are not followed.
Linear in the size of the site; anchors of a page are read once, when first needed.
"""

from __future__ import annotations

import html
import os
import posixpath
import re

_ATTR = re.compile(r'\s(href|src)="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def site_files(root: str) -> set[str]:
    """Every file under `root`, as a POSIX path relative to it."""
    out = set()
    for folder, _, files in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        for name in files:
            out.add(name if rel == "." else f"{rel}/{name}")
    return out


def check_links(root: str) -> list[str]:
    """Broken links as `page: attribute target` lines, sorted; [] when all resolve."""
    files = site_files(root)
    ids: dict[str, set[str]] = {}
    broken = []

    def anchors(page: str) -> set[str]:
        if page not in ids:
            with open(os.path.join(root, page), encoding="utf-8") as handle:
                ids[page] = {html.unescape(i) for i in _ID.findall(handle.read())}
        return ids[page]

    resolved_in: dict[tuple[str, str], str] = {}  # (folder, path) -> page; links repeat a lot
    for page in sorted(f for f in files if f.endswith(".html")):
        with open(os.path.join(root, page), encoding="utf-8") as handle:
            text = handle.read()
        ids.setdefault(page, {html.unescape(i) for i in _ID.findall(text)})
        folder = posixpath.dirname(page)
        for attr, raw in _ATTR.findall(text):
            target = html.unescape(raw) if "&" in raw else raw
            if _SCHEME.match(target) or target.startswith("//"):
                continue
            path, _, fragment = target.partition("#")
            path = path.split("?", 1)[0]
            if not path:
                resolved = page
            elif (folder, path) in resolved_in:
                resolved = resolved_in[folder, path]
            else:
                resolved = resolved_in[folder, path] = posixpath.normpath(
                    posixpath.join(folder, path))
            if resolved not in files:
                broken.append(f"{page}: {attr} {target}")
            elif fragment and resolved.endswith(".html") and fragment not in anchors(resolved):
                broken.append(f"{page}: {attr} {target} (no id {fragment!r})")
    return broken
