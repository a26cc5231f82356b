"""Rule docs from the metadata and examples: `orgspec rules`, `explain`, docs/rules.md."""

from __future__ import annotations

import json
import unicodedata

from orgspec.engine.registry import RuleMeta, registry
from orgspec.i18n import MC, M, rule_title, say
from orgspec.i18n.comments import CONTEXT, prose_comments, translate, without_markers
from orgspec.report.ruleswords import KINDS as WORD_KINDS
from orgspec.report.ruleswords import words_listed, words_said
from orgspec.resources import data_dir

FAMILY_ORDER = ("input", "schema", "references", "hierarchy", "ownership", "okrs", "processes",
                "suppressions")


def example(meta: RuleMeta, which: str) -> str | None:
    """The text of a rule's `bad` or `good` example, if it has one, without the test suite's
    `# expect: CODE` markers (they say which lines the tests expect findings on)."""
    path = data_dir("rules") / "examples" / meta.name / f"{which}.yaml"
    if not path.is_file():
        return None
    return without_markers(path.read_text("utf-8"))


def shown_example(meta: RuleMeta, which: str, lang: str) -> str | None:
    """`example`, its prose comments in `lang` (the catalog, context "example"), and for
    zh-Hant its YAML in Traditional script (`i18n.hant.script`: the same YAML, as a
    Taiwanese author writes it)."""
    text = example(meta, which)
    if not text or lang == "en":
        return text
    from orgspec.i18n.hant import script

    if lang == "zh-Hant":
        text = script(text)  # the comments are looked up (and said) in the catalog's words
        original = example(meta, which) or ""
        said = {script(c.text): say(MC(CONTEXT, c.text), lang)
                for c in prose_comments(original)}
        return translate(text, lambda c: said.get(c, c))
    return translate(text, lambda c: say(MC(CONTEXT, c), lang))


def _families(rules: dict[str, RuleMeta]) -> list[str]:
    found = {m.family for m in rules.values()}
    return [f for f in FAMILY_ORDER if f in found] + sorted(found - set(FAMILY_ORDER))


def ordered(rules: dict[str, RuleMeta] | None = None) -> dict[str, RuleMeta]:
    """Rules grouped by family (input first, as a reader meets them), then by code."""
    rules = rules or registry()
    rank = {family: i for i, family in enumerate(_families(rules))}
    return dict(sorted(rules.items(), key=lambda item: (rank[item[1].family], item[0])))


SEVERITY_WORDS = {"error": M("error"), "warning": M("warning"), "info": M("info")}


def _cols(text: str) -> int:
    """Terminal columns of `text` (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _cols(text), 0)


def rules_table(rules: dict[str, RuleMeta] | None = None, lang: str = "en") -> str:
    """A plain-text table of every rule; headers and summaries in `lang` ("en", "zh" or
    "zh-Hant"); in Chinese a title column (`i18n.rule_title`, as reports say it) before the
    kebab-case name a config is written with."""
    rules = ordered(rules)
    titled = lang != "en"  # English: the name is the title
    words = (M("code"), *([MC("rules table", "title")] if titled else []), M("name"),
             M("severity"), M("on"))
    head = [say(w, lang) for w in words]
    widths = [6, *([max(_cols(rule_title(m.name, lang)) for m in rules.values())]
                   if titled else []), max(len(m.name) for m in rules.values()), 8, 3]
    widths = [max(w, _cols(h)) for w, h in zip(widths, head, strict=True)]
    lines = [" ".join(_pad(h, w) for h, w in zip(head, widths, strict=True)) + " "
             + say(M("summary"), lang)]
    yes, no = say(M("yes"), lang), say(M("no"), lang)
    for m in rules.values():
        severity = say(SEVERITY_WORDS[m.severity.label], lang)
        cells = (m.code, *([rule_title(m.name, lang)] if titled else []), m.name, severity,
                 yes if m.enabled else no)
        lines.append(" ".join(_pad(c, w) for c, w in zip(cells, widths, strict=True))
                     + " " + say(m.summary, lang))
    return "\n".join(lines) + "\n"


def rules_json(rules: dict[str, RuleMeta] | None = None, lang: str = "en") -> str:
    """Every rule's metadata as JSON: a list of objects with the keys `code`, `name`,
    `family`, `severity`, `enabled`, `summary`, `rationale`, `options` (name -> `default`,
    `description`) and `words`: the words the rule reads as no owner or an open seat, as
    `explain` says them (`ruleswords.words_listed`: "undecided"/"vacant" -> "ascii",
    "zh-Hans", "zh-Hant" -> words; `{}` for most rules). The keys, codes, names, severities
    and words stay as written; the summary, rationale and option descriptions are in
    `lang`."""
    rules = ordered(rules)
    items = [{"code": m.code, "name": m.name, "family": m.family,
              "severity": m.severity.label, "enabled": m.enabled,
              "summary": say(m.summary, lang), "rationale": say(m.rationale, lang),
              "options": {o.name: {"default": o.default, "description": say(o.description, lang)}
                          for o in m.options},
              "words": words_listed(m.words)}
             for m in rules.values()]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def explain(meta: RuleMeta, lang: str = "en") -> str:
    """What a rule does, why it matters, its options and its examples, for a terminal, in
    `lang` ("en", "zh" or "zh-Hant"); the examples as `shown_example` gives them."""
    state = M("on") if meta.enabled else M("off")
    # In Chinese the title reports use, and the name a config is written with beside it
    title = rule_title(meta.name, lang)  # a rule pack's rule has no title but its name
    name = meta.name if title == meta.name else f"{title}（{meta.name}）"
    out = [f"{meta.code} {name}",
           say(M("family: {family} | default severity: {severity} | {state} in the recommended "
                 "preset", family=meta.family, severity=SEVERITY_WORDS[meta.severity.label],
                 state=state), lang), "", say(meta.summary, lang), "",
           say(M("Why it matters:"), lang), f"  {say(meta.rationale, lang)}"]
    out += [line for kind in meta.words if kind in WORD_KINDS
            for line in ("", words_said(kind, lang))]
    if meta.options:
        out += ["", say(M("Options:"), lang)]
        out += [say(M("  {name} (default {default!r}): {description}", name=o.name,
                      default=o.default, description=say(o.description, lang)), lang)
                for o in meta.options]
    for which, title in (("bad", M("Flagged:")), ("good", M("Passes:"))):
        text = shown_example(meta, which, lang)
        if text:
            out += ["", say(title, lang), *(f"  {line}" for line in text.rstrip().splitlines())]
    if meta.example == "filesystem":
        out += ["", say(M("Triggered by a file-system condition (see the rationale); no YAML "
                          "example."), lang)]
    return "\n".join(out) + "\n"


def rules_markdown(rules: dict[str, RuleMeta] | None = None, lang: str = "en") -> str:
    """The rules reference (docs/rules.md): a table, then every rule with its examples; in
    `lang` ("en" or "zh"; codes, names and examples stay as written)."""
    rules = ordered(rules)
    yes, no = say(M("yes"), lang), say(M("no"), lang)
    out = [say(M("# orgspec rules"), lang), "",
           "<!-- Generated by `orgspec rules --format markdown`; do not edit by hand. -->", "",
           say(M("Each rule has a stable code, a kebab-case name and a default severity. Select,\n"
                 "ignore or re-level rules in `.orgspec.yaml` by code, name or family; suppress "
                 "one\nfinding with `# orgspec: ignore[CODE] reason` on its line or the line "
                 "above."), lang), "",
           say(M("| code | name | family | severity | on by default | summary |"), lang),
           "|---|---|---|---|---|---|"]
    for m in rules.values():
        out.append(f"| [{m.code}](#{m.code.lower()}-{m.name}) | {m.name} | {m.family} | "
                   f"{say(SEVERITY_WORDS[m.severity.label], lang)} | "
                   f"{yes if m.enabled else no} | {say(m.summary, lang)} |")
    for family in _families(rules):
        out += ["", f"## {family.capitalize()}"]
        for m in (m for m in rules.values() if m.family == family):
            out += _rule_section(m, lang)
    return "\n".join(out) + "\n"


def _rule_section(m: RuleMeta, lang: str) -> list[str]:
    state = M("on") if m.enabled else M("off")
    out = ["", f"### {m.code} {m.name}", "",
           say(M("Default severity: **{severity}** · {state} in `recommended`",
                 severity=SEVERITY_WORDS[m.severity.label], state=state), lang), "",
           say(m.summary, lang), "",
           say(M("**Why it matters.** {rationale}", rationale=say(m.rationale, lang)), lang)]
    out += [line for kind in m.words if kind in WORD_KINDS  # a pack's other word: none
            for line in ("", words_said(kind, lang))]
    if m.given:
        out += ["", say(M("Declarative rule: given `{kind}`, then `{function}` on `{field}`.",
                          kind=m.given, function=m.then.get("function"),
                          field=m.then.get("field")), lang)]
    if m.options:
        out += ["", say(M("| option | default | meaning |"), lang), "|---|---|---|"]
        out += [f"| `{o.name}` | `{json.dumps(o.default)}` | {say(o.description, lang)} |"
                for o in m.options]
    for which, title in (("bad", M("Flagged:")), ("good", M("Passes:"))):
        text = shown_example(m, which, "en" if lang == "en" else "zh")
        if text:
            out += ["", say(title, lang), "", "```yaml", text.rstrip(), "```"]
    if m.example == "filesystem":
        out += ["", say(M("Triggered by a file-system condition; covered by the hostile-input "
                          "tests."), lang)]
    return out
