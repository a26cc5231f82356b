"""Every rule fires exactly at the marked lines of its bad example and is silent on its good one.

Examples live in rules/examples/<rule-name>/{bad,good}.yaml; a trailing `# expect: CODE`
marks each line where a finding of that rule must appear. `# rule-options: {...}` (JSON)
sets the rule's options. Rules whose trigger is a file-system condition are covered by
tests/test_hostile.py instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO

from orgspec.engine.lint import lint
from orgspec.engine.registry import registry
from orgspec.load.config import Config, RuleSetting

EXAMPLES = REPO / "rules" / "examples"
EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9, ]+)")
OPTIONS = re.compile(r"^#\s*rule-options:\s*(\{.*\})\s*$", re.M)
TODAY = dt.date(2026, 11, 22)
YAML_RULES = [m for m in registry().values() if m.example == "yaml"]


def marked(path: Path, code: str) -> Counter[int]:
    """Line numbers marked with `# expect: CODE` (a line may expect several findings)."""
    lines: Counter[int] = Counter()
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        for m in EXPECT.finditer(line):
            lines.update(number for c in m.group(1).split(",") if c.strip() == code)
    return lines


def lint_example(path: Path, code: str) -> Counter[int]:
    found = OPTIONS.search(path.read_text("utf-8"))
    options = json.loads(found.group(1)) if found else {}
    config = Config(extends="strict", rules={code: RuleSetting("example", options=options)})
    result = lint([str(path)], config, today=TODAY)
    return Counter(f.location.line for f in result.findings if f.code == code)


@pytest.mark.parametrize("meta", YAML_RULES, ids=lambda m: f"{m.code}-{m.name}")
def test_bad_example_fires_at_marked_lines(meta) -> None:
    bad = EXAMPLES / meta.name / "bad.yaml"
    expected = marked(bad, meta.code)
    assert expected, f"{bad} marks no `# expect: {meta.code}` line"
    assert lint_example(bad, meta.code) == expected


@pytest.mark.parametrize("meta", YAML_RULES, ids=lambda m: f"{m.code}-{m.name}")
def test_good_example_is_silent(meta) -> None:
    good = EXAMPLES / meta.name / "good.yaml"
    assert lint_example(good, meta.code) == Counter()


def test_every_example_folder_belongs_to_a_rule() -> None:
    names = {m.name for m in registry().values()}
    assert {p.name for p in EXAMPLES.iterdir() if p.is_dir()} <= names
    for meta in registry().values():
        if meta.example != "yaml":
            assert meta.example == "filesystem", meta.code
            assert not (EXAMPLES / meta.name).exists()
