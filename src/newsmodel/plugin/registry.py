"""Finding plugins, asking them what they provide, and deciding who provides what.

Nothing here runs on ``import newsmodel``: the registry is built on first use. Built-in formats are a
tuple of module names registered exactly like third-party plugins (entry-point group ``newsmodel``), so
each can be blocked by name. A plugin that fails to import or returns something malformed is recorded
and skipped (or raises, in strict mode); a format name claimed twice is a conflict until the user says
which plugin to prefer.

Environment variables:

- ``NEWSMODEL_DISABLE_PLUGINS=1``   load no third-party plugins (built-ins only)
- ``NEWSMODEL_PLUGINS=a,b``         load only these third-party plugins (entry-point names)
- ``NEWSMODEL_BLOCK=a,b``           block these plugins, built-in (``newsmodel.formats.json``) or not
- ``NEWSMODEL_PREFER=fmt=plugin,..`` settle a name conflict in favour of `plugin`
- ``NEWSMODEL_STRICT_PLUGINS=1``    a plugin that fails to load or registers garbage is an error
- ``NEWSMODEL_TRACE=1``             print each plugin's registration calls to stderr
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePath
from types import ModuleType
from typing import Generic, TypeVar

import attrs
import pluggy

from newsmodel.errors import FormatConflictError, PluginError, UnknownFormatError
from newsmodel.plugin import PROJECT
from newsmodel.plugin import hookspecs as _hookspecs
from newsmodel.plugin.specs import FormatSpec, TransformSpec

__all__ = [
    "BUILTINS",
    "PluginFailure",
    "PluginInfo",
    "Provided",
    "Registry",
    "get_registry",
    "load_registry",
    "reset_registry",
]

#: Built-in plugins, registered by name like any other plugin (and blockable by that name), and the
#: module holding each one's hooks.
BUILTINS: dict[str, str] = {
    "newsmodel.formats.json": "newsmodel.formats.json.plugin",
    "newsmodel.transforms.furniture": "newsmodel.transforms.furniture",
}

S = TypeVar("S", FormatSpec, TransformSpec)


@attrs.frozen
class PluginInfo:
    """A loaded plugin, for ``newsmodel plugins``."""

    name: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]
    builtin: bool


@attrs.frozen
class PluginFailure:
    """A plugin that could not be used, and why."""

    plugin: str
    error: str

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} skipped: {self.error}"


@attrs.frozen
class Provided(Generic[S]):
    """A spec and the plugin that provided it."""

    spec: S
    plugin: str


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _prefs(value: str | None) -> dict[str, str]:
    out = {}
    for item in _split(value):
        name, sep, plugin = item.partition("=")
        if sep and name.strip() and plugin.strip():
            out[name.strip()] = plugin.strip()
    return out


class Registry:
    """What the loaded plugins provide, with conflicts settled (or reported) by name."""

    def __init__(
        self,
        *,
        manager: pluggy.PluginManager,
        plugins: list[PluginInfo],
        failures: list[PluginFailure],
        formats: dict[str, list[Provided[FormatSpec]]],
        transforms: dict[str, list[Provided[TransformSpec]]],
        prefer: Mapping[str, str],
    ) -> None:
        self.manager = manager
        self.plugins = tuple(plugins)
        self.failures = tuple(failures)
        self._formats = formats
        self._transforms = transforms
        self.prefer = dict(prefer)

    def _choose(self, table: dict[str, list[Provided[S]]], name: str, role: str) -> Provided[S]:
        providers = table.get(name)
        if not providers:
            raise UnknownFormatError(name, table, role=role)
        if len(providers) == 1:
            return providers[0]
        wanted = self.prefer.get(name)
        for p in providers:
            if p.plugin == wanted:
                return p
        raise FormatConflictError(name, (providers[0].plugin, providers[1].plugin), role=role)

    def format(self, name: str) -> FormatSpec:
        """The format called `name`; UnknownFormatError or FormatConflictError otherwise."""
        return self._choose(self._formats, name, "format").spec

    def format_provider(self, name: str) -> str:
        """The plugin whose `name` format is used."""
        return self._choose(self._formats, name, "format").plugin

    def transform_provider(self, name: str) -> str:
        """The plugin whose `name` transform is used."""
        return self._choose(self._transforms, name, "transform").plugin

    def transform(self, name: str) -> TransformSpec:
        """The transform called `name`."""
        return self._choose(self._transforms, name, "transform").spec

    def format_names(self) -> list[str]:
        return sorted(self._formats)

    def transform_names(self) -> list[str]:
        return sorted(self._transforms)

    def providers(self, name: str) -> list[Provided[FormatSpec]]:
        """Every plugin claiming format `name` (more than one means a conflict unless preferred)."""
        return list(self._formats.get(name, ()))

    def transform_providers(self, name: str) -> list[Provided[TransformSpec]]:
        return list(self._transforms.get(name, ()))

    def for_path(self, path: str | os.PathLike[str], *, exporting: bool) -> FormatSpec | None:
        """The one format whose extensions match `path`, able to export or import; None if none or many."""
        suffix = PurePath(path).suffix.lower()
        if not suffix:
            return None
        hits = []
        for name in self._formats:
            try:
                spec = self.format(name)
            except FormatConflictError:
                continue
            able = spec.exporter if exporting else spec.importer
            if able is not None and suffix in spec.extensions:
                hits.append(spec)
        return hits[0] if len(hits) == 1 else None

    def sniff(self, head: bytes) -> tuple[FormatSpec, float] | None:
        """The importer most confident that `head` is its format, and the confidence (> 0)."""
        best: tuple[FormatSpec, float] | None = None
        for name in sorted(self._formats):
            try:
                spec = self.format(name)
            except FormatConflictError:
                continue
            if spec.importer is None or spec.sniffer is None:
                continue
            try:
                score = float(spec.sniffer(head))
            except Exception:
                continue
            if score > 0 and (best is None or score > best[1]):
                best = (spec, score)
        return best


def _collect(
    *,
    manager: pluggy.PluginManager,
    hook_name: str,
    kind: type[S],
    failures: list[PluginFailure],
    strict: bool,
    trace: Callable[[str], None] | None,
) -> dict[str, list[Provided[S]]]:
    table: dict[str, list[Provided[S]]] = {}
    caller = getattr(manager.hook, hook_name)
    # get_hookimpls() lists implementations in registration order: built-ins first.
    for impl in caller.get_hookimpls():
        plugin = impl.plugin_name
        try:
            result = impl.function()
            specs = list(result) if result is not None else []
            for spec in specs:
                if not isinstance(spec, kind):
                    raise TypeError(f"{hook_name} returned {type(spec).__name__}, not {kind.__name__}")
        except Exception as e:
            if strict:
                raise PluginError(f"plugin {plugin!r}: {hook_name} failed: {e}", plugin=plugin) from e
            failures.append(PluginFailure(plugin, f"{hook_name} failed: {type(e).__name__}: {e}"))
            continue
        for spec in specs:
            if trace:
                trace(f"newsmodel: {plugin} provides {kind.__name__} {spec.name!r}")
            table.setdefault(spec.name, []).append(Provided(spec, plugin))
    return table


def load_registry(
    *,
    env: Mapping[str, str] | None = None,
    strict: bool | None = None,
    extra: Iterable[tuple[str, object]] = (),
) -> Registry:
    """Build a registry now: built-ins, then entry points, then `extra` (name, plugin) pairs."""
    env = os.environ if env is None else env
    strict = bool(env.get("NEWSMODEL_STRICT_PLUGINS")) if strict is None else strict
    blocked = set(_split(env.get("NEWSMODEL_BLOCK")))
    only = set(_split(env.get("NEWSMODEL_PLUGINS")))
    disabled = bool(env.get("NEWSMODEL_DISABLE_PLUGINS"))
    trace = _trace if env.get("NEWSMODEL_TRACE") else None

    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(_hookspecs)
    failures: list[PluginFailure] = []
    plugins: list[PluginInfo] = []

    def register(
        name: str, load: Callable[[], object], dist: str | None, version: str | None, builtin: bool
    ) -> None:
        if name in blocked:
            manager.set_blocked(name)
            return
        try:
            plugin = load()
            manager.register(plugin, name=name)
        except Exception as e:
            if strict:
                raise PluginError(f"plugin {name!r} failed to load: {e}", plugin=name) from e
            failures.append(PluginFailure(name, f"failed to load: {type(e).__name__}: {e}"))
            return
        hooks = tuple(sorted(c.name for c in manager.get_hookcallers(plugin) or ()))
        plugins.append(PluginInfo(name, dist, version, hooks, builtin))
        if trace:
            trace(f"newsmodel: loaded plugin {name} ({', '.join(hooks)})")

    for name, module in BUILTINS.items():
        register(name, _importer(module), "newsmodel", _own_version(), True)
    if not disabled:
        points = sorted(importlib.metadata.entry_points(group=PROJECT), key=lambda ep: ep.name)
        for ep in points:
            if only and ep.name not in only:
                continue
            dist = ep.dist.name if ep.dist is not None else None
            version = ep.dist.version if ep.dist is not None else None
            register(ep.name, ep.load, dist, version, False)
    for name, plugin in extra:
        register(name, _given(plugin), None, None, False)
    _unknown_hooks(manager, failures, strict)

    formats = _collect(
        manager=manager,
        hook_name="newsmodel_register_formats",
        kind=FormatSpec,
        failures=failures,
        strict=strict,
        trace=trace,
    )
    transforms = _collect(
        manager=manager,
        hook_name="newsmodel_register_transforms",
        kind=TransformSpec,
        failures=failures,
        strict=strict,
        trace=trace,
    )
    return Registry(
        manager=manager,
        plugins=plugins,
        failures=failures,
        formats=formats,
        transforms=transforms,
        prefer=_prefs(env.get("NEWSMODEL_PREFER")),
    )


def _unknown_hooks(manager: pluggy.PluginManager, failures: list[PluginFailure], strict: bool) -> None:
    """A ``@hookimpl`` whose name no hookspec has is a typo that would otherwise do nothing, silently."""
    known = sorted(n for n in dir(_hookspecs) if n.startswith("newsmodel_"))
    for name in sorted(vars(manager.hook)):
        caller = getattr(manager.hook, name)
        if not isinstance(caller, pluggy.HookCaller) or caller.has_spec():
            continue
        for impl in caller.get_hookimpls():
            message = f"implements unknown hook {name!r} (hooks: {', '.join(known)})"
            if strict:
                raise PluginError(f"plugin {impl.plugin_name!r} {message}", plugin=impl.plugin_name)
            failures.append(PluginFailure(impl.plugin_name, message))


def _trace(line: str) -> None:
    print(line, file=sys.stderr)


def _given(plugin: object) -> Callable[[], object]:
    return lambda: plugin


def _importer(module: str) -> Callable[[], ModuleType]:
    return lambda: importlib.import_module(module)


def _own_version() -> str | None:
    try:
        return importlib.metadata.version("newsmodel")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return None


_lock = threading.Lock()
_registry: Registry | None = None


def get_registry() -> Registry:
    """The process-wide registry, built on first use from the environment."""
    global _registry  # noqa: PLW0603 - one lazily built registry per process
    with _lock:
        if _registry is None:
            _registry = load_registry()
        return _registry


def reset_registry(registry: Registry | None = None) -> Registry | None:
    """Replace the process-wide registry (None: rebuild on next use); returns the previous one."""
    global _registry
    with _lock:
        old, _registry = _registry, registry
        return old
