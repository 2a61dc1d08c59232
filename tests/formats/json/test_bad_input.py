"""Hostile and broken native JSON: each bad input is a typed error saying where, in bounded time and memory.

Syntax problems carry a line and column (checked by looking at the character they point to); shape
problems carry the `$.path` of the value. The CLI turns each into exactly one line on stderr, exit 1.
"""

from __future__ import annotations

import contextlib
import json
import signal
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import newsmodel
from newsmodel import cli
from newsmodel.errors import DecodeError, InvalidError, Problem, ValidationError
from newsmodel.formats.json import dumps, loads
from newsmodel.model import Report
from tests.samples import full_report

# --- helpers -----------------------------------------------------------------------------------------


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) if the block runs for more than `seconds`; generous on purpose."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def doc() -> dict[str, Any]:
    """The rich sample report as plain JSON values, ready to be broken."""
    value: dict[str, Any] = json.loads(dumps(full_report()))
    return value


def encode(value: dict[str, Any]) -> bytes:
    """Pretty, UTF-8 (not ASCII-escaped) JSON, so errors land on lines other than the first."""
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def text() -> str:
    return dumps(full_report()).decode("utf-8")


def refuse(data: bytes | str) -> InvalidError:
    """The typed error `loads` raises for `data` (it must raise one of the two)."""
    with deadline(60), pytest.raises((DecodeError, ValidationError)) as info:
        loads(data)
    err = info.value
    assert isinstance(err, InvalidError)
    assert err.problems
    return err


def at(data: bytes | str, problem: Problem) -> str:
    """The input from the line and column `problem` names onwards (to the end of that line)."""
    assert problem.line is not None, f"no line in {problem}"
    assert problem.column is not None, f"no column in {problem}"
    source = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    line = source.split("\n")[problem.line - 1]
    assert 1 <= problem.column <= len(line) + 1, f"column out of range in {problem}"
    return line[problem.column - 1 :]


def syntax(data: bytes | str, *, startswith: str | tuple[str, ...], message: str) -> DecodeError:
    """Assert `data` is refused as a syntax error pointing at text starting with `startswith`."""
    err = refuse(data)
    assert isinstance(err, DecodeError), err
    problem = err.problems[0]
    assert message in problem.message
    assert at(data, problem).startswith(startswith), (problem, at(data, problem)[:40])
    assert f"line {problem.line}, column {problem.column}" in str(err)
    return err


def shape(data: bytes | str, *, path: str, message: str) -> InvalidError:
    """Assert `data` is refused with a problem at `path` whose message contains `message`."""
    err = refuse(data)
    matching = [p for p in err.problems if p.path == path]
    assert matching, f"no problem at {path}: {err.details()}"
    assert any(message in p.message for p in matching), err.details()
    assert path in str(err) or len(err.problems) > 1
    return err


# Paths into the rich sample report (see tests/conftest.py).
REPORT = "$.report"
LEVEL3 = f"{REPORT}.body[0].content[1]"  # the level-3 section inside the first section
BLOCKQUOTE = f"{LEVEL3}.content[0]"
QUOTED_TEXT = f"{BLOCKQUOTE}.content[0].content[0]"  # a Text, deep inside sections and a quote
LIST = f"{REPORT}.body[1]"


def node_at(value: dict[str, Any], path: str) -> Any:
    """The JSON value at a simple `$.a.b[0]` path."""
    here: Any = value
    for part in path.removeprefix("$.").replace("[", ".[").split("."):
        here = here[int(part[1:-1])] if part.startswith("[") else here[part]
    return here


# --- malformed JSON ----------------------------------------------------------------------------------


def test_malformed_json() -> None:
    data = b'{\n  "newsmodel": "1.0",\n  "report": {"id": }\n}\n'
    err = syntax(data, startswith="}", message="malformed JSON")
    assert err.problems[0].line == 3


@pytest.mark.parametrize("escape", ["\\x", "\\u12", "\\U0001F600", "\\'"], ids=repr)
def test_invalid_escape(escape: str) -> None:
    data = text().replace('"text": "first"', f'"text": "fi{escape}rst"', 1)
    # The column points at the string or, better, at the bad escape inside it.
    syntax(data, startswith=('"fi', "\\", "u"), message="malformed JSON")


def test_truncated_document() -> None:
    data = text()[:-40]
    err = refuse(data)
    assert isinstance(err, DecodeError)
    assert err.problems[0].line is not None


@pytest.mark.parametrize("data", [b"", b"   ", b"[1, 2]", b'"report"', b"null"])
def test_not_a_document(data: bytes) -> None:
    err = refuse(data)
    assert isinstance(err, DecodeError)
    assert err.problems[0].line is not None or err.problems[0].path == "$"


def test_trailing_garbage() -> None:
    syntax(text() + "}", startswith="}", message="malformed JSON")


# --- shape: wrong types, unknown tags, missing and extra keys ----------------------------------------


def test_wrong_type_deep_inside() -> None:
    d = doc()
    node_at(d, QUOTED_TEXT)["text"] = 5
    err = shape(encode(d), path=f"{QUOTED_TEXT}.text", message="expected a string, got an integer")
    assert isinstance(err, DecodeError)


def test_unknown_block_tag() -> None:
    d = doc()
    node_at(d, BLOCKQUOTE)["type"] = "Marquee"
    err = shape(encode(d), path=f"{BLOCKQUOTE}.type", message="'Marquee'")
    assert "Paragraph" in err.problems[0].message  # it names the known tags


def test_unknown_inline_tag() -> None:
    d = doc()
    node_at(d, QUOTED_TEXT)["type"] = "Blink"
    shape(encode(d), path=f"{QUOTED_TEXT}.type", message="'Blink'")


@pytest.mark.parametrize("tag", [{}, ["Paragraph"]], ids=["object", "array"])
def test_tag_of_the_wrong_json_type(tag: object) -> None:
    d = doc()
    node_at(d, BLOCKQUOTE)["type"] = tag
    shape(encode(d), path=f"{BLOCKQUOTE}.type", message="type")


def test_tag_of_the_wrong_json_type_for_a_single_node_field() -> None:
    d = doc()
    node_at(d, f"{REPORT}.body[2].image")["type"] = {}
    shape(encode(d), path=f"{REPORT}.body[2].image.type", message="'Image'")


def test_node_without_a_tag() -> None:
    d = doc()
    del node_at(d, QUOTED_TEXT)["type"]
    shape(encode(d), path=f"{QUOTED_TEXT}.type", message="no 'type' key")


def test_missing_required_field() -> None:
    d = doc()
    del d["report"]["headline"]
    shape(encode(d), path=REPORT, message="missing required key 'headline'")


def test_missing_required_field_deep() -> None:
    d = doc()
    del node_at(d, f"{REPORT}.body[2].image")["src"]
    shape(encode(d), path=f"{REPORT}.body[2].image", message="'src'")


def test_missing_report() -> None:
    err = refuse(b'{"newsmodel": "1.0"}')
    assert "report" in err.problems[0].message
    assert err.problems[0].path == "$"


def test_extra_key_deep() -> None:
    d = doc()
    node_at(d, QUOTED_TEXT)["colour"] = "red"
    shape(encode(d), path=f"{QUOTED_TEXT}.colour", message="unknown key 'colour'")


def test_extra_key_in_document() -> None:
    d = doc()
    d["comment"] = "not part of the schema"
    shape(encode(d), path="$.comment", message="unknown key 'comment'")


@pytest.mark.parametrize("version", ["2.0", "1", "0.9", 1.0, 1, None])
def test_wrong_schema_version(version: object) -> None:
    d = doc()
    d["newsmodel"] = version
    shape(encode(d), path="$.newsmodel", message="version")


@pytest.mark.parametrize("version", [{}, ["1.0"]], ids=["object", "array"])
def test_schema_version_of_the_wrong_json_type(version: object) -> None:
    d = doc()
    d["newsmodel"] = version
    shape(encode(d), path="$.newsmodel", message="version")


def test_missing_schema_version() -> None:
    d = doc()
    del d["newsmodel"]
    shape(encode(d), path="$.newsmodel", message="version")


def test_true_is_not_an_integer() -> None:
    d = doc()
    node_at(d, LIST)["start"] = True
    shape(encode(d), path=f"{LIST}.start", message="expected an integer, got a boolean")


def test_one_is_not_a_boolean() -> None:
    d = doc()
    node_at(d, LIST)["ordered"] = 1
    shape(encode(d), path=f"{LIST}.ordered", message="expected a boolean, got an integer")


def test_integer_is_not_a_string() -> None:
    d = doc()
    d["report"]["headline"] = 5
    shape(encode(d), path=f"{REPORT}.headline", message="expected a string, got an integer")


@pytest.mark.parametrize(
    ("value", "got"), [("3", "a string"), (3.0, "a number"), (3.5, "a number"), ([3], "an array")]
)
def test_no_coercion_to_integer(value: object, got: str) -> None:
    d = doc()
    node_at(d, LIST)["start"] = value
    shape(encode(d), path=f"{LIST}.start", message=f"expected an integer, got {got}")


def test_integer_is_not_an_id() -> None:
    d = doc()
    d["report"]["agents"][0]["id"] = 5
    shape(encode(d), path=f"{REPORT}.agents[0].id", message="expected a string")


def test_string_where_an_array_is_expected() -> None:
    d = doc()
    d["report"]["topics"] = "human rights"
    shape(encode(d), path=f"{REPORT}.topics", message="expected an array")


def test_string_where_a_node_array_is_expected() -> None:
    d = doc()
    d["report"]["body"] = "Once upon a time"
    shape(encode(d), path=f"{REPORT}.body", message="expected an array")


def test_bad_enum_value() -> None:
    d = doc()
    d["report"]["related"][0]["relation"] = "sibling"
    shape(encode(d), path=f"{REPORT}.related[0].relation", message="'sibling'")


def test_every_problem_is_reported_at_once() -> None:
    d = doc()
    d["report"]["headline"] = 5
    node_at(d, LIST)["start"] = True
    node_at(d, QUOTED_TEXT)["colour"] = "red"
    err = refuse(encode(d))
    paths = {p.path for p in err.problems}
    assert {f"{REPORT}.headline", f"{LIST}.start", f"{QUOTED_TEXT}.colour"} <= paths
    assert "(and 2 more problems)" in str(err)
    assert len(err.details().splitlines()) == 3


# --- hostile sizes -----------------------------------------------------------------------------------


def test_nesting_100000_arrays_deep() -> None:
    n = 100_000
    data = b'{"newsmodel": "1.0", "report": ' + b"[" * n + b"]" * n + b"}"
    err = syntax(data, startswith="[", message="nesting")
    assert err.problems[0].line == 1


def test_nesting_100000_nodes_deep() -> None:
    n = 100_000
    opening = b'{"type": "Emphasis", "content": ['
    leaf = b'{"type": "Text", "text": "x"}'
    data = (
        b'{"newsmodel": "1.0", "report": {"type": "Report", "id": "r", "headline": "h", "body": '
        b'[{"type": "Paragraph", "content": [' + opening * n + leaf + b"]}" * n + b"]}]}}"
    )
    syntax(data, startswith=("{", "["), message="nesting")


@pytest.mark.parametrize("sign", ["", "-"])
@pytest.mark.parametrize("fraction", ["", ".5", "e10"])
def test_5000_digit_number(sign: str, fraction: str) -> None:
    number = sign + "9" * 5000 + fraction
    data = text().replace('"start": 3', f'"start": {number}', 1)
    assert number in data
    err = syntax(data, startswith=number[:20], message="digits (at most 20)")
    if not fraction:
        assert "5000 digits" in str(err)


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(token: str) -> None:
    data = text().replace('"start": 3', f'"start": {token}', 1)
    syntax(data, startswith=token, message="not a JSON number")


def test_nan_as_a_top_level_value() -> None:
    syntax("NaN", startswith="NaN", message="not a JSON number")


# --- duplicate keys ----------------------------------------------------------------------------------


def test_duplicate_key_top_level() -> None:
    data = text().replace('"newsmodel": "1.0",', '"newsmodel": "1.0",\n  "newsmodel": "1.0",', 1)
    err = syntax(data, startswith='"newsmodel"', message="duplicate key 'newsmodel'")
    assert err.problems[0].line == 3


def test_duplicate_key_in_the_report() -> None:
    data = text().replace('"headline": ', '"headline": "first", "headline": ', 1)
    syntax(data, startswith='"headline": "A report', message="duplicate key 'headline'")


def test_duplicate_key_deep_with_equal_values() -> None:
    data = text().replace('"text": "first"', '"text": "first", "text": "first"', 1)
    err = syntax(data, startswith='"text": "first"', message="duplicate key 'text'")
    assert at(data, err.problems[0]) == '"text": "first",'  # the second one, last on its line


def test_duplicate_key_deep_with_a_colon_inside_a_string_elsewhere() -> None:
    # A string value spelling `":` (and `\":`) makes the quick key count over-estimate; the decoder
    # must still take the close look and name the real duplicate.
    data = (
        text()
        .replace('"dateline": "KATHMANDU"', '"dateline": "KATHMANDU\\": x \\" :"', 1)
        .replace('"text": "first"', '"text": "first", "text": "second"', 1)
    )
    syntax(data, startswith='"text": "second"', message="duplicate key 'text'")


def test_duplicate_key_in_a_document_that_takes_the_detailed_path() -> None:
    # A \u escape sends the document down the detailed decoder, which counts no keys.
    data = (
        text()
        .replace('"dateline": "KATHMANDU"', '"dateline": "KATHMAND\\u0055"', 1)
        .replace('"title": "A title"', '"title": "A", "title": "A title"', 1)
    )
    syntax(data, startswith='"title": "A title"', message="duplicate key 'title'")


def test_colon_inside_a_string_is_not_a_duplicate() -> None:
    # The over-estimate alone must not turn a good document into an error.
    data = text().replace('"dateline": "KATHMANDU"', '"dateline": "K\\": \\"x\\":"', 1)
    report = loads(data)
    assert report.dateline == 'K": "x":'
    assert report == Report(**{**_fields(full_report()), "dateline": 'K": "x":'})


def _fields(report: Report) -> dict[str, Any]:
    import attrs

    return {a.name: getattr(report, a.name) for a in attrs.fields(Report) if a.init}


# --- text that no format can carry --------------------------------------------------------------------


def test_utf8_byte_order_mark() -> None:
    data = b"\xef\xbb\xbf" + dumps(full_report())
    err = refuse(data)
    assert isinstance(err, DecodeError)
    assert (err.problems[0].line, err.problems[0].column) == (1, 1)
    assert "byte-order mark" in err.problems[0].message


def test_utf8_byte_order_mark_in_a_str() -> None:
    err = refuse("\ufeff" + text())
    assert isinstance(err, DecodeError)
    assert (err.problems[0].line, err.problems[0].column) == (1, 1)


@pytest.mark.parametrize(
    "escape", ["\\ud800", "\\udfff", "\\ud83d\\u0041", "\\ude00\\ud83d", "x\\ud83d"], ids=repr
)
def test_lone_surrogate_escape(escape: str) -> None:
    data = text().replace('"text": "first"', f'"text": "{escape}"', 1)
    syntax(data, startswith=f'"{escape}"', message="surrogate")


def test_surrogate_pair_escape_is_fine() -> None:
    data = text().replace('"text": "first"', '"text": "\\ud83d\\ude00"', 1)
    report = loads(data)
    assert "😀" in [t.text for t in newsmodel.find(report, newsmodel.Text)]


def test_lone_surrogate_in_a_str_argument() -> None:
    err = refuse(text().replace("first", "fi\ud800rst", 1))
    assert isinstance(err, DecodeError)
    assert "surrogate" in err.problems[0].message


def test_invalid_utf8() -> None:
    data = dumps(full_report()).replace(b'"first"', b'"fi\xed\xa0\x80rst"', 1)
    err = refuse(data)
    assert isinstance(err, DecodeError)
    assert "UTF-8" in err.problems[0].message
    assert err.problems[0].line is not None


@pytest.mark.parametrize(
    ("escape", "code"), [("\\u0000", "U+0000"), ("\\r", "U+000D"), ("\\b", "U+0008"), ("\\ufffe", "U+FFFE")]
)
def test_forbidden_character_in_text(escape: str, code: str) -> None:
    data = text().replace('"text": "first"', f'"text": "fi{escape}rst"', 1)
    err = refuse(data)
    assert isinstance(err, ValidationError)
    (problem,) = err.problems
    assert code in problem.message
    assert "Text.text" in problem.message
    assert problem.path is not None
    assert problem.path.startswith(f"{LIST}.items[0].content[0].content[0]")


def test_nul_in_headline() -> None:
    data = text().replace('"headline": "A report', '"headline": "A\\u0000 report', 1)
    err = refuse(data)
    assert "U+0000" in err.problems[0].message
    assert "headline" in str(err)
    assert err.problems[0].path is not None
    assert err.problems[0].path.startswith(REPORT)


def test_raw_control_character() -> None:
    data = text().replace('"text": "first"', '"text": "fi\trst"', 1)
    err = refuse(data)
    assert isinstance(err, DecodeError)
    assert at(data, err.problems[0]).startswith("\trst")  # the raw tab itself


# --- dates -------------------------------------------------------------------------------------------


def test_naive_datetime() -> None:
    d = doc()
    d["report"]["published"] = "2023-04-03T08:15:30.123456"
    err = shape(encode(d), path=f"{REPORT}.published", message="timezone")
    assert isinstance(err, DecodeError)


def test_naive_datetime_deep() -> None:
    d = doc()
    d["report"]["corrections"][0]["date"] = "2023-04-04T01:00:00"
    shape(encode(d), path=f"{REPORT}.corrections[0].date", message="timezone")


@pytest.mark.parametrize(
    "value", ["2023-02-30", "2023-04-03T25:00:00Z", "2023-04-03 08:15:30+00:00", "yesterday", "20230403"]
)
def test_not_a_date(value: str) -> None:
    d = doc()
    d["report"]["published"] = value
    shape(encode(d), path=f"{REPORT}.published", message="")


def test_modified_before_published() -> None:
    d = doc()
    d["report"]["modified"] = "2001-01-01"
    err = shape(encode(d), path=f"{REPORT}.modified", message="before published")
    assert isinstance(err, ValidationError)


def test_dangling_reference() -> None:
    d = doc()
    d["report"]["authors"] = ["reporter", "ghost"]
    err = shape(encode(d), path=f"{REPORT}.authors[1]", message="'ghost'")
    assert isinstance(err, ValidationError)


def test_duplicate_block_id() -> None:
    d = doc()
    node_at(d, f"{REPORT}.body[2]")["id"] = "p1"
    err = refuse(encode(d))
    assert isinstance(err, ValidationError)
    assert "duplicate id 'p1'" in str(err)
    assert err.problems[0].path == f"{REPORT}.body[2].id"


# --- the size limit ----------------------------------------------------------------------------------

FIFTY_MB = 50 * 1024 * 1024


def write_big(path: Path) -> Path:
    """A 50 MB document that is valid JSON, written without holding it in memory."""
    chunk = b"a" * (1024 * 1024)
    with path.open("wb") as f:
        f.write(b'{"newsmodel": "1.0", "report": {"type": "Report", "id": "big", "headline": "')
        for _ in range(FIFTY_MB // len(chunk)):
            f.write(chunk)
        f.write(b'"}}')
    assert path.stat().st_size > FIFTY_MB
    return path


@contextlib.contextmanager
def peak_memory() -> Iterator[Callable[[], int]]:
    tracemalloc.start()
    try:
        yield lambda: tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_50_mb_file_via_load(tmp_path: Path) -> None:
    path = write_big(tmp_path / "big.json")
    with peak_memory() as peak, deadline(60), pytest.raises(DecodeError) as info:
        newsmodel.load(path)
    assert peak() < 200 * 1024 * 1024
    message = str(info.value)
    assert "over the limit" in message
    assert "max_bytes" in message
    assert str(path) in message


def test_50_mb_bytes_via_json_loads(tmp_path: Path) -> None:
    data = write_big(tmp_path / "big.json").read_bytes()
    with peak_memory() as peak, deadline(60), pytest.raises(DecodeError) as info:
        loads(data)
    assert peak() < 200 * 1024 * 1024
    assert "over the limit" in str(info.value)
    assert f"{len(data):,} bytes" in str(info.value)


def test_50_mb_bytes_via_api_loads(tmp_path: Path) -> None:
    data = write_big(tmp_path / "big.json").read_bytes()
    with peak_memory() as peak, deadline(60), pytest.raises(DecodeError) as info:
        newsmodel.loads(data, "json")
    assert peak() < 200 * 1024 * 1024
    assert "over the limit" in str(info.value)


def test_size_limit_can_be_raised() -> None:
    data = dumps(full_report())
    with pytest.raises(DecodeError, match="over the limit"):
        loads(data, max_bytes=len(data) - 1)
    assert loads(data, max_bytes=len(data)) == full_report()


def test_valid_document_deeper_than_the_node_limit_is_refused() -> None:
    from newsmodel.formats.json._fast import MAX_NODE_DEPTH

    for separator in (b"", b" "):
        err = refuse(deep_document(MAX_NODE_DEPTH + 20, separator))
        assert isinstance(err, DecodeError)
        assert "nested deeper" in err.problems[0].message
        assert err.problems[0].path is not None
        assert err.problems[0].path.startswith("$.report.body[0].content[0]")


def test_valid_document_within_the_node_limit_loads() -> None:
    from newsmodel.formats.json._fast import MAX_NODE_DEPTH

    for separator in (b"", b" "):
        report = loads(deep_document(MAX_NODE_DEPTH - 10, separator))
        assert len(list(newsmodel.find(report, newsmodel.Emphasis))) == MAX_NODE_DEPTH - 10


def test_deep_valid_document_is_a_report_or_a_typed_error() -> None:
    # Canonical spacing (what dumps writes) and anything else must behave the same way.
    for separator in (b"", b" "):
        data = deep_document(250, separator)  # far beyond the limit: refused, never a RecursionError
        with contextlib.suppress(InvalidError):
            loads(data)


def deep_document(n: int, separator: bytes = b"") -> bytes:
    """A valid report whose paragraph holds `n` nested Emphasis nodes (about 2n levels of JSON)."""
    opening = b'{"type":"Emphasis","content":[' + separator
    leaf = b'{"type":"Text","text":"x"}'
    return (
        b'{"newsmodel":"1.0","report":{"type":"Report","id":"r","headline":"h","body":'
        b'[{"type":"Paragraph","content":[' + opening * n + leaf + b"]}" * n + b"]}]}}"
    )


# --- the command line: one line per bad input, exit 1 ------------------------------------------------


def _replace(old: str, new: str) -> Callable[[], bytes]:
    def make() -> bytes:
        data = text()
        assert old in data
        return data.replace(old, new, 1).encode("utf-8")

    return make


def _edit(path: str, key: str, value: object) -> Callable[[], bytes]:
    def make() -> bytes:
        d = doc()
        target = d if path == "$" else node_at(d, path)
        target[key] = value
        return encode(d)

    return make


BAD_INPUTS: dict[str, Callable[[], bytes]] = {
    "malformed": lambda: b'{\n  "newsmodel": "1.0",\n  "report": {"id": }\n}\n',
    "wrong-type-deep": _edit(QUOTED_TEXT, "text", 5),
    "unknown-block-tag": _edit(BLOCKQUOTE, "type", "Marquee"),
    "missing-field": lambda: encode({"newsmodel": "1.0", "report": {"type": "Report", "id": "r"}}),
    "nesting-100000": lambda: b'{"newsmodel": "1.0", "report": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "number-5000-digits": _replace('"start": 3', '"start": ' + "9" * 5000),
    "nan": _replace('"start": 3', '"start": NaN'),
    "infinity": _replace('"start": 3', '"start": Infinity'),
    "minus-infinity": _replace('"start": 3', '"start": -Infinity'),
    "duplicate-top": _replace('"newsmodel": "1.0",', '"newsmodel": "1.0", "newsmodel": "1.0",'),
    "duplicate-deep": _replace('"text": "first"', '"text": "first", "text": "first"'),
    "bom": lambda: b"\xef\xbb\xbf" + dumps(full_report()),
    "lone-surrogate": _replace('"text": "first"', '"text": "\\ud800"'),
    "nul-in-text": _replace('"text": "first"', '"text": "\\u0000"'),
    "naive-datetime": _edit(REPORT, "published", "2023-04-03T08:15:30"),
    "extra-key": _edit(QUOTED_TEXT, "colour", "red"),
    "wrong-version": _edit("$", "newsmodel", "2.0"),
    "true-for-int": _edit(LIST, "start", True),
    "int-for-string": _edit(REPORT, "headline", 5),
    "string-for-array": _edit(REPORT, "topics", "human rights"),
    "several-problems": _replace('"headline": "A report that uses everything"', '"headline": 5'),
}

# Inputs that once escaped loads as bare TypeError/JSONDecodeError (the CLI said "internal error").
KNOWN_BUGS: dict[str, Callable[[], bytes]] = {
    "invalid-escape": _replace('"text": "first"', '"text": "fi\\xrst"'),
    "tag-is-an-object": _edit(BLOCKQUOTE, "type", {}),
    "version-is-an-array": _edit("$", "newsmodel", ["1.0"]),
}
CLI_CASES = [*sorted(BAD_INPUTS), *sorted(KNOWN_BUGS)]


def bad_input(case: str) -> bytes:
    return {**BAD_INPUTS, **KNOWN_BUGS}[case]()


def one_error_line(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    (line,) = lines
    assert line.startswith("newsmodel: error: ")
    assert str(path) in line
    assert "Traceback" not in captured.err
    assert "internal error" not in line
    assert captured.out == ""
    return line


@pytest.mark.parametrize("case", CLI_CASES)
def test_cli_validate_prints_one_line(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"{case}.json"
    path.write_bytes(bad_input(case))
    with deadline(60):
        code = cli.run(["validate", str(path)])
    assert code == 1
    line = one_error_line(capsys, path)
    assert "@ " in line  # it says where: a line and column, or a $.path


@pytest.mark.parametrize("case", CLI_CASES)
def test_cli_convert_prints_one_line(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"{case}.json"
    path.write_bytes(bad_input(case))
    out = tmp_path / "out.json"
    with deadline(60):
        code = cli.run(["convert", str(path), "-t", "json", "-o", str(out)])
    assert code == 1
    one_error_line(capsys, path)
    assert not out.exists()


def test_cli_50_mb_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_big(tmp_path / "big.json")
    with peak_memory() as peak, deadline(60):
        code = cli.run(["validate", str(path)])
    assert code == 1
    assert peak() < 200 * 1024 * 1024
    line = one_error_line(capsys, path)
    assert "over the limit" in line


def test_cli_verbose_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = doc()
    d["report"]["headline"] = 5
    node_at(d, LIST)["start"] = True
    path = tmp_path / "two.json"
    path.write_bytes(encode(d))
    assert cli.run(["validate", "-v", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{REPORT}.headline" in err
    assert f"{LIST}.start" in err
    assert "Traceback" not in err


# --- any damage to a good document: a report or a typed error, and both decoders agree ---------------


def _paths(value: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield here
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*here, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*here, i))


def test_damaged_documents_give_a_report_or_a_typed_error() -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from newsmodel.formats.json import _converter

    base = doc()
    paths = [p for p in _paths(base) if p and p[-1] != "type" and p != ("newsmodel",)]
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**63), 2**63),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=8),
        st.sampled_from(
            ["p1", "q1", "reporter", "udhr", "2023-01-01", "2023-01-01T00:00:00", "editor", "Text"]
        ),
    )
    values = st.one_of(
        scalars, st.lists(scalars, max_size=2), st.dictionaries(st.text(max_size=4), scalars, max_size=2)
    )

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(st.tuples(st.sampled_from(paths), values, st.booleans()), min_size=1, max_size=3))
    def check(edits: list[tuple[tuple[Any, ...], object, bool]]) -> None:
        damaged = json.loads(json.dumps(base))
        for path, value, delete in edits:
            parent: Any = damaged
            try:
                for key in path[:-1]:
                    parent = parent[key]
                parent[path[-1]]
            except (KeyError, IndexError, TypeError):
                continue
            if delete and isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        data = encode(damaged)
        try:
            report = loads(data)
        except InvalidError:
            return  # typed: the test is that nothing else escapes
        detailed = _converter.structure_detailed(damaged["report"], Report, "$.report")
        assert detailed == report

    check()
