"""Accessibility fixes that Material's and pymdown's markup need, made in the HTML
so they hold without JavaScript (nothing is switched off in axe):

- the search dialog gets an accessible name (axe: aria-dialog-name);
- each task-list item's text moves inside its <label>: the checkbox is named by it
  (axe: label) and tapping the text ticks the box, as readers expect on a phone.
"""

from __future__ import annotations

import html
import re

from mkdocs.plugins import event_priority

SEARCH_NAME = {"zh": "搜索", "ru": "Поиск", "en": "Search"}
SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
TASK_ITEM = re.compile(
    r'<li class="(?P<cls>task-list-item(?: [^"]*)?)"(?P<liattrs>[^>]*)><label class="task-list-control">'
    r"<input (?P<attrs>[^>]*?)/?>"
    r'<span class="task-list-indicator"></span></label>'
    r"(?P<text>[^<]*(?:<(?!/?li\b)[^<]*)*)</li>"
)


def label_tasks(output: str) -> str:
    def replace(m: re.Match) -> str:
        return (
            f'<li class="{m.group("cls")}"{m.group("liattrs")}><label class="task-list-control">'
            f'<input {m.group("attrs").strip()}>'
            '<span class="task-list-indicator"></span>'
            f' <span class="sim-task-text">{m.group("text").strip()}</span></label></li>'
        )

    return TASK_ITEM.sub(replace, output)


@event_priority(-250)
def on_post_page(output, page, config, **kwargs):
    lang = config["theme"]["language"]
    name = html.escape(SEARCH_NAME.get(lang, "Search"))
    output = SEARCH_DIALOG.sub(rf'\1 aria-label="{name}">', output, count=1)
    return label_tasks(output)
