"""The hedge budget: carrier pages and the compare page state what is known
plainly and keep their unknowns in one place.

Outside the `{ #unconfirmed }` and `{ #sources }` sections, such a page may say
"could not confirm / verify / find" (in any of its languages) at most
`BUDGET` times. Each page over budget is reported with every hit's line.

    python -m tools.checks.hedges [docs_dir]      # prints every page over budget
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LANGS = ("zh", "ru", "en")
PAGES = ("carriers/mts.md", "carriers/beeline.md", "carriers/megafon.md", "carriers/t2.md",
         "compare.md")
BUDGET = 2
EXEMPT = ("unconfirmed", "sources")

HEDGE = {
    "en": re.compile(
        r"\b(could not|couldn't|cannot|were unable to) (confirm|verify|find)\b"
        r"|\bnot (confirmed|verified)\b|\bun(confirmed|verified)\b",
        re.I,
    ),
    "ru": re.compile(
        r"не (удалось|смогли|можем) (подтвердить|проверить|найти)"
        r"|не подтвержд[её]н|не проверен|не нашли|не удалось установить",
        re.I,
    ),
    "zh": re.compile(
        r"(未能|无法|没能|没有能|不能)(确认|核实|证实|查到|找到|查明)"
        r"|未经(确认|核实|证实)|(?<![能法])未(确认|核实|证实)|尚未(确认|核实)|没有查到|没查到"
    ),
}
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "overrides" / "hooks"))
import includes  # noqa: E402  (included passages count where they are shown)

LINK_TARGET = re.compile(r"\]\([^)\s]*\)|\{\s*#[\w-]+\s*\}")
SECTION = re.compile(r"^#{2}\s.*\{\s*#([A-Za-z0-9_-]+)\s*\}\s*$")


def hedges(path: Path, lang: str) -> list[tuple[int, str]]:
    """(line, phrase) for each hedge outside the exempt sections."""
    hits, section = [], None
    lang_dir = path.parent
    for parent in path.parents:
        if parent.name == lang:
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
        hits.extend((number, h.group(0)) for h in HEDGE[lang].finditer(text))
    return hits


def check(docs_dir: Path, pages=PAGES, budget: int = BUDGET) -> list[str]:
    problems = []
    for lang in LANGS:
        for rel in pages:
            path = docs_dir / lang / rel
            if not path.exists():
                continue  # a missing translation is parity's to report
            hits = hedges(path, lang)
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
