"""Helpers for plugin authors' tests: register a plugin for one block of code, check a format's contract.

Tests should not depend on what happens to be installed; `registered` builds a registry from the
built-ins plus the plugins given (no entry points), installs it as the process-wide registry for the
block, and restores the previous one in ``finally``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from newsmodel.model import Report
from newsmodel.plugin.registry import Registry, load_registry, reset_registry

__all__ = ["check_roundtrip", "registered"]


@contextmanager
def registered(*plugins: object, prefer: dict[str, str] | None = None) -> Iterator[Registry]:
    """Use the built-ins plus `plugins` (modules or objects with ``@hookimpl`` functions) in a block.

    Plugins are named ``plugin-0``, ``plugin-1``, ... in `prefer` and in failure reports.
    """
    env = {"NEWSMODEL_DISABLE_PLUGINS": "1", "NEWSMODEL_STRICT_PLUGINS": "1"}
    if prefer:
        env["NEWSMODEL_PREFER"] = ",".join(f"{k}={v}" for k, v in prefer.items())
    registry = load_registry(env=env, extra=[(f"plugin-{i}", p) for i, p in enumerate(plugins)])
    previous = reset_registry(registry)
    try:
        yield registry
    finally:
        reset_registry(previous)


def check_roundtrip(report: Report, format: str, registry: Registry | None = None) -> Report:
    """Export `report` as `format` and import it back; raise AssertionError naming the first difference.

    Returns the re-imported report so a test can also check the format's declared losses.
    """
    from newsmodel.api import dumps, loads

    data = dumps(report, format, registry=registry)
    again = loads(data, format, registry=registry)
    if again != report:
        from newsmodel.formats.json import dumps as native

        left = native(report).decode().splitlines()
        right = native(again).decode().splitlines()
        for i, (a, b) in enumerate(zip(left, right, strict=False)):
            if a != b:
                raise AssertionError(
                    f"{format} round trip differs at native JSON line {i + 1}: {a!r} != {b!r}"
                )
        raise AssertionError(
            f"{format} round trip differs (native JSON has {len(left)} vs {len(right)} lines)"
        )
    if dumps(again, format, registry=registry) != data:
        raise AssertionError(f"{format} export is not stable: exporting the round-tripped report differs")
    return again
