"""The models' clean validators (`models.clean_validator`) kept in the cache between runs.

A process that validates a file builds pydantic's schema of each model the file holds
(`defer_build`): 76-112 ms CPU for a file of the 500-team benchmark org, which the re-check
after one duty's RACI changed validates alone (`keptorg`); read back, 3-5 ms (the stage
saves 0.05-0.08 s: the imports are paid either way). A validator pickles as its core schema
and config (pydantic-core's own `__reduce__`, which builds it back without any class's
prebuilt validator, as `clean_validator` builds it) and reads back in about a millisecond:
the same schema, so the same models and errors. Kept under this orgspec's code fingerprint
(which names the pydantic installed: `load.cache.code_fingerprint`); any doubt about the
entry is a miss, and the validators are built as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orgspec.load.cache import Cache

# cache folder -> how many validators this process kept there (a long-lived process
# writes again only when it built more)
_STORED: dict[str, int] = {}


def _key() -> bytes:
    from orgspec.load.cache import make_key

    return make_key("validators", "clean")


def read_back(cache: Cache) -> None:
    """Let `clean_validator` take the validators an earlier run kept, for the models it
    has not made one for yet in this process."""
    if not cache.primed():  # nothing kept; the models are imported while a worker parses
        return
    from pydantic_core import SchemaValidator

    from orgspec.model.models import BUILT_VALIDATORS, KEPT_VALIDATORS, MODELS

    if KEPT_VALIDATORS:
        return
    kept = cache.get("validators", _key(), dict)
    for name, validator in (kept or {}).items():
        model = MODELS.get(name)
        if model is not None and model not in BUILT_VALIDATORS and \
                isinstance(validator, SchemaValidator):
            KEPT_VALIDATORS[model] = validator


def keep(cache: Cache) -> None:
    """Keep the validators this process built beside those it read back, when it built
    one not kept there yet (once the cache is primed)."""
    from orgspec.model.models import BUILT_VALIDATORS, KEPT_VALIDATORS, MODELS

    every = {**KEPT_VALIDATORS, **BUILT_VALIDATORS}
    if not BUILT_VALIDATORS or not cache.primed() or _STORED.get(cache.own, 0) >= len(every):
        return
    _STORED[cache.own] = len(every)
    cache.put("validators", _key(), {name: every[model] for name, model in MODELS.items()
                                     if model in every})
