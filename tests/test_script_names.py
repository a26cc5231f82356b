"""A reference written as a name in the other script (`lead: 林志伟` for 林志偉) is told as
the name it is, and the findings that follow from it are held back (a trial: only the
script the name was written in was recognised)."""

from __future__ import annotations

import pytest
from conftest import run_cli

ORG = """\
- {{kind: Team, id: tw, name: 台灣組, lead: {lead}, members: [x], responsibilities: [d]}}
- {{kind: Person, id: {ident}, name: {name}}}
- {{kind: Person, id: x, name: 徐}}
- {{kind: Responsibility, id: d, name: 退貨, accountable: tw}}
"""


@pytest.mark.parametrize(("lead", "ident", "name"), [
    ("林志伟", "lin-zhi-wei", "林志偉"), ("林志偉", "lin-zhi-wei", "林志伟"),
    ("hr chen", "chen", "HR Chen"), ("ＨＲ　Chen", "chen", "HR Chen")])
def test_a_name_in_another_script_or_width_is_one_finding_naming_the_id(
        write_org, lead: str, ident: str, name: str) -> None:
    org = write_org({"o.yaml": ORG.format(lead=lead, ident=ident, name=name)})
    run = run_cli("check", str(org), "--lang", "en", "--format", "json")
    found = [(f["code"], f["line"], f["hint"]) for f in run.json()["findings"]]
    assert [(c, line) for c, line, _ in found] == [("RF001", 1)], found
    # the name as the org writes it beside the one written (trial 30)
    assert found[0][2].startswith(f"{lead.strip()} ({name}) is the name of person `{ident}`: "
                                  f"write `{ident}`"), found
