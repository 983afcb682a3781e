"""One term per concept: the variants that docs/_data/glossary.yml replaces.

For each language, every variant listed under `replaced:` (literal `not`, or
regular expression `not_re`) is looked for in everything that language renders:
its pages and includes (docs/<lang>/**/*.md), its words file (docs/_data/ui/<lang>.yml)
and its wording in facts.yml (publishers' and carriers' names); each hit is reported
with file, line, the variant and the preferred term. Cyrillic and Latin variants
match case-blind (a sentence-initial «Офис» is caught) unless the entry says
`case: keep`; the carriers' name rules (`carriers:`, tests/test_content.py) keep
their own case.

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


# the site's markers ([[fact:KEY]], [[include:NAME]] …): keys, not words
MARKER = re.compile(r"\[\[[^\[\]\n]*\]\]")

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
            flags = 0 if entry.get("case") == "keep" else re.I
            for literal in entry.get("not", []):
                out[lang].append((re.compile(re.escape(literal), flags), literal, use))
            for pattern in entry.get("not_re", []):
                try:
                    out[lang].append((re.compile(pattern, flags), f"/{pattern}/", use))
                except re.error as exc:
                    raise GlossaryError(
                        f"{_where(path)}: replaced.{lang}: '{use}': not_re /{pattern}/ is not a valid "
                        f"regular expression ({exc})") from None
    return out


def yaml_texts(path: Path, keep=lambda keys: True) -> list[tuple[int, str]]:
    """(line, text) of every string in a YAML file whose key path `keep` accepts
    (a multi-line text gives one entry per line)."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    out: list[tuple[int, str]] = []

    def walk(n, keys: tuple):
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                walk(v, (*keys, k.value))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, (*keys, i))
        elif isinstance(n, yaml.ScalarNode) and n.tag.endswith(":str") and keep(keys):
            for i, part in enumerate(str(n.value).split("\n")):
                out.append((n.start_mark.line + 1 + i, part))

    if node is not None:
        walk(node, ())
    return out


def rendered_texts(docs_dir: Path, lang: str) -> list[tuple[Path, int, str]]:
    """(file, line, text) of everything `lang` renders: its pages and includes, its
    words file, and its wording in facts.yml (publishers, carriers' names)."""
    out = []
    for path in sorted((docs_dir / lang).rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            out.append((path, number, line))
    words = docs_dir / "_data" / "ui" / f"{lang}.yml"
    if words.is_file():
        out += [(words, n, t) for n, t in yaml_texts(words)]
    facts_file = docs_dir / "_data" / "facts.yml"
    if facts_file.is_file():
        def wording(keys: tuple) -> bool:
            return (len(keys) == 4 and keys[0] == "sources" and keys[2] == "publisher" and keys[3] == lang
                    or len(keys) == 4 and keys[0] == "carriers" and keys[2] == "name" and keys[3] == lang
                    or len(keys) == 3 and keys[0] == "carriers" and keys[2] == f"{lang}_genitive")
        out += [(facts_file, n, t) for n, t in yaml_texts(facts_file, wording)]
    return out


def check(docs_dir: Path) -> list[str]:
    problems = []
    root = docs_dir.parent
    try:
        table = rules(docs_dir)
    except GlossaryError as exc:
        return [str(exc)]
    for lang, patterns in table.items():
        if not (docs_dir / lang).is_dir():
            continue
        for path, number, line in rendered_texts(docs_dir, lang):
            if path.suffix == ".md":  # a marker's key ([[fact:steps.snils-days]]) is no word of the page
                line = MARKER.sub(lambda m: " " * len(m.group(0)), line)
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
