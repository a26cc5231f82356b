"""What PyYAML's parser says when it stops, in plain words (its English never reaches a
message).

`words(detail)` takes the parser's `context: problem` text (`while parsing a block mapping:
did not find expected key`) and says both halves in plain words, in the run's language. The
tables cover every problem and context text of PyYAML's reader, scanner, parser, composer
and constructor (PyYAML 6) and of libyaml, which says most of them otherwise (`did not find
expected ',' or ']'` beside `expected ',' or ']', but got ...`); the texts name what was
found (`'\\t'`, `<scalar>`), so they are matched by pattern. One not listed is said as
`YAML cannot read the text here`.
"""

from __future__ import annotations

import re

from orgspec.i18n import M

_CONTEXTS: tuple[tuple[str, str], ...] = (
    ("while scanning for the next token", M("reading the text")),
    ("while scanning a simple key", M("reading a key")),
    ("while scanning a plain scalar", M("reading a value")),
    ("while scanning a double-quoted scalar", M("reading a quoted value")),
    ("while scanning a single-quoted scalar", M("reading a quoted value")),
    ("while scanning a quoted scalar", M("reading a quoted value")),
    ("while parsing a quoted scalar", M("reading a quoted value")),
    ("while scanning a block scalar", M("reading a `|` or `>` block of text")),
    ("while scanning an anchor", M("reading an anchor (`&`)")),
    ("while scanning an alias", M("reading an alias (`*`)")),
    ("while scanning a tag", M("reading a tag (`!`)")),
    ("while parsing a tag", M("reading a tag (`!`)")),
    ("while scanning a directive", M("reading a `%` directive")),
    ("while scanning a %YAML directive", M("reading a `%` directive")),
    ("while scanning a %TAG directive", M("reading a `%` directive")),
    ("while scanning a tag directive", M("reading a `%` directive")),
    ("while parsing a %TAG directive", M("reading a `%` directive")),
    ("while parsing a tag directive", M("reading a `%` directive")),
    ("while parsing a block mapping", M("reading the `key: value` lines of an item")),
    ("while parsing a block collection", M("reading a list of `- ` items")),
    ("while parsing a flow mapping", M("reading a `{...}` mapping")),
    ("while parsing a flow sequence", M("reading a `[...]` list")),
    ("while parsing a block node", M("reading a value")),
    ("while parsing a flow node", M("reading a value")),
    ("while parsing a node", M("reading a value")),
    ("while composing a mapping", M("reading a mapping")),
    ("while constructing a mapping", M("reading a mapping")),
    ("while constructing an ordered map", M("reading a mapping")),
    ("while constructing pairs", M("reading a mapping")),
    ("while constructing a Python instance", M("reading a tag (`!`)")),
    ("while constructing a Python module", M("reading a tag (`!`)")),
    ("while constructing a Python name", M("reading a tag (`!`)")),
    ("while constructing a Python object", M("reading a tag (`!`)")),
    ("while increasing block level", M("reading nested values")),
    ("while increasing flow level", M("reading nested values")),
)

# (pattern searched in the problem text, plain words); the first that matches wins.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"tab character", M("a tab character where only spaces may indent")),
    (r"cannot start any token", M("a character that cannot start a value")),
    (r"did not find expected key",
     M("a line that is not a field of the item above (its indentation does not match)")),
    (r"expected <block end>", M("a line whose indentation does not match the lines above")),
    (r"mapping values are not allowed", M("a `: ` where no field can start")),
    (r"could not find expected ':'", M("a line without `:` after its key")),
    (r"expected '-' indicator", M("a line that is not a `- ` item of the list above")),
    (r"sequence entries are not allowed",
     M("a `- ` item where a value was expected on the same line")),
    (r"mapping keys are not allowed", M("a `?` key where no key can start")),
    (r"unexpected end of stream", M("the file ends before a quote or bracket is closed")),
    (r"expected ',' or '\]'", M("a `[` list not closed by `]`, or a missing comma")),
    (r"expected ',' or '\}'", M("a `{` mapping not closed by `}`, or a missing comma")),
    (r"unclosed '\[' or '\{'", M("an unclosed `[` or `{`, or a wrong indentation")),
    (r"node content", M("a value is missing here")),
    (r"unexpected document (indicator|separator)", M("a `---` or `...` inside a value")),
    (r"document start|DOCUMENT-START|DOCUMENT-END|STREAM-END|STREAM-START|"
     r"single document|another document|expected SCALAR",
     M("text after the end of a document (a new document starts with `---`)")),
    (r"unexpected ':'", M("a `:` where none can stand")),
    (r"escape character|hexadecimal|hexdecimal|Unicode character escape",
     M("a broken `\\` escape in a double-quoted value")),
    (r"comment or (a )?line break",
     M("text after the end of a value (a comment starts with ` #`)")),
    (r"whitespace|expected ' ', but found", M("a space is missing")),
    (r"chomping|indentation indicator", M("a wrong indicator after `|` or `>`")),
    (r"alphabetic or numeric|undefined alias|duplicate anchor|occurrence|recursive node",
     M("an anchor (`&`) or alias (`*`) orgspec does not read")),
    # the constructor's texts (base64, modules, Python objects) follow a tag only
    (r"tag|URI|'!'|'>'|constructor|base64|module|blacklisted",
     M("a tag (`!`) orgspec does not read")),
    (r"directive|version number|incompatible YAML document",
     M("a `%` directive orgspec does not read")),
    (r"UTF-8|UTF-16|surrogate|octet", M("bytes that are not UTF-8 text")),
    (r"control characters|special characters|unacceptable character|invalid Unicode",
     M("a control character")),
    (r"duplicate key|unhashable key", M("a key written twice, or a key that is not text")),
    (r"too long", M("a file too long to read")),
    (r"expected a|expected the empty value", M("a value of another shape than expected")),
)
_COMPILED = tuple((re.compile(p), w) for p, w in _PROBLEMS)
_CONTEXT_WORDS = dict(_CONTEXTS)


def words(detail: str, at: str = "") -> str:
    """The parser's `context: problem` (or `problem`) in plain words; `at` is the character
    it stopped at (libyaml does not name a tab that cannot start a token)."""
    context, sep, problem = detail.partition(": ")
    if not sep or not context.startswith("while "):
        context, problem = "", detail
    what = _COMPILED[0][1] if at == "\t" else \
        next((w for rx, w in _COMPILED if rx.search(problem)),
             M("YAML cannot read the text here"))
    where = _CONTEXT_WORDS.get(context.strip())
    return M("while {context}: {problem}", context=where, problem=what) if where else what
