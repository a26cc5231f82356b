"""Fuzzing the importers: mutated rosters (CSV and XLSX), Backstage catalogs and CODEOWNERS
files through `orgspec import`, then the imported org through `check`.

The property: `import` exits 0, or 2 with one clear `orgspec: error:` line (a source it
cannot read); an import that succeeds writes YAML that loads without an input or schema
finding (IN, SC) and that `check` handles (exit 0 or 1), and importing the same source again
writes nothing. Every input is a pure function of (seed, index).
"""

from __future__ import annotations

import csv
import datetime
import io
import random
import re
import tempfile
from pathlib import Path

from tests.fuzz.harness import Crash, Files, Outcome, _Run, write_files
from tests.fuzz.mutate import MUTATORS, REPO, TOKENS

ADOPT = REPO / "tests" / "fixtures" / "adopt"
SOURCES = ("roster-csv", "roster-xlsx", "backstage", "codeowners")
CODEOWNERS = (b"# owners\n*  @acme/platform\n/docs/ @acme/docs @acme/platform @ada\n"
              b"*.js @grace dev@example.com\n/vendor/\n[Section]\n^[Optional] @acme/x\n"
              b"/docs/ @acme/docs @ada  # later line wins\n/src/**/\xe5\xae\xa2\xe6\x9c\x8d/ "
              b"@\xe5\xae\xa2\xe6\x9c\x8d\xe9\x83\xa8 \\#esc @a.b-c_d\n")
ROSTER_EXTRA = ("工号,姓名,部门,上级部门,负责人,邮箱,职位,直属上级\n"
                "A1,陳大文,客服部,總部,是,a1@x.cn,客服主管,\nA2,李小明,客服部,總部,,,,A1\n"
                "A3,王老五,總部,,是,,,A3\nA4,,客服部,客服部,,,,A9\n,,,,,,,\n")
CELL_JUNK: list[object] = [
    "", " ", None, 0, -1, 1.5, 10**20, float("nan"), True, "=1+1", "=HYPERLINK(\"x\")", "null",
    "~", "- x", "a: b", "#x", "*ref", "&a", "'q'", "多行\n姓名", "TBD", "待定", "待招聘",
    "客服部", "總部", "技术中心", "E0040", "e0001@example.com", "not@an@email", "x" * 300,
    "\u202eevil", "\u200b", "🙂", "ＴＢＤ", "<b>x</b>", "[x](y)", "::error::x", "2026-01-01",
    "0123", "1e400", "是", "否", "yes", "Y",
]


def _roster_table(rng: random.Random) -> list[list[str]]:
    base = (ADOPT / "roster" / "roster-200.csv").read_text("utf-8-sig")
    if rng.random() < 0.3:
        base = ROSTER_EXTRA
    rows = list(csv.reader(io.StringIO(base)))
    header, body = rows[0], rows[1:]
    body = rng.sample(body, min(len(body), rng.randint(0, 25)))
    return [header, *body]


def _mutate_table(rng: random.Random, table: list[list[object]]) -> None:
    """Cell-level mutations: junk values, swapped columns, cycles, short and long rows."""
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6) if rng.random() < 0.9 else 5
        r = rng.randrange(1, len(table)) if len(table) > 1 and op != 5 else 0
        row = table[r]
        if op == 0 and row:
            row[rng.randrange(len(row))] = rng.choice(CELL_JUNK)
        elif op == 1 and len(table) > 1:  # a team whose parent is itself, or a child
            a, b = rng.randrange(1, len(table)), rng.randrange(1, len(table))
            if len(table[a]) > 5 and len(table[b]) > 5:
                table[a][5], table[b][4] = table[b][4], table[a][4]
        elif op == 2:
            del row[rng.randrange(len(row) + 1):]
        elif op == 3:
            row.extend(rng.choice(CELL_JUNK) for _ in range(rng.randint(1, 3)))
        elif op == 4:
            table.insert(rng.randrange(len(table) + 1), list(rng.choice(table)))
        elif op == 5 and r == 0 and row:  # the header
            row[rng.randrange(len(row))] = rng.choice(
                ["person", "name", "email", "title", "team", "team_id", "parent_team",
                 "manager", "lead", "Name", "部门", "部門", "姓名", "", "组织", "Team "])


def _csv_bytes(rng: random.Random, table: list[list[object]]) -> bytes:
    buf = io.StringIO()
    delimiter = rng.choice([",", ",", ";", "\t"])
    csv.writer(buf, delimiter=delimiter).writerows(
        [["" if c is None else str(c) for c in row] for row in table])
    text = buf.getvalue()
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16"])
    data = text.encode(encoding, "replace")
    for _ in range(rng.choice([0, 0, 1, 2])):
        data = rng.choice(MUTATORS)(rng, data, [data])
    return data


ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl cannot write these


def _xlsx_bytes(rng: random.Random, table: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.properties.created = datetime.datetime(2026, 1, 1)
    sheet = book.active
    if rng.random() < 0.3:  # a first sheet that is not the roster
        sheet.title = rng.choice(["说明", "Sheet1", ""]) or "x"
        sheet.append([rng.choice(CELL_JUNK) if rng.random() < 0.5 else "本表由人力资源部维护"])
        sheet = book.create_sheet(rng.choice(["花名册", "Roster", "人員"]))
    for _ in range(rng.randint(0, 2)):
        sheet.append([])  # blank rows above the header
    for row in table:
        cells = []
        for c in row:
            if isinstance(c, str):
                c = ILLEGAL.sub("", c)
                if rng.random() < 0.05 and c.isdigit():
                    c = int(c)
            cells.append(c)
        sheet.append(cells)
    if rng.random() < 0.2 and sheet.max_row > 2:
        sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=2)
    buf = io.BytesIO()
    book.save(buf)
    data = _fixed_times(buf.getvalue())
    if rng.random() < 0.1:
        data = rng.choice(MUTATORS)(rng, data, [data])
    return data


def _fixed_times(data: bytes) -> bytes:
    """The workbook with every zip entry dated 2026-01-01, so the bytes are a pure function
    of (seed, index)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, (2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl dates `modified` at save
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z",
                              body)
            dst.writestr(fixed, body)
    return out.getvalue()


def generate_import(seed: int, index: int) -> tuple[str, Files]:
    """Import input `index` of the run with `seed`: the importer and its source files."""
    rng = random.Random(f"{seed}:import:{index}")
    source = SOURCES[index % len(SOURCES)]
    if source.startswith("roster"):
        table: list[list[object]] = list(_roster_table(rng))
        _mutate_table(rng, table)
        if rng.random() < 0.02 and len(table) > 1:  # a department past the format's limits
            row = table[1]
            table += [[f"Z{i}", f"员工{i}", *row[2:]] for i in range(1001)]
        if source == "roster-csv":
            return "roster", {"roster.csv": _csv_bytes(rng, table)}
        return "roster", {"roster.xlsx": _xlsx_bytes(rng, table)}
    if source == "backstage":
        files = {p.name: p.read_bytes() for p in sorted((ADOPT / "backstage").glob("*.yaml"))}
        pool = list(files.values())
    else:
        owners = CODEOWNERS
        if rng.random() < 0.05:  # an owner repeated, or more owners than a list holds
            many = rng.choice([b"@a " * 1100, b" ".join(b"@p%d" % i for i in range(1001))])
            owners += b"/big/ " + many + b"\n"
        files = {"CODEOWNERS": owners}
        pool = [owners, *TOKENS]
    names = sorted(files)
    for _ in range(rng.randint(1, 3 if source == "backstage" else 8)):
        name = rng.choice(names)
        files[name] = rng.choice(MUTATORS)(rng, files[name], pool)
    return source, files


def run_import(source: str, files: Files) -> Outcome:
    """Check `files` imported with `source` (backstage, roster, codeowners) against the
    property; the first violation is the outcome's crash."""
    out = Outcome()
    env = {"NO_COLOR": "1", "GITHUB_ACTIONS": "", "SOURCE_DATE_EPOCH": "1790000000"}
    with tempfile.TemporaryDirectory(prefix="orgspec-fuzz-import-") as tmp:
        base = Path(tmp)
        src = base / "src"
        src.mkdir()
        write_files(src, files)
        paths = [str(src / name) for name in sorted(files)]
        org = base / "org"
        outputs = []
        for attempt in range(2):  # the second import of the same source writes nothing
            run = _Run(["import", source, *paths, "-o", str(org), "--lang", "en"], env,
                       usage_ok=True)
            out.runs += 1
            out.codes.append(run.code)
            if run.crash:
                out.crash = run.crash
                return out
            if run.code != 0:
                return out
            outputs.append(run.output)
            if attempt and " 0 written" not in run.output:
                out.crash = Crash("a second import of the same source writes files",
                                  run.output[-2000:])
                return out
        report = base / "check.json"
        run = _Run(["check", str(org), "--isolated", "--format", "json", "-o", str(report)],
                   env)
        out.runs += 1
        if run.crash:
            out.crash = run.crash
            return out
        import json

        bad = [f for f in json.loads(report.read_text("utf-8"))["findings"]
               if f["code"][:2] in ("IN", "SC")]
        if bad:
            f = bad[0]
            out.crash = Crash(f"imported org has {f['code']}",
                              f"{f['file']}:{f['line']}:{f['column']}: {f['message']}")
    return out
