"""The hedge budget: carrier pages and the compare page state what is known
plainly and keep their unknowns in one place.

Outside the `{ #unconfirmed }` and `{ #sources }` sections, such a page may say
"could not confirm / verify / find" at most `BUDGET` times. How each language
says it: `hedges:` in docs/_data/glossary.yml (a language without its own
patterns is checked with the English ones; make check lists it as a fallback).
Each page over budget is reported with every hit's line.

    python -m tools.checks.hedges [docs_dir]      # prints every page over budget
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tools.checks.glossary import hedge_patterns
from tools.languages import LANGS

PAGES = ("carriers/mts.md", "carriers/beeline.md", "carriers/megafon.md", "carriers/t2.md",
         "compare.md")
BUDGET = 2
EXEMPT = ("unconfirmed", "sources")

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "overrides" / "hooks"))
import includes  # noqa: E402  (included passages count where they are shown)

LINK_TARGET = re.compile(r"\]\([^)\s]*\)|\{\s*#[\w-]+\s*\}")
SECTION = re.compile(r"^#{2}\s.*\{\s*#([A-Za-z0-9_-]+)\s*\}\s*$")


def hedges(path: Path, pattern: re.Pattern) -> list[tuple[int, str]]:
    """(line, phrase) for each hedge (`pattern`) outside the exempt sections."""
    hits, section = [], None
    lang_dir = path.parent
    for parent in path.parents:
        if parent.name in LANGS:
            lang_dir = parent
            break
    depth = len(path.relative_to(lang_dir).parts) - 1
    text, origins = includes.expand(path.read_text(encoding="utf-8"), lang_dir, str(path), 0, depth)
    for origin, line in zip(origins, text.split("\n")):
        number = origin.rsplit(":", 1)[1] if origin.startswith(str(path) + ":") else origin
        m = SECTION.match(line)
        if m:
            section = m.group(1)
            continue
        if section in EXEMPT:
            continue
        text = LINK_TARGET.sub(")", line)  # a link to #unconfirmed is not a hedge
        hits.extend((number, h.group(0)) for h in pattern.finditer(text))
    return hits


def check(docs_dir: Path, pages=PAGES, budget: int = BUDGET) -> list[str]:
    problems = []
    patterns = hedge_patterns(docs_dir)
    for lang in LANGS:
        for rel in pages:
            path = docs_dir / lang / rel
            if not path.exists():
                continue  # a missing translation is parity's to report
            hits = hedges(path, patterns[lang])
            if len(hits) > budget:
                lines = ", ".join(f"{n}: '{phrase}'" for n, phrase in hits)
                problems.append(
                    f"{lang}/{rel}: {len(hits)} hedges outside #unconfirmed and #sources "
                    f"(at most {budget}); move them to #unconfirmed: lines {lines}"
                )
    return problems


if __name__ == "__main__":
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    found = check(docs)
    print("\n".join(found) or "hedges: OK")
    sys.exit(1 if found else 0)
