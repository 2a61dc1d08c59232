"""The docs are checked: code blocks run, CLI help is current, every hook and command is documented.

Regenerate the CLI help in docs/cli.md with ``UPDATE_DOCS=1 pytest tests/test_docs.py``.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from newsmodel import cli
from newsmodel.plugin import hookspecs

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HELP = re.compile(r"(<!-- help: (?P<cmd>[a-z ]*) -->\n```text\n)(?P<body>.*?)(```\n<!-- end help -->)", re.S)


def _help(command: str) -> str:
    out = io.StringIO()
    argv = [*command.split(), "--help"]
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        with contextlib.redirect_stdout(out):
            assert cli.run(argv) == 0
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    return out.getvalue()


def test_cli_help_in_docs_is_current() -> None:
    path = DOCS / "cli.md"
    text = path.read_text(encoding="utf-8")
    found = list(HELP.finditer(text))
    assert {m.group("cmd") for m in found} >= {"", "convert", "validate", "formats", "plugins", "schema"}
    updated = HELP.sub(lambda m: m.group(1) + _help(m.group("cmd")) + m.group(4), text)
    if os.environ.get("UPDATE_DOCS"):
        path.write_text(updated, encoding="utf-8")
    assert updated == text, "docs/cli.md is out of date: run UPDATE_DOCS=1 pytest tests/test_docs.py"


@pytest.mark.parametrize(("page", "where"), [("getting-started.md", "tmp"), ("recipes.md", "root")])
def test_python_examples_run(page: str, where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path if where == "tmp" else ROOT)
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, f"{page} example", "exec"), namespace)


def test_every_hook_has_a_docs_heading() -> None:
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("newsmodel_")]
    assert hooks
    for name in hooks:
        assert re.search(rf"^### `{name}\(", text, re.M), f"docs/plugins.md has no heading for {name}"


def test_every_command_has_a_docs_section() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command in cli.COMMANDS:
        assert f"## newsmodel {command}" in text
