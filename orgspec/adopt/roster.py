"""An HR roster (CSV or XLSX) -> teams and people.

One row per person and team (a person in two teams has two rows). Headers are matched
case-, space- and punctuation-blind against the aliases below (English, Simplified and
Traditional Chinese); `--column FIELD=HEADER` maps any other header. `name` or `person`, and
`team`, are required. The team lead is the row flagged in `lead` (the first of several, with
a note); for a team with no flagged row (or without that column), the top of its reporting
chain (`manager` followed up: the member who reports to nobody in the team, a one-person
department's member, the CEO alone in 总经理室, a department head whose manager sits in the
parent department); with several, the one most of the team reports up to; otherwise (a tie,
a loop of managers) none, with a note. Each person's `manager` is kept.
A manager in another department (the parent's head all of a department's members report
to) leads it only as a member of it: several members reporting outside the team is left to
the user, with the note. Departments of one name under
different parents are as many teams, and people of one name without a person id or email in
different departments (or with different titles) as many people, each with a note. The
columns read for no field are named in a note (`略過欄位`), so none is dropped silently.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import io
import os
import re
import shlex
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from orgspec.adopt.cells import read_cell
from orgspec.adopt.draft import Draft, team_file
from orgspec.adopt.slug import IdMap
from orgspec.adopt.write import AdoptError
from orgspec.i18n import M, P, reason
from orgspec.load.source import legacy_encoding, legacy_text

FIELDS: dict[str, tuple[str, ...]] = {  # the header names HR systems and people use
    "person": ("person", "id", "person id", "employee id", "employee number", "employee no",
               "emp id", "staff id", "staff number", "工号", "员工编号", "员工号", "员工代码",
               "人员编号", "工號", "員工編號", "員工號", "員工代號", "員編", "人員編號",
               # Hong Kong's: staff number (職員編號), employee number as its law says it
               "職員編號", "职员编号", "職員號碼", "职员号码", "員工號碼", "员工号码", "僱員編號",
               "雇員編號", "雇员编号", "僱員號碼", "雇员号码", "staff no", "employee code",
               "orgspec id", "orgspec person id", "orgspec 人员编号", "orgspec 人員編號"),
    "name": ("name", "full name", "display name", "employee name", "姓名", "名字", "员工姓名",
             "中文姓名", "員工姓名", "員工名稱"),
    "name_en": ("english name", "name en", "name (en)", "英文名", "英文姓名", "英文名字",
                "英文名稱"),
    # a person's `names.zh` and `names.zh-Hant`, as the export's people sheet writes them
    "name_zh": ("name zh", "simplified chinese name", "chinese name simplified", "简体名",
                "简体姓名", "简体中文名", "簡體名", "簡體姓名", "簡體中文名"),
    "name_zh_hant": ("name zh hant", "traditional chinese name", "chinese name traditional",
                     "繁体名", "繁体姓名", "繁体中文名", "繁體名", "繁體姓名", "繁體中文名"),
    "email": ("email", "e-mail", "mail", "email address", "work email", "邮箱", "电子邮件",
              "电子邮箱", "邮件", "邮件地址", "郵箱", "電子郵件", "電子郵箱", "電子信箱", "信箱",
              "電郵", "電郵地址"),
    "title": ("title", "job title", "position", "role", "job", "designation", "职位", "职称",
              "职位名称", "岗位", "岗位名称", "职务", "職位", "職稱", "職位名稱", "崗位", "職務",
              "頭銜"),
    "team": ("team", "team name", "department", "department name", "dept", "部门", "部门名称",
             "所属部门", "团队", "部門", "部門名稱", "所屬部門", "團隊", "單位", "单位"),
    "team_id": ("team id", "department id", "dept id", "部门编号", "部门代码", "部門編號",
                "部門代碼", "部門代號", "單位代號", "orgspec team id", "orgspec 部门编号",
                "orgspec 部門編號"),
    "parent_team": ("parent team", "parent", "parent department", "上级部门", "上級部門",
                    "上层部门", "上層部門"),
    "parent_team_id": ("parent team id", "parent department id", "上级部门编号", "上級部門編號",
                       "上級部門代碼", "orgspec parent team id", "orgspec 上级部门编号",
                       "orgspec 上級部門編號"),
    "manager": ("manager", "reports to", "line manager", "direct manager", "supervisor",
                "直属上级", "直属主管", "直属领导", "上级", "上级主管", "主管", "汇报对象",
                "直屬上級", "直屬主管", "直屬上司", "上級", "上級主管", "上司", "匯報對象",
                "彙報對象"),
    "lead": ("lead", "team lead", "is lead", "is manager", "负责人", "是否负责人", "是否主管",
             "負責人", "是否負責人", "是否為主管"),
}
YES = frozenset(("yes", "y", "true", "1", "x", "lead", "是", "✓", "✔", "√"))
MAX_BYTES = 100 * 1024 * 1024
MAX_UNPACKED = 256 * 1024 * 1024  # an XLSX's parts unzipped; far above a real roster's
_NOISE = re.compile(r"[\s_\-./:：（）()]+")


def _norm(header: str) -> str:
    # NFKC: a header an IME typed in full-width letters (`Ｅｍａｉｌ`) is `email`
    return _NOISE.sub(" ", unicodedata.normalize("NFKC", header).strip().casefold()).strip()


_ALIASES = {_norm(alias): name for name, aliases in FIELDS.items() for alias in aliases}


@dataclass
class Row:
    line: int  # 1-based row number in the sheet or file
    values: dict[str, str]

    def get(self, name: str) -> str:
        return self.values.get(name, "")


class ColumnMap(dict[str, str]):
    """{normalised header: field} of the `--column` options; `written` keeps each one's
    FIELD and HEADER as given, for the note on a header no roster has."""

    written: dict[str, tuple[str, str]]


def parse_mapping(specs: tuple[str, ...]) -> ColumnMap:
    """`FIELD=HEADER` options -> {normalised header: field}."""
    out = ColumnMap()
    out.written = {}
    for spec in specs:
        name, sep, header = spec.partition("=")
        if not sep or name.strip() not in FIELDS or not header.strip():
            raise AdoptError(M("--column takes FIELD=HEADER with FIELD one of {fields}, not "
                               "{spec!r}", fields=list(FIELDS), spec=spec))
        out[_norm(header)] = name.strip()
        out.written[_norm(header)] = (name.strip(), header.strip())
    return out


HEADER_ROWS = 10  # how far down a sheet the header row is looked for


def read_rows(path: str, mapping: dict[str, str], sheet: str | None = None,
              ignored: list[str] | None = None, notes: list[str] | None = None,
              headers: set[str] | None = None) -> list[Row]:
    """The rows of a CSV or XLSX roster, keyed by field; the headers of the columns read
    for no field (unknown, or a field an earlier column gives) are added to `ignored`, the
    header row's headers (normalised) to `headers`, and what the reading noticed (a broken
    byte in a UTF-8 file) to `notes`. In a workbook,
    `sheet` or else the first visible sheet whose header has the required columns and a row
    under it. Raises AdoptError for a roster with no such header, or none with a row."""
    aliases = {**_ALIASES, **mapping}
    named = _xlsx(path, sheet) if path.lower().endswith((".xlsx", ".xlsm")) else \
        [("", _csv(path, aliases, notes if notes is not None else []))]
    tables = [table for _, table in named]
    first_header: list[str] = []
    bare = False  # a header with no row under it (an import of no one removes every team)
    for at, table in enumerate(tables):
        top = next((i for i, row in enumerate(table) if any(c.strip() for c in row)), None)
        if top is None:
            continue
        first_header = first_header or table[top]
        # the header is the first of the top rows naming a team and a name column: a title
        # row (员工花名册 2026) or a blank line above it is skipped
        for start in range(top, min(len(table), top + HEADER_ROWS)):
            columns = [aliases.get(_norm(h)) for h in table[start]]
            if ("team" in columns or "team_id" in columns) and \
                    ("name" in columns or "person" in columns):
                columns = [c if c not in columns[:i] else None for i, c in enumerate(columns)]
                rows = _rows(table, start, columns)
                if not rows:
                    bare = True
                    break
                if ignored is not None:
                    ignored += [h.strip() for h, c in zip(table[start], columns, strict=False)
                                if c is None and h.strip()]
                if headers is not None:
                    headers.update(_norm(h) for h in table[start])
                if notes is not None:
                    notes += _other_rosters(path, named[at + 1:], aliases)
                return rows
    if bare:
        raise AdoptError(M("{where}: the roster has a header but no one under it: nothing is "
                           "imported (an import of no one would remove every team it wrote)",
                           where=path))
    if not first_header:
        raise AdoptError(M("{where}: the roster is empty", where=path))
    found = {aliases.get(_norm(h)) for h in first_header}
    header = [h for h in first_header if h]
    said: dict[str, Any] = {"where": path, "header": header or M("empty")}
    if found & {"team", "team_id"}:
        message = M("{where}: no name column in the header ({header}); map yours with "
                    "--column name=HEADER", **said)
    elif found & {"name", "person"}:
        message = M("{where}: no team column in the header ({header}); map yours with "
                    "--column team=HEADER", **said)
    else:
        message = M("{where}: no team and name columns in the header ({header}); map yours "
                    "with --column team=HEADER --column name=HEADER", **said)
    raise AdoptError(message, tuple(header))


def _other_rosters(path: str, named: list[tuple[str, list[list[str]]]],
                   aliases: dict[str, str]) -> list[M]:
    """A note per sheet after the one read that lists people too (a team and a name column
    with a row under them): one sheet of a workbook is read, so its people (实习生 on a
    sheet of their own) would be missing from the org without a word."""
    out: list[M] = []
    for name, table in named:
        for start in range(min(len(table), HEADER_ROWS)):
            columns = [aliases.get(_norm(h)) for h in table[start]]
            if ("team" in columns or "team_id" in columns) and \
                    ("name" in columns or "person" in columns):
                if any(any(c.strip() for c in row) for row in table[start + 1:]):
                    out.append(M("{where}: sheet {sheet!r} lists people too and was not read "
                                 "(one sheet of a workbook is): to import them as well, save "
                                 "that sheet as CSV and name both files in one import",
                                 where=path, sheet=name))
                break
    return out


def _rows(table: list[list[str]], start: int, columns: list[str | None]) -> list[Row]:
    rows = []
    for i, cells in enumerate(table[start + 1:], start=start + 2):
        values = {col: _cell(c) for col, c in zip(columns, cells, strict=False)
                  if col and _cell(c)}
        if values:
            rows.append(Row(i, values))
    return rows


def _cell(text: str) -> str:
    # A leading ' is how spreadsheets (and `orgspec export`) keep =, +, - and @ from being
    # read as formulas.
    return read_cell(text.strip())


# What a roster saved without UTF-8 is in: Excel's CSV on a Simplified Chinese system
# (GB18030, a superset of GBK) or a Traditional one (Big5 as Windows has it, cp950, or as
# Hong Kong's has it, Big5-HKSCS: 李家堃, 陳喆); `legacy_text` reads each.
_LEGACY = ("GBK", "Big5")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Excel's "Unicode text": UTF-16 with a BOM


def _csv(path: str, aliases: dict[str, str], notes: list[str]) -> list[list[str]]:
    text = _decode(_bytes(path), aliases, notes, os.path.basename(path))
    try:  # only the delimiter is guessed: a guessed quote character eats apostrophes
        delimiter = csv.Sniffer().sniff(text[:4096], ",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as exc:  # a cell over the csv module's field limit (128 KiB)
        raise AdoptError(M("{where}: not a readable CSV file ({why})",
                           where=path + ":" + str(reader.line_num), why=str(exc))) from None


def _decode(data: bytes, aliases: dict[str, str], notes: list[str], name: str) -> str:
    """The text of a CSV roster: UTF-16 with a BOM; UTF-8, when it has a BOM or is
    overwhelmingly valid UTF-8 (a broken byte is U+FFFD and a note at its line and column,
    not a reason to read the whole file in another encoding); else GB18030 or Big5,
    whichever reads the header row as known columns (GBK and Big5 bytes are mostly valid
    in each other's encoding, as mojibake), else the one the loader's `legacy_encoding`
    sees, else GB18030; a character that one cannot read is U+FFFD and a note."""
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data[3 if bom else 0:].decode("utf-8", errors="surrogateescape")
    broken = [m.start() for m in _BROKEN.finditer(text)]
    if not broken:
        return text
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))  # no list of them
    if bom or len(broken) * UTF8_SHARE <= non_ascii - len(broken):
        notes.append(_broken_note(text, broken, name))
        return _BROKEN.sub("\ufffd", text)
    texts = {encoding: legacy_text(data, encoding) for encoding in _LEGACY}
    chosen = "Big5" if legacy_encoding(data) == "Big5" else "GBK"
    for encoding, text in texts.items():
        header = next((line for line in text.splitlines() if line.strip(",;\t ")), "")
        if any(_norm(cell) in aliases for cell in re.split(r"[,;\t]", header)):
            chosen = encoding
            break
    text = texts[chosen]
    if "\ufffd" in text and not legacy_text(data, chosen, strict=True):
        notes.append(_unread_note(text, chosen, name))
    return text


def _unread_note(text: str, encoding: str, name: str) -> str:
    """Where the first byte `encoding` could not read is (line and column in characters) and
    how many more: each is U+FFFD in the roster, said rather than written silently."""
    first, more = text.index("\ufffd"), text.count("\ufffd") - 1
    line = text.count("\n", 0, first) + 1
    col = first - (text.rfind("\n", 0, first) + 1) + 1
    where = f"{name}:{line}:{col}"
    if not more:
        return M("{where}: a character {encoding} cannot read, read as U+FFFD (the rest of "
                 "the file is {encoding})", where=where, encoding=encoding)
    return M("{where}: a character {encoding} cannot read and {more} more, each read as "
             "U+FFFD (the rest of the file is {encoding})", where=where, encoding=encoding,
             more=more)


# A file whose non-ASCII characters are valid UTF-8 at least this many times for each broken
# byte is UTF-8 with a broken byte: GBK or Big5 text read as UTF-8 has more broken bytes
# than valid characters (0.05 to 0.5 valid per broken one in the seed documents).
UTF8_SHARE = 20
_BROKEN = re.compile("[\udc80-\udcff]")  # a byte UTF-8 could not read (surrogateescape)


def _broken_note(text: str, broken: list[int], name: str) -> str:
    """Where the first broken byte is (line and column in characters) and how many more."""
    first = broken[0]
    line = text.count("\n", 0, first) + 1
    col = first - (text.rfind("\n", 0, first) + 1) + 1
    where, byte = f"{name}:{line}:{col}", f"{ord(text[first]) - 0xDC00:02X}"
    if len(broken) == 1:
        return M("{where}: invalid UTF-8 byte 0x{byte}, read as U+FFFD (the rest of the file "
                 "is UTF-8)", where=where, byte=byte)
    return M("{where}: invalid UTF-8 byte 0x{byte} and {more} more, each read as U+FFFD (the "
             "rest of the file is UTF-8)", where=where, byte=byte, more=len(broken) - 1)


def _bytes(path: str) -> bytes:
    try:
        if os.path.getsize(path) > MAX_BYTES:
            raise AdoptError(M("{where}: larger than {mb} MB", where=path,
                               mb=MAX_BYTES // 2**20))
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise AdoptError(M("cannot read {path!r}: {why}", path=path,
                           why=reason(exc))) from None


def _xlsx(path: str, sheet: str | None) -> list[tuple[str, list[list[str]]]]:
    try:
        import openpyxl
    except ImportError:
        from orgspec.adopt.extras import install_command
        raise AdoptError(M("reading XLSX needs openpyxl: {command}",
                           command=install_command("xlsx"))) from None
    _unpacked_size(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise AdoptError(M("{where}: not a readable XLSX workbook ({kind})", where=path,
                           kind=type(exc).__name__)) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise AdoptError(M("{where}: no sheet {sheet!r} (sheets: {sheets})", where=path,
                               sheet=sheet, sheets=list(book.sheetnames)))
        # a hidden sheet (last year's staff, a lookup table) is read only when named
        sheets = [book[sheet]] if sheet else [ws for ws in book.worksheets
                                              if getattr(ws, "sheet_state", "") == "visible"]
        try:
            return [(ws.title, _spread_merged(_sheet_rows(ws), _merged_ranges(book, ws)))
                    for ws in sheets]
        except Exception as exc:  # a sheet's XML is parsed only now, as its rows are read
            raise AdoptError(M("{where}: not a readable XLSX workbook ({kind})", where=path,
                               kind=type(exc).__name__)) from None
    finally:
        book.close()


def _unpacked_size(path: str) -> None:
    """Refuse an XLSX whose parts unpack to more than MAX_UNPACKED bytes (their sizes as
    its zip directory declares them: zipfile reads a part no further than that), before
    any XML in it is parsed: a zip bomb of a few KB would be read to gigabytes. A file that
    is no zip is left to openpyxl, which says so."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return
    if size > MAX_UNPACKED:
        raise AdoptError(M("{where}: unpacks to more than {mb} MB; not read", where=path,
                           mb=MAX_UNPACKED // 2**20))


def _merged_ranges(book: Any, ws: Any) -> list[tuple[int, int, int, int]]:
    """The merged cells of a read-only sheet as (min_col, min_row, max_col, max_row), 1-based:
    read-only mode does not give them (`ws.merged_cells` is the full mode's, which loads
    every cell as an object), so the `<mergeCell ref>`s are read from the sheet's XML, one
    streamed pass (openpyxl's own parser, defusedxml when installed)."""
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.xml.functions import iterparse

    archive, where = getattr(book, "_archive", None), getattr(ws, "_worksheet_path", None)
    if archive is None or where is None:
        return []
    out: list[tuple[int, int, int, int]] = []
    with archive.open(where) as xml:
        for _, element in iterparse(xml):
            if element.tag.endswith("}mergeCell") and element.get("ref"):
                with contextlib.suppress(ValueError, TypeError):  # malformed: cells as they are
                    out.append(tuple(range_boundaries(element.get("ref"))))
            elif element.tag.endswith("}row"):
                element.clear()  # the cells were read already: keep memory flat
    return out


def _spread_merged(rows: list[list[str]], ranges: list[tuple[int, int, int, int]]
                   ) -> list[list[str]]:
    """`rows` with a merged cell's value (its top-left cell's) in every cell it spans, as a
    reader of the sheet sees it: a 部门 merged over five rows is each row's 部门.

    Only the rows with a value of their own and the columns some row reaches are filled, so
    a merge named A1:XFD1048576 costs the roster's cells, not the sheet's; and all merges
    together fill each such cell at most once over: Excel never overlaps two merges, so a
    merge past that budget is one of a hostile file's overlapping ones and is not spread."""
    width = min(max((len(row) for row in rows), default=0), MAX_COLUMNS)
    full = [number for number, row in enumerate(rows, 1) if row]  # 1-based
    budget = len(full) * width
    for min_col, min_row, max_col, max_row in dict.fromkeys(ranges):
        if min_row > len(rows) or min_col > width:
            continue
        top = rows[min_row - 1]
        value = top[min_col - 1] if min_col <= len(top) else ""
        last = min(max_col, width)
        first, stop = bisect.bisect_left(full, min_row), bisect.bisect_right(full, max_row)
        cost = (stop - first) * (last - min_col + 1)
        if not value or cost > budget:
            continue
        budget -= cost
        for number in full[first:stop]:
            row = rows[number - 1]
            row.extend([""] * (last - len(row)))
            for c in range(min_col - 1, last):
                if not row[c]:
                    row[c] = value
    return rows


MAX_COLUMNS = 256  # a roster has a dozen; the rest of a row is not read


def _sheet_rows(ws: Any) -> list[list[str]]:
    """A sheet's rows as text, each to its last value. Not padded to the size the sheet
    declares: one stray cell at XFD1048576 (`<dimension ref="A1:XFD1048576"/>`) made
    openpyxl pad a million rows to 16,384 columns (minutes and gigabytes)."""
    if hasattr(ws, "reset_dimensions"):  # read-only sheets (the only kind opened here)
        ws.reset_dimensions()
    rows: list[list[str]] = []
    for row in ws.iter_rows(values_only=True, max_col=MAX_COLUMNS):
        if row.count(None) == len(row):  # the rows between two written ones
            rows.append([])
            continue
        cells = [_text(v) for v in row]
        while cells and not cells[-1]:
            cells.pop()
        rows.append(cells)
    while rows and not rows[-1]:
        rows.pop()
    return rows


# A header that names a number or code (员工号码, Staff No., ID), not a phone's, holds each
# person's id more often than not: when no column gives ids, the note on columns not read
# says how to read it as them.
_NUMBERED = re.compile(r"编号|編號|号码|號碼|代码|代碼|代號|\bid\b|\bno\b|number|code")
_PHONE = re.compile(r"电话|電話|手机|手機|phone|mobile|\btel\b|fax|传真|傳真")


def _shell_word(text: str) -> str:
    """`text` as typed in a shell: quoted when it holds a space or a character a shell reads
    (Chinese and other letters need none)."""
    return shlex.quote(text) if re.search(r"[^\w@%+=:,./-]", text) else text


def _not_read(where: str, ignored: list[str], ids: bool) -> M:
    """The note naming the columns read for no field, and the fields `--column` maps a
    header to; `person` said with a header that looks like an employee number when no
    column gives ids (`ids` False)."""
    numbered = None if ids else next(
        (h for h in ignored if _NUMBERED.search(_norm(h)) and not _PHONE.search(_norm(h))),
        None)
    if numbered is not None:
        return M("{where}: columns not read: {columns} (orgspec keeps no such field; one that "
                 "holds a field under another header is read with --column FIELD=HEADER, "
                 "FIELD one of {fields}: if {header} is each person's employee number, "
                 "--column {option} makes it their id)", where=where, columns=ignored,
                 fields=list(FIELDS), header=numbered, option=_shell_word("person=" + numbered))
    return M("{where}: columns not read: {columns} (orgspec keeps no such field; one that "
             "holds a field under another header is read with --column FIELD=HEADER, FIELD "
             "one of {fields})", where=where, columns=ignored, fields=list(FIELDS))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # employee number 1024 stored as 1024.0
    return str(value)


def import_roster(paths: list[str], mapping: dict[str, str] | None = None,
                  sheet: str | None = None, ids: IdMap | None = None) -> Draft:
    """Read every roster in `paths` into one Draft."""
    ids = ids or IdMap()
    draft = Draft("roster")
    rows = []
    headers: set[str] = set()
    for path in paths:
        ignored: list[str] = []
        read = read_rows(path, mapping or {}, sheet, ignored, draft.notes, headers)
        rows += [(path, r) for r in read]
        if ignored:  # said, so that no column is dropped silently
            draft.notes.append(_not_read(os.path.basename(path), ignored,
                                         any("person" in r.values for r in read)))
    for key, (field_, header) in getattr(mapping, "written", {}).items():
        if key not in headers:  # a typo in --column would otherwise drop its column unsaid
            draft.notes.append(M("--column {field}={header}: the roster has no column "
                                 "{header!r}", field=field_, header=header))
    draft.notes.extend(_one_spelling(rows))
    teams = _TeamKeys(rows, ids)
    draft.notes.extend(teams.notes)
    people = _PersonKeys(rows, teams, ids)
    draft.notes.extend(people.notes)
    person_of: dict[tuple[str, int], str] = {}
    known: dict[str, str] = {}  # the person's source key -> id
    flagged: dict[str, dict[str, str]] = {}  # team id -> person flagged as its lead -> row
    member_row: dict[str, str] = {}  # team id -> its first row
    parent_row: dict[str, str] = {}  # team id -> the first row naming it as parent
    first_row: dict[str, str] = {}  # person id -> their first row
    for path, row in rows:
        where = _where(path, row)
        key, text = people.key(path, row)
        if not key:
            draft.notes.append(M("{where}: no person or name; skipped", where=where))
            continue
        pid = ids.get("person", key, text, row.get("email"))
        person_of[(path, row.line)] = pid
        first_row.setdefault(pid, where)
        known.setdefault(key, pid)
        person = draft.person(pid)
        person.name = person.name or row.get("name") or None
        person.name_en = person.name_en or row.get("name_en") or None
        person.name_zh = person.name_zh or row.get("name_zh") or None
        person.name_zh_hant = person.name_zh_hant or row.get("name_zh_hant") or None
        person.title = person.title or row.get("title") or None
        email = row.get("email")
        if email and "@" in email and not person.email:
            person.email = email
        tkey, tname = teams.team(path, row, draft.notes)
        if not tkey:
            draft.notes.append(M("{where}: {person} has no team", where=where,
                                 person=row.get("name") or key))
            continue
        team = draft.team(ids.get("team", tkey, teams.slug_text(tkey, tname)))
        team.name = team.name or tname or None
        member_row.setdefault(team.id, where)
        draft.add_member(team.id, pid)
        pkey, pname = teams.parent(path, row, draft.notes)
        if pkey:
            parent = draft.team(ids.get("team", pkey, teams.slug_text(pkey, pname)))
            parent.name = parent.name or pname or None
            parent_row.setdefault(parent.id, where)
            if team.parent is None and parent.id != team.id:
                team.parent = parent.id
        if row.get("lead").casefold() in YES:
            flagged.setdefault(team.id, {}).setdefault(pid, where)
            team.lead = team.lead or pid
    draft.notes.extend(_nameless(draft, first_row))
    # a team none of whose rows is flagged (or a roster without the column) is led by the
    # top of its reporting chain
    _reporting_lines(draft, rows, person_of, known)
    _infer_leads(draft, rows, person_of, known)
    tree = [] if any(_parent_text(row) for _, row in rows) else \
        _infer_parents(draft, rows, person_of, known)
    draft.notes.extend(_team_id_note(draft, rows, ids))
    draft.notes.extend(_unknown_managers(draft, rows, person_of, known))
    draft.notes.extend(_one_name_two_ids(rows))
    draft.notes.extend(_spelt_two_ways(draft, member_row))
    draft.notes.extend(_new_team_ids(rows, ids.existing.get("team", {})))
    draft.notes.extend(teams.kept_notes(ids))
    draft.notes.extend(people.split_notes(ids))
    draft.notes.extend(_english_managers(draft, rows, person_of, known))
    draft.flagged = flagged
    several = flagged_notes(draft)  # told again once the team files are known
    draft.flagged_notes = (len(draft.notes), len(several))
    draft.notes.extend(several)
    draft.lead_rows = (member_row, parent_row,
                       not flagged and not any(row.get("manager") for _, row in rows))
    leaderless = leaderless_notes(draft)  # told again once the org in the output folder
    draft.leaderless_notes = (len(draft.notes), len(leaderless))  # is known (its leads)
    draft.notes.extend(leaderless)
    if tree:  # told again once the org in the output folder is known (`retell_tree`)
        draft.tree_notes = (len(draft.notes), len(tree))
    draft.notes.extend(tree)
    return draft


def _team_id_note(draft: Draft, rows: list[tuple[str, Row]], ids: IdMap) -> list[str]:
    """On a first import whose roster gives no team ids, one note that the ids were made
    from the department names (客服部 -> ke-fu-bu: Hanyu pinyin, which a Taiwanese team
    may not write, so only for names in Traditional script) and how to choose them: a
    department-id column (`team_id`, 部门编号). None on a re-import: its ids are kept."""
    if ids.previous.get("team") or any(row.get("team_id") for _, row in rows):
        return []
    from orgspec.text.script import to_simplified

    made = [f"{team.name} → {tid}" for tid, team in sorted(draft.teams.items())
            if team.name and not team.name.isascii() and team.name != tid]
    if not any(to_simplified(name) != name for name in (t.name or "" for t in
                                                       draft.teams.values())):
        return []  # Simplified names: pinyin is what their writers would choose
    more: list[str] = [P("and {n} more", "and {n} more", n=len(made) - 3)] \
        if len(made) > 3 else []
    return [M("team ids were made from the department names in pinyin: {made}; to choose "
              "them yourself, add a department-id column to the roster (read as team_id; "
              "--column team_id=HEADER reads another header)", made=made[:3] + more)]


def _nameless(draft: Draft, first_row: dict[str, str]) -> list[str]:
    """One note on the people no row gives a name (a blank 姓名 cell beside a 工号): they
    are imported, by id, but a handbook of ids is no directory. O(people)."""
    missing = [(first_row[pid], pid) for pid, person in draft.people.items()
               if not person.name and pid in first_row]
    if len(missing) == 1:
        [(where, pid)] = missing
        return [M("{where}: person {id} has no name; imported without one: fill in the "
                  "name column, or write `name:` in their entry", where=where, id=pid)]
    if not missing:
        return []
    shown = [f"{pid} ({where})" for where, pid in missing[:SHOWN]]
    more = M(" and {n} more", n=len(missing) - SHOWN) if len(missing) > SHOWN else ""
    return [P("{n} person has no name in the roster: {people}{more}; imported without "
              "one: fill in the name column, or write `name:` in their entries",
              "{n} people have no name in the roster: {people}{more}; imported without "
              "one: fill in the name column, or write `name:` in their entries",
              n=len(missing), people=shown, more=more)]


def _where(path: str, row: Row) -> str:
    return os.path.basename(path) + ":" + str(row.line)


def flagged_notes(draft: Draft) -> list[str]:
    """A note per team with several people flagged as its lead (the first is taken), naming
    the file the team is in (`draft.homes`, known once the output folder is read:
    `importer.keep_own_fields` tells these anew)."""
    out: list[str] = []
    for tid, leads in draft.flagged.items():
        if len(leads) > 1:
            team = draft.teams[tid]
            out.append(M("{where}: team {team} has {n} people flagged as lead: {people}; the "
                         "first, {lead}, is taken (set `lead:` in {file} to choose another)",
                         where=next(iter(leads.values())), team=team.name or tid,
                         n=len(leads), people=list(leads), lead=team.lead,
                         file=draft.homes.get(tid, team_file(tid))))
    return out


def leaderless_notes(draft: Draft) -> list[str]:
    """A note per team left with no lead, by the roster and by the team's file in the output
    folder (`importer.keep_own_fields` fills a lead from it, then tells these anew); one note
    for all when no row flags a lead or names a manager (a roster without those columns),
    not one per team (`draft.lead_rows`). O(teams)."""
    leaderless = [tid for tid, team in draft.teams.items() if team.lead is None]
    if not leaderless or draft.lead_rows is None:
        return []
    member_row, parent_row, unsaid = draft.lead_rows
    if unsaid:
        return [M("no row flags a lead or names a manager, so no team has a lead (teams: "
                  "{n}): flag each team's lead in a lead column (Lead: yes) or set "
                  "`lead:` in the team's file", n=len(leaderless))]
    out: list[str] = []
    for tid in leaderless:
        team, file = draft.teams[tid], draft.homes.get(tid, team_file(tid))
        why, people = draft.lead_unclear.get(tid, ("", []))
        names = [_person_name(draft, pid) for pid in people]
        if why == "tie" and tid in member_row:
            out.append(M("{where}: team {team} has no lead: no row of it is flagged as lead "
                         "and {people} each head as much of it by the manager column; set "
                         "`lead:` in {file}", where=member_row[tid], team=team.name or tid,
                         people=names, file=file))
        elif why == "loop" and tid in member_row:
            out.append(M("{where}: team {team} has no lead: no row of it is flagged as lead "
                         "and its managers go round in a loop ({loop}), so no one heads it; "
                         "correct the manager column or set `lead:` in {file}",
                         where=member_row[tid], team=team.name or tid,
                         loop=" → ".join([*names, names[0]] if names else []), file=file))
        elif tid in member_row:
            out.append(M("{where}: team {team} has no lead: no row of it is flagged as lead "
                         "and no one in it is named as the others' manager; set `lead:` in "
                         "{file}", where=member_row[tid], team=team.name or tid, file=file))
        else:
            out.append(M("{where}: team {team} has no lead: the roster names it only as a "
                         "parent department, with no one in it; set `lead:` in {file}",
                         where=parent_row.get(tid, ""), team=team.name or tid, file=file))
    return out


def _person_name(draft: Draft, pid: str) -> str:
    """A person as a note names them: their name, else their id."""
    person = draft.people.get(pid)
    return person.name if person is not None and person.name else pid


def _new_team_ids(rows: list[tuple[str, Row]], existing: dict[str, str]) -> list[str]:
    """A note per team id of the roster (`部门编号`, `上级部门编号`) that the org already in
    the output folder does not have while it has a close id (`warehose` beside
    `warehouse`) or a team of the same name under another id: the id makes a new team.
    `existing`: id -> display name (`importer.existing_ids`). O(rows) plus one did-you-mean
    index, built on the first new id."""
    if not existing:
        return []
    from orgspec.text.suggest import Suggester

    by_name: dict[str, str] = {}
    for ident in sorted(existing, reverse=True):
        if existing[ident]:
            by_name[existing[ident]] = ident
    close: Suggester | None = None
    seen: set[str] = set()
    out: list[str] = []
    for path, row in rows:
        for ident, name in ((row.get("team_id"), row.get("team")),
                            (row.get("parent_team_id"), row.get("parent_team"))):
            if not ident or ident in existing or ident in seen:
                continue
            seen.add(ident)
            where = os.path.basename(path) + ":" + str(row.line)
            same = by_name.get(name) if name else None
            if same is not None:
                out.append(M("{where}: team id {id!r} is new, but the org in the output folder "
                             "has {name} as {other!r}: did you mean {other!r}? (a second "
                             "team called {name} is made)", where=where, id=ident, name=name,
                             other=same))
                continue
            close = close or Suggester(existing)
            other = close.close(ident)
            if other is not None:
                out.append(M("{where}: team id {id!r} is not in the org in the output folder: "
                             "did you mean {other!r}? (a new team {id!r} is made)",
                             where=where, id=ident, other=other))
    return out


def _one_spelling(rows: list[tuple[str, Row]]) -> list[str]:
    """Department names that are one name as `show` and RF008 read names (`text.fold`:
    營運部 and 营运部, `HR 部` and `ＨＲ　部`) written as the spelling most cells use (ties: the
    first met), in `team` and `parent_team` cells of rows without the matching id column,
    so that they are one team, not a second one of the same name; a note per name merged,
    naming the spellings. Changes `rows` in place. O(rows)."""
    from orgspec.text.fold import fold_name

    spellings: dict[str, Counter[str]] = {}  # folded -> spelling -> cells
    first: dict[str, str] = {}  # spelling -> its first row (file:line)
    cells = (("team", "team_id"), ("parent_team", "parent_team_id"))
    for path, row in rows:
        for field, id_field in cells:
            name = row.get(field)
            if name and not row.get(id_field):
                spellings.setdefault(fold_name(name), Counter())[name] += 1
                first.setdefault(name, _where(path, row))
    chosen: dict[str, str] = {}  # spelling -> the one it is written as
    out: list[str] = []
    for counts in spellings.values():
        if len(counts) < 2:
            continue
        # Counter keeps the order met: a stable sort on the count breaks a tie by it
        main, *others = sorted(counts, key=lambda s: -counts[s])
        for other in others:
            chosen[other] = main
            out.append(M("{where}: department {other} is {name} written another way "
                         "(Traditional or Simplified script, full-width letters or case): "
                         "imported as one team, {name}", where=first[other], other=other,
                         name=main))
    if chosen:
        for _, row in rows:
            for field, id_field in cells:
                name = row.get(field)
                if name in chosen and not row.get(id_field):
                    row.values[field] = chosen[name]
    return out


def _spelt_two_ways(draft: Draft, first_row: dict[str, str]) -> list[str]:
    """A note per group of teams whose names hold the same characters, read in one script
    (營運部, 運營部 and 营运部): one department spelt two ways in HR's file, imported as
    several teams, with how to keep them one. O(teams)."""
    from orgspec.text.fold import fold_name

    groups: dict[str, list[str]] = {}
    for tid, team in draft.teams.items():
        if team.name and len(team.name) > 1:
            groups.setdefault("".join(sorted(fold_name(team.name))), []).append(tid)
    out: list[str] = []
    for tids in groups.values():
        if len(tids) < 2 or len({draft.teams[t].name for t in tids}) < 2:
            continue
        keep, *others = tids  # in the order the roster first names them
        out.append(M("{teams} look like one department spelt {n} ways: if they are one, move "
                     "the members of {others} into {keep}'s file, add {ids} to its `aliases` "
                     "and delete the others' files; a re-import then keeps them in {keep}",
                     teams=[f"{draft.teams[t].name} ({first_row.get(t, t)})" for t in
                            [keep, *others]], n=len(tids),
                     others=[str(draft.teams[t].name) for t in others],
                     keep=str(draft.teams[keep].name), ids=others))
    return out


def _one_name_two_ids(rows: list[tuple[str, Row]]) -> list[str]:
    """A note per team id that shares its team name with another id on more rows (`部门编号`
    `warehose` beside `warehouse`, both 仓储物流部): each id makes a team, so a typo makes a
    second team of one name. O(rows)."""
    from orgspec.text.suggest import closest

    ids: dict[str, Counter[str]] = {}
    first: dict[tuple[str, str], str] = {}
    for path, row in rows:
        name, ident = row.get("team"), row.get("team_id")
        if name and ident:
            ids.setdefault(name, Counter())[ident] += 1
            first.setdefault((name, ident), os.path.basename(path) + ":" + str(row.line))
    out: list[str] = []
    for name in sorted(n for n, counts in ids.items() if len(counts) > 1):
        main, *others = sorted(ids[name], key=lambda i: (-ids[name][i], i))
        for ident in others:
            where = first[(name, ident)]
            out.append(M("{where}: team id {id!r} names {name} too, as {other!r} does on "
                         "{n} rows: did you mean {other!r}? (two teams called {name} are "
                         "made)", where=where, id=ident, name=name, other=main,
                         n=ids[name][main]) if closest(ident, [main]) else
                       M("{where}: team ids {id!r} and {other!r} are both called {name}: two "
                         "teams of one name are made", where=where, id=ident, other=main,
                         name=name))
    return out


class _PersonKeys:
    """The source key, and the text its id is made from, of the person on each row: the
    person id (工号), else the e-mail, else the name. Rows of one name with neither are one
    person only where they give the same department and title; otherwise as many people,
    keyed `NAME/TEAM` (`NAME/TEAM/TITLE` for two of a name in one department), so no id
    hangs on the rows' order. An id an earlier import gave the name stays with the one in
    a team the org in the output folder has them in (else the first), and one given to
    `NAME/TEAM` stays with the name when it is one person again. A row repeating an
    earlier one, or merged into one, is a note. O(rows)."""

    def __init__(self, rows: list[tuple[str, Row]], teams: _TeamKeys, ids: IdMap) -> None:
        self.notes: list[str] = []
        self.keys: dict[tuple[str, int], str] = {}  # (file, line) -> key of a split name
        self.repeats: dict[tuple[str, int], tuple[str, int]] = {}  # row -> the one it repeats
        seen: dict[tuple[tuple[str, str], ...], tuple[str, Row]] = {}  # values -> first row
        groups: dict[str, dict[tuple[str, str], list[tuple[str, Row]]]] = {}
        self.team_of: dict[tuple[str, tuple[str, str]], str] = {}  # (name, group) -> team
        for path, row in rows:
            values = tuple(sorted(row.values.items()))
            if values in seen:
                first = seen[values]
                self.repeats[(path, row.line)] = (first[0], first[1].line)
                self.notes.append(M("{where}: repeats {other}; read once",
                                    where=_where(path, row), other=_where(*first)))
                continue
            seen[values] = (path, row)
            key, _ = _person_key(row)
            if key and not row.get("person") and not row.get("email"):
                tkey, tname = teams.team(path, row, [])
                ident = (tkey, row.get("title"))
                same = groups.setdefault(key, {}).setdefault(ident, [])
                self.team_of.setdefault((key, ident), tname)
                if same:
                    self.notes.append(M(
                        "{where}: {name} again, in the same department with the same title "
                        "as on {other}: taken as the same person", where=_where(path, row),
                        name=key, other=_where(*same[0])))
                same.append((path, row))
        # (first row, name, the people's keys and teams)
        self.split: list[tuple[str, str, list[tuple[str, str]]]] = []
        team_keys: defaultdict[str, list[str]] | None = None  # team id -> its earlier keys
        for name, by in groups.items():
            per_team = Counter(tkey for tkey, _ in by)
            keys = {ident: f"{name}/{ident[0]}" if per_team[ident[0]] == 1 else
                    f"{name}/{ident[0]}/{ident[1]}" for ident in by}
            if len(by) == 1:  # one person again: the id a qualified key of theirs had,
                # under the team's key now or one it had (客服部 was 物流事业部/客服部 beside a
                # namesake department)
                ident = next(iter(by))
                if team_keys is None:
                    team_keys = defaultdict(list)
                    for tkey, issued in ids.previous.get("team", {}).items():
                        team_keys[issued].append(tkey)
                team_id = ids.issued("team", ident[0])
                for tkey in (ident[0], *(team_keys.get(team_id, ()) if team_id else ())):
                    if any(ids.inherit("person", name, old, replace=True)
                           for old in (f"{name}/{tkey}", f"{name}/{tkey}/{ident[1]}")):
                        break
                continue
            old_id = ids.issued("person", name)
            if old_id is not None and not any(ids.issued("person", k) for k in keys.values()):
                homes = ids.within.get("person", {}).get(old_id, ())
                heir = next((i for i in by if ids.issued("team", i[0]) in homes), next(iter(by)))
                ids.inherit("person", keys[heir], name)
            for ident, same in by.items():
                for path, row in same:
                    self.keys[(path, row.line)] = keys[ident]
            first = next(iter(by.values()))[0]
            self.split.append((_where(*first), name, [(keys[i], self.team_of[(name, i)])
                                                       for i in by]))

    def key(self, path: str, row: Row) -> tuple[str, str]:
        """The row's person key and the text their id is made from ("" for none)."""
        key, text = _person_key(row)
        at = self.repeats.get((path, row.line), (path, row.line))
        return self.keys.get(at, key), text

    def split_notes(self, ids: IdMap) -> list[str]:
        """The names that are several people, with their ids: one note for one name; for
        more, a summary with the counts and then one short note a name (a roster of 20,000
        rows has thousands of such names; the reason and the fix are said once)."""
        given = ids.ids.get("person", {})
        named = [(where, name, len(people), [f"{given[k]} ({team})" if team else given[k]
                                             for k, team in people if k in given])
                 for where, name, people in self.split]
        if len(named) == 1:
            [(where, name, n, people)] = named
            return [M("{where}: {n} people are called {name} and no employee ID or email "
                      "tells them apart: imported as {n} people, {ids}, told apart by "
                      "department and title (if they are one person, give their rows one "
                      "employee ID)", where=where, n=n, name=name, ids=people)]
        if not named:
            return []
        summary = M("{names} names are each several people ({people} people in all) and no "
                    "employee ID or email tells them apart: told apart by department and "
                    "title, one note a name below (if some are one person, give their rows "
                    "one employee ID)", names=len(named), people=sum(n for _, _, n, _ in named))
        return [summary, *(M("{where}: {name} is {n} people: {ids}", where=where, name=name,
                             n=n, ids=people) for where, name, n, people in named)]


def _person_key(row: Row) -> tuple[str, str]:
    if row.get("person"):
        return row.get("person"), row.get("person")
    if row.get("email"):
        return row.get("email"), row.get("email").partition("@")[0]
    return row.get("name"), row.get("name")


class _TeamKeys:
    """The source key and name of the team a row is in, and of its parent: one key per team
    whether a row names it by id or by name. Departments of one name under different parents
    (two 运营部, one under 电商事业部 and one under 物流事业部) are as many teams, keyed
    `PARENT/NAME` and named `NAME（PARENT）` so that they can be told apart (an id built from
    that name does not hang on the rows' order); `notes` says so. An id an earlier import
    gave the name when it was one department stays with the one of them under the parent
    the org in the output folder gives it (else the first under a parent imported before,
    else the first), and an id given to `PARENT/NAME` stays with the name when it is one
    department again (`ids`, inherit). O(rows)."""

    def __init__(self, rows: list[tuple[str, Row]], ids: IdMap) -> None:
        self.by_name = {r.get("team"): r.get("team_id") for _, r in rows if r.get("team")}
        with_id = {r.get("team") for _, r in rows if r.get("team_id")}
        parents: dict[str, dict[str, str]] = {}  # name -> parent -> first row (file:line)
        parent_keys: dict[tuple[str, str], str] = {}  # (name, parent) -> the parent's key
        for path, row in rows:
            name = row.get("team")
            if name and name not in with_id:
                parent = _parent_text(row)
                if parent:
                    parents.setdefault(name, {}).setdefault(parent, _where(path, row))
                    parent_keys.setdefault((name, parent), self._key(
                        row.get("parent_team_id"), row.get("parent_team")))
        self.shared = {name: list(by) for name, by in parents.items() if len(by) > 1}
        self.notes = [M("{where}: {n} departments are called {name}, under {parents}: "
                        "imported as {n} teams, {teams}", where=next(iter(
                            parents[name].values())), n=len(under), name=name,
                        parents=under, teams=[_qualified(name, p) for p in under])
                      for name, under in sorted(self.shared.items())]
        self.qualified = {p + "/" + name for name, under in self.shared.items() for p in under}
        self.said: set[tuple[str, str]] = set()
        self.kept: list[tuple[str, str, str]] = []  # (row, name, parent) keeping an old id
        for name, by in sorted(parents.items()):
            if name not in self.shared:  # one department again: its qualified key's id
                ids.inherit("team", name, next(iter(by)) + "/" + name, replace=True)
                continue
            under = self.shared[name]
            old = ids.issued("team", name)
            if old is None or any(ids.issued("team", p + "/" + name) for p in under):
                continue
            homes = ids.within.get("team", {}).get(old, ())
            earlier = {p: ids.issued("team", parent_keys[(name, p)]) for p in under}
            heir = next((p for p in under if earlier[p] in homes), None) or \
                next((p for p in under if earlier[p]), under[0])
            ids.inherit("team", heir + "/" + name, name)
            self.kept.append((by[heir], name, heir))

    def kept_notes(self, ids: IdMap) -> list[str]:
        """A note per department that kept the id an earlier import gave its name, naming
        the new ids of the others of that name."""
        given = ids.ids.get("team", {})
        return [M("{where}: {team} keeps the id {id!r} an earlier import gave {name}; the "
                  "other departments called {name} get new ids: {new}", where=where,
                  team=_qualified(name, heir), id=given.get(heir + "/" + name, ""),
                  name=name, new=[given[p + "/" + name] for p in self.shared[name]
                                  if p != heir and p + "/" + name in given])
                for where, name, heir in self.kept]

    def slug_text(self, key: str, name: str) -> str | None:
        """What a team's id is made from: its qualified name for one of several of a name,
        else its key (None)."""
        return name if key in self.qualified else None

    def _key(self, ident: str, name: str) -> str:
        return ident or self.by_name.get(name) or name

    def team(self, path: str, row: Row, notes: list[str]) -> tuple[str, str]:
        name = row.get("team")
        if not row.get("team_id") and name in self.shared:
            parent = _parent_text(row)
            if not parent:
                parent = self.shared[name][0]
                notes.append(M("{where}: no parent department for {name}, one of several "
                               "called so; taken as {first}", where=os.path.basename(path)
                               + ":" + str(row.line), name=name,
                               first=_qualified(name, parent)))
            return parent + "/" + name, _qualified(name, parent)
        return self._key(row.get("team_id"), name), name

    def parent(self, path: str, row: Row, notes: list[str]) -> tuple[str, str]:
        name = row.get("parent_team")
        if not row.get("parent_team_id") and name in self.shared:
            first = self.shared[name][0]
            if (name, row.get("team")) not in self.said:
                self.said.add((name, row.get("team")))
                notes.append(M("{where}: parent department {name} of {team} is one of "
                               "several called so; taken as {first}",
                               where=os.path.basename(path) + ":" + str(row.line), name=name,
                               team=row.get("team"), first=_qualified(name, first)))
            return first + "/" + name, _qualified(name, first)
        return self._key(row.get("parent_team_id"), name), name


def _parent_text(row: Row) -> str:
    return row.get("parent_team") or row.get("parent_team_id")


def _qualified(name: str, parent: str) -> str:
    """`运营部（电商事业部）`, `Ops (E-commerce)`: a name told apart by its parent's."""
    if any(not c.isascii() and c.isalpha() for c in name + parent):
        return f"{name}（{parent}）"
    return f"{name} ({parent})"


class _Who:
    """A `manager` as written -> the ids it may be: by source id, id, e-mail or name as
    written, else by name as `check` matches a name (`text.fold.fold_name`: 王建國 is
    王建国; case, width and blanks aside), that index made on the first miss."""

    def __init__(self, exact: dict[str, list[str]], names: dict[str, list[str]]) -> None:
        self.exact = exact
        self._names = names  # name as written -> ids
        self._folded: dict[str, list[str]] | None = None

    def __call__(self, text: str) -> list[str]:
        if not text:
            return []
        found = self.exact.get(text)
        if found is not None:
            return found
        from orgspec.text.fold import fold_name

        if self._folded is None:
            self._folded = {}
            for name, pids in self._names.items():
                ids = self._folded.setdefault(fold_name(name), [])
                ids.extend(p for p in pids if p not in ids)
        return self._folded.get(fold_name(text), [])


def _who(draft: Draft, person_of: dict[tuple[str, int], str], known: dict[str, str]
         ) -> tuple[_Who, dict[str, set[str]]]:
    """Who a `manager` as written may be (`_Who`); and each person's teams."""
    who: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for pid in dict.fromkeys(person_of.values()):
        person = draft.people[pid]
        others = (person.name_en, person.name_zh, person.name_zh_hant)
        for text in (pid, person.email, person.name, *others):
            if text and pid not in who.setdefault(text, []):
                who[text].append(pid)
        for name in (person.name, *others):  # `Jing Chen`, the 英文名 of 陈静
            if name and pid not in names.setdefault(name, []):
                names[name].append(pid)
    who.update({key: [pid] for key, pid in known.items()})
    teams_of: dict[str, set[str]] = {}
    for team in draft.teams.values():
        for pid in team.members:
            teams_of.setdefault(pid, set()).add(team.id)
    return _Who(who, names), teams_of


SHOWN = 10  # the unknown managers a note names (a count says the rest)
# the longest reference a model takes (`models.Ref`): a longer cell is no one's name or id,
# and kept as written it made the imported org fail its own check (SC003: fuzz seed
# 1796430767); the unknown-managers note still names it
_REF_MAX = 100


def _english_managers(draft: Draft, rows: list[tuple[str, Row]],
                      person_of: dict[tuple[str, int], str], known: dict[str, str]
                      ) -> list[str]:
    """One note naming the managers written as a person's English name (`Jing Chen`, the
    英文名 of 陈静), each with the person it was read as: no other column names them.
    O(rows)."""
    if not any(person.name_en for person in draft.people.values()):
        return []
    from orgspec.text.fold import fold_name

    who, _ = _who(draft, person_of, known)
    said: dict[str, str] = {}
    for _, row in rows:
        manager = row.get("manager")
        found = who(manager) if manager and manager not in said else []
        person = draft.people[found[0]] if len(found) == 1 else None
        if person is not None and person.name_en and \
                fold_name(manager) == fold_name(person.name_en) != fold_name(person.name or ""):
            said[manager] = f"{manager} → {person.name or person.id} ({person.id})"
    if not said:
        return []
    return [M("managers written as an English name were read by the English-name column: "
              "{managers}", managers=list(said.values()))]


def _unknown_managers(draft: Draft, rows: list[tuple[str, Row]],
                      person_of: dict[tuple[str, int], str], known: dict[str, str]) -> list[str]:
    """One note naming the managers (as written, with their first row) who are no one in the
    roster by name, employee ID or email: said, since neither a team's lead nor its place
    in the tree can be taken from them. O(rows)."""
    who, teams_of = _who(draft, person_of, known)
    missing: dict[str, str] = {}
    for path, row in rows:
        manager = row.get("manager")
        if manager and not who(manager) and (path, row.line) in person_of:
            missing.setdefault(manager, _where(path, row))
    return _missing_managers(missing) + _shared_managers(rows, person_of, who, teams_of) + \
        _own_managers(draft, rows, person_of, who)


def _shared_managers(rows: list[tuple[str, Row]], person_of: dict[tuple[str, int], str],
                     who: _Who, teams_of: dict[str, set[str]]) -> list[str]:
    """One note naming the managers written as a name several people of the roster have
    (two 陈志明) where the member's own team does not have just one of them, so who the
    member reports to is not taken from the row: with the first such row and the ids the
    name may be. O(rows)."""
    shared: dict[str, tuple[str, list[str]]] = {}
    for path, row in rows:
        manager, member = row.get("manager"), person_of.get((path, row.line))
        if not manager or member is None or len(who(manager)) < 2:
            continue
        bosses = [b for b in who(manager) if b != member]
        if len(bosses) > 1 and not any(
                sum(tid in teams_of.get(b, ()) for b in bosses) == 1
                for tid in teams_of.get(member, ())):
            shared.setdefault(manager, (_where(path, row), bosses))
    if not shared:
        return []
    shown = [f"{m} ({where}: {', '.join(ids)})"
             for m, (where, ids) in list(shared.items())[:SHOWN]]
    more = M(" and {n} more", n=len(shared) - SHOWN) if len(shared) > SHOWN else ""
    return [P("{n} manager named in the roster is the name of several people, none of them "
              "in the member's team: {managers}{more}; who reports to them is not taken from "
              "those rows: write an employee ID or email in the manager column to say which",
              "{n} managers named in the roster are the names of several people, none of them "
              "in the member's team: {managers}{more}; who reports to them is not taken from "
              "those rows: write an employee ID or email in the manager column to say which",
              n=len(shared), managers=shown, more=more)]


def _own_managers(draft: Draft, rows: list[tuple[str, Row]],
                  person_of: dict[tuple[str, int], str], who: _Who) -> list[str]:
    """A note at each row whose manager is the person of the row alone (the CEO written as
    reporting to themself): no manager is taken from it, and the person heads their team
    if no one above them is in it. O(rows)."""
    out: list[str] = []
    for path, row in rows:
        member = person_of.get((path, row.line))
        if member is not None and who(row.get("manager")) == [member]:
            out.append(M("{where}: {person} is named as their own manager; no manager is "
                         "taken from the row (leave the cell empty for the top of the org)",
                         where=_where(path, row), person=draft.people[member].name or member))
    return out


def _missing_managers(missing: dict[str, str]) -> list[str]:
    """The note on managers who are no one in the roster (`_unknown_managers`)."""
    if not missing:
        return []
    shown = [f"{m} ({where})" for m, where in list(missing.items())[:SHOWN]]
    more = M(" and {n} more", n=len(missing) - SHOWN) if len(missing) > SHOWN else ""
    return [P("{n} manager named in the roster is no one in it (by name, employee ID or "
              "email): {managers}{more}; no lead or parent team is taken from them, and it "
              "is written as `manager:` as it is, for `orgspec check` to report",
              "{n} managers named in the roster are no one in it (by name, employee ID or "
              "email): {managers}{more}; no lead or parent team is taken from them, and each "
              "is written as `manager:` as it is, for `orgspec check` to report",
              n=len(missing), managers=shown, more=more)]


def _infer_parents(draft: Draft, rows: list[tuple[str, Row]],
                   person_of: dict[tuple[str, int], str], known: dict[str, str]) -> list[str]:
    """For a roster with no parent-department column: each team under the one team its
    lead's manager belongs to (王建国 of 总经办 manages 运营部's head 陈静: 运营部 is under
    总经办), where that is unambiguous: the team has a lead, the lead one manager (by every
    row of theirs) and the manager one team other than this one, and no loop follows.
    The rest stay top-level. One note says what was placed and what was not, and how to
    set the tree yourself; the inferred parents are marked in `draft.inferred`. O(rows)."""
    who, teams_of = _who(draft, person_of, known)
    managers: dict[str, set[str]] = {}
    for path, row in rows:
        member = person_of.get((path, row.line))
        if member:
            found = [b for b in who(row.get("manager")) if b != member]
            managers.setdefault(member, set()).update(found[:1] if len(found) == 1 else
                                                      ["?"] if found else [])
    parent: dict[str, str] = {}
    unclear: list[str] = []
    for tid in sorted(draft.teams):
        lead = draft.teams[tid].lead
        bosses = managers.get(lead, set()) if lead else {"?"}
        if not bosses:
            continue  # the head reports to no one: the top of the tree
        homes = teams_of.get(next(iter(bosses)), set()) - {tid} if len(bosses) == 1 else set()
        if len(homes) == 1:
            parent[tid] = next(iter(homes))
        else:
            unclear.append(tid)
    for tid in list(parent):  # a loop of heads reporting to each other is no tree
        if tid not in parent:
            continue  # in a loop met before
        seen, at = [tid], parent[tid]
        while at in parent and at not in seen:
            seen.append(at)
            at = parent[at]
        if at == tid:
            unclear.extend(t for t in seen if parent.pop(t, None) is not None)
    for tid, up in parent.items():
        draft.teams[tid].parent = up
        draft.inferred.add(("team", tid, "parent"))
    if len(draft.teams) < 2:
        return []  # one team is no tree
    draft.tree = (dict(parent), sorted(set(unclear)))
    draft.tree_named = any(row.get("manager") for _, row in rows)
    return tree_notes(draft)


def tree_notes(draft: Draft) -> list[str]:
    """The notes on the department tree `_infer_parents` took from the manager column
    (`draft.tree`): what was placed where, what was left top-level, and the parents kept
    from the team files already in the output folder (`draft.kept_parents`), which the
    manager column no longer decides."""
    if draft.tree is None:
        return []
    inferred, unclear_ids = draft.tree
    kept = draft.kept_parents
    parent = {t: u for t, u in inferred.items() if t not in kept}
    unclear = [t for t in unclear_ids if t not in kept]
    name = {tid: team.name or tid for tid, team in draft.teams.items()}
    said = [M("kept the parent set in the team's file: {kept}",
              kept=[f"{name.get(t, t)} → {name.get(u, u)}" for t, u in sorted(kept.items())])
            ] if kept else []
    top = [name[t] for t in sorted(draft.teams) if t not in parent and t not in kept]
    left = M("left top-level, their head's manager not in one other team (or no head): "
             "{teams}; set `parent:` in their files (a re-import keeps it)",
             teams=[name[t] for t in sorted(set(unclear))])
    if not parent:  # why, when the roster names managers (a loop, a head of two teams)
        return [M("no parent-department column: {n} top-level teams; add one to the "
                  "roster, or set `parent:` in a team's file (a re-import keeps it)",
                  n=len(top)), *([left] if unclear and draft.tree_named else []), *said]
    out: list[str] = [M("no parent-department column: the department tree is taken from the "
             "manager column, each team under the team its head reports to: {placed}; "
             "top-level: {top}; a parent-department column in the roster sets it instead",
             placed=[f"{name[t]} → {name[u]}" for t, u in sorted(parent.items())], top=top)]
    if unclear:
        out.append(left)
    return out + said


def _reporting_lines(draft: Draft, rows: list[tuple[str, Row]],
                     person_of: dict[tuple[str, int], str], known: dict[str, str]) -> None:
    """Each person's `manager`: the one person their row's manager names (by employee ID,
    email or name; a name several people have is the one of them in a team of the
    member's, if only one is); none where it names no one or cannot say which
    (`_unknown_managers` and `_shared_managers` say so). A person's first row that
    names one decides. A manager who is no one in the roster (`王建囯`, a typo) is kept as
    written when no row of the person names one, so `check` reports it where it is, with
    its did-you-mean (RF001); `draft.unmatched` says whose. O(rows)."""
    who, teams_of = _who(draft, person_of, known)
    unmatched: dict[str, str] = {}
    for path, row in rows:
        member = person_of.get((path, row.line))
        if not member or draft.people[member].manager is not None:
            continue
        written = row.get("manager")
        bosses = [b for b in who(written) if b != member]
        if len(bosses) > 1:
            mine = teams_of.get(member, set())
            bosses = [b for b in bosses if mine & teams_of.get(b, set())]
        if len(bosses) == 1:
            draft.people[member].manager = bosses[0]
        elif written and 0 < len(written.strip()) <= _REF_MAX and not who(written):
            unmatched.setdefault(member, written.strip())
    for member, written in unmatched.items():
        if draft.people[member].manager is None:
            draft.people[member].manager = written
            draft.unmatched.add(member)


def _infer_leads(draft: Draft, rows: list[tuple[str, Row]], person_of: dict[tuple[str, int], str],
                 known: dict[str, str]) -> None:
    """Each team without a flagged lead is led by the top of its reporting chain: the member
    whose own manager is outside the team or absent, followed up from the others (not the
    member most named as manager: a senior engineer two report to is not the director
    above him). With several such members, the one most of the team reports up to; a tie,
    or a team whose members all report in a loop, gets no lead and the reason is kept for
    its note (`draft.lead_unclear`). A manager named by a name several people have is the
    one of them in the member's team, if only one is. O(rows + members x depth)."""
    if not any(row.get("manager") for _, row in rows):
        return  # who reports to whom is unknown: no member is known to head the team
    who, teams_of = _who(draft, person_of, known)
    up: dict[str, dict[str, str]] = {}  # team -> member -> their manager in it
    below: dict[str, set[str]] = {}  # team -> members whose manager is in it
    for path, row in rows:
        member = person_of.get((path, row.line))
        if not member:
            continue
        bosses = [b for b in who(row.get("manager")) if b != member]
        for tid in teams_of.get(member, set()):
            inside = [b for b in bosses if tid in teams_of.get(b, ())]
            if inside:
                below.setdefault(tid, set()).add(member)
            if len(inside) == 1:
                up.setdefault(tid, {}).setdefault(member, inside[0])
    for tid, team in draft.teams.items():
        if team.lead is None and team.members:
            _chain_top(draft, tid, up.get(tid, {}), below.get(tid, set()))


def _chain_top(draft: Draft, tid: str, up: dict[str, str], below: set[str]) -> None:
    """Set team `tid`'s lead to the top of its reporting chain (`up`: member -> manager in
    the team; `below`: members with a manager in it), or record why there is none."""
    team = draft.teams[tid]
    tops = [m for m in team.members if m not in below]
    if not tops:  # everyone reports to someone in the team: a loop
        draft.lead_unclear[tid] = ("loop", _loop(team.members, up))
        return
    if len(tops) > 1:
        reach = Counter(_top_of(m, up) for m in team.members)
        most = max(reach[t] for t in tops)
        tops = [t for t in tops if reach[t] == most]
    if len(tops) == 1:
        team.lead = tops[0]
    elif any(m in below for m in team.members):  # several chains of one size
        draft.lead_unclear[tid] = ("tie", tops)


def _top_of(member: str, up: dict[str, str]) -> str | None:
    """Where following `member`'s managers upward ends: a member with no manager in the
    team, or None in a loop."""
    seen = {member}
    while member in up:
        member = up[member]
        if member in seen:
            return None
        seen.add(member)
    return member


def _loop(members: list[str], up: dict[str, str]) -> list[str]:
    """The members of the first loop of managers met from `members`, in reporting order."""
    for start in members:
        path: list[str] = []
        at: str | None = start
        while at is not None and at not in path:
            path.append(at)
            at = up.get(at)
        if at is not None:
            return path[path.index(at):]
    return []
