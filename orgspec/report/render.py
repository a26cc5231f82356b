"""Reports people read, Markdown and HTML, rendered from one view model by templates."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, unquote

from orgspec._version import __version__
from orgspec.escape import md_inline
from orgspec.gcpause import gc_paused
from orgspec.i18n import M, say
from orgspec.paths import relative_link
from orgspec.report.errors import ReportError
from orgspec.report.templating import MdSafe, environment
from orgspec.report.view import HEALTH_FAIR, HEALTH_GOOD, ReportView

COMMENT_LIMIT = 60_000  # a pull-request comment holds 65,536 characters
SUMMARY_LIMIT = 1_000_000  # a job summary holds 1 MiB
ICONS = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}
MATRIX_COLUMNS = 30  # more holders than this: the RACI table lists holders per role instead
_RANK = {"error": "0", "warning": "1", "info": "2"}
_ROLES = {"A": "accountable", "R": "responsible", "C": "consulted", "I": "informed"}


def safe_href(url: str) -> str:
    """`url` if it is an http(s) URL or a relative path, else a harmless `#`.

    Views build links already percent-encoded; this is the last guard before output, so no
    template can emit `javascript:`, `data:` or a protocol-relative link.
    """
    head = url.split("/", 1)[0]
    if url.startswith(("https://", "http://")) or (":" not in head and not url.startswith("//")):
        return url
    return "#"


def _md_link(text: str, url: str) -> MdSafe:
    """A link orgspec builds: escaped text, a percent-encoded destination in <...>."""
    target = quote(safe_href(url), safe=":/#?=&.-_~%")
    return MdSafe(f"[{md_inline(text, 200)}](<{target}>)")


def _render(template: Callable[[], Any], stop_after: int | None = None, **context: Any) -> str:
    """The template's output; with `stop_after`, rendering stops once that much is out
    (a report cut to a comment's size need not render 30 MB first)."""
    import jinja2

    chunks: list[str] = []
    size = 0
    try:
        with gc_paused():
            for chunk in template().generate(**context):
                chunks.append(chunk)
                size += len(chunk)
                if stop_after is not None and size > stop_after:
                    break
    except jinja2.TemplateSyntaxError as exc:
        raise ReportError(f"template {exc.filename or exc.name}:{exc.lineno}: "
                          f"{exc.message}") from None
    except jinja2.TemplateError as exc:
        raise ReportError(_said(exc)) from None
    return "".join(chunks)


def _said(exc: Any) -> str:
    """A TemplateError's message: the loader's own (an `M` naming the file) as it is, any
    other after `template: `."""
    return exc.message if isinstance(exc.message, M) else f"template: {exc.message or exc}"


def rebase_link(url: str, folder: str | None) -> str:
    """A relative file link of the view (relative to the working directory) made relative
    to `folder`, where the report is written; URLs and fragments stay as they are."""
    if folder is None or not url or url.startswith(("#", "https://", "http://")):
        return url
    path, sep, fragment = url.partition("#")
    moved = quote(relative_link(unquote(path), folder), safe="/")
    return moved + sep + fragment


def _folder(output: str | None) -> str | None:
    return os.path.dirname(os.path.abspath(output)) if output else None


def render_markdown(view: ReportView, limit: int = COMMENT_LIMIT,
                    templates: str | None = None, output: str | None = None) -> str:
    """The Markdown report, cut to `limit` characters with a visible note; file links are
    relative to `output`'s folder when it is written to a file."""
    env = environment(templates)
    folder = _folder(output)
    env.globals.update(icon=lambda s: MdSafe(ICONS[s]),
                       link=lambda text, url: _md_link(text, rebase_link(url, folder)),
                       roles=_ROLES,
                       matrix_columns=MATRIX_COLUMNS)
    text = _render(lambda: env.get_template("report.md.j2"), stop_after=limit, v=view,
                   tree=view.tree_rows)
    return truncate_markdown(text, limit, lang=view.lang)


def render_html(view: ReportView, templates: str | None = None,
                output: str | None = None) -> str:
    """The single-file HTML report: inline CSS and JS allowed by hash, nothing else loads;
    file links are relative to `output`'s folder when it is written to a file."""
    import jinja2
    from markupsafe import Markup

    env = environment(templates)
    try:
        css = env.loader.get_source(env, "report.css")[0]
        js = env.loader.get_source(env, "report.js")[0]
    except jinja2.TemplateNotFound as exc:
        raise ReportError(f"template {exc.name} not found") from None
    except jinja2.TemplateError as exc:
        raise ReportError(_said(exc)) from None
    for text, tag in ((css, "</style"), (js, "</script"), (js, "<!--")):
        if tag in text.lower():
            raise ReportError(f"cannot inline a {tag.strip('</!-')} that contains {tag!r}")
    csp = (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    folder = _folder(output)
    env.globals.update(href=lambda url: safe_href(rebase_link(url, folder)), rank=_RANK,
                       roles=_ROLES, matrix_columns=MATRIX_COLUMNS,
                       health_good=HEALTH_GOOD, health_fair=HEALTH_FAIR)
    return _render(lambda: env.get_template("report.html.j2"), v=view, tree=view.tree_rows,
                   # Checked above: neither can close its element or open a comment.
                   css=Markup(css), js=Markup(js),  # noqa: S704
                   csp=csp, version=__version__, generated=_today().isoformat())


def _sha256(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def _today() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except (OverflowError, OSError, ValueError):  # past year 9999: as malformed, ignored
            pass
    return dt.date.today()


def truncate_markdown(text: str, limit: int, note: str | None = None,
                      lang: str = "en") -> str:
    """`text` (Markdown) if it has at most `limit` characters; else its first whole lines
    cut where no construct is left open inside a line (a code span `` `x` `` over two lines
    of a paragraph), the open fenced code block and `<details>` closed, then a blank line
    and `note` (default: `report truncated at N characters; see the full report`, in
    `lang`); at most `limit` characters in all. A table is cut between rows and ended by
    the blank line. Raises nothing; a note longer than `limit` is cut too."""
    if len(text) <= limit:
        return text
    if note is None:
        shown = f"{limit:,}"
        note = say(M("_… report truncated at {n} characters; see the full report._", n=shown),
                   lang)
    note = f"\n{note}\n"
    kept, closing = _cut_point(text.splitlines(keepends=True), limit - len(note))
    return (kept + closing + note)[:limit]


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_TICKS = re.compile(r"\\`|`+")


def _cut_point(lines: list[str], room: int) -> tuple[str, str]:
    """The longest run of whole `lines` that, with what closes it, fits in `room`
    characters, ending where a cut leaves no code span open: (the lines, the closing
    lines: the open fence's closing fence, then `</details>` for each one open)."""
    best = ("", "")
    size = 0
    fence = ""  # the open fence's marker (```` ``` ````, `~~~~`), "" outside one
    details = 0
    span = 0  # the length of the backtick run of a code span open in this paragraph
    out: list[str] = []
    for line in lines:
        size += len(line)
        if size > room:
            break
        out.append(line)
        body = line.rstrip("\r\n")
        opened = _FENCE.match(body)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and \
                    len(opened.group(1)) >= len(fence) and not body[opened.end():].strip():
                fence = ""
        elif opened and span == 0:
            fence = opened.group(1)
        elif not body.strip():
            span = 0  # a blank line ends the paragraph: a code span cannot cross it
        else:
            lowered = body.lstrip().lower()
            if span == 0 and lowered.startswith("<details"):
                details += 1
            elif span == 0 and lowered.startswith("</details>"):
                details = max(0, details - 1)
            for m in _TICKS.finditer(body):
                run = m.group(0)
                if run == "\\`":  # escaped outside a code span; inside one, a backtick
                    if span == 1:
                        span = 0
                    continue
                if span == 0:
                    span = len(run)
                elif len(run) == span:
                    span = 0
        if span:
            continue  # a code span runs on into the next line: no cut here
        closing = (f"{fence}\n" if fence else "") + "</details>\n" * details
        if closing and not line.endswith("\n"):
            closing = "\n" + closing
        if size + len(closing) <= room:
            best = ("".join(out), closing)
    return best
