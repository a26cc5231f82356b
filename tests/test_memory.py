"""A loaded org holds few objects per entity: what does not differ between entities is
one object shared by all of them (`model.interned`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from orgspec.engine.lint import load_org

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ecommerce"


def test_models_share_one_fields_set_per_distinct_value() -> None:
    org = load_org([str(EXAMPLE)]).org
    models = [m for kind in ("Team", "Person", "Responsibility", "Objective", "Process")
              for entity in org.table(kind).values()
              for m in (entity, *getattr(entity, "key_results", ()),
                        *getattr(entity, "steps", ()), *getattr(entity, "responsibilities", ()))
              if isinstance(m, BaseModel)]
    sets = {id(m.__pydantic_fields_set__): m.__pydantic_fields_set__ for m in models}
    values = {frozenset(s) for s in sets.values()}
    assert len(models) > 50
    assert len(sets) == len(values), "one set object per distinct value"


def test_a_copy_with_an_update_leaves_the_shared_set_as_it_was() -> None:
    org = load_org([str(EXAMPLE)]).org
    team = next(iter(org.teams.values()))
    shared = team.__pydantic_fields_set__
    before = set(shared)
    renamed = team.model_copy(update={"name": "x"})
    assert renamed.__pydantic_fields_set__ == before | {"name"}
    assert shared == before
