"""`orgspec export`: the RACI matrix, people directory and key results as spreadsheets.

XLSX (needs openpyxl, the `xlsx` extra): one sheet per table, bold frozen header row, an
autofilter, column widths fitted to the text (CJK characters count double), every value a
string cell (so `=...` is text, never a formula). CSV: one file per table in a folder -
`raci.csv`, `people.csv`, `key-results.csv` - UTF-8 with a byte-order mark and CRLF line ends,
which Excel needs to show Chinese correctly; a value starting with `= + - @` gets a leading `'`
so Excel does not run it (the roster importer strips it again).

The people sheet uses the roster importer's headers, so it can be edited and imported back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from orgspec import output
from orgspec.adopt.cells import csv_cell, xlsx_cell
from orgspec.i18n import MC, M, reason, say
from orgspec.model.org import Org, ident_of

HEADERS = {
    # the people sheet as HR keeps a roster (names, the manager by name), then orgspec's ids
    # in columns that say so (never in a 工号 column: the ids may be made from emails or
    # names), which `import roster` reads as the person and team ids
    "en": {"people": ["name", "team", "title", "manager", "email", "parent_team", "lead",
                      "orgspec person id", "orgspec team id", "orgspec parent team id"],
           "raci": ["duty_id", "duty"],
           "key-results": ["objective_id", "objective", "period", "objective_owner", "kr_id",
                           "key_result", "metric", "baseline", "target", "current", "unit",
                           "direction", "due", "owner", "progress"]},
    "zh": {"people": ["姓名", "部门", "职位", "直属上级", "邮箱", "上级部门", "负责人",
                      "orgspec 人员编号", "orgspec 部门编号", "orgspec 上级部门编号"],
           "raci": ["职责编号", "职责"],
           "key-results": ["目标编号", "目标", "周期", "目标负责方", "关键结果编号", "关键结果",
                           "指标", "基线", "目标值", "当前值", "单位", "方向", "截止日期",
                           "负责方", "进度"]},
}
SHEETS = {"en": {"raci": "RACI", "people": "People", "key-results": "Key results"},
          "zh": {"raci": "RACI 矩阵", "people": "人员名录", "key-results": "关键结果"}}
YES = {"en": "yes", "zh": "是"}
ORGSPEC_PERSON = 7  # the people sheet's column of the person id (`orgspec 人员编号`)
# What XML 1.0 cannot hold either (U+FFFE, U+FFFF: an escaped "\uFFFE" in a name)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class ExportError(Exception):
    """A destination the export cannot write: one line, exit 2."""


@dataclass
class Table:
    """One sheet: a stable name (the CSV file stem), its header and rows of text."""

    name: str
    header: list[str]
    rows: list[list[str]]


def tables(org: Org, lang: str = "en", name_order: str | None = None) -> list[Table]:
    """The three tables of `org`, labelled in `lang` ("en", "zh" or "zh-Hant"), the RACI
    matrix's rows and columns, the people directory's teams and people and the key
    results' objectives in the order of `name_order` (the config's `name-order`; None: the
    language's, `text.collate.order_for`). Each name is the one a reader of `lang` is shown
    (`names: {en: ...}`, else `name`), but for the people sheet's people: it is a roster
    that `import roster` reads back, so a person's `name` is as written and each of their
    `names` has its own column (`_other_names`); the id columns are the same in every
    language."""
    from orgspec.model.names import localized
    from orgspec.text.collate import order_for

    written = org.written if org.written is not None else org
    org = localized(org, lang)
    h = _words(HEADERS, lang)
    order = order_for(lang, name_order)
    return [Table("raci", *_raci(org, h["raci"], order)),
            Table("people", *_other_names(written, lang, h["people"],
                                          _people(org, written, _words(YES, lang), order))),
            Table("key-results", h["key-results"], _key_results(org, lang, order))]


def _words(table: dict[str, Any], lang: str) -> Any:
    """`table[lang]`; Traditional Chinese is the Simplified words as the zh-Hant catalog
    says them (`i18n.hant.prose`: s2twp and Taiwan's terms, 工号 -> 員工編號)."""
    if lang != "zh-Hant":
        return table[lang]
    from orgspec.i18n.hant import prose

    def hant(value: Any) -> Any:
        if isinstance(value, str):
            return prose(value)
        if isinstance(value, list):
            return [hant(v) for v in value]
        return {k: hant(v) for k, v in value.items()}

    return hant(table["zh"])


def _raci(org: Org, head: list[str], order: str) -> tuple[list[str], list[list[str]]]:
    """The RACI matrix as the report and the site show it (`org.raci.matrix`): a column per
    team, position and person holding a role, labelled by name (with the id where names
    repeat), rows and columns by name in `order` (text.collate.ORDERS)."""
    from orgspec.report.view import holder_names, raci_order

    names = holder_names(org)
    columns = org.raci.columns(names, order)
    header = head + [names.get(c, ident_of(c)) for c in columns]
    rows = []
    for rid in raci_order(org, order):
        resp = org.responsibilities[rid]
        cells = org.raci.matrix[rid]
        rows.append([rid, resp.name or resp.description or ""] +
                    [cells.get(c, "") for c in columns])
    return header, rows


def _people(org: Org, written: Org, yes: str, order: str) -> list[list[str]]:
    """A row per person and team (the team they lead or are a member of; none for a person
    in no team): name, team, title, manager, email, parent team, lead flag, then the orgspec
    ids. Teams are named as a reader of `org` (localized) is shown them; a person and their
    manager by the `name` of `written` (the org as written, which import reads back). The
    manager is the person's own `manager` by name (by id without one), never the
    team's lead in its place: that would invent reporting lines (a senior engineer's
    reports shown as the director's). The teams by name in `order`
    (text.collate.ORDERS), in each its lead first and then its people by name (as the site's
    team page lists them); then the people in no team, by name."""
    from orgspec.text.collate import name_key, person_key

    people_of = written.people

    def by_name(pid: str) -> tuple[Any, ...]:
        return person_key(people_of[pid].name or pid, pid, order)

    named = Counter(p.name for p in people_of.values() if p.name)

    def name_of(pid: str | None) -> str:  # a manager as a roster names them, which import
        person = people_of.get(pid or "")  # reads back: by id when the name is several's
        if person is None or not person.name or named[person.name] > 1:
            return pid or ""
        return person.name

    rows, placed = [], set()
    for tid in sorted(org.teams, key=lambda t: name_key(org.teams[t].name or t, t, order)):
        team = org.teams[tid]
        parent = org.teams.get(team.parent or "")
        people = {p for p in [*team.members, team.lead] if p and p in people_of}
        for pid in sorted(people, key=lambda p: (p != team.lead, by_name(p))):
            person = people_of[pid]
            placed.add(pid)
            rows.append([person.name or "", team.name or "", person.title or "",
                         name_of(person.manager), person.email or "",
                         (parent.name or "") if parent is not None else "",
                         yes if team.lead == pid else "", pid, tid, team.parent or ""])
    for pid in sorted(set(people_of) - placed, key=by_name):
        person = people_of[pid]
        rows.append([person.name or "", "", person.title or "", name_of(person.manager),
                     person.email or "", "", "", pid, "", ""])
    return rows


# the roster headers of a person's `names` (`import roster` reads them back), by the sheet's
# language: Traditional is the Simplified words through `_words` (簡體名, 繁體名)
OTHER_NAMES = {"en": {"en": "name_en", "zh": "name_zh", "zh-Hant": "name_zh_hant"},
               "zh": {"en": "英文名", "zh": "简体名", "zh-Hant": "繁体名"}}


def _other_names(org: Org, lang: str, head: list[str], rows: list[list[str]]
                 ) -> tuple[list[str], list[list[str]]]:
    """The people sheet with a column after the name for each language of `names` some
    person of `org` (as written) has, in LANGS order (`英文名` `names.en`, `简体名`
    `names.zh`, `繁体名` `names.zh-Hant`), as an HR roster has an English-name column; so
    `import roster` gives back `name` and `names` as written, whichever script `name` is
    in. The rows as `_people` gives them (the person id in column ORGSPEC_PERSON).
    O(rows)."""
    words = _words(OTHER_NAMES, lang)
    given = {pid: person.names for pid, person in org.people.items()
             if person.names is not None}
    langs = [lang_ for lang_ in words
             if any(names.said(lang_) for names in given.values())]
    if not langs:
        return head, rows
    at = ORGSPEC_PERSON

    def cells(pid: str) -> list[str]:
        names = given.get(pid)
        return [(names.said(lang_) or "") if names is not None else "" for lang_ in langs]

    return ([head[0], *[words[lang_] for lang_ in langs], *head[1:]],
            [[row[0], *cells(row[at]), *row[1:]] for row in rows])


DIRECTIONS = {"increase": MC("direction", "increase"), "decrease": MC("direction", "decrease"),
              "maintain": MC("direction", "maintain")}  # a key result's, in the sheet's words


def _key_results(org: Org, lang: str, order: str = "pinyin") -> list[list[str]]:
    """One row per key result, objectives by title in `order` (text.collate.ORDERS) as the
    other sheets list names, each one's key results as written; its values as check and
    the site read them (fields, else the sentence: `退货率从8%降低到5%` gives baseline 8%,
    target 5%, direction decrease), and its progress as the site and the report write it
    (`50%`, `150% (exceeded)`). Owners by name as the report names them (`report.view.named`:
    an unknown id as written); the sheet is not imported back."""
    from orgspec.model.okr import key_result_values
    from orgspec.report.labels import LABELS, progress_text
    from orgspec.report.view import named
    from orgspec.text.collate import name_key

    labels = LABELS[lang]
    rows = []
    for oid in sorted(org.objectives, key=lambda o: name_key(org.objectives[o].title or o, o,
                                                              order)):
        obj = org.objectives[oid]
        for kr in obj.key_results:
            vals = key_result_values(obj, kr)
            rows.append([oid, obj.title, obj.period or "", named(org, obj.owner), kr.id, kr.title,
                         kr.metric or "", vals.baseline, vals.target, vals.current,
                         kr.unit or "", say(DIRECTIONS[vals.direction], lang) if vals.direction
                         else "", vals.due.isoformat() if vals.due else "",
                         named(org, kr.owner), progress_text(vals.progress, labels)])
    return rows


def clean(text: str) -> str:
    """Control characters and U+FFFE/U+FFFF (which XLSX cannot hold) become U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def csv_text(table: Table) -> str:
    """One table as CSV text (write it as `utf-8-sig`); formula-looking values get a `'`,
    header cells too (the RACI header's columns are team names)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([csv_cell(clean(c)) for c in table.header])
    writer.writerows([[csv_cell(clean(c)) for c in row] for row in table.rows])
    return buffer.getvalue()


def display_width(text: str) -> int:
    """Columns the text takes in a spreadsheet font: East Asian wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def xlsx_bytes(tabs: list[Table], lang: str = "en") -> bytes:
    """A workbook with one sheet per table (openpyxl)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        from orgspec.adopt.extras import install_command
        raise ExportError(M("XLSX needs openpyxl: {command}, or use --format csv",
                            command=install_command("xlsx"))) from None
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for table in tabs:
        sheet = book.create_sheet(_words(SHEETS, lang)[table.name])
        widths = [display_width(h) for h in table.header]
        for r, row in enumerate([table.header, *table.rows], start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                cell.value = xlsx_cell(clean(value))
                cell.data_type = "s"  # text, even when it starts with "="
                if r == 1:
                    cell.font = bold
                else:
                    widths[c - 1] = max(widths[c - 1], display_width(value))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = min(60, max(8, width + 2))
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    return _save(book, _build_time())


def _build_time() -> dt.datetime:
    """SOURCE_DATE_EPOCH as naive UTC (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):  # past year 9999: as malformed, ignored
            pass
    return dt.datetime.now(dt.UTC).replace(tzinfo=None).replace(microsecond=0)


def _save(book: Any, when: dt.datetime) -> bytes:
    """The workbook's bytes, dated `when` inside (document properties) and on every zip
    entry, so that one org and one SOURCE_DATE_EPOCH give the same file byte for byte
    (openpyxl's `save` stamps the current time on both)."""
    from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

    from openpyxl.writer.excel import ExcelWriter

    book.properties.created = book.properties.modified = when
    raw = io.BytesIO()
    with ZipFile(raw, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    # zip dates run from 1980 to 2107 (a 7-bit year)
    stamp = min(max(when, dt.datetime(1980, 1, 1)), dt.datetime(2107, 12, 31)).timetuple()[:6]
    out = io.BytesIO()
    with ZipFile(raw) as src, ZipFile(out, "w", ZIP_DEFLATED) as dst:
        for item in src.infolist():
            entry = ZipInfo(item.filename, date_time=stamp)
            entry.compress_type = ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(item))
    return out.getvalue()


def export_org(org: Org, fmt: str, dest: str | None = None, lang: str = "en",
               name_order: str | None = None) -> list[str]:
    """Write the tables of `org` as `fmt` ("xlsx" or "csv") to `dest`, names in the order
    of `name_order` (see `tables`); the paths written."""
    tabs = tables(org, lang, name_order)
    try:
        if fmt == "xlsx":
            path = dest or "org.xlsx"
            output.write_bytes(path, xlsx_bytes(tabs, lang))
            return [path]
        folder = dest or "org-export"
        if os.path.exists(folder) and not os.path.isdir(folder):
            raise ExportError(M("{path!r} is a file; CSV export writes a folder of files",
                                path=folder))
        output.check_output_folder(folder)
        output.make_dirs(folder)
        paths = [os.path.join(folder, f"{t.name}.csv") for t in tabs]
        for table, path in zip(tabs, paths, strict=True):
            output.write_text(path, csv_text(table), encoding="utf-8-sig")
        return paths
    except OSError as exc:
        raise ExportError(M("cannot write {path!r}: {why}", path=dest or fmt,
                            why=reason(exc))) from None
