"""Hidden characters in matched values (ids, references, a kind, a cadence, a zone) are
stripped only in the files that hold one: a clean file's values are never looked at again
(`model.models.clean_validator`), a hostile file's still give IN003 alone."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

import orgspec.model.models as models
from orgspec import load_org
from orgspec.load.loader import _receive, _send, load_bytes
from orgspec.load.yamlevents import parse

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ecommerce"


@pytest.fixture
def stripped(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every value the models looked for hidden characters in."""
    seen: list[str] = []
    strip = models.without_hidden

    def counted(text: str) -> str:
        seen.append(text)
        return strip(text)

    monkeypatch.setattr(models, "without_hidden", counted)
    return seen


def test_a_clean_org_is_validated_without_looking_for_hidden_characters(
        stripped: list[str]) -> None:
    org = load_org([str(EXAMPLE)]).org
    assert org.teams and org.people
    assert stripped == []


def test_a_file_with_one_is_still_stripped_where_values_are_matched(
        write_org: Any, stripped: list[str]) -> None:
    root = write_org({"a.yaml": "kind: Team\nid: ops\nmembers: [ada]\n",
                      "b.yaml": 'kind: Person\nid: "ada\\u200b"\n'})
    org = load_org([str(root)]).org
    assert "ada" in org.people
    assert stripped == ["ada\u200b"]  # b.yaml's id only: a.yaml is clean


@pytest.mark.parametrize(("text", "hidden"), [
    ("kind: Team\nid: ops\nname: 运营部\n", False),
    ("kind: Team\nid: ops\nname: \"运营\\t部 👩\"\n", False),  # an escape, but not a hidden one
    ("kind: Team\nid: \"ops\\u200b\"\n", True),  # escaped, in a clean text
    ("kind: Team\nid: ops\u200b\n", True),  # pasted
    ("kind: Team\nid: ops\nmembers: [\"\\u202eada\"]\n", True),
    ("kind: Team\nid: ops\n\"na\\u200bme\": x\n", False),  # a key: no model strips it
])
def test_the_parse_says_whether_a_value_may_hold_a_hidden_character(
        text: str, hidden: bool) -> None:
    clean = "\u200b" not in text
    assert parse(text, clean=clean).hidden is hidden
    raw = load_bytes("t.yaml", text.encode())
    parsed = raw.entities[0].fmap.parsed
    assert parsed.hidden is hidden
    # as the forked parser sends it, and as the cache keeps it
    assert _receive(_send(raw)).entities[0].fmap.parsed.hidden is hidden
    assert pickle.loads(pickle.dumps(parsed)).hidden is hidden


def test_the_clean_validator_validates_as_the_model_but_strips_nothing() -> None:
    data = {"kind": "Team", "id": "ops", "members": "ada",
            "responsibilities": ["refunds", {"id": "returns", "role": "responsible"}]}
    fast = models.clean_validator(models.Team)
    assert fast.validate_python(data) == models.Team.model_validate(data)
    assert type(fast.validate_python(data)) is models.Team
    hostile = {**data, "members": "ada\u200b"}
    assert models.Team.model_validate(hostile).members == ["ada"]
    assert fast.validate_python(hostile).members == ["ada\u200b"]
    # the models' own validators are untouched (pydantic-core reuses a complete class's)
    assert models.CharterItem.model_validate({"ref": "x\u200b"}).ref == "x"
