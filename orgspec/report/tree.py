"""The team tree of the report: teams under their parents, parent cycles drawn as roots."""

from __future__ import annotations

from dataclasses import dataclass, field

from orgspec.model.models import is_unowned
from orgspec.model.names import person_said
from orgspec.model.org import Org
from orgspec.model.teamtree import pointer_cycles
from orgspec.text.collate import name_key


@dataclass
class TreeNode:
    id: str
    name: str
    lead: str
    children: list[TreeNode] = field(default_factory=list)


def team_tree(org: Org, order: str, lang: str | None = None) -> list[TreeNode]:
    """The teams under their parents, siblings by name in `order` (text.collate.ORDERS:
    strokes or pinyin for Chinese), then id; with `lang`, each lead named for a reader of
    it with their name in the other script (`model.names.person_said`: `林志豪 (Jimmy Lin)`)."""
    def lead(team_lead: str | None) -> str:
        if team_lead and team_lead not in org.people and is_unowned(team_lead):
            return ""  # `lead: 待招聘`, `TBD`: no lead yet (HI005), not a person's name
        said = person_said(org, team_lead, lang) if lang and team_lead else None
        person = org.people.get(team_lead or "")
        return said or (person.name if person and person.name else team_lead) or ""

    nodes = {t: TreeNode(t, team.name or t, lead(team.lead)) for t, team in org.teams.items()}
    parent = {t: team.parent for t, team in org.teams.items()
              if team.parent in nodes and team.parent != t}
    looping = on_cycles(parent)
    roots = []
    for tid in sorted(org.teams, key=lambda t: name_key(nodes[t].name, t, order)):
        if tid in parent and tid not in looping:
            nodes[parent[tid]].children.append(nodes[tid])
        else:
            roots.append(nodes[tid])
    return roots


def on_cycles(parent: dict[str, str]) -> set[str]:
    """Nodes on a parent cycle (`pointer_cycles`, one linear walk): they are drawn as roots
    instead."""
    return {node for cycle in pointer_cycles(parent) for node in cycle}


def flatten(tree: list[TreeNode]) -> list[tuple[int, TreeNode]]:
    """(depth, node) in display order, walked iteratively: a 10,000-deep tree is fine."""
    out: list[tuple[int, TreeNode]] = []
    stack = [(0, node) for node in reversed(tree)]
    while stack:
        depth, node = stack.pop()
        out.append((depth, node))
        stack.extend((depth + 1, child) for child in reversed(node.children))
    return out
