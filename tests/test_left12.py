"""Leftovers (left12): the import's header says what a re-import does now and replaces the
header an older version wrote; ..."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orgspec.adopt.draft import FORMER_HEADERS, header
from orgspec.cli import main


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- 1: the header of an imported file -------------------------------------------------------

def test_the_header_says_comments_and_added_fields_are_kept() -> None:
    text = header("roster")
    assert "keeps your comments and the fields you add" in text
    assert "if you add comments" not in text
    assert "并保留你的注释和你加的字段" in header("roster", "zh")
    assert "並保留你的註解和你加的欄位" in header("roster", "zh-Hant")


def _imported(tmp_path: Path) -> tuple[Path, Path]:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,team\nAda,ops\nGrace,ops\n", "utf-8")
    out = tmp_path / "org"
    assert cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")[0] == 0
    return roster, out


@pytest.mark.parametrize("former", range(len(FORMER_HEADERS)))
def test_a_header_an_older_version_wrote_is_replaced_not_kept_twice(
        tmp_path: Path, former: int) -> None:
    """A file imported by an older version, then commented by hand: a re-import that adds a
    hire updates it in place with today's header alone, the user's comment kept."""
    roster, out = _imported(tmp_path)
    ops = out / "ops.yaml"
    text = ops.read_text("utf-8")
    body = text[len(header("roster")):]
    old = "".join(f"# {line}\n" for line in
                  FORMER_HEADERS[former].replace("{source}", "roster").splitlines())
    ops.write_text(old + body.replace("  - ada\n", "  - ada  # on leave\n"), "utf-8")
    roster.write_text("name,team\nAda,ops\nGrace,ops\nHopper,ops\n", "utf-8")
    code, _, err = cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")
    assert code == 0, err
    assert not (out / "ops.yaml.new").exists()
    now = ops.read_text("utf-8")
    assert now.startswith(header("roster") + "- kind: Team\n")
    gone = [line for line in old.splitlines() if line not in header("roster")]
    assert gone and not [line for line in gone if line in now]
    assert "  - ada  # on leave\n" in now and "id: hopper" in now


# --- 2: a re-import keeps the user's layout of what it leaves as it was ----------------------

def test_an_unchanged_flow_list_and_entity_keep_their_style_and_comments(tmp_path: Path) -> None:
    """`[a, b]` written by hand stays so when the re-import keeps the value; its comment
    then has its line, so a new hire updates the file in place (it went to .new)."""
    roster, out = _imported(tmp_path)
    ops = out / "ops.yaml"
    text = ops.read_text("utf-8")
    text = text.replace("  name: ops\n", "  name: 'ops'\n  aliases: [operations, 运营]  # old\n")
    text = text.replace("- kind: Person\n  id: ada\n  name: Ada\n",
                        "- {kind: Person, id: ada, name: Ada}  # first\n")
    ops.write_text(text, "utf-8")
    roster.write_text("name,team\nAda,ops\nGrace,ops\nHopper,ops\n", "utf-8")
    code, _, err = cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")
    assert code == 0, err
    assert not (out / "ops.yaml.new").exists()
    now = ops.read_text("utf-8")
    assert "  id: ops\n  name: 'ops'\n  aliases: [operations, 运营]  # old\n" \
        "  members:\n  - ada\n  - grace\n  - hopper\n" in now
    assert "\n- {kind: Person, id: ada, name: Ada}  # first\n" in now
    assert "- kind: Person\n  id: hopper\n  name: Hopper\n" in now


def test_keep_style_keeps_unchanged_values_and_a_changed_flow_list_flow() -> None:
    """An unchanged value keeps the user's lines; a changed list the user wrote `[x, y]`
    stays on one line (trial 36); a changed entity written `{...}` takes the new text."""
    from orgspec.adopt.keepstyle import keep_style

    now = ("- kind: Team\n  id: a\n  members: [x, y]\n  aliases: [b]\n\n"
           "- {kind: Person, id: x}\n")
    new = ("- kind: Team\n  id: a\n  members:\n  - x\n  - y\n  - z\n  aliases:\n  - b\n\n"
           "- kind: Person\n  id: x\n  name: X\n")
    assert keep_style(now, new) == ("- kind: Team\n  id: a\n  members: [x, y, z]\n"
                                    "  aliases: [b]\n\n- kind: Person\n  id: x\n"
                                    "  name: X\n")


def test_keep_style_leaves_a_changed_list_in_blocks_when_flow_would_not_read_alike() -> None:
    """Words YAML reads as another type (`no`, `1002`), a name's comment on an item (the
    import's `# 李娜`), a list the user wrote in blocks, or one longer than FLOW_WIDTH:
    the import's block list is kept."""
    from orgspec.adopt.keepstyle import keep_style

    now = "- kind: Team\n  id: a\n  members: [x, y]\n"
    for items in (["x", "no"], ["x", "'1002'"], ["x", "a: b"]):
        new = "- kind: Team\n  id: a\n  members:\n" + "".join(f"  - {i}\n" for i in items)
        assert keep_style(now, new) == new
    named = "- kind: Team\n  id: a\n  members:\n  - x\n  - '1002'  # 李娜\n"
    assert keep_style(now, named) == named
    blocks = "- kind: Team\n  id: a\n  members:\n  - x\n"
    assert keep_style(blocks, blocks + "  - y\n") == blocks + "  - y\n"
    long = "- kind: Team\n  id: a\n  members:\n" + "".join(f"  - member-{n:03d}\n"
                                                             for n in range(12))
    assert keep_style(now, long) == long


def test_keep_style_keeps_the_new_text_when_the_users_lines_would_not_load_alike() -> None:
    """An alias (`*m`) whose anchor is in a changed entity: put in alone it would not load,
    so nothing of the user's layout is taken."""
    from orgspec.adopt.keepstyle import keep_style

    now = ("- kind: Team\n  id: a\n  members: &m [x]\n  name: A\n"
           "- kind: Team\n  id: b\n  members: *m\n")
    new = ("- kind: Team\n  id: a\n  members:\n  - x\n  - z\n  name: A\n"
           "- kind: Team\n  id: b\n  members:\n  - x\n")
    assert keep_style(now, new) == new
    assert keep_style("not: a list\n", new) == new
    assert keep_style(now, "[flow, root]\n") == "[flow, root]\n"


# --- 3: a hint that suggests a RACI role spells it as the format does -------------------------

ROLE_WORDS = ("accountable", "responsible", "consulted", "informed")
HANDOFF = """\
kind: Process
id: complaint-flow
owner: customer-service
responsibility: complaints
steps:
  - {id: receive, owner: customer-service, next: [compensate]}
  - {id: compensate, owner: legal}
---
- {kind: Team, id: customer-service, responsibilities: [complaints]}
- {kind: Team, id: legal, responsibilities: LEGAL}
- {kind: Responsibility, id: complaints, description: 处理用户投诉}
- {kind: Responsibility, id: status-page, accountable: [customer-service, legal]}
- {kind: Responsibility, id: refunds, responsible: [legal]}
- {kind: Responsibility, id: invoices, name: 开票, informed: [legal]}
- kind: Process
  id: refund-flow
  owner: legal
  responsibility: complaints
  steps:
  - {id: pay, owner: legal}
"""


def _found(folder: Path, lang: str) -> list[dict[str, object]]:
    import json

    from conftest import run_cli

    run = run_cli("check", str(folder), "--format", "json", "--lang", lang, "--isolated")
    return list(json.loads(run.stdout)["findings"])


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_every_role_a_hint_suggests_is_a_spelling_the_format_takes(write_org, lang: str) -> None:
    """PR005, OW001, OW002, OW003 and PR008 tell which role to give: each names the role as
    it is written (`responsible`), never as a word or letter SC003 then refuses (执行 R)."""
    import re

    folder = write_org({"org.yaml": HANDOFF.replace("LEGAL", "[]")})
    hints = {str(f["code"]): str(f.get("hint") or "") for f in _found(folder, lang)}
    assert {"PR005", "OW001", "OW002", "OW003", "PR008"} <= set(hints), hints
    for code in ("PR005", "OW001", "OW002", "OW003", "PR008"):
        # a role alone (`responsible`) or with the owner to write (`accountable: legal`)
        said = [s.split(":")[0].strip() for s in re.findall(r"`([^`]*)`", hints[code])]
        assert said and set(said) <= set(ROLE_WORDS), (code, hints[code])
        assert not re.search(r"[（(]?[RACI][）)]|[执執][行] R|[咨諮]詢? C|咨询 C", hints[code]), \
            (code, hints[code])


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_the_role_pr005_suggests_in_chinese_clears_it_with_no_sc003(write_org, lang: str
                                                                      ) -> None:
    import re

    folder = write_org({"org.yaml": HANDOFF.replace("LEGAL", "[]")})
    hint = next(str(f["hint"]) for f in _found(folder, lang) if f["code"] == "PR005")
    roles = re.findall(r"`([^`]*)`", hint)
    assert roles == ["responsible", "consulted"], hint
    for role in [*roles, "执行"]:  # the word the hint once said: SC003 refuses it
        (folder / "org.yaml").write_text(
            HANDOFF.replace("LEGAL", "[{ref: complaints, role: " + role + "}]"), "utf-8")
        codes = [f["code"] for f in _found(folder, lang)]
        assert ("SC003" in codes) == (role == "执行") and "PR005" not in codes, (role, codes)


# --- 5: `orgspec pr-comment` with no token, tried by hand: a note that says what to set -------

NO_CI = {"GITHUB_TOKEN": "", "GITHUB_ACTIONS": "", "GITLAB_CI": "", "GITLAB_TOKEN": "",
         "ORGSPEC_GITLAB_TOKEN": "", "CI_API_V4_URL": "", "CI_PROJECT_ID": "",
         "CI_MERGE_REQUEST_IID": ""}


@pytest.mark.parametrize(("platform", "lang", "said"), [
    ("github", "en", "note: no pull-request comment posted: GITHUB_TOKEN is not set (set it to "
                     "a token that may write pull-request comments; for a GitLab merge "
                     "request, use --platform gitlab with ORGSPEC_GITLAB_TOKEN or "
                     "GITLAB_TOKEN)\n"),
    ("gitlab", "en", "note: no merge-request note posted: no GitLab token (set "
                     "ORGSPEC_GITLAB_TOKEN or GITLAB_TOKEN to an access token with the `api` "
                     "scope; the note is posted from a GitLab CI merge-request job)\n"),
    ("gitlab", "zh", "提示：未发布合并请求评论：没有 GitLab 令牌（请把 ORGSPEC_GITLAB_TOKEN 或 "
                     "GITLAB_TOKEN 设为具有 `api` 权限范围的访问令牌；评论要在 GitLab CI 的"
                     "合并请求作业中发布）\n"),
])
def test_no_token_by_hand_is_a_note_naming_what_to_set(tmp_path: Path, platform: str,
                                                        lang: str, said: str) -> None:
    from conftest import run_cli

    report = tmp_path / "r.md"
    report.write_text("# Org report\n", "utf-8")
    run = run_cli("pr-comment", str(report), "--isolated", "--platform", platform, "--lang",
                  lang, env=NO_CI)
    assert (run.code, run.stdout, run.stderr) == (0, "", said)


def test_no_gitlab_token_in_a_gitlab_ci_job_is_still_an_error(tmp_path: Path) -> None:
    """In the job the note was asked for: a missing token fails it (exit 2, one line)."""
    from conftest import run_cli

    report = tmp_path / "r.md"
    report.write_text("# Org report\n", "utf-8")
    env = {**NO_CI, "GITLAB_CI": "true", "CI_API_V4_URL": "https://gitlab.example.com/api/v4",
           "CI_PROJECT_ID": "1", "CI_MERGE_REQUEST_IID": "3"}
    run = run_cli("pr-comment", str(report), "--isolated", "--lang", "en", env=env)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.startswith("orgspec: error: no GitLab token: set ORGSPEC_GITLAB_TOKEN")
    assert len(run.stderr.splitlines()) == 1


# --- 6: meetings held when something happens are first-class cadences ------------------------

EVENT_CADENCES = [
    ("每场直播后", "event", "事件触发 · 每次直播后", "event-driven · after each 直播"),
    ("每場直播後", "event", "事件触发 · 每次直播后", "event-driven · after each 直播"),
    ("每次大促结束后", "event", "事件触发 · 每次大促后", "event-driven · after each 大促"),
    ("每期活动前", "event", "事件触发 · 每次活动前", "event-driven · before each 活动"),
    ("after each live stream", "event", "事件触发 · 每次live stream后",
     "event-driven · after each live stream"),
    ("不定期", "adhoc", "不定期", "ad hoc"),
    ("ad hoc", "adhoc", "不定期", "ad hoc"),
    ("as needed", "adhoc", "不定期", "ad hoc"),
]


@pytest.mark.parametrize(("cadence", "kind", "zh", "en"), EVENT_CADENCES)
def test_an_event_driven_cadence_is_read_and_said(cadence: str, kind: str, zh: str,
                                                  en: str) -> None:
    from orgspec.model.schedule import describe_cadence, schedule_of

    assert schedule_of(cadence).cadence == kind
    assert describe_cadence(cadence, "zh") == zh
    assert describe_cadence(cadence, "en") == en


@pytest.mark.parametrize("cadence", ["每天开播前", "daily before the live stream", "每周例会后",
                                     "每场", "after each"])
def test_a_time_said_by_an_event_inside_a_calendar_cadence_is_still_not_read(
        cadence: str) -> None:
    from orgspec.model.schedule import schedule_of

    assert schedule_of(cadence).cadence is None


def test_mt002_accepts_event_driven_meetings_and_still_flags_an_unknown_one(write_org) -> None:
    import json

    from conftest import run_cli

    meetings = "".join(
        f"- {{kind: Meeting, id: m{i}, name: 会{i}, owner: ops, attendees: [ops], "
        f"cadence: {c!r}}}\n" for i, (c, *_rest) in enumerate(EVENT_CADENCES))
    folder = write_org({"org.yaml": "- {kind: Team, id: ops, name: 运营部, lead: li, "
                                    "members: [li]}\n- {kind: Person, id: li, name: 李强}\n"
                                    + meetings + "- {kind: Meeting, id: odd, owner: ops, "
                                    "attendees: [ops], cadence: 看情况吧}\n"})
    run = run_cli("check", str(folder), "--format", "json", "--isolated", "--lang", "en")
    found = [(f["code"], f["line"]) for f in json.loads(run.stdout)["findings"]
             if f["code"].startswith("MT")]
    assert found == [("MT002", 3 + len(EVENT_CADENCES))]


def test_the_site_calendar_lists_event_driven_meetings_apart(tmp_path: Path, write_org) -> None:
    from conftest import run_cli

    folder = write_org({"org.yaml": "- {kind: Team, id: ops, name: 运营部, lead: li, "
                                    "members: [li]}\n- {kind: Person, id: li, name: 李强}\n"
                                    "- {kind: Meeting, id: review, name: 直播复盘会, owner: ops, "
                                    "attendees: [ops], cadence: 每场直播后}\n"})
    run = run_cli("site", str(folder), "-o", str(tmp_path / "site"), "--lang", "zh",
                  "--isolated")
    assert run.code == 0, run.stderr
    page = next((tmp_path / "site").rglob("calendar*.html")).read_text("utf-8")
    section = page[page.index('<section id="event">'):]
    section = section[:section.index("</section>")]
    assert "有事时召开 (1)" in section and "直播复盘会" in section
    assert "事件触发 · 每次直播后" in section
    assert 'id="rarely"' not in page and 'id="other"' not in page


# --- 4: `orgspec check`'s text names entities as the reports do; machine formats keep ids ----

NAMED_ORG = """\
- {kind: Team, id: cs, name: 客服部, lead: li, members: [li]}
- {kind: Team, id: tech, name: 技术部, lead: wang, members: [wang]}
- {kind: Person, id: li, name: 李强}
- {kind: Person, id: wang, name: 王芳}
- {kind: Responsibility, id: refunds, name: 退款处理, accountable: [cs, tech]}
"""


def test_check_text_names_ids_as_the_report_does_and_json_keeps_them(write_org) -> None:
    import json

    from conftest import run_cli

    folder = write_org({"org.yaml": NAMED_ORG})
    text = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", "zh")
    line = next(x for x in text.stdout.splitlines() if " OW001 " in x)
    assert line.endswith("OW001 [错误] 职责 退款处理 (refunds) 有 2 个批准方 (A)："
                         "客服部 (cs)、技术部 (tech)")
    assert "    相关: " in text.stdout and "技术部 (tech) 在此被写为批准方 (A)" in text.stdout
    report = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", "zh",
                     "--format", "markdown")
    assert "职责 退款处理 (refunds) 有 2 个批准方 (A)：客服部 (cs)、技术部 (tech)" in report.stdout
    machine = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", "zh",
                      "--format", "json")
    [ow001] = [f for f in json.loads(machine.stdout)["findings"] if f["code"] == "OW001"]
    assert ow001["message"] == "职责 'refunds' 有 2 个批准方 (A)：cs、tech"


def test_a_name_edit_answered_from_the_cache_says_the_new_name(write_org, tmp_path: Path
                                                               ) -> None:
    """The warm path (a prose edit answered from the kept state) names ids with the edited
    file's names: as a run without the cache."""
    from conftest import run_cli

    folder = write_org({"org.yaml": NAMED_ORG})
    env = {"ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    args = ("check", str(folder), "--isolated", "--lang", "zh")
    run_cli(*args, env=env)
    run_cli(*args, env=env)
    (folder / "org.yaml").write_text(NAMED_ORG.replace("退款处理", "退款审核"), "utf-8")
    warm = run_cli(*args, env=env)
    assert "职责 退款审核 (refunds)" in warm.stdout
    assert warm.stdout == run_cli(*args, "--no-cache").stdout


ODD_NAMES = """\
- {kind: Team, id: cs, name: 客服部, names: {en: Customer Service, zh-Hant: 客服部門},
   lead: li, members: [li]}
- {kind: Team, id: tech, name: "技术\\u202e部", lead: wang, members: [wang]}
- {kind: Team, id: ops, lead: zhao, members: [zhao]}
- {kind: Team, id: qa, name: QA, lead: zhao, members: [zhao]}
- {kind: Team, id: pr, name: "##[group]公关部", lead: zhao, members: [zhao]}
- {kind: Person, id: li, name: 李强}
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: zhao, name: 赵六}
- {kind: Responsibility, id: refunds, name: "退款\\n处理", accountable: [cs, tech, ops, qa, pr]}
"""


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "职责 退款⏎处理 (refunds) 有 5 个批准方 (A)："
           "客服部 (cs)、技术\\u202e部 (tech)、ops、qa、##[group]公关部 (pr)"),
    ("en", "duty 退款⏎处理 (refunds) has 5 accountable owners: Customer Service (cs), "
           "技术\\u202e部 (tech), ops, qa, ##[group]公关部 (pr)"),
    ("zh-Hant", "職責 退款⏎处理 (refunds) 有 5 個批准方 (A)："
                "客服部門 (cs)、技术\\u202e部 (tech)、ops、qa、##[group]公关部 (pr)"),
])
def test_check_text_says_each_readers_name_escaped_and_an_unnamed_id_alone(
        write_org, lang: str, said: str) -> None:
    """The name of the run's language (`names`, else as written, never converted); an
    entity without a name of its own (or named as its id) is its id alone, not `ops (ops)`;
    a name's control and bidi characters escaped as the rest of the line; in GitHub
    Actions a name cannot forge a workflow command either."""
    from conftest import run_cli

    folder = write_org({"org.yaml": ODD_NAMES})
    text = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", lang)
    [line] = [x for x in text.stdout.splitlines() if " OW001 " in x]
    tag = {"en": "error", "zh": "错误", "zh-Hant": "錯誤"}[lang]  # the severity as said
    assert line.endswith(f"OW001 [{tag}] {said}"), line
    assert "(ops)" not in text.stdout and "(qa)" not in text.stdout
    assert "\u202e" not in text.stdout and "\x1b" not in text.stdout
    actions = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", lang,
                      env={"GITHUB_ACTIONS": "true"})
    [line] = [x for x in actions.stdout.splitlines() if " OW001 " in x]
    assert line.endswith(said.replace("##[", "##\u200b[")), line


def test_a_prose_edit_that_changes_the_language_names_ids_as_a_fresh_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept state's names were said in its run's language: when a prose edit makes
    the org's language another and some entity has a name for a reader (`names`), the
    names are a fresh check's (the full path answers), not the kept language's."""
    import datetime as dt

    from orgspec.engine import warm
    from orgspec.engine.lint import check_cached, lint_org
    from orgspec.load.cache import Cache
    from orgspec.load.config import Config

    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    answered: list[bool] = []
    real = warm.patched

    def counted(*args: object, **kwargs: object) -> object:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        answered.append(found is not None)
        return found

    monkeypatch.setattr(warm, "patched", counted)
    org = tmp_path / "org"
    org.mkdir()
    (org / "teams.yaml").write_text(
        "- {kind: Team, id: cs, name: 客服部, names: {en: Customer Service}, lead: li,"
        " members: [li], mission: Answer customers quickly and kindly every day}\n"
        "- {kind: Team, id: tech, name: 技术部, lead: wang, members: [wang],"
        " mission: Keep the platform running all the time}\n"
        "- {kind: Team, id: pr, name: 公关部, names: {en: Public Relations}, lead: li,"
        " members: [li], mission: Speak for the company}\n"  # no duty: OW006 quotes it
        "- {kind: Person, id: li, name: Li Qiang}\n- {kind: Person, id: wang, name: Wang Fang}\n",
        "utf-8")
    duty = ("- kind: Responsibility\n  id: refunds\n  name: Refunds\n  description: \"{}\"\n"
            "  accountable: [cs]\n  responsible: [tech]\n")
    en = "Handle refund requests from customers and keep them informed about their refund"
    zh = ("处理客户的退款申请，并及时告知客户退款的进度和结果，"
          "确保客户满意，不让客户反复询问退款进度")
    today, config, paths = dt.date(2026, 11, 30), Config(), [str(org)]
    said = []
    for text in (en, en + " again", zh, zh + "。", en + " once more"):
        (org / "duties.yaml").write_text(duty.format(text), "utf-8")
        got = check_cached(paths, config, Cache(str(tmp_path / "cache")), today)
        plain = lint_org(paths, config, today)[0]
        assert (got.lang, got.names) == (plain.lang, plain.names), text
        said.append((plain.lang, plain.names["pr"]))
    assert said == [("en", "Public Relations")] * 2 + [("zh", "公关部")] * 2 + \
        [("en", "Public Relations")]
    # the first run (an empty cache) lints as without the cache and asks nothing of the
    # warm path; the second kept a state; the edit within one language was answered from it
    assert answered == [False, False, True, False], answered
