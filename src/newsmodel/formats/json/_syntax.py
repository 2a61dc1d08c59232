"""Reading JSON text strictly, and saying where it goes wrong.

msgspec parses (in C, rejecting NaN, Infinity, lone surrogates and raw control characters); what it
does not catch, duplicate keys, is found by comparing the number of keys the text spells with the
number the decoders saw. When anything fails, `locate` re-reads the text with a small tokenizer and
Python's own parser to give a line and column. That path is slow and only runs on bad input.
"""

from __future__ import annotations

import json
import re

import msgspec

from newsmodel.errors import DecodeError, Problem

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "count_keys",
    "has_duplicate_keys",
    "is_canonical",
    "key_count",
    "locate",
    "parse",
    "suspicious",
]

#: Inputs larger than this are refused before parsing (override with ``max_bytes=``).
MAX_BYTES = 20 * 1024 * 1024
#: Nesting deeper than this is reported as too deep.
MAX_DEPTH = 200
#: Numbers longer than this are refused (the model's integers are small counts and sizes).
MAX_NUMBER_DIGITS = 20

_BOM = b"\xef\xbb\xbf"
_DECODER = msgspec.json.Decoder()
_KEY_END = re.compile(rb'"[ \t\r\n]*:')
# One token per match, with the white space before it (fewer matches, and white space needs nothing).
_TOKEN = re.compile(
    r'[ \t\r\n]*("(?:[^"\\\x00-\x1f]|\\.)*"|[{}\[\],:]|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?'
    r"|true|false|null|NaN|-?Infinity)"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _at(text: str, offset: int, message: str) -> Problem:
    line, column = _position(text, offset)
    return Problem(message, line=line, column=column)


def locate(data: bytes) -> Problem:
    """The first problem in `data` that makes it unacceptable JSON, with its line and column."""
    if data.startswith(_BOM):
        return Problem(
            "the input starts with a UTF-8 byte-order mark; JSON must not (RFC 8259 §8.1)", line=1, column=1
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        prefix = data[: e.start].decode("utf-8", errors="replace")
        line, column = _position(prefix, len(prefix))
        return Problem(f"invalid UTF-8 (byte 0x{data[e.start]:02x})", line=line, column=column)
    # Python's own parser, in C, finds a syntax error fast and says where; what it accepts and strict
    # JSON does not (NaN, repeated keys, huge numbers, lone surrogates, depth) the tokenizer finds.
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        return Problem(f"malformed JSON: {e.msg.removesuffix(' at')}", line=e.lineno, column=e.colno)
    except (RecursionError, ValueError):
        pass
    return _scan(text)


def _scan(text: str) -> Problem:
    """The first thing strict JSON refuses and Python's parser accepts, found token by token."""
    stack: list[set[str] | None] = []
    expect_key = False
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:  # pragma: no cover - Python's parser above already named the syntax error
            break
        pos = m.start(1)  # where the token itself starts, after any white space
        tok = m.group(1)
        c = tok[0]
        if c in "{[":
            if len(stack) >= MAX_DEPTH:
                return _at(text, pos, f"nesting deeper than {MAX_DEPTH} levels")
            stack.append(set() if c == "{" else None)
            expect_key = c == "{"
        elif c in "}]":
            if stack:
                stack.pop()
            expect_key = False
        elif c == ":":
            expect_key = False
        elif c == ",":
            expect_key = bool(stack) and stack[-1] is not None
        elif c == '"':
            if "\\" in tok:  # only an escape needs decoding, and only \\u can hide a lone surrogate
                try:
                    value = json.loads(tok)
                except ValueError as e:
                    return _at(text, pos + getattr(e, "pos", 0), f"malformed JSON: {getattr(e, 'msg', e)}")
                if _SURROGATE.search(value):
                    return _at(text, pos, "string holds a lone surrogate escape")
            else:
                value = tok[1:-1]
            if expect_key and stack and stack[-1] is not None:
                if value in stack[-1]:
                    return _at(text, pos, f"duplicate key {value!r} in one object")
                stack[-1].add(value)
                expect_key = False
        elif c in "NI" or tok.startswith("-I"):
            return _at(text, pos, f"{tok} is not a JSON number")
        elif c == "-" or c.isdigit():
            digits = sum(ch.isdigit() for ch in tok)
            if digits > MAX_NUMBER_DIGITS:
                return _at(text, pos, f"number with {digits} digits (at most {MAX_NUMBER_DIGITS})")
        pos = m.end()
    return Problem("the JSON could not be decoded")  # pragma: no cover - msgspec and json disagree


def parse(data: bytes, *, max_bytes: int = MAX_BYTES) -> object:
    """Parse `data` as strict JSON, or raise DecodeError with line and column."""
    if len(data) > max_bytes:
        raise DecodeError(
            (Problem(f"input is {len(data):,} bytes, over the limit of {max_bytes:,} (raise max_bytes)"),)
        )
    if data.startswith(_BOM):
        raise DecodeError((locate(data),))
    try:
        return _DECODER.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, UnicodeDecodeError, ValueError):
        pass
    raise DecodeError((locate(data),))


def key_count(data: bytes) -> int:
    """An upper bound of the number of object keys the text spells.

    Every key ends with a quote, optional white space and a colon; so does the odd string value that
    contains `":`, which only makes the bound looser. If the decoders saw as many keys as this, no key
    was repeated: a duplicate would have made them see fewer.
    """
    return len(_KEY_END.findall(data))


def suspicious(data: bytes) -> bool:
    """True if the text could hold a character the model forbids; such documents take the detailed path.

    The parser already rejects raw control characters, malformed UTF-8 and lone surrogates, so a
    forbidden character can only arrive through an escape for a C0 control (``\\u0000``-``\\u001f``
    other than tab and newline, ``\\b``, ``\\f``, ``\\r``) or as U+FFFE/U+FFFF (raw or escaped). Only
    backslashes and the bytes EF BF are visited, so text without them costs two C-level searches.
    """
    find = data.find
    i = find(b"\\")
    while i != -1:
        c = data[i + 1 : i + 2]
        if c == b"u":
            try:
                cp = int(data[i + 2 : i + 6], 16)
            except ValueError:
                return True
            if (cp < 0x20 and cp not in (0x09, 0x0A)) or cp >= 0xFFFE:
                return True
            i = find(b"\\", i + 6)
        elif c in (b"b", b"f", b"r"):
            return True
        else:  # \" \\ \/ \n \t: skip the escaped character too, so "\\\\b" is not read as "\\b"
            i = find(b"\\", i + 2)
    # A one-byte search is far cheaper than a longer one; most text has no EF lead byte at all.
    return b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)


def count_keys(value: object) -> int:
    """How many object keys a decoded JSON value holds, at every depth."""
    if type(value) is dict:
        return len(value) + sum(count_keys(v) for v in value.values())
    if type(value) is list:
        return sum(count_keys(v) for v in value)
    return 0


_ENCODER = msgspec.json.Encoder()


def is_canonical(data: bytes, encoded: bytes) -> bool:
    """True if `data` is `encoded` (compact, sorted keys) as `dumps` writes it: compact or indented.

    A parsed value cannot hold a key twice, so text equal to its re-encoding repeats no key.
    """
    body = data[:-1] if data.endswith(b"\n") else data
    if body == encoded:
        return True
    if body[:2] != b"{\n":
        return False
    rest = body[2:]
    indent = len(rest) - len(rest.lstrip(b" "))
    return bool(indent) and body == msgspec.json.format(encoded, indent=indent)


def has_duplicate_keys(data: bytes, doc: object) -> Problem | None:
    """The first repeated key in `data` (already parsed as `doc`), or None.

    Cheap when the text is canonical (what `dumps` writes: re-encoding the parsed value gives the same
    bytes, and a parsed value cannot hold a key twice); otherwise the keys the text spells are counted
    against the keys parsed, and only a difference makes the tokenizer look for the repeated one.
    """
    if is_canonical(data, _ENCODER.encode(doc)):
        return None
    if key_count(data) == count_keys(doc):
        return None
    problem = locate(data)
    return problem if "duplicate key" in problem.message else None
