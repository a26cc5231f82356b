"""Write an org built to make per-entity walks and pairwise work show: `n` teams in ONE
parent chain (depth n), every team with an objective aligned to nothing and a key result
owned by the team below it, duties sharing one long clause, a tenth of them naming a
misspelled team (half of those typos under a suppression comment, so that suppressions
are exercised too), and an 8-step process per team.

    python benchmarks/adversarial.py --teams 1000 --out benchmarks/out/adversarial-1000
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path


def _word(i: int) -> str:
    out = ""
    while True:
        out += "bcdfghjklmnpqrstvwxz"[i % 20] + "aeiou"[i // 20 % 5]
        i //= 100
        if not i:
            return out + "n"


def team_text(i: int, n: int) -> str:
    tid, below = f"t{i:05d}", f"t{min(i + 1, n - 1):05d}"
    people = [f"p{i:05d}-{k}" for k in range(3)]
    lines = ["- kind: Team", f"  id: {tid}", f"  name: Team {_word(i)}", f"  lead: {people[0]}",
             f"  members: [{', '.join(people)}]"]
    if i:
        lines.append(f"  parent: t{i - 1:05d}")
    lines += [f"- {{kind: Person, id: {p}, name: {p}}}" for p in people]
    for k in range(4):
        other = f"t{(i * 7 + k) % n:05d}"
        if k == 0 and i % 10 == 0:
            other = other[:2] + other[3:]  # a typo: an unknown team
        lines += ["- kind: Responsibility", f"  id: {tid}-d{k}",
                  f"  description: \"Review the {_word(i * 4 + k)} pipeline to reduce churn "
                  "and keep costs under control, reported monthly to leadership\"",
                  f"  accountable: {tid}"]
        if k == 0 and i % 20 == 0:  # half of the typos are suppressed where they are
            lines.append("  # orgspec: ignore[RF001] kept on purpose")
        lines.append(f"  consulted: [{other}]")
    lines += ["- kind: Objective", f"  id: {tid}-o", f"  title: Grow {_word(i)}",
              f"  owner: {tid}", "  period: 2026-Q1", "  key_results:",
              "    - id: kr0", "      title: 月活跃用户数从100万增长到120万",
              f"      owner: {below}"]
    lines += ["- kind: Process", f"  id: {tid}-flow", f"  owner: {tid}", "  steps:"]
    lines += [f"    - {{id: s{s}, owner: {tid}{', next: [s' + str(s + 1) + ']' if s < 7 else ''}}}"
              for s in range(8)]
    return "\n".join(lines) + "\n"


def generate(teams: int, out: Path) -> None:
    """Write the org under `out/teams/` (deleting `out` first), 100 teams per file."""
    if out.exists():
        shutil.rmtree(out)
    (out / "teams").mkdir(parents=True)
    for start in range(0, teams, 100):
        body = "".join(team_text(i, teams) for i in range(start, min(start + 100, teams)))
        (out / "teams" / f"part-{start:05d}.yaml").write_text(body, "utf-8")
    (out / "ground_truth.json").write_text(f'{{"teams": {teams}}}\n', "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args.teams, args.out)


if __name__ == "__main__":
    main()
