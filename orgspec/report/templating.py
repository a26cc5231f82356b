"""The one jinja2 environment of the reports; templates come from `templates/` or a user folder.

Escaping follows the template's medium: `*.html.j2` templates autoescape for HTML; every
other template escapes each `{{ value }}` for Markdown in `finalize`. Either way a template
author has to opt out (`Markup`, or the `safe_md` filter) to print text unescaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from orgspec.escape import html_with_code, md_inline, md_with_code, visible_text
from orgspec.i18n import M, P, plural_template
from orgspec.resources import data_dir


class MdSafe(str):
    """Markdown that orgspec produced itself and that must not be escaped again."""


def _finalize(eval_ctx: Any, value: Any) -> Any:
    if eval_ctx.autoescape:  # an HTML template: autoescaping escapes markup, not these
        return visible_text(value) if type(value) is str else value
    if isinstance(value, MdSafe | int | float):
        return value
    return md_inline("" if value is None else value)


def _code_spans(eval_ctx: Any, value: Any, cell: bool = True) -> Any:
    """The `code_spans` filter: a message whose `code` spans show as code, escaped for the
    template's medium (HTML: <code>; Markdown: a code span, for a table cell unless
    `code_spans(cell=false)`: a line of its own)."""
    import markupsafe

    text = "" if value is None else value  # not `str(value)`: it may know its code spans
    if eval_ctx.autoescape:
        return markupsafe.Markup(html_with_code(text))  # noqa: S704 - escaped there
    return MdSafe(md_with_code(text, cell))


def counter(words: Mapping[str, P]) -> Callable[..., Any]:
    """The `counted` filter over `words` (a key -> its `P`): `{{ 3|counted("teams", lang,
    "strong") }}` is `<strong>3</strong> teams` (`3 个团队` in Chinese), the form the
    language's plural rule picks for the count; Markdown templates get `**3** teams`.
    The count is wrapped in `tag` (with class `cls`; "": not wrapped), the words escaped
    for the medium."""
    import jinja2
    import markupsafe

    def counted(eval_ctx: Any, n: int, key: str, lang: str, tag: str = "b",
                cls: str = "") -> Any:
        said = plural_template(P(words[key].singular, words[key].plural, n=n), lang)
        before, _, after = said.partition("{n}")
        if eval_ctx.autoescape:
            attr = markupsafe.Markup(' class="%s"') % cls if cls else ""
            number = markupsafe.Markup("<%s%s>%d</%s>") % (tag, attr, n, tag) if tag else n
            return markupsafe.Markup("%s%s%s") % (visible_text(before), number,
                                                  visible_text(after))
        return MdSafe(f"{md_inline(before)}{f'**{n}**' if tag else n}{md_inline(after)}")

    return jinja2.pass_eval_context(counted)


def environment(user_dir: str | None = None) -> Any:
    """The environment: the user's folder first, then the built-in `templates/`; undefined
    names are errors, so a typo in a template fails instead of printing nothing. Inside a
    build that keeps its work (`buildcache.kept`), templates compile through the cache."""
    import jinja2

    from orgspec.report.buildcache import template_cache
    from orgspec.report.labels import COUNTS

    class Loader(jinja2.FileSystemLoader):
        """A template that is not UTF-8 text (a user's, saved as GBK) is a TemplateError
        that names the file, not a UnicodeDecodeError."""

        def get_source(self, environment: Any, template: str) -> Any:
            try:
                return super().get_source(environment, template)
            except UnicodeDecodeError as exc:
                import os

                path = next((p for d in self.searchpath
                             if os.path.isfile(p := os.path.join(d, template))), template)
                byte = format(exc.object[exc.start], "#04x")
                raise jinja2.TemplateError(M(
                    "template {file}: not UTF-8 text (byte {byte} at offset {at})", file=path,
                    byte=byte, at=exc.start)) from None

    dirs = [user_dir] if user_dir else []
    loader = Loader([*dirs, str(data_dir("templates"))])
    env = jinja2.Environment(
        loader=loader, autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",),
                                                          default_for_string=False),
        finalize=jinja2.pass_eval_context(_finalize), undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        bytecode_cache=template_cache())
    env.filters["safe_md"] = MdSafe
    env.filters["code_spans"] = jinja2.pass_eval_context(_code_spans)
    env.filters["counted"] = counter(COUNTS)
    return env
