"""Where a YAML text's comments are: what the loader skips, found for the importer, which
carries a user's comments into a re-imported file."""

from __future__ import annotations


def comment_starts(text: str) -> dict[int, int] | None:
    """0-based line -> 0-based column of the `#` that opens a comment on that line (at most
    one a line), or None when `text` does not scan as YAML. A `#` inside a quoted or block
    scalar is text, not a comment. O(len(text)). Scanned by the loader's parser (libyaml's
    when PyYAML has it): PyYAML's pure scanner refuses a tab before a comment that libyaml
    reads, so a file that loads was said to hold no comment, and a re-import dropped them."""
    import yaml

    from orgspec.load.yamlevents import loader_class

    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=loader_class()):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        return None
    found: dict[int, int] = {}
    # each search starts where the last one stopped: a `#` inside a scalar skips the rest of
    # it, and lines are counted from the last `#`, not from its line's start (a 200 KB line
    # of `#` in a description was 7.7 s)
    at, span, line, line_start, counted = 0, 0, 0, 0, 0
    while True:
        at = text.find("#", at)
        if at < 0:
            return found
        while span < len(spans) and spans[span][1] <= at:
            span += 1
        breaks = text.count("\n", counted, at)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", counted, at) + 1
        counted = at
        if span < len(spans) and spans[span][0] <= at:  # inside a scalar: text
            at = spans[span][1]
        elif at == 0 or text[at - 1] in " \t\n":
            found[line] = at - line_start
            stop = text.find("\n", at)
            if stop < 0:
                return found
            at = stop
        else:
            at += 1
