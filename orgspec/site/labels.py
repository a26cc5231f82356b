"""The site's own labels in English and Chinese, on top of the report's (`views.LABELS`)."""

from __future__ import annotations

from orgspec.i18n import MC, P, say
from orgspec.report.labels import COUNTS as REPORT_COUNTS
from orgspec.report.labels import LABELS as REPORT_LABELS

# The site's counts with their words (`templating.counter`), on top of the report's.
COUNTS = {
    **REPORT_COUNTS,
    "teams": P("{n} team", "{n} teams", n=0),
    "people": P("{n} person", "{n} people", n=0),
    "duties": P("{n} duty", "{n} duties", n=0),
    "objectives": P("{n} objective", "{n} objectives", n=0),
    "processes": P("{n} process", "{n} processes", n=0),
    "positions": P("{n} position", "{n} positions", n=0),
    "meetings": P("{n} meeting", "{n} meetings", n=0),
    "steps": P("{n} step", "{n} steps", n=0),
    "vacant": P("{n} vacant", "{n} vacant", n=0),
    "key_results": P("{n} key result", "{n} key results", n=0),
    "members": P("{n} member", "{n} members", n=0),
    "in_all": P("{n} in all", "{n} in all", n=0),
}

_LABELS = {  # key: English, said in the run's language from the catalog (msgctxt "label")
    "site": MC("label", "Org handbook"),
    "home": MC("label", "Home"),
    "teams": MC("label", "Teams"),
    "people": MC("label", "People"),
    "duties": MC("label", "Duties"),
    "objectives": MC("label", "Objectives"),
    "org_chart": MC("label", "Org chart"),
    "search_ph": MC("label", "Who owns …?"),
    "search_go": MC("label", "Search"),
    "results": MC("label", "Results"),
    "no_results": MC("label", "No results."),
    # the search's count of hits, before the query ({n}: filled in by search.js)
    "one_result": MC("label", "{n} result"),
    "n_results": MC("label", "{n} results"),
    # beside a search hit whose words are found with a character between (退货 in 退换货)
    "near_hit": MC("label", "similar wording"),
    "needs_js": MC("label", "Search needs JavaScript; the lists below need none."),
    "mission": MC("label", "Mission"),
    "description": MC("label", "Description"),
    "members": MC("label", "Members"),
    "parent": MC("label", "Parent team"),
    "subteams": MC("label", "Sub-teams"),
    "charter": MC("label", "Charter"),
    "role": MC("label", "Role"),
    "ask": MC("label", "Who to ask"),
    "ask_via": MC("label", "lead of {team}, as the accountable team has no lead"),
    "ask_via_unknown": MC("label", "a fallback: lead of {team}, as the accountable team's "
                                   "lead {lead!r} is not a known person"),
    "ask_fallback": MC("label", "fallback: lead of {team}"),
    "ci_duties": MC("label", "Consulted or informed on"),
    "team_duties": MC("label", "Duties of their teams"),
    "team_duties_note": MC("label", "Held by the team as a whole, not by this person; "
                                    "each team's page lists them."),
    "accountable_count_note": MC("label", "Distinct duties, each counted once, as the "
                                          "report's Person load table counts them."),
    # the team page's hand-offs table: its first column (in or out), then the process's
    "handoff_way": MC("label", "Direction"),
    "process_col": MC("label", "Process"),
    "handoffs_in": MC("label", "Hand-offs in"),
    "handoffs_out": MC("label", "Hand-offs out"),
    "from": MC("label", "from"),
    "to": MC("label", "to"),
    "step": MC("label", "Step"),
    "steps": MC("label", "Steps"),
    "next": MC("label", "Next"),
    "sla": MC("label", "SLA"),
    "tracker": MC("label", "Tracker"),
    "steps_owned": MC("label", "Process steps"),
    "steps_tracked": MC("label", "Process steps tracked"),
    "findings_here": MC("label", "Findings"),
    "no_findings": MC("label", "No findings."),
    # a finding the configured baseline knows: `check` does not count it, team health does
    "known_finding": MC("label", "known (baseline)"),
    "source": MC("label", "Source"),
    "view_src": MC("label", "View source"),
    "edit": MC("label", "Edit"),
    "updated": MC("label", "Last updated"),
    "title_field": MC("label", "Title"),
    "email": MC("label", "Email"),
    "lead_of": MC("label", "Leads"),
    "member_of": MC("label", "Member of"),
    "manager": MC("label", "Manager"),  # a person's line manager (直属上级)
    "direct_reports": MC("label", "Direct reports"),  # the people whose manager they are
    "as_lead": MC("label", "as lead of {team}"),
    "as_member": MC("label", "as member of {team}"),
    "as_above": MC("label", "through {team}, a team above"),
    "directly": MC("label", "directly"),
    # the person page's duties column of as_lead / as_member / as_holder / directly
    "held_how": MC("label", "How held"),
    "raci_table": MC("label", "RACI"),
    "served_by": MC("label", "Processes serving this duty"),
    "serves": MC("label", "Serves duty"),
    "period": MC("label", "Period"),
    "aligns": MC("label", "Aligns to"),
    "aligned": MC("label", "Aligned objectives"),
    "key_results": MC("label", "Key results"),
    "metric": MC("label", "Metric"),
    "baseline": MC("label", "Baseline"),
    "measurable_col": MC("label", "Measurable"),
    # what the key results' column judges; the findings on a key result have their own
    "kr_measurable_col": MC("label", "Measurable (metric, target, time bound)"),
    "current": MC("label", "Current"),
    "target": MC("label", "Target"),
    "due": MC("label", "Due"),
    # a key result's metric read from its sentence, its time bound from the period
    "metric_in_title": MC("label", "(in the title)"),
    "due_period": MC("label", "end of {period}"),
    "progress": MC("label", "Progress"),
    "progress_exceeded": MC("label", "{percent}% (exceeded)"),
    "not_measurable_why": MC("label", "not measurable: {why}"),
    "flow": MC("label", "Flowchart"),
    "handoffs": MC("label", "Hand-offs between teams"),
    "subtree": MC("label", "Team structure"),
    "no_period": MC("label", "No period"),
    "all_findings": MC("label", "All findings"),
    "not_found": MC("label", "Page not found"),
    "not_found_text": MC("label", "This page does not exist (any more). Search for it:"),
    "changes": MC("label", "Changes"),
    "changes_since": MC("label", "Changes since {ref}"),
    "no_changes": MC("label", "No org changes."),
    # no revision to compare with: the readers are told plainly (they do not build the site);
    # the builder is told how to list changes on `orgspec site`'s stderr
    "no_history": MC("label", "No change record yet."),
    "at_a_glance": MC("label", "At a glance"),
    "kind_team": MC("label", "team"),
    "kind_person": MC("label", "person"),
    "kind_duty": MC("label", "duty"),
    "kind_objective": MC("label", "objective"),
    "kind_process": MC("label", "process"),
    "kind_position": MC("label", "position"),
    "kind_meeting": MC("label", "meeting"),
    "kind": MC("label", "Kind"),
    "unknown_ref": MC("label", "unknown id"),
    "vacant": MC("label", "vacant"),
    "vague": MC("label", "vague"),
    "seats_filled": MC("label", "Seats filled"),
    # the brackets around a note after a name (`黄淑芬（行销团队的负责人）`, `Ada (lead of
    # 行销团队)`): full-width in Chinese, as the notes inside are written, so no pair nests
    # in the other kind; the opening one with the space before it that English puts there
    "lp": MC("label", " ("),
    "rp": MC("label", ")"),
    "ask_vacant": MC("label", "lead of {team}, as the position has no holder"),
    # a position page's "who to ask": its team's lead, else a lead above, else a holder
    "ask_pos_lead": MC("label", "lead of {team}, the position's team"),
    "ask_pos_above": MC("label", "lead of {team}, as the position's team has no lead"),
    "ask_pos_holder": MC("label", "a holder of the position, as no team above it has a lead"),
    "as_holder": MC("label", "as {position}"),
    "chairs": MC("label", "chairs"),
    "attends": MC("label", "attends"),
    "purpose": MC("label", "Purpose"),
    "channel": MC("label", "Channel"),
    "channels": MC("label", "Channels"),
    "breadcrumb": MC("label", "Breadcrumb"),
    "trackers": MC("label", "Trackers"),
    "inputs": MC("label", "Inputs"),
    "outputs": MC("label", "Outputs and decisions"),
    "no_cadence": MC("label", "no cadence"),
    "cadence_unknown": MC("label", "not understood"),
    "calendar": MC("label", "Meeting calendar"),
    "calendar_text": MC("label", "Each week at a glance, from the meetings' cadences. "
                                 "A meeting given a part of the day but no time (afternoon) "
                                 "is in that part's row. Meetings whose cadence names no "
                                 "weekday, or that meet less often than every two weeks, are "
                                 "listed below the table, as are cadences orgspec cannot "
                                 "read."),
    "time": MC("label", "Time"),
    "no_time": MC("label", "time not given"),
    "workdays": MC("label", "Mon–Fri"),
    "day_0": MC("label", "Mon"),
    "day_1": MC("label", "Tue"),
    "day_2": MC("label", "Wed"),
    "day_3": MC("label", "Thu"),
    "day_4": MC("label", "Fri"),
    "day_5": MC("label", "Sat"),
    "day_6": MC("label", "Sun"),
    "cal_nodays": MC("label", "Weekday not given"),
    "cal_rarely": MC("label", "Less often than every two weeks"),
    "cal_event": MC("label", "When something happens"),
    "cal_other": MC("label", "Other cadence"),
    "page": MC("label", "Page"),
    "of_pages": MC("label", "{n} of {total}"),
    "size": MC("label", "Size"),
    "skip": MC("label", "Skip to content"),
    "filter": MC("label", "Filter"),
    "by_rule": MC("label", "Findings by rule"),
    "lang_name": MC("label", "English"),
    "go": MC("label", "Permanent link"),
    "moved": MC("label", "This page moved to"),
    "go_text": MC("label", "Opening the page … (go.html#team/<id>, #duty/<id>, #person/<id>, "
                           "#objective/<id>, #process/<id>, #position/<id>, #meeting/<id>)"),
    "go_missing": MC("label", "No page has this id or name, or more than one has this name."),
    "go_search": MC("label", "Search for “{query}”"),
    # a person's or team's names in other languages, under its page's heading ("English
    # name: Jimmy Lin"); a name written in no language given is labelled by its script (Chinese
    # or English)
    "name_en": MC("label", "English name"),
    "name_zh": MC("label", "Simplified Chinese name"),
    "name_zh_hant": MC("label", "Traditional Chinese name"),
    "name_han": MC("label", "Chinese name"),
}


class _ByLang(dict[str, dict[str, str]]):
    """LABELS["zh"]: the report's labels and the site's, said in that language."""

    def __missing__(self, lang: str) -> dict[str, str]:
        table = self[lang] = {**REPORT_LABELS[lang],
                              **{key: say(text, lang) for key, text in _LABELS.items()}}
        return table


LABELS = _ByLang()
