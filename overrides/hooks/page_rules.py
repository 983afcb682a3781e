"""Page rules: what every page must have before it is built.

- Every page exists in every language of mkdocs.yml; a missing one stops the build
  naming the language and file.
- Every page needs `last_reviewed` (YYYY-MM-DD) in valid front matter and a
  `## … { #sources }` section; the date is shown at the end of the page
  (`reviewed:` in docs/_data/ui/<lang>.yml).
- `<p data-online-only>` (the link to the offline zip) is kept only where the zip
  is produced: `make build` sets SIM_OFFLINE_ZIP=1 and writes the zip next to the
  site; a plain `mkdocs build`, `make serve` and the offline copy itself leave it out.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import facts  # noqa: E402  (same folder; MkDocs loads hooks as plain modules)
from common import i18n_building, is_offline  # noqa: E402
import common  # noqa: E402  (common.LANGS: read when a build starts)

ONLINE_ONLY = re.compile(r"^<p data-online-only>.*?</p>[ \t]*$", re.S | re.M)
SOURCES_HEADING = re.compile(r"^##\s.*\{\s*#sources\s*\}\s*$", re.M)


def missing_translations(docs_dir: Path) -> list[str]:
    """One line per page that some language has and another lacks."""
    pages = {lang: {p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md")}
             for lang in common.LANGS}
    lines = []
    for rel in sorted(set().union(*pages.values())):
        have = [lang for lang in common.LANGS if rel in pages[lang]]
        for lang in common.LANGS:
            if lang not in have:
                lines.append(
                    f"{docs_dir.name}/{lang}/{rel}: missing translation into '{lang}' "
                    f"(the page exists in {', '.join(f'{docs_dir.name}/{h}/' for h in have)})"
                )
    return lines


@event_priority(-200)  # after i18n (-100) has set up the theme
def on_config(config, **kwargs):
    if i18n_building(config):
        return config
    missing = missing_translations(Path(config["docs_dir"]))
    if missing:
        raise PluginError("every page needs every language of mkdocs.yml:\n  " + "\n  ".join(missing))
    return config


def front_matter_problem(page) -> str | None:
    """'line: what is wrong' when the page's front matter is not valid YAML (MkDocs
    then silently reads it as empty)."""
    if not page.file.abs_src_path:
        return None
    raw = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    m = re.match(r"-{3}[ \t]*\n(.*?\n)-{3}[ \t]*\n", raw, re.S)
    if not m:
        return None
    try:
        common.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last = m.group(1).count("\n")
        line = min(mark.line + 2, last + 1) if mark else 2
        return f"{line}: the front matter is not valid YAML: {getattr(exc, 'problem', None) or exc}"
    return None


def offers_zip(config) -> bool:
    """The offline zip is produced next to this build (make build), and this is not
    the offline copy itself."""
    return os.environ.get("SIM_OFFLINE_ZIP") == "1" and not is_offline(config)


def on_page_markdown(markdown, page, config, files, **kwargs):
    where = facts.page_where(page, config)
    reviewed = page.meta.get("last_reviewed")
    if not isinstance(reviewed, dt.date):
        problem = front_matter_problem(page)
        if problem:
            raise PluginError(f"{where}:{problem}")
        raise PluginError(f"{where}:1: front matter needs last_reviewed: YYYY-MM-DD")
    if not SOURCES_HEADING.search(markdown):
        raise PluginError(f"{where}: the page needs a '## … {{ #sources }}' section")
    if not offers_zip(config):
        markdown = ONLINE_ONLY.sub("", markdown)
    lang = facts.page_lang(config)
    text = common.words(lang)["reviewed"].format(date=facts.format_date(reviewed, lang))
    return (
        markdown.rstrip()
        + f'\n\n<p class="sim-reviewed" data-reviewed="{reviewed.isoformat()}">'
        + f"{html.escape(text)}</p>\n"
    )
