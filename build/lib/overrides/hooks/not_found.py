"""The 404 pages, one per language: `404.html` (the default language), `<lang>/404.html`
for the others (template: overrides/404.html).

mkdocs-static-i18n writes the root 404.html in every language's build; after each
build this hook keeps a copy as `<lang>/404.html`. Each is rendered without the
language switcher or hreflang (they would point at another page) and searches its
own language (overrides/hooks/search_split.py).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import facts  # noqa: E402  (same folder; MkDocs loads hooks as plain modules)
import common  # noqa: E402  (common.LANGS: read when a build starts)

_alternates_during_404 = None


def on_pre_template(template, template_name, config, **kwargs):
    """The 404 page has no page of its own in other languages: render it without
    the switcher and hreflang (Material takes both from extra.alternate)."""
    global _alternates_during_404
    if template_name == "404.html":
        extra = config["extra"]
        # i18n sets the alternates both as an item and, per page, as an attribute
        # (which Jinja reads first): hide both while the 404 page renders.
        _alternates_during_404 = (extra.get("alternate"), extra.__dict__.get("alternate"))
        extra["alternate"] = None
        extra.__dict__["alternate"] = None
    return template


def on_template_context(context, template_name, config, **kwargs):
    """The 404 page's link home: the root of its language."""
    if template_name == "404.html":
        lang = facts.page_lang(config)
        context["sim_404_home"] = "" if lang == common.DEFAULT_LANG else f"{lang}/"
    return context


def on_post_template(output, template_name, config, **kwargs):
    global _alternates_during_404
    if template_name != "404.html":
        return output
    extra = config["extra"]
    extra["alternate"], attribute = _alternates_during_404
    if attribute is None:
        extra.__dict__.pop("alternate", None)
    else:
        extra.__dict__["alternate"] = attribute
    return output


# In every language's build, before the offline manifests (offline_save.py, -400) list it.
@event_priority(-350)
def on_post_build(config, **kwargs):
    site_dir = Path(config["site_dir"])
    lang = facts.page_lang(config)
    if lang != common.DEFAULT_LANG and (site_dir / "404.html").exists():
        # each language's build writes the root 404.html; keep this one as <lang>/404.html
        (site_dir / lang).mkdir(exist_ok=True)
        shutil.copy(site_dir / "404.html", site_dir / lang / "404.html")
