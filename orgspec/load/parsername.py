"""Which PyYAML parser a run uses, by name, without importing PyYAML.

The name is part of every cache key (the C and pure parsers differ on some broken input),
so a warm run needs it before it knows whether anything is parsed; importing PyYAML costs
that run ~8 ms of CPU (its reader and resolver compile their patterns at import).
"""

from __future__ import annotations

import os
import sys

PARSERS = ("c", "pure")  # the values of ORGSPEC_YAML_PARSER; unset or empty is "c"


def wanted_parser() -> str:
    """ORGSPEC_YAML_PARSER ("c" when unset or empty). Raises ConfigError for any other
    value: a typo (`PURE`, `python`) would otherwise quietly run the parser it did not
    name."""
    wanted = os.environ.get("ORGSPEC_YAML_PARSER") or "c"
    if wanted not in PARSERS:
        from orgspec.i18n import M
        from orgspec.load.config import ConfigError  # config parses YAML: imported late

        raise ConfigError(M("ORGSPEC_YAML_PARSER must be `c` or `pure`, not {value!r}",
                            value=wanted))
    return wanted


def parser_name() -> str:
    """The name of the class `yamlevents.loader_class()` gives: "CSafeLoader" or
    "SafeLoader". When PyYAML is not imported yet, libyaml is taken to be there when
    PyYAML's `_yaml` extension file is (where its import would find it), which is what
    PyYAML's own `__with_libyaml__` tells on an install whose extension loads. Raises
    ConfigError as `wanted_parser` does."""
    wanted = wanted_parser()
    if "yaml" in sys.modules:
        from orgspec.load.yamlevents import loader_class

        return loader_class().__name__
    return "CSafeLoader" if wanted == "c" and _has_libyaml() else "SafeLoader"


def _has_libyaml() -> bool:
    from importlib.machinery import EXTENSION_SUFFIXES
    from importlib.util import find_spec

    spec = find_spec("yaml")
    places = (spec.submodule_search_locations or []) if spec is not None else []
    return any(os.path.isfile(os.path.join(place, "_yaml" + suffix))
               for place in places for suffix in EXTENSION_SUFFIXES)
