"""Native JSON speed against msgspec on the same document shape (issue 2: within 4x both ways).

Run it as a plain script::

    python bench/bench_json.py            # prints the table, always exits 0
    python bench/bench_json.py --check    # exits 1 if a ratio is over the target

For each document in `corpus.documents()` it times, in this one process with the garbage collector
on (the defaults; it is never switched off), the best of N rounds of enough calls to last about 0.2 s:

- load: ``newsmodel.formats.json.loads(data)`` against ``msgspec.json.Decoder(Document).decode(data)``
  into the peer Structs of `msgspec_peer` (strict, tagged unions, unknown keys forbidden);
- dump: ``dumps(report, indent=None)`` against ``Encoder(order="sorted").encode(peer)``, which writes the
  same bytes;
- dump, indented: ``dumps(report, indent=2)`` against ``msgspec.json.format(encode(peer), indent=2)``.

Rounds of the two sides are interleaved so that drift in the machine's speed hits both alike.
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import msgspec_peer

from newsmodel.formats.json import dumps, loads
from newsmodel.model import Report

TARGET = 4.0
#: A load ratio this high means the slow, detailed decoder ran rather than the generated one.
SUSPECT = 10.0
ROUNDS = 7
MIN_TIME = 0.2

Op = Callable[[], object]


def _run(fn: Op, number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return time.perf_counter() - start


def calibrate(fn: Op, min_time: float) -> int:
    """How many calls make a round of at least `min_time` seconds (1, 2, 5, 10, 20, 50, ...)."""
    number = 1
    while True:
        for step in (1, 2, 5):
            n = number * step
            if _run(fn, n) >= min_time:
                return n
        number *= 10


def best_of(ours: Op, theirs: Op, rounds: int, min_time: float) -> tuple[float, float]:
    """Seconds per call of each, the best of `rounds` interleaved rounds."""
    n_ours, n_theirs = calibrate(ours, min_time), calibrate(theirs, min_time)
    best_ours = best_theirs = float("inf")
    for _ in range(rounds):
        best_ours = min(best_ours, _run(ours, n_ours) / n_ours)
        best_theirs = min(best_theirs, _run(theirs, n_theirs) / n_theirs)
    return best_ours, best_theirs


def _verify(report: Report, data: bytes, indented: bytes, peer: msgspec_peer.Document) -> None:
    """Both sides do the same job: same input accepted, same bytes written."""
    if loads(data) != report:
        raise SystemExit("newsmodel does not round-trip the document")
    if msgspec_peer.ENCODER.encode(peer) + b"\n" != data:
        raise SystemExit("the msgspec peer does not write the bytes newsmodel writes")
    if msgspec.json.format(msgspec_peer.ENCODER.encode(peer), indent=2) + b"\n" != indented:
        raise SystemExit("the msgspec peer does not write the indented bytes newsmodel writes")


def bench_document(name: str, report: Report, rounds: int, min_time: float) -> list[tuple[str, float, float]]:
    data = dumps(report, indent=None)
    indented = dumps(report, indent=2)
    decoder, encoder = msgspec_peer.DECODER, msgspec_peer.ENCODER
    peer = decoder.decode(data)
    _verify(report, data, indented, peer)
    fmt = msgspec.json.format

    print(
        f"\ndocument {name!r}: {len(data):,} bytes compact, {len(indented):,} bytes indented, "
        f"{corpus.count_objects(data)} JSON objects"
    )
    rows = [
        ("load", *best_of(lambda: loads(data), lambda: decoder.decode(data), rounds, min_time)),
        (
            "dump (indent=None)",
            *best_of(lambda: dumps(report, indent=None), lambda: encoder.encode(peer), rounds, min_time),
        ),
        (
            "dump (indent=2)",
            *best_of(
                lambda: dumps(report, indent=2),
                lambda: fmt(encoder.encode(peer), indent=2),
                rounds,
                min_time,
            ),
        ),
    ]
    print(f"{'operation':<20} {'newsmodel µs':>13} {'msgspec µs':>11} {'ratio':>7}  target")
    for op, ours, theirs in rows:
        ratio = ours / theirs
        verdict = "PASS" if ratio <= TARGET else "MISS"
        print(f"{op:<20} {ours * 1e6:>13.1f} {theirs * 1e6:>11.1f} {ratio:>6.2f}x  ≤{TARGET:g}x {verdict}")
    if rows[0][1] / rows[0][2] > SUSPECT:
        print(
            f"note: load is over {SUSPECT:g}x; the fast decoder probably declined this document and the "
            "detailed one ran (see newsmodel.formats.json._converter.structure_report)"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help=f"exit 1 if a ratio is over {TARGET:g}x")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="rounds per measurement (best is kept)")
    parser.add_argument("--min-time", type=float, default=MIN_TIME, help="seconds per round, at least")
    parser.add_argument(
        "--document",
        choices=("all", "synthetic", "example"),
        default="all",
        help="which document to measure (the example only when examples/build_example.py imports)",
    )
    args = parser.parse_args(argv)

    print(
        f"newsmodel native JSON vs msgspec {msgspec.__version__} peer Structs: "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"GC {'on' if gc.isenabled() else 'OFF'}, best of {args.rounds} rounds of ≥{args.min_time:g} s"
    )
    documents = corpus.documents()
    if args.document != "all":
        if args.document not in documents:
            print(f"document {args.document!r} is not available")
            return 1 if args.check else 0
        documents = {args.document: documents[args.document]}
    missed = []
    for name, report in documents.items():
        for op, ours, theirs in bench_document(name, report, args.rounds, args.min_time):
            if ours / theirs > TARGET:
                missed.append(f"{name}: {op}")
    if missed:
        print(f"\nover {TARGET:g}x: {', '.join(missed)}")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
