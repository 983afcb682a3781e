"""Compare two builds of the site, file by file: the same files, the same bytes.

    python -m tools.compare_builds site site-properdocs [--ignore site-offline.zip]

`make build-properdocs` (and tests/test_engines.py) build the site on MkDocs and on
ProperDocs and compare the two: a move to ProperDocs must be one line, so the two
engines must give the same site. The only difference allowed is the generator line
of a page's head (`<meta name="generator" content="mkdocs-1.6.1, …">`, which names
the engine): lines that match GENERATOR are left out of text files before they are
compared. Gzip files (sitemap.xml.gz) are compared unpacked. `--ignore NAME` leaves
out a file (or folder) of that path in both trees, e.g. the offline zip, which
`make build` adds to site/ with another command.

Every difference is printed, one line each: a file only one build has, or the first
line where a file differs; exit status 1 when there is any.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

# The one line the engines may write differently: the generator meta tag.
GENERATOR = re.compile(rb'^\s*<meta name="generator" content="[^"]*">\s*$')
TEXT = {".html", ".xml", ".txt", ".js", ".json", ".css", ".svg", ".map", ""}


def files(root: Path, ignore: tuple[str, ...] = ()) -> set[str]:
    out = set()
    for path in root.rglob("*"):
        if path.is_file():
            rel = path.relative_to(root).as_posix()
            if not any(rel == i or rel.startswith(i.rstrip("/") + "/") for i in ignore):
                out.add(rel)
    return out


def _lines(data: bytes) -> list[tuple[int, bytes]]:
    """A text file's lines, numbered, without the allowed generator line."""
    return [(n, line) for n, line in enumerate(data.split(b"\n"), 1) if not GENERATOR.match(line)]


def difference(rel: str, a: bytes, b: bytes) -> str | None:
    """None when two versions of the file `rel` are the same but for the allowed
    line; else where they first differ."""
    if a == b:
        return None
    if rel.endswith(".gz"):
        try:
            a, b = gzip.decompress(a), gzip.decompress(b)
        except (OSError, EOFError) as exc:
            return f"{rel}: not a readable gzip file ({exc})"
        rel = rel[: -len(".gz")]
        if a == b:
            return None
    if Path(rel).suffix not in TEXT:
        return f"{rel}: the files differ ({len(a)} and {len(b)} bytes)"
    left, right = _lines(a), _lines(b)
    if [line for _, line in left] == [line for _, line in right]:
        return None
    for (number, x), (_, y) in zip(left, right):
        if x != y:
            return (f"{rel}: differs at line {number}: "
                    f"{x.decode('utf-8', 'replace').strip()[:120]!r} / {y.decode('utf-8', 'replace').strip()[:120]!r}")
    return f"{rel}: one version is longer ({len(a.splitlines())} and {len(b.splitlines())} lines)"


def compare(a: Path, b: Path, ignore: tuple[str, ...] = ()) -> list[str]:
    """Every difference between the builds in `a` and `b`, one line each."""
    problems = []
    in_a, in_b = files(a, ignore), files(b, ignore)
    problems += [f"{rel}: only in {a}" for rel in sorted(in_a - in_b)]
    problems += [f"{rel}: only in {b}" for rel in sorted(in_b - in_a)]
    for rel in sorted(in_a & in_b):
        found = difference(rel, (a / rel).read_bytes(), (b / rel).read_bytes())
        if found:
            problems.append(found)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--ignore", action="append", default=[], metavar="PATH",
                        help="a file or folder (relative to each tree) to leave out")
    args = parser.parse_args(argv)
    for tree in (args.a, args.b):
        if not tree.is_dir():
            print(f"{tree}: no such folder (build it first)", file=sys.stderr)
            return 2
    problems = compare(args.a, args.b, tuple(args.ignore))
    for line in problems:
        print(line)
    count = len(files(args.a, tuple(args.ignore)))
    if problems:
        print(f"{len(problems)} difference(s) between {args.a} and {args.b}", file=sys.stderr)
        return 1
    print(f"{args.a} and {args.b}: the same {count} files (generator lines aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
