"""What a site or report build keeps in orgspec's cache for the next build (`kept`).

A small org's handbook took about a second where `check` takes a tenth: most of it was
compiling the ~22 jinja2 templates (0.3 s: every run, though they change only with orgspec)
and importing pypinyin to sort Chinese names (0.1-0.25 s: its dictionaries). Both are
pure functions of inputs that rarely change, so a build keeps their results in the cache
`check` uses (`load.cache.Cache`: entries signed with the cache's secret, under a folder
of this orgspec's code fingerprint, never trusted when in doubt):

- a template's compiled code (jinja2's own `BytecodeCache`), keyed by jinja2's version and
  installed files, the environment's syntax options, the template's name, path and source
  (jinja2 also checks the source's checksum itself), so an edited template or an upgraded
  jinja2 is compiled afresh, never served stale;
- the pinyin readings of the names sorted (`text.collate.keeping_readings`), one table
  keyed by pypinyin's installed files: a name read before is not read again, and a build
  whose names were all read before does not import pypinyin;
- the Traditional forms of every Simplified character (`text.script.keeping_forms`: the
  site's search index and the HTML report's filter carry a fold table made from them;
  0.1-0.16 s of OpenCC a build), keyed by OpenCC's installed files.

Neither changes a byte of the output: a hit gives what a miss computes. A cache that cannot
be read or written is a miss, never an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from orgspec.load.cache import Cache

READINGS_KEPT = 20_000  # names' readings kept at most; past that the table starts afresh
_CACHES: list[Cache | None] = []  # the cache of the build under way (`kept`), innermost last


@contextmanager
def kept(cache: Cache | None) -> Iterator[None]:
    """Inside, template environments compile through `cache` (`template_cache`), names
    are sorted with the readings kept there and the Traditional forms come from there; on
    leaving, what was new is stored. None: nothing is kept ($ORGSPEC_NO_CACHE, or no
    usable cache folder)."""
    if cache is None:
        _CACHES.append(None)
        try:
            yield
        finally:
            _CACHES.pop()
        return
    from orgspec.load.cache import library_stamp, make_key
    from orgspec.text.collate import keeping_readings
    from orgspec.text.script import keeping_forms

    key = make_key("readings", library_stamp("pypinyin"))
    stored = cache.get("readings", key, dict)
    table: dict[str, tuple[str, ...]] = \
        dict(stored) if stored is not None and len(stored) <= READINGS_KEPT else {}
    known = len(table)
    forms_key = make_key("forms", library_stamp("opencc"))
    forms: dict[str, tuple[str, ...]] = dict(cache.get("forms", forms_key, dict) or {})
    had_forms = bool(forms)
    _CACHES.append(cache)
    try:
        with keeping_readings(table), keeping_forms(forms):
            yield
    finally:
        _CACHES.pop()
    if len(table) != known:
        cache.put("readings", key, table)
    if forms and not had_forms:
        cache.put("forms", forms_key, forms)


def template_cache() -> Any:
    """The jinja2 `BytecodeCache` of the build under way (`kept`), or None."""
    cache = _CACHES[-1] if _CACHES else None
    return None if cache is None else _bytecode_cache(cache)


def _bytecode_cache(cache: Cache) -> Any:
    import jinja2

    from orgspec.load.cache import library_stamp, make_key

    stamp = f"{jinja2.__version__}\n{library_stamp('jinja2')}"

    class Signed(jinja2.BytecodeCache):
        """jinja2's bytecode of a template, kept as a signed entry of `cache`."""

        def _key(self, bucket: Any) -> bytes:
            env = bucket.environment
            options = repr((env.block_start_string, env.block_end_string,
                            env.variable_start_string, env.variable_end_string,
                            env.comment_start_string, env.comment_end_string,
                            env.line_statement_prefix, env.line_comment_prefix,
                            env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                            env.keep_trailing_newline, env.optimized, env.is_async,
                            sorted(env.extensions), type(env).__qualname__,
                            getattr(env.finalize, "jinja_pass_arg", None),
                            env.finalize is None, callable(env.autoescape)))
            return make_key("jinja2", stamp, options, bucket.key, bucket.checksum)

        def load_bytecode(self, bucket: Any) -> None:
            data = cache.get("template", self._key(bucket), bytes)
            if data is not None:
                bucket.bytecode_from_string(data)  # checks jinja2's magic and the checksum

        def dump_bytecode(self, bucket: Any) -> None:
            cache.put("template", self._key(bucket), bucket.bytecode_to_string())

    return Signed()
