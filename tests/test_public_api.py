"""The top-level package: a sorted, complete `__all__` of lazily imported names, and a light import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import newsmodel
import newsmodel.errors


def _isort_key(name: str) -> tuple[int, str]:
    # The project sorts __all__ the way ruff's RUF022 does (isort style): CONSTANTS, then Classes,
    # then everything else, each group in alphabetical order.
    if name.isupper():
        return (0, name)
    if name[0].isupper():
        return (1, name)
    return (2, name)


def test_all_is_sorted_and_unique() -> None:
    assert newsmodel.__all__ == sorted(newsmodel.__all__, key=_isort_key)
    for module in ("newsmodel.model", "newsmodel.errors", "newsmodel.tree", "newsmodel.api"):
        names = __import__(module, fromlist=["__all__"]).__all__
        assert names == sorted(names, key=_isort_key), module
    assert len(set(newsmodel.__all__)) == len(newsmodel.__all__)


def test_all_lists_exactly_the_public_names() -> None:
    lazy = set(newsmodel._LAZY)  # type: ignore[attr-defined]
    assert set(newsmodel.__all__) == lazy | {"__version__"}
    public_in_dir = {n for n in dir(newsmodel) if not n.startswith("_") and n in lazy}
    assert public_in_dir == lazy


@pytest.mark.parametrize("name", newsmodel.__all__)
def test_every_public_name_resolves(name: str) -> None:
    value = getattr(newsmodel, name)
    assert value is not None
    if name in newsmodel._LAZY and name != "formats":  # type: ignore[attr-defined]  # formats: see below
        module = __import__(newsmodel._LAZY[name], fromlist=[name])  # type: ignore[attr-defined]
        assert getattr(module, name) is value


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        newsmodel.no_such_thing  # type: ignore[attr-defined]  # noqa: B018


def test_version() -> None:
    from importlib.metadata import version

    assert newsmodel.__version__ == version("newsmodel")


def test_model_families_are_exported() -> None:
    assert newsmodel.Text in newsmodel.INLINE_TYPES
    assert newsmodel.Paragraph in newsmodel.BLOCK_TYPES
    assert newsmodel.Person in newsmodel.AGENT_TYPES
    assert newsmodel.FAMILIES[newsmodel.Block] == newsmodel.BLOCK_TYPES


def test_walk_is_the_function() -> None:
    from newsmodel.tree import walk

    assert newsmodel.walk is walk
    assert callable(newsmodel.walk)


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout


def test_no_public_function_is_shadowed_by_a_subpackage() -> None:
    # A function named like a subpackage (newsmodel.walk vs newsmodel/walk.py, newsmodel.formats vs
    # newsmodel/formats/) turns into the module once that subpackage is imported.
    code = (
        "import newsmodel\n"
        "newsmodel.dumps(newsmodel.Report(id='r', headline='h'))\n"
        "import newsmodel.formats.json, newsmodel.tree, newsmodel.api, newsmodel.cli\n"
        "from newsmodel import list_formats, walk\n"
        "bad = [n for n in newsmodel.__all__ if type(getattr(newsmodel, n)).__name__ == 'module']\n"
        "print(callable(list_formats), callable(walk), bad)"
    )
    assert _run(code).strip().split(maxsplit=2) == ["True", "True", "[]"]


def _modules_after(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    modules: list[str] = json.loads(out.splitlines()[-1])
    return modules


HEAVY = ("attrs", "attr", "pluggy", "msgspec", "cattrs", "lxml")


def test_import_is_light() -> None:
    modules = _modules_after("import newsmodel")
    assert "newsmodel" in modules
    for heavy in HEAVY:
        assert heavy not in modules, f"import newsmodel imported {heavy}"
        assert not [m for m in modules if m.startswith(heavy + ".")]
    assert not [m for m in modules if m.startswith("newsmodel.formats")]
    assert not [m for m in modules if m.startswith("newsmodel.plugin")]


def test_import_of_errors_is_light() -> None:
    modules = _modules_after("import newsmodel.errors")
    for heavy in HEAVY:
        assert heavy not in modules
    assert not [m for m in modules if m.startswith("newsmodel.formats")]


def test_using_the_model_does_not_load_formats_or_plugins() -> None:
    modules = _modules_after("import newsmodel\nnewsmodel.Report(id='r', headline='h')")
    assert not [m for m in modules if m.startswith("newsmodel.formats")]
    assert "pluggy" not in modules


def test_errors_module_names() -> None:
    for name in newsmodel.errors.__all__:
        cls = getattr(newsmodel.errors, name)
        assert cls.__module__ == "newsmodel.errors", name


def test_error_tree() -> None:
    e = newsmodel.errors
    assert issubclass(e.DecodeError, e.InvalidError)
    assert issubclass(e.ValidationError, e.InvalidError)
    assert issubclass(e.InvalidError, e.NewsmodelError)
    assert issubclass(e.InvalidError, ValueError)
    assert issubclass(e.UnknownFormatError, LookupError)
    assert issubclass(e.FormatConflictError, e.PluginError)
    assert issubclass(e.ExportError, e.NewsmodelError)


def test_invalid_error_summarises_its_problems() -> None:
    e = newsmodel.errors
    err = e.DecodeError(
        [e.Problem("first", path="$.a"), e.Problem("second", line=2, column=3), e.Problem("third")],
        source="in.json",
    )
    assert str(err) == "in.json: first @ $.a (and 2 more problems)"
    assert err.details().splitlines() == [
        "in.json:",
        "  first @ $.a",
        "  second @ line 2, column 3",
        "  third",
    ]
    assert type(err.with_source("other.json")) is e.DecodeError
    assert str(e.ValidationError("only")) == "only"
    with pytest.raises(TypeError):
        e.InvalidError([])
