"""The org diff of `--diff` (trial 10): every kind's renamed, added and removed lines, said
by one table; and a rename carries its findings over as unchanged, not new and fixed."""

from __future__ import annotations

from pathlib import Path

from orgspec.ci.diff import OrgDiff, compare
from orgspec.engine.lint import lint_org
from orgspec.load.config import Config

BASE = """\
- {kind: Team, id: shop, name: 商店, lead: ada, members: [ada, bob]}
- {kind: Team, id: tech, name: 技术部, parent: shop, lead: ada, members: [ada]}
- {kind: Team, id: gone, parent: shop, lead: ada, members: [ada]}
- {kind: Team, id: mover, parent: shop, lead: ada, members: [ada]}
- {kind: Person, id: ada, name: 阿达}
- {kind: Person, id: bob}
- {kind: Person, id: carl}
- {kind: Position, id: dev, team: tech, title: Dev}
- {kind: Position, id: qa, team: tech, title: QA}
- {kind: Position, id: pm, team: tech, title: PM}
- {kind: Meeting, id: weekly, name: 周会, cadence: weekly, attendees: [ada]}
- {kind: Meeting, id: daily, name: 站会, cadence: daily, attendees: [ada]}
- {kind: Meeting, id: monthly, cadence: monthly, attendees: [ada]}
- {kind: Responsibility, id: refunds, accountable: shop}
- {kind: Responsibility, id: old-duty, accountable: tech}
- {kind: Responsibility, id: shared, accountable: shop}
- kind: Objective
  id: grow
  title: Grow
  owner: shop
  key_results: [{id: k1, title: GMV to 10M by 2026-12-31, metric: gmv, target: "10M"}]
- {kind: Objective, id: oldo, title: 老目标, owner: shop, key_results: []}
- {kind: Objective, id: reno, title: 改名目标, owner: shop, key_results: []}
"""
HEAD = """\
- {kind: Team, id: shop, name: 商店, lead: ada, members: [ada, bob]}
- {kind: Team, id: technology, aliases: [tech], name: 技术部, parent: shop, lead: ada,
   members: [ada]}
- {kind: Team, id: fresh, parent: shop, lead: ada, members: [ada]}
- {kind: Team, id: mover, parent: technology, lead: ada, members: [ada]}
- {kind: Person, id: ada2, aliases: [ada], name: 阿达}
- {kind: Person, id: bob}
- {kind: Person, id: dan}
- {kind: Position, id: developer, aliases: [dev], team: technology, title: Dev}
- {kind: Position, id: qa, team: technology, title: QA}
- {kind: Position, id: ux, team: technology, title: UX}
- {kind: Meeting, id: weekly-sync, aliases: [weekly], name: 周会, cadence: weekly, attendees: [ada]}
- {kind: Meeting, id: daily, name: 站会, cadence: daily, attendees: [ada]}
- {kind: Meeting, id: retro, cadence: monthly, attendees: [ada]}
- {kind: Responsibility, id: refund-handling, aliases: refunds, accountable: shop}
- {kind: Responsibility, id: new-duty, accountable: technology}
- {kind: Responsibility, id: shared, accountable: [shop, technology]}
- kind: Objective
  id: grow
  title: Grow
  owner: shop
  key_results: [{id: k1, title: GMV to 12M by 2026-12-31, metric: gmv, target: "12M"},
                {id: k2, title: new kr}]
- {kind: Objective, id: newo, title: 新目标, owner: shop,
   key_results: [{id: k9, title: 复购率从 20% 提升到 25%}]}
- {kind: Objective, id: renamed-o, aliases: [reno], title: 改名目标, owner: shop, key_results: []}
"""


def _compare(tmp_path: Path, base: str, head: str, config: Config | None = None) -> OrgDiff:
    runs = []
    for name, text in (("base", base), ("head", head)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "org.yaml").write_text(text, "utf-8")
        runs.append(lint_org([str(tmp_path / name)], config or Config()))
    (a, a_org), (b, b_org) = runs
    return compare(a, b, a_org, b_org)


def test_every_kind_says_its_renames_additions_and_removals(tmp_path: Path) -> None:
    assert [str(c) for c in _compare(tmp_path, BASE, HEAD).changes] == [
    'team renamed: 技术部 (tech → technology)',
    'team added: fresh',
    'team removed: gone',
    'team moved: mover from 商店 (shop) to 技术部 (technology)',
    'person renamed: 阿达 (ada → ada2)',
    'person added: dan',
    'person removed: carl',
    'position renamed: developer (dev → developer)',
    'position added: ux',
    'position removed: pm',
    'meeting renamed: 周会 (weekly → weekly-sync)',
    'meeting added: retro',
    'meeting removed: monthly',
    'duty renamed: refund-handling (refunds → refund-handling)',
    'duty added: new-duty (accountable: 技术部 (technology))',
    'duty removed: old-duty (was accountable: 技术部 (tech))',
    'accountable owner of duty shared changed: 商店 (shop) -> 商店 (shop), 技术部 (technology)',
    "vacancy introduced: 岗位 'developer' 没有任职者",
    "vacancy introduced: 岗位 'ux' 没有任职者",
    "overlap introduced: 职责 'shared' 有 2 个批准方 (A)：shop、technology",
    "vacancy fixed: 岗位 'dev' 没有任职者",
    "vacancy fixed: 岗位 'pm' 没有任职者",
    "fixed: OW006 团队 'gone' 的职责清单为空：不承担任何职责",
    "fixed: RO005 'ada' 带领 4 个团队（超过 2 个）：存在单点风险",
    "fixed: HI007 人员 'carl' 不属于任何团队",
    'fixed: SC001 未知字段 `title`',
    'fixed: SC001 未知字段 `title`',
    "fixed: MT001 会议 'weekly' 没有负责方",
    "fixed: MT001 会议 'monthly' 没有负责方",
    "fixed: OK001 目标 'oldo' 没有关键结果",
    "fixed: OK001 目标 'reno' 没有关键结果",
    'objective renamed: 改名目标 (reno → renamed-o)',
    'objective added: 新目标 (newo)',
    'objective removed: 老目标 (oldo)',
    'key result added: new kr (grow/k2)',
    'key result added: 复购率从 20% 提升到 25% (newo/k9)',
    'key result changed: GMV to 12M by 2026-12-31 (grow/k1)',
    ]
