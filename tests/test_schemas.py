"""The committed JSON Schemas equal the generated ones and accept every bundled example."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, REPO

from orgspec.model.schema import dumps, schemas

SCHEMAS = REPO / "schemas"


def test_committed_schemas_match_the_models() -> None:
    generated = schemas()
    committed = {p.name for p in SCHEMAS.glob("*.json")}
    assert committed == set(generated), "run `orgspec schema -o schemas` and commit"
    for name, body in generated.items():
        assert (SCHEMAS / name).read_text("utf-8") == dumps(body), (
            f"{name} differs: run `orgspec schema -o schemas` (with the pydantic release "
            "pinned in the test extra) and commit")


class EditorLoader(yaml.SafeLoader):
    """Types scalars roughly as yaml-language-server does: no YAML 1.1 timestamps."""


EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

EXAMPLE_FILES = sorted(p for p in EXAMPLES.rglob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_example_document_validates(path) -> None:
    schema = json.loads((SCHEMAS / "org.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for doc in yaml.load_all(path.read_text("utf-8"), Loader=EditorLoader):
        errors = sorted(validator.iter_errors(doc), key=str)
        assert errors == [], errors[0].message if errors else ""


def test_examples_carry_the_modeline() -> None:
    for path in EXAMPLE_FILES:
        first = path.read_text("utf-8").splitlines()[0]
        assert re.fullmatch(r"# yaml-language-server: \$schema=(\.\./)+schemas/org\.schema\.json",
                            first), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target == (SCHEMAS / "org.schema.json").resolve()


def test_schema_rejects_what_the_models_reject() -> None:
    validator = jsonschema.Draft202012Validator(
        json.loads((SCHEMAS / "org.schema.json").read_text("utf-8")))
    assert not validator.is_valid({"kind": "Team", "id": "core", "membrs": []})
    assert not validator.is_valid({"kind": "Squad", "id": "core"})
    assert validator.is_valid([{"kind": "Team", "id": "core", "responsibilities": [
        "a", {"ref": "b", "role": "consulted"}, {"id": "c", "description": "d"}]}])
