"""Every pointer to the question card names a question that is on it.

A page that says "ask your carrier" links the question on the counter page's card:
`at-the-counter.md#q-refund` (or `#q-refund` on the counter page itself). Each
question on the card has its id in an attribute list (`{ #q-refund .sim-goal-end }`)
or as `id="q-…"`. A link to a `#q-…` the card of that language does not hold is
reported with its file and line.

    python -m tools.checks.questions [docs_dir]     # prints every broken pointer
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LANGS = ("zh", "ru", "en")
CARD = "at-the-counter.md"
QUESTION_ID = re.compile(r"\{[^}\n]*#(q-[\w-]+)[^}\n]*\}|\bid=[\"'](q-[\w-]+)[\"']")
LINK = re.compile(r"\]\(([^)\s]*)\)|href=[\"']([^\"']*)[\"']")


def questions(card: Path) -> set[str]:
    if not card.exists():
        return set()
    return {a or b for a, b in QUESTION_ID.findall(card.read_text(encoding="utf-8"))}


def check(docs_dir: Path) -> list[str]:
    problems = []
    for lang in LANGS:
        folder = docs_dir / lang
        if not folder.is_dir():
            continue
        known = questions(folder / CARD)
        for page in sorted(folder.rglob("*.md")):
            rel = page.relative_to(docs_dir).as_posix()
            on_card = page == folder / CARD
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
                for m in LINK.finditer(line):
                    target = m.group(1) or m.group(2) or ""
                    path, _, anchor = target.partition("#")
                    if not anchor.startswith("q-"):
                        continue
                    if not (path.endswith(CARD) or (on_card and path == "")):
                        continue
                    if anchor not in known:
                        problems.append(
                            f"docs/{rel}:{number}: link to {target} — the question card "
                            f"(docs/{lang}/{CARD}) has no question '#{anchor}'"
                        )
    return problems


if __name__ == "__main__":
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    found = check(docs)
    print("\n".join(found) or "questions: OK")
    sys.exit(1 if found else 0)
