"""Structural parity of the language versions of every page (the languages of mkdocs.yml).

Compares skeletons, never lengths: for each page, the same heading ids in the
same order, the same number of steps in each numbered list, the same admonition
kinds in order, the same task-list and table-row counts, the same fact keys,
source keys and internal link targets, and the same front matter (except the
translated `description`).

    python -m tools.checks.parity [docs_dir]      # prints every mismatch, exit 1 if any
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from tools.languages import FALLBACK_LANG, LANGS, safe_load
REFERENCE = FALLBACK_LANG  # mismatches are reported against the English version
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "overrides" / "hooks"))
import includes  # noqa: E402  (the build's own include expansion, not a copy)


HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{\s*#([A-Za-z0-9_-]+)\s*\}\s*$")
ORDERED = re.compile(r"^(\s*)(\d+)\.\s")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([a-z]+)")
TASK = re.compile(r"^\s*[-*]\s+\[[ xX]\]\s")
TABLE_ROW = re.compile(r"^\s*\|")
FACT = re.compile(r"\[\[\s*fact:([^\]\s|]+)(?:\|[a-z]+)?\s*\]\]")
SOURCE = re.compile(r"\[\[\s*source:([^\]\s]+)\s*\]\]")
CHECK = re.compile(r"\[\[\s*check(?:-block)?:([^\]\s]+)\s*\]\]")
CHECK_BLOCK = re.compile(r"\[\[\s*check-block:([^\]\s]+)\s*\]\]")
INFERENCE = re.compile(r"\[\[\s*inference\s*\]\]")
LINK = re.compile(r"\]\(([^)\s]+?\.md(?:#[^)\s]*)?)\)|href=\"([^\"]+?\.md(?:#[^\"]*)?)\"")
FENCE = re.compile(r"^\s*(```|~~~)")


# Front-matter keys written in each page's own language (not compared).
TRANSLATED_META = {"description"}


class PageError(Exception):
    """A page that cannot be read as a page (its message names file and line)."""


def split_front_matter(text: str, where: str = "page") -> tuple[dict, list[str], int]:
    m = re.match(r"-{3}[ \t]*\n(.*?\n)-{3}[ \t]*\n", text, re.S)
    if not m:
        return {}, text.split("\n"), 0
    try:
        meta = safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last = m.group(1).count("\n")  # the front matter's last line is line last + 1
        line = min(mark.line + 2, last + 1) if mark else 2  # +1 for the opening ---
        problem = getattr(exc, "problem", None) or str(exc)
        raise PageError(f"{where}:{line}: the front matter is not valid YAML: {problem}") from None
    if not isinstance(meta, dict):
        raise PageError(f"{where}:2: the front matter must be key: value lines")
    offset = text.count("\n", 0, m.end())
    return meta, text[m.end():].split("\n"), offset


def lang_root(path: Path) -> tuple[Path, int]:
    """The language folder a page is in (docs/<lang>/) and the page's depth below it."""
    for depth, parent in enumerate(path.parents):
        if parent.name in LANGS:
            return parent, depth
    return path.parent, 0


def skeleton(path: Path) -> dict:
    """The language-independent structure of one Markdown page, its includes
    expanded (the same include markers in the same places count as parity; the
    included files are compared as pages of their own as well)."""
    meta, lines, offset = split_front_matter(path.read_text(encoding="utf-8"), _where(path))
    root, depth = lang_root(path)
    included = includes.names("\n".join(lines))
    try:
        text, origins = includes.expand("\n".join(lines), root, _where(path), offset, depth, show=_where)
    except includes.IncludeError as exc:
        raise PageError(str(exc)) from None
    lines = text.split("\n")
    headings, missing_ids, lists, admonitions = [], [], [], []
    tasks = rows = 0
    in_fence = False
    current: dict[int, int] = {}  # indent -> count of the list being read
    body = "\n".join(lines)
    for origin, line in zip(origins, lines):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        h = HEADING.match(line)
        if h:
            m = HEADING_ID.search(h.group(2))
            if m:
                headings.append((len(h.group(1)), m.group(1)))
            else:
                missing_ids.append(f"{origin}: heading without an explicit {{ #id }}")
        o = ORDERED.match(line)
        if o:
            indent, n = len(o.group(1)), int(o.group(2))
            if n == 1 or indent not in current:
                if indent in current:
                    lists.append(current.pop(indent))
                current[indent] = 0
            current[indent] += 1
        a = ADMONITION.match(line)
        if a:
            admonitions.append(a.group(1))
        if TASK.match(line):
            tasks += 1
        if TABLE_ROW.match(line):
            rows += 1
    lists.extend(current.values())
    links = Counter(a or b for a, b in LINK.findall(body))
    return {
        "front matter": {k: v for k, v in meta.items() if k not in TRANSLATED_META},
        "includes": included,
        "heading ids": headings,
        "headings without id": missing_ids,
        "steps per numbered list": lists,
        "admonition kinds": admonitions,
        "task-list items": tasks,
        "table rows": rows,
        "fact keys": Counter(FACT.findall(body)),
        "source keys": Counter(SOURCE.findall(body)),
        "check-with-carrier marks": Counter(CHECK.findall(body)),
        "block marks": Counter(CHECK_BLOCK.findall(body)),
        "inference marks": len(INFERENCE.findall(body)),
        "internal link targets": links,
    }


def pages(docs_dir: Path, lang: str) -> set[str]:
    root = docs_dir / lang
    return {p.relative_to(root).as_posix() for p in root.rglob("*.md")}


def _where(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[-(len(parts) - parts.index("docs")):]) if "docs" in parts else str(path)


def compare_page(docs_dir: Path, rel: str) -> list[str]:
    """Mismatches for one page, each naming the language, page and what differs.
    A missing translation or unreadable front matter is reported, not raised."""
    errors = []
    skel = {}
    for lang in LANGS:
        path = docs_dir / lang / rel
        if not path.exists():
            errors.append(f"{lang}/{rel}: missing translation (the page has no {lang} version)")
            continue
        try:
            skel[lang] = skeleton(path)
        except PageError as exc:
            errors.append(str(exc))
    if len(skel) < len(LANGS) or REFERENCE not in skel:
        return errors
    for lang in LANGS:
        for problem in skel[lang]["headings without id"]:
            errors.append(f"{lang}/{rel}: {problem}")
    ref = skel[REFERENCE]
    for lang in LANGS:
        if lang == REFERENCE:
            continue
        for field, value in skel[lang].items():
            if field == "headings without id":
                continue
            if value != ref[field]:
                errors.append(
                    f"{lang}/{rel}: {field} differ from {REFERENCE}: "
                    f"{_show(value)} != {_show(ref[field])}"
                )
    return errors


def _show(value) -> str:
    if isinstance(value, Counter):
        return str(dict(sorted(value.items())))
    return str(value)


def missing_translations(docs_dir: Path) -> list[str]:
    every = set().union(*(pages(docs_dir, lang) for lang in LANGS))
    return [
        f"{lang}/{rel}: missing translation (exists in "
        f"{', '.join(l for l in LANGS if rel in pages(docs_dir, l))})"
        for rel in sorted(every)
        for lang in LANGS
        if rel not in pages(docs_dir, lang)
    ]


def check(docs_dir: Path) -> list[str]:
    errors = missing_translations(docs_dir)
    common = set.intersection(*(pages(docs_dir, lang) for lang in LANGS))
    for rel in sorted(common):
        errors.extend(compare_page(docs_dir, rel))
    return errors


if __name__ == "__main__":
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    problems = check(docs)
    print("\n".join(problems) or "parity: OK")
    sys.exit(1 if problems else 0)
