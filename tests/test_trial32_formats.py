"""What a Traditional Chinese trial found in the formats people read (branch fmt32):
1. SARIF's messages (what GitHub code scanning shows) quoted bare ids where `check` names
   them (`職責 'promotion-planning'`, hint `是不是要寫 'customer-service'？`);
2. JUnit (and junit-suite) dropped every hint and related line: GitLab shows only it;
3. `report`'s RACI table showed a duty defined inline without a name as its bare id, where the
   site titles it with its description."""

from __future__ import annotations

import json
import re
import xml.dom.minidom
from pathlib import Path

import pytest

from tests.conftest import run_cli

ORG = (
    "- {kind: Team, id: marketing, name: 行銷部, names: {en: Marketing}, lead: lin,\n"
    "   members: [lin], responsibilities: [{id: ad-placement, description: 線上線下的廣告投放}]}\n"
    "- {kind: Team, id: customer-service, name: 客服部, names: {en: Customer Service},\n"
    "   lead: chen, members: [chen]}\n"
    "- {kind: Team, id: tech, name: 技術部, lead: wang, members: [wang],\n"
    "   responsibilities: [promotion-planning]}\n"
    "- {kind: Person, id: lin, name: 林志豪}\n"
    "- {kind: Person, id: chen, name: 陳美玲}\n"
    "- {kind: Person, id: wang, name: 王大明}\n"
    "- {kind: Responsibility, id: promotion-planning, name: 促銷活動企劃,\n"
    "   accountable: [customer-service], consulted: [customer-servce]}\n"
)
# the same org without display names: what tools key on must not move with a name
PLAIN = re.sub(r", names: \{en: [^}]+\}", "", ORG).replace("name: 促銷活動企劃,", "") \
    .replace(" name: 行銷部,", "").replace(" name: 客服部,", "").replace(" name: 技術部,", "")

# `check`'s text lines: `path:line:col: CODE [severity] message`, then indented
# `related:`/`hint:` lines
_HEAD = re.compile(r"^\S+:\d+:\d+: ([A-Z]{2}\d{3}) \[\w+\] (.*)$")


def _text(root: Path, lang: str) -> dict[str, list[str]]:
    """code -> [message, the lines under it without their indent] of `check`'s text."""
    run = run_cli("check", "org", "--no-cache", "--lang", lang, cwd=root.parent)
    out: dict[str, list[str]] = {}
    code = ""
    for line in run.stdout.splitlines():
        if (m := _HEAD.match(line)) is not None:
            code = m.group(1)
            out[code] = [m.group(2)]
        elif line.startswith("    ") and code:
            out[code].append(line.strip())
    return out


def _sarif(root: Path, lang: str) -> dict[str, dict]:
    run = run_cli("check", "org", "--no-cache", "--lang", lang, "--format", "sarif",
                  cwd=root.parent)
    return {r["ruleId"]: r for r in run.json()["runs"][0]["results"]}


@pytest.mark.parametrize(("lang", "owners", "meant"), [
    ("zh-Hant", "有 2 個批准方 (A)：客服部 (customer-service)、技術部 (tech)",
     "建議: 是不是要寫 customer-service（客服部）？"),
    ("en", "has 2 accountable owners: Customer Service (customer-service), 技術部 (tech)",
     "hint: did you mean customer-service (Customer Service)?"),
])
def test_sarif_messages_name_ids_as_the_text_output_does(write_org, lang: str, owners: str,
                                                          meant: str) -> None:
    root = write_org({"org.yaml": ORG})
    text, sarif = _text(root, lang), _sarif(root, lang)
    assert sorted(sarif) == sorted(text) == ["OW001", "RF001"]
    ow001, rf001 = sarif["OW001"], sarif["RF001"]
    assert owners in ow001["message"]["text"]
    assert "促銷活動企劃 (promotion-planning)" in ow001["message"]["text"]
    assert rf001["message"]["text"].splitlines()[-1] == meant
    for code, result in sarif.items():
        message, *under = text[code]
        said = result["message"]["text"].splitlines()
        # the message and the hint as `check` says them; the related lines are SARIF's own
        # relatedLocations, each message said as `check`'s related line says it
        assert said[0] == message
        assert said[1:] == [line for line in under if not line.startswith(("related:", "相關:"))]
        related = [r["message"]["text"] for r in result.get("relatedLocations", [])]
        assert related == [line.split(": ", 2)[2] for line in under
                           if line.startswith(("related:", "相關:"))]
    assert ow001["relatedLocations"][0]["message"]["text"] == (
        "技術部 (tech) 在此被寫為批准方 (A)" if lang == "zh-Hant" else
        "技術部 (tech) is accountable here")


def test_sarif_keeps_the_ids_where_tools_read_them_and_json_is_unchanged(write_org) -> None:
    """Fingerprints, rule ids and the property bag (`entity`, `hint` as the rule said it)
    are the same with and without display names; so is `--format json`, for machines."""
    named = write_org({"org.yaml": ORG})
    plain = named.parent / "plain"
    plain.mkdir()
    (plain / "org.yaml").write_text(PLAIN, encoding="utf-8")

    def machine(folder: str) -> tuple[list[tuple[str, str, dict]], list[dict]]:
        sarif = run_cli("check", folder, "--no-cache", "--lang", "zh-Hant", "--format",
                        "sarif", cwd=named.parent).json()["runs"][0]["results"]
        kept = [(r["ruleId"], r["partialFingerprints"]["orgspecFindingHash/v1"],
                 r["properties"]) for r in sarif]
        found = run_cli("check", folder, "--no-cache", "--lang", "zh-Hant", "--format", "json",
                        cwd=named.parent).json()["findings"]
        for f in found:  # the file is the only difference
            f["file"] = f["file"].split("/", 1)[1]
            for r in f["related"]:
                r["file"] = r["file"].split("/", 1)[1]
        return kept, found

    (sarif_named, json_named), (sarif_plain, json_plain) = machine("org"), machine("plain")
    assert sarif_named == sarif_plain
    assert json_named == json_plain
    by_code = {code: props for code, _, props in sarif_named}
    assert by_code["RF001"] == {"entity": "responsibility:promotion-planning",
                                "hint": "是不是要寫 'customer-service'？"}
    assert {f["code"]: f["message"] for f in json_named}["OW001"] == \
        "職責 'promotion-planning' 有 2 個批准方 (A)：customer-service、tech"


@pytest.mark.parametrize("fmt", ["junit", "junit-suite"])
@pytest.mark.parametrize(("lang", "related", "hint"), [
    ("zh-Hant", "相關", "建議"), ("zh", "相关", "建议"), ("en", "related", "hint")])
def test_junit_failure_text_carries_the_related_and_hint_lines(
        write_org, fmt: str, lang: str, related: str, hint: str) -> None:
    root = write_org({"org.yaml": ORG})
    xml_text = run_cli("check", "org", "--no-cache", "--lang", lang, "--format", fmt,
                       cwd=root.parent).stdout
    doc = xml.dom.minidom.parseString(xml_text.encode("utf-8"))
    failures = {f.parentNode.getAttribute("name").split("(")[0].rsplit(".", 1)[1]:
                f.firstChild.data for f in doc.getElementsByTagName("failure")}
    text = _text(root, lang)
    assert sorted(failures) == ["OW001", "RF001"]
    for code, body in failures.items():
        # the lines `check` shows under the finding, in its words, as it shows them
        assert body.splitlines()[1:] == [f"    {line}" for line in text[code][1:]]
    assert xml_text.count(f"    {hint}: ") == 2
    assert f"    {related}: org/org.yaml:6:23: 技術部 (tech) " in failures["OW001"]


@pytest.mark.parametrize(("lang", "title"), [("zh", "線上線下的廣告投放"),
                                             ("en", "線上線下的廣告投放")])
def test_the_report_raci_titles_a_nameless_inline_duty_as_the_site_does(
        write_org, tmp_path: Path, lang: str, title: str) -> None:
    root = write_org({"org.yaml": ORG})
    md = run_cli("report", "org", "--lang", lang, cwd=root.parent).stdout
    raci = md[md.index("RACI"):]
    assert f"| {title} (`ad-placement`) |" in raci
    assert "| ad-placement |" not in raci
    site = tmp_path / "site"
    run_cli("site", "org", "--lang", lang, "-o", str(site), cwd=root.parent)
    page = (site / "duties" / "ad-placement.html").read_text("utf-8")
    assert f"<title>{title}" in page and f"<h1>{title} " in page
    html = run_cli("report", "org", "--lang", lang, "--format", "html", cwd=root.parent).stdout
    row = next(line for line in html.splitlines() if "<code>ad-placement</code>" in line
               and line.startswith("<tr"))
    # the title once, before the id: the description is not repeated after it
    assert row.count(title) == 1 and row.index(title) < row.index("<code>ad-placement")


def test_the_raci_rows_sort_by_the_title_shown(write_org) -> None:
    """Rows are sorted by what they show: a nameless duty by its description (工 before 線
    by strokes under zh-Hant, g before x by pinyin under zh), not by its id."""
    org = ORG.replace("[{id: ad-placement, description: 線上線下的廣告投放}]",
                      "[{id: ad-placement, description: 線上線下的廣告投放},\n"
                      "    {id: zz-last-id, description: 工作排程}]")
    root = write_org({"org.yaml": org})
    for lang in ("zh", "zh-Hant"):
        md = run_cli("report", "org", "--lang", lang, cwd=root.parent).stdout
        raci = md[md.index("RACI"):]
        assert raci.index("工作排程 (`zz-last-id`)") < raci.index("線上線下的廣告投放 (`ad-")


def test_sarif_still_validates(write_org) -> None:
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json")
                        .read_text())
    import jsonschema

    root = write_org({"org.yaml": ORG})
    log = run_cli("check", "org", "--no-cache", "--lang", "zh-Hant", "--format", "sarif",
                  cwd=root.parent).json()
    jsonschema.Draft7Validator(schema).validate(log)
