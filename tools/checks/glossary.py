"""One term per concept: the variants that docs/_data/glossary.yml replaces.

For each language, every variant listed under `replaced:` (literal `not`, or
regular expression `not_re`) is looked for in that language's Markdown; each hit
is reported with file, line, the variant and the preferred term.

    python -m tools.checks.glossary [docs_dir]     # prints every hit, exit 1 if any
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from tools.languages import LANGS


def rules(docs_dir: Path) -> dict[str, list[tuple[re.Pattern, str, str]]]:
    """Per language: (pattern, how the variant is shown, the preferred term)."""
    path = docs_dir / "_data" / "glossary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, list[tuple[re.Pattern, str, str]]] = {lang: [] for lang in LANGS}
    for lang, entries in (data.get("replaced") or {}).items():
        if lang not in LANGS:
            raise ValueError(f"{path}: replaced: unknown language '{lang}'")
        for entry in entries:
            use = entry["use"]
            for literal in entry.get("not", []):
                out[lang].append((re.compile(re.escape(literal)), literal, use))
            for pattern in entry.get("not_re", []):
                out[lang].append((re.compile(pattern), f"/{pattern}/", use))
    return out


def check(docs_dir: Path) -> list[str]:
    problems = []
    root = docs_dir.parent
    for lang, patterns in rules(docs_dir).items():
        for path in sorted((docs_dir / lang).rglob("*.md")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                for pattern, shown, use in patterns:
                    m = pattern.search(line)
                    if m:
                        where = path.relative_to(root) if path.is_relative_to(root) else path
                        problems.append(
                            f"{where}:{number}: '{m.group(0)}' (glossary variant {shown}); "
                            f"write '{use}'"
                        )
    return problems


if __name__ == "__main__":
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    found = check(docs)
    print("\n".join(found) or "glossary: OK")
    sys.exit(1 if found else 0)
