"""Marks and Sources lines, on the rendered text of every page in every language.

    python -m tools.checks.marks [docs_dir]     # prints every problem, exit 1 if any

1. "Check with …" words inside a sentence. Every page is rendered by the build's own
   hooks (includes.py, then facts.py: the text the reader gets, line by line, each line
   with the file and line it came from). A mark that says "check with …" (a
   hand-written [[check:X]], or the words the renderer puts at the end of a sentence
   with a medium fact) stands *inside a sentence* when more words follow it before
   the sentence's final punctuation: anything but spaces, closing markup, brackets
   and quotes, other marks, or one parenthesised reference such as
   "([question card](…))". The sentence's final punctuation is 。！？；：or . ! ? ; :
   (facts.FULL_STOPS, HALF_STOPS); the end of the line, of a table cell, a <br> and
   a closing block tag end a sentence too. So `…, [[check:mts]] and then …` fails;
   `… is free [[check:mts]].` and `| … [[check:mts]] |` pass. A bare ⚠ (a medium
   value inside a [[check-block:…]], or after a medium value) says nothing and is
   not looked at.
2. Sources lines in each language's punctuation: in the `{ #sources }` section of a
   zh page, no ASCII comma, semicolon, colon, parenthesis or quote and no “curly”
   quotes in the rendered text (use ，；：（）「」); in a ru page, no "straight" or
   “curly” quotes (use «ёлочки»). Link targets and tags are not text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from mkdocs.exceptions import PluginError  # noqa: E402

import common  # noqa: E402
import facts  # noqa: E402  (the renderer itself: the same placement, not a copy)
import includes  # noqa: E402

FRONT = re.compile(r"-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n\n*", re.S)
# a mark with words: a full [[check:X]] mark, or the end words of a medium fact
WORDS_MARK = re.compile(r'<a class="sim-check(?: sim-check-words)?" [^>]*>(.*?)</a>')
SOURCES = re.compile(r"^##\s.*\{\s*#sources\s*\}\s*$")
HEADING = re.compile(r"^#{1,6}\s")
TAG = re.compile(r"<[^>]+>")
MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")
ATTRS = re.compile(r"\{[^}]*\}")
# what a Sources line may not contain, per language (rendered text)
SOURCES_PUNCTUATION = {
    "zh": (re.compile(r"[,;\"“”'()]|:(?!//)"),
           "ASCII or curly punctuation in a zh Sources line: use ，；：（）「」"),
    "ru": (re.compile(r"[\"“”]"), "straight or curly quotes in a ru Sources line: use «ёлочки»"),
}


def rendered_lines(page: Path, lang_dir: Path, root: Path) -> list[tuple[str, str]]:
    """(origin "file:line", rendered line) for every line of a page, includes expanded
    and markers rendered by the build's hooks."""
    raw = page.read_text(encoding="utf-8")
    m = FRONT.match(raw)
    offset = raw.count("\n", 0, m.end()) if m else 0
    body = raw[m.end():] if m else raw
    where = page.relative_to(root).as_posix()
    page_src = page.relative_to(lang_dir).as_posix()
    show = lambda p: p.resolve().relative_to(root.resolve()).as_posix()  # noqa: E731
    text, origins = includes.expand(body, lang_dir, where, offset, page_src.count("/"), show=show)
    lang = lang_dir.name
    out = facts.expand(text, lang, where, offset, page_src, origins)
    return list(zip(origins, out.split("\n")))


def _plain(line: str) -> str:
    return ATTRS.sub("", TAG.sub("", MD_LINK_TARGET.sub("]", line))).strip()


def check_page(page: Path, lang_dir: Path, root: Path) -> list[str]:
    lang = lang_dir.name
    problems = []
    in_sources = False
    for origin, line in rendered_lines(page, lang_dir, root):
        if HEADING.match(line):
            in_sources = bool(SOURCES.match(line))
        table = line.lstrip().startswith("|")
        for m in WORDS_MARK.finditer(line):
            words = facts.words_after_mark(line[m.end():], table)
            if words is not None:
                said = TAG.sub("", m.group(1)).replace("⚠", "").strip()
                auto = "sim-check-words" in m.group(0)
                how = ("the words of a medium fact earlier in this sentence: the renderer found "
                       "no end before them; split the sentence" if auto else
                       "move the [[check:…]] mark to the end of the sentence, right before its "
                       "final punctuation (or write it as its own sentence)")
                problems.append(f"{origin}: '{said}' stands inside a sentence (followed by "
                                f"'{words}'): {how}")
        if in_sources and lang in SOURCES_PUNCTUATION and "sim-source" in line:
            pattern, what = SOURCES_PUNCTUATION[lang]
            plain = _plain(line)
            hit = pattern.search(plain)
            if hit:
                problems.append(f"{origin}: '{hit.group(0)}' in «{plain[:70]}»: {what}")
    return problems


def check(docs_dir: Path) -> list[str]:
    root = docs_dir.parent
    data_path = docs_dir / "_data" / "facts.yml"
    try:
        facts.load(data_path)
    except PluginError as exc:  # facts.yml is checked on its own: nothing to render with
        return [f"{data_path}: cannot render the pages: {exc}"]
    # the words of the project checked (a test's mini site has its own), as configure() sets them
    common._words_dir = docs_dir / "_data" / "ui"
    common._words.clear()
    problems = []
    for lang in common.LANGS:
        lang_dir = docs_dir / lang
        for page in sorted(lang_dir.rglob("*.md")):
            if page.relative_to(lang_dir).parts[0] == includes.FOLDER:
                continue
            try:
                problems += check_page(page, lang_dir, root)
            except (includes.IncludeError, PluginError):
                continue  # a bad include or marker: the strict build names it with its line
    return problems


if __name__ == "__main__":
    docs = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs").resolve()
    found = check(docs)
    print("\n".join(found) or "marks and Sources lines: OK")
    sys.exit(1 if found else 0)
