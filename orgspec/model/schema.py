"""JSON Schemas generated from the models: one per kind, and one for a whole org file."""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from orgspec.model.models import (
    MODELS,
    Meeting,
    Objective,
    Person,
    Process,
    Responsibility,
    Role,
    Team,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://orgspec.dev/schemas/v1/"

AnyEntity = Annotated[Team | Person | Responsibility | Objective | Process | Role | Meeting,
                      Field(discriminator="kind")]
OrgDocument = AnyEntity | list[AnyEntity]


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every kind and for `org.schema.json`."""
    out: dict[str, dict[str, Any]] = {}
    for kind, model in MODELS.items():
        out[f"{kind.lower()}.schema.json"] = _stamp(model.model_json_schema(), kind.lower())
    whole = TypeAdapter(OrgDocument).json_schema()
    whole["title"] = "orgspec org document"
    whole["description"] = ("One org entity (dispatched on `kind`) or a list of entities. "
                            "A file may hold several documents separated by `---`.")
    out["org.schema.json"] = _stamp(whole, "org")
    return out


def _stamp(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return {"$schema": DIALECT, "$id": f"{BASE_ID}{name}.schema.json", **schema}


def dumps(schema: dict[str, Any]) -> str:
    """The committed text of a schema: stable, indented, UTF-8, ending in a newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
