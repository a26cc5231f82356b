"""Process steps: every step has someone doing it."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.context import RuleContext
from orgspec.findings import Issue
from orgspec.models import is_placeholder
from orgspec.org import node_key
from orgspec.registry import check


@check("PR001")
def step_without_owner(ctx: RuleContext) -> Iterator[Issue]:
    """PR001 for each step with no owner, or a placeholder such as `TBD` or `待定`."""
    org = ctx.org
    for pid, proc in org.processes.items():
        origin = org.origin("Process", pid)
        for i, step in enumerate(proc.steps):
            if step.owner is None or is_placeholder(step.owner):
                said = f" (written as {step.owner!r})" if step.owner else ""
                where = origin.locate("steps", i, "owner") if step.owner else \
                    origin.locate("steps", i)
                yield Issue("PR001", f"step {step.id!r} of process {pid!r} has no owner{said}",
                            where, node_key("process", pid),
                            hint="name the team that performs the step")
