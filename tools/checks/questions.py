"""Every pointer to the question card names a question that is on it.

A page that says "ask your carrier" links the question on the counter page's card:
`at-the-counter.md#q-refund` (or `#q-refund` on the counter page itself). Each
question on the card has its id in an attribute list (`{ #q-refund .sim-goal-end }`)
or as `id="q-…"`. A link to a `#q-…` the card of that language does not hold is
reported with its file and line.

A list item of a "What we could not confirm" section ({ #unconfirmed }) that gives the
Russian question to ask («…?») needs one too.

A sentence that tells the reader to ask the carrier ("ask your carrier", «Спросите…»,
"请向运营商询问"…) needs such a link on the same line (a list item or a paragraph is one
line in these pages). The phrases are regular expressions per language under
`ask_carrier:` in docs/_data/glossary.yml; headings are not instructions and are skipped.

    python -m tools.checks.questions [docs_dir]     # prints every broken pointer and unlinked ask
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tools.languages import LANGS


CARD = "at-the-counter.md"
# a question to put to the clerk, in Russian, quoted («…?» or 「…?」)
RUSSIAN_QUESTION = re.compile(r"[«「][^»」\n]*[А-Яа-яЁё][^»」\n]*\?[»」]")
UNCONFIRMED = re.compile(r"^##\s.*\{[^}]*#unconfirmed\b")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")
QUESTION_ID = re.compile(r"\{[^}\n]*#(q-[\w-]+)[^}\n]*\}|\bid=[\"'](q-[\w-]+)[\"']")
LINK = re.compile(r"\]\(([^)\s]*)\)|href=[\"']([^\"']*)[\"']")


def questions(card: Path) -> set[str]:
    if not card.exists():
        return set()
    return {a or b for a, b in QUESTION_ID.findall(card.read_text(encoding="utf-8"))}


def ask_phrases(docs_dir: Path) -> dict[str, list[re.Pattern]]:
    """The per-language phrases that tell the reader to ask the carrier."""
    from tools.checks.glossary import load

    path = docs_dir / "_data" / "glossary.yml"
    data = load(docs_dir) if path.exists() else None  # GlossaryError names the file
    table = (data or {}).get("ask_carrier") or {}
    return {lang: [re.compile(p, re.IGNORECASE) for p in table.get(lang) or []] for lang in LANGS}


def _body(lines: list[str]):
    """(number, line) of the page's text: no front matter, no headings, no code."""
    front = bool(lines) and lines[0].strip() == "---"
    fence = False
    for number, line in enumerate(lines, 1):
        if front:
            if number > 1 and line.strip() == "---":
                front = False
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence or re.match(r"\s*#{1,6}\s", line):
            continue
        yield number, line


def _points_to_card(line: str, on_card: bool) -> bool:
    for m in LINK.finditer(line):
        path, _, anchor = (m.group(1) or m.group(2) or "").partition("#")
        if anchor.startswith("q-") and (path.endswith(CARD) or (on_card and path == "")):
            return True
    return False


def unlinked_asks(docs_dir: Path) -> list[str]:
    """Every line that tells the reader to ask the carrier without a link to a question."""
    problems = []
    phrases = ask_phrases(docs_dir)
    for lang in LANGS:
        folder = docs_dir / lang
        if not folder.is_dir():
            continue
        for page in sorted(folder.rglob("*.md")):
            rel = page.relative_to(docs_dir).as_posix()
            on_card = page == folder / CARD
            lines = page.read_text(encoding="utf-8").splitlines()
            unconfirmed = set()  # the line numbers of the { #unconfirmed } sections
            inside = False
            for number, line in enumerate(lines, 1):
                if re.match(r"##\s", line):
                    inside = bool(UNCONFIRMED.match(line))
                elif inside:
                    unconfirmed.add(number)
            for number, line in _body(lines):
                hit = next((m for p in phrases[lang] if (m := p.search(line))), None)
                if hit is None and number in unconfirmed and LIST_ITEM.match(line):
                    hit = RUSSIAN_QUESTION.search(line)
                if hit and not _points_to_card(line, on_card):
                    problems.append(
                        f"docs/{rel}:{number}: tells the reader to ask (\"{hit.group(0)}\") "
                        f"but links no question on the card (docs/{lang}/{CARD}#q-…)"
                    )
    return problems


def check(docs_dir: Path) -> list[str]:
    from tools.checks.glossary import GlossaryError

    try:
        return broken_pointers(docs_dir) + unlinked_asks(docs_dir)
    except GlossaryError as exc:
        return [str(exc)]


def broken_pointers(docs_dir: Path) -> list[str]:
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
