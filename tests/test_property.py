"""Property tests: any bytes as an org file end in exit 0 or 1 with every line in the file."""

from __future__ import annotations

import os
import tempfile

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgspec.cli import main
from orgspec.engine.lint import lint

FRAGMENTS = st.sampled_from([
    "kind: ", "Team", "Person", "Objective", "id: ", "core", "\n", "  ", "- ", ": ", "[", "]",
    "{", "}", ",", "&a ", "*a", "!!int ", "!!python/object ", "'", '"', "\\e", "\t", "\r",
    "\r\n", "\u2028", "\ufeff", "---\n", "...\n", "%YAML 1.1\n", "2024-13-45", "0755", "NO",
    "12:30", "研发部", "🙂", "#", "? ", "|\n", ">\n", "~", "null", "<<: ", "\x00", "\x1b",
    "members", "lead: ", "key_results:\n", "steps:\n", "next: ",
])
YAMLISH = st.lists(FRAGMENTS, max_size=40).map("".join)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def _check_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "org.yaml")
        with open(path, "wb") as handle:
            handle.write(data)
        result = CliRunner().invoke(main, ["check", folder, "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        text = data.decode("utf-8", "replace").removeprefix("\ufeff")
        n_lines = text.count("\n") + 1
        for finding in lint([folder]).findings:
            assert 1 <= finding.location.line <= n_lines, finding
            assert finding.location.col >= 1


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    _check_bytes(data)


@SETTINGS
@given(YAMLISH)
def test_yaml_like_text(text: str) -> None:
    _check_bytes(text.encode("utf-8", "surrogatepass"))
