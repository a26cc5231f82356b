"""Small wording fixes from a new user's trial: examples in one script, notes and help in
the run's language, unknown owners and missing steps marked where they are shown."""

from __future__ import annotations

import pytest
from conftest import run_cli

TWINS = """\
- {{kind: Team, id: ops, name: {name}, members: [a]}}
- {{kind: Team, id: ops-east, name: {name}}}
- {{kind: Person, id: a, name: 安娜}}
"""


@pytest.mark.parametrize(("name", "lang", "example"), [
    ("运营部", "zh-Hant", "运营部（二组）"), ("運營部", "zh", "運營部（二組）"),
    ("运营部", "zh", "运营部（二组）"), ("運營部", "zh-Hant", "運營部（二組）"),
    ("Operations", "en", "Operations (Team 2)")])
def test_the_rf008_example_keeps_the_names_script(write_org, name: str, lang: str,
                                                  example: str) -> None:
    run = run_cli("check", str(write_org({"o.yaml": TWINS.format(name=name)})), "--lang", lang)
    assert "RF008" in run.stdout, run.stdout
    assert example in run.stdout
    # trial 29: no region (华东 is a mainland one to a reader in Taiwan)
    assert "华东" not in run.stdout and "華東" not in run.stdout and "China" not in run.stdout


PROCESS = """\
- {kind: Team, id: ops, name: 运营部}
- kind: Process
  id: refund
  name: 退款
  owner: ops
  steps:
    - {id: check, name: 审核, owner: 待定, next: [pay]}
    - {id: pay, name: 打款, owner: operatons, next: [reveiw]}
    - {id: done, name: 完成, owner: ops}
"""


def test_show_process_marks_unknown_owners_placeholders_and_missing_steps(write_org) -> None:
    run = run_cli("show", "process", "refund", str(write_org({"o.yaml": PROCESS})),
                  "--lang", "en")
    assert run.code == 0, run.stderr
    steps = [line.strip() for line in run.stdout.splitlines() if line.strip().startswith("- ")]
    assert steps == ["- check 审核; owner: 待定 (no owner) → pay",
                     "- pay 打款; owner: operatons (no such team, person or position) → "
                     "reveiw (no such step)",
                     "- done 完成; owner: ops 运营部"]


def test_site_and_report_mark_an_unknown_step_owner_as_the_flowchart_gap(write_org,
                                                                          tmp_path) -> None:
    org = write_org({"o.yaml": PROCESS})
    out = tmp_path / "public"
    assert run_cli("site", str(org), "-o", str(out), "--lang", "en").code == 0
    page = next(out.rglob("refund.html")).read_text(encoding="utf-8")
    row = page[page.index('id="step-pay"'):].split("</tr>")[0]
    assert 'class="sev-error"' in row  # the step table marks it as it marks 待定
    assert ('<span class="plain">operatons</span><span class="bad"> (no such team, person or '
            'position)</span>') in row
    assert "reveiw<span class=\"bad\"> (no such step)</span>" in row
    svg_group = page[:page.index("operatons (no such team")].rsplit("<g", 1)[1]
    assert "step-gap" in svg_group, svg_group  # the flowchart draws it as a step with no owner
    report = tmp_path / "r.md"
    assert run_cli("report", str(org), "-o", str(report), "--lang", "en").code in (0, 1)
    text = report.read_text(encoding="utf-8")
    assert 's1["打款<br/>operatons #40;no such team, person or position#41;"]' in text
    assert "class s0,s1 gap" in text  # Mermaid's mark for a step with no owner
