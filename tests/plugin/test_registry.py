"""The plugin registry: third-party formats and transforms, failures that are named and skipped, conflicts
settled by preference, blocking and filtering by environment, and entry points that fail to load."""

from __future__ import annotations

import os
import types
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

import newsmodel
from newsmodel import api, cli
from newsmodel.errors import FormatConflictError, PluginError, UnknownFormatError
from newsmodel.formats.json import dumps as json_dumps
from newsmodel.model import Report
from newsmodel.plugin import FormatSpec, Option, TransformSpec, hookimpl
from newsmodel.plugin import registry as registry_module
from newsmodel.plugin.registry import Registry, get_registry, load_registry, reset_registry
from tests.samples import full_report, minimal_report

JSON = "newsmodel.formats.json"

# --- fake entry points -------------------------------------------------------------------------------


@attrs.define
class FakeDist:
    name: str
    version: str


@attrs.define
class FakeEntryPoint:
    """What the registry uses of `importlib.metadata.EntryPoint`: name, dist, load()."""

    name: str
    target: object = None
    error: BaseException | None = None
    dist: FakeDist | None = None
    loads: int = 0

    def load(self) -> object:
        self.loads += 1
        if self.error is not None:
            raise self.error
        return self.target


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[FakeEntryPoint]]:
    """The entry points the registry sees: none, unless the test appends some."""
    points: list[FakeEntryPoint] = []

    def fake(*, group: str | None = None, **kwargs: Any) -> list[FakeEntryPoint]:
        assert group == "newsmodel"
        return list(points)

    monkeypatch.setattr(registry_module.importlib.metadata, "entry_points", fake)
    for name in list(os.environ):
        if name.startswith("NEWSMODEL_"):
            monkeypatch.delenv(name)
    reset_registry()
    try:
        yield points
    finally:
        reset_registry()


# --- small plugins -----------------------------------------------------------------------------------


def _export_txt(report: Report, options: Mapping[str, Any]) -> bytes:
    sep = options.get("sep", "\n")
    return (report.headline + sep).encode("utf-8")


class TxtFormat:
    """A third-party output format."""

    @hookimpl
    def newsmodel_register_formats(self) -> Iterable[FormatSpec]:
        return [
            FormatSpec(
                name="txt",
                description="the headline as plain text",
                media_type="text/plain",
                extensions=(".txt",),
                exporter=_export_txt,
                writer_options=(Option("sep", "what follows the headline"),),
            )
        ]


class OtherTxtFormat:
    """Another plugin claiming 'txt'."""

    @hookimpl
    def newsmodel_register_formats(self) -> Iterable[FormatSpec]:
        return [
            FormatSpec(
                name="txt",
                description="the id as plain text",
                media_type="text/plain",
                exporter=lambda report, options: report.id.encode(),
            )
        ]


class Exploding:
    @hookimpl
    def newsmodel_register_formats(self) -> Iterable[FormatSpec]:
        raise RuntimeError("kaboom")


class ReturnsDict:
    @hookimpl
    def newsmodel_register_formats(self) -> Iterable[Any]:
        return [{"name": "dicty", "exporter": _export_txt}]


@attrs.frozen
class LookAlike:
    """Has every attribute of a FormatSpec, but is not one."""

    name: str = "lookalike"
    description: str = "not a FormatSpec"
    media_type: str = "text/plain"
    extensions: tuple[str, ...] = ()
    exporter: Any = _export_txt
    importer: Any = None
    sniffer: Any = None
    binary: bool = False
    losses: tuple[str, ...] = ()


class ReturnsLookAlike:
    @hookimpl
    def newsmodel_register_formats(self) -> Iterable[Any]:
        return [LookAlike()]


class ReturnsTransformSpecAsFormat:
    @hookimpl
    def newsmodel_register_formats(self) -> Iterable[Any]:
        return [TransformSpec(name="oops", description="wrong hook", function=lambda r, o: r)]


class BadSpecName:
    @hookimpl
    def newsmodel_register_formats(self) -> Iterable[FormatSpec]:
        return [FormatSpec(name="Not A Name", description="", media_type="x", exporter=_export_txt)]


def _shout(report: Report, options: Mapping[str, Any]) -> Report:
    return attrs.evolve(report, headline=report.headline.upper() + options.get("suffix", ""))


class ShoutTransform:
    @hookimpl
    def newsmodel_register_transforms(self) -> Iterable[TransformSpec]:
        return [
            TransformSpec(
                name="shout",
                description="upper-case the headline",
                function=_shout,
                options=(Option("suffix", "text after the headline"),),
            )
        ]


class BrokenTransform:
    @hookimpl
    def newsmodel_register_transforms(self) -> Iterable[TransformSpec]:
        return [TransformSpec(name="broken", description="returns a string", function=lambda r, o: "no")]


def _importer(tag: bytes) -> Any:
    def read(data: bytes, options: Mapping[str, Any]) -> Report:
        assert data.startswith(tag)
        return minimal_report(headline=data[len(tag) :].decode().strip() or "untitled")

    return read


def sniffing_format(name: str, confidence: float, tag: bytes = b"HEAD:") -> object:
    class Sniffing:
        @hookimpl
        def newsmodel_register_formats(self) -> Iterable[FormatSpec]:
            return [
                FormatSpec(
                    name=name,
                    description=f"{name}, {confidence} sure",
                    media_type="text/x-" + name,
                    importer=_importer(tag),
                    sniffer=lambda head: confidence if head.startswith(tag) else 0.0,
                )
            ]

    return Sniffing()


def module_plugin(name: str, fmt: str) -> types.ModuleType:
    """A plugin as a module (what an entry point usually names)."""
    module = types.ModuleType(name)

    @hookimpl
    def newsmodel_register_formats() -> Iterable[FormatSpec]:
        return [
            FormatSpec(name=fmt, description=f"from {name}", media_type="text/plain", exporter=_export_txt)
        ]

    module.newsmodel_register_formats = newsmodel_register_formats  # type: ignore[attr-defined]
    return module


def load(*plugins: tuple[str, object], **env: str) -> Registry:
    return load_registry(env=env, extra=list(plugins))


# --- third-party formats -----------------------------------------------------------------------------


def test_builtin_json_is_registered(entry_points: list[FakeEntryPoint]) -> None:
    reg = load()
    assert reg.format_names() == ["json"]
    assert reg.format_provider("json") == JSON
    assert reg.failures == ()
    info, furniture = reg.plugins
    assert info.name == JSON
    assert info.builtin
    assert "newsmodel_register_formats" in info.hooks
    assert furniture.name == "newsmodel.transforms.furniture"
    assert furniture.builtin
    assert furniture.hooks == ("newsmodel_register_transforms",)


def test_third_party_format_is_used_by_dumps(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("txt-plugin", TxtFormat()))
    assert reg.format_names() == ["json", "txt"]
    assert reg.format_provider("txt") == "txt-plugin"
    report = full_report()
    assert api.dumps(report, "txt", registry=reg) == b"A report that uses everything\n"
    assert api.dumps(report, "txt", options={"sep": "!"}, registry=reg) == b"A report that uses everything!"
    assert api.dumps(report, "json", registry=reg) == json_dumps(report)
    assert {f.name for f in api.list_formats(reg)} == {"json", "txt"}
    assert reg.for_path("out.TXT", exporting=True) is reg.format("txt")
    assert reg.for_path("out.txt", exporting=False) is None  # txt cannot be read


def test_third_party_format_through_dump_by_extension(
    entry_points: list[FakeEntryPoint], tmp_path: Path
) -> None:
    reg = load(("txt-plugin", TxtFormat()))
    out = tmp_path / "headline.txt"
    api.dump(full_report(), destination=out, registry=reg)
    assert out.read_text() == "A report that uses everything\n"


def test_module_plugin(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("mod", module_plugin("fake_module_plugin", "plain")))
    assert api.dumps(minimal_report(), "plain", registry=reg) == b"Minimal\n"


def test_unknown_format(entry_points: list[FakeEntryPoint]) -> None:
    reg = load()
    with pytest.raises(UnknownFormatError) as info:
        api.dumps(minimal_report(), "docx", registry=reg)
    assert info.value.name == "docx"
    assert "json" in str(info.value)


def test_exporter_only_format_cannot_be_read(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("txt-plugin", TxtFormat()))
    with pytest.raises(UnknownFormatError):
        api.loads(b"anything", "txt", registry=reg)


# --- plugins that fail -------------------------------------------------------------------------------


def test_plugin_whose_hook_raises_is_recorded_and_skipped(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("boom", Exploding()), ("txt-plugin", TxtFormat()))
    (failure,) = reg.failures
    assert failure.plugin == "boom"
    assert "kaboom" in failure.error
    assert "boom" in str(failure)
    assert reg.format_names() == ["json", "txt"]
    assert api.dumps(minimal_report(), "json", registry=reg) == json_dumps(minimal_report())


def test_plugin_whose_hook_raises_is_an_error_in_strict_mode(entry_points: list[FakeEntryPoint]) -> None:
    with pytest.raises(PluginError) as info:
        load_registry(env={}, strict=True, extra=[("boom", Exploding())])
    assert info.value.plugin == "boom"
    assert "kaboom" in str(info.value)
    with pytest.raises(PluginError):
        load(("boom", Exploding()), NEWSMODEL_STRICT_PLUGINS="1")


@pytest.mark.parametrize(
    "plugin", [ReturnsDict(), ReturnsLookAlike(), ReturnsTransformSpecAsFormat(), BadSpecName()], ids=type
)
def test_malformed_spec_is_named_and_skipped(entry_points: list[FakeEntryPoint], plugin: object) -> None:
    reg = load(("malformed", plugin), ("txt-plugin", TxtFormat()))
    (failure,) = reg.failures
    assert failure.plugin == "malformed"
    assert "newsmodel_register_formats" in failure.error
    assert reg.format_names() == ["json", "txt"]
    with pytest.raises(PluginError) as info:
        load_registry(env={}, strict=True, extra=[("malformed", plugin)])
    assert info.value.plugin == "malformed"


def test_plugin_object_that_cannot_be_registered(entry_points: list[FakeEntryPoint]) -> None:
    txt = TxtFormat()
    reg = load(("first", txt), ("again", txt))  # pluggy refuses one object twice
    assert [f.plugin for f in reg.failures] == ["again"]
    assert reg.format_names() == ["json", "txt"]


def test_transform_that_returns_no_report(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("broken", BrokenTransform()))
    with pytest.raises(PluginError, match="broken") as info:
        api.apply_transforms(minimal_report(), ["broken"], registry=reg)
    assert info.value.plugin == "broken"


class RaisingExporter:
    @hookimpl
    def newsmodel_register_formats(self) -> Iterable[FormatSpec]:
        def export(report: Report, options: Mapping[str, Any]) -> bytes:
            raise KeyError("a bug in the plugin")

        return [FormatSpec(name="buggy", description="raises", media_type="text/plain", exporter=export)]


def test_a_failing_exporter_is_named(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("buggy-plugin", RaisingExporter()))
    with pytest.raises(PluginError, match=r"writing buggy: plugin 'buggy-plugin' failed: KeyError") as info:
        api.dumps(minimal_report(), "buggy", registry=reg)
    assert info.value.plugin == "buggy-plugin"
    assert isinstance(info.value.__cause__, KeyError)


# --- conflicts ---------------------------------------------------------------------------------------


def test_two_plugins_claiming_one_format_conflict_on_use(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("alpha", TxtFormat()), ("beta", OtherTxtFormat()))  # loading is fine
    assert {p.plugin for p in reg.providers("txt")} == {"alpha", "beta"}
    with pytest.raises(FormatConflictError) as info:
        api.dumps(minimal_report(), "txt", registry=reg)
    err = info.value
    assert err.name == "txt"
    assert set(err.plugins) == {"alpha", "beta"}
    assert "alpha" in str(err)
    assert "beta" in str(err)
    assert "NEWSMODEL_PREFER" in str(err)
    assert "txt" not in {f.name for f in api.list_formats(reg)}  # left out until settled
    assert api.dumps(minimal_report(), "json", registry=reg)  # other formats are unaffected


@pytest.mark.parametrize(
    ("preferred", "expected"), [("alpha", b"Minimal\n"), ("beta", b"urn:example:minimal")]
)
def test_prefer_settles_a_conflict(
    entry_points: list[FakeEntryPoint], preferred: str, expected: bytes
) -> None:
    reg = load(("alpha", TxtFormat()), ("beta", OtherTxtFormat()), NEWSMODEL_PREFER=f"txt={preferred}")
    assert reg.format_provider("txt") == preferred
    assert api.dumps(minimal_report(), "txt", registry=reg) == expected


def test_prefer_naming_neither_claimant_still_conflicts(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("alpha", TxtFormat()), ("beta", OtherTxtFormat()), NEWSMODEL_PREFER="txt=gamma, json=x")
    with pytest.raises(FormatConflictError):
        reg.format("txt")
    assert reg.format_provider("json") == JSON


def test_plugin_claiming_json_conflicts_with_the_builtin(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("mine", module_plugin("json_again", "json")))
    with pytest.raises(FormatConflictError) as info:
        reg.format("json")
    assert set(info.value.plugins) == {JSON, "mine"}
    reg = load(("mine", module_plugin("json_again", "json")), NEWSMODEL_PREFER=f"json={JSON}")
    assert reg.format_provider("json") == JSON


def test_builtin_leads_in_a_conflict(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("mine", module_plugin("json_again", "json")))
    assert [p.plugin for p in reg.providers("json")] == [JSON, "mine"]
    with pytest.raises(FormatConflictError) as info:
        reg.format("json")
    assert info.value.plugins == (JSON, "mine")


def test_cli_formats_shows_a_conflict(
    entry_points: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    reset_registry(load(("alpha", TxtFormat()), ("beta", OtherTxtFormat())))
    assert cli.run(["formats"]) == 0
    out = capsys.readouterr().out
    (row,) = [line for line in out.splitlines() if line.startswith("txt")]
    assert "CONFLICT" in row
    assert "alpha" in row
    assert "beta" in row


def test_cli_conflict_on_use_is_a_usage_error(
    entry_points: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "r.json"
    source.write_bytes(json_dumps(minimal_report()))
    reset_registry(load(("alpha", TxtFormat()), ("beta", OtherTxtFormat())))
    assert cli.run(["convert", str(source), "-t", "txt"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "alpha" in err
    assert "beta" in err


# --- blocking and filtering --------------------------------------------------------------------------


def test_block_removes_json(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("txt-plugin", TxtFormat()), NEWSMODEL_BLOCK=JSON)
    assert reg.format_names() == ["txt"]
    assert JSON not in [p.name for p in reg.plugins]
    with pytest.raises(UnknownFormatError):
        reg.format("json")
    with pytest.raises(UnknownFormatError):
        api.dumps(minimal_report(), "json", registry=reg)


def test_block_a_third_party_plugin(entry_points: list[FakeEntryPoint]) -> None:
    entry_points.append(FakeEntryPoint("txt-plugin", target=TxtFormat()))
    reg = load(NEWSMODEL_BLOCK=" txt-plugin , other")
    assert reg.format_names() == ["json"]
    assert entry_points[0].loads == 0  # blocked plugins are not even imported


def test_entry_point_plugin_is_loaded(entry_points: list[FakeEntryPoint]) -> None:
    entry_points.append(
        FakeEntryPoint("txt-plugin", target=TxtFormat(), dist=FakeDist("newsmodel-txt", "1.2.3"))
    )
    reg = load()
    assert reg.format_provider("txt") == "txt-plugin"
    info = next(p for p in reg.plugins if p.name == "txt-plugin")
    assert (info.distribution, info.version, info.builtin) == ("newsmodel-txt", "1.2.3", False)
    assert info.hooks == ("newsmodel_register_formats",)


def test_disable_plugins_loads_builtins_only(entry_points: list[FakeEntryPoint]) -> None:
    entry_points.append(FakeEntryPoint("txt-plugin", target=TxtFormat()))
    entry_points.append(FakeEntryPoint("broken", error=ImportError("no module named broken_dep")))
    reg = load(NEWSMODEL_DISABLE_PLUGINS="1")
    assert reg.format_names() == ["json"]
    assert reg.failures == ()
    assert [p.loads for p in entry_points] == [0, 0]


def test_plugins_filter_loads_only_the_named(entry_points: list[FakeEntryPoint]) -> None:
    entry_points.append(FakeEntryPoint("txt-plugin", target=TxtFormat()))
    entry_points.append(FakeEntryPoint("plain-plugin", target=module_plugin("plain_mod", "plain")))
    entry_points.append(FakeEntryPoint("broken", error=ImportError("no module named broken_dep")))
    reg = load(NEWSMODEL_PLUGINS="plain-plugin")
    assert reg.format_names() == ["json", "plain"]
    assert reg.failures == ()
    assert [p.loads for p in entry_points] == [0, 1, 0]
    reg = load(NEWSMODEL_PLUGINS="txt-plugin,plain-plugin")
    assert reg.format_names() == ["json", "plain", "txt"]


# --- sniffing and transforms -------------------------------------------------------------------------


def test_sniffing_picks_the_most_confident(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("unsure", sniffing_format("unsure", 0.3)), ("sure", sniffing_format("sure", 0.8)))
    spec, confidence = reg.sniff(b"HEAD: Hello") or (None, 0.0)
    assert spec is not None
    assert spec.name == "sure"
    assert confidence == 0.8
    report = api.loads(b"HEAD: Hello", registry=reg)  # no format, no file name: sniffed
    assert report.headline == "Hello"
    assert reg.sniff(b"nothing anyone knows") is None


def test_sniffing_json_and_a_broken_sniffer(entry_points: list[FakeEntryPoint]) -> None:
    class BrokenSniffer:
        @hookimpl
        def newsmodel_register_formats(self) -> Iterable[FormatSpec]:
            def sniff(head: bytes) -> float:
                raise ValueError("sniffer bug")

            return [
                FormatSpec(name="bad", description="", media_type="x", importer=_importer(b""), sniffer=sniff)
            ]

    reg = load(("bad", BrokenSniffer()), ("low", sniffing_format("low", 0.1, tag=b"{")))
    data = json_dumps(full_report())
    sniffed = reg.sniff(data[:4096])
    assert sniffed is not None
    assert sniffed[0].name == "json"
    assert api.loads(data, registry=reg) == full_report()


def test_nothing_recognises_the_input(entry_points: list[FakeEntryPoint]) -> None:
    with pytest.raises(UnknownFormatError):
        api.loads(b"plain words", registry=load())


def test_transform_plugin_runs_through_apply_transforms(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("shout", ShoutTransform()))
    assert reg.transform_names() == ["drop-furniture", "shout"]
    report = minimal_report()
    shouted = api.apply_transforms(report, ["shout"], registry=reg)
    assert shouted.headline == "MINIMAL"
    assert api.apply_transforms(
        report, ["shout", "shout"], options={"suffix": "!"}, registry=reg
    ).headline == ("MINIMAL!!")
    assert api.apply_transforms(report, [], registry=reg) is report
    assert [t.name for t in api.list_transforms(reg)] == ["drop-furniture", "shout"]
    with pytest.raises(UnknownFormatError):
        api.apply_transforms(report, ["whisper"], registry=reg)


def test_transform_and_format_plugins_through_the_cli(
    entry_points: list[FakeEntryPoint], tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "r.json"
    source.write_bytes(json_dumps(full_report()))
    reset_registry(load(("shout", ShoutTransform()), ("txt-plugin", TxtFormat())))
    assert cli.run(["convert", str(source), "--transform", "shout", "-t", "txt"]) == 0
    assert capsysbinary.readouterr().out == b"A REPORT THAT USES EVERYTHING\n"
    assert cli.run(["--list-transforms"]) == 0
    assert capsysbinary.readouterr().out.split() == [b"drop-furniture", b"shout"]
    assert cli.run(["--list-output-formats"]) == 0
    assert capsysbinary.readouterr().out.split() == [b"json", b"txt"]
    assert cli.run(["--list-input-formats"]) == 0
    assert capsysbinary.readouterr().out.split() == [b"json"]


def test_trace_prints_registrations(
    entry_points: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    load(("txt-plugin", TxtFormat()), NEWSMODEL_TRACE="1")
    err = capsys.readouterr().err
    assert "txt-plugin" in err
    assert "'txt'" in err


# --- entry points that fail to load ------------------------------------------------------------------


def test_entry_point_import_error_is_recorded(entry_points: list[FakeEntryPoint]) -> None:
    entry_points.append(FakeEntryPoint("broken-plugin", error=ImportError("No module named 'broken_dep'")))
    entry_points.append(FakeEntryPoint("txt-plugin", target=TxtFormat()))
    reg = load()
    (failure,) = reg.failures
    assert failure.plugin == "broken-plugin"
    assert "ImportError" in failure.error
    assert "broken_dep" in failure.error
    assert reg.format_names() == ["json", "txt"]
    with pytest.raises(PluginError) as info:
        load(NEWSMODEL_STRICT_PLUGINS="1")
    assert info.value.plugin == "broken-plugin"


def test_cli_formats_survives_a_broken_entry_point(
    entry_points: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    entry_points.append(FakeEntryPoint("broken-plugin", error=ImportError("No module named 'broken_dep'")))
    reset_registry()
    assert cli.run(["formats"]) == 0
    captured = capsys.readouterr()
    assert any(line.split()[:1] == ["json"] for line in captured.out.splitlines())
    assert "broken-plugin" in captured.err
    assert "Traceback" not in captured.err
    assert get_registry().failures[0].plugin == "broken-plugin"


def test_cli_plugins_lists_a_broken_entry_point(
    entry_points: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    entry_points.append(FakeEntryPoint("broken-plugin", error=ImportError("No module named 'broken_dep'")))
    entry_points.append(
        FakeEntryPoint("txt-plugin", target=TxtFormat(), dist=FakeDist("newsmodel-txt", "1.2.3"))
    )
    reset_registry()
    assert cli.run(["plugins"]) == 0
    out = capsys.readouterr().out
    assert JSON in out
    assert "built-in" in out
    assert "newsmodel-txt" in out
    assert "1.2.3" in out
    assert "broken-plugin" in out
    assert "FAILED" in out


def test_cli_still_converts_with_a_broken_entry_point(
    entry_points: list[FakeEntryPoint], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry_points.append(FakeEntryPoint("broken-plugin", error=ImportError("No module named 'broken_dep'")))
    source = tmp_path / "r.json"
    source.write_bytes(json_dumps(minimal_report()))
    out = tmp_path / "copy.json"
    reset_registry()
    assert cli.run(["convert", str(source), "-t", "json", "-o", str(out)]) == 0
    assert out.read_bytes() == source.read_bytes()


def test_strict_env_makes_a_broken_entry_point_fatal_in_the_cli(
    entry_points: list[FakeEntryPoint], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    entry_points.append(FakeEntryPoint("broken-plugin", error=ImportError("No module named 'broken_dep'")))
    monkeypatch.setenv("NEWSMODEL_STRICT_PLUGINS", "1")
    reset_registry()
    code = cli.run(["formats"])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.splitlines()) == 1
    assert "broken-plugin" in err


# --- the process-wide registry -----------------------------------------------------------------------


def test_global_registry_is_built_once_and_can_be_replaced(entry_points: list[FakeEntryPoint]) -> None:
    first = get_registry()
    assert get_registry() is first
    custom = load(("txt-plugin", TxtFormat()))
    assert reset_registry(custom) is first
    assert get_registry() is custom
    assert newsmodel.dumps(minimal_report(), "txt") == b"Minimal\n"
    assert reset_registry() is custom
    assert get_registry() is not custom


def test_registry_is_restored_by_the_fixture(entry_points: list[FakeEntryPoint]) -> None:
    # The fixture reset the registry before this test: whatever earlier tests installed is gone.
    assert "txt" not in get_registry().format_names()


class MisspelledHook:
    @hookimpl
    def newsmodel_register_format(self) -> list[FormatSpec]:  # the spec is newsmodel_register_formats
        return []


def test_a_misspelled_hook_is_reported_not_ignored(entry_points: list[FakeEntryPoint]) -> None:
    reg = load(("typo", MisspelledHook()))
    [failure] = reg.failures
    assert failure.plugin == "typo"
    assert "unknown hook 'newsmodel_register_format'" in failure.error
    assert "newsmodel_register_formats" in failure.error
    assert reg.format("json").name == "json"


def test_a_misspelled_hook_is_an_error_in_strict_mode() -> None:
    with pytest.raises(PluginError, match="unknown hook") as info:
        load_registry(env={"NEWSMODEL_DISABLE_PLUGINS": "1"}, strict=True, extra=[("typo", MisspelledHook())])
    assert info.value.plugin == "typo"
