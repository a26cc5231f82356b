"""The catalogs' build tool (needs Babel, a dev dependency; never imported at run time).

    python -m orgspec.i18n.build update    # extract msgids, merge them into every .po
    python -m orgspec.i18n.build compile   # .po -> .mo (the .mo files are committed)
    python -m orgspec.i18n.build check     # exit 1 when a msgid lacks a translation or a
                                             # .mo is stale

Msgids come from `M("...")` calls in orgspec/ and from the rule packs' `title` and `summary`
(rules/*.yaml). The .mo files are committed so that an install from a git checkout (editable
or not) has them without a build step; `check` (in the test suite) keeps them in step.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from orgspec.i18n import DOMAIN, LOCALE_DIR

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ("zh",)


def template() -> Catalog:
    """Every msgid in the source and the rule packs."""
    cat = Catalog(domain=DOMAIN, project="orgspec")
    for filename, lineno, message, comments, _ctx in extract_from_dir(
            str(ROOT / "orgspec"), [("**.py", "python")], keywords={"M": None},
            comment_tags=("TRANSLATORS:",)):
        cat.add(message, locations=[(f"orgspec/{filename}", lineno)],
                auto_comments=comments, flags=("python-format",) if "{" in message else ())
    for path, text in _rule_texts():
        cat.add(text, locations=[(path, 0)])
    return cat


def _rule_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rel = f"rules/{path.name}"
        if doc.get("title"):
            yield rel, str(doc["title"])
        for rule in doc.get("rules") or []:
            for key in ("summary", "message"):
                if rule.get(key):
                    yield rel, str(rule[key])


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="orgspec")
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def update() -> None:
    tmpl = template()
    for lang in TARGETS:
        cat = read(lang)
        cat.update(tmpl, no_fuzzy_matching=True)
        cat.obsolete.clear()
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            write_po(fh, cat, width=100, omit_header=False, sort_output=False)


def mo_bytes(lang: str) -> bytes:
    out = io.BytesIO()
    write_mo(out, read(lang))
    return out.getvalue()


def compile_all() -> None:
    for lang in TARGETS:
        po_path(lang).with_suffix(".mo").write_bytes(mo_bytes(lang))


def problems() -> list[str]:
    """What `check` reports: untranslated or fuzzy msgids, msgids no longer in the source,
    and a .mo that differs from its .po."""
    wanted = {m.id for m in template() if m.id}
    out: list[str] = []
    for lang in TARGETS:
        cat = read(lang)
        have = {m.id: m for m in cat if m.id}
        out += [f"{lang}: no translation for {mid!r}" for mid in sorted(wanted)
                if mid not in have or not have[mid].string or have[mid].fuzzy]
        out += [f"{lang}: {mid!r} is no longer in the source" for mid in sorted(set(have) - wanted)]
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists():
            out.append(f"{lang}: {mo.name} missing: run `compile`")
            continue
        with mo.open("rb") as fh:
            compiled = {m.id: m.string for m in read_mo(fh) if m.id}
        if compiled != {m.id: m.string for m in cat if m.id and m.string and not m.fuzzy}:
            out.append(f"{lang}: {mo.name} is stale: run `compile`")
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        print("\n".join(found) or "catalogs complete")
        return 1 if found else 0
    else:
        print(f"unknown command {command!r}: use update, compile or check", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
