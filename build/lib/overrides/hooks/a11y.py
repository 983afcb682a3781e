"""Accessibility fix that pymdown's task-list markup needs, made in the HTML so it
holds without JavaScript (nothing is switched off in axe): each task-list item's
text moves inside its <label>, so the checkbox is named by it (axe: label) and
tapping the text ticks the box, as readers expect on a phone.

This is an edit of the rendered page because no template or extension option
produces that markup (pymdownx.tasklist writes the label around the box only).
Where Material has a template for a change, the template is overridden instead:
the search dialog's accessible name is in overrides/partials/search.html.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

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
    return label_tasks(output)
