"""The catalogs' build tool (needs Babel, a dev dependency; never imported at run time).

    python -m orgspec.i18n.build update    # extract msgids, merge them into every .po; write
                                             # the zh-Hant .po and init templates from the
                                             # zh ones (OpenCC s2twp, see `converter`)
    python -m orgspec.i18n.build compile   # .po -> .mo (the .mo files are committed)
    python -m orgspec.i18n.build check     # exit 1 when a msgid lacks a translation or a
                                             # .mo is stale

Msgids come from `M("...")` calls in orgspec/ and from the rule packs (rules/*.yaml): their
`title`, every rule's `summary`, `message` and `rationale`, and its options' `description`; and
the prose comments of the rule examples (context "example", `orgspec.i18n.comments`). The
.mo files are committed so that an install from a git checkout (editable or not) has them
without a build step; `check` (in the test suite) keeps them in step.
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from orgspec.i18n import DOMAIN, LOCALE_DIR, RULE_CONTEXT, folder, hant
from orgspec.i18n.comments import CONTEXT, prose_comments

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ("zh",)  # translated by hand
# Generated from a hand-made catalog by an OpenCC conversion: Traditional Chinese with
# Taiwan's words (s2twp: 文件 -> 檔案, 信息 -> 資訊). `update` writes it; `check` keeps it in step.
GENERATED = {"zh-Hant": ("zh", "s2twp")}
LANGS = (*TARGETS, *GENERATED)
# zh-Hant prose is s2twp plus Taiwan's terms, typed text by script only: `orgspec.i18n.hant`
# (one conversion for the catalog, the init templates, the export and `explain`).
# The starter files of `orgspec init --lang zh-Hant`, from the zh ones: comments as the
# catalog's prose, YAML (names, titles, ids a user edits) by script only.
INIT_TEMPLATES = ROOT / "templates" / "init"


def template() -> Catalog:
    """Every msgid in the source and the rule packs."""
    cat = Catalog(domain=DOMAIN, project="orgspec")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT / "orgspec"), [("**.py", "python")],
            keywords={"M": None, "MC": ((1, "c"), 2), "P": (1, 2)},
            comment_tags=("TRANSLATORS:",)):
        text = message if isinstance(message, str) else "".join(message)  # P: a pair
        cat.add(message, locations=[(f"orgspec/{filename}", lineno)], context=context,
                auto_comments=comments, flags=("python-format",) if "{" in text else ())
    for path, text in _rule_texts():
        cat.add(text, locations=[(path, 0)])
    for path, name in _rule_names():  # a rule's title in the reader's language (`rule_title`)
        cat.add(name, locations=[(path, 0)], context=RULE_CONTEXT)
    for line, text in help_texts((ROOT / "orgspec" / "cli.py").read_text("utf-8")):
        cat.add(text, locations=[("orgspec/cli.py", line)], context="help")
    for path, text in _example_comments():
        cat.add(text, locations=[(path, 0)], context=CONTEXT)
    return cat


def help_texts(source: str) -> Iterator[tuple[int, str]]:
    """The `--help` texts written in the CLI's `source`, with their lines: each `help=`
    literal of a call, and the docstring of each function a `.command`/`.group` decorator
    makes a command, as click shows it (`clihelp.text_of`: dedented, up to a form feed).
    Read from the source, not imported: the catalog is built below the CLI's layer."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "help" and isinstance(kw.value, ast.Constant) and \
                        isinstance(kw.value.value, str):
                    yield kw.value.lineno, kw.value.value
        elif isinstance(node, ast.FunctionDef) and any(
                isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)
                and d.func.attr in ("command", "group") for d in node.decorator_list):
            doc = ast.get_docstring(node)
            if doc:
                yield node.lineno, doc.partition("\f")[0]


def _example_comments() -> Iterator[tuple[str, str]]:
    """The prose comments of the rule examples, which `explain` shows translated."""
    for path in sorted((ROOT / "rules" / "examples").glob("*/*.yaml")):
        for comment in prose_comments(path.read_text(encoding="utf-8")):
            yield f"rules/examples/{path.parent.name}/{path.name}", comment.text


def _rule_names() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in doc.get("rules") or []:
            if rule.get("name"):
                yield f"rules/{path.name}", str(rule["name"])


def _rule_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rel = f"rules/{path.name}"
        if doc.get("title"):
            yield rel, str(doc["title"])
        for rule in doc.get("rules") or []:
            for key in ("summary", "message", "rationale"):
                if rule.get(key):
                    yield rel, str(rule[key])
            for spec in (rule.get("options") or {}).values():
                if spec.get("description"):
                    yield rel, str(spec["description"])


def po_path(lang: str) -> Path:
    return LOCALE_DIR / folder(lang) / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=folder(lang), domain=DOMAIN, project="orgspec")
    with path.open("rb") as fh:
        return read_po(fh, locale=folder(lang), domain=DOMAIN)


def generated_po(lang: str) -> bytes:
    """The .po of a GENERATED language: its source catalog with every msgstr converted."""
    source, config = GENERATED[lang]
    convert = converter(config)
    cat = read(source)
    cat.locale = folder(lang)
    cat.header_comment = (f"# {lang} translations for orgspec, generated from the {source} "
                          f"catalog with OpenCC {config}\n# by `python -m orgspec.i18n.build "
                          "update`: edit the source catalog, not this file.")
    for message in cat:
        if message.id and isinstance(message.string, str) and message.string:
            message.string = convert(message.string)
        elif message.id and isinstance(message.string, tuple | list):  # plural forms
            message.string = tuple(convert(form) for form in message.string)
    out = io.BytesIO()
    write_po(out, cat, width=100, omit_header=False, sort_output=False)
    return out.getvalue()


def converter(config: str) -> Callable[[str], str]:
    """The conversion of a GENERATED language's prose (`hant.prose` for s2twp)."""
    if config != "s2twp":
        raise ValueError(f"no conversion for {config!r}")
    return hant.prose


def generated_init(lang: str) -> dict[Path, str]:
    """The init templates of a GENERATED language: path under INIT_TEMPLATES -> text. A
    line's comment (from `# `) is prose; the YAML before it is converted by script only."""
    source, config = GENERATED[lang]
    prose, script = converter(config), hant.script
    base = INIT_TEMPLATES / source
    out = {}
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            cut = line.find("# ") if line.lstrip().startswith("#") else line.find(" # ")
            code, comment = (line, "") if cut < 0 else (line[:cut], line[cut:])
            if code.startswith(f"lang: {source} "):  # the config names the language
                code = f"lang: {lang}".ljust(len(code))
            lines.append(script(code) + prose(comment))
        out[INIT_TEMPLATES / folder(lang) / path.relative_to(base)] = "".join(lines)
    return out


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
    for lang in GENERATED:
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(generated_po(lang))
        for target, text in generated_init(lang).items():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def mo_bytes(lang: str) -> bytes:
    out = io.BytesIO()
    write_mo(out, read(lang))
    return out.getvalue()


def compile_all() -> None:
    for lang in LANGS:
        po_path(lang).with_suffix(".mo").write_bytes(mo_bytes(lang))


def problems() -> list[str]:
    """What `check` reports: untranslated or fuzzy msgids, msgids no longer in the source,
    and a .mo that differs from its .po."""
    wanted = {_key(m) for m in template() if m.id}
    out: list[str] = []
    for lang in GENERATED:
        if not po_path(lang).exists() or po_path(lang).read_bytes() != generated_po(lang):
            out.append(f"{lang}: {po_path(lang).name} differs from its conversion: run `update`")
        for target, text in generated_init(lang).items():
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                out.append(f"{lang}: {target.relative_to(ROOT)} differs from its conversion: "
                           "run `update`")
    for lang in LANGS:
        cat = read(lang)
        have = {_key(m): m for m in cat if m.id}
        out += [f"{lang}: no translation for {mid!r}" for mid in sorted(wanted)
                if mid not in have or not _translated(have[mid]) or have[mid].fuzzy]
        out += [f"{lang}: {mid!r} is no longer in the source" for mid in sorted(set(have) - wanted)]
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists():
            out.append(f"{lang}: {mo.name} missing: run `compile`")
            continue
        with mo.open("rb") as fh:
            compiled = {_key(m): _forms(m.string) for m in read_mo(fh) if m.id}
        if compiled != {_key(m): _forms(m.string) for m in cat
                        if m.id and m.string and not m.fuzzy}:
            out.append(f"{lang}: {mo.name} is stale: run `compile`")
    return out


def _forms(string: object) -> object:
    """A msgstr as compared: a plural's forms as a tuple (a .mo reads them as a list)."""
    return tuple(string) if isinstance(string, list) else string


def _translated(message: Message) -> bool:
    """Whether `message` has its translation (every plural form, for a plural one)."""
    if isinstance(message.string, tuple | list):
        return bool(message.string) and all(message.string)
    return bool(message.string)


def _key(message: Message) -> str:
    """A message's id, prefixed with its context as gettext stores it (`ctx\x04id`); a
    plural message's is its singular and plural joined by NUL."""
    ident = message.id if isinstance(message.id, str) else "\0".join(message.id)
    return f"{message.context}\x04{ident}" if message.context else ident


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
