"""JUnit XML: a test suite per file, a uniquely named failing test case per finding.

Two shapes, both valid against the Jenkins xUnit plugin's `junit-10.xsd` (kept in
tests/data/ and checked in the tests):
- `junit` (default): `file` and `line` on each `<testcase>`, which GitLab's test report reads
  to link a failure to its file;
- `junit-suite`: pytest's shape for readers of the stricter Ant schema, which has no
  `file`/`line` on `<testcase>`: the file is on `<testsuite>`, the line in the failure text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from xml.sax.saxutils import escape, quoteattr

from orgspec.escape import tty_text
from orgspec.findings import Finding, LintResult, Severity
from orgspec.i18n import M, say
from orgspec.report.idnames import with_names
from orgspec.reporters.text import detail_lines


def _case(f: Finding, seen: set[str], on_case: bool, lang: str,
          names: Mapping[str, str], words: tuple[str, str]) -> str:
    base = f"org.orgspec.{f.code}({f.entity or f.location.file})"
    name, n = base, 1
    while name in seen:
        n += 1
        name = f"{base}#{n}"
    seen.add(name)
    # a reader's text: each id the message quotes said with its name, as `check` says it
    message = with_names(f.message, names, lang)
    text = tty_text(say(M("line {line}, col {col}, {message} ({code})", line=f.location.line,
                          col=f.location.col, message=message, code=f.code), lang))
    # the related and hint lines `check` shows under it: GitLab's test report shows only this
    text = "\n".join([text, *detail_lines(f, words, lang, names)])
    file = tty_text(f.location.file)  # a file name may hold ESC or U+202E: XML 1.0 cannot
    classname = file.rsplit(".", 1)[0]
    where = f" file={quoteattr(file)} line=\"{f.location.line}\"" if on_case else ""
    return (f"    <testcase name={quoteattr(tty_text(name))} classname={quoteattr(classname)}"
            f"{where} time=\"0\">\n"
            f"      <failure message={quoteattr(tty_text(message))} "
            f"type=\"{f.severity.label}\">{escape(text)}</failure>\n    </testcase>\n")


def render(result: LintResult, fail_on: Severity = Severity.ERROR, *,
           file_on_case: bool = True) -> str:
    """Findings at or above `fail_on` become failures; clean files get one passing case.
    `file_on_case=False` gives the `junit-suite` shape (see the module docstring)."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        if f.severity >= fail_on:
            by_file[f.location.file].append(f)
    # a narrowed check (`check org/x.yaml`) lists only the files asked about, and the
    # failed-load ones it reports (`engine.lint.focus`): not the others as passing
    asked = set(result.files)
    if result.scope:
        from orgspec.engine.blame import within

        asked = set(filter(within(result.scope), asked))
    files = sorted(asked | set(by_file))
    failures = sum(len(v) for v in by_file.values())
    tests = failures + sum(1 for file in files if not by_file.get(file))
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<testsuites name="orgspec" tests="{tests}" failures="{failures}" errors="0">\n']
    seen: set[str] = set()
    lang = result.lang or "en"
    words = say(M("related"), lang), say(M("hint"), lang)
    for raw in files:
        found, file = by_file.get(raw, []), tty_text(raw)
        suite_file = "" if file_on_case else f" file={quoteattr(file)}"
        out.append(f"  <testsuite name={quoteattr(file)} tests=\"{max(len(found), 1)}\" "
                   f"failures=\"{len(found)}\" errors=\"0\" package=\"org.orgspec\""
                   f"{suite_file}>\n")
        if found:
            out.extend(_case(f, seen, file_on_case, lang, result.names, words)
                       for f in found)
        else:
            classname = quoteattr(file.rsplit(".", 1)[0])
            case_file = f" file={quoteattr(file)}" if file_on_case else ""
            out.append(f"    <testcase name={quoteattr(file)} classname={classname}"
                       f"{case_file} time=\"0\"/>\n")
        out.append("  </testsuite>\n")
    out.append("</testsuites>\n")
    return "".join(out)
