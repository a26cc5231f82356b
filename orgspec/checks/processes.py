"""Processes as flow graphs: every step owned, reachable and finishing, handed to a team that
holds the duty. Reachability runs on each process's own step view, with linear algorithms."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from orgspec.checks.placeholders import seat_hint
from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Location, Related
from orgspec.i18n import M
from orgspec.model.graph import step_node
from orgspec.model.krname import step_named
from orgspec.model.models import Process, Step, is_unowned
from orgspec.model.org import node_key
from orgspec.text.lazyre import lazy
from orgspec.text.spaces import fold_width

MAX_NAMED = 20
# 2h, 30m, 1.5d, 2 weeks, 2小时, 30分钟, 1天, 3个工作日, PT2H (ISO 8601); in Chinese numerals
# and halves too (两小时, 一个半小时 and 一小时半: 1.5h, 半小时, 半天), quarter hours (一刻钟,
# 三刻鐘), several parts (1小时30分钟, 2h 30m), and within it (24小时内, 2小时以内, within
# 2 hours); business days (1 business day, 2 working days, 3個工作天), and
# the deadlines of Chinese e-commerce: T+1 (one day after the order day, T+0 the same day),
# 当天/当日 (the same day), 次日/隔日/次工作日/下一个工作日 (the next), optionally by a time
# (次日12点前, 当天18:00前, 次日中午12点前); a verb after "within" (1小时内响应, 24小时内回复);
# full-width digits as ASCII ones (２小时: `fold_width`); the hour as 钟 (兩個鐘, 两个钟头)
_UNIT = (r"(?:(?:business|working|work)\s+(?:days?|hours?)|workdays?|"
         r"s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?|"
         r"秒|分钟|分鐘|分|小时|小時|个小时|個小时|個小時|天|日|[个個]?工作[日天]|周|週|"
         r"个星期|個星期|星期|个月|個月|"
         # the hour as Cantonese and colloquial Mandarin say it (兩個鐘, 半個鐘, 两个钟头:
         # trial 31); 一刻钟 is a quarter hour (`_PART`)
         r"[个個]?\s*(?:钟头|鐘頭|钟|鐘))")
_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两兩三四五六七八九十百]+)"
_PART = (rf"(?:{_NUM}\s*(?:[个個]\s*半\s*)?{_UNIT}(?:\s*半)?|半\s*{_UNIT}"
         rf"|(?:{_NUM}|半)\s*[个個]?\s*刻[钟鐘])")
_DAY = (r"(?:T\s*\+\s*\d+|当天|当日|當天|當日|今天|今日|即日|次日|隔日|隔天|翌日|第二天|"
        r"(?:次|下一?[个個]?)\s*工作[日天]|"
        r"same (?:business )?day|next (?:business |working )?day)"
        r"(?:\s*(?:凌晨|早上|上午|中午|下午|傍晚|晚上)?\s*(?:\d{1,2}(?::\d{2})?\s*(?:点|點|时|時)?)?"
        r"\s*(?:之前|以前|前)|\s*(?:以?[内內]|之?前))?")
DURATION = lazy(
    rf"^(?:(?:within\s+)?{_PART}(?:\s*(?:又|零|,|，)?\s*{_PART})*"
    r"(?:以?[内內](?:\s*(?:响应|響應|回复|回覆|答复|答覆|处理|處理|完成|解决|解決|反馈|反饋))?)?"
    r"|half an? (?:hour|day)"
    rf"|{_DAY}"
    r"|P(?=T?\d)(?:\d+[DW])?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$", re.IGNORECASE)
_DEADLINE = lazy(_DAY, re.IGNORECASE)
# Something that makes a matched duration longer than zero (`0小时` and `PT0H` are zero).
_NONZERO = lazy(r"[1-9一二两兩三四五六七八九十百半]|half", re.IGNORECASE)


def is_duration(text: str) -> bool:
    """Whether an SLA text is a duration (see DURATION for the forms), zero included."""
    return bool(DURATION.match(fold_width(text).strip()))


def is_zero(text: str) -> bool:
    """Whether a duration text is zero long (`0小时`, `PT0H`, `零分钟`, `０小时`); a day
    deadline (`T+0`, `当天`) is not: it runs to the end of that day."""
    text = fold_width(text)
    return not _NONZERO.search(text) and not _DEADLINE.match(text.strip())


def _said(ctx: RuleContext, pid: str, sid: str) -> str:
    """Step `sid` of process `pid` as a message quotes it (`step_named`)."""
    step = next((s for s in ctx.org.processes[pid].steps if s.id == sid), None)
    return step_named(step.name if step is not None else None, sid)


def _steps(ctx: RuleContext) -> Iterator[tuple[str, Process]]:
    yield from ctx.org.processes.items()


@check("PR001", local=True)
def step_without_owner(ctx: RuleContext) -> Iterator[Issue]:
    """A step with no owner, a placeholder such as `TBD` or `待定`, or an open seat
    (`待招聘`)."""
    org = ctx.org
    for pid, proc in org.processes.items():
        origin = org.origin("Process", pid)
        for i, step in enumerate(proc.steps):
            if is_unowned(step.owner):
                said = M(" (written as {value!r})", value=step.owner) if step.owner else ""
                where = origin.value("steps", i, "owner") if step.owner else \
                    origin.locate("steps", i)
                yield Issue(M("step {step!r} of process {process!r} has no owner{said}",
                              step=step_named(step.name, step.id), process=pid, said=said),
                            where, node_key("process", pid),
                            hint=seat_hint(M("name who performs the step in `owner`: a "
                                             "team, a person or a position"), "owner",
                                           step.owner))


def _flow(ctx: RuleContext, pid: str) -> Any:
    """One process's step graph (networkx), built once per run and shared by PR003 and
    PR004 for the processes that have a step to report: the nodes and edges
    `model.graph.step_view` takes from the org graph, read from the process itself."""
    def build() -> Any:
        import networkx as nx

        steps = ctx.org.processes[pid].steps
        ids = {s.id for s in steps}
        view = nx.DiGraph()
        view.add_nodes_from([step_node(pid, s.id) for s in steps])
        view.add_edges_from([(step_node(pid, s.id), step_node(pid, n))
                             for s in steps for n in s.next if n in ids])
        return view

    return ctx.shared.memo(f"flow:{pid}", build)


def _links(ctx: RuleContext, pid: str) -> dict[str, list[str]]:
    """Step id -> the ids of the steps it leads to (its `next` within the process), one
    key per distinct id: the same graph as `_flow`, as plain lists. Most processes have
    nothing to report, and telling so needs only reachability, which these give without a
    networkx graph per process (building 5,000 of them was most of PR002-PR004)."""
    table: dict[str, list[str]] = ctx.shared.memo(
        f"links:{pid}", lambda: _links_of(ctx.org.processes[pid].steps))
    return table


def _links_of(steps: Sequence[Step]) -> dict[str, list[str]]:
    """Step id -> the ids of the listed steps it leads to (`_links`, uncached)."""
    links: dict[str, list[str]] = {s.id: [] for s in steps}
    for s in steps:
        links[s.id] += [n for n in s.next if n in links]
    return links


def _reach(links: dict[str, list[str]], starts: list[str]) -> set[str]:
    """The ids reached from `starts` (included) along `links`."""
    seen, todo = set(starts), list(starts)
    while todo:
        for n in links[todo.pop()]:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def _start(ctx: RuleContext, pid: str) -> str | None:
    """The step the process begins at (see `start_of`), or None when it has no steps."""
    steps = ctx.org.processes[pid].steps
    return start_of(steps, _links(ctx, pid)) if steps else None


def start_of(steps: Sequence[Step], links: dict[str, list[str]]) -> str:
    """The step a process with `steps` (not empty) and `links` (step id -> the ids of the
    steps it leads to) begins at: the first listed step, unless a step that nothing leads
    to reaches more of the process from there (a process listed out of order). A rework
    loop back to the first step (`next: [close, receive]`) leaves it the start, and a stray
    step that nothing leads to is the one unreachable step, not the start. Linear: at most
    two walks."""
    first = steps[0].id
    targets = {n for nexts in links.values() for n in nexts}
    free = next((s.id for s in steps if s.id not in targets), first)
    if free == first or len(_reach(links, [free])) <= len(_reach(links, [first])):
        return first
    return free


def cut_off(steps: Sequence[Step]) -> tuple[set[str], dict[str, str]]:
    """What broken `next`s cut off from the start of a process with `steps`: the ids of
    the steps reached only once each unknown `next` is read as the step RF001 suggests for
    it (`next: [reveiw]` -> 'review'), and {such a suggested step: the unknown name}. The
    flowcharts draw them as unreachable, below the broken link, not as a second start."""
    typos = _typos(steps)
    if not typos:  # most processes: no table to build
        return set(), {}
    links = _links_of(steps)
    meant: dict[str, str] = {}
    fixed = {k: list(v) for k, v in links.items()}
    for step, unknown, close in typos:
        fixed[step].append(close)
        meant.setdefault(close, unknown)
    start = start_of(steps, links)
    reached = _reach(links, [start])
    cut = _reach(fixed, [start]) - reached
    return cut, {step: name for step, name in meant.items() if step in cut}


def _step_id(node: str) -> str:
    return node.rsplit("/", 1)[1]


def _step_index(ctx: RuleContext, pid: str) -> dict[str, int]:
    """Step id -> its position in the process, built once per process and run (the first
    step of a repeated id, as a linear search would find)."""
    def build() -> dict[str, int]:
        index: dict[str, int] = {}
        for i, step in enumerate(ctx.org.processes[pid].steps):
            index.setdefault(step.id, i)
        return index

    table: dict[str, int] = ctx.shared.memo(f"steps:{pid}", build)
    return table


def _step_loc(ctx: RuleContext, pid: str, step: str, field: str | None = None) -> Location:
    index = _step_index(ctx, pid)[step]
    origin = ctx.org.origin("Process", pid)
    return origin.locate("steps", index, field) if field else origin.locate("steps", index)


@check("PR002", graph=False, kinds=("Process",), text=())
def no_start_step(ctx: RuleContext) -> Iterator[Issue]:
    """A process with no steps, so nothing to start at. (A process whose every step has a
    predecessor starts at its first listed step; a loop with no exit is PR004's.)"""
    for pid, proc in _steps(ctx):
        if not proc.steps:
            yield Issue(M("process {process!r} has no steps", process=pid),
                        ctx.org.origin("Process", pid).locate("id"), node_key("process", pid),
                        hint=M("list its steps under `steps`"))


@check("PR003", graph=False, kinds=("Process",), text=())
def unreachable_step(ctx: RuleContext) -> Iterator[Issue]:
    """Steps that no path from a start step reaches."""
    for pid, _proc in _steps(ctx):
        first = _start(ctx, pid)
        if first is None:
            continue  # no steps: PR002 reports the process
        links = _links(ctx, pid)
        reached = _reach(links, [first])
        if len(reached) == len(links):
            continue
        start = step_node(pid, first)
        unreached = {step_node(pid, n) for n in links if n not in reached}
        unreached -= _meant_reached(ctx, pid, _flow(ctx, pid), start)
        for node in sorted(unreached, key=_order(ctx, pid)):
            step = _step_id(node)
            yield Issue(M("step {step!r} of process {process!r} cannot be reached from its "
                          "start step {start!r}", step=_said(ctx, pid, step), process=pid,
                          start=_said(ctx, pid, _step_id(start))),
                        _step_loc(ctx, pid, step), node_key("process", pid),
                        hint=M("point a step's `next` at it, or remove it"))


def _meant_reached(ctx: RuleContext, pid: str, flow: Any, start: str) -> set[str]:
    """The steps reached once each unknown `next` is read as the step RF001 suggests for
    it (`next: [reslove]` -> 'resolve', `[查核訂單及物流]` -> 'investigate', `investigate、
    review` -> both): the slip is RF001's one finding, not also an unreachable step."""
    import networkx as nx

    steps = ctx.org.processes[pid].steps
    meant = [(step_node(pid, step), step_node(pid, close))
             for step, _, close in _typos(steps)]
    meant += [(step_node(pid, step), step_node(pid, after))
              for step, after in _self_loops(steps, _links(ctx, pid)).items() if after]
    if not meant:
        return set()
    fixed = flow.copy()
    fixed.add_edges_from(meant)
    reached: set[str] = {start} | nx.descendants(fixed, start)
    return reached


def _typos(steps: Sequence[Step]) -> list[tuple[str, str, str]]:
    """(step, unknown `next`, a step it was meant to name) for each `next` naming no step
    that tells which it meant: a close id (`reveiw` -> 'review'), a step's name
    (`查核訂單及物流` -> 'investigate'), the steps an IME separator lists
    (`investigate、review`): `checks.nextsteps`, as RF001's hint reads it."""
    from orgspec.checks.nextsteps import meant_links

    return meant_links(steps)


def _self_loops(steps: Sequence[Step], links: dict[str, list[str]]) -> dict[str, str | None]:
    """Step id -> the step listed after it, for each step whose only `next` is itself
    (`investigate` with `next: [investigate]`, trial 35): most likely the step it hands on
    to was meant; None for the last step (meant as an end). PR004 reports the loop, the
    one finding; PR003 and PR004 read the flow as meant for the steps it cuts off."""
    out: dict[str, str | None] = {}
    for i, step in enumerate(steps):
        if set(links.get(step.id, ())) == {step.id}:
            after = steps[i + 1].id if i + 1 < len(steps) else None
            out.setdefault(step.id, after if after != step.id else None)
    return out


def _order(ctx: RuleContext, pid: str) -> Any:
    index = {step_node(pid, s.id): i for i, s in enumerate(ctx.org.processes[pid].steps)}
    return index.__getitem__


@check("PR004", graph=False, kinds=("Process",), text=())
def no_way_to_finish(ctx: RuleContext) -> Iterator[Issue]:
    """Steps from which no end can be reached: loops with no exit, and the steps feeding
    only into them. One finding per loop, and one per other stuck step."""
    for pid, _proc in _steps(ctx):
        links = _links(ctx, pid)
        back: dict[str, list[str]] = {n: [] for n in links}
        for step, nexts in links.items():
            for n in dict.fromkeys(nexts):
                back[n].append(step)
        finishing = _reach(back, [n for n, nexts in links.items() if not nexts])
        if len(finishing) == len(links):
            continue
        stuck = {step_node(pid, n) for n in links if n not in finishing}
        yield from _stuck_issues(ctx, pid, _flow(ctx, pid).subgraph(stuck),
                                 _finishing_as_meant(ctx, pid, links))


def _finishing_as_meant(ctx: RuleContext, pid: str, links: dict[str, list[str]]) -> set[str]:
    """The step nodes from which an end is reached once each step whose only `next` is
    itself leads on to the step listed after it (`_self_loops`): a step that leads only
    into such a loop is stuck because of that one slip, which the loop's finding says."""
    selfs = _self_loops(ctx.org.processes[pid].steps, links)
    if not selfs:
        return set()
    fixed = {n: ([a] if (a := selfs[n]) else []) if n in selfs else nexts
             for n, nexts in links.items()}
    back: dict[str, list[str]] = {n: [] for n in fixed}
    for step, nexts in fixed.items():
        for n in dict.fromkeys(nexts):
            back[n].append(step)
    return {step_node(pid, n)
            for n in _reach(back, [n for n, nexts in fixed.items() if not nexts])}


def _stuck_issues(ctx: RuleContext, pid: str, stuck: Any,
                  spared: Collection[str] = ()) -> Iterator[Issue]:
    import networkx as nx

    order = _order(ctx, pid)
    in_loops: set[str] = set()
    loops = [sorted(c, key=order) for c in nx.strongly_connected_components(stuck)
             if len(c) > 1 or stuck.has_edge(next(iter(c)), next(iter(c)))]
    for loop in sorted(loops, key=lambda c: order(c[0])):
        in_loops.update(loop)
        names = " -> ".join(_said(ctx, pid, _step_id(n)) for n in loop[:MAX_NAMED])
        more = M(" (+{n} more)", n=len(loop) - MAX_NAMED) if len(loop) > MAX_NAMED else ""
        yield Issue(M("steps of process {process!r} loop with no exit: {names}{more}",
                      process=pid, names=names, more=more),
                    _step_loc(ctx, pid, _step_id(loop[0]), "next"), node_key("process", pid),
                    hint=M("give one step of the loop a `next` that leads to an end"))
    for node in sorted(set(stuck.nodes) - in_loops - set(spared), key=order):
        step = _step_id(node)
        yield Issue(M("step {step!r} of process {process!r} only leads into a loop with no "
                      "exit", step=_said(ctx, pid, step), process=pid),
                    _step_loc(ctx, pid, step, "next"),
                      node_key("process", pid),
                    hint=M("route it to a step that finishes"))


def _roles(ctx: RuleContext, team: str, duty: str) -> set[str]:
    """The RACI roles a team holds on a duty, from either side (the graph's RACI edges
    from the team to the duty are these statements; no graph is built for them)."""
    return ctx.org.raci.roles(duty, node_key("team", team))


def _team_of(ctx: RuleContext, owner: str | None) -> tuple[str, str | None] | None:
    """(team, position) an owner stands for: a team itself (no position), or a position of a
    team (the README: a position can be named wherever a team can); None for anything
    else (a person, an unknown id: other rules say those)."""
    org = ctx.org
    if owner in org.teams:
        return owner, None
    pos = org.positions.get(owner) if owner is not None else None
    if owner is not None and pos is not None and pos.team in org.teams:
        return str(pos.team), owner
    return None


def _holds_role(ctx: RuleContext, team: str, position: str | None, duty: str) -> bool:
    """Whether a team, or a position or its team, holds any role on a duty."""
    if position is not None and ctx.org.raci.roles(duty, node_key("role", position)):
        return True
    return bool(_roles(ctx, team, duty))


@check("PR005", graph=False, text=())
def handoff_without_duty(ctx: RuleContext) -> Iterator[Issue]:
    """A step handed to a team (or a position of one) that holds no role on the duty the
    process serves; a position counts with its team's roles and its own."""
    org = ctx.org
    for pid, proc in _steps(ctx):
        duty = proc.responsibility
        if duty not in org.responsibilities:
            continue
        owner = _team_of(ctx, proc.owner)
        for step in proc.steps:
            held = _team_of(ctx, step.owner)
            if held is None or step.owner == proc.owner or \
                    (owner is not None and held[0] == owner[0] and None in (held[1], owner[1])):
                continue  # the process owner's own team: PR008's
            team, position = held
            if _holds_role(ctx, team, position, duty):
                continue
            if position is None:
                said = M("step {step!r} of process {process!r} is handed to {team!r}, "
                         "which holds no role on duty {duty!r}",
                         step=step_named(step.name, step.id), process=pid, team=team,
                         duty=duty)
                hint = M("give {team} a role on {duty} (`responsible` or `consulted`), "
                         "or hand the step to a team that has one", team=team, duty=duty)
            else:
                said = M("step {step!r} of process {process!r} is handed to position "
                         "{position!r} of team {team!r}, neither of which holds a role on "
                         "duty {duty!r}", step=step_named(step.name, step.id), process=pid,
                         position=position, team=team, duty=duty)
                hint = M("give {position} or {team} a role on {duty} (`responsible` or "
                         "`consulted`), or hand the step to a team that has one",
                         position=position, team=team, duty=duty)
            yield Issue(said, _step_loc(ctx, pid, step.id, "owner"), node_key("process", pid),
                        related=(Related(org.origin("Responsibility", duty).locate("id"),
                                         M("{id} is defined here", id=duty)),),
                        hint=hint, teams=(team,))


@check("PR006", local=True)
def missing_tracker(ctx: RuleContext) -> Iterator[Issue]:
    """With `require_tracker: true`, each step names a tracker other than its doer."""
    for pid, proc in _steps(ctx):
        if not proc.require_tracker:
            continue
        for step in proc.steps:
            if is_unowned(step.tracker):
                said = M(" (written as {value!r})", value=step.tracker) if step.tracker \
                    else ""
                yield Issue(M("step {step!r} of process {process!r} has no tracker{said}",
                              step=step_named(step.name, step.id), process=pid, said=said),
                            _step_loc(ctx, pid, step.id), node_key("process", pid),
                            hint=seat_hint(_tracker_hint(step.owner), "tracker",
                                           step.tracker))
            elif step.tracker == step.owner:
                yield Issue(M("step {step!r} of process {process!r} is tracked by its own "
                              "doer {owner!r}", step=step_named(step.name, step.id),
                              process=pid, owner=step.owner),
                              _step_loc(ctx, pid, step.id, "tracker"),
                            node_key("process", pid),
                            hint=M("the tracker should be someone other than the doer"))


def _tracker_hint(owner: str | None) -> M:
    """PR006's hint for a step without a tracker: one other than its owner, since the
    owner as tracker is PR006 again (trial 36)."""
    if owner and not is_unowned(owner):
        return M("name who tracks the step (`tracker:`), as the process requires: someone "
                 "other than its owner {owner!r}", owner=owner)
    return M("name who tracks the step (`tracker:`), as the process requires: someone "
             "other than its owner")


@check("PR007", local=True)
def invalid_sla(ctx: RuleContext) -> Iterator[Issue]:
    """An SLA that is not a duration longer than zero (2h, 30m, 1d, 2小时, 30分钟, 1天, PT2H,
    两小时, 半小时, 一个半小时, 一小时半, 一刻钟, 1小时30分钟, 3个工作日, 2 business days, 24h内)
    nor a day deadline (T+1, 当天, 次日12点前); `0小时` is not one."""
    for pid, proc in _steps(ctx):
        for step in proc.steps:
            if step.sla is None:
                continue
            if is_duration(step.sla) and is_zero(step.sla):
                yield Issue(M("SLA {sla!r} of step {step!r} is zero", sla=step.sla,
                              step=step_named(step.name, step.id)),
                            _step_loc(ctx, pid, step.id, "sla"), node_key("process", pid),
                            hint=M("give the time the step may take, longer than zero"))
            elif not is_duration(step.sla):
                yield Issue(M("SLA {sla!r} of step {step!r} is not a duration", sla=step.sla,
                              step=step_named(step.name, step.id)),
                            _step_loc(ctx, pid, step.id, "sla"), node_key("process", pid),
                            hint=M("write a number and a unit (2h, 30m, 1d, 2小时, 30分钟, 1天, "
                                   "3个工作日, 2 business days), or a day deadline (T+1, 当天, "
                                   "次日12点前)"))


@check("PR008", graph=False, text=())
def owner_without_duty(ctx: RuleContext) -> Iterator[Issue]:
    """A process owner (a team, or a position of one) that holds no role on the duty the
    process serves; a position counts with its team's roles and its own."""
    org = ctx.org
    for pid, proc in _steps(ctx):
        duty, held = proc.responsibility, _team_of(ctx, proc.owner)
        if duty not in org.responsibilities or held is None or \
                _holds_role(ctx, held[0], held[1], duty):
            continue
        owner, position = held
        if position is None:
            said = M("owner {owner!r} of process {process!r} holds no role on the duty "
                     "it serves, {duty!r}", owner=owner, process=pid, duty=duty)
        else:
            said = M("owner {owner!r} of process {process!r} (a position of team {team!r}) "
                     "holds no role on the duty it serves, {duty!r}, nor does its team",
                     owner=position, team=owner, process=pid, duty=duty)
        yield Issue(said, org.origin("Process", pid).locate("owner"),
                    node_key("process", pid),
                    hint=M("make {owner} `accountable` or `responsible` for {duty}",
                           owner=position or owner, duty=duty))


@check("PR009", local=True)
def unowned_process(ctx: RuleContext) -> Iterator[Issue]:
    """A process nobody owns (no owner, a placeholder, or an open seat)."""
    for pid, proc in _steps(ctx):
        if is_unowned(proc.owner):
            origin = ctx.org.origin("Process", pid)
            said = M(" (written as {value!r})", value=proc.owner) if proc.owner else ""
            where = origin.value("owner") if proc.owner else origin.locate("id")
            yield Issue(M("process {process!r} has no owner{said}", process=pid, said=said),
                        where, node_key("process", pid),
                        hint=seat_hint(M("name the team, position or person that owns "
                                         "the process"), "owner", proc.owner))
