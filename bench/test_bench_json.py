"""The JSON benchmark for pytest-benchmark users: ``pytest bench/test_bench_json.py``.

Each group (load, dump, dump-indented) holds a newsmodel and a msgspec row over the synthetic document;
compare them with ``--benchmark-group-by=group``. `bench_json.py` is the plain script that prints
ratios and checks the 4x target; this file only feeds pytest-benchmark's tables and history.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import msgspec_peer

from newsmodel.formats.json import dumps, loads

REPORT = corpus.synthetic_report()
DATA = dumps(REPORT, indent=None)
PEER = msgspec_peer.DECODER.decode(DATA)


def _format_peer() -> bytes:
    return msgspec.json.format(msgspec_peer.ENCODER.encode(PEER), indent=2)


CASES: dict[str, Callable[[], object]] = {
    "load-newsmodel": lambda: loads(DATA),
    "load-msgspec": lambda: msgspec_peer.DECODER.decode(DATA),
    "dump-newsmodel": lambda: dumps(REPORT, indent=None),
    "dump-msgspec": lambda: msgspec_peer.ENCODER.encode(PEER),
    "dump_indented-newsmodel": lambda: dumps(REPORT, indent=2),
    "dump_indented-msgspec": _format_peer,
}


@pytest.mark.parametrize("case", list(CASES))
def test_json(benchmark: Any, case: str) -> None:
    benchmark.group = case.split("-", maxsplit=1)[0]
    benchmark(CASES[case])
