"""SARIF 2.1.0 for code scanning: every enabled rule, results with stable fingerprints.

A result's message is what GitHub code scanning shows people: each id it (a related
location's message, the hint) quotes is said with its name (`客服部 (cs)`) as `check`'s text
says it. What tools key on does not move with a name: `ruleId`, the fingerprint (computed
from the rule and what the finding is about, never from a message), and the property bag's
`entity` and `hint`, which keep the ids as the rule said them (as `--format json` does).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from orgspec import jsontext
from orgspec._version import __version__
from orgspec.escape import tty_text
from orgspec.findings import Finding, LintResult, Location, Related
from orgspec.i18n import M, P, say
from orgspec.paths import repo_path
from orgspec.report.idnames import with_names

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# SARIF's run.language: an RFC 5646 tag
LANGUAGE = {"zh": "zh-CN", "zh-Hant": "zh-Hant", "en": "en-US"}
DOCS = "https://github.com/orgspec/orgspec/blob/main/docs/rules.md"
MAX_RESULTS = 5000  # what GitHub displays of a run


def render(result: LintResult, project_root: str | None = None) -> str:
    """A SARIF log with one run; URIs relative to `project_root` (%SRCROOT%). The rules'
    descriptions and the messages are in the run's language (`run.language`)."""
    lang = result.lang or "en"
    rules = list(result.rules.values())
    index = {meta.code: i for i, meta in enumerate(rules)}
    # the most severe first, so a cap never drops an error for a warning
    ranked = sorted(result.findings, key=lambda f: (-f.severity, f.sort_key()))
    kept, left = ranked[:MAX_RESULTS], ranked[MAX_RESULTS:]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if left:
        c = Counter(f.severity.label for f in left)
        invocation["toolExecutionNotifications"] = [{
            "level": "warning", "descriptor": {"id": "results-capped"},
            "message": {"text": say(M(
                "{left} of {total} results left out (at most {most} per run, the most severe "
                "kept): {errors} errors, {warnings} warnings, {info} info", left=len(left),
                total=len(ranked), most=MAX_RESULTS, errors=c["error"], warnings=c["warning"],
                info=c["info"]), lang)}}]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "orgspec", "version": __version__,
                                "semanticVersion": __version__,
                                "informationUri": "https://github.com/orgspec/orgspec",
                                "rules": [_rule(m, lang) for m in rules]}},
            "language": LANGUAGE.get(lang, lang),
            "automationDetails": {"id": "orgspec/"},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "results": [_result(f, index, project_root, lang, result.names) for f in kept],
        }],
    }
    return jsontext.dumps(log, indent=1) + "\n"


def _rule(meta: Any, lang: str) -> dict[str, Any]:
    url = f"{DOCS}#{meta.code.lower()}-{meta.name}"
    summary, rationale = say(meta.summary, lang), say(meta.rationale, lang)
    return {
        "id": meta.code, "name": meta.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rationale},
        "help": {"text": f"{summary} {rationale} {url}"},
        "helpUri": url,
        "defaultConfiguration": {"level": LEVEL[meta.severity.label]},
        "properties": {"tags": [meta.family]},
    }


def _location(loc: Location, root: str | None) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": loc.line, "startColumn": loc.col}
    if loc.end_line >= loc.line and loc.end_col:
        region.update(endLine=loc.end_line, endColumn=max(loc.end_col, 1))
    return {"physicalLocation": {
        "artifactLocation": {"uri": quote(repo_path(loc.file, root), safe="/"),
                             "uriBaseId": "%SRCROOT%"},
        "region": region}}


def related_more(listed: tuple[Related, ...], more: int, root: str | None, lang: str) -> str:
    """The places of the related locations `listed` (as `relatedLocations` has them:
    relative to `root`), then how many `more` are not listed: `a.yaml:3:5, b.yaml:7:9 …
    and 2 more`, never the count alone (a code-scanning view shows the message, in which
    "… and 2 more" with nothing before it said nothing)."""
    places = [tty_text(f"{repo_path(r.location.file, root)}:{r.location.line}:"
                       f"{r.location.col}") for r in listed]
    if not places:  # counted only, none kept: how many, with nothing to follow
        return say(P("{n} place", "{n} places", n=more), lang)
    return say(M("{places} … and {n} more", places=places, n=more), lang)


def _result(f: Finding, index: dict[str, int], root: str | None, lang: str = "en",
            names: Mapping[str, str] | None = None) -> dict[str, Any]:
    # the hint is in the message's text (what a code-scanning view shows) and, on its own
    # and with the ids as the rule said it, in the result's property bag for tools
    names = names or {}
    text = tty_text(with_names(f.message, names, lang))
    listed, more = f.listed_related()
    if more:  # the locations not listed, counted where a code-scanning view shows it
        text += f"\n{say(M('related'), lang)}: {related_more(listed, more, root, lang)}"
    if f.hint:
        text += f"\n{say(M('hint'), lang)}: {tty_text(with_names(f.hint, names, lang))}"
    out: dict[str, Any] = {
        "ruleId": f.code, "level": LEVEL[f.severity.label],
        "message": {"text": text},
        "locations": [_location(f.location, root)],
        "partialFingerprints": {"orgspecFindingHash/v1": f.fingerprint},
    }
    if f.code in index:
        out["ruleIndex"] = index[f.code]
    props: dict[str, Any] = {}
    if f.entity:  # what the finding is about, by id (`team:cs`), as JSON's `entity`
        props["entity"] = tty_text(f.entity)
    if f.hint:
        props["hint"] = tty_text(f.hint)
    if more:
        props["relatedMore"] = more
    if props:
        out["properties"] = props
    if listed:
        out["relatedLocations"] = [
            {"id": i + 1, "message": {"text": tty_text(with_names(r.message, names, lang))},
             **_location(r.location, root)}
            for i, r in enumerate(listed)]
    return out
