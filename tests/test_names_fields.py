"""SC005 asks each model only for the name fields and part lists its class has
(`checks.names._fields`): the same names and titles as asking every entity for all of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from orgspec.checks import names
from orgspec.engine.lint import load_org
from orgspec.load.config import Config
from orgspec.model.org import ENTITY_KINDS
from orgspec.text.spaces import QUOTE_PAIRS, quotes_around

ROOT = Path(__file__).resolve().parent.parent
ORGS = [ROOT / "examples" / "ecommerce", ROOT / "examples" / "minimal",
        *sorted(p for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir())]


def _every(entity: object) -> list[tuple[tuple[str | int, ...], str]]:
    """Every name and title, asking for all the fields (SC005 before `_fields`)."""
    def own(item: object, at: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
        found = [((*at, attr), text) for attr in ("name", "title")
                 if isinstance(text := getattr(item, attr, None), str)]
        found_names = getattr(item, "names", None)
        if found_names is not None:
            found += [((*at, "names", written), text)
                      for attr, written in (("en", "en"), ("zh", "zh"), ("zh_Hant", "zh-Hant"))
                      if isinstance(text := getattr(found_names, attr, None), str)]
        return found

    found = own(entity, ())
    for field in ("key_results", "steps", "kpis"):
        for i, part in enumerate(getattr(entity, field, None) or ()):
            found += own(part, (field, i))
    return found


@pytest.mark.parametrize("org", ORGS, ids=lambda p: p.name)
def test_every_entity_gives_the_names_asking_for_every_field_gives(org: Path) -> None:
    loaded = load_org([str(org)], Config())
    seen = 0
    for kind in ENTITY_KINDS:
        for entity in loaded.org.table(kind).values():
            assert names._titles(entity) == _every(entity)
            assert names._titles(entity, quoted=True) == [
                (path, text) for path, text in _every(entity)
                if text.strip()[:1] in set("".join(QUOTE_PAIRS))]
            seen += len(_every(entity))
    # a folder of roster files (trial21) or of readers holds no entity
    assert seen or org.name in {"adopt", "hostile-readers"} or not any(org.rglob("*.yaml"))


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


def test_a_class_that_may_hold_any_field_is_asked_for_all() -> None:
    item = _Open(name="“A”", title="t", steps=[_Open(name="s")])  # type: ignore[call-arg]
    assert names._titles(item) == _every(item) == [
        (("name",), "“A”"), (("title",), "t"), (("steps", 0, "name"), "s")]
    assert names._titles(item, quoted=True) == [(("name",), "“A”")]


def test_the_quick_refusal_answers_as_every_pair_does() -> None:
    chars = "".join(QUOTE_PAIRS) + "a“"
    texts = [a + b + c + d for a in chars for b in "x“" for c in chars for d in ("", "y")]
    for text in [*texts, "", "“", "““", "“x”"]:
        slow = next((text[0] + text[-1] for pair in QUOTE_PAIRS
                     if len(text) > 2 and text[0] in pair and text[-1] in pair
                     and not any(q in text[1:-1] for q in pair)), None)
        assert quotes_around(text) == slow, text
