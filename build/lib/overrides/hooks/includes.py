"""One claim, one place: shared passages included into pages.

A line that holds only `[[include:NAME]]` (it may be indented, for example inside
a list item) is replaced by docs/<lang>/_includes/NAME.md, each line of it
indented like the marker. The included file is plain Markdown with the usual
markers ([[fact:…]], [[check:…]], [[inference]] …); its links to other pages are
written relative to the language folder (`cards/physical-sim.md#steps`) and are
rewritten for the page that includes it. Links to `#anchor` alone point into the
including page.

The facts hook expands includes first, before every other marker, so that the
included text is checked and rendered like the page's own (pymdownx.snippets
would run after the hook, leaving its markers unexpanded and unchecked). The
parity, glossary and hedge checkers expand includes the same way.

No mkdocs import here: tools/checks uses this module too.
"""

from __future__ import annotations

import re
from pathlib import Path

FOLDER = "_includes"
INCLUDE_LINE = re.compile(r"^([ \t]*)\[\[\s*include:([^\]]*?)\s*\]\][ \t]*$")
INCLUDE_ANY = re.compile(r"\[\[\s*include:")
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A Markdown link to another page, relative to the language root: ](path.md#x) or ](path.md)
PAGE_LINK = re.compile(r"\]\((?!https?:|/|#|\.\./|mailto:|tel:)([^)\s]+?\.md(?:[#?][^)\s]*)?)([ )])")


class IncludeError(Exception):
    """A bad include: the message starts with file:line."""


def rebase_links(text: str, depth: int) -> str:
    """Links written relative to the language root, made relative to a page
    `depth` folders below it."""
    if depth == 0:
        return text
    prefix = "../" * depth
    return PAGE_LINK.sub(lambda m: f"]({prefix}{m.group(1)}{m.group(2)}", text)


def expand(
    markdown: str,
    lang_dir: Path,
    where: str,
    offset: int = 0,
    depth: int = 0,
    show: callable = str,
) -> tuple[str, list[str]]:
    """The page with every include replaced, and for each of its lines the place
    ("file:line") it came from. `where` names the page, `offset` is the number of
    lines above the first line of `markdown` in that file, `depth` how many
    folders the page is below the language root, `show` how a path is named in
    messages. An unknown or malformed include, an include inside an included
    file, or a marker that is not alone on its line raises IncludeError."""
    out: list[str] = []
    origins: list[str] = []
    for number, line in enumerate(markdown.split("\n"), start=1 + offset):
        here = f"{where}:{number}"
        m = INCLUDE_LINE.match(line)
        if not m:
            if INCLUDE_ANY.search(line):
                raise IncludeError(
                    f"{here}: an [[include:NAME]] marker must stand alone on its line"
                )
            out.append(line)
            origins.append(here)
            continue
        indent, name = m.groups()
        if not NAME.match(name):
            raise IncludeError(f"{here}: malformed include name '{name}' (a-z, 0-9, -)")
        path = lang_dir / FOLDER / f"{name}.md"
        if not path.is_file():
            raise IncludeError(
                f"{here}: unknown include '{name}' (no file {show(path)})"
            )
        text = path.read_text(encoding="utf-8").rstrip("\n")
        for inner, inc_line in enumerate(text.split("\n"), start=1):
            inc_here = f"{show(path)}:{inner}"
            if INCLUDE_ANY.search(inc_line):
                raise IncludeError(
                    f"{inc_here}: an included file may not include another (included from {here})"
                )
            inc_line = rebase_links(inc_line, depth)
            out.append(indent + inc_line if inc_line.strip() else "")
            origins.append(inc_here)
    return "\n".join(out), origins


def names(markdown: str) -> list[str]:
    """The include names of a page, in order (for parity)."""
    return [m.group(2) for m in map(INCLUDE_LINE.match, markdown.split("\n")) if m]
