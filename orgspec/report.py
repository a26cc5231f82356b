"""`orgspec report`: the Markdown report, rendered from the view model by one template."""

from __future__ import annotations

from urllib.parse import quote

from orgspec.findings import LintResult
from orgspec.org import Org
from orgspec.reporters.escape import md_inline
from orgspec.templating import MdSafe, markdown_env
from orgspec.views import build_view, flatten

COMMENT_LIMIT = 60_000  # a pull-request comment holds 65,536 characters
SUMMARY_LIMIT = 1_000_000  # a job summary holds 1 MiB
ICONS = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def _link(text: str, url: str) -> MdSafe:
    """A link orgspec builds: escaped text, a percent-encoded destination in <...>."""
    target = quote(url, safe=":/#?=&.-_~%")
    return MdSafe(f"[{md_inline(text, 200)}](<{target}>)")


def render_markdown(result: LintResult, org: Org, lang: str | None = None,
                    limit: int = COMMENT_LIMIT, templates: str | None = None) -> str:
    """The Markdown report, cut to `limit` characters with a visible note."""
    view = build_view(result, org, lang)
    env = markdown_env(templates)
    env.globals.update(icon=lambda s: MdSafe(ICONS[s]), link=_link)
    text = env.get_template("report.md.j2").render(v=view, tree=flatten(view.tree))
    return truncate_markdown(text, limit)


def truncate_markdown(text: str, limit: int) -> str:
    """Whole lines up to `limit`, closing any open code fence or <details>, then a note."""
    if len(text) <= limit:
        return text
    note = f"\n_… report truncated at {limit:,} characters; see the full report._\n"
    out: list[str] = []
    size, fenced, details = 0, False, 0
    for line in text.splitlines(keepends=True):
        closing = ("```\n" if fenced else "") + "</details>\n" * details
        if size + len(line) + len(closing) + len(note) > limit:
            return "".join(out) + closing + note
        out.append(line)
        size += len(line)
        if line.startswith("```"):
            fenced = not fenced
        elif line.startswith("<details"):
            details += 1
        elif line.startswith("</details>"):
            details -= 1
    return "".join(out)
