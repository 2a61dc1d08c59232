"""Convert reports to every format that can write them, through the public API.

    python examples/convert_example.py                      # the example report into out/
    python examples/convert_example.py a.json b.html -o dir  # any readable reports

Each input is read once (format from its extension or content), then written once per output format
into the output directory as ``<name>.<extension>``. A report that cannot be read is named with the
reason, and the others still convert; the exit code is 1 if any failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import newsmodel
from newsmodel.errors import InvalidError

HERE = Path(__file__).resolve().parent


def convert_all(inputs: list[Path], out: Path) -> int:
    """Write every input in every output format into `out`; return how many inputs failed."""
    out.mkdir(parents=True, exist_ok=True)
    writers = [f for f in newsmodel.list_formats() if f.exporter is not None]
    failed = 0
    for path in inputs:
        try:
            report = newsmodel.load(path)
        except (InvalidError, OSError) as e:
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            failed += 1
            continue
        for spec in writers:
            extension = spec.extensions[0] if spec.extensions else f".{spec.name}"
            target = out / f"{path.stem}{extension}"
            if target.resolve() == path.resolve():
                target = out / f"{path.stem}.{spec.name}{extension}"
            newsmodel.dump(report, spec.name, target)
            print(f"{path.name} -> {target} ({spec.name}, {target.stat().st_size:,} bytes)")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=[HERE / "example.json"])
    parser.add_argument("-o", "--output", type=Path, default=Path("out"), help="directory (default: out/)")
    args = parser.parse_args()
    return 1 if convert_all(args.inputs, args.output) else 0


if __name__ == "__main__":
    sys.exit(main())
