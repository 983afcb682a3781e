"""One term per concept: the variants that docs/_data/glossary.yml replaces.

For each language, every variant listed under `replaced:` (literal `not`, or
regular expression `not_re`) is looked for in that language's Markdown; each hit
is reported with file, line, the variant and the preferred term.

    python -m tools.checks.glossary [docs_dir]     # prints every hit, exit 1 if any

The glossary's per-language entries (register, carrier spellings, hedges, dated
wording) may be missing for a language that is new: the English entry is used
where one makes sense, and `fallbacks()` lists every gap for make check.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from tools.languages import FALLBACK_LANG, LANGS, safe_load


class GlossaryError(Exception):
    """glossary.yml cannot be used; the message names the file (and line where known)."""


def _where(path: Path) -> str:
    root = path.parents[2] if len(path.parents) > 2 else path.parent
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def load(docs_dir: Path) -> dict:
    path = docs_dir / "_data" / "glossary.yml"
    try:
        data = safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise GlossaryError(f"{_where(path)}{at}: not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise GlossaryError(f"{_where(path)}: must be a mapping (register, terms, replaced, …)")
    return data


def in_lang(entries: dict, lang: str):
    """A per-language glossary entry in `lang`, or the English one."""
    return entries[lang] if lang in entries else entries[FALLBACK_LANG]


def carrier_rules(glossary: dict, lang: str) -> dict[str, dict]:
    """Per carrier: the spellings to use and the forbidden ones in `lang`."""
    return {carrier: in_lang(rules, lang) for carrier, rules in glossary["carriers"].items()}


def hedge_patterns(docs_dir: Path, langs: tuple[str, ...] = ()) -> dict[str, re.Pattern]:
    """Per language: how it says "we could not confirm" (case-insensitive)."""
    hedges = load(docs_dir)["hedges"]
    return {lang: re.compile("|".join(f"(?:{p})" for p in in_lang(hedges, lang)), re.I)
            for lang in langs or LANGS}


def fallbacks(docs_dir: Path, langs: tuple[str, ...] = ()) -> list[str]:
    """One line per per-language glossary entry a language lacks."""
    data, out, where = load(docs_dir), [], "docs/_data/glossary.yml"
    for lang in langs or LANGS:
        for section in ("register", "hedges", "dated_words"):
            if lang not in (data.get(section) or {}):
                out.append(f"{where}: {section} has no '{lang}': the English entry is used")
        for carrier, rules in (data.get("carriers") or {}).items():
            if lang not in rules:
                out.append(f"{where}: carriers.{carrier} has no '{lang}': the English spellings are used")
        if lang not in (data.get("replaced") or {}):
            out.append(f"{where}: replaced has no '{lang}': no variants are refused in '{lang}' yet")
    return out


def rules(docs_dir: Path) -> dict[str, list[tuple[re.Pattern, str, str]]]:
    """Per language: (pattern, how the variant is shown, the preferred term)."""
    path = docs_dir / "_data" / "glossary.yml"
    data = load(docs_dir)
    out: dict[str, list[tuple[re.Pattern, str, str]]] = {lang: [] for lang in LANGS}
    for lang, entries in (data.get("replaced") or {}).items():
        if lang not in LANGS:
            raise GlossaryError(f"{_where(path)}: replaced: unknown language '{lang}'")
        for entry in entries or []:
            if not isinstance(entry, dict) or "use" not in entry:
                raise GlossaryError(f"{_where(path)}: replaced.{lang}: an entry without 'use': {entry!r}")
            use = entry["use"]
            for literal in entry.get("not", []):
                out[lang].append((re.compile(re.escape(literal)), literal, use))
            for pattern in entry.get("not_re", []):
                try:
                    out[lang].append((re.compile(pattern), f"/{pattern}/", use))
                except re.error as exc:
                    raise GlossaryError(
                        f"{_where(path)}: replaced.{lang}: '{use}': not_re /{pattern}/ is not a valid "
                        f"regular expression ({exc})") from None
    return out


def check(docs_dir: Path) -> list[str]:
    problems = []
    root = docs_dir.parent
    try:
        table = rules(docs_dir)
    except GlossaryError as exc:
        return [str(exc)]
    for lang, patterns in table.items():
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
