"""The committed JSON Schemas equal the generated ones and accept every bundled example."""

from __future__ import annotations

import json
import re

import jsonschema
import pydantic
import pytest
import yaml
from conftest import EXAMPLES, REPO

from orgspec.model.schema import dumps, schemas

SCHEMAS = REPO / "schemas"
# The committed schemas come from pydantic >= 2.14, which writes every length bound the
# models declare (the config's `str_max_length`, a `Field(max_length)` on a union) as
# `maxLength`/`maxItems`; earlier 2.x releases leave those out. With such a release the
# drift test compares everything but those bounds, so installing the tests never needs
# another pydantic than the user's.
BOUNDS_WRITTEN_SINCE = (2, 14)
BOUNDS = ("maxLength", "maxItems")


def meaning(schema: object, drop: tuple[str, ...] = ()) -> object:
    """`schema` as what it says: mappings with their keys in order (key order and JSON
    layout are the pydantic release's formatting), without the keywords in `drop`."""
    if isinstance(schema, dict):
        return {k: meaning(v, drop) for k, v in sorted(schema.items()) if k not in drop}
    if isinstance(schema, list):
        return [meaning(v, drop) for v in schema]
    return schema


def release_bounds() -> tuple[str, ...]:
    """The keywords the installed pydantic may leave out of what the models declare."""
    release = tuple(int(part) for part in pydantic.VERSION.split(".")[:2])
    return () if release >= BOUNDS_WRITTEN_SINCE else BOUNDS


def test_committed_schemas_match_the_models() -> None:
    generated = schemas()
    committed = {p.name for p in SCHEMAS.glob("*.json")}
    assert committed == set(generated), "run `orgspec schema -o schemas` and commit"
    drop = release_bounds()
    for name, body in generated.items():
        text = (SCHEMAS / name).read_text("utf-8")
        assert text == dumps(json.loads(text)), f"{name} was not written by `orgspec schema`"
        assert meaning(json.loads(text), drop) == meaning(json.loads(dumps(body)), drop), (
            f"{name} differs: run `orgspec schema -o schemas` (with pydantic >= "
            f"{'.'.join(map(str, BOUNDS_WRITTEN_SINCE))}) and commit")


def test_the_drift_test_sees_meaning_not_formatting() -> None:
    body = schemas()["team.schema.json"]
    reordered = json.loads(json.dumps(body, sort_keys=True))
    assert meaning(reordered) == meaning(body)  # another release's key order
    name = body["properties"]["name"]
    changed = {**body, "properties": {**body["properties"], "name": {**name, "maxLength": 9}}}
    assert meaning(changed) != meaning(body)
    assert meaning(changed, BOUNDS) == meaning(body, BOUNDS)  # an older release's output
    described = {**body, "description": "another"}
    assert meaning(described, BOUNDS) != meaning(body, BOUNDS)


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


# Each pydantic release installed in a scratch venv and tests/test_schemas.py and
# tests/test_load_org.py run (2026-12): these could not make the schemas (KeyError
# `CharterItem-Input`, a BeforeValidator's json_schema_input_type naming a model); every
# release from 2.10.4 to 2.14.4 but them passed.
CANNOT_MAKE_THE_SCHEMAS = ("2.9.0", "2.9.1", "2.9.2", "2.10.0", "2.10.1", "2.10.2", "2.10.3",
                           "2.11.0", "2.11.1", "2.11.2", "2.11.3")
LOWEST_THAT_PASSED = "2.10.4"


def test_the_pydantic_requirement_admits_no_release_that_fails() -> None:
    import tomllib

    from packaging.requirements import Requirement

    wanted = next(Requirement(d) for d in
                  tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
                  ["dependencies"] if Requirement(d).name == "pydantic")
    assert [v for v in CANNOT_MAKE_THE_SCHEMAS if wanted.specifier.contains(v)] == []
    assert wanted.specifier.contains(LOWEST_THAT_PASSED)
    assert wanted.specifier.contains(pydantic.VERSION)
